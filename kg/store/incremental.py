"""A graph that grows article by article, in an on-disk Oxigraph store: `kg build --store`.

The store holds the named graphs `kg build` writes to OUT/graph.trig (one per article, the
entities graph, the meta graph; docs/graph.md), and two more things:

- its default graph is the union of those graphs, as a set (a triple held by several graphs
  is there once), kept up to date by every write, so queries count each triple once
  (kg.query explains why pyoxigraph's own union cannot be used);
- a ledger graph (`LEDGER`), hidden from queries and exports, holding what incremental
  writes need: for each article graph the fingerprint of its input and the entities it
  contributed, and for each entity its tally of names, aliases and attributes over every
  article in the store.

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
- Legislation named without a year ("the Human Rights Act") links to the dated instrument
  when the articles being added or the store know exactly one; an undated mention stored
  earlier is not revisited when a dated one arrives later (rebuild that article to relink).

Each article is written by one SPARQL update, which Oxigraph applies as one transaction: a
build killed midway leaves whole articles only. An article whose input, kg version and
model are unchanged since it was stored is not even parsed again, so re-running a build on
the same articles changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from kg import __version__
from kg.config import BuildConfig
from kg.errors import OutputError
from kg.model import LEGISLATION, Article, ArticleExtraction, Entity, Skipped
from kg.namespace import KG
from kg.quads import Quads, to_oxigraph

if TYPE_CHECKING:
    from spacy.language import Language

_NS = "https://kg.example.org/store#"  # the ledger's own terms: not part of the ontology
LEDGER = ox.NamedNode(_NS + "ledger")
_FINGERPRINT = ox.NamedNode(_NS + "fingerprint")
_CONTRIBUTION = ox.NamedNode(_NS + "contribution")
_TALLY = ox.NamedNode(_NS + "tally")
_ENDED = ox.NamedNode("http://www.w3.org/ns/prov#endedAtTime")
# Articles extracted between writes: a killed build keeps every chunk written before it.
CHUNK = 128


@dataclass
class StoreReport:
    """What `build_store` did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    extractions: list[ArticleExtraction] = field(default_factory=list)
    model: str = ""
    model_version: str = ""

    @property
    def read(self) -> int:
        return self.added + self.replaced + self.unchanged


def is_store(path: Path) -> bool:
    """A directory holding an Oxigraph (RocksDB) store."""
    return Path(path).is_dir() and (Path(path) / "CURRENT").is_file()


def open_store(directory: Path) -> ox.Store:
    """Open the store in `directory` for writing, creating it if need be."""
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise OutputError(f"{directory} is a file; --store needs a directory")
    if directory.is_dir() and any(directory.iterdir()) and not is_store(directory):
        raise OutputError(f"{directory} is not a kg store; pick a new or empty directory")
    directory.mkdir(parents=True, exist_ok=True)
    try:
        return ox.Store(str(directory))
    except OSError as exc:
        raise OutputError(
            f"cannot open the store {directory} for writing (is another kg using it?): {exc}"
        ) from exc


def open_read_only(directory: Path) -> ox.Store:
    try:
        return ox.Store.read_only(str(directory))
    except OSError as exc:
        raise OutputError(f"cannot open the store {directory}: {exc}") from exc


def public_graphs(store: ox.Store) -> list[ox.NamedNode | ox.BlankNode] | None:
    """The named graphs queries and exports see: all but the ledger (None: all of them)."""
    if not store.contains_named_graph(LEDGER):
        return None
    return [g for g in store.named_graphs() if g != LEDGER]


def fingerprint(article: Article, model: str, model_version: str, base: str) -> str:
    """What an article graph depends on: the article, kg's version and the model."""
    parts = [__version__, model, model_version, base, article.id, article.text]
    parts += [article.title, article.date, article.url, article.source]
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()


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
    from kg.build import _model_id_of, _now
    from kg.ingest import read_articles
    from kg.nlp import load_nlp, model_id
    from kg.rdf import article_graph_iri

    config = config or BuildConfig()
    base = config.base
    store = open_store(directory)
    report = StoreReport()
    articles: list[Article] = []
    for item in read_articles(
        paths, max_bytes=config.max_input_bytes, max_chars=config.max_article_chars
    ):
        (articles if isinstance(item, Article) else report.skipped).append(item)
    report.model, report.model_version = (
        model_id(nlp) if nlp is not None else _model_id_of(config.model)
    )
    prints = {a.id: fingerprint(a, report.model, report.model_version, base) for a in articles}
    todo = [
        a
        for a in articles
        if _ledger(store, to_oxigraph(article_graph_iri(a.id, base)), _FINGERPRINT) != prints[a.id]
    ]
    report.unchanged = len(articles) - len(todo)
    if on_article_count:
        on_article_count(len(todo))
    if todo and nlp is None and config.processes <= 1:
        nlp = load_nlp(config.model)
    started = _now()
    try:
        _add(store, todo, prints, config, nlp, progress, report, started)
    finally:
        # Move the write-ahead log into the store's tables now: otherwise every read-only
        # open (each `kg query`) replays it, which takes seconds on a large store.
        store.flush()
    return report


def _add(store, todo, prints, config, nlp, progress, report, started) -> None:
    from kg.build import _now, iter_extractions
    from kg.rdf import RunInfo

    base = config.base
    run = None
    # One pipeline (or pool of workers) for the whole run; articles are linked and written
    # CHUNK at a time, so a killed build keeps what it finished.
    results = iter_extractions(todo, config, nlp=nlp, progress=progress)
    while chunk := list(islice(results, CHUNK)):
        extractions = [r for r in chunk if isinstance(r, ArticleExtraction)]
        report.skipped.extend(r for r in chunk if not isinstance(r, ArticleExtraction))
        for extraction in _link(store, extractions, base):
            run = RunInfo(
                started, _now(), report.model, report.model_version, __version__, config.to_json()
            )
            outcome = write_article(store, extraction, prints[extraction.article.id], run, base)
            report.added += outcome == "added"
            report.replaced += outcome == "replaced"
            report.unchanged += outcome == "unchanged"
            report.extractions.append(extraction)
    if run is not None and (report.added or report.replaced):
        _finish_run(store, run, base)


def _link(store: ox.Store, extractions: list[ArticleExtraction], base: str):
    """Link across the new articles and the dated legislation the store already knows."""
    from kg.link import link_across_articles
    from kg.rdf import entities_graph_iri

    # A dated instrument the new articles name themselves is left to them: the same key
    # under two names would look like two candidates and link nothing.
    dated_here = {
        e.key
        for x in extractions
        for e in x.entities
        if e.type == LEGISLATION and e.attr("year") and e.attr("title")
    }
    known = []
    entities = to_oxigraph(entities_graph_iri(base))
    for quad in store.quads_for_pattern(None, to_oxigraph(KG.year), None, entities):
        tally = _Tally.load(_ledger(store, quad.subject, _TALLY))
        if tally is not None and tally.key not in dated_here:
            known.append(tally.as_dated_legislation())
    stored = ArticleExtraction(Article(id="", text=""), (), tuple(known))
    return link_across_articles([stored, *extractions])[1:]


def write_article(
    store: ox.Store, extraction: ArticleExtraction, print_: str, run, base: str
) -> str:
    """Add or replace one article's graph and its share of the shared graphs, atomically.

    Returns "added", "replaced" or "unchanged".
    """
    from kg.rdf import (
        add_article_graph,
        add_meta_graph,
        article_graph_iri,
        entities_graph_iri,
        meta_graph_iri,
    )

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

    old_part = json.loads(_ledger(store, graph, _CONTRIBUTION) or "[]")
    new_part = [_contribution(e, base) for e in extraction.entities]
    old_ledger = _triples_in(store, graph, LEDGER)
    new_ledger = {
        ox.Triple(graph, _FINGERPRINT, ox.Literal(print_)),
        ox.Triple(graph, _CONTRIBUTION, ox.Literal(json.dumps(new_part, sort_keys=True))),
    }
    old_entities: set[ox.Triple] = set()
    new_entities: set[ox.Triple] = set()
    for iri in sorted({c["iri"] for c in old_part + new_part}):
        node = ox.NamedNode(iri)
        tally = _Tally.load(_ledger(store, node, _TALLY)) or _Tally.empty(old_part + new_part, iri)
        tally.count([c for c in old_part if c["iri"] == iri], -1)
        tally.count([c for c in new_part if c["iri"] == iri], +1)
        old_entities |= _triples_in(store, node, entities)
        old_ledger |= _triples_in(store, node, LEDGER)
        if tally.names:
            new_entities |= tally.description(URIRef(iri), base)
            new_ledger.add(ox.Triple(node, _TALLY, ox.Literal(tally.dump())))
    changes.replace(entities, old_entities, new_entities)
    changes.replace(LEDGER, old_ledger, new_ledger)
    if not changes.any(skip={meta}):
        return "unchanged"  # same graph as stored: keep its provenance as it was
    _apply(store, changes)
    return "replaced" if old_article else "added"


def _finish_run(store: ox.Store, run, base: str) -> None:
    from kg.build import _now
    from kg.iri import mint
    from kg.rdf import meta_graph_iri

    activity = to_oxigraph(mint("run", f"{run.started}|{run.config_json}", base=base))
    ended = ox.Literal(_now(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime"))
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


def _ledger(store: ox.Store, subject, predicate) -> str | None:
    for quad in store.quads_for_pattern(subject, predicate, None, LEDGER):
        return quad.object.value
    return None


def _contribution(entity: Entity, base: str) -> dict:
    from kg.rdf import entity_iri

    return {
        "iri": str(entity_iri(entity.type, entity.key, base)),
        "type": entity.type,
        "key": entity.key,
        "name": entity.name,
        "aliases": sorted(set(entity.aliases)),
        "attributes": [list(a) for a in entity.attributes],
    }


@dataclass
class _Tally:
    """An entity's names, aliases and attributes, counted over the articles that have it."""

    type: str
    key: str
    names: Counter = field(default_factory=Counter)
    aliases: Counter = field(default_factory=Counter)
    attributes: Counter = field(default_factory=Counter)

    @classmethod
    def empty(cls, contributions: list[dict], iri: str) -> _Tally:
        first = next(c for c in contributions if c["iri"] == iri)
        return cls(first["type"], first["key"])

    @classmethod
    def load(cls, text: str | None) -> _Tally | None:
        if text is None:
            return None
        data = json.loads(text)
        return cls(
            data["type"],
            data["key"],
            Counter(data["names"]),
            Counter(data["aliases"]),
            Counter({(k, v): n for k, v, n in data["attributes"]}),
        )

    def dump(self) -> str:
        attributes = sorted([k, v, n] for (k, v), n in self.attributes.items())
        data = {"type": self.type, "key": self.key, "names": self.names}
        data |= {"aliases": self.aliases, "attributes": attributes}
        return json.dumps(data, sort_keys=True)

    def count(self, contributions: list[dict], sign: int) -> None:
        for c in contributions:
            self.names[c["name"]] += sign
            self.aliases.update({a: sign for a in c["aliases"]})
            self.attributes.update({tuple(a): sign for a in c["attributes"]})
        for counter in (self.names, self.aliases, self.attributes):
            for item in [k for k, n in counter.items() if n <= 0]:
                del counter[item]

    def entities(self) -> list[Entity]:
        """Stand-ins for the entity as each article saw it, to describe it as a build does.

        One per article (kg.rdf counts names per article); the attributes go on the first,
        ordered so that the value most articles give for each key comes last and wins.
        """
        attributes = tuple(sorted(self.attributes, key=lambda kv: (self.attributes[kv], kv[1])))
        names = [n for name, count in sorted(self.names.items()) for n in [name] * count]
        seen = [Entity(self.type, name, self.key, ()) for name in names]
        seen[0] = Entity(self.type, names[0], self.key, (), tuple(self.aliases), attributes)
        return seen

    def description(self, iri: URIRef, base: str) -> set[ox.Triple]:
        # kg.rdf's own describer, so a store and a one-shot build describe entities alike.
        from kg.rdf import _describe

        writer = Quads().graph(iri)
        _describe(writer, iri, self.entities(), base)
        return _canonical(writer.triples)

    def as_dated_legislation(self) -> Entity:
        name = max(self.names, key=lambda n: (self.names[n], len(n), n))
        attributes = tuple(kv for kv in self.attributes if kv[0] in ("title", "year"))
        return Entity(LEGISLATION, name, self.key, (), attributes=attributes)


def _graph_triples(add: Callable, what, *args) -> set[ox.Triple]:
    """The triples one of kg.rdf's `add_*_graph` functions writes, as the store keeps them."""
    quads = Quads()
    add(quads, what, *args[:-1], base=args[-1])
    return _canonical(ox.Triple(q.subject, q.predicate, q.object) for q in quads)


def _canonical(triples: Iterable[ox.Triple]) -> set[ox.Triple]:
    """The triples as Oxigraph stores them: it keeps literals in canonical form ("0.800"
    ^^xsd:decimal reads back as "0.8"), so comparing with stored triples needs the same."""
    scratch = ox.Store()
    scratch.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    return {ox.Triple(q.subject, q.predicate, q.object) for q in scratch}


def export_store(directory: Path, out: Path) -> list[Path]:
    """Write graph.trig (named graphs), graph.ttl (their union) and graph.jsonld into `out`,
    replacing it only once all three are written."""
    from kg.build import staged
    from kg.serialize import RDF_FILES, write_rdf_files

    quads = store_quads(directory)
    with staged(out) as staging:
        write_rdf_files(quads, staging)
    return [Path(out) / name for name in RDF_FILES]


def store_quads(directory: Path) -> Quads:
    """The store's named graphs (to write OUT with `write_outputs`), without its ledger."""
    store = open_read_only(directory)
    graphs = public_graphs(store) or list(store.named_graphs())
    return Quads.from_quads(
        q for graph in graphs for q in store.quads_for_pattern(None, None, None, graph)
    )


def store_dataset(directory: Path) -> Dataset:
    """The store's named graphs as an rdflib Dataset."""
    return store_quads(directory).to_rdflib()


def size(directory: Path) -> tuple[int, int]:
    """(triples in the union, article graphs) of a store."""
    store = open_read_only(directory)
    triples = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    articles = sum(1 for _ in store.quads_for_pattern(None, _FINGERPRINT, None, LEDGER))
    return triples, articles
