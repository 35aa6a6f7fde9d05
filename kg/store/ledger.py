"""The store's ledger: what incremental writes need, in a graph queries and exports never see.

For each article graph, the fingerprint of its input (`FINGERPRINT`) and the entities it
contributed (`CONTRIBUTION`); for each entity, its `Tally` of names, aliases and attributes
over every article in the store (`TALLY`), from which its description is rewritten. For
linking across articles (kg.store.relink): each article's extraction before linking
(`EXTRACTION`), link record (`RECORD`) and the joins applied to it (`REMAP`); each group's
articles (`ARTICLES`) and decision (`DECISION`).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import URIRef

from kg.model import Article, Entity
from kg.rdf.entities import describe_entity, entity_iri
from kg.rdf.quads import Quads
from kg.version import __version__

_NS = "https://kg.example.org/store#"  # the ledger's own terms: not part of the ontology
LEDGER = ox.NamedNode(_NS + "ledger")
FINGERPRINT = ox.NamedNode(_NS + "fingerprint")
CONTRIBUTION = ox.NamedNode(_NS + "contribution")
TALLY = ox.NamedNode(_NS + "tally")
# Linking across articles (kg.store.relink): per article graph, its extraction before
# linking, its link record and the joins applied; per group, its articles and decision.
EXTRACTION = ox.NamedNode(_NS + "extraction")
RECORD = ox.NamedNode(_NS + "linkRecord")
REMAP = ox.NamedNode(_NS + "remap")
ARTICLES = ox.NamedNode(_NS + "groupArticles")
DECISION = ox.NamedNode(_NS + "decision")
# Part of every fingerprint: a store written before the ledger kept what linking needs
# re-extracts its articles once.
LEDGER_FORMAT = "2"


def fingerprint(article: Article, model: str, model_version: str, base: str) -> str:
    """What an article graph depends on: the article, kg's version and the model."""
    parts: list[str | None] = [__version__, LEDGER_FORMAT, model, model_version, base]
    parts += [article.id, article.text]
    parts += [article.title, article.date, article.url, article.source]
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()


def recorded(store: ox.Store, subject, predicate) -> str | None:
    """The ledger's value for `subject` and `predicate` (one of the terms above), if any."""
    for quad in store.quads_for_pattern(subject, predicate, None, LEDGER):
        value = quad.object
        return None if isinstance(value, ox.Triple) else value.value
    return None


def contribution(entity: Entity, base: str) -> dict:
    """What one article says about one entity, as the ledger records it."""
    return {
        "iri": str(entity_iri(entity.type, entity.key, base)),
        "type": entity.type,
        "key": entity.key,
        "name": entity.name,
        "aliases": sorted(set(entity.aliases)),
        "attributes": [list(a) for a in entity.attributes],
    }


@dataclass
class Tally:
    """An entity's names, aliases and attributes, counted over the articles that have it."""

    type: str
    key: str
    names: Counter = field(default_factory=Counter)
    aliases: Counter = field(default_factory=Counter)
    attributes: Counter = field(default_factory=Counter)

    @classmethod
    def empty(cls, contributions: list[dict], iri: str) -> Tally:
        first = next(c for c in contributions if c["iri"] == iri)
        return cls(first["type"], first["key"])

    @classmethod
    def load(cls, text: str | None) -> Tally | None:
        if text is None:
            return None
        data = json.loads(text)
        return cls(
            data["type"],
            data["key"],
            Counter(data["names"]),
            Counter(data["aliases"]),
            Counter({(k, v): n for k, v, n in data["attributes"]}),
        )

    def dump(self) -> str:
        attributes = sorted([k, v, n] for (k, v), n in self.attributes.items())
        data = {"type": self.type, "key": self.key, "names": self.names}
        data |= {"aliases": self.aliases, "attributes": attributes}
        return json.dumps(data, sort_keys=True)

    def count(self, contributions: list[dict], sign: int) -> None:
        for c in contributions:
            self.names[c["name"]] += sign
            self.aliases.update({a: sign for a in c["aliases"]})
            self.attributes.update({tuple(a): sign for a in c["attributes"]})
        for counter in (self.names, self.aliases, self.attributes):
            for item in [k for k, n in counter.items() if n <= 0]:
                del counter[item]

    def entities(self) -> list[Entity]:
        """Stand-ins for the entity as each article saw it, to describe it as a build does.

        One per article (kg.rdf.graphs counts names per article); the attributes go on the first,
        ordered so that the value most articles give for each key comes last and wins.
        """
        attributes = tuple(sorted(self.attributes, key=lambda kv: (self.attributes[kv], kv[1])))
        names = [n for name, count in sorted(self.names.items()) for n in [name] * count]
        seen = [Entity(self.type, name, self.key, ()) for name in names]
        seen[0] = Entity(self.type, names[0], self.key, (), tuple(self.aliases), attributes)
        return seen

    def description(self, iri: URIRef, base: str) -> set[ox.Triple]:
        # kg.rdf.graphs' own describer, so a store and a one-shot build describe entities alike.
        writer = Quads().graph(iri)
        describe_entity(writer, iri, self.entities(), base)
        return canonical(writer.triples)


def canonical(triples: Iterable[ox.Triple]) -> set[ox.Triple]:
    """The triples as Oxigraph stores them: it keeps literals in canonical form ("0.800"
    ^^xsd:decimal reads back as "0.8"), so comparing with stored triples needs the same."""
    scratch = ox.Store()
    scratch.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    return {ox.Triple(q.subject, q.predicate, q.object) for q in scratch}
