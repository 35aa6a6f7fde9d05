"""A query's answer as bytes in the media type a client asked for (content negotiation).

SELECT and ASK: SPARQL JSON, XML, CSV or TSV. CONSTRUCT and DESCRIBE: Turtle, N-Triples,
RDF/XML, JSON-LD, N-Quads or TriG (the triples in the default graph), as Oxigraph's own
server writes them. Every format comes from pyoxigraph's writers. Only pyoxigraph is
imported: this runs in the query workers.

A result cut at the row cap says so inside the body wherever the format has room for it:
the SPARQL JSON and XML results' standard `link` in their head (to `TRUNCATED`), and a
comment line opening Turtle, N-Triples, N-Quads and TriG.
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from kg.config import BASE

RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,  # N-Triples' old media type
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}
# Where a truncated result's head links to: the endpoint's service description names it.
TRUNCATED = f"{BASE}/endpoint#truncated"
_COMMENTED = {ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG}
_IMPLICIT_DATATYPES = {
    "http://www.w3.org/2001/XMLSchema#string",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def accepted(accept: str) -> tuple[str, ...]:
    """The media types of an Accept header, most preferred first (q=0 dropped)."""
    ranked = []
    for index, part in enumerate(accept.split(",")[:64]):
        media, *options = [x.strip() for x in part.split(";")]
        quality = 1.0
        for option in options:
            name, _, value = option.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, index, media.lower()))
    return tuple(media for _q, _i, media in sorted(ranked)) or ("*/*",)


def choose(wanted: tuple[str, ...], offered: tuple[str, ...]) -> str | None:
    """The first offered media type the client accepts (`offered[0]` for */*)."""
    for media in wanted:
        if media in offered:
            return media
        if media == "*/*":
            return offered[0]
        if media.endswith("/*"):
            for candidate in offered:
                if candidate.startswith(media[:-1]):
                    return candidate
    return None


def result_types() -> tuple[str, ...]:
    return tuple(RESULT_TYPES)


def graph_types() -> tuple[str, ...]:
    return tuple(GRAPH_TYPES)


def solutions_json(variables: list[str], rows, truncated: bool) -> bytes:
    """SELECT rows (pyoxigraph solutions) as SPARQL 1.1 JSON, marked if truncated."""
    bindings = [
        {name: json_term(row[name]) for name in variables if row[name] is not None} for row in rows
    ]
    head: dict = {"vars": variables}
    if truncated:
        head["link"] = [TRUNCATED]
    return json.dumps({"head": head, "results": {"bindings": bindings}}).encode("utf-8")


def json_term(term) -> dict:
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
    return {"type": "triple", "value": {p: json_term(getattr(term, p)) for p in parts}}


def results_as(data: bytes, media: str, truncated: bool) -> bytes:
    """SPARQL JSON results (from `solutions_json` or an ASK) in another results format."""
    fmt = RESULT_TYPES[media]
    if fmt == ox.QueryResultsFormat.JSON:
        return data
    parsed = ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
    body = parsed.serialize(format=fmt) or b""
    if truncated and fmt == ox.QueryResultsFormat.XML:
        body = body.replace(b"</head>", f'<link href="{TRUNCATED}"/></head>'.encode(), 1)
    return body


def triples_as(
    triples: list[ox.Triple], media: str, prefixes: dict[str, str], truncated: bool, limit: int
) -> bytes:
    """CONSTRUCT or DESCRIBE triples in an RDF format; Turtle and TriG with kg's prefixes."""
    fmt = GRAPH_TYPES[media]
    data: list = triples
    if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        data = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        body = ox.serialize(data, format=fmt, prefixes=used_prefixes(triples, prefixes)) or b""
    else:
        body = ox.serialize(data, format=fmt) or b""
    if truncated and fmt in _COMMENTED:
        body = f"# truncated: only the first {limit} triples ({TRUNCATED})\n".encode() + body
    return body


def used_prefixes(triples, prefixes: dict[str, str]) -> dict[str, str]:
    """The prefixes the triples use, so a small answer stays small."""
    return {
        name: iri
        for name, iri in prefixes.items()
        if any(_uses(term, iri) for triple in triples for term in triple)
    }


def _uses(term, iri: str) -> bool:
    if isinstance(term, ox.NamedNode):
        return term.value.startswith(iri)
    if isinstance(term, ox.Literal) and term.datatype.value not in _IMPLICIT_DATATYPES:
        return term.datatype.value.startswith(iri)
    return False
