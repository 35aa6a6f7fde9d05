"""kg.graph.view: graph.html from tests/data/small.trig (see the expectations written at its top).

These read the page as text and its JSON; tests/test_browser.py runs it in Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.graph.view import write_html
from kg.query.sparql import PREFIXES, load_store, run_query

SMALL = Path(__file__).parent / "data" / "small.trig"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
ENTITY_CLASSES = "schema:Person schema:Organization schema:Legislation schema:Place"


class _Page(HTMLParser):
    """Start tags, their attributes, and the text of each <script>, as a browser parses them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_endtag(self, tag) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data) -> None:
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


def _parse(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


def _data(text: str) -> dict:
    [payload] = [body for attrs, body in _parse(text).scripts if attrs.get("id") == "kg-data"]
    return json.loads(payload)


@pytest.fixture(scope="module")
def store():
    return load_store(SMALL)


@pytest.fixture(scope="module")
def page(store, tmp_path_factory):
    path = tmp_path_factory.mktemp("view") / "graph.html"
    write_html(store, path, title=f"News {SCRIPT}")
    return path.read_text(encoding="utf-8")


def _entities(store) -> dict[str, str]:
    result = run_query(
        store,
        f"""
        SELECT DISTINCT ?e ?l WHERE {{
            VALUES ?class {{ {ENTITY_CLASSES} }} ?e a ?class ; skos:prefLabel ?l }}""",
    )
    return {str(e): str(label) for e, label in result.rows}


def test_no_remote_references(page):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.IGNORECASE)
    assert "//cdn" not in page.lower()
    assert "@import" not in page
    assert "sourceMappingURL" not in page
    tags = {tag for tag, _ in _parse(page).tags}
    assert not tags & {"link", "iframe", "img", "object", "embed", "base"}
    for tag, attrs in _parse(page).tags:
        assert "src" not in attrs and "href" not in attrs, tag


def test_vis_network_is_inlined(page):
    scripts = _parse(page).scripts
    assert any("@version 9.1.2" in body and "Network" in body for _, body in scripts)
    assert "vis-network" in page and "div.vis-tooltip" in page  # its stylesheet too


def test_hostile_labels_appear_only_escaped(page):
    assert SCRIPT not in page
    assert IMG not in page
    assert "<img" not in page.lower()
    assert page.count("<script") == page.count("</script>") + 1  # +1: inside vis-network's code
    # every element in the page is one the template writes; none has an event handler
    allowed = {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "p",
        "ul",
        "li",
        "span",
        "div",
        "noscript",
        "script",
        # the search box, the filters and the panel
        "input",
        "label",
        "datalist",
        "main",
        "aside",
        "button",
    }
    page_tags = _parse(page).tags
    assert {tag for tag, _ in page_tags} <= allowed
    assert not [attr for _, attrs in page_tags for attr in attrs if attr.startswith("on")]
    assert "News &lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_escaped_labels_decode_back_exactly(page, store):
    labels = {node["label"] for node in _data(page)["nodes"]}
    assert labels == set(_entities(store).values())
    assert SCRIPT in labels and 'Dara "Quill" O\'Neill' in labels
    tips = [line for node in _data(page)["nodes"] for line in node["tooltip"]]
    assert f"Also: {IMG}" in tips
    assert 'Also: D. "Quill"\nO\'Neill' in tips


def test_one_node_per_entity(page, store):
    nodes = _data(page)["nodes"]
    assert len(nodes) == len(_entities(store))
    assert len({node["id"] for node in nodes}) == len(nodes)


def test_tooltips_are_text_not_html(page):
    data = _data(page)
    # vis-network renders a string `title` as HTML in some versions: the page builds
    # each title as DOM text from `tooltip`, so the data carries no `title` at all.
    assert all("title" not in item for item in data["nodes"] + data["edges"])
    [app] = [body for attrs, body in _parse(page).scripts if not attrs and "kg-data" in body]
    assert "textContent" in app and "innerHTML" not in app


def test_node_tooltip_lists_type_labels_and_articles(page):
    by_label = {node["label"]: node for node in _data(page)["nodes"]}
    vance = by_label["Nora Vance"]["tooltip"]
    assert vance[0] == "Person"
    assert "Also: Ms Vance" in vance
    assert "Mentioned in 2 articles" in vance
    assert "Mentioned in 1 article" in by_label["Brightwater Council"]["tooltip"]


def test_shape_and_colour_follow_type_and_size_follows_centrality(page):
    nodes = _data(page)["nodes"]
    by_label = {node["label"]: node for node in nodes}
    for node in nodes:
        same_type = [n for n in nodes if n["group"] == node["group"]]
        assert {(n["shape"], n["color"]) for n in same_type} == {(node["shape"], node["color"])}
    assert len({(n["shape"], n["color"]) for n in nodes}) == 4
    # Vance shares a sentence or a relation with 4 entities, Kelmouth with 2: higher PageRank
    assert by_label["Nora Vance"]["size"] > by_label["Kelmouth"]["size"]


def _relations(store) -> set[tuple[str, str, str]]:
    result = run_query(
        store,
        f"""
        SELECT DISTINCT ?s ?p ?o WHERE {{
            VALUES ?c1 {{ {ENTITY_CLASSES} }} VALUES ?c2 {{ {ENTITY_CLASSES} }}
            ?s a ?c1 . ?o a ?c2 . ?s ?p ?o FILTER (?p NOT IN (rdf:type, owl:sameAs)) }}""",
    )
    return {(str(s), str(p), str(o)) for s, p, o in result.rows}


def test_relation_edges(page, store):
    data = _data(page)
    iri_of = {node["id"]: node["tooltip"][-1] for node in data["nodes"]}
    edges = {
        (iri_of[e["from"]], e["tooltip"][1], iri_of[e["to"]])
        for e in data["edges"]
        if e["kind"] == "relation"
    }
    assert edges == _relations(store)
    assert len([e for e in data["edges"] if e["kind"] == "relation"]) == len(edges)
    labels = {e["label"] for e in data["edges"] if e["kind"] == "relation"}
    assert "org:memberOf" in labels


def test_comention_edges_weighted_by_sentences(page):
    data = _data(page)
    label_of = {node["id"]: node["label"] for node in data["nodes"]}
    pairs = {
        frozenset((label_of[e["from"]], label_of[e["to"]])): e
        for e in data["edges"]
        if e["kind"] == "comention"
    }
    both = pairs[frozenset(("Nora Vance", "Kelmouth"))]
    assert both["tooltip"] == ["Mentioned together in 2 sentences"]
    once = pairs[frozenset((SCRIPT, "Kelmouth"))]
    assert once["tooltip"] == ["Mentioned together in 1 sentence"]
    assert both["width"] > once["width"]
    # a pair that also has a relation is drawn once, as the relation
    related = {frozenset((e["from"], e["to"])) for e in data["edges"] if e["kind"] == "relation"}
    comention = {frozenset((e["from"], e["to"])) for e in data["edges"] if e["kind"] == "comention"}
    assert related and not related & comention
    member = {"Nora Vance", "Brightwater Council"}
    relation = next(
        e
        for e in data["edges"]
        if e["kind"] == "relation" and {label_of[e["from"]], label_of[e["to"]]} == member
    )
    assert "Supported by 1 article" in relation["tooltip"]


def test_a_graph_without_relations_still_has_edges(tmp_path):
    store = load_store(SMALL)
    for predicate in (PREFIXES["org"] + "memberOf", PREFIXES["kg"] + "opposes"):
        for quad in list(store.quads_for_pattern(None, ox.NamedNode(predicate), None, None)):
            store.remove(quad)
    write_html(store, tmp_path / "graph.html")
    edges = _data((tmp_path / "graph.html").read_text(encoding="utf-8"))["edges"]
    assert edges and all(e["kind"] == "comention" for e in edges)


def test_rdflib_dataset_and_store_give_the_same_page(page, tmp_path):
    dataset = Dataset()
    dataset.parse(SMALL, format="trig")
    write_html(dataset, tmp_path / "a.html", title=f"News {SCRIPT}")
    write_html(SMALL, tmp_path / "b.html", title=f"News {SCRIPT}")
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == page
    assert (tmp_path / "b.html").read_text(encoding="utf-8") == page


def test_content_security_policy_admits_exactly_the_page_scripts(page):
    parsed = _parse(page)
    [policy] = [
        attrs["content"]
        for tag, attrs in parsed.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    allowed = set(re.findall(r"'sha256-([^']+)'", policy))
    code = [body for attrs, body in parsed.scripts if "type" not in attrs]
    assert len(code) == 2
    assert allowed == {
        base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() for body in code
    }
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("style-src")[0]


def test_legend_lists_each_type_with_its_count(page):
    header = page[page.index("<header>") : page.index("</header>")]
    for entry in ("Person (2)", "Organization (2)", "Legislation (2)", "Place (1)"):
        assert entry in header


def test_a_union_turtle_file_gives_the_same_page(page, store, tmp_path):
    union = store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in union]
    ox.serialize(triples, tmp_path / "graph.ttl", format=ox.RdfFormat.TURTLE)
    write_html(tmp_path / "graph.ttl", tmp_path / "graph.html", title=f"News {SCRIPT}")
    assert (tmp_path / "graph.html").read_text(encoding="utf-8") == page


def _details(data: dict, label: str) -> tuple[dict, list[tuple[dict, dict]]]:
    """The panel data of the node labelled `label`, and (edge, edge details) touching it."""
    [node] = [n for n in data["nodes"] if n["label"] == label]
    edges = [
        (edge, data["details"]["edges"][edge["id"]])
        for edge in data["edges"]
        if node["id"] in (edge["from"], edge["to"])
    ]
    return data["details"]["nodes"][node["id"]], edges


def test_panel_data_has_labels_type_and_evidence_with_articles(page):
    data = _data(page)
    info, edges = _details(data, "Nora Vance")
    assert info["type"] == "Person" and info["labels"] == ["Nora Vance", "Ms Vance"]
    assert info["articles"] == 2 and info["mentions"] == 3
    [(member, detail)] = [(e, d) for e, d in edges if e["relation"] == "org:memberOf"]
    assert detail["articles"] == 1
    assert detail["evidence"] == [
        [
            "Councillor Nora Vance of Brightwater Council said the council opposes the Tidal "
            "Energy Act 2019.",
            "Council opposes tidal act",
            "small_a",
            False,
        ]
    ]
    # a co-mention edge carries the sentences it stands for
    label_of = {node["id"]: node["label"] for node in data["nodes"]}
    [kelmouth] = [d for e, d in edges if "Kelmouth" in (label_of[e["from"]], label_of[e["to"]])]
    assert [ev[0] for ev in kelmouth["evidence"]] == [
        "Ms Vance spoke in Kelmouth.",
        "<img src=x onerror=alert(1)> and Nora Vance met in Kelmouth.",
    ]


def test_hostile_evidence_and_headlines_stay_data(page):
    data = _data(page)
    _, edges = _details(data, 'Dara "Quill" O\'Neill')
    headlines = {ev[1] for _, d in edges for ev in d["evidence"]}
    assert 'Protest at "<script>alert(1)</script>" HQ' in headlines
    # in the page itself, only escaped
    assert 'Protest at \\"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\" HQ' in page


def test_filters_list_each_relation_with_its_count(page):
    header = page[page.index("<header>") : page.index("</header>")]
    boxes = {
        attrs["value"]: attrs
        for tag, attrs in _parse(header).tags
        if tag == "input" and attrs.get("class") == "kg-rel"
    }
    assert set(boxes) == {"kg:opposes", "org:memberOf"}
    assert "kg:opposes (2)" in header and "org:memberOf (1)" in header
    types = {
        attrs["value"] for tag, attrs in _parse(header).tags if attrs.get("class") == "kg-type"
    }
    assert types == {"Person", "Organization", "Legislation", "Place"}


def test_small_graph_is_laid_out_in_the_browser(page):
    data = _data(page)
    assert data["options"]["physics"]["enabled"] is True
    assert not any("x" in node for node in data["nodes"])


def test_large_graph_comes_with_a_layout_and_physics_off():
    from kg.graph.project import Evidence
    from kg.graph.view import _PRECOMPUTED_MIN, render_html

    graph = nx.MultiDiGraph()
    n = _PRECOMPUTED_MIN
    for i in range(n):
        graph.add_node(
            f"urn:e{i}", kind="entity", type="Person", subtype="", label=f"P{i}",
            alt_labels=[], articles=1, mentions=1, quotations=0,
        )  # fmt: skip
    for i in range(1, n):
        graph.add_edge(
            f"urn:e{i}", f"urn:e{i // 2}", key="urn:p", kind="relation", predicate="urn:p",
            label="p", family="other", articles=1, evidence=[Evidence("s", "a", "")],
        )  # fmt: skip
    data = _data(render_html(graph))
    assert data["options"]["physics"]["enabled"] is False
    positions = {(node["x"], node["y"]) for node in data["nodes"]}
    assert len(positions) == n  # every node placed, none on top of another
    # a parent is drawn nearer its children than a random pair is, on average
    xy = {node["label"]: (node["x"], node["y"]) for node in data["nodes"]}

    def dist(a, b):
        return ((xy[a][0] - xy[b][0]) ** 2 + (xy[a][1] - xy[b][1]) ** 2) ** 0.5

    linked = sum(dist(f"P{i}", f"P{i // 2}") for i in range(1, n)) / (n - 1)
    apart = sum(dist(f"P{i}", f"P{(i * 7919) % n}") for i in range(1, n)) / (n - 1)
    assert linked < apart / 3


def test_an_empty_graph_gives_a_page():
    from kg.graph.view import render_html

    page = render_html(nx.MultiDiGraph())
    data = _data(page)
    assert data["nodes"] == [] and data["edges"] == []
    assert "0 entities \u00b7 0 relations" in page
