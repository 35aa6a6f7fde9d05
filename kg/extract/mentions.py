"""Candidate entity mentions in a parsed Doc: the model's entities, cleaned and corrected.

The small model's spans are often right about *where* a name is and wrong about its edges
("THE Home Office", "Councillor Mhairi Hunter", "BBC Radio 4's") or its extent ("The
Medical Foundation" + "the Care of Victims of Torture"). This stage fixes edges, joins
split organisation names, adds organisation names the model missed, and maps party words
to their parties. Types are settled later, per entity, in `kg.extract.resolve`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.extract.gazetteer import is_place, org_aliases
from kg.extract.names import HONORIFICS, NAME_OPENERS, POST_NOMINALS
from kg.model import ORGANIZATION, PERSON, PLACE

# Words that end an organisation's name ("Glasgow City Council", "Home Office").
ORG_HEADS = frozenset(
    """
    Council Office Department Ministry Committee Commission Party Police Constabulary
    Federation Association Foundation Trust Partnership Authority Agency Service Services
    Board Court Tribunal University College School Institute Institution Society Union Bank
    Group Company Corporation Forum Alliance League Organisation Organization Parliament
    Assembly Executive Government Cabinet Army Navy Force Forces Church Network Centre Center
    Charity Fund Campaign Coalition Movement Confederation Congress Senate Chamber Inc Ltd plc
    Unit Bureau Inspectorate Commissioners Trades Club Guild Panel Directorate Secretariat
    """.split()
)
# Titles that may stand before a name and are roles, not part of it. Kept as the person's role.
ROLE_TITLES = frozenset(
    """
    councillor cllr professor prof dr judge justice bishop archbishop cardinal senator
    president chancellor commissioner inspector detective sergeant constable superintendent
    captain colonel general major admiral governor mayor ambassador minister secretary
    chairman chairwoman chief
    """.split()
)
# Sentence-initial adjectives the model folds into names ("New Metropolitan Police ...").
_LEADING_ADJECTIVES = frozenset({"new", "former", "ex", "then", "acting", "interim", "outgoing"})
_DETERMINERS = frozenset({"the", "a", "an"})
_CONNECTORS = frozenset({"of", "for", "on", "and", "&", "the", "in"})
# Parts of speech that never open a name ("Within the Home Office letter").
_NOT_NAME_START = frozenset({"ADP", "ADV", "PRON", "VERB", "AUX", "CCONJ", "SCONJ", "PART", "INTJ"})
# Single words the model tags as organisations that only name one as part of a longer name.
_GENERIC_ORG_WORDS = (ORG_HEADS | {"House", "Home"}) - {"Parliament", "Congress", "Senate"}
_NER_TYPES = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
# Confidence of each source, from how often it was right on real articles.
_CONFIDENCE = {"ner": 0.8, "alias": 0.95, "org-pattern": 0.85}


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


def find_candidates(doc: Doc, *, reserved: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """Entity mention candidates of `doc`, avoiding the `reserved` token ranges.

    `reserved` holds token ranges already claimed (legal instruments, page furniture).
    """
    taken = [False] * len(doc)
    for start, end in reserved:
        for i in range(start, end):
            taken[i] = True
    found: list[Candidate] = []
    for source in (_alias_candidates(doc), _org_pattern_candidates(doc), _ner_candidates(doc)):
        for cand in source:
            if any(taken[cand.start : cand.end]):
                continue
            found.append(cand)
            for i in range(cand.start, cand.end):
                taken[i] = True
    return sorted(found, key=lambda c: c.start)


def _alias_candidates(doc: Doc) -> list[Candidate]:
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
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return not (nxt is not None and nxt.text in ORG_HEADS)


def _is_cap(token) -> bool:
    return token.text[:1].isupper() or (token.is_digit and token.i > 0)


def _org_pattern_candidates(doc: Doc) -> list[Candidate]:
    """Runs of capitalised words that end in an organisation head word."""
    out: list[Candidate] = []
    i = 0
    n = len(doc)
    while i < n:
        if not _chain_start(doc[i]):
            i += 1
            continue
        j = i
        while j < n and (_is_cap(doc[j]) or _is_inner_connector(doc, j)):
            # "told the BBC Mr Howard ...": a courtesy title starts another name.
            if j > i and doc[j].text.rstrip(".").casefold() in NAME_OPENERS:
                break
            j += 1
        heads = [k for k in range(i, j) if doc[k].text in ORG_HEADS]
        if not heads and _acronym_led(doc, i, j):
            j = next((k for k in range(i, j) if doc[k].lower_ in _CONNECTORS - {"and", "&"}), j)
            # "NHS Greater Glasgow and Clyde", "BBC Radio 4": an organisation's acronym
            # leading a name is the organisation.
            end = _strip_back(doc, i, j)
            if end - i >= 2 and not _overlaps_long_person(doc, i, end):
                out.append(Candidate(i, end, ORGANIZATION, "org:acronym-led", 0.7))
        elif heads:
            # "Association of Chief Police Officers": the complement of any head word.
            end = max(_extend_with_complement(doc, k + 1) for k in heads)
            end = _extend_with_place(doc, end, j)
            start = _strip_front(doc, i, end)
            start, end = _widen_to_model_org(doc, start, end)
            # One head word alone ("Council") is not a name.
            if end - start >= 2 and not _overlaps_long_person(doc, start, end):
                out.append(
                    Candidate(start, end, ORGANIZATION, "org:head-word", _CONFIDENCE["org-pattern"])
                )
        i = max(j, i + 1)
    return out


def _widen_to_model_org(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Where the model saw a longer organisation name around the run, take its edges."""
    for ent in doc.ents:
        if ent.label_ == "ORG" and ent.start <= start and end <= ent.end and len(ent) > end - start:
            s = _strip_front(doc, ent.start, ent.end)
            return s, _strip_back(doc, s, ent.end)
    return start, end


def _extend_with_place(doc: Doc, end: int, chain_end: int) -> int:
    """ "University College London": a place closing the run belongs to the name."""
    if chain_end == end + 1 and doc[end].ent_type_ == "GPE":
        return chain_end
    return end


def _acronym_led(doc: Doc, i: int, j: int) -> bool:
    first = doc[i]
    # The model's own reading wins where it saw something else ("RAF Northolt" a place).
    if first.ent_type_ and first.ent_type_ != "ORG":
        return False
    return (
        j - i >= 2
        and first.is_alpha
        and first.is_upper
        and len(first) >= 3
        and first.lower_ not in _DETERMINERS
        and not any(doc[k].lower_ in ROLE_TITLES for k in range(i, j))
    )


def _chain_start(token) -> bool:
    if not _is_cap(token) or token.is_punct or not token.is_alpha:
        return False
    if token.pos_ in _NOT_NAME_START and token.lower_ not in _DETERMINERS:
        return False
    # A capitalised word opening a sentence is a name only if tagged as one.
    if token.is_sent_start and token.pos_ not in ("PROPN",) and token.text not in ORG_HEADS:
        return token.lower_ in _DETERMINERS
    return True


def _is_inner_connector(doc: Doc, j: int) -> bool:
    token = doc[j]
    if token.lower_ not in _CONNECTORS:
        return False
    nxt = j + 1
    while nxt < len(doc) and doc[nxt].lower_ in ("the",):
        nxt += 1
    if nxt >= len(doc) or not _is_cap(doc[nxt]) or doc[nxt].is_sent_start:
        return False
    # "the Department for Work and Pensions on Monday": a date is not part of a name.
    return doc[nxt].ent_type_ not in ("DATE", "TIME")


def _extend_with_complement(doc: Doc, end: int) -> int:
    """Extend past "of Britain", "for the Care of Victims of Torture" after a head word."""
    while end < len(doc) and doc[end].lower_ in ("of", "for", "on"):
        k = end + 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        if k >= len(doc) or not _is_cap(doc[k]) or doc[k].ent_type_ in ("PERSON", "DATE"):
            break
        # "entered Parliament for Sheffield": a seat, not part of the name.
        if doc[end].lower_ == "for" and (
            doc[k].ent_type_ in ("GPE", "LOC") or is_place(doc[k].text)
        ):
            break
        while k < len(doc) and (_is_cap(doc[k]) or _is_inner_connector(doc, k)):
            k += 1
        end = k
    return end


def _overlaps_long_person(doc: Doc, start: int, end: int) -> bool:
    return any(
        ent.label_ == "PERSON" and len(ent) >= 2 and ent.start < end and start < ent.end
        for ent in doc.ents
    )


def _strip_front(doc: Doc, start: int, end: int) -> int:
    while start < end - 1 and (
        doc[start].lower_ in _DETERMINERS
        or (doc[start].is_sent_start and doc[start].lower_ in _LEADING_ADJECTIVES)
        or doc[start].is_punct
    ):
        start += 1
    return start


def _strip_back(doc: Doc, start: int, end: int) -> int:
    while end > start + 1 and (
        doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s", "'", "’")
    ):
        end -= 1
    return end


def _ner_candidates(doc: Doc) -> list[Candidate]:
    out: list[Candidate] = []
    for ent in doc.ents:
        type_ = _NER_TYPES.get(ent.label_)
        if type_ is None:
            continue
        start = _strip_front(doc, ent.start, ent.end)
        end = _strip_back(doc, start, ent.end)
        if type_ in (PERSON, ORGANIZATION) and _post_nominal_name(doc, start, end):
            type_, end = PERSON, end - 1  # "Guy Smith QC" is Guy Smith
        titles: list[str] = []
        honorific = ""
        title_start = -1
        if type_ == PERSON:
            # "Councillor Mhairi Hunter": the title is her role; "Ms Hunter": courtesy.
            while end - start > 1:
                word = doc[start].text.rstrip(".").casefold()
                if word in HONORIFICS and word not in ROLE_TITLES:
                    honorific = doc[start].text
                elif word in ROLE_TITLES:
                    titles.append(doc[start].text)
                    title_start = start if title_start < 0 else title_start
                else:
                    break
                start += 1
            honorific = honorific or _preceding_honorific(doc, start)
        if type_ == ORGANIZATION and doc[end - 1].text in ORG_HEADS:
            end = _extend_with_complement(doc, end)
        span = doc[start:end]
        if not any(ch.isalpha() for ch in span.text) or span.text.islower():
            continue
        if type_ == PERSON and any(t.like_num and not t.is_alpha for t in span):
            continue  # "Perm 35": no personal name has figures in it
        if _cut_short(doc, start, end, type_):
            continue
        out.append(
            Candidate(
                start,
                end,
                type_,
                f"ner:{ent.label_}",
                _CONFIDENCE["ner"],
                titles=tuple(titles),
                honorific=honorific,
                ner_label=ent.label_,
                title_start=title_start,
            )
        )
    return out


def _post_nominal_name(doc: Doc, start: int, end: int) -> bool:
    """Two or more proper names closed by letters such as "QC" or "MP", and no head word."""
    words = doc[start:end]
    return (
        len(words) >= 3
        and words[-1].text in POST_NOMINALS
        and all(t.pos_ == "PROPN" and _is_cap(t) for t in words[:-1])
        and not any(t.text in ORG_HEADS for t in words)
    )


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
    return nxt is not None and (nxt.text in ORG_HEADS or nxt.lower_ in ROLE_TITLES) and _is_cap(nxt)


def _preceding_honorific(doc: Doc, start: int) -> str:
    """The model often leaves "Mr" outside the span: "Mr [Clarke]"."""
    if start == 0:
        return ""
    prev = doc[start - 1]
    word = prev.text.rstrip(".").casefold()
    # "his father John": a capital letter marks the title.
    if not prev.text[:1].isupper():
        return ""
    return prev.text if word in HONORIFICS and word not in ROLE_TITLES else ""
