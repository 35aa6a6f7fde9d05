"""What "it", "the company", "the firm" or "the group" stands for when its own clause
names nothing it could be.

- Opening a sentence's main clause: the organisation the sentence before was about. News
  carries a company's story on from sentence to sentence this way ("Acme Bank is
  involved in the case. It had agreed to lend ..."). Only what one organisation fits is
  resolved: the previous sentence's main subject must name exactly one organisation; a
  sentence about people is passed over (one more), since "it" is never a person; any other
  subject ("The sale went ahead") ends the search.
- "it" as the object of a coordinated verb: the organisation the first verb acted on ("X
  quit the party and accused it of ...").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.model import ORGANIZATION, PERSON, Entity

# Nouns that, with "the" alone, are a company's stand-in: "the company said ...".
GENERIC_ORG_NOUNS = frozenset("company firm group".split())
_SUBJECTS = ("nsubj", "nsubjpass")
# Clauses that are the sentence's own statement, besides its root.
_MAIN = ("conj", "parataxis")
_PERSON_PRONOUNS = frozenset("he she they".split())
_LOOK_BACK = 2


def generic_org(tok: Token) -> bool:
    """ "the company", "the firm": the word and "the" alone."""
    return (
        tok.lower_ in GENERIC_ORG_NOUNS
        and tok.tag_ == "NN"
        and [c.lower_ for c in tok.children] == ["the"]
    )


def opens_main_clause(tok: Token) -> bool:
    """`tok` is the subject of its sentence's main clause (or of a clause coordinated
    with it), or owns that subject ("Its chief executive said")."""
    if tok.dep_ == "poss" and tok.head.dep_ in _SUBJECTS:
        tok = tok.head
    if tok.dep_ not in _SUBJECTS:
        return False
    verb = tok.head
    while verb.dep_ in _MAIN and verb.head != verb:
        verb = verb.head
    return verb == tok.sent.root


def previous_subject(tok: Token, entity_at: Callable[[Token], Entity | None]) -> Entity | None:
    """The one organisation the sentence before `tok`'s (or the one before it, when that
    one is about people) has as its main subject; `entity_at` says what a token names."""
    doc = tok.doc
    sent = tok.sent
    for _ in range(_LOOK_BACK):
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        subjects = _main_subjects(sent.root)
        if not subjects:
            continue
        named = [(s, entity_at(s)) for s in subjects]
        orgs = {e.key: e for _, e in named if e is not None and e.type == ORGANIZATION}
        if orgs:
            return next(iter(orgs.values())) if len(orgs) == 1 else None
        if not all(
            (e is not None and e.type == PERSON) or s.lower_ in _PERSON_PRONOUNS for s, e in named
        ):
            return None
    return None


def _main_subjects(root: Token) -> list[Token]:
    verbs = [root, *(c for c in root.children if c.dep_ in _MAIN and c.pos_ in ("VERB", "AUX"))]
    # "The Sunday Times reported that TCI had ...": the sentence is about TCI as much as
    # about the paper, so both are candidates (and, being two, resolve nothing); a report
    # put after its words ("..., the LSE said") is the topic's own.
    verbs += [c for v in verbs for c in v.children if c.dep_ == "ccomp" and c.i > v.i]
    return [c for v in verbs for c in v.children if c.dep_ in _SUBJECTS]


def shared_object(tok: Token, entity_at: Callable[[Token], Entity | None]) -> Entity | None:
    """ "quit UKIP and accused it of ...": the organisation that is the object of the verb
    the pronoun's verb is coordinated with."""
    verb = tok.head
    if tok.dep_ != "dobj" or verb.dep_ != "conj":
        return None
    first = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    named = entity_at(first) if first is not None else None
    return named if named is not None and named.type == ORGANIZATION else None
