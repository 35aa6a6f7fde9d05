"""ontology/kg.ttl and ontology/shapes.ttl: they parse everywhere, and kg.ttl matches KG."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SH

from kg.paths import ONTOLOGY, SHAPES
from kg.rdf.namespace import ELI, KG

KG_NS = str(KG._NS)
# A plain Namespace: rdflib's SDO warns when pytest probes module attributes.
SCHEMA = Namespace("https://schema.org/")
ONTOLOGY_IRI = URIRef("https://kg.example.org/ontology")
TERM_KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


@pytest.fixture(scope="module")
def kg_ttl() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes_ttl() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def _declared_kg_terms(graph: Graph) -> set[str]:
    return {
        str(s)[len(KG_NS) :]
        for kind in TERM_KINDS
        for s in graph.subjects(RDF.type, kind)
        if str(s).startswith(KG_NS)
    }


def _superclasses(graph: Graph, cls: URIRef) -> set[URIRef]:
    return set(graph.transitiveClosure(lambda c, _: graph.objects(c, RDFS.subClassOf), cls))


@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES], ids=["kg.ttl", "shapes.ttl"])
def test_parses_alike_with_rdflib_and_pyoxigraph(path):
    rdflib_graph = Graph().parse(path, format="turtle")
    quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(rdflib_graph) > 0
    assert len(quads) == len(rdflib_graph)


def test_ontology_header(kg_ttl):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in kg_ttl
    for prop in (
        OWL.versionInfo,
        OWL.versionIRI,
        RDFS.label,
        RDFS.comment,
        DCTERMS.created,
        DCTERMS.rights,
    ):
        assert kg_ttl.value(ONTOLOGY_IRI, prop) is not None, f"ontology lacks {prop}"
    # schema.org is referred to, never imported wholesale.
    assert not list(kg_ttl.objects(ONTOLOGY_IRI, OWL.imports))


def test_every_kg_namespace_term_is_declared(kg_ttl):
    """Both directions: KG (kg/rdf/namespace.py) and kg.ttl declare the same kg: terms."""
    in_namespace = set(KG.__annotations__)
    declared = _declared_kg_terms(kg_ttl)
    assert not in_namespace - declared, (
        f"in kg/rdf/namespace.py, not declared in kg.ttl: {sorted(in_namespace - declared)}"
    )
    assert not declared - in_namespace, (
        "declared in kg.ttl, missing from kg/rdf/namespace.py KG: "
        f"{sorted(declared - in_namespace)}"
    )


def test_every_kg_iri_used_in_the_ontology_is_declared(kg_ttl):
    used = {
        str(term)[len(KG_NS) :]
        for triple in kg_ttl
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(KG_NS)
    }
    assert used <= _declared_kg_terms(kg_ttl)


def test_every_kg_term_has_kind_label_and_comment(kg_ttl):
    for name in KG.__annotations__:
        term = KG._NS[name]
        kinds = set(kg_ttl.objects(term, RDF.type)) & TERM_KINDS
        assert len(kinds) == 1, f"kg:{name} must have exactly one OWL kind, has {kinds}"
        for prop in (RDFS.label, RDFS.comment):
            value = kg_ttl.value(term, prop)
            assert isinstance(value, Literal) and str(value).strip(), f"kg:{name} lacks {prop}"
        assert kg_ttl.value(term, RDFS.isDefinedBy) == ONTOLOGY_IRI


def test_kg_classes_align_to_external_classes(kg_ttl):
    for cls in kg_ttl.subjects(RDF.type, OWL.Class):
        if str(cls).startswith(KG_NS):
            parents = set(kg_ttl.objects(cls, RDFS.subClassOf))
            assert any(not str(p).startswith(KG_NS) for p in parents), f"{cls} is not aligned"


def test_legislation_classes(kg_ttl):
    legislation = SCHEMA.Legislation
    for cls in (KG.Act, KG.Bill, KG.StatutoryInstrument, KG.Section, KG.Treaty):
        assert legislation in _superclasses(kg_ttl, cls)
    for enacted in (KG.Act, KG.StatutoryInstrument, KG.Section):
        assert ELI.LegalResource in _superclasses(kg_ttl, enacted)
    for not_enacted in (KG.Bill, KG.Treaty):
        assert ELI.LegalResource not in _superclasses(kg_ttl, not_enacted)
    assert (KG.Bill, OWL.disjointWith, ELI.LegalResource) in kg_ttl


def test_subclass_axioms_the_shapes_rely_on(kg_ttl):
    assert SCHEMA.Organization in _superclasses(kg_ttl, SCHEMA.GovernmentOrganization)
    assert SCHEMA.CreativeWork in _superclasses(kg_ttl, SCHEMA.NewsArticle)


def test_relation_hierarchy(kg_ttl):
    def subs(root):
        return set(kg_ttl.transitive_subjects(RDFS.subPropertyOf, root)) - {root}

    legal = subs(KG.legalRelation)
    assert {KG.invokes, KG.opposes, KG.enforces, KG.enactedAs} <= legal
    assert KG.wroteTo in subs(KG.interactsWith)
    assert not legal & subs(KG.interactsWith)
    # Every kg object property between entities sits under one of the two roots, except the
    # provenance ones, the place relations (which refine schema.org's) and the links graph's
    # (decisions about entities, not relations between them).
    others = {
        KG.joins,
        KG.into,
        KG.appliesIn,
        KG.basis,
        KG.about,
        KG.candidate,
        KG.evidence,
        KG.context,
        KG.cue,
        KG.basedIn,
        KG.serves,
        KG.interactsWith,
        KG.legalRelation,
    }
    for prop in kg_ttl.subjects(RDF.type, OWL.ObjectProperty):
        if str(prop).startswith(KG_NS) and prop not in others:
            assert prop in legal | subs(KG.interactsWith), f"{prop} has no super-property"


def test_no_schema_eli_equivalences(kg_ttl):
    """ONTOLOGY.md: schema<->ELI equivalences pair text- and object-valued properties."""
    for prop in (OWL.equivalentProperty, OWL.equivalentClass):
        for s, o in kg_ttl.subject_objects(prop):
            pair = {str(s).split("/")[2], str(o).split("/")[2]}
            assert pair != {"schema.org", "data.europa.eu"}


def test_datatype_property_ranges_are_xsd(kg_ttl):
    for prop in kg_ttl.subjects(RDF.type, OWL.DatatypeProperty):
        for rng in kg_ttl.objects(prop, RDFS.range):
            assert str(rng).startswith("http://www.w3.org/2001/XMLSchema#"), prop


def test_every_shape_explains_itself(shapes_ttl):
    """Each property shape and SPARQL constraint carries a plain-words English message."""
    explained = list(shapes_ttl.subjects(SH.path, None))
    explained += list(shapes_ttl.subjects(RDF.type, SH.SPARQLConstraint))
    explained += [s for s in shapes_ttl.subjects(SH["not"], None)]
    assert len(explained) > 10
    for node in explained:
        messages = list(shapes_ttl.objects(node, SH.message))
        assert messages, f"shape {node} has no sh:message"
        assert all(m.language == "en" for m in messages)
