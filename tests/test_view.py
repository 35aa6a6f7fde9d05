"""kg.graph.view and kg.graph.page: graph.html from tests/data/small.trig (see the expectations
written at its top).

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

from kg.extract.names import fold
from kg.graph.view import render_html, write_html
from kg.query.sparql import PREFIXES, load_store, run_query

SMALL = Path(__file__).parent / "data" / "small.trig"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
ENTITY_CLASSES = "schema:Person schema:Organization schema:Legislation schema:Place"
ID = "https://kg.example.org/id/"
SCHEMA, KG, RDF, PROV = (PREFIXES[p] for p in ("schema", "kg", "rdf", "prov"))
VANCE = ID + "person/nora-vance-9ca4975e"
KELMOUTH = ID + "place/kelmouth-1fa1435a"
GRAPH_A = ID + "graph/article-small-a-7bf94587"
ARTICLE_A = ID + "article/small-a-5faf9a9a"
ARTICLE_B = ID + "article/small-b-11a6bae4"


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


def _block(text: str, name: str) -> dict:
    [payload] = [body for attrs, body in _parse(text).scripts if attrs.get("id") == name]
    return json.loads(payload)


def _data(text: str) -> dict:
    return _block(text, "kg-data")


def _texts(text: str) -> dict:
    return _block(text, "kg-text")


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


def _by_label(data: dict) -> dict[str, int]:
    return {label: i for i, label in enumerate(data["entities"]["label"])}


def _links(data: dict) -> list[dict]:
    links = data["links"]
    return [{key: links[key][j] for key in links} for j in range(len(links["a"]))]


def _store_with(*quads) -> ox.Store:
    store = load_store(SMALL)
    for quad in quads:
        store.add(quad)
    return store


def _quad(s, p, o, graph=GRAPH_A) -> ox.Quad:
    return ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o, ox.NamedNode(graph))


# -- one file, nothing from the network, nothing that runs but the page's own script -----


def test_no_remote_references(page):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.IGNORECASE)
    assert "//cdn" not in page.lower()
    assert "@import" not in page
    assert "sourceMappingURL" not in page
    tags = {tag for tag, _ in _parse(page).tags}
    assert not tags & {"link", "iframe", "img", "object", "embed", "base"}
    for tag, attrs in _parse(page).tags:
        assert "src" not in attrs and "href" not in attrs, tag


def test_the_page_scripts_are_vis_network_and_the_template(page):
    from kg.graph.view import page_script
    from kg.graph.vis import vis_script

    scripts = _parse(page).scripts
    code = [body for attrs, body in scripts if "type" not in attrs]
    template, vis = page_script(), vis_script()
    assert code == [vis, template] and template.endswith("\n})();\n")
    assert sorted(attrs["id"] for attrs, _ in scripts if "type" in attrs) == ["kg-data", "kg-text"]
    assert "innerHTML" not in template and "insertAdjacentHTML" not in template
    assert "eval(" not in template and "new Function" not in template
    # pyvis's own build of vis-network, its licence kept; it never parses a string as HTML
    # (a string tooltip becomes innerText) and calls no eval
    assert vis.startswith("/**\n * vis-network\n") and "@version 9.1.2" in vis
    assert "The Apache 2.0 License" in vis and "The MIT License" in vis
    for markup in ("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "document.write("):
        assert markup not in vis, markup
    assert "this.frame.innerText=t" in vis


def test_vis_network_is_given_the_options_of_a_pyvis_network(page):
    from pyvis.network import Network

    options = _data(page)["network"]
    # what pyvis's Network writes, as kg sets it: physics and stabilization off, nodes fixed
    pyvis = json.loads(Network().options.to_json())
    assert set(pyvis) <= set(options) and set(pyvis["physics"]) <= set(options["physics"])
    assert options["physics"]["enabled"] is False
    assert options["physics"]["stabilization"]["enabled"] is False
    assert options["interaction"]["dragNodes"] is False
    assert options["edges"]["color"] == {"inherit": False}
    assert options["edges"]["smooth"]["enabled"] is False
    assert options["interaction"]["hover"] is True and options["layout"]["improvedLayout"] is False


def test_hostile_labels_appear_only_escaped(page):
    assert SCRIPT not in page
    assert IMG not in page
    assert "<img" not in page.lower()
    from kg.graph.vis import vis_script

    rest = page.replace(vis_script(), "")  # vis-network's code holds a "<script>" string
    assert rest.count("<script") == rest.count("</script>") == 4
    allowed = {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "span", "div",
        "input", "ul", "label", "nav", "main", "canvas", "p", "aside", "button", "noscript",
        "script",
    }  # fmt: skip
    page_tags = _parse(page).tags
    assert {tag for tag, _ in page_tags} <= allowed
    assert not [attr for _, attrs in page_tags for attr in attrs if attr.startswith("on")]
    assert "News &lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_content_security_policy_admits_exactly_the_page_scripts_and_style(page):
    parsed = _parse(page)
    [policy] = [
        attrs["content"]
        for tag, attrs in parsed.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert set(directives) == {"default-src", "script-src", "style-src"}
    assert directives["default-src"] == "'none'" and "unsafe" not in policy

    def hashes(bodies) -> set[str]:
        return {base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() for b in bodies}

    code = [body for attrs, body in parsed.scripts if "type" not in attrs]
    assert len(code) == 2  # vis-network and the page's own
    assert set(re.findall(r"'sha256-([^']+)'", directives["script-src"])) == hashes(code)
    [style] = re.findall(r"<style>(.*?)</style>", page, re.DOTALL)
    assert set(re.findall(r"'sha256-([^']+)'", directives["style-src"])) == hashes([style])


# -- the entities --------------------------------------------------------------------------


def test_escaped_labels_decode_back_exactly(page, store):
    data = _data(page)["entities"]
    assert set(data["label"]) == set(_entities(store).values())
    assert SCRIPT in data["label"] and 'Dara "Quill" O\'Neill' in data["label"]
    alts = {alt for row in data["alts"] for alt in row}
    assert IMG in alts and 'D. "Quill"\nO\'Neill' in alts


def test_one_row_per_entity_most_central_first(page, store):
    data = _data(page)
    rows = data["entities"]
    assert len(rows["label"]) == len(_entities(store)) == 7
    assert {data["base"] + key for key in rows["key"]} == set(_entities(store))
    assert rows["size"] == sorted(rows["size"], reverse=True) and rows["size"][0] == 1.0
    # Vance shares a sentence or a relation with 4 entities, Kelmouth with 2
    labels = _by_label(data)
    assert labels["Nora Vance"] < labels["Kelmouth"]
    assert [data["types"][t]["name"] for t in rows["type"]].count("Person") == 2
    assert {t["name"]: t["count"] for t in data["types"]} == {
        "Legislation": 2, "Organization": 2, "Person": 2, "Place": 1,
    }  # fmt: skip


def test_names_are_folded_as_the_cli_folds_them(page):
    rows = _data(page)["entities"]
    for label, alts, folded in zip(rows["label"], rows["alts"], rows["folded"], strict=True):
        assert folded == sorted({fold(name) for name in [label, *alts]})
    assert "ms vance" in rows["folded"][_by_label(_data(page))["Nora Vance"]]


def test_articles_and_posts_of_an_entity(page):
    data, texts = _data(page), _texts(page)
    vance = _by_label(data)["Nora Vance"]
    titles = [texts["articles"][a][1] for a in data["entities"]["articles"][vance]]
    assert sorted(titles) == [
        "Council opposes tidal act",
        'Protest at "<script>alert(1)</script>" HQ',
    ]
    assert data["posts"][str(vance)] == [["Councillor", 1]]
    # small_a has a date, small_b none
    dates = {texts["articles"][a][0]: data["dates"][a] for a in range(len(data["dates"]))}
    assert dates == {"small_a": "2021-01-28", "small_b": ""}


def test_communities_colour_and_name(page):
    data = _data(page)
    groups = data["communities"]
    assert groups and all(re.fullmatch(r"#[0-9a-f]{6}", g["colour"]) for g in groups)
    labels = data["entities"]["label"]
    members = [
        labels[i] for i, c in enumerate(data["entities"]["community"]) if c == 0
    ]  # the largest community is named after its most central members
    assert groups[0]["name"].split(", ")[0] in members
    assert groups[0]["size"] == len(members)


# -- the links -------------------------------------------------------------------------------


def _relations(store) -> set[tuple[str, str, str]]:
    result = run_query(
        store,
        f"""
        SELECT DISTINCT ?s ?p ?o WHERE {{
            VALUES ?c1 {{ {ENTITY_CLASSES} }} VALUES ?c2 {{ {ENTITY_CLASSES} }}
            ?s a ?c1 . ?o a ?c2 . ?s ?p ?o FILTER (?p NOT IN (rdf:type, owl:sameAs)) }}""",
    )
    return {(str(s), str(p), str(o)) for s, p, o in result.rows}


def test_relation_links_are_the_graphs_relations_in_plain_words(page, store):
    data = _data(page)
    iri = [data["base"] + key for key in data["entities"]["key"]]
    predicates = data["predicates"]
    found = {
        (iri[link["a"]], predicates[link["p"]]["iri"], iri[link["b"]])
        for link in _links(data)
        if link["p"] >= 0
    }
    assert found == _relations(store)
    assert len([link for link in _links(data) if link["p"] >= 0]) == len(found)
    words = {p["short"]: p["words"] for p in predicates}
    assert words == {"org:memberOf": "member of", "kg:opposes": "opposes"}


def test_comention_links_weighted_by_sentences(page):
    data = _data(page)
    labels = data["entities"]["label"]
    pairs = {
        frozenset((labels[link["a"]], labels[link["b"]])): link
        for link in _links(data)
        if link["p"] == -1
    }
    both = pairs[frozenset(("Nora Vance", "Kelmouth"))]
    assert (both["weight"], both["n"]) == (2, 2)
    once = pairs[frozenset((SCRIPT, "Kelmouth"))]
    assert (once["weight"], once["n"]) == (1, 1)


def test_evidence_is_the_sentence_with_its_article(page):
    data, texts = _data(page), _texts(page)
    labels = data["entities"]["label"]
    [j] = [
        j
        for j, link in enumerate(_links(data))
        if link["p"] >= 0 and labels[link["a"]] == "Nora Vance"
    ]
    [[sentence, article, hedged]] = texts["evidence"][j]
    assert texts["sentences"][sentence] == (
        "Councillor Nora Vance of Brightwater Council said the council opposes the Tidal "
        "Energy Act 2019."
    )
    assert texts["articles"][article] == ["small_a", "Council opposes tidal act", ""]
    assert hedged == 0 and data["links"]["flags"][j] == 0
    # a co-mention carries the sentences it stands for
    kelmouth = next(
        j
        for j, link in enumerate(_links(data))
        if link["p"] == -1 and {labels[link["a"]], labels[link["b"]]} == {"Nora Vance", "Kelmouth"}
    )
    assert [texts["sentences"][ev[0]] for ev in texts["evidence"][kelmouth]] == [
        "Ms Vance spoke in Kelmouth.",
        "<img src=x onerror=alert(1)> and Nora Vance met in Kelmouth.",
    ]


def test_hostile_evidence_and_headlines_stay_data(page):
    titles = {row[1] for row in _texts(page)["articles"]}
    assert 'Protest at "<script>alert(1)</script>" HQ' in titles
    # in the page itself, only escaped
    assert 'Protest at \\"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\" HQ' in page


def test_an_article_url_reaches_the_page_only_when_it_is_http(tmp_path):
    store = _store_with(
        _quad(ARTICLE_A, SCHEMA + "url", ox.Literal("https://news.example.org/a?x=1&y=<2>")),
        _quad(ARTICLE_B, SCHEMA + "url", ox.Literal("javascript:alert(1)"), ID + "graph/b"),
        _quad(ARTICLE_B, SCHEMA + "datePublished", ox.Literal("2005-13-45"), ID + "graph/b"),
    )
    write_html(store, tmp_path / "graph.html")
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    rows = {row[0]: row for row in _texts(page)["articles"]}
    assert rows["small_a"][2] == "https://news.example.org/a?x=1&y=<2>"
    assert rows["small_b"][2] == ""
    from kg.graph.vis import vis_script

    assert "javascript:" not in page.replace(vis_script(), "")  # vis-network's code has one
    assert "\\u0026y=\\u003c2\\u003e" in page
    assert sorted(_data(page)["dates"]) == ["", "2021-01-28"]  # 2005-13-45 is no date


def test_a_denied_relation_is_drawn_and_says_so(tmp_path):
    statement = ID + "statement/denied"
    brightwater = ID + "organization/brightwater-council-813c80ce"
    sentence = ID + "sentence/small-a-97-124-0c11f3f6"
    store = _store_with(
        _quad(statement, RDF + "type", ox.NamedNode(RDF + "Statement")),
        _quad(statement, RDF + "subject", ox.NamedNode(VANCE)),
        _quad(statement, RDF + "predicate", ox.NamedNode(KG + "criticised")),
        _quad(statement, RDF + "object", ox.NamedNode(brightwater)),
        _quad(statement, KG + "negated", ox.Literal("true", datatype=ox.NamedNode(
            "http://www.w3.org/2001/XMLSchema#boolean"))),
        _quad(statement, KG + "evidence", ox.NamedNode(sentence)),
        _quad(statement, PROV + "wasDerivedFrom", ox.NamedNode(ARTICLE_A)),
    )  # fmt: skip
    write_html(store, tmp_path / "graph.html")
    data = _data((tmp_path / "graph.html").read_text(encoding="utf-8"))
    [denied] = [link for link in _links(data) if link["flags"] & 2]
    assert data["predicates"][denied["p"]]["words"] == "criticised"
    assert data["entities"]["label"][denied["a"]] == "Nora Vance"
    assert data["summary"]["denied"] == 1 and data["summary"]["relations"] == 3


# -- the same page from every source --------------------------------------------------------


def test_rdflib_dataset_and_store_give_the_same_page(page, tmp_path):
    dataset = Dataset()
    dataset.parse(SMALL, format="trig")
    write_html(dataset, tmp_path / "a.html", title=f"News {SCRIPT}")
    write_html(SMALL, tmp_path / "b.html", title=f"News {SCRIPT}")
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == page
    assert (tmp_path / "b.html").read_text(encoding="utf-8") == page


def test_a_union_turtle_file_gives_the_same_page(page, store, tmp_path):
    union = store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in union]
    ox.serialize(triples, tmp_path / "graph.ttl", format=ox.RdfFormat.TURTLE)
    write_html(tmp_path / "graph.ttl", tmp_path / "graph.html", title=f"News {SCRIPT}")
    assert (tmp_path / "graph.html").read_text(encoding="utf-8") == page


def test_summary_counts(page):
    header = page[page.index("<header>") : page.index("</header>")]
    assert "7 entities \u00b7 3 relations \u00b7 9 pairs named in the same sentence" in header
    assert "2 articles" in header


def test_an_empty_graph_gives_a_page():
    page = render_html(nx.MultiDiGraph())
    data = _data(page)
    assert data["entities"]["label"] == [] and data["links"]["a"] == []
    assert "0 entities \u00b7 0 relations" in page
