"""Linking's decisions to RDF: the links graph (docs/graph.md, "Links graph").

Every join across articles is a `kg:Join` node: the rule, the entity folded in (its IRI
before the join, `kg:joins`), the entity it joined (`kg:into`), the names it had
(`kg:form`), the articles where it applies (`kg:appliesIn`) and the articles whose evidence
decided it (`kg:basis`): enough to audit a join and to undo it. A short name left apart
because several entities fit is a `kg:Candidate`; an entity whose articles disagree about it
is a `kg:Review`. (No skos:closeMatch between the entities themselves: every triple from
one entity to another is a relation to kg.graph, and "may be" is none.)
"""

from __future__ import annotations

from rdflib import RDF, Dataset, Literal, URIRef

from kg.link.decisions import GroupDecision, LinkPlan
from kg.rdf.iri import BASE, mint
from kg.rdf.namespace import KG
from kg.rdf.quads import Quads, TripleSink


def links_graph_iri(base: str = BASE) -> URIRef:
    return mint("graph", "links", base=base)


def add_links_graph(dataset: Dataset | Quads, plan: LinkPlan, *, base: str = BASE) -> URIRef:
    """The links graph of `plan`, in `dataset` (a Quads or an rdflib Dataset)."""
    iri = links_graph_iri(base)
    g = dataset.graph(iri)
    for _, decision in sorted(plan.decisions.items()):
        add_decision(g, decision, base)
    return iri


def add_decision(g: TripleSink, decision: GroupDecision, base: str = BASE) -> None:
    """One group's joins, candidates and reviews (the store rewrites them group by group)."""

    def entity(type_: str, key: str) -> URIRef:
        return mint(type_.lower(), key, base=base)

    def article(article_id: str) -> URIRef:
        return mint("article", article_id, base=base)

    for join in decision.joins:
        node = mint("join", f"{join.rule}|{join.type}|{join.source}|{join.target}", base=base)
        g.add((node, RDF.type, KG.Join))
        g.add((node, KG.rule, Literal(join.rule)))
        g.add((node, KG.joins, entity(join.type, join.source)))
        g.add((node, KG.into, entity(join.type, join.target)))
        for form in join.forms:
            g.add((node, KG.form, Literal(form)))
        for a in join.articles:
            g.add((node, KG.appliesIn, article(a)))
        for a in join.evidence:
            g.add((node, KG.basis, article(a)))
    for candidate in decision.candidates:
        key = "|".join((candidate.rule, candidate.type, candidate.source, *candidate.candidates))
        node = mint("candidate", key, base=base)
        source = entity(candidate.type, candidate.source)
        g.add((node, RDF.type, KG.Candidate))
        g.add((node, KG.rule, Literal(candidate.rule)))
        g.add((node, KG.about, source))
        for form in candidate.forms:
            g.add((node, KG.form, Literal(form)))
        for key in candidate.candidates:
            g.add((node, KG.candidate, entity(candidate.type, key)))
        for a in candidate.articles:
            g.add((node, KG.appliesIn, article(a)))
    for review in decision.reviews:
        node = mint("review", f"{review.type}|{review.key}|{review.reason}", base=base)
        g.add((node, RDF.type, KG.Review))
        g.add((node, KG.about, entity(review.type, review.key)))
        g.add((node, KG.reason, Literal(review.reason)))
        for a in review.articles:
            g.add((node, KG.appliesIn, article(a)))
