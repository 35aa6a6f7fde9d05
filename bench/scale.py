"""Benchmark `kg build -o` at archive scale: memory and speed, streaming against in memory.

    python bench/scale.py                  # 2,115 articles (the BBC corpus once), -p 2
    python bench/scale.py -n 8460          # the corpus four times over, each copy varied
    python bench/scale.py -n 300 -p 1      # a quick look

The corpus: the unique BBC articles (../shared/corpora/bbc, DUPLICATES.tsv left out, as
bench/build.py reads them), in sorted order, repeated until there are N. Copy 0 of an article
is the article as it is; copy k >= 1 ends with one more paragraph, "Additional reporting by
<first> <last> in <city>.", the names picked from short lists by the article's number and k,
so that no two articles are the same text (the article's id is a hash of it) and later
copies bring people the corpus did not have. The copies are written under --work (default:
a directory in /tmp), never into the repository.

Each build is `kg build CORPUS -o OUT -p P -q` in its own process, once streaming (the
default) and once with `--stream-batch 0`, which holds the whole graph in memory as kg did
before; psutil samples the process tree every 0.2 s for the peak resident memory of the main
process and of each worker, and the CPU time of the whole tree (on a shared machine the
wall time varies with the load; the CPU time much less). The table goes to stdout, the
figures to bench/results/scale-*.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build import CORPUS, corpus_files  # noqa: E402 - bench/build.py, beside this one

RESULTS = HERE / "results"
KG = Path(sys.executable).with_name("kg")
FIRST = "Alex Sam Jo Chris Robin Kim Lee Pat Jamie Morgan Casey Drew Kit Noel Ray".split()
LAST = (
    "Ashworth Bramley Calloway Dunmore Ellery Fairbairn Garside Hollins Ingham Jessop "
    "Kershaw Lumley Maddox Northcott Ormerod Pilling Quarmby Rushworth Stansfield Tolley"
).split()
CITY = "Leeds Bristol Cardiff Belfast Aberdeen Norwich Exeter Dundee Hull Derby".split()


def make_corpus(n: int, into: Path) -> int:
    """Write N articles into `into` (see the module's docstring); returns how many."""
    files = corpus_files(CORPUS, None)
    if not files:
        raise SystemExit(f"no .txt articles under {CORPUS}")
    if into.exists() and len(list(into.rglob("*.txt"))) == n:
        return n  # made before, the same way
    shutil.rmtree(into, ignore_errors=True)
    for i in range(n):
        source = Path(files[i % len(files)])
        copy = i // len(files)
        text = source.read_text(encoding="utf-8", errors="replace")
        if copy:
            first = FIRST[(i + copy) % len(FIRST)]
            last = LAST[(i * 7 + copy * 3) % len(LAST)]
            city = CITY[(i + copy * 5) % len(CITY)]
            text = text.rstrip() + f"\n\nAdditional reporting by {first} {last} in {city}.\n"
        target = into / f"copy{copy}" / source.relative_to(CORPUS)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return n


def measure(corpus: Path, out: Path, processes: int, streaming: bool) -> dict:
    """One `kg build`, its process tree sampled for peak RSS (MiB) per process."""
    command = [str(KG), "build", str(corpus), "-o", str(out), "-p", str(processes), "-q"]
    if not streaming:
        command += ["--stream-batch", "0"]
    peaks: dict[int, float] = {}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    main = psutil.Popen(command, stderr=subprocess.PIPE, text=True)
    while main.poll() is None:
        try:
            tree = [main, *main.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for proc in tree:
            try:
                rss = proc.memory_info().rss / 2**20
            except psutil.NoSuchProcess:
                continue
            peaks[proc.pid] = max(peaks.get(proc.pid, 0.0), rss)
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the whole tree, once it is waited for
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    errors = main.stderr.read() if main.stderr else ""
    if main.returncode != 0:
        raise SystemExit(f"kg build failed ({main.returncode}):\n{errors[-3000:]}")
    sizes = {p.name: p.stat().st_size for p in out.iterdir() if p.name.startswith("graph.")}
    workers = [round(rss, 1) for pid, rss in sorted(peaks.items()) if pid != main.pid]
    return {
        "mode": "streaming" if streaming else "in memory",
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),  # less at the mercy of a shared machine than seconds
        "rss_main_mib": round(peaks.get(main.pid, 0.0), 1),
        "rss_workers_mib": workers,
        "output_bytes": sum(sizes.values()),
        "sizes_bytes": sizes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--articles", type=int, default=2115)
    parser.add_argument("-p", "--processes", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kg-scale")
    parser.add_argument("--only", choices=["streaming", "memory"], help="one mode, not both")
    args = parser.parse_args()
    corpus = args.work / f"corpus-{args.articles}"
    n = make_corpus(args.articles, corpus)
    runs = []
    for streaming in (False, True):
        if args.only and args.only != ("streaming" if streaming else "memory"):
            continue
        out = args.work / f"out-{'stream' if streaming else 'memory'}"
        print(
            f"building {n} articles, -p {args.processes}, "
            f"{'streaming' if streaming else 'in memory'}...",
            file=sys.stderr,
            flush=True,
        )
        run = measure(corpus, out, args.processes, streaming)
        run["articles_per_s"] = round(n / run["seconds"], 2)
        runs.append(run)
    print(f"\n{n} articles, {args.processes} process(es), {os.cpu_count()} CPUs")
    print("| mode | seconds | CPU s | articles/s | peak RSS main | peak RSS workers | output |")
    print("|---|---|---|---|---|---|---|")
    for run in runs:
        workers = ", ".join(f"{w:,.0f}" for w in run["rss_workers_mib"]) or "-"
        print(
            f"| {run['mode']} | {run['seconds']:.1f} | {run['cpu_seconds']:.1f} | "
            f"{run['articles_per_s']:.1f} | "
            f"{run['rss_main_mib']:,.0f} MiB | {workers} MiB | "
            f"{run['output_bytes'] / 2**20:,.0f} MiB |"
        )
    if len(runs) == 2:
        ratio = runs[1]["seconds"] / runs[0]["seconds"]
        cpu = runs[1]["cpu_seconds"] / runs[0]["cpu_seconds"]
        print(
            f"streaming/in memory time: {ratio:.3f}, CPU time: {cpu:.3f}; main RSS: "
            f"{runs[1]['rss_main_mib'] / runs[0]['rss_main_mib']:.2f}"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    record = {"articles": n, "processes": args.processes, "runs": runs}
    path = RESULTS / f"scale-{n}-p{args.processes}-{stamp}.json"
    path.write_text(json.dumps(record, indent=1), encoding="utf-8")
    print(f"figures: {path}")
    for line in capacity(args.processes):
        print(line)


def capacity(processes: int) -> list[str]:
    """The largest corpus whose build fits in 8 and 24 GiB, per mode: the whole tree's peak
    (main plus workers) grown at the rate measured between the two largest sizes on record
    in bench/results with this many processes; one size on record gives no rate."""
    latest: dict[tuple[str, int], float] = {}
    for path in sorted(RESULTS.glob(f"scale-*-p{processes}-*.json")):  # oldest first
        record = json.loads(path.read_text(encoding="utf-8"))
        for run in record["runs"]:
            tree = run["rss_main_mib"] + sum(run["rss_workers_mib"])
            latest[(run["mode"], record["articles"])] = tree
    lines = []
    for mode in sorted({m for m, _ in latest}):
        sizes = sorted(n for m, n in latest if m == mode)
        if len(sizes) < 2:
            lines.append(f"{mode}: one corpus size on record; run another -n for a rate")
            continue
        small, large = sizes[-2], sizes[-1]
        rate = (latest[(mode, large)] - latest[(mode, small)]) / (large - small)
        if rate <= 0:
            lines.append(f"{mode}: no growth measured between {small} and {large} articles")
            continue
        fits = [large + (gib * 1024 - latest[(mode, large)]) / rate for gib in (8, 24)]
        lines.append(
            f"{mode}: {rate:.3f} MiB an article ({small} -> {large}); fits in 8 GiB: "
            f"about {fits[0]:,.0f} articles, in 24 GiB: about {fits[1]:,.0f} (extrapolated)"
        )
    return lines


if __name__ == "__main__":
    main()
