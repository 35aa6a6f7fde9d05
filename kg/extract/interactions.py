"""One person or organisation acting on another (wrote to, met, criticised, bought, ...).

Read off the dependency parse. A verb clause: its actor (the subject, inherited across
open complements, raising and purpose clauses, or the agent of a passive, also in "the
company bought by X") and the entity the verb acts on (its object, the object of a
preposition it governs, the possessor of a proposal it acts on: "would not back the Home
Secretary's plans", the holding in "owns 51% of X", or the party behind a cue noun after a
light verb: "held talks with X", also when the parser hangs "with X" on the verb or the
noun is the head of the verb's relative clause: "the agreement Lenovo signed with IBM"; a
state after "in": "is in talks with X"). Noun phrases that state an interaction on their own are
`nominals`' ("Verizon's offer for MCI", "talks between X and Y"). A verb maps to a typed
predicate where its meaning is clear (`relation_words`), to kg:interactsWith otherwise; verbs
that are not in the tables say nothing.

A denied backing ("would not back X's plans") is still a stated position towards X: it is
kept as the negated kg:backed statement, and the pair is linked by kg:interactsWith.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations

from spacy.tokens import Doc, Token

from kg.extract.idioms import IDIOM_VERBS, STATES, asked_of, career, in_state, received, to_court
from kg.extract.nominals import det, make_interaction, noun_facts, pobj, to_infinitive
from kg.extract.relation_words import (
    INTERACTION_NOUNS,
    INTERACTION_VERBS,
    INTERACTS,
    LIGHT_VERBS,
    PROPOSALS,
    SYMMETRIC_LIGHT,
    SYMMETRIC_OBJECTS,
    SYMMETRIC_VERBS,
    VerbSense,
)
from kg.extract.reported import said_of
from kg.extract.resolver import Resolver, facts_between
from kg.extract.speech import REPORTING
from kg.extract.stance import AGAINST, stance
from kg.extract.verbs import (
    clause_subject,
    known,
    label,
    lemma,
    modality,
    noun_lemma,
    passive_agent,
    passive_subject,
    verb_words,
)
from kg.model import AGENTS, PERSON, Entity, Fact
from kg.nlp.tokens import EntityIndex

# "owns 51% of X", "bought a stake in X": the holding stands for the company held.
_HOLDINGS = frozenset("% percent stake share shares majority interest control".split())
# A part of a company stands for it: "own the Fiat unit", "bought Fiat's finance arm".
_PARTS = frozenset("unit arm division subsidiary business operation stake share".split())
# Acting on someone's proposal with these is acting on its author.
_ON_PROPOSALS = frozenset(
    {
        "kg:backed",
        "kg:rejected",
        "kg:criticised",
        "kg:praised",
        "kg:investigated",
        "kg:urged",
        INTERACTS,
    }
)
# Verbs that describe their object: with an evaluation, a criticism or praise.
_DESCRIBING = known("describe call brand label dub".split())
# Every verb that can state an interaction here or in `idioms` / `reported`.
_STATING = frozenset(
    {*INTERACTION_VERBS, *LIGHT_VERBS, *SYMMETRIC_VERBS, *SYMMETRIC_LIGHT, *_DESCRIBING}
    | {*REPORTING, *IDIOM_VERBS}
)
# Writings that "In a ... to X" puts in the hands of the clause's subject.
_WRITTEN = frozenset("letter email".split())
# Adverbs that are a phrasal verb's particle when right after it ("hit back at").
_PARTICLES = frozenset("back out up down over off".split())
# Predicates whose denial is still a position taken towards the other party.
_STANCES = frozenset({"kg:backed"})


def find_interactions(doc: Doc, entities: Sequence[Entity]) -> list[Fact]:
    """Interactions between people and organisations, from the dependency parse."""
    resolver = Resolver(doc, entities, EntityIndex(doc, entities))
    found: dict[tuple[str, str, str], Fact] = {}
    for tok in doc:
        facts = _verb_facts(tok, resolver) if _is_verb(tok) else noun_facts(tok, resolver)
        for fact in facts + _denied_stances(facts):
            key = (fact.subject, fact.predicate, fact.object)
            # One statement per triple: a plain reading beats a hedged or denied one.
            if key not in found or (found[key].modality and not fact.modality):
                found[key] = fact
    return sorted(found.values(), key=lambda f: (f.start, f.predicate, f.object))


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def _denied_stances(facts: list[Fact]) -> list[Fact]:
    return [
        replace(f, predicate=INTERACTS, modality="", rule=f.rule + "-denied")
        for f in facts
        if f.modality == "negated" and f.predicate in _STANCES
    ]


def _senses(verb: Token) -> list[VerbSense]:
    # "hit back at X": the parser sometimes reads the particle as an adverb.
    particles = {
        c.lower_
        for c in verb.children
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in _PARTICLES)
    }
    return [
        s
        for s in INTERACTION_VERBS.get(lemma(verb), [])
        if (s.particle in particles if s.particle else not particles - {"on", "upon"})
    ]


def _verb_facts(verb: Token, r: Resolver) -> list[Fact]:
    if lemma(verb) in STATES:
        return in_state(verb, r)
    if lemma(verb) not in _STATING:
        return []  # most verbs state no interaction: skip the work of finding an actor
    senses = _senses(verb)
    agent = passive_agent(verb)
    if agent is not None:
        patient = passive_subject(verb)
        if patient is None and verb.dep_ == "acl":
            patient = verb.head  # "a shell company, bought by Rosneft"
        facts = []
        for sense in senses:
            if sense.dobj:
                # The statement reads agent -> patient, so its label is the active verb:
                # "X was sued by Y" is Y "sued" X.
                facts += make_interaction(
                    r,
                    agent,
                    patient,
                    sense.predicate,
                    verb,
                    [*verb_words(verb), *_by(verb)],
                    "interaction:passive",
                    phrase=verb.text,
                    objects=(PERSON,) if sense.people_only else AGENTS,
                )
        return facts
    subject = r.actor(clause_subject(verb))
    if subject is None:
        return []
    facts = []
    for sense in senses:
        facts += _sense_facts(verb, sense, subject, r)
    if verb.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in verb.children):
        # "the agreement Lenovo signed with IBM": the noun the clause describes is its object.
        facts += _cue(r, subject, verb.head, verb, [])
    for child in verb.children:
        if child.dep_ == "dobj":
            facts += _cue(r, subject, child, verb, [])
        elif child.dep_ in ("prep", "dative") and (obj := pobj(child)) is not None:
            facts += _cue(r, subject, obj, verb, [child])
    if lemma(verb) == "take":
        facts += to_court(verb, subject, r)
    facts += asked_of(verb, subject, r) + career(verb, subject, r) + received(verb, subject, r)
    facts += _together(verb, subject, r) + _described(verb, subject, r)
    return facts + said_of(verb, subject, r)


def _together(verb: Token, subject: Token, r: Resolver) -> list[Fact]:
    """ "Blair and Bush met", "Nissan and Renault signed a deal": the coordinated subjects
    with each other, when the verb takes no other party."""
    sides = r.named(subject)
    if len(sides) < 2:
        return []
    predicate = SYMMETRIC_VERBS.get(lemma(verb))
    words = verb_words(verb)
    if lemma(verb) in SYMMETRIC_LIGHT:
        noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
        predicate = SYMMETRIC_OBJECTS.get(noun_lemma(noun)) if noun is not None else None
        words = [*words, *([noun] if noun is not None else [])]
    if predicate is None or any(
        (c.dep_ == "dobj" and lemma(verb) not in SYMMETRIC_LIGHT)
        or (c.dep_ == "prep" and c.lower_ in ("with", "to", "against"))
        for c in verb.children
    ):
        return []  # "X and Y met the minister", "X and Y talked to Z": another party
    facts = []
    for (a, a_tok), (b, b_tok) in combinations(sides, 2):
        facts += facts_between(
            r,
            [(a, a_tok)],
            [(b, b_tok)],
            predicate=predicate,
            rule="interaction:together",
            confidence=0.75,
            words=words,
            phrase=label(words),
            mood=modality(verb),
        )
    return facts


def _described(verb: Token, subject: Token, r: Resolver) -> list[Fact]:
    """ "described Blair as arrogant" criticises him; "called him a hero" praises."""
    if lemma(verb) not in _DESCRIBING:
        return []
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    judged = stance(target) if target is not None and r.entities(target) else None
    if judged is None:
        return []
    predicate = "kg:criticised" if judged[0] == AGAINST else "kg:praised"
    words = [*verb_words(verb), judged[1]]
    return make_interaction(r, subject, target, predicate, verb, words, "interaction:verb")


def _sense_facts(verb: Token, sense: VerbSense, subject: Token, r: Resolver) -> list[Fact]:
    facts: list[Fact] = []
    words = verb_words(verb)
    if sense.needs_infinitive:
        # "asked Rosneft to repay", "want the commissioner to investigate"
        done = next(
            (c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and to_infinitive(c)),
            None,
        )
        if done is None:
            return []
        asked = next((c for c in done.children if c.dep_ == "nsubj"), None)
        if asked is not None and not any(c.dep_ == "dobj" for c in verb.children):
            return make_interaction(
                r,
                subject,
                asked,
                sense.predicate,
                verb,
                [*words, asked],
                "interaction:verb",
                phrase=label(words),
            )
    for child in verb.children:
        if child.dep_ == "dobj" and sense.dobj:
            target = _holding(child, r) or child
            facts += make_interaction(
                r,
                subject,
                target,
                sense.predicate,
                verb,
                words,
                "interaction:verb",
                objects=(PERSON,) if sense.people_only else AGENTS,
            )
            if not sense.people_only:
                facts += _proposal(r, subject, child, sense.predicate, verb)
        if child.dep_ in ("prep", "dative"):
            obj = pobj(child)
            predicate = dict(sense.preps).get(child.lower_)
            if obj is not None and predicate:
                facts += make_interaction(
                    r,
                    subject,
                    _holding(obj, r) or obj,
                    predicate,
                    verb,
                    [*words, child],
                    "interaction:verb-prep",
                )
                facts += _proposal(r, subject, obj, sense.predicate, verb, [child])
                if sense.predicate == "kg:soldTo":  # "sold Yugansk to Rosneft"
                    facts += _sold(verb, obj, r)
    return facts


def _sold(verb: Token, buyer: Token, r: Resolver) -> list[Fact]:
    """What is sold to a buyer is acquired by the buyer."""
    sold = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return make_interaction(
        r,
        buyer,
        sold,
        "kg:acquired",
        verb,
        verb_words(verb),
        "interaction:verb-prep",
        phrase=f"bought from the seller ({label(verb_words(verb))} to)",
    )


def _holding(noun: Token, r: Resolver) -> Token | None:
    """ "51% of Yukos", "a stake in X", "the Fiat unit", "Fiat's finance arm" -> the
    company held or whose part is held."""
    word = noun_lemma(noun)
    if noun.lower_ in _HOLDINGS or word in _HOLDINGS:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in") and pobj(prep) is not None:
                return pobj(prep)
    if word in _PARTS and not r.entities(noun):
        for child in noun.children:
            if child.dep_ in ("poss", "compound") and child.i < noun.i and r.entities(child):
                return child
    return None


def _cue(r: Resolver, subject: Token, noun: Token, verb: Token, path: list[Token]) -> list[Fact]:
    """ "wrote ... in a letter to X", "held talks with X", "made an offer for X"."""
    cue = INTERACTION_NOUNS.get(noun_lemma(noun))
    if cue is None:
        return []
    # "In a letter to X, Y said ...": whatever the verb, the letter is the subject's.
    framed = bool(path) and path[0].lower_ == "in" and noun_lemma(noun) in _WRITTEN
    if lemma(verb) not in LIGHT_VERBS and not framed:
        return []
    facts = []
    preps = list(noun.children)
    if not path and not any(s.preps for s in _senses(verb)):
        # "signed a deal with X", "made an offer for X": the parser often hangs the
        # preposition on the verb.
        preps += [c for c in verb.children if c.i > noun.i]
    for prep in preps:
        obj = pobj(prep)
        if prep.dep_ == "prep" and prep.lower_ in cue[1] and obj is not None:
            words = [*verb_words(verb), *path, *det(noun), noun, prep]
            phrase = f"{label(verb_words(verb))} {label([*path, *det(noun), noun, prep])}"
            facts += make_interaction(
                r, subject, obj, cue[0], verb, words, "interaction:noun", phrase=phrase
            )
            # "paid tribute to Kerry's campaign": to Kerry, through his campaign
            facts += _proposal(r, subject, obj, cue[0], verb, [*path, *det(noun), noun, prep])
    if cue[0] == "kg:praised":  # "sent Mr Bush his congratulations"
        for dative in (c for c in verb.children if c.dep_ == "dative" and not c.children):
            facts += make_interaction(
                r, subject, dative, cue[0], verb, [*verb_words(verb), noun], "interaction:noun"
            )
    return facts


def _proposal(
    r: Resolver,
    subject: Token,
    noun: Token,
    predicate: str,
    verb: Token,
    path: Sequence[Token] = (),
) -> list[Fact]:
    """ "would not back the Home Secretary's plans" -> the plans' author."""
    if predicate not in _ON_PROPOSALS or noun_lemma(noun) not in PROPOSALS:
        return []
    for child in noun.children:
        author = child if child.dep_ in ("poss", "compound") and child.i < noun.i else None
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
            author = pobj(child)
        if author is not None and r.entities(author):
            words = [*verb_words(verb), *path, *det(noun), noun]
            phrase = (
                f"{label([*verb_words(verb), *path])} the {noun.text} of"
                if child.dep_ in ("poss", "compound")
                else label([*words, child])
            )
            return make_interaction(
                r, subject, author, predicate, verb, words, "interaction:proposal", phrase=phrase
            )
    return []


def _by(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "agent"]
