"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a store, OUT directory or file.

GET or HEAD /sparql?query=..., POST /sparql with a form (query=...) or an
application/sparql-query body; `default-graph-uri` and `named-graph-uri` choose the
dataset. SELECT and ASK answer as SPARQL JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE as
Turtle, N-Triples, RDF/XML, JSON-LD, N-Quads or TriG, as the Accept header asks (JSON and
Turtle when it does not say). GET /sparql without a query is the SPARQL 1.1 Service
Description. Updates are refused with 403. GET / serves an OUT directory's graph.html, and
/query a query page.

uvicorn serves HTTP/1.1 with keep-alive (a connection per client, many requests on it);
each query runs in a pool of worker processes (kg.query.pool) with its time, memory and
row limits, so one slow query never holds up the others. Every step of a request has a
limit: its head and body must arrive in `io_timeout` seconds and the body be at most
`max_body` bytes (h11 refuses a malformed Content-Length), a query waits at most its time
limit for a worker, at most `workers + queue` requests are taken at once (then 503), and
the answer must be read in `io_timeout` seconds. Requests for other Host names and from
pages of other origins are refused (kg.query.serve.guard); `cors` allows origins.

Modules: `server` (socket, uvicorn, the store watch), `app` (the protocol), `guard`,
`protocol` (the head deadline), `description`, `page`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kg.query.sparql import DEFAULT_LIMIT_ROWS, DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from kg.query.serve.server import Server

DEFAULT_WORKERS = 8
MAX_BODY = 1024 * 1024  # a request body larger than 1 MiB is refused


@dataclass(frozen=True)
class Settings:
    timeout: float = DEFAULT_TIMEOUT
    limit_rows: int = DEFAULT_LIMIT_ROWS
    allow_service: bool = False
    workers: int = DEFAULT_WORKERS  # queries evaluated at once, in as many processes
    warm: int = 2  # workers started with the server; the others as they are needed
    queue: int = 2 * DEFAULT_WORKERS  # requests that may wait for a worker
    memory_limit: int | None = None  # bytes per query; None: `default_memory_limit`; 0: none
    cors: tuple[str, ...] = ()  # origins allowed to call from a browser; ("*",): any
    max_body: int = MAX_BODY
    io_timeout: float = 10.0  # seconds for a request's head, its body, or reading the answer
    keep_alive: float = 5.0  # seconds an idle keep-alive connection stays open
    max_connections: int = 512  # open connections and requests; more get 503


def physical_memory() -> int | None:
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, OSError, ValueError):
        return None


def default_memory_limit(workers: int) -> int | None:
    """Half the machine's memory, shared by the workers (at least 256 MiB each)."""
    total = physical_memory()
    if total is None:
        return None
    return max(256 * 2**20, total // 2 // max(1, workers))


def make_server(
    source: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: Settings | None = None,
    notify: Callable[[str], None] | None = None,
) -> Server:
    """Open `source`, start the workers and bind the server (port 0 picks a free one);
    call serve_forever(), and shutdown() and server_close() to stop. `notify` is told of
    builds writing the store."""
    from kg.query.serve.server import Server

    settings = settings or Settings()
    if settings.memory_limit is None:
        settings = replace(settings, memory_limit=default_memory_limit(settings.workers))
    return Server(Path(source), host, port, settings, notify)


__all__ = ["Settings", "make_server", "default_memory_limit", "DEFAULT_WORKERS"]
