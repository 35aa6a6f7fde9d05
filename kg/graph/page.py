"""The data graph.html carries: compact tables the page's script reads (kg/graph/templates).

`page_data(graph)` turns a projected graph (kg.graph.project, with co-mentions, quotations and
negated statements) into two JSON-ready dicts. The first is what the page needs to open:
entities in order of centrality (PageRank), their types, communities, names (folded as
kg.extract.names.fold folds them, so the page finds what the CLI finds), posts and articles;
links (relations, denied relations, co-mentions) with their weight and articles; article
dates. The second holds the long texts (evidence sentences, quotations, article titles and
URLs), which the page parses only when a panel first needs them. Lists of numbers index into
the tables (`sentences`, `articles`, `predicates`), so each text is written once.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from kg.extract.names import fold
from kg.graph.layout import TYPE_COLOURS, community_colour

TYPES = ("Legislation", "Organization", "Person", "Place")
ID_BASE = "https://kg.example.org/id/"
COMENTION = -1  # the predicate index of a co-mention link
_HEDGED, _NEGATED = 1, 2  # link flags
_COMMUNITY_NAMES = 3  # a community is named by its most central members


def page_data(graph) -> tuple[dict, dict]:
    """(data the page opens with, texts it reads on demand) for a projected graph."""
    from kg.graph.analytics import centrality, communities
    from kg.graph.project import entities

    scores = centrality(graph, betweenness=False)
    order = sorted(
        entities(graph),
        key=lambda e: (-(scores[e].pagerank if e in scores else 0.0), fold(_label(graph, e)), e),
    )
    index = {entity: i for i, entity in enumerate(order)}
    groups = communities(graph)
    community = {n: i for i, group in enumerate(groups) for n in group}
    texts = _Table()
    articles = _Articles(graph)

    top = max((s.pagerank for s in scores.values()), default=0.0) or 1.0
    entity_rows: dict[str, list] = defaultdict(list)
    posts: dict[str, list] = {}
    subtypes: dict[str, str] = {}
    for i, entity in enumerate(order):
        data = graph.nodes[entity]
        names = [data["label"], *data["alt_labels"]]
        score = scores.get(entity)
        row = entity_rows
        row["label"].append(data["label"])
        row["alts"].append(data["alt_labels"])
        row["folded"].append(sorted({fold(name) for name in names} - {""}))
        row["type"].append(TYPES.index(data["type"]))
        row["key"].append(_key(entity))
        row["size"].append(round(math.sqrt((score.pagerank if score else 0.0) / top), 3))
        row["degree"].append(score.degree if score else 0)
        row["community"].append(community.get(entity, -1))
        row["mentions"].append(data["mentions"])
        row["articles"].append(sorted(articles.index(a) for a in data.get("article_ids", [])))
        if data.get("posts"):
            posts[str(i)] = [[post, n] for post, n in data["posts"]]
        if data.get("subtype"):
            subtypes[str(i)] = data["subtype"]

    links: dict[str, list] = defaultdict(list)
    evidence: list[list] = []
    predicates = _Predicates()
    quotes: dict[str, list] = defaultdict(list)
    for s, o, data in sorted(
        graph.edges(data=True), key=lambda e: (_link_order(e[2]), index.get(e[0]), index.get(e[1]))
    ):
        kind = data["kind"]
        if kind == "quoted" and s in index:
            for ev in data["evidence"][:1]:
                quotes[str(index[s])].append(
                    [texts.add(graph.nodes[o]["text"]), articles.index(ev.article_id)]
                )
            continue
        if kind not in ("relation", "negated", "comention") or s not in index or o not in index:
            continue
        found = [
            [texts.add(ev.sentence), articles.index(ev.article_id), int(ev.hedged)]
            for ev in data["evidence"]
        ]
        in_articles = data.get("article_ids") or sorted({ev.article_id for ev in data["evidence"]})
        flags = _NEGATED if kind == "negated" else 0
        if found and all(item[2] for item in found):
            flags |= _HEDGED
        links["a"].append(index[s])
        links["b"].append(index[o])
        links["p"].append(COMENTION if kind == "comention" else predicates.add(data))
        links["weight"].append(int(data.get("weight", data["articles"])))
        links["n"].append(int(data["articles"]))
        links["flags"].append(flags)
        links["articles"].append(sorted({articles.index(a) for a in in_articles}))
        evidence.append(found)

    counts = Counter(TYPES.index(graph.nodes[e]["type"]) for e in order)
    kinds = Counter(d["kind"] for _, _, d in graph.edges(data=True))
    core = {
        "types": [
            {"name": name, "colour": TYPE_COLOURS[name], "count": counts[i]}
            for i, name in enumerate(TYPES)
        ],
        "entities": dict(entity_rows) if order else {k: [] for k in _ENTITY_COLUMNS},
        "posts": posts,
        "subtypes": subtypes,
        "links": dict(links) if evidence else {k: [] for k in _LINK_COLUMNS},
        "predicates": predicates.rows,
        "communities": [
            {
                "colour": community_colour(i),
                "size": len(group),
                "name": ", ".join(
                    graph.nodes[n]["label"]
                    for n in sorted(group, key=index.__getitem__)[:_COMMUNITY_NAMES]
                ),
            }
            for i, group in enumerate(groups)
        ],
        "dates": articles.dates(),
        "base": ID_BASE,
        "summary": {
            "entities": len(order),
            "relations": kinds["relation"],
            "denied": kinds["negated"],
            "pairs": kinds["comention"],
            "articles": len(graph.graph.get("articles", {})),
        },
    }
    text = {
        "sentences": texts.rows,
        "evidence": evidence,
        "quotes": dict(quotes),
        "articles": articles.rows(),
    }
    return core, text


_ENTITY_COLUMNS = "label alts folded type key size degree community mentions articles".split()
_LINK_COLUMNS = "a b p weight n flags articles".split()


def _label(graph, entity: str) -> str:
    return graph.nodes[entity]["label"]


def _key(iri: str) -> str:
    """The IRI as the page's address shows it: without the common prefix."""
    return iri[len(ID_BASE) :] if iri.startswith(ID_BASE) else iri


def _link_order(data: dict) -> int:
    return {"relation": 0, "negated": 1, "comention": 2}.get(data["kind"], 3)


class _Table:
    """Strings written once each; a number stands for each."""

    def __init__(self) -> None:
        self.rows: list[str] = []
        self._index: dict[str, int] = {}

    def add(self, text: str) -> int:
        text = " ".join(text.split())
        if text not in self._index:
            self._index[text] = len(self.rows)
            self.rows.append(text)
        return self._index[text]


class _Predicates:
    def __init__(self) -> None:
        self.rows: list[dict] = []
        self._index: dict[str, int] = {}

    def add(self, data: dict) -> int:
        iri = data["predicate"]
        if iri not in self._index:
            self._index[iri] = len(self.rows)
            self.rows.append(
                {
                    "iri": iri,
                    "short": data["label"],
                    "words": data.get("words") or data["label"],
                    "family": data.get("family", ""),
                }
            )
        return self._index[iri]


class _Articles:
    """The graph's articles in identifier order, and any article evidence names besides."""

    def __init__(self, graph) -> None:
        self._known = graph.graph.get("articles", {})
        self._order = sorted(self._known)
        self._index = {ident: i for i, ident in enumerate(self._order)}

    def index(self, ident: str) -> int:
        if ident not in self._index:
            self._index[ident] = len(self._order)
            self._order.append(ident)
        return self._index[ident]

    def dates(self) -> list[str]:
        return [self._known[i].date if i in self._known else "" for i in self._order]

    def rows(self) -> list[list[str]]:
        found = []
        for ident in self._order:
            article = self._known.get(ident)
            found.append([ident, article.title, article.url] if article else [ident, "", ""])
        return found
