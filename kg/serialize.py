"""Write the graph files through Oxigraph's serialisers.

rdflib's TriG, Turtle and JSON-LD writers took as long as the whole extraction on a large
build; Oxigraph's take a fraction of a second. Quads are sorted by graph, subject,
predicate and object so that each file is deterministic and groups every subject's
statements together. Only vocabularies get prefixes: kg's own IRIs have "/" in their local
part, which Turtle can only write escaped, so they are written in full.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.namespace import VOCABULARIES
from kg.quads import Quads

RDF_FILES = ("graph.trig", "graph.ttl", "graph.jsonld")


def write_rdf_files(quads: Quads, directory: Path) -> None:
    """graph.trig (the named graphs), graph.ttl (their union, each triple once) and
    graph.jsonld (expanded: full IRIs, no remote context to fetch) in `directory`."""
    trig, ttl = ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE
    ox.serialize(quads.sorted_quads(), str(directory / "graph.trig"), trig, prefixes=VOCABULARIES)
    ox.serialize(quads.sorted_union(), str(directory / "graph.ttl"), ttl, prefixes=VOCABULARIES)
    ox.serialize(quads.sorted_quads(), str(directory / "graph.jsonld"), ox.RdfFormat.JSON_LD)
