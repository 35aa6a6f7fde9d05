"""Entities to legal instruments: introduced, passed, opposed, enforces, acts under, ..."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from kg.model import Entity, Fact


def find_legal_links(doc: Doc, entities: Sequence[Entity]) -> list[Fact]:
    """Stated relations between entities and legal instruments."""
    return []
