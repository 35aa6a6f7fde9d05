"""kg.output: what OUT may be, how it is replaced, and what a killed build leaves behind
(issue 13, findings 7, 8 and 12). No model needed: the graphs are read from test data."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli.app import app
from kg.config import OUT_MARKER
from kg.errors import OutputError
from kg.ingest.files import read_articles
from kg.model import Article, Skipped
from kg.output import check_out, export_store, staged, write_outputs
from kg.rdf.quads import Quads

SMALL = Path(__file__).parent / "data" / "small.trig"
runner = CliRunner()


@pytest.fixture(scope="module")
def small() -> Quads:
    return Quads.from_quads(ox.parse(path=str(SMALL), format=ox.RdfFormat.TRIG))


def _articles(root: Path) -> Path:
    arts = root / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text("Charles Clarke met the Home Office.")
    return arts


def _store(path: Path) -> Path:
    store = ox.Store(str(path))
    store.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("o"),
                      ox.NamedNode("http://e/g")))  # fmt: skip
    store.flush()
    del store
    return path


# --- finding 7: OUT is replaced only when it is safe -------------------------------------


def test_an_out_kg_wrote_is_replaced_and_marked(tmp_path, small):
    out = tmp_path / "out"
    write_outputs(small, out)
    assert (out / OUT_MARKER).is_file()
    (out / "graph.trig").write_text("stale")
    write_outputs(small, out)  # a previous OUT: replaced without --force
    assert (out / "graph.trig").read_text() != "stale"


def test_absent_and_empty_outs_are_written(tmp_path, small):
    (tmp_path / "empty").mkdir()
    for out in (tmp_path / "empty", tmp_path / "new" / "deeper"):
        write_outputs(small, out)
        assert (out / "graph.ttl").is_file()


@pytest.mark.parametrize("kind", ["file", "directory"])
def test_anything_else_is_refused_unless_forced(tmp_path, small, kind):
    out = tmp_path / ("notes.txt" if kind == "file" else "mine")
    if kind == "file":
        out.write_text("my notes")
    else:
        out.mkdir()
        (out / "thesis.tex").write_text("my thesis")
    with pytest.raises(OutputError, match=r"pass --force to replace it"):
        write_outputs(small, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # untouched, nothing left
    write_outputs(small, out, force=True)
    assert (out / "graph.trig").is_file() and (out / OUT_MARKER).is_file()


def test_an_out_that_is_or_holds_an_input_is_refused_even_forced(tmp_path):
    arts = _articles(tmp_path)
    for out, inputs, says in [
        (arts, [arts], "is the input"),
        (tmp_path, [arts], "holds the input"),
        (arts, [arts / "a.txt"], "holds the input"),
        (arts, [str(arts / "**" / "*.txt")], "is the input"),  # where the glob starts
        (tmp_path / "x" / "..", [arts], "holds the input"),  # the same place, spelled otherwise
    ]:
        with pytest.raises(OutputError, match=says):
            check_out(out, inputs=inputs, force=True)
    check_out(arts / "out", inputs=[arts])  # OUT inside the input is fine: it is never read


def test_an_out_that_is_holds_or_is_in_the_store_is_refused(tmp_path):
    store = _store(tmp_path / "s")
    for out in (store, tmp_path, store / "out"):
        with pytest.raises(OutputError, match="store"):
            check_out(out, store=store, force=True)
    with pytest.raises(OutputError, match="is the store"):
        export_store(store, store, force=True)
    assert (store / "CURRENT").is_file()


def test_the_current_directory_is_never_out(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OutputError, match="current directory"):
        check_out(Path("."), force=True)
    with pytest.raises(OutputError, match="current directory"):
        check_out(tmp_path.parent, force=True)


def test_cli_build_refuses_before_any_work(tmp_path):
    # `kg build arts -o arts` deleted the articles; `--store S -o S` the store.
    arts = _articles(tmp_path)
    result = runner.invoke(app, ["build", str(arts), "-o", str(arts), "--model", "nope_xx"])
    assert result.exit_code == 1
    assert f"error: OUT {arts} is the input {arts}" in result.output
    assert "cannot load" not in result.output  # refused before the model was loaded
    store = _store(tmp_path / "s")
    result = runner.invoke(app, ["build", str(arts), "--store", str(store), "-o", str(store)])
    assert result.exit_code == 1 and f"OUT {store} is the store {store}" in result.output
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    result = runner.invoke(app, ["build", str(arts), "-o", str(notes), "--model", "nope_xx"])
    assert result.exit_code == 1 and "pass --force to replace it" in result.output
    assert notes.read_text() == "mine" and (arts / "a.txt").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["arts", "notes.txt", "s"]


def test_cli_export_refuses_its_own_store(tmp_path):
    store = _store(tmp_path / "s")
    result = runner.invoke(app, ["export", str(store), "-o", str(store)])
    assert result.exit_code == 1 and f"OUT {store} is the store {store}" in result.output
    assert (store / "CURRENT").is_file()
    result = runner.invoke(app, ["export", str(store), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["export", str(store), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output  # its own OUT again: replaced


def test_an_out_is_never_read_as_articles(tmp_path, small):
    arts = _articles(tmp_path)
    write_outputs(small, arts / "out")  # `kg build arts -o arts/out`, then again
    origins = [r.origin for r in read_articles([arts])]
    assert origins == [str(arts / "a.txt")]
    globbed = [r.origin for r in read_articles([str(arts / "**" / "*.*")])]
    assert globbed == [str(arts / "a.txt")]
    (named,) = read_articles([arts / "out"])
    assert isinstance(named, Skipped) and "OUT directory written by kg" in named.reason
    assert all(isinstance(r, Article) for r in read_articles([arts]))


# --- finding 8: a killed build's staging directory is removed by the next ----------------


def _leftover(tmp_path: Path, name: str, age: float = 60.0) -> Path:
    leftover = tmp_path / name
    leftover.mkdir()
    (leftover / "graph.trig").write_bytes(b"partial" * 1000)
    old = time.time() - age
    os.utime(leftover, (old, old))
    return leftover


def test_leftover_staging_directories_are_removed(tmp_path):
    killed = _leftover(tmp_path, ".out.new-1a2b3c4d")
    older_kg = _leftover(tmp_path, ".out.new-x8k2_q0z")  # mkdtemp's names, before the lock
    other = _leftover(tmp_path, ".other.new-1a2b3c4d")  # another OUT's
    with staged(tmp_path / "out") as staging:
        (staging / "graph.trig").write_text("new")
    assert not killed.exists() and not older_kg.exists()
    assert other.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.new-1a2b3c4d", "out"]


def test_a_live_build_s_staging_directory_is_left_alone(tmp_path):
    live = _leftover(tmp_path, ".out.new-live0001")
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import fcntl, os, sys, time\n"
         f"fd = os.open({str(live)!r}, os.O_RDONLY)\n"
         "fcntl.flock(fd, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        with staged(tmp_path / "out"):
            pass
        assert live.exists()  # another build is writing it
    finally:
        holder.kill()
        holder.wait()
    with staged(tmp_path / "out"):
        pass
    assert not live.exists()  # its build is gone


def test_a_fresh_unlocked_staging_directory_is_left_alone(tmp_path):
    fresh = _leftover(tmp_path, ".out.new-fresh001", age=0)
    with staged(tmp_path / "out"):
        pass
    assert fresh.exists()  # made an instant ago: its build may not have locked it yet


def test_an_old_output_left_mid_delete_is_removed(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / OUT_MARKER).write_text("")
    _leftover(tmp_path, ".out.old-12345")
    with staged(tmp_path / "out"):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


# --- finding 12: OUT keeps its mode; a new one gets the user's umask ----------------------


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_out_gets_the_umask_s_mode(tmp_path, small, umask_022):
    write_outputs(small, tmp_path / "out")
    assert _mode(tmp_path / "out") == 0o755
    assert _mode(tmp_path / "out" / "graph.trig") == 0o644


@pytest.mark.parametrize("mode", [0o755, 0o750, 0o775])
def test_an_existing_out_keeps_its_mode(tmp_path, small, umask_022, mode):
    out = tmp_path / "out"
    write_outputs(small, out)
    out.chmod(mode)
    write_outputs(small, out)
    assert _mode(out) == mode


def test_an_out_from_before_the_marker_is_recognised_by_its_files(tmp_path, small):
    out = tmp_path / "out"
    out.mkdir()
    for name in ("graph.trig", "graph.ttl", "graph.jsonld", "graph.html"):
        (out / name).write_text("old")
    write_outputs(small, out)
    assert (out / OUT_MARKER).is_file()
    (out / OUT_MARKER).unlink()
    (out / "notes.md").write_text("mine")  # one file kg does not write: not kg's any more
    with pytest.raises(OutputError, match="--force"):
        write_outputs(small, out)
