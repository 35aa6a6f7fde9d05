"""The builder: articles in, graph files out.

read -> parse (spaCy, batched, optionally in worker processes) -> extract -> link across
articles -> RDF -> write OUT atomically.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kg import __version__
from kg.config import BuildConfig
from kg.ingest import read_articles
from kg.link import link_across_articles
from kg.model import Article, ArticleExtraction, Skipped

if TYPE_CHECKING:
    from rdflib import Dataset
    from spacy.language import Language

    from kg.quads import Quads

OUTPUT_FILES = ("graph.trig", "graph.ttl", "graph.jsonld", "graph.html")
Progress = Callable[[int], None]
Results = tuple[list[ArticleExtraction], list[Skipped]]
# Where extraction runs: given the articles, the config and a progress callback, it returns
# every article's extraction (in input order) and the articles it had to skip.
Extractor = Callable[[Sequence[Article], BuildConfig, "Progress | None"], Results]


@dataclass
class BuildResult:
    extractions: list[ArticleExtraction]
    skipped: list[Skipped]
    quads: Quads
    model: str = ""
    model_version: str = ""
    files: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.skipped

    @cached_property
    def dataset(self) -> Dataset:
        """The graph as an rdflib Dataset, made on first use: a large build should be
        written from `quads` and never need it."""
        return self.quads.to_rdflib()


def extract_articles(
    articles: Sequence[Article],
    config: BuildConfig,
    *,
    nlp: Language | None = None,
    progress: Progress | None = None,
) -> tuple[list[ArticleExtraction], list[Skipped]]:
    """Parse and extract every article; a failing article is skipped and reported."""
    extractions: list[ArticleExtraction] = []
    skipped: list[Skipped] = []
    for result in iter_extractions(articles, config, nlp=nlp, progress=progress):
        (extractions if isinstance(result, ArticleExtraction) else skipped).append(result)
    return extractions, skipped


def iter_extractions(
    articles: Sequence[Article],
    config: BuildConfig,
    *,
    nlp: Language | None = None,
    progress: Progress | None = None,
) -> Iterator[ArticleExtraction | Skipped]:
    """Each article's extraction (or why it was skipped), in order, as it is ready: one
    pipeline or one pool of workers serves the whole sequence."""
    if config.processes > 1 and len(articles) > 1:
        results = _extract_parallel(articles, config)
    else:
        from kg.nlp import load_nlp

        nlp = nlp or load_nlp(config.model)
        results = extract_with(nlp, articles, config.batch_size)
    for result in results:
        if progress:
            progress(1)
        yield result


def extract_with(
    nlp: Language, articles: Sequence[Article], batch_size: int
) -> Iterator[ArticleExtraction | Skipped]:
    """Parse `articles` with `nlp` in batches and extract each; failures become Skipped."""
    from kg.extract import extract

    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        yield _safely(extract, doc, article)


def _safely(extract, doc, article: Article) -> ArticleExtraction | Skipped:
    # One article's failure must not sink the batch: report it with its origin.
    try:
        return extract(doc, article)
    except Exception as exc:  # noqa: BLE001 - the error policy is skip-and-report
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return Skipped(article.origin or article.id, f"extraction failed: {detail}")


_WORKER_NLP: Language | None = None


def _init_worker(model: str | None) -> None:
    global _WORKER_NLP
    from kg.nlp import load_nlp

    _WORKER_NLP = load_nlp(model)


def _work(chunk: list[Article], batch_size: int) -> list[ArticleExtraction | Skipped]:
    assert _WORKER_NLP is not None
    return list(extract_with(_WORKER_NLP, chunk, batch_size))


def _extract_parallel(
    articles: Sequence[Article], config: BuildConfig
) -> Iterator[ArticleExtraction | Skipped]:
    # Chunks go to workers that each load the pipeline once; results come back in order.
    size = max(1, min(config.batch_size * 2, -(-len(articles) // (config.processes * 4))))
    chunks = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
    with ProcessPoolExecutor(
        max_workers=config.processes, initializer=_init_worker, initargs=(config.model,)
    ) as pool:
        for results in pool.map(_work, chunks, [config.batch_size] * len(chunks)):
            yield from results


def build(
    paths: Iterable[str | Path],
    config: BuildConfig | None = None,
    *,
    nlp: Language | None = None,
    progress: Progress | None = None,
    on_article_count: Callable[[int], None] | None = None,
    extractor: Extractor | None = None,
) -> BuildResult:
    """Read, extract and link the articles under `paths` into one RDF graph.

    `extractor` runs the extraction elsewhere (kg.distributed: on a Dask cluster); by
    default it runs here, in `config.processes` processes.
    """
    config = config or BuildConfig()
    from kg.nlp import load_nlp, model_id
    from kg.rdf import RunInfo, build_quads

    started = _now()
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in read_articles(
        paths, max_bytes=config.max_input_bytes, max_chars=config.max_article_chars
    ):
        (articles if isinstance(item, Article) else skipped).append(item)
    if on_article_count:
        on_article_count(len(articles))
    local = extractor is None
    if local and nlp is None and (config.processes <= 1 or len(articles) <= 1):
        nlp = load_nlp(config.model)
    if nlp is not None:
        name, version = model_id(nlp)
    else:
        name, version = _model_id_of(config.model)
    if local:
        extractions, failed = extract_articles(articles, config, nlp=nlp, progress=progress)
    else:
        extractions, failed = extractor(articles, config, progress)
    skipped.extend(failed)
    extractions = link_across_articles(extractions)
    run = RunInfo(
        started=started,
        ended=_now(),
        model=name,
        model_version=version,
        kg_version=__version__,
        config_json=config.to_json(),
    )
    quads = build_quads(extractions, run, base=config.base)
    return BuildResult(extractions, skipped, quads, name, version)


def _model_id_of(model: str | None) -> tuple[str, str]:
    import spacy

    from kg.nlp import default_model

    name = model or default_model()
    try:
        meta = spacy.info(name)  # reads the package's meta without loading weights
        return f"{meta.get('lang', 'xx')}_{meta.get('name', name)}", str(meta.get("version", ""))
    except Exception:  # noqa: BLE001 - provenance only; the workers report real load errors
        return name, ""


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def write_outputs(graph: Quads | Dataset, out: Path, *, title: str = "kg") -> list[Path]:
    """Write every output file into `out`, replacing it only once all are written."""
    from kg.quads import Quads
    from kg.serialize import write_rdf_files
    from kg.view import write_html

    quads = graph if isinstance(graph, Quads) else Quads.from_rdflib(graph)
    with staged(out) as staging:
        write_rdf_files(quads, staging)
        # The view reads through an Oxigraph store: it indexes the graph in a fraction of
        # the memory an rdflib Dataset needs, and the view does not show lexical forms.
        write_html(quads.to_store(), staging / "graph.html", title=title)
    return [Path(out) / name for name in OUTPUT_FILES]


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A fresh directory beside `out` to write into, which takes `out`'s place once the
    block ends: an interrupted write leaves the previous `out` as it was."""
    out = Path(out)
    parent = out.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    _recover(out)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=parent))
    try:
        yield staging
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
    os.replace(staging, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _recover(out: Path) -> None:
    """If a previous build died between its two renames, put the old output back."""
    if out.exists():
        return
    leftovers = sorted(out.parent.glob(f".{out.name}.old-*"))
    if leftovers:
        os.replace(leftovers[-1], out)
