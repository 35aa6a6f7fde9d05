"""A plan's joins applied to one article's extraction: entities renamed to the entity they
join (merged when two of the article's entities join one), and every fact, quotation and
affiliation pointed at the joined key."""

from __future__ import annotations

from dataclasses import replace

from kg.model import ORGANIZATION, PERSON, ArticleExtraction, Entity

Remap = dict[tuple[str, str], tuple[str, str]]  # (type, key) -> (key, name)


def apply_links(extraction: ArticleExtraction, remap: Remap) -> ArticleExtraction:
    if not remap:
        return extraction
    types: dict[str, set[str]] = {}
    for entity in extraction.entities:
        types.setdefault(entity.key, set()).add(entity.type)
    entities: dict[tuple[str, str], Entity] = {}
    for entity in extraction.entities:
        if (entity.type, entity.key) in remap:
            key, name = remap[(entity.type, entity.key)]
            aliases = (set(entity.aliases) | {entity.name}) - {name}
            entity = replace(entity, key=key, name=name, aliases=tuple(sorted(aliases)))
        slot = (entity.type, entity.key)
        entities[slot] = _merge(entities[slot], entity) if slot in entities else entity

    def joined(old: str, type_: str = "") -> str:
        kinds = {type_} if type_ else types.get(old, set())
        found = {remap[(t, old)][0] for t in kinds if (t, old) in remap}
        return found.pop() if len(found) == 1 else old

    facts = tuple(
        replace(
            f,
            subject=joined(f.subject, f.subject_type),
            object=f.object if f.literal else joined(f.object, f.object_type),
        )
        for f in extraction.facts
    )
    quotes = tuple(replace(q, speaker=joined(q.speaker, q.speaker_type)) for q in extraction.quotes)
    affiliations = tuple(
        replace(
            a,
            person=joined(a.person, PERSON),
            organization=joined(a.organization, ORGANIZATION) if a.organization else "",
        )
        for a in extraction.affiliations
    )
    return replace(
        extraction,
        entities=tuple(entities.values()),
        facts=facts,
        quotes=quotes,
        affiliations=affiliations,
    )


def _merge(a: Entity, b: Entity) -> Entity:
    aliases = tuple(sorted((set(a.aliases) | set(b.aliases) | {b.name}) - {a.name}))
    attributes = a.attributes + tuple(x for x in b.attributes if x not in a.attributes)
    mentions = tuple(sorted(a.mentions + b.mentions, key=lambda m: (m.start, m.end)))
    return replace(a, mentions=mentions, aliases=aliases, attributes=attributes)
