"""One query against an open store: its syntax, the refusals, the row cap, the answer's bytes.

This is what a query worker (kg.query.worker) does for each job, and what `run_query` does
in the caller's process when it has no time limit. Only pyoxigraph is imported here (the
SERVICE check loads rdflib's grammar when a query needs it), so a worker starts fast.

Each step is done in order, all of it inside the worker's time limit:

1. Oxigraph parses the query (its own parser, so error positions are its own). It is
   called on an empty store with two arguments that contradict each other, which pyoxigraph
   checks only after parsing: a valid query raises ValueError and is never evaluated, as a
   query with SERVICE would be the moment `Store.query` runs it.
2. An update is refused (the stores are read-only anyway: this is for the message).
3. A SERVICE call is refused unless allowed (kg.query.check).
4. The query runs over the union of the named graphs (or the protocol's dataset), and at
   most `limit_rows` rows or triples are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

import pyoxigraph as ox

from kg.query import check, render

# The prologue (comments, PREFIX and BASE declarations) may precede an update's first
# keyword; anything after it is the operation. Only used to word the refusal of a text
# Oxigraph's query parser has already rejected.
_PROLOGUE = re.compile(
    r"(?:\s+|\#[^\n]*|PREFIX\s*[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.IGNORECASE
)
_UPDATE_START = re.compile(
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE
)


@dataclass
class Target:
    """An open store and what queries see of it."""

    store: ox.Store
    hidden: frozenset[str] = frozenset()  # named graphs no query sees (the store's ledger)
    public: list | None = None  # the named graphs queries see; None: all of them
    union: bool = False  # the default graph is empty: query the union of the named graphs
    isolated: bool = False  # this process cannot reach the network

    @classmethod
    def of(cls, store: ox.Store, hidden=(), isolated: bool = False) -> Target:
        hidden = frozenset(hidden)
        graphs = list(store.named_graphs())
        public = None
        if any(getattr(g, "value", None) in hidden for g in graphs):
            public = [g for g in graphs if getattr(g, "value", None) not in hidden]
        empty = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
        return cls(store, hidden, public, empty is None, isolated)


@dataclass(frozen=True)
class Job:
    """A query to run. `accept`: the media types the client takes, best first; None for
    kg's own exchange formats (SPARQL JSON for solutions, N-Triples for triples)."""

    sparql: str
    limit_rows: int | None = None
    accept: tuple[str, ...] | None = None
    default_graphs: tuple[str, ...] = ()  # the protocol's default-graph-uri
    named_graphs: tuple[str, ...] = ()  # the protocol's named-graph-uri
    allow_service: bool = False


@dataclass(frozen=True)
class Answer:
    kind: str  # "select", "ask" or "graph"
    body: bytes = field(repr=False)
    media: str
    truncated: bool = False


# A reply is (status, payload): ("ok", Answer), ("syntax", Oxigraph's message),
# ("update", keyword), ("refused", message), ("unacceptable", kind), ("failed", message).
Reply = tuple[str, object]

SERVICE_REFUSED = (
    "the query calls another endpoint with SERVICE, which is refused by default: it sends "
    "data to a third party and waits on it; pass --allow-service to permit it"
)


def evaluate(target: Target, job: Job, prefixes: dict[str, str]) -> Reply:
    """Run `job` over `target`; errors come back as values (a worker sends them)."""
    problem = syntax_error(job.sparql, prefixes)
    if problem is not None:
        keyword = update_keyword(job.sparql)
        return ("update", keyword) if keyword else ("syntax", problem)
    if not job.allow_service:
        verdict, why = check.service_calls(job.sparql)
        if verdict == check.CALLS:
            return "refused", SERVICE_REFUSED
        if verdict == check.UNREADABLE and not target.isolated:
            return "refused", (
                "kg cannot tell whether this query calls another endpoint with SERVICE: "
                f"the grammar it checks queries with (SPARQL 1.1) stops at {why}. SERVICE "
                "calls are refused by default; pass --allow-service to run it unchecked"
            )
    try:
        answer = target.store.query(job.sparql, prefixes=prefixes, **_dataset(target, job))
        # results stream lazily, so evaluation errors can surface while reading them
        return _read(answer, job, prefixes)
    except SyntaxError as exc:  # not expected after step 1, but never a traceback
        return "syntax", str(exc)
    except (OSError, RuntimeError, ValueError) as exc:
        message = str(exc)
        if target.isolated and not job.allow_service and _network(message):
            message += " (kg's query workers have no network: SERVICE calls cannot leave)"
        return "failed", message


def syntax_error(sparql: str, prefixes: dict[str, str]) -> str | None:
    """Oxigraph's syntax error for the query, or None if it parses (it is not evaluated)."""
    try:
        ox.Store().query(
            sparql,
            prefixes=prefixes,
            use_default_graph_as_union=True,
            default_graph=ox.DefaultGraph(),
        )
    except SyntaxError as exc:
        return str(exc)
    except ValueError:
        return None
    raise AssertionError("pyoxigraph evaluated a query it was asked only to parse")


def update_keyword(sparql: str) -> str | None:
    start = _PROLOGUE.match(sparql)
    match = _UPDATE_START.match(sparql[start.end() if start else 0 :])
    return match.group(1).upper() if match else None


def _dataset(target: Target, job: Job) -> dict:
    if job.default_graphs or job.named_graphs:
        # The protocol's dataset replaces the query's FROM and FROM NAMED (SPARQL 1.1
        # Protocol, 2.1.4); graphs hidden from queries stay hidden.
        default = [ox.NamedNode(g) for g in job.default_graphs if g not in target.hidden]
        named = [ox.NamedNode(g) for g in job.named_graphs if g not in target.hidden]
        return {"default_graph": default or [ox.DefaultGraph()], "named_graphs": named}
    return {"use_default_graph_as_union": target.union, "named_graphs": target.public}


def _read(answer, job: Job, prefixes: dict[str, str]) -> Reply:
    limit = job.limit_rows
    if isinstance(answer, ox.QueryBoolean):
        return _results("ask", answer.serialize(format=ox.QueryResultsFormat.JSON) or b"", job)
    if isinstance(answer, ox.QueryTriples):
        found = list(answer if limit is None else islice(answer, limit + 1))
        truncated = limit is not None and len(found) > limit
        found = found[:limit] if truncated else found
        media = "application/n-triples"
        if job.accept is not None:
            chosen = render.choose(job.accept, render.graph_types())
            if chosen is None:
                return "unacceptable", "graph"
            media = chosen
        body = render.triples_as(found, media, prefixes, truncated, limit or 0)
        return "ok", Answer("graph", body, media, truncated)
    variables = [v.value for v in answer.variables]
    rows = list(answer if limit is None else islice(answer, limit + 1))
    truncated = limit is not None and len(rows) > limit
    data = render.solutions_json(variables, rows[:limit] if truncated else rows, truncated)
    return _results("select", data, job, truncated)


def _results(kind: str, data: bytes, job: Job, truncated: bool = False) -> Reply:
    media = "application/sparql-results+json"
    if job.accept is not None:
        chosen = render.choose(job.accept, render.result_types())
        if chosen is None:
            return "unacceptable", kind
        media = chosen
    return "ok", Answer(kind, render.results_as(data, media, truncated), media, truncated)


def _network(message: str) -> bool:
    lowered = message.lower()
    return any(word in lowered for word in ("network", "connect", "resolve", "dns"))
