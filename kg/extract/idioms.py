"""Set phrasings that state an interaction: "took X to court", "launched the careers of
X", "called for an investigation by X" (asking for someone's act urges them), "came under
fire from X", "faces an investigation by X" (the subject is on the receiving end)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.nominals import det, make_interaction, pobj, to_infinitive
from kg.extract.relation_words import INTERACTION_NOUNS, INTERACTS
from kg.extract.resolver import Resolver
from kg.extract.verbs import clause_subject, known, label, lemma, noun_lemma, verb_words
from kg.model import Fact

# "called for an investigation by X": asking for an act of X's urges X.
_ASKING = known("call press push ask appeal demand urge seek want".split())
_ACTS = frozenset(
    """investigation inquiry review probe ruling decision statement apology intervention
    response explanation action""".split()
)
# Verbs that act on a person through their career.
_CAREER_VERBS = known("launch boost revive end ruin wreck destroy save kick-start relaunch".split())
# "came under fire from X", "faced criticism from X", "received a letter from X": the
# subject is on the receiving end of the other's act.
# "agreed a takeover by X", "accepted an offer from X": the subject is the one taken over.
_RECEIVING = known("come face receive get draw attract agree accept".split())
# What one comes under from another: the act it stands for.
_UNDER = {
    "fire": "kg:criticised",
    "attack": "kg:criticised",
    "criticism": "kg:criticised",
    "pressure": "kg:urged",
    "investigation": "kg:investigated",
    "scrutiny": "kg:investigated",
}
# Verbs of being in a state with another party: "is in talks with X".
STATES = known("be remain stay".split())
_STATE_NOUNS = {
    "talk": "kg:met",
    "negotiation": "kg:negotiatedWith",
    "discussion": "kg:met",
    "dispute": INTERACTS,
    "partnership": "kg:partneredWith",
    "alliance": "kg:partneredWith",
    "contact": INTERACTS,
    "competition": INTERACTS,
}
# "called for X to act", "pressed for X to resign": asking that X act urges X.
_CALLING_FOR = known("call press push appeal".split())
# Every verb these phrasings start from.
IDIOM_VERBS = _ASKING | _CAREER_VERBS | _RECEIVING | _CALLING_FOR | known(["take", "replace"])


def asked_of(verb: Token, subject: Token, r: Resolver) -> list[Fact]:
    """ "called for an investigation by the commissioner", "demanding an apology from the
    Tories": asking for someone's act urges them."""
    if lemma(verb) not in _ASKING:
        return []
    facts = []
    for child in verb.children:
        noun = pobj(child) if child.dep_ == "prep" and child.lower_ == "for" else None
        noun = child if child.dep_ == "dobj" else noun
        if noun is None or noun_lemma(noun) not in _ACTS:
            continue
        for by in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")):
            path = [child] if child != noun else []
            words = [*verb_words(verb), *path, *det(noun), noun, by]
            facts += make_interaction(
                r, subject, pobj(by), "kg:urged", verb, words, "interaction:verb-prep"
            )
    return facts


def career(verb: Token, subject: Token, r: Resolver) -> list[Fact]:
    """ "launched the careers of X and Y", "ended Y's career"."""
    if lemma(verb) not in _CAREER_VERBS:
        return []
    facts = []
    for noun in (c for c in verb.children if c.dep_ == "dobj" and noun_lemma(c) == "career"):
        for child in noun.children:
            whose = child if child.dep_ == "poss" else None
            if child.dep_ == "prep" and child.lower_ == "of":
                whose = pobj(child)
            words = [*verb_words(verb), *det(noun), noun]
            facts += make_interaction(
                r,
                subject,
                whose,
                INTERACTS,
                verb,
                words,
                "interaction:verb",
                phrase=f"{label(words)} of",
            )
    return facts


def to_court(verb: Token, subject: Token, r: Resolver) -> list[Fact]:
    """ "took X to court" sues X."""
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    for prep in verb.children:
        court = pobj(prep) if prep.dep_ == "prep" and prep.lower_ == "to" else None
        if dobj is not None and court is not None and court.lower_ == "court":
            words = [*verb_words(verb), prep, court]
            return make_interaction(r, subject, dobj, "kg:sued", verb, words, "interaction:verb")
    return []


def received(verb: Token, subject: Token, r: Resolver) -> list[Fact]:
    """ "X came under fire from Y", "X faces an investigation by Y", "X received a letter
    from Y": Y acted on X (Y criticised, investigated, wrote to X)."""
    if lemma(verb) not in _RECEIVING:
        return []
    facts = []
    # "faces lawsuits and a probe by X": each object in turn.
    objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    for child in [*(c for c in verb.children if c.dep_ != "dobj"), *objects]:
        noun, predicate = None, None
        if child.dep_ == "prep" and child.lower_ == "under" and lemma(verb) == "come":
            noun = pobj(child)
            predicate = _UNDER.get(noun_lemma(noun)) if noun is not None else None
        elif child in objects and lemma(verb) != "come":
            noun = child
            # "faces pressure from rivals" is competition, not urging: only "under pressure".
            competing = noun_lemma(noun) == "pressure"
            cue = INTERACTION_NOUNS.get(noun_lemma(noun)) if not competing else None
            under = _UNDER.get(noun_lemma(noun)) if not competing else None
            predicate = (cue[0] if cue is not None else None) or under
        if noun is None or predicate is None:
            continue
        # The actor's preposition hangs on the noun or, as the parser often has it, the verb.
        preps = [*noun.children, *(c for c in verb.children if c.i > noun.i)]
        for by in (c for c in preps if c.dep_ == "prep" and c.lower_ in ("from", "by")):
            words = [*verb_words(verb), *([child] if child != noun else []), *det(noun), noun, by]
            facts += make_interaction(
                r, pobj(by), subject, predicate, verb, words, "interaction:noun-received"
            )
    return facts


def in_state(verb: Token, r: Resolver) -> list[Fact]:
    """ "Microsoft is in talks with Yahoo", "remains in dispute with X": a state named by a
    cue noun after "in" is the subject's interaction with the other party; "X is under
    pressure from Y" (Y urged X), "under fire from Y", "under investigation by Y"."""
    facts: list[Fact] = _under(verb, r)
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        noun = pobj(prep)
        if noun is None or noun_lemma(noun) not in _STATE_NOUNS:
            continue
        subject = r.actor(clause_subject(verb))
        if subject is None:
            return []
        predicate = _STATE_NOUNS[noun_lemma(noun)]
        for other in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"):
            words = [*verb_words(verb), prep, noun, other]
            facts += make_interaction(
                r, subject, pobj(other), predicate, verb, words, "interaction:noun"
            )
    return facts


def called_for(verb: Token, subject: Token, r: Resolver) -> list[Fact]:
    """ "called for X to hold a meeting" (X after "for", or the infinitive's subject with
    "for" as its marker): asking that X act urges X."""
    if lemma(verb) not in _CALLING_FOR:
        return []
    acts = [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "ccomp") and to_infinitive(c)]
    facts = []
    for act in acts:
        asked = None
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in act.children):
            asked = next((c for c in act.children if c.dep_ == "nsubj"), None)
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"):
            if (obj := pobj(prep)) is not None and prep.i < act.i:
                asked = obj
        if asked is not None:
            words = [*verb_words(verb), *(t for t in verb.children if t.lower_ == "for")]
            words += [t for t in act.children if t.lower_ == "for"]
            facts += make_interaction(
                r, subject, asked, "kg:urged", verb, words, "interaction:verb-prep"
            )
    return facts


def replaced_with(verb: Token, r: Resolver) -> list[Fact]:
    """ "replaced X with Y": Y replaced X, whoever made the change."""
    if lemma(verb) != "replace":
        return []
    old = next((c for c in verb.children if c.dep_ == "dobj"), None)
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        words = [*verb_words(verb), prep]
        return make_interaction(
            r,
            pobj(prep),
            old,
            "kg:replaced",
            verb,
            words,
            "interaction:verb-prep",
            phrase="replaced",
        )
    return []


def _under(verb: Token, r: Resolver) -> list[Fact]:
    facts: list[Fact] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"):
        noun = pobj(prep)
        predicate = _UNDER.get(noun_lemma(noun)) if noun is not None else None
        if noun is None or predicate is None:
            continue
        subject = r.actor(clause_subject(verb))
        for by in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")):
            words = [*verb_words(verb), prep, noun, by]
            facts += make_interaction(
                r, pobj(by), subject, predicate, verb, words, "interaction:noun-received"
            )
    return facts
