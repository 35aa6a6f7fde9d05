"""The graph to query, wherever it is: `kg.load` and `kg.sparql`.

kg.build and kg.build_texts give a `BuildResult` (its graph as Oxigraph triples in `quads`,
as an rdflib Dataset in `dataset`); `load` turns that, an OUT directory, a store directory
or an RDF file into one pyoxigraph Store to query, and `sparql` runs a query (or one of
the named queries) over any of them. The function is not called `query`: kg.query is the
package of the query stage, and a name cannot be both.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.builder.run import BuildResult
from kg.errors import QueryError
from kg.query.named import get
from kg.query.sparql import QueryResult, load_store, run_query
from kg.rdf.quads import Quads

if TYPE_CHECKING:
    from rdflib import Dataset

Source = str | Path | BuildResult | Quads | ox.Store


def load(source: Source | Dataset) -> ox.Store:
    """A pyoxigraph Store of the graph in `source`: an OUT directory (its graph.trig), a store
    directory (opened read-only), an RDF file (.trig .ttl .nt .nq .jsonld), or a graph in
    memory (a `BuildResult`, its `quads`, an rdflib Dataset). Its default graph holds the
    union of the named graphs, each triple once, as `kg query` and `kg serve` see it.

    Oxigraph keeps literals in canonical form: "0.800"^^xsd:decimal reads back as "0.8".
    """
    if isinstance(source, ox.Store):
        return source
    if isinstance(source, BuildResult):
        source = source.quads
    if not isinstance(source, Quads | str | Path):
        source = Quads.from_rdflib(source)  # an rdflib Dataset
    if isinstance(source, Quads):
        store = source.to_store()
        union = {t for name in source.graph_names() for t in source.triples(name)}
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in union)
        return store
    return load_store(Path(source))


def sparql(
    source: Source,
    query: str | None = None,
    *,
    name: str | None = None,
    params: dict[str, str] | None = None,
    timeout: float | None = None,
    limit_rows: int | None = None,
    allow_service: bool = False,
) -> QueryResult:
    """Run a read-only SPARQL `query`, or the named query `name` with `params` (`kg
    queries` lists them), over `source` (anything `load` takes). `timeout`, `limit_rows`
    and `allow_service` are kg query's options (kg.query.sparql.run_query)."""
    if (query is None) == (name is None):
        raise QueryError("give a SPARQL query or the name of a named query (one of them)")
    if name is not None:
        query = get(name).bind(params)
    elif params:
        raise QueryError("params go with a named query (name=...)")
    assert query is not None
    return run_query(
        load(source), query, timeout=timeout, limit_rows=limit_rows, allow_service=allow_service
    )
