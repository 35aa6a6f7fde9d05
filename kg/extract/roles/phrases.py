"""Posts written around a person's name, read off the tokens.

Journalists state a post in a handful of shapes, all next to the name:

    Home Secretary Charles Clarke            a title before the name
    Police Federation chairman Jan Berry     ... that names the organisation
    Registrars' spokesman, Mark Rimmer,      ... set off by a comma
    Andrew Hogg, spokesman for the X, said   an appositive after the name
    Rhian Beynon of the JCWI said            the organisation alone
    Ms Dunwoody, who chairs the X,           a relative clause

Each finder takes one person mention and returns what the words say, or None; nothing is
linked to an organisation that is not inside that phrase (or named by "the council" in
it, resolved by the caller). Sentence-level shapes (who spoke for whom) are in kg.roles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extract.gazetteer import is_place, org_aliases
from kg.extract.lexicon import ORG_NOUNS
from kg.extract.names import HONORIFICS, name_key
from kg.extract.roles.lexicon import RoleLexicon, words_of
from kg.model import ORGANIZATION, PERSON, PLACE, Entity
from kg.nlp.tokens import EntityIndex, MentionRef

_PREPS = frozenset({"of", "for", "at", "with", "from", "in", "on", "to"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_DETERMINERS = frozenset({"the", "a", "an", "another"})
_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# What may close an appositive: the post ends, the sentence goes on.
_CLOSERS = frozenset({",", ".", ";", ")", "(", "–", "—", "-", ":"})
# Relative words that may follow an appositive ending in an organisation: "boss of Workshare
# which commissioned the study" is about the organisation, the post has ended.
_ORG_RELATIVES = frozenset({"which", "that", "whose", "where"})
_PEERAGES = frozenset({"lord", "baroness", "lady", "baron", "viscount", "earl"})
# Words before a post set off by a comma that show it is the person's ("proposed by").
_COMMA_LEADS = frozenset({"by", "from", "with", "of", "to", "for"})
# "Its lawyer, Hugh Ray", "Ms Jowell's deputy, Richard Caborn": whose post it is, said first.
_OWNERS = frozenset({"its", "their", "his", "her"})
# Words that may describe an organisation between a preposition and its name ("head of
# policy at Aids charity the Terrence Higgins Trust", "for satellite giant Astra").
_MAX_DESCRIPTOR = 3
_PLACE_ENTS = frozenset({"NORP", "GPE", "LOC", "FAC"})
# Words that begin many organisations' names: alone, they stand for none of them.
_NAME_STARTS = frozenset(
    """the national royal new general international united world global first british
    european american north south east west central city county state federal public
    association department ministry office institute house bank university""".split()
)
# "X, who chairs the Y": the verb says the post.
_LEAD_VERBS = {"chairs": "chair", "heads": "head", "leads": "leader", "runs": "", "convenes": ""}
_WORK_VERBS = frozenset({"works", "worked"})
# "X, who founded Y", "X, who joined Y in 2002": membership, with the post the verb says.
_JOIN_VERBS = {"founded": "founder", "co-founded": "co-founder", "owns": "owner", "joined": ""}
# "X, who chaired Y": a post held once (former).
_PAST_LEAD_VERBS = {"chaired": "chair", "headed": "head", "led": "leader", "owned": "owner"}
_MAX_PHRASE = 14

# Resolves a definite description ("council" of "the council") before a token to an entity.
Anaphor = Callable[[str, int], "Entity | None"]


@dataclass(frozen=True)
class Post:
    """A post as written, the organisations it names, and what it says about them."""

    text: str  # "" when only the organisation is stated ("X of the JCWI")
    start: int  # characters: the whole phrase, for evidence
    end: int
    orgs: tuple[Entity, ...] = ()
    words: tuple[str, ...] = ()  # the post's own words (no names), for head/office checks
    former: bool = False
    head: bool = False
    office: bool = False
    sentence_initial: bool = False  # the phrase opens its sentence (for kg.extract.roles.roles)


@dataclass(frozen=True)
class Found:
    person: MentionRef
    post: Post
    rule: str
    confidence: float


class PhraseReader:
    """Reads posts around person mentions of one Doc."""

    def __init__(
        self, doc: Doc, index: EntityIndex, lexicon: RoleLexicon, anaphor: Anaphor
    ) -> None:
        self.doc = doc
        self.index = index
        self.lex = lexicon
        self.anaphor = anaphor
        # Party words the mention finder left alone ("Tory" opening a sentence) still name
        # the party when the article names it elsewhere.
        by_key = {r.entity.key: r.entity for r in index.refs if r.entity.type == ORGANIZATION}
        self._aliases = {
            form: by_key[name_key(canonical)]
            for form, (canonical, type_) in org_aliases().items()
            if type_ == ORGANIZATION and name_key(canonical) in by_key
        }
        self._orgs = list(by_key.values())
        self._short: dict[str, Entity] | None = None  # built when first needed

    # ------------------------------------------------------------ before the name

    def before(self, ref: MentionRef) -> Found | None:
        """ "Tory leader Michael Howard", "Registrars' spokesman, Mark Rimmer"."""
        doc = self.doc
        sent_start = doc[ref.start].sent.start
        k = ref.start - 1
        # "Commissioner Sir Ian Blair": a courtesy title sits between post and name.
        while k >= sent_start and self._courtesy(doc[k]):
            k -= 1
        if k < sent_start:
            return None
        comma = doc[k].text == ","
        # "The chairman of the Bar Council, Jo Bloggs QC has warned": the closing comma
        # left out, which only a post opening the sentence may do.
        unclosed = False
        if comma:
            after = ref.end
            if after < len(doc) and doc[after].text in self.lex.post_nominal:
                after += 1  # "The Tory finance spokesman, Jo Bloggs MSP, said"
            if not (self._closes_after(after) or self._of_org_after(ref)):
                if not self._verb_after(ref):
                    return None
                unclosed = True
            k -= 1
        end = k + 1
        left = self._left_extent(end, sent_start)
        for start in range(left, end):
            if self._valid(start, end):
                if comma and not self._comma_lead(start, sent_start):
                    return self._post_before_title(ref, start, sent_start)
                if unclosed and not (
                    start == sent_start + 1 and doc[sent_start].lower_ in _DETERMINERS
                ):
                    return None
                if not comma and self._describes_the_name(start, end):
                    return None
                post = self.post(start, end, sent_start=sent_start)
                if post is None:
                    return None
                rule = "role:title-comma-name" if comma else "role:title-before-name"
                return Found(
                    ref,
                    _widen(post, doc[start].idx, _end_char(doc, ref.end - 1)),
                    rule,
                    0.85 if post.orgs else 0.9,
                )
        return None

    def _describes_the_name(self, start: int, end: int) -> bool:
        """ "getaway driver of US serial killer Charles Manson": the words after the
        preposition end in a noun for the person named, so the post is someone else's."""
        doc = self.doc
        last = doc[end - 1]
        if self.index.at(end - 1) is not None or not (last.pos_ == "NOUN" and last.text.islower()):
            return False
        if self.lex.post_length([last.text]):
            return False
        preps = [i for i in range(start, end - 1) if doc[i].lower_ in _PREPS]
        if not preps:
            return False
        # "spokeswoman for women Sandra Gidley": a portfolio, not a word for the person.
        tail = [t.lower_ for t in doc[preps[-1] + 1 : end] if t.lower_ != "the"]
        return tuple(tail) not in self.lex.portfolios

    def _courtesy(self, tok: Token) -> bool:
        word = tok.text.rstrip(".").casefold()
        return word in HONORIFICS and not self.lex.post_length([tok.text.rstrip(".")])

    def _closes_after(self, i: int) -> bool:
        doc = self.doc
        return i >= len(doc) or doc[i].text in _CLOSERS or bool(doc[i].is_sent_start)

    def _post_before_title(self, ref: MentionRef, title: int, sent_start: int) -> Found | None:
        """ "The head of the NCIS, Acting Chief Superintendent, Jo Bloggs,": a post with its
        organisation, then the person's rank, then the name, each set off by commas."""
        doc = self.doc
        end = title - 1
        if end <= sent_start or doc[end].text != ",":
            return None
        for start in range(self._left_extent(end, sent_start), end):
            if not self._valid(start, end):
                continue
            if not self._comma_lead(start, sent_start):
                return None
            post = self.post(start, end, sent_start=sent_start)
            if post is None or not post.orgs:
                return None
            widened = _widen(post, doc[start].idx, _end_char(doc, ref.end - 1))
            return Found(ref, widened, "role:title-comma-name", 0.8)
        return None

    def _verb_after(self, ref: MentionRef) -> bool:
        """The name, with a post-nominal ("QC") it may carry, goes straight on to a verb."""
        doc, k = self.doc, ref.end
        if k < len(doc) and doc[k].text in self.lex.post_nominal:
            k += 1
        return k < len(doc) and doc[k].pos_ in ("VERB", "AUX") and not doc[k].is_sent_start

    def _of_org_after(self, ref: MentionRef) -> bool:
        """ "its Paris lawyer, Emmanuel Gaillard of Shearman and Sterling,": the name goes on
        with its own organisation, then the phrase closes."""
        doc, k = self.doc, ref.end
        if k >= len(doc) or doc[k].lower_ not in ("of", "from", "at"):
            return False
        j = k + 1 + (k + 1 < len(doc) and doc[k + 1].lower_ == "the")
        org = self.index.at(j)
        return (
            org is not None
            and org.entity.type == ORGANIZATION
            and org.start == j
            and self._closes_after(org.end)
        )

    def _comma_lead(self, start: int, sent_start: int) -> bool:
        k = start - 1
        if k >= sent_start and (self.doc[k].lower_ in _OWNERS or self.doc[k].text in _POSSESSIVE):
            return True
        if k >= sent_start and self.doc[k].lower_ in _DETERMINERS:
            k -= 1
        return k < sent_start or self.doc[k].lower_ in _COMMA_LEADS

    def _left_extent(self, end: int, sent_start: int) -> int:
        doc = self.doc
        k = end - 1
        while k >= sent_start and end - k <= _MAX_PHRASE:
            ref = self.index.at(k)
            if ref is not None and ref.entity.type in (ORGANIZATION, PLACE):
                k = ref.start - 1
            elif self._word_ok(doc[k]) or doc[k].lower_ in _PREPS | {"and"}:
                k -= 1
            elif doc[k].lower_ == "the" and k > sent_start and doc[k - 1].lower_ in _PREPS:
                k -= 1  # "Chief Secretary to the Treasury"
            else:
                break
        return k + 1

    # ------------------------------------------------------------ after the name

    def after(self, ref: MentionRef) -> Found | None:
        """ "Andrew Hogg, spokesman for X,", "X of the JCWI", "X, who chairs Y"."""
        doc = self.doc
        k = ref.end
        if k < len(doc) and doc[k].text in self.lex.post_nominal:
            k += 1  # "Philippe Sands QC, a member of ...": the QC is read on its own
        if k >= len(doc) or doc[k].is_sent_start:
            return None
        sent_end = doc[ref.start].sent.end
        comma = doc[k].text == ","
        if comma:
            k += 1
            # "Winter, 53, a former Yale University law professor": the age goes between.
            if k + 1 < sent_end and doc[k].like_num and doc[k + 1].text == ",":
                k += 2
        if k >= sent_end:
            return None
        word = doc[k].lower_
        if word in ("of", "from", "at") or (comma and word == "for"):
            found = self._org_only(ref, k, sent_end, comma)
            if found is not None or not comma:
                return found
        if not comma:
            return None
        if word == "who":
            return self._who(ref, k + 1, sent_end)
        return self._appositive(ref, k, sent_end, "role:appositive")

    def _org_only(self, ref: MentionRef, k: int, sent_end: int, comma: bool) -> Found | None:
        """ "Rhian Beynon of the JCWI said", "Mark Oaten, for the Liberal Democrats,"."""
        if not comma and _peer(self.doc, ref):
            return None  # "Lord Kinnock of Bedwellty": a peer's title, not a membership
        j = k + 1
        if j < sent_end and self.doc[j].lower_ == "the":
            j += 1
        j = self._place_possessive(j, sent_end)  # "Brad Adams, from the UK's Human Rights Watch"
        org = self.index.at(j)
        if org is None or org.entity.type != ORGANIZATION or org.start != j:
            return None
        after = org.end
        if after < sent_end and self.doc[after].lower_ in ORG_NOUNS:
            after += 1  # "Jo Bloggs of Zenda bank in Tokyo": what kind of body it is
        if not (
            after >= sent_end
            or self.doc[after].text in _CLOSERS
            or self.doc[after].pos_ in ("VERB", "AUX")
            or (self.doc[after].lower_ == "in" and self._place_at(after + 1))
        ):
            return None
        post = Post(
            "", self.doc[ref.start].idx, _end_char(self.doc, org.end - 1), orgs=(org.entity,)
        )
        rule = "role:for-org" if self.doc[k].lower_ == "for" else "role:of-org"
        return Found(ref, post, rule, 0.8 if comma else 0.75)

    def _who(self, ref: MentionRef, k: int, sent_end: int) -> Found | None:
        """ "Ms Dunwoody, who chairs the Transport Select Committee,"."""
        doc = self.doc
        while k < sent_end and doc[k].pos_ == "ADV":
            k += 1  # "who now chairs", "who also leads"
        if k >= sent_end:
            return None
        verb = doc[k].lower_
        if verb == "is":
            return self._appositive(ref, k + 1, sent_end, "role:who-is")
        j = k + 1
        if verb in _WORK_VERBS and j < sent_end and doc[j].lower_ == "for":
            j += 1
        elif verb not in _LEAD_VERBS and verb not in _JOIN_VERBS and verb not in _PAST_LEAD_VERBS:
            return None
        if j < sent_end and doc[j].lower_ == "the":
            j += 1
        org = self.index.at(j)
        if org is None or org.entity.type != ORGANIZATION or org.start != j:
            return None
        role = {**_LEAD_VERBS, **_JOIN_VERBS, **_PAST_LEAD_VERBS}.get(verb, "")
        post = Post(
            role,
            doc[ref.start].idx,
            _end_char(doc, org.end - 1),
            orgs=(org.entity,),
            words=(role,) if role else (),
            former=verb in _PAST_LEAD_VERBS,
            head=verb in _LEAD_VERBS,
        )
        rule = (
            "role:who-leads"
            if verb in _LEAD_VERBS or verb in _PAST_LEAD_VERBS
            else ("role:who-joined" if verb in _JOIN_VERBS else "role:who-works")
        )
        return Found(ref, post, rule, 0.8)

    def _appositive(self, ref: MentionRef, k: int, sent_end: int, rule: str) -> Found | None:
        doc = self.doc
        # "Mr Sullivan, one of six WorldCom executives indicted": one of the posts.
        if k + 1 < sent_end and doc[k].lower_ == "one" and doc[k + 1].lower_ == "of":
            k += 2
            while k < sent_end and (doc[k].lower_ in _DETERMINERS or doc[k].like_num):
                k += 1
        if k < sent_end and doc[k].lower_ in _DETERMINERS:
            k += 1
        start = k
        seen_prep = False
        person_end = -1
        while k < sent_end and k - start < _MAX_PHRASE:
            tok = doc[k]
            mention = self.index.at(k)
            if mention is not None and self._owned_org(mention) is not None:
                k = mention.end + 1  # "member of Cherie Blair's Matrix Chambers"
                continue
            if mention is not None:
                if mention.entity.type == PERSON and seen_prep:
                    person_end = mention.end  # "lawyer for Mr Begg": the post is "lawyer"
                if mention.entity.type == PERSON or mention.start < k:
                    break
                k = mention.end
            elif tok.lower_ in _PREPS:
                seen_prep = True
                k += 1
            elif tok.lower_ in ("the", "and", "its", "their") and seen_prep:
                k += 1  # "chief of its operations department"
            elif tok.lower_ == "and" and self._portfolio_and(k):
                k += 1  # "shadow work and pensions secretary": one portfolio
            elif self._word_ok(tok):
                k += 1
            else:
                break
        end = k
        if person_end >= 0:
            end = self._split(start, end)
            k = person_end
        # The phrase must close where the appositive does: not at another name ("X, Labour
        # leader Tony Blair"), nor at "and" (a list of people).
        closer = doc[k] if k < sent_end else None
        last = self.index.at(k - 1) if k > start else None
        after_org = last is not None and last.entity.type == ORGANIZATION
        if closer is not None and not (
            closer.text in _CLOSERS
            or closer.pos_ in ("VERB", "AUX")
            or (closer.lower_ in _ORG_RELATIVES and after_org)
        ):
            return None
        while end > start and (doc[end - 1].lower_ in _PREPS | {"the", "and"}):
            end -= 1
        if end <= start or not self._valid(start, end):
            return None
        post = self.post(start, end, sent_start=-1)
        if post is None:
            return None
        return Found(ref, _widen(post, doc[ref.start].idx, post.end), rule, 0.85)

    # ------------------------------------------------------------ the post itself

    def _word_ok(self, tok: Token) -> bool:
        ref = self.index.at(tok.i)
        if ref is not None:
            return ref.entity.type in (ORGANIZATION, PLACE)
        if tok.ent_type_ in _NOT_NAME_ENTS:
            return False
        if tok.text in _POSSESSIVE or tok.text == "-":
            return True
        # "shadow", "former", "ex" are often tagged as verbs or adverbs.
        if tok.lower_ in self.lex.not_current | self.lex.not_head | self.lex.dropped:
            return True
        return tok.pos_ in ("NOUN", "PROPN", "ADJ") and any(ch.isalpha() for ch in tok.text)

    def _split(self, start: int, end: int) -> int:
        """Index of the first preposition outside a name, or `end`."""
        k = start
        while k < end:
            ref = self.index.at(k)
            if ref is not None:
                k = max(ref.end, k + 1)
                continue
            if self.doc[k].lower_ in _PREPS:
                return k
            k += 1
        return end

    def _valid(self, start: int, end: int) -> bool:
        """Do tokens [start, end) read as a post: words ending in a word for a post,
        then perhaps "of/for/at ..." that names no person?"""
        doc = self.doc
        if any(
            doc[i].lower_ in _PREPS | {"and", "the"}
            or doc[i].text in _POSSESSIVE
            or doc[i].text == "-"
            for i in (start, end - 1)
        ):
            return False
        ref = self.index.at(start)
        if ref is not None and ref.start < start:
            return False
        split = self._split(start, end)
        last = split - 1
        if last < start or self.index.at(last) is not None:
            return False
        if any(doc[i].lower_ == "and" and not self._portfolio_and(i) for i in range(start, split)):
            return False  # "adviser and MEP": two posts, or two people
        if not self.lex.post_length(words_of(doc[start:split].text)):
            return False
        return not any(
            r.entity.type == PERSON and self._owned_org(r) is None
            for r in self.index.in_span(doc[start:end])
        )

    def _portfolio_and(self, i: int) -> bool:
        """Is the "and" at `i` inside a portfolio's name ("work and pensions", "culture,
        media and sport")? The lexicon keeps portfolios without their function words."""
        doc = self.doc
        if i == 0 or i + 1 >= len(doc):
            return False
        after = doc[i + 1].lower_
        before = [t.lower_ for t in doc[max(0, i - 4) : i] if t.is_alpha]
        return any((*before[-n:], after) in self.lex.portfolios for n in range(1, len(before) + 1))

    def post_in(self, start: int, end: int) -> Post | None:
        """The post tokens [start, end) state on their own ("chairman of the X"), if they
        read as one; for frames outside the name's phrase ("X was chairman of the Y")."""
        while end > start and self.doc[end - 1].lower_ in _PREPS | {"the", "and"}:
            end -= 1
        if end <= start or not self._valid(start, end):
            return None
        return self.post(start, end, sent_start=-1)

    def post(self, start: int, end: int, *, sent_start: int) -> Post | None:
        """The post written in tokens [start, end), with the organisations it names."""
        doc = self.doc
        split = self._split(start, end)
        orgs: list[Entity] = []
        in_org = False  # "leader in the Lords": a post within, not at the head of, the org
        role_end = end
        # "MP for Hornsey and Wood Green": a seat, whatever the model called it.
        seat = self.lex.ends_in(words_of(doc[start:split].text), self.lex.seats)
        k = split
        while k < end:  # "spokesman for the Medical Foundation": the post stops at "for"
            if doc[k].lower_ in _PREPS and not (seat and doc[k].lower_ == "for"):
                j = k + 1 + (k + 1 < end and doc[k + 1].lower_ == "the")
                org = self._org_at(j, end)
                if org is not None:
                    orgs.append(org)
                    in_org = in_org or doc[k].lower_ == "in"
                    role_end = min(role_end, k)
                elif _definite_tail(doc, j, end):
                    role_end = min(role_end, k)  # "chairman of the organisation": which, unsaid
            k += 1
        text_start = start
        while text_start < split and doc[text_start].lower_ in self.lex.dropped:
            text_start += 1
        # Organisations before the post: "Police Federation chairman", "the council's leader".
        content: list[str] = []
        k = text_start
        while k < split:
            ref = self.index.at(k)
            named = self._org_span(k)
            if named is not None and not self._portfolio(k, named[1]):
                orgs.append(named[0])
                k = named[1]
                continue
            if named is not None:  # "Constitutional Affairs Minister": a subject, not an org
                content.extend(words_of(doc[k : named[1]].text))
                k = named[1]
                continue
            if k + 1 < split and doc[k + 1].text in _POSSESSIVE and k == text_start:
                owner = self._possessor(k)
                if owner is not None:
                    orgs.append(owner)
                    k += 1
                    continue
            if k == text_start and k + 1 < split and doc[k].lower_ in self.lex.generic_orgs:
                # "Company spokesman Glenn Waller": the one company just named.
                meant = self.anaphor(doc[k].lower_, k)
                if meant is not None:
                    orgs.append(meant)
            if ref is None and doc[k].text not in _POSSESSIVE:
                content.extend(words_of(doc[k].text))
            k += 1
        text_start = self._skip_leading_orgs(text_start, split)
        if role_end <= text_start:
            return None
        text = doc[text_start:role_end].text
        former = any(w.casefold() in self.lex.not_current for w in content)
        own = [w for w in content if w.casefold() not in self.lex.dropped and w != "-"]
        n = self.lex.post_length(own)
        head = (
            bool(orgs)
            and not former
            and not in_org
            and n == len(own)
            and self.lex.ends_in(own, self.lex.heads)
            and not any(w.casefold() in self.lex.not_head for w in own)
            # "head of policy at the Trust": a head of something within it
            and (role_end == split or role_end >= end)
        )
        if not former and not self.lex.is_office(own) and role_end < end:
            # "Chief Secretary to the Treasury": the office is named whole.
            whole = [
                w
                for w in words_of(doc[text_start:end].text)
                if w.casefold() not in self.lex.dropped
            ]
            if self.lex.is_office(whole):
                own, role_end = whole, end
                text = doc[text_start:end].text
        office = not former and self.lex.is_office(own)
        return Post(
            text,
            doc[start].idx,
            _end_char(doc, end - 1),
            tuple(_unique(orgs)),
            tuple(own),
            former,
            head,
            office,
            sentence_initial=start == sent_start,
        )

    def _org_span(self, k: int) -> tuple[Entity, int] | None:
        """The organisation named from token k, and where its name ends."""
        ref = self.index.at(k)
        if ref is not None:
            if ref.entity.type == ORGANIZATION and ref.start == k:
                return ref.entity, ref.end
            return None
        for n in (2, 1):
            text = self.doc[k : k + n].text
            if k + n <= len(self.doc) and text in self._aliases:
                if all(self.index.at(i) is None for i in range(k, k + n)):
                    return self._aliases[text], k + n
        # "Lyric chairman David Johnston": the first word of the one "Lyric Theatre".
        tok = self.doc[k]
        if not tok.text[:1].isupper():
            return None
        if self._short is None:
            self._short = _short_forms(self._orgs)
        short = self._short.get(tok.text)
        if short is not None and tok.pos_ in ("PROPN", "ADJ") and tok.ent_type_ not in _PLACE_ENTS:
            following = self.doc[k + 1] if k + 1 < len(self.doc) else None
            if following is not None and self.lex.post_length([following.text]):
                return short, k + 1
        return None

    def _portfolio(self, start: int, end: int) -> bool:
        """Is the "organisation" at [start, end) the subject of a minister or secretary?"""
        doc = self.doc
        if end >= len(doc) or doc[end].lower_ not in ("secretary", "minister"):
            return False
        words = [w.casefold() for w in words_of(doc[start:end].text)]
        return tuple(w for w in words if w not in ("of", "the", "and")) in self.lex.portfolios

    def _org_at(self, j: int, end: int) -> Entity | None:
        doc = self.doc
        owner = self.index.at(j)
        if owner is not None and owner.start == j and self._owned_org(owner) is not None:
            j = owner.end + 1  # "of Cherie Blair's Matrix Chambers": the chambers
        j = self._after_descriptor(j, end)
        org = self._org_span(j) if j < end else None
        # "member of the Commons intelligence committee": the org names a longer thing;
        # "of Toshiba's European storage device division": a part of it, which is its.
        if org is not None and (
            org[1] >= end or doc[org[1]].lower_ in _PREPS or doc[org[1]].text in _POSSESSIVE
        ):
            return org[0]
        if org is not None:
            return None
        # "secretary general of the council": a definite description of a named org;
        # "director of the Committee": a short name, of the one organisation it can mean.
        if _definite_tail(self.doc, j, end):
            if doc[j].text.istitle():
                return self._short_name(doc[j].text)
            return self.anaphor(self.doc[j].lower_, j)
        return None

    def _owned_org(self, ref: MentionRef) -> Entity | None:
        """The organisation a person's possessive names: "Cherie Blair's Matrix Chambers"."""
        doc, after = self.doc, ref.end
        if ref.entity.type != PERSON or after + 1 >= len(doc) or doc[after].text not in _POSSESSIVE:
            return None
        org = self.index.at(after + 1)
        if org is None or org.entity.type != ORGANIZATION or org.start != after + 1:
            return None
        return org.entity

    def _short_name(self, word: str) -> Entity | None:
        """The one organisation whose name holds `word` ("Committee"), if only one does."""
        found = {
            r.entity.key: r.entity
            for r in self.index.refs
            if r.entity.type == ORGANIZATION
            and word in words_of(r.entity.name)
            and len(words_of(r.entity.name)) > 1
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _place_possessive(self, j: int, end: int) -> int:
        """Where the name starts after a place's possessive ("the UK's", "Zendaville's")."""
        ref = self.index.at(j)
        if ref is None or ref.entity.type != PLACE or ref.start != j:
            return j
        k = ref.end
        if k + 1 < end and self.doc[k].text in _POSSESSIVE:
            return k + 1
        return j

    def _after_descriptor(self, j: int, end: int) -> int:
        """Where the name starts after words that describe an organisation: "Aids charity
        the Terrence Higgins Trust", "satellite giant Astra" (j itself when there are none).

        The words must end in a common noun and be followed by an organisation's name.
        """
        doc = self.doc
        k = j
        while k < end and k - j < _MAX_DESCRIPTOR and self.index.at(k) is None:
            tok = doc[k]
            if tok.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.lower_ in _PREPS | {"the", "and"}:
                break
            k += 1
        if k == j or not (doc[k - 1].pos_ in ("NOUN", "ADJ") and doc[k - 1].text.islower()):
            return j
        name = k + (k < end and doc[k].lower_ == "the")
        ref = self.index.at(name)
        if ref is None or ref.entity.type != ORGANIZATION or ref.start != name:
            return j
        return name

    def _possessor(self, k: int) -> Entity | None:
        """ "the council's chief executive": the owner, when it names an organisation."""
        doc = self.doc
        if k > 0 and doc[k - 1].lower_ == "the" and doc[k].pos_ == "NOUN" and doc[k].text.islower():
            return self.anaphor(doc[k].lower_, k)
        return None

    def _skip_leading_orgs(self, k: int, split: int) -> int:
        """The post as written starts after a leading organisation's name, except a party's
        adjective ("Tory leader" keeps "Tory")."""
        doc = self.doc
        while k < split:
            org = self._org_span(k)
            if org is not None:
                if self.lex.is_party(org[0].name) or self._portfolio(k, org[1]):
                    return k
                k = org[1]
            elif (
                k + 1 < split and doc[k + 1].text in _POSSESSIVE and self._possessor(k) is not None
            ):
                k += 1
            elif doc[k].text in _POSSESSIVE:
                k += 1
            else:
                return k
        return k

    def _place_at(self, j: int) -> bool:
        ref = self.index.at(j)
        return ref is not None and ref.entity.type == PLACE


def _peer(doc: Doc, ref: MentionRef) -> bool:
    first = ref.mention.text.split()[0].casefold() if ref.mention.text else ""
    before = doc[ref.start - 1].lower_ if ref.start > 0 else ""
    return bool({first, before} & _PEERAGES)


def _short_forms(orgs) -> dict[str, Entity]:
    """First words that stand for one organisation of the article: "Lyric" for the Lyric
    Theatre, when no other organisation's name starts with it and it is no common word."""
    firsts: dict[str, list[Entity]] = {}
    for org in orgs:
        words = org.name.split()
        rest = " ".join(words[1:])
        if len(words) < 2 or is_place(rest) or (rest.isupper() and len(rest) <= 3):
            continue  # "Yukos USA", "Sony UK": a branch, not what "Yukos" means
        if words[0][:1].isupper() and words[0].casefold() not in _NAME_STARTS:
            firsts.setdefault(words[0], []).append(org)
    return {w: found[0] for w, found in firsts.items() if len({e.key for e in found}) == 1}


def _definite_tail(doc: Doc, j: int, end: int) -> bool:
    """Is token j, the phrase's last, a common noun after "the" ("of the council", "of the
    Committee" for a committee named before)?"""
    return (
        j == end - 1
        and doc[j].pos_ in ("NOUN", "PROPN")
        and doc[j - 1].lower_ == "the"
        and (doc[j].text.islower() or (doc[j].text.istitle() and doc[j].is_alpha))
    )


def _widen(post: Post, start: int, end: int) -> Post:
    from dataclasses import replace

    return replace(post, start=min(post.start, start), end=max(post.end, end))


def _end_char(doc: Doc, i: int) -> int:
    return doc[i].idx + len(doc[i].text)


def _unique(items: list[Entity]) -> list[Entity]:
    seen: set[str] = set()
    out = []
    for e in items:
        if e.key not in seen:
            seen.add(e.key)
            out.append(e)
    return out
