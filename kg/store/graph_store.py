"""Graphs to a remote SPARQL 1.1 Graph Store (an Oxigraph server, say): `kg build --graph-store`.

One HTTP PUT per named graph, so a re-run replaces what it wrote.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from typing import TYPE_CHECKING

from kg.errors import OutputError
from kg.rdf.quads import Quads, order

if TYPE_CHECKING:
    from rdflib import Dataset


def put_graphs(graph: Quads | Dataset, url: str, *, timeout: float = 60.0) -> int:
    """PUT every non-empty named graph of `graph` (a build's quads or an rdflib Dataset) to
    the Graph Store at `url`.

    `url` is the store's Graph Store Protocol endpoint (Oxigraph: http://host:7878/store).
    Returns the number of graphs written.
    """
    import pyoxigraph as ox

    quads = graph if isinstance(graph, Quads) else Quads.from_rdflib(graph)
    names = quads.graph_names()
    for name in names:
        triples = sorted(quads.triples(name), key=order)
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        put_graph(url, name.value, body, timeout=timeout)
    return len(names)


def put_graph(url: str, graph_iri: str, ntriples: bytes, *, timeout: float = 60.0) -> None:
    """Replace the named graph `graph_iri` in the store at `url` with `ntriples`."""
    separator = "&" if "?" in url else "?"
    target = f"{url}{separator}{urllib.parse.urlencode({'graph': graph_iri})}"
    request = urllib.request.Request(
        target,
        data=ntriples,
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:300]
        raise OutputError(f"graph store {url} refused {graph_iri}: {exc.code} {detail}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise OutputError(f"cannot write to the graph store {url}: {exc}") from exc
