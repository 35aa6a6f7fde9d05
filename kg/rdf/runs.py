"""Sorted runs: a graph too large for memory, written a batch at a time and merged from disk.

A build that streams (kg.builder.stream) turns each batch of articles into `Quads` and
writes them with `write_runs` as two sorted files: the named graphs' quads, in the order
kg.rdf.quads writes them (graph, subject, predicate, object), and the triples of their
union, in (subject, predicate, object) order. `merge_runs` merges the runs, each line once,
as an external sort does, and the writers (kg.rdf.serialize) read the merged stream.

A line is its terms' N-Triples text joined by tabs. N-Triples text escapes every character
below a space (a tab in a literal is written "\\t"), so a tab sorts below any character of a
term and comparing two lines compares their terms one by one, as `kg.rdf.quads.order` does:
merged lines come out in the order the in-memory writers sort, and the files are the same.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

from kg.rdf.quads import Quads

_BUFFER = 1 << 20  # bytes read ahead per run: few seeks while many runs are merged


def write_runs(quads: Quads, named: Path, union: Path) -> int:
    """Write `quads` as one sorted run of quad lines (`named`) and one of the union's
    triple lines (`union`); returns the number of quads."""
    lines: list[str] = []
    triples: set[str] = set()
    for name in quads.graph_names():
        graph = str(name)
        for t in quads.triples(name):
            triple = f"{t.subject}\t{t.predicate}\t{t.object}\n"
            lines.append(f"{graph}\t{triple}")
            triples.add(triple)
    lines.sort()
    _write(named, lines)
    del lines
    _write(union, sorted(triples))
    return len(quads)


def _write(path: Path, lines: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.writelines(lines)


def merge_runs(paths: Iterable[Path]) -> Iterator[str]:
    """The lines of the sorted runs at `paths`, merged in order, each line once."""
    with ExitStack() as stack:
        runs = [
            stack.enter_context(open(p, encoding="utf-8", newline="\n", buffering=_BUFFER))
            for p in paths
        ]
        previous = None
        for line in heapq.merge(*runs):
            if line != previous:
                yield line
                previous = line


def nquad(line: str) -> str:
    """A merged quad line as an N-Quads statement."""
    graph, subject, predicate, obj = line.split("\t")
    return f"{subject} {predicate} {obj[:-1]} {graph} .\n"


def ntriple(line: str) -> str:
    """A merged union line as an N-Triples statement."""
    return line.replace("\t", " ")[:-1] + " .\n"
