"""A graph that grows article by article, in an on-disk Oxigraph store: `kg build --store`.

The store holds the named graphs `kg build` writes to OUT/graph.trig (one per article, the
entities, meta and links graphs; docs/graph.md), and two more things:

- its default graph is the union of those graphs, as a set (a triple held by several graphs
  is there once), kept up to date by every write, so queries count each triple once
  (kg.query.sparql explains why pyoxigraph's own union cannot be used);
- a ledger graph (`kg.store.ledger`), hidden from queries and exports, holding what
  incremental writes need: for each article graph the fingerprint of its input, the entities
  it contributed, its extraction and link record, and for each entity its tally of names,
  aliases and attributes over every article in the store.

How the shared graphs merge, so that adding an article costs that article:

- Entities graph: when an article is added or replaced, the tally of each entity it
  mentions (or mentioned) is updated by that article's contribution alone, and the entity's
  description is rewritten from the tally exactly as a one-shot build describes it from all
  its articles (most used name as prefLabel and schema:name, every other name an altLabel;
  for an attribute such as a year, the value most articles give). An entity no article
  mentions any more is dropped.
- Meta graph: each build that writes something records its run (prov:Activity); each
  article graph's PROV description is replaced with the article. The run's endedAtTime is
  written when the build finishes, so a run without one was interrupted.
- Links graph (linking across articles, kg.link): the groups an article touches are settled
  again from their members' link records (kg.store.relink), the stored articles whose joins
  that changes are written again from the extraction the ledger keeps of them (the first
  full "Tony Blair" joins the earlier bare "Blair"s), and the groups' share of the links
  graph is replaced. A group's decision depends on its members alone, so the store holds
  what a one-shot build of its articles writes, whatever order they came in.

Each article is written by one SPARQL update, which Oxigraph applies as one transaction
(the stored articles it links again, each by one before it): a build killed midway leaves
whole articles only, and the next run, settling the same groups again, finishes the job.
An article whose input, kg version and model are unchanged since it was stored is not even
parsed again, so re-running a build on the same articles changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import URIRef

from kg.builder.local import iter_extractions
from kg.config import BuildConfig
from kg.ingest.files import read_articles
from kg.link.apply import apply_links
from kg.link.records import link_record
from kg.model import Article, ArticleExtraction, Skipped
from kg.nlp.pipeline import load_nlp, model_id, model_id_of
from kg.rdf.graphs import (
    RunInfo,
    add_article_graph,
    add_meta_graph,
    article_graph_iri,
    entities_graph_iri,
    meta_graph_iri,
    now,
)
from kg.rdf.iri import mint
from kg.rdf.quads import Quads, to_oxigraph
from kg.store.codec import dump_extraction, dump_record
from kg.store.disk import open_store
from kg.store.ledger import (
    CONTRIBUTION,
    EXTRACTION,
    FINGERPRINT,
    LEDGER,
    RECORD,
    REMAP,
    TALLY,
    Tally,
    canonical,
    contribution,
    fingerprint,
    recorded,
)
from kg.store.relink import StoreLinks, dump_remap
from kg.version import __version__

if TYPE_CHECKING:
    from spacy.language import Language

_ENDED = ox.NamedNode("http://www.w3.org/ns/prov#endedAtTime")
# Articles extracted between writes: a killed build keeps every chunk written before it.
CHUNK = 128


@dataclass
class StoreReport:
    """What `build_store` did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    relinked: int = 0  # stored articles linked again because an added one changed their joins
    skipped: list[Skipped] = field(default_factory=list)
    extractions: list[ArticleExtraction] = field(default_factory=list)
    model: str = ""
    model_version: str = ""

    @property
    def read(self) -> int:
        return self.added + self.replaced + self.unchanged


def build_store(
    paths: Iterable[str | Path],
    directory: Path,
    config: BuildConfig | None = None,
    *,
    nlp: Language | None = None,
    progress: Callable[[int], None] | None = None,
    on_article_count: Callable[[int], None] | None = None,
) -> StoreReport:
    """Read the articles under `paths` and add the new or changed ones to the store."""
    config = config or BuildConfig()
    base = config.base
    store = open_store(directory)
    report = StoreReport()
    articles: list[Article] = []
    for item in read_articles(
        paths, max_bytes=config.max_input_bytes, max_chars=config.max_article_chars
    ):
        if isinstance(item, Article):
            articles.append(item)
        else:
            report.skipped.append(item)
    report.model, report.model_version = (
        model_id(nlp) if nlp is not None else model_id_of(config.model)
    )
    prints = {a.id: fingerprint(a, report.model, report.model_version, base) for a in articles}
    todo = [
        a
        for a in articles
        if recorded(store, to_oxigraph(article_graph_iri(a.id, base)), FINGERPRINT) != prints[a.id]
    ]
    report.unchanged = len(articles) - len(todo)
    if on_article_count:
        on_article_count(len(todo))
    if todo and nlp is None and config.processes <= 1:
        nlp = load_nlp(config.model)
    started = now()
    try:
        _add(store, todo, prints, config, nlp, progress, report, started)
    finally:
        # Move the write-ahead log into the store's tables now: otherwise every read-only
        # open (each `kg query`) replays it, which takes seconds on a large store.
        store.flush()
    return report


def _add(store, todo, prints, config, nlp, progress, report, started) -> None:
    base = config.base
    run = None
    links = StoreLinks(store, base)
    # One pipeline (or pool of workers) for the whole run; each article is linked and
    # written as soon as it is extracted, so a killed build keeps what it finished.
    results = iter_extractions(todo, config, nlp=nlp, progress=progress)
    while chunk := list(islice(results, CHUNK)):
        extractions = [r for r in chunk if isinstance(r, ArticleExtraction)]
        report.skipped.extend(r for r in chunk if not isinstance(r, ArticleExtraction))
        for extraction in extractions:
            run = RunInfo(
                started, now(), report.model, report.model_version, __version__, config.to_json()
            )
            outcome, linked = _store_article(
                store, links, extraction, prints[extraction.article.id], run, base, report
            )
            report.added += outcome == "added"
            report.replaced += outcome == "replaced"
            report.unchanged += outcome == "unchanged"
            report.extractions.append(linked)
    if run is not None and (report.added or report.replaced):
        _finish_run(store, run, base)


def _store_article(store, links: StoreLinks, extraction, print_: str, run, base: str, report):
    """Link one article against the store, link again the stored articles whose joins that
    changes (each from its stored extraction), then write the article: one update each."""
    record = link_record(extraction)
    settled = links.settle(record)
    for other in settled.relink:
        remap = settled.remaps[other]
        write_article(
            store,
            apply_links(links.extraction(other), remap),
            links.fingerprint(other),
            run,
            base,
            ledger={REMAP: dump_remap(remap)},
        )
        report.relinked += 1
    remap = settled.remaps[extraction.article.id]
    linked = apply_links(extraction, remap)
    ledger = {
        RECORD: dump_record(record),
        EXTRACTION: dump_extraction(extraction),
        REMAP: dump_remap(remap),
    }
    outcome = write_article(
        store, linked, print_, run, base, ledger=ledger, extra=links.changes(settled)
    )
    links.commit(settled)
    return outcome, linked


def write_article(
    store: ox.Store,
    extraction: ArticleExtraction,
    print_: str,
    run,
    base: str,
    *,
    ledger: dict[ox.NamedNode, str] | None = None,
    extra: Iterable[tuple[ox.NamedNode, set[ox.Triple], set[ox.Triple]]] = (),
) -> str:
    """Add or replace one (linked) article's graph and its share of the shared graphs,
    atomically, with the `ledger` values of its graph and the `extra` changes given.

    Returns "added", "replaced" or "unchanged".
    """
    graph = to_oxigraph(article_graph_iri(extraction.article.id, base))
    entities, meta = to_oxigraph(entities_graph_iri(base)), to_oxigraph(meta_graph_iri(base))
    old_article = _triples_in(store, None, graph)
    changes = _Changes()
    changes.replace(graph, old_article, _graph_triples(add_article_graph, extraction, base))

    # The run and this article graph's PROV; the run's end is written by _finish_run.
    new_meta = {
        t for t in _graph_triples(add_meta_graph, [extraction], run, base) if t.predicate != _ENDED
    }
    old_meta = set()
    for subject in {t.subject for t in new_meta}:
        old_meta |= _triples_in(store, subject, meta)
    changes.replace(meta, old_meta, new_meta)

    old_part = json.loads(recorded(store, graph, CONTRIBUTION) or "[]")
    new_part = [contribution(e, base) for e in extraction.entities]
    values = {FINGERPRINT: print_, CONTRIBUTION: json.dumps(new_part, sort_keys=True)}
    values |= ledger or {}
    # Only the ledger values given are replaced; the others stay as they are.
    old_ledger = {t for t in _triples_in(store, graph, LEDGER) if t.predicate in values}
    new_ledger = {ox.Triple(graph, p, ox.Literal(v)) for p, v in values.items()}
    old_entities: set[ox.Triple] = set()
    new_entities: set[ox.Triple] = set()
    for iri in sorted({c["iri"] for c in old_part + new_part}):
        node = ox.NamedNode(iri)
        tally = Tally.load(recorded(store, node, TALLY)) or Tally.empty(old_part + new_part, iri)
        tally.count([c for c in old_part if c["iri"] == iri], -1)
        tally.count([c for c in new_part if c["iri"] == iri], +1)
        old_entities |= _triples_in(store, node, entities)
        old_ledger |= _triples_in(store, node, LEDGER)
        if tally.names:
            new_entities |= tally.description(URIRef(iri), base)
            new_ledger.add(ox.Triple(node, TALLY, ox.Literal(tally.dump())))
    changes.replace(entities, old_entities, new_entities)
    changes.replace(LEDGER, old_ledger, new_ledger)
    for name, old, new in extra:
        changes.replace(name, old, new)
    if not changes.any(skip={meta}):
        return "unchanged"  # same graph as stored: keep its provenance as it was
    _apply(store, changes)
    return "replaced" if old_article else "added"


def _finish_run(store: ox.Store, run, base: str) -> None:
    activity = to_oxigraph(mint("run", f"{run.started}|{run.config_json}", base=base))
    ended = ox.Literal(now(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime"))
    changes = _Changes()
    changes.replace(to_oxigraph(meta_graph_iri(base)), set(), {ox.Triple(activity, _ENDED, ended)})
    _apply(store, changes)


class _Changes:
    """Triples to remove from and add to each graph, applied as one update."""

    def __init__(self) -> None:
        self.remove: dict[ox.NamedNode, set[ox.Triple]] = {}
        self.add: dict[ox.NamedNode, set[ox.Triple]] = {}

    def replace(self, graph: ox.NamedNode, old: set[ox.Triple], new: set[ox.Triple]) -> None:
        self.remove.setdefault(graph, set()).update(old - new)
        self.add.setdefault(graph, set()).update(new - old)

    def any(self, skip: set[ox.NamedNode]) -> bool:
        return any(v for g, v in [*self.remove.items(), *self.add.items()] if g not in skip)


def _apply(store: ox.Store, changes: _Changes) -> None:
    """Write the changes and keep the default graph the union of the public graphs."""
    removed = {t for g, ts in changes.remove.items() if g != LEDGER for t in ts}
    added = {t for g, ts in changes.add.items() if g != LEDGER for t in ts}
    gone = set()
    for t in removed - added:
        holders = {q.graph_name for q in store.quads_for_pattern(t.subject, t.predicate, t.object)}
        holders -= {ox.DefaultGraph(), LEDGER}
        holders -= {g for g, ts in changes.remove.items() if t in ts}
        if not holders:
            gone.add(t)
    deletes = _data_block([(None, gone), *changes.remove.items()])
    inserts = _data_block([(None, added), *changes.add.items()])
    operations = [f"DELETE DATA {{\n{deletes}}}" if deletes else ""]
    operations.append(f"INSERT DATA {{\n{inserts}}}" if inserts else "")
    update = " ;\n".join(op for op in operations if op)
    if update:
        store.update(update)  # one update, one transaction


def _data_block(graphs: Iterable[tuple[ox.NamedNode | None, set[ox.Triple]]]) -> str:
    # Terms are written by pyoxigraph itself (N-Triples syntax, escaped), never by hand.
    lines = []
    for graph, triples in graphs:
        if not triples:
            continue
        body = "".join(f"{t} .\n" for t in sorted(triples, key=str))
        lines.append(body if graph is None else f"GRAPH {graph} {{\n{body}}}\n")
    return "".join(lines)


def _triples_in(store: ox.Store, subject, graph) -> set[ox.Triple]:
    return {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(subject, None, None, graph)
    }


def _graph_triples(add: Callable, what, *args) -> set[ox.Triple]:
    """The triples one of kg.rdf.graphs' `add_*_graph` functions writes, as the store keeps them."""
    quads = Quads()
    add(quads, what, *args[:-1], base=args[-1])
    return canonical(ox.Triple(q.subject, q.predicate, q.object) for q in quads)
