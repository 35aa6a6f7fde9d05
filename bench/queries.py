"""Time every named query in the Oxigraph store and in rdflib's in-memory engine, same run.

    python bench/queries.py                    # build a store of the 2,212 BBC articles
    python bench/queries.py --quick            # the first 60 articles of each topic (300)
    python bench/queries.py --store DIR        # time an existing store (no build)

The corpus (../shared/corpora/bbc) is read in place. The store is built with
`kg.store.incremental.build_store` (kept in --store DIR if given, else in a temporary
directory); the same named graphs are then parsed into an rdflib Dataset whose default
graph is their union, and each query, with the same parameters and the same text, runs in
both. rdflib runs in a child process with a time limit (--rdflib-timeout), since some of
its plans take minutes. Times are wall-clock seconds, best of --repeat runs for Oxigraph.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "corpora" / "bbc"
TOPICS = ("business", "entertainment", "politics", "sport", "tech")
# Parameters that have answers in the BBC graph (the others run with their defaults:
# co-mentions lists the top 100 pairs of all entities).
PARAMS = {
    "who-said-what": {"entity": "Tony Blair"},
    "shortest-connection": {"from": "Tony Blair", "to": "Gordon Brown"},
    "fact-provenance": {"subject": "Tony Blair"},
    "entity-timeline": {"entity": "Michael Howard"},
}


def corpus(quick: bool) -> list[Path]:
    files = []
    for topic in TOPICS:
        found = sorted((BBC / topic).glob("*.txt"))
        files += found[:60] if quick else found
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="300 articles, not 2,212")
    parser.add_argument("--store", type=Path, help="use (or build into) this store directory")
    parser.add_argument("--processes", type=int, default=2, help="extraction processes")
    parser.add_argument("--repeat", type=int, default=3, help="Oxigraph runs per query")
    parser.add_argument("--rdflib-timeout", type=float, default=120.0, help="seconds per query")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from kg.config import BuildConfig
    from kg.store.disk import is_store, size
    from kg.store.incremental import build_store

    scratch = None
    store_dir = args.store
    if store_dir is None:
        scratch = Path(tempfile.mkdtemp(prefix="kg-bench-"))
        store_dir = scratch / "store"
    try:
        if not (args.store and is_store(args.store)):
            files = corpus(args.quick)
            print(f"building a store of {len(files)} articles with {args.processes} process(es)")
            started = time.perf_counter()
            report = build_store(files, store_dir, BuildConfig(processes=args.processes))
            print(
                f"  {report.added} added, {len(report.skipped)} skipped (duplicates) in "
                f"{time.perf_counter() - started:.0f} s"
            )
        triples, articles = size(store_dir)
        print(f"store {store_dir}: {articles} articles, {triples:,} triples in the union\n")
        compare(store_dir, args.repeat, args.rdflib_timeout)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


def compare(store_dir: Path, repeat: int, rdflib_timeout: float) -> None:
    from kg.query.named import load
    from kg.query.sparql import QueryTimeout, _in_child, load_store, run_query
    from kg.store.disk import store_dataset

    store = load_store(store_dir)
    texts = {name: query.bind(PARAMS.get(name, {})) for name, query in load().items()}
    # Oxigraph is timed before rdflib loads its copy of the graph: with millions of rdflib
    # objects in the process, every Oxigraph query here ran 20 to 30% slower.
    oxigraph = {}
    for name, text in texts.items():
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            result = run_query(store, text)
            times.append(time.perf_counter() - started)
        oxigraph[name] = (min(times), len(result.rows))
    started = time.perf_counter()
    dataset = store_dataset(store_dir)
    dataset.default_union = True  # rdflib's default graph: the union (a set), as in kg
    print(f"rdflib: loaded {len(dataset):,} quads in {time.perf_counter() - started:.0f} s\n")
    print(f"{'query':28} {'rows':>6} {'oxigraph s':>11} {'rdflib s':>10} {'ratio':>7}  same")
    for name, text in texts.items():
        ox_time, rows = oxigraph[name]
        try:
            rd_time, rd_rows = _in_child(_rdflib_run, (dataset, text), rdflib_timeout)
            if isinstance(rd_time, str):  # the child failed: ("failed", why)
                raise RuntimeError(rd_rows)
            ratio = f"{rd_time / ox_time:7.0f}" if ox_time else "      -"
            same = "yes" if rd_rows == rows else f"no ({rd_rows} rows)"
            rd_text = f"{rd_time:10.3f}"
        except QueryTimeout:
            rd_text, ratio, same = f"> {rdflib_timeout:7.0f}", "      -", "-"
        except RuntimeError as exc:
            rd_text, ratio, same = "failed", "      -", str(exc)[:60]
        print(f"{name:28} {rows:6} {ox_time:11.3f} {rd_text:>10} {ratio}  {same}")


def _rdflib_run(dataset, text: str) -> tuple[float, int]:
    from kg.query.sparql import PREFIXES

    prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    started = time.perf_counter()
    rows = list(dataset.query(prologue + text))
    return time.perf_counter() - started, len(rows)


if __name__ == "__main__":
    sys.exit(main())
