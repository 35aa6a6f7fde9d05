"""Where extraction runs by default: in this process, or in a pool of worker processes.

`iter_extractions` parses the articles with one spaCy pipeline (or one pool of workers, each
loading the pipeline once) for the whole sequence and extracts each as its Doc is ready; an
article that fails becomes a `Skipped`, never the end of the batch. An `Extractor` is the
same job done elsewhere (kg.builder.cluster).
"""

from __future__ import annotations

import os
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from itertools import repeat
from typing import TYPE_CHECKING, TypeVar

from kg.config import BuildConfig
from kg.model import Article, ArticleExtraction, Skipped
from kg.nlp.pipeline import load_nlp

if TYPE_CHECKING:
    from spacy.language import Language

Progress = Callable[[int], None]
Results = tuple[list[ArticleExtraction], list[Skipped]]
# Where extraction runs: given the articles, the config and a progress callback, it returns
# every article's extraction (in input order) and the articles it had to skip.
Extractor = Callable[[Sequence[Article], BuildConfig, "Progress | None"], Results]
T = TypeVar("T")
# What becomes of one chunk's results where they were made (in the worker, with processes):
# given the chunk's index and its results, in order, what to send back instead.
Spill = Callable[[int, list[ArticleExtraction | Skipped]], T]


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
        if isinstance(result, ArticleExtraction):
            extractions.append(result)
        else:
            skipped.append(result)
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
    from kg.extract.article import extract

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
    end_with_parent()
    _WORKER_NLP = load_nlp(model)


def end_with_parent(interval: float = 0.5) -> None:
    """End this worker process when the process that started it ends, however it ends.

    A pool's workers notice a parent that exits; a parent killed with SIGKILL they would
    outlive, parsing on for minutes as orphans. A daemon thread polls the parent's pid: once
    the worker is re-parented (to init or a subreaper), the parent is gone.
    """
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)  # no clean-up to wait for: the build that wanted the results is gone

    threading.Thread(target=watch, name="kg-end-with-parent", daemon=True).start()


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


@contextmanager
def worker_pool(config: BuildConfig, articles: int) -> Iterator[ProcessPoolExecutor | None]:
    """The pool of `config.processes` workers, each with the pipeline loaded, for a build of
    `articles` articles (None for one process, or one article): kg.builder.stream runs both
    its passes in it, so the workers load their pipelines once."""
    if config.processes <= 1 or articles <= 1:
        yield None
        return
    with ProcessPoolExecutor(
        max_workers=config.processes, initializer=_init_worker, initargs=(config.model,)
    ) as pool:
        yield pool


def extract_chunks(
    articles: Sequence[Article],
    config: BuildConfig,
    spill: Spill[T],
    *,
    size: int,
    pool: ProcessPoolExecutor | None = None,
    nlp: Language | None = None,
    progress: Progress | None = None,
) -> Iterator[T]:
    """Extract `articles` in chunks of at most `size` and yield, in order, what `spill`
    makes of each chunk's results. In a `pool` (`worker_pool`), `spill` (picklable) runs in
    the worker, so a chunk's extractions need never be sent back: kg.builder.stream writes
    them to disk there and sends back only what linking needs."""
    if pool is not None:
        size = max(1, min(size, config.batch_size * 2, -(-len(articles) // (config.processes * 4))))
        chunks = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
        spills = pool.map(
            _spill, range(len(chunks)), chunks, repeat(config.batch_size), repeat(spill)
        )
        for chunk, spilled in zip(chunks, spills, strict=True):
            if progress:
                progress(len(chunk))
            yield spilled
        return
    nlp = nlp or load_nlp(config.model)
    for index, start in enumerate(range(0, len(articles), size)):
        results = []
        for result in extract_with(nlp, articles[start : start + size], config.batch_size):
            results.append(result)
            if progress:
                progress(1)
        yield spill(index, results)


def _spill(index: int, chunk: list[Article], batch_size: int, spill: Spill[T]) -> T:
    assert _WORKER_NLP is not None
    return spill(index, list(extract_with(_WORKER_NLP, chunk, batch_size)))
