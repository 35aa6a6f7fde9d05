"""Verb lemmas and clause helpers shared by the interaction and legal-link finders.

Both finders read the same shape off the dependency parse: an acting entity (the clause
subject, or the agent of a passive), a verb, and what it acts on. This module says which
token is the actor of a clause (across open complements, raising verbs, purpose clauses
and "a bid to block ..."), whether the clause is hedged or denied, and how to label it for a
reader; `resolver` says which entity that token names. Lemmas are `lemmas`'.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

# Re-exported: the finders take their lemmas from here with the clause helpers.
from kg.extract.lemmas import known, lemma, noun_lemma

# Verbs that report what someone said or thought: their subject owns the complement.
SPEECH = known(
    """
    say tell state argue claim insist warn believe think complain suggest admit accept
    deny add write explain confirm announce acknowledge contend maintain fear predict
    stress declare allege indicate assert concede
    """.split()
)
# A governing verb or modal that makes the clause a plan, hope or possibility.
HEDGE_MODALS = frozenset("could may might would should can".split())
HEDGE_GOVERNORS = known(
    """
    plan want expect hope intend seek aim consider threaten try propose promise wish
    prepare likely able set look
    """.split()
)
# A governing verb that denies the clause it governs ("refused to meet").
NEGATING_GOVERNORS = known("refuse decline fail".split())
NEGATIONS = frozenset("not n't never no".split())

_RELATIVES = frozenset("who which that whom".split())
_SUBJECTS = ("nsubj", "csubj")
# Gerunds of speech acts that tell how the clause's subject acted, even when the parser
# hangs them on the object: "wrote to the watchdog accusing Labour of ...".
_MANNER = known("accuse urge call warn demand ask claim say criticise criticize blame".split())
# Verbs that describe their object: with an evaluation, a criticism or praise ("branded
# the plan a shambles", "described Blair as arrogant").
DESCRIBING = known("describe call brand label dub".split())
# Verbs whose object does what the infinitive after them says.
_OBJECT_CONTROL = known(
    """ask urge call press force persuade tell order instruct allow encourage invite help
    advise warn want expect require compel beg implore""".split()
)
# Nouns of an effort whose infinitive is the owner's act: "its bid to block the ban".
EFFORTS = known(
    """bid attempt effort move plan campaign push drive decision promise pledge vote
    threat offer proposal intention right option opportunity chance power""".split()
)


def modality(verb: Token) -> str:
    """ "negated", "hedged" or "" for the clause headed by `verb` (and its governors)."""
    hedged = False
    for tok in _governors(verb):
        for child in tok.children:
            if child.dep_ == "neg" or (
                child.dep_ in ("advmod", "det") and child.lower_ in NEGATIONS
            ):
                return "negated"
            if child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
                return "negated"  # "no longer owns"
            if child.dep_ == "aux" and child.lower_ in HEDGE_MODALS:
                hedged = True
        if tok is not verb and lemma(tok) in NEGATING_GOVERNORS:
            return "negated"
        if tok is not verb and lemma(tok) in HEDGE_GOVERNORS:
            hedged = True
    return "hedged" if hedged else ""


def _governors(verb: Token) -> Iterable[Token]:
    """The verb and the verbs it is an open complement of ("refused to [meet]")."""
    tok = verb
    yield tok
    # A finite conjunct is a clause of its own: "would not respond and promised to ...".
    while tok.dep_ in ("xcomp", "acomp") or (
        tok.dep_ == "conj"
        and tok.head.pos_ in ("VERB", "AUX")
        and tok.tag_ not in ("VBD", "VBZ", "VBP")
    ):
        tok = tok.head
        yield tok
    if tok.dep_ == "attr" or tok.pos_ == "ADJ":  # "would be supportive of"
        yield tok.head


def clause_subject(verb: Token) -> Token | None:
    """The token naming who acts in the clause of `verb`: its subject, inherited across
    open complements and coordination, raised from a passive ("X is reported to have
    held talks"), shared with a purpose clause ("held a dinner to promote X") and with the
    infinitive of an effort noun ("X had its bid to block the ban thwarted")."""
    tok = verb
    for _ in range(6):
        if tok != verb and any(c.dep_ == "nsubjpass" for c in tok.children):
            # "X withdrew and Y was sold to Z": a passive conjunct has a subject of its own
            return None
        if tok.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in tok.children):
            return None
        for child in tok.children:
            if child.dep_ in _SUBJECTS:
                # "who"/"which" opening a relative clause: the resolver says what it is
                return child
        head = tok.head
        if tok.dep_ == "acomp" and tok.pos_ == "ADJ" and head != tok:
            tok = head  # "X is likely to defend ...", "is able to"
            continue
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and passive_agent(head) is not None:
            if not any(c.dep_ in _SUBJECTS for c in head.children):
                return passive_agent(head)  # "a complaint was made by X, demanding ..."
        if tok.dep_ in ("xcomp", "conj", "advcl") and head is not tok:
            # An adverbial clause only shares its subject when it has none of its own
            # and is non-finite ("..., saying ..."; "when introducing ..."; "to promote").
            if tok.dep_ == "advcl" and tok.tag_ not in ("VBG", "VBN") and not _infinitive(tok):
                return None
            controller = _object_controller(head) if tok.dep_ == "xcomp" else None
            if controller is not None:
                return controller  # "urged the government to charge X": the government
            if (
                tok.dep_ == "xcomp"
                and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
                and not any(c.dep_ in _SUBJECTS for c in head.children)
            ):
                raised = passive_subject(head)
                if raised is not None:
                    return head.head if raised.lower_ in _RELATIVES else raised
            tok = head
            continue
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and _in_the_process(tok.head):
            # "X is in the process of merging with Y", "on the verge of buying Y"
            tok = tok.head.head.head.head
            continue
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.head.pos_ in ("VERB", "AUX"):
            # "X resigned after criticising Y", "X was sacked for attacking Y"
            head = tok.head.head
            if not any(c.dep_ in _SUBJECTS for c in head.children) and passive_subject(head):
                return passive_subject(head)
            tok = head
            continue
        if (
            tok.dep_ == "acl"
            and tok.tag_ == "VBG"
            and lemma(tok) in _MANNER
            and (tok.head.dep_ in ("dobj", "pobj") and tok.head.head.pos_ in ("VERB", "ADP"))
        ):
            # "wrote to the watchdog accusing Labour": the writer accuses, not the watchdog;
            # "opened proceedings with a speech criticising X": the verb above the noun
            verb_above = next((a for a in tok.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if verb_above is None:
                return None
            tok = verb_above
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBG":  # "the lawyer representing X"
            return tok.head
        if tok.dep_ == "acl" and _infinitive(tok) and noun_lemma(head) in EFFORTS:
            return effort_owner(head)
        return None
    return None


# Nouns of being under way: "in the process of buying", "on the verge of selling".
_UNDER_WAY = frozenset("process verge brink cusp midst point course".split())


def _in_the_process(prep: Token) -> bool:
    """ "of" in "is in the process of V-ing": of -> process -> in -> a verb."""
    noun = prep.head
    return (
        prep.lower_ == "of"
        and noun.lower_ in _UNDER_WAY
        and noun.dep_ == "pobj"
        and noun.head.head.pos_ in ("VERB", "AUX")
    )


def _object_controller(verb: Token) -> Token | None:
    """Who does what `verb` asks, urges or forces: its object ("asked Rosneft to repay",
    "called on the government to act")."""
    if lemma(verb) not in _OBJECT_CONTROL:
        return None
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
        if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def effort_owner(noun: Token) -> Token | None:
    """Whose bid, plan or campaign `noun` is: its named possessor, else the subject of the
    clause it is the object of ("X launched a campaign")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ != "PRON":
        return owner
    if noun.dep_ == "dobj":
        return clause_subject(noun.head)
    return None


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def passive_agent(verb: Token) -> Token | None:
    """The pobj of "by" in a passive clause ("was criticised by X")."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def with_conjuncts(tok: Token) -> list[Token]:
    """A noun and the nouns coordinated with it ("Mr Abbasi and Mr Mubanga")."""
    return [tok, *tok.conjuncts]


def label(tokens: Iterable[Token]) -> str:
    """The words of a relation for people to read, in text order, without entity names."""
    words = sorted(set(tokens), key=lambda t: t.i)
    return " ".join(
        t.lower_ if t.is_sent_start and t.pos_ != "PROPN" else t.text
        for t in words
        if not t.is_punct
    )


def verb_words(verb: Token) -> list[Token]:
    """The verb with its auxiliaries, negation and particle ("would not back", "called on")."""
    words = [verb]
    for tok in _governors(verb):
        words.append(tok)
        words += [c for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "prt")]
        if tok.dep_ != "xcomp" and tok.dep_ != "acomp":
            break
    return [w for w in words if w.i <= verb.i or w.dep_ == "prt"]


def coordinated_object(verb: Token) -> Token | None:
    """ "criticised and sued Jones": the object the parser hangs on the second verb is the
    first's too, when the first has none and the second no subject of its own."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    for other in (c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
        if any(c.dep_ in (*_SUBJECTS, "nsubjpass") for c in other.children):
            continue
        obj = next((c for c in other.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
    return None
