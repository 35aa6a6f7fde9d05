"""Organisation names read too long: two names as one ("Zenda and Quorva"), or a name with
a person's post in it ("Refugee Council Chief Executive Jo Bloggs", "Chief Executive of
Hereford Hospitals NHS Trust").

The finders join capitalised words across "and" because many names hold it ("Zenda
Research and Development", the law firm "Smith and Jones"). Such a name is two when the
article also names each half on its own: the part before "and" alone elsewhere, and the
part after alone or opening with the same word ("Zenda Radio and Zenda Outside Events").
Names joined by "&" stay whole ("Smith & Jones"), as firms write them.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from kg.extract.lexicon import POST_WORDS
from kg.extract.spans import Candidate
from kg.model import ORGANIZATION, PERSON

# "Secretary of State", "Chancellor of the Exchequer": offices, not posts in a body.
_OFFICE_TAILS = frozenset({"State", "Exchequer", "Duchy"})


def split_conjoined(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` with each organisation name that is two names split in two."""
    out: list[Candidate] = []
    for cand in candidates:
        halves = _halves(doc, cand) if cand.type == ORGANIZATION and not cand.canonical else None
        out.extend(halves or [cand])
    return out


def cut_posts(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """ "Zenda Council Chief Executive Jo Bloggs": the post words ending an organisation's
    name right before a person's are the person's title, not part of the name."""
    starts = {c.start: c for c in candidates if c.type == PERSON}
    out = []
    for cand in candidates:
        if cand.type == ORGANIZATION and not cand.canonical and cand.end in starts:
            end = cand.end
            while end > cand.start + 1 and doc[end - 1].lower_ in POST_WORDS:
                end -= 1
            rest = doc[cand.start : end]
            if (
                end < cand.end
                and doc[cand.end - 1].text[:1].isupper()
                and not all(t.lower_ in POST_WORDS for t in rest)
            ):
                cand = replace(cand, end=end, rule=cand.rule + ":post-cut")
        out.append(cand)
    return out


def cut_leading_posts(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """ "Jo Bloggs, Chief Executive of Zenda Hospitals Trust, said": a post in capitals
    and "of" before an organisation's name are the person's, not part of the name. Not
    "Secretary of State" (an office), nor before one word the text does not capitalise
    whole ("Director of Policy")."""
    out = []
    for cand in candidates:
        if cand.type == ORGANIZATION and not cand.canonical:
            k = cand.start
            while k < cand.end and doc[k].lower_ in POST_WORDS:
                k += 1
            if k > cand.start and k < cand.end and doc[k].lower_ == "of":
                j = k + 1 + (k + 1 < cand.end and doc[k + 1].lower_ == "the")
                rest = doc[j : cand.end]
                if (
                    len(rest)
                    and rest[0].text[:1].isupper()
                    and rest[0].text not in _OFFICE_TAILS
                    and (len(rest) >= 2 or rest[0].text.isupper())
                ):
                    cand = replace(cand, start=j, rule=cand.rule + ":post-cut")
        out.append(cand)
    return out


def _halves(doc: Doc, cand: Candidate) -> list[Candidate] | None:
    ands = [i for i in range(cand.start + 1, cand.end - 1) if doc[i].lower_ == "and"]
    if len(ands) != 1:
        return None
    k = ands[0]
    first = [t.text for t in doc[cand.start : k]]
    second = [t.text for t in doc[k + 1 : cand.end]]
    if not second[0][:1].isupper():
        return None
    if not _alone_elsewhere(doc, first, cand):
        return None
    if second[0] != first[0] and not _alone_elsewhere(doc, second, cand):
        return None
    rule = cand.rule + ":split"
    return [
        replace(cand, end=k, rule=rule),
        replace(cand, start=k + 1, rule=rule, titles=(), honorific="", title_start=-1),
    ]


def _alone_elsewhere(doc: Doc, words: list[str], cand: Candidate) -> bool:
    """`words` written somewhere outside `cand`, not as part of a longer capitalised name."""
    n = len(words)
    for i in range(len(doc) - n + 1):
        if cand.start <= i < cand.end:
            continue
        if [t.text for t in doc[i : i + n]] != words:
            continue
        before = doc[i - 1] if i > 0 else None
        after = doc[i + n] if i + n < len(doc) else None
        if before is not None and before.text[:1].isupper() and not before.is_sent_start:
            continue
        if after is not None and (after.text[:1].isupper() or after.lower_ in ("and", "&")):
            continue
        return True
    return False
