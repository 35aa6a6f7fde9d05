"""graph.html in a real browser: Debian's Chromium (/usr/bin/chromium) driven by Playwright.

Never a downloaded browser: Playwright is pointed at the system binary. The pages are graphs
kg built from real articles (the seeds, and a hostile article written here), the hand-made
tests/data/small.trig, and a synthetic 5,000-entity graph (bench/view_scale.py).

The page's Content-Security-Policy forbids eval, which Playwright's wait_for_function uses,
so waits poll page.evaluate (run by the debugger protocol, outside the policy) instead.
"""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest
from support.chromium import CHROMIUM, launch

from kg.graph.project import entities, project
from kg.graph.view import render_html, write_html

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "data" / "small.trig"
HOSTILE_ARTICLE = """\
Council row over <script>alert(1)</script> leaflets

Councillor Mhairi Hunter said: "The <img src=x onerror=alert(2)> leaflets are not welcome \
in Glasgow."

Dr Alex <script>alert(3)</script> Smith, a spokesman for Glasgow City Council, said the \
Home Office had written to the council.

"We will not accept <script>alert(4)</script> in our city," said Ms Hunter.

The Home Office wrote to Glasgow City Council about the Misuse of Drugs Act 1971.
"""

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


class Opened:
    """A page loaded from disk, with everything it tried to do recorded."""

    def __init__(self, browser, path: Path, *, bypass_csp: bool = False) -> None:
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(
            viewport={"width": 1280, "height": 800}, bypass_csp=bypass_csp
        )
        # Every request that is not a file is refused (and recorded): the page must need none.
        self.context.route("**/*", self._route)
        page = self.page = self.context.new_page()
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.started = time.perf_counter()
        page.goto(self.url)
        self.wait("window.kg !== undefined && window.kg.state.settled")
        self.ready_seconds = time.perf_counter() - self.started

    def _route(self, route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def wait(self, expression: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while not self.js(expression):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {expression}; errors: {self.errors}")
            time.sleep(0.05)

    def node_id(self, label: str) -> int:
        [found] = self.js(
            "label => kg.nodes.get({filter: n => n.label === label}).map(n => n.id)", label
        )
        return found

    def node_point(self, node_id: int) -> tuple[float, float]:
        """Where the node is on the screen, in page coordinates."""
        return tuple(
            self.js(
                """id => {
                    const box = document.querySelector("#kg-graph canvas").getBoundingClientRect();
                    const dom = kg.network.canvasToDOM(kg.network.getPosition(id));
                    return [box.left + dom.x, box.top + dom.y];
                }""",
                node_id,
            )
        )

    def click_node(self, label: str) -> None:
        node_id = self.node_id(label)
        # bring it to the middle of the view first, as a reader would scroll to it
        self.js(
            "id => kg.network.moveTo({position: kg.network.getPosition(id), scale: 1})", node_id
        )
        self.page.mouse.click(*self.node_point(node_id))
        self.wait("!document.getElementById('kg-panel').hidden")

    def select(self, node_id: int) -> None:
        """As the search box does: select, open the panel, and move the view to the node."""
        self.js("id => kg.select(id)", node_id)

    def hover(self, node_id: int) -> None:
        x, y = self.node_point(node_id)
        self.page.mouse.move(x - 40, y - 40)
        self.page.mouse.move(x, y, steps=5)  # vis shows a tooltip on a moving pointer only

    def panel_text(self) -> str:
        return self.js("document.getElementById('kg-panel-body').innerText")

    def drawn_nodes(self) -> int:
        return self.js("Object.keys(kg.network.getPositions()).length")

    def close(self) -> None:
        self.context.close()


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


# -- the seed articles -------------------------------------------------------------------


@pytest.mark.model
def test_page_loads_from_disk_with_the_network_blocked(opened, seeds_out):
    page = opened(seeds_out / "graph.html")
    assert page.requests == [page.url]  # the page itself, nothing else
    assert page.blocked == []
    assert page.errors == []
    assert page.js("document.title") == "kg"


@pytest.mark.model
def test_every_entity_is_drawn(opened, seeds_out):
    from kg.query.sparql import run_query

    result = run_query(
        seeds_out,
        """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
            VALUES ?c { schema:Person schema:Organization schema:Legislation schema:Place }
            ?e a ?c }""",
    )
    expected = int(str(result.rows[0][0]))
    page = opened(seeds_out / "graph.html")
    assert expected > 5
    assert page.js("kg.nodes.length") == expected
    assert page.drawn_nodes() == expected
    assert page.js("kg.edgeView.length") == page.js("kg.edges.length") > 0


@pytest.mark.model
def test_clicking_a_node_shows_its_evidence(opened, seeds_out):
    graph = project(seeds_out)
    [hunter] = [n for n in entities(graph) if graph.nodes[n]["label"] == "Mhairi Hunter"]
    [member] = [d for _, _, d in graph.out_edges(hunter, data=True) if d["kind"] == "relation"][:1]
    evidence = member["evidence"][0]

    page = opened(seeds_out / "graph.html")
    page.click_node("Mhairi Hunter")
    text = page.panel_text()
    assert text.startswith("Mhairi Hunter\nPerson")
    assert "Ms Hunter" in text  # another of her names
    assert f"\u2192 {member['label']} \u2192" in text
    assert " ".join(evidence.sentence.split()) in " ".join(text.split())
    assert f"{evidence.headline} [{evidence.article_id}]" in text
    assert "Quotations (" in text
    assert page.js("kg.network.getSelectedNodes()") == [page.node_id("Mhairi Hunter")]


@pytest.mark.model
def test_a_name_in_the_panel_leads_to_that_entity(opened, seeds_out):
    page = opened(seeds_out / "graph.html")
    page.click_node("Mhairi Hunter")
    page.page.get_by_role("button", name="Glasgow City Council").first.click()
    assert page.js("document.querySelector('#kg-panel h2').textContent") == "Glasgow City Council"


@pytest.mark.model
def test_search_by_any_name(opened, seeds_out):
    page = opened(seeds_out / "graph.html")
    search = page.page.locator("#kg-search")
    search.fill("ms HUNTER")
    search.press("Enter")
    page.wait("!document.getElementById('kg-panel').hidden")
    assert page.js("document.querySelector('#kg-panel h2').textContent") == "Mhairi Hunter"
    assert page.js("kg.network.getSelectedNodes()") == [page.node_id("Mhairi Hunter")]
    # one search after another: the view moves to each found entity in turn
    for name in ("Home Office", "Glasgow", "hunter"):
        search.fill(name)
        search.press("Enter")
    view, node = page.js(
        "id => [kg.network.getViewPosition(), kg.network.getPosition(id)]",
        page.node_id("Mhairi Hunter"),
    )
    assert view["x"] == pytest.approx(node["x"], abs=1)
    assert view["y"] == pytest.approx(node["y"], abs=1)
    search.fill("Nobody At All")
    search.press("Enter")
    assert page.js("document.getElementById('kg-search-status').textContent") == (
        "no entity is called that"
    )


@pytest.mark.model
def test_filters_by_type_and_by_relation(opened, seeds_out):
    page = opened(seeds_out / "graph.html")
    total = page.drawn_nodes()
    places = page.js("kg.nodes.get({filter: n => n.group === 'Place'}).length")
    assert places > 0
    page.page.locator("input.kg-type[value=Place]").uncheck()
    assert page.drawn_nodes() == total - places
    page.page.locator("input.kg-type[value=Place]").check()
    assert page.drawn_nodes() == total

    edges = page.js("kg.edgeView.length")
    serves = page.js("kg.edges.get({filter: e => e.relation === 'kg:serves'}).length")
    assert serves > 0
    page.page.locator("input.kg-rel[value='kg:serves']").uncheck()
    assert page.js("kg.edgeView.length") == edges - serves
    page.page.locator("#kg-comentions").uncheck()
    assert page.js("kg.edgeView.get().every(e => e.kind === 'relation')")


@pytest.mark.model
def test_physics_switch(opened, seeds_out):
    page = opened(seeds_out / "graph.html")
    # the layout settles, then the simulation stops so the page does not keep the CPU busy
    assert page.js("kg.network.physics.physicsEnabled") is False
    page.page.locator("#kg-physics").check()
    assert page.js("kg.network.physics.physicsEnabled") is True
    page.page.locator("#kg-physics").uncheck()
    assert page.js("kg.network.physics.physicsEnabled") is False


@pytest.mark.model
def test_screenshot(opened, seeds_out, tmp_path):
    page = opened(seeds_out / "graph.html")
    page.click_node("Home Office")
    shot = tmp_path / "graph.png"
    page.page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    # the graph is really drawn: the canvas is not blank
    painted = page.js(
        """() => {
            const canvas = document.querySelector("#kg-graph canvas");
            const pixels = canvas.getContext("2d")
                .getImageData(0, 0, canvas.width, canvas.height).data;
            let n = 0;
            for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { n++; } }
            return n;
        }"""
    )
    assert painted > 5_000


# -- hostile text ------------------------------------------------------------------------


def _poke_everything(page: Opened) -> None:
    """Open every node's panel, show a tooltip, search: every path text takes into the page."""
    nodes = page.js("kg.nodes.getIds()")
    for node_id in nodes:  # while the view stands still
        page.hover(node_id)
        page.page.wait_for_timeout(150)  # vis shows a tooltip after a delay
    for node_id in nodes:
        page.js("id => kg.select(id)", node_id)
    for edge_id in page.js("kg.edges.getIds()"):
        page.js("id => kg.network.selectEdges([id])", edge_id)
    search = page.page.locator("#kg-search")
    search.fill("<img src=x onerror=alert(5)>")
    search.press("Enter")
    page.page.wait_for_timeout(300)


def _assert_nothing_ran(page: Opened) -> None:
    assert page.dialogs == []
    assert page.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.js("document.scripts.length") == 3  # vis-network, the data, the page's code
    assert page.blocked == []


@pytest.mark.model
def test_a_hostile_article_runs_nothing(opened, hostile_out):
    # The policy is bypassed here, so this proves the escaping alone: were any string parsed
    # as HTML, its onerror would run.
    page = opened(hostile_out / "graph.html", bypass_csp=True)
    data = json.dumps(page.js("JSON.parse(document.getElementById('kg-data').textContent)"))
    for payload in ("<img src=x onerror=alert(2)>", "<script>alert(4)</script>"):
        assert json.dumps(payload)[1:-1] in data  # it did reach the page, as data

    _poke_everything(page)
    page.click_node("Mhairi Hunter")
    text = page.panel_text()
    assert "The <img src=x onerror=alert(2)> leaflets are not welcome in Glasgow." in text
    assert "We will not accept <script>alert(4)</script> in our city" in text
    _assert_nothing_ran(page)

    # and the check itself works: markup parsed as HTML here does run
    page.js("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=alert(99)>')")
    page.wait("document.querySelector('img') !== null")
    deadline = time.monotonic() + 5
    while not page.dialogs and time.monotonic() < deadline:
        page.page.wait_for_timeout(50)
    assert page.dialogs == ["99"]


def test_hostile_labels_are_shown_as_text(opened, tmp_path):
    write_html(SMALL, tmp_path / "graph.html")
    page = opened(tmp_path / "graph.html", bypass_csp=True)
    _poke_everything(page)
    page.select(page.node_id("<script>alert(1)</script>"))
    assert page.js("document.querySelector('#kg-panel h2').textContent") == (
        "<script>alert(1)</script>"
    )
    assert "Also: <img src=x onerror=alert(1)>" in page.panel_text()
    page.hover(page.node_id("<script>alert(1)</script>"))
    # the tooltip of what the pointer was over before may still be up: wait for this one's
    page.wait(
        "document.querySelector('div.vis-tooltip')?.style.visibility === 'visible' && "
        "document.querySelector('div.vis-tooltip').innerText.startsWith('Organization')",
        timeout=5,
    )
    tip = page.js("document.querySelector('div.vis-tooltip').innerText")
    assert tip.startswith(
        "Organization\n<script>alert(1)</script>\nAlso: <img src=x onerror=alert(1)>"
    )
    _assert_nothing_ran(page)


def test_an_empty_graph_opens(opened, tmp_path):
    import networkx as nx

    (tmp_path / "graph.html").write_text(render_html(nx.MultiDiGraph()), encoding="utf-8")
    page = opened(tmp_path / "graph.html")
    assert page.drawn_nodes() == 0 and page.errors == []


def test_the_policy_stops_injected_markup_too(opened, tmp_path):
    write_html(SMALL, tmp_path / "graph.html")
    page = opened(tmp_path / "graph.html")
    page.js("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=alert(98)>')")
    page.page.wait_for_timeout(500)
    assert page.dialogs == []
    assert page.errors == [] or all("Content Security Policy" in e for e in page.errors)


# -- scale -------------------------------------------------------------------------------


def _synthetic_graph(n: int):
    spec = importlib.util.spec_from_file_location("view_scale", ROOT / "bench" / "view_scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_graph(n)


def test_five_thousand_entities_are_usable(opened, tmp_path):
    path = tmp_path / "graph.html"
    path.write_text(render_html(_synthetic_graph(5000)), encoding="utf-8")
    page = opened(path)
    assert page.drawn_nodes() == 5000
    # laid out beforehand: drawn at once, nothing left to simulate
    assert page.ready_seconds < 15, page.ready_seconds
    assert page.js("kg.network.physics.physicsEnabled") is False
    # the node farthest from any other, so that no neighbour is drawn over it
    label = page.js(
        """() => {
            const pos = Object.values(kg.network.getPositions());
            let best = -1, bestId = 0;
            Object.entries(kg.network.getPositions()).forEach(([id, p]) => {
                let near = Infinity;
                for (const q of pos) {
                    const d = (p.x - q.x) ** 2 + (p.y - q.y) ** 2;
                    if (d > 0 && d < near) { near = d; }
                }
                if (near > best) { best = near; bestId = id; }
            });
            return kg.nodes.get(Number(bestId)).label;
        }"""
    )
    started = time.perf_counter()
    page.click_node(label)
    assert time.perf_counter() - started < 3
    assert page.panel_text().startswith(f"{label}\n")
    assert page.errors == []
