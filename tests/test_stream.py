"""`kg build -o OUT` streams (kg.builder.stream, kg.output.build_outputs): its files must be
the very bytes the in-memory build writes (`kg.build` then `kg.write_outputs`), for the
seeds and for a few hundred BBC articles, with batches small enough that many sorted runs
are merged. Only the run record differs between two builds: its times, and the run's IRI
minted from its start time; those are masked, nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.bbc import CORPUS, corpus_files
from typer.testing import CliRunner

from kg.builder.run import build
from kg.cli.app import app
from kg.config import BuildConfig
from kg.output import OUTPUT_FILES, build_outputs, write_outputs

SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"
_TIME = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\+00:00|Z)")
_RUN = re.compile(rb"run/\d{4}-[^>\"\s]*")

pytestmark = pytest.mark.model


def _masked(data: bytes) -> bytes:
    return _RUN.sub(b"run/RUN", _TIME.sub(b"TIME", data))


def assert_same_files(expected: Path, got: Path) -> None:
    """Every output file byte for byte the same, the run record's times and IRI aside."""
    for name in OUTPUT_FILES:
        a, b = (expected / name).read_bytes(), (got / name).read_bytes()
        if a == b:
            continue
        a, b = _masked(a), _masked(b)
        if a != b:
            lines = zip(a.splitlines(), b.splitlines(), strict=False)
            n, (x, y) = next((n, xy) for n, xy in enumerate(lines, 1) if xy[0] != xy[1])
            pytest.fail(
                f"{name} differs from line {n}:\n  in memory: {x[:300]!r}\n  streamed: {y[:300]!r}"
            )
        assert len(a) == len(b)


def _in_memory(paths, config: BuildConfig, out: Path, nlp=None) -> Path:
    write_outputs(build(paths, config, nlp=nlp), out)
    return out


def test_cli_streams_the_seeds_into_the_same_files(nlp, tmp_path):
    expected = _in_memory([str(SEEDS)], BuildConfig(), tmp_path / "memory", nlp)
    out = tmp_path / "streamed"
    result = CliRunner().invoke(app, ["build", str(SEEDS), "-o", str(out), "--stream-batch", "1"])
    assert result.exit_code == 0, result.output
    assert_same_files(expected, out)
    assert sorted(p.name for p in out.iterdir()) == sorted([".kg-out", *OUTPUT_FILES])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memory", "streamed"]  # no scratch


@pytest.mark.skipif(not CORPUS.exists(), reason=f"needs the BBC corpus at {CORPUS}")
def test_bbc_articles_stream_into_the_same_files(nlp, tmp_path):
    files = corpus_files(limit=240)
    config = BuildConfig()
    expected = _in_memory(files, config, tmp_path / "memory", nlp)
    built, written = build_outputs(files, tmp_path / "streamed", config, batch=50, nlp=nlp)
    assert len(built.named_runs) == 6  # five batches of articles and the entities: merged
    assert written == [tmp_path / "streamed" / name for name in OUTPUT_FILES]
    assert_same_files(expected, tmp_path / "streamed")
    assert built.counts.articles == 240 and built.counts.graphs == 243


@pytest.mark.skipif(not CORPUS.exists(), reason=f"needs the BBC corpus at {CORPUS}")
def test_workers_spill_their_extractions_into_the_same_files(tmp_path):
    # With processes, each worker writes its chunks' extractions to the scratch directory.
    files = corpus_files(limit=60)
    config = BuildConfig(processes=2)
    expected = _in_memory(files, config, tmp_path / "memory")
    built, _ = build_outputs(files, tmp_path / "streamed", config, batch=20)
    assert len(built.named_runs) == 4
    assert_same_files(expected, tmp_path / "streamed")


class _Interrupted(KeyboardInterrupt):
    pass


def test_an_interrupted_stream_leaves_out_as_it_was(nlp, tmp_path):
    out = tmp_path / "out"
    build_outputs([str(SEEDS)], out, nlp=nlp)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def interrupt(done: int) -> None:  # Ctrl-C once the first article is extracted
        raise _Interrupted

    with pytest.raises(_Interrupted):
        build_outputs([str(SEEDS)], out, nlp=nlp, batch=1, progress=interrupt)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # staging and scratch removed


def test_nothing_to_build_writes_nothing(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    built, written = build_outputs([str(tmp_path / "in")], tmp_path / "out")
    assert written == [] and built.skipped
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_merged_runs_come_out_in_the_order_the_in_memory_writers_sort(tmp_path):
    # Terms that are prefixes of each other, tabs, newlines and controls in literals: the run
    # lines must compare as the terms do (kg.rdf.quads.order), and each quad come out once.
    import pyoxigraph as ox

    from kg.rdf.quads import Quads
    from kg.rdf.runs import merge_runs, nquad, write_runs

    iri = ox.NamedNode
    values = ["a", "a\tb", "a b", "ab", "a\n", "a\x01", "", "é", "a\\"]
    batches = [Quads(), Quads(), Quads()]
    whole = Quads()
    for n, value in enumerate(values * 3):
        for graph in ("http://g/a", "http://g/ab", "http://g/a/b"):
            for subject in ("http://s/x", "http://s/x/y", "http://s/xy"):
                quad = ox.Quad(iri(subject), iri("http://p"), ox.Literal(value), iri(graph))
                batches[n % 3].add(quad)
                whole.add(quad)
    for n, quads in enumerate(batches):
        write_runs(quads, tmp_path / f"{n}.quads", tmp_path / f"{n}.triples")
    merged = "".join(nquad(line) for line in merge_runs(sorted(tmp_path.glob("*.quads"))))
    expected = ox.serialize(whole.sorted_quads(), format=ox.RdfFormat.N_QUADS).decode()
    assert merged == expected
    union = [line for line in merge_runs(sorted(tmp_path.glob("*.triples")))]
    assert len(union) == len(set(whole.sorted_union())) == 27
