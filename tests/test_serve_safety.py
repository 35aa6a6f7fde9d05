"""`kg serve` under attack (issue 13, findings 1 to 5 and 10), over real HTTP and sockets."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
import pytest
from support.endpoint import http, raw, serving
from test_query_safety import Listener, bypasses

from kg.query.serve import Settings

FIXTURE = Path(__file__).parent / "data" / "named_queries.trig"
SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"
QUICK = "ASK { ?s ?p ?o }"


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    shutil.copy(FIXTURE, out / "graph.trig")
    return out


@pytest.fixture(scope="module")
def endpoint(out_dir):
    settings = Settings(workers=3, timeout=5, io_timeout=1.5, keep_alive=1)
    with serving(out_dir, settings) as running:
        yield running


def _get(endpoint, query: str, headers: dict | None = None):
    return http(f"{endpoint.url}/sparql?query=" + urllib.parse.quote(query), headers=headers)


def _form(endpoint, query: str, headers: dict | None = None):
    form = urllib.parse.urlencode({"query": query}).encode()
    kinds = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    return http(f"{endpoint.url}/sparql", form, kinds)


@pytest.mark.parametrize("index", range(5))
def test_no_service_call_leaves_the_endpoint(endpoint, index):
    # finding 1, through GET and form POST
    listener = Listener()
    try:
        query = bypasses(listener.port)[index]
        for status, _h, body in (_get(endpoint, query), _form(endpoint, query)):
            # refused from the parse, or run by a worker without network (rdflib cannot
            # read every query; the worker runs those, and no SERVICE call can leave it)
            assert status == 403 and "SERVICE" in body or status in (200, 500)
        time.sleep(0.3)
        assert listener.connections == 0
    finally:
        listener.close()


def test_a_slow_check_holds_up_no_other_client(endpoint):
    # finding 2: 64 KB of repeated "\ stalled every other client for 18 s
    payload = ('SELECT * { ?s ?p "' + '"\\' * 32_768 + '" }').encode()
    kinds = {"Content-Type": "application/sparql-query"}
    with ThreadPoolExecutor(2) as pool:
        hostile = pool.submit(http, f"{endpoint.url}/sparql", payload, kinds)
        time.sleep(0.2)
        started = time.monotonic()
        assert _get(endpoint, QUICK)[0] == 200
        assert time.monotonic() - started < 2
        assert hostile.result()[0] in (400, 503)


@pytest.fixture(scope="module")
def wide(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("wide") / "wide.nt"
    lines = [f'<http://e/s{i}> <http://e/p{i % 7}> "value {i}" .' for i in range(3_000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_memory_is_capped_and_the_endpoint_stays_up(wide):
    # finding 3: four of these at once would exhaust the machine
    greedy = "SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
    settings = Settings(workers=4, timeout=60, memory_limit=256 * 2**20)
    with serving(wide, settings) as endpoint, ThreadPoolExecutor(5) as pool:
        started = time.monotonic()
        answers = list(pool.map(lambda _: _get(endpoint, greedy), range(4)))
        assert time.monotonic() - started < 40
        for status, _h, body in answers:
            assert status == 503 and "memory limit of 256 MiB" in body
        status, _h, body = _get(endpoint, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
        assert status == 200 and '"3000"' in body


def test_fast_queries_are_answered_while_slow_ones_run(out_dir):
    # finding 3: four slow queries made the endpoint unavailable to everyone
    # six workers started with the server: this measures waiting, not process starts
    settings = Settings(workers=6, warm=6, timeout=4)
    with serving(out_dir, settings) as endpoint, ThreadPoolExecutor(5) as pool:
        slow = [pool.submit(_get, endpoint, SLOW) for _ in range(4)]
        time.sleep(0.5)
        started = time.monotonic()
        assert _get(endpoint, QUICK)[0] == 200
        assert time.monotonic() - started < 2.5
        assert [f.result()[0] for f in slow] == [503] * 4


def test_a_saturated_endpoint_says_so_at_once(out_dir):
    with serving(out_dir, Settings(workers=1, queue=0, timeout=3)) as endpoint:
        with ThreadPoolExecutor(1) as pool:
            running = pool.submit(_get, endpoint, SLOW)
            time.sleep(0.5)
            started = time.monotonic()
            status, headers, body = _get(endpoint, QUICK)
            assert status == 503 and headers["Retry-After"] == "1" and "busy" in body
            assert time.monotonic() - started < 1
            assert running.result()[0] == 503


def test_other_host_names_are_refused(endpoint):
    # finding 4: DNS rebinding reads with Host: evil.example
    status, _h, body = _get(endpoint, QUICK, {"Host": "evil.example"})
    assert status == 403 and "DNS rebinding" in body
    for host in (
        f"localhost:{endpoint.port}",
        f"127.0.0.1:{endpoint.port}",
        "[::1]",
        "a.localhost",
    ):
        assert _get(endpoint, QUICK, {"Host": host})[0] == 200, host
    reply = raw(
        endpoint.host, endpoint.port, b"GET /sparql HTTP/1.1\r\nHost: evil.example:80\r\n\r\n"
    )
    assert reply.startswith(b"HTTP/1.1 403")


def test_other_origins_are_refused(endpoint):
    # finding 4: a cross-site form POST, or a fetch from another origin
    evil = {"Origin": "http://evil.example"}
    assert _form(endpoint, QUICK, evil)[0] == 403
    status, _h, body = _get(endpoint, QUICK, evil)
    assert status == 403 and "--cors" in body
    embedded = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"}
    assert _get(endpoint, QUICK, embedded)[0] == 403
    clicked = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}
    assert _get(endpoint, QUICK, clicked)[0] == 200
    own = {"Origin": endpoint.url}  # the endpoint's own query page
    assert _form(endpoint, QUICK, own)[0] == 200


def _head(endpoint, length: str, body: bytes = b"") -> bytes:
    request = (
        f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{endpoint.port}\r\n"
        f"Content-Type: application/sparql-query\r\nContent-Length: {length}\r\n\r\n"
    ).encode()
    return raw(endpoint.host, endpoint.port, request + body, wait=10)


def test_malformed_content_lengths_get_a_400(endpoint):
    # finding 5: -1 bypassed the body cap, "abc" gave a traceback and an empty reply
    for length in ("-1", "abc", "1, 2"):
        assert _head(endpoint, length, b"ASK {}").startswith(b"HTTP/1.1 400"), length


def test_a_body_over_the_cap_is_refused_unread(endpoint):
    started = time.monotonic()
    assert _head(endpoint, str(50 * 2**20), b"ASK {}").startswith(b"HTTP/1.1 413")
    assert time.monotonic() - started < 2
    chunked = (
        f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{endpoint.port}\r\n"
        "Content-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n"
    ).encode()
    piece = b"%x\r\n%s\r\n" % (65536, b"#" * 65536)
    reply = raw(endpoint.host, endpoint.port, chunked + piece * 17 + b"0\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 413")


def test_a_short_body_times_out(endpoint):
    # finding 5: a thread waited for ever for the rest of the body
    started = time.monotonic()
    reply = _head(endpoint, "100", b"ASK {")
    assert reply.startswith(b"HTTP/1.1 408")
    assert time.monotonic() - started < 5


def test_idle_connections_are_closed_and_hold_no_thread(endpoint):
    # finding 5: 200 idle connections held 201 threads
    before = threading.active_count()
    idle = [socket.create_connection((endpoint.host, endpoint.port)) for _ in range(200)]
    idle[0].sendall(b"GET /sparql HTTP/1.1\r\nHo")  # a head that never ends
    try:
        time.sleep(0.3)
        assert threading.active_count() <= before + 2
        started = time.monotonic()
        assert _get(endpoint, QUICK)[0] == 200
        assert time.monotonic() - started < 2
        time.sleep(2.5)  # the head deadline is io_timeout, 1.5 s here
        for sock in idle[:20]:
            sock.settimeout(2)
            assert sock.recv(100) == b""  # closed by the server
    finally:
        for sock in idle:
            sock.close()


def test_many_clients_at_once_are_all_answered(endpoint):
    # finding 5: a listen backlog of 5 reset one request in 2,000 under 16 clients
    def burst(_):
        socks = [socket.create_connection((endpoint.host, endpoint.port)) for _ in range(8)]
        request = "HEAD /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        replies = []
        for sock in socks:
            sock.sendall(request.encode())
        for sock in socks:
            sock.settimeout(10)
            replies.append(sock.recv(100))
            sock.close()
        return replies

    with ThreadPoolExecutor(16) as pool:
        replies = [r for batch in pool.map(burst, range(64)) for r in batch]
    assert len(replies) == 512
    assert all(r.startswith(b"HTTP/1.1 200") for r in replies)


def _writer(store: Path, script: str):
    return subprocess.Popen(
        [sys.executable, "-c", script, str(store)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_store_being_written_is_flagged_then_reread(tmp_path):
    # finding 10: kg serve kept serving its old snapshot without a word
    store_dir = tmp_path / "store"
    store = ox.Store(str(store_dir))
    store.load(path=FIXTURE, format=ox.RdfFormat.TRIG)
    del store
    count = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s <http://e/new> ?o } }"
    with serving(store_dir, Settings(workers=2)) as endpoint:
        assert '"0"' in _get(endpoint, count)[2]
        build = _writer(
            store_dir,
            "import sys, pyoxigraph as ox\n"
            "s = ox.Store(sys.argv[1])\n"
            "n = ox.NamedNode('http://e/a')\n"
            "s.add(ox.Quad(n, ox.NamedNode('http://e/new'), n, ox.NamedNode('http://e/g')))\n"
            "print('written', flush=True)\n"
            "sys.stdin.readline()\n",
        )
        try:
            assert build.stdout.readline().strip() == "written"
            deadline = time.monotonic() + 10
            while not endpoint.notes and time.monotonic() < deadline:
                time.sleep(0.1)
            assert endpoint.notes and "is writing this store" in endpoint.notes[0]
            status, headers, _b = _get(endpoint, QUICK)
            assert status == 200 and "is writing" in headers["X-KG-Store"]
            assert "is writing" in http(f"{endpoint.url}/sparql")[2]  # service description
        finally:
            build.stdin.write("\n")
            build.stdin.close()
            build.wait(20)
        deadline = time.monotonic() + 10
        while '"1"' not in _get(endpoint, count)[2] and time.monotonic() < deadline:
            time.sleep(0.2)
        assert '"1"' in _get(endpoint, count)[2]  # the build's triple, once it finished
        assert "X-KG-Store" not in _get(endpoint, QUICK)[1]


def test_answers_are_json_when_asked(endpoint):
    status, headers, body = _get(endpoint, QUICK, {"Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(body)["boolean"] is True
