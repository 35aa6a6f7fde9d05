"""The on-disk Oxigraph store: open it to write or to read; the graphs queries and exports see.

A store directory is a RocksDB database (`is_store`). Only one process may open it to write
(`open_store`, `kg build --store`); readers open it read-only (`kg query`, `kg serve`).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from kg.errors import OutputError
from kg.rdf.quads import Quads
from kg.store.ledger import FINGERPRINT, LEDGER


def is_store(path: Path) -> bool:
    """A directory holding an Oxigraph (RocksDB) store."""
    return Path(path).is_dir() and (Path(path) / "CURRENT").is_file()


def open_store(directory: Path) -> ox.Store:
    """Open the store in `directory` for writing, creating it if need be."""
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise OutputError(f"{directory} is a file; --store needs a directory")
    if directory.is_dir() and any(directory.iterdir()) and not is_store(directory):
        raise OutputError(f"{directory} is not a kg store; pick a new or empty directory")
    directory.mkdir(parents=True, exist_ok=True)
    try:
        return ox.Store(str(directory))
    except OSError as exc:
        raise OutputError(
            f"cannot open the store {directory} for writing (is another kg using it?): {exc}"
        ) from exc


def open_read_only(directory: Path) -> ox.Store:
    try:
        return ox.Store.read_only(str(directory))
    except OSError as exc:
        raise OutputError(f"cannot open the store {directory}: {exc}") from exc


def public_graphs(store: ox.Store) -> list[ox.NamedNode | ox.BlankNode] | None:
    """The named graphs queries and exports see: all but the ledger (None: all of them)."""
    if not store.contains_named_graph(LEDGER):
        return None
    return [g for g in store.named_graphs() if g != LEDGER]


def store_quads(directory: Path) -> Quads:
    """The store's named graphs, without its ledger (to write OUT with
    `kg.output.write_outputs`)."""
    store = open_read_only(directory)
    graphs = public_graphs(store) or list(store.named_graphs())
    return Quads.from_quads(
        q for graph in graphs for q in store.quads_for_pattern(None, None, None, graph)
    )


def store_dataset(directory: Path) -> Dataset:
    """The store's named graphs as an rdflib Dataset."""
    return store_quads(directory).to_rdflib()


def size(directory: Path) -> tuple[int, int]:
    """(triples in the union, article graphs) of a store."""
    store = open_read_only(directory)
    triples = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    articles = sum(1 for _ in store.quads_for_pattern(None, FINGERPRINT, None, LEDGER))
    return triples, articles


def writer(directory: Path) -> int | None:
    """The id of the process that has the store open to write (a `kg build --store`), or
    None if no process has (or it cannot be told: outside Linux).

    RocksDB holds a POSIX lock on the store's LOCK file while it is open to write; F_GETLK
    reports the holder without taking the lock, so a build starting meanwhile is not
    disturbed.
    """
    import fcntl
    import os
    import struct
    import sys

    if not sys.platform.startswith("linux"):
        return None
    layout = "hhqqi4x"  # struct flock on Linux: type, whence, start, len, pid
    try:
        fd = os.open(Path(directory) / "LOCK", os.O_RDONLY)
    except OSError:
        return None
    try:
        request = struct.pack(layout, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        kind, _whence, _start, _len, pid = struct.unpack(
            layout, fcntl.fcntl(fd, fcntl.F_GETLK, request)
        )
    except OSError:
        return None
    finally:
        os.close(fd)
    return None if kind == fcntl.F_UNLCK else pid
