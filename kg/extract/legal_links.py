"""Entities to legal instruments: introduced, passed, opposed, breached, acts under, ...

Read off the dependency parse around each Legislation mention (references such as "the
Bill" or "the ban" are mentions already, `legal_refs`):
- the instrument is the object of a verb, or sits in a prepositional phrase under it,
  possibly through cue nouns ("move an amendment to the Bill", "a pause in considering the
  legislation") and the infinitive of an effort ("its bid to block the ban"): the clause's
  actor stands in the relation the verb or noun names;
- the instrument is the subject ("the bill goes to the House of Lords", "the Act will cover
  England"), what a court rules on, or a passive's agent: `legal_subjects`;
- "under the Act" inside what an entity is reported as saying: the speaker invokes it;
- the instrument is what an entity's reported statement is about ("Davies said the bill
  had been badly drawn up", "According to X, ...", "..., he argued"): kg:supports or
  kg:opposes when the statement evaluates it ("said the ban was ridiculous"), else the
  generic kg:legalRelation, at lower confidence.

Stance is part of the fact: supports / opposes / introduced / amended / ... are typed
predicates under kg:legalRelation. A denied relation ("would not back the bill", "refused
to sign the treaty") is kept as its negated statement, never turned into the opposite
stance; the pair is still linked by the generic kg:legalRelation, since the text does
relate them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.extract.legal_facts import make_legal
from kg.extract.legal_subjects import as_agent, as_subject
from kg.extract.legal_words import (
    CHARGE_VERBS,
    LEGAL,
    LEGAL_EMPTY,
    LEGAL_LIGHT,
    LEGAL_NOUNS,
    LEGAL_VERB_PREPS,
    LEGAL_VERBS,
    MEASURES,
)
from kg.extract.resolver import Resolver
from kg.extract.speech import reporter
from kg.extract.stance import stance
from kg.extract.verbs import (
    SPEECH,
    clause_subject,
    lemma,
    modality,
    noun_lemma,
    passive_agent,
    passive_subject,
    verb_words,
)
from kg.model import LEGISLATION, Entity, Fact
from kg.nlp.tokens import EntityIndex


def find_legal_links(doc: Doc, entities: Sequence[Entity]) -> list[Fact]:
    """Stated relations between entities and legal instruments."""
    index = EntityIndex(doc, entities)
    resolver = Resolver(doc, entities, index)
    found: dict[tuple[str, str, str], Fact] = {}
    speech: list[Fact] = []
    for ref in index.refs:
        if ref.entity.type != LEGISLATION:
            continue
        head = doc[ref.start : ref.end].root
        facts = _facts(head, resolver)
        for fact in facts + _denied_stances(facts):
            key = (fact.subject, fact.predicate, fact.object)
            if key not in found or (found[key].modality and not fact.modality):
                found[key] = fact
        speech += _speech(head, resolver)
    for fact in list(found.values()):
        # "charged under Section 41 of the Act" is charged under the Act too.
        for parent in _parents(fact, entities):
            found.setdefault((fact.subject, fact.predicate, parent), replace(fact, object=parent))
    linked = {frozenset((f.subject, f.object)) for f in found.values()}
    for fact in speech:  # only when nothing more specific links the pair
        key = (fact.subject, fact.predicate, fact.object)
        if frozenset((fact.subject, fact.object)) not in linked and key not in found:
            found[key] = fact
    return sorted(found.values(), key=lambda f: (f.start, f.predicate, f.object))


def _denied_stances(facts: list[Fact]) -> list[Fact]:
    # "would not back the Bill", "refused to sign the treaty": what is denied is the typed
    # relation; that the text relates the two is not denied.
    return [
        replace(f, predicate=LEGAL, modality="", rule=f.rule + "-denied")
        for f in facts
        if f.modality == "negated" and f.predicate != LEGAL
    ]


def _parents(fact: Fact, entities: Sequence[Entity]) -> list[str]:
    keys = {e.key: e for e in entities}
    law = keys.get(fact.object)
    if law is None or law.type != LEGISLATION or fact.subject_type == LEGISLATION:
        return []
    parent = law.attr("parent")
    return [parent] if parent in keys else []


def _facts(head: Token, r: Resolver) -> list[Fact]:
    facts = []
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        facts += as_agent(head, r)
    elif head.dep_ in ("dobj", "pobj", "conj", "attr", "oprd"):
        facts += _as_object(head, r)
    if head.dep_ in ("nsubj", "nsubjpass"):
        facts += as_subject(head, head.head, r)
    for clause in (c for c in head.children if c.dep_ == "relcl"):
        # "the Children Bill, which passes through the Commons next week"
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WDT" for c in clause.children):
            facts += as_subject(head, clause, r)
    return facts


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def _as_object(head: Token, r: Resolver) -> list[Fact]:
    """Climb from the instrument through prepositions, nouns and non-finite verbs that
    state nothing themselves to the verb whose clause relates an actor to it."""
    tok, nouns, prep = head, [], None
    while tok.dep_ == "conj":
        tok = tok.head
    for _ in range(8):
        if tok.dep_ == "pobj":
            prep = prep or tok.head
            tok = tok.head.head
            if tok.dep_ == "pcomp" or (tok.dep_ == "prep" and tok.head.pos_ == "ADP"):
                tok = tok.head.head  # "because of", "out of"
        elif tok.dep_ in ("dobj", "acomp", "attr", "oprd") and _is_verb(tok.head):
            tok = tok.head
        elif tok.dep_ in ("acl", "xcomp") and tok in nouns:
            tok = tok.head  # "calls to pause on the bill": on from the infinitive
            if tok.pos_ in ("NOUN", "PROPN"):
                nouns.append(tok)
                continue
        elif tok.dep_ == "pcomp" and tok in nouns:
            tok = tok.head.head
        else:
            return []
        if _is_verb(tok):
            if _stops(tok, prep, nouns):
                break
            nouns.append(tok)  # "in considering the legislation": climb on
            continue
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return []
        nouns.append(tok)
    else:
        return []
    if tok.dep_ == "relcl" and not nouns and noun_lemma(tok.head) in LEGAL_NOUNS:
        nouns = [tok.head]  # "the changes he had made to the Bill"
    return _classify(tok, head, [n for n in nouns if not _is_verb(n)], prep, r)


def _stops(verb: Token, prep: Token | None, nouns: list[Token]) -> bool:
    """Whether the climb ends at `verb`: a finite clause, or a verb that states the
    relation itself ("bid to block the ban")."""
    if verb.tag_ not in ("VB", "VBG") or verb.dep_ not in ("acl", "pcomp", "xcomp"):
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return True
    word = lemma(verb)
    cue = next((n for n in nouns if not _is_verb(n)), None)
    if cue is not None and noun_lemma(cue) in LEGAL_NOUNS and word in LEGAL_LIGHT:
        return True  # "plans to move an amendment to the Bill"
    return (
        word in LEGAL_VERBS
        or word in CHARGE_VERBS
        or (prep is not None and (word, prep.lower_) in LEGAL_VERB_PREPS)
    )


def _classify(
    verb: Token, head: Token, nouns: list[Token], prep: Token | None, r: Resolver
) -> list[Fact]:
    vlemma = lemma(verb)
    words = [*verb_words(verb)]
    if prep is not None and prep.lower_ == "under" and not nouns:
        if vlemma in CHARGE_VERBS:
            held = passive_subject(verb) or next(
                (c for c in verb.children if c.dep_ == "dobj"), None
            )
            return make_legal(r, held, head, "kg:chargedUnder", verb, [*words, prep], "legal:under")
        return _invokes(verb, prep, head, r)
    if nouns and noun_lemma(nouns[0]) in MEASURES:
        return _invokes(verb, prep, head, r, extra=[nouns[0]])
    if nouns and nouns[0].lower_ == "exempt" and prep is not None and prep.lower_ == "from":
        held = clause_subject(verb)  # "the BBC is exempt from the Act"
        return make_legal(
            r, held, head, "kg:exemptFrom", verb, [verb, nouns[0], prep], "legal:verb"
        )
    cue = LEGAL_NOUNS.get(noun_lemma(nouns[0])) if nouns else None
    if (vlemma in LEGAL_EMPTY or vlemma in SPEECH) and not (cue and vlemma in LEGAL_LIGHT):
        return []
    predicate = None
    if nouns:
        # A cue noun only speaks for the clause's actor after a light verb ("move an
        # amendment"), not after "faces a rebellion over the Bill".
        if cue and vlemma in LEGAL_LIGHT:
            predicate = cue
        elif nouns[-1].dep_ == "dobj" and len(nouns) <= 3:
            predicate = LEGAL
        words += [nouns[0]] + ([prep] if prep is not None and prep.head == nouns[0] else [])
    elif prep is not None:
        predicate = LEGAL_VERB_PREPS.get((vlemma, prep.lower_))
        if predicate is None and vlemma in LEGAL_VERBS and prep.lower_ in ("to", "on", "over"):
            predicate = LEGAL_VERBS[vlemma]  # "made changes to" is caught above; "amend to" rare
        words.append(prep)
    else:
        judged = stance(head)  # "described the ban as ridiculous"
        predicate = judged[0] if judged else LEGAL_VERBS.get(vlemma, LEGAL)
        words += [judged[1]] if judged else []
    if predicate is None:
        return []
    rule = "legal:noun" if nouns else "legal:verb"
    actor = passive_agent(verb) or r.actor(clause_subject(verb))
    # "Mr Clarke's proposed amendment": the owner of the cue noun made it.
    owner = next((c for c in nouns[0].children if c.dep_ == "poss"), None) if nouns else None
    if owner is not None and r.entities(owner):
        actor = owner
    return make_legal(r, actor, head, predicate, verb, words, rule)


def _invokes(
    verb: Token, prep: Token | None, head: Token, r: Resolver, extra: Sequence[Token] = ()
) -> list[Fact]:
    """ "acts under the Act" -> its actor invokes it; else the speaker who cites it."""
    actor = passive_agent(verb) or r.actor(clause_subject(verb))
    words = [*verb_words(verb), *extra] + ([prep] if prep is not None else [])
    if actor is not None and r.entities(actor):
        return make_legal(r, actor, head, "kg:invokes", verb, words, "legal:under")
    # Whoever is reported as saying it cites the instrument as authority, even through
    # the clauses of what they say ("the government continues to send a message that
    # drugs controlled under the Act ...").
    owner = reporter(verb, r, blockers=False)
    if owner is None:
        return []
    speech_verb, speaker = owner
    return make_legal(
        r, speaker, head, "kg:invokes", speech_verb, [speech_verb, *words], "legal:under"
    )


def _speech(head: Token, r: Resolver) -> list[Fact]:
    """The instrument is what a named speaker's reported statement is about."""
    owner = reporter(head, r, max_depth=8)
    if owner is None:
        return []
    verb, speaker = owner
    judged = stance(head)
    if judged is None:
        return make_legal(r, speaker, head, LEGAL, verb, [verb], "legal:speech")
    return make_legal(
        r,
        speaker,
        head,
        judged[0],
        verb,
        [verb, judged[1]],
        "legal:speech",
        mood=modality(judged[1].head if judged[1].pos_ != "VERB" else judged[1]),
    )
