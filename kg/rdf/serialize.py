"""Write the graph files: TriG and Turtle through Oxigraph's serialisers, compacted JSON-LD
through kg.rdf.jsonld.

rdflib's TriG, Turtle and JSON-LD writers took as long as the whole extraction on a large
build; Oxigraph's take a fraction of a second. Quads are sorted by graph, subject,
predicate and object so that each file is deterministic and groups every subject's
statements together. Only vocabularies get prefixes: kg's own IRIs have "/" in their local
part, which Turtle can only write escaped, so they are written in full.

`write_rdf_files` writes a graph held in memory; `write_merged_files` the same files from
sorted runs on disk (kg.rdf.runs), for a build that streams: the runs are merged into an
N-Quads and an N-Triples file, which Oxigraph parses back a statement at a time for each
writer, so no writer holds more than one named graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, groupby
from pathlib import Path

import pyoxigraph as ox

from kg.config import BASE
from kg.rdf.jsonld import base_of, write_jsonld
from kg.rdf.namespace import VOCABULARIES
from kg.rdf.quads import Quads
from kg.rdf.runs import merge_runs, nquad, ntriple

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


@dataclass
class Merged:
    """What merging the runs made: the N-Quads file of the whole graph, and its size."""

    nquads: Path
    quads: int
    graphs: int


def write_merged_files(
    named_runs: list[Path], union_runs: list[Path], directory: Path, scratch: Path
) -> Merged:
    """The files of `write_rdf_files` in `directory`, from sorted runs (kg.rdf.runs.write_runs);
    the merged N-Quads file is left in `scratch` for the caller (the view reads it)."""
    merged = _merge_named(named_runs, scratch / "graph.nq")
    union = scratch / "union.nt"
    with open(union, "w", encoding="utf-8", newline="\n") as out:
        out.writelines(ntriple(line) for line in merge_runs(union_runs))
    trig, ttl, jsonld = (str(directory / name) for name in RDF_FILES)
    ox.serialize(_parsed(merged.nquads), trig, ox.RdfFormat.TRIG, prefixes=VOCABULARIES)
    ox.serialize(_parsed(union), ttl, ox.RdfFormat.TURTLE, prefixes=VOCABULARIES)
    union.unlink()
    graphs = _graphs(merged.nquads)
    first = next(graphs, None)
    if first is not None:
        graphs = chain([first], graphs)
    with open(jsonld, "w", encoding="utf-8") as out:
        write_jsonld(graphs, out, base_of([first] if first else [], BASE))
    return merged


def _merge_named(runs: list[Path], path: Path) -> Merged:
    quads = graphs = 0
    previous = ""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for line in merge_runs(runs):
            graph = line[: line.index("\t")]
            if graph != previous:
                graphs += 1
                previous = graph
            quads += 1
            out.write(nquad(line))
    return Merged(path, quads, graphs)


def _parsed(path: Path) -> Iterator[ox.Quad]:
    # Written by kg from terms Oxigraph made: valid, so not validated again.
    return iter(
        ox.parse(
            path=path,
            format=ox.RdfFormat.N_QUADS if path.suffix == ".nq" else ox.RdfFormat.N_TRIPLES,
            lenient=True,
        )
    )


def _graphs(path: Path) -> Iterator[tuple[ox.NamedNode | ox.BlankNode, Iterator[ox.Quad]]]:
    """The named graphs of a sorted N-Quads file, one at a time, each read as it is written
    (the entities graph alone may be large)."""
    for name, quads in groupby(_parsed(path), key=lambda q: q.graph_name):
        assert not isinstance(name, ox.DefaultGraph)
        yield name, quads
