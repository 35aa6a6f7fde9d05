"""The model's own entity spans as candidates, with their edges mended.

The model folds words around a name into it ("Farmer Geoff Brooks", "Dem Norman Baker",
"Yuganskneftegaz - the unit", "BBC Political [Correspondent]"), leaves a peer's seat out of
his name ("Lord Irvine [of Lairg]") and reads "Lord Goldsmith" as an organisation. Each
span is mended here, or left out when it names nothing ("Crossrail Link Bill" as a person).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from kg.extract.lexicon import (
    EVENT_HEADS,
    NEWSPAPER_TITLES,
    OCCUPATIONS,
    ORG_HEADS,
    ORG_SUFFIXES,
    ROLE_TITLES,
)
from kg.extract.names import HONORIFICS, PEERAGE, POST_NOMINALS, ROYAL_TITLES
from kg.extract.spans import (
    Candidate,
    extend_with_complement,
    is_cap,
    post_nominal_name,
    preceding_honorific,
    skip_repeated_word,
    strip_back,
    strip_front,
    titles_before,
)
from kg.model import ORGANIZATION, PERSON, PLACE

_NER_TYPES = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
_CONFIDENCE = 0.8  # how often the model's spans were right on real articles
# Single words the model tags as organisations that only name one as part of a longer name.
_GENERIC_ORG_WORDS = (ORG_HEADS | {"House", "Home"}) - {"Parliament", "Congress", "Senate"}
_DASHES = frozenset({"-", "–", "—", "--"})
# Name particles written in lower case ("Jeremy de Souza", "Ludwig van Beethoven").
_PARTICLES = frozenset("de da di du del della der den van von le la bin ibn al el".split())
# Posts written after an organisation's name: "BBC Political Correspondent".
_POSTS = (
    ROLE_TITLES
    | OCCUPATIONS
    | {
        "correspondent",
        "editor",
        "commentator",
        "advocate",
        "speaker",
        "provost",
        "lieutenant",
    }
)
_ADJECTIVE_ENDING = re.compile(r"(?:al|ic|ary|ive|ern|ish|ian)$")


def ner_candidates(doc: Doc, taken: Sequence[bool] = ()) -> list[Candidate]:
    """One candidate per PERSON, ORG, GPE, LOC or FAC span of the model, mended.

    Tokens already `taken` by an earlier source are cut off a personal name's edges when
    two words are left ("Dem Norman Baker" after "Lib Dem" was read as the party).
    """
    out: list[Candidate] = []
    for ent in doc.ents:
        type_ = _NER_TYPES.get(ent.label_)
        if type_ is None:
            continue
        start, end = _untaken(ent.start, ent.end, taken) if type_ == PERSON else (0, 0)
        if end - start < 2:
            start, end = ent.start, ent.end
        start = strip_front(doc, start, end)
        end = strip_back(doc, start, end)
        end = _cut_at_dash(doc, start, end)
        start = skip_repeated_word(doc, start, end)
        if type_ != PERSON and _titled_name(doc, start, end):
            type_ = PERSON  # "Lord Goldsmith" read as an organisation
        if type_ in (PERSON, ORGANIZATION) and post_nominal_name(doc, start, end):
            type_, end = PERSON, end - 1  # "Guy Smith QC" is Guy Smith
        cand = (
            _person(doc, start, end, ent.label_)
            if type_ == PERSON
            else _other(doc, start, end, type_, ent.label_)
        )
        if cand is not None:
            out.append(cand)
    return out


def _untaken(start: int, end: int, taken: Sequence[bool]) -> tuple[int, int]:
    """The span less the tokens an earlier source took at its edges."""
    while start < end and taken and taken[start]:
        start += 1
    while end > start and taken and taken[end - 1]:
        end -= 1
    return start, end


def _person(doc: Doc, start: int, end: int, label: str) -> Candidate | None:
    # "at 10 a.m. Assistant ...": lower-case words are no part of a name.
    while end - start > 1 and doc[start].text[:1].islower() and doc[start].lower_ not in _PARTICLES:
        start += 1
    first = start
    # "Councillor Mhairi Hunter": the title is her role; "Ms Hunter": courtesy.
    titles: list[str] = []
    honorific = ""
    title_start = -1
    while end - start > 1:
        word = doc[start].text.rstrip(".").casefold()
        if word in HONORIFICS and word not in ROLE_TITLES:
            honorific = doc[start].text
        elif word in ROLE_TITLES or _occupation(doc, start, end):
            titles.append(doc[start].text)
            title_start = start if title_start < 0 else title_start
        else:
            break
        start += 1
    honorific = honorific or preceding_honorific(doc, start)
    before = titles_before(doc, first)
    if before < first and not honorific:
        titles = [doc[k].text for k in range(before, first)] + titles
        title_start = before
    if honorific.rstrip(".").casefold() in PEERAGE:
        end = _seat(doc, end)
    span = doc[start:end]
    if not _names_something(span.text):
        return None
    if any(t.like_num and not t.is_alpha for t in span):
        return None  # "Perm 35": no personal name has figures in it
    if len(span) >= 3 and span[-1].text in EVENT_HEADS:
        return None  # "Crossrail Link Bill": a bill's title, not a man called Bill
    if _cut_short(doc, start, end, PERSON):
        return None
    return Candidate(
        start,
        end,
        PERSON,
        f"ner:{label}",
        _CONFIDENCE,
        titles=tuple(titles),
        honorific=honorific,
        ner_label=label,
        title_start=title_start,
    )


def _other(doc: Doc, start: int, end: int, type_: str, label: str) -> Candidate | None:
    end = _sunday_edition(doc, end)
    if type_ == ORGANIZATION:
        end = _before_role(doc, start, end)
        if doc[end - 1].text in ORG_HEADS:
            end = extend_with_complement(doc, end)
    span = doc[start:end]
    if not _names_something(span.text) or _cut_short(doc, start, end, type_):
        return None
    if end - start == 1 and span.text in POST_NOMINALS:
        return None  # "a QC": letters after a name, not an organisation
    return Candidate(start, end, type_, f"ner:{label}", _CONFIDENCE, ner_label=label)


def _sunday_edition(doc: Doc, end: int) -> int:
    """ "The Mail [on Sunday]": a paper's Sunday edition is named with the day, which the
    model reads as a date."""
    if (
        end + 2 <= len(doc)
        and doc[end - 1].text in NEWSPAPER_TITLES
        and doc[end].lower_ == "on"
        and doc[end + 1].text == "Sunday"
    ):
        return end + 2
    return end


def _names_something(text: str) -> bool:
    return any(ch.isalpha() for ch in text) and not text.islower()


def _occupation(doc: Doc, start: int, end: int) -> bool:
    """ "Farmer Geoff Brooks said": a trade opening a sentence before a full name."""
    return (
        bool(doc[start].is_sent_start)
        and doc[start].lower_ in OCCUPATIONS
        and end - start >= 3
        and all(is_cap(t) for t in doc[start + 1 : end])
    )


def _seat(doc: Doc, end: int) -> int:
    """ "Lord Irvine of Lairg": a peer's territorial title is part of his name."""
    if end + 1 < len(doc) and doc[end].lower_ == "of" and is_cap(doc[end + 1]):
        k = end + 1
        while k < len(doc) and is_cap(doc[k]) and doc[k].is_alpha and not doc[k].is_sent_start:
            k += 1
        return k
    return end


def _titled_name(doc: Doc, start: int, end: int) -> bool:
    """ "Lord Goldsmith", "Mr Smith": a courtesy title and a name, with no head word. A royal
    title opens too many other names to count ("King Crimson", "Queen Mary College")."""
    words = doc[start:end]
    return (
        len(words) >= 2
        and words[0].text.rstrip(".").casefold() in HONORIFICS - ROLE_TITLES - ROYAL_TITLES
        and all(is_cap(t) for t in words[1:])
        and words[1].lower_ not in _POSTS  # "Lord Advocate", "Lord Chancellor": posts
        and not any(t.text in ORG_HEADS or t.text in ORG_SUFFIXES for t in words)
        and words[-1].lower_ != "of"
    )


def _cut_at_dash(doc: Doc, start: int, end: int) -> int:
    """ "Yuganskneftegaz - the unit": a spaced dash ends a name."""
    for k in range(start + 1, end):
        if doc[k].text in _DASHES and doc[k - 1].whitespace_:
            return strip_back(doc, start, k)
    return end


def _before_role(doc: Doc, start: int, end: int) -> int:
    """ "BBC Political [Correspondent] James Hardy": an adjective that opens a post written
    after the name belongs to the post, not to the organisation."""
    if end - start < 2 or end >= len(doc):
        return end
    last, nxt = doc[end - 1], doc[end]
    if (
        nxt.lower_ in _POSTS
        and is_cap(nxt)
        and _ADJECTIVE_ENDING.search(last.text) is not None
        and last.text not in ORG_HEADS
    ):
        return end - 1
    return end


def _cut_short(doc: Doc, start: int, end: int, type_: str) -> bool:
    """A lone word that only makes sense as part of a longer name or a plural of a class.

    "Home" of "Home Secretary", "House" of "the House", "MPs".
    """
    if end - start != 1:
        return False
    word = doc[start].text
    if type_ == ORGANIZATION and word in _GENERIC_ORG_WORDS:
        return True
    if word[:-1].isupper() and word.endswith("s") and len(word) >= 3:
        return True  # "MPs", "MEPs": members, not an organisation
    nxt = doc[end] if end < len(doc) else None
    return nxt is not None and (nxt.text in ORG_HEADS or nxt.lower_ in ROLE_TITLES) and is_cap(nxt)
