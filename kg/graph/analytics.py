"""Analytics over the projected entity graph (kg.graph.project): centrality, communities,
paths, stats.

Centrality and communities are computed on an undirected, weighted view of the entity graph:
who is connected to whom matters to a reader more than which way a verb points. Relations
weigh more than co-mentions (a stated fact says more than two names in one sentence).
Names are matched by any label (prefLabel, schema:name, altLabel), ignoring case and spacing.
Positions and colours for drawing are in kg.graph.layout.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field

from kg.errors import QueryError
from kg.extract.names import fold
from kg.graph.project import Evidence, entities

_WEIGHTS = {"relation": 2.0, "comention": 1.0}
_EXACT_BETWEENNESS_MAX = 2000  # above this, betweenness is estimated from sampled sources
_BETWEENNESS_SAMPLES = 300
_SEED = 7
_CANDIDATES_MAX = 8


@dataclass(frozen=True)
class Centrality:
    degree: int
    pagerank: float
    betweenness: float


@dataclass(frozen=True)
class Fact:
    """One relation on a path, read in the direction it was stated."""

    subject: str
    predicate: str  # short form, e.g. "kg:opposes"
    object: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Hop:
    source: str
    target: str
    facts: tuple[Fact, ...]


@dataclass
class Stats:
    counts: dict[str, int]
    relations: dict[str, int]
    comention_pairs: int
    central: list[tuple[str, str, Centrality]] = field(default_factory=list)  # iri, label, c
    quoted: list[tuple[str, int]] = field(default_factory=list)
    cited: list[tuple[str, int, int]] = field(default_factory=list)  # label, articles, mentions
    communities: list[list[str]] = field(default_factory=list)  # labels, largest first


def entity_graph(graph, kinds=("relation", "comention")):
    """An undirected nx.Graph of the entities, edges weighted by what links them."""
    import networkx as nx

    view = nx.Graph()
    view.add_nodes_from(entities(graph))
    for a, b, data in graph.edges(data=True):
        kind = data.get("kind")
        if kind not in kinds or a == b or a not in view or b not in view:
            continue
        weight = _WEIGHTS.get(kind, 1.0) * max(1, data.get("weight", 1))
        if view.has_edge(a, b):
            view[a][b]["weight"] += weight
        else:
            view.add_edge(a, b, weight=weight)
    return view


def centrality(
    graph, kinds=("relation", "comention"), *, betweenness: bool = True
) -> dict[str, Centrality]:
    """Degree (distinct neighbours), PageRank and betweenness of every entity.

    Betweenness is the costly one (seconds at 5,000 entities); without `betweenness` it is 0.
    """
    import networkx as nx

    view = entity_graph(graph, kinds)
    if not view:
        return {}
    rank = _pagerank(view)
    if not betweenness:
        between = dict.fromkeys(view, 0.0)
    elif len(view) <= _EXACT_BETWEENNESS_MAX:
        between = nx.betweenness_centrality(view)
    else:
        between = nx.betweenness_centrality(view, k=_BETWEENNESS_SAMPLES, seed=_SEED)
    return {n: Centrality(view.degree(n), rank[n], between[n]) for n in view}


def _pagerank(view, damping: float = 0.85, tol: float = 1e-10) -> dict[str, float]:
    # networkx's pagerank needs scipy, which kg does not depend on; power iteration over an
    # undirected weighted graph converges in a few dozen rounds (numpy: milliseconds at 10^4).
    import numpy as np

    nodes = list(view)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    pairs = [(index[u], index[v], d["weight"]) for u, v, d in view.edges(data=True) if u != v]
    src = np.array([p[0] for p in pairs] + [p[1] for p in pairs], dtype=np.int64)
    dst = np.array([p[1] for p in pairs] + [p[0] for p in pairs], dtype=np.int64)
    weight = np.array([p[2] for p in pairs] * 2, dtype=float)
    strength = np.bincount(src, weights=weight, minlength=n)
    dangling = strength == 0
    share = np.divide(weight, strength[src], out=np.zeros_like(weight), where=strength[src] > 0)
    rank = np.full(n, 1.0 / n)
    for _ in range(200):
        spread = np.bincount(dst, weights=rank[src] * share, minlength=n)
        new = (1.0 - damping) / n + damping * (spread + rank[dangling].sum() / n)
        done = np.abs(new - rank).sum() < n * tol
        rank = new
        if done:
            break
    return {node: float(rank[i]) for i, node in enumerate(nodes)}


def communities(graph, kinds=("relation", "comention")) -> list[list[str]]:
    """Groups of entities more linked to each other than to the rest (Louvain), largest first.

    Entities with no link at all are left out: each would be a community of one.
    """
    import networkx as nx

    view = entity_graph(graph, kinds)
    view.remove_nodes_from([n for n in list(view) if view.degree(n) == 0])
    if not view:
        return []
    found = nx.community.louvain_communities(view, weight="weight", seed=_SEED)
    return sorted((sorted(group) for group in found), key=lambda g: (-len(g), g))


def find_entity(graph, name: str) -> str:
    """The entity whose label is `name`; an error lists the candidates when that is unclear."""
    wanted = fold(name)
    by_label: dict[str, set[str]] = {}
    for node in entities(graph):
        data = graph.nodes[node]
        for label in [data["label"], *data.get("alt_labels", [])]:
            by_label.setdefault(fold(label), set()).add(node)
    found = by_label.get(wanted, set())
    if len(found) == 1:
        return next(iter(found))
    if found:
        listed = "; ".join(
            _describe(graph, n) for n in sorted(found, key=lambda n: _sort(graph, n))
        )
        raise QueryError(
            f"{name!r} names {len(found)} entities: {listed}. "
            "Use a fuller name or another of its labels"
        )
    near = [label for label in by_label if wanted and wanted in label]
    near += difflib.get_close_matches(wanted, list(by_label), n=_CANDIDATES_MAX, cutoff=0.6)
    nodes = sorted({n for label in near for n in by_label[label]}, key=lambda n: _sort(graph, n))
    if nodes:
        listed = "; ".join(_describe(graph, n) for n in nodes[:_CANDIDATES_MAX])
        raise QueryError(f"no entity is called {name!r}. Did you mean: {listed}?")
    raise QueryError(
        f"no entity is called {name!r}, nor anything like it; "
        "`kg stats OUT` lists the most connected entities"
    )


def shortest_path(graph, source: str, target: str, *, comentions: bool = False) -> list[Hop]:
    """The fewest hops from one entity to another, each hop with every fact that links them.

    Relations are followed either way. With `comentions`, two entities named in the same
    sentence also count as linked (their evidence is that sentence).
    """
    import networkx as nx

    kinds = ("relation", "comention") if comentions else ("relation",)
    view = entity_graph(graph, kinds)
    if source == target:
        raise QueryError("the two names are the same entity; give two different ones")
    try:
        nodes = nx.shortest_path(view, source, target)
    except nx.NetworkXNoPath:
        hint = "" if comentions else "; --comentions also follows names in the same sentence"
        raise QueryError(
            f"no chain of relations links {graph.nodes[source]['label']!r} and "
            f"{graph.nodes[target]['label']!r}{hint}"
        ) from None
    hops = []
    for a, b in zip(nodes, nodes[1:], strict=False):
        found = [
            _fact(graph, a, b, data) for data in graph.get_edge_data(a, b, default={}).values()
        ]
        found += [
            _fact(graph, b, a, data) for data in graph.get_edge_data(b, a, default={}).values()
        ]
        # a co-mention has no direction: read it the way the path goes
        facts = [
            f if f.predicate else Fact(a, "", b, f.evidence)
            for f in found
            if f is not None and (comentions or f.predicate != "")
        ]
        facts.sort(key=lambda f: (f.predicate == "", f.predicate, f.subject))
        hops.append(Hop(a, b, tuple(facts)))
    return hops


def _fact(graph, s: str, o: str, data: dict) -> Fact | None:
    if data.get("kind") not in ("relation", "comention"):
        return None
    predicate = data["label"] if data["kind"] == "relation" else ""
    return Fact(s, predicate, o, tuple(data.get("evidence", ())))


def stats(graph, *, top: int = 10) -> Stats:
    """Counts by type, most central entities, most quoted people, most cited legislation."""
    nodes = entities(graph)
    counts: dict[str, int] = {}
    for node in nodes:
        counts[graph.nodes[node]["type"]] = counts.get(graph.nodes[node]["type"], 0) + 1
    relations: dict[str, int] = {}
    pairs = 0
    for _, _, data in graph.edges(data=True):
        if data.get("kind") == "relation":
            relations[data["label"]] = relations.get(data["label"], 0) + 1
        elif data.get("kind") == "comention":
            pairs += 1
    scores = centrality(graph)
    central = sorted(scores, key=lambda n: (-scores[n].pagerank, _sort(graph, n)))
    label = {n: graph.nodes[n]["label"] for n in nodes}
    quoted = sorted(
        (n for n in nodes if graph.nodes[n].get("quotations")),
        key=lambda n: (-graph.nodes[n]["quotations"], _sort(graph, n)),
    )
    laws = sorted(
        (
            n
            for n in nodes
            if graph.nodes[n]["type"] == "Legislation" and graph.nodes[n]["mentions"]
        ),
        key=lambda n: (-graph.nodes[n]["articles"], -graph.nodes[n]["mentions"], _sort(graph, n)),
    )
    return Stats(
        counts=dict(sorted(counts.items())),
        relations=dict(sorted(relations.items(), key=lambda kv: (-kv[1], kv[0]))),
        comention_pairs=pairs,
        central=[(n, label[n], scores[n]) for n in central[:top] if scores[n].degree],
        quoted=[(label[n], graph.nodes[n]["quotations"]) for n in quoted[:top]],
        cited=[
            (label[n], graph.nodes[n]["articles"], graph.nodes[n]["mentions"]) for n in laws[:top]
        ],
        communities=[
            [label[n] for n in sorted(group, key=lambda n: -scores[n].pagerank)]
            for group in communities(graph)[:top]
        ],
    )


def format_stats(result: Stats) -> str:
    lines = ["Entities by type:"]
    lines += [f"  {name:<14}{n:>7}" for name, n in result.counts.items()] or ["  (none)"]
    lines += [f"  {'total':<14}{sum(result.counts.values()):>7}", "", "Relations:"]
    lines += [f"  {name:<22}{n:>7}" for name, n in result.relations.items()] or ["  (none)"]
    lines += [
        f"  pairs named in the same sentence: {result.comention_pairs}",
        "",
        "Most central entities (PageRank; degree = distinct neighbours):",
    ]
    lines += [
        f"  {i:>2}. {_clean(label)} (pagerank {c.pagerank:.4f}, degree {c.degree}, "
        f"betweenness {c.betweenness:.4f})"
        for i, (_, label, c) in enumerate(result.central, 1)
    ] or ["  (no links yet)"]
    lines += ["", "Most quoted:"]
    lines += [
        f"  {i:>2}. {_clean(label)}: {n} quotation{'' if n == 1 else 's'}"
        for i, (label, n) in enumerate(result.quoted, 1)
    ] or ["  (no quotations)"]
    lines += ["", "Most cited legislation:"]
    lines += [
        f"  {i:>2}. {_clean(label)}: {a} article{'' if a == 1 else 's'}, {m} mention"
        f"{'' if m == 1 else 's'}"
        for i, (label, a, m) in enumerate(result.cited, 1)
    ] or ["  (no legislation)"]
    lines += ["", "Largest communities:"]
    lines += [
        f"  {i:>2}. {len(group)} entities: {', '.join(_clean(x) for x in group[:6])}"
        f"{', ...' if len(group) > 6 else ''}"
        for i, group in enumerate(result.communities, 1)
    ] or ["  (none)"]
    return "\n".join(lines)


def format_path(graph, hops: list[Hop]) -> str:
    """Each hop with its facts, and each fact's evidence sentence and article."""
    label = {n: _clean(graph.nodes[n]["label"]) for n in entities(graph)}
    names = [label[hops[0].source]] + [label[hop.target] for hop in hops]
    lines = [" -> ".join(names), f"{len(hops)} hop{'' if len(hops) == 1 else 's'}", ""]
    for i, hop in enumerate(hops, 1):
        lines.append(f"{i}. {label[hop.source]} -- {label[hop.target]}")
        for fact in hop.facts:
            verb = fact.predicate or "named in the same sentence as"
            lines.append(f"   {label[fact.subject]} {verb} {label[fact.object]}")
            for ev in fact.evidence or ():
                where = (
                    _clean(ev.headline) + f" [{ev.article_id}]" if ev.headline else ev.article_id
                )
                hedge = " (hedged)" if ev.hedged else ""
                lines.append(f"     \u201c{_clean(ev.sentence)}\u201d{hedge}")
                lines.append(f"       \u2014 {where}")
            if not fact.evidence:
                lines.append("     (no evidence sentence recorded)")
    return "\n".join(lines)


def _sort(graph, node: str) -> tuple:
    return (graph.nodes[node]["label"].casefold(), node)


def _describe(graph, node: str) -> str:
    data = graph.nodes[node]
    return f"{_clean(data['label'])} ({data['type']}, {node})"


def _clean(text: str) -> str:
    # Article text must not reach the terminal as control codes (an escape sequence could
    # rewrite the screen), nor break a line in two: whitespace runs become one space.
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    return " ".join(text.split())
