"""Legal-link facts from the tokens of a clause: the confidence of each rule, and who can
stand in a legal relation."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.resolver import Resolver, facts_between
from kg.extract.verbs import label, modality
from kg.model import AGENTS, LEGISLATION, PLACE, Fact

_CONFIDENCE = {"verb": 0.8, "noun": 0.75, "subject": 0.7, "under": 0.75, "speech": 0.55}
# Who stands in a legal relation: people, organisations, and states named as places
# ("Russia has signed the Charter"); what an instrument covers, the same.
_ACTORS = _COVERED = (*AGENTS, PLACE)


def make_legal(
    r: Resolver,
    subj: Token | None,
    obj: Token | None,
    predicate: str,
    verb: Token,
    words: list[Token],
    rule: str,
    *,
    legal_subject: bool = False,
    legal_object: bool = True,
    mood: str | None = None,
) -> list[Fact]:
    """Facts from the entities named at `subj` to those at `obj`."""
    if subj is None or obj is None:
        return []
    mood = modality(verb) if mood is None else mood
    confidence = _CONFIDENCE[rule.split(":")[1]] * (0.9 if mood else 1.0)
    return facts_between(
        r,
        r.named(subj, (LEGISLATION,) if legal_subject else _ACTORS),
        list(r.named(obj, (LEGISLATION,) if legal_object else _COVERED)),
        predicate=predicate,
        rule=rule,
        confidence=confidence,
        words=words,
        phrase=label(words),
        mood=mood,
    )
