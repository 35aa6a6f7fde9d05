"""The builder: paths in, the graph of their articles out, as a `BuildResult`.

read (kg.ingest) -> parse (spaCy, batched, here or in worker processes: kg.builder.local;
or on a Dask cluster: kg.builder.cluster) -> extract (kg.extract) -> link across articles
(kg.link) -> RDF (kg.rdf). Writing the result is kg.output's (or kg.store's) job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kg.builder.local import Extractor, Progress, extract_articles
from kg.config import BuildConfig
from kg.errors import InputError
from kg.ingest.files import read_articles
from kg.ingest.formats import SUPPORTED_SUFFIXES
from kg.ingest.texts import read_texts
from kg.link.across import link_corpus
from kg.link.decisions import LinkPlan
from kg.model import Article, ArticleExtraction, Skipped
from kg.nlp.pipeline import load_nlp, model_id, model_id_of
from kg.rdf.graphs import RunInfo, build_quads, now
from kg.rdf.iri import check_base
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
    """Read, extract and link the articles under `paths` (files, directories, globs) into
    one RDF graph; for text held in memory, `build_texts`.

    `extractor` runs the extraction elsewhere (kg.builder.cluster: on a Dask cluster); by
    default it runs here, in `config.processes` processes.
    """
    config = config or BuildConfig()
    started = now()
    if isinstance(paths, str | Path):  # one path, not a sequence of its characters
        paths = [paths]
    paths = list(paths)
    items = list(
        read_articles(paths, max_bytes=config.max_input_bytes, max_chars=config.max_article_chars)
    )
    refuse_text_for_paths(paths, items)
    return build_articles(
        items,
        config,
        nlp=nlp,
        progress=progress,
        on_article_count=on_article_count,
        extractor=extractor,
        started=started,
    )


def build_texts(
    texts: Iterable[str | Article],
    config: BuildConfig | None = None,
    *,
    nlp: Language | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the graph of articles held in memory: each a string (its text, read as a .txt
    file would be) or an `Article` (checked as a JSON Lines record is); see kg.ingest.texts.
    A text that cannot be used is in `skipped`, with its index."""
    config = config or BuildConfig()
    started = now()
    items = read_texts(texts, max_chars=config.max_article_chars)
    return build_articles(items, config, nlp=nlp, progress=progress, started=started)


def build_articles(
    items: Iterable[Article | Skipped],
    config: BuildConfig | None = None,
    *,
    nlp: Language | None = None,
    progress: Progress | None = None,
    on_article_count: Callable[[int], None] | None = None,
    extractor: Extractor | None = None,
    started: str | None = None,
) -> BuildResult:
    """Extract and link `items` (articles, and inputs already skipped) into one graph."""
    config = config or BuildConfig()
    config = replace(config, base=check_base(config.base))
    started = started or now()
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in items:
        if isinstance(item, Article):
            articles.append(item)
        else:
            skipped.append(item)
    if on_article_count:
        on_article_count(len(articles))
    if not articles:  # nothing to parse: no pipeline to load
        return BuildResult([], skipped, Quads(), *model_id_of(config.model))
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


def refuse_text_for_paths(paths: list[str | Path], items: list[Article | Skipped]) -> None:
    """`kg.build(["Tony Blair met ..."])` reads no file; say so rather than build nothing."""
    if any(isinstance(item, Article) for item in items):
        return
    texts = [p for p in paths if isinstance(p, str) and _looks_like_text(p)]
    if texts:
        shown = texts[0] if len(texts[0]) <= 40 else texts[0][:39] + "…"
        raise InputError(
            f"no such file or directory: {shown!r} looks like article text, not a path; "
            "kg build reads files, directories and globs: to build from text in Python, "
            "use kg.build_texts([...])"
        )


def _looks_like_text(raw: str) -> bool:
    # Not a path that exists, and written as prose: a line break, or words and no suffix.
    if Path(raw).exists() or any(ch in raw for ch in "*?["):
        return False
    named = Path(raw).suffix.lower() in SUPPORTED_SUFFIXES
    return "\n" in raw or (len(raw.split()) >= 3 and not named)
