"""Candidate entity mentions in a parsed Doc: the model's entities, cleaned and corrected.

The model's spans are often right about *where* a name is and wrong about its edges
("THE Home Office", "Councillor Mhairi Hunter", "BBC Radio 4's") or its extent ("The
Medical Foundation" + "the Care of Victims of Torture"). This stage fixes edges, joins
split organisation names, adds organisation names the model missed, and maps party words
to their parties. Types are settled later, per entity, in `kg.extract.retype`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.extract.conjoined import cut_leading_posts, cut_posts, split_conjoined
from kg.extract.gazetteer import given_name_gender, org_aliases
from kg.extract.lexicon import (
    ORG_AFTER,
    ORG_HEADS,
    ORG_NOUNS,
    ORG_POSSESSIONS,
    ORG_SUFFIXES,
    ROLE_TITLES,
)
from kg.extract.names import HONORIFICS, NAME_OPENERS, POST_NOMINALS
from kg.extract.ner_spans import ner_candidates
from kg.extract.org_forms import defined_acronyms
from kg.extract.org_phrases import committee_candidates, member_of_candidates
from kg.extract.spans import (
    CONNECTORS,
    DETERMINERS,
    Candidate,
    apposition_names_org,
    extend_with_complement,
    is_cap,
    is_inner_connector,
    skip_repeated_word,
    strip_back,
    strip_front,
)
from kg.model import ORGANIZATION, PERSON

__all__ = ["Candidate", "find_candidates"]

# Parts of speech that never open a name ("Within the Home Office letter").
_NOT_NAME_START = frozenset({"ADP", "ADV", "PRON", "VERB", "AUX", "CCONJ", "SCONJ", "PART", "INTJ"})
_CHAIN_HEADS = ORG_HEADS | ORG_SUFFIXES
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
# Confidence of each source, from how often it was right on real articles.
_CONFIDENCE = {"alias": 0.95, "org-pattern": 0.85, "org-cue": 0.7, "person-cue": 0.7}
# Labels of the model's that a name with a plain organisation cue overrides: "Technorati"
# read as a work, "IDC" not read at all.
_OVERRIDABLE = frozenset({"", "PRODUCT", "WORK_OF_ART"})
_SPEECH = frozenset("said says say told tells added warned argued announced".split())


def find_candidates(doc: Doc, *, reserved: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """Entity mention candidates of `doc`, avoiding the `reserved` token ranges.

    `reserved` holds token ranges already claimed (legal instruments, page furniture).
    """
    taken = [False] * len(doc)
    for start, end in reserved:
        for i in range(start, end):
            taken[i] = True
    found: list[Candidate] = []
    sources = (
        committee_candidates,
        _alias_candidates,
        _org_pattern_candidates,
        ner_candidates,
        defined_acronyms,
        member_of_candidates,
        _cued_orgs,
        _cued_people,
    )
    for source in sources:
        for cand in source(doc, taken):
            if any(taken[cand.start : cand.end]):
                continue
            found.append(cand)
            for i in range(cand.start, cand.end):
                taken[i] = True
    found = cut_leading_posts(doc, cut_posts(doc, split_conjoined(doc, found)))
    return sorted(found, key=lambda c: c.start)


def _alias_candidates(doc: Doc, taken: Sequence[bool] = ()) -> list[Candidate]:
    """Known short forms: "the Tories" is the Conservative Party, "Lib Dem" the Lib Dems."""
    table = org_aliases()
    max_len = max(len(form.split()) for form in table)
    openers = _alias_openers()
    out: list[Candidate] = []
    i = 0
    while i < len(doc):
        match = None
        # Most tokens open no form: skip them before slicing spans (this loop is hot).
        widths = range(min(max_len, len(doc) - i), 0, -1) if doc[i].text in openers else ()
        for n in widths:
            span = doc[i : i + n]
            if span.text in table and _alias_ok(span):
                match = span
                break
        if match is None:
            i += 1
            continue
        canonical, type_ = table[match.text]
        out.append(
            Candidate(
                match.start,
                match.end,
                type_,
                "alias:table",
                _CONFIDENCE["alias"],
                canonical=canonical,
            )
        )
        i = match.end
    return out


@lru_cache(maxsize=1)
def _alias_openers() -> frozenset[str]:
    """Every string a form's first token can be: its first word or a prefix of it, since the
    tokenizer may split a word ("Co-operative" -> "Co", "-", "operative")."""
    firsts = {form.split()[0] for form in org_aliases()}
    return frozenset(word[:k] for word in firsts for k in range(1, len(word) + 1))


def _alias_ok(span: Span) -> bool:
    # A one-word form at the start of a sentence may be an ordinary word ("Conservative
    # estimates ..."); accept it there only when tagged a proper noun or an organisation.
    first = span[0]
    if (
        len(span) == 1
        and first.is_sent_start
        and first.tag_ not in ("NNP", "NNPS")
        and first.ent_type_ != "ORG"
    ):
        return False
    # Inside a longer capitalised name the form is only part of it ("Labour Party
    # Conference" is matched whole or not at all, "EU Commission" is not the EU).
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text in ORG_HEADS:
        return False
    # "Stevenage Labour Party": a proper name before a full party name makes another
    # organisation, the local branch.
    prev = doc[span.start - 1] if span.start > 0 else None
    return not (
        prev is not None
        and span[-1].text in ORG_HEADS
        and prev.pos_ == "PROPN"
        and is_cap(prev)
        and not first.is_sent_start
    )


def _org_pattern_candidates(doc: Doc, taken: Sequence[bool] = ()) -> list[Candidate]:
    """Runs of capitalised words that end in an organisation head word."""
    out: list[Candidate] = []
    i = floor = 0
    n = len(doc)
    while i < n:
        if not _chain_start(doc, i):
            i += 1
            continue
        j = i
        while j < n and (
            is_cap(doc[j]) or is_inner_connector(doc, j) or _inner_possessive(doc, j) or j == i
        ):
            # "told the BBC Mr Howard ...": a courtesy title starts another name.
            if j > i and doc[j].text.rstrip(".").casefold() in NAME_OPENERS:
                break
            j += 1
        chain_end = j
        j = _first_of_two(doc, i, j)
        heads = [k for k in range(i, j) if doc[k].text in _CHAIN_HEADS]
        if not heads and _acronym_led(doc, i, j):
            j = next((k for k in range(i, j) if doc[k].lower_ in CONNECTORS - {"and", "&"}), j)
            # "NHS Greater Glasgow and Clyde", "BBC Radio 4": an organisation's acronym
            # leading a name is the organisation.
            end = strip_back(doc, i, j)
            while end > i + 1 and doc[end - 1].lower_ in CONNECTORS:
                end -= 1  # "the IRA and the INLA": "and" opens no part of the name
            if end - i >= 2 and not _overlaps_long_person(doc, i, end):
                out.append(Candidate(i, end, ORGANIZATION, "org:acronym-led", 0.7))
        elif heads:
            # "Association of Chief Police Officers": the complement of any head word.
            end = max(extend_with_complement(doc, k + 1) for k in heads)
            end = _extend_with_place(doc, end, j)
            start, end = _widen_to_model_org(doc, strip_front(doc, i, end), end)
            end = min(end, j) if j < chain_end else end  # the first of two names
            if start < floor:  # the second of two: not widened over the first
                start = floor
                while start < end - 1 and doc[start].lower_ in CONNECTORS:
                    start += 1
            start = skip_repeated_word(doc, start, end)
            # One head word alone ("Council") is not a name.
            if end - start >= 2 and not _overlaps_long_person(doc, start, end):
                out.append(
                    Candidate(start, end, ORGANIZATION, "org:head-word", _CONFIDENCE["org-pattern"])
                )
                floor = end
        i = max(j, i + 1)
    return out


def _first_of_two(doc: Doc, i: int, j: int) -> int:
    """ "the Treasury and the Department of Employment", "the US Department of Justice and
    the Securities and Exchange Commission": "and the", or "and" between two names that
    each end in a head word, joins two organisations, not the words of one."""
    for k in range(i + 1, j - 1):
        if doc[k].lower_ not in ("and", "&"):
            continue
        if doc[k + 1].lower_ == "the":
            return k
        before = any(doc[m].text in _CHAIN_HEADS for m in range(i, k))
        nxt_and = next((m for m in range(k + 1, j) if doc[m].lower_ in ("and", "&")), j)
        # "Investors Bank and Trust": a lone head word after "and" is no name of its own.
        after = nxt_and - k > 2 and any(doc[m].text in ORG_HEADS for m in range(k + 1, nxt_and))
        # "Department for Work and Pensions": no head after "and", one name.
        if before and after:
            return k
    return j


def _inner_possessive(doc: Doc, j: int) -> bool:
    """ "the Information Commissioner's Office": a post's possessive before a head word is
    inside the name; a name's own ("Columbia's Court") is not, nor one the model ends at."""
    if doc[j].lower_ not in ("'s", "’s") or j == 0 or j + 1 >= len(doc):
        return False
    owner = doc[j - 1]
    return (
        doc[j + 1].text in _CHAIN_HEADS
        and is_cap(owner)
        and (not owner.ent_type_ or doc[j].ent_iob_ == "I")
    )


def _widen_to_model_org(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Where the model saw a longer organisation name around the run, take its edges."""
    for ent in doc.ents:
        if ent.label_ == "ORG" and ent.start <= start and end <= ent.end and len(ent) > end - start:
            # "the British Bankers' Association (BBA": an opening bracket ends the name.
            stop = next((k for k in range(end, ent.end) if doc[k].text == "("), ent.end)
            s = strip_front(doc, ent.start, stop)
            return s, strip_back(doc, s, stop)
    return start, end


def _extend_with_place(doc: Doc, end: int, chain_end: int) -> int:
    """ "University College London": a place closing the run belongs to the name."""
    if chain_end == end + 1 and doc[end].ent_type_ == "GPE":
        return chain_end
    return end


def _acronym_led(doc: Doc, i: int, j: int) -> bool:
    first = doc[i]
    # The model's own reading wins where it saw another kind of name ("RAF Northolt" a
    # place); a nationality is no reading of a name ("BBC Northern Ireland" as NORP).
    if first.ent_type_ and first.ent_type_ not in ("ORG", "NORP"):
        return False
    return (
        j - i >= 2
        and first.is_alpha
        and first.is_upper
        and len(first) >= 3
        and first.lower_ not in DETERMINERS
        and not any(doc[k].lower_ in ROLE_TITLES for k in range(i, j))
    )


def _chain_start(doc: Doc, i: int) -> bool:
    token = doc[i]
    text = token.text
    # "the 2nd Battalion Royal Gurkha Rifles": an ordinal opens a unit's name.
    if text[:1].isdigit() and _ORDINAL.match(text) and i + 1 < len(doc):
        return doc[i + 1].text[:1].isupper() and not token.is_sent_start
    if not text[:1].isupper() or not token.is_alpha:
        return False
    if token.pos_ in _NOT_NAME_START and token.lower_ not in DETERMINERS:
        return False
    # A capitalised word opening a sentence is a name only if tagged as one.
    if token.is_sent_start and token.pos_ not in ("PROPN",) and token.text not in ORG_HEADS:
        return token.lower_ in DETERMINERS
    return True


def _overlaps_long_person(doc: Doc, start: int, end: int) -> bool:
    """A run that crosses a personal name the model found is no organisation's name, unless
    the "name" ends in, or stands just before, an organisation's head word ("Royal Gurkha
    Rifles", "John Smith Institute")."""
    return any(
        ent.label_ == "PERSON"
        and len(ent) >= 2
        and ent.start < end
        and start < ent.end
        and not (start <= ent.start and ent.end <= end and _headed(doc, ent, end))
        for ent in doc.ents
    )


def _headed(doc: Doc, ent: Span, end: int) -> bool:
    # "Charlotte Church" is a person: two words may be a personal name ending in a head.
    last = ent[-1].text
    return (
        last in ORG_SUFFIXES
        or (last in ORG_HEADS and len(ent) >= 3)
        or (ent.end < end and doc[ent.end].text in _CHAIN_HEADS)
    )


def _cued_orgs(doc: Doc, taken: Sequence[bool]) -> list[Candidate]:
    """Names the model missed that the words around them call organisations: "technology
    analysts IDC", "the watchdog Ofcom", "Technorati, a blog search firm"."""
    out: list[Candidate] = []
    i, n = 0, len(doc)
    while i < n:
        if taken[i] or not doc[i].text[:1].isupper():  # most tokens: skip them cheaply
            i += 1
            continue
        j = i
        while j < n and j - i < 4 and not taken[j] and _plain_name_word(doc[j]):
            j += 1
            # "Chart-Track": a hyphen between two capitalised words is inside the name.
            if j + 1 < n and doc[j].text == "-" and not doc[j].whitespace_:
                if not doc[j - 1].whitespace_ and _plain_name_word(doc[j + 1]):
                    j += 1
        if j > i and _org_cue(doc, i, j):
            out.append(Candidate(i, j, ORGANIZATION, "org:cue", _CONFIDENCE["org-cue"]))
        i = max(j, i + 1)
    return out


def _plain_name_word(token) -> bool:
    word = token.text.rstrip(".").casefold()
    return (
        token.text[:1].isupper()
        and any(ch.isalpha() for ch in token.text)
        and token.pos_ == "PROPN"  # "TV executives": a common noun's letters
        and token.ent_type_ in _OVERRIDABLE
        and word not in ROLE_TITLES
        and word not in HONORIFICS
    )


def _org_cue(doc: Doc, i: int, j: int) -> bool:
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[j] if j < len(doc) else None
    if prev is not None and prev.text.islower() and prev.lower_ in ORG_NOUNS:
        return True
    if j - i == 1 and _acronym_speaking(doc[i]):
        return True
    if nxt is None:
        return False
    if nxt.text.islower() and nxt.lower_ in ORG_AFTER:
        return True
    after = doc[j + 1] if j + 1 < len(doc) else None
    if nxt.lower_ in ("'s", "’s") and after is not None and after.lower_ in ORG_POSSESSIONS:
        return True
    return nxt.text == "," and apposition_names_org(doc, j + 1)


def _acronym_speaking(token) -> bool:
    """ "the RSPCA say", "BT said", "the TUC has called for": letters that speak, or act
    after "the", are an organisation; no person is all capitals."""
    subject = token
    while subject.dep_ == "conj" and subject.head is not subject:
        subject = subject.head  # "the League ... and the RSPCA say"
    if subject.dep_ not in ("nsubj", "nsubjpass") or not _letters(token):
        return False
    verb = subject.head
    prev = token.doc[token.i - 1] if token.i > 0 else None
    after_the = prev is not None and prev.lower_ == "the"
    if len(token) == 2:
        # "BT said"; but "the DJ said": two letters after "the" are more often a post's.
        return verb.lower_ in _SPEECH and not after_the
    return verb.lower_ in _SPEECH or (after_the and verb.lemma_ != "be" and verb.pos_ == "VERB")


def _letters(token) -> bool:
    """Capitals, perhaps with figures ("MI5", "S4C"), that are no post's letters ("MP")."""
    text = token.text
    return (
        text.isalnum()
        and text.isupper()
        and sum(ch.isalpha() for ch in text) >= 2
        and text not in POST_NOMINALS
        and text.lower() not in ROLE_TITLES
        and text.lower() not in HONORIFICS
    )


def _cued_people(doc: Doc, taken: Sequence[bool]) -> list[Candidate]:
    """Personal names the model missed where the sentence presents a person: a given name
    (census lists) and a surname set off by commas after a post ("The Shadow Secretary for
    the Family, Theresa May, said") or speaking ("Theresa May said")."""
    out: list[Candidate] = []
    for i in range(len(doc) - 1):
        if taken[i] or not doc[i].text[:1].isupper() or not given_name_gender(doc[i].text):
            continue
        j = i + 1
        while j < len(doc) and j - i < 3 and not taken[j] and _plain_name_word(doc[j]):
            j += 1
        if j - i < 2 or not all(t.pos_ == "PROPN" for t in doc[i:j]):
            continue
        if _presented(doc, i, j):
            out.append(Candidate(i, j, PERSON, "person:cue", _CONFIDENCE["person-cue"]))
    return out


def _presented(doc: Doc, i: int, j: int) -> bool:
    last = doc[j - 1]
    if last.dep_ in ("nsubj", "nsubjpass") and last.head.lower_ in _SPEECH:
        return True
    return (
        i > 0
        and j < len(doc)
        and doc[i - 1].text == ","
        and doc[j].text == ","
        and last.dep_ == "appos"
    )
