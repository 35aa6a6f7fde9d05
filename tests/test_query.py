"""kg.query.sparql and .formats on tests/data/small.trig (see the expectations at its top)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.errors import OutputError, QueryError
from kg.query.formats import format_result
from kg.query.sparql import PREFIXES, load_store, run_query

SMALL = Path(__file__).parent / "data" / "small.trig"
SCRIPT = "<script>alert(1)</script>"
QUOTED = 'Dara "Quill" O\'Neill'
ORG_SCRIPT = "https://kg.example.org/id/organization/script-alert-1-script-a450b7a1"
ENTITIES = "https://kg.example.org/id/graph/entities-b015c946"


@pytest.fixture(scope="module")
def store():
    return load_store(SMALL)


def _values(result, var):
    i = result.variables.index(var)
    return [str(row[i]) for row in result.rows]


def test_select_reads_labels_from_the_entities_graph(store):
    query = "SELECT ?l WHERE { ?p a schema:Person ; skos:prefLabel ?l } ORDER BY ?l"
    result = run_query(store, query)
    assert result.kind == "select"
    assert result.variables == ("l",)
    assert _values(result, "l") == [QUOTED, "Nora Vance"]


def test_default_graph_is_the_union_of_the_named_graphs(store):
    # the relation sits in an article graph, the label only in the entities graph
    result = run_query(store, "SELECT ?l WHERE { ?p org:memberOf ?o . ?o skos:prefLabel ?l }")
    assert _values(result, "l") == ["Brightwater Council"]


def test_a_triple_in_several_graphs_counts_once(store):
    # each person's types sit in the entities graph and again in each article graph
    result = run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?p a schema:Person }")
    assert int(result.rows[0][0]) == 2


def test_a_bare_store_is_queried_over_its_named_graphs():
    store = ox.Store()
    node = ox.NamedNode("https://kg.example.org/id/place/x-00000000")
    graph = ox.NamedNode("https://kg.example.org/id/graph/g-00000000")
    store.add(ox.Quad(node, ox.NamedNode(PREFIXES["skos"] + "prefLabel"), ox.Literal("X"), graph))
    assert run_query(store, 'ASK { ?s skos:prefLabel "X" }').boolean


def test_graph_patterns_still_tell_graphs_apart(store):
    result = run_query(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?e skos:prefLabel ?l } }")
    assert _values(result, "g") == [ENTITIES]
    result = run_query(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(result.rows[0][0]) == 4  # two articles, entities, meta


def test_rows_hold_rdflib_terms(store):
    result = run_query(
        store,
        """SELECT ?act ?year ?title ?nothing WHERE {
        ?act kg:year ?year ; dct:title ?title OPTIONAL { ?act kg:nothing ?nothing } }""",
    )
    [(act, year, title, nothing)] = result.rows
    assert act == URIRef("https://kg.example.org/id/legislation/tidal-energy-act-2019-28888c74")
    assert year.toPython() == 2019
    assert title == Literal("Tidal Energy Act")
    assert nothing is None


def test_ask(store):
    assert run_query(store, 'ASK { ?o skos:altLabel "<img src=x onerror=alert(1)>" }').boolean
    query = 'ASK { ?p a schema:Person ; skos:prefLabel "Nobody" }'
    assert run_query(store, query).boolean is False


def test_fixture_offsets_match_anchors(store):
    # SPARQL SUBSTR counts code points from 1; nif:beginIndex from 0.
    bad = run_query(
        store,
        """
        ASK { ?m nif:anchorOf ?a ; nif:beginIndex ?b ; nif:endIndex ?e ;
                 nif:referenceContext/nif:isString ?text .
              FILTER (SUBSTR(?text, ?b + 1, ?e - ?b) != ?a) }""",
    )
    assert bad.boolean is False


def test_a_declared_prefix_wins_over_the_predeclared_one(store):
    query = "PREFIX schema: <http://schema.org/>\nASK { ?p a schema:Person }"
    assert run_query(store, query).boolean is False


def test_construct_gives_turtle_with_prefixes(store):
    result = run_query(
        store,
        """CONSTRUCT { ?o skos:prefLabel ?l }
        WHERE { ?o a schema:Organization ; skos:prefLabel ?l }""",
    )
    assert result.kind == "graph"
    assert len(result.triples) == 2
    assert (URIRef(ORG_SCRIPT), SKOS.prefLabel, Literal(SCRIPT)) in result.triples
    text = format_result(result, "table")
    assert text.startswith("@prefix skos:")
    assert "@prefix xsd:" not in text  # declared only when used
    expected = {Literal("Brightwater Council"), Literal(SCRIPT)}
    graph = Graph().parse(data=text, format="turtle")
    assert set(graph.objects(None, SKOS.prefLabel)) == expected


def test_construct_as_json_is_json_ld_and_csv_says_it_cannot(store):
    # issue 14: `--format json` on a CONSTRUCT printed Turtle
    result = run_query(
        store,
        "CONSTRUCT { ?o skos:prefLabel ?l } WHERE { ?o a schema:Organization ; skos:prefLabel ?l }",
    )
    text = format_result(result, "json")
    assert isinstance(json.loads(text), list)  # JSON-LD, expanded
    graph = Graph().parse(data=text, format="json-ld")
    assert set(graph.objects(None, SKOS.prefLabel)) == {
        Literal("Brightwater Council"),
        Literal(SCRIPT),
    }
    for fmt in ("csv", "tsv"):
        with pytest.raises(QueryError, match="--format json for JSON-LD"):
            format_result(result, fmt)


def test_describe_gives_turtle(store):
    iri = "https://kg.example.org/id/place/kelmouth-1fa1435a"
    text = format_result(run_query(store, f"DESCRIBE <{iri}>"), "table")
    graph = Graph().parse(data=text, format="turtle")
    assert (URIRef(iri), SKOS.prefLabel, Literal("Kelmouth")) in graph


HOSTILE = """SELECT ?h ?t WHERE {
    ?a schema:identifier "small_b" ; schema:headline ?h ; kg:context/nif:isString ?t }"""


def _hostile_expected(store):
    headline = 'Protest at "<script>alert(1)</script>" HQ'
    text = (
        'Dara "Quill" O\'Neill told <script>alert(1)</script> staff:\n'
        '"Scrap the Harbour Safety Bill." <img src=x onerror=alert(1)> and Nora Vance met in '
        "Kelmouth."
    )
    return headline, text


def test_csv_quotes_and_keeps_newlines(store):
    headline, text = _hostile_expected(store)
    out = format_result(run_query(store, HOSTILE), "csv")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows == [["h", "t"], [headline, text]]
    assert out.startswith("h,t\r\n")  # SPARQL 1.1 CSV: CRLF line ends


def test_tsv_escapes_literals_one_row_per_line(store):
    headline, text = _hostile_expected(store)
    out = format_result(run_query(store, HOSTILE), "tsv")
    lines = out.rstrip("\n").split("\n")
    assert lines[0] == "?h\t?t"
    assert len(lines) == 2  # the newline inside the text is escaped
    h, t = lines[1].split("\t")
    assert h == json.dumps(headline)  # N-Triples escaping agrees with JSON's for these
    assert t == '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def test_json_is_sparql_results_json(store):
    headline, text = _hostile_expected(store)
    data = json.loads(format_result(run_query(store, HOSTILE), "json"))
    assert data["head"]["vars"] == ["h", "t"]
    [binding] = data["results"]["bindings"]
    assert binding["h"] == {"type": "literal", "value": headline}
    assert binding["t"]["value"] == text


def test_ask_formats(store):
    result = run_query(store, "ASK { ?s a schema:Place }")
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": True}
    assert format_result(result, "table") == "true"
    assert format_result(result, "csv").strip() == "true"


def test_table_shows_text_verbatim_and_wraps_long_values():
    store = ox.Store()
    subject = ox.NamedNode("https://kg.example.org/id/person/x-00000000")
    long_text = " ".join(f"word{i}" for i in range(80))
    for value in ("[bold red]not markup[/]", long_text):
        store.add(ox.Quad(subject, ox.NamedNode(PREFIXES["skos"] + "note"), ox.Literal(value)))
    out = format_result(run_query(store, "SELECT ?s ?n WHERE { ?s skos:note ?n }"), "table")
    assert "[bold red]not markup[/]" in out
    assert "\x1b[" not in out  # no colour when not writing to a terminal
    assert "…" not in out
    assert all(f"word{i} " in out or f"word{i}\n" in out or f"word{i} │" in out for i in range(80))
    assert max(len(line) for line in out.splitlines()) <= 120
    assert "2 rows" in out


def test_table_marks_unbound_and_uses_prefixes(store):
    result = run_query(
        store,
        """SELECT ?a ?d WHERE {
        ?a a schema:NewsArticle . OPTIONAL { ?a schema:datePublished ?d } } ORDER BY ?d""",
    )
    out = format_result(result, "table")
    assert "2021-01-28" in out
    assert "https://kg.example.org/id/article/small-a-5faf9a9a" in out
    rows = [line for line in out.splitlines() if "small-b" in line]
    assert rows and "2021" not in rows[0]


def test_unknown_format_is_refused(store):
    with pytest.raises(QueryError, match="unknown format"):
        format_result(run_query(store, "ASK {}"), "xml")


def test_malformed_query_reports_line_and_column(store):
    query = "SELECT ?x WHERE {\n  ?x foo:bar ?y }"
    with pytest.raises(QueryError) as info:
        run_query(store, query)
    message = str(info.value)
    assert "line 2, column 6" in message
    assert "'foo:'" in message
    lines = message.splitlines()
    assert lines[-2] == "    ?x foo:bar ?y }"
    assert lines[-1] == "       ^"  # under the "f" of foo:


def test_grammar_error_names_the_line(store):
    query = "SELECT ?s WHERE {\n  ?s ?p ?o .\n  ?s ?q }\n"
    with pytest.raises(QueryError, match=r"malformed SPARQL query at line 3, column 9") as info:
        run_query(store, query)
    assert str(info.value).splitlines()[-2:] == ["    ?s ?q }", "          ^"]
    assert "[_]" not in str(info.value)


@pytest.mark.parametrize(
    "query",
    [
        'INSERT DATA { <http://e/a> <http://e/b> "c" }',
        "PREFIX ex: <http://e/#>\n# a comment\nDELETE WHERE { ?s ex:p ?o }",
        "load <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH <http://e/g>",
        "WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_updates_are_refused(store, query):
    before = len(store)
    with pytest.raises(QueryError, match="read-only"):
        run_query(store, query)
    assert len(store) == before


def test_update_words_inside_a_query_are_fine(store):
    result = run_query(store, 'SELECT ?s WHERE { ?s kg:rule "DELETE" }')
    assert result.rows == ()


def test_source_can_be_an_out_directory_or_a_file(tmp_path, store):
    shutil.copy(SMALL, tmp_path / "graph.trig")
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    expected = run_query(store, query).rows
    assert run_query(tmp_path, query).rows == expected
    assert run_query(SMALL, query).rows == expected


def test_jsonld_and_nquads_load_the_same_quads(tmp_path, store):
    dataset = Dataset()
    dataset.parse(SMALL, format="trig")
    dataset.serialize(tmp_path / "g.jsonld", format="json-ld")
    dataset.serialize(tmp_path / "g.nq", format="nquads")
    assert len(load_store(tmp_path / "g.jsonld")) == len(store)
    assert len(load_store(tmp_path / "g.nq")) == len(store)


def test_missing_source(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        run_query(tmp_path / "nowhere", "ASK {}")
    with pytest.raises(OutputError, match="no graph.trig"):
        run_query(tmp_path, "ASK {}")


def test_unusable_source(tmp_path):
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(OutputError, match="RDF format"):
        load_store(tmp_path / "notes.txt")
    bad = tmp_path / "bad.ttl"
    bad.write_text('<http://e/a> <http://e/b> "unterminated', encoding="utf-8")
    with pytest.raises(OutputError, match="bad.ttl is not valid"):
        load_store(bad)


def test_a_query_past_its_time_limit_is_stopped(store):
    from kg.query.sparql import QueryTimeout

    slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(QueryTimeout, match=r"stopped after 0.5 s .*--timeout"):
        run_query(store, slow, timeout=0.5)
    # a query within its limit answers as usual through the child process
    quick = run_query(store, "SELECT ?l { ?p a schema:Person ; skos:prefLabel ?l }", timeout=30)
    assert len(quick.rows) == 2


def test_the_row_cap_keeps_the_first_rows_and_says_so(store):
    capped = run_query(store, "SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?s ?p ?o", limit_rows=3)
    full = run_query(store, "SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?s ?p ?o")
    assert capped.truncated and not full.truncated
    assert capped.rows == full.rows[:3]
    graph = run_query(store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", limit_rows=2)
    assert graph.truncated and len(graph.triples) == 2
    exact = run_query(store, "SELECT ?s { ?s a schema:Person }", limit_rows=2)
    assert not exact.truncated  # exactly at the cap is not cut


def test_service_calls_are_refused_unless_allowed(store):
    service = "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with pytest.raises(QueryError, match="--allow-service"):
        run_query(store, service)
    # the word inside a string or an IRI is no SERVICE call
    assert not run_query(store, 'ASK { ?s <http://x/SERVICE> "service" }').boolean
    # allowed, the call is attempted (and fails here: nothing listens on port 9)
    with pytest.raises(QueryError, match="failed while running"):
        run_query(store, service, allow_service=True)
