"""Build configuration: declared once, overridden by the CLI, written into the graph."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

# The base of every IRI kg mints (kg.rdf.iri) and of its ontology's namespace.
BASE = "https://kg.example.org"
# The file every OUT directory kg writes holds: kg replaces a directory only when it is
# absent, empty or holds this (or with --force), and never reads one as articles.
OUT_MARKER = ".kg-out"
# Inputs larger than this are refused rather than read into memory (bytes).
MAX_INPUT_BYTES = 20 * 1024 * 1024
# A single article longer than this is refused: spaCy's default nlp.max_length.
MAX_ARTICLE_CHARS = 1_000_000


@dataclass(frozen=True)
class BuildConfig:
    model: str | None = None  # spaCy pipeline; None picks the best installed
    processes: int = 1
    batch_size: int = 16
    base: str = BASE
    max_input_bytes: int = MAX_INPUT_BYTES
    max_article_chars: int = MAX_ARTICLE_CHARS

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)
