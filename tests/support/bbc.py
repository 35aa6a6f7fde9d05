"""The BBC corpus (../shared/corpora/bbc) as the full-corpus browser tests and
bench/view_scale.py build it: the .txt articles in sorted order, exact duplicates
(DUPLICATES.tsv) left out, built by kg and written as graph.html."""

from __future__ import annotations

import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = Path(os.environ.get("KG_BBC", ROOT.parent / "shared" / "corpora" / "bbc"))


def corpus_files(corpus: Path = CORPUS, limit: int | None = None) -> list[str]:
    """The corpus's unique articles; with a limit, spread evenly over its (topic-sorted) files."""
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


def build_store(files: list[str], *, processes: int = 2):
    """kg's graph of the articles, in an in-memory Oxigraph store (as kg build writes it)."""
    from kg.builder.run import build
    from kg.config import BuildConfig

    return build(files, BuildConfig(processes=processes)).quads.to_store()


def write_page(store, path: Path, *, title: str) -> float:
    """Write graph.html of the store (as kg build does); the seconds it took."""
    from kg.graph.view import write_html

    started = time.perf_counter()
    write_html(store, path, title=title)
    return time.perf_counter() - started
