"""Posts and memberships that the words around a name state without a post phrase.

    Liberal Democrat Alan Beith            a party's name alone before a name
    a member of Cherie Blair's Matrix ...  a person's organisation, by the possessive
    Philippe Sands QC                      a post written after the name
    its founder Mikhail Khodorkovsky       "its": the organisation the sentence is about
    Chief executive Michael Capellas       a bare post in an article about one organisation

Each reader takes the Doc and its entity index and returns `Found`s, or None; like
`kg.extract.roles.phrases`, nothing here links a person to an organisation merely because
both are named near each other.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from kg.extract.mentions import ORG_HEADS
from kg.extract.roles.lexicon import RoleLexicon, words_of
from kg.extract.roles.phrases import Found, PhraseReader, Post
from kg.model import ORGANIZATION, PERSON, Entity
from kg.nlp.tokens import EntityIndex, MentionRef

_POSSESSIVE = frozenset({"'s", "’s"})
# Last words that make a name an organisation's, beside kg.extract.mentions' own list.
_FIRM_HEADS = frozenset({"Chambers", "Partners", "Holdings", "Industries", "Enterprises", "LLC"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Words a post may take between "For Acme," and the name ("finance chief", "its spokesman").
_MAX_OPENING_POST = 6
_PREPS = frozenset({"of", "for", "at", "with", "from", "in", "on", "to"})
# Words for posts that speak for, lead or founded the organisation an article is about.
_TOPIC_POSTS = frozenset({"spokesman", "spokeswoman", "spokesperson", "founder", "co-founder"})


def party_before_name(index: EntityIndex, lexicon: RoleLexicon, ref: MentionRef) -> Found | None:
    """ "Liberal Democrat Alan Beith", "Tory Michael Mates": a party's word right before the
    name makes the person its member (any other organisation there may be a mis-cut name)."""
    party = index.at(ref.start - 1)
    if party is None or party.end != ref.start or party.entity.type != ORGANIZATION:
        return None
    if not lexicon.is_party(party.entity.name):
        return None
    doc = index.doc
    if party.start > 0 and doc[party.start - 1].text in _POSSESSIVE:
        return None  # "Britain's Labour Tony Blair": not a shape news writes
    end = doc[ref.end - 1].idx + len(doc[ref.end - 1].text)
    post = Post("", doc[party.start].idx, end, orgs=(party.entity,))
    return Found(ref, post, "role:party-before-name", 0.75)


def speaks_for_opening(index: EntityIndex, ref: MentionRef) -> Found | None:
    """ "For the Zenda Party, Jo Bloggs said ...": a sentence opened by "For" and an
    organisation speaks for it through its subject, the person named right after the comma
    (a post of their own may stand between: "For Acme, finance chief Jo Bloggs said")."""
    doc = index.doc
    sent = doc[ref.start].sent
    j = sent.start + 1
    if doc[sent.start].lower_ != "for" or j >= ref.start:
        return None
    if doc[j].lower_ == "the":
        j += 1
    if index.at(j) is None and doc[j].text[:1].isupper():
        j += 1  # "For the Welsh Zenda Party": the party's branch
    org = index.at(j)
    if org is None or org.entity.type != ORGANIZATION or org.start != j:
        return None
    comma = org.end
    if comma >= ref.start or doc[comma].text != "," or ref.start - comma > _MAX_OPENING_POST:
        return None
    between = doc[comma + 1 : ref.start]
    if any(t.is_punct or t.pos_ in ("VERB", "AUX") or index.at(t.i) for t in between):
        return None
    head = doc[ref.start : ref.end].root
    if head.dep_ not in _SUBJECTS or head.head != sent.root:
        return None  # "For Acme, which Jo Bloggs founded, ...": another clause's subject
    end = doc[ref.end - 1].idx + len(doc[ref.end - 1].text)
    post = Post("", doc[sent.start].idx, end, orgs=(org.entity,))
    return Found(ref, post, "role:for-org-opening", 0.7)


def person_possessive(index: EntityIndex) -> list[Found]:
    """ "a member of Cherie Blair's Matrix Chambers": the person's organisation is hers."""
    doc = index.doc
    out = []
    for ref in index.refs:
        if ref.entity.type != PERSON or ref.end >= len(doc) - 1:
            continue
        if doc[ref.end].text not in _POSSESSIVE:
            continue
        org = index.at(ref.end + 1)
        if org is None or org.entity.type != ORGANIZATION or org.start != ref.end + 1:
            continue
        if org.mention.text.split()[-1] not in ORG_HEADS | _FIRM_HEADS:
            continue  # "Massenet's Manon", "Gordon Brown's Budget": a work, not a body
        end = doc[org.end - 1].idx + len(doc[org.end - 1].text)
        post = Post("", doc[ref.start].idx, end, orgs=(org.entity,))
        out.append(Found(ref, post, "role:person-possessive-org", 0.7))
    return out


def post_nominal(lexicon: RoleLexicon, ref: MentionRef, doc: Doc) -> Found | None:
    """ "Philippe Sands QC", "Diane Abbott MP": a post in capitals right after the name."""
    k = ref.end
    if k >= len(doc) or doc[k].text not in lexicon.post_nominal:
        return None
    post = Post(
        doc[k].text,
        doc[ref.start].idx,
        doc[k].idx + len(doc[k].text),
        words=(doc[k].text,),
    )
    return Found(ref, post, "role:post-nominal", 0.85)


def owner(index: EntityIndex, k: int) -> Entity | None:
    """The organisation "its" or "their" at token k stands for: the one the clause is about
    (its subject, or the subject's owner: "Deutsche Bank's evidence"), in the same sentence
    before k, or else in the sentence before, when exactly one organisation is that."""
    doc = index.doc
    sent = doc[k].sent
    here = [r for r in _subject_orgs(index, sent) if r.end <= k]
    if here:
        return here[-1].entity
    if sent.start == 0:
        return None
    before = {r.entity.key: r.entity for r in _subject_orgs(index, doc[sent.start - 1].sent)}
    return next(iter(before.values())) if len(before) == 1 else None


def _subject_orgs(index: EntityIndex, sent: Span) -> list[MentionRef]:
    out = []
    for ref in index.in_span(sent):
        if ref.entity.type != ORGANIZATION:
            continue
        head = index.doc[ref.start : ref.end].root
        if head.dep_ in _SUBJECTS or (head.dep_ == "poss" and head.head.dep_ in _SUBJECTS):
            out.append(ref)
    return out


def owner_before(index: EntityIndex, f: Found, token_at: dict[int, int]) -> Found:
    """A post written after "its" or "their" ("its founder X", "Its lawyer, X") belongs to
    the organisation that word stands for."""
    if f.post.orgs or f.post.former or not f.post.text:
        return f
    start = token_at.get(f.post.start)
    if start is None or start == 0 or index.doc[start - 1].lower_ not in ("its", "their"):
        return f
    org = owner(index, start - 1)
    if org is None:
        return f
    post = Post(
        f.post.text,
        index.doc[start - 1].idx,
        f.post.end,
        (org,),
        f.post.words,
        head=f.post.head,
        office=f.post.office,
    )
    return Found(f.person, post, "role:its-post", 0.7)


def owned_post(index: EntityIndex, f: Found) -> bool:
    """Is the post written after a possessive ("its founder", "Ms Jowell's deputy")?"""
    doc = index.doc
    i = next((t.i for t in doc if t.idx == f.post.start), None)
    if i is None or i == 0:
        return False
    before = doc[i - 1]
    return before.lower_ in ("its", "their", "his", "her") or before.text in _POSSESSIVE


def topic_organisation(index: EntityIndex) -> Entity | None:
    """The organisation an article is about: the only one its headline names, when the text
    names it more often than any other organisation."""
    doc = index.doc
    first = next(iter(doc.sents), None)
    if first is None or "\n\n" not in first.text + doc.text[first.end_char : first.end_char + 2]:
        return None  # no headline line
    in_headline = {r.entity.key for r in index.in_span(first) if r.entity.type == ORGANIZATION}
    if len(in_headline) != 1:
        return None
    counts = Counter(r.entity.key for r in index.refs if r.entity.type == ORGANIZATION)
    (top, n), *rest = counts.most_common(2) + [("", 0)]
    if top not in in_headline or n < 2 or n == rest[0][1]:
        return None
    return index.by_key(top)


def recently_named(index: EntityIndex, entity: Entity, f: Found, sentences: int = 4) -> bool:
    """Is `entity` named in the sentence of `f`'s person or in the `sentences` before it?"""
    doc = index.doc
    sent = doc[f.person.start].sent
    first = sent.start
    for _ in range(sentences):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    return any(r.entity.key == entity.key and first <= r.start < f.person.start for r in index.refs)


def last_named(index: EntityIndex, entity: Entity, f: Found) -> bool:
    """Is `entity` the organisation named last before `f`'s person? "Hyundai Motor has
    announced ... [four sentences on the market] ... chairman Chung Mong-koo said": no other
    organisation came between, so the bare post can mean no other."""
    before = [r for r in index.refs if r.entity.type == ORGANIZATION and r.start < f.person.start]
    return bool(before) and max(before, key=lambda r: r.start).entity.key == entity.key


def topic_post(lexicon: RoleLexicon, topic: Entity | None, f: Found) -> Found | None:
    """ "Chief executive Michael Capellas" in an article about MCI: a leading or speaking
    post with no organisation of its own is held at the organisation the article is about."""
    post = f.post
    if topic is None or post.orgs or post.former or post.office or not post.words:
        return None
    if _PREPS & {w.casefold() for w in words_of(post.text)}:
        return None  # "president of Sydus": the post names something else
    words = [w.casefold() for w in post.words]
    if any(w in lexicon.not_head for w in words):
        return None
    if lexicon.post_length(list(post.words)) != len(post.words):
        return None  # "US Attorney": the post names something else
    if not (lexicon.ends_in(list(post.words), lexicon.heads) or words[-1] in _TOPIC_POSTS):
        return None
    widened = Post(post.text, post.start, post.end, (topic,), post.words, head=True)
    if words[-1] in _TOPIC_POSTS:
        widened = Post(post.text, post.start, post.end, (topic,), post.words)
    return Found(f.person, widened, "role:post-of-topic", 0.6)


def token_starts(doc: Doc) -> dict[int, int]:
    """Character offset -> token index, for posts that carry offsets."""
    return {t.idx: t.i for t in doc}


def headline_post(reader: PhraseReader, index: EntityIndex) -> Found | None:
    """ "Goldsmith denies war advice claim" / "The attorney general has denied ...": news
    names the person in the headline and gives the post as the subject of the first
    sentence; when the headline names one person and the first sentence's subject is a
    bare post with nobody named beside it, the post is that person's."""
    doc = index.doc
    sents = list(doc.sents)[:2]
    if len(sents) < 2 or "\n\n" not in sents[0].text + doc.text[sents[0].end_char :][:2]:
        return None
    people = [r for r in index.in_span(sents[0]) if r.entity.type == PERSON]
    if not people:
        # "Goldsmith denies ...": a surname the model left untagged in the headline
        surnames = {t.text for t in sents[0] if t.pos_ == "PROPN" and index.at(t.i) is None}
        people = [
            r
            for r in index.refs
            if r.entity.type == PERSON
            and len(r.entity.name.split()) > 1
            and r.entity.name.split()[-1] in surnames
        ]
    if len({r.entity.key for r in people}) != 1:
        return None
    lead = sents[1]
    if any(r.entity.type == PERSON for r in index.in_span(lead)):
        return None
    subject = next(
        (t for t in lead if t.dep_ in _SUBJECTS and t.head.dep_ == "ROOT" and t.pos_ == "NOUN"),
        None,
    )
    if subject is None or doc[subject.left_edge.i].lower_ != "the":
        return None
    post = reader.post_in(subject.left_edge.i + 1, subject.i + 1)
    if post is None or post.orgs or post.former:
        return None
    return Found(people[0], post, "role:headline-post", 0.6)
