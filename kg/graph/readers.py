"""Reading RDF the same way from an rdflib Dataset/Graph or a pyoxigraph Store.

Both backends are read through one `match(s, p, o)` yielding plain values: IRIs as str,
blank nodes as "_:id", literals as `Lit`; plus the graph name (None for the default graph).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple


class Lit(NamedTuple):
    """A literal: its text and language tag."""

    value: str
    language: str | None


class OxigraphReader:
    """Reads a pyoxigraph Store: its named graphs, or its default graph when it has none."""

    def __init__(self, store) -> None:
        import pyoxigraph as ox

        self._ox = ox
        self._store = store
        # A store with named graphs keeps their union in its default graph (kg.query.source,
        # kg.store): read it too and every triple would come twice.
        self._named_only = next(iter(store.named_graphs()), None) is not None

    def _term(self, key: str | None):
        if key is None:
            return None
        return self._ox.BlankNode(key[2:]) if key.startswith("_:") else self._ox.NamedNode(key)

    def _value(self, term):
        ox = self._ox
        if isinstance(term, ox.Literal):
            return Lit(term.value, term.language)
        if isinstance(term, ox.BlankNode):
            return f"_:{term.value}"
        return term.value

    def match(self, s, p, o) -> Iterator[tuple]:
        ox = self._ox
        for quad in self._store.quads_for_pattern(self._term(s), self._term(p), self._term(o)):
            if isinstance(quad.subject, ox.Triple) or isinstance(quad.object, ox.Triple):
                continue  # a quoted triple is neither an entity nor a label
            if isinstance(quad.graph_name, ox.DefaultGraph):
                if self._named_only:
                    continue
                graph = None
            else:
                graph = quad.graph_name.value
            yield (self._value(quad.subject), quad.predicate.value, self._value(quad.object), graph)


class RdflibReader:
    """Reads an rdflib Dataset or Graph."""

    def __init__(self, graph) -> None:
        self._graph = graph

    @staticmethod
    def _term(key: str | None):
        from rdflib import BNode, URIRef

        if key is None:
            return None
        return BNode(key[2:]) if key.startswith("_:") else URIRef(key)

    @staticmethod
    def _value(term):
        from rdflib import BNode, Literal

        if isinstance(term, Literal):
            return Lit(str(term), term.language)
        return f"_:{term}" if isinstance(term, BNode) else str(term)

    def match(self, s, p, o) -> Iterator[tuple]:
        pattern = (self._term(s), self._term(p), self._term(o))
        # A Dataset's triples() reads only its default graph; quads() reads every graph.
        if hasattr(self._graph, "quads"):
            for subject, predicate, obj, graph in self._graph.quads((*pattern, None)):
                name = getattr(graph, "identifier", graph)
                yield (
                    self._value(subject),
                    str(predicate),
                    self._value(obj),
                    None if name is None else str(name),
                )
        else:
            for subject, predicate, obj in self._graph.triples(pattern):
                yield self._value(subject), str(predicate), self._value(obj), None


def open_reader(source) -> OxigraphReader | RdflibReader:
    """A reader of `source`: an rdflib Dataset/Graph, a pyoxigraph Store, or a path to a store
    directory, an OUT directory or an RDF file."""
    if isinstance(source, str | Path):
        from kg.query.source import load_rdf, rdf_file
        from kg.store.disk import is_store, open_read_only

        path = Path(source)
        # A file is loaded as it is: the reader walks its named graphs, so the union copy
        # that queries need (kg.query.sparql.load_store) would only cost time.
        source = open_read_only(path) if is_store(path) else load_rdf(rdf_file(path), union=False)
    if hasattr(source, "quads_for_pattern"):
        return OxigraphReader(source)
    if hasattr(source, "triples"):
        return RdflibReader(source)
    raise TypeError(f"need an rdflib Dataset/Graph or a pyoxigraph Store, not {type(source)}")


def objects_of(reader, s, p) -> set:
    """Every object of `s` `p` (None: any), in any graph."""
    return {o for _, _, o, _ in reader.match(s, p, None)}


def text_of(reader, s, p) -> str:
    """One literal object of `s` `p`, the same on every run; "" when there is none."""
    # sorted, so a graph that repeats a property still gives one stable answer
    values = sorted(o.value for o in objects_of(reader, s, p) if isinstance(o, Lit))
    return values[0] if values else ""
