"""A build that streams: memory bounded by a batch of articles, not by the corpus.

`build` (kg.builder.run) holds every extraction and the whole graph at once; for an
archive that is more memory than a machine has. `stream_build` makes the same graph in
two passes over the articles, leaving sorted runs of quads in a scratch directory for the
writers (kg.rdf.serialize.write_merged_files) to merge:

1. extract, a chunk at a time (in the worker, with processes): each chunk's extractions
   are pickled to the scratch directory where they were made, and only their link records
   (kg.link.records: what cross-article linking reads) come back; the records make the plan.
2. per batch of chunks (in the workers too: the batches are independent), read the
   extractions back, apply the plan's joins, and write the batch's article and meta graphs
   as sorted runs (kg.rdf.runs); only the tallies of its entities come back, whose
   descriptions merge over every article: the main process writes them, and the links
   graph, last.

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

from kg.builder.local import Progress, extract_chunks, worker_pool
from kg.builder.run import refuse_text_for_paths
from kg.config import BuildConfig
from kg.ingest.files import read_articles
from kg.link.apply import Remap, apply_links
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

    def update(self, other: Counts) -> None:
        self.articles += other.articles
        for type_, keys in other.entities.items():
            self.entities[type_] |= keys
        self.mentions += other.mentions
        self.facts.update(other.facts)
        self.quotes += other.quotes
        self.affiliations += other.affiliations

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
    with worker_pool(config, len(articles)) as pool:
        chunks = list(
            extract_chunks(
                articles, config, spill, size=batch, pool=pool, nlp=nlp, progress=progress
            )
        )
        del articles  # each extraction holds its article from here on
        for chunk in chunks:
            skipped.extend(chunk.skipped)
        plan = plan_links(r for chunk in chunks for r in chunk.records)
        run = RunInfo(started, now(), name, version, __version__, config.to_json())
        result = Streamed([], [], skipped, Counts(), name, version, plan)
        tasks = [
            _Batch(
                scratch / f"batch-{n:06d}",
                [chunk.path for chunk in group],
                [plan.remap_of(r.article, r.groups()) for chunk in group for r in chunk.records],
                run,
                config.base,
            )
            for n, group in enumerate(_batches(chunks, batch))
        ]
        del chunks
        # The batches are independent until their entities are tallied: with processes, the
        # workers make them, and only their tallies come back, in order.
        tallies = EntityTallies(config.base)
        made = pool.map(_write_batch, tasks) if pool is not None else map(_write_batch, tasks)
        for task, (tally, counts) in zip(tasks, made, strict=True):
            tallies.update(tally)
            result.counts.update(counts)
            _add_run(task.name, result)
    if result.counts.articles:  # else nothing is written: no graph of no articles
        last = Quads()
        tallies.describe(last.graph(entities_graph_iri(config.base)))
        add_links_graph(last, plan, base=config.base)
        write_runs(last, *_run_paths(scratch / "entities"))
        _add_run(scratch / "entities", result)
    return result


@dataclass
class _Batch:
    name: Path  # the runs' paths, without their suffixes
    chunks: list[Path]  # the pickled extractions of the batch, in order
    remaps: list[Remap]  # each extraction's joins (kg.link.apply)
    run: RunInfo
    base: str


def _write_batch(batch: _Batch) -> tuple[EntityTallies, Counts]:
    """One batch's article and meta graphs as sorted runs; its entities' tallies and counts."""
    quads = Quads()
    tallies = EntityTallies(batch.base)
    counts = Counts()
    linked = []
    remaps = iter(batch.remaps)
    for path in batch.chunks:
        with open(path, "rb") as source:
            extractions = pickle.load(source)  # noqa: S301 - kg's own file (_spill)
        path.unlink()
        for extraction in extractions:
            extraction = apply_links(extraction, next(remaps))
            add_article_graph(quads, extraction, base=batch.base)
            tallies.add(extraction)
            counts.add(extraction)
            linked.append(extraction)
    add_meta_graph(quads, linked, batch.run, base=batch.base)
    write_runs(quads, *_run_paths(batch.name))
    return tallies, counts


def _run_paths(name: Path) -> tuple[Path, Path]:
    return name.with_suffix(".quads"), name.with_suffix(".triples")


def _add_run(name: Path, result: Streamed) -> None:
    named, union = _run_paths(name)
    result.named_runs.append(named)
    result.union_runs.append(union)


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
