"""`kg serve` over real HTTP, queried with a real SPARQL client (SPARQLWrapper)."""

from __future__ import annotations

import csv
import http.client
import io
import json
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Namespace, URIRef
from SPARQLWrapper import (
    CSV,
    JSON,
    JSONLD,
    POST,
    RDFXML,
    TSV,
    TURTLE,
    URLENCODED,
    XML,
    SPARQLWrapper,
)
from support.endpoint import serving

from kg.query.render import TRUNCATED
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


def _http(url: str, data: bytes | None = None, headers: dict | None = None, method=None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
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


# --- issue 14: the endpoint as standard clients expect ---------------------------------

CONSTRUCT = "CONSTRUCT { ?p skos:prefLabel ?n } WHERE { ?p a schema:Person ; skos:prefLabel ?n }"


def test_sparqlwrapper_s_default_construct_gets_rdf_xml(endpoint):
    # SPARQLWrapper asks for RDF/XML by default: it got 406
    client = SPARQLWrapper(f"{endpoint}/sparql")
    client.setQuery(PREFIXES + CONSTRUCT)
    client.setReturnFormat(RDFXML)
    graph = client.query().convert()
    assert [str(o) for o in graph.objects()] == ["Nora Vance"]


@pytest.mark.parametrize(
    ("media", "rdflib_format"),
    [
        ("application/rdf+xml", "xml"),
        ("application/n-triples", "nt"),
        ("application/n-quads", "nquads"),
        ("application/trig", "trig"),
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
    ],
)
def test_construct_in_every_rdf_format(endpoint, media, rdflib_format):
    query = urllib.parse.quote(PREFIXES + CONSTRUCT)
    status, headers, body = _http(f"{endpoint}/sparql?query={query}", headers={"Accept": media})
    assert status == 200 and headers["Content-Type"].startswith(media)
    graph = Dataset().parse(data=body, format=rdflib_format)
    assert [str(o) for _s, _p, o, _g in graph.quads()] == ["Nora Vance"]


def test_the_service_description_shows_the_limits(out_dir):
    with serving(out_dir, Settings(workers=2, limit_rows=123, timeout=7)) as running:
        status, headers, body = _http(f"{running.url}/sparql")
        assert status == 200 and headers["Content-Type"].startswith("text/turtle")
        graph = Graph().parse(data=body, format="turtle")
        sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
        kge = Namespace("https://kg.example.org/endpoint#")
        service = URIRef(f"{running.url}/sparql")
        assert (service, RDF.type, sd.Service) in graph
        assert (service, sd.supportedLanguage, sd.SPARQL11Query) in graph
        assert graph.value(service, kge.maxRows).toPython() == 123
        assert float(graph.value(service, kge.timeoutSeconds)) == 7
        assert "cut at 123 rows" in str(graph.value(service, RDFS.comment))
        assert _http(f"{running.url}/sparql", headers={"Accept": "application/rdf+xml"})[0] == 200


def test_head_answers_like_get_without_a_body(endpoint):
    query = urllib.parse.quote(PREFIXES + PEOPLE)
    get = _http(f"{endpoint}/sparql?query={query}")
    request = urllib.request.Request(f"{endpoint}/sparql?query={query}", method="HEAD")
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200 and response.read() == b""
        assert response.headers["Content-Length"] == str(len(get[2].encode()))


def test_the_protocol_dataset_is_used(endpoint):
    every = "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }"
    answer = _client(endpoint, every, JSON).query().convert()
    graphs = [b["g"]["value"] for b in answer["results"]["bindings"]]
    first = sorted(graphs)[0]
    count = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
    base = f"{endpoint}/sparql?query={urllib.parse.quote(count)}"
    whole = json.loads(_http(base)[2])["results"]["bindings"][0]["n"]["value"]
    status, _h, body = _http(base + "&default-graph-uri=" + urllib.parse.quote(first))
    part = json.loads(body)["results"]["bindings"][0]["n"]["value"]
    assert status == 200 and 0 < int(part) < int(whole)
    named = f"{endpoint}/sparql?query={urllib.parse.quote(every)}&named-graph-uri="
    body = _http(named + urllib.parse.quote(first))[2]
    assert [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]] == [first]
    assert _http(base + "&default-graph-uri=not%20an%20iri")[0] == 400


def test_keep_alive_serves_many_requests_on_one_connection(endpoint):
    host, port = urllib.parse.urlsplit(endpoint).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        connection.connect()
        first = connection.sock
        for _ in range(5):
            connection.request("GET", "/sparql?query=" + urllib.parse.quote("ASK {}"))
            response = connection.getresponse()
            assert response.status == 200 and response.version == 11
            response.read()
            assert connection.sock is first  # not reconnected
    finally:
        connection.close()


def test_truncation_is_said_where_clients_read_it(out_dir):
    with serving(out_dir, Settings(workers=2, limit_rows=2)) as running:
        url = f"{running.url}/sparql?query=" + urllib.parse.quote("SELECT * { ?s ?p ?o }")
        _s, headers, body = _http(url)
        assert json.loads(body)["head"]["link"] == [TRUNCATED]
        assert "2 rows" in headers["X-KG-Truncated"]
        xml = _http(url, headers={"Accept": "application/sparql-results+xml"})[2]
        assert f'<link href="{TRUNCATED}"/>' in xml
        graph = urllib.parse.quote("CONSTRUCT WHERE { ?s ?p ?o }")
        turtle = _http(f"{running.url}/sparql?query={graph}", headers={"Accept": "text/turtle"})[2]
        assert turtle.startswith("# truncated: only the first 2 triples")
        assert len(Graph().parse(data=turtle, format="turtle")) == 2


def test_the_update_refusal_names_the_endpoint(endpoint):
    update = urllib.parse.quote("INSERT DATA { <http://a> <http://b> <http://c> }")
    status, _h, body = _http(f"{endpoint}/sparql?query={update}")
    assert status == 403 and body.startswith("this SPARQL endpoint (kg serve) is read-only")
    assert "kg query" not in body


def test_cors_is_off_by_default_and_preflight_answered_when_on(out_dir, endpoint):
    preflight = {
        "Origin": "https://yasgui.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    status, headers, _b = _http(f"{endpoint}/sparql", headers=preflight, method="OPTIONS")
    assert "Access-Control-Allow-Origin" not in headers  # off: the browser blocks it
    with serving(out_dir, Settings(workers=2, cors=("https://yasgui.example",))) as running:
        status, headers, _b = _http(f"{running.url}/sparql", headers=preflight, method="OPTIONS")
        assert status == 200
        assert headers["Access-Control-Allow-Origin"] == "https://yasgui.example"
        assert "POST" in headers["Access-Control-Allow-Methods"]
        query = urllib.parse.quote("ASK {}")
        origin = {"Origin": "https://yasgui.example"}
        status, headers, _b = _http(f"{running.url}/sparql?query={query}", headers=origin)
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://yasgui.example"
        other = {"Origin": "https://other.example"}
        assert _http(f"{running.url}/sparql?query={query}", headers=other)[0] == 403
    with serving(out_dir, Settings(workers=2, cors=("*",))) as running:
        status, headers, _b = _http(f"{running.url}/sparql", headers=preflight, method="OPTIONS")
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"


def test_the_query_page_lists_the_named_queries_as_text(endpoint):
    status, headers, body = _http(f"{endpoint}/query")
    assert status == 200 and "script-src 'self'" in headers["Content-Security-Policy"]
    data = body.split('id="examples">')[1].split("</script>")[0]
    assert "<" not in data  # a query's text cannot close the element
    names = [e["name"] for e in json.loads(data)]
    assert "who-said-what" in names and "co-mentions" in names
    assert _http(f"{endpoint}/query.js")[0] == 200
