"""The endpoint's SPARQL 1.1 Service Description (GET /sparql without a query).

Standard terms (sd:) say what the endpoint speaks: SPARQL 1.1 Query, the result and RDF
formats, the union default graph, and federation only when allowed. kg's own limits have no
standard term, so they are stated with terms of kg's endpoint namespace (`KGE`) and, for
people, in an rdfs:comment: the row cap and how a cut result is marked (`TRUNCATED`), the
time and memory limits, the workers, the queue and the body size.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.config import BASE
from kg.query.render import GRAPH_TYPES, RESULT_TYPES, TRUNCATED, triples_as
from kg.query.worker import describe_size

SD = "http://www.w3.org/ns/sparql-service-description#"
KGE = f"{BASE}/endpoint#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
XSD = "http://www.w3.org/2001/XMLSchema#"
PREFIXES = {"sd": SD, "kge": KGE, "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": XSD}


def describe(endpoint: str, settings, media: str, note: str = "") -> bytes:
    """The description of the endpoint at `endpoint` (its URL) in `media`."""
    service = ox.NamedNode(endpoint)
    triples: list[tuple[ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (RDF_TYPE, ox.NamedNode(SD + "Service")),
        (_sd("endpoint"), service),
        (_sd("supportedLanguage"), _sd("SPARQL11Query")),
        (_sd("feature"), _sd("UnionDefaultGraph")),
    ]
    if settings.allow_service:
        triples.append((_sd("feature"), _sd("BasicFederatedQuery")))
    formats = {fmt.iri for fmt in RESULT_TYPES.values()} | {f.iri for f in GRAPH_TYPES.values()}
    triples += [(_sd("resultFormat"), ox.NamedNode(iri)) for iri in sorted(formats)]
    seconds = ox.Literal(f"{settings.timeout:g}", datatype=ox.NamedNode(XSD + "decimal"))
    limits = {
        "maxRows": settings.limit_rows,
        "timeoutSeconds": seconds,
        "workers": settings.workers,
        "queue": settings.queue,
        "maxRequestBytes": settings.max_body,
    }
    if settings.memory_limit:
        limits["memoryLimitBytes"] = settings.memory_limit
    triples += [
        (ox.NamedNode(KGE + name), value if isinstance(value, ox.Literal) else ox.Literal(value))
        for name, value in limits.items()
    ]
    triples.append((ox.NamedNode(KGE + "truncationMark"), ox.NamedNode(TRUNCATED)))
    triples.append((COMMENT, ox.Literal(_comment(settings) + (f" {note}" if note else ""))))
    body = [ox.Triple(service, p, o) for p, o in triples]
    return triples_as(body, media, PREFIXES, False, 0)


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def _comment(settings) -> str:
    memory = describe_size(settings.memory_limit) if settings.memory_limit else "any amount"
    federation = "allowed" if settings.allow_service else "refused"
    return (
        "A read-only SPARQL 1.1 Query endpoint (kg serve) over a graph built by kg; the "
        "default graph is the union of the named graphs. SPARQL Update is refused, and so "
        f"are federated SERVICE calls ({federation} here). Each query may run "
        f"{settings.timeout:g} s and use {memory} of memory; "
        f"{settings.workers} run at once and {settings.queue} more may wait. Results are "
        f"cut at {settings.limit_rows} rows or triples; a cut result has the header "
        f"X-KG-Truncated, a link to <{TRUNCATED}> in the head of SPARQL JSON and XML "
        "results, and a first comment line in Turtle, N-Triples, N-Quads and TriG."
    )
