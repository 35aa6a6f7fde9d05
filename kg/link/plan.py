"""Link records in, every group's decision out: the cross-article linking stage's core.

`decide(group, members, features_of)` settles one group from its members alone, so that a
store can settle again exactly the groups a new article touches; `plan_links` settles all
the groups of a corpus at once. Both give the same decision for the same members, whatever
order the articles came in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from kg.link.acronyms import decide_acronyms
from kg.link.aliases import decide_aliases
from kg.link.decisions import GroupDecision, LinkPlan
from kg.link.legislation import decide_legislation
from kg.link.people import decide_people
from kg.link.records import LinkRecord, Member
from kg.link.shortforms import decide_short_forms

Members = list[tuple[str, Member]]


def decide(
    group: str, members: Members, features_of: Callable[[str], frozenset[str]]
) -> GroupDecision:
    """The decision for one group, from its (article id, member) pairs."""
    members = sorted(members, key=lambda am: (am[0], am[1].key, am[1].form, am[1].name))
    kind = group.split("|", 1)[0]
    if kind == "person":
        return decide_people(group, members, features_of)
    if kind == "acronym":
        return decide_acronyms(group, members, features_of)
    if kind == "alias":
        return decide_aliases(group, members)
    if kind == "law":
        return decide_legislation(group, members)
    if kind == "short":
        return decide_short_forms(group, members, features_of)
    raise ValueError(f"no linking rule for group {group!r}")


def members_by_group(records: Iterable[LinkRecord]) -> dict[str, Members]:
    groups: dict[str, Members] = defaultdict(list)
    for record in records:
        for member in record.members:
            groups[member.group].append((record.article, member))
    return groups


KINDS = frozenset({"person", "acronym", "alias", "short", "law"})


def plan_links(records: Iterable[LinkRecord], kinds: frozenset[str] = KINDS) -> LinkPlan:
    """Every group's decision, over all the records of a corpus (only the groups of the
    `kinds` given: "person", "acronym", "alias", "short", "law"; bench/identity.py
    compares)."""
    records = list(records)
    features = {r.article: r.features for r in records}
    plan = LinkPlan()
    for group, members in sorted(members_by_group(records).items()):
        if group.split("|", 1)[0] not in kinds:
            continue
        decision = decide(group, members, features.__getitem__)
        if decision.joins or decision.candidates or decision.reviews:
            plan.decisions[group] = decision
    return plan
