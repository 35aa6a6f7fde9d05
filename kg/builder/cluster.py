"""Extraction on a Dask cluster: `kg build --dask ADDRESS`.

`dask_extractor(address)` plugs into `kg.builder.run.build`: chunks of articles go to the
cluster's workers, each of which loads the spaCy pipeline once and sends back the chunk's
extractions. Linking across articles and the RDF stay with the caller, so the graph is the
one a local build makes. (Writing the graph to a remote store: `kg.store.graph_store`.)

Workers need kg and the spaCy model installed (`pip install 'kg[distributed]'`).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.builder.local import Extractor, Progress, Results, extract_with
from kg.errors import KgError
from kg.model import Article, ArticleExtraction, Skipped
from kg.nlp.pipeline import load_nlp

if TYPE_CHECKING:
    from distributed import Client
    from spacy.language import Language

    from kg.config import BuildConfig

# Per worker process: the loaded pipelines, and one lock so that worker threads neither
# load a pipeline twice nor run one Language object concurrently.
_PIPELINES: dict[str | None, Language] = {}
_LOCK = threading.Lock()


def connect(address: str) -> Client:
    """A client of the scheduler at `address` (e.g. tcp://10.0.0.5:8786); close it after."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise KgError("--dask needs Dask: pip install 'kg[distributed]'") from exc
    try:
        return Client(address, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise KgError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc


def dask_extractor(address: str) -> Extractor:
    """An extractor for `kg.builder.run.build` that runs on the workers of the cluster at
    `address`."""

    def extract(
        articles: Sequence[Article], config: BuildConfig, progress: Progress | None
    ) -> Results:
        with connect(address) as client:
            return _extract_on(client, articles, config, progress)

    return extract


def _extract_on(
    client: Client, articles: Sequence[Article], config: BuildConfig, progress: Progress | None
) -> Results:
    from distributed import as_completed

    threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
    chunks = _chunks(articles, config.batch_size, max(1, threads))
    futures = [
        client.submit(_extract_chunk, chunk, config.model, config.batch_size, pure=False)
        for chunk in chunks
    ]
    index = {future.key: n for n, future in enumerate(futures)}
    done: list[list[ArticleExtraction | Skipped]] = [[] for _ in futures]
    for future in as_completed(futures):
        done[index[future.key]] = future.result()
        if progress:
            progress(len(done[index[future.key]]))
    extractions: list[ArticleExtraction] = []
    skipped: list[Skipped] = []
    for results in done:
        for result in results:
            if isinstance(result, ArticleExtraction):
                extractions.append(result)
            else:
                skipped.append(result)
    return extractions, skipped


def _chunks(articles: Sequence[Article], batch_size: int, slots: int) -> list[list[Article]]:
    # Small enough that every worker thread gets several (a slow one does not hold up the
    # end), large enough to fill spaCy's batches.
    size = max(1, min(batch_size * 2, -(-len(articles) // (slots * 4))))
    return [list(articles[i : i + size]) for i in range(0, len(articles), size)]


def _extract_chunk(
    chunk: list[Article], model: str | None, batch_size: int
) -> list[ArticleExtraction | Skipped]:
    """Runs on a worker."""
    with _LOCK:
        nlp = _PIPELINES.get(model)
        if nlp is None:
            nlp = _PIPELINES[model] = load_nlp(model)
        return list(extract_with(nlp, chunk, batch_size))
