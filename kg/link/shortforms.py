"""Short names of places and companies (`link:short-form`): "Belmarsh" is the "Belmarsh
Prison" other articles name, "Hyundai" the "Hyundai Motor", "Qwest" the "Qwest
Communications": the longer form is the name and one word that says what kind of place or
company it is (a prison, an airport, a bay; motors, communications, group, plc:
kg.link.records). In an article that names the one longer form too, the short name is it;
a place's, in other articles too, when that form dominates by context (kg.link.context); a
company's, not ("Mitsubishi" in one article is not the "Mitsubishi Motors" of another).
A large city is never the short name of something else ("Cardiff" is not Cardiff Bay), and
"BBC" has no such longer form ("BBC News" is another organisation)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from kg.link.context import short_name_decision, tally, weigh
from kg.link.decisions import GroupDecision
from kg.link.records import Member, feature
from kg.model import PLACE

RULE = "link:short-form"


def decide_short_forms(
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
    type_ = members[0][1].type
    ignore = frozenset(feature(type_, k) for k in longs)
    joins: dict[tuple[str, str], dict] = {}
    left: dict[tuple[str, tuple[str, ...]], dict] = {}
    for a, m in members:
        if m.form != "short":
            continue
        here = sorted(k for k, where in longs.items() if a in where)
        if len(here) == 1:
            item = joins.setdefault((m.key, here[0]), tally())
            item["forms"].add(m.name)
            item["articles"].add(a)
            continue
        if here or type_ != PLACE:
            continue  # a company's short name in another article may be another company
        verdict = weigh(a, features_of(a), dict(sorted(longs.items())), features_of, ignore)
        if verdict.winner:
            item = joins.setdefault((m.key, verdict.winner), tally())
            item["overlaps"].append(verdict.overlap)
        elif verdict.topical:
            ranked = tuple(k for k, s in verdict.ranked if s > 0)
            item = left.setdefault((m.key, ranked), tally())
        else:
            continue
        item["forms"].add(m.name)
        item["articles"].add(a)
    return short_name_decision(group, RULE, type_, names, joins, left)
