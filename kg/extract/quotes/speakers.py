"""Who a cue's subject names: an entity mention, a pronoun, a spokesman, or "the councillor".

Precision first: a pronoun goes to the most recent person who was the subject of a clause
(or spoke) and whose title does not contradict it; a bare role ("the councillor", "the
spokesman") to the speaker or person that role was last used of; "the council" to the
only organisation of that kind. Anything else stays unresolved.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extract.quotes.cues import speech_lemma
from kg.extract.roles.lexicon import role_lexicon
from kg.model import ORGANIZATION, PERSON, Entity
from kg.nlp.tokens import EntityIndex, MentionRef

_MALE = frozenset("mr sir lord baron father brother he".split())
_FEMALE = frozenset("ms mrs miss lady dame baroness sister she".split())
# Nouns for people who speak for an organisation: "a Home Office spokesman said".
_SPOKES = frozenset(
    "spokesman spokeswoman spokesperson spokespeople official source representative".split()
)
# Nouns for a person's post: "the councillor said" refers back to a person.
_ROLES = frozenset(
    """
    councillor minister secretary spokesman spokeswoman spokesperson chairman chairwoman
    chair leader mp lawyer solicitor barrister president chief director head professor
    commissioner chancellor campaigner mayor officer executive boss founder judge editor
    correspondent governor premier ambassador convener convenor member peer
    """.split()
)
_DEFINITE = frozenset("the this that".split())  # not "his spokesman": not him
_OBJECT_PREPS = frozenset("for of at from".split())
_QUALIFIERS = frozenset("deputy shadow former ex junior vice assistant acting".split())
_BARE = frozenset("det poss amod compound punct".split())
_WINDOW = 5  # sentences a pronoun or a bare role may reach back


@dataclass(frozen=True)
class Speaker:
    entity: Entity
    how: str  # "name", "pronoun", "role", "spokesperson"


class SpeakerFinder:
    """Resolves the subject of an attribution to a Person or Organization entity."""

    def __init__(self, doc: Doc, index: EntityIndex, quoted: Sequence[tuple[int, int]]) -> None:
        self.doc = doc
        self.index = index
        self._quoted = quoted
        self._sent_starts = [s.start_char for s in doc.sents]
        self._gender: dict[str, set[str]] = {}
        self._titles: list[tuple[int, Entity, tuple[tuple[str, ...], ...]]] = []
        self._subjects: list[tuple[int, Entity]] = []  # persons as clause subjects
        self._spoken: list[tuple[int, Entity, str]] = []  # speakers so far, with their noun
        for ref in index.refs:
            if ref.entity.type != PERSON or _inside(ref.mention.start, quoted):
                continue
            self._note_gender(ref)
            self._titles.append((ref.mention.start, ref.entity, self._title_words(ref)))
            if self._is_subject(ref):
                self._subjects.append((ref.mention.start, ref.entity))
        # A person the entity stage missed still takes the pronoun: it must not fall
        # through to someone earlier ("Professor X said ... He said: ...").
        self._unknown = [
            t.idx
            for ent in doc.ents
            if ent.label_ == "PERSON"
            for t in ent
            if index.at(t.i) is None
            and t.dep_ == "nsubj"
            and _main_or_speech(t.head)
            and not _inside(t.idx, quoted)
        ]

    def record(self, pos: int, entity: Entity, subject: Token | None) -> None:
        """Remember who spoke at `pos` and the noun used for them ("spokesman")."""
        noun = _singular(subject.lower_) if subject is not None and subject.pos_ == "NOUN" else ""
        self._spoken.append((pos, entity, noun))

    def last_speaker(self) -> Entity | None:
        return self._spoken[-1][1] if self._spoken else None

    def resolve(self, tok: Token) -> Speaker | None:
        """The entity `tok` (the head of a subject noun phrase) names, if any."""
        ref = self.index.at(tok.i)
        if ref is not None:
            return (
                Speaker(ref.entity, "name") if ref.entity.type in (PERSON, ORGANIZATION) else None
            )
        if tok.lower_ in ("he", "she"):
            return self._pronoun(tok)
        for child in tok.children:
            if child.dep_ == "appos":  # "Registrars' spokesman, Mark Rimmer, said"
                ref = self.index.at(child.i)
                if ref is not None and ref.entity.type == PERSON:
                    return Speaker(ref.entity, "name")
        # The parser tags a bare post as a proper noun now and then ("the councillor said").
        if tok.pos_ != "NOUN" and not (tok.pos_ == "PROPN" and tok.text.islower()):
            return None
        noun = _singular(tok.lower_)
        bare = all(c.dep_ in _BARE or _set_off(c) or c.dep_ == "appos" for c in tok.children)
        if noun in _SPOKES:
            org = self._org_modifier(tok)
            if org is None and bare and noun != "source" and _indefinite(tok):
                # "Acme denied it. A spokesman said: ...": for the one organisation just named.
                org = self._only_org_since_sentence_before(tok)
            if org is not None:
                return Speaker(org, "spokesperson")
        if noun in role_lexicon().generic_orgs and bare and _definite(tok):
            # "the company said": the one organisation named since the sentence before.
            org = self._only_org_since_sentence_before(tok)
            if org is not None:
                return Speaker(org, "role")
        # Only a bare description refers back: "the chairman of the Bar Council, Guy
        # Mansfield" names someone new; "The actor, whose films include ..., said" does.
        if bare and _definite(tok):
            return self._role(tok, noun)
        return None

    def _only_org_since_sentence_before(self, tok: Token) -> Entity | None:
        """The organisation named, outside quotation marks, in this sentence before `tok` or
        in the sentence before it, when exactly one is."""
        doc = self.doc
        first = tok.sent.start
        if first > 0:
            first = doc[first - 1].sent.start
        orgs = {
            r.entity.key: r.entity
            for r in self.index.refs
            if r.entity.type == ORGANIZATION
            and first <= r.start < tok.i
            and not _inside(r.mention.start, self._quoted)
        }
        return next(iter(orgs.values())) if len(orgs) == 1 else None

    def left_of(self, verb: Token) -> Speaker | None:
        """The name just before a finite verb the parse left without a subject:
        "Ms Dunwoody, who chairs the committee, says: ..."."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP"):
            return None
        start = verb.sent.start
        k = verb.i - 1
        if k >= start and verb.doc[k].text == ",":  # skip one parenthetical
            k -= 1
            while k >= start and verb.doc[k].text != ",":
                k -= 1
            k -= 1
        ref = self.index.at(k) if k >= start else None
        if ref is None or ref.end - 1 != k or ref.entity.type not in (PERSON, ORGANIZATION):
            return None
        return Speaker(ref.entity, "name")

    # ------------------------------------------------------------ resolution

    def _pronoun(self, tok: Token) -> Speaker | None:
        want = "m" if tok.lower_ == "he" else "f"
        floor = self._floor(tok.idx)
        candidates = [(p, e) for p, e in self._subjects if p < tok.idx]
        candidates += [(p, e) for p, e, _ in self._spoken if p < tok.idx and e.type == PERSON]
        blocker = max((p for p in self._unknown if p < tok.idx), default=-1)
        for pos, entity in sorted(candidates, key=lambda c: c[0], reverse=True):
            if pos < floor or pos < blocker:
                break
            if self._gender.get(entity.key, set()) <= {want}:
                if self._named_between(entity, pos, tok.idx, want):
                    return None  # someone else named since could be meant: leave it
                return Speaker(entity, "pronoun")
        return self._last_speaker_only(tok, want, max(floor, blocker))

    def _last_speaker_only(self, tok: Token, want: str, floor: int) -> Speaker | None:
        """ "Within ... [a long quotation] ... She went on: ...": the last person who spoke,
        further back than the window because the sentences between are her own words,
        when nobody else has been named outside quotation marks since."""
        spoken = [(p, e) for p, e, _ in self._spoken if p < tok.idx and e.type == PERSON]
        if not spoken or spoken[-1][0] >= floor:
            return None  # within the window: the candidates above were the answer
        pos, entity = spoken[-1]
        if not self._gender.get(entity.key, set()) <= {want}:
            return None
        if any(
            pos < r.mention.start < tok.idx
            and r.entity.type == PERSON
            and not _inside(r.mention.start, self._quoted)
            for r in self.index.refs
        ) or any(pos < p < tok.idx for p in self._unknown):
            return None
        return Speaker(entity, "pronoun")

    def _named_between(self, entity: Entity, start: int, end: int, want: str) -> bool:
        """Another person of the pronoun's gender, the subject of some clause, named between
        the antecedent and the pronoun: "X ... But Mr Y denied ... He also said"."""
        return any(
            r.entity.type == PERSON
            and self._head(r).dep_ in ("nsubj", "nsubjpass")
            and r.entity.key != entity.key
            and start < r.mention.start < end
            and self._gender.get(r.entity.key, set()) <= {want}
            and not _inside(r.mention.start, self._quoted)
            for r in self.index.refs
        )

    def _role(self, tok: Token, noun: str) -> Speaker | None:
        """ "the council" -> the only council; "the spokesman" -> whom that noun last named."""
        orgs = {
            r.entity.key: r.entity
            for r in self.index.refs
            if r.entity.type == ORGANIZATION
            and _singular(r.entity.name.split()[-1].lower()) == noun
        }
        if len(orgs) == 1:
            return Speaker(next(iter(orgs.values())), "role")
        if orgs:
            return None
        for pos, entity, said_noun in reversed(self._spoken):
            if pos < tok.idx and said_noun == noun:
                return Speaker(entity, "role")
        if noun not in _ROLES and not _is_post(noun):
            return None
        floor = self._floor(tok.idx)
        role = _phrase(tok)
        # "The Oscar-nominated actor": words that describe the holder are not the post.
        lexicon = role_lexicon()
        n = lexicon.post_length(list(role))
        extra = _modifiers(tok)[: len(role) - n] if n else []
        if extra and not lexicon.is_office(list(role)) and all(t.dep_ == "amod" for t in extra):
            role = role[-n:]
        for pos, entity, phrases in reversed(self._titles):
            if floor <= pos < tok.idx and any(_same_post(role, p) for p in phrases):
                return Speaker(entity, "role")
        if len(role) > 1:  # "the prime minister" is one person, not whoever spoke last
            return None
        # A bare post refers back to the person just talked about ("the councillor said").
        recent = [(p, e) for p, e in self._subjects if floor <= p < tok.idx]
        recent += [(p, e) for p, e, _ in self._spoken if floor <= p < tok.idx and e.type == PERSON]
        return Speaker(max(recent, key=lambda c: c[0])[1], "role") if recent else None

    def _org_modifier(self, tok: Token) -> Entity | None:
        """The organisation in "a Home Office spokesman" or "a spokesman for the Home Office"."""
        for child in tok.children:
            targets = [child]
            if child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS:
                targets = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ not in ("compound", "poss", "nmod", "amod"):
                continue
            for target in targets:
                for t in target.subtree:
                    ref = self.index.at(t.i)
                    if ref is not None and ref.entity.type == ORGANIZATION:
                        return ref.entity
        return None

    def _floor(self, pos: int) -> int:
        """The start of the sentence `_WINDOW` sentences before the one holding `pos`."""
        i = bisect_right(self._sent_starts, pos) - 1
        return self._sent_starts[max(0, i - _WINDOW)] if self._sent_starts else 0

    # ------------------------------------------------------------ mention facts

    def _note_gender(self, ref: MentionRef) -> None:
        words = [ref.mention.title.lower(), ref.mention.text.split()[0].lower().rstrip(".")]
        if ref.start > 0:
            words.append(self.doc[ref.start - 1].lower_.rstrip("."))
        for word in words:
            if word in _MALE:
                self._gender.setdefault(ref.entity.key, set()).add("m")
            elif word in _FEMALE:
                self._gender.setdefault(ref.entity.key, set()).add("f")

    def _title_words(self, ref: MentionRef) -> tuple[tuple[str, ...], ...]:
        """Posts written with the name: "Home Secretary Charles Clarke", "X, the councillor"."""
        phrases = [tuple(_singular(w.lower()) for w in ref.mention.title.split())]
        head = self._head(ref)
        words: list[str] = []
        k = ref.start - 1
        while k >= 0 and self.doc[k].dep_ in ("compound", "amod") and self.doc[k].pos_ != "DET":
            words.insert(0, _singular(self.doc[k].lower_))
            k -= 1
        phrases.append(tuple(words))
        for other in [c for c in head.children if c.dep_ == "appos"] + (
            [head.head] if head.dep_ == "appos" else []
        ):
            phrases.append(_phrase(other))
        return tuple(p for p in phrases if p)

    def _is_subject(self, ref: MentionRef) -> bool:
        """Subject of the sentence's main verb or of a speech verb: who the text is about,
        not someone inside a reported clause ("said Mr Blair should butt out")."""
        head = self._head(ref)
        if head.dep_ == "appos":
            # A name in apposition to another name is a misread list ("X, Y and Z").
            if head.head.ent_type_ == "PERSON":
                return False
            head = head.head
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return False
        return _main_or_speech(head.head)

    def _head(self, ref: MentionRef) -> Token:
        span = self.doc[ref.start : ref.end]
        return span.root


def _indefinite(noun: Token) -> bool:
    """ "a spokesman" introduces one; "the spokesman" refers back to one."""
    return any(c.lower_ in ("a", "an") and c.dep_ == "det" for c in noun.children)


def _definite(noun: Token) -> bool:
    return any(c.lower_ in _DEFINITE for c in noun.children if c.dep_ in ("det", "poss"))


def _is_post(noun: str) -> bool:
    """A single word for a post or occupation (data/roles.tsv): "actor", "founder"."""
    return role_lexicon().post_length([noun]) == 1


def _set_off(child: Token) -> bool:
    """A relative clause set off by a comma: "The actor, whose films include X, said"."""
    doc = child.doc
    return (
        child.dep_ == "relcl" and child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == ","
    )


def _modifiers(noun: Token) -> list[Token]:
    return sorted(
        (c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i),
        key=lambda t: t.i,
    )


def _main_or_speech(verb: Token) -> bool:
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    return main or speech_lemma(verb) is not None


def _phrase(noun: Token) -> tuple[str, ...]:
    """The post a noun names with its modifiers: "deputy prime minister"."""
    words = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    return tuple(_singular(t.lower_) for t in sorted([*words, noun], key=lambda t: t.i))


def _same_post(role: tuple[str, ...], title: tuple[str, ...]) -> bool:
    """ "minister" is a "Home Office minister"; "prime minister" is no "deputy prime minister"."""
    n = len(role)
    if title[-n:] != role:
        return False
    return len(title) == n or title[-n - 1] not in _QUALIFIERS


def _singular(word: str) -> str:
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("people"):
        return word[:-6] + "person"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)
