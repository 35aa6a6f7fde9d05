"""RDF to networkx: the graph of entities that the view, the analytics and the exports share.

`project(source)` gives a `networkx.MultiDiGraph` with one node per entity (Person,
Organization, Legislation, Place) and one edge per relation between two entities, keyed by
the predicate IRI. A relation is any triple from one entity to another except rdf:type and
owl:sameAs, so a predicate added later is still drawn; `family` says which kind it is
(docs/graph.md, Relations) and `words` says it plainly ("charged under": the ontology's
rdfs:label, else the local name taken apart). Each relation edge carries the articles that
support it and its evidence: the sentence of every rdf:Statement (or org:Membership) that
states it, with the article's headline. A statement marked `kg:negated` is not evidence for
the plain triple.

Optional layers, off unless asked for:
- `comentions`: an undirected "mentioned in the same sentence" edge (stored once, from the
  smaller IRI), weighted by the number of sentences; it shows structure before relations do.
- `quotations`: schema:Quotation nodes linked from their speaker.
- `articles`: schema:NewsArticle nodes linked to the entities they mention.
- `negated`: an edge of kind "negated" for each relation a statement denies ("did not
  back"), with that statement's evidence.

`graph.graph["articles"]` maps each article's identifier to its `Article` (title, date, URL).
Node attributes: kind ("entity", "quotation", "article"), type, subtype (legislation),
label, alt_labels, articles (how many), article_ids, mentions, quotations, posts (the
entity's schema:jobTitle and org:Post names with the number of articles stating each,
most first) for entities; label, text, article, article_id (quotations and articles).
Edge attributes: kind ("relation", "negated", "comention", "quoted", "mentions"),
predicate, label, words, family, articles, evidence (a list of Evidence); co-mentions also
weight (sentences) and article_ids.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import combinations

from kg.graph.readers import Lit, objects_of, open_reader, text_of
from kg.graph.sources import (
    ITS_IDENT,
    KG,
    NIF,
    ORG,
    OWL_SAME_AS,
    PROV_DERIVED,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    ArticleIndex,
    Evidence,
    entity_posts,
    sentence_only,
)

__all__ = [
    "ENTITY_TYPES",
    "UNREAD",
    "Evidence",
    "entities",
    "project",
    "relation_words",
    "short_iri",
]

# In priority order: an entity typed twice takes the first type that matches.
ENTITY_TYPES = (
    ("Legislation", SCHEMA + "Legislation"),
    ("Organization", SCHEMA + "Organization"),
    ("Person", SCHEMA + "Person"),
    ("Place", SCHEMA + "Place"),
)
_NOT_RELATIONS = {RDF + "type", OWL_SAME_AS}
_FIXED_FAMILIES = {
    ORG + "memberOf": "membership",
    ORG + "headOf": "membership",
    KG + "basedIn": "place",
    KG + "serves": "place",
    "http://data.europa.eu/eli/ontology#is_part_of": "section",
    KG + "interactsWith": "interaction",
    KG + "legalRelation": "legal",
}
_SUPER_FAMILIES = {KG + "interactsWith": "interaction", KG + "legalRelation": "legal"}
# Predicates `project` never reads: offsets, confidences, the class of a mention, an
# article's whole text. A store made only for the view may leave them out (kg.output
# does, for a large build: about a third of the quads).
UNREAD = frozenset(
    {
        NIF + "beginIndex",
        NIF + "endIndex",
        NIF + "isString",
        KG + "confidence",
        "http://www.w3.org/2005/11/its/rdf#taClassRef",
    }
)
_COMENTION_EVIDENCE_MAX = 3  # sentences kept per co-mention edge: enough to show why


def project(
    source,
    *,
    comentions: bool = False,
    quotations: bool = False,
    articles: bool = False,
    negated: bool = False,
):
    """The entity graph of an rdflib Dataset/Graph, a pyoxigraph Store, or a path to either.

    A path (store or OUT directory, or RDF file) is read with `kg.query.sparql.load_store`.
    """
    import networkx as nx

    reader = open_reader(source)
    types = _entity_types(reader)
    graph = nx.MultiDiGraph()
    docs = ArticleIndex(reader)
    graph.graph["articles"] = docs.every_article()
    _add_entities(graph, reader, types, docs)
    _add_relations(graph, reader, types, docs, negated=negated)
    quotes = _quotations(reader, types, docs)
    for speaker, items in quotes.items():
        graph.nodes[speaker]["quotations"] = len(items)
    if comentions:
        _add_comentions(graph, reader, types, docs)
    if quotations:
        for speaker, items in quotes.items():
            for iri, text, evidence in items:
                graph.add_node(
                    iri,
                    kind="quotation",
                    label=_short_text(text),
                    text=text,
                    article=evidence.headline,
                    article_id=evidence.article_id,
                )
                graph.add_edge(
                    speaker,
                    iri,
                    key=SCHEMA + "spokenByCharacter",
                    kind="quoted",
                    predicate=SCHEMA + "spokenByCharacter",
                    label="said",
                    family="quotation",
                    articles=1,
                    evidence=[evidence],
                )
    if articles:
        for article, _, entity, _ in reader.match(None, SCHEMA + "mentions", None):
            if entity in types:
                ident, headline = docs.describe(article)
                graph.add_node(article, kind="article", label=headline or ident, article=ident)
                graph.add_edge(
                    article,
                    entity,
                    key=SCHEMA + "mentions",
                    kind="mentions",
                    predicate=SCHEMA + "mentions",
                    label="mentions",
                    family="article",
                    articles=1,
                    evidence=[],
                )
    return graph


def entities(graph) -> list[str]:
    """The entity nodes of a projected graph."""
    return [n for n, kind in graph.nodes(data="kind") if kind == "entity"]


def short_iri(iri: str) -> str:
    """`kg:opposes` for a predicate IRI in a known namespace, else its local name."""
    from kg.query.sparql import PREFIXES

    for name, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{name}:{iri[len(namespace) :]}"
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or iri


# -- entities ----------------------------------------------------------------------------


def _entity_types(reader) -> dict[str, str]:
    types: dict[str, str] = {}
    for type_name, class_iri in ENTITY_TYPES:
        for subject, _, _, _ in reader.match(None, RDF + "type", class_iri):
            if not subject.startswith("_:"):
                types.setdefault(subject, type_name)
    return types


def _add_entities(graph, reader, types, docs: ArticleIndex) -> None:
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for predicate in ("prefLabel", "altLabel"):
        for subject, _, obj, _ in reader.match(None, SKOS + predicate, None):
            if subject in types and isinstance(obj, Lit):
                found[subject][predicate].add(obj.value)
    for predicate in ("name", "legislationType"):
        for subject, _, obj, _ in reader.match(None, SCHEMA + predicate, None):
            if subject in types and isinstance(obj, Lit):
                found[subject][predicate].add(obj.value)
    in_articles: dict[str, set[str]] = defaultdict(set)
    for article, _, entity, _ in reader.match(None, SCHEMA + "mentions", None):
        if entity in types:
            in_articles[entity].add(docs.describe(article)[0])
    mentions: Counter = Counter()
    for mention, _, entity, _ in reader.match(None, ITS_IDENT, None):
        if entity in types:
            mentions[entity, mention] = 1  # a set: the same mention sits in two graphs
    per_entity = Counter(entity for entity, _ in mentions)
    posts = entity_posts(reader, types, docs)
    for entity in sorted(types, key=lambda e: (types[e], e)):
        labels = found[entity]
        pref = sorted(labels["prefLabel"]) or sorted(labels["name"])
        label = pref[0] if pref else short_iri(entity)
        alts = sorted((labels["altLabel"] | labels["name"] | labels["prefLabel"]) - {label})
        graph.add_node(
            entity,
            kind="entity",
            type=types[entity],
            subtype=", ".join(sorted(labels["legislationType"])),
            label=label,
            alt_labels=alts,
            articles=len(in_articles[entity]),
            article_ids=sorted(in_articles[entity]),
            mentions=per_entity[entity],
            quotations=0,
            posts=posts.get(entity, []),
        )


# -- relations ---------------------------------------------------------------------------


def _ontology(reader) -> tuple[dict[str, str], dict[str, str]]:
    """Predicate -> family, and predicate -> its rdfs:label, from the graph and ontology/kg.ttl."""
    import pyoxigraph as ox

    from kg.paths import ONTOLOGY

    families = dict(_FIXED_FAMILIES)
    pairs = {(s, o) for s, _, o, _ in reader.match(None, RDFS + "subPropertyOf", None)}
    words: dict[str, str] = {}
    try:
        for triple in ox.parse(path=ONTOLOGY, format=ox.RdfFormat.TURTLE):
            if triple.predicate.value == RDFS + "subPropertyOf":
                pairs.add((triple.subject.value, triple.object.value))
            elif triple.predicate.value == RDFS + "label" and isinstance(triple.object, ox.Literal):
                if triple.object.language in (None, "en"):
                    words.setdefault(triple.subject.value, triple.object.value)
    except (OSError, SyntaxError):
        pass  # without the ontology, kg: relations are still drawn, as family "other"
    for sub, sup in pairs:
        if sup in _SUPER_FAMILIES:
            families.setdefault(sub, _SUPER_FAMILIES[sup])
    return families, words


def relation_words(predicate: str, labels: dict[str, str] | None = None) -> str:
    """A predicate in plain words: its label in `labels` (the ontology's rdfs:label), else its
    local name taken apart ("chargedUnder" -> "charged under", "is_part_of" -> "part of")."""
    if labels and predicate in labels:
        return labels[predicate]
    name = short_iri(predicate).split(":", 1)[-1]
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).replace("_", " ").replace("-", " ")
    words = " ".join(words.lower().split())
    return re.sub(r"^is (?=\w+ of$)", "", words) or name


def _add_relations(graph, reader, types, docs: ArticleIndex, *, negated: bool) -> None:
    families, labels = _ontology(reader)
    where: dict[tuple, set[str]] = defaultdict(set)  # (s, p, o) -> article graphs holding it
    for entity in types:
        for s, p, o, g in reader.match(entity, None, None):
            if p not in _NOT_RELATIONS and isinstance(o, str) and o in types:
                where[s, p, o].add(g)
    evidence: dict[tuple, set[Evidence]] = defaultdict(set)
    denied: dict[tuple, set[Evidence]] = defaultdict(set)
    negations: set[str] = {
        s
        for s, _, o, _ in reader.match(None, KG + "negated", None)
        if isinstance(o, Lit) and o.value in ("true", "1")
    }
    for statement, _, subject, _ in reader.match(None, RDF + "subject", None):
        if subject not in types:
            continue
        for predicate in objects_of(reader, statement, RDF + "predicate"):
            for obj in objects_of(reader, statement, RDF + "object"):
                if statement in negations:
                    if obj in types and negated:
                        denied[subject, predicate, obj].update(docs.evidence(statement))
                elif (subject, predicate, obj) in where:
                    evidence[subject, predicate, obj].update(docs.evidence(statement))
    for membership, _, member, _ in reader.match(None, ORG + "member", None):
        for body in objects_of(reader, membership, ORG + "organization"):
            for predicate in (ORG + "memberOf", ORG + "headOf"):
                if (member, predicate, body) in where:
                    evidence[member, predicate, body].update(docs.evidence(membership))
    for (s, p, o), graphs in sorted(where.items()):
        found = sorted(evidence[s, p, o])
        supporting = {e.article_id for e in found}
        supporting |= {docs.describe(docs.of_graph[g])[0] for g in graphs if g in docs.of_graph}
        graph.add_edge(
            s,
            o,
            key=p,
            kind="relation",
            predicate=p,
            label=short_iri(p),
            words=relation_words(p, labels),
            family=families.get(p, "other"),
            articles=len(supporting),
            evidence=found,
        )
    for (s, p, o), items in sorted(denied.items()):
        found = sorted(items)
        graph.add_edge(
            s,
            o,
            key=f"not {p}",
            kind="negated",
            predicate=p,
            label=short_iri(p),
            words=relation_words(p, labels),
            family=families.get(p, "other"),
            articles=len({e.article_id for e in found}),
            evidence=found,
        )


def _add_comentions(graph, reader, types, docs: ArticleIndex) -> None:
    entities_of: dict[str, set[str]] = defaultdict(set)
    for mention, _, entity, _ in reader.match(None, ITS_IDENT, None):
        if entity in types:
            entities_of[mention].add(entity)
    in_sentence: dict[str, set[str]] = defaultdict(set)
    article_of: dict[str, str] = {}  # sentence -> article IRI, from the graph holding it
    for mention, _, sentence, g in reader.match(None, NIF + "sentence", None):
        if mention in entities_of:
            in_sentence[sentence] |= entities_of[mention]
            if g in docs.of_graph:
                article_of.setdefault(sentence, docs.of_graph[g])
    # Without named graphs (a union Turtle file), the sentence's context leads to its article.
    article_of_context = {o: s for s, _, o, _ in reader.match(None, KG + "context", None)}
    for sentence in in_sentence.keys() - article_of.keys():
        for context in sorted(objects_of(reader, sentence, NIF + "referenceContext"))[:1]:
            if context in article_of_context:
                article_of[sentence] = article_of_context[context]
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sentence, found in sorted(in_sentence.items()):
        for pair in combinations(sorted(found), 2):
            pairs[pair].append(sentence)
    for (a, b), sentences in sorted(pairs.items()):
        evidence = []
        for sentence in sentences[:_COMENTION_EVIDENCE_MAX]:
            article = article_of.get(sentence)
            ident, headline = docs.describe(article) if article else ("", "")
            text = sentence_only(docs.anchor(sentence), headline)
            evidence.append(Evidence(text, ident, headline, "co-mention"))
        in_articles = {docs.describe(article_of[s])[0] for s in sentences if s in article_of}
        graph.add_edge(
            a,
            b,
            key="comention",
            kind="comention",
            predicate="",
            family="comention",
            label="same sentence",
            words="named in the same sentence",
            weight=len(sentences),
            articles=len(in_articles),
            article_ids=sorted(in_articles),
            evidence=evidence,
        )


def _quotations(reader, types, docs: ArticleIndex) -> dict[str, list[tuple[str, str, Evidence]]]:
    found: dict[str, list[tuple[str, str, Evidence]]] = defaultdict(list)
    for quote, _, speaker, _ in reader.match(None, SCHEMA + "spokenByCharacter", None):
        if speaker not in types:
            continue
        text = text_of(reader, quote, SCHEMA + "text")
        articles = sorted(o for o in objects_of(reader, quote, PROV_DERIVED) if isinstance(o, str))
        ident, headline = docs.describe(articles[0]) if articles else ("", "")
        found[speaker].append((quote, text, Evidence(text, ident, headline, "quotation")))
    for items in found.values():
        items.sort()
        # a quotation repeated in several graphs is one quotation
        items[:] = [item for i, item in enumerate(items) if i == 0 or items[i - 1][0] != item[0]]
    return found


def _short_text(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
