"""GraphML and GEXF exports of the entity graph, for Gephi and Cytoscape.

Both formats hold only scalar attributes, so lists become text: alternative labels joined
with " | ", evidence as its count plus the first sentence and article. Nodes also carry
their centrality and community number, so a tool can size and colour them at once.
Node ids are the entity IRIs; edge ids are "subject predicate object".
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import OutputError

FORMATS = ("graphml", "gexf")


def export_graph(source, path: Path, fmt: str, *, comentions: bool = True) -> Path:
    """Write the entity graph of `source` (see kg.graph.project.project) as GraphML or GEXF."""
    import networkx as nx

    from kg.graph.project import project

    if fmt not in FORMATS:
        raise OutputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    flat = flatten(project(source, comentions=comentions))
    path = Path(path)
    try:
        if fmt == "graphml":
            nx.write_graphml(flat, path, encoding="utf-8", prettyprint=True)
        else:
            nx.write_gexf(flat, path, encoding="utf-8", prettyprint=True)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc}") from exc
    return path


def flatten(graph):
    """A copy of a projected graph with scalar attributes only, plus centrality and community."""
    import networkx as nx

    from kg.graph.analytics import centrality, communities

    scores = centrality(graph)
    community = {n: i for i, group in enumerate(communities(graph)) for n in group}
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        score = scores.get(node)
        flat.add_node(
            node,
            label=_xml_text(data["label"]),
            type=data.get("type", data.get("kind", "")),
            subtype=data.get("subtype", ""),
            alt_labels=_xml_text(" | ".join(data.get("alt_labels", []))),
            articles=int(data.get("articles", 0)),
            mentions=int(data.get("mentions", 0)),
            quotations=int(data.get("quotations", 0)),
            degree=score.degree if score else 0,
            pagerank=float(score.pagerank) if score else 0.0,
            betweenness=float(score.betweenness) if score else 0.0,
            community=community.get(node, -1),
        )
    for s, o, key, data in graph.edges(keys=True, data=True):
        evidence = data.get("evidence", [])
        first = evidence[0] if evidence else None
        flat.add_edge(
            s,
            o,
            key=f"{s} {key} {o}",
            kind=data["kind"],
            predicate=data.get("predicate", ""),
            label=data["label"],
            family=data.get("family", ""),
            articles=int(data.get("articles", 0)),
            weight=float(data.get("weight", 1)),
            evidence_count=len(evidence),
            evidence=_xml_text(first.sentence) if first else "",
            article=_xml_text(first.headline or first.article_id) if first else "",
        )
    return flat


def _xml_text(text: str) -> str:
    # XML 1.0 cannot hold most control characters even escaped; the writers would fail.
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)
