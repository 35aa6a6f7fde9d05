"""Verb lexicons and clause helpers shared by the interaction and legal-link finders.

Both finders read the same shape off the dependency parse: an acting entity (the clause
subject, or the agent of a passive), a verb, and what it acts on. This module says who the
actor of a clause is (resolving a pronoun, "the committee" or "the Home Secretary" only when
one entity fits), whether the clause is hedged or denied, and how to label it for a reader.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from kg.extract.names import HONORIFICS, fold
from kg.model import AGENTS, ORGANIZATION, PERSON, Entity, Fact
from kg.nlp.tokens import EntityIndex

# The pipeline runs without a lemmatizer (kg.nlp.pipeline disables it), so the lexicons are matched
# through their own inflections: every word a lexicon names is registered with `known`.
_IRREGULAR = {
    "wrote": "write",
    "written": "write",
    "met": "meet",
    "held": "hold",
    "told": "tell",
    "said": "say",
    "thought": "think",
    "took": "take",
    "taken": "take",
    "fought": "fight",
    "became": "become",
    "went": "go",
    "gone": "go",
    "brought": "bring",
    "made": "make",
    "beat": "beat",
    "beaten": "beat",
    "gave": "give",
    "given": "give",
    "put": "put",
    "set": "set",
    "won": "win",
    "sent": "send",
    "led": "lead",
    "overrode": "override",
    "overridden": "override",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "spoke": "speak",
    "spoken": "speak",
    "struck": "strike",
    "drew": "draw",
    "drawn": "draw",
    "sought": "seek",
    "felt": "feel",
    "got": "get",
    "kept": "keep",
    "left": "leave",
    "ran": "run",
    "underwent": "undergo",
    "came": "come",
}
_FORMS: dict[str, str] = {}


def known(words: Iterable[str]) -> frozenset[str]:
    """Register lexicon lemmas so that `lemma` maps their inflected forms back to them."""
    words = frozenset(words)
    for word in words:
        for form in _inflections(word):
            _FORMS.setdefault(form, word)
    return words


def lemma(tok: Token) -> str:
    """The token's lemma: the parser's when it has one, else from the registered forms."""
    if tok.lemma_:
        return tok.lemma_.lower()
    word = tok.lower_
    return _IRREGULAR.get(word) or _FORMS.get(word, word)


def noun_lemma(tok: Token) -> str:
    """A noun's singular, by stripping a plural ending (enough for the cue-noun lexicons)."""
    if tok.lemma_:
        return tok.lemma_.lower()
    word = tok.lower_
    if tok.tag_ in ("NNS", "NNPS") and word.endswith("s") and not word.endswith("ss"):
        return word[:-2] if word.endswith(("ches", "shes", "sses", "xes")) else word[:-1]
    return word


def _inflections(word: str) -> set[str]:
    forms = {word, word + "s", word + "ed", word + "ing", word + "d"}
    if word.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms |= {word + "es"}
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing"}
    if len(word) > 2 and word[-1] in "bdgmnprt" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


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
    prepare likely able set
    """.split()
)
# A governing verb that denies the clause it governs ("refused to meet").
NEGATING_GOVERNORS = known("refuse decline fail".split())
NEGATIONS = frozenset("not n't never no".split())

_PERSON_PRONOUNS = frozenset("he she him her".split())
_RELATIVES = frozenset("who which that whom".split())
_SUBJECTS = ("nsubj", "csubj")


def modality(verb: Token) -> str:
    """ "negated", "hedged" or "" for the clause headed by `verb` (and its governors)."""
    hedged = False
    for tok in _governors(verb):
        for child in tok.children:
            if child.dep_ == "neg" or (
                child.dep_ in ("advmod", "det") and child.lower_ in NEGATIONS
            ):
                return "negated"
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
    while tok.dep_ in ("xcomp", "acomp") or (
        tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX")
    ):
        tok = tok.head
        yield tok
    if tok.dep_ == "attr" or tok.pos_ == "ADJ":  # "would be supportive of"
        yield tok.head


def clause_subject(verb: Token) -> Token | None:
    """The token naming who acts in the clause of `verb`, inherited across xcomp and conj."""
    tok = verb
    for _ in range(6):
        for child in tok.children:
            if child.dep_ in _SUBJECTS:
                if child.lower_ in _RELATIVES and tok.dep_ == "relcl":
                    return tok.head
                return child
        if tok.dep_ in ("xcomp", "conj", "advcl") and tok.head is not tok:
            # An adverbial clause only shares its subject when it has none of its own
            # and is non-finite ("..., saying ..."; "when introducing ...").
            if tok.dep_ == "advcl" and tok.tag_ not in ("VBG", "VBN"):
                return None
            tok = tok.head
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBG":  # "the lawyer representing X"
            return tok.head
        return None
    return None


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


def verb_words(verb: Token) -> list[Token]:
    """The verb with its auxiliaries, negation and particle ("would not back", "called on")."""
    words = [verb]
    for tok in _governors(verb):
        words.append(tok)
        words += [c for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "prt")]
        if tok.dep_ != "xcomp" and tok.dep_ != "acomp":
            break
    return [w for w in words if w.i <= verb.i or w.dep_ == "prt"]


class Resolver:
    """Which Person/Organization entity a noun-phrase head names, anaphora included.

    A pronoun, a definite description ("the committee") or a bare title ("the Home
    Secretary", "his minister") is resolved only when exactly one entity fits: a
    missing relation is better than one the text does not state.
    """

    def __init__(self, doc: Doc, entities: Sequence[Entity], index: EntityIndex | None = None):
        self.doc = doc
        self.index = index or EntityIndex(doc, entities)
        self._titles = self._person_titles()

    def entities(self, tok: Token | None, types: Sequence[str] = AGENTS) -> list[Entity]:
        """The entities named by `tok` and its conjuncts, of the given types."""
        return [entity for entity, _ in self.named(tok, types)]

    def named(self, tok: Token | None, types: Sequence[str] = AGENTS) -> list[tuple[Entity, Token]]:
        """(entity, token naming it) for `tok` and its conjuncts, of the given types."""
        if tok is None:
            return []
        found: dict[str, tuple[Entity, Token]] = {}
        if PERSON in types and self.index.at(tok.i) is None:
            # The evidence is the clause: keep the anaphor, not the distant names.
            for entity, _ in self._group(tok):
                found.setdefault(entity.key, (entity, tok))
        for t in with_conjuncts(tok):
            named = self.entity(t)
            if named is not None and named.type in types:
                found.setdefault(named.key, (named, t))
        return list(found.values())

    def entity(self, tok: Token) -> Entity | None:
        ref = self.index.at(tok.i)
        if ref is not None:
            return ref.entity
        if tok.lower_ in _PERSON_PRONOUNS:
            return self._pronoun(tok)
        if tok.pos_ in ("NOUN", "PROPN"):
            return self._title(tok) or self._description(tok)
        return None

    def span(self, tok: Token) -> tuple[int, int]:
        """Token range to quote as evidence for the entity at `tok`."""
        ref = self.index.at(tok.i)
        return (ref.start, ref.end) if ref is not None else (tok.i, tok.i + 1)

    def _pronoun(self, tok: Token) -> Entity | None:
        # "X said he would", "When he was introducing it, X suggested": the person who is
        # the subject of the clause the pronoun's clause hangs from.
        for anc in tok.ancestors:
            if anc.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in anc.children if c.dep_ in _SUBJECTS), None)
            if subject is not None and subject is not tok and not tok.is_ancestor(subject):
                ref = self.index.at(subject.i)
                if ref is not None and ref.entity.type == PERSON:
                    return ref.entity
        # Otherwise the one person named in the latest of the last three sentences to name any.
        sent = tok.sent
        for _ in range(3):
            people = {
                r.entity.key: r.entity
                for r in self.index.refs
                if sent.start <= r.start
                and r.end <= min(sent.end, tok.i)
                and r.entity.type == PERSON
            }
            if people:
                return next(iter(people.values())) if len(people) == 1 else None
            if sent.start == 0:
                return None
            sent = self.doc[sent.start - 1].sent
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

    def _description(self, tok: Token) -> Entity | None:
        """ "the committee" -> the one organisation named earlier whose name ends so."""
        det = [c for c in tok.children if c.dep_ == "det"]
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss")]
        if not det or det[0].lower_ != "the" or mods:
            return None
        head = noun_lemma(tok)
        fits = {
            r.entity.key: r.entity
            for r in self.index.refs
            if r.end <= tok.i
            and r.entity.type == ORGANIZATION
            and _head_word(r.entity.name) == head
        }
        return next(iter(fits.values())) if len(fits) == 1 else None

    def _title(self, tok: Token) -> Entity | None:
        """ "the Home Secretary" / "his minister" -> the one person given that title."""
        words = [c for c in tok.lefts if c.dep_ in ("compound", "amod")] + [tok]
        if not any(c.dep_ in ("det", "poss") for c in tok.children) and tok.pos_ != "PROPN":
            return None
        phrase = tuple(fold(w.text) for w in sorted(words, key=lambda w: w.i))
        fits = {
            key
            for key, titles in self._titles.items()
            if any(t[-len(phrase) :] == phrase for t in titles)
        }
        if len(fits) != 1:
            return None
        return self.index.by_key(fits.pop())

    def _person_titles(self) -> dict[str, list[tuple[str, ...]]]:
        """Role words written before each person's name ("Home Secretary Charles Clarke")."""
        titles: dict[str, list[tuple[str, ...]]] = {}
        for ref in self.index.refs:
            if ref.entity.type != PERSON:
                continue
            words = ref.mention.title.split() if ref.mention.title else self._title_before(ref)
            words = [w for w in words if fold(w).rstrip(".") not in HONORIFICS]
            if words:
                titles.setdefault(ref.entity.key, []).append(tuple(fold(w) for w in words))
        return titles

    def _title_before(self, ref) -> list[str]:
        words: list[str] = []
        i = ref.start - 1
        while i >= 0:
            tok = self.doc[i]
            if tok.dep_ not in ("compound", "amod") or not i < tok.head.i < ref.end:
                break
            if not tok.is_alpha or self.index.at(i) is not None:
                break
            words.insert(0, tok.text)
            i -= 1
        return words


# Plural nouns that refer back to a group of people named together.
_GROUP_NOUNS = frozenset(
    """
    men women detainees suspects prisoners defendants hostages captives pair trio
    two three four five six brothers sisters
    """.split()
)


def _listed(tok: Token) -> list[Token]:
    """A name and the names listed with it ("A, B, C and D", parsed as conj or appos)."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in ("conj", "appos") and child.pos_ == "PROPN":
            out += _listed(child)
    return out


def _group_noun(tok: Token) -> bool:
    return tok.lower_ in _GROUP_NOUNS and tok.pos_ in ("NOUN", "NUM", "PRON")


_FUNCTION_WORDS = frozenset("of on for the and in to at".split())


def _head_word(name: str) -> str:
    """The head noun of an organisation's name: "Joint Committee on Human Rights" -> committee."""
    words = fold(name).split()
    for i, word in enumerate(words):
        if word in _FUNCTION_WORDS and i > 0:
            return words[i - 1]
    return words[-1]
