"""Candidate mentions as token spans, and the edge fixes every source of them shares."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from kg.extract.gazetteer import is_place
from kg.extract.lexicon import ORG_HEADS, ORG_NOUNS, ROLE_TITLES
from kg.extract.names import HONORIFICS, POST_NOMINALS


@dataclass(frozen=True)
class Candidate:
    """A mention before entity resolution; token offsets into the Doc."""

    start: int
    end: int
    type: str
    rule: str
    confidence: float
    titles: tuple[str, ...] = ()  # role titles stripped from the front ("Councillor")
    honorific: str = ""  # courtesy title stripped from the front ("Ms")
    canonical: str = ""  # set when a table names the entity ("Tories" -> "Conservative Party")
    ner_label: str = ""
    title_start: int = -1  # token index of the first role title, when any


# Sentence-initial adjectives the model folds into names ("New Metropolitan Police ...").
_LEADING_ADJECTIVES = frozenset({"new", "former", "ex", "then", "acting", "interim", "outgoing"})
DETERMINERS = frozenset({"the", "a", "an"})
CONNECTORS = frozenset({"of", "for", "on", "and", "&", "the", "in"})


def is_cap(token) -> bool:
    return token.text[:1].isupper() or (token.is_digit and token.i > 0)


def strip_front(doc: Doc, start: int, end: int) -> int:
    while start < end - 1 and (
        doc[start].lower_ in DETERMINERS
        or (doc[start].is_sent_start and doc[start].lower_ in _LEADING_ADJECTIVES)
        or doc[start].is_punct
    ):
        start += 1
    return start


def strip_back(doc: Doc, start: int, end: int) -> int:
    while end > start + 1 and (
        doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s", "'", "’")
    ):
        end -= 1
    return end


def is_inner_connector(doc: Doc, j: int) -> bool:
    token = doc[j]
    if token.lower_ not in CONNECTORS:
        return False
    nxt = j + 1
    while nxt < len(doc) and doc[nxt].lower_ in ("the",):
        nxt += 1
    if nxt >= len(doc) or not is_cap(doc[nxt]) or doc[nxt].is_sent_start:
        return False
    # "the Department for Work and Pensions on Monday": a date is not part of a name.
    return doc[nxt].ent_type_ not in ("DATE", "TIME")


def extend_with_complement(doc: Doc, end: int) -> int:
    """Extend past "of Britain", "for the Care of Victims of Torture" after a head word."""
    while end < len(doc) and doc[end].lower_ in ("of", "for", "on"):
        k = end + 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        if k >= len(doc) or not is_cap(doc[k]) or doc[k].ent_type_ in ("PERSON", "DATE"):
            break
        # "entered Parliament for Sheffield": a seat, not part of the name.
        if doc[end].lower_ == "for" and (
            doc[k].ent_type_ in ("GPE", "LOC") or is_place(doc[k].text)
        ):
            break
        while k < len(doc) and (is_cap(doc[k]) or is_inner_connector(doc, k)):
            k += 1
        end = k
    return end


def post_nominal_name(doc: Doc, start: int, end: int) -> bool:
    """Two or more proper names closed by letters such as "QC" or "MP", and no head word."""
    words = doc[start:end]
    return (
        len(words) >= 3
        and words[-1].text in POST_NOMINALS
        and all(t.pos_ == "PROPN" and is_cap(t) for t in words[:-1])
        and not any(t.text in ORG_HEADS for t in words)
    )


def preceding_honorific(doc: Doc, start: int) -> str:
    """The model often leaves "Mr" outside the span: "Mr [Clarke]"."""
    if start == 0:
        return ""
    prev = doc[start - 1]
    word = prev.text.rstrip(".").casefold()
    # "his father John": a capital letter marks the title.
    if not prev.text[:1].isupper():
        return ""
    return prev.text if word in HONORIFICS and word not in ROLE_TITLES else ""


def skip_repeated_word(doc: Doc, start: int, end: int) -> int:
    """ "British British Casino Association": a word written twice is written once."""
    if end - start >= 3 and doc[start].text == doc[start + 1].text and doc[start].is_alpha:
        return start + 1
    return start


def titles_before(doc: Doc, start: int) -> int:
    """Where the role titles written just before a name start ("Councillor [Mhairi Hunter]",
    "President [Bush]", "Chief Supt [Deats]"): `start` when there are none, or when they
    end a longer post ("Home Secretary [Charles Clarke]" is the roles stage's to read)."""
    k = start
    while k > 0 and doc[k - 1].text[:1].isupper():
        if doc[k - 1].text.rstrip(".").casefold() not in ROLE_TITLES:
            break
        k -= 1
    if k < start and k > 0 and is_cap(doc[k - 1]) and doc[k - 1].is_alpha:
        if not doc[k].is_sent_start:
            return start
    return k


def apposition_names_org(doc: Doc, start: int) -> bool:
    """ ", the fourth big brewer", ", a search firm": an apposition headed by a word for an
    organisation."""
    if start >= len(doc) or doc[start].lower_ not in ("a", "an", "the"):
        return False
    for token in doc[start + 1 : start + 6]:
        if token.is_punct:
            return False
        if token.lower_ in ORG_NOUNS and token.text.islower():
            return True
    return False
