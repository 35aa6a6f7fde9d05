"""kg.graph.export and `kg export-graph`: GraphML and GEXF that Gephi and Cytoscape open, with
relations directed, same-sentence links undirected, and the view's picture in GEXF's viz."""

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
GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def _read(path: Path, fmt: str) -> tuple[dict[str, dict], list[dict]]:
    """(nodes by id, edges) with every attribute, read with ElementTree as a tool would."""
    root = ET.parse(path).getroot()
    if fmt == "gexf":
        types = {a.get("id"): a.get("type") for a in root.iter(GEXF + "attribute")}
        nodes, edges = {}, []
        for node in root.iter(GEXF + "node"):
            data = {"label": node.get("label")}
            data.update({v.get("for"): v.get("value") for v in node.iter(GEXF + "attvalue")})
            colour, place = node.find(VIZ + "color"), node.find(VIZ + "position")
            data["viz_color"] = colour.attrib if colour is not None else None
            data["viz_position"] = place.attrib if place is not None else None
            nodes[node.get("id")] = data
        for edge in root.iter(GEXF + "edge"):
            data = dict(edge.attrib)
            data.update({v.get("for"): v.get("value") for v in edge.iter(GEXF + "attvalue")})
            data["directed"] = edge.get("type", "directed") == "directed"
            edges.append(data)
        nodes["@types"] = types
        return nodes, edges
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(GRAPHML + "key")}
    graph = root.find(GRAPHML + "graph")
    default = graph.get("edgedefault") == "directed"
    nodes, edges = {}, []
    for node in graph.iter(GRAPHML + "node"):
        nodes[node.get("id")] = {keys[d.get("key")]: d.text for d in node.iter(GRAPHML + "data")}
    for edge in graph.iter(GRAPHML + "edge"):
        data = dict(edge.attrib)
        data.update({keys[d.get("key")]: d.text for d in edge.iter(GRAPHML + "data")})
        data["directed"] = {"true": True, "false": False}.get(edge.get("directed"), default)
        edges.append(data)
    return nodes, edges


@pytest.fixture(scope="module", params=["graphml", "gexf"])
def written(request, tmp_path_factory):
    fmt = request.param
    path = tmp_path_factory.mktemp("export") / f"graph.{fmt}"
    export_graph(SMALL, path, fmt)
    return fmt, path


def test_every_entity_and_edge_is_there_with_its_attributes(written):
    fmt, path = written
    nodes, edges = _read(path, fmt)
    nodes.pop("@types", None)
    assert len(nodes) == 7
    # 3 relations + 9 pairs in the same sentence
    assert sorted(e["kind"] for e in edges) == ["comention"] * 9 + ["relation"] * 3
    vance = nodes[VANCE]
    assert vance["label"] == "Nora Vance" and vance["type"] == "Person"
    assert vance["degree"] == "4" and 0 < float(vance["pagerank"]) < 1
    assert int(vance["community"]) >= 0
    [member] = [e for e in edges if e.get("predicate") == PREFIXES["org"] + "memberOf"]
    assert member["articles"] == "1" and member["evidence_count"] == "1"
    assert member["evidence"].startswith("Councillor Nora Vance of Brightwater Council")
    assert member["article"] == "Council opposes tidal act"


def test_same_sentence_links_are_undirected_relations_directed(written):
    # Issue 14: every edge was directed, a shared sentence too.
    fmt, path = written
    _, edges = _read(path, fmt)
    assert {e["kind"]: e["directed"] for e in edges} == {"relation": True, "comention": False}
    text = path.read_text(encoding="utf-8")
    assert ('type="undirected"' if fmt == "gexf" else 'directed="false"') in text


def test_other_names_are_a_list_in_gexf_and_joined_in_graphml(written):
    fmt, path = written
    nodes, _ = _read(path, fmt)
    if fmt == "gexf":
        assert nodes["@types"]["alt_labels"] == "liststring"
        assert nodes[VANCE]["alt_labels"] == '["Ms Vance"]'
    else:
        assert nodes[VANCE]["alt_labels"] == "Ms Vance"


def test_gexf_carries_the_view_s_positions_and_colours(written):
    # Issue 14: the exports had no layout, so Gephi opened a hairball.
    from kg.graph.analytics import entity_graph
    from kg.graph.layout import TYPE_COLOURS, layout
    from kg.graph.project import project

    fmt, path = written
    nodes, _ = _read(path, fmt)
    nodes.pop("@types", None)
    expected = layout(entity_graph(project(SMALL, comentions=True)))
    colour = TYPE_COLOURS["Person"].lstrip("#")
    rgb = {k: str(int(colour[i : i + 2], 16)) for k, i in (("r", 0), ("g", 2), ("b", 4))}
    for iri, data in nodes.items():
        x, y = expected[iri]
        if fmt == "gexf":
            place = data["viz_position"]
            assert (float(place["x"]), -float(place["y"])) == (x, y)  # Gephi's y points up
        else:
            assert (float(data["x"]), float(data["y"])) == (x, y)
    if fmt == "gexf":
        assert {k: nodes[VANCE]["viz_color"][k] for k in "rgb"} == rgb
    else:
        assert nodes[VANCE]["color"] == "#" + colour


def test_hostile_text_round_trips_as_text(written):
    fmt, path = written
    assert "<script>" not in path.read_text(encoding="utf-8")  # escaped in the XML
    nodes, _ = _read(path, fmt)
    node = nodes[HOSTILE_ORG]
    assert node["label"] == "<script>alert(1)</script>"
    expected = (
        '["<img src=x onerror=alert(1)>"]' if fmt == "gexf" else "<img src=x onerror=alert(1)>"
    )
    assert node["alt_labels"] == expected


def test_without_comentions_the_graph_is_directed_and_networkx_reads_it(tmp_path):
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        export_graph(SMALL, tmp_path / f"g.{fmt}", fmt, comentions=False)
        graph = reader(tmp_path / f"g.{fmt}")
        assert graph.is_directed() and graph.number_of_nodes() == 7
        assert {d["kind"] for _, _, d in graph.edges(data=True)} == {"relation"}


def test_list_items_are_quoted_and_escaped(tmp_path):
    store = load_store(SMALL)
    alt = ox.NamedNode(PREFIXES["skos"] + "altLabel")
    # into the article graph that names her: the default graph only repeats the named ones
    graph = next(
        q.graph_name
        for q in store.quads_for_pattern(ox.NamedNode(VANCE), alt, None)
        if isinstance(q.graph_name, ox.NamedNode)
    )
    store.add(ox.Quad(ox.NamedNode(VANCE), alt, ox.Literal('Vance, "N", \\ too'), graph))
    export_graph(store, tmp_path / "g.gexf", "gexf")
    nodes, _ = _read(tmp_path / "g.gexf", "gexf")
    assert nodes[VANCE]["alt_labels"] == '["Ms Vance", "Vance, \\"N\\", \\\\ too"]'


def test_control_characters_are_dropped_not_fatal(tmp_path):
    store = load_store(SMALL)
    label = ox.NamedNode(PREFIXES["skos"] + "prefLabel")
    for quad in list(store.quads_for_pattern(ox.NamedNode(VANCE), label, None)):
        store.remove(quad)
        store.add(ox.Quad(quad.subject, label, ox.Literal("Nora\x0b Vance\x00"), quad.graph_name))
    for fmt in ("graphml", "gexf"):
        export_graph(store, tmp_path / f"g.{fmt}", fmt)
        nodes, _ = _read(tmp_path / f"g.{fmt}", fmt)
        assert nodes[VANCE]["label"] == "Nora Vance"


def test_errors(tmp_path):
    with pytest.raises(OutputError, match="unknown export format"):
        export_graph(SMALL, tmp_path / "g.svg", "svg")
    with pytest.raises(OutputError, match="cannot write"):
        export_graph(SMALL, tmp_path / "missing" / "g.gexf", "gexf")


def test_cli_takes_the_format_from_the_option_or_the_suffix(tmp_path):
    result = runner.invoke(app, ["export-graph", str(SMALL), "-o", str(tmp_path / "g.gexf")])
    assert result.exit_code == 0, result.output
    assert len(_read(tmp_path / "g.gexf", "gexf")[0]) == 8  # 7 nodes and the types
    result = runner.invoke(
        app, ["export-graph", str(SMALL), "-o", str(tmp_path / "g.xml"), "--format", "graphml"]
    )
    assert result.exit_code == 0, result.output
    assert len(_read(tmp_path / "g.xml", "graphml")[0]) == 7


def test_cli_errors(tmp_path):
    result = runner.invoke(app, ["export-graph", str(SMALL), "-o", str(tmp_path / "g.xml")])
    assert result.exit_code == 2 and "give --format graphml or gexf" in result.output
    result = runner.invoke(app, ["export-graph", str(tmp_path / "nope"), "-o", "g.gexf"])
    assert result.exit_code == 1 and "does not exist" in result.output


def test_betweenness_is_left_out_when_not_wanted(tmp_path):
    export_graph(SMALL, tmp_path / "with.gexf", "gexf")  # 7 entities: computed by default
    export_graph(SMALL, tmp_path / "without.gexf", "gexf", betweenness=False)
    with_it, _ = _read(tmp_path / "with.gexf", "gexf")
    without, _ = _read(tmp_path / "without.gexf", "gexf")
    assert "betweenness" in with_it[VANCE] and "betweenness" not in without[VANCE]
    assert without[VANCE]["pagerank"] == with_it[VANCE]["pagerank"]
