"""kg.graph.project: the RDF graph as a networkx graph of entities (tests/data/small.trig, and the
seed articles built with the real model)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.graph.project import Evidence, entities, project, relation_words, short_iri
from kg.graph.sources import Article, sentence_only
from kg.query.sparql import PREFIXES, load_store

SMALL = Path(__file__).parent / "data" / "small.trig"
KG, ORG, SCHEMA, RDF = (PREFIXES[p] for p in ("kg", "org", "schema", "rdf"))
VANCE = "https://kg.example.org/id/person/nora-vance-9ca4975e"
BRIGHTWATER = "https://kg.example.org/id/organization/brightwater-council-813c80ce"
KELMOUTH = "https://kg.example.org/id/place/kelmouth-1fa1435a"
HOSTILE_ORG = "https://kg.example.org/id/organization/script-alert-1-script-a450b7a1"
GRAPH_A = "https://kg.example.org/id/graph/article-small-a-7bf94587"
ARTICLE_A = "https://kg.example.org/id/article/small-a-5faf9a9a"
ARTICLE_B = "https://kg.example.org/id/article/small-b-11a6bae4"
GRAPH_B = "https://kg.example.org/id/graph/article-small-b-258f4d3c"
SENTENCE_A2 = "https://kg.example.org/id/sentence/small-a-97-124-0c11f3f6"
STATEMENT_B = "https://kg.example.org/id/statement/small-b-vance-councillor"


@pytest.fixture(scope="module")
def graph():
    return project(SMALL)


def _relations(graph) -> dict[tuple[str, str, str], dict]:
    return {
        (graph.nodes[s]["label"], data["label"], graph.nodes[o]["label"]): data
        for s, o, data in graph.edges(data=True)
        if data["kind"] == "relation"
    }


def test_one_node_per_entity_with_type_and_labels(graph):
    assert len(entities(graph)) == graph.number_of_nodes() == 7
    types = [graph.nodes[n]["type"] for n in entities(graph)]
    assert sorted(types) == sorted(
        ["Person"] * 2 + ["Organization"] * 2 + ["Legislation"] * 2 + ["Place"]
    )
    vance = graph.nodes[VANCE]
    assert (vance["label"], vance["alt_labels"]) == ("Nora Vance", ["Ms Vance"])
    assert (vance["articles"], vance["mentions"]) == (2, 3)
    hostile = graph.nodes[HOSTILE_ORG]
    assert hostile["label"] == "<script>alert(1)</script>"  # kept as data, never altered
    assert hostile["alt_labels"] == ["<img src=x onerror=alert(1)>"]
    bill = [n for n in entities(graph) if graph.nodes[n]["label"] == "Harbour Safety Bill"]
    assert graph.nodes[bill[0]]["subtype"] == "Bill"


def test_one_edge_per_relation_with_label_family_and_support(graph):
    relations = _relations(graph)
    assert set(relations) == {
        ("Nora Vance", "org:memberOf", "Brightwater Council"),
        ("Brightwater Council", "kg:opposes", "Tidal Energy Act 2019"),
        ('Dara "Quill" O\'Neill', "kg:opposes", "Harbour Safety Bill"),
    }
    member = relations["Nora Vance", "org:memberOf", "Brightwater Council"]
    assert member["predicate"] == ORG + "memberOf" and member["family"] == "membership"
    assert relations["Brightwater Council", "kg:opposes", "Tidal Energy Act 2019"]["family"] == (
        "legal"
    )
    assert member["articles"] == 1
    assert member["evidence"] == [
        Evidence(
            "Councillor Nora Vance of Brightwater Council said the council opposes the Tidal "
            "Energy Act 2019.",
            "small_a",
            "Council opposes tidal act",
            "affiliation:of",
        )
    ]


def test_layers_are_off_unless_asked_for(graph):
    assert {data["kind"] for _, _, data in graph.edges(data=True)} == {"relation"}
    assert {kind for _, kind in graph.nodes(data="kind")} == {"entity"}


def test_comentions_are_weighted_by_sentences_with_their_evidence():
    graph = project(SMALL, comentions=True)
    [edge] = [d for d in graph.get_edge_data(VANCE, KELMOUTH).values()]
    assert graph.get_edge_data(KELMOUTH, VANCE) is None  # stored once, from the smaller IRI
    assert (edge["kind"], edge["weight"], edge["articles"]) == ("comention", 2, 2)
    assert [e.sentence for e in edge["evidence"]] == [
        "Ms Vance spoke in Kelmouth.",
        "<img src=x onerror=alert(1)> and Nora Vance met in Kelmouth.",
    ]
    pairs = [d for _, _, d in graph.edges(data=True) if d["kind"] == "comention"]
    assert len(pairs) == 3 + 1 + 3 + 3 - 1  # pairs per sentence; Vance-Kelmouth counted once


def test_article_layer_links_each_article_to_what_it_mentions():
    graph = project(SMALL, articles=True)
    articles = [n for n, kind in graph.nodes(data="kind") if kind == "article"]
    assert sorted(graph.nodes[a]["article"] for a in articles) == ["small_a", "small_b"]
    assert graph.nodes[ARTICLE_A]["label"] == "Council opposes tidal act"
    assert sorted(graph.nodes[o]["label"] for o in graph.successors(ARTICLE_A)) == [
        "Brightwater Council",
        "Kelmouth",
        "Nora Vance",
        "Tidal Energy Act 2019",
    ]


def _store_with(*quads) -> ox.Store:
    store = load_store(SMALL)
    for quad in quads:
        store.add(quad)
    return store


def _quad(s, p, o, graph=GRAPH_A) -> ox.Quad:
    return ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o, ox.NamedNode(graph))


def test_quotation_layer_and_count():
    quote = "https://kg.example.org/id/quotation/q1"
    store = _store_with(
        _quad(quote, RDF + "type", ox.NamedNode(SCHEMA + "Quotation")),
        _quad(quote, SCHEMA + "text", ox.Literal("We will <b>not</b> back down")),
        _quad(quote, SCHEMA + "spokenByCharacter", ox.NamedNode(VANCE)),
        _quad(quote, PREFIXES["prov"] + "wasDerivedFrom", ox.NamedNode(ARTICLE_A)),
    )
    plain = project(store)
    assert plain.nodes[VANCE]["quotations"] == 1 and quote not in plain
    layered = project(store, quotations=True)
    assert layered.nodes[quote]["text"] == "We will <b>not</b> back down"
    [edge] = layered.get_edge_data(VANCE, quote).values()
    assert edge["kind"] == "quoted"
    assert edge["evidence"][0].headline == "Council opposes tidal act"
    assert entities(layered) == entities(plain)  # a quotation is not an entity


def test_a_negated_statement_is_not_evidence():
    statement = "https://kg.example.org/id/statement/denied"
    store = _store_with(
        _quad(statement, RDF + "type", ox.NamedNode(RDF + "Statement")),
        _quad(statement, RDF + "subject", ox.NamedNode(VANCE)),
        _quad(statement, RDF + "predicate", ox.NamedNode(ORG + "memberOf")),
        _quad(statement, RDF + "object", ox.NamedNode(BRIGHTWATER)),
        _quad(
            statement,
            KG + "negated",
            ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")),
        ),  # fmt: skip
        _quad(
            statement,
            KG + "evidence",
            ox.NamedNode("https://kg.example.org/id/sentence/small-a-97-124-0c11f3f6"),
        ),  # fmt: skip
        _quad(statement, PREFIXES["prov"] + "wasDerivedFrom", ox.NamedNode(ARTICLE_A)),
    )
    [edge] = project(store).get_edge_data(VANCE, BRIGHTWATER).values()
    assert [e.sentence for e in edge["evidence"]] == [
        "Councillor Nora Vance of Brightwater Council said the council opposes the Tidal "
        "Energy Act 2019."
    ]


def test_the_negated_layer_draws_what_a_statement_denies():
    statement = "https://kg.example.org/id/statement/denied"
    store = _store_with(
        _quad(statement, RDF + "subject", ox.NamedNode(VANCE)),
        _quad(statement, RDF + "predicate", ox.NamedNode(KG + "criticised")),
        _quad(statement, RDF + "object", ox.NamedNode(BRIGHTWATER)),
        _quad(statement, KG + "negated", ox.Literal("true")),
        _quad(statement, KG + "evidence", ox.NamedNode(SENTENCE_A2)),
        _quad(statement, PREFIXES["prov"] + "wasDerivedFrom", ox.NamedNode(ARTICLE_A)),
    )
    assert "negated" not in {d["kind"] for _, _, d in project(store).edges(data=True)}
    [edge] = [
        d
        for d in project(store, negated=True).get_edge_data(VANCE, BRIGHTWATER).values()
        if d["kind"] == "negated"
    ]
    assert (edge["predicate"], edge["words"], edge["articles"]) == (
        KG + "criticised",
        "criticised",
        1,
    )
    assert [e.sentence for e in edge["evidence"]] == ["Ms Vance spoke in Kelmouth."]


def test_articles_posts_and_where_each_entity_is_named(graph):
    articles = graph.graph["articles"]
    assert sorted(articles) == ["small_a", "small_b"]
    assert articles["small_a"] == Article("small_a", "Council opposes tidal act", "2021-01-28", "")
    vance = graph.nodes[VANCE]
    assert vance["article_ids"] == ["small_a", "small_b"] and vance["articles"] == 2
    assert vance["posts"] == [("Councillor", 1)]
    assert graph.nodes[KELMOUTH]["posts"] == []


def test_posts_spelt_alike_are_one_post_counted_in_each_article():
    store = _store_with(
        _quad(VANCE, SCHEMA + "jobTitle", ox.Literal("COUNCILLOR"), GRAPH_B),
        _quad(STATEMENT_B, RDF + "subject", ox.NamedNode(VANCE), GRAPH_B),
        _quad(STATEMENT_B, RDF + "predicate", ox.NamedNode(SCHEMA + "jobTitle"), GRAPH_B),
        _quad(STATEMENT_B, RDF + "object", ox.Literal("COUNCILLOR"), GRAPH_B),
        _quad(STATEMENT_B, PREFIXES["prov"] + "wasDerivedFrom", ox.NamedNode(ARTICLE_B), GRAPH_B),
    )
    assert project(store).nodes[VANCE]["posts"] == [("COUNCILLOR", 2)]


def test_relations_in_plain_words():
    assert relation_words(KG + "chargedUnder") == "charged under"
    assert relation_words(ORG + "memberOf") == "member of"
    assert relation_words("http://data.europa.eu/eli/ontology#is_part_of") == "part of"
    assert relation_words(
        "https://example.org/v#admires", {"https://example.org/v#admires": "likes"}
    ) == ("likes")


def test_a_headline_run_into_a_sentence_is_left_out():
    assert sentence_only("Wales win in Rome\n\nWales beat Italy 38-8.", "Wales win in Rome") == (
        "Wales beat Italy 38-8."
    )
    assert sentence_only("Wales win in Rome\n\n", "Wales win in Rome") == "Wales win in Rome"
    assert (
        sentence_only("Wales win in Rome again.", "Wales win in Rome") == "Wales win in Rome again."
    )


def test_a_predicate_unknown_to_kg_is_still_a_relation():
    store = _store_with(
        _quad(VANCE, "https://example.org/vocab#admires", ox.NamedNode(KELMOUTH)),
    )
    relations = _relations(project(store))
    assert relations["Nora Vance", "admires", "Kelmouth"]["family"] == "other"


def _as_comparable(graph):
    return (
        sorted((n, sorted(d.items())) for n, d in graph.nodes(data=True)),
        sorted((s, o, k, sorted(d.items())) for s, o, k, d in graph.edges(keys=True, data=True)),
    )


def test_rdflib_oxigraph_and_path_give_the_same_graph(tmp_path):
    dataset = Dataset()
    dataset.parse(SMALL, format="trig")
    expected = _as_comparable(project(SMALL, comentions=True, articles=True))
    assert _as_comparable(project(dataset, comentions=True, articles=True)) == expected
    store = load_store(SMALL)
    assert _as_comparable(project(store, comentions=True, articles=True)) == expected


def test_short_iri():
    assert short_iri(KG + "opposes") == "kg:opposes"
    assert short_iri("https://example.org/vocab#admires") == "admires"
    assert short_iri("https://example.org/vocab/admires/") == "admires"


def test_not_a_graph_is_a_type_error():
    with pytest.raises(TypeError):
        project(42)


@pytest.mark.model
def test_seed_articles_project_with_relations_and_quotes(seed_graph):
    graph = seed_graph
    labels = {graph.nodes[n]["label"]: n for n in entities(graph)}
    hunter = labels["Mhairi Hunter"]
    assert graph.nodes[hunter]["type"] == "Person"
    assert "Ms Hunter" in graph.nodes[hunter]["alt_labels"]
    assert graph.nodes[hunter]["quotations"] >= 3
    relations = _relations(graph)
    assert ("Mhairi Hunter", "org:memberOf", "Glasgow City Council") in relations
    # the relation both articles state is supported by both
    assert max(d["articles"] for d in relations.values()) == 2
    for data in relations.values():
        assert data["evidence"], data
        assert all(e.sentence and e.article_id for e in data["evidence"])


@pytest.fixture(scope="module")
def seed_graph(nlp, tmp_path_factory):
    from conftest import SEEDS

    from kg.builder.run import build
    from kg.output import write_outputs

    result = build([str(SEEDS)], nlp=nlp)
    out = write_outputs(result.dataset, tmp_path_factory.mktemp("seeds") / "out")[0].parent
    return project(out)


def test_a_file_a_union_store_and_a_store_without_the_union_project_alike():
    # A store with named graphs repeats them in its default graph (kg.query.source); the
    # reader reads the named graphs only, so nothing is counted twice and no second copy of
    # the triples needs making when a file is projected.
    from kg.graph.readers import open_reader
    from kg.query.source import load_rdf

    def summary(g):
        nodes = sorted((n, d.get("articles"), d.get("mentions")) for n, d in g.nodes(data=True))
        edges = sorted(
            (s, o, k, len(d.get("evidence", ()))) for s, o, k, d in g.edges(keys=True, data=True)
        )
        return nodes, edges

    plain = load_rdf(SMALL, union=False)
    assert len(list(plain.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == 0
    expected = summary(project(SMALL, comentions=True))
    assert summary(project(load_store(SMALL), comentions=True)) == expected
    assert summary(project(plain, comentions=True)) == expected
    union = open_reader(load_store(SMALL))
    assert all(g is not None for *_, g in union.match(None, None, None))
