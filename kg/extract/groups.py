"""A growing entity while an article's mentions are resolved: mutable until frozen."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kg.extract.spans import Candidate
from kg.model import ORGANIZATION, PERSON, PLACE

_TYPE_PRIORITY = {PERSON: 3, ORGANIZATION: 2, PLACE: 1}


@dataclass
class Group:
    """Candidates taken to name one thing."""

    cands: list[Candidate] = field(default_factory=list)
    canonical: str = ""  # fixed by a table (party names)
    type: str = ""  # fixed when the evidence decides it ("Acpo" is its organisation)


def vote(group: Group) -> str:
    """The group's type: fixed, or the one most of its mentions were given."""
    if group.type:
        return group.type
    counts = Counter(c.type for c in group.cands)
    return max(counts, key=lambda t: (counts[t], _TYPE_PRIORITY.get(t, 0)))


def merge_into(groups: dict[str, Group], src: str, dst: str) -> None:
    if src == dst or src not in groups or dst not in groups:
        return
    groups[dst].cands.extend(groups[src].cands)
    del groups[src]
