"""Graphs to the OUT directory: graph.trig, graph.ttl, graph.jsonld and graph.html.

OUT is replaced whole: the files are written into a fresh directory beside it (`staged`),
which takes its place only once every file is complete, so an interrupted write leaves the
previous OUT as it was. `write_outputs` writes a build's graph (kg.builder) or a store's
(kg.store.disk.store_quads) with the view; `export_store` writes a store's RDF files only.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from kg.rdf.quads import Quads
from kg.rdf.serialize import RDF_FILES, write_rdf_files
from kg.store.disk import store_quads

if TYPE_CHECKING:
    from rdflib import Dataset

OUTPUT_FILES = (*RDF_FILES, "graph.html")


def write_outputs(graph: Quads | Dataset, out: Path, *, title: str = "kg") -> list[Path]:
    """Write every output file into `out`, replacing it only once all are written."""
    # Imported here: the view needs networkx; and a test stands in for it mid-write.
    from kg.graph.view import write_html

    quads = graph if isinstance(graph, Quads) else Quads.from_rdflib(graph)
    with staged(out) as staging:
        write_rdf_files(quads, staging)
        # The view reads through an Oxigraph store: it indexes the graph in a fraction of
        # the memory an rdflib Dataset needs, and the view does not show lexical forms.
        write_html(quads.to_store(), staging / "graph.html", title=title)
    return [Path(out) / name for name in OUTPUT_FILES]


def export_store(directory: Path, out: Path) -> list[Path]:
    """Write graph.trig (named graphs), graph.ttl (their union) and graph.jsonld into `out`
    from the store in `directory`, replacing `out` only once all three are written."""
    quads = store_quads(directory)
    with staged(out) as staging:
        write_rdf_files(quads, staging)
    return [Path(out) / name for name in RDF_FILES]


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A fresh directory beside `out` to write into, which takes `out`'s place once the
    block ends: an interrupted write leaves the previous `out` as it was."""
    out = Path(out)
    parent = out.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    _recover(out)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=parent))
    try:
        yield staging
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
    os.replace(staging, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _recover(out: Path) -> None:
    """If a previous build died between its two renames, put the old output back."""
    if out.exists():
        return
    leftovers = sorted(out.parent.glob(f".{out.name}.old-*"))
    if leftovers:
        os.replace(leftovers[-1], out)
