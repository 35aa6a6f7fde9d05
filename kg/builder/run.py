"""The builder: paths in, the graph of their articles out, as a `BuildResult`.

read (kg.ingest) -> parse (spaCy, batched, here or in worker processes: kg.builder.local;
or on a Dask cluster: kg.builder.cluster) -> extract (kg.extract) -> link across articles
(kg.link) -> RDF (kg.rdf). Writing the result is kg.output's (or kg.store's) job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kg.builder.local import Extractor, Progress, extract_articles
from kg.config import BuildConfig
from kg.ingest.files import read_articles
from kg.link.across import link_corpus
from kg.link.decisions import LinkPlan
from kg.model import Article, ArticleExtraction, Skipped
from kg.nlp.pipeline import load_nlp, model_id, model_id_of
from kg.rdf.graphs import RunInfo, build_quads, now
from kg.rdf.quads import Quads
from kg.version import __version__

if TYPE_CHECKING:
    from rdflib import Dataset
    from spacy.language import Language


@dataclass
class BuildResult:
    extractions: list[ArticleExtraction]
    skipped: list[Skipped]
    quads: Quads
    model: str = ""
    model_version: str = ""
    files: list[Path] = field(default_factory=list)
    links: LinkPlan = field(default_factory=LinkPlan)  # what linking across articles decided

    @property
    def ok(self) -> bool:
        return not self.skipped

    @cached_property
    def dataset(self) -> Dataset:
        """The graph as an rdflib Dataset, made on first use: a large build should be
        written from `quads` and never need it."""
        return self.quads.to_rdflib()


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

    `extractor` runs the extraction elsewhere (kg.builder.cluster: on a Dask cluster); by
    default it runs here, in `config.processes` processes.
    """
    config = config or BuildConfig()
    started = now()
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in read_articles(
        paths, max_bytes=config.max_input_bytes, max_chars=config.max_article_chars
    ):
        if isinstance(item, Article):
            articles.append(item)
        else:
            skipped.append(item)
    if on_article_count:
        on_article_count(len(articles))
    if extractor is None and nlp is None and (config.processes <= 1 or len(articles) <= 1):
        nlp = load_nlp(config.model)
    if nlp is not None:
        name, version = model_id(nlp)
    else:
        name, version = model_id_of(config.model)
    if extractor is None:
        extractions, failed = extract_articles(articles, config, nlp=nlp, progress=progress)
    else:
        extractions, failed = extractor(articles, config, progress)
    skipped.extend(failed)
    linked = link_corpus(extractions)
    extractions = linked.extractions
    run = RunInfo(
        started=started,
        ended=now(),
        model=name,
        model_version=version,
        kg_version=__version__,
        config_json=config.to_json(),
    )
    quads = build_quads(extractions, run, base=config.base, links=linked.plan)
    return BuildResult(extractions, skipped, quads, name, version, links=linked.plan)
