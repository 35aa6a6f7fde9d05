"""Write the graph files through Oxigraph's serialisers.

rdflib's TriG, Turtle and JSON-LD writers took as long as the whole extraction on a large
build; Oxigraph's take a fraction of a second. The rdflib Dataset is handed over once as
N-Quads (rdflib's fastest writer, Oxigraph's fastest reader), and the quads are sorted by
graph, subject, predicate and object so that each file is deterministic and groups every
subject's statements together.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset


def to_quads(dataset: Dataset) -> list[ox.Quad]:
    """Every quad of `dataset` as Oxigraph terms, sorted."""
    data = dataset.serialize(format="nquads", encoding="utf-8")
    quads = ox.parse(data, format=ox.RdfFormat.N_QUADS)
    return sorted(quads, key=_order)


def write_trig(quads: list[ox.Quad], path: Path, prefixes: dict[str, str]) -> None:
    ox.serialize(quads, str(path), ox.RdfFormat.TRIG, prefixes=_namespaces(prefixes))


def write_turtle(quads: list[ox.Quad], path: Path, prefixes: dict[str, str]) -> None:
    """The union of the named graphs: each triple once, whichever graphs hold it."""
    triples = sorted(
        {ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=_triple_order
    )
    ox.serialize(triples, str(path), ox.RdfFormat.TURTLE, prefixes=_namespaces(prefixes))


def write_jsonld(quads: list[ox.Quad], path: Path) -> None:
    """Expanded JSON-LD: one object per named graph, full IRIs, no remote context to fetch."""
    ox.serialize(quads, str(path), ox.RdfFormat.JSON_LD)


def _namespaces(prefixes: dict[str, str]) -> dict[str, str]:
    # Only vocabularies: kg's own IRIs have "/" in their local part, which Turtle can only
    # write escaped ("kgid:graph\\/article-..."), so they are written in full.
    return {p: ns for p, ns in prefixes.items() if ns.endswith(("#", "/")) and "/id/" not in ns}


def _order(quad: ox.Quad) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


def _triple_order(triple: ox.Triple) -> tuple[str, str, str]:
    return (str(triple.subject), str(triple.predicate), str(triple.object))
