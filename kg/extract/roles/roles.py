"""Posts and affiliations: who holds which post where.

Everything here is stated next to a person's name (see `kg.extract.roles.phrases` for the shapes);
two sentence-level readings add an organisation the phrase itself leaves out:

- "The AA Motoring Trust said ... Road safety head Andrew Howard said": a spokesperson
  introduced at the start of the sentence right after an organisation spoke, speaks for it;
- "Councillor Mhairi Hunter": a councillor in an article that names one local council
  sits on that council.

A person is never linked to an organisation merely because both are in a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from kg.extract.names import fold
from kg.extract.roles import frames, predicates
from kg.extract.roles.lexicon import COURTESY_TITLES, RoleLexicon, role_lexicon, words_of
from kg.extract.roles.phrases import Found, PhraseReader, Post
from kg.model import ORGANIZATION, PERSON, Affiliation, Entity
from kg.nlp.tokens import EntityIndex, MentionRef

# How far back "the council" may reach for the council it means.
_ANAPHOR_SENTENCES = 3
# A local council's name: "Glasgow City Council", "Brent Council", not "Security Council".
_LOCAL_COUNCIL = re.compile(
    r"^(?:[A-Z][\w'-]+ ){1,3}(?:(?:City|County|Borough|District|Town|Parish) )?Council$"
)
_NOT_LOCAL = frozenset(
    {
        "security",
        "european",
        "privy",
        "research",
        "arts",
        "advisory",
        "joint",
        "muslim",
        "british",
        "national",
        "medical",
        "legal",
        "sentencing",
    }
)


def find_affiliations(doc: Doc, entities: Sequence[Entity]) -> list[Affiliation]:
    """People's posts and the organisations they belong to, as the text states them."""
    index = EntityIndex(doc, entities)
    lexicon = role_lexicon()
    reader = PhraseReader(doc, index, lexicon, _anaphor_resolver(doc, index, lexicon))
    found: list[Found] = []
    for ref in index.refs:
        if ref.entity.type != PERSON:
            continue
        before = reader.before(ref) or frames.party_before_name(index, lexicon, ref)
        after = (
            reader.after(ref)
            or predicates.copular(reader, index, ref)
            or predicates.works_for(index, ref)
        )
        opening = frames.speaks_for_opening(index, ref)
        for reading in (before, after, frames.post_nominal(lexicon, ref, doc), opening):
            if reading is not None:
                found.append(reading)
        if not any(f.person is ref for f in found):
            found.extend(_org_possessive(doc, index, ref) + _stripped_title(ref, lexicon))
    found += frames.person_possessive(index) + predicates.as_post(reader, index)
    found += predicates.such_as(reader, index) + predicates.founded_by(index)
    found += predicates.founded(index)
    headline = frames.headline_post(reader, index)
    found += [headline] if headline is not None else []
    starts = frames.token_starts(doc)
    found = [frames.owner_before(index, f, starts) for f in found]
    found = [_spokesperson_of_previous(doc, index, lexicon, f) for f in found]
    found += _councillors(found, entities, lexicon)
    found += _topic_posts(index, lexicon, found)
    return _dedupe(a for f in found for a in _affiliations(f))


def _topic_posts(index: EntityIndex, lexicon: RoleLexicon, found: list[Found]) -> list[Found]:
    """Bare leading posts of people the article links to no organisation otherwise."""
    topic = frames.topic_organisation(index)
    if topic is None:
        return []
    linked = {f.person.entity.key for f in found if f.post.orgs}
    out = []
    for f in found:
        if f.person.entity.key in linked:
            continue
        if frames.owned_post(index, f):
            continue  # "its founder X", "his deputy, X": someone's, whoever that is
        reading = frames.topic_post(lexicon, topic, f)
        if reading is not None and (
            frames.recently_named(index, topic, f) or frames.last_named(index, topic, f)
        ):
            out.append(reading)
    return out


def _affiliations(f: Found) -> list[Affiliation]:
    person, post = f.person.entity.key, f.post
    base = Affiliation(
        person=person,
        rule=f.rule,
        confidence=f.confidence,
        start=post.start,
        end=post.end,
        role=post.text,
        office=post.office,
        former=post.former,
    )
    if not post.orgs:
        return [base] if post.text else []
    # A former post is history, kept and marked former; a party stays the person's party
    # ("former Tory leader").
    return [
        replace(
            base,
            organization=o.key,
            head=post.head and not post.former,
            former=post.former and not role_lexicon().is_party(o.name),
        )
        for o in post.orgs
    ]


def _dedupe(affiliations) -> list[Affiliation]:
    best: dict[tuple[str, str, str], Affiliation] = {}
    for a in affiliations:
        key = (a.person, a.organization, fold(a.role))
        if key not in best or a.confidence > best[key].confidence:
            best[key] = a
    # A post without its organisation says nothing the same post with it does not.
    with_org = {(a.person, fold(a.role)) for a in best.values() if a.organization and a.role}
    kept = [a for a in best.values() if a.organization or (a.person, fold(a.role)) not in with_org]
    return sorted(kept, key=lambda a: (a.start, a.person, a.organization))


def _anaphor_resolver(doc: Doc, index: EntityIndex, lexicon: RoleLexicon):
    """ "the council" before token i: the latest organisation named with that word.

    Only a word that is part of the organisation's name counts ("the federation" for the
    Police Federation), or "the party" for a party, within a few sentences.
    """
    sentence_of = {}
    for n, sent in enumerate(doc.sents):
        sentence_of[sent.start] = n

    def sentence(i: int) -> int:
        return sentence_of.get(doc[i].sent.start, 0)

    def resolve(noun: str, i: int) -> Entity | None:
        here = sentence(i)
        if noun in lexicon.generic_orgs:
            # "the organisation": only when one organisation is named since the sentence
            # before.
            near = {
                r.entity.key: r.entity
                for r in index.refs
                if r.end <= i and r.entity.type == ORGANIZATION and here - sentence(r.start) <= 1
            }
            return next(iter(near.values())) if len(near) == 1 else None
        for ref in reversed(index.refs):
            if ref.end > i or ref.entity.type != ORGANIZATION:
                continue
            if here - sentence(ref.start) > _ANAPHOR_SENTENCES:
                return None
            names = [ref.entity.name, *ref.entity.aliases]
            if noun == "party" and lexicon.is_party(ref.entity.name):
                return ref.entity
            if any(noun in (w.casefold() for w in words_of(n)) for n in names):
                return ref.entity
        return None

    def resolve_anywhere(noun: str, i: int) -> Entity | None:
        near = resolve(noun, i)
        if near is not None or noun in lexicon.generic_orgs or noun == "party":
            return near
        # "the founder of the theatre" far from "the Lyric Theatre": the only one it can be.
        named = {
            r.entity.key: r.entity
            for r in index.refs
            if r.entity.type == ORGANIZATION
            and r.end <= i
            and noun in (w.casefold() for w in words_of(r.entity.name))
        }
        return next(iter(named.values())) if len(named) == 1 else None

    return resolve_anywhere


def _org_possessive(doc: Doc, index: EntityIndex, ref: MentionRef) -> list[Found]:
    """ "Labour's John Smith", "Labour's Mr Livingstone": the person is the organisation's."""
    k = ref.start - 1
    if k >= 1 and doc[k].text.rstrip(".").casefold() in COURTESY_TITLES:
        k -= 1
    if k < 1 or doc[k].text not in ("'s", "’s"):
        return []
    org = index.at(k - 1)
    if org is None or org.entity.type != ORGANIZATION or org.end != k:
        return []
    end = doc[ref.end - 1].idx + len(doc[ref.end - 1].text)
    post = Post("", doc[org.start].idx, end, orgs=(org.entity,))
    return [Found(ref, post, "role:org-possessive", 0.75)]


def _stripped_title(ref: MentionRef, lexicon: RoleLexicon) -> list[Found]:
    """A title kg.extract.mentions took off the name that no phrase reading covered."""
    m = ref.mention
    title = m.title.strip()
    if not title or fold(title).rstrip(".") in COURTESY_TITLES or m.title_start < 0:
        return []
    words = words_of(title)
    post = Post(title, m.title_start, m.end, words=tuple(words), office=lexicon.is_office(words))
    return [Found(ref, post, "role:title", 0.85)]


def _spokesperson_of_previous(
    doc: Doc, index: EntityIndex, lexicon: RoleLexicon, f: Found
) -> Found:
    """ "The Lib Dems say ... Home affairs spokesman Mark Oaten told": his party's.

    Only a post that speaks for someone (spokesman, head, chairman...), written without
    an organisation at the very start of the sentence right after one whose subject, an
    organisation, said something.
    """
    post = f.post
    if (
        post.orgs
        or not post.text
        or not post.sentence_initial
        or post.former
        or f.rule != "role:title-before-name"
        or not lexicon.ends_in(list(post.words), lexicon.speakers)
    ):
        return f
    sent = doc[f.person.start].sent
    if sent.start == 0:
        return f
    previous = doc[sent.start - 1].sent
    k = previous.start
    if doc[k].lower_ == "the":
        k += 1
    org = index.at(k)
    if org is None or org.entity.type != ORGANIZATION or org.start != k:
        return f
    verbs = doc[org.end : min(org.end + 3, previous.end)]
    if not any(t.lower_ in lexicon.speech for t in verbs):
        return f
    widened = replace(post, orgs=(org.entity,), start=doc[org.start].idx)
    return Found(f.person, widened, "role:speaks-for-previous", 0.6)


def _councillors(
    found: list[Found], entities: Sequence[Entity], lexicon: RoleLexicon
) -> list[Found]:
    """A councillor in an article that names exactly one local council sits on it."""
    councils = [e for e in entities if e.type == ORGANIZATION and _is_local_council(e.name)]
    if len(councils) != 1:
        return []
    out = []
    for f in found:
        words = {w.casefold() for w in f.post.words}
        if not f.post.orgs and not f.post.former and words & lexicon.councillor:
            post = replace(f.post, orgs=(councils[0],), head=False)
            out.append(Found(f.person, post, "role:councillor-of", 0.6))
    return out


def _is_local_council(name: str) -> bool:
    if not _LOCAL_COUNCIL.match(name):
        return False
    return not any(w.casefold() in _NOT_LOCAL for w in name.split())
