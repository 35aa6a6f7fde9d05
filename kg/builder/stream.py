"""A build that streams: memory bounded by a batch of articles, not by the corpus.

`build` (kg.builder.run) holds every extraction and the whole graph at once; for an
archive that is more memory than a machine has. `stream_build` makes the same graph in
two passes over the articles, leaving sorted runs of quads in a scratch directory for the
writers (kg.rdf.serialize.write_merged_files) to merge:

1. extract, a chunk at a time (in the worker, with processes): each chunk's extractions
   are pickled to the scratch directory where they were made, and only their link records
   (kg.link.records: what cross-article linking reads) come back; the records make the plan.
2. per batch of chunks, read the extractions back, apply the plan's joins, and write the
   batch's article and meta graphs as sorted runs (kg.rdf.runs); tally the entities, whose
   descriptions merge over every article, and write them, and the links graph, last.

What outlives a batch is the records, the tallies (which grow with distinct entities) and
the counts for the summary. The graph is the one `build` makes, so the files are too.
"""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kg.builder.local import Progress, extract_chunks
from kg.builder.run import refuse_text_for_paths
from kg.config import BuildConfig
from kg.ingest.files import read_articles
from kg.link.apply import apply_links
from kg.link.decisions import LinkPlan
from kg.link.plan import plan_links
from kg.link.records import LinkRecord, link_record
from kg.model import ENTITY_TYPES, Article, ArticleExtraction, Skipped
from kg.nlp.pipeline import load_nlp, model_id, model_id_of
from kg.rdf.entities import EntityTallies
from kg.rdf.graphs import RunInfo, add_article_graph, add_meta_graph, entities_graph_iri, now
from kg.rdf.identity import add_links_graph
from kg.rdf.iri import check_base
from kg.rdf.quads import Quads
from kg.rdf.runs import write_runs
from kg.version import __version__

if TYPE_CHECKING:
    from spacy.language import Language

BATCH = 200  # articles per sorted run: what a batch holds is the memory a build needs


@dataclass
class Counts:
    """What `kg build` reports of the articles built (kg.cli.summary), counted as they go."""

    articles: int = 0
    entities: dict[str, set[str]] = field(default_factory=lambda: {t: set() for t in ENTITY_TYPES})
    mentions: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    quotes: int = 0
    affiliations: int = 0
    quads: int = 0  # filled in once the runs are merged
    graphs: int = 0

    def add(self, extraction: ArticleExtraction) -> None:
        self.articles += 1
        self.quotes += len(extraction.quotes)
        self.affiliations += len(extraction.affiliations)
        for entity in extraction.entities:
            self.entities[entity.type].add(entity.key)
            self.mentions += len(entity.mentions)
        self.facts.update(f.predicate for f in extraction.facts)


@dataclass
class Streamed:
    """A streamed build: its sorted runs in the scratch directory, and what it skipped."""

    named_runs: list[Path]
    union_runs: list[Path]
    skipped: list[Skipped]
    counts: Counts
    model: str = ""
    model_version: str = ""
    links: LinkPlan = field(default_factory=LinkPlan)


@dataclass
class _Chunk:
    path: Path  # the chunk's extractions, pickled
    records: list[LinkRecord]  # theirs, in order
    skipped: list[Skipped]


def stream_build(
    paths: Iterable[str | Path],
    config: BuildConfig,
    scratch: Path,
    *,
    batch: int = BATCH,
    nlp: Language | None = None,
    progress: Progress | None = None,
    on_article_count: Callable[[int], None] | None = None,
) -> Streamed:
    """Build the graph of the articles under `paths` as `kg.builder.run.build` does, into
    sorted runs in `scratch` (a directory the caller removes), about `batch` articles a run."""
    config = replace(config, base=check_base(config.base))
    started = now()
    if isinstance(paths, str | Path):
        paths = [paths]
    paths = list(paths)
    items = list(
        read_articles(paths, max_bytes=config.max_input_bytes, max_chars=config.max_article_chars)
    )
    refuse_text_for_paths(paths, items)
    articles = [item for item in items if isinstance(item, Article)]
    skipped = [item for item in items if isinstance(item, Skipped)]
    del items
    if on_article_count:
        on_article_count(len(articles))
    if nlp is None and articles and (config.processes <= 1 or len(articles) <= 1):
        nlp = load_nlp(config.model)
    name, version = model_id(nlp) if nlp is not None else model_id_of(config.model)
    spill = partial(_spill, scratch)
    chunks = list(extract_chunks(articles, config, spill, size=batch, nlp=nlp, progress=progress))
    del articles  # each extraction holds its article from here on
    for chunk in chunks:
        skipped.extend(chunk.skipped)
    plan = plan_links(r for chunk in chunks for r in chunk.records)
    run = RunInfo(started, now(), name, version, __version__, config.to_json())
    result = Streamed([], [], skipped, Counts(), name, version, plan)
    tallies = EntityTallies(config.base)
    for n, group in enumerate(_batches(chunks, batch)):
        quads = Quads()
        linked = []
        for extraction, record in _read(group):
            extraction = apply_links(extraction, plan.remap_of(record.article, record.groups()))
            add_article_graph(quads, extraction, base=config.base)
            tallies.add(extraction)
            result.counts.add(extraction)
            linked.append(extraction)
        add_meta_graph(quads, linked, run, base=config.base)
        _run(quads, scratch, f"batch-{n:06d}", result)
    if result.counts.articles:  # else nothing is written: no graph of no articles
        last = Quads()
        tallies.describe(last.graph(entities_graph_iri(config.base)))
        add_links_graph(last, plan, base=config.base)
        _run(last, scratch, "entities", result)
    return result


def _spill(scratch: Path, index: int, results: list[ArticleExtraction | Skipped]) -> _Chunk:
    # Runs where the chunk was extracted: the extractions go to disk, their records back.
    extractions = [r for r in results if isinstance(r, ArticleExtraction)]
    path = scratch / f"extractions-{index:06d}.pickle"
    with open(path, "wb") as out:
        pickle.dump(extractions, out, protocol=pickle.HIGHEST_PROTOCOL)
    records = [link_record(x) for x in extractions]
    return _Chunk(path, records, [r for r in results if isinstance(r, Skipped)])


def _batches(chunks: list[_Chunk], batch: int) -> Iterator[list[_Chunk]]:
    """Consecutive chunks of at least `batch` articles together (the last may have fewer)."""
    group: list[_Chunk] = []
    size = 0
    for chunk in chunks:
        group.append(chunk)
        size += len(chunk.records)
        if size >= batch:
            yield group
            group, size = [], 0
    if group:
        yield group


def _read(group: list[_Chunk]) -> Iterator[tuple[ArticleExtraction, LinkRecord]]:
    for chunk in group:
        with open(chunk.path, "rb") as source:
            extractions = pickle.load(source)  # noqa: S301 - kg's own file, written above
        chunk.path.unlink()
        yield from zip(extractions, chunk.records, strict=True)


def _run(quads: Quads, scratch: Path, name: str, result: Streamed) -> None:
    named, union = scratch / f"{name}.quads", scratch / f"{name}.triples"
    write_runs(quads, named, union)
    result.named_runs.append(named)
    result.union_runs.append(union)
