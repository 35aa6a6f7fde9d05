"""Posts and affiliations: who holds which post where."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from kg.model import Affiliation, Entity


def find_affiliations(doc: Doc, entities: Sequence[Entity]) -> list[Affiliation]:
    """People's posts and the organisations they belong to, as the text states them."""
    return []
