"""Write the graph files through Oxigraph's serialisers.

rdflib's TriG, Turtle and JSON-LD writers took as long as the whole extraction on a large
build; Oxigraph's take a fraction of a second. Quads are sorted by graph, subject,
predicate and object so that each file is deterministic and groups every subject's
statements together. Only vocabularies get prefixes: kg's own IRIs have "/" in their local
part, which Turtle can only write escaped, so they are written in full.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from kg.namespace import VOCABULARIES

RDF_FILES = ("graph.trig", "graph.ttl", "graph.jsonld")


def to_quads(dataset: Dataset) -> list[ox.Quad]:
    """Every quad of an rdflib `dataset` as Oxigraph terms, handed over as N-Quads (rdflib's
    fastest writer, Oxigraph's fastest reader)."""
    return list(
        ox.parse(dataset.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
    )


def write_rdf_files(quads: Iterable[ox.Quad], directory: Path) -> None:
    """graph.trig (the named graphs), graph.ttl (their union, each triple once) and
    graph.jsonld (expanded: full IRIs, no remote context to fetch) in `directory`."""
    quads = sorted(quads, key=_order)
    ox.serialize(quads, str(directory / "graph.trig"), ox.RdfFormat.TRIG, prefixes=VOCABULARIES)
    triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=_order)
    ox.serialize(triples, str(directory / "graph.ttl"), ox.RdfFormat.TURTLE, prefixes=VOCABULARIES)
    ox.serialize(quads, str(directory / "graph.jsonld"), ox.RdfFormat.JSON_LD)


def _order(statement: ox.Quad | ox.Triple) -> tuple[str, ...]:
    graph = (str(statement.graph_name),) if isinstance(statement, ox.Quad) else ()
    return (*graph, str(statement.subject), str(statement.predicate), str(statement.object))
