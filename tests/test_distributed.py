"""`kg build --dask`: extraction on a Dask LocalCluster, graphs to an Oxigraph server.

The Oxigraph server is the `oxigraph` binary from the PyPI package of that name (in the
`test` extra); the test starts it on a free localhost port and stops it.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.builder.run import build
from kg.cli.app import app
from kg.config import BuildConfig
from kg.rdf.graphs import article_graph_iri, meta_graph_iri

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.model
SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"


@pytest.fixture(scope="module")
def cluster():
    # Threads in this process: the workers share the test's interpreter, so the pipeline
    # each loads is the installed one, and the cluster starts in a second.
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
    ) as local:
        yield local


@pytest.fixture(scope="module")
def local_build():
    return build([SEEDS], BuildConfig())


@pytest.fixture
def oxigraph(tmp_path):
    # The package installs the binary beside this Python, which need not be on PATH.
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which(
        "oxigraph"
    )
    if binary is None:
        pytest.skip("the oxigraph server (pip install oxigraph) is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base, server)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"oxigraph exited: {server.stderr.read().decode()}")
        try:
            with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("oxigraph did not start within 30 s")


def _store_dataset(base: str) -> Dataset:
    request = urllib.request.Request(f"{base}/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=30) as response:
        data = response.read().decode("utf-8")
    dataset = Dataset()
    dataset.parse(data=data, format="nquads")
    return dataset


def _as_oxigraph_stores_it(dataset: Dataset) -> Dataset:
    # An Oxigraph store keeps literals in canonical form ("0.800"^^xsd:decimal is read back
    # as "0.8", xsd:nonNegativeInteger as xsd:integer): compare like with like.
    store = pyoxigraph.Store()
    store.load(dataset.serialize(format="nquads"), format=pyoxigraph.RdfFormat.N_QUADS)
    data = store.dump(format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8")
    canonical = Dataset()
    canonical.parse(data=data, format="nquads")
    return canonical


def _named_graphs(dataset: Dataset) -> dict[URIRef, Graph]:
    """Every named graph but the meta graph, whose run times differ between builds."""
    graphs = {}
    for graph in dataset.graphs():
        if len(graph) and graph.identifier != meta_graph_iri():
            copy = Graph()
            for triple in graph:
                copy.add(triple)
            graphs[graph.identifier] = copy
    return graphs


def _assert_same_graph(left: Dataset, right: Dataset) -> None:
    left_graphs, right_graphs = _named_graphs(left), _named_graphs(right)
    assert sorted(left_graphs) == sorted(right_graphs)
    for name, graph in left_graphs.items():
        assert isomorphic(graph, right_graphs[name]), name


def test_a_dask_build_is_the_local_build(cluster, local_build, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["build", str(SEEDS), "-o", str(out), "--dask", cluster.scheduler_address, "-q"]
    )
    assert result.exit_code == 0, result.output
    built = Dataset()
    built.parse(out / "graph.trig", format="trig")
    assert len(_named_graphs(built)) == 4  # two articles, the entities and the links graph
    _assert_same_graph(built, local_build.dataset)


def test_a_dask_build_writes_every_named_graph_to_a_graph_store(cluster, local_build, oxigraph):
    # A stale triple in an article's graph must be gone after the build: PUT replaces.
    graph = article_graph_iri(local_build.extractions[0].article.id)
    stale = f"<{graph}> <http://example.org/stale> {Literal('old').n3()} .\n"
    request = urllib.request.Request(
        f"{oxigraph}/store?graph={graph}",
        data=stale.encode(),
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    urllib.request.urlopen(request, timeout=10).close()

    result = CliRunner().invoke(
        app,
        ["build", str(SEEDS), "--dask", cluster.scheduler_address, "--graph-store"]
        + [f"{oxigraph}/store"],
    )
    assert result.exit_code == 0, result.output
    assert "wrote 5 named graph(s)" in result.output  # two articles, entities, meta, links
    stored = _store_dataset(oxigraph)
    _assert_same_graph(stored, _as_oxigraph_stores_it(local_build.dataset))
    assert len(stored.graph(meta_graph_iri())) > 0


def test_an_unreachable_graph_store_is_an_error_not_a_crash(local_build, tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = CliRunner().invoke(
        app, ["build", str(SEEDS), "--graph-store", f"http://127.0.0.1:{port}/store", "-q"]
    )
    assert result.exit_code == 1
    assert "cannot write to the graph store" in result.output
