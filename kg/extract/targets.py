"""What a verb acts on when its object is not a name: the author of a proposal ("would not
back the Home Secretary's plans"), the company held ("owns 51% of X", "a stake in X") or the
company a part belongs to ("bought Fiat's finance arm", "lent to an arm of X")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from kg.extract.nominals import det, make_interaction, pobj
from kg.extract.relation_words import INTERACTS, PROPOSALS
from kg.extract.resolver import Resolver
from kg.extract.verbs import label, noun_lemma, verb_words
from kg.model import Fact

# "owns 51% of X", "bought a stake in X": the holding stands for the company held.
_HOLDINGS = frozenset("% percent stake share shares majority interest control".split())
# A part of a company stands for it: "own the Fiat unit", "bought Fiat's finance arm".
_PARTS = frozenset("unit arm division subsidiary business operation stake share".split())
# Parts that name their company after "of" too: "a unit of HBOS" (not "the business of").
_PARTS_OF = frozenset("unit arm division subsidiary".split())
# Acting on someone's proposal with these is acting on its author.
_ON_PROPOSALS = frozenset(
    {
        "kg:backed",
        "kg:rejected",
        "kg:criticised",
        "kg:praised",
        "kg:investigated",
        "kg:urged",
        "kg:funded",  # "helped bankroll the party's campaign"
        INTERACTS,
    }
)


def holding(noun: Token, r: Resolver) -> Token | None:
    """ "51% of Yukos", "a stake in X", "the Fiat unit", "Fiat's finance arm", "an arm of
    X" -> the company held or whose part is held."""
    word = noun_lemma(noun)
    if noun.lower_ in _HOLDINGS or word in _HOLDINGS:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in") and pobj(prep) is not None:
                held = pobj(prep)
                # "20% of Fiat's auto division": the part held stands for its company
                inner = _part_of(held, r) if held is not None and not r.entities(held) else None
                return inner or held
    return _part_of(noun, r)


def _part_of(noun: Token, r: Resolver) -> Token | None:
    """ "Fiat's finance arm", "the Fiat unit", "a unit of HBOS" -> the company."""
    word = noun_lemma(noun)
    if any(c.lower_ in ("former", "ex") for c in noun.children):
        return None  # "Yukos' former production unit" is no longer Yukos's
    if word in _PARTS and not r.entities(noun):
        for child in noun.children:
            if child.dep_ in ("poss", "compound") and child.i < noun.i and r.entities(child):
                return child
            if child.dep_ == "prep" and child.lower_ == "of" and word in _PARTS_OF:
                owner = pobj(child)
                if owner is not None and r.entities(owner):
                    return owner
    return None


def on_proposal(
    r: Resolver,
    subject: Token,
    noun: Token,
    predicate: str,
    verb: Token,
    path: Sequence[Token] = (),
    *,
    passive: bool = False,
) -> list[Fact]:
    """ "would not back the Home Secretary's plans" -> the plans' author; `passive`: the
    noun is the passive's subject ("X's plan was attacked by Y"), labelled in the active."""
    if predicate not in _ON_PROPOSALS or noun_lemma(noun) not in PROPOSALS:
        return []
    for child in noun.children:
        # "the Home Secretary's plans", "Labour plans", "the Tory plans" (an adjective)
        before = child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < noun.i
        author = child if before else None
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
            author = pobj(child)
        if author is not None and r.entities(author):
            acted = [verb] if passive else verb_words(verb)
            words = [*acted, *path, *det(noun), noun]
            phrase = (
                f"{label([*acted, *path])} the {noun.text} of" if before else label([*words, child])
            )
            return make_interaction(
                r, subject, author, predicate, verb, words, "interaction:proposal", phrase=phrase
            )
    return []


def inquired(prep: Token) -> Token | None:
    """What an inquiry is into: its object, or the subject of a question clause after the
    preposition ("an investigation into whether X is receiving aid", "look into how X uses
    its call centres"): the inquiry is into X's doing."""
    obj = pobj(prep)
    if obj is not None:
        return obj
    clause = next((c for c in prep.children if c.dep_ == "pcomp"), None)
    if clause is None or not any(
        c.lower_ in _QUESTION_WORDS and c.dep_ in ("mark", "advmod") for c in clause.children
    ):
        return None
    return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)


_QUESTION_WORDS = frozenset("whether if how why".split())
