"""Extractions to RDF: one named graph per article, an entities graph and a meta graph.

The layout is documented in docs/graph.md. Everything is built from rdflib terms; text
only ever becomes a Literal, and IRIs only come from `kg.rdf.iri.mint`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from rdflib import RDF, RDFS, XSD, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, DefinedNamespace, Namespace
from rdflib.term import Node

from kg.link.decisions import LinkPlan
from kg.model import ArticleExtraction, Fact
from kg.rdf.entities import TYPE_CLASSES, EntityTallies, entity_iri
from kg.rdf.identity import add_links_graph
from kg.rdf.iri import BASE, mint
from kg.rdf.labels import label
from kg.rdf.namespace import ELI, ITSRDF, KG, NIF, bind_prefixes
from kg.rdf.quads import Quads, TripleSink
from kg.rdf.relations import add_affiliation, add_quote

_PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "schema": SDO,
    "kg": KG,
    "eli": ELI,
    "org": ORG,
    "foaf": FOAF,
    "prov": PROV,
}


@dataclass(frozen=True)
class RunInfo:
    """What the meta graph says about the build that made the graph."""

    started: str  # ISO 8601 UTC
    ended: str
    model: str
    model_version: str
    kg_version: str
    config_json: str


def now() -> str:
    """The time as the run record gives it: ISO 8601, UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def article_iri(article_id: str, base: str = BASE) -> URIRef:
    return mint("article", article_id, base=base)


def article_graph_iri(article_id: str, base: str = BASE) -> URIRef:
    return mint("graph", "article|" + article_id, base=base)


def entities_graph_iri(base: str = BASE) -> URIRef:
    return mint("graph", "entities", base=base)


def meta_graph_iri(base: str = BASE) -> URIRef:
    return mint("graph", "meta", base=base)


def build_dataset(
    extractions: Iterable[ArticleExtraction],
    run: RunInfo,
    *,
    base: str = BASE,
    links: LinkPlan | None = None,
) -> Dataset:
    """The whole graph of a build as an rdflib Dataset: article, entities and meta graphs,
    and the links graph of `links` (kg.link's decisions across articles)."""
    dataset = Dataset()
    bind_prefixes(dataset)
    return _fill(dataset, extractions, run, base, links)


def build_quads(
    extractions: Iterable[ArticleExtraction],
    run: RunInfo,
    *,
    base: str = BASE,
    links: LinkPlan | None = None,
) -> Quads:
    """The same graph held compactly (`kg.rdf.quads.Quads`), as a large build needs."""
    return _fill(Quads(), extractions, run, base, links)


def _fill(target, extractions: Iterable[ArticleExtraction], run: RunInfo, base: str, links):
    # `target` is a Dataset or a Quads: both hand out graphs by IRI that `add` triples.
    extractions = list(extractions)
    for extraction in extractions:
        add_article_graph(target, extraction, base=base)
    add_entities_graph(target, extractions, base=base)
    add_meta_graph(target, extractions, run, base=base)
    if links is not None:
        add_links_graph(target, links, base=base)
    return target


def _lit_int(value: int) -> Literal:
    return Literal(value, datatype=XSD.nonNegativeInteger)


def _lit_conf(value: float) -> Literal:
    return Literal(f"{value:.3f}", datatype=XSD.decimal)


def _predicate(curie: str) -> URIRef:
    prefix, local = curie.split(":", 1)
    ns = _PREFIXES[prefix]
    return ns[local] if prefix != "kg" else getattr(KG, local)


def add_article_graph(
    dataset: Dataset | Quads, extraction: ArticleExtraction, *, base: str = BASE
) -> URIRef:
    """Add one article's named graph to `dataset` and return its IRI."""
    article = extraction.article
    aid = article.id
    graph_iri = article_graph_iri(aid, base)
    g = dataset.graph(graph_iri)
    art = article_iri(aid, base)
    ctx = mint("context", aid, base=base)
    text = article.text

    g.add((art, RDF.type, SDO.NewsArticle))
    g.add((art, SDO.identifier, Literal(aid)))
    g.add((art, KG.context, ctx))
    if article.title:
        g.add((art, SDO.headline, label(article.title)))
    if article.date:
        # Checked at input (kg.ingest.check); kept as written (rdflib would rewrite "Z").
        kind = XSD.dateTime if "T" in article.date else XSD.date
        g.add((art, SDO.datePublished, Literal(article.date, datatype=kind, normalize=False)))
    if article.url:
        g.add((art, SDO.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.source:
        g.add((art, DCTERMS.source, label(article.source)))

    g.add((ctx, RDF.type, NIF.Context))
    g.add((ctx, RDF.type, NIF.OffsetBasedString))
    g.add((ctx, NIF.isString, Literal(text)))
    g.add((ctx, NIF.beginIndex, _lit_int(0)))
    g.add((ctx, NIF.endIndex, _lit_int(len(text))))
    g.add((ctx, PROV.wasDerivedFrom, art))

    sentence_iris = []
    used_sentences = {m.sentence for e in extraction.entities for m in e.mentions}
    used_sentences |= {f.sentence for f in extraction.facts}
    for index, sentence in enumerate(extraction.sentences):
        iri = mint("sentence", f"{aid}|{sentence.start}|{sentence.end}", base=base)
        sentence_iris.append(iri)
        if index not in used_sentences:
            continue  # only sentences that carry evidence are written
        g.add((iri, RDF.type, NIF.Sentence))
        g.add((iri, RDF.type, NIF.OffsetBasedString))
        g.add((iri, NIF.beginIndex, _lit_int(sentence.start)))
        g.add((iri, NIF.endIndex, _lit_int(sentence.end)))
        g.add((iri, NIF.anchorOf, Literal(text[sentence.start : sentence.end])))
        g.add((iri, NIF.referenceContext, ctx))

    keys: dict[str, URIRef] = {}
    for entity in extraction.entities:
        iri = entity_iri(entity.type, entity.key, base)
        keys[entity.key] = iri
        g.add((art, SDO.mentions, iri))
        for cls in TYPE_CLASSES[entity.type]:
            g.add((iri, RDF.type, cls))
        for mention in entity.mentions:
            m = _span(g, aid, ctx, mention.start, mention.end, text, base)
            g.add((m, RDF.type, NIF.Phrase))
            if 0 <= mention.sentence < len(sentence_iris):
                g.add((m, NIF.sentence, sentence_iris[mention.sentence]))
            g.add((m, ITSRDF.taIdentRef, iri))
            g.add((m, ITSRDF.taClassRef, TYPE_CLASSES[entity.type][0]))
            g.add((m, KG.rule, Literal(mention.rule)))
            g.add((m, KG.confidence, _lit_conf(mention.confidence)))

    for fact in extraction.facts:
        _add_fact(g, fact, aid, art, ctx, text, keys, sentence_iris, base)

    def span(start: int, end: int, sentence: int) -> URIRef:
        iri = _span(g, aid, ctx, start, end, text, base)
        if 0 <= sentence < len(sentence_iris):
            g.add((iri, NIF.sentence, sentence_iris[sentence]))
        return iri

    for quote in extraction.quotes:
        speaker = keys.get(quote.speaker)
        if speaker is not None:
            add_quote(g, quote, aid=aid, art=art, speaker=speaker, span=span, base=base)
    for affiliation in extraction.affiliations:
        person = keys.get(affiliation.person)
        if person is not None:
            org = keys.get(affiliation.organization) if affiliation.organization else None
            add_affiliation(
                g, affiliation, aid=aid, art=art, person=person, org=org, span=span, base=base
            )
    return graph_iri


def _span(
    g: TripleSink, aid: str, ctx: URIRef, start: int, end: int, text: str, base: str
) -> URIRef:
    iri = mint("mention", f"{aid}|{start}|{end}", base=base)
    g.add((iri, RDF.type, NIF.OffsetBasedString))
    g.add((iri, NIF.beginIndex, _lit_int(start)))
    g.add((iri, NIF.endIndex, _lit_int(end)))
    g.add((iri, NIF.anchorOf, Literal(text[start:end])))
    g.add((iri, NIF.referenceContext, ctx))
    return iri


def _add_fact(g, fact: Fact, aid, art, ctx, text, keys, sentence_iris, base) -> None:
    subject = keys.get(fact.subject)
    if subject is None:
        return
    obj: Node
    if fact.literal:
        obj = Literal(fact.object)
    else:
        obj = keys.get(fact.object) or entity_iri(fact.object_type, fact.object, base)
    predicate = _predicate(fact.predicate)
    # A denied relation is not a fact: only its statement node, marked, is written.
    if fact.modality != "negated":
        g.add((subject, predicate, obj))
    stmt = mint("statement", f"{aid}|{subject}|{predicate}|{obj}", base=base)
    if fact.label:
        g.add((stmt, RDFS.label, label(fact.label)))
    if fact.modality in ("hedged", "negated"):
        g.add((stmt, KG[fact.modality], Literal(True)))
    g.add((stmt, RDF.type, RDF.Statement))
    g.add((stmt, RDF.subject, subject))
    g.add((stmt, RDF.predicate, predicate))
    g.add((stmt, RDF.object, obj))
    g.add((stmt, KG.rule, Literal(fact.rule)))
    g.add((stmt, KG.confidence, _lit_conf(fact.confidence)))
    g.add((stmt, PROV.wasDerivedFrom, art))
    if 0 <= fact.start <= fact.end <= len(text):
        evidence = _span(g, aid, ctx, fact.start, fact.end, text, base)
        g.add((stmt, KG.evidence, evidence))
        if 0 <= fact.sentence < len(sentence_iris):
            g.add((evidence, NIF.sentence, sentence_iris[fact.sentence]))


def add_entities_graph(
    dataset: Dataset | Quads, extractions: list[ArticleExtraction], *, base: str = BASE
) -> URIRef:
    """One description per entity, merged over every article that mentions it."""
    graph_iri = entities_graph_iri(base)
    tallies = EntityTallies(base)
    for extraction in extractions:
        tallies.add(extraction)
    tallies.describe(dataset.graph(graph_iri))
    return graph_iri


def add_meta_graph(
    dataset: Dataset | Quads,
    extractions: list[ArticleExtraction],
    run: RunInfo,
    *,
    base: str = BASE,
) -> URIRef:
    """PROV for the run and for each article graph it generated."""
    meta = meta_graph_iri(base)
    g = dataset.graph(meta)
    activity = mint("run", f"{run.started}|{run.config_json}", base=base)
    g.add((activity, RDF.type, PROV.Activity))
    g.add((activity, RDF.type, KG.BuildRun))
    g.add((activity, PROV.startedAtTime, Literal(run.started, datatype=XSD.dateTime)))
    g.add((activity, PROV.endedAtTime, Literal(run.ended, datatype=XSD.dateTime)))
    g.add((activity, KG.model, Literal(run.model)))
    g.add((activity, KG.modelVersion, Literal(run.model_version)))
    g.add((activity, KG.kgVersion, Literal(run.kg_version)))
    g.add((activity, KG.config, Literal(run.config_json)))
    g.add((activity, KG.baseIRI, Literal(base, datatype=XSD.anyURI)))
    for extraction in extractions:
        aid = extraction.article.id
        graph_iri = article_graph_iri(aid, base)
        g.add((graph_iri, RDF.type, KG.ArticleGraph))
        g.add((graph_iri, PROV.wasDerivedFrom, article_iri(aid, base)))
        g.add((graph_iri, PROV.wasGeneratedBy, activity))
        g.add((graph_iri, PROV.generatedAtTime, Literal(run.ended, datatype=XSD.dateTime)))
        g.add((graph_iri, KG.extractor, Literal(f"kg {run.kg_version}")))
        article = extraction.article
        if article.source_file:  # where it was read from: not for an article made in Python
            g.add((graph_iri, KG.sourceFile, Literal(article.source_file)))
        if article.source_line:
            line = Literal(article.source_line, datatype=XSD.positiveInteger)
            g.add((graph_iri, KG.sourceLine, line))
    return meta
