"""Repeats of an organisation's name that the model left unread.

The model reads a name in one sentence and not in the next ("Group Zenda, the holding
company, ... was one of the founders of Zenda"): once the article has named an
organisation, the same words written the same way elsewhere name it too. Each repeat must
stand alone: not inside a longer capitalised name ("Acme" in "Acme Trust"), nor on words
another mention holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from kg.extract.spans import DETERMINERS, is_cap
from kg.model import ORGANIZATION, Entity, Mention
from kg.nlp.tokens import covered_tokens

# "Group Zenda" is "Zenda" for short: a word of kind written before the name.
_LEADING_KIND = frozenset({"Group", "Grupo", "Groupe"})
_CONFIDENCE = 0.7


def add_repeats(
    doc: Doc, entities: Sequence[Entity], reserved: Sequence[tuple[int, int]]
) -> list[Entity]:
    """`entities` with a mention at each unread, free-standing repeat of an organisation's
    name; `reserved` token ranges (legislation, page furniture) are never read."""
    taken = [False] * len(doc)
    for start, end in reserved:
        for i in range(start, end):
            taken[i] = True
    for i in covered_tokens(doc, entities):
        taken[i] = True
    forms = _forms(entities)
    at: dict[str, list[int]] = {}  # where each word stands, so a form is looked up, not scanned for
    for tok in doc:
        at.setdefault(tok.text, []).append(tok.i)
    out = []
    for entity in entities:
        extra = []
        for form in forms.get(entity.key, ()):
            for start in _occurrences(doc, form, taken, at.get(form[0], ())):
                end = start + len(form)
                for i in range(start, end):
                    taken[i] = True
                span = doc[start:end]
                extra.append(
                    Mention(
                        span.start_char,
                        span.end_char,
                        span.text,
                        ORGANIZATION,
                        "org:repeat",
                        _CONFIDENCE,
                    )
                )
        if extra:
            mentions = tuple(sorted(entity.mentions + tuple(extra), key=lambda m: m.start))
            entity = replace(entity, mentions=mentions)
        out.append(entity)
    return out


def _forms(entities: Sequence[Entity]) -> dict[str, list[list[str]]]:
    """Each organisation's names as word lists, longest first. A form two entities share
    (two organisations, or an organisation and a person) names neither."""
    owners: dict[tuple[str, ...], set[str]] = {}
    for e in entities:
        names = {e.name, *e.aliases, *(m.text for m in e.mentions)}
        words = [n.split() for n in names if n[:1].isupper()]
        words += [w[1:] for w in words if len(w) == 2 and w[0] in _LEADING_KIND]
        for w in words:
            if len(w) == 1 and len(w[0]) < 3:
                continue  # "EU" alone is read by the model; two letters are too common
            owners.setdefault(tuple(w), set()).add(e.key if e.type == ORGANIZATION else "")
    forms: dict[str, list[list[str]]] = {}
    for form, keys in owners.items():
        if len(keys) == 1 and "" not in keys:
            forms.setdefault(next(iter(keys)), []).append(list(form))
    for key in forms:
        forms[key].sort(key=len, reverse=True)
    return forms


def _occurrences(
    doc: Doc, words: list[str], taken: Sequence[bool], starts: Sequence[int]
) -> list[int]:
    """Where `words` stand free and unread, among `starts`, the places their first word is."""
    n = len(words)
    found = []
    for i in starts:
        if i + n > len(doc) or any(taken[i : i + n]):
            continue
        if [t.text for t in doc[i : i + n]] != words:
            continue
        # Free-standing: no capitalised word of a longer name on either side.
        if i > 0 and is_cap(doc[i - 1]) and doc[i - 1].lower_ not in DETERMINERS:
            continue
        if i + n < len(doc) and is_cap(doc[i + n]):
            continue
        found.append(i)
    return found
