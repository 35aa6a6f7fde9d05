"""The compact graph a build holds (kg.rdf.quads): what goes in comes out, in a fixed order."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Dataset, Literal, URIRef
from rdflib.compare import isomorphic

from kg.rdf.quads import Quads, order
from kg.rdf.serialize import write_rdf_files

EX = "http://example.org/"
G1, G2 = URIRef(EX + "g1"), URIRef(EX + "g2")
S, P = URIRef(EX + "s"), URIRef(EX + "p")
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_lexical_forms_and_datatypes_are_kept_as_written(tmp_path):
    quads = Quads()
    g = quads.graph(G1)
    g.add((S, P, Literal("0.800", datatype=XSD + "decimal")))
    g.add((S, P, Literal(7, datatype=XSD + "nonNegativeInteger")))
    g.add((S, P, Literal("chat", lang="fr")))
    write_rdf_files(quads, tmp_path)
    trig = (tmp_path / "graph.trig").read_text(encoding="utf-8")
    assert " 0.800 " in trig  # Turtle's short form of "0.800"^^xsd:decimal
    assert '"7"^^xsd:nonNegativeInteger' in trig
    assert '"chat"@fr' in trig
    # an Oxigraph store would have rewritten both: the reason kg keeps its own triples
    stored = {str(q.object) for q in quads.to_store()}
    assert '"0.8"^^<http://www.w3.org/2001/XMLSchema#decimal>' in stored


def test_a_triple_added_twice_is_held_once_per_graph():
    quads = Quads()
    for graph in (G1, G1, G2):
        quads.graph(graph).add((S, P, Literal("x")))
    assert len(quads) == 2
    assert [n.value for n in quads.graph_names()] == [str(G1), str(G2)]
    assert len(list(quads.sorted_union())) == 1


def test_the_default_graph_is_refused():
    s, p = ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p")
    with pytest.raises(ValueError, match="named graph"):
        Quads().add(ox.Quad(s, p, ox.Literal("x"), ox.DefaultGraph()))


def test_rdflib_round_trip_is_isomorphic():
    dataset = Dataset()
    dataset.graph(G1).add((S, P, Literal('a\n"quoted"')))
    dataset.graph(G2).add((S, P, URIRef(EX + "o")))
    dataset.graph(G2).add((S, P, Literal("2004", datatype=XSD + "integer")))
    back = Quads.from_rdflib(dataset).to_rdflib()
    for name in (G1, G2):
        assert isomorphic(dataset.graph(name), back.graph(name))


# Names chosen so that N-Triples order ("<...>") and plain string order disagree:
# "<g1>" sorts after "<g10>" because ">" comes after "0".
_names = st.sampled_from(["g", "g1", "g10", "g-", "h"])
_objects = st.one_of(
    _names.map(lambda n: ox.NamedNode(EX + n)),
    st.text(max_size=4).map(ox.Literal),
)
_quads = st.builds(
    lambda s, p, o, g: ox.Quad(ox.NamedNode(EX + s), ox.NamedNode(EX + p), o, ox.NamedNode(EX + g)),
    _names,
    _names,
    _objects,
    _names,
)


@given(st.lists(_quads, max_size=40))
def test_sorted_output_matches_a_plain_sort_of_everything(statements):
    quads = Quads.from_quads(statements)
    unique = set(statements)

    def quad_key(q):
        return (str(q.graph_name), *order(q))

    assert list(quads.sorted_quads()) == sorted(unique, key=quad_key)
    union = {ox.Triple(q.subject, q.predicate, q.object) for q in unique}
    assert list(quads.sorted_union()) == sorted(union, key=order)
    assert len(quads) == len(unique)
