"""Organisations based in or serving places."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from kg.model import Entity, Fact


def find_locations(doc: Doc, entities: Sequence[Entity]) -> list[Fact]:
    """Organisation -> place facts the text states or its names make plain."""
    return []
