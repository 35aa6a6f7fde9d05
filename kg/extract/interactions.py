"""One person or organisation acting on another (wrote to, met, criticised, ...).

Read off the dependency parse: the clause's actor (its subject, or the agent of a passive)
and the entity the verb acts on (its object, the object of a preposition the verb governs,
or the entity behind a cue noun: "in a letter to X", "held talks with X"). A verb maps to a
typed predicate where its meaning is clear, to kg:interactsWith otherwise; verbs that are
not in the lexicon say nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from kg.extract.verbs import (
    Resolver,
    clause_subject,
    facts_between,
    known,
    label,
    lemma,
    modality,
    noun_lemma,
    passive_agent,
    passive_subject,
    verb_words,
)
from kg.model import Entity, Fact
from kg.nlp.tokens import EntityIndex

_INTERACTS = "kg:interactsWith"


def _lexicon(spec: str) -> dict[str, tuple[str, bool, frozenset[str]]]:
    """ "lemma,lemma predicate dobj|- prep,prep" lines -> lemma: (predicate, dobj, preps)."""
    table = {}
    for line in spec.strip().splitlines():
        lemmas, predicate, dobj, preps = line.split()
        for word in known(lemmas.split(",")):
            table[word] = (predicate, dobj == "dobj", frozenset(preps.split(",")) - {"-"})
    return table


# Whether the acted-on entity may be the direct object, and which prepositions lead to it.
_VERBS = _lexicon(
    """
    write kg:wroteTo - to
    meet kg:met dobj with
    talk kg:met - with,to
    criticise,criticize,condemn,attack,slam,blast,rebuke,censure,lambast kg:criticised dobj -
    ridicule,mock,deride,denounce,castigate,berate kg:criticised dobj -
    urge,press,lobby kg:urged dobj -
    call kg:urged - on,upon
    appeal kg:urged - to
    accuse,blame kg:accused dobj -
    sue kg:sued dobj -
    appoint,nominate,hire kg:appointed dobj -
    fund,finance,bankroll,sponsor kg:funded dobj -
    back,support,endorse,champion kg:backed dobj -
    reject,rebuff,snub,overrule kg:rejected dobj -
    praise,thank,congratulate,warn,defeat,beat,sack,fire kg:interactsWith dobj -
    represent,visit,phone kg:interactsWith dobj -
    contact,invite,threaten,challenge,advise,consult,replace,oppose,arrest kg:interactsWith dobj -
    negotiate,clash,side kg:interactsWith - with
    complain kg:interactsWith - to
    """
)

# Nouns that carry the relation themselves: "in a letter to X", "held talks with X".
_NOUNS = {
    "letter": ("kg:wroteTo", frozenset({"to"})),
    "talk": ("kg:met", frozenset({"with"})),
    "meeting": ("kg:met", frozenset({"with"})),
    "discussion": ("kg:met", frozenset({"with"})),
    "negotiation": ("kg:met", frozenset({"with"})),
    "call": ("kg:urged", frozenset({"on", "upon"})),
    "appeal": ("kg:urged", frozenset({"to"})),
    "criticism": ("kg:criticised", frozenset({"of"})),
    "attack": ("kg:criticised", frozenset({"on"})),
    "backing": ("kg:backed", frozenset({"for"})),
}

# An agent standing for another: "X, the lawyer representing Y"; "X, lawyer for Y".
_AGENT_NOUNS = frozenset("lawyer solicitor barrister counsel advocate representative".split())

# "backed the Home Secretary's plans": acting on a proposal is acting on its author.
_PROPOSALS = frozenset(
    "plan proposal idea call bid policy comment remark claim decision move suggestion".split()
)
_ON_PROPOSALS = frozenset({"kg:backed", "kg:rejected", "kg:criticised", "kg:interactsWith"})

_CONFIDENCE = {"verb": 0.8, "noun": 0.75, "passive": 0.8, "proposal": 0.65, "agent": 0.7}


def find_interactions(doc: Doc, entities: Sequence[Entity]) -> list[Fact]:
    """Interactions between people and organisations, from the dependency parse."""
    resolver = Resolver(doc, entities, EntityIndex(doc, entities))
    found: dict[tuple[str, str, str], Fact] = {}
    for tok in doc:
        for fact in _facts_at(tok, resolver):
            key = (fact.subject, fact.predicate, fact.object)
            # One statement per triple: a plain reading beats a hedged or denied one.
            if key not in found or (found[key].modality and not fact.modality):
                found[key] = fact
    return sorted(found.values(), key=lambda f: (f.start, f.predicate, f.object))


def _facts_at(tok: Token, r: Resolver) -> list[Fact]:
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        return _verb_facts(tok, r)
    if noun_lemma(tok) in _AGENT_NOUNS and tok.dep_ == "appos":
        return _agent_facts(tok, r)
    return []


def _verb_facts(verb: Token, r: Resolver) -> list[Fact]:
    facts: list[Fact] = []
    entry = _VERBS.get(lemma(verb))
    agent = passive_agent(verb)
    if agent is not None:
        if entry and entry[1]:
            facts += _make(
                r,
                agent,
                passive_subject(verb),
                entry[0],
                verb,
                [*verb_words(verb), *_by(verb)],
                "interaction:passive",
                # The statement reads agent -> patient, so its label is the active verb:
                # "X was sued by Y" is Y "sued" X.
                phrase=verb.text,
            )
        return facts
    subject = _actor(clause_subject(verb), r)
    if subject is None:
        return facts
    for child in verb.children:
        if entry and child.dep_ == "dobj" and entry[1]:
            facts += _make(r, subject, child, entry[0], verb, verb_words(verb), "interaction:verb")
            facts += _proposal(r, subject, child, entry[0], verb)
        if child.dep_ in ("prep", "dative"):
            obj = _pobj(child)
            if entry and child.lower_ in entry[2] and obj is not None:
                facts += _make(
                    r,
                    subject,
                    obj,
                    entry[0],
                    verb,
                    [*verb_words(verb), child],
                    "interaction:verb-prep",
                )
            if obj is not None:
                facts += _noun_cue(r, subject, obj, verb, [child])
        if child.dep_ == "dobj":
            facts += _noun_cue(r, subject, child, verb, [])
    return facts


def _noun_cue(
    r: Resolver, subject: Token, noun: Token, verb: Token, path: list[Token]
) -> list[Fact]:
    """ "wrote ... in a letter to X", "held talks with X", "repeated his call on X"."""
    cue = _NOUNS.get(noun_lemma(noun))
    if cue is None:
        return []
    facts = []
    for prep in noun.children:
        obj = _pobj(prep)
        if prep.dep_ == "prep" and prep.lower_ in cue[1] and obj is not None:
            words = [*verb_words(verb), *path, *_det(noun), noun, prep]
            phrase = f"{label(verb_words(verb))} {label([*path, *_det(noun), noun, prep])}"
            facts += _make(r, subject, obj, cue[0], verb, words, "interaction:noun", phrase=phrase)
    return facts


def _proposal(r: Resolver, subject: Token, noun: Token, predicate: str, verb: Token) -> list[Fact]:
    """ "would not back the Home Secretary's plans" -> the plans' author."""
    if predicate not in _ON_PROPOSALS or noun_lemma(noun) not in _PROPOSALS:
        return []
    for child in noun.children:
        author = child if child.dep_ == "poss" else None
        if child.dep_ == "prep" and child.lower_ == "of":
            author = _pobj(child)
        if author is not None and r.entities(author):
            words = [*verb_words(verb), *_det(noun), noun]
            phrase = (
                f"{label(verb_words(verb))} the {noun.text} of"
                if child.dep_ == "poss"
                else label([*words, child])
            )
            return _make(
                r, subject, author, predicate, verb, words, "interaction:proposal", phrase=phrase
            )
    return []


def _agent_facts(noun: Token, r: Resolver) -> list[Fact]:
    """ "X, lawyer for Y" / "X, the lawyer representing Y": X acts for Y."""
    facts = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "for" and _pobj(child) is not None:
            facts += _make(
                r, noun.head, _pobj(child), _INTERACTS, noun, [noun, child], "interaction:agent-for"
            )
    return facts


def _actor(tok: Token | None, r: Resolver) -> Token | None:
    # "Louise Christian, the lawyer representing ..." -> the named person.
    if tok is not None and not r.entities(tok) and tok.dep_ == "appos":
        return tok.head
    return tok


def _make(
    r: Resolver,
    subj: Token | None,
    obj: Token | None,
    predicate: str,
    verb: Token,
    words: list[Token],
    rule: str,
    *,
    phrase: str = "",
) -> list[Fact]:
    if subj is None or obj is None:
        return []
    mood = modality(verb) if verb.pos_ != "NOUN" else ""
    confidence = _CONFIDENCE[rule.split(":")[1].split("-")[0]] * (0.9 if mood else 1.0)
    return facts_between(
        r,
        r.named(subj),
        list(r.named(obj)),
        predicate=predicate,
        rule=rule,
        confidence=confidence,
        words=words,
        phrase=phrase or label(words),
        mood=mood,
    )


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _by(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "agent"]


def _det(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ in ("det", "amod") and c.i < noun.i]
