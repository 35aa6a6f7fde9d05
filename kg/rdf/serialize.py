"""Write the graph files: TriG and Turtle through Oxigraph's serialisers, compacted JSON-LD
through kg.rdf.jsonld.

rdflib's TriG, Turtle and JSON-LD writers took as long as the whole extraction on a large
build; Oxigraph's take a fraction of a second. Quads are sorted by graph, subject,
predicate and object so that each file is deterministic and groups every subject's
statements together. Only vocabularies get prefixes: kg's own IRIs have "/" in their local
part, which Turtle can only write escaped, so they are written in full.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.config import BASE
from kg.rdf.jsonld import base_of, write_jsonld
from kg.rdf.namespace import VOCABULARIES
from kg.rdf.quads import Quads

RDF_FILES = ("graph.trig", "graph.ttl", "graph.jsonld")


def write_rdf_files(quads: Quads, directory: Path) -> None:
    """graph.trig (the named graphs), graph.ttl (their union, each triple once) and
    graph.jsonld (the named graphs, compacted with an inline @context) in `directory`."""
    graphs = quads.sorted_graphs()  # sorted once for all three files
    named, union = quads.sorted_quads, quads.sorted_union
    trig, ttl, jsonld = (str(directory / name) for name in RDF_FILES)
    ox.serialize(named(graphs), trig, ox.RdfFormat.TRIG, prefixes=VOCABULARIES)
    ox.serialize(union(graphs), ttl, ox.RdfFormat.TURTLE, prefixes=VOCABULARIES)
    with open(jsonld, "w", encoding="utf-8") as out:
        write_jsonld(graphs, out, base_of(graphs, BASE))
