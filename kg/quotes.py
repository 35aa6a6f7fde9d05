"""Direct quotations and who said them."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from kg.model import Entity, Quote


def find_quotes(
    doc: Doc, entities: Sequence[Entity], *, excluded: Sequence[tuple[int, int]] = ()
) -> list[Quote]:
    """Every direct quotation in `doc` attributed to a person or organisation entity."""
    return []
