"""Entities to legal instruments: introduced, passed, opposed, enforces, acts under, ...

Read off the dependency parse around each Legislation mention (the Act/Bill anaphora
"the Bill" are mentions already):
- the instrument is the object of a verb, or sits in a prepositional phrase under it,
  possibly through a cue noun ("move an amendment to the Bill", "voted in favour of it"):
  the clause's actor stands in the relation the verb or noun names;
- the instrument is the subject ("the bill goes to the House of Lords", "laws reserved to
  Westminster", "the Bill became the Act");
- "under the Act" inside what an entity is reported as saying: the speaker invokes it;
- otherwise, the instrument is what an entity's reported statement is about ("Davies said
  the bill had been badly drawn up"): the generic kg:legalRelation, at lower confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.extract.verbs import (
    SPEECH,
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
from kg.model import AGENTS, LEGISLATION, Entity, Fact
from kg.nlp.tokens import EntityIndex

_GENERIC = "kg:legalRelation"


def _table(spec: str, register=known) -> dict[str, str]:
    table = {}
    for line in spec.strip().splitlines():
        predicate, words = line.split(":", 1)[1].split(None, 1)
        for word in register(words.split()):
            table[word] = "kg:" + predicate
    return table


# Verbs whose object (or prepositional object) is the instrument.
_VERBS = _table(
    """
    kg:introduced introduce unveil table publish draft
    kg:passed pass approve enact clear
    kg:opposes oppose reject fight resist block defeat criticise criticize condemn attack scrap
    kg:supports support back welcome endorse defend adopt
    kg:enforces enforce implement apply administer police
    kg:challenged challenge contest
    kg:amended amend rewrite revise
    kg:invokes invoke cite
    """
)
# Verbs that say nothing about the instrument however it is attached.
_EMPTY = known("be have do get include mean say tell see make take give".split())
# "arrested under Section 41": the person held is charged under it.
_CHARGE = known("charge arrest detain hold prosecute convict jail sentence try".split())
# A verb and a preposition that between them name the relation ("vote against the Bill").
_VERB_PREPS = {
    ("vote", "against"): "kg:opposes",
    ("vote", "for"): "kg:supports",
    ("campaign", "against"): "kg:opposes",
    ("campaign", "for"): "kg:supports",
    ("rebel", "against"): "kg:opposes",
    ("rebel", "over"): "kg:opposes",
    ("vote", "on"): _GENERIC,
    ("debate", "on"): _GENERIC,
}
known(w for w, _ in _VERB_PREPS)
# Nouns between the verb and the instrument that name the relation ("an amendment to").
_NOUNS = {
    "amendment": "kg:amended",
    "change": "kg:amended",
    "concession": "kg:amended",
    "favour": "kg:supports",
    "support": "kg:supports",
    "backing": "kg:supports",
    "opposition": "kg:opposes",
    "rebellion": "kg:opposes",
    "challenge": "kg:challenged",
    "introduction": "kg:introduced",
    "reading": _GENERIC,
    "debate": _GENERIC,
    "vote": _GENERIC,
}
# Verbs after which a cue noun's act is the subject's own ("move an amendment").
_LIGHT = known(
    """
    move table make propose introduce offer announce put bring vote express voice lead
    launch mount speak come seek promise win force push pass accept agree back support
    """.split()
)
# "incompatible with the Human Rights Act": measuring something against it cites it.
_MEASURE = frozenset("incompatible compatible contrary consistent breach".split())
# The instrument as subject moving through a body ("the bill goes to the Lords").
_MOTION = known("go pass move return proceed".split())
known(["reserve", "become"])

_CONFIDENCE = {"verb": 0.8, "noun": 0.75, "subject": 0.7, "under": 0.75, "speech": 0.55}


def find_legal_links(doc: Doc, entities: Sequence[Entity]) -> list[Fact]:
    """Stated relations between entities and legal instruments."""
    index = EntityIndex(doc, entities)
    resolver = Resolver(doc, entities, index)
    found: dict[tuple[str, str, str], Fact] = {}
    linked: set[frozenset[str]] = set()
    speech: list[Fact] = []
    for ref in index.refs:
        if ref.entity.type != LEGISLATION:
            continue
        head = doc[ref.start : ref.end].root
        facts = _facts(head, resolver)
        for fact in facts:
            key = (fact.subject, fact.predicate, fact.object)
            if key not in found or (found[key].modality and not fact.modality):
                found[key] = fact
            linked.add(frozenset((fact.subject, fact.object)))
        if not facts:
            speech += _speech(head, resolver)
    for fact in list(found.values()):
        # "charged under Section 41 of the Act" is charged under the Act too.
        for parent in _parents(fact, entities):
            found.setdefault((fact.subject, fact.predicate, parent), replace(fact, object=parent))
    for fact in speech:  # only when nothing more specific links the pair
        key = (fact.subject, fact.predicate, fact.object)
        if frozenset((fact.subject, fact.object)) not in linked and key not in found:
            found[key] = fact
    return sorted(found.values(), key=lambda f: (f.start, f.predicate, f.object))


def _parents(fact: Fact, entities: Sequence[Entity]) -> list[str]:
    keys = {e.key: e for e in entities}
    law = keys.get(fact.object)
    if law is None or law.type != LEGISLATION or fact.subject_type == LEGISLATION:
        return []
    parent = law.attr("parent")
    return [parent] if parent in keys else []


def _facts(head: Token, r: Resolver) -> list[Fact]:
    if head.dep_ in ("dobj", "pobj", "conj"):
        return _as_object(head, r)
    if head.dep_ in ("nsubj", "nsubjpass"):
        return _as_subject(head, r)
    return []


def _as_object(head: Token, r: Resolver) -> list[Fact]:
    """Climb from the instrument through prepositions and nouns to the governing verb."""
    tok, nouns, prep = head, [], None
    while tok.dep_ == "conj":
        tok = tok.head
    for _ in range(6):
        if tok.dep_ == "pobj":
            prep = prep or tok.head
            tok = tok.head.head
            if tok.pos_ in ("VERB", "AUX"):
                break
            if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
                return []
            nouns.append(tok)
        elif tok.dep_ in ("dobj", "acomp", "attr") and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head
            break
        else:
            return []
    else:
        return []
    if tok.dep_ == "relcl" and not nouns and noun_lemma(tok.head) in _NOUNS:
        nouns = [tok.head]  # "the changes he had made to the Bill"
    return _classify(tok, head, nouns, prep, r)


def _classify(
    verb: Token, head: Token, nouns: list[Token], prep: Token | None, r: Resolver
) -> list[Fact]:
    vlemma = lemma(verb)
    words = [*verb_words(verb)]
    if prep is not None and prep.lower_ == "under" and not nouns:
        if vlemma in _CHARGE:
            held = passive_subject(verb) or next(
                (c for c in verb.children if c.dep_ == "dobj"), None
            )
            return _make(r, held, head, "kg:chargedUnder", verb, [*words, prep], "legal:under")
        return _invokes(verb, prep, head, r)
    if nouns and noun_lemma(nouns[0]) in _MEASURE:
        return _invokes(verb, prep, head, r, extra=[nouns[0]])
    cue = _NOUNS.get(noun_lemma(nouns[0])) if nouns else None
    if (vlemma in _EMPTY or vlemma in SPEECH) and not (cue and vlemma in _LIGHT):
        return []
    predicate = None
    if nouns:
        # A cue noun only speaks for the clause's actor after a light verb ("move an
        # amendment"), not after "faces a rebellion over the Bill".
        if cue and vlemma in _LIGHT:
            predicate = cue
        elif len(nouns) == 1 and nouns[0].dep_ == "dobj":
            predicate = _GENERIC
        words += [nouns[0]] + ([prep] if prep is not None and prep.head is nouns[0] else [])
    elif prep is not None:
        predicate = _VERB_PREPS.get((vlemma, prep.lower_))
        if predicate is None and vlemma in _VERBS and prep.lower_ in ("to", "on", "over"):
            predicate = _VERBS[vlemma]  # "made changes to" is caught above; "amend to" rare
        words.append(prep)
    else:
        predicate = _VERBS.get(vlemma, _GENERIC)
    if predicate is None:
        return []
    rule = "legal:noun" if nouns else "legal:verb"
    actor = passive_agent(verb) or clause_subject(verb)
    # "Mr Clarke's proposed amendment": the owner of the cue noun made it.
    owner = next((c for c in nouns[0].children if c.dep_ == "poss"), None) if nouns else None
    if owner is not None and r.entities(owner):
        actor = owner
    return _make(r, actor, head, predicate, verb, words, rule)


def _invokes(
    verb: Token, prep: Token | None, head: Token, r: Resolver, extra: Sequence[Token] = ()
) -> list[Fact]:
    """ "acts under the Act" -> its actor invokes it; else the speaker who cites it."""
    actor = passive_agent(verb) or clause_subject(verb)
    words = [*verb_words(verb), *extra] + ([prep] if prep is not None else [])
    if actor is not None and r.entities(actor):
        return _make(r, actor, head, "kg:invokes", verb, words, "legal:under")
    # Whoever is reported as saying it cites the instrument as authority, even through
    # the clauses of what they say ("the government continues to send a message that
    # drugs controlled under the Act ...").
    owner = _speaker(verb, r, blockers=False)
    if owner is None:
        return []
    speech_verb, speaker = owner
    return _make(r, speaker, head, "kg:invokes", speech_verb, [speech_verb, *words], "legal:under")


def _as_subject(head: Token, r: Resolver) -> list[Fact]:
    verb = head.head
    facts: list[Fact] = []
    vlemma = lemma(verb)
    agent = passive_agent(verb)
    if agent is not None and head.dep_ == "nsubjpass":
        predicate = _VERBS.get(vlemma) or (None if vlemma in _EMPTY else _GENERIC)
        if predicate:
            facts += _make(r, agent, head, predicate, verb, [*verb_words(verb)], "legal:subject")
        return facts
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        body = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if vlemma == "reserve" and prep.lower_ == "to":
            facts += _make(
                r,
                head,
                body,
                "kg:reservedTo",
                verb,
                [verb, prep],
                "legal:subject",
                legal_subject=True,
                legal_object=False,
            )
        elif vlemma in _MOTION and prep.lower_ in ("to", "through", "before"):
            predicate = "kg:passed" if vlemma == "pass" and prep.lower_ == "through" else _GENERIC
            facts += _make(
                r, body, head, predicate, verb, [*verb_words(verb), prep], "legal:subject"
            )
    if vlemma == "become":
        act = next((c for c in verb.children if c.dep_ == "attr"), None)
        if act is not None:
            facts += _make(
                r, head, act, "kg:enactedAs", verb, [verb], "legal:subject", legal_subject=True
            )
    if not facts:
        facts += _speech(head, r)
    return facts


def _speech(head: Token, r: Resolver) -> list[Fact]:
    """The instrument is what a named speaker's reported statement is about."""
    owner = _speaker(head, r, max_depth=8)
    if owner is None:
        return []
    verb, speaker = owner
    return _make(r, speaker, head, _GENERIC, verb, verb_words(verb), "legal:speech")


def _speaker(
    tok: Token, r: Resolver, max_depth: int = 12, blockers: bool = True
) -> tuple[Token, Token] | None:
    """(speech verb, its subject) owning `tok`, when no other actor's clause intervenes."""
    for depth, anc in enumerate(tok.ancestors):
        if depth >= max_depth:
            return None
        if lemma(anc) in SPEECH:
            subject = clause_subject(anc)
            if subject is not None and r.entities(subject):
                return anc, subject
            if anc.tag_ in ("VBG", "VBN"):  # "..., stating:" misattached; look further up
                continue
            return None
        # Another named actor's clause in between owns the words, not the speaker.
        subject = clause_subject(anc) if anc.pos_ in ("VERB", "AUX") else None
        if blockers and subject is not None and subject.dep_ == "nsubj" and r.entities(subject):
            return None
    return None


def _make(
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
) -> list[Fact]:
    """Facts from the entities named at `subj` to those at `obj`."""
    if subj is None or obj is None:
        return []
    mood = modality(verb)
    confidence = _CONFIDENCE[rule.split(":")[1]] * (0.9 if mood else 1.0)
    return facts_between(
        r,
        r.named(subj, (LEGISLATION,) if legal_subject else AGENTS),
        list(r.named(obj, (LEGISLATION,) if legal_object else AGENTS)),
        predicate=predicate,
        rule=rule,
        confidence=confidence,
        words=words,
        phrase=label(words),
        mood=mood,
    )
