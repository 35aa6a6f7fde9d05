"""Read-only SPARQL over a built graph: `kg query`.

The graph is loaded into an in-memory pyoxigraph store. Queries see the union of all named
graphs as their default graph, so `?s ?p ?o` finds triples wherever they were written, and
`GRAPH ?g { ... }` still tells the graphs apart. The usual prefixes are predeclared through
the parser (not by editing the text), so error positions are those of the user's query.

The union is copied into the store's default graph when it is loaded rather than asked for
with pyoxigraph's `use_default_graph_as_union`: in pyoxigraph 0.5 that option answers a
triple once per graph holding it (oxigraph issue #1919), and kg repeats every entity's types
in each article graph, so counts would be inflated. A store written by `kg build --store`
keeps that union in its default graph itself (kg.store.incremental) and is opened read-only.
kg.query.formats renders a result as a table, CSV, TSV, JSON or Turtle.

Safety: updates and federated SERVICE calls are refused before the query runs; with a
`timeout` the query runs in a forked child process that is killed when time is up (a
thread could not be stopped); `limit_rows` caps what is read, and the result says so.
"""

from __future__ import annotations

import json
import multiprocessing
import re
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import OutputError, QueryError
from kg.rdf.namespace import VOCABULARIES

PREFIXES: dict[str, str] = VOCABULARIES

_RDF_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
}

# The prologue (comments, PREFIX and BASE declarations) may precede an update's first
# keyword; anything after it is the operation.
_PROLOGUE = re.compile(
    r"(?:\s+|\#[^\n]*|PREFIX\s*[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.IGNORECASE
)
_UPDATE_START = re.compile(
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE
)
# Comments, strings and IRIs are blanked out before looking for the SERVICE keyword, so
# that "service" inside a text or an IRI is not mistaken for it.
_NOT_KEYWORDS = re.compile(
    r'#[^\n]*|"""(?:[^\\]|\\.)*?"""|' + r"'''(?:[^\\]|\\.)*?'''"
    r'|"(?:[^"\\\n]|\\.)*"|' + r"'(?:[^'\\\n]|\\.)*'" + r'|<[^<>"{}|^`\\\s]*>',
    re.DOTALL,
)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.IGNORECASE)
DEFAULT_TIMEOUT = 30.0  # seconds: the command line's and the endpoint's default
DEFAULT_LIMIT_ROWS = 10_000
_ERROR_AT = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)
_PNAME_BEFORE = re.compile(r"([A-Za-z][\w.-]*)?:[\w.-]*$")
_MESSAGE_MAX = 200
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


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
    if not source.exists():
        raise OutputError(
            f"{source} does not exist; pass a store directory (`kg build --store`), an OUT "
            f"directory written by `kg build` or an RDF file ({', '.join(_RDF_FORMATS)})"
        )
    if is_store(source):
        return open_read_only(source)
    path = source / "graph.trig" if source.is_dir() else source
    if source.is_dir() and not path.is_file():
        raise OutputError(
            f"{source} holds no graph.trig; build it with `kg build ... --out {source}` "
            "or pass an RDF file instead"
        )
    fmt = _RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise OutputError(
            f"cannot tell the RDF format of {path}; use a file ending in {', '.join(_RDF_FORMATS)}"
        )
    store = ox.Store()
    try:
        store.load(path=path, format=fmt)
    except SyntaxError as exc:
        raise OutputError(f"{path} is not valid {fmt.name}: {exc}") from exc
    except (OSError, ValueError) as exc:
        raise OutputError(f"cannot read {path}: {exc}") from exc
    _copy_union_to_default(store)
    return store


def _copy_union_to_default(store: ox.Store) -> None:
    # One graph at a time: a single INSERT ... WHERE over every graph holds all its
    # solutions in memory at once (about 40% more peak memory on a 450k-quad graph).
    for graph in list(store.named_graphs()):
        if isinstance(graph, ox.NamedNode):
            store.update(f"ADD <{graph.value}> TO DEFAULT")
        else:
            store.extend(
                ox.Quad(q.subject, q.predicate, q.object)
                for q in store.quads_for_pattern(None, None, None, graph)
            )


class QueryTimeout(QueryError):
    """The query ran out of time and was stopped."""


def run_query(
    source: Path | ox.Store,
    sparql: str,
    *,
    timeout: float | None = None,
    limit_rows: int | None = None,
    allow_service: bool = False,
) -> QueryResult:
    """Run a read-only SPARQL query over `source` (a store, store directory, OUT directory
    or RDF file).

    A store from `load_store` is queried over its default graph, which holds the union. A
    store whose default graph is empty is queried over the union of its named graphs.
    `timeout` (seconds) stops the query in a child process; `limit_rows` keeps the first
    rows (or triples) and marks the result `truncated`; SERVICE needs `allow_service`.
    """
    refuse_unsafe(sparql, allow_service=allow_service)
    store = source if isinstance(source, ox.Store) else load_store(Path(source))
    if timeout is None:
        outcome = _evaluate(store, sparql, limit_rows)
    else:
        outcome = _in_child(_evaluate, (store, sparql, limit_rows), timeout)
    status, payload = outcome
    if status == "syntax":
        raise QueryError(_syntax_message(sparql, payload))
    if status == "failed":
        raise QueryError(f"the query failed while running: {payload}")
    return _decode(*payload)


def refuse_unsafe(sparql: str, *, allow_service: bool = False) -> None:
    """Raise QueryError for an update, or for a federated SERVICE call unless allowed."""
    _refuse_update(sparql)
    if not allow_service and _SERVICE.search(_NOT_KEYWORDS.sub(" ", sparql)):
        raise QueryError(
            "the query calls another endpoint with SERVICE, which is refused by default: it "
            "sends data to a third party and waits on it; pass --allow-service to permit it"
        )


def _evaluate(store: ox.Store, sparql: str, limit_rows: int | None):
    """Run the query and read its answer into bytes: ("ok", (kind, bytes, truncated)).

    Errors come back as values, not exceptions, so a child process can send them.
    """
    no_default = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
    from kg.store.disk import public_graphs

    try:
        answer = store.query(
            sparql,
            prefixes=PREFIXES,
            use_default_graph_as_union=no_default is None,
            named_graphs=public_graphs(store),
        )
        # results stream lazily, so evaluation errors can surface while reading them
        return "ok", _read(answer, limit_rows)
    except SyntaxError as exc:
        return "syntax", str(exc)
    except (OSError, RuntimeError, ValueError) as exc:
        return "failed", str(exc)


def _read(answer, limit_rows: int | None) -> tuple[str, bytes, bool]:
    json_format = ox.QueryResultsFormat.JSON
    if isinstance(answer, ox.QueryBoolean):
        return "ask", answer.serialize(format=json_format) or b"", False
    if isinstance(answer, ox.QueryTriples):
        found = list(answer if limit_rows is None else islice(answer, limit_rows + 1))
        truncated = limit_rows is not None and len(found) > limit_rows
        found = found[:limit_rows] if truncated else found
        return "graph", ox.serialize(found, format=ox.RdfFormat.N_TRIPLES) or b"", truncated
    if limit_rows is None:
        return "select", answer.serialize(format=json_format) or b"", False
    variables = [v.value for v in answer.variables]
    rows = list(islice(answer, limit_rows + 1))
    truncated = len(rows) > limit_rows
    bindings = [
        {name: _json_term(row[name]) for name in variables if row[name] is not None}
        for row in rows[:limit_rows]
    ]
    data = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return "select", json.dumps(data).encode("utf-8"), truncated


def _json_term(term) -> dict:
    """A term as SPARQL 1.1 Query Results JSON writes it (with RDF 1.2 triple terms)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    parts = ("subject", "predicate", "object")
    return {"type": "triple", "value": {p: _json_term(getattr(term, p)) for p in parts}}


def _in_child(function, args: tuple, timeout: float):
    """Call `function(*args)` in a forked child process; kill it after `timeout` seconds.

    Fork, so the child shares the parent's store (loaded once) without copying or
    pickling it. The child only evaluates the query, so no lock the parent's other
    threads might hold at fork time is ever needed in it.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, function, args), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryTimeout(
                f"the query was stopped after {timeout:g} s (the time limit); narrow it, "
                "or allow more time with --timeout"
            )
        return receiver.recv()
    except EOFError:
        return "failed", f"the query process ended without an answer (exit code {child.exitcode})"
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()


def _child(sender, function, args) -> None:
    try:
        sender.send(function(*args))
    finally:
        sender.close()


def _refuse_update(sparql: str) -> None:
    start = _PROLOGUE.match(sparql)
    rest = sparql[start.end() if start else 0 :]
    match = _UPDATE_START.match(rest)
    if match:
        raise QueryError(
            f"kg query is read-only: {match.group(1).upper()} is a SPARQL Update operation; "
            "rebuild the graph with `kg build` to change it"
        )


def _decode(kind: str, data: bytes, truncated: bool) -> QueryResult:
    if kind == "ask":
        answer = ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
        return QueryResult(kind="ask", boolean=bool(answer), results_json=data)
    if kind == "graph":
        found = tuple(
            ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
        )
        triples = tuple(tuple(_to_rdflib(term) for term in triple) for triple in found)
        return QueryResult(kind="graph", triples=triples, truncated=truncated, ox_triples=found)
    parsed = ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
    assert isinstance(parsed, ox.QuerySolutions), "a select result holds solutions"
    variables = tuple(v.value for v in parsed.variables)
    rows = tuple(tuple(_to_rdflib(solution[name]) for name in variables) for solution in parsed)
    return QueryResult(
        kind="select", variables=variables, rows=rows, truncated=truncated, results_json=data
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


def _syntax_message(sparql: str, error: str) -> str:
    match = _ERROR_AT.match(error)
    if not match:
        return f"malformed SPARQL query: {error}"
    line_no, col_no, detail = int(match.group(1)), int(match.group(2)), match.group(3)
    lines = sparql.split("\n")
    line_no, col_no = _off_the_tail(lines, line_no, col_no)
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    detail, col_no = _explain(detail, line, col_no)
    # Keep tabs in the caret's lead so it lines up under a tab-indented line.
    lead = "".join(ch if ch == "\t" else " " for ch in line[: col_no - 1])
    return (
        f"malformed SPARQL query at line {line_no}, column {col_no}: {detail}\n  {line}\n  {lead}^"
    )


def _off_the_tail(lines: list[str], line_no: int, col_no: int) -> tuple[int, int]:
    """The parser often reports the end of the text; point at the last token instead."""
    offset = sum(len(line) + 1 for line in lines[: line_no - 1]) + col_no - 1
    text = "\n".join(lines)
    end = len(text.rstrip())
    if offset < end or end == 0:
        return line_no, col_no
    before = text[: end - 1]
    return before.count("\n") + 1, end - (before.rfind("\n") + 1)


def _explain(detail: str, line: str, col_no: int) -> tuple[str, int]:
    """Make pyoxigraph's grammar-level message readable; return it with a better column."""
    if "Prefix not found" in detail:
        # The parser stops after the prefixed name; point at its start instead.
        pname = _PNAME_BEFORE.search(line[: col_no - 1])
        name = f"'{pname.group(1) or ''}:' " if pname else ""
        col_no = pname.start() + 1 if pname else col_no
        return (
            f"undeclared prefix {name}- declare it with PREFIX name: <iri> "
            f"(predeclared: {', '.join(PREFIXES)})"
        ), col_no
    # "[_]" is the grammar's "any character": noise to a reader.
    detail = " ".join(re.sub(r"\[_\],?\s*|,\s*\[_\]", "", detail).split())
    if len(detail) > _MESSAGE_MAX:
        detail = detail[:_MESSAGE_MAX].rstrip(", ") + " …"
    return detail, col_no
