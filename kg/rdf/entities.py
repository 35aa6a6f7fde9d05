"""The entities graph: one description per entity, merged over every article naming it.

A description needs only a tally of the articles' views of the entity (how often each name
is used, every alias, its attributes), not the articles: `EntityTallies` folds extractions
in one at a time, so a build that streams its articles keeps the tallies, which grow with
the distinct entities, and lets each article go.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rdflib import OWL, RDF, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, SDO, SKOS

from kg.model import LEGISLATION, ORGANIZATION, PERSON, PLACE, ArticleExtraction, Entity
from kg.rdf.iri import BASE, mint
from kg.rdf.labels import clean_key, label
from kg.rdf.namespace import ELI, KG
from kg.rdf.quads import TripleSink

TYPE_CLASSES = {
    PERSON: (SDO.Person, FOAF.Person),
    ORGANIZATION: (SDO.Organization, ORG.Organization),
    PLACE: (SDO.Place,),
    LEGISLATION: (SDO.Legislation,),
}
_LEGISLATION_CLASSES = {
    "Act": (KG.Act, ELI.LegalResource),
    "Bill": (KG.Bill,),
    "Regulations": (KG.StatutoryInstrument, ELI.LegalResource),
    "Order": (KG.StatutoryInstrument, ELI.LegalResource),
    "Section": (KG.Section, ELI.LegalResource),
    "Treaty": (KG.Treaty,),
}


def entity_iri(type_: str, key: str, base: str = BASE) -> URIRef:
    return mint(type_.lower(), clean_key(key), base=base)


class EntityTally:
    """The articles' views of one entity, folded: names counted, aliases, attributes."""

    __slots__ = ("type", "names", "aliases", "attributes")

    def __init__(self, type_: str) -> None:
        self.type = type_
        self.names: Counter[str] = Counter()  # labels, one count per view
        self.aliases: set[str] = set()  # labels
        self.attributes: dict[str, str] = {}  # a later view's value wins, as it always has

    def add(self, entity: Entity) -> None:
        self.names[str(label(entity.name))] += 1
        self.aliases.update(str(label(a)) for a in entity.aliases)
        self.attributes.update(entity.attributes)


class EntityTallies:
    """Every entity's tally, by IRI, over the extractions added so far."""

    def __init__(self, base: str = BASE) -> None:
        self.base = base
        self.by_iri: dict[URIRef, EntityTally] = {}

    def add(self, extraction: ArticleExtraction) -> None:
        for entity in extraction.entities:
            iri = entity_iri(entity.type, entity.key, self.base)
            tally = self.by_iri.get(iri)
            if tally is None:
                tally = self.by_iri[iri] = EntityTally(entity.type)
            tally.add(entity)

    def update(self, other: EntityTallies) -> None:
        """Fold in the tallies of extractions that came after these."""
        for iri, theirs in other.by_iri.items():
            tally = self.by_iri.get(iri)
            if tally is None:
                self.by_iri[iri] = theirs
                continue
            tally.names.update(theirs.names)
            tally.aliases |= theirs.aliases
            tally.attributes.update(theirs.attributes)

    def describe(self, g: TripleSink) -> None:
        for iri, tally in self.by_iri.items():
            describe_tally(g, iri, tally, self.base)


def describe_entity(g: TripleSink, iri: URIRef, seen: Iterable[Entity], base: str = BASE) -> None:
    """Describe one entity in `g` from every article's view of it (`seen`): the most used
    name is its prefLabel and schema:name, every other name and alias an altLabel; the
    store describes entities from its tallies with this same function."""
    tally: EntityTally | None = None
    for entity in seen:
        tally = tally or EntityTally(entity.type)
        tally.add(entity)
    if tally is not None:
        describe_tally(g, iri, tally, base)


def describe_tally(g: TripleSink, iri: URIRef, tally: EntityTally, base: str = BASE) -> None:
    names = tally.names
    pref = max(names, key=lambda n: (names[n], len(n), n))
    for cls in TYPE_CLASSES[tally.type]:
        g.add((iri, RDF.type, cls))
    g.add((iri, SKOS.prefLabel, Literal(pref)))
    g.add((iri, SDO.name, Literal(pref)))
    for alt in sorted((set(names) | tally.aliases) - {pref}):
        g.add((iri, SKOS.altLabel, Literal(alt)))
    if tally.type != LEGISLATION:
        return
    attrs = tally.attributes
    kind = attrs.get("kind", "Act")
    g.add((iri, SDO.legislationType, Literal(kind)))
    for cls in _LEGISLATION_CLASSES.get(kind, ()):
        g.add((iri, RDF.type, cls))
    if "title" in attrs:
        g.add((iri, DCTERMS.title, label(attrs["title"])))
    if "year" in attrs:
        g.add((iri, KG.year, Literal(int(attrs["year"]), datatype=XSD.integer)))
    if "sameAs" in attrs:
        g.add((iri, OWL.sameAs, URIRef(attrs["sameAs"])))
    if "parent" in attrs:
        g.add((iri, ELI.is_part_of, entity_iri(LEGISLATION, attrs["parent"], base)))
