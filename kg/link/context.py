"""Which of several entities a short name in one article means, by the company it keeps.

An article that says only "Mr Blair" shares its context (the other people, organisations,
places and legislation it names, and its month when dated) with the articles that name
"Tony Blair" in full, more than with those that name "Ian Blair". For each candidate the
*support* is the number of (candidate article, shared feature) pairs: how often the short
name's context keeps the candidate's company, which weighs both how alike the topics are
and how often the candidate is written about (a name used alone is a name readers know).

A candidate *dominates* when
- the topic is shared: at least `MIN_SHARED` distinct features in common with its articles,
  one of them not a place nor a period ("UK" and "London" alone say nothing of topic);
- and it has at least `SHARE` of the support of all candidates together.

Anything less is not decided: the short name stays apart, and the candidates that share
its topic at all are recorded for review.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from kg.link.decisions import Candidate, GroupDecision, Join
from kg.link.records import PERIOD
from kg.model import PLACE

MIN_SHARED = 2
SHARE = 0.8
EVIDENCE = 3  # articles recorded as the evidence of a join


@dataclass(frozen=True)
class Verdict:
    winner: str | None  # the candidate that dominates, if one does
    ranked: tuple[tuple[str, int], ...]  # (candidate, support), most support first
    topical: frozenset[str]  # the candidates that share the topic
    overlap: dict[str, int]  # winner's articles -> features shared with the short name's


def weigh(
    article: str,
    features: frozenset[str],
    candidates: Mapping[str, Iterable[str]],
    features_of: Callable[[str], frozenset[str]],
    ignore: frozenset[str] = frozenset(),
) -> Verdict:
    """Weigh `candidates` (key -> the articles naming it) for a short name in `article`."""
    own = features - ignore
    support: dict[str, int] = {}
    topical = set()
    overlaps: dict[str, dict[str, int]] = {}
    for key, articles in candidates.items():
        shared: set[str] = set()
        total = 0
        overlap: dict[str, int] = {}
        for other in articles:
            if other == article:
                continue
            common = own & features_of(other)
            if common:
                overlap[other] = len(common)
                total += len(common)
                shared |= common
        support[key] = total
        overlaps[key] = overlap
        if len(shared) >= MIN_SHARED and any(not _is_setting(f) for f in shared):
            topical.add(key)
    ranked = tuple(sorted(support.items(), key=lambda kv: (-kv[1], kv[0])))
    winner = None
    if ranked and ranked[0][0] in topical:
        best, mass = ranked[0]
        if mass >= SHARE * sum(support.values()) and (len(ranked) == 1 or mass > ranked[1][1]):
            winner = best
    return Verdict(winner, ranked, frozenset(topical), overlaps.get(winner or "", {}))


def evidence(overlaps: Iterable[dict[str, int]]) -> tuple[str, ...]:
    """The articles that share most with the short name's articles, best first."""
    total: Counter[str] = Counter()
    for overlap in overlaps:
        total.update(overlap)
    ranked = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(article for article, _ in ranked[:EVIDENCE])


def short_name_decision(
    group: str,
    rule: str,
    type_: str,
    names: Mapping[str, Counter[str]],
    joins: Mapping[tuple[str, str], dict],
    left: Mapping[tuple[str, tuple[str, ...]], dict],
) -> GroupDecision:
    """A group's decision from its tallies: `joins` (source, target) and `left` (source,
    ranked candidates), each item with the short name's "forms", its "articles" and, for a
    join by context, the "overlaps" that decided it. A join takes the target's most used
    name."""
    return GroupDecision(
        group,
        tuple(
            Join(
                rule,
                type_,
                source,
                target,
                max(names[target], key=lambda n: (names[target][n], len(n), n)),
                tuple(sorted(item["forms"])),
                tuple(sorted(item["articles"])),
                evidence(item["overlaps"]),
            )
            for (source, target), item in sorted(joins.items())
        ),
        tuple(
            Candidate(
                rule,
                type_,
                source,
                tuple(sorted(item["forms"])),
                ranked,
                tuple(sorted(item["articles"])),
            )
            for (source, ranked), item in sorted(left.items())
        ),
    )


def tally() -> dict:
    """An empty item for `short_name_decision`."""
    return {"forms": set(), "articles": set(), "overlaps": []}


def _is_setting(feature: str) -> bool:
    kind = feature.split("|", 1)[0]
    return kind in (PLACE, PERIOD)
