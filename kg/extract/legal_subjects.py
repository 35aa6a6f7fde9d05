"""Legal links where the instrument is the subject of the clause ("the bill goes to the
House of Lords", "laws reserved to Westminster", "the Act will cover England", "the Bill
became the Act"), what a court rules on ("ruled the Hunting Act was lawful"), or the agent
of a passive ("not covered by the Act", "Russia is bound by it")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.legal_facts import make_legal
from kg.extract.legal_words import (
    COVERING,
    COVERING_PREPS,
    LEGAL,
    LEGAL_EMPTY,
    LEGAL_VERBS,
    MOTION,
    RULING,
)
from kg.extract.resolver import Resolver
from kg.extract.verbs import clause_subject, lemma, passive_agent, passive_subject, verb_words
from kg.model import Fact


def as_agent(head: Token, r: Resolver) -> list[Fact]:
    """ "not covered by the Act" / "Russia is bound by it": the instrument as the agent."""
    verb = head.head.head
    held = passive_subject(verb) or (verb.head if verb.dep_ == "acl" else None)
    words = [*verb_words(verb), head.head]
    if lemma(verb) in COVERING:
        return make_legal(
            r,
            head,
            held,
            "kg:appliesTo",
            verb,
            words,
            "legal:subject",
            legal_subject=True,
            legal_object=False,
        )
    if lemma(verb) == "bind":
        return make_legal(r, held, head, "kg:compliesWith", verb, words, "legal:subject")
    return []


def as_subject(head: Token, verb: Token, r: Resolver) -> list[Fact]:
    """The instrument is the subject of `verb` (or of a relative clause on it)."""
    vlemma = lemma(verb)
    agent = passive_agent(verb)
    passive = head.dep_ == "nsubjpass" or any(c.dep_ == "nsubjpass" for c in verb.children)
    if agent is not None and passive:
        predicate = LEGAL_VERBS.get(vlemma) or (None if vlemma in LEGAL_EMPTY else LEGAL)
        if predicate:
            return make_legal(r, agent, head, predicate, verb, [*verb_words(verb)], "legal:subject")
        return []
    facts: list[Fact] = []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        body = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if vlemma == "reserve" and prep.lower_ == "to":
            facts += make_legal(
                r,
                head,
                body,
                "kg:reservedTo",
                verb,
                [verb, prep],
                "legal:subject",
                legal_subject=True,
                legal_object=False,
            )
        elif (vlemma, prep.lower_) in COVERING_PREPS and not passive:
            facts += make_legal(
                r,
                head,
                body,
                "kg:appliesTo",
                verb,
                [*verb_words(verb), prep],
                "legal:subject",
                legal_subject=True,
                legal_object=False,
            )
        elif vlemma in MOTION and prep.lower_ in ("to", "through", "before"):
            predicate = "kg:passed" if vlemma == "pass" and prep.lower_ == "through" else LEGAL
            facts += make_legal(
                r, body, head, predicate, verb, [*verb_words(verb), prep], "legal:subject"
            )
    if vlemma in COVERING and not passive:
        covered = next((c for c in verb.children if c.dep_ == "dobj"), None)
        facts += make_legal(
            r,
            head,
            covered,
            "kg:appliesTo",
            verb,
            verb_words(verb),
            "legal:subject",
            legal_subject=True,
            legal_object=False,
        )
    if vlemma == "become":
        act = next((c for c in verb.children if c.dep_ == "attr"), None)
        if act is not None:
            facts += make_legal(
                r, head, act, "kg:enactedAs", verb, [verb], "legal:subject", legal_subject=True
            )
    return facts + (_ruled(head, r) if verb == head.head else [])


def _ruled(head: Token, r: Resolver) -> list[Fact]:
    """ "the Appeal Court ruled the Hunting Act was lawful": the court ruled on it."""
    clause = head.head
    court = clause.head
    if clause.dep_ not in ("ccomp", "oprd") or lemma(court) not in RULING:
        return []
    return make_legal(
        r, clause_subject(court), head, "kg:ruledOn", court, verb_words(court), "legal:subject"
    )
