"""Places across articles (`link:short-form`): "Belmarsh" alone is the "Belmarsh Prison" other
articles name, "Guantanamo" the "Guantanamo Bay", when that is the one longer form with such
a word (a prison, an airport, a bay, an island) and it dominates by context (kg.link.context):
"Windsor" the town is not "Windsor Castle", which is no such word anyway."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from kg.link.context import evidence, weigh
from kg.link.decisions import Candidate, GroupDecision, Join
from kg.link.records import Member, feature
from kg.model import PLACE

RULE = "link:short-form"


def decide_places(
    group: str, members: list[tuple[str, Member]], features_of: Callable[[str], frozenset[str]]
) -> GroupDecision:
    longs: dict[str, set[str]] = defaultdict(set)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for a, m in members:
        if m.form == "long":
            longs[m.key].add(a)
            names[m.key][m.name] += 1
    if not longs:
        return GroupDecision(group)
    ignore = frozenset(feature(PLACE, k) for k in longs)
    joins: dict[tuple[str, str], dict] = {}
    left: dict[tuple[str, tuple[str, ...]], dict] = {}
    for a, m in members:
        if m.form != "short" or any(a in where for where in longs.values()):
            continue  # the article names the longer form too and kept this one apart
        verdict = weigh(a, features_of(a), dict(sorted(longs.items())), features_of, ignore)
        if verdict.winner:
            item = joins.setdefault((m.key, verdict.winner), {"articles": set(), "o": []})
            item["o"].append(verdict.overlap)
        elif verdict.topical:
            ranked = tuple(k for k, s in verdict.ranked if s > 0)
            item = left.setdefault((m.key, ranked), {"articles": set(), "o": []})
        else:
            continue
        item.setdefault("forms", set()).add(m.name)
        item["articles"].add(a)
    return GroupDecision(
        group,
        tuple(
            Join(
                RULE,
                PLACE,
                source,
                target,
                max(names[target], key=lambda n: (names[target][n], len(n), n)),
                tuple(sorted(item["forms"])),
                tuple(sorted(item["articles"])),
                evidence(item["o"]),
            )
            for (source, target), item in sorted(joins.items())
        ),
        tuple(
            Candidate(
                RULE,
                PLACE,
                source,
                tuple(sorted(item["forms"])),
                ranked,
                tuple(sorted(item["articles"])),
            )
            for (source, ranked), item in sorted(left.items())
        ),
    )
