"""graph.html of the whole BBC corpus (2,115 unique articles) in Debian's Chromium.

The corpus is built once, here, with two processes (a minute or two), and every test opens
the page it writes. What the issue asks to measure in the browser is measured and printed
(first paint, ready to use, a filter change); the bounds asserted are loose so a loaded CI
machine does not fail them, and bench/view_scale.py reports the figures themselves.
Screenshots of the overview and of a focused entity go to tests/screenshots/ (git-ignored).
"""

from __future__ import annotations

import re
import time

import pytest
from support.bbc import CORPUS, build_store, corpus_files, write_page
from support.chromium import CHROMIUM, launch
from support.page import Opened, overlaps

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium"
    ),
    pytest.mark.skipif(not CORPUS.exists(), reason=f"needs the BBC corpus at {CORPUS}"),
]
# Loose on purpose (the targets are 3 s and 200 ms; see bench/view_scale.py).
READY_BOUND_MS = 9000
FILTER_BOUND_MS = 1000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    files = corpus_files()
    assert len(files) == 2115
    started = time.perf_counter()
    store = build_store(files)
    built = time.perf_counter() - started
    path = tmp_path_factory.mktemp("bbc") / "graph.html"
    seconds = write_page(store, path, title="BBC News, 2004-2005")
    print(f"\nBBC corpus: built in {built:.0f} s, graph.html written in {seconds:.1f} s, "
          f"{path.stat().st_size / 1e6:.1f} MB")  # fmt: skip
    return store, path


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, corpus):
    opened = Opened(browser, corpus[1])
    yield opened
    opened.close()


def test_it_opens_at_once_and_loads_nothing(page):
    paint = page.js(
        "performance.getEntriesByType('paint').filter(e => e.name === 'first-contentful-paint')"
        ".map(e => e.startTime)[0]"
    )
    ready = page.js("kg.timings.readyAt")
    print(f"\nfull corpus: first contentful paint {paint:.0f} ms, ready to use {ready:.0f} ms")
    assert paint < READY_BOUND_MS and ready < READY_BOUND_MS
    assert page.requests == [page.url] and page.blocked == [] and page.errors == []


def test_the_overview_is_readable_at_first_sight(page):
    width, height = page.canvas_size()
    drawn, labels = page.drawn(), page.labels()
    assert len(drawn) == 100  # the default; the reader can change it
    assert len(labels) >= 50, len(labels)
    for i, a in enumerate(labels):
        assert (
            0 <= a["x"] and a["x"] + a["w"] <= width and 0 <= a["y"] and a["y"] + a["h"] <= height
        )
        for b in labels[i + 1 :]:
            assert not overlaps(a, b), (a, b)
    for node in drawn:  # every entity wholly in view
        assert node["r"] <= node["x"] <= width - node["r"], node
        assert node["r"] <= node["y"] <= height - node["r"], node
    # the most central entities, and no row of isolated ones: nearly all have a link drawn
    linked = page.js(
        "(() => { const s = new Set(); kg.links().forEach(j => { const l = kg.linkInfo(j);"
        " s.add(l.a); s.add(l.b); }); return s.size; })()"
    )
    assert linked >= 0.9 * len(drawn)
    assert {"Tony Blair", "Labour Party", "Conservative Party"} <= {n["label"] for n in drawn}
    # the layout stands still: a moment later, everything is where it was
    page.page.wait_for_timeout(500)
    assert page.drawn() == drawn
    print(f"\noverview: {len(drawn)} entities drawn, {len(labels)} labelled")
    page.screenshot("overview.png")


def test_zoomed_in_more_labels_find_room(page):
    top = page.page.locator("#kg-top")
    top.fill("300")
    top.press("Enter")
    page.wait("kg.drawn().length === 300")
    width, height = page.canvas_size()

    def node_in_view(n: dict) -> bool:
        return n["r"] <= n["x"] <= width - n["r"] and n["r"] <= n["y"] <= height - n["r"]

    def label_in_view(a: dict) -> bool:
        return 0 <= a["x"] <= width - a["w"] and 0 <= a["y"] <= height - a["h"]

    before = len(page.labels()) / len(page.drawn())
    x, y = page.point(0)
    page.page.mouse.move(x, y)
    for _ in range(5):
        page.page.mouse.wheel(0, -120)
        page.page.wait_for_timeout(40)
    page.wait("kg.network.getScale() > 1.4")
    page.page.wait_for_timeout(400)  # the labels are chosen again once the wheel stops
    labels = page.labels()
    drawn = [n for n in page.drawn() if node_in_view(n)]
    shown = [a for a in labels if label_in_view(a)]
    assert len(shown) / len(drawn) > before, (len(shown), len(drawn), before)
    assert all(11 <= a["h"] <= 14 for a in labels)  # the same size on screen as before
    for i, a in enumerate(labels):
        assert not any(overlaps(a, b) for b in labels[i + 1 :]), a
    assert page.errors == []


def test_the_number_of_entities_and_the_colours_can_change(page):
    top = page.page.locator("#kg-top")
    top.fill("40")
    top.press("Enter")
    page.wait("kg.drawn().length === 40")
    assert len(page.labels()) == 40
    page.page.get_by_label("type", exact=True).check()
    assert page.js("document.getElementById('kg-legend-title').textContent") == "Colours: types"


def test_an_ambiguous_name_lists_every_candidate(page, corpus):
    from kg.errors import QueryError
    from kg.graph.analytics import find_entity
    from kg.graph.project import project

    with pytest.raises(QueryError) as cli:
        find_entity(project(corpus[0]), "Blair")
    listed = r"\((?:Person|Organization|Place|Legislation), https://kg\.example\.org/id/([^)]+)\)"
    expected = set(re.findall(listed, str(cli.value)))
    assert len(expected) > 2

    page.search("Blair")
    rows = page.results()
    assert rows[0] == f"\u201cBlair\u201d names {len(expected)} entities: pick one"
    assert page.js("kg.state.mode") == "overview"  # nothing picked for the reader
    shown = page.js(
        "Array.from(document.querySelectorAll('#kg-results li.result')).map(li => li.dataset.node)"
    )
    keys = {page.js("i => kg.entityKey(i)", int(i)) for i in shown[: len(expected)]}
    assert keys == expected
    tony = next(row for row in rows if row.startswith("Tony Blair"))
    assert re.fullmatch(r"Tony Blair Person \u00b7 \d+ articles \u00b7 also written .Blair.", tony)


def test_a_post_finds_the_people_who_hold_it(page):
    page.search("chancellor")
    rows = page.results()
    assert rows[0] == "People and bodies whose post is \u201cchancellor\u201d"
    assert rows[1].startswith("Gordon Brown Person \u00b7 ") and "post: Chancellor (" in rows[1]


def test_focus_on_an_entity_and_back(page, browser, corpus):
    page.click_entity("Tony Blair")
    key = page.js("kg.entity('Tony Blair').key")
    assert page.js("location.hash") == f"#focus={key}"
    text = page.panel_text()
    assert text.startswith("Tony Blair\nPerson \u00b7 named in ")
    assert "Prime Minister (" in text  # his post
    assert re.search(r"Relations \(\d+\)", text) and "Quotations (" in text
    drawn = page.drawn()
    assert drawn[0]["label"] == "Tony Blair" and 20 < len(drawn) <= 61
    labels = page.labels()
    assert "Tony Blair" in {label["text"] for label in labels}
    for i, a in enumerate(labels):
        assert not any(overlaps(a, b) for b in labels[i + 1 :])
    corner = page.js("(() => { const b = document.getElementById('kg-graph')"
                     ".getBoundingClientRect(); return [b.left + 4, b.top + 4]; })()")  # fmt: skip
    page.page.mouse.move(*corner)  # over nothing: vis-network hides its tooltip
    # vis-network makes its tooltip on the first hover, which a click may not have been
    page.wait("(t => !t || t.style.visibility !== 'visible')"
              "(document.querySelector('div.vis-tooltip'))")  # fmt: skip
    page.screenshot("focus.png")

    page.page.locator("input[name=kg-hops][value='2']").check()
    page.wait("location.hash.endsWith('&hops=2') && kg.state.hops === 2")
    assert len(page.drawn()) > len(drawn)

    page.page.keyboard.press("Escape")
    page.wait("kg.state.mode === 'overview'")
    assert len(page.drawn()) == 100 and page.js("document.getElementById('kg-panel').hidden")
    page.page.go_back()
    page.wait("kg.state.mode === 'focus' && kg.state.hops === 2")
    page.page.go_back()
    page.wait("kg.state.mode === 'focus' && kg.state.hops === 1")
    page.page.go_back()
    page.wait("kg.state.mode === 'overview'")

    # the address is the view: another reader opening it sees the same focus
    shared = Opened(browser, corpus[1], fragment=f"#focus={key}&hops=2")
    try:
        assert shared.panel_title() == "Tony Blair" and shared.js("kg.state.hops") == 2
    finally:
        shared.close()
    assert page.errors == []


def test_evidence_is_the_sentence_alone_with_its_article(page):
    page.click_entity("Michael Howard")
    quotes = page.js(
        """Array.from(document.querySelectorAll('#kg-panel ul.evidence li:has(blockquote)'),
            li => [li.querySelector('blockquote').textContent,
                   li.querySelector('.title').textContent])"""
    )
    assert len(quotes) >= 4
    for sentence, title in quotes:
        assert title and not title.startswith("article ")
        assert not (sentence.startswith(title) and len(sentence) > len(title)), (sentence, title)


def test_filters_answer_at_once(page):
    words = page.js("Array.from(document.querySelectorAll('input.kg-rel'), b => b.dataset.words)")
    assert {"charged under", "criticised", "member of", "named in the same sentence"} <= set(words)

    def timed(action: str) -> float:
        return page.js(
            f"""() => {{ const t0 = performance.now(); {action};
                return performance.now() - t0; }}"""
        )

    place = page.page.get_by_label("Place (", exact=False)
    place_ms = timed(f"document.querySelectorAll('input.kg-type')[{3}].click()")
    assert not place.is_checked()
    assert "Place" not in {n["type"] for n in page.drawn()} and len(page.drawn()) == 100
    minimum_ms = timed(
        "(() => { const m = document.getElementById('kg-min'); m.value = '30';"
        " m.dispatchEvent(new Event('change')); })()"
    )
    counts = page.js("kg.drawn().map(n => kg.articleCount(n.index))")
    assert counts and min(counts) >= 30
    same = "input.kg-rel[data-words='named in the same sentence']"
    relation_ms = timed(f'document.querySelector("{same}").click()')
    assert all(page.js("j => kg.linkInfo(j).words", j) != "named in the same sentence"
               for j in page.js("kg.links()"))  # fmt: skip
    print(f"\nfilter changes (filter, layout, draw): type {place_ms:.0f} ms, minimum articles "
          f"{minimum_ms:.0f} ms, relation {relation_ms:.0f} ms")  # fmt: skip
    assert max(place_ms, minimum_ms, relation_ms) < FILTER_BOUND_MS
    assert page.errors == []


def test_the_edge_panel_lists_every_article_that_states_the_fact(page):
    j = page.js(
        "(() => { for (let j = 0; ; j++) { const l = kg.linkInfo(j);"
        " if (l.a === undefined) return -1;"
        " if (l.words === 'member of' && l.n >= 3) return j; } })()"
    )
    assert j >= 0
    info = page.js("j => kg.linkInfo(j)", j)
    page.js("j => kg.showLink(j)", j)
    text = page.panel_text()
    assert text.startswith("Relation\n") and f"Stated in {info['n']} articles:" in text
    sources = page.js("document.querySelectorAll('#kg-panel ul.evidence .source').length")
    assert sources >= info["n"]  # each article with its sentence (an article may state it twice)
