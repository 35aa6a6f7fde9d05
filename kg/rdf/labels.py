"""Names and titles as literals: the text that people read as a label.

A label is shown on its own (the view, `kg stats`, a query's table), away from the text
around it, so an invisible bidirectional control in it (U+202E turns "exe.txt" into what
looks like "txt.exe") would disguise what it says. Labels are written without them;
evidence (the article text, sentences, quotations) keeps the text as it was, with offsets.
"""

from __future__ import annotations

from rdflib import Literal

from kg.ingest.check import strip_bidi


def label(text: str) -> Literal:
    """A label literal: `text` without bidirectional controls."""
    return Literal(strip_bidi(text))


def clean_key(key: str) -> str:
    """An entity key as IRIs are minted from it: without bidirectional controls, so that a
    name with one is the entity of the same name without it."""
    return strip_bidi(key)
