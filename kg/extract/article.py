"""One article in, its entities and facts out: the extraction stage as a pure function."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc

from kg.extract.interactions import find_interactions
from kg.extract.legal_links import find_legal_links
from kg.extract.legislation import LegalMention, find_legislation, legislation_uri
from kg.extract.located import find_locations
from kg.extract.mentions import find_candidates
from kg.extract.names import name_key, strip_leading_the
from kg.extract.quotes.quotes import find_quotes
from kg.extract.repeats import add_repeats
from kg.extract.resolve import resolve_entities
from kg.extract.roles.lexicon import COURTESY_TITLES
from kg.extract.roles.roles import find_affiliations
from kg.ingest.furniture import furniture_spans
from kg.model import (
    LEGISLATION,
    PERSON,
    Article,
    ArticleExtraction,
    Entity,
    Fact,
    Mention,
    Sentence,
)


def extract(doc: Doc, article: Article) -> ArticleExtraction:
    """Entities and facts of one article, from its parsed Doc."""
    excluded = tuple(furniture_spans(article.text))
    sentences = tuple(Sentence(s.start_char, s.end_char) for s in doc.sents)
    legal = find_legislation(doc, excluded=excluded)
    reserved = [_token_range(doc, start, end) for start, end in excluded]
    reserved += [_token_range(doc, m.start, m.end) for m in legal]
    candidates = find_candidates(doc, reserved=reserved)
    entities = add_repeats(doc, resolve_entities(doc, candidates), reserved)
    entities += _legislation_entities(legal)
    starts = [s.start for s in sentences]
    entities = [_place_mentions(e, starts) for e in entities]
    facts = _title_facts(entities) + _part_of_facts(entities, legal)
    quotes = find_quotes(doc, entities, excluded=excluded)
    facts += find_interactions(doc, entities, quotes)
    facts += find_legal_links(doc, entities)
    facts += find_locations(doc, entities)
    affiliations = find_affiliations(doc, entities)
    return ArticleExtraction(
        article=article,
        sentences=sentences,
        entities=tuple(entities),
        facts=tuple(_in_sentence(f, starts) for f in facts),
        quotes=tuple(replace(q, sentence=bisect_right(starts, q.start) - 1) for q in quotes),
        affiliations=tuple(
            replace(a, sentence=bisect_right(starts, a.start) - 1) for a in affiliations
        ),
        excluded=excluded,
    )


def _in_sentence(fact: Fact, starts: list[int]) -> Fact:
    if fact.sentence >= 0 or fact.start < 0:
        return fact
    return replace(fact, sentence=bisect_right(starts, fact.start) - 1)


def _token_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return (0, 0)
    return (span.start, span.end)


def _place_mentions(entity: Entity, starts: list[int]) -> Entity:
    mentions = tuple(
        replace(m, sentence=bisect_right(starts, m.start) - 1) for m in entity.mentions
    )
    return replace(entity, mentions=mentions)


def _legislation_entities(legal: list[LegalMention]) -> list[Entity]:
    by_name: dict[str, list[LegalMention]] = {}
    for mention in legal:
        by_name.setdefault(mention.name, []).append(mention)
    entities = []
    for name, group in by_name.items():
        first = next((m for m in group if not m.anaphor), group[0])
        aliases = {strip_leading_the(m.text) for m in group if not m.anaphor}
        aliases.add(first.title)
        aliases.discard(name)
        attributes = [("kind", first.kind), ("title", first.title)]
        if first.year is not None:
            attributes.append(("year", str(first.year)))
        uri = legislation_uri(name)
        if uri:
            attributes.append(("sameAs", uri))
        if first.parent:
            attributes.append(("parent", name_key(first.parent)))
        mentions = tuple(
            Mention(m.start, m.end, m.text, LEGISLATION, m.rule, m.confidence) for m in group
        )
        entities.append(
            Entity(
                type=LEGISLATION,
                name=name,
                key=name_key(name),
                mentions=mentions,
                aliases=tuple(sorted(a for a in aliases if a)),
                attributes=tuple(attributes),
            )
        )
    return entities


def _title_facts(entities: list[Entity]) -> list[Fact]:
    """A title written before a name ("Councillor Mhairi Hunter") is the person's role."""
    facts = []
    seen: set[tuple[str, str]] = set()
    for entity in entities:
        if entity.type != PERSON:
            continue
        for m in entity.mentions:
            if not m.title or (entity.key, m.title.casefold()) in seen:
                continue
            if m.title.rstrip(".").casefold() in COURTESY_TITLES:
                continue  # "Dr Julian Lewis": a courtesy, not a post
            seen.add((entity.key, m.title.casefold()))
            facts.append(
                Fact(
                    entity.key,
                    "schema:jobTitle",
                    m.title,
                    "title:before-name",
                    0.9,
                    m.title_start,
                    m.end,
                    m.sentence,
                    literal=True,
                    subject_type=PERSON,
                )
            )
    return facts


def _part_of_facts(entities: list[Entity], legal: list[LegalMention]) -> list[Fact]:
    facts = []
    for entity in entities:
        parent = entity.attr("parent")
        if entity.type == LEGISLATION and parent:
            mention = entity.mentions[0]
            facts.append(
                Fact(
                    entity.key,
                    "eli:is_part_of",
                    parent,
                    "legislation:section-of",
                    0.9,
                    mention.start,
                    mention.end,
                    mention.sentence,
                    subject_type=LEGISLATION,
                    object_type=LEGISLATION,
                )
            )
    return facts
