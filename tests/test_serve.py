"""`kg serve` over real HTTP, queried with a real SPARQL client (SPARQLWrapper)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, POST, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper

from kg.query.serve import Settings, make_server

FIXTURE = Path(__file__).parent / "data" / "named_queries.trig"
PEOPLE = "SELECT ?name WHERE { ?p a schema:Person ; skos:prefLabel ?name }"
PREFIXES = (
    "PREFIX schema: <https://schema.org/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)


def _start(source: Path, settings: Settings | None = None):
    server = make_server(source, "127.0.0.1", 0, settings)  # port 0: a free one
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    shutil.copy(FIXTURE, out / "graph.trig")
    (out / "graph.html").write_text("<html><title>kg view</title></html>", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def endpoint(out_dir):
    server, thread = _start(out_dir)
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _client(endpoint: str, query: str, fmt, method=None) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{endpoint}/sparql")
    client.setQuery(PREFIXES + query)
    client.setReturnFormat(fmt)
    if method:
        client.setMethod(method)
        client.setRequestMethod(URLENCODED)
    return client


def test_select_as_sparql_json_over_get(endpoint):
    answer = _client(endpoint, PEOPLE, JSON).query().convert()
    assert answer["head"]["vars"] == ["name"]
    assert [b["name"]["value"] for b in answer["results"]["bindings"]] == ["Nora Vance"]


def test_select_as_xml_csv_and_tsv_over_post(endpoint):
    xml = _client(endpoint, PEOPLE, XML, POST).query().convert()  # a DOM document
    assert [n.firstChild.data for n in xml.getElementsByTagName("literal")] == ["Nora Vance"]
    text = _client(endpoint, PEOPLE, CSV, POST).query().convert().decode("utf-8")
    assert list(csv.reader(io.StringIO(text))) == [["name"], ["Nora Vance"]]
    tsv = _client(endpoint, PEOPLE, TSV).query().convert().decode("utf-8")
    assert tsv.splitlines() == ["?name", '"Nora Vance"']


def test_ask(endpoint):
    ask = "ASK { ?a schema:mentions ?e }"
    assert _client(endpoint, ask, JSON).query().convert()["boolean"] is True


def test_construct_as_turtle_and_json_ld(endpoint):
    construct = (
        "CONSTRUCT { ?p skos:prefLabel ?n } WHERE { ?p a schema:Person ; skos:prefLabel ?n }"
    )
    turtle = _client(endpoint, construct, TURTLE).query().convert()
    graph = Graph().parse(data=turtle, format="turtle")
    assert [str(o) for o in graph.objects()] == ["Nora Vance"]
    jsonld = _client(endpoint, construct, JSONLD).query().convert()  # an rdflib Graph
    assert [str(o) for o in jsonld.objects()] == ["Nora Vance"]


def _http(url: str, data: bytes | None = None, headers: dict | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8")


def test_a_sparql_query_body_is_accepted(endpoint):
    status, headers, body = _http(
        f"{endpoint}/sparql",
        (PREFIXES + PEOPLE).encode(),
        {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"][0]["name"]["value"] == "Nora Vance"


def test_updates_are_forbidden(endpoint):
    update = "INSERT DATA { <http://a> <http://b> <http://c> }"
    form = urllib.parse.urlencode({"update": update}).encode()
    form_type = {"Content-Type": "application/x-www-form-urlencoded"}
    assert _http(f"{endpoint}/sparql", form, form_type)[0] == 403
    direct = {"Content-Type": "application/sparql-update"}
    assert _http(f"{endpoint}/sparql", update.encode(), direct)[0] == 403
    status, _h, body = _http(f"{endpoint}/sparql?query=" + urllib.parse.quote(update))
    assert status == 403 and "read-only" in body
    count = "SELECT (COUNT(*) AS ?n) { <http://a> ?p ?o }"
    answer = _client(endpoint, count, JSON).query().convert()
    assert answer["results"]["bindings"][0]["n"]["value"] == "0"


def test_bad_queries_get_a_400_and_service_calls_a_403_with_the_reason(endpoint):
    status, _h, body = _http(f"{endpoint}/sparql?query=" + urllib.parse.quote("SELECT ?x {"))
    assert status == 400 and "malformed SPARQL" in body
    service = "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    status, _h, body = _http(f"{endpoint}/sparql?query=" + urllib.parse.quote(service))
    assert status == 403 and "SERVICE" in body


def test_an_unservable_accept_header_gets_406(endpoint):
    query = urllib.parse.quote(PREFIXES + PEOPLE)
    status, _h, _b = _http(f"{endpoint}/sparql?query={query}", headers={"Accept": "image/png"})
    assert status == 406


def test_the_html_view_is_served_beside_the_endpoint(endpoint):
    status, headers, body = _http(f"{endpoint}/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "kg view" in body
    assert _http(f"{endpoint}/elsewhere")[0] == 404


def test_slow_queries_are_stopped_and_big_answers_cut(out_dir):
    server, thread = _start(out_dir, Settings(timeout=1.0, limit_rows=5))
    host, port = server.server_address[:2]
    try:
        url = f"http://{host}:{port}/sparql?query="
        slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        status, _h, body = _http(url + urllib.parse.quote(slow))
        assert status == 503 and "stopped after 1 s" in body
        status, headers, body = _http(url + urllib.parse.quote("SELECT * { ?s ?p ?o }"))
        assert status == 200 and "5 rows" in headers["X-KG-Truncated"]
        assert len(json.loads(body)["results"]["bindings"]) == 5
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_the_server_listens_on_localhost_by_default(out_dir):
    server = make_server(out_dir, port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()
