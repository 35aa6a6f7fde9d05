"""Read-only SPARQL over a built graph: `kg query`.

A store directory is opened read-only; an OUT directory or RDF file is loaded into an
in-memory store (kg.query.source). Queries see the union of all named graphs as their
default graph, so `?s ?p ?o` finds triples wherever they were written, and
`GRAPH ?g { ... }` still tells the graphs apart; the store's ledger graph is never seen.
The usual prefixes are predeclared through the parser (not by editing the text), so error
positions are those of the user's query. kg.query.formats renders a result as a table,
CSV, TSV, JSON or Turtle.

Safety (kg.query.engine): updates are refused, and so is a federated SERVICE call found by
parsing the query, unless allowed. With a `timeout` the query runs in a worker process of
its own (kg.query.worker: a fresh interpreter, cut off the network, its memory capped with
`memory_limit`), killed when time is up; `limit_rows` caps what is read, and the result
says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.query.engine import Answer, Job, Reply, Target, evaluate
from kg.query.messages import syntax_message
from kg.query.source import load_rdf, rdf_file
from kg.query.worker import QueryMemoryError, QueryTimeout, Source, run_once
from kg.rdf.namespace import VOCABULARIES

PREFIXES: dict[str, str] = VOCABULARIES
DEFAULT_TIMEOUT = 30.0  # seconds: the command line's and the endpoint's default
DEFAULT_LIMIT_ROWS = 10_000
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

__all__ = [
    "DEFAULT_LIMIT_ROWS",
    "DEFAULT_TIMEOUT",
    "PREFIXES",
    "QueryMemoryError",
    "QueryResult",
    "QueryTimeout",
    "load_store",
    "run_query",
    "worker_source",
]


@dataclass(frozen=True)
class QueryResult:
    """What a query returned, read fully so it can be formatted more than once.

    `kind` is "select" (`variables`, `rows`), "ask" (`boolean`) or "graph" (`triples`, for
    CONSTRUCT and DESCRIBE). Terms are rdflib's, as in the rest of kg, so `str()` of a
    literal is its text. A row holds one term per variable, None where unbound.
    """

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Node, Node, Node], ...] = ()
    truncated: bool = False  # more rows (or triples) than `limit_rows` were found
    # What pyoxigraph returned, so every format comes from its own writers (kg.query.formats,
    # the endpoint): SELECT/ASK results as SPARQL JSON, CONSTRUCT/DESCRIBE triples as they are.
    results_json: bytes = field(default=b"", repr=False, compare=False)
    ox_triples: tuple[ox.Triple, ...] = field(default=(), repr=False, compare=False)


def load_store(source: Path) -> ox.Store:
    """Open a store directory read-only, or load an OUT directory (its graph.trig) or one
    RDF file into an in-memory store.

    The store's default graph also holds the union of its named graphs (a set: a triple
    written in several graphs is there once), which is what `run_query` queries.
    """
    from kg.store.disk import is_store, open_read_only

    source = Path(source)
    if source.exists() and is_store(source):
        return open_read_only(source)
    return load_rdf(rdf_file(source))


def hidden_graphs() -> tuple[str, ...]:
    """The named graphs no query sees: the store's ledger."""
    from kg.store.ledger import LEDGER

    return (LEDGER.value,)


def worker_source(
    source: Path | ox.Store, *, allow_service: bool = False, memory_limit: int | None = None
) -> Source:
    """What a query worker opens to query `source`."""
    base = Source(
        "nquads",
        hidden=hidden_graphs(),
        prefixes=PREFIXES,
        allow_service=allow_service,
        memory_limit=memory_limit,
    )
    if isinstance(source, ox.Store):
        return replace(base, data=source.dump(format=ox.RdfFormat.N_QUADS) or b"")
    from kg.store.disk import is_store

    source = Path(source)
    if source.exists() and is_store(source):
        return replace(base, kind="store", path=str(source))
    return replace(base, kind="file", path=str(rdf_file(source)))


def run_query(
    source: Path | ox.Store,
    sparql: str,
    *,
    timeout: float | None = None,
    limit_rows: int | None = None,
    allow_service: bool = False,
    memory_limit: int | None = None,
) -> QueryResult:
    """Run a read-only SPARQL query over `source` (a store, store directory, OUT directory
    or RDF file).

    A store from `load_store` is queried over its default graph, which holds the union. A
    store whose default graph is empty is queried over the union of its named graphs.
    `timeout` (seconds) runs the query in a worker process, stopped when time is up, with at
    most `memory_limit` bytes; `limit_rows` keeps the first rows (or triples) and marks the
    result `truncated`; SERVICE needs `allow_service`.
    """
    job = Job(sparql, limit_rows, allow_service=allow_service)
    if timeout is None:
        store = source if isinstance(source, ox.Store) else load_store(Path(source))
        reply = evaluate(Target.of(store, hidden_graphs()), job, PREFIXES)
    else:
        spec = worker_source(source, allow_service=allow_service, memory_limit=memory_limit)
        reply = run_once(spec, job, timeout)
    return result_of(sparql, reply, "kg query")


def result_of(sparql: str, reply: Reply, who: str) -> QueryResult:
    """The QueryResult of a worker's reply, or the QueryError it stands for."""
    status, payload = reply
    if status == "ok":
        assert isinstance(payload, Answer)
        return _decode(payload)
    raise QueryError(refusal(sparql, reply, who))


def refusal(sparql: str, reply: Reply, who: str) -> str:
    """The message for a reply that is not an answer; `who` names what refuses updates."""
    status, payload = reply
    if status == "syntax":
        return syntax_message(sparql, str(payload), tuple(PREFIXES))
    if status == "update":
        return (
            f"{who} is read-only: {payload} is a SPARQL Update operation; rebuild the graph "
            "with `kg build` to change it"
        )
    if status == "failed":
        return f"the query failed while running: {payload}"
    return str(payload)


def _decode(answer: Answer) -> QueryResult:
    data = answer.body
    if answer.kind == "ask":
        boolean = bool(ox.parse_query_results(data, ox.QueryResultsFormat.JSON))
        return QueryResult(kind="ask", boolean=boolean, results_json=data)
    if answer.kind == "graph":
        found = tuple(
            ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
        )
        triples = tuple(tuple(_to_rdflib(term) for term in triple) for triple in found)
        return QueryResult(
            kind="graph", triples=triples, truncated=answer.truncated, ox_triples=found
        )
    parsed = ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
    assert isinstance(parsed, ox.QuerySolutions), "a select result holds solutions"
    variables = tuple(v.value for v in parsed.variables)
    rows = tuple(tuple(_to_rdflib(solution[name]) for name in variables) for solution in parsed)
    return QueryResult(
        kind="select",
        variables=variables,
        rows=rows,
        truncated=answer.truncated,
        results_json=data,
    )


def _to_rdflib(term):
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)  # rdflib tells "x" and "x"^^xsd:string apart
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return term  # a quoted triple (RDF 1.2): rdflib has no term for it
