"""The linking stage: every article's extraction in, the same linked across articles out,
with the plan that says what was joined, what was left apart and what to review.

    records (kg.link.records) -> decisions per group (kg.link.plan) -> applied (kg.link.apply)

A one-shot build (`kg build`, `--dask`) links all its articles at once with `link_corpus`;
the store (kg.store.incremental) keeps the records and decisions and settles again only the
groups a new article touches, with the same functions, so both give the same graph.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.link.apply import apply_links
from kg.link.decisions import LinkPlan
from kg.link.plan import KINDS, plan_links
from kg.link.records import link_record
from kg.model import ArticleExtraction


@dataclass
class Linked:
    extractions: list[ArticleExtraction]
    plan: LinkPlan


def link_corpus(extractions: list[ArticleExtraction], kinds: frozenset[str] = KINDS) -> Linked:
    """Link `extractions` across articles; the plan records every decision. `kinds` limits
    the rules to some groups (kg.link.plan.KINDS)."""
    records = [link_record(x) for x in extractions]
    plan = plan_links(records, kinds)
    linked = [
        apply_links(x, plan.remap_of(r.article, r.groups()))
        for x, r in zip(extractions, records, strict=True)
    ]
    return Linked(linked, plan)


def link_across_articles(extractions: list[ArticleExtraction]) -> list[ArticleExtraction]:
    """The extractions of `link_corpus`, without the plan."""
    return link_corpus(extractions).extractions
