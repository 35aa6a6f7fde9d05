"""One person or organisation acting on another (wrote to, met, criticised, bought, ...).

Read off the dependency parse. A verb clause: its actor (the subject, inherited across
open complements, raising and purpose clauses; passives are `passives`') and the entity
the verb acts on (its object, the payee of "paid the SEC $250m", the object of a
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

from kg.extract.echoes import with_echoes
from kg.extract.idioms import (
    IDIOM_VERBS,
    STATES,
    asked_of,
    called_for,
    career,
    in_state,
    received,
    replaced_with,
    to_court,
)
from kg.extract.nominals import det, make_interaction, noun_facts, pobj, to_infinitive
from kg.extract.passives import hyphenated, in_a_move, is_passive, passive_facts
from kg.extract.relation_words import (
    INTERACTION_NOUNS,
    INTERACTION_VERBS,
    INTERACTS,
    LIGHT_VERBS,
    SYMMETRIC_LIGHT,
    SYMMETRIC_OBJECTS,
    SYMMETRIC_VERBS,
    VerbSense,
)
from kg.extract.reported import said_of
from kg.extract.resolver import Resolver, facts_between
from kg.extract.speech import REPORTING
from kg.extract.stance import AGAINST, stance
from kg.extract.targets import holding, inquired, on_proposal
from kg.extract.verbs import (
    DESCRIBING,
    clause_subject,
    coordinated_object,
    known,
    label,
    lemma,
    modality,
    noun_lemma,
    verb_words,
)
from kg.model import AGENTS, ORGANIZATION, PERSON, Entity, Fact, Quote
from kg.nlp.tokens import EntityIndex

# Every verb that can state an interaction here or in `idioms` / `reported`.
_STATING = frozenset(
    {*INTERACTION_VERBS, *LIGHT_VERBS, *SYMMETRIC_VERBS, *SYMMETRIC_LIGHT, *DESCRIBING}
    | {*REPORTING, *IDIOM_VERBS}
)
# Writings that "In a ... to X" puts in the hands of the clause's subject.
_WRITTEN = frozenset("letter email".split())
# Adverbs that are a phrasal verb's particle when right after it ("hit back at").
_PARTICLES = frozenset("back out up down over off".split())
# Verbs whose bare second object is who receives the money: "paid the SEC $250m".
_PAYING = known("pay lend loan".split())
# Verbs whose preposition on the object counts only when the object is a sum.
_MONEY_VERBS = _PAYING | known(["invest"])
# Prepositions that name a recipient only after a sum: "paid $2m to X", not "paid tribute to".
_AFTER_AMOUNT = frozenset({("pay", "to")})
_AMOUNTS = frozenset("MONEY PERCENT QUANTITY CARDINAL".split())
# Predicates whose denial is still a position taken towards the other party.
_STANCES = frozenset({"kg:backed"})


def find_interactions(
    doc: Doc, entities: Sequence[Entity], quotes: Sequence[Quote] = ()
) -> list[Fact]:
    """Interactions between people and organisations, from the dependency parse; `quotes`
    say who "I" and "we" are inside them."""
    # A name the tagger missed here is still the entity the article names so elsewhere.
    entities = with_echoes(doc, entities)
    resolver = Resolver(doc, entities, EntityIndex(doc, entities), quotes)
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
    if (moved := in_a_move(verb, senses, r)) is not None:
        return moved
    if (described := hyphenated(verb, senses, r)) is not None:
        return described
    if is_passive(verb):
        return passive_facts(verb, senses, r)
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
    facts += called_for(verb, subject, r) + replaced_with(verb, r)
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
    if lemma(verb) not in DESCRIBING:
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
    if sense.organisations_only and not r.entities(subject, (ORGANIZATION,)):
        return facts
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
    amount = next((c for c in verb.children if c.dep_ == "dobj" and _is_amount(c)), None)
    # "invest 2bn rupees in X": the parser often hangs the preposition on the amount; so it
    # does on any object ("negotiate a settlement with X", "sold its stake to X"), but money
    # is only read off a sum ("paid the bills for X" buys nothing, "invested time in X").
    objects = [c for c in verb.children if c.dep_ == "dobj" and c is not amount]
    children = [*verb.children, *(amount.children if amount is not None else ())]
    children += [shared] if (shared := coordinated_object(verb)) is not None else []
    if lemma(verb) not in _MONEY_VERBS:
        children += [p for o in objects for p in o.children if p.dep_ == "prep" and p.i > o.i]
    for child in children:
        if child.dep_ == "dobj" and sense.dobj:
            target = holding(child, r) or child
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
                facts += on_proposal(r, subject, child, sense.predicate, verb)
        if child.dep_ == "dative" and child.pos_ in ("NOUN", "PROPN") and lemma(verb) in _PAYING:
            # "had to pay the SEC $250m", "lent Gazprom the money"
            facts += make_interaction(
                r, subject, child, sense.predicate, verb, words, "interaction:verb"
            )
        if child.dep_ in ("prep", "dative"):
            predicate = dict(sense.preps).get(child.lower_)
            obj = inquired(child) if predicate == "kg:investigated" else pobj(child)
            if (lemma(verb), child.lower_) in _AFTER_AMOUNT and amount is None:
                predicate = None  # "paid tribute to X", "paid a visit to X": no payment
            if obj is not None and predicate:
                facts += make_interaction(
                    r,
                    subject,
                    holding(obj, r) or obj,
                    predicate,
                    verb,
                    [*words, child],
                    "interaction:verb-prep",
                )
                facts += on_proposal(r, subject, obj, sense.predicate, verb, [child])
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
    if not path:
        # "signed a deal with X", "paid tribute to X": the parser often hangs the
        # preposition on the verb; one the verb itself reads is the verb's.
        own = {p for s in _senses(verb) for p, _ in s.preps}
        own -= {p for v, p in _AFTER_AMOUNT if v == lemma(verb)}
        preps += [c for c in verb.children if c.i > noun.i and c.lower_ not in own]
    for prep in preps:
        obj = inquired(prep) if cue[0] == "kg:investigated" else pobj(prep)
        if prep.dep_ in ("prep", "dative") and prep.lower_ in cue[1] and obj is not None:
            words = [*verb_words(verb), *path, *det(noun), noun, prep]
            phrase = f"{label(verb_words(verb))} {label([*path, *det(noun), noun, prep])}"
            facts += make_interaction(
                r, subject, obj, cue[0], verb, words, "interaction:noun", phrase=phrase
            )
            # "paid tribute to Kerry's campaign": to Kerry, through his campaign
            facts += on_proposal(r, subject, obj, cue[0], verb, [*path, *det(noun), noun, prep])
    if cue[0] == "kg:praised":  # "sent Mr Bush his congratulations"
        for dative in (c for c in verb.children if c.dep_ == "dative" and not c.children):
            facts += make_interaction(
                r, subject, dative, cue[0], verb, [*verb_words(verb), noun], "interaction:noun"
            )
    return facts


def _is_amount(noun: Token) -> bool:
    """ "$250m", "2.47bn rupees": the noun is a sum, or a number or currency sign is on it
    (not "a 10% stake", whose head is the stake)."""
    return any(
        t.ent_type_ in _AMOUNTS or t.like_num or t.tag_ in ("CD", "$")
        for t in (
            noun,
            *(c for c in noun.children if c.dep_ in ("nummod", "quantmod", "compound", "nmod")),
        )
    ) and noun.lower_ not in ("stake", "%", "percent", "share", "shares")
