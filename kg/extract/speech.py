"""Who reports a clause: "X said ...", "..., X argued", "According to X, ...".

The relation finders use the reporter of a clause as the owner of an opinion stated in it
("Davies said the bill had been badly drawn up"), never when another named actor's clause
comes in between ("X said Y opposes the bill" is Y's stance, not X's).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.resolver import Resolver
from kg.extract.verbs import SPEECH, clause_subject, known, lemma

# Verbs that report what someone said, thought or hoped: their subject owns the complement.
REPORTING = SPEECH | known("hope feel worry".split())


def reporter(
    tok: Token, r: Resolver, *, max_depth: int = 12, blockers: bool = True
) -> tuple[Token, Token] | None:
    """(reporting verb or "according", the token naming who reports) for the clause that
    holds `tok`, or None."""
    for depth, anc in enumerate([tok, *tok.ancestors]):
        if depth > max_depth:
            return None
        if lemma(anc) in REPORTING and anc.pos_ in ("VERB", "AUX"):
            subject = clause_subject(anc)
            if subject is not None and (subject == tok or subject.is_ancestor(tok)):
                continue  # "Y's admission suggested ...": what it says is not its report
            if subject is not None and r.entities(subject):
                return anc, subject
            if anc.tag_ in ("VBG", "VBN"):  # "..., stating:" misattached; look further up
                continue
            return None
        found = _according_to(anc, r) or _reported_after(anc, r)
        if found is not None:
            return found
        # Another named actor's clause in between owns the words, not the speaker.
        subject = clause_subject(anc) if anc.pos_ in ("VERB", "AUX") else None
        if blockers and subject is not None and subject.dep_ == "nsubj" and r.entities(subject):
            return None
    return None


def _according_to(verb: Token, r: Resolver) -> tuple[Token, Token] | None:
    """ "According to Menatep, the actions were contrary to the Treaty"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                obj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if to.lower_ == "to" and obj is not None and r.entities(obj):
                    return child, obj
    return None


def _reported_after(verb: Token, r: Resolver) -> tuple[Token, Token] | None:
    """ "The Act could help, he argued": a reporting verb with nothing of its own to
    report, attached after the clause as a conjunct, is that clause's reporter."""
    if verb.dep_ not in ("ROOT", "ccomp"):
        return None
    for child in verb.rights:
        if child.dep_ not in ("conj", "parataxis", "ccomp") or lemma(child) not in REPORTING:
            continue
        if any(c.dep_ in ("ccomp", "dobj", "xcomp", "conj") for c in child.children):
            continue
        subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
        if subject is not None and r.entities(subject):
            return child, subject
    return None
