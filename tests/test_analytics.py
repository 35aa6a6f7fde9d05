"""kg.graph.analytics and the `kg path` / `kg stats` commands (tests/data/small.trig, hand-made
graphs, and the seed articles built with the real model)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli.app import app
from kg.errors import QueryError
from kg.graph import analytics, layout
from kg.graph.project import Evidence, project

SMALL = Path(__file__).parent / "data" / "small.trig"
runner = CliRunner()


@pytest.fixture(scope="module")
def small():
    return project(SMALL, comentions=True)


def _entity_graph(edges, *, labels=None):
    """A projected-style graph: nodes named by their label, relation edges "a p b"."""
    graph = nx.MultiDiGraph()
    for a, _, b in edges:
        for node in (a, b):
            graph.add_node(
                node,
                kind="entity",
                type="Person",
                label=node,
                alt_labels=(labels or {}).get(node, []),
                articles=1,
                mentions=1,
                quotations=0,
            )
    for a, p, b in edges:
        graph.add_edge(
            a,
            b,
            key=p,
            kind="relation",
            predicate=p,
            label=p,
            articles=1,
            evidence=[Evidence(f"{a} {p} {b}.", "art1", "Headline")],
        )
    return graph


def _id(graph, label: str) -> str:
    return analytics.find_entity(graph, label)


# -- centrality and communities ----------------------------------------------------------


def test_centrality_of_a_path():
    graph = _entity_graph([("a", "p", "b"), ("b", "p", "c")])
    scores = analytics.centrality(graph)
    assert {n: s.degree for n, s in scores.items()} == {"a": 1, "b": 2, "c": 1}
    assert scores["b"].betweenness == pytest.approx(1.0)
    assert scores["a"].betweenness == 0.0
    assert sum(s.pagerank for s in scores.values()) == pytest.approx(1.0)
    assert scores["b"].pagerank > scores["a"].pagerank == pytest.approx(scores["c"].pagerank)


def test_pagerank_agrees_with_the_google_matrix():
    import numpy as np

    graph = _entity_graph(
        [("a", "p", "b"), ("b", "p", "c"), ("c", "p", "a"), ("c", "q", "d"), ("e", "p", "d")]
        + [("f", "p", "a")]
    )
    view = analytics.entity_graph(graph)
    view.add_node("lonely")  # a node with no link: rank from teleporting only
    # networkx's pagerank() needs scipy; its Google matrix needs only numpy
    matrix = nx.google_matrix(view, weight="weight")
    values, vectors = np.linalg.eig(matrix.T)
    principal = np.real(vectors[:, np.argmax(np.real(values))])
    expected = dict(zip(view, principal / principal.sum(), strict=True))
    assert analytics._pagerank(view) == pytest.approx(expected, abs=1e-6)


def test_relations_weigh_more_than_comentions(small):
    view = analytics.entity_graph(small)
    vance = _id(small, "Nora Vance")
    # Vance and Brightwater: a relation (2) and one shared sentence (1)
    assert view[vance][_id(small, "Brightwater Council")]["weight"] == 3.0
    # Vance and Kelmouth: two shared sentences
    assert view[vance][_id(small, "Kelmouth")]["weight"] == 2.0
    assert set(analytics.entity_graph(small, ("relation",))[vance]) == {
        _id(small, "Brightwater Council")
    }


def test_betweenness_can_be_skipped(small):
    scores = analytics.centrality(small, betweenness=False)
    assert all(s.betweenness == 0.0 for s in scores.values())
    assert analytics.centrality(small)[_id(small, "Nora Vance")].betweenness > 0


def test_communities_split_two_groups_joined_by_one_link():
    left = [("a", "p", "b"), ("b", "p", "c"), ("c", "p", "a")]
    right = [("x", "p", "y"), ("y", "p", "z"), ("z", "p", "x")]
    graph = _entity_graph([*left, *right, ("c", "p", "x")])
    graph.add_node("alone", kind="entity", type="Place", label="alone", alt_labels=[])
    assert analytics.communities(graph) == [["a", "b", "c"], ["x", "y", "z"]]


# -- finding entities by name ------------------------------------------------------------


def test_names_match_any_label_ignoring_case_and_spacing(small):
    vance = _id(small, "Nora Vance")
    assert _id(small, "ms  VANCE") == vance
    assert _id(small, "<img src=x onerror=alert(1)>") == _id(small, "<script>alert(1)</script>")
    assert _id(small, 'd. "quill" o\'neill') == _id(small, 'Dara "Quill" O\'Neill')


def test_names_match_without_their_accents():
    graph = _entity_graph([("José Manuel Barroso", "p", "Comisión Europea")])
    assert _id(graph, "Jose Manuel Barroso") == _id(graph, "JOSÉ MANUEL BARROSO")
    assert _id(graph, "comision europea") == _id(graph, "Comisión Europea")


def test_an_unknown_name_suggests_near_ones(small):
    with pytest.raises(QueryError, match="Did you mean: Nora Vance"):
        analytics.find_entity(small, "Nora Vanse")
    with pytest.raises(QueryError, match="nor anything like it"):
        analytics.find_entity(small, "zzzz qqqq")


def test_an_ambiguous_name_lists_the_entities():
    graph = _entity_graph(
        [("John Smith", "p", "Jane Smith")],
        labels={"John Smith": ["Smith"], "Jane Smith": ["Smith"]},
    )
    with pytest.raises(QueryError, match="names 2 entities: Jane Smith .*; John Smith"):
        analytics.find_entity(graph, "smith")


# -- paths -------------------------------------------------------------------------------


def test_shortest_path_follows_relations_either_way_with_evidence(small):
    hops = analytics.shortest_path(
        small, _id(small, "Ms Vance"), _id(small, "Tidal Energy Act 2019")
    )
    assert [(small.nodes[h.source]["label"], small.nodes[h.target]["label"]) for h in hops] == [
        ("Nora Vance", "Brightwater Council"),
        ("Brightwater Council", "Tidal Energy Act 2019"),
    ]
    [member] = hops[0].facts
    assert member.predicate == "org:memberOf"
    assert member.evidence[0].headline == "Council opposes tidal act"
    # backwards along the same facts: each fact keeps the direction it was stated in
    back = analytics.shortest_path(
        small, _id(small, "Tidal Energy Act 2019"), _id(small, "Ms Vance")
    )
    assert back[-1].facts[0].subject == _id(small, "Nora Vance")


def test_no_path_without_comentions_says_so_and_comentions_find_one(small):
    vance, bill = _id(small, "Nora Vance"), _id(small, "Harbour Safety Bill")
    with pytest.raises(QueryError, match="--comentions"):
        analytics.shortest_path(small, vance, bill)
    hops = analytics.shortest_path(small, vance, bill, comentions=True)
    assert len(hops) == 2
    assert all(fact.evidence for hop in hops for fact in hop.facts)
    text = analytics.format_path(small, hops)
    assert "named in the same sentence as" in text
    assert "<img src=x onerror=alert(1)> and Nora Vance met in Kelmouth." in text


def test_the_same_entity_twice_is_an_error(small):
    vance = _id(small, "Nora Vance")
    with pytest.raises(QueryError, match="same entity"):
        analytics.shortest_path(small, vance, _id(small, "Ms Vance"))


def test_format_path_lists_each_fact_and_its_evidence(small):
    hops = analytics.shortest_path(
        small, _id(small, "Nora Vance"), _id(small, "Tidal Energy Act 2019")
    )
    lines = analytics.format_path(small, hops).splitlines()
    assert lines[0] == "Nora Vance -> Brightwater Council -> Tidal Energy Act 2019"
    assert lines[1] == "2 hops"
    assert "   Nora Vance org:memberOf Brightwater Council" in lines
    assert "   Brightwater Council kg:opposes Tidal Energy Act 2019" in lines
    assert "       \u2014 Council opposes tidal act [small_a]" in lines


def test_article_text_cannot_reach_the_terminal_as_control_codes():
    graph = _entity_graph([("Eve\x1b[2J", "p", "Bob\nSmith")])
    text = analytics.format_path(graph, analytics.shortest_path(graph, "Eve\x1b[2J", "Bob\nSmith"))
    assert "\x1b" not in text
    assert text.splitlines()[0] == "Eve [2J -> Bob Smith"


# -- stats -------------------------------------------------------------------------------


def test_stats_of_the_small_graph(small):
    result = analytics.stats(small, top=3)
    assert result.counts == {"Legislation": 2, "Organization": 2, "Person": 2, "Place": 1}
    assert result.relations == {"kg:opposes": 2, "org:memberOf": 1}
    assert result.comention_pairs == 9
    assert len(result.central) == 3
    assert result.central[0][1] == "Nora Vance"  # the most linked: four neighbours
    assert result.quoted == []
    assert [label for label, _, _ in result.cited] == [
        "Harbour Safety Bill",
        "Tidal Energy Act 2019",
    ]
    assert sorted(x for group in result.communities for x in group) == sorted(
        small.nodes[n]["label"] for n in small
    )
    text = analytics.format_stats(result)
    assert re.search(r"^  total +7$", text, re.MULTILINE)
    assert " 1. Nora Vance (pagerank " in text
    assert "(no quotations)" in text


def test_layout_places_every_node_and_keeps_components_apart():
    edges = [(f"a{i}", "p", f"a{i + 1}") for i in range(30)]
    edges += [(f"b{i}", "p", f"b{i + 1}") for i in range(5)]
    view = analytics.entity_graph(_entity_graph(edges))
    view.add_node("solo")
    first = layout.layout(view)
    assert first == layout.layout(view)  # deterministic
    assert set(first) == set(view) and len(set(first.values())) == len(view)

    def box(prefix):
        xs = [first[n][0] for n in view if n.startswith(prefix)]
        ys = [first[n][1] for n in view if n.startswith(prefix)]
        return min(xs), max(xs), min(ys), max(ys)

    a, b = box("a"), box("b")
    assert a[1] < b[0] or b[1] < a[0] or a[3] < b[2] or b[3] < a[2]  # boxes do not overlap


# -- the commands ------------------------------------------------------------------------


def test_kg_path_command():
    result = runner.invoke(app, ["path", str(SMALL), "ms vance", "Tidal Energy Act 2019"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Nora Vance -> Brightwater Council -> Tidal Energy Act 2019")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Nora Vance", "Nobody"], "no entity is called 'Nobody'"),
        (["Nora Vance", "Harbour Safety Bill"], "no chain of relations links"),
    ],
)
def test_kg_path_errors_exit_1(args, message):
    result = runner.invoke(app, ["path", str(SMALL), *args])
    assert result.exit_code == 1
    assert f"error: {message}" in result.output


def test_kg_path_on_a_missing_graph(tmp_path):
    result = runner.invoke(app, ["path", str(tmp_path / "none"), "a", "b"])
    assert result.exit_code == 1 and "does not exist" in result.output


def test_kg_stats_command_text_and_json():
    text = runner.invoke(app, ["stats", str(SMALL)])
    assert text.exit_code == 0, text.output
    assert "Most central entities" in text.output and "Most cited legislation" in text.output
    as_json = runner.invoke(app, ["stats", str(SMALL), "--json", "--top", "2"])
    data = json.loads(as_json.output)
    assert data["counts"]["Person"] == 2
    assert [c["label"] for c in data["central"]][0] == "Nora Vance"
    assert len(data["central"]) == 2


@pytest.mark.model
def test_path_and_stats_on_the_seed_articles(nlp, tmp_path):
    from conftest import SEEDS

    from kg.builder.run import build
    from kg.output import write_outputs

    out = tmp_path / "out"
    write_outputs(build([str(SEEDS)], nlp=nlp).dataset, out)
    result = runner.invoke(app, ["path", str(out), "Mhairi Hunter", "Home Office"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Mhairi Hunter -> ") and lines[0].endswith(" -> Home Office")
    facts = [line for line in lines if line.startswith("   ") and not line.startswith("     ")]
    evidence = [line for line in lines if line.startswith("     \u201c")]
    assert facts and len(evidence) >= len(facts)
    stats = runner.invoke(app, ["stats", str(out), "--json"])
    data = json.loads(stats.output)
    assert data["counts"]["Person"] >= 1 and data["counts"]["Organization"] >= 3
    assert "Mhairi Hunter" in [q["label"] for q in data["quoted"]]
    assert "Misuse of Drugs Act 1971" in [c["label"] for c in data["cited"]]


def test_node_styles_give_every_entity_a_place_and_a_colour(small):
    styles = layout.node_styles(small)
    assert set(styles) == set(small)
    groups = analytics.communities(small)
    for node, style in styles.items():
        assert re.fullmatch(r"#[0-9a-f]{6}", style.colour)
        assert style.community == next(i for i, g in enumerate(groups) if node in g)
        assert style.colour == layout.community_colour(style.community)
    assert len({(s.x, s.y) for s in styles.values()}) == len(styles)
    by_type = layout.node_styles(small, colour_by="type")
    assert {small.nodes[n]["type"]: s.colour for n, s in by_type.items()} == layout.TYPE_COLOURS
    assert layout.community_colour(-1) == layout.community_colour(99) == layout.OTHER_COLOUR
    with pytest.raises(ValueError):
        layout.node_styles(small, colour_by="size")


def test_the_layout_does_not_depend_on_the_order_edges_were_read_in():
    # The forces are sums over edges; in the order the graph was read they round
    # differently, and a GEXF export moved between runs of the same build.
    import random

    import networkx as nx
    import numpy as np

    from kg.graph.layout import _force_layout as force_layout

    edges = [(f"n{i}", f"n{(i * 7 + 3) % 500}") for i in range(500)]
    edges += [(f"n{i}", f"n{(i * 13 + 1) % 500}") for i in range(500)]
    shuffled = edges[:]
    random.Random(1).shuffle(shuffled)
    one, other = nx.Graph(), nx.Graph()
    one.add_edges_from(edges)
    other.add_edges_from((b, a) for a, b in shuffled)
    nodes = sorted(one)
    first = force_layout(one, nodes, np.random.default_rng(7))
    assert np.array_equal(first, force_layout(other, nodes, np.random.default_rng(7)))
