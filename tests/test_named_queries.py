"""The named analyst queries (kg/query/queries/*.rq) on tests/data/named_queries.trig.

The fixture's header says what it states; each test's expected rows follow from it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import QueryError
from kg.query.named import get, load, parse, parse_params
from kg.query.sparql import load_store, run_query

FIXTURE = Path(__file__).parent / "data" / "named_queries.trig"
ACT = "Tidal Energy Act 2019"


@pytest.fixture(scope="module")
def store():
    return load_store(FIXTURE)


def rows(store, name: str, **params) -> list[tuple]:
    result = run_query(store, get(name).bind(params))
    return [tuple(None if term is None else str(term) for term in row) for row in result.rows]


def test_there_are_ten_queries_each_with_a_title_and_its_parameters_used():
    queries = load()
    assert len(queries) == 10
    for name, query in queries.items():
        assert query.title, name
        for param in query.params:
            assert re.search(rf"\?{param.name}\b", query.text.split("\nSELECT", 1)[1]), param


def test_people_posts(store):
    assert rows(store, "people-posts") == [
        ("Nora Vance", "councillor", "Brightwater Council", "2"),
        ("Nora Vance", "Councillor", None, "1"),
        ("Nora Vance", "Harbour Commissioner", None, "1"),
    ]
    assert rows(store, "people-posts", org="the council") == [
        ("Nora Vance", "councillor", "Brightwater Council", "2")
    ]
    assert rows(store, "people-posts", person="Harbour Trust") == []


def test_organisation_legislation(store):
    assert rows(store, "organisation-legislation") == [
        ("Brightwater Council", "invokes", ACT, "1"),
        ("Harbour Trust", "not invokes", ACT, "1"),  # denied in the text
        ("Harbour Trust", "opposes", ACT, "1"),
    ]
    assert rows(store, "organisation-legislation", org="Harbour Trust", law="Tidal Energy Act") == [
        ("Harbour Trust", "not invokes", ACT, "1"),
        ("Harbour Trust", "opposes", ACT, "1"),
    ]


def test_who_said_what(store):
    assert rows(store, "who-said-what", entity="Nora Vance") == [
        (
            "Nora Vance",
            "We will use every power the Act gives us.",
            "a1",
            "Council invokes the Tidal Energy Act",
            'Councillor Nora Vance of Brightwater Council said: "We will use every power the '
            'Act gives us."',
        )
    ]
    everyone = rows(store, "who-said-what")
    assert [(r[0], r[2]) for r in everyone] == [("Nora Vance", "a1"), ("Harbour Trust", "a2")]


def test_shortest_connection(store):
    assert rows(store, "shortest-connection", **{"from": "Ms Vance", "to": "Harbour Trust"}) == [
        ("2", "Nora Vance -> memberOf Brightwater Council -> wroteTo Harbour Trust"),
        (
            "3",
            f"Nora Vance -> memberOf Brightwater Council -> invokes {ACT} <- opposes Harbour Trust",
        ),
    ]
    direct = rows(store, "shortest-connection", **{"from": "Port Ellis", "to": "the council"})
    assert direct == [("1", "Port Ellis <- basedIn Brightwater Council")]


def test_fact_provenance(store):
    assert rows(store, "fact-provenance", subject="the council", relation="invokes") == [
        (
            "Brightwater Council",
            "invokes",
            ACT,
            "a1",
            "The council, based in Port Ellis, invokes the Tidal Energy Act 2019.",
            "129",
            "162",
            "legal:verb",
            "0.75",
            "kg 0.1.0",
            "",
        )
    ]
    trust = rows(store, "fact-provenance", subject="Harbour Trust", object=ACT)
    assert [(r[1], r[10]) for r in trust] == [("invokes", "negated"), ("opposes", "")]
    memberships = rows(store, "fact-provenance", subject="Nora Vance", relation="memberOf")
    assert [(r[3], r[7]) for r in memberships] == [("a1", "role:of-org"), ("a2", "role:member-of")]


def test_fact_provenance_of_every_fact_of_a_subject(store):
    # statements and memberships alike, with or without evidence, found by an altLabel
    facts = rows(store, "fact-provenance", subject="Ms Vance")
    assert [(r[1], r[2], r[3], r[5], r[7], r[9]) for r in facts] == [
        ("jobTitle", "Councillor", "a1", None, "title:before-name", "kg 0.1.0"),
        ("memberOf", "Brightwater Council", "a1", "0", "role:of-org", "kg 0.1.0"),
        ("memberOf", "Brightwater Council", "a2", None, "role:member-of", "kg 0.1.0"),
    ]
    assert rows(store, "fact-provenance", subject="Nobody Known") == []


def test_corroborated_facts(store):
    assert rows(store, "corroborated-facts") == [
        ("Nora Vance", "memberOf", "Brightwater Council", "2")
    ]
    # with min=1: every fact once, the denied "Harbour Trust invokes" not among them
    assert sorted(r[:3] for r in rows(store, "corroborated-facts", min="1")) == [
        ("Brightwater Council", "basedIn", "Port Ellis"),
        ("Brightwater Council", "invokes", ACT),
        ("Brightwater Council", "wroteTo", "Harbour Trust"),
        ("Harbour Trust", "opposes", ACT),
        ("Nora Vance", "jobTitle", "Councillor"),
        ("Nora Vance", "memberOf", "Brightwater Council"),
    ]
    assert rows(store, "corroborated-facts", min="3") == []


def test_entity_timeline(store):
    assert rows(store, "entity-timeline", entity="Nora Vance") == [
        (
            "2021-01-05",
            "a1",
            "Council invokes the Tidal Energy Act",
            "Nora Vance jobTitle Councillor",
        ),
        ("2021-02-10", "a2", "Harbour Trust fights the Act", None),
    ]
    [(date, article, _headline, facts)] = rows(store, "entity-timeline", entity="Harbour Trust")
    assert (date, article) == ("2021-02-10", "a2")
    # the denied "invokes" is not a fact
    assert sorted(facts.split(" | ")) == [
        "Brightwater Council wroteTo Harbour Trust",
        f"Harbour Trust opposes {ACT}",
    ]


def test_external_links(store):
    assert rows(store, "external-links", type="Legislation") == [
        (
            "Legislation",
            ACT,
            "http://www.legislation.gov.uk/id/ukpga/2019/99",
            "https://kg.example.org/id/legislation/tidal-energy-act-2019",
        )
    ]
    unlinked = rows(store, "external-links", linked="no")
    assert [(r[0], r[1]) for r in unlinked] == [
        ("Organization", "Brightwater Council"),
        ("Organization", "Harbour Trust"),
        ("Person", "Nora Vance"),
        ("Place", "Port Ellis"),
    ]
    assert len(rows(store, "external-links")) == 5


def test_top_legislation(store):
    [(law, kind, articles, linked)] = rows(store, "top-legislation")
    assert (law, kind, articles) == (ACT, "Act", "2")
    assert sorted(linked.split("; ")) == ["Brightwater Council", "Harbour Trust"]
    assert rows(store, "top-legislation", kind="Bill") == []


def test_co_mentions(store):
    pairs = {(frozenset(r[:2]), r[2]) for r in rows(store, "co-mentions")}
    assert pairs == {
        (frozenset({"Brightwater Council", "Nora Vance"}), "2"),
        (frozenset({ACT, "Brightwater Council"}), "2"),
        (frozenset({ACT, "Nora Vance"}), "2"),
    }
    with_trust = rows(store, "co-mentions", entity="Harbour Trust", min="1")
    assert len(with_trust) == 3  # Nora, the council and the Act share a2 with it


def test_co_mentions_rows_read_in_iri_order_whichever_entity_is_asked_for(store):
    # each pair once, its entities in the order of their IRIs, most articles first
    assert rows(store, "co-mentions", entity="Harbour Trust", min="1") == [
        ("Brightwater Council", "Harbour Trust", "1"),
        ("Harbour Trust", "Nora Vance", "1"),
        (ACT, "Harbour Trust", "1"),
    ]
    assert rows(store, "co-mentions", entity="the council") == [
        ("Brightwater Council", "Nora Vance", "2"),
        (ACT, "Brightwater Council", "2"),
    ]
    assert rows(store, "co-mentions", entity="Nobody Known", min="1") == []


def test_co_mentions_lists_the_top_pairs(store):
    everything = rows(store, "co-mentions", min="1")
    assert len(everything) == 9  # the default top, 100, leaves all of them
    assert [r[2] for r in everything] == ["2"] * 3 + ["1"] * 6
    assert rows(store, "co-mentions", min="1", top="2") == [
        ("Brightwater Council", "Nora Vance", "2"),
        (ACT, "Brightwater Council", "2"),
    ]
    assert rows(store, "co-mentions", min="1", top="4") == everything[:4]  # cut inside a tie
    assert rows(store, "co-mentions", entity="Nora Vance", min="1", top="1") == [
        ("Brightwater Council", "Nora Vance", "2")
    ]


@pytest.mark.parametrize("top", ["0", "-3", "ten", "2.5", "+5", " 5", "1_000", ""])
def test_a_limit_must_be_a_whole_number_of_at_least_one(top):
    with pytest.raises(QueryError, match="--param top must be a whole number of at least 1"):
        get("co-mentions").bind({"top": top})


def test_a_limit_sets_only_the_limits_marked_with_its_name():
    query = parse(
        "x",
        "# title: t\n# param: top limit default=5  how many\n# param: who text optional  h\n"
        "SELECT ?s WHERE {\n  { SELECT ?s WHERE { ?s ?p ?o } LIMIT 7 }\n"
        "  { SELECT ?s WHERE { ?s ?p ?o } LIMIT 5  # ?top\n  }\n}\nLIMIT 5  # ?top\n",
    )
    text = query.bind({"top": "12"})
    assert "LIMIT 7 }" in text and text.count("LIMIT 12  # ?top") == 2
    assert "VALUES (?who) { (UNDEF) }" in text  # a limit is not a variable
    assert "LIMIT 5  # ?top" in query.bind({})
    with pytest.raises(QueryError, match="no LIMIT is marked '# \\?top'"):
        parse("x", "# title: t\n# param: top limit default=5  how many\nSELECT * { ?s ?p ?o }")
    with pytest.raises(QueryError, match="whole number"):
        parse("x", "# title: t\n# param: top limit default=all  h\nSELECT * { } LIMIT 1 # ?top")


def test_parameters_are_bound_not_pasted(store):
    hostile = 'Nora Vance" } UNION { ?q ?x ?y } #'
    text = get("who-said-what").bind({"entity": hostile})
    assert rows(store, "who-said-what", entity=hostile) == []
    assert '\\" } UNION' in text  # written as an escaped literal inside VALUES
    assert "VALUES (?entity) { (UNDEF) }" in get("who-said-what").bind({})


def test_parameter_mistakes_are_explained():
    with pytest.raises(QueryError, match="needs --param entity"):
        get("entity-timeline").bind({})
    with pytest.raises(QueryError, match="has no parameter colour"):
        get("who-said-what").bind({"colour": "red"})
    with pytest.raises(QueryError, match="whole number"):
        get("corroborated-facts").bind({"min": "two"})
    with pytest.raises(QueryError, match="no named query"):
        get("who-said-when")
    with pytest.raises(QueryError, match="NAME=VALUE"):
        parse_params(["entity"])
    assert parse_params(["entity=a=b"]) == {"entity": "a=b"}


def test_a_query_file_needs_a_title_and_well_formed_parameters():
    with pytest.raises(QueryError, match="title"):
        parse("x", "SELECT * { ?s ?p ?o }")
    with pytest.raises(QueryError, match="bad parameter"):
        parse("x", "# title: t\n# param: who colour optional help\nSELECT * { ?s ?p ?o }")


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=120
    )


def test_the_command_line_lists_and_runs_named_queries():
    listing = _kg("queries")
    assert listing.returncode == 0, listing.stderr
    assert "who-said-what" in listing.stdout and "--param entity=" in listing.stdout
    run = _kg(
        "query",
        str(FIXTURE),
        "--name",
        "who-said-what",
        "--param",
        "entity=Nora Vance",
        "--format",
        "csv",
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == "speaker,quote,article,headline,sentence"
    assert "We will use every power" in run.stdout
    missing = _kg("query", str(FIXTURE), "--name", "entity-timeline")
    assert missing.returncode == 1 and "needs --param entity" in missing.stderr


def test_an_unknown_name_says_so_and_suggests_close_ones():
    # issue 14: a misspelt entity gave 0 rows and exit 0
    proc = _kg("query", str(FIXTURE), "--name", "who-said-what", "--param", "entity=Nora Vanse")
    assert proc.returncode == 1 and proc.stdout == ""
    assert "no entity in the graph is named 'Nora Vanse'" in proc.stderr
    assert "did you mean 'Nora Vance'?" in proc.stderr
    proc = _kg("query", str(FIXTURE), "--name", "who-said-what", "--param", "entity=Nora Vance")
    assert proc.returncode == 0 and "1 row" in proc.stdout
    # a name that is known but has no rows is an answer, not an error
    proc = _kg("query", str(FIXTURE), "--name", "entity-timeline", "--param", "entity=Nora Vance")
    assert proc.returncode == 0, proc.stderr


def test_only_names_of_entities_are_looked_up():
    params = {p.name: p.names_entity for q in load().values() for p in q.params}
    assert params["entity"] and params["from"] and params["subject"]
    assert not params["kind"] and not params["relation"] and not params["min"]
