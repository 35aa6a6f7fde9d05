"""graph.jsonld: the named graphs as compacted JSON-LD, with an inline `@context`.

Oxigraph writes JSON-LD expanded only (every IRI in full, every value an object), which is
correct but hard to read and twice the size. This writes the same quads compacted by hand
against one context of kg's vocabularies (schema.org, SKOS, ORG, PROV, NIF, ... and `kg:`
for the ontology, `kgid:` for the minted IRIs): compact IRIs for properties, types and
nodes, `@type` for rdf:type, a plain JSON string for an xsd:string literal, and
`{"@value": ..., "@type": ...}` for every other literal, so that no number or date is
rewritten (0.800 stays "0.800"). The context is inline: nothing is fetched to read it.
The file parses to the quads of graph.trig in pyld, rdflib and Oxigraph (tests/test_jsonld).

Layout: `{"@context": {...}, "@graph": [{"@id": graph, "@graph": [node, ...]}, ...]}`,
graphs and nodes in the order of kg.rdf.quads (sorted), one node per line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import groupby
from typing import TextIO

import pyoxigraph as ox

from kg.rdf.namespace import VOCABULARIES
from kg.rdf.quads import GraphName

# Each named graph with its statements sorted (kg.rdf.quads.Quads.sorted_graphs, or a stream
# of them read back from a merged file, whose statements are quads: both have the terms; a
# graph's statements may be an iterator, read once, before the next graph's).
Graphs = Iterable[tuple[GraphName, Iterable[ox.Triple | ox.Quad]]]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_ID_PART = "/id/graph/"


def context(base: str) -> dict[str, str]:
    """The @context: kg's vocabulary prefixes and `kgid:` for IRIs minted under `base`."""
    return {**VOCABULARIES, "kgid": f"{base}/id/"}


def base_of(graphs: Graphs, default: str) -> str:
    """The base the graphs' IRIs were minted under, read from a graph's name."""
    for name, _ in graphs:
        if isinstance(name, ox.NamedNode) and _ID_PART in name.value:
            return name.value[: name.value.index(_ID_PART)]
    return default


def write_jsonld(graphs: Graphs, out: TextIO, base: str) -> None:
    """Write `graphs` (kg.rdf.quads.Quads.sorted_graphs) to `out` as compacted JSON-LD."""
    ctx = context(base)
    compact = _compactor(tuple(sorted(ctx.items(), key=lambda kv: -len(kv[1]))))
    out.write('{"@context": ')
    out.write(json.dumps(ctx, indent=1))
    out.write(',\n"@graph": [')
    for g, (name, triples) in enumerate(graphs):
        out.write(",\n" if g else "\n")
        out.write(f'{{"@id": {json.dumps(_node_id(name, compact))}, "@graph": [')
        for n, node in enumerate(_nodes(triples, compact)):
            out.write(",\n " if n else "\n ")
            out.write(json.dumps(node, ensure_ascii=False, separators=(",", ":")))
        out.write("\n]}")
    out.write("\n]}\n")


def _nodes(triples: Iterable[ox.Triple | ox.Quad], compact) -> Iterator[dict]:
    # The triples are sorted by subject, then predicate: one node per subject.
    for subject, statements in groupby(triples, key=lambda t: t.subject):
        node: dict[str, object] = {"@id": _node_id(subject, compact), "@type": None}
        for predicate, same in groupby(statements, key=lambda t: t.predicate):
            objects = [t.object for t in same]
            values: list[object]
            if predicate.value == _RDF_TYPE and all(
                isinstance(o, ox.NamedNode | ox.BlankNode) for o in objects
            ):
                key, values = "@type", [_node_id(o, compact) for o in objects]
            else:
                key, values = compact(predicate.value), [_value(o, compact) for o in objects]
            node[key] = values[0] if len(values) == 1 else values
        if node["@type"] is None:  # "@type" was put second so that it is read second
            del node["@type"]
        yield node


def _value(term, compact) -> object:
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return {"@id": _node_id(term, compact)}
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if datatype == _XSD_STRING:
            return term.value
        if datatype == _LANG_STRING:  # pragma: no cover - a language tag is set above
            return {"@value": term.value}
        return {"@value": term.value, "@type": compact(datatype)}
    raise TypeError(f"kg writes no RDF-star or other terms to JSON-LD: {term!r}")


def _node_id(term, compact) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return compact(term.value)


def _compactor(namespaces: tuple[tuple[str, str], ...]):
    """prefix:local for an IRI in one of the context's namespaces, the IRI itself otherwise
    (longest namespace first, so kgid: wins over a shorter prefix of the same IRI)."""
    prefixes = {prefix for prefix, _ in namespaces}

    @lru_cache(maxsize=1 << 16)
    def compact(iri: str) -> str:
        for prefix, namespace in namespaces:
            if iri.startswith(namespace):
                local = iri[len(namespace) :]
                # "prefix://..." would read as an IRI with that scheme: leave such IRIs whole.
                if not local.startswith("//"):
                    return f"{prefix}:{local}"
        if iri.split(":", 1)[0] in prefixes:
            raise ValueError(f"{iri} would read as a compact IRI in graph.jsonld's context")
        return iri

    return compact
