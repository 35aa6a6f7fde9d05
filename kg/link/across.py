"""Link entities across articles where one article alone cannot decide.

"The Human Rights Act" in one article is the "Human Rights Act 1998" of another when the
batch knows exactly one dated instrument of that title.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from kg.extract.names import name_key
from kg.model import LEGISLATION, ArticleExtraction, Entity, Fact


def link_across_articles(extractions: list[ArticleExtraction]) -> list[ArticleExtraction]:
    dated: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for extraction in extractions:
        for entity in extraction.entities:
            if entity.type == LEGISLATION and entity.attr("year") and entity.attr("title"):
                dated[name_key(entity.attr("title") or "")].add((entity.key, entity.name))
    remap: dict[str, tuple[str, str]] = {}
    for extraction in extractions:
        for entity in extraction.entities:
            if entity.type != LEGISLATION or entity.attr("year"):
                continue
            candidates = dated.get(name_key(entity.attr("title") or entity.name), set())
            if len(candidates) == 1:
                remap[entity.key] = next(iter(candidates))
    if not remap:
        return extractions
    return [_apply(extraction, remap) for extraction in extractions]


def _apply(extraction: ArticleExtraction, remap: dict[str, tuple[str, str]]) -> ArticleExtraction:
    entities: dict[str, Entity] = {}
    for entity in extraction.entities:
        if entity.type == LEGISLATION and entity.key in remap:
            key, name = remap[entity.key]
            aliases = tuple(sorted(set(entity.aliases) | {entity.name}))
            entity = replace(entity, key=key, name=name, aliases=aliases)
        if entity.key in entities and entities[entity.key].type == entity.type:
            entity = _merge(entities[entity.key], entity)
        entities[entity.key] = entity
    facts = tuple(_remap_fact(f, remap) for f in extraction.facts)
    return replace(extraction, entities=tuple(entities.values()), facts=facts)


def _merge(a: Entity, b: Entity) -> Entity:
    aliases = tuple(sorted((set(a.aliases) | set(b.aliases) | {b.name}) - {a.name}))
    attributes = a.attributes + tuple(x for x in b.attributes if x not in a.attributes)
    return replace(a, mentions=a.mentions + b.mentions, aliases=aliases, attributes=attributes)


def _remap_fact(fact: Fact, remap: dict[str, tuple[str, str]]) -> Fact:
    subject = remap.get(fact.subject, (fact.subject,))[0]
    obj = fact.object if fact.literal else remap.get(fact.object, (fact.object,))[0]
    return replace(fact, subject=subject, object=obj)
