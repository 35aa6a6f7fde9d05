"""How graph.html copes with the size of a real archive: 300, 2,115 and 8,000 BBC articles.

    python bench/view_scale.py                      # all three sizes
    python bench/view_scale.py --sizes 300 2115     # some of them
    python bench/view_scale.py --cache /tmp/kg-view # keep the built graphs for the next run

For each size: the page's size, the time to write it (kg.graph.view.write_html from the
built store: projection, analytics and rendering, as `kg build` does), then in Debian's
Chromium (never a downloaded one; network refused) the first contentful paint and the time
until the page is ready to use (both from navigation start), the time a filter change takes
(filtering, layout and drawing; type, minimum articles and, where articles have dates, the
date slider) and the time to focus on the most central entity. Figures go to stdout and to
bench/results/view-*.json.

300 articles are spread evenly over the corpus (tests/support/bbc.py); 2,115 are all its
unique articles. The corpus has no more, so 8,000 are made from it by a deterministic
variation (`vary`): the 2,115 article graphs are copied until there are 8,000 (copies 2 to
4, the last one partial), each copy's articles, sentences, mentions and statements given new
IRIs and identifiers; an entity named in 5 articles or more stays one entity across the
copies (the big names recur in a bigger archive) while every other entity of a copy becomes
an entity of its own, its names suffixed with the copy's number (a bigger archive names more
people); every article, the originals too, gets a publication date, spread over 2004-2005 by
a hash of its identifier, so the date slider is measured as well. The BBC articles have no
dates of their own, so at 300 and 2,115 there is no slider.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent / "tests"
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from support.bbc import build_store, corpus_files, write_page  # noqa: E402

RESULTS = HERE / "results"
ID = "https://kg.example.org/id/"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
SHARED_MIN_ARTICLES = 5
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _built(size: int, cache: Path | None):
    """The store of `size` BBC articles (built by kg, or read back from the cache)."""
    import pyoxigraph as ox

    saved = cache / f"bbc-{size}.nq" if cache else None
    if saved and saved.exists():
        store = ox.Store()
        store.bulk_load(path=saved, format=ox.RdfFormat.N_QUADS)
        return store
    store = build_store(corpus_files(limit=size))
    if saved:
        saved.parent.mkdir(parents=True, exist_ok=True)
        store.dump(saved, format=ox.RdfFormat.N_QUADS)
    return store


def _date_of(identifier: str) -> str:
    day = int(hashlib.sha256(identifier.encode()).hexdigest()[:8], 16) % 731
    return (date(2004, 1, 1) + timedelta(days=day)).isoformat()


def vary(store, articles: int):
    """The module docstring's variation of a built store: `articles` articles, with dates."""
    import pyoxigraph as ox

    from kg.graph.project import ENTITY_TYPES

    graphs = sorted(
        g.value for g in store.named_graphs() if g.value.startswith(ID + "graph/article")
    )
    entities = {
        q.subject.value
        for _, iri in ENTITY_TYPES
        for q in store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), ox.NamedNode(iri), None)
    }
    named_in: dict[str, int] = {}
    for q in store.quads_for_pattern(None, ox.NamedNode(SCHEMA + "mentions"), None, None):
        named_in[q.object.value] = named_in.get(q.object.value, 0) + 1
    shared = {e for e in entities if named_in.get(e, 0) >= SHARED_MIN_ARTICLES}
    own = entities - shared  # made new in each copy
    out = ox.Store()
    out.bulk_extend(store.quads_for_pattern(None, None, None, None))
    copies = [(c, g) for c in range(1, 1 + articles // len(graphs) + 1) for g in graphs]
    copies = copies[: max(0, articles - len(graphs))]

    def rename(term, copy: int):
        if isinstance(term, ox.NamedNode) and term.value.startswith(ID):
            if term.value in shared:
                return term
            return ox.NamedNode(f"{term.value}-v{copy}")
        return term

    added = []
    entities_graph = next(g.value for g in store.named_graphs() if "/graph/entities" in g.value)
    copied_entities: set[tuple[str, int]] = set()
    for copy, graph in copies:
        new_graph = ox.NamedNode(f"{graph}-v{copy}")
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
            obj = q.object
            if q.predicate.value == SCHEMA + "identifier":
                obj = ox.Literal(f"{obj.value}-v{copy}")
            else:
                obj = rename(obj, copy)
            subject = rename(q.subject, copy)
            added.append(ox.Quad(subject, q.predicate, obj, new_graph))
            for term in (q.subject, q.object):
                if isinstance(term, ox.NamedNode) and term.value in own:
                    copied_entities.add((term.value, copy))
        for q in store.quads_for_pattern(ox.NamedNode(graph), None, None, None):
            added.append(ox.Quad(new_graph, q.predicate, rename(q.object, copy), q.graph_name))
    for entity, copy in sorted(copied_entities):
        for q in store.quads_for_pattern(
            ox.NamedNode(entity), None, None, ox.NamedNode(entities_graph)
        ):
            obj = q.object
            if isinstance(obj, ox.Literal) and q.predicate.value in (
                SKOS + "prefLabel", SKOS + "altLabel", SCHEMA + "name"
            ):  # fmt: skip
                obj = ox.Literal(f"{obj.value} {copy + 1}", language=obj.language)
            added.append(ox.Quad(ox.NamedNode(f"{entity}-v{copy}"), q.predicate, obj, q.graph_name))
    out.bulk_extend(added)
    dated = []
    for q in out.quads_for_pattern(None, ox.NamedNode(SCHEMA + "identifier"), None, None):
        day = ox.Literal(_date_of(q.object.value), datatype=ox.NamedNode(XSD_DATE))
        dated.append(ox.Quad(q.subject, ox.NamedNode(SCHEMA + "datePublished"), day, q.graph_name))
    out.bulk_extend(dated)
    return out


def measure_in_chromium(path: Path) -> dict:
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
        page.goto(path.resolve().as_uri())
        while not page.evaluate("window.kg !== undefined && window.kg.state.ready"):
            time.sleep(0.02)
        figures = page.evaluate(
            """() => {
                const paint = performance.getEntriesByType('paint')
                    .filter(e => e.name === 'first-contentful-paint')[0];
                return {first_paint_ms: paint ? paint.startTime : null,
                        ready_ms: kg.timings.readyAt, parse_ms: kg.timings.parse,
                        labels: kg.labels().length, drawn: kg.drawn().length,
                        entities: JSON.parse(document.getElementById('kg-data').textContent)
                            .summary.entities};
            }"""
        )

        def timed(action: str) -> float:
            return page.evaluate(
                f"() => {{ const t0 = performance.now(); {action};"
                " return performance.now() - t0; }"
            )

        filters = {
            "type": timed("document.querySelectorAll('input.kg-type')[3].click()"),
            "type_back": timed("document.querySelectorAll('input.kg-type')[3].click()"),
            "min_articles": timed(
                "(() => { const m = document.getElementById('kg-min'); m.value = '3';"
                " m.dispatchEvent(new Event('change')); })()"
            ),
        }
        if not page.evaluate("document.getElementById('kg-dates').hidden"):
            filters["dates"] = timed(
                "(() => { const s = document.getElementById('kg-from');"
                " s.value = String(Math.round(Number(s.max) / 2));"
                " s.dispatchEvent(new Event('input')); })()"
            )
        figures["filter_ms"] = {k: round(v, 1) for k, v in filters.items()}
        # focus on the most central entity, as a click does (the address, then the view)
        focus = timed("location.hash = '#focus=' + kg.entityKey(0); kg.route()")
        figures["focus_ms"] = round(focus, 1)
        browser.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 2115, 8000])
    parser.add_argument("--cache", type=Path, help="keep built graphs here and reuse them")
    parser.add_argument("--out", type=Path, default=Path("/tmp"), help="where the pages go")
    args = parser.parse_args()

    rows = []
    base = None
    for size in sorted(args.sizes):
        started = time.perf_counter()
        if size <= 2115:
            store = _built(size, args.cache)
        else:
            base = base or _built(2115, args.cache)
            store = vary(base, size)
        if size == 2115:
            base = store
        prepared = time.perf_counter() - started
        path = args.out / f"kg-view-{size}.html"
        seconds = write_page(store, path, title=f"BBC News, {size:,} articles")
        row = {
            "articles": size,
            "quads": len(store),
            "prepare_s": round(prepared, 1),
            "write_s": round(seconds, 2),
            "page_mb": round(path.stat().st_size / 1e6, 2),
        }
        row.update(measure_in_chromium(path))
        rows.append(row)
        print(json.dumps(row), flush=True)

    print()
    print("| articles | entities | page | write | first paint | ready | filter (type / min / dates)"
          " | focus |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        f = r["filter_ms"]
        dates = f"{f['dates']:.0f}" if "dates" in f else "-"
        print(
            f"| {r['articles']:,} | {r['entities']:,} | {r['page_mb']:.1f} MB | "
            f"{r['write_s']:.1f} s | "
            f"{r['first_paint_ms']:.0f} ms | {r['ready_ms']:.0f} ms | "
            f"{f['type']:.0f} / {f['min_articles']:.0f} / {dates} ms | {r['focus_ms']:.0f} ms |"
        )
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    record = {"machine": platform.platform(), "python": platform.python_version(), "rows": rows}
    (RESULTS / f"view-{stamp}.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
