"""What linking decides, group by group: joins made, candidates left apart, entities to review.

A `GroupDecision` is a pure function of its group's members (kg.link.plan), so a one-shot
build and a store that grows article by article reach the same one. Keys are entity keys
before linking; `kg.rdf.identity` writes the decisions as the links graph.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class Join:
    """In `articles`, the entity keyed `source` is the one keyed `target` (named `target_name`)."""

    rule: str  # "link:surname", "link:variant", "link:alias", "link:acronym", "link:dated"
    type: str
    source: str
    target: str
    target_name: str
    forms: tuple[str, ...]  # the names the source had
    articles: tuple[str, ...]  # article ids where the join applies
    evidence: tuple[str, ...] = ()  # articles naming the target that decided it (at most 3)


@dataclass(frozen=True)
class Candidate:
    """In `articles`, `source` may be one of `candidates`; no rule could tell which: left apart."""

    rule: str
    type: str
    source: str
    forms: tuple[str, ...]
    candidates: tuple[str, ...]  # keys, most likely first
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Review:
    """One entity whose articles disagree about it: perhaps two people with one name."""

    type: str
    key: str
    reason: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class GroupDecision:
    group: str
    joins: tuple[Join, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    reviews: tuple[Review, ...] = ()

    def remaps(self) -> dict[str, dict[tuple[str, str], tuple[str, str]]]:
        """article id -> {(type, source key): (target key, target name)}."""
        return _remaps(self)

    def dump(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def load(cls, text: str) -> GroupDecision:
        data = json.loads(text)
        return cls(
            data["group"],
            tuple(Join(**_tuples(j)) for j in data["joins"]),
            tuple(Candidate(**_tuples(c)) for c in data["candidates"]),
            tuple(Review(**_tuples(r)) for r in data["reviews"]),
        )


@lru_cache(maxsize=1024)
def _remaps(decision: GroupDecision) -> dict[str, dict[tuple[str, str], tuple[str, str]]]:
    found: dict[str, dict[tuple[str, str], tuple[str, str]]] = {}
    for join in decision.joins:
        for article in join.articles:
            found.setdefault(article, {})[(join.type, join.source)] = (
                join.target,
                join.target_name,
            )
    return found


def _tuples(item: dict) -> dict:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in item.items()}


@dataclass
class LinkPlan:
    """Every group's decision: what the RDF writer records and `apply_links` applies."""

    decisions: dict[str, GroupDecision] = field(default_factory=dict)

    def remap_of(self, article: str, groups) -> dict[tuple[str, str], tuple[str, str]]:
        """What to apply to one article: (type, key) -> (key, name) over its groups."""
        return remap_for(article, groups, self.decisions.get)


def remap_for(
    article: str, groups, decision_of: Callable[[str], GroupDecision | None]
) -> dict[tuple[str, str], tuple[str, str]]:
    """The joins of `article` over its `groups`, each group's decision from `decision_of`."""
    remap: dict[tuple[str, str], tuple[str, str]] = {}
    for group in sorted(groups):
        decision = decision_of(group)
        if decision is not None:
            remap.update(decision.remaps().get(article, {}))
    return remap
