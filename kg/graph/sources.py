"""Where a fact comes from: the articles of a graph and the sentences that state its facts.

`ArticleIndex` reads, once each, an article's identifier, title, date and URL, a span's text,
and the evidence of a statement node (one `Evidence` per article and sentence);
`entity_posts` the posts each entity holds and how many articles state them. The
projection (kg.graph.project) and the page (kg.graph.view) share these.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass

from kg.extract.names import fold
from kg.graph.readers import Lit, objects_of, text_of

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
KG = "https://kg.example.org/ontology#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ORG = "http://www.w3.org/ns/org#"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
ITS_IDENT = "http://www.w3.org/2005/11/its/rdf#taIdentRef"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, order=True)
class Evidence:
    """One sentence that states a fact, and the article it is in."""

    sentence: str
    article_id: str
    headline: str
    rule: str = ""
    hedged: bool = False


@dataclass(frozen=True, order=True)
class Article:
    """What a reader needs to find an article again: title, date and URL when known."""

    identifier: str
    title: str = ""
    date: str = ""  # an ISO date, yyyy-mm-dd, or ""
    url: str = ""  # http or https only, or ""


def sentence_only(sentence: str, headline: str) -> str:
    """The sentence without a headline a sentence splitter may have run into it."""
    text = sentence.strip()
    if headline and text.startswith(headline) and text[len(headline) : len(headline) + 1] == "\n":
        text = text[len(headline) :].strip()
    return text


def _date(value: str) -> str:
    found = _DATE.match(value.strip())
    if not found:
        return ""
    try:
        return datetime.date.fromisoformat(found.group()).isoformat()
    except ValueError:
        return ""  # 2005-13-45 is no date


def _url(values) -> str:
    for value in sorted(v.value if isinstance(v, Lit) else v for v in values):
        if re.match(r"https?://[^\s]+$", value, re.IGNORECASE):
            return value
    return ""


class ArticleIndex:
    """Article identifiers, titles, dates, URLs and sentence texts, looked up once each."""

    def __init__(self, reader) -> None:
        self._reader = reader
        self._described: dict[str, Article] = {}
        self._anchor: dict[str, str] = {}
        # article graph IRI -> article, from the meta graph
        self.of_graph = {
            s: o
            for s, _, o, _ in reader.match(None, PROV_DERIVED, None)
            if isinstance(o, str) and "/id/graph/" in s
        }

    def article(self, iri: str) -> Article:
        if iri not in self._described:
            reader = self._reader
            self._described[iri] = Article(
                identifier=text_of(reader, iri, SCHEMA + "identifier") or iri.rsplit("/", 1)[-1],
                title=" ".join(text_of(reader, iri, SCHEMA + "headline").split()),
                date=_date(text_of(reader, iri, SCHEMA + "datePublished")),
                url=_url(objects_of(reader, iri, SCHEMA + "url")),
            )
        return self._described[iri]

    def describe(self, iri: str) -> tuple[str, str]:
        """(identifier, headline) of an article."""
        found = self.article(iri)
        return found.identifier, found.title

    def every_article(self) -> dict[str, Article]:
        """Identifier -> Article, for every schema:NewsArticle of the graph."""
        iris = {s for s, _, _, _ in self._reader.match(None, RDF + "type", SCHEMA + "NewsArticle")}
        found = (self.article(iri) for iri in sorted(iris) if not iri.startswith("_:"))
        return {article.identifier: article for article in found}

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
                found.append(
                    Evidence(sentence_only(sentence, headline), ident, headline, rule, hedged)
                )
        return found


def entity_posts(reader, types, docs: ArticleIndex) -> dict[str, list[tuple[str, int]]]:
    """Entity -> [(post, articles)], most stated first: its schema:jobTitle and org:Post names,
    each counted in the articles whose statements state it.

    Spellings that fold to the same text are one post, written as most articles write it.
    """
    seen: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))

    def add(entity, text: str, articles=()) -> None:
        text = " ".join(text.split())
        if entity in types and text:
            seen[entity][text].update(articles)

    # the article graphs that hold the triple, and the articles its statements come from
    for entity, _, title, graph in reader.match(None, SCHEMA + "jobTitle", None):
        if isinstance(title, Lit):
            add(entity, title.value, [docs.of_graph[graph]] if graph in docs.of_graph else [])
    for entity, _, post, graph in reader.match(None, ORG + "holds", None):
        if isinstance(post, str):
            article = [docs.of_graph[graph]] if graph in docs.of_graph else []
            add(entity, text_of(reader, post, SKOS + "prefLabel"), article)
    for predicate in (SCHEMA + "jobTitle", ORG + "holds"):
        for statement, _, _, _ in reader.match(None, RDF + "predicate", predicate):
            derived = {a for a in objects_of(reader, statement, PROV_DERIVED) if isinstance(a, str)}
            for entity in objects_of(reader, statement, RDF + "subject"):
                for obj in objects_of(reader, statement, RDF + "object"):
                    if isinstance(obj, Lit):
                        add(entity, obj.value, derived)
                    elif isinstance(obj, str):
                        add(entity, text_of(reader, obj, SKOS + "prefLabel"), derived)
    found: dict[str, list[tuple[str, int]]] = {}
    for entity, spellings in seen.items():
        groups: dict[str, list[tuple[str, set]]] = defaultdict(list)
        for text, articles in spellings.items():
            groups[fold(text)].append((text, articles))
        posts = []
        for variants in groups.values():
            articles = set().union(*(arts for _, arts in variants))
            shown = min(variants, key=lambda v: (-len(v[1]), v[0]))[0]
            posts.append((shown, len(articles)))
        found[entity] = sorted(posts, key=lambda p: (-p[1], fold(p[0])))
    return found
