"""Quotations and affiliations to RDF: n-ary nodes that carry their own evidence.

A quotation is a schema:Quotation; an affiliation a direct org:memberOf / org:headOf
triple plus an org:Membership node with the role; an office that outlives its holders
("Home Secretary") an org:Post the person holds. See docs/graph.md.
"""

from __future__ import annotations

import string

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import ORG, PROV, SDO, SKOS

from kg.extract.names import fold
from kg.model import Affiliation, Quote
from kg.rdf.iri import mint
from kg.rdf.labels import label
from kg.rdf.namespace import KG
from kg.rdf.quads import TripleSink


def add_quote(
    g: TripleSink, q: Quote, *, aid: str, art: URIRef, speaker: URIRef, span, base: str
) -> URIRef:
    """`span(start, end)` mints (and describes) the NIF span of the given offsets."""
    iri = mint("quotation", f"{aid}|{q.start}|{q.end}", base=base)
    g.add((iri, RDF.type, SDO.Quotation))
    g.add((iri, SDO.text, Literal(q.text)))
    g.add((iri, SDO.spokenByCharacter, speaker))
    g.add((iri, SDO.isBasedOn, art))
    g.add((iri, PROV.wasDerivedFrom, art))
    g.add((iri, KG.rule, Literal(q.rule)))
    g.add((iri, KG.confidence, Literal(f"{q.confidence:.3f}", datatype=_decimal())))
    g.add((iri, KG.evidence, span(q.start, q.end, q.sentence)))
    if 0 <= q.cue_start < q.cue_end:
        g.add((iri, KG.cue, span(q.cue_start, q.cue_end, -1)))
    return iri


def add_affiliation(
    g: TripleSink,
    a: Affiliation,
    *,
    aid: str,
    art: URIRef,
    person: URIRef,
    org: URIRef | None,
    span,
    base: str,
) -> None:
    evidence = span(a.start, a.end, a.sentence)
    if a.role:
        g.add((person, SDO.jobTitle, label(a.role)))
    if org is not None:
        # A former post keeps the contract triple (org:memberOf, never org:headOf: nobody
        # leads what they used to lead); its Membership says kg:former true.
        g.add((person, ORG.headOf if a.head and not a.former else ORG.memberOf, org))
        key = f"{aid}|{person}|{org}|{fold(a.role)}"
        membership = mint("membership", key, base=base)
        g.add((membership, RDF.type, ORG.Membership))
        g.add((membership, ORG.member, person))
        g.add((membership, ORG.organization, org))
        if a.former:
            g.add((membership, KG.former, Literal(True)))
        if a.role:
            g.add((membership, ORG.role, _role(g, a.role, base)))
        _provenance(g, membership, a, art, evidence)
    if a.office and a.role:
        post = mint("post", f"{org or ''}|{fold(a.role)}", base=base)
        g.add((post, RDF.type, ORG.Post))
        g.add((post, SKOS.prefLabel, label(string.capwords(fold(a.role)))))
        g.add((person, ORG.holds, post))
        g.add((post, ORG.heldBy, person))
        if org is not None:
            g.add((post, ORG.postIn, org))
        if a.role and org is None:
            _provenance(g, post, a, art, evidence)


def _role(g: TripleSink, role: str, base: str) -> URIRef:
    # One role node per wording, labelled in its folded form so that every article's
    # graph gives it the same single prefLabel.
    iri = mint("role", fold(role), base=base)
    g.add((iri, RDF.type, ORG.Role))
    g.add((iri, SKOS.prefLabel, label(fold(role))))
    return iri


def _provenance(g: TripleSink, node: URIRef, a: Affiliation, art: URIRef, evidence: URIRef) -> None:
    g.add((node, KG.rule, Literal(a.rule)))
    g.add((node, KG.confidence, Literal(f"{a.confidence:.3f}", datatype=_decimal())))
    g.add((node, KG.evidence, evidence))
    g.add((node, PROV.wasDerivedFrom, art))


def _decimal():
    from rdflib import XSD

    return XSD.decimal
