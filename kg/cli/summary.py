"""The short report `kg build` prints when it is done."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from kg.model import ENTITY_TYPES

if TYPE_CHECKING:
    from kg.builder.run import BuildResult


def summarise(result: BuildResult, files: list[Path]) -> str:
    entities: dict[str, set[str]] = {t: set() for t in ENTITY_TYPES}
    mentions = 0
    facts: Counter[str] = Counter()
    quotes = affiliations = 0
    for extraction in result.extractions:
        quotes += len(extraction.quotes)
        affiliations += len(extraction.affiliations)
        for entity in extraction.entities:
            entities[entity.type].add(entity.key)
            mentions += len(entity.mentions)
        facts.update(f.predicate for f in extraction.facts)
    lines = [
        f"built {len(result.extractions)} article(s) with {result.model} {result.model_version}"
        + (f"; skipped {len(result.skipped)}" if result.skipped else ""),
        "entities: " + ", ".join(f"{len(keys)} {t}" for t, keys in entities.items()),
        f"mentions: {mentions}; facts: "
        + (", ".join(f"{n} {p}" for p, n in sorted(facts.items())) or "none"),
        f"quotations: {quotes}; affiliations: {affiliations}",
        f"triples: {len(result.quads)} in {len(result.quads.graph_names())} graph(s)",
    ]
    for path in files:
        size = path.stat().st_size if path.exists() else 0
        lines.append(f"  {path}  ({size:,} bytes)")
    return "\n".join(lines)
