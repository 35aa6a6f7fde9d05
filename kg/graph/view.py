"""graph.html: an interactive view of the entities and how they connect, that works offline.

The page draws the projected entity graph (kg.graph.project, with co-mentions so a graph with few
relations still shows structure): colour and shape per type with a legend, size by
PageRank (kg.graph.analytics), relation edges solid with their predicate, co-mentions dashed. A
click on a node or edge opens a panel with labels, type, relations and the evidence
sentences with their articles; the page also has search by any label, filters by type and
by relation, and a physics switch. Above `_PRECOMPUTED_MIN` nodes the layout is computed
here (kg.graph.analytics.layout) and physics starts off, so the page is usable at once.

The page is one self-contained file: pyvis's own templates fetch Bootstrap and vis-network
from CDNs, so we take only pyvis's bundled vis-network build and render
kg/graph/templates/graph.html ourselves. Every string from the graph ends up either in a JSON
block with `<`, `>` and `&` escaped, or in HTML through `html.escape`; the page's script
builds tooltips and the panel as DOM text, never parsing HTML. A Content-Security-Policy
admits only the page's own scripts (by hash), so nothing can load from the network.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import string
from collections import Counter
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from kg.errors import OutputError


class _Style(NamedTuple):
    type_name: str
    colour: str
    shape: str  # a vis-network shape that draws its label underneath, so `size` applies
    symbol: str  # the legend's stand-in for the shape


_STYLES = (
    _Style("Legislation", "#59a14f", "diamond", "\u25c6"),
    _Style("Organization", "#f28e2b", "square", "\u25a0"),
    _Style("Person", "#4e79a7", "dot", "\u25cf"),
    _Style("Place", "#b07aa1", "triangle", "\u25b2"),
)
_STYLE_BY_TYPE = {style.type_name: style for style in _STYLES}
_VIS_DIR = ("lib", "vis-9.1.2")  # inside the pyvis package
_CSP_PENDING = "'kg-csp-pending'"
_IMPROVED_LAYOUT_MAX = 150  # vis's initial clustering layout is slow beyond this many nodes
_PRECOMPUTED_MIN = 600  # from here on, lay out in Python and start with physics off
_EDGE_LABELS_MAX = 400  # more edge labels than this are unreadable clutter and slow to draw
_EVIDENCE_MAX = 8  # sentences kept per edge, quotations per node: the panel stays readable
_SIZE_MIN, _SIZE_MAX = 10.0, 45.0


def type_colours() -> dict[str, str]:
    """The colour the view draws each entity type in ("Person": "#4e79a7", ...)."""
    return {style.type_name: style.colour for style in _STYLES}


def write_html(dataset_or_store, path: Path, *, title: str = "kg") -> None:
    """Write the interactive graph view of an rdflib Dataset/Graph or a pyoxigraph Store.

    A path to an OUT directory or RDF file is read with `kg.query.sparql.load_store`.
    """
    from kg.graph.project import project

    graph = project(dataset_or_store, comentions=True, quotations=True)
    page = render_html(graph, title=title)
    try:
        Path(path).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc}") from exc


def render_html(graph, *, title: str = "kg") -> str:
    """The page for a graph from `kg.graph.project.project`.

    Entities, relations and co-mentions are drawn; quotation nodes, when projected, are
    listed in their speaker's panel rather than drawn.
    """
    return _render(_vis_data(graph), title)


# -- nodes and edges ---------------------------------------------------------------------


def _vis_data(graph) -> dict:
    from kg.graph.analytics import centrality, entity_graph, layout
    from kg.graph.project import entities

    order = sorted(
        entities(graph),
        key=lambda e: (graph.nodes[e]["type"], graph.nodes[e]["label"].casefold(), e),
    )
    ids = {entity: i for i, entity in enumerate(order)}
    scores = centrality(graph, betweenness=False)  # the page sizes nodes by PageRank
    top = max((c.pagerank for c in scores.values()), default=1.0) or 1.0
    precomputed = len(order) >= _PRECOMPUTED_MIN
    positions = layout(entity_graph(graph)) if precomputed else {}

    nodes, node_details = [], []
    for entity in order:
        data = graph.nodes[entity]
        style = _STYLE_BY_TYPE[data["type"]]
        score = scores.get(entity)
        rank = score.pagerank / top if score else 0.0
        tooltip = [data["type"], data["label"]]
        if data["alt_labels"]:
            tooltip.append("Also: " + "; ".join(data["alt_labels"]))
        n = data["articles"]
        tooltip += [f"Mentioned in {n} article{'' if n == 1 else 's'}", entity]
        node = {
            "id": ids[entity],
            "label": data["label"],
            "shape": style.shape,
            "color": style.colour,
            "group": data["type"],
            "tooltip": tooltip,
            "size": round(_SIZE_MIN + (_SIZE_MAX - _SIZE_MIN) * math.sqrt(rank), 1),
        }
        if entity in positions:
            node["x"], node["y"] = positions[entity]
        nodes.append(node)
        node_details.append(
            {
                "iri": entity,
                "type": data["type"],
                "subtype": data.get("subtype", ""),
                "labels": [data["label"], *data["alt_labels"]],
                "articles": n,
                "mentions": data["mentions"],
                "quotations": data["quotations"],
                "degree": score.degree if score else 0,
                "pagerank": round(score.pagerank, 5) if score else 0.0,
                "quotes": _quotes(graph, entity),
            }
        )

    edges: list[dict[str, Any]] = []
    edge_details: list[dict[str, Any]] = []
    edge_list = sorted(
        (e for e in graph.edges(keys=True, data=True) if e[0] in ids and e[1] in ids),
        key=lambda e: (e[3]["kind"] != "relation", ids[e[0]], ids[e[1]], e[2]),
    )
    related = {frozenset((s, o)) for s, o, _, d in edge_list if d["kind"] == "relation"}
    show_labels = len(edge_list) <= _EDGE_LABELS_MAX
    for s, o, _, data in edge_list:
        relation = data["kind"] == "relation"
        if not relation and frozenset((s, o)) in related:
            continue  # the relation edge says more; a second edge would be drawn over it
        weight = data.get("weight", 1)
        edge = {
            "id": len(edges),
            "from": ids[s],
            "to": ids[o],
            "kind": data["kind"],
            "relation": data["label"],
        }
        if relation:
            arrow = (
                f"{graph.nodes[s]['label']} \u2192 {data['label']} \u2192 {graph.nodes[o]['label']}"
            )
            edge.update(
                arrows="to",
                color={"color": "#555555"},
                width=2,
                tooltip=[arrow, data["predicate"], _support(data["articles"])],
            )
            if show_labels:
                edge["label"] = data["label"]
        else:
            edge.update(
                dashes=True,
                color={"color": "#bbbbbb"},
                width=min(1 + weight, 8),
                tooltip=[f"Mentioned together in {weight} sentence{'' if weight == 1 else 's'}"],
            )
        edges.append(edge)
        edge_details.append(
            {
                "family": data.get("family", ""),
                "predicate": data.get("predicate", ""),
                "articles": data.get("articles", 0),
                "evidence": [
                    [ev.sentence, ev.headline, ev.article_id, ev.hedged]
                    for ev in data.get("evidence", [])[:_EVIDENCE_MAX]
                ],
            }
        )

    counts = Counter(graph.nodes[e]["type"] for e in order)
    relations = Counter(e["relation"] for e in edges if e["kind"] == "relation")
    n_pairs = sum(1 for _, _, d in graph.edges(data=True) if d["kind"] == "comention")
    return {
        "nodes": nodes,
        "edges": edges,
        "details": {"nodes": node_details, "edges": edge_details},
        "legend": [(style, counts[style.type_name]) for style in _STYLES],
        "relations": sorted(relations.items()),
        "summary": (len(nodes), sum(relations.values()), n_pairs),
        "options": _options(len(nodes), precomputed),
    }


def _quotes(graph, entity: str) -> list[list[str]]:
    """[text, headline, article id] of the entity's quotations, if the layer was projected."""
    found = []
    for _, quote, data in graph.out_edges(entity, data=True):
        if data.get("kind") == "quoted":
            ev = data["evidence"][0] if data.get("evidence") else None
            found.append(
                [graph.nodes[quote]["text"], ev.headline if ev else "", ev.article_id if ev else ""]
            )
    return sorted(found)[:_EVIDENCE_MAX]


def _support(n: int) -> str:
    return f"Supported by {n} article{'' if n == 1 else 's'}" if n else "No supporting article"


def _options(n_nodes: int, precomputed: bool) -> dict:
    return {
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= _IMPROVED_LAYOUT_MAX},
        "nodes": {"font": {"size": 14}, "widthConstraint": {"maximum": 220}},
        "edges": {
            # curved edges cost a control point each: straight ones at scale
            "smooth": False if precomputed else {"type": "continuous"},
            "font": {"size": 11, "align": "middle", "strokeWidth": 3},
        },
        "physics": {
            "enabled": not precomputed,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 140},
            "stabilization": {"iterations": 300, "updateInterval": 50},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": precomputed},
    }


# -- the page ----------------------------------------------------------------------------


def _render(data: dict, title: str) -> str:
    css, js = _vis_assets()
    n_nodes, n_relations, n_pairs = data["summary"]
    summary = (
        f"{n_nodes} entities \u00b7 {n_relations} relations \u00b7 "
        f"{n_pairs} pairs mentioned in the same sentence"
    )
    legend = "\n".join(
        f'<li><label><input type="checkbox" class="kg-type" value="{html.escape(style.type_name)}"'
        f' checked> <span class="sym kg-{style.type_name}">{style.symbol}</span> '
        f"{html.escape(style.type_name)} ({count})</label></li>"
        for style, count in data["legend"]
    )
    relation_filters = "\n".join(
        f'<li><label><input type="checkbox" class="kg-rel" value="{html.escape(name, quote=True)}"'
        f" checked> {html.escape(name)} ({count})</label></li>"
        for name, count in data["relations"]
    )
    colours = "\n".join(
        f".kg-{style.type_name} {{ color: {style.colour}; }}" for style, _ in data["legend"]
    )
    payload = {key: data[key] for key in ("nodes", "edges", "details", "options")}
    page = string.Template(_template_text("graph.html")).substitute(
        title=html.escape(title),
        csp_script_hashes=_CSP_PENDING,
        vis_css=css,
        type_colours=colours,
        summary=html.escape(summary),
        legend=legend,
        relation_filters=relation_filters,
        vis_js=js,
        data=_json_for_html(payload),
    )
    # The policy names each script of the page by its hash, so none other could run. The
    # placeholder sits in <head>, before any text from the graph.
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
        for body in _inline_scripts(page)
    )
    return page.replace(_CSP_PENDING, hashes, 1)


class _ScriptCollector(HTMLParser):
    """The text of every executable inline <script> (not the JSON data block)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "script" and not any(name == "type" for name, _ in attrs):
            self._inside = True
            self.scripts.append("")

    def handle_endtag(self, tag) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data) -> None:
        if self._inside:
            self.scripts[-1] += data


def _inline_scripts(page: str) -> list[str]:
    collector = _ScriptCollector()
    collector.feed(page)
    collector.close()
    return collector.scripts


def _json_for_html(value) -> str:
    """JSON safe to place inside <script>: no `<`, `>` or `&` can end or open a tag."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _template_text(name: str) -> str:
    return resources.files("kg.graph").joinpath("templates", name).read_text(encoding="utf-8")


def _vis_assets() -> tuple[str, str]:
    """vis-network's CSS and JS as bundled in the pyvis package, ready to inline."""
    folder = resources.files("pyvis").joinpath(*_VIS_DIR)
    try:
        css = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
        js = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    except OSError as exc:
        raise OutputError(
            f"cannot find vis-network inside the pyvis package ({exc}); reinstall pyvis==0.3.2"
        ) from exc
    # The source map is a file we do not ship; the browser would try to fetch it. Split on
    # "\n" only: str.splitlines() also splits at U+2028 and other separators that sit inside
    # the minified code's string literals, and the rejoined script would not parse.
    js = "\n".join(line for line in js.split("\n") if not line.startswith("//# sourceMappingURL"))
    if "</script" in js.lower() or "</style" in css.lower():
        raise OutputError("this vis-network build cannot be inlined safely; reinstall pyvis==0.3.2")
    return css, js
