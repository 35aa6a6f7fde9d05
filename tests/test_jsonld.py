"""graph.jsonld (kg.rdf.jsonld): compacted with an inline @context, and read as the same quads
as graph.trig by pyld, rdflib and Oxigraph (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from pyld import jsonld
from rdflib import Dataset
from rdflib.compare import isomorphic

from kg.rdf.quads import Quads
from kg.rdf.serialize import write_rdf_files

SMALL = Path(__file__).parent / "data" / "small.trig"
EX = "https://kg.example.org/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def _hostile() -> Quads:
    """Values a writer could get wrong: escapes, languages, datatypes, blank nodes, IRIs
    outside the context, an IRI whose local part starts with //, a property on a literal."""
    quads = Quads.from_quads(ox.parse(path=str(SMALL), format=ox.RdfFormat.TRIG))
    g = ox.NamedNode(EX + "graph/hostile-1")
    s = ox.NamedNode(EX + "thing/x-1")
    label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
    for obj in [
        ox.Literal('quote " backslash \\ newline \n tab \t </script> \u202e \U0001f600'),
        ox.Literal("chat", language="fr"),
        ox.Literal("0.800", datatype=ox.NamedNode(XSD + "decimal")),
        ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
        ox.Literal("2021-01-28T09:30:00Z", datatype=ox.NamedNode(XSD + "dateTime")),
        ox.Literal("x", datatype=ox.NamedNode("http://example.org/custom#type")),
        ox.BlankNode("b0"),
        ox.NamedNode("https://schema.org///odd"),
        ox.NamedNode("urn:isbn:0451450523"),
        ox.NamedNode("http://example.org/other#x"),
    ]:
        quads.add(ox.Quad(s, label, obj, g))
    quads.add(ox.Quad(ox.BlankNode("b0"), label, ox.Literal("from a blank node"), g))
    quads.add(ox.Quad(s, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                      ox.NamedNode("http://example.org/Class"), g))  # fmt: skip
    return quads


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("jsonld")
    write_rdf_files(_hostile(), out)
    return out


def _trig(out: Path) -> set[ox.Quad]:
    return set(ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG))


def _canon(quads) -> set[str]:
    # Blank node labels are each parser's own (there is one blank node): compare without them.
    terms = lambda q: (q.subject, q.predicate, q.object, q.graph_name)  # noqa: E731
    return {
        " ".join("_:x" if isinstance(t, ox.BlankNode) else str(t) for t in terms(q)) for q in quads
    }


def test_compacted_with_an_inline_context(written):
    doc = json.loads((written / "graph.jsonld").read_text(encoding="utf-8"))
    context = doc["@context"]
    for prefix in ("schema", "skos", "org", "prov", "kg", "kgid"):
        assert prefix in context
    assert context["kgid"] == EX and context["schema"] == "https://schema.org/"
    first = doc["@graph"][0]
    assert first["@id"].startswith("kgid:graph/")
    node = first["@graph"][0]
    assert node["@id"].startswith("kgid:") and isinstance(node.get("@type"), str | list)
    text = (written / "graph.jsonld").read_text(encoding="utf-8")
    assert '"skos:prefLabel":' in text and '"@type":"xsd:integer"' in text
    assert "https://schema.org/Person" not in text  # written schema:Person


def test_pyld_reads_the_quads_of_graph_trig(written):
    doc = json.loads((written / "graph.jsonld").read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    got = set(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    assert _canon(got) == _canon(_trig(written))


def test_oxigraph_reads_the_quads_of_graph_trig(written):
    got = set(ox.parse(path=str(written / "graph.jsonld"), format=ox.RdfFormat.JSON_LD))
    assert _canon(got) == _canon(_trig(written))


def test_rdflib_reads_the_quads_of_graph_trig(written):
    from_jsonld = Dataset().parse(written / "graph.jsonld", format="json-ld")
    from_trig = Dataset().parse(written / "graph.trig", format="trig")
    names = {g.identifier for g in from_trig.graphs() if len(g)}
    assert names == {g.identifier for g in from_jsonld.graphs() if len(g)}
    for name in names:
        assert isomorphic(from_jsonld.graph(name), from_trig.graph(name)), name


def test_lexical_forms_are_kept(written):
    text = (written / "graph.jsonld").read_text(encoding="utf-8")
    assert '{"@value":"0.800","@type":"xsd:decimal"}' in text
    assert '{"@value":"true","@type":"xsd:boolean"}' in text
    assert '{"@value":"chat","@language":"fr"}' in text
    assert '"https://schema.org///odd"' in text  # "schema:///odd" would be another IRI


def test_the_context_follows_the_base(tmp_path):
    quads = Quads()
    g = quads.graph("https://news.example.com/kg/id/graph/meta-1")
    from rdflib import Literal, URIRef

    g.add((URIRef("https://news.example.com/kg/id/run/r-1"), URIRef(XSD + "p"), Literal("x")))
    write_rdf_files(quads, tmp_path)
    doc = json.loads((tmp_path / "graph.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"]["kgid"] == "https://news.example.com/kg/id/"
    assert doc["@graph"][0]["@graph"][0]["@id"] == "kgid:run/r-1"
