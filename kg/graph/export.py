"""GraphML and GEXF exports of the entity graph, for Gephi and Cytoscape.

Nodes are the entities (ids: their IRIs), with their type, labels, counts, centrality and
community. Edges are the relations, directed from subject to object, and the same-sentence
links (co-mentions), undirected: both kinds in one mixed graph, as both formats allow
(GEXF's edge `type`, GraphML's edge `directed`). An edge carries its predicate, the number
of articles that support it and its first evidence sentence.

GEXF 1.3 holds lists: a node's other names are a `liststring`. It also gets the picture
graph.html draws: each node's position from the view's layout and its colour by type, in
GEXF's `viz` module (`_as_the_view_draws_it` is the one place that asks the view). GraphML
has no list type: the other names are joined with " | "; the position and colour are
plain `x`, `y` and `color` data.

The files are written as text, escaped, without going through networkx's writers: they
hold one graph type (directed or not) only, and were the slow part of an export.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from kg.errors import OutputError

FORMATS = ("graphml", "gexf")
# Betweenness is the costly measure (a minute on the 12,000 entities of the BBC corpus, where
# everything else takes seconds); above this many entities it is left to the tool (Gephi
# computes it itself) unless asked for.
BETWEENNESS_MAX = 2000

# (name, GEXF type, GraphML type) of each node and edge attribute, in the order written.
_NODE_ATTRS = (
    ("type", "string", "string"),
    ("subtype", "string", "string"),
    ("alt_labels", "liststring", "string"),
    ("articles", "integer", "int"),
    ("mentions", "integer", "int"),
    ("quotations", "integer", "int"),
    ("degree", "integer", "int"),
    ("pagerank", "double", "double"),
    ("betweenness", "double", "double"),
    ("community", "integer", "int"),
)
_EDGE_ATTRS = (
    ("kind", "string", "string"),
    ("predicate", "string", "string"),
    ("family", "string", "string"),
    ("articles", "integer", "int"),
    ("evidence_count", "integer", "int"),
    ("evidence", "string", "string"),
    ("article", "string", "string"),
)


@dataclass
class _Node:
    iri: str
    label: str
    values: dict[str, object]
    position: tuple[float, float] | None = None
    colour: str = ""


@dataclass
class _Edge:
    id: str
    source: str
    target: str
    directed: bool
    label: str
    key: str
    weight: float
    values: dict[str, object] = field(default_factory=dict)


def export_graph(
    source, path: Path, fmt: str, *, comentions: bool = True, betweenness: bool | None = None
) -> Path:
    """Write the entity graph of `source` (see kg.graph.project.project) as GraphML or GEXF.

    `betweenness`: compute each entity's betweenness (None: when there are at most
    BETWEENNESS_MAX entities); without it the attribute is left out."""
    from kg.graph.project import entities, project

    if fmt not in FORMATS:
        raise OutputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    # Projected with the same-sentence links whatever is exported: the view lays out that.
    graph = project(source, comentions=True)
    with ThreadPoolExecutor(max_workers=1) as pool:
        # The layout is numpy's work, which runs beside the measures' Python (a second CPU).
        drawn = _as_the_view_draws_it(graph, pool)
        if not comentions:
            graph.remove_edges_from(
                [
                    (s, o, k)
                    for s, o, k, kind in graph.edges(keys=True, data="kind")
                    if kind != "relation"
                ]  # fmt: skip
            )
        if betweenness is None:
            betweenness = len(entities(graph)) <= BETWEENNESS_MAX
        measures = _measures(graph, betweenness)
        positions, colours = drawn.result()
    nodes, edges = _flatten(graph, measures, positions, colours)
    path = Path(path)
    try:
        with open(path, "w", encoding="utf-8") as out:
            (_write_gexf if fmt == "gexf" else _write_graphml)(nodes, edges, out)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc}") from exc
    return path


def _as_the_view_draws_it(graph, pool: ThreadPoolExecutor) -> Future[tuple[dict, dict]]:
    """Where graph.html places each entity and the colour of each type: the view's layout
    over its entity graph (the one it computes for a large graph) and its colours; the
    layout is computed in `pool`."""
    from kg.graph.analytics import entity_graph
    from kg.graph.layout import TYPE_COLOURS, layout

    view, colours = entity_graph(graph), dict(TYPE_COLOURS)  # now, before `graph` changes
    return pool.submit(lambda: (layout(view), colours))


def _measures(graph, betweenness: bool) -> tuple[dict, dict[str, int], bool]:
    """Each entity's centrality, its community's number, and whether betweenness is in."""
    from kg.graph.analytics import centrality, communities

    scores = centrality(graph, betweenness=betweenness)
    community = {n: i for i, group in enumerate(communities(graph)) for n in group}
    return scores, community, betweenness


def _flatten(graph, measures, positions, colours) -> tuple[list[_Node], list[_Edge]]:
    from kg.graph.project import entities

    scores, community, betweenness = measures
    nodes = []
    for iri in sorted(entities(graph)):
        data = graph.nodes[iri]
        score = scores.get(iri)
        type_ = data.get("type", "")
        values = {
            "type": type_,
            "subtype": data.get("subtype", ""),
            "alt_labels": list(data.get("alt_labels", [])),
            "articles": int(data.get("articles", 0)),
            "mentions": int(data.get("mentions", 0)),
            "quotations": int(data.get("quotations", 0)),
            "degree": score.degree if score else 0,
            "pagerank": float(score.pagerank) if score else 0.0,
            "betweenness": (float(score.betweenness) if score else 0.0) if betweenness else None,
            "community": community.get(iri, -1),
        }
        nodes.append(_Node(iri, data["label"], values, positions.get(iri), colours.get(type_, "")))
    known = {node.iri for node in nodes}
    edges = []
    for s, o, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        if s not in known or o not in known:
            continue
        evidence = data.get("evidence", [])
        first = evidence[0] if evidence else None
        values = {
            "kind": data["kind"],
            "predicate": data.get("predicate", ""),
            "family": data.get("family", ""),
            "articles": int(data.get("articles", 0)),
            "evidence_count": len(evidence),
            "evidence": first.sentence if first else "",
            "article": (first.headline or first.article_id) if first else "",
        }
        edges.append(
            _Edge(
                id=f"{s} {key} {o}",
                source=s,
                target=o,
                directed=data["kind"] == "relation",
                label=data["label"],
                key=str(key),
                weight=float(data.get("weight", 1)),
                values=values,
            )
        )
    return nodes, edges


# -- GEXF 1.3 -----------------------------------------------------------------------------


def _write_gexf(nodes: list[_Node], edges: list[_Edge], out: TextIO) -> None:
    out.write(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" '
        'version="1.3">\n'
        "  <meta><creator>kg</creator>"
        "<description>Entities of a kg graph: relations (directed) and same-sentence "
        "links (undirected)</description></meta>\n"
        '  <graph defaultedgetype="directed" mode="static">\n'
    )
    for cls, attrs in (("node", _NODE_ATTRS), ("edge", _EDGE_ATTRS)):
        out.write(f'    <attributes class="{cls}" mode="static">\n')
        for name, gexf_type, _ in attrs:
            out.write(f'      <attribute id="{name}" title="{name}" type="{gexf_type}"/>\n')
        out.write("    </attributes>\n")
    out.write("    <nodes>\n")
    for node in nodes:
        out.write(f"      <node id={_attr(node.iri)} label={_attr(node.label)}>\n")
        out.write(_gexf_values(node.values, _NODE_ATTRS))
        if node.colour:
            r, g, b = _rgb(node.colour)
            out.write(f'        <viz:color r="{r}" g="{g}" b="{b}" a="1.0"/>\n')
        if node.position is not None:
            x, y = node.position
            # The view's y grows downwards (the screen's), Gephi's upwards: flip it.
            out.write(f'        <viz:position x="{x:g}" y="{0.0 - y:g}" z="0.0"/>\n')
        out.write("      </node>\n")
    out.write("    </nodes>\n    <edges>\n")
    for edge in edges:
        kind = "directed" if edge.directed else "undirected"
        out.write(
            f"      <edge id={_attr(edge.id)} source={_attr(edge.source)} "
            f'target={_attr(edge.target)} type="{kind}" kind={_attr(edge.key)} '
            f'label={_attr(edge.label)} weight="{edge.weight:g}">\n'
        )
        out.write(_gexf_values(edge.values, _EDGE_ATTRS))
        out.write("      </edge>\n")
    out.write("    </edges>\n  </graph>\n</gexf>\n")


def _gexf_values(values: dict[str, object], attrs) -> str:
    lines = ["        <attvalues>\n"]
    for name, _, _ in attrs:
        value = values.get(name)
        if value in (None, "", []):
            continue
        text = _gexf_list(value) if isinstance(value, list) else _scalar(value)
        lines.append(f'          <attvalue for="{name}" value={_attr(text)}/>\n')
    lines.append("        </attvalues>\n")
    return "".join(lines) if len(lines) > 2 else ""


def _gexf_list(items: list) -> str:
    # GEXF 1.3's list syntax, as Gephi reads it: [ "a", "b" ], each item quoted and escaped.
    quoted = (
        '"' + str(item).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        for item in items
    )
    return "[" + ", ".join(quoted) + "]"


# -- GraphML ------------------------------------------------------------------------------


def _write_graphml(nodes: list[_Node], edges: list[_Edge], out: TextIO) -> None:
    out.write(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    )
    node_keys = (("label", "string"), *((n, t) for n, _, t in _NODE_ATTRS))
    node_keys += (("x", "double"), ("y", "double"), ("color", "string"))
    edge_keys = (("label", "string"), ("weight", "double"), *((n, t) for n, _, t in _EDGE_ATTRS))
    for cls, keys in (("node", node_keys), ("edge", edge_keys)):
        for name, kind in keys:
            out.write(
                f'  <key id="{cls[0]}_{name}" for="{cls}" attr.name="{name}" attr.type="{kind}"/>\n'
            )
    out.write('  <graph id="kg" edgedefault="directed">\n')
    for node in nodes:
        values = {**node.values, "label": node.label, "color": node.colour}
        values["alt_labels"] = " | ".join(node.values["alt_labels"])  # type: ignore[arg-type]
        if node.position is not None:
            values["x"], values["y"] = node.position
        out.write(f"    <node id={_attr(node.iri)}>\n")
        out.write(_graphml_values("n", values, node_keys))
        out.write("    </node>\n")
    for edge in edges:
        values = {**edge.values, "label": edge.label, "weight": edge.weight}
        directed = "" if edge.directed else ' directed="false"'
        out.write(
            f"    <edge id={_attr(edge.id)} source={_attr(edge.source)} "
            f"target={_attr(edge.target)}{directed}>\n"
        )
        out.write(_graphml_values("e", values, edge_keys))
        out.write("    </edge>\n")
    out.write("  </graph>\n</graphml>\n")


def _graphml_values(prefix: str, values: dict[str, object], keys) -> str:
    lines = []
    for name, _ in keys:
        value = values.get(name)
        if value in (None, ""):
            continue
        text = escape(_xml_text(_scalar(value)))
        lines.append(f'      <data key="{prefix}_{name}">{text}</data>\n')
    return "".join(lines)


# -- text ---------------------------------------------------------------------------------


def _scalar(value: object) -> str:
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _attr(text: str) -> str:
    return quoteattr(_xml_text(text))


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _xml_text(text: str) -> str:
    # XML 1.0 cannot hold most control characters even escaped: they are dropped (tabs and
    # line breaks are kept, and escaped in attributes by quoteattr).
    if text.isprintable():
        return text
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)
