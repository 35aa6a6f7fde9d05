"""Score a graph against gold annotations (format and rules: ../shared/gold/README.md).

Entities are pooled over the gold articles by (type, normalised name) and matched to graph
entities one-to-one. Relations are pooled the same way, their ends read through labels.

Decisions the README leaves open, made here:
- Entity matching is greedy in a fixed order: candidate (graph entity, gold entity) pairs
  are taken best first (prefLabel = gold name, then prefLabel or altLabel = the other's
  name, then altLabel = alias), ties by gold name and IRI. A graph entity whose labels match
  a gold entity that is already taken is spurious: the graph should hold one entity per
  thing. One that matches only `optional` items is ignored.
- A graph entity typed with two of the four classes is scored once per type.
- A relation end maps to every gold entity its labels match, whether or not it won the
  one-to-one entity matching: duplicates are penalised once, in the entity score.
- Relations are not matched one-to-one: TP counts the gold relations some graph relation
  matches (one long quotation may cover two snippets), FP the graph relations that match
  none, except that one with an end matching only an optional entity is ignored. A
  relation with an end the gold does not know is spurious: `score` assumes the graph was
  built from exactly the gold articles (`gold_article_paths`), not from a larger corpus.
- Graph relations are counted per pair of ends (two predicates between the same pair are
  one claim); quotations without a speaker are not quote relations and are skipped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import rdflib
from rdflib import RDF, RDFS, SKOS, Literal, URIRef
from rdflib.namespace import ORG, SDO
from rdflib.term import Node

from kg.evaluate.gold import RELATION_TYPES, GoldArticle
from kg.evaluate.identity import identity_counts
from kg.evaluate.report import ALL, Counts, EvalReport, Finding, sum_counts
from kg.model import AGENTS, ENTITY_TYPES, LEGISLATION
from kg.paths import ONTOLOGY
from kg.rdf.namespace import KG

_AFFILIATION = (ORG.memberOf, ORG.headOf, SDO.worksFor)
# kg: terms that describe how something was extracted, never a relation between entities.
_PROVENANCE = frozenset(
    {
        KG.confidence,
        KG.rule,
        KG.evidence,
        KG.context,
        KG.extractor,
        KG.model,
        KG.modelVersion,
        KG.kgVersion,
        KG.config,
        KG.year,
    }
)
# Function words only: spaCy's stop list also holds "first", "former", "top", which decide
# a title ("first minister" must not match "prime minister").
_ROLE_STOP = frozenset(
    "a an the of for and or to in on at by with from as s his her their its".split()
)
_SPACE = re.compile(r"\s+")
_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


# ---------------------------------------------------------------- normalisation


def _norm(name: str) -> str:
    """Casefold, fold whitespace, drop surrounding punctuation and a leading "the"."""
    text = _SPACE.sub(" ", unicodedata.normalize("NFKC", name).casefold())
    text = _strip_punct(text)
    if text.startswith("the "):
        text = _strip_punct(text[4:])
    return text


def _strip_punct(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_edge(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PS"


def _fold_text(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)).strip()


def _role_words(title: str) -> frozenset[str]:
    return frozenset(re.findall(r"[^\W_]+", title.casefold())) - _ROLE_STOP


def _role_matches(a: str, b: str) -> bool:
    wa, wb = _role_words(a), _role_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


# ---------------------------------------------------------------- scoring

_PAIRS = ("legal_link", "interaction")  # direction does not count
_Key = tuple[str, str]  # pooled gold entity: (type, normalised name)


@dataclass
class _Pooled:
    name: str
    names: set[str]  # normalised name and aliases
    articles: list[str]


@dataclass(frozen=True)
class _Claim:
    """One relation the graph states, per pair of ends (or per title, per quotation)."""

    type: str
    ends: tuple[Node, ...]  # subject first; every speaker of a quotation
    value: str = ""  # job title or quotation text
    via: str = ""  # quotation IRI, for the report


def score(
    graph: rdflib.Dataset | rdflib.Graph,
    gold: list[GoldArticle],
    *,
    ontology: rdflib.Graph | None = None,
    article_ids: Mapping[str, str] | None = None,
) -> EvalReport:
    """Score `graph` (the union of its named graphs) against `gold`.

    `ontology` declares the sub-properties of kg:legalRelation and kg:interactsWith;
    by default ontology/kg.ttl when it exists (the graph's own axioms count too).
    With `article_ids` (gold `article` -> the id of its article in the graph) and a Dataset,
    the report also counts the gold entities split and merged (kg.evaluate.identity).
    """
    g = _union(graph)
    if ontology is None:
        ontology = rdflib.Graph()
        if ONTOLOGY.is_file():
            ontology.parse(ONTOLOGY)
    pool, ids, optional = pool_gold(gold)
    index: dict[tuple[str, str], set[_Key]] = {}
    for key, entry in pool.items():
        for name in entry.names:
            index.setdefault((key[0], name), set()).add(key)
    labels, display = _labels(g)
    entities = _score_entities(labels, display, pool, index, optional)
    # A relation end maps to every gold entity its labels name (see the module docstring).
    ends: dict[Node, set[_Key]] = {}
    typed: dict[Node, set[str]] = {}
    optional_only: set[Node] = set()
    for (iri, t), (pref, alt) in labels.items():
        ends.setdefault(iri, set()).update(_keys(index, t, pref | alt))
        typed.setdefault(iri, set()).add(t)
        if (pref | alt) & optional.get(t, set()):
            optional_only.add(iri)
    optional_only = {iri for iri in optional_only if not ends[iri]}
    relations = _score_relations(
        _claims(g, ontology, typed), _gold_relations(gold, ids), ends, optional_only, pool, display
    )
    identity: tuple = ({}, (), ())
    if article_ids is not None and isinstance(graph, rdflib.Dataset):
        identity = identity_counts(graph, gold, article_ids, ids, _norm)
    return EvalReport(
        entities[0],
        relations[0],
        entities[1],
        entities[2],
        relations[1],
        relations[2],
        tuple(a.article for a in gold),
        *identity,
    )


def _union(graph: rdflib.Graph) -> rdflib.Graph:
    if not isinstance(graph, rdflib.Dataset):
        return graph
    union = rdflib.Graph()
    for s, p, o, _ in graph.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def pool_gold(gold: list[GoldArticle]):
    """Gold entities pooled by (type, normalised name); (article, id) -> pooled key.

    Two names are one entity when the gold says so: an entity named "Britain" in one
    article is the "UK" another article gives "Britain" as an alias.
    """
    pool: dict[_Key, _Pooled] = {}
    ids: dict[tuple[str, str], _Key] = {}
    optional: dict[str, set[str]] = {}
    for art in gold:
        for e in art.entities:
            key = (e.type, _norm(e.name))
            entry = pool.setdefault(key, _Pooled(e.name, {key[1]}, []))
            entry.names.update(n for n in map(_norm, e.aliases) if n)
            if art.article not in entry.articles:
                entry.articles.append(art.article)
            ids[(art.article, str(e.id))] = key
        for e in art.optional:
            optional.setdefault(e.type, set()).update(
                n for n in map(_norm, (e.name, *e.aliases)) if n
            )
    into = _united(pool)
    for key, target in into.items():
        entry, kept = pool.pop(key), pool[target]
        kept.names |= entry.names
        kept.articles += [a for a in entry.articles if a not in kept.articles]
    ids = {where: into.get(key, key) for where, key in ids.items()}
    return pool, ids, optional


def _united(pool: dict[_Key, _Pooled]) -> dict[_Key, _Key]:
    """Pooled keys whose name is another's alias -> the key they join (the most used)."""
    parent = {key: key for key in pool}

    def root(key: _Key) -> _Key:
        while parent[key] != key:
            key = parent[key]
        return key

    for key, entry in sorted(pool.items()):
        for name in sorted(entry.names - {key[1]}):
            other = (key[0], name)
            if other in pool and root(other) != root(key):
                parent[root(other)] = root(key)
    groups: dict[_Key, list[_Key]] = {}
    for key in pool:
        groups.setdefault(root(key), []).append(key)
    into: dict[_Key, _Key] = {}
    for keys in groups.values():
        best = min(keys, key=lambda k: (-len(pool[k].articles), k))
        into |= {k: best for k in keys if k != best}
    return into


def _labels(g: rdflib.Graph):
    """(IRI, type) -> (normalised prefLabels, normalised altLabels); IRI -> label to show."""
    labels: dict[tuple[Node, str], tuple[frozenset[str], frozenset[str]]] = {}
    display: dict[Node, str] = {}
    for t in ENTITY_TYPES:
        for iri in set(g.subjects(RDF.type, SDO[t])):
            pref = sorted(str(x) for x in g.objects(iri, SKOS.prefLabel))
            alt = [str(x) for x in g.objects(iri, SKOS.altLabel)]
            labels[(iri, t)] = (
                frozenset(filter(None, map(_norm, pref))),
                frozenset(filter(None, map(_norm, alt))),
            )
            display[iri] = pref[0] if pref else str(iri)
    return labels, display


def _keys(index, t: str, names: Iterable[str]) -> set[_Key]:
    return {key for name in names for key in index.get((t, name), ())}


def _score_entities(labels, display, pool, index, optional):
    # Candidate pairs, best first: prefLabel = gold name, then one side's main name among
    # the other's labels, then alias = altLabel. Sorting makes the greedy order fixed.
    pairs = []
    for (iri, t), (pref, alt) in labels.items():
        for key in _keys(index, t, pref | alt):
            rank = 0 if key[1] in pref else 1 if (pref & pool[key].names or key[1] in alt) else 2
            pairs.append((rank, key, str(iri), iri, t))
    matched: dict[_Key, Node] = {}
    used: set[tuple[Node, str]] = set()
    for _, key, _, iri, t in sorted(pairs):
        if key not in matched and (iri, t) not in used:
            matched[key] = iri
            used.add((iri, t))
    order = {t: i for i, t in enumerate(ENTITY_TYPES)}
    fp = dict.fromkeys(ENTITY_TYPES, 0)
    ignored = dict.fromkeys(ENTITY_TYPES, 0)
    spurious = []
    for (iri, t), (pref, alt) in sorted(
        labels.items(), key=lambda kv: (order[kv[0][1]], str(kv[0][0]))
    ):
        if (iri, t) in used:
            continue
        taken = sorted(pool[k].name for k in _keys(index, t, pref | alt))
        if not taken and (pref | alt) & optional.get(t, set()):
            ignored[t] += 1
            continue
        fp[t] += 1
        note = f" (duplicate of {taken[0]})" if taken else ""
        spurious.append(Finding(t, display[iri] + note, (str(iri),)))
    missed = [
        Finding(key[0], entry.name, tuple(entry.articles))
        for key, entry in sorted(pool.items(), key=lambda kv: (order[kv[0][0]], kv[0][1]))
        if key not in matched
    ]
    counts = {}
    for t in ENTITY_TYPES:
        tp = sum(1 for key in matched if key[0] == t)
        total = sum(1 for key in pool if key[0] == t)
        counts[t] = Counts(tp, fp[t], total - tp, ignored[t])
    counts[ALL] = sum_counts(counts.values())
    return counts, tuple(missed), tuple(spurious)


def _sub_properties(root: URIRef, graphs: Iterable[rdflib.Graph]) -> set[URIRef]:
    """`root` and everything declared rdfs:subPropertyOf* it."""
    graphs = list(graphs)
    found, frontier = {root}, [root]
    while frontier:
        prop = frontier.pop()
        for graph in graphs:
            for sub in graph.subjects(RDFS.subPropertyOf, prop):
                if isinstance(sub, URIRef) and sub not in found:
                    found.add(sub)
                    frontier.append(sub)
    return found


def _claims(g: rdflib.Graph, ontology: rdflib.Graph, typed: dict[Node, set[str]]):
    legal = _sub_properties(KG.legalRelation, (ontology, g))
    interacts = _sub_properties(KG.interactsWith, (ontology, g))

    def kg_term(p) -> bool:  # the fallback while kg.ttl declares no sub-properties
        return str(p).startswith(str(KG._NS)) and p not in _PROVENANCE

    claims: dict[tuple, _Claim] = {}
    for s in sorted(typed, key=str):
        for p, o in g.predicate_objects(s):
            if p in _AFFILIATION and o in typed:
                claims.setdefault(("affiliation", s, o), _Claim("affiliation", (s, o)))
            elif p == SDO.jobTitle and isinstance(o, Literal) and _role_words(str(o)):
                title = _fold_text(str(o))
                claims.setdefault(("role", s, title.casefold()), _Claim("role", (s,), title))
            elif o not in typed or o == s:
                continue
            elif LEGISLATION in typed[s] | typed[o] and (p in legal or kg_term(p)):
                # Keyed without direction (one claim per pair), kept as stated.
                claims.setdefault(("legal_link", frozenset((s, o))), _Claim("legal_link", (s, o)))
            elif (
                typed[s] & set(AGENTS)
                and typed[o] & set(AGENTS)
                and (p in interacts or (kg_term(p) and p not in legal))
            ):
                claims.setdefault(("interaction", frozenset((s, o))), _Claim("interaction", (s, o)))
    for q in sorted(set(g.subjects(RDF.type, SDO.Quotation)), key=str):
        speakers = tuple(
            sorted(
                (x for x in g.objects(q, SDO.spokenByCharacter) if isinstance(x, URIRef)), key=str
            )
        )
        text = " ".join(sorted(str(x) for x in g.objects(q, SDO.text)))
        if speakers and text:  # an unattributed quotation is not a quote relation
            claims[("quote", q)] = _Claim("quote", speakers, _fold_text(text), str(q))
    return list(claims.values())


def _gold_relations(gold: list[GoldArticle], ids) -> dict[tuple, list[str]]:
    """Pooled gold relations: (type, ends as pooled keys, folded text) -> articles."""
    pooled: dict[tuple, list[str]] = {}
    for art in gold:
        for r in art.relations:
            ends = [ids[(art.article, r.subject)]]
            if r.object is not None:
                ends.append(ids[(art.article, r.object)])
            if r.type in _PAIRS:
                ends.sort()
            text = _fold_text(r.value or r.snippet or "")
            key = (r.type, tuple(ends), text.casefold() if r.type == "role" else text)
            articles = pooled.setdefault(key, [])
            if art.article not in articles:
                articles.append(art.article)
    return pooled


def _matches(claim: _Claim, key: tuple, ends: dict[Node, set[_Key]]) -> bool:
    kind, gold_ends, text = key
    if kind != claim.type:
        return False
    if kind == "quote":
        return any(gold_ends[0] in ends.get(e, ()) for e in claim.ends) and text in claim.value
    if kind == "role" and not _role_matches(claim.value, text):
        return False
    orders = (gold_ends, gold_ends[::-1]) if kind in _PAIRS else (gold_ends,)
    return any(
        all(k in ends.get(e, ()) for k, e in zip(order, claim.ends, strict=True))
        for order in orders
    )


def _score_relations(claims, gold_rel, ends, optional_only, pool, display):
    matched: set[tuple] = set()
    fp = dict.fromkeys(RELATION_TYPES, 0)
    ignored = dict.fromkeys(RELATION_TYPES, 0)
    spurious = []
    for claim in claims:
        # A claim whose ends name no gold entity cannot match: skip the scan (big graphs).
        known = any(ends.get(e) for e in claim.ends)
        hits = {key for key in gold_rel if known and _matches(claim, key, ends)}
        matched |= hits
        if hits:
            continue
        if any(e in optional_only for e in claim.ends):
            ignored[claim.type] += 1
            continue
        fp[claim.type] += 1
        names = " — ".join(display.get(e, str(e)) for e in claim.ends)
        text = f"{names}: {claim.value!r}" if claim.value else names
        spurious.append(
            Finding(
                claim.type, text, (claim.via,) if claim.via else tuple(str(e) for e in claim.ends)
            )
        )
    missed = []
    for key, articles in gold_rel.items():
        if key not in matched:
            names = " — ".join(pool[k].name for k in key[1])
            missed.append(
                Finding(key[0], f"{names}: {key[2]!r}" if key[2] else names, tuple(articles))
            )
    counts = {}
    for t in RELATION_TYPES:
        tp = sum(1 for key in matched if key[0] == t)
        total = sum(1 for key in gold_rel if key[0] == t)
        counts[t] = Counts(tp, fp[t], total - tp, ignored[t])
    counts[ALL] = sum_counts(counts.values())
    order = {t: i for i, t in enumerate(RELATION_TYPES)}
    return (
        counts,
        tuple(sorted(missed, key=lambda f: (order[f.type], f.text))),
        tuple(sorted(spurious, key=lambda f: (order[f.type], f.text))),
    )
