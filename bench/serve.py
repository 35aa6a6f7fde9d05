"""kg serve beside `oxigraph serve-read-only` on the same store: latency, concurrency,
formats, CORS and the service description.

    python bench/serve.py STORE [--requests 40] [--clients 8]

STORE is a store directory (`kg build ... --store STORE`). Both servers are started here on
free localhost ports and stopped at the end. Each server gets the same query (people and
their names, with the prefixes declared, since Oxigraph predeclares none), first once to
warm up, then REQUESTS times from CLIENTS threads, each thread on its own keep-alive
connection. Figures are indicative: a shared machine times them.
"""

from __future__ import annotations

import argparse
import http.client
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

QUERY = (
    "PREFIX schema: <https://schema.org/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    "SELECT ?p ?name WHERE { ?p a schema:Person ; skos:prefLabel ?name } LIMIT 200"
)
CONSTRUCT = (
    "PREFIX schema: <https://schema.org/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    "CONSTRUCT { ?p skos:prefLabel ?n } WHERE { ?p a schema:Person ; skos:prefLabel ?n } LIMIT 5"
)
FORMATS = [
    "application/rdf+xml",
    "application/n-triples",
    "application/n-quads",
    "application/trig",
    "text/turtle",
    "application/ld+json",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_up(port: int, path: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"no server on port {port}")


def request(connection, method: str, path: str, headers: dict | None = None):
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    return response.status, dict(response.getheaders()), body


def load(port: int, path: str, total: int, clients: int) -> tuple[float, float, int]:
    """(seconds for all, median seconds per request, failures)."""
    per_client = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]

    def client(count: int) -> list[float]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        times = []
        for _ in range(count):
            started = time.perf_counter()
            status, _h, _b = request(connection, "GET", path, {"Accept": "text/csv"})
            times.append(time.perf_counter() - started if status == 200 else -1.0)
        connection.close()
        return times

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        times = [t for batch in pool.map(client, per_client) for t in batch]
    elapsed = time.perf_counter() - started
    good = sorted(t for t in times if t >= 0)
    return elapsed, good[len(good) // 2] if good else float("nan"), len(times) - len(good)


def features(port: int, endpoint: str) -> dict[str, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    found = {}
    path = f"{endpoint}?query=" + urllib.parse.quote(CONSTRUCT)
    served = [m for m in FORMATS if request(connection, "GET", path, {"Accept": m})[0] == 200]
    found["CONSTRUCT formats"] = f"{len(served)}/{len(FORMATS)}"
    status, headers, body = request(connection, "GET", endpoint)
    described = status == 200 and b"sparql-service-description" in body
    found["service description (GET without query)"] = "yes" if described else f"no ({status})"
    query = f"{endpoint}?query=" + urllib.parse.quote(QUERY)
    status, _h, body = request(connection, "HEAD", query)
    found["HEAD"] = "yes" if status == 200 and body == b"" else f"no ({status})"
    preflight = {
        "Origin": "http://editor.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    status, headers, _b = request(connection, "OPTIONS", endpoint, preflight)
    lowered = {k.lower(): v for k, v in headers.items()}
    found["CORS preflight (with --cors)"] = (
        "yes" if "access-control-allow-origin" in lowered else f"no ({status})"
    )
    status, _h, _b = request(connection, "GET", query, {"Host": "evil.example"})
    found["Host: evil.example"] = str(status)
    connection.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    kg_port, ox_port = free_port(), free_port()
    servers = {
        "kg serve": (
            [str(bin_dir / "kg"), "serve", str(args.store), "--port", str(kg_port), "--cors", "*"],
            kg_port,
            "/sparql",
        ),
        "oxigraph serve-read-only": (
            [
                shutil.which("oxigraph") or str(bin_dir / "oxigraph"),
                "serve-read-only",
                "--location",
                str(args.store),
                "--bind",
                f"127.0.0.1:{ox_port}",
                "--cors",
                "--union-default-graph",
            ],
            ox_port,
            "/query",
        ),
    }
    rows = []
    for name, (command, port, endpoint) in servers.items():
        path = f"{endpoint}?query=" + urllib.parse.quote(QUERY)
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_up(port, path)
            load(port, path, args.clients, args.clients)  # warm up
            elapsed, median, failed = load(port, path, args.requests, args.clients)
            one = load(port, path, 10, 1)
            rows.append((name, elapsed, median, one[1], failed, features(port, endpoint)))
        finally:
            process.terminate()
            process.wait(20)
    print(f"{args.requests} requests, {args.clients} at a time, on {args.store}\n")
    print("| | " + " | ".join(r[0] for r in rows) + " |")
    print("|---|" + "---|" * len(rows))
    print(
        f"| {args.requests} requests, {args.clients} clients (s) | "
        + " | ".join(f"{r[1]:.2f}" for r in rows)
        + " |"
    )
    print(
        "| median latency under load (ms) | "
        + " | ".join(f"{r[2] * 1000:.0f}" for r in rows)
        + " |"
    )
    print("| latency, one client (ms) | " + " | ".join(f"{r[3] * 1000:.0f}" for r in rows) + " |")
    print("| failed requests | " + " | ".join(str(r[4]) for r in rows) + " |")
    for key in rows[0][5]:
        print(f"| {key} | " + " | ".join(r[5].get(key, "") for r in rows) + " |")


if __name__ == "__main__":
    main()
