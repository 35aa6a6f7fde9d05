"""kg: a knowledge-graph builder for news articles.

The public API. Configuration, data types and errors come with `import kg`; the rest is
imported on first use, so that `import kg` (and `kg --help`) loads neither spaCy nor rdflib.
Each name is also importable from the module it lives in:

    read_articles                   kg.ingest.files       paths -> Article | Skipped
    load_nlp                        kg.nlp.pipeline       the spaCy pipeline, built once
    build, BuildResult              kg.builder.run        paths -> extractions and graph
    build_texts                     kg.builder.run        texts or Articles -> the same
    write_outputs, export_store     kg.output             graph or store -> OUT
    build_store, StoreReport        kg.store.incremental  paths -> a store that grows
    load, sparql                    kg.api                any graph -> a Store; a query on it
    load_store, run_query, QueryResult   kg.query.sparql  read-only SPARQL
    format_result                   kg.query.formats      a result as table, CSV, JSON
    validate, ValidationReport      kg.rdf.validate       SHACL shapes
    project                         kg.graph.project      RDF -> networkx graph of entities
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from kg.config import BuildConfig
from kg.errors import GoldError, InputError, KgError, ModelError, OutputError, QueryError
from kg.model import (
    Affiliation,
    Article,
    ArticleExtraction,
    Entity,
    Fact,
    Mention,
    Quote,
    Sentence,
    Skipped,
)
from kg.version import __version__

if TYPE_CHECKING:
    from kg.api import load, sparql
    from kg.builder.run import BuildResult, build, build_texts
    from kg.graph.project import project
    from kg.ingest.files import read_articles
    from kg.nlp.pipeline import load_nlp
    from kg.output import export_store, write_outputs
    from kg.query.formats import format_result
    from kg.query.sparql import QueryResult, load_store, run_query
    from kg.rdf.validate import ValidationReport, validate
    from kg.store.incremental import StoreReport, build_store

# Imported on first use: each pulls in spaCy, rdflib, pyoxigraph or networkx.
_LAZY = {
    "read_articles": "kg.ingest.files",
    "load_nlp": "kg.nlp.pipeline",
    "build": "kg.builder.run",
    "build_texts": "kg.builder.run",
    "BuildResult": "kg.builder.run",
    "load": "kg.api",
    "sparql": "kg.api",
    "write_outputs": "kg.output",
    "export_store": "kg.output",
    "build_store": "kg.store.incremental",
    "StoreReport": "kg.store.incremental",
    "load_store": "kg.query.sparql",
    "run_query": "kg.query.sparql",
    "QueryResult": "kg.query.sparql",
    "format_result": "kg.query.formats",
    "validate": "kg.rdf.validate",
    "ValidationReport": "kg.rdf.validate",
    "project": "kg.graph.project",
}

__all__ = [
    "__version__",
    # configuration
    "BuildConfig",
    # data types
    "Affiliation",
    "Article",
    "ArticleExtraction",
    "Entity",
    "Fact",
    "Mention",
    "Quote",
    "Sentence",
    "Skipped",
    # errors
    "GoldError",
    "InputError",
    "KgError",
    "ModelError",
    "OutputError",
    "QueryError",
    # reading, building, writing
    "read_articles",
    "load_nlp",
    "build",
    "build_texts",
    "BuildResult",
    "write_outputs",
    "build_store",
    "StoreReport",
    "export_store",
    # querying and checking
    "load",
    "sparql",
    "load_store",
    "run_query",
    "QueryResult",
    "format_result",
    "validate",
    "ValidationReport",
    # the graph for people
    "project",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
