"""Interactions stated in reported speech about another: "X said Y should resign" urges
Y; "X said Y had failed to ...", "X said Y was wrong" criticise Y ("... was right"
praises)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.nominals import make_interaction, to_infinitive
from kg.extract.resolver import Resolver
from kg.extract.speakers import FIRST_PERSON
from kg.extract.speech import REPORTING
from kg.extract.stance import AGAINST, FOR, stance
from kg.extract.verbs import known, lemma, modality, verb_words
from kg.model import Fact

# "X said Y should ...": what X says Y must do.
_OUGHT = frozenset("should must ought".split())
known(["need"])  # "Y needs to ..." reaches the lemma "need"
# "Y will need to ...": what X expects, not what X asks of Y.
_FORECAST = frozenset("will would 'll".split())
# What X says Y did badly: "X said Y had failed to ...".
_FAULTS = known(
    """fail mislead lie betray bungle ignore abandon neglect squander deceive cheat
    mismanage botch dither lack""".split()
)


def said_of(verb: Token, subject: Token, r: Resolver) -> list[Fact]:
    """ "X said Y should resign" urges Y; "X said Y had failed to ...", "... Y was wrong"
    criticises Y ("... Y was right" praises): what X says Y must do or did badly."""
    if lemma(verb) not in REPORTING:
        return []
    facts = []
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        other = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if other is None or modality(clause) == "negated" or not r.entities(other):
            continue
        if subject.lower_ in FIRST_PERSON and other.pos_ == "PRON":
            continue  # 'I think he needs to ...' in a quotation: "he" is the quotation's
        predicate = None
        auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if auxes & _OUGHT and "have" in auxes:
            predicate = "kg:criticised"  # "should have volunteered a statement"
        elif auxes & _OUGHT or (
            lemma(clause) == "need"
            and any(c.dep_ == "xcomp" and to_infinitive(c) for c in clause.children)
            and not auxes & _FORECAST  # "Y will need to raise taxes" is a forecast
        ):
            predicate = "kg:urged"
        elif lemma(clause) in _FAULTS:
            predicate = "kg:criticised"
        elif lemma(clause) == "be":  # "X said Y was wrong"
            judged = stance(other)
            predicate = {AGAINST: "kg:criticised", FOR: "kg:praised"}.get(
                judged[0] if judged else "", None
            )
        if predicate is not None:
            facts += make_interaction(
                r,
                subject,
                other,
                predicate,
                verb,
                [*verb_words(verb), clause],
                "interaction:said",
            )
    return facts
