"""graph.html in a real browser: Debian's Chromium (/usr/bin/chromium) driven by Playwright.

Never a downloaded browser: Playwright is pointed at the system binary. The pages are graphs
kg built from real articles (the seeds, a few dated articles written here, and a hostile
one), and the hand-made tests/data/small.trig. The full BBC corpus is in
tests/test_browser_corpus.py.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from support.chromium import CHROMIUM, launch
from support.page import Opened

from kg.extract.names import fold
from kg.graph.view import render_html, write_html
from kg.graph.vis import vis_script
from kg.query.sparql import PREFIXES, load_store

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "data" / "small.trig"
SCHEMA, SKOS, RDF = PREFIXES["schema"], PREFIXES["skos"], PREFIXES["rdf"]
HOSTILE_ARTICLE = """\
Council row over <script>alert(1)</script> leaflets

Councillor Mhairi Hunter said: "The <img src=x onerror=alert(2)> leaflets are not welcome \
in Glasgow."

Dr Alex <script>alert(3)</script> Smith, a spokesman for Glasgow City Council, said the \
Home Office had written to the council.

"We will not accept <script>alert(4)</script> in our city," said Ms Hunter.

The Home Office wrote to Glasgow City Council about the Misuse of Drugs Act 1971.
"""
# Dated articles with URLs (one not http), a hedged and a denied relation, and a post.
DATED = [
    {
        "id": "d1", "date": "2005-01-10", "title": "Howard rejects Clarke plan",
        "url": "https://news.example.org/2005/01/harbour",
        "text": "Michael Howard did not back Ken Clarke over the harbour plan, the Conservative "
        "Party said on Monday.\n\nKen Clarke criticised Michael Howard in a speech in Glasgow.",
    },
    {
        "id": "d2", "date": "2005-03-02", "title": "Clarke may meet Howard",
        "url": "https://news.example.org/2005/03/meeting",
        "text": "Ken Clarke could meet Michael Howard next week, aides said.\n\nChancellor "
        "Gordon Brown said the Treasury would publish its figures.",
    },
    {
        "id": "d3", "date": "2005-06-20", "title": "Brown and Howard clash",
        "url": "https://news.example.org/2005/06/clash",
        "text": "Gordon Brown criticised Michael Howard over tax.\n\nMichael Howard, leader of "
        "the Conservative Party, said Gordon Brown was wrong.",
    },
]  # fmt: skip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's Chromium at /usr/bin/chromium "
        "(apt-get install chromium chromium-driver); CI installs it",
    ),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def opened(browser):
    pages: list[Opened] = []

    def open_page(path: Path, **kwargs) -> Opened:
        pages.append(Opened(browser, path, **kwargs))
        return pages[-1]

    yield open_page
    for page in pages:
        page.close()


def _build(nlp, paths: list[str], out: Path) -> Path:
    from kg.builder.run import build
    from kg.output import write_outputs

    write_outputs(build(paths, nlp=nlp).dataset, out)
    return out


@pytest.fixture(scope="module")
def seeds_out(nlp, tmp_path_factory):
    from conftest import SEEDS

    return _build(nlp, [str(SEEDS)], tmp_path_factory.mktemp("seeds") / "out")


@pytest.fixture(scope="module")
def hostile_out(nlp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    return _build(nlp, [str(folder / "hostile.txt")], folder / "out")


@pytest.fixture(scope="module")
def dated_out(nlp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("dated")
    # A script URL never reaches the page: kg build reports and skips its line.
    bad = {"id": "d4", "url": "javascript:alert(1)", "text": "Gordon Brown met Ken Clarke."}
    lines = "".join(json.dumps(article) + "\n" for article in [*DATED, bad])
    (folder / "news.jsonl").write_text(lines, encoding="utf-8")
    return _build(nlp, [str(folder / "news.jsonl")], folder / "out")


# -- the seed articles -------------------------------------------------------------------


@pytest.mark.model
def test_page_loads_from_disk_with_the_network_blocked(opened, seeds_out):
    page = opened(seeds_out / "graph.html")
    assert page.requests == [page.url]  # the page itself, nothing else
    assert page.blocked == [] and page.errors == []
    assert page.js("document.title") == "kg"


@pytest.mark.model
def test_a_small_graph_is_drawn_whole_and_labelled(opened, seeds_out):
    from kg.query.sparql import run_query

    result = run_query(
        seeds_out,
        """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
            VALUES ?c { schema:Person schema:Organization schema:Legislation schema:Place }
            ?e a ?c }""",
    )
    expected = int(str(result.rows[0][0]))
    page = opened(seeds_out / "graph.html")
    assert 5 < expected < 100
    assert len(page.drawn()) == expected  # fewer than the overview's 100: every one
    assert len(page.labels()) >= expected * 0.8
    assert page.js("kg.links().length") > 0


@pytest.mark.model
def test_clicking_an_entity_focuses_on_it_with_its_evidence(opened, seeds_out):
    from kg.graph.project import entities, project

    graph = project(seeds_out)
    [hunter] = [n for n in entities(graph) if graph.nodes[n]["label"] == "Mhairi Hunter"]
    [member] = [d for _, _, d in graph.out_edges(hunter, data=True) if d["kind"] == "relation"][:1]
    evidence = member["evidence"][0]

    page = opened(seeds_out / "graph.html")
    page.click_entity("Mhairi Hunter")
    text = page.panel_text()
    assert page.panel_title() == "Mhairi Hunter"
    assert text.startswith("Mhairi Hunter\nPerson")
    assert "Ms Hunter" in text  # another of her names
    assert f" {member['words']} " in text
    assert " ".join(evidence.sentence.split()) in " ".join(text.split())
    assert evidence.headline in text
    assert page.js("location.hash").startswith("#focus=person/mhairi-hunter-")
    # the rest is hidden: only her neighbourhood is drawn
    assert len(page.drawn()) < graph.number_of_nodes()
    # her relation's words on its line (a vis-network edge label)
    assert member["words"] in {label["text"] for label in page.labels() if label["node"] < 0}


@pytest.mark.model
def test_a_name_in_the_panel_leads_to_that_entity(opened, seeds_out):
    page = opened(seeds_out / "graph.html")
    page.click_entity("Mhairi Hunter")
    page.page.get_by_role("button", name="Glasgow City Council").first.click()
    page.wait("document.querySelector('#kg-panel h2').textContent === 'Glasgow City Council'")
    assert page.js("kg.state.focus") == page.index("Glasgow City Council")


@pytest.mark.model
def test_search_by_any_name(opened, seeds_out):
    page = opened(seeds_out / "graph.html")
    page.search("ms HUNTER")
    page.wait("kg.state.mode === 'focus'")
    assert page.panel_title() == "Mhairi Hunter"
    # one search after another: each finds its entity
    for name, label in (("Home Office", "Home Office"), ("hunter", "Mhairi Hunter")):
        page.search(name)
        page.wait(f"kg.state.focus === {page.index(label)}")
    page.search("Nobody At All")
    assert page.js("document.getElementById('kg-search-status').textContent") == (
        "no entity has that name or post"
    )


@pytest.mark.model
def test_filter_by_type(opened, seeds_out):
    page = opened(seeds_out / "graph.html")
    before = page.drawn()
    assert "Place" in {n["type"] for n in before}
    page.page.get_by_label("Place (", exact=False).uncheck()
    after = page.drawn()
    assert 0 < len(after) < len(before)
    assert "Place" not in {n["type"] for n in after}
    page.page.get_by_label("Place (", exact=False).check()
    assert len(page.drawn()) == len(before)


# -- dates, URLs, hedged and denied relations ---------------------------------------------


@pytest.mark.model
def test_the_date_slider_narrows_the_overview(opened, dated_out):
    page = opened(dated_out / "graph.html")
    assert page.js("document.getElementById('kg-dates').hidden") is False
    assert page.js("document.getElementById('kg-date-label').textContent") == (
        "2005-01-10 to 2005-06-20"
    )
    before = {n["label"] for n in page.drawn()}
    assert {"Glasgow", "Treasury"} <= before
    # the first date moved on to the second: Glasgow is only in the January article
    page.js("(() => { const s = document.getElementById('kg-from'); s.value = '1';"
            " s.dispatchEvent(new Event('input')); })()")  # fmt: skip
    after = {n["label"] for n in page.drawn()}
    assert "Glasgow" not in after and "Treasury" in after
    assert page.js("document.getElementById('kg-date-label').textContent") == (
        "2005-03-02 to 2005-06-20"
    )


@pytest.mark.model
def test_panels_show_dates_urls_a_timeline_and_what_is_denied_or_hedged(opened, dated_out):
    page = opened(dated_out / "graph.html")
    page.search("michael howard")
    page.wait("kg.state.mode === 'focus'")
    text = page.panel_text()
    source = "Howard rejects Clarke plan \u00b7 2005-01-10 \u00b7 news.example.org/2005/01/harbour"
    assert source in text
    assert page.js("document.querySelectorAll('#kg-panel svg.timeline rect').length") == 3
    hrefs = page.js("Array.from(document.querySelectorAll('#kg-panel a')).map(a => a.href)")
    assert "https://news.example.org/2005/01/harbour" in hrefs
    assert not [h for h in hrefs if not h.startswith("https://")]
    written = (dated_out / "graph.html").read_text(encoding="utf-8")
    assert "javascript:" not in written.replace(vis_script(), "")  # vis-network's code has one
    assert "not: backed" in text and "Denied: the article says this did not happen" in text
    assert "Hedged: the article reports it as possible" in text
    # a post finds its holder: one candidate, so straight to him
    page.search("chancellor")
    page.wait(f"kg.state.focus === {page.index('Gordon Brown')}")
    assert "Chancellor (1 article)" in page.panel_text()


@pytest.mark.model
def test_the_edge_panel_gives_each_article_and_its_sentence(opened, dated_out):
    page = opened(dated_out / "graph.html")
    page.search("Michael Howard")
    page.wait("kg.state.mode === 'focus'")
    page.page.get_by_role("button", name="(1 article)").first.click()
    text = page.panel_text()
    assert text.startswith("Relation\n")
    assert "Stated in 1 article:" in text
    assert page.js("document.querySelectorAll('#kg-panel ul.evidence li').length") == 1


# -- hostile text ------------------------------------------------------------------------


def _poke_everything(page: Opened) -> None:
    """Hover, focus and open every entity and link, search: every path text takes into the page."""
    for node in page.drawn():
        page.hover(node["index"])
        page.page.wait_for_timeout(30)
    data = "JSON.parse(document.getElementById('kg-data').textContent)"
    count = page.js(f"{data}.entities.label.length")
    for index in range(count):
        page.js("i => kg.focus(i)", index)
        page.wait(f"kg.state.focus === {index}")
    links = page.js(f"{data}.links.a.length")
    for link in range(links):
        page.js("j => kg.showLink(j)", link)
    for text in ("<img src=x onerror=alert(5)>", "script", "alert", "constructor", "__proto__"):
        page.search(text)
    page.page.wait_for_timeout(200)


def _assert_nothing_ran(page: Opened) -> None:
    assert page.dialogs == []
    assert page.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    # vis-network, the data, the texts, the page's code
    assert page.js("document.scripts.length") == 4
    assert page.blocked == [] and page.errors == []


@pytest.mark.model
def test_a_hostile_article_runs_nothing(opened, hostile_out):
    # The policy is bypassed here, so this proves the escaping alone: were any string parsed
    # as HTML, its onerror would run.
    page = opened(hostile_out / "graph.html", bypass_csp=True)
    texts = json.dumps(page.js("JSON.parse(document.getElementById('kg-text').textContent)"))
    for payload in ("<img src=x onerror=alert(2)>", "<script>alert(4)</script>"):
        assert json.dumps(payload)[1:-1] in texts  # it did reach the page, as data

    _poke_everything(page)
    page.js("i => kg.focus(i)", page.index("Mhairi Hunter"))
    page.wait("document.querySelector('#kg-panel h2').textContent === 'Mhairi Hunter'")
    text = page.panel_text()
    assert "The <img src=x onerror=alert(2)> leaflets are not welcome in Glasgow." in text
    assert "We will not accept <script>alert(4)</script> in our city" in text
    _assert_nothing_ran(page)

    # and the check itself works: markup parsed as HTML here does run
    page.js("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=alert(99)>')")
    deadline = time.monotonic() + 5
    while not page.dialogs and time.monotonic() < deadline:
        page.page.wait_for_timeout(50)
    assert page.dialogs == ["99"]


def test_hostile_labels_are_shown_as_text(opened, tmp_path):
    write_html(SMALL, tmp_path / "graph.html")
    page = opened(tmp_path / "graph.html", bypass_csp=True)
    _poke_everything(page)
    hostile = page.index("<script>alert(1)</script>")
    page.js("i => kg.focus(i)", hostile)
    page.wait(f"kg.state.focus === {hostile}")
    assert page.panel_title() == "<script>alert(1)</script>"
    assert "Also written: <img src=x onerror=alert(1)>" in page.panel_text()
    page.page.keyboard.press("Escape")
    page.wait("kg.state.mode === 'overview'")
    page.hover(hostile)
    tip = "document.querySelector('div.vis-tooltip')"  # vis-network's tooltip
    page.wait(f"{tip} !== null && {tip}.style.visibility === 'visible'")
    tip = page.js(f"{tip}.innerText")
    assert tip.startswith("<script>alert(1)</script>\nOrganization")
    _assert_nothing_ran(page)


def _named(*names: str) -> ox.Store:
    """small.trig with one more person for each name, mentioned in article small_a."""
    store = load_store(SMALL)
    graph = ox.NamedNode("https://kg.example.org/id/graph/entities-b015c946")
    article = ox.NamedNode("https://kg.example.org/id/article/small-a-5faf9a9a")
    for i, name in enumerate(names):
        person = ox.NamedNode(f"https://kg.example.org/id/person/odd-{i}")
        for p, o in (
            (RDF + "type", ox.NamedNode(SCHEMA + "Person")),
            (SKOS + "prefLabel", ox.Literal(name)),
            (SKOS + "altLabel", ox.Literal(f"Mr {name}")),
        ):
            store.add(ox.Quad(person, ox.NamedNode(p), o, graph))
        store.add(ox.Quad(article, ox.NamedNode(SCHEMA + "mentions"), person, graph))
    return store


def test_names_that_are_names_of_javascript_properties(opened, tmp_path):
    """issue 13, finding 11: "constructor" or "__proto__" in the search threw page errors."""
    write_html(SMALL, tmp_path / "plain.html")
    page = opened(tmp_path / "plain.html")
    for text in ("constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype"):
        page.search(text)
        assert page.js("document.getElementById('kg-search-status').textContent") == (
            "no entity has that name or post"
        ), text
    assert page.errors == []

    write_html(_named("constructor", "__proto__", "hasOwnProperty"), tmp_path / "odd.html")
    page = opened(tmp_path / "odd.html")
    for name in ("__proto__", "Mr constructor", "HASOWNPROPERTY"):
        page.search(name)
        wanted = {"HASOWNPROPERTY": "hasOwnProperty"}.get(name, name.removeprefix("Mr "))
        page.wait(f"kg.state.focus === {page.index(wanted)}")
        assert page.panel_title() == wanted
    key = page.js("kg.entity('__proto__').key")
    page.js("() => kg.overview()")
    page.wait("kg.state.mode === 'overview'")
    other = opened(tmp_path / "odd.html", fragment=f"#focus={key}")
    assert other.panel_title() == "__proto__"
    assert page.errors == [] and other.errors == []


def test_the_page_folds_names_as_the_cli_does(opened, tmp_path):
    write_html(SMALL, tmp_path / "graph.html")
    page = opened(tmp_path / "graph.html")
    for text in (
        "Éamon Ó Cuív", "STRASSE Straße", "İstanbul", "ﬁnance", "  Mr \t Brown ", "Ōsaka",
        "ΣΊΣΥΦΟΣ", "José Mourinho", "Łódź", "Å\u030a", "Ｆｕｌｌ　ｗｉｄｔｈ",
    ):  # fmt: skip
        assert page.js("t => kg.fold(t)", text) == fold(text), text
    page.search("nora VANCE")
    page.wait("kg.state.mode === 'focus'")
    assert page.panel_title() == "Nora Vance"


def test_vis_network_draws_with_its_physics_off_and_nothing_moves(opened, tmp_path):
    write_html(SMALL, tmp_path / "graph.html")
    page = opened(tmp_path / "graph.html")
    # vis-network took the page's options (made with pyvis): no physics, nodes not draggable
    assert page.js("kg.network.physics.physicsEnabled") is False
    assert page.js("kg.network.interactionHandler.options.dragNodes") is False
    assert page.js("kg.network.body.nodes[0].options.font.face") == "system-ui, sans-serif"
    where = "kg.network.getPositions()"
    before = page.js(where)
    x, y = page.point(0)
    page.page.mouse.move(x, y)
    page.page.mouse.down()
    page.page.mouse.move(x + 90, y + 60, steps=6)  # a drag on an entity pans; it moves nothing
    page.page.mouse.up()
    page.page.wait_for_timeout(400)
    assert page.js(where) == before
    assert page.point(0) != (x, y)  # the view was panned instead
    assert page.errors == []  # vis-network logs an option it does not know as an error


def test_an_empty_graph_opens(opened, tmp_path):
    import networkx as nx

    (tmp_path / "graph.html").write_text(render_html(nx.MultiDiGraph()), encoding="utf-8")
    page = opened(tmp_path / "graph.html")
    assert page.drawn() == [] and page.errors == []
    page.search("anyone")
    assert page.errors == []


def test_the_policy_stops_injected_markup_too(opened, tmp_path):
    write_html(SMALL, tmp_path / "graph.html")
    page = opened(tmp_path / "graph.html")
    page.js("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=alert(98)>')")
    page.page.wait_for_timeout(500)
    assert page.dialogs == []
    assert page.errors == [] or all("Content Security Policy" in e for e in page.errors)
