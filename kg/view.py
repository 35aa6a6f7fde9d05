"""graph.html: an interactive view of the entities and how they connect, that works offline.

One node per entity (Person, Organization, Legislation, Place), sized by its number of
neighbours. Two kinds of edge: relations (any triple from one entity to another except
rdf:type and owl:sameAs) and co-mentions (two entities named in the same sentence, weighted
by how many sentences), so a graph with no relations extracted yet still shows structure.

The page is one self-contained file. pyvis's own templates fetch Bootstrap and vis-network
from CDNs, so we use pyvis for its bundled vis-network build and its node/edge records, and
render kg/templates/graph.html ourselves. Every string from the graph ends up either in a
JSON block with `<`, `>` and `&` escaped, or in HTML through `html.escape`; tooltips are built
as DOM text in the page, never parsed as HTML. A Content-Security-Policy admits only the
page's own scripts (by hash), so nothing can load from the network.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import string
from collections import Counter, defaultdict
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import NamedTuple

from kg.errors import OutputError

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
_PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
_ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
_NAME = "https://schema.org/name"
_MENTIONS = "https://schema.org/mentions"
_TA_IDENT_REF = "http://www.w3.org/2005/11/its/rdf#taIdentRef"
_NIF_SENTENCE = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#sentence"
_NOT_RELATIONS = {_RDF_TYPE, _OWL_SAME_AS}


class _Style(NamedTuple):
    type_name: str
    class_iri: str
    colour: str
    shape: str  # a vis-network shape that draws its label underneath, so `size` applies
    symbol: str  # the legend's stand-in for the shape


# In priority order: an entity typed twice is shown as the first type that matches.
_STYLES = (
    _Style("Legislation", "https://schema.org/Legislation", "#59a14f", "diamond", "\u25c6"),
    _Style("Organization", "https://schema.org/Organization", "#f28e2b", "square", "\u25a0"),
    _Style("Person", "https://schema.org/Person", "#4e79a7", "dot", "\u25cf"),
    _Style("Place", "https://schema.org/Place", "#b07aa1", "triangle", "\u25b2"),
)
_STYLE_BY_TYPE = {style.type_name: style for style in _STYLES}
_VIS_DIR = ("lib", "vis-9.1.2")  # inside the pyvis package
_CSP_PENDING = "'kg-csp-pending'"
_IMPROVED_LAYOUT_MAX = 150  # vis's initial clustering layout is slow beyond this many nodes


class _Lit(NamedTuple):
    value: str
    language: str | None


def write_html(dataset_or_store, path: Path, *, title: str = "kg") -> None:
    """Write the interactive graph view of an rdflib Dataset/Graph or a pyoxigraph Store.

    A path to an OUT directory or RDF file is read with `kg.query.load_store`.
    """
    reader = _reader(dataset_or_store)
    data = _vis_data(reader)
    page = _render(data, title)
    try:
        Path(path).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc}") from exc


# -- reading the graph -------------------------------------------------------------------
# Both backends are read through one `match(s, p, o)` that yields plain values: IRIs as
# str, blank nodes as "_:id" (no IRI starts so), literals as _Lit.


class _OxigraphReader:
    def __init__(self, store) -> None:
        import pyoxigraph as ox

        self._ox = ox
        self._store = store

    def _term(self, key: str | None):
        if key is None:
            return None
        if key.startswith("_:"):
            return self._ox.BlankNode(key[2:])
        return self._ox.NamedNode(key)

    def match(self, s: str | None, p: str | None, o: str | None) -> Iterator[tuple]:
        ox = self._ox
        for quad in self._store.quads_for_pattern(self._term(s), self._term(p), self._term(o)):
            subject, obj = quad.subject, quad.object
            if isinstance(subject, ox.Triple) or isinstance(obj, ox.Triple):
                continue  # a quoted triple is neither an entity nor a label
            if isinstance(obj, ox.Literal):
                value = _Lit(obj.value, obj.language)
            else:
                value = f"_:{obj.value}" if isinstance(obj, ox.BlankNode) else obj.value
            key = f"_:{subject.value}" if isinstance(subject, ox.BlankNode) else subject.value
            yield key, quad.predicate.value, value


class _RdflibReader:
    def __init__(self, graph) -> None:
        self._graph = graph

    @staticmethod
    def _term(key: str | None):
        from rdflib import BNode, URIRef

        if key is None:
            return None
        return BNode(key[2:]) if key.startswith("_:") else URIRef(key)

    def match(self, s: str | None, p: str | None, o: str | None) -> Iterator[tuple]:
        from rdflib import BNode, Literal

        pattern = (self._term(s), self._term(p), self._term(o))
        # A Dataset's triples() reads only its default graph; quads() reads every graph.
        if hasattr(self._graph, "quads"):
            found = (quad[:3] for quad in self._graph.quads((*pattern, None)))
        else:
            found = self._graph.triples(pattern)
        for subject, predicate, obj in found:
            if isinstance(obj, Literal):
                value = _Lit(str(obj), obj.language)
            elif isinstance(obj, BNode):
                value = f"_:{obj}"
            else:
                value = str(obj)
            key = f"_:{subject}" if isinstance(subject, BNode) else str(subject)
            yield key, str(predicate), value


def _reader(source):
    if isinstance(source, str | Path):
        from kg.query import load_store

        source = load_store(Path(source))
    if hasattr(source, "quads_for_pattern"):
        return _OxigraphReader(source)
    if hasattr(source, "triples"):
        return _RdflibReader(source)
    raise TypeError(
        f"write_html needs an rdflib Dataset/Graph or a pyoxigraph Store, not {type(source)}"
    )


# -- nodes and edges ---------------------------------------------------------------------


def _vis_data(reader) -> dict:
    from pyvis.edge import Edge
    from pyvis.node import Node

    types = _entity_types(reader)
    pref, alts = _labels(reader, types)
    articles: dict[str, set[str]] = defaultdict(set)
    for article, _, entity in reader.match(None, _MENTIONS, None):
        if entity in types:
            articles[entity].add(article)
    relations = _relations(reader, types)
    comentions = _comentions(reader, types)

    neighbours: dict[str, set[str]] = defaultdict(set)
    for a, b in [(s, o) for s, _, o in relations] + list(comentions):
        neighbours[a].add(b)
        neighbours[b].add(a)

    order = sorted(types, key=lambda e: (types[e], pref[e].casefold(), e))
    ids = {entity: i for i, entity in enumerate(order)}
    nodes = []
    for entity in order:
        style = _STYLE_BY_TYPE[types[entity]]
        n_articles = len(articles[entity])
        tooltip = [style.type_name, pref[entity]]
        if alts[entity]:
            tooltip.append("Also: " + "; ".join(alts[entity]))
        tooltip += [f"Mentioned in {n_articles} article{'' if n_articles == 1 else 's'}", entity]
        node = Node(
            ids[entity],
            style.shape,
            pref[entity],
            color=style.colour,
            size=round(10 + 5 * math.sqrt(len(neighbours[entity])), 1),
            group=style.type_name,
            tooltip=tooltip,
        )
        nodes.append(node.options)

    edges = []
    for s, p, o in sorted(relations):
        short = _short(p)
        edge = Edge(
            ids[s],
            ids[o],
            directed=True,
            label=short,
            kind="relation",
            tooltip=[f"{pref[s]} \u2192 {short} \u2192 {pref[o]}", p]
            + _together(comentions[tuple(sorted((s, o)))]),
            color={"color": "#555555"},
            width=2,
        )
        edges.append(edge.options)
    related = {frozenset((s, o)) for s, _, o in relations}
    for (a, b), weight in sorted(comentions.items()):
        if frozenset((a, b)) in related:
            continue  # the relation edge says more; a second edge would be drawn over it
        edge = Edge(
            ids[a],
            ids[b],
            kind="comention",
            dashes=True,
            color={"color": "#bbbbbb"},
            width=min(1 + weight, 8),
            tooltip=_together(weight),
        )
        edges.append(edge.options)

    counts = Counter(types.values())
    return {
        "nodes": nodes,
        "edges": edges,
        "legend": [(style, counts[style.type_name]) for style in _STYLES],
        "summary": (len(nodes), len(relations), len(comentions)),
        "options": _options(len(nodes)),
    }


def _together(weight: int) -> list[str]:
    if not weight:
        return []
    return [f"Mentioned together in {weight} sentence{'' if weight == 1 else 's'}"]


def _entity_types(reader) -> dict[str, str]:
    types: dict[str, str] = {}
    for style in _STYLES:
        for subject, _, _ in reader.match(None, _RDF_TYPE, style.class_iri):
            types.setdefault(subject, style.type_name)
    return types


def _labels(reader, types) -> tuple[dict[str, str], dict[str, list[str]]]:
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for predicate in (_PREF_LABEL, _NAME, _ALT_LABEL):
        for subject, _, obj in reader.match(None, predicate, None):
            if subject in types and isinstance(obj, _Lit):
                found[subject][predicate].add(obj.value)
    pref: dict[str, str] = {}
    alts: dict[str, list[str]] = {}
    for entity in types:
        # sorted so a graph that breaks the one-prefLabel rule still gives a stable page
        labels = sorted(found[entity][_PREF_LABEL]) or sorted(found[entity][_NAME])
        pref[entity] = labels[0] if labels else _local_name(entity)
        alts[entity] = sorted(found[entity][_ALT_LABEL] - {pref[entity]})
    return pref, alts


def _relations(reader, types) -> set[tuple[str, str, str]]:
    relations = set()
    for entity in types:
        for s, p, o in reader.match(entity, None, None):
            if p not in _NOT_RELATIONS and isinstance(o, str) and o in types:
                relations.add((s, p, o))
    return relations


def _comentions(reader, types) -> Counter:
    """(a, b) with a < b -> number of sentences that mention both."""
    entities_of: dict[str, set[str]] = defaultdict(set)
    for mention, _, entity in reader.match(None, _TA_IDENT_REF, None):
        if entity in types:
            entities_of[mention].add(entity)
    in_sentence: dict[str, set[str]] = defaultdict(set)
    for mention, _, sentence in reader.match(None, _NIF_SENTENCE, None):
        in_sentence[sentence] |= entities_of.get(mention, set())
    pairs: Counter = Counter()
    for entities in in_sentence.values():
        pairs.update(combinations(sorted(entities), 2))
    return pairs


def _short(iri: str) -> str:
    from kg.query import PREFIXES

    for name, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{name}:{iri[len(namespace) :]}"
    return _local_name(iri)


def _local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or iri


def _options(n_nodes: int) -> dict:
    return {
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= _IMPROVED_LAYOUT_MAX},
        "nodes": {"font": {"size": 14}, "widthConstraint": {"maximum": 220}},
        "edges": {
            "smooth": {"type": "continuous"},
            "font": {"size": 11, "align": "middle", "strokeWidth": 3},
        },
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 140},
            "stabilization": {"iterations": 400},
        },
        "interaction": {"hover": True, "tooltipDelay": 120},
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
        f'<li><span class="sym kg-{style.type_name}">{style.symbol}</span> '
        f"{html.escape(style.type_name)} ({count})</li>"
        for style, count in data["legend"]
    )
    colours = "\n".join(
        f".kg-{style.type_name} {{ color: {style.colour}; }}" for style, _ in data["legend"]
    )
    payload = {"nodes": data["nodes"], "edges": data["edges"], "options": data["options"]}
    page = string.Template(_template_text("graph.html")).substitute(
        title=html.escape(title),
        csp_script_hashes=_CSP_PENDING,
        vis_css=css,
        type_colours=colours,
        summary=html.escape(summary),
        legend=legend,
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
    return resources.files("kg").joinpath("templates", name).read_text(encoding="utf-8")


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
    # The source map is a file we do not ship; the browser would try to fetch it.
    js = "\n".join(line for line in js.splitlines() if not line.startswith("//# sourceMappingURL"))
    if "</script" in js.lower() or "</style" in css.lower():
        raise OutputError("this vis-network build cannot be inlined safely; reinstall pyvis==0.3.2")
    return css, js
