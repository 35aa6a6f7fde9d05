"""One person per person within an article (issue 12): titles that disagree in gender never
join, and a given name alone joins only the one person the article calls by it."""

import pytest
from conftest import make_doc

from kg.extract.mentions import find_candidates
from kg.extract.resolve import resolve_entities
from kg.model import PERSON


def _people(doc):
    return {e.name: e for e in resolve_entities(doc, find_candidates(doc)) if e.type == PERSON}


def _doc(blank_vocab, spec, *persons):
    """`persons`: (first token, length) of each span the model reads as a person."""
    doc = make_doc(blank_vocab, spec)
    doc.set_ents(
        [
            doc.char_span(doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1]), label="PERSON")
            for i, n in persons
        ]
    )
    return doc


def test_mrs_howard_and_mr_howard_beside_michael_howard_are_two_people(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Michael/PROPN Howard/PROPN spoke/VERB ./PUNCT Mr/PROPN Howard/PROPN smiled/VERB ./PUNCT "
        "Mrs/PROPN Howard/PROPN campaigned/VERB ./PUNCT",
        (0, 2),
        (5, 1),
        (9, 1),
    )
    people = _people(doc)
    assert len(people) == 2
    assert "Mr Howard" in people["Michael Howard"].aliases
    assert "Mrs Howard" not in people["Michael Howard"].aliases


def test_mr_and_mrs_howard_with_no_full_name_are_two_people_with_two_keys(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Mr/PROPN Howard/PROPN spoke/VERB ./PUNCT Mrs/PROPN Howard/PROPN smiled/VERB ./PUNCT",
        (1, 1),
        (5, 1),
    )
    people = resolve_entities(doc, find_candidates(doc))
    assert len(people) == 2 and len({p.key for p in people}) == 2
    assert {p.name for p in people} == {"Howard", "Mrs Howard"}


def test_a_womans_title_never_joins_a_man_by_his_given_name(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Michael/PROPN Howard/PROPN spoke/VERB ./PUNCT Mrs/PROPN Howard/PROPN smiled/VERB ./PUNCT",
        (0, 2),
        (5, 1),
    )
    assert len(_people(doc)) == 2


def test_ms_hunter_joins_mhairi_hunter_and_a_later_mr_hunter_does_not(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Mhairi/PROPN Hunter/PROPN spoke/VERB ./PUNCT Ms/PROPN Hunter/PROPN smiled/VERB ./PUNCT "
        "Mr/PROPN Hunter/PROPN left/VERB ./PUNCT",
        (0, 2),
        (5, 1),
        (9, 1),
    )
    people = _people(doc)
    assert "Ms Hunter" in people["Mhairi Hunter"].aliases
    assert "Mr Hunter" not in people["Mhairi Hunter"].aliases and len(people) == 2


def test_a_given_name_the_article_calls_someone_by_joins_them(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Marianne/PROPN Petersen/PROPN moved/VERB ./PUNCT Marianne/PROPN said/VERB so/ADV ./PUNCT",
        (0, 2),
        (4, 1),
    )
    assert "Marianne" in _people(doc)["Marianne Petersen"].aliases


def test_a_given_name_only_quoted_does_not_join(blank_vocab):
    doc = _doc(
        blank_vocab,
        'Michael/PROPN Howard/PROPN spoke/VERB ./PUNCT "/PUNCT We/PRON want/VERB Michael/PROPN '
        'here/ADV ,/PUNCT "/PUNCT he/PRON said/VERB ./PUNCT',
        (0, 2),
        (7, 1),
    )
    people = _people(doc)
    assert set(people) == {"Michael Howard"} and "Michael" not in people["Michael Howard"].aliases


def test_a_given_name_two_people_share_joins_neither(blank_vocab):
    doc = _doc(
        blank_vocab,
        "David/PROPN Davis/PROPN met/VERB David/PROPN Blunkett/PROPN ./PUNCT "
        "David/PROPN said/VERB so/ADV ./PUNCT",
        (0, 2),
        (3, 2),
        (6, 1),
    )
    people = _people(doc)
    assert all("David" not in p.aliases for p in people.values())


def test_a_shared_surname_stays_with_the_person_named_first(blank_vocab):
    # "his father, Azmat Begg" arrives later; "Mr Begg" after it is still the subject
    doc = _doc(
        blank_vocab,
        "Moazzam/PROPN Begg/PROPN was/AUX freed/VERB ./PUNCT His/PRON father/NOUN Azmat/PROPN "
        "Begg/PROPN spoke/VERB ./PUNCT Mr/PROPN Begg/PROPN thanked/VERB lawyers/NOUN ./PUNCT "
        "Begg/PROPN smiled/VERB ./PUNCT",
        (0, 2),
        (7, 2),
        (12, 1),
        (17, 1),
    )
    people = _people(doc)
    assert set(people) == {"Moazzam Begg", "Azmat Begg"}
    assert set(people["Moazzam Begg"].aliases) == {"Begg", "Mr Begg"}
    assert people["Azmat Begg"].aliases == ()


def test_a_titled_family_name_written_first_joins_the_full_name(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Wang/PROPN Xuebing/PROPN was/AUX jailed/VERB ./PUNCT Mr/PROPN Wang/PROPN appealed/VERB",
        (0, 2),
        (6, 1),
    )
    assert "Mr Wang" in _people(doc)["Wang Xuebing"].aliases


def test_a_titled_surname_that_is_a_given_name_does_not_join_by_it(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Howard/PROPN Flight/PROPN quit/VERB ./PUNCT Mr/PROPN Howard/PROPN agreed/VERB",
        (0, 2),
        (5, 1),
    )
    assert "Mr Howard" not in _people(doc)["Howard Flight"].aliases


def test_a_prince_keeps_his_title_and_joins_no_commoner(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Charles/PROPN Clarke/PROPN spoke/VERB of/ADP Prince/PROPN Charles/PROPN ./PUNCT",
        (0, 2),
        (5, 1),
    )
    assert set(_people(doc)) == {"Charles Clarke", "Prince Charles"}


def test_a_lone_name_with_a_title_before_it_is_a_person(blank_vocab):
    doc = _doc(
        blank_vocab,
        "the/DET budget/NOUN ./PUNCT President/PROPN Bush/PROPN spoke/VERB ./PUNCT "
        "Frost/PROPN fell/VERB ./PUNCT",
        (4, 1),
        (7, 1),
    )
    assert set(_people(doc)) == {"Bush"}


@pytest.mark.model
def test_the_seeds_name_mhairi_hunter_by_all_her_forms(nlp):
    from conftest import SEEDS

    from kg.extract.article import extract
    from kg.model import Article

    aliases: set[str] = set()
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for e in extract(nlp(text), Article(id=path.stem, text=text)).entities:
            if e.name == "Mhairi Hunter":
                aliases.update(e.aliases)
    assert {"Councillor Mhairi Hunter", "Ms Hunter"} <= aliases
