"""Which entity a noun-phrase head names, anaphora included, for the relation finders.

A name is its entity. Beyond names, only what one entity fits is resolved, since a missing
relation is better than one the text does not state:
- "he", "she", "his": the person the enclosing clause is about, or the one person named in
  the latest of the last three sentences to name any; "it", "its": the organisation the
  enclosing clause is about ("IBM said it would ...") or its speaker speaks for ("a Yili
  spokesman said it would ..."), never an extraposed "it" ("it was wrong to suggest ...");
- "who", "which", "that" opening a relative clause: what the clause describes;
- "the committee": the one organisation named earlier whose name has that head;
- "the Home Secretary", "the attorney general": the one person given that title, before
  the name ("Home Secretary Charles Clarke") or beside it ("Greg Abbott, Texas attorney
  general");
- "the detainees": the people named together earlier, when one such group exists;
- someone acting for another: "a Home Office spokesman", "Mr Trotter's companies", "lawyers
  for the men", "a delegation from the CBI" stand for the Home Office, Mr Trotter, the men,
  the CBI ("bosses of X and Y" for both);
- "I", "me", "my" in a quotation: its speaker; "we", "us", "our": its speaker when that is
  an organisation (`speakers`);
- an emphatic "itself" ("it is itself being sued") is the subject beside it;
- a common noun listing entities beside it: "four companies - Gazprom, Rosneft and ...".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from kg.extract.antecedents import (
    generic_org,
    opens_main_clause,
    previous_subject,
    shared_object,
)
from kg.extract.lexicon import ORG_NOUNS
from kg.extract.names import fold
from kg.extract.speakers import FIRST_PERSON, Speakers
from kg.extract.titles import PersonTitles
from kg.extract.verbs import noun_lemma
from kg.model import AGENTS, ORGANIZATION, PERSON, Entity, Fact, Quote
from kg.nlp.tokens import EntityIndex, MentionRef

_PERSON_PRONOUNS = frozenset("he she him her his".split())
_RELATIVES = frozenset("who which that whom".split())
_SUBJECTS = ("nsubj", "csubj")
# Nouns for people or bodies acting for whoever they belong to.
_PROXIES = frozenset(
    """spokesman spokeswoman spokesperson spokespeople spokesmen lawyer solicitor barrister
    counsel representative official aide board director executive management company firm
    business boss chief delegation negotiator envoy team staff""".split()
)
# Plural nouns that refer back to a group of people named together.
_GROUP_NOUNS = frozenset(
    """
    men women detainees suspects prisoners defendants hostages captives pair trio
    two three four five six brothers sisters
    """.split()
)
# Words for a part or relation of a company: "the Fiat unit" is not Fiat.
_PART_NOUNS = frozenset("unit subsidiary arm division branch affiliate parent".split())
# Plural nouns that refer back to two organisations named together ("both parties").
_PAIR_NOUNS = frozenset("parties companies firms groups sides banks unions exchanges".split())
_FUNCTION_WORDS = frozenset("of on for the and in to at".split())
_REFLEXIVES = frozenset("itself himself herself themselves".split())
_BE_FORMS = frozenset("is was are were be been being 's ’s".split())
# Adjectives that judge a clause put after them: "it is wrong to ...", "it is clear that".
_EXTRAPOSING = frozenset(
    """wrong right clear important essential vital crucial unfair fair likely unlikely
    possible impossible necessary true false good bad better best difficult hard easy
    ridiculous absurd unacceptable outrageous disgraceful obvious inevitable""".split()
)


class Resolver:
    """Which Person/Organization entity a noun-phrase head names (see the module docstring)."""

    def __init__(
        self,
        doc: Doc,
        entities: Sequence[Entity],
        index: EntityIndex | None = None,
        quotes: Sequence[Quote] = (),
    ):
        self.doc = doc
        self.index = index or EntityIndex(doc, entities)
        self._speakers = Speakers(quotes, entities)
        self._titles = PersonTitles(doc, self.index)
        self._resolved: dict[int, Entity | None] = {}
        self._named: dict[tuple[int, tuple[str, ...]], list[tuple[Entity, Token]]] = {}

    def entities(self, tok: Token | None, types: Sequence[str] = AGENTS) -> list[Entity]:
        """The entities named by `tok` and its conjuncts, of the given types."""
        return [entity for entity, _ in self.named(tok, types)]

    def named(self, tok: Token | None, types: Sequence[str] = AGENTS) -> list[tuple[Entity, Token]]:
        """(entity, token naming it) for `tok` and its conjuncts, of the given types."""
        if tok is None:
            return []
        key = (tok.i, tuple(types))
        if key not in self._named:
            self._named[key] = self._name(tok, types)
        return self._named[key]

    def _name(self, tok: Token, types: Sequence[str]) -> list[tuple[Entity, Token]]:
        relative = self._relative(tok)
        if relative != tok:
            # "the government, who support X, and DaimlerChrysler": the clause describes
            # what comes before it, not a conjunct after it.
            return [(e, t) for e, t in self._name(relative, types) if t.i < tok.i or t == relative]
        found: dict[str, tuple[Entity, Token]] = {}
        if self.index.at(tok.i) is None:
            # The evidence is the clause: keep the anaphor, not the distant names.
            group = self._group(tok) if PERSON in types else []
            for entity, _ in group or (self._pair(tok) if ORGANIZATION in types else []):
                found.setdefault(entity.key, (entity, tok))
        for t in self._listed_with(tok):
            named = self.entity(t)
            if named is not None and named.type in types:
                found.setdefault(named.key, (named, t))
        for t in self._principals(tok):  # "bosses of X and Y": each of them
            named = self.entity(t)
            if named is not None and named.type in types:
                found.setdefault(named.key, (named, tok))
        return list(found.values())

    def _principals(self, tok: Token) -> list[Token]:
        """The names after "of", "for", "from" or "at" that a plural proxy noun stands for,
        when they are several ("bosses of Deutsche Boerse and the LSE")."""
        if tok.tag_ not in ("NNS", "NNPS") or self.index.at(tok.i) is not None:
            return []
        if noun_lemma(tok) not in _PROXIES:
            return []
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "from", "at"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.conjuncts:
                    return [obj, *obj.conjuncts]
        return []

    def entity(self, tok: Token) -> Entity | None:
        ref = self.index.at(tok.i)
        if ref is not None:
            return ref.entity
        # Resolving an anaphor reads the article around it; each is read once.
        if tok.i not in self._resolved:
            self._resolved[tok.i] = self._resolve(tok)
        return self._resolved[tok.i]

    def _resolve(self, tok: Token) -> Entity | None:
        if tok.lower_ in FIRST_PERSON:  # "I", "we" in a quotation: its speaker
            return self._speakers.speaker(tok)
        if tok.lower_ in _PERSON_PRONOUNS:
            return self._pronoun(tok)
        if tok.lower_ in ("it", "its"):
            return self._its(tok)
        if tok.lower_ in _REFLEXIVES:
            # "it is itself being sued by X": the emphatic pronoun is the subject beside it.
            beside = [c for c in tok.head.subtree if c.dep_ in _SUBJECTS and c.i < tok.i]
            beside = [c for c in beside if c.head == tok.head or c.head.head == tok.head]
            return self.entity(beside[-1]) if beside else None
        if tok.pos_ in ("NOUN", "PROPN"):
            found = (
                self._titles.person(tok)
                or self._description(tok)
                or self._principal(tok)
                or self._kind_named(tok)
            )
            if found is None and generic_org(tok) and opens_main_clause(tok):
                return previous_subject(tok, self.entity)  # "The company said ..."
            return found
        return None

    def _kind_named(self, tok: Token) -> Entity | None:
        """ "the Liffe derivatives exchange": the one organisation named before a word for
        its kind ("exchange", "bank") is that organisation ("the Fiat unit" is not Fiat)."""
        if tok.lower_ not in ORG_NOUNS or noun_lemma(tok) in _PART_NOUNS:
            return None
        named = {
            ref.entity.key: ref.entity
            for child in tok.lefts
            if child.dep_ in ("compound", "nmod")
            for t in child.subtree
            if (ref := self.index.at(t.i)) is not None and ref.entity.type == ORGANIZATION
        }
        return next(iter(named.values())) if len(named) == 1 else None

    def actor(self, tok: Token | None) -> Token | None:
        """Who acts when `tok` is a clause's subject: itself, unless it names no entity and
        is "X, the lawyer representing ..." (X) or "messages sent by X" (X)."""
        if tok is None or self.entities(tok):
            return tok
        if self._relative(tok).dep_ == "appos":  # "X, the backbencher who challenged Y"
            return self._relative(tok).head
        if tok.dep_ == "appos":
            return tok.head
        for child in tok.children:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                for by in (c for c in child.children if c.dep_ == "agent"):
                    obj = next((c for c in by.children if c.dep_ == "pobj"), None)
                    if obj is not None and self.entities(obj):
                        return obj
        return tok

    def span(self, tok: Token) -> tuple[int, int]:
        """Token range to quote as evidence for the entity at `tok`."""
        ref = self.index.at(tok.i)
        return (ref.start, ref.end) if ref is not None else (tok.i, tok.i + 1)

    def _relative(self, tok: Token) -> Token:
        """ "the company, which was bought by X": "which" is the company."""
        if tok.lower_ not in _RELATIVES or tok.tag_ not in ("WP", "WDT", "WP$"):
            return tok
        clause = tok.head
        for _ in range(3):
            if clause.dep_ == "relcl":
                return clause.head
            if clause.head == clause:
                break
            clause = clause.head
        return tok

    def _listed_with(self, tok: Token) -> list[Token]:
        # "four companies - Gazprom, its unit Gazpromneft, Rosneft and ...": the names
        # listed beside a common noun; a plural heads a whole list of appositions and
        # conjuncts, a singular only its own apposition ("the regulator, Ofcom").
        out = [tok, *tok.conjuncts]
        if self.index.at(tok.i) is not None or tok.pos_ not in ("NOUN", "PROPN"):
            return out
        if tok.tag_ != "NNS":
            # "the regulator, Ofcom"; "Chief Secretary to the Treasury Paul Boateng"
            for child in tok.children:
                if child.dep_ == "appos" and child.pos_ == "PROPN":
                    out += [child, *child.conjuncts]
            return out
        frontier = [tok]
        for _ in range(4):
            frontier = [c for t in frontier for c in t.children if c.dep_ in ("appos", "conj")]
            out += [t for t in frontier if t.pos_ == "PROPN"]
        # "stars including X and Y", "playwrights such as X and Y": the examples named
        for prep in (c for c in tok.children if c.dep_ == "prep" and _gives_examples(c)):
            example = next((c for c in prep.children if c.dep_ == "pobj"), None)
            out += [example, *example.conjuncts] if example is not None else []
        return out

    def _principal(self, tok: Token) -> Entity | None:
        """ "a Home Office spokesman", "Mr Trotter's companies", "lawyers for X" -> X."""
        if noun_lemma(tok) not in _PROXIES:
            return None
        for child in tok.children:
            if child.dep_ in ("poss", "compound", "nmod") and child.i < tok.i:
                ref = self.index.at(child.i)
                if ref is not None and ref.entity.type in AGENTS:
                    return ref.entity
            # "lawyers for X", "a delegation from X", "executives at X"
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "from", "at"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                ref = self.index.at(obj.i) if obj is not None else None
                if ref is not None and ref.entity.type in AGENTS:
                    return ref.entity
        return None

    def _pronoun(self, tok: Token) -> Entity | None:
        # "X said he would", "When he was introducing it, X suggested": the person who is
        # the subject of the clause the pronoun's clause hangs from.
        for anc in tok.ancestors:
            if anc.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in anc.children if c.dep_ in _SUBJECTS), None)
            # Not the subject the pronoun is part of: "his lawyer, X, said" is not X's.
            if (
                subject is not None
                and subject != tok
                and not tok.is_ancestor(subject)
                and not subject.is_ancestor(tok)
            ):
                ref = self.index.at(subject.i)
                if ref is not None and ref.entity.type == PERSON:
                    if _gender(ref.entity) == _OTHER_GENDER.get(tok.lower_):
                        continue  # "Mr Howard said she ..." is someone else
                    return ref.entity
                titled = self._titles.person(subject) if ref is None else None
                if titled is not None:  # "The home secretary admitted he was wrong"
                    return titled
                if ref is None and subject.pos_ != "PRON" and subject.dep_ == "nsubj":
                    return None  # "The 14-year-old said she ...": someone kg cannot name
        # Otherwise the one person named in the latest of the last three sentences to name any.
        sent = tok.sent
        for _ in range(3):
            # A "he" who acts is someone a sentence was about: "doctors could withdraw
            # feeding from X. ..., he said" is not X speaking.
            people = {
                r.entity.key: r.entity
                for r in self.index.refs
                if sent.start <= r.start
                and r.end <= min(sent.end, tok.i)
                and r.entity.type == PERSON
                and _gender(r.entity) != _OTHER_GENDER.get(tok.lower_)
                and (tok.dep_ not in ("nsubj", "nsubjpass") or self._topical(r))
            }
            if people:
                return next(iter(people.values())) if len(people) == 1 else None
            if sent.start == 0:
                return None
            sent = self.doc[sent.start - 1].sent
        return None

    def _topical(self, ref: MentionRef) -> bool:
        """Whether the sentence is about the person named (a subject, object or owner): only
        such a person is a later "he said"."""
        root = self.doc[ref.start : ref.end].root
        while root.dep_ in ("conj", "appos"):
            root = root.head
        return root.dep_ in ("nsubj", "nsubjpass", "ROOT", "poss", "dobj", "attr")

    def _its(self, tok: Token) -> Entity | None:
        """ "IBM said it would partner ...", "X is involved because it is being sued": the
        organisation the enclosing clause is about."""
        if _expletive(tok):
            return None
        found = shared_object(tok, self.entity) or self._its_clause(tok)
        if found is None and opens_main_clause(tok):
            # "Acme Bank is involved. It had agreed to ...": the company carried on.
            return previous_subject(tok, self.entity)
        return found

    def _its_clause(self, tok: Token) -> Entity | None:
        for anc in tok.ancestors:
            if anc.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in anc.children if c.dep_ in (*_SUBJECTS, "nsubjpass")), None)
            if subject is not None and subject.lower_ in _REFLEXIVES:
                continue  # "it is itself being sued": the pronoun's own clause
            if subject is not None and subject != tok and not tok.is_ancestor(subject):
                ref = self.index.at(subject.i)
                if ref is None and generic_org(subject):  # "The firm said it would ..."
                    named = self.entity(subject)
                    return named if named is not None and named.type == ORGANIZATION else None
                if ref is None and subject.pos_ == "NOUN":
                    # "A Yili spokesman said it would ...": the body the speaker speaks for.
                    principal = self._principal(subject)
                    return principal if principal and principal.type == ORGANIZATION else None
                return ref.entity if ref is not None and ref.entity.type == ORGANIZATION else None
        return None

    def _group(self, tok: Token) -> list[tuple[Entity, Token]]:
        """ "the detainees" -> the people named together earlier, when one such group exists."""
        if not (_group_noun(tok) and any(c.lower_ == "the" for c in tok.children)):
            return []
        groups: list[dict[str, tuple[Entity, Token]]] = []
        for ref in self.index.refs:
            if ref.end > tok.i:
                break
            root = self.doc[ref.start : ref.end].root
            if ref.entity.type != PERSON or root.dep_ in ("conj", "appos"):
                continue
            members = [(self.index.at(t.i), t) for t in _listed(root)]
            if len(members) > 1 and all(
                m is not None and m.entity.type == PERSON for m, _ in members
            ):
                groups.append({m.entity.key: (m.entity, t) for m, t in members if m})
        # Later mentions of part of the group ("Mr Abbasi and Mr Mubanga") do not compete.
        largest = [g for g in groups if not any(g.keys() < h.keys() for h in groups)]
        if len({frozenset(g) for g in largest}) != 1:
            return []
        return list(largest[0].values())

    def _pair(self, tok: Token) -> list[tuple[Entity, Token]]:
        """ "both parties", "the two companies" -> the two organisations last named together
        ("between Labour and the Conservatives"), within the last four sentences."""
        if tok.lower_ not in _PAIR_NOUNS or not any(
            c.lower_ in ("both", "two") for c in tok.children
        ):
            return []
        first = tok.sent.start
        for _ in range(4):
            first = self.doc[max(first - 1, 0)].sent.start
        for ref in reversed(self.index.refs):
            if ref.end > tok.i or ref.start < first or ref.entity.type != ORGANIZATION:
                continue
            root = self.doc[ref.start : ref.end].root
            other = self.index.at(root.head.i) if root.dep_ == "conj" else None
            if other is not None and other.entity.type == ORGANIZATION:
                if other.entity.key != ref.entity.key:
                    return [(other.entity, root.head), (ref.entity, root)]
        return []

    def _description(self, tok: Token) -> Entity | None:
        """ "the committee" -> the one organisation named earlier whose name ends so."""
        det = [c for c in tok.children if c.dep_ == "det"]
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss")]
        if not det or det[0].lower_ != "the" or mods:
            return None
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return None  # "the office of the deputy prime minister" is another office
        head = noun_lemma(tok)
        fits = {
            r.entity.key: r.entity
            for r in self.index.refs
            if r.end <= tok.i
            and r.entity.type == ORGANIZATION
            and _head_word(r.entity.name) == head
        }
        return next(iter(fits.values())) if len(fits) == 1 else None


def evidence(r: Resolver, named: Iterable[Token], words: Iterable[Token]) -> tuple[int, int]:
    """Character span of the clause: from the first to the last of its parts."""
    spans = [r.span(t) for t in named] + [(w.i, w.i + 1) for w in words]
    first = r.doc[min(s for s, _ in spans)]
    last = r.doc[max(e for _, e in spans) - 1]
    return first.idx, last.idx + len(last.text)


def facts_between(
    r: Resolver,
    subjects: Iterable[tuple[Entity, Token]],
    objects: Sequence[tuple[Entity, Token]],
    *,
    predicate: str,
    rule: str,
    confidence: float,
    words: list[Token],
    phrase: str,
    mood: str,
) -> list[Fact]:
    """One fact from each named subject to each named object (never an entity to itself)."""
    facts = []
    for a, a_tok in subjects:
        for b, b_tok in objects:
            if a.key == b.key:
                continue
            start, end = evidence(r, [a_tok, b_tok], words)
            facts.append(
                Fact(
                    subject=a.key,
                    predicate=predicate,
                    object=b.key,
                    rule=rule,
                    confidence=confidence,
                    start=start,
                    end=end,
                    subject_type=a.type,
                    object_type=b.type,
                    label=phrase,
                    modality=mood,
                )
            )
    return facts


# A pronoun never refers to a person the text marks as the other gender ("Mr", "Mrs").
_OTHER_GENDER = {"he": "female", "him": "female", "his": "female", "she": "male", "her": "male"}
_MALE = frozenset("mr sir lord".split())
_FEMALE = frozenset("mrs ms miss lady baroness dame".split())


def _gender(entity: Entity) -> str:
    """ "male" or "female" when an honorific the article uses says so, else ""."""
    for alias in (*entity.aliases, entity.name, *(m.text for m in entity.mentions)):
        first = fold(alias).split()[:1]
        if first and first[0].rstrip(".") in _MALE:
            return "male"
        if first and first[0].rstrip(".") in _FEMALE:
            return "female"
    return ""


def _listed(tok: Token) -> list[Token]:
    """A name and the names listed with it ("A, B, C and D", parsed as conj or appos)."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in ("conj", "appos") and child.pos_ == "PROPN":
            out += _listed(child)
    return out


def _gives_examples(prep: Token) -> bool:
    """ "including", "such as" after a plural noun."""
    if prep.lower_ == "including":
        return True
    return prep.lower_ == "as" and any(
        c.lower_ == "such" for c in (*prep.children, *prep.head.children)
    )


def _group_noun(tok: Token) -> bool:
    return tok.lower_ in _GROUP_NOUNS and tok.pos_ in ("NOUN", "NUM", "PRON")


def _head_word(name: str) -> str:
    """The head noun of an organisation's name: "Joint Committee on Human Rights" -> committee."""
    words = fold(name).split()
    for i, word in enumerate(words):
        if word in _FUNCTION_WORDS and i > 0:
            return words[i - 1]
    return words[-1]


def _expletive(tok: Token) -> bool:
    """ "it was wrong to suggest ...", "it is clear that ...": an "it" standing for the
    clause after it, not for anything named ("it was pleased to ..." is someone's)."""
    if tok.dep_ == "expl":
        return True
    head = tok.head
    if tok.dep_ != "nsubj" or tok.lower_ != "it" or head.lower_ not in _BE_FORMS:
        return False
    judged = [c for c in head.children if c.dep_ == "acomp" and c.lower_ in _EXTRAPOSING]
    clauses = [c for t in (head, *judged) for c in t.children if c.dep_ in ("xcomp", "ccomp")]
    return bool(judged) and any(c.i > tok.i and c.pos_ in ("VERB", "AUX") for c in clauses)
