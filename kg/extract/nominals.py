"""Interactions stated by a noun phrase rather than a verb clause.

- a cue noun and its owner: "Verizon's offer for MCI", "a buyout of MCI by Verizon", "a
  question from X", "the Yukos lawsuit against Y"; "Talks with X will continue, the LSE
  said": talks reported by one side are that side's;
- "talks between X and Y", "a war of words between X and Y";
- someone acting for another or standing to them: "X, lawyer for Y", "X, Y's lawyer",
  "Y's lawyer, X", "X, a critic of Y", "Y's owner X", "speaking on behalf of Y";
- an answer to someone: "In answer to a question from X, Y said ...";
- a stated opinion of someone's act: "X said Y's statement did not clear up the issues".
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from spacy.tokens import Token

from kg.extract.relation_words import (
    BETWEEN_NOUNS,
    FROM_NOUNS,
    INTERACTION_NOUNS,
    INTERACTS,
    OF_BOTH_NOUNS,
    PROPOSALS,
    RELATIONAL_NOUNS,
)
from kg.extract.resolver import Resolver, facts_between
from kg.extract.speech import reporter
from kg.extract.stance import AGAINST, FOR, stance
from kg.extract.verbs import clause_subject, label, lemma, modality, noun_lemma
from kg.model import AGENTS, Fact

_CONFIDENCE = {
    "verb": 0.8,
    "noun": 0.75,
    "passive": 0.8,
    "proposal": 0.65,
    "agent": 0.7,
    "role": 0.65,
    "together": 0.75,
    "owned": 0.7,
    "between": 0.7,
    "behalf": 0.75,
    "reply": 0.7,
    "reported": 0.6,
    "opinion": 0.6,
    "said": 0.6,
}
_REPLIES = frozenset("answer response reply".split())
# "the Guardian's film critic X" works for the Guardian: only "a critic of Y" criticises.
_OF_ONLY = frozenset({"critic"})
# Talks reported by one side are that side's own.
_TWO_SIDED = frozenset("talk negotiation meeting discussion".split())
# Prepositions that place a clause in time around talks: "after talks with Y, X said".
_WHEN = frozenset("after following before during at since".split())


def make_interaction(
    r: Resolver,
    subj: Token | None,
    obj: Token | None,
    predicate: str,
    verb: Token,
    words: list[Token],
    rule: str,
    *,
    phrase: str = "",
    objects: Sequence[str] = AGENTS,
) -> list[Fact]:
    """Facts from the entities named at `subj` to those (of `objects` types) at `obj`;
    `verb` gives the mood."""
    if subj is None or obj is None:
        return []
    mood = modality(verb) if verb.pos_ in ("VERB", "AUX") else ""
    confidence = _CONFIDENCE[rule.split(":")[1].split("-")[0]] * (0.9 if mood else 1.0)
    return facts_between(
        r,
        r.named(subj),
        list(r.named(obj, objects)),
        predicate=predicate,
        rule=rule,
        confidence=confidence,
        words=words,
        phrase=phrase or label(words),
        mood=mood,
    )


def pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def det(noun: Token) -> list[Token]:
    """The determiner and adjectives before a noun, for labels ("an earlier offer")."""
    return [c for c in noun.children if c.dep_ in ("det", "amod") and c.i < noun.i]


def to_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def noun_facts(noun: Token, r: Resolver) -> list[Fact]:
    """Interactions stated by the noun phrase headed by `noun`."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return []
    word = noun_lemma(noun)
    facts: list[Fact] = []
    if word in INTERACTION_NOUNS:
        facts += _owned(noun, word, r)
    if word in BETWEEN_NOUNS:
        facts += _between(noun, BETWEEN_NOUNS[word], r)
    if word in RELATIONAL_NOUNS:
        facts += _relational(noun, r)
    if word in _REPLIES:
        facts += _reply(noun, r)
    if noun.lower_ == "behalf":
        facts += _behalf(noun, r)
    if word in PROPOSALS and noun.dep_ in ("nsubj", "nsubjpass"):
        facts += _opinion(noun, r)
    return facts


def _opinion(noun: Token, r: Resolver) -> list[Fact]:
    """ "X said Y's statement did not clear up the issues": X on Y, through Y's act;
    criticised or praised when the statement evaluates it ("Y's plan was desperate")."""
    # The author is named as such ("Y's", "by Y"); "EU budgets" need not be the EU's own.
    author = next((c for c in noun.children if c.dep_ == "poss"), None)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "by", "from"):
            author = author or pobj(child)
    said = reporter(noun, r) if author is not None and r.entities(author) else None
    if said is None:
        return []
    judged = stance(noun)
    predicate = {AGAINST: "kg:criticised", FOR: "kg:praised"}.get(
        judged[0] if judged else "", INTERACTS
    )
    words = [said[0], noun, *([judged[1]] if judged else [])]
    return make_interaction(
        r,
        said[1],
        author,
        predicate,
        said[0],
        words,
        "interaction:opinion",
        phrase=f"{label([said[0]])} the {noun.text} of"
        + (f" was {judged[1].text}" if judged else ""),
    )


def _owned(noun: Token, word: str, r: Resolver) -> list[Fact]:
    predicate, preps = INTERACTION_NOUNS[word]
    targets = [
        (prep, pobj(prep))
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in preps and pobj(prep) is not None
    ]
    if not targets:
        return []
    owner, rule = _owner(noun, word, r), "interaction:owned"
    if owner is None and word in _TWO_SIDED and noun.dep_ in ("nsubj", "nsubjpass"):
        said = reporter(noun, r)
        owner, rule = (said[1], "interaction:reported") if said else (None, rule)
    mood = noun
    if owner is None and word in _TWO_SIDED and (verb := _framing_verb(noun)) is not None:
        # "After talks with Y, X said ...": the talks are the clause's subject's.
        owner, rule, mood = r.actor(clause_subject(verb)), "interaction:noun", verb
    facts = []
    for prep, target in targets:
        words = [noun, prep]
        facts += make_interaction(r, owner, target, predicate, mood, words, rule)
    return facts


def _framing_verb(noun: Token) -> Token | None:
    """The verb a time phrase around `noun` hangs on: "after / during talks with Y"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _WHEN or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    # "X is after talks with Y" wants them; only what X did around the talks says they met.
    return None if lemma(prep.head) == "be" else prep.head


def _owner(noun: Token, word: str, r: Resolver) -> Token | None:
    """Whose offer, lawsuit or letter: possessor, "by X", "from X", "the Yukos lawsuit"."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound") and child.i < noun.i and r.entities(child):
            return child
        if child.dep_ == "prep" and (
            child.lower_ == "by" or (child.lower_ == "from" and word in FROM_NOUNS)
        ):
            obj = pobj(child)
            if obj is not None and r.entities(obj):
                return obj
    return None


def _between(noun: Token, predicate: str, r: Resolver) -> list[Fact]:
    """ "talks between X and Y", "a merger of X and Y": each side with each other."""
    preps = _near_preps(noun, "between")
    if not preps and noun_lemma(noun) in OF_BOTH_NOUNS:
        preps = [
            c
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of" and (o := pobj(c)) is not None and o.conjuncts
        ]
    for prep in preps:
        sides = r.named(pobj(prep))
        facts = []
        for (a, a_tok), (b, b_tok) in combinations(sides, 2):
            facts += facts_between(
                r,
                [(a, a_tok)],
                [(b, b_tok)],
                predicate=predicate,
                rule="interaction:between",
                confidence=_CONFIDENCE["between"],
                words=[noun, prep],
                phrase=label([noun, prep]),
                mood="",
            )
        return facts
    return []


def _near_preps(noun: Token, word: str) -> list[Token]:
    """Prepositions `word` on the noun or on a noun after it ("a war of words over asylum
    between X and Y")."""
    out: list[Token] = []
    frontier = [noun]
    for _ in range(3):
        nxt: list[Token] = []
        for tok in frontier:
            for prep in (c for c in tok.children if c.dep_ == "prep"):
                obj = pobj(prep)
                if obj is not None and prep.lower_ == word:
                    out.append(prep)
                elif obj is not None:
                    nxt.append(obj)
        frontier = nxt
    return out


def _relational(noun: Token, r: Resolver) -> list[Fact]:
    """ "X, lawyer for Y", "X, a critic of Y", "X, Y's owner", "Y's lawyer, X"."""
    predicate, preps = RELATIONAL_NOUNS[noun_lemma(noun)]
    poss = next((c for c in noun.children if c.dep_ == "poss" and r.entities(c)), None)
    others = [
        (pobj(c), [noun, c])
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in preps and pobj(c) is not None
    ]
    if poss is not None and noun_lemma(noun) not in _OF_ONLY:
        others.append((poss, [noun]))
    rule = "interaction:agent" if predicate == "kg:represented" else "interaction:role"
    named = [noun.head] if noun.dep_ == "appos" else []
    if noun.dep_ == "attr" and noun.head.pos_ in ("VERB", "AUX"):
        # "X was the buyer of Y", "X is a critic of Y": the copula's subject
        named += [c for c in noun.head.children if c.dep_ == "nsubj"]
    named += [c for c in noun.children if c.dep_ == "appos"] if poss is not None else []
    facts: list[Fact] = []
    for one in named:
        for other, words in others:
            phrase = label(words) if len(words) > 1 else f"{noun.text} of"
            facts += make_interaction(
                r,
                one,
                other,
                predicate,
                noun,
                words,
                rule + ("-for" if len(words) > 1 else ""),
                phrase=phrase,
            )
    return facts


def _behalf(noun: Token, r: Resolver) -> list[Fact]:
    """ "speaking on behalf of X", "acting on X's behalf"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "on" or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = prep.head
    client = next((c for c in noun.children if c.dep_ == "poss"), None)
    words = [prep, noun]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of" and pobj(child) is not None:
            client, words = pobj(child), [prep, noun, child]
    actor = r.actor(clause_subject(verb))
    return make_interaction(
        r, actor, client, "kg:represented", verb, [verb, *words], "interaction:behalf"
    )


def _reply(noun: Token, r: Resolver) -> list[Fact]:
    """ "In answer to a question from X, Y said" -> Y answered X."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    for to in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "to"):
        asked = pobj(to)
        author = _owner(asked, noun_lemma(asked), r) if asked is not None else None
        if asked is None or author is None:
            continue
        verb = prep.head
        words = [prep, noun, to, asked]
        return make_interaction(
            r,
            r.actor(clause_subject(verb)),
            author,
            "kg:interactsWith",
            verb,
            [verb, *words],
            "interaction:reply",
            phrase=f"{label(words)} from" if author.dep_ == "pobj" else label(words),
        )
    return []
