"""Names written again where no mention was kept: "MCI's directors have backed Verizon" when
the tagger read this "Verizon" as a nationality. For the relation finders, a proper noun
spelling exactly the name of one person or organisation the article already has is that
entity (the entity list kg outputs is unchanged). An organisation is also named by the one
distinctive word of its name ("Zenda" for "Group Zenda"), never by a word for a kind
of body ("Group", "Bank", "National") or one another entity's name holds too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import INDUSTRY_WORDS, ORG_HEADS, ORG_SUFFIXES
from kg.model import AGENTS, ORGANIZATION, Entity, Mention
from kg.nlp.tokens import covered_tokens

_RULE = "echo"
# Words of a name that say what kind of body it is, not which one.
_KIND_WORDS = (
    ORG_HEADS
    | ORG_SUFFIXES
    | INDUSTRY_WORDS
    | frozenset(
        """National Royal United General International European British American New First
        World Global Financial Stock Exchange Times News Home Foreign Trade Industry Affairs
        Select Central State Federal Press Herald Post Daily Sunday Evening Morning North
        South East West Northern Southern Eastern Western Great Grand Standard Public Private
        Democratic Liberal Labour Conservative Social Green People Peoples Citizens Free""".split()
    )
)
_CONFIDENCE = 0.6


def with_echoes(doc: Doc, entities: Sequence[Entity]) -> list[Entity]:
    """`entities`, each person or organisation with a mention added at every uncovered
    proper-noun spelling of its name, aliases or mentions that names no other entity."""
    covered = covered_tokens(doc, entities)
    owners: dict[str, set[str]] = {}
    for entity in entities:
        for form in _forms(entity):
            owners.setdefault(form, set()).add(entity.key)
    out = []
    for entity in entities:
        if entity.type not in AGENTS:
            out.append(entity)
            continue
        added = [
            Mention(span.start_char, span.end_char, span.text, entity.type, _RULE, _CONFIDENCE)
            for form in _forms(entity)
            if len(owners[form]) == 1
            for span in _spellings(doc, form, covered)
        ]
        if added:
            mentions = sorted([*entity.mentions, *added], key=lambda m: m.start)
            entity = replace(entity, mentions=tuple(mentions))
        out.append(entity)
    return out


def _forms(entity: Entity) -> set[str]:
    forms = {entity.name, *entity.aliases, *(m.text for m in entity.mentions)}
    if entity.type == ORGANIZATION:
        words = [w for w in entity.name.split() if _distinctive(w)]
        if len(words) == 1 and len(entity.name.split()) > 1:
            forms.add(words[0])
    return forms


def _distinctive(word: str) -> bool:
    return len(word) >= 4 and word[0].isupper() and word.isalpha() and word not in _KIND_WORDS


def _spellings(doc: Doc, form: str, covered: set[int]) -> list[Span]:
    """Where `form` is written as a whole proper noun of its own ("Verizon", not "Verizon
    Wireless" or "verizon"), on tokens no mention covers."""
    found = []
    text = doc.text  # made anew on every access: once per form, not once per find
    start = text.find(form)
    while start >= 0 and form:
        span = doc.char_span(start, start + len(form))
        start = text.find(form, start + 1)
        if span is None or any(i in covered for i in range(span.start, span.end)):
            continue
        if not all(_proper(t) for t in span if not t.is_punct):
            continue
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if any(t is not None and _proper(t) for t in (before, after)):
            continue  # part of a longer name
        found.append(span)
    return found


def _proper(tok: Token) -> bool:
    # A capitalised word the tagger read as a noun is a name where the recogniser saw one
    # ("Zenda has asked ..."), or anywhere but at the start of a sentence.
    named = tok.text[:1].isupper() and (bool(tok.ent_type_) or not tok.is_sent_start)
    return tok.pos_ == "PROPN" or tok.tag_ in ("NNP", "NNPS") or (tok.pos_ == "NOUN" and named)
