"""kg.graph.export and `kg export-graph`: GraphML and GEXF that Gephi and Cytoscape open."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli.app import app
from kg.errors import OutputError
from kg.graph.export import export_graph
from kg.query.sparql import PREFIXES, load_store

SMALL = Path(__file__).parent / "data" / "small.trig"
HOSTILE_ORG = "https://kg.example.org/id/organization/script-alert-1-script-a450b7a1"
VANCE = "https://kg.example.org/id/person/nora-vance-9ca4975e"
runner = CliRunner()
READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}


@pytest.fixture(scope="module", params=sorted(READERS))
def written(request, tmp_path_factory):
    fmt = request.param
    path = tmp_path_factory.mktemp("export") / f"graph.{fmt}"
    export_graph(SMALL, path, fmt)
    return fmt, path


def test_the_file_is_well_formed_xml_of_its_format(written):
    fmt, path = written
    root = ET.parse(path).getroot()
    assert root.tag.endswith("graphml" if fmt == "graphml" else "gexf")


def test_every_entity_and_edge_is_there_with_its_attributes(written):
    fmt, path = written
    graph = READERS[fmt](path)
    assert graph.number_of_nodes() == 7
    # 3 relations + 9 pairs in the same sentence
    kinds = sorted(data["kind"] for _, _, data in graph.edges(data=True))
    assert kinds == ["comention"] * 9 + ["relation"] * 3
    vance = graph.nodes[VANCE]
    assert vance["label"] == "Nora Vance" and vance["type"] == "Person"
    assert vance["alt_labels"] == "Ms Vance"
    assert vance["degree"] == 4 and 0 < vance["pagerank"] < 1 and vance["community"] >= 0
    [member] = [d for _, _, d in graph.edges(data=True) if d["label"] == "org:memberOf"]
    assert member["predicate"] == PREFIXES["org"] + "memberOf"
    assert member["articles"] == 1 and member["evidence_count"] == 1
    assert member["evidence"].startswith("Councillor Nora Vance of Brightwater Council")
    assert member["article"] == "Council opposes tidal act"


def test_hostile_text_round_trips_as_text(written):
    fmt, path = written
    assert "<script>" not in path.read_text(encoding="utf-8")  # escaped in the XML
    node = READERS[fmt](path).nodes[HOSTILE_ORG]
    assert node["label"] == "<script>alert(1)</script>"
    assert node["alt_labels"] == "<img src=x onerror=alert(1)>"


def test_without_comentions(tmp_path):
    export_graph(SMALL, tmp_path / "g.graphml", "graphml", comentions=False)
    graph = nx.read_graphml(tmp_path / "g.graphml")
    assert {d["kind"] for _, _, d in graph.edges(data=True)} == {"relation"}


def test_control_characters_are_dropped_not_fatal(tmp_path):
    store = load_store(SMALL)
    label = ox.NamedNode(PREFIXES["skos"] + "prefLabel")
    for quad in list(store.quads_for_pattern(ox.NamedNode(VANCE), label, None)):
        store.remove(quad)
        store.add(ox.Quad(quad.subject, label, ox.Literal("Nora\x0b Vance\x00"), quad.graph_name))
    for fmt in READERS:
        export_graph(store, tmp_path / f"g.{fmt}", fmt)
        assert READERS[fmt](tmp_path / f"g.{fmt}").nodes[VANCE]["label"] == "Nora Vance"


def test_errors(tmp_path):
    with pytest.raises(OutputError, match="unknown export format"):
        export_graph(SMALL, tmp_path / "g.svg", "svg")
    with pytest.raises(OutputError, match="cannot write"):
        export_graph(SMALL, tmp_path / "missing" / "g.gexf", "gexf")


def test_cli_takes_the_format_from_the_option_or_the_suffix(tmp_path):
    result = runner.invoke(app, ["export-graph", str(SMALL), "-o", str(tmp_path / "g.gexf")])
    assert result.exit_code == 0, result.output
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == 7
    result = runner.invoke(
        app, ["export-graph", str(SMALL), "-o", str(tmp_path / "g.xml"), "--format", "graphml"]
    )
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(tmp_path / "g.xml").number_of_nodes() == 7


def test_cli_errors(tmp_path):
    result = runner.invoke(app, ["export-graph", str(SMALL), "-o", str(tmp_path / "g.xml")])
    assert result.exit_code == 2 and "give --format graphml or gexf" in result.output
    result = runner.invoke(app, ["export-graph", str(tmp_path / "nope"), "-o", "g.gexf"])
    assert result.exit_code == 1 and "does not exist" in result.output
