"""One entity per thing, measured: the gold entities a graph splits over several entities, and
the graph entities that merge several gold ones, pooled over the whole gold set.

Read through the mentions, not the labels: in each gold article, a mention whose text is a
name the gold gives one of that article's entities (compared as `kg eval` compares names,
a courtesy title and a possessive aside) links that gold entity to the graph entity the
mention names. A gold entity linked to two graph entities of its type is *split* ("Tony
Blair" and a separate "Blair"); a graph entity linked to two pooled gold entities *merges*
them ("Mrs Howard" joined to Michael Howard). Mentions whose text fits two gold entities of
the article are left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import rdflib
from rdflib import RDF, Literal
from rdflib.namespace import SDO

from kg.evaluate.gold import GoldArticle
from kg.evaluate.report import ALL, Finding
from kg.extract.names import strip_honorifics
from kg.model import ENTITY_TYPES

_ITSRDF = rdflib.Namespace("http://www.w3.org/2005/11/its/rdf#")
_NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
Counts = dict[str, tuple[int, int]]  # type -> (gold entities split, graph entities merging)


def identity_counts(
    dataset: rdflib.Dataset,
    gold: list[GoldArticle],
    article_ids: Mapping[str, str],
    pooled: Mapping[tuple[str, str], tuple[str, str]],
    norm,
) -> tuple[Counts, tuple[Finding, ...], tuple[Finding, ...]]:
    """`pooled` maps (gold article, gold id) to the pooled gold key; `norm` normalises a name
    as the entity scorer does."""
    graphs = _article_graphs(dataset)
    types = _types(dataset)
    to_graph: dict[tuple[str, str], set] = defaultdict(set)
    to_gold: dict[tuple[object, str], set[tuple[str, str]]] = defaultdict(set)
    labels: dict[object, str] = {}
    for art in gold:
        graph = graphs.get(article_ids.get(art.article, ""))
        if graph is None:
            continue
        names: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        for e in art.entities:
            for name in (e.name, *e.aliases):
                for form in _forms(name, norm):
                    names[(e.type, form)].add(pooled[(art.article, str(e.id))])
        for mention in graph.subjects(_ITSRDF.taIdentRef, None):
            entity = graph.value(mention, _ITSRDF.taIdentRef)
            anchor = graph.value(mention, _NIF.anchorOf)
            if not isinstance(anchor, Literal):
                continue
            for t in types.get(entity, ()):
                fits = set().union(*(names.get((t, f), set()) for f in _forms(str(anchor), norm)))
                if len(fits) == 1:
                    key = fits.pop()
                    to_graph[key].add(entity)
                    to_gold[(entity, t)].add(key)
                    labels.setdefault(entity, str(anchor))
    display = _display(dataset)
    counts: Counts = {}
    splits, merges = [], []
    for t in ENTITY_TYPES:
        split = sorted(k for k, found in to_graph.items() if k[0] == t and len(found) > 1)
        merged = sorted(
            (e for (e, et), found in to_gold.items() if et == t and len(found) > 1), key=str
        )
        counts[t] = (len(split), len(merged))
        for key in split:
            parts = sorted(display.get(e, labels[e]) for e in to_graph[key])
            splits.append(Finding(t, f"{key[1]}: {len(parts)} entities ({'; '.join(parts)})"))
        for merging in merged:
            keys = sorted(k[1] for k in to_gold[(merging, t)])
            merges.append(
                Finding(
                    t,
                    f"{display.get(merging, str(merging))} is {'; '.join(keys)}",
                    (str(merging),),
                )
            )
    counts[ALL] = (sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values()))
    return counts, tuple(splits), tuple(merges)


def _forms(name: str, norm) -> set[str]:
    text = name.strip()
    for possessive in ("'s", "’s"):
        if text.endswith(possessive):
            text = text[: -len(possessive)]
    return {f for f in (norm(text), norm(strip_honorifics(text))) if f}


def _article_graphs(dataset: rdflib.Dataset) -> dict[str, rdflib.Graph]:
    """Article id -> the named graph that describes that article."""
    found = {}
    for graph in dataset.graphs():
        for article in graph.subjects(RDF.type, SDO.NewsArticle):
            identifier = graph.value(article, SDO.identifier)
            if identifier is not None:
                found[str(identifier)] = graph
    return found


def _types(dataset: rdflib.Dataset) -> dict[object, set[str]]:
    found: dict[object, set[str]] = defaultdict(set)
    for t in ENTITY_TYPES:
        for s, _, _, _ in dataset.quads((None, RDF.type, SDO[t], None)):
            found[s].add(t)
    return found


def _display(dataset: rdflib.Dataset) -> dict[object, str]:
    from rdflib.namespace import SKOS

    return {s: str(o) for s, _, o, _ in dataset.quads((None, SKOS.prefLabel, None, None))}
