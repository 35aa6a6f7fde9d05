"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a store, OUT directory or file.

GET /sparql?query=..., POST /sparql with a form (query=...) or an application/sparql-query
body. SELECT and ASK answer as SPARQL JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE as
Turtle or JSON-LD, as the Accept header asks (JSON and Turtle when it does not say).
Updates are refused with 403: the graph changes only through `kg build`. Each query runs
through kg.query.sparql with its limits (time, rows, no SERVICE), in a child process, at most
`Settings.workers` at once. GET / serves the OUT directory's graph.html when there is one.

The standard library's threading HTTP server is enough: the work is in Oxigraph.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import QueryError
from kg.query.formats import turtle
from kg.query.sparql import (
    DEFAULT_LIMIT_ROWS,
    DEFAULT_TIMEOUT,
    QueryResult,
    QueryTimeout,
    load_store,
    run_query,
)

RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = ("text/turtle", "application/ld+json", "application/n-triples")
_FORM = "application/x-www-form-urlencoded"
_MAX_BODY = 1024 * 1024  # a query larger than 1 MiB is refused


@dataclass(frozen=True)
class Settings:
    timeout: float = DEFAULT_TIMEOUT
    limit_rows: int = DEFAULT_LIMIT_ROWS
    allow_service: bool = False
    workers: int = 4  # queries evaluated at once; others wait their turn


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, store: ox.Store, html: Path | None, settings: Settings):
        super().__init__(address, Handler)
        self.store = store
        self.html = html
        self.settings = settings
        self.slots = threading.BoundedSemaphore(settings.workers)


def make_server(
    source: Path, host: str = "127.0.0.1", port: int = 8000, settings: Settings | None = None
) -> Server:
    """Load `source` and bind the server (port 0 picks a free one); call serve_forever()."""
    source = Path(source)
    store = load_store(source)
    html = source / "graph.html" if source.is_dir() else None
    if html is not None and not html.is_file():
        html = None
    return Server((host, port), store, html, settings or Settings())


class Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = "kg-sparql"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base's name
        pass  # quiet: the command prints where it serves, errors go to the client

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/graph.html"):
            return self._page()
        if url.path != "/sparql":
            return self._text(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql\n")
        params = parse_qs(url.query, keep_blank_values=True)
        if "update" in params:
            return self._refuse_update()
        queries = params.get("query", [])
        if len(queries) != 1:
            return self._text(HTTPStatus.BAD_REQUEST, "give exactly one query=... parameter\n")
        self._answer(queries[0], params)

    def do_POST(self) -> None:
        if urlsplit(self.path).path != "/sparql":
            return self._text(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql\n")
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_BODY:
            return self._text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "the query is too large\n")
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-update":
            return self._refuse_update()
        if kind == "application/sparql-query":
            params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
            return self._answer(body, params)
        if kind == _FORM:
            params = parse_qs(body, keep_blank_values=True)
            if "update" in params:
                return self._refuse_update()
            queries = params.get("query", [])
            if len(queries) != 1:
                return self._text(HTTPStatus.BAD_REQUEST, "give exactly one query=... field\n")
            return self._answer(queries[0], params)
        self._text(
            HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
            f"POST a form ({_FORM}) or an application/sparql-query body\n",
        )

    def _answer(self, sparql: str, params: dict[str, list[str]]) -> None:
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            message = "default-graph-uri and named-graph-uri are not supported; use GRAPH\n"
            return self._text(HTTPStatus.BAD_REQUEST, message)
        settings = self.server.settings
        try:
            with self.server.slots:
                result = run_query(
                    self.server.store,
                    sparql,
                    timeout=settings.timeout,
                    limit_rows=settings.limit_rows,
                    allow_service=settings.allow_service,
                )
        except QueryTimeout as exc:
            return self._text(HTTPStatus.SERVICE_UNAVAILABLE, f"{exc}\n")
        except QueryError as exc:
            status = HTTPStatus.FORBIDDEN if "read-only" in str(exc) else HTTPStatus.BAD_REQUEST
            return self._text(status, f"{exc}\n")
        body, media = _render(result, self.headers.get("Accept") or "*/*")
        if body is None:
            return self._text(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer as {media}\n")
        headers = {}
        if result.truncated:
            headers["X-KG-Truncated"] = f"results cut to the first {settings.limit_rows} rows"
        self._send(HTTPStatus.OK, media, body, headers)

    def _refuse_update(self) -> None:
        message = "this endpoint is read-only: SPARQL Update is refused; rebuild with kg build\n"
        self._text(HTTPStatus.FORBIDDEN, message)

    def _page(self) -> None:
        if self.server.html is None:
            message = "kg SPARQL endpoint: send queries to /sparql (GET ?query= or POST)\n"
            return self._text(HTTPStatus.OK, message)
        self._send(HTTPStatus.OK, "text/html; charset=utf-8", self.server.html.read_bytes())

    def _text(self, status: HTTPStatus, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", message.encode("utf-8"))

    def _send(self, status, media: str, body: bytes, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def _render(result: QueryResult, accept: str) -> tuple[bytes | None, str]:
    """The body and its media type for the Accept header; (None, accept) if none fits."""
    wanted = _accepted(accept)
    if result.kind == "graph":
        media = _choose(wanted, GRAPH_TYPES)
        if media is None:
            return None, accept
        if media == "text/turtle":
            body = turtle(result.ox_triples).encode("utf-8")
        else:
            fmt = ox.RdfFormat.JSON_LD if media == "application/ld+json" else ox.RdfFormat.N_TRIPLES
            body = ox.serialize(result.ox_triples, format=fmt) or b""
        return body, f"{media}; charset=utf-8"
    media = _choose(wanted, tuple(RESULT_TYPES))
    if media is None:
        return None, accept
    parsed = ox.parse_query_results(result.results_json, ox.QueryResultsFormat.JSON)
    body = parsed.serialize(format=RESULT_TYPES[media]) or b""
    return body, f"{media}; charset=utf-8"


def _accepted(accept: str) -> list[str]:
    """Media types of an Accept header, most preferred first (q=0 dropped)."""
    ranked = []
    for index, part in enumerate(accept.split(",")):
        media, *options = [x.strip() for x in part.split(";")]
        quality = 1.0
        for option in options:
            if option.startswith("q="):
                try:
                    quality = float(option[2:])
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, index, media.lower()))
    return [media for _q, _i, media in sorted(ranked)] or ["*/*"]


def _choose(wanted: list[str], offered: tuple[str, ...]) -> str | None:
    for media in wanted:
        if media in offered:
            return media
        if media == "*/*":
            return offered[0]
        if media.endswith("/*"):
            for candidate in offered:
                if candidate.startswith(media[:-1]):
                    return candidate
    return None
