"""The store's side of linking across articles: when an article is added or replaced, settle
again exactly the groups it touches (kg.link.plan), and find the stored articles whose
joins that changes, so they are linked again from their stored extraction.

The ledger keeps, for each article graph, the article's extraction before linking
(`EXTRACTION`), its link record (`RECORD`) and the joins applied to it (`REMAP`); for each
group, the articles that have members in it (`ARTICLES`) and its decision (`DECISION`),
whose triples are that group's share of the links graph. A group's decision depends on its
members alone, so the store reaches the decision a one-shot build of the same articles
reaches, whatever order they came in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.link.apply import Remap
from kg.link.decisions import GroupDecision, remap_for
from kg.link.plan import decide
from kg.link.records import LinkRecord
from kg.model import ArticleExtraction
from kg.rdf.graphs import article_graph_iri
from kg.rdf.identity import add_decision, links_graph_iri
from kg.rdf.iri import mint
from kg.rdf.quads import Quads, to_oxigraph
from kg.store.codec import load_extraction, load_record
from kg.store.ledger import (
    ARTICLES,
    DECISION,
    EXTRACTION,
    FINGERPRINT,
    LEDGER,
    RECORD,
    REMAP,
    canonical,
    recorded,
)


def dump_remap(remap: Remap) -> str:
    return json.dumps(sorted([t, k, key, name] for (t, k), (key, name) in remap.items()))


def load_remap(text: str | None) -> Remap:
    return {(t, k): (key, name) for t, k, key, name in json.loads(text or "[]")}


@dataclass
class Settled:
    """The groups one article touches, settled again with it."""

    article: str
    record: LinkRecord
    decisions: dict[str, GroupDecision]  # group -> its new decision
    articles: dict[str, set[str]]  # group -> the articles with members in it now
    relink: list[str] = field(default_factory=list)  # other articles whose joins change
    remaps: dict[str, Remap] = field(default_factory=dict)  # their new joins


class StoreLinks:
    """Reads what linking needs from the ledger, with a cache for the length of one build."""

    def __init__(self, store: ox.Store, base: str) -> None:
        self.store, self.base = store, base
        self._records: dict[str, LinkRecord | None] = {}
        self._decisions: dict[str, GroupDecision] = {}
        self._members: dict[str, set[str]] = {}
        self._applied: dict[str, Remap] = {}

    def _node(self, article: str) -> ox.NamedNode:
        return to_oxigraph(article_graph_iri(article, self.base))

    def _group(self, group: str) -> ox.NamedNode:
        return to_oxigraph(mint("group", group, base=self.base))

    def record(self, article: str) -> LinkRecord | None:
        if article not in self._records:
            text = recorded(self.store, self._node(article), RECORD)
            self._records[article] = load_record(text) if text else None
        return self._records[article]

    def extraction(self, article: str) -> ArticleExtraction:
        text = recorded(self.store, self._node(article), EXTRACTION)
        if text is None:
            raise KeyError(article)
        return load_extraction(text)

    def fingerprint(self, article: str) -> str:
        return recorded(self.store, self._node(article), FINGERPRINT) or ""

    def applied(self, article: str) -> Remap:
        """The joins applied to the article as stored."""
        if article not in self._applied:
            self._applied[article] = load_remap(recorded(self.store, self._node(article), REMAP))
        return self._applied[article]

    def decision(self, group: str) -> GroupDecision:
        if group not in self._decisions:
            text = recorded(self.store, self._group(group), DECISION)
            self._decisions[group] = GroupDecision.load(text) if text else GroupDecision(group)
        return self._decisions[group]

    def members(self, group: str) -> set[str]:
        if group not in self._members:
            text = recorded(self.store, self._group(group), ARTICLES)
            self._members[group] = set(json.loads(text)) if text else set()
        return self._members[group]

    def settle(self, record: LinkRecord) -> Settled:
        """Settle the groups `record`'s article touches (now or in its stored record)."""
        article = record.article
        old = self.record(article)
        groups = record.groups() | (old.groups() if old else set())
        records = {article: record}

        def record_of(other: str) -> LinkRecord:
            if other not in records:
                found = self.record(other)
                if found is None:  # the ledger lost it: the article no longer counts
                    found = LinkRecord(other, frozenset(), ())
                records[other] = found
            return records[other]

        decisions: dict[str, GroupDecision] = {}
        articles: dict[str, set[str]] = {}
        for group in sorted(groups):
            where = self.members(group) - {article}
            if group in record.groups():
                where.add(article)
            members = [
                (a, m) for a in sorted(where) for m in record_of(a).members if m.group == group
            ]
            decisions[group] = decide(group, members, lambda a: record_of(a).features)
            articles[group] = where
        settled = Settled(article, record, decisions, articles)

        def decision_of(group: str) -> GroupDecision:
            return decisions[group] if group in decisions else self.decision(group)

        # Only an article whose joins in a settled group differ can need linking again.
        changed: set[str] = set()
        for group, decision in decisions.items():
            before, after = self.decision(group).remaps(), decision.remaps()
            changed |= {a for a in before.keys() | after.keys() if before.get(a) != after.get(a)}
        for other in sorted(changed - {article}):
            remap = remap_for(other, record_of(other).groups(), decision_of)
            if remap != self.applied(other):
                settled.relink.append(other)
                settled.remaps[other] = remap
        settled.remaps[article] = remap_for(article, record.groups(), decision_of)
        return settled

    def changes(self, settled: Settled) -> list[tuple[ox.NamedNode, set, set]]:
        """(graph, old triples, new triples): the groups' ledger entries and links triples."""
        links = to_oxigraph(links_graph_iri(self.base))
        out = []
        for group, decision in settled.decisions.items():
            node = self._group(group)
            old_ledger = {
                ox.Triple(q.subject, q.predicate, q.object)
                for q in self.store.quads_for_pattern(node, None, None, LEDGER)
            }
            new_ledger = set()
            if settled.articles[group]:
                where = json.dumps(sorted(settled.articles[group]))
                new_ledger.add(ox.Triple(node, ARTICLES, ox.Literal(where)))
                if decision.joins or decision.candidates or decision.reviews:
                    new_ledger.add(ox.Triple(node, DECISION, ox.Literal(decision.dump())))
            out.append((LEDGER, old_ledger, new_ledger))
            old = _decision_triples(self.decision(group), self.base)
            out.append((links, old, _decision_triples(decision, self.base)))
        return out

    def commit(self, settled: Settled) -> None:
        """Remember what was written, for the rest of the build."""
        self._records[settled.article] = settled.record
        self._applied.update(settled.remaps)
        for group, decision in settled.decisions.items():
            self._decisions[group] = decision
            self._members[group] = settled.articles[group]


def _decision_triples(decision: GroupDecision, base: str) -> set[ox.Triple]:
    quads = Quads()
    add_decision(quads.graph("urn:x-kg:scratch"), decision, base)
    return canonical(ox.Triple(q.subject, q.predicate, q.object) for q in quads)
