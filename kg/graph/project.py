"""RDF to networkx: the graph of entities that the view, the analytics and the exports share.

`project(source)` gives a `networkx.MultiDiGraph` with one node per entity (Person,
Organization, Legislation, Place) and one edge per relation between two entities, keyed by
the predicate IRI. A relation is any triple from one entity to another except rdf:type and
owl:sameAs, so a predicate added later is still drawn; `family` says which kind it is
(docs/graph.md, Relations). Each relation edge carries the articles that support it and its
evidence: the sentence of every rdf:Statement (or org:Membership) that states it, with the
article's headline. A statement marked `kg:negated` is not evidence for the plain triple.

Optional layers, off unless asked for:
- `comentions`: an undirected "mentioned in the same sentence" edge (stored once, from the
  smaller IRI), weighted by the number of sentences; it shows structure before relations do.
- `quotations`: schema:Quotation nodes linked from their speaker.
- `articles`: schema:NewsArticle nodes linked to the entities they mention.

Node attributes: kind ("entity", "quotation", "article"), type, subtype (legislation),
label, alt_labels, articles, mentions, quotations (entities); label, text, article
(quotations and articles). Edge attributes: kind ("relation", "comention", "quoted",
"mentions"), predicate, label, family, articles, evidence (a list of Evidence).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

from kg.graph.readers import Lit, objects_of, open_reader, text_of

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
KG = "https://kg.example.org/ontology#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ORG = "http://www.w3.org/ns/org#"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"

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
_COMENTION_EVIDENCE_MAX = 3  # sentences kept per co-mention edge: enough to show why


@dataclass(frozen=True, order=True)
class Evidence:
    """One sentence that states a fact, and the article it is in."""

    sentence: str
    article_id: str
    headline: str
    rule: str = ""
    hedged: bool = False


def project(source, *, comentions: bool = False, quotations: bool = False, articles: bool = False):
    """The entity graph of an rdflib Dataset/Graph, a pyoxigraph Store, or a path to either.

    A path (store or OUT directory, or RDF file) is read with `kg.query.sparql.load_store`.
    """
    import networkx as nx

    reader = open_reader(source)
    types = _entity_types(reader)
    graph = nx.MultiDiGraph()
    _add_entities(graph, reader, types)
    docs = _Articles(reader)
    _add_relations(graph, reader, types, docs)
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


def _add_entities(graph, reader, types) -> None:
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
            in_articles[entity].add(article)
    mentions: Counter = Counter()
    for mention, _, entity, _ in reader.match(
        None, "http://www.w3.org/2005/11/its/rdf#taIdentRef", None
    ):
        if entity in types:
            mentions[entity, mention] = 1  # a set: the same mention sits in two graphs
    per_entity = Counter(entity for entity, _ in mentions)
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
            mentions=per_entity[entity],
            quotations=0,
        )


class _Articles:
    """Article identifiers, headlines and sentence texts, looked up once each."""

    def __init__(self, reader) -> None:
        self._reader = reader
        self._described: dict[str, tuple[str, str]] = {}
        self._anchor: dict[str, str] = {}
        # article graph IRI -> article, from the meta graph
        self.of_graph = {
            s: o
            for s, _, o, _ in reader.match(None, PROV_DERIVED, None)
            if isinstance(o, str) and "/id/graph/" in s
        }

    def describe(self, article: str) -> tuple[str, str]:
        if article not in self._described:
            ident = text_of(self._reader, article, SCHEMA + "identifier") or short_iri(article)
            self._described[article] = (ident, text_of(self._reader, article, SCHEMA + "headline"))
        return self._described[article]

    def anchor(self, span: str) -> str:
        if span not in self._anchor:
            self._anchor[span] = text_of(self._reader, span, NIF + "anchorOf")
        return self._anchor[span]

    def evidence(self, node: str) -> list[Evidence]:
        """The evidence of a statement, membership or quotation node: one per article."""
        reader = self._reader
        rule = text_of(reader, node, KG + "rule")
        hedged = text_of(reader, node, KG + "hedged") in ("true", "1")
        spans = sorted(o for o in objects_of(reader, node, KG + "evidence") if isinstance(o, str))
        sentences = []
        for span in spans:
            # A mention's evidence reads better as the whole sentence it sits in.
            around = sorted(
                o for o in objects_of(reader, span, NIF + "sentence") if isinstance(o, str)
            )
            sentences.append(self.anchor(around[0]) if around else self.anchor(span))
        found = []
        derived = objects_of(reader, node, PROV_DERIVED)
        for article in sorted(o for o in derived if isinstance(o, str) and o not in spans):
            ident, headline = self.describe(article)
            for sentence in sentences or [""]:
                found.append(Evidence(sentence, ident, headline, rule, hedged))
        return found


# -- relations ---------------------------------------------------------------------------


def _families(reader) -> dict[str, str]:
    """Predicate -> family, from the graph itself and from ontology/kg.ttl."""
    import pyoxigraph as ox

    from kg.paths import ONTOLOGY

    families = dict(_FIXED_FAMILIES)
    pairs = {(s, o) for s, _, o, _ in reader.match(None, RDFS + "subPropertyOf", None)}
    try:
        for triple in ox.parse(path=ONTOLOGY, format=ox.RdfFormat.TURTLE):
            if triple.predicate.value == RDFS + "subPropertyOf":
                pairs.add((triple.subject.value, triple.object.value))
    except (OSError, SyntaxError):
        pass  # without the ontology, kg: relations are still drawn, as family "other"
    for sub, sup in pairs:
        if sup in _SUPER_FAMILIES:
            families.setdefault(sub, _SUPER_FAMILIES[sup])
    return families


def _add_relations(graph, reader, types, docs: _Articles) -> None:
    families = _families(reader)
    where: dict[tuple, set[str]] = defaultdict(set)  # (s, p, o) -> article graphs holding it
    for entity in types:
        for s, p, o, g in reader.match(entity, None, None):
            if p not in _NOT_RELATIONS and isinstance(o, str) and o in types:
                where[s, p, o].add(g)
    evidence: dict[tuple, set[Evidence]] = defaultdict(set)
    negated: set[str] = {
        s
        for s, _, o, _ in reader.match(None, KG + "negated", None)
        if isinstance(o, Lit) and o.value in ("true", "1")
    }
    for statement, _, subject, _ in reader.match(None, RDF + "subject", None):
        if subject not in types or statement in negated:
            continue
        for predicate in objects_of(reader, statement, RDF + "predicate"):
            for obj in objects_of(reader, statement, RDF + "object"):
                if (subject, predicate, obj) in where:
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
            family=families.get(p, "other"),
            articles=len(supporting),
            evidence=found,
        )


def _add_comentions(graph, reader, types, docs: _Articles) -> None:
    entities_of: dict[str, set[str]] = defaultdict(set)
    for mention, _, entity, _ in reader.match(
        None, "http://www.w3.org/2005/11/its/rdf#taIdentRef", None
    ):
        if entity in types:
            entities_of[mention].add(entity)
    in_sentence: dict[str, set[str]] = defaultdict(set)
    for mention, _, sentence, _ in reader.match(None, NIF + "sentence", None):
        in_sentence[sentence] |= entities_of.get(mention, set())
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sentence, found in sorted(in_sentence.items()):
        for pair in combinations(sorted(found), 2):
            pairs[pair].append(sentence)
    article_of_context = {s: o for s, _, o, _ in reader.match(None, KG + "context", None)}
    context_article = {v: k for k, v in article_of_context.items()}
    for (a, b), sentences in sorted(pairs.items()):
        evidence = []
        for sentence in sentences[:_COMENTION_EVIDENCE_MAX]:
            contexts = sorted(objects_of(reader, sentence, NIF + "referenceContext"))
            article = context_article.get(contexts[0]) if contexts else None
            ident, headline = docs.describe(article) if article else ("", "")
            evidence.append(Evidence(docs.anchor(sentence), ident, headline, "co-mention"))
        graph.add_edge(
            a,
            b,
            key="comention",
            kind="comention",
            predicate="",
            family="comention",
            label="same sentence",
            weight=len(sentences),
            articles=len({e.article_id for e in evidence}),
            evidence=evidence,
        )


def _quotations(reader, types, docs: _Articles) -> dict[str, list[tuple[str, str, Evidence]]]:
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
