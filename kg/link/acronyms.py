"""Acronyms across articles (`link:acronym`): "CBI" alone in one article is the
"Confederation of British Industry" that another article defines as "CBI", when that long
form dominates by context (kg.link.context) among the long forms defined with that acronym
("NEC" of Labour's National Executive Committee is not the electronics company NEC). An
acronym beside the one long form its initials spell in the same article is that form (a
definition the article gives without brackets)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from kg.link.context import short_name_decision, tally, weigh
from kg.link.decisions import GroupDecision
from kg.link.records import Member, feature
from kg.model import ORGANIZATION

RULE = "link:acronym"
_MAX_CANDIDATES = 5


def decide_acronyms(
    group: str, members: list[tuple[str, Member]], features_of: Callable[[str], frozenset[str]]
) -> GroupDecision:
    longs: dict[str, set[str]] = defaultdict(set)  # defined somewhere: key -> its articles
    here: dict[str, set[str]] = defaultdict(set)  # article -> the long forms it names
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for a, m in members:
        if m.form == "long":
            here[a].add(m.key)
            names[m.key][m.name] += 1
            if m.defined:
                longs[m.key] = set()
    for a, m in members:
        if m.form == "long" and m.key in longs:
            longs[m.key].add(a)
    if not here:
        return GroupDecision(group)
    ignore = frozenset(feature(ORGANIZATION, k) for k in names)
    joins: dict[tuple[str, str], dict] = {}
    left: dict[tuple[str, tuple[str, ...]], dict] = {}
    for a, m in members:
        if m.form != "acronym":
            continue
        if len(here[a]) == 1:  # "NHTCU" beside the "National Hi-Tech Crime Unit" it spells
            item = joins.setdefault((m.key, next(iter(here[a]))), tally())
            item["forms"].add(m.name)
            item["articles"].add(a)
            continue
        if here[a] or not longs:
            continue
        verdict = weigh(a, features_of(a), dict(sorted(longs.items())), features_of, ignore)
        if verdict.winner:
            item = joins.setdefault((m.key, verdict.winner), tally())
            item["overlaps"].append(verdict.overlap)
        elif verdict.topical:
            ranked = tuple(k for k, s in verdict.ranked if s > 0)[:_MAX_CANDIDATES]
            item = left.setdefault((m.key, ranked), tally())
        else:
            continue
        item["forms"].add(m.name)
        item["articles"].add(a)
    return short_name_decision(group, RULE, ORGANIZATION, names, joins, left)
