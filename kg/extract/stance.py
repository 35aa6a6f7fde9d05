"""The stance a stated opinion takes on what it is about: for or against.

"X said the ban was ridiculous", "X described the Bill as unworkable", "X said the new laws
could help": an evaluative word predicated of the thing (an adjective or noun after "be",
"described as", "called"; a verb the thing is the subject of) gives the stance. A denied
evaluation ("was not unfair") gives none: kg never turns "not unfair" into "supports".
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.verbs import known, lemma, modality

FOR, AGAINST = "kg:supports", "kg:opposes"

# Evaluative adjectives and nouns, by the stance they express about a plan or a law.
_AGAINST_WORDS = frozenset(
    """ridiculous unworkable unfair unjust draconian unnecessary unenforceable flawed wrong
    dangerous illiberal authoritarian discriminatory disproportionate absurd pointless
    misguided outrageous ill-conceived half-baked rushed botched ineffective useless
    unacceptable undemocratic excessive heavy-handed harsh costly confusing unclear
    shambles disaster mistake nonsense farce fiasco threat attack blow waste travesty
    muddle mess retreat climbdown u-turn unpopular regressive damaging harmful arrogant
    incompetent dishonest hypocritical complacent cowardly liar""".split()
)
_FOR_WORDS = frozenset(
    """right good sensible welcome fair necessary important vital essential proportionate
    effective useful helpful positive balanced reasonable overdue landmark improvement
    success victory boost progressive workable honest courageous brave decent""".split()
)
# Verbs whose subject is the instrument: "the law will help", "the Bill would erode".
_AGAINST_VERBS = known(
    "harm damage erode undermine threaten hurt destroy criminalise criminalize".split()
)
_FOR_VERBS = known("help improve protect benefit safeguard strengthen work succeed".split())
# Verbs that predicate a description of their object: "described the ban as ridiculous".
_DESCRIBING = known("describe call brand label dub deem consider regard".split())


def stance(thing: Token) -> tuple[str, Token] | None:
    """(FOR or AGAINST, the evaluative word) for what the clause around `thing` says of it."""
    verb = thing.head
    if thing.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
        if modality(verb) == "negated":
            return None
        if lemma(verb) == "be":
            return _predicated(verb, ("acomp", "attr"))
        return _polar(verb, _FOR_VERBS, _AGAINST_VERBS, lemma(verb))
    if thing.dep_ == "dobj" and lemma(verb) in _DESCRIBING and modality(verb) != "negated":
        found = _predicated(verb, ("oprd", "acomp", "ccomp", "xcomp"))
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
            found = found or _words(list(prep.subtree)[1:])
        return found
    return None


def _predicated(verb: Token, deps: tuple[str, ...]) -> tuple[str, Token] | None:
    for child in verb.children:
        if child.dep_ in deps:
            found = _words([child, *child.children])
            if found:
                return found
    return None


def judged(tokens: list[Token]) -> tuple[str, Token] | None:
    """(FOR or AGAINST, the word) for the first evaluative word among `tokens`, none when
    they hold a negation: "branded a humiliating retreat"."""
    return _words(tokens)


def _words(tokens: list[Token]) -> tuple[str, Token] | None:
    for tok in tokens:
        if tok.dep_ == "neg":
            return None
    for tok in tokens:
        found = _polar(tok, _FOR_WORDS, _AGAINST_WORDS, tok.lower_)
        if found:
            return found
    return None


def _polar(tok: Token, good: frozenset[str], bad: frozenset[str], word: str):
    if word in good:
        return FOR, tok
    if word in bad:
        return AGAINST, tok
    return None
