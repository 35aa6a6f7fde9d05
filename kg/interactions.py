"""One person or organisation acting on another (wrote to, met, criticised, ...)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from kg.model import Entity, Fact


def find_interactions(doc: Doc, entities: Sequence[Entity]) -> list[Fact]:
    """Interactions between people and organisations, from the dependency parse."""
    return []
