"""Benchmark `kg build` against its floor: bare spaCy `nlp.pipe` over the same texts.

    python bench/build.py            # the whole BBC corpus (2,212 files, duplicates left out)
    python bench/build.py --quick    # 300 articles spread over the corpus
    python bench/build.py --profile 200   # cProfile of one build, top functions

Each measurement runs in a fresh subprocess, so its peak resident memory is its own. The
table goes to stdout and the figures to bench/results/build-*.json. Timings include loading
the model, in both the floor and the build (what a user waits for).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("KG_BBC", HERE.parent.parent / "shared" / "corpora" / "bbc"))
RESULTS = HERE / "results"
QUICK_ARTICLES = 300


def corpus_files(corpus: Path, limit: int | None) -> list[str]:
    """The corpus's .txt articles in sorted order, exact duplicates left out.

    With a limit, the files are spread evenly over the (topic-sorted) corpus so a quick run
    sees every topic.
    """
    duplicates: set[str] = set()
    listing = corpus / "DUPLICATES.tsv"
    if listing.exists():
        for line in listing.read_text(encoding="utf-8").splitlines()[1:]:
            if line.strip():
                duplicates.add(line.split("\t")[1])
    files = sorted(
        str(p)
        for p in corpus.rglob("*.txt")
        if p.relative_to(corpus).as_posix() not in duplicates and p.name.lower() != "readme.txt"
    )
    if limit and limit < len(files):
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


# --- measurements: each runs in its own subprocess ------------------------------------------


def _peak_rss_mib(processes: int) -> dict[str, float]:
    """Peak RSS of this process and of its largest (joined) child, in MiB.

    ru_maxrss of RUSAGE_CHILDREN is the largest single child, so with N workers the total
    is bounded by self + N * child (an upper bound: forked workers share pages).
    """
    multiprocessing.active_children()  # joins finished workers so they are counted
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    workers = processes if processes > 1 else 0
    return {
        "rss_main_mib": round(own, 1),
        "rss_worker_mib": round(child, 1),
        "rss_total_mib": round(own + workers * child, 1),
    }


def measure_floor(files: list[str], model: str | None, batch_size: int, processes: int) -> dict:
    import spacy

    from kg.ingest.files import read_articles
    from kg.model import Article
    from kg.nlp.pipeline import default_model, locate_model

    texts = [a.text for a in read_articles(files) if isinstance(a, Article)]
    started = time.perf_counter()
    # every component, as a plain user would (locate_model: the PyPI package that holds it)
    nlp = spacy.load(locate_model(model or default_model()))
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=processes))
    seconds = time.perf_counter() - started
    return {
        "articles": len(texts),
        "tokens": tokens,
        "seconds": round(seconds, 3),
        "pipeline": nlp.pipe_names,
        **_peak_rss_mib(processes),
    }


def measure_build(
    files: list[str], model: str | None, batch_size: int, processes: int, write: bool
) -> dict:
    from kg.builder.run import build
    from kg.config import BuildConfig
    from kg.output import write_outputs

    config = BuildConfig(model=model, processes=processes, batch_size=batch_size)
    started = time.perf_counter()
    result = build(files, config)
    seconds = time.perf_counter() - started
    figures = {
        "articles": len(result.extractions),
        "skipped": len(result.skipped),
        "quads": len(result.quads),
        "seconds": round(seconds, 3),
    }
    if write:
        out = Path(tempfile.mkdtemp(prefix="kg-bench-")) / "out"
        started = time.perf_counter()
        paths = write_outputs(result.quads, out)
        figures["write_seconds"] = round(time.perf_counter() - started, 3)
        figures["sizes_bytes"] = {p.name: p.stat().st_size for p in paths}
        shutil.rmtree(out.parent, ignore_errors=True)
    figures.update(_peak_rss_mib(processes))
    return figures


def measure_store_add(files: list[str], model: str | None, batch_size: int) -> dict:
    """Cost of adding one article to a store that already holds all the others."""
    from kg.config import BuildConfig
    from kg.nlp.pipeline import load_nlp
    from kg.store.incremental import build_store

    config = BuildConfig(model=model, batch_size=batch_size)
    nlp = load_nlp(model)
    directory = Path(tempfile.mkdtemp(prefix="kg-bench-store-")) / "store"
    try:
        started = time.perf_counter()
        first = build_store(files[:-1], directory, config, nlp=nlp)
        fill = time.perf_counter() - started
        started = time.perf_counter()
        one = build_store(files[-1:], directory, config, nlp=nlp)
        add = time.perf_counter() - started
        started = time.perf_counter()
        again = build_store(files[-1:], directory, config, nlp=nlp)
        rerun = time.perf_counter() - started
    finally:
        shutil.rmtree(directory.parent, ignore_errors=True)
    return {
        "articles_in_store": first.added,
        "fill_seconds": round(fill, 3),
        "add_one_seconds": round(add, 3),
        "add_one_added": one.added,
        "rerun_one_seconds": round(rerun, 3),
        "rerun_one_unchanged": again.unchanged,
        **_peak_rss_mib(1),
    }


def run_child(kind: str, files_list: Path, args: argparse.Namespace, **extra) -> dict:
    """Run one measurement in a fresh interpreter and return its figures."""
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--measure",
        kind,
        "--files-from",
        str(files_list),
        "--batch-size",
        str(args.batch_size),
        "--processes",
        str(extra.get("processes", 1)),
    ]
    if args.model:
        command += ["--model", args.model]
    if extra.get("write"):
        command.append("--write")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} measurement failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the run ---------------------------------------------------------------------------------


def bench(args: argparse.Namespace) -> dict:
    limit = QUICK_ARTICLES if args.quick else args.limit
    files = corpus_files(args.corpus, limit)
    if not files:
        raise SystemExit(f"no .txt articles under {args.corpus}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    listing = Path(tempfile.mkstemp(prefix="kg-bench-", suffix=".txt")[1])
    listing.write_text("\n".join(files), encoding="utf-8")
    runs = []
    try:
        for processes in args.processes:
            print(f"measuring {len(files)} articles, {processes} process(es)...", file=sys.stderr)
            floor = run_child("floor", listing, args, processes=processes)
            built = run_child("build", listing, args, processes=processes, write=processes == 1)
            runs.append({"processes": processes, "floor": floor, "build": built})
        store = _store_figures(listing, args)
    finally:
        listing.unlink(missing_ok=True)
    report = {
        "when": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "corpus": str(args.corpus),
        "files": len(files),
        "quick": bool(args.quick),
        "batch_size": args.batch_size,
        "model": args.model,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "runs": runs,
        "store": store,
    }
    _derive(report)
    return report


def _store_figures(listing: Path, args: argparse.Namespace) -> dict:
    if args.no_store:
        return {"note": "skipped (--no-store)"}
    if importlib.util.find_spec("kg.store") is None:
        return {"note": "skipped: kg.store does not exist (issue 5)"}
    try:
        return run_child("store", listing, args)
    except SystemExit as exc:
        return {"note": f"failed: {exc}"}


def _derive(report: dict) -> None:
    """Rates, ratios and the speed-up from the raw seconds."""
    one = None
    for run in report["runs"]:
        floor, built = run["floor"], run["build"]
        tokens = floor["tokens"]
        for figures in (floor, built):
            figures["articles_per_s"] = round(figures["articles"] / figures["seconds"], 2)
            figures["tokens_per_s"] = round(tokens / figures["seconds"])
        run["ratio"] = round(built["seconds"] / floor["seconds"], 3)
        if "write_seconds" in built:
            run["ratio_with_write"] = round(
                (built["seconds"] + built["write_seconds"]) / floor["seconds"], 3
            )
        if run["processes"] == 1:
            one = run
        elif one is not None:
            run["build_speedup"] = round(one["build"]["seconds"] / built["seconds"], 3)
            run["floor_speedup"] = round(one["floor"]["seconds"] / floor["seconds"], 3)


def table(report: dict) -> str:
    rows = [
        ("procs", "what", "seconds", "articles/s", "tokens/s", "peak RSS MiB", "build/floor"),
    ]
    for run in report["runs"]:
        for what in ("floor", "build"):
            f = run[what]
            rows.append(
                (
                    str(run["processes"]),
                    "spaCy nlp.pipe" if what == "floor" else "kg build",
                    f"{f['seconds']:.1f}",
                    f"{f['articles_per_s']:.1f}",
                    f"{f['tokens_per_s']:,}",
                    f"{f['rss_total_mib']:,.0f}",
                    f"{run['ratio']:.2f}" if what == "build" else "",
                )
            )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = []
    first = report["runs"][0]
    notes.append(
        f"{first['floor']['articles']} articles, {first['floor']['tokens']:,} tokens, "
        f"batch size {report['batch_size']}, {report['machine']['cpus']} CPUs"
    )
    notes.append(f"floor pipeline: {', '.join(first['floor']['pipeline'])}")
    for run in report["runs"]:
        if "build_speedup" in run:
            notes.append(
                f"{run['processes']} processes vs 1: build {run['build_speedup']:.2f}x, "
                f"floor {run['floor_speedup']:.2f}x"
            )
        if "write_seconds" in run["build"]:
            sizes = run["build"]["sizes_bytes"].items()
            sizes = ", ".join(f"{name} {size / 2**20:.1f} MiB" for name, size in sizes)
            notes.append(
                f"writing the output files: {run['build']['write_seconds']:.1f} s "
                f"(build+write / floor = {run['ratio_with_write']:.2f}); {sizes}"
            )
    store = report.get("store") or {}
    if "add_one_seconds" in store:
        notes.append(
            f"store: filled with {store['articles_in_store']} articles in "
            f"{store['fill_seconds']:.1f} s; adding one more {store['add_one_seconds']:.2f} s, "
            f"re-adding it unchanged {store['rerun_one_seconds']:.2f} s "
            f"(peak RSS {store['rss_main_mib']:,.0f} MiB)"
        )
    else:
        notes.append("store, add one article: " + (store.get("note") or json.dumps(store)))
    return "\n".join(lines + [""] + notes)


def profile(args: argparse.Namespace) -> None:
    """cProfile one single-process build; print where the time goes."""
    import cProfile
    import pstats

    from kg.builder.run import build
    from kg.config import BuildConfig
    from kg.nlp.pipeline import load_nlp

    files = corpus_files(args.corpus, args.profile)
    nlp = load_nlp(args.model)  # loaded outside the profile: a one-off cost
    config = BuildConfig(model=args.model, batch_size=args.batch_size)
    profiler = cProfile.Profile()
    profiler.enable()
    build(files, config, nlp=nlp)
    profiler.disable()
    RESULTS.mkdir(parents=True, exist_ok=True)
    dump = RESULTS / f"profile-{len(files)}.pstats"
    profiler.dump_stats(dump)
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(r"kg/|spacy/language|pipeline|rdflib/graph", 40)
    print(f"full profile: {dump} (python -m pstats {dump})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ARTICLES} articles")
    parser.add_argument("--limit", type=int, help="at most this many articles")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--model", help="spaCy pipeline (default: kg's preferred one)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-store", action="store_true", help="skip the store figures")
    parser.add_argument("--profile", type=int, metavar="N", help="profile a build of N articles")
    # Internal: one measurement, run by the parent in a fresh subprocess.
    parser.add_argument("--measure", choices=("floor", "build", "store"), help=argparse.SUPPRESS)
    parser.add_argument("--files-from", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--write", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.measure:
        files = args.files_from.read_text(encoding="utf-8").splitlines()
        processes = args.processes[0]
        if args.measure == "floor":
            figures = measure_floor(files, args.model, args.batch_size, processes)
        elif args.measure == "build":
            figures = measure_build(files, args.model, args.batch_size, processes, args.write)
        else:
            figures = measure_store_add(files, args.model, args.batch_size)
        print(json.dumps(figures))
        return
    if args.profile:
        profile(args)
        return
    report = bench(args)
    name = "build-quick" if args.quick else "build"
    path = RESULTS / f"{name}-{report['when'].replace(':', '')}.json"
    path.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(table(report))
    print(f"\nfigures: {path}")


if __name__ == "__main__":
    main()
