"""`kg serve` from a real browser (Debian's Chromium, driven by Playwright): a page of
another origin fetching from the endpoint, as a SPARQL editor such as YASGUI does, and the
endpoint's own query page."""

from __future__ import annotations

import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from support.chromium import CHROMIUM, launch
from support.endpoint import serving

from kg.query.serve import Settings

SMALL = Path(__file__).parent / "data" / "small.trig"
EDITOR = """<!doctype html><title>editor</title><script>
async function ask(endpoint) {
  try {
    const response = await fetch(endpoint + "/sparql", {method: "POST",
      headers: {"Content-Type": "application/sparql-query",
                "Accept": "application/sparql-results+json"},
      body: "SELECT ?l { ?o a schema:Organization ; skos:prefLabel ?l } ORDER BY ?l"});
    const data = await response.json();
    return data.results.bindings.map(b => b.l.value).join("|");
  } catch (error) { return "blocked: " + error.name; }
}
</script>"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium"
    ),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """A page on another origin (another port of localhost)."""
    root = tmp_path_factory.mktemp("editor")
    (root / "index.html").write_text(EDITOR, encoding="utf-8")
    handler = partial(SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://localhost:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    shutil.copy(SMALL, out / "graph.trig")
    return out


def _ask(browser, editor: str, endpoint: str) -> str:
    page = browser.new_page()
    try:
        page.goto(f"{editor}/index.html")
        return page.evaluate("endpoint => ask(endpoint)", endpoint)
    finally:
        page.close()


def test_another_origin_is_blocked_unless_cors_allows_it(browser, editor, out_dir):
    with serving(out_dir, Settings(workers=2)) as endpoint:
        assert _ask(browser, editor, endpoint.url).startswith("blocked: TypeError")
    with serving(out_dir, Settings(workers=2, cors=(editor,))) as endpoint:
        labels = _ask(browser, editor, endpoint.url)
        assert labels == "<script>alert(1)</script>|Brightwater Council"
    with serving(out_dir, Settings(workers=2, cors=("*",))) as endpoint:
        assert "Brightwater Council" in _ask(browser, editor, endpoint.url)


def test_the_query_page_runs_a_query_and_shows_strings_as_text(browser, out_dir):
    with serving(out_dir, Settings(workers=2)) as endpoint:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            page.goto(f"{endpoint.url}/query")
            page.select_option("#example", "top-legislation")
            assert "SELECT" in page.input_value("#query")
            page.fill("#query", "SELECT ?l { ?o a schema:Organization ; skos:prefLabel ?l }")
            page.click("#run")
            page.wait_for_selector("#result table td")
            cells = page.locator("#result td").all_inner_texts()
            assert "<script>alert(1)</script>" in cells
            assert page.locator("#result script").count() == 0
            assert "2 rows" in page.inner_text("#status")
        finally:
            page.close()
        assert dialogs == [] and errors == []
