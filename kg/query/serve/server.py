"""The endpoint's server: a socket, uvicorn serving the application, the pool of workers,
and a watch on the store for builds writing it.

A store directory is opened by each worker read-only. An OUT directory or RDF file is
loaded once, into a temporary on-disk store that the workers open the same way and that is
removed when the server closes, so that workers share one copy of the graph.

RocksDB lets one process write a store while others read it, but a reader sees the store as
it was when it opened it. So the server watches the store: while a `kg build --store`
writes it, it says so (on the terminal, in the service description and in an `X-KG-Store`
header of each answer); once the build has finished, every worker opens the store again
before its next query, and new articles are answered.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from kg.query.pool import Pool
from kg.query.serve.app import App
from kg.query.serve.guard import Guard, allowed_hosts
from kg.query.serve.protocol import protocol
from kg.query.source import load_rdf, rdf_file
from kg.query.sparql import PREFIXES, hidden_graphs
from kg.query.worker import Source

BACKLOG = 1024  # connections the kernel queues before the server accepts them
_WATCH_EVERY = 1.0  # seconds between looks at the store


class Server:
    def __init__(self, source: Path, host: str, port: int, settings, notify: Callable | None):
        from kg.store.disk import is_store

        self.settings = settings
        self.notify = notify or (lambda message: None)
        self._temp: Path | None = None
        source = Path(source)
        self.store_dir: Path | None = source if source.exists() and is_store(source) else None
        if self.store_dir is None:
            path = rdf_file(source)
            self._temp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
            store = load_rdf(path, self._temp)
            store.flush()
            del store  # closed, so that the workers can open it
        html = source / "graph.html" if source.is_dir() else None
        self.html = html if html is not None and html.is_file() else None
        self._writer: int | None = None
        self._state = self._fingerprint()
        directory = self.store_dir or self._temp
        self.pool = Pool(
            Source(
                "store",
                str(directory),
                hidden=hidden_graphs(),
                prefixes=PREFIXES,
                allow_service=settings.allow_service,
                memory_limit=settings.memory_limit,
            ),
            settings.workers,
            settings.queue,
            settings.warm,
        )
        try:
            self.socket = _bind(host, port)
        except OSError:
            self.pool.close()
            raise
        self.server_address = self.socket.getsockname()[:2]
        self.app = App(self.pool, settings, self.html, self.store_note)
        self._server = _uvicorn(
            Guard(_cors(self.app, settings.cors), allowed_hosts(host), settings.cors), settings
        )
        self._done = threading.Event()
        self._watching = threading.Event()
        self._watch_thread: threading.Thread | None = None
        if self.store_dir is not None:
            self._look()
            self._watch_thread = threading.Thread(target=self._watch, daemon=True)
            self._watch_thread.start()

    def serve_forever(self) -> None:
        """Serve until `shutdown()` (or Ctrl-C in the main thread)."""
        self._done.clear()
        try:
            self._server.run(sockets=[self.socket])
        finally:
            self._done.set()

    def shutdown(self) -> None:
        self._server.should_exit = True
        self._done.wait(10)

    def server_close(self) -> None:
        self._watching.set()
        self.pool.close()
        self.app.close()
        self.socket.close()
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)

    def store_note(self) -> str:
        """What a client should know about the store now ("" when nothing)."""
        if self._writer is None:
            return ""
        return (
            f"a kg build (process {self._writer}) is writing this store; answers come from "
            "the store as it was before, and the build's articles once it has finished"
        )

    def _watch(self) -> None:
        while not self._watching.wait(_WATCH_EVERY):
            self._look()

    def _look(self) -> None:
        from kg.store.disk import writer

        assert self.store_dir is not None
        pid = writer(self.store_dir)
        if pid is not None and self._writer is None:
            self._writer = pid
            self.notify(f"note: {self.store_note()}")
            return
        if pid is None:
            state = self._fingerprint()
            if state != self._state:
                self._state = state
                self.pool.reopen()
                self.notify(f"the store {self.store_dir} changed: answering from it as it is now")
            self._writer = None

    def _fingerprint(self) -> tuple:
        if self.store_dir is None:
            return ()
        found = []
        for entry in os.scandir(self.store_dir):
            if entry.is_file() and entry.name != "LOCK" and not entry.name.startswith("LOG"):
                info = entry.stat()
                found.append((entry.name, info.st_size, info.st_mtime_ns))
        return tuple(sorted(found))


def _bind(host: str, port: int) -> socket.socket:
    family, kind, proto, _name, address = socket.getaddrinfo(
        host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(BACKLOG)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _cors(app, origins: tuple[str, ...]):
    if not origins:
        return app
    from starlette.middleware.cors import CORSMiddleware

    return CORSMiddleware(
        app,
        allow_origins=["*"] if "*" in origins else list(origins),
        allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
        allow_headers=["Accept", "Content-Type", "Authorization", "X-Requested-With"],
        expose_headers=["X-KG-Truncated", "X-KG-Store", "Retry-After"],
        max_age=600,
    )


def _uvicorn(app, settings):
    import uvicorn

    # uvicorn's warnings are about clients' malformed requests, which get a 400 anyway.
    logging.getLogger("uvicorn.error").setLevel(logging.ERROR)
    config = uvicorn.Config(
        app,
        http=protocol(settings.io_timeout),
        lifespan="off",
        log_config=None,
        access_log=False,
        timeout_keep_alive=int(settings.keep_alive),
        limit_concurrency=settings.max_connections,
        backlog=BACKLOG,
        server_header=False,
        proxy_headers=False,
        h11_max_incomplete_event_size=64 * 1024,
    )
    return uvicorn.Server(config)
