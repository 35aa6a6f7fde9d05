"""Posts stated by the clause a name is in, rather than by a phrase around the name.

    Mr Khodorkovsky was one of the founders of Menatep    the name is the subject of "be"
    Mr Blunkett quit as home secretary                     "as" after the person's verb
    The group counts Ms Simonetti as a deputy director     ... or after the person as object
    Charles Clarke's first day as home secretary           ... or after the person's noun

The post is read by `PhraseReader.post_in`, so it names an organisation only the way a
post phrase does ("founders of Menatep"); a verb of leaving makes it former.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kg.extract.roles.lexicon import RoleLexicon, singular, words_of
from kg.extract.roles.phrases import Found, PhraseReader, Post
from kg.model import ORGANIZATION, PERSON, Entity
from kg.nlp.tokens import EntityIndex, MentionRef

_BE = frozenset({"is", "was", "are", "were", "'s", "’s", "be", "been", "being"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj"})
# Verbs after which "as <post>" is a post the person has left.
_LEAVING = frozenset(
    "quit quits quitting resigned resigns resign stepped steps stood stands left leaves "
    "retired retires sacked ousted removed replaced succeeded".split()
)
_LEADING = frozenset({"a", "an", "the", "its", "their"})
_FOUNDING = frozenset({"founded", "co-founded", "started", "established", "set"})
# Verbs whose subject does the work of an organisation named after "for".
_WORKING = frozenset(
    """work works worked working write writes wrote written writing report reports reported
    cover covers covered play plays played""".split()
)
_PREPS = frozenset({"of", "for", "at", "with", "from", "in", "on", "to"})


def copular(reader: PhraseReader, index: EntityIndex, ref: MentionRef) -> Found | None:
    """ "Mr Khodorkovsky was one of the founders of Menatep", "X is chairman of Y"."""
    head = _head(index, ref)
    if head.dep_ not in _SUBJECTS or head.head.lower_ not in _BE:
        return None
    attr = next((c for c in head.head.children if c.dep_ == "attr" and c.i > head.i), None)
    if attr is None:
        return None
    found = _read(reader, index, ref, attr, "role:is-post")
    if found is None:
        return None
    return found


def as_post(reader: PhraseReader, index: EntityIndex) -> list[Found]:
    """ "quit as home secretary", "counts X as a deputy director", "X's day as minister"."""
    doc = index.doc
    out = []
    for tok in doc:
        if tok.lower_ != "as" or tok.dep_ != "prep":
            continue
        noun = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        person = _holder(index, tok.head)
        if person is None:
            continue
        found = _read(reader, index, person, noun, "role:as-post")
        if found is None:
            continue
        employer = _employer(index, tok.head, person)
        if employer is not None and not found.post.orgs:
            # "The Committee ... counts Ms Simonetti as a deputy director": its post.
            found = replace(found, post=replace(found.post, orgs=(employer,)))
        if tok.head.lower_ in _LEAVING and not found.post.former:
            found = replace(found, post=replace(found.post, former=True, head=False, office=False))
        out.append(found)
    return out


def such_as(reader: PhraseReader, index: EntityIndex) -> list[Found]:
    """ "playwrights such as Martin Lynch and Gary Mitchell": each is a playwright."""
    doc = index.doc
    out = []
    for tok in doc:
        if tok.lower_ != "as" or tok.dep_ != "prep" or tok.i == 0:
            continue
        if doc[tok.i - 1].lower_ != "such" or tok.head.i != tok.i - 2:
            continue
        noun = tok.head
        if noun.tag_ != "NNS" or not noun.text.islower():
            continue
        words = [*(t.lower_ for t in _modifiers(noun)), singular(noun.lower_)]
        if not reader.lex.post_length(words):
            continue
        first = next((c for c in tok.children if c.dep_ == "pobj"), None)
        people = [first, *first.conjuncts] if first is not None else []
        start = _modifiers(noun)[0].idx if _modifiers(noun) else noun.idx
        text = " ".join(words)
        for person in people:
            ref = _person_at(index, person)
            if ref is None:
                continue
            end = doc[ref.end - 1].idx + len(doc[ref.end - 1].text)
            post = Post(text, start, end, words=tuple(words), office=reader.lex.is_office(words))
            out.append(Found(ref, post, "role:such-as", 0.7))
    return out


def founded_by(index: EntityIndex) -> list[Found]:
    """ "The Committee was started by Curt Hopkins", "Acme, founded by Jo Bloggs,": the
    founder of the organisation the participle is said of."""
    doc = index.doc
    out = []
    for tok in doc:
        if tok.tag_ != "VBN" or tok.lower_ not in _FOUNDING:
            continue
        if tok.lower_ == "set" and not any(c.lower_ == "up" for c in tok.children):
            continue
        org = None
        for child in tok.children:
            if child.dep_ == "nsubjpass" and _is_org(index, child):
                org = index.at(child.i)
        if org is None and tok.dep_ == "acl" and _is_org(index, tok.head):
            org = index.at(tok.head.i)  # "Acme, founded by ..."
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        first = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if org is None or first is None:
            continue
        for person in [first, *first.conjuncts]:
            ref = _person_at(index, person)
            if ref is None:
                continue
            end = doc[ref.end - 1].idx + len(doc[ref.end - 1].text)
            # No post as written: "founded" says what they did, not a title they hold.
            post = Post("", min(org.mention.start, tok.idx), end, (org.entity,))
            out.append(Found(ref, post, "role:founded-by", 0.7))
    return out


def founded(index: EntityIndex) -> list[Found]:
    """ "Jo Bloggs founded Acme in 1990", "Jo Bloggs, who moved to the US to set up Acme
    USA,": the founder of the organisation the verb takes, whoever the verb's subject is
    through a purpose clause or a relative clause."""
    doc = index.doc
    out = []
    for tok in doc:
        if tok.lower_ not in _FOUNDING or tok.tag_ not in ("VBD", "VB", "VBN", "VBZ"):
            continue
        if tok.lower_ == "set" and not any(c.lower_ == "up" for c in tok.children):
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        org = index.at(obj.i) if obj is not None else None
        if org is None or org.entity.type != ORGANIZATION:
            continue
        person = _doer(index, tok)
        if person is None:
            continue
        start = min(doc[person.start].idx, tok.idx)
        end = doc[org.end - 1].idx + len(doc[org.end - 1].text)
        # No post as written, as in founded_by: the verb says what they did.
        post = Post("", start, end, (org.entity,))
        out.append(Found(person, post, "role:founded", 0.7))
    return out


def _doer(index: EntityIndex, verb: Token) -> MentionRef | None:
    """The person who does `verb`: its subject, or for "to set up ..." the subject of the
    verb it says the purpose of; for a relative clause's verb, the person it describes."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in ("who", "that"):
            return _person_at(index, subject)
        if verb.dep_ == "relcl":
            return _person_at(index, verb.head)
        if verb.dep_ not in ("advcl", "xcomp") or subject is not None:
            return None
        verb = verb.head
    return None


def works_for(index: EntityIndex, ref: MentionRef) -> Found | None:
    """ "Jo Bloggs works for Acme", "Lee Mitgang has covered education for the AP"."""
    head = _head(index, ref)
    verb = head.head
    if head.dep_ != "nsubj" or verb.lower_ not in _WORKING:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        org = index.at(obj.i) if obj is not None else None
        if org is not None and org.entity.type == ORGANIZATION:
            doc = index.doc
            start = doc[ref.start].idx
            end = doc[org.end - 1].idx + len(doc[org.end - 1].text)
            return Found(ref, Post("", start, end, (org.entity,)), "role:works-for", 0.7)
    return None


def _modifiers(noun: Token) -> list[Token]:
    """The lower-case words of the post right before the noun ("theatre directors")."""
    out: list[Token] = []
    k = noun.i - 1
    while k >= 0 and noun.doc[k].dep_ == "compound" and noun.doc[k].text.islower():
        out.insert(0, noun.doc[k])
        k -= 1
    return out


def _holder(index: EntityIndex, head: Token) -> MentionRef | None:
    """Who "as" speaks of: the verb's object, else its subject; a noun's possessor."""
    if head.pos_ in ("VERB", "AUX"):
        for deps in (_OBJECTS, _SUBJECTS):
            for child in head.children:
                if child.dep_ in deps:
                    ref = _person_at(index, child)
                    if ref is not None:
                        return ref
                    if deps is _OBJECTS and not _is_org(index, child):
                        return None  # "gave the job as ...": the object is no person
        return None
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    return _person_at(index, poss) if poss is not None else None


def _read(
    reader: PhraseReader, index: EntityIndex, ref: MentionRef, noun: Token, rule: str
) -> Found | None:
    doc = index.doc
    start, end = noun.left_edge.i, noun.right_edge.i + 1
    # "one of the founders of Menatep": the post is "founders of Menatep".
    one_of = doc[start].lower_ == "one" and start + 1 < end and doc[start + 1].lower_ == "of"
    if one_of:
        start += 2
    while start < end and doc[start].lower_ in _LEADING:
        start += 1
    # The noun phrase stops at a comma or a clause of its own ("adviser for Labour, which
    # denies ...").
    for i in range(start, end):
        if doc[i].text == "," or doc[i].dep_ in ("relcl", "acl"):
            end = i
            break
    people = (index.at(i) for i in range(start, end))
    if any(r is not None and r.entity.type == PERSON for r in people):
        return None
    post = reader.post_in(start, end)
    if post is None:
        return None
    words = words_of(doc[start:end].text)
    lex = reader.lex
    if not post.orgs and _PREPS & set(words) and not _seat(lex, words):
        return None  # "advocate for the research": a description, not a post
    last = post.text.rsplit(" ", 1)[-1]
    if one_of and post.words and singular(last) != last:
        # One of the founders is a founder.
        text = post.text[: -len(last)] + singular(last)
        post = replace(post, text=text, words=(*post.words[:-1], singular(post.words[-1])))
    return Found(ref, post, rule, 0.7)


def _seat(lex: RoleLexicon, words: list[str]) -> bool:
    """ "MP for Mid-Bedfordshire": a post and the seat it holds."""
    before = words[: words.index("for")] if "for" in words else []
    return bool(before) and lex.ends_in(before, lex.seats)


def _employer(index: EntityIndex, verb: Token, person: MentionRef) -> Entity | None:
    """The organisation on the other side of the person's verb: its subject when the person
    is the object ("Acme named X as chief executive"), its object when the person is the
    subject ("X joined Acme as chief executive")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    objects = [c for c in verb.children if c.dep_ in _OBJECTS]
    if any(_person_at(index, o) is person for o in objects):
        others = [c for c in verb.children if c.dep_ == "nsubj"]
    else:
        others = objects
    for child in others:
        if _is_org(index, child):
            ref = index.at(child.i)
            return ref.entity if ref is not None else None
    return None


def _is_org(index: EntityIndex, tok: Token) -> bool:
    ref = index.at(tok.i)
    return ref is not None and ref.entity.type == ORGANIZATION


def _person_at(index: EntityIndex, tok: Token) -> MentionRef | None:
    """The person `tok` names, or the person named right after a post it heads
    ("fired flight attendant blogger Ellen Simonetti")."""
    ref = index.at(tok.i)
    if ref is not None:
        return ref if ref.entity.type == PERSON else None
    for child in tok.children:
        if child.dep_ in ("compound", "appos") and child.i > tok.i:
            ref = index.at(child.i)
            if ref is not None and ref.entity.type == PERSON:
                return ref
    return None


def _head(index: EntityIndex, ref: MentionRef) -> Token:
    return index.doc[ref.start : ref.end].root
