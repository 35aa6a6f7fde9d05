"""The short report `kg build` prints when it is done."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.builder.stream import Counts, Streamed

if TYPE_CHECKING:
    from kg.builder.run import BuildResult


def summarise(result: BuildResult | Streamed, files: list[Path]) -> str:
    if isinstance(result, Streamed):
        counts = result.counts
    else:  # held in memory: counted now
        counts = Counts()
        for extraction in result.extractions:
            counts.add(extraction)
        counts.quads, counts.graphs = len(result.quads), len(result.quads.graph_names())
    lines = [
        f"built {counts.articles} article(s) with {result.model} {result.model_version}"
        + (f"; skipped {len(result.skipped)}" if result.skipped else ""),
        "entities: " + ", ".join(f"{len(keys)} {t}" for t, keys in counts.entities.items()),
        f"mentions: {counts.mentions}; facts: "
        + (", ".join(f"{n} {p}" for p, n in sorted(counts.facts.items())) or "none"),
        f"quotations: {counts.quotes}; affiliations: {counts.affiliations}",
        f"triples: {counts.quads} in {counts.graphs} graph(s)",
    ]
    for path in files:
        size = path.stat().st_size if path.exists() else 0
        lines.append(f"  {path}  ({size:,} bytes)")
    return "\n".join(lines)
