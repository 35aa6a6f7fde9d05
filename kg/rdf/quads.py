"""A build's graph held compactly: each named graph's triples as Oxigraph terms.

kg.rdf.graphs writes statements with rdflib terms, as the rest of kg reads them. Held in an
rdflib Dataset, the graph of the 2,212 BBC articles took about 1.9 KiB a quad, well over
the memory a full build may use; as Oxigraph triples it takes about a quarter of that. An
Oxigraph `Store` would be smaller still, but it rewrites literals into canonical form
("0.800" becomes "0.8", xsd:nonNegativeInteger becomes xsd:integer), and the files kg
writes keep the lexical forms and datatypes the ontology's shapes check. So the triples
are kept as written, and a Store is made only for reading (`to_store`).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, Protocol, overload

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.rdf.namespace import bind_prefixes

GraphName = ox.NamedNode | ox.BlankNode
SortedGraphs = list[tuple[GraphName, list[ox.Triple]]]


class TripleSink(Protocol):
    """Where kg.rdf writes a graph's triples: an rdflib `Graph`, or a `GraphWriter`."""

    def add(self, triple: tuple[Node, Node, Node]) -> object: ...


class Quads:
    """Named graphs of Oxigraph triples, each written once (duplicates fold, as in rdflib)."""

    def __init__(self) -> None:
        self._graphs: dict[GraphName, set[ox.Triple]] = {}

    def graph(self, identifier: URIRef | str) -> GraphWriter:
        """The graph named `identifier`, to `add` rdflib triples to (as `Dataset.graph`)."""
        name = _named(str(identifier))
        return GraphWriter(URIRef(str(identifier)), self._graphs.setdefault(name, set()))

    def add(self, quad: ox.Quad) -> None:
        if isinstance(quad.graph_name, ox.DefaultGraph):
            raise ValueError("kg keeps every statement in a named graph")
        triple = ox.Triple(quad.subject, quad.predicate, quad.object)
        self._graphs.setdefault(quad.graph_name, set()).add(triple)

    def __len__(self) -> int:
        return sum(len(triples) for triples in self._graphs.values())

    def graph_names(self) -> list[GraphName]:
        """The non-empty graphs, in order of their IRIs."""
        return sorted((n for n, t in self._graphs.items() if t), key=str)

    def triples(self, name: GraphName) -> set[ox.Triple]:
        return self._graphs.get(name, set())

    def __iter__(self) -> Iterator[ox.Quad]:
        for name, triples in self._graphs.items():
            for t in triples:
                yield ox.Quad(t.subject, t.predicate, t.object, name)

    def sorted_graphs(self) -> SortedGraphs:
        """Each non-empty graph with its triples in order (subject, predicate, object), one
        graph sorted at a time, so that sorting never holds a key for every triple at once.
        The writers share one such list rather than each sorting again."""
        return [(name, sorted(self._graphs[name], key=order)) for name in self.graph_names()]

    def sorted_quads(self, graphs: SortedGraphs | None = None) -> Iterator[ox.Quad]:
        """Every quad ordered by graph, subject, predicate and object."""
        for name, triples in graphs if graphs is not None else self.sorted_graphs():
            for t in triples:
                yield ox.Quad(t.subject, t.predicate, t.object, name)

    def sorted_union(self, graphs: SortedGraphs | None = None) -> Iterator[ox.Triple]:
        """The union of the graphs, each triple once, ordered as `sorted_quads` orders
        triples: the graphs' sorted runs are merged, a key made for one triple at a time."""
        graphs = graphs if graphs is not None else self.sorted_graphs()
        runs = [((order(t), t) for t in triples) for _, triples in graphs]
        previous = None
        for key, triple in heapq.merge(*runs, key=lambda pair: pair[0]):
            if key != previous:
                yield triple
                previous = key

    def to_store(self) -> ox.Store:
        """An in-memory Oxigraph store of the graphs, for reading and querying."""
        store = ox.Store()
        store.bulk_extend(iter(self))
        return store

    def to_rdflib(self) -> Dataset:
        """The same graphs as an rdflib Dataset, with kg's prefixes bound."""
        dataset = Dataset()
        bind_prefixes(dataset)
        data = ox.serialize(iter(self), format=ox.RdfFormat.N_QUADS)
        dataset.parse(data=data, format="nquads")
        return dataset

    @classmethod
    def from_quads(cls, quads: Iterable[ox.Quad]) -> Quads:
        result = cls()
        for quad in quads:
            result.add(quad)
        return result

    @classmethod
    def from_rdflib(cls, dataset: Dataset) -> Quads:
        """The named graphs of an rdflib `dataset` (its default graph is kg's union: left out)."""
        result = cls()
        for graph in dataset.graphs():
            if graph.identifier == DATASET_DEFAULT_GRAPH_ID or len(graph) == 0:
                continue
            writer = result.graph(graph.identifier)
            for triple in graph:
                writer.add(triple)
        return result


class GraphWriter:
    """One named graph of a `Quads`, taking rdflib triples as `rdflib.Graph.add` does."""

    __slots__ = ("identifier", "_triples")

    def __init__(self, identifier: URIRef, triples: set[ox.Triple]) -> None:
        self.identifier = identifier
        self._triples = triples

    def add(self, triple: tuple[Any, Any, Any]) -> None:
        s, p, o = triple
        self._triples.add(ox.Triple(to_oxigraph(s), _named(str(p)), to_oxigraph(o)))

    @property
    def triples(self) -> set[ox.Triple]:
        return self._triples

    def __len__(self) -> int:
        return len(self._triples)


def order(statement: ox.Triple) -> tuple[str, str, str]:
    """The order triples are written in: subject, predicate, object as N-Triples text."""
    return str(statement.subject), str(statement.predicate), str(statement.object)


# The same classes, predicates and entities recur throughout a build: make each once.
@lru_cache(maxsize=1 << 16)
def _named(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


@overload
def to_oxigraph(term: URIRef) -> ox.NamedNode: ...
@overload
def to_oxigraph(term: BNode) -> ox.BlankNode: ...
@overload
def to_oxigraph(term: Literal) -> ox.Literal: ...
@overload
def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal: ...
def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as the Oxigraph term with the same lexical form."""
    if isinstance(term, URIRef):
        return _named(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=_named(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")
