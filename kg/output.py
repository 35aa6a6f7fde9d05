"""Graphs to the OUT directory: graph.trig, graph.ttl, graph.jsonld and graph.html.

OUT is replaced whole: the files are written into a fresh directory beside it (`staged`),
which takes its place only once every file is complete, so an interrupted write leaves the
previous OUT as it was. `write_outputs` writes a build's graph (kg.builder) or a store's
(kg.store.disk.store_quads) with the view; `build_outputs` builds articles straight into
OUT, streaming (kg.builder.stream), so that memory is bounded by a batch of articles, not the
corpus; `export_store` writes a store's RDF files only.

What may be replaced (`check_out`): an OUT that is absent, an empty directory, or one kg
wrote before (it holds the marker file `OUT_MARKER`, or only kg's output files, as OUTs
written before the marker do); anything else only with `force`.
Never, even with `force`, an OUT that is or holds an input, the store, the current
directory or the home directory.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.builder.run import BuildResult
from kg.builder.stream import BATCH, Streamed, stream_build
from kg.config import OUT_MARKER, BuildConfig
from kg.errors import OutputError
from kg.rdf.quads import Quads
from kg.rdf.serialize import RDF_FILES, write_merged_files, write_rdf_files
from kg.store.disk import store_quads

if TYPE_CHECKING:
    from rdflib import Dataset

OUTPUT_FILES = (*RDF_FILES, "graph.html")
_MARKER_TEXT = (
    "This directory was written by kg (kg build -o, kg export -o); kg replaces it whole\n"
    "on the next build to the same OUT. Keep nothing else in it.\n"
)
# A staging directory not locked by a live build, and untouched this long, is left over
# from a build that was killed: the next build removes it. (The creator locks its staging
# directory the moment it makes it; the grace covers that instant.)
_STALE_AFTER = 10.0  # seconds
_GLOB_CHARS = frozenset("*?[")


def write_outputs(
    graph: Quads | Dataset | BuildResult, out: Path, *, title: str = "kg", force: bool = False
) -> list[Path]:
    """Write every output file of `graph` (a build's result, or its graph as `Quads` or an
    rdflib Dataset) into `out`, replacing it only once all are written.

    `out` must be absent, empty or a previous OUT of kg's (`check_out`; `force` for the rest).
    """
    # Imported here: the view needs networkx; and a test stands in for it mid-write.
    from kg.graph.view import write_html

    if isinstance(graph, BuildResult):
        graph = graph.quads
    quads = graph if isinstance(graph, Quads) else Quads.from_rdflib(graph)
    with staged(out, force=force) as staging:
        write_rdf_files(quads, staging)
        # The view reads through an Oxigraph store: it indexes the graph in a fraction of
        # the memory an rdflib Dataset needs, and the view does not show lexical forms.
        write_html(quads.to_store(), staging / "graph.html", title=title)
    return [Path(out) / name for name in OUTPUT_FILES]


class _NothingBuilt(Exception):
    """No article could be built: OUT is left as it was."""


def build_outputs(
    paths: Iterable[str | Path],
    out: Path,
    config: BuildConfig | None = None,
    *,
    title: str = "kg",
    force: bool = False,
    batch: int = BATCH,
    on_writing: Callable[[], None] | None = None,
    **build_options,
) -> tuple[Streamed, list[Path]]:
    """Build the articles under `paths` and write every output file into `out`, as
    `write_outputs(kg.build(paths, config), out)` does, byte for byte, but streaming: the
    build leaves sorted runs of quads in a scratch directory inside the staging directory,
    and the files are written by merging them (kg.rdf.serialize.write_merged_files).
    `build_options` go to kg.builder.stream.stream_build (nlp, progress, on_article_count).

    When no article could be built, nothing is written: the files listed are none.
    """
    from kg.graph.view import write_html

    built: Streamed | None = None
    try:
        with staged(out, force=force) as staging:
            scratch = staging / ".scratch"
            scratch.mkdir()
            try:
                built = stream_build(
                    paths, config or BuildConfig(), scratch, batch=batch, **build_options
                )
                if not built.counts.articles:
                    raise _NothingBuilt
                if on_writing:  # the build is done: say that the files come next
                    on_writing()
                merged = write_merged_files(built.named_runs, built.union_runs, staging, scratch)
                built.counts.quads, built.counts.graphs = merged.quads, merged.graphs
                store = _view_store(merged.nquads)
                merged.nquads.unlink()
                write_html(store, staging / "graph.html", title=title)
                del store
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
    except _NothingBuilt:
        assert built is not None
        return built, []
    return built, [Path(out) / name for name in OUTPUT_FILES]


def _view_store(nquads: Path, chunk: int = 50_000) -> ox.Store:
    """The Oxigraph store the view reads, from a sorted N-Quads file: without the quads
    it never reads (kg.graph.project.UNREAD), loaded a chunk of lines at a time. It is the
    largest thing a streamed build holds, about a third of a KiB a quad."""
    from kg.graph.project import UNREAD

    unread = {f"<{iri}>" for iri in UNREAD}
    store = ox.Store()
    with open(nquads, encoding="utf-8") as lines:
        # An N-Quads line of kg's starts "<subject> <predicate> ": IRIs hold no spaces.
        read = (line for line in lines if line.split(" ", 2)[1] not in unread)
        while block := list(islice(read, chunk)):
            store.load(input="".join(block), format=ox.RdfFormat.N_QUADS)
    return store


def export_store(directory: Path, out: Path, *, force: bool = False) -> list[Path]:
    """Write graph.trig (named graphs), graph.ttl (their union) and graph.jsonld into `out`
    from the store in `directory`, replacing `out` only once all three are written."""
    check_out(out, store=directory, force=force)
    quads = store_quads(directory)
    with staged(out, force=force) as staging:
        write_rdf_files(quads, staging)
    return [Path(out) / name for name in RDF_FILES]


def check_out(
    out: Path,
    *,
    inputs: Iterable[str | Path] = (),
    store: Path | None = None,
    force: bool = False,
) -> None:
    """Raise OutputError unless `out` may be replaced by a build of `inputs` (files,
    directories or globs) or an export of `store`; see the module's docstring."""
    out = Path(out)
    where = _resolved(out)
    for raw in inputs:
        _refuse_overlap(out, where, _resolved(_input_root(raw)), f"the input {raw}")
    if store is not None:
        store_at = _resolved(Path(store))
        _refuse_overlap(out, where, store_at, f"the store {store}")
        if where.is_relative_to(store_at):
            raise OutputError(f"OUT {out} is inside the store {store}; pick another -o")
    for name, place in (("current", Path.cwd()), ("home", _home())):
        if place is not None and place.resolve().is_relative_to(where):
            raise OutputError(
                f"OUT {out} is or holds the {name} directory; kg replaces OUT whole: "
                "pick another -o"
            )
    if not force and not replaceable(out):
        what = "a file" if out.is_file() or not out.is_dir() else "a directory kg did not write"
        raise OutputError(
            f"OUT {out} is {what} (it holds no {OUT_MARKER} file), and kg replaces OUT "
            "whole; pick a new or empty directory, or pass --force to replace it"
        )


def replaceable(out: Path) -> bool:
    """`out` is absent, an empty directory, or an OUT kg wrote: it holds the marker, or
    (written before kg wrote one) nothing but kg's output files."""
    out = Path(out)
    if not out.exists() and not out.is_symlink():
        return True
    if not out.is_dir():
        return False
    return (out / OUT_MARKER).is_file() or all(
        entry.name in OUTPUT_FILES and entry.is_file() for entry in out.iterdir()
    )


def _refuse_overlap(out: Path, where: Path, other: Path, what: str) -> None:
    if other == where:
        raise OutputError(f"OUT {out} is {what}; kg replaces OUT whole: pick another -o")
    if other.is_relative_to(where):
        raise OutputError(f"OUT {out} holds {what}; kg replaces OUT whole: pick another -o")


def _input_root(raw: str | Path) -> Path:
    """The file or directory an input names; for a glob, the directory it starts from."""
    path = Path(raw)
    if path.exists() or not _GLOB_CHARS & set(str(raw)):
        return path
    parts: list[str] = []
    for part in path.parts:
        if _GLOB_CHARS & set(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def _home() -> Path | None:
    try:
        return Path.home()
    except RuntimeError:  # no HOME and no password entry
        return None


def _resolved(path: Path) -> Path:
    return Path(os.path.abspath(path)).resolve()


@contextmanager
def staged(out: Path, *, force: bool = False) -> Iterator[Path]:
    """A fresh directory beside `out` to write into, which takes `out`'s place once the
    block ends: an interrupted write leaves the previous `out` as it was."""
    out = Path(out)
    parent = _resolved(out).parent
    parent.mkdir(parents=True, exist_ok=True)
    _recover(out)
    _remove_leftovers(out)
    if not force and not replaceable(out):
        check_out(out)  # raises, saying why
    with _staging(out) as staging:
        (staging / OUT_MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
        yield staging
        _swap(staging, out)


@contextmanager
def _staging(out: Path) -> Iterator[Path]:
    """The staging directory, locked while this build uses it, with OUT's mode (or, for a
    new OUT, the mode the user's umask gives)."""
    parent = _resolved(out).parent
    while True:
        staging = parent / f".{out.name}.new-{secrets.token_hex(4)}"
        try:
            os.mkdir(staging, 0o777)  # the umask applies, as to any directory the user makes
            break
        except FileExistsError:
            continue
    lock = os.open(staging, os.O_RDONLY)
    try:
        _lock(lock)
        if out.is_dir():
            os.chmod(staging, stat.S_IMODE(out.stat().st_mode))
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        os.close(lock)


def _lock(fd: int) -> bool:
    """Take the lock on an open directory without waiting; False if another process has it."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no locks, staging directories are judged by age alone
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _remove_leftovers(out: Path) -> None:
    """Remove what killed builds left beside `out`: staging directories no live build holds,
    and (once `out` exists) old outputs that were being deleted."""
    parent = _resolved(out).parent
    for leftover in parent.glob(f".{out.name}.new-*"):
        if leftover.is_dir() and not leftover.is_symlink() and _abandoned(leftover):
            shutil.rmtree(leftover, ignore_errors=True)
    if out.exists():
        for leftover in parent.glob(f".{out.name}.old-*"):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)


def _abandoned(staging: Path) -> bool:
    try:
        if time.time() - staging.stat().st_mtime < _STALE_AFTER:
            return False
        fd = os.open(staging, os.O_RDONLY)
    except OSError:
        return False
    try:
        return _lock(fd)  # the lock of a killed build went with its process
    finally:
        with suppress(OSError):
            os.close(fd)


def _swap(staging: Path, out: Path) -> None:
    old = None
    if out.exists() or out.is_symlink():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
    os.replace(staging, out)
    if old is not None:
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink(missing_ok=True)


def _recover(out: Path) -> None:
    """If a previous build died between its two renames, put the old output back."""
    if out.exists():
        return
    leftovers = sorted(out.parent.glob(f".{out.name}.old-*"))
    if leftovers:
        os.replace(leftovers[-1], out)
