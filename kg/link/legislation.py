"""Legislation across articles (`link:dated`): "the Human Rights Act" is the "Human Rights
Act 1998" of another article when the corpus knows exactly one dated instrument of that
title; with two ("Terrorism Act 2000", "Terrorism Act 2006") it stays apart, a candidate."""

from __future__ import annotations

from collections import Counter, defaultdict

from kg.link.decisions import Candidate, GroupDecision, Join
from kg.link.records import Member
from kg.model import LEGISLATION

RULE = "link:dated"
_EVIDENCE = 3


def decide_legislation(group: str, members: list[tuple[str, Member]]) -> GroupDecision:
    dated: dict[str, set[str]] = defaultdict(set)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    undated: dict[str, dict] = {}
    for a, m in members:
        if m.form == "dated":
            dated[m.key].add(a)
            names[m.key][m.name] += 1
        else:
            item = undated.setdefault(m.key, {"forms": set(), "articles": set()})
            item["forms"].add(m.name)
            item["articles"].add(a)
    undated = {k: v for k, v in undated.items() if k not in dated}
    if not dated or not undated:
        return GroupDecision(group)
    if len(dated) > 1:
        ranked = tuple(sorted(dated, key=lambda k: (-len(dated[k]), k)))
        return GroupDecision(
            group,
            candidates=tuple(
                Candidate(
                    RULE,
                    LEGISLATION,
                    key,
                    tuple(sorted(item["forms"])),
                    ranked,
                    tuple(sorted(item["articles"])),
                )
                for key, item in sorted(undated.items())
            ),
        )
    ((target, where),) = dated.items()
    name = max(names[target], key=lambda n: (names[target][n], len(n), n))
    return GroupDecision(
        group,
        tuple(
            Join(
                RULE,
                LEGISLATION,
                key,
                target,
                name,
                tuple(sorted(item["forms"])),
                tuple(sorted(item["articles"])),
                tuple(sorted(where)[:_EVIDENCE]),
            )
            for key, item in sorted(undated.items())
        ),
    )
