from pathlib import Path

import pytest

from kg.ingest.furniture import furniture_spans

_STORY = (
    "The Home Office has admitted a drug consumption room could ease problems in Glasgow. "
    "Officials said allowing the planned room would risk problems for police elsewhere. "
    "Glasgow City Council said the change in attitude was significant. "
)


def _flagged(text: str) -> list[str]:
    return [text[start:end] for start, end in furniture_spans(text)]


def test_one_paragraph_footer_with_link_teaser():
    teaser = 'The Russian leader says his call with the president was "frank". '
    footer = (
        "15 sayings from around the world (c) 2021 BBC. "
        "The BBC is not responsible for the content of external sites."
    )
    text = _STORY + teaser + footer
    assert furniture_spans(text) == [(len(_STORY + teaser), len(text))]


def test_footer_runs_to_the_end_of_the_text():
    tail = "\nTop Stories\nSomething happened somewhere\nAnother headline here"
    text = _STORY + "\n© 2019 Example News Ltd." + tail
    assert _flagged(text) == ["© 2019 Example News Ltd." + tail]


def test_related_topics_chains_to_the_footer():
    text = (
        _STORY + "\nRelated Topics\nGlasgow\nDrug use\n(c) 2021 BBC. The BBC is not responsible "
        "for the content of external sites. Read more about our approach to external linking."
    )
    [(start, end)] = furniture_spans(text)
    assert text[start:].startswith("Related Topics") and end == len(text)


def test_credit_above_the_story_does_not_swallow_it():
    text = "© Reuters 2021\n\n" + _STORY * 3
    assert _flagged(text) == ["© Reuters 2021"]


@pytest.mark.parametrize(
    "piece",
    [
        "Image copyright Getty Images",
        "Image caption Officials met council leaders in Glasgow.",
        "Media playback is unsupported on your device",
        "Media caption The council leader explains the plan.",
        "Share this with Email Facebook Messenger Twitter WhatsApp Copy this link",
        "These are external links and will open in a new window.",
        "Follow BBC Scotland on Twitter.",
        "All rights reserved.",
    ],
)
def test_inline_furniture_is_flagged_and_story_kept(piece):
    text = _STORY + piece + " " + _STORY
    assert _flagged(text) == [piece]


def test_credit_stops_before_the_next_sentence():
    text = _STORY + "Image copyright AFP Nicola Sturgeon said the plan was welcome. " + _STORY
    assert _flagged(text) == ["Image copyright AFP"]


def test_whole_line_chrome():
    text = "Advertisement\n" + _STORY + "\nPublished 28 January 2021\n" + _STORY
    assert _flagged(text) == ["Advertisement", "Published 28 January 2021"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The BBC's copyright lawyers said the case was closed.",
        "Copyright law protects authors, the BBC said.",
        "The Copyright, Designs and Patents Act 1988 was amended.",
        "The BBC is not responsible for the delay, the minister said.",
        "Under section 3(c) 2021 rules apply to all councils.",
        "The options were (a) 2019 levels, (b) 2020 levels or (c) 2021 levels.",
        "He shared this with friends. Read more about it in the report.",
        "The image caption contest drew 50 entries.",
        "Fans can follow the team on Twitter.",
        "He said all rights reserved for members were kept.",
        "The company's share this year rose to 20%.",
        "Related topics included the budget and the BBC licence fee.",
        "Most read the report before the vote.",
    ],
)
def test_real_sentences_are_not_flagged(sentence):
    text = _STORY + sentence + " " + _STORY + sentence
    assert furniture_spans(text) == []


def test_spans_are_sorted_disjoint_and_trimmed():
    text = (
        "Image copyright PA Media\n" + _STORY + "\nImage caption A caption line\n" + _STORY
        + "\n(c) 2021 BBC.\n"
    )  # fmt: skip
    spans = furniture_spans(text)
    assert spans == sorted(spans)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end < start
    for start, end in spans:
        assert text[start:end] == text[start:end].strip()


_CORPUS = Path("/work/shared/corpora/bbc")


@pytest.mark.skipif(not _CORPUS.is_dir(), reason="shared BBC corpus not present")
def test_clean_bbc_corpus_has_no_furniture():
    # The 2004-05 BBC corpus is plain story text, so every flag there is a false positive.
    flagged = [
        path.name
        for path in sorted(_CORPUS.rglob("*.txt"))
        if path.name != "README.TXT" and furniture_spans(path.read_text(encoding="utf-8"))
    ]
    assert flagged == []
