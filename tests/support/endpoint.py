"""`kg serve` in a thread of the test process, and plain HTTP against it.

The server is the real one (uvicorn, the worker processes, the store); only the thread it
runs in is the test's.
"""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from kg.query.serve import Settings, make_server


class Running:
    def __init__(self, server):
        self.server = server
        self.host, self.port = server.server_address[:2]
        self.url = f"http://{self.host}:{self.port}"
        self.notes: list[str] = []


@contextmanager
def serving(source: Path, settings: Settings | None = None, host: str = "127.0.0.1"):
    notes: list[str] = []
    server = make_server(source, host, 0, settings or Settings(workers=2), notify=notes.append)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    running = Running(server)
    running.notes = notes
    _wait_listening(running)
    try:
        yield running
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _wait_listening(running: Running) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        status, _h, _b = http(f"{running.url}/sparql", method="HEAD")
        if status == 200:
            return
        time.sleep(0.05)
    raise AssertionError("the endpoint did not start")


def http(url: str, data: bytes | None = None, headers: dict | None = None, method=None):
    """(status, headers, body text) of one request; HTTP errors are answers too."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8")
    except (ConnectionError, urllib.error.URLError):
        return 0, {}, ""


def raw(host: str, port: int, data: bytes, wait: float = 10.0) -> bytes:
    """Send bytes as they are on a new connection; everything read until it closes."""
    with socket.create_connection((host, port), timeout=wait) as sock:
        sock.sendall(data)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except TimeoutError:
            pass
        return b"".join(chunks)
