"""Interactions stated in the passive voice: "X was criticised by Y" (Y criticised X), also
when the passive is an open complement ("X is to be replaced by Y"), a participle clause
("having been owned by Y, X ...", "a shell company, bought by Y") or a conjunct; the
patient may be someone's proposal ("X's assessment was backed by Y": Y backed X). Without
an agent only a passive that names the other party itself says something: "X will be
merged with Y", "X was sold to Y" (Y acquired X). "X did ..., in a move criticised by Y" /
"branded a retreat by Y": Y acted on X through X's move."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from kg.extract.nominals import make_interaction, pobj
from kg.extract.relation_words import VerbSense
from kg.extract.resolver import Resolver
from kg.extract.stance import AGAINST, judged
from kg.extract.targets import holding, on_proposal
from kg.extract.verbs import (
    DESCRIBING,
    clause_subject,
    label,
    lemma,
    noun_lemma,
    passive_agent,
    passive_subject,
    verb_words,
)
from kg.model import AGENTS, PERSON, Fact

# Predicates that relate the two sides alike, so a passive's "with X" is the other side.
_SYMMETRIC = frozenset("kg:mergedWith kg:partneredWith kg:negotiatedWith kg:met".split())
_SUBJECTS = ("nsubj", "nsubjpass")
# "in a move welcomed by X": nouns for the act of the clause they are attached to.
_MOVES = frozenset("move decision step".split())


def in_a_move(verb: Token, senses: Sequence[VerbSense], r: Resolver) -> list[Fact] | None:
    """ "X announced plans, in a move criticised by Y": Y acted on X. None when `verb` does
    not describe such a move (the caller reads it as any other clause)."""
    move = verb.head
    if verb.dep_ != "acl" or noun_lemma(move) not in _MOVES or move.dep_ != "pobj":
        return None
    if move.head.lower_ != "in" or move.head.head.pos_ not in ("VERB", "AUX"):
        return None
    # The parser often hangs "by Y" on the verb's object: the first "by" in the clause.
    by = next((t for t in verb.subtree if t.lower_ == "by" and t.dep_ in ("agent", "prep")), None)
    critic = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
    actor = clause_subject(move.head.head)
    predicates = [s.predicate for s in senses if s.dobj and not s.people_only]
    if lemma(verb) in DESCRIBING:
        said = judged([t for t in verb.subtree if by is None or t.i < by.i])
        predicates += ["kg:criticised" if said[0] == AGAINST else "kg:praised"] if said else []
    facts: list[Fact] = []
    for predicate in predicates[:1]:
        words = [move.head, move, verb, *([by] if by is not None else [])]
        facts += make_interaction(
            r,
            critic,
            r.actor(actor),
            predicate,
            verb,
            words,
            "interaction:passive",
            phrase=f"{verb.text} the move of",
        )
    return facts


def is_passive(verb: Token) -> bool:
    """A passive clause: with an agent ("by X"), a passive subject or a passive auxiliary."""
    return passive_agent(verb) is not None or any(
        c.dep_ in ("nsubjpass", "auxpass") for c in verb.children
    )


def passive_facts(verb: Token, senses: Sequence[VerbSense], r: Resolver) -> list[Fact]:
    """The interactions of a passive clause headed by `verb`."""
    patient = _patient(verb)
    agent = passive_agent(verb)
    if patient is None:
        return []
    if agent is None:
        return _agentless(verb, senses, patient, r)
    facts: list[Fact] = []
    words = [*verb_words(verb), *(c for c in verb.children if c.dep_ == "agent")]
    for sense in (s for s in senses if s.dobj):
        # The statement reads agent -> patient, so its label is the active verb: "X was
        # sued by Y" is Y "sued" X.
        facts += make_interaction(
            r,
            agent,
            holding(patient, r) or patient,
            sense.predicate,
            verb,
            words,
            "interaction:passive",
            phrase=verb.text,
            objects=(PERSON,) if sense.people_only else AGENTS,
        )
        if not sense.people_only:  # "X's assessment was backed by Y"
            facts += on_proposal(r, agent, patient, sense.predicate, verb, passive=True)
    return facts


def _patient(verb: Token) -> Token | None:
    """Who the passive verb acts on: its passive subject, the noun a participle describes
    ("a company bought by X"), or the subject of the clause it completes ("X is to be
    replaced", "X, having been owned by Y", "X was criticised and sacked")."""
    own = passive_subject(verb)
    if own is not None:
        return own
    if verb.dep_ == "acl":
        return verb.head
    if verb.dep_ in ("xcomp", "conj") or (verb.dep_ == "advcl" and verb.tag_ == "VBN"):
        return next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
    return None


def _agentless(verb: Token, senses: Sequence[VerbSense], patient: Token, r: Resolver) -> list[Fact]:
    """ "X will be merged with Y"; "X was sold to Y" -> Y acquired X."""
    facts: list[Fact] = []
    for sense in senses:
        # "was sold to X": the parser reads "to" as a dative as often as a preposition
        for prep in (c for c in verb.children if c.dep_ in ("prep", "dative")):
            other = pobj(prep)
            predicate = dict(sense.preps).get(prep.lower_)
            if other is None or predicate is None:
                continue
            words = [*verb_words(verb), prep]
            if prep.lower_ == "with" and predicate in _SYMMETRIC:
                facts += make_interaction(
                    r, patient, other, predicate, verb, words, "interaction:passive"
                )
            elif sense.predicate == "kg:soldTo" and prep.lower_ == "to":
                facts += make_interaction(
                    r,
                    other,
                    patient,
                    "kg:acquired",
                    verb,
                    words,
                    "interaction:passive",
                    phrase=f"bought from the seller ({label(words)})",
                )
    return facts


def hyphenated(verb: Token, senses: Sequence[VerbSense], r: Resolver) -> list[Fact] | None:
    """ "the Murdoch-owned BSkyB", "the Gazprom-backed firm Rosneft": the name before the
    hyphen acts on the noun the participle describes. None when `verb` is no such
    participle."""
    if verb.dep_ != "amod" or verb.tag_ != "VBN" or verb.i == 0:
        return None
    if verb.doc[verb.i - 1].tag_ != "HYPH":
        return None
    agent = next(
        (c for c in verb.children if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < verb.i),
        None,
    )
    patient = verb.head
    while patient.dep_ in ("amod", "compound") and patient.head.i > patient.i:
        patient = patient.head  # "the Gazprom-backed firm Rosneft": the noun phrase's head
    if (
        patient.i < verb.i
        or r.index.at(patient.i) is None
        and not any(c.dep_ == "appos" and r.index.at(c.i) is not None for c in patient.children)
    ):
        return []  # "Toshiba and NEC-backed HD-DVD": what is backed is no name
    facts: list[Fact] = []
    for sense in (s for s in senses if s.dobj and not s.people_only):
        facts += make_interaction(
            r,
            agent,
            holding(patient, r) or patient,
            sense.predicate,
            verb,
            [verb],
            "interaction:passive",
            phrase=verb.text,
        )
    return facts
