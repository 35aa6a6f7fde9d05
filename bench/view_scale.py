"""How graph.html copes with a large graph: build a synthetic projected graph, time the page.

    python bench/view_scale.py                  # 5,000 entities, writes /tmp/kg-view-5000.html
    python bench/view_scale.py --nodes 20000 --out big.html --browser

The graph has the shape kg.graph.project gives (entity nodes, relation and co-mention edges with
evidence), linked by preferential attachment as news graphs are: a few entities (the
government, the big parties) touch many, most touch one or two. With --browser it opens the
page in Debian's Chromium (never a downloaded one) and reports how long until it is drawn.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

TYPES = ("Person", "Organization", "Place", "Legislation")
TYPE_WEIGHTS = (0.45, 0.3, 0.15, 0.1)
PREDICATES = ("kg:met", "kg:criticised", "org:memberOf", "kg:opposes", "kg:basedIn")
# The Chromium launch the browser tests use (tests/support/chromium.py).
TESTS = Path(__file__).resolve().parent.parent / "tests"
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


def synthetic_graph(n: int, *, links_per_node: int = 2, seed: int = 7):
    """A projected-style MultiDiGraph with `n` entities (kg.graph.project has the attributes)."""
    import networkx as nx

    from kg.graph.project import Evidence

    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    iris = [f"https://kg.example.org/id/entity/e{i}" for i in range(n)]
    for i, iri in enumerate(iris):
        graph.add_node(
            iri,
            kind="entity",
            type=rng.choices(TYPES, TYPE_WEIGHTS)[0],
            subtype="",
            label=f"Entity {i}",
            alt_labels=[f"E{i}"],
            articles=rng.randint(1, 5),
            mentions=rng.randint(1, 20),
            quotations=0,
        )
    targets: list[str] = []  # every endpoint once per link: preferential attachment
    for i, iri in enumerate(iris):
        for _ in range(links_per_node if i else 0):
            other = rng.choice(targets) if targets and rng.random() < 0.8 else rng.choice(iris[:i])
            if other == iri:
                continue
            evidence = [Evidence(f"Entity {i} and the other one, in article {i}.", f"a{i}", "")]
            if rng.random() < 0.5:
                predicate = rng.choice(PREDICATES)
                graph.add_edge(
                    iri,
                    other,
                    key=predicate,
                    kind="relation",
                    predicate=predicate,
                    label=predicate,
                    family="other",
                    articles=1,
                    evidence=evidence,
                )
            else:
                graph.add_edge(
                    iri,
                    other,
                    key="comention",
                    kind="comention",
                    predicate="",
                    label="same sentence",
                    family="comention",
                    weight=rng.randint(1, 3),
                    articles=1,
                    evidence=evidence,
                )
            targets += [iri, other]
    return graph


def open_in_chromium(path: Path) -> dict:
    """Load the page from disk with the network blocked; seconds until nodes are drawn."""
    from playwright.sync_api import sync_playwright
    from support.chromium import launch

    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith("file:") else route.abort()
            ),
        )
        start = time.perf_counter()
        page.goto(path.resolve().as_uri())
        while not page.evaluate("window.kg !== undefined && window.kg.state.settled"):
            time.sleep(0.05)
        drawn = page.evaluate("Object.keys(kg.network.getPositions()).length")
        ready = time.perf_counter() - start
        started = time.perf_counter()
        page.evaluate("kg.network.fit(); kg.network.redraw()")
        redraw = time.perf_counter() - started
        browser.close()
    return {"drawn": drawn, "ready_s": round(ready, 2), "redraw_s": round(redraw, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/kg-view-5000.html"))
    parser.add_argument("--browser", action="store_true", help="also time it in Chromium")
    args = parser.parse_args()

    from kg.graph.view import render_html

    graph = synthetic_graph(args.nodes)
    start = time.perf_counter()
    page = render_html(graph, title=f"synthetic {args.nodes}")
    seconds = time.perf_counter() - start
    args.out.write_text(page, encoding="utf-8")
    print(
        f"{args.nodes} entities, {graph.number_of_edges()} edges: page rendered in "
        f"{seconds:.2f} s ({len(page) / 1e6:.1f} MB) -> {args.out}"
    )
    if args.browser:
        print("chromium:", open_in_chromium(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
