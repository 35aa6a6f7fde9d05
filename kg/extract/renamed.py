"""Two names of one organisation or place, where the text says one replaced the other:
"MCI, which was formerly known as Worldcom", "Cellnet (now O2)", "the firm, formerly
Interbrew", "Formerly known as Worldcom, MCI is ...". The sentence itself states that they
are one thing, so they join in the article whatever their words; nothing else may stand
between the two names.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.extract.groups import Group, merge_into, vote
from kg.extract.spans import Candidate
from kg.model import ORGANIZATION, PLACE

# What stands between the current name and the old one: "X, which was formerly known as Y",
# "X (formerly Y)", "X, formerly Y".
_OLD_AFTER = re.compile(
    r"^(?:, |(?=which|that))(?:(?:which|that) (?:was|is|has been|had been|used to be) )?"
    r"(?:formerly|previously|originally) (?:known as |called |named )?$"
)
# ... and between the old name and the current one: "X, now renamed Y", "X, which has
# since been renamed Y", "X was renamed Y", "X changed its name to Y". Not an active
# "X renamed Y": there X is whoever did the renaming.
_NEW_AFTER = re.compile(
    r"^(?:,|-|–) (?:(?:which|that) )?(?:(?:has|had) )?(?:(?:now|since|later) )?(?:been )?"
    r"(?:renamed|rebranded) (?:as )?$"
    r"|^(?:was|is|has been|had been) (?:(?:now|since|later) )?(?:renamed|rebranded) (?:as )?$"
    r"|^(?:, )?(?:(?:which|that) )?(?:(?:has|had) )?(?:(?:since|later) )?changed its name to $"
)
# In brackets: "X (formerly Y)", "X (now Y)".
_BRACKETED = re.compile(r"^\( (?:formerly|previously|now) (?:known as |called )?$")
# "Formerly known as Y, X ...": the old name first, fronted.
_FRONTED = re.compile(r"^(?:formerly|previously) (?:known as|called) $")
_MAX_GAP = 8  # tokens between the names: further apart, the sentence says something else


def merge_renamed(doc: Doc, groups: dict[str, Group], order: list[str]) -> None:
    """Join the groups of an organisation's (or a place's) current and former names."""
    key_of: dict[int, str] = {}
    named: list[Candidate] = []
    for key in order:
        group = groups.get(key)
        if group is None or vote(group) not in (ORGANIZATION, PLACE):
            continue
        for cand in group.cands:
            key_of[id(cand)] = key
            named.append(cand)
    named.sort(key=lambda c: c.start)
    for first, second in zip(named, named[1:], strict=False):
        if doc[first.start].sent.start != doc[second.start].sent.start:
            continue
        if _one_after_the_other(doc, first, second):
            a, b = _current_key(groups, key_of, first, second)
            if a in groups and b in groups and vote(groups[a]) == vote(groups[b]):
                merge_into(groups, b, a)


def _one_after_the_other(doc: Doc, first: Candidate, second: Candidate) -> bool:
    if second.start < first.end or second.start - first.end > _MAX_GAP:
        return False
    gap = _words(doc, first.end, second.start)
    if _BRACKETED.match(gap):
        return second.end < len(doc) and doc[second.end].text == ")"
    if _OLD_AFTER.match(gap) or _NEW_AFTER.match(gap):
        # "X, formerly Y" is a renaming only when Y ends there: "formerly Y's partner" is not.
        return _ends_name(doc, second.end)
    before = _words(doc, doc[first.start].sent.start, first.start)
    return bool(_FRONTED.match(before)) and gap == ", "


def _current_key(
    groups: dict[str, Group], key_of: dict[int, str], first: Candidate, second: Candidate
) -> tuple[str, str]:
    # The group that survives is the one more mentions use; which name is current does not
    # decide the entity's name (kg.extract.resolve picks it from all its mentions).
    a, b = key_of[id(first)], key_of[id(second)]
    if len(groups[b].cands) > len(groups[a].cands):
        return b, a
    return a, b


def _ends_name(doc: Doc, end: int) -> bool:
    if end >= len(doc):
        return True
    nxt = doc[end]
    return nxt.is_punct and nxt.text not in ("'s", "’s") or nxt.lower_ in ("and", "is", "was")


def _words(doc: Doc, start: int, end: int) -> str:
    """The tokens lowercased, each followed by a space: ", which was formerly known as "."""
    return "".join(tok.lower_ + " " for tok in doc[start:end])
