"""Who "the Home Secretary" is: the one person the article gives that title, before the
name ("Home Secretary Charles Clarke") or beside it ("Greg Abbott, Texas attorney general").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.names import HONORIFICS, fold
from kg.model import PERSON, Entity
from kg.nlp.tokens import EntityIndex, MentionRef


class PersonTitles:
    """The role words given with each person's name in one article."""

    def __init__(self, doc: Doc, index: EntityIndex) -> None:
        self.doc = doc
        self.index = index
        self._by_person = self._person_titles()

    def person(self, tok: Token) -> Entity | None:
        """ "the Home Secretary" / "his minister" -> the one person given that title."""
        words = [c for c in tok.lefts if c.dep_ in ("compound", "amod")] + [tok]
        if not any(c.dep_ in ("det", "poss") for c in tok.children) and tok.pos_ != "PROPN":
            return None
        phrase = tuple(fold(w.text) for w in sorted(words, key=lambda w: w.i))
        fits = {
            key
            for key, titles in self._by_person.items()
            if any(t[-len(phrase) :] == phrase for t in titles)
        }
        if len(fits) > 1:
            # "the chancellor" is the Chancellor, not the shadow chancellor
            fits = {key for key in fits if phrase in self._by_person[key]}
        if len(fits) != 1:
            return None
        return self.index.by_key(fits.pop())

    def _person_titles(self) -> dict[str, list[tuple[str, ...]]]:
        """Role words given with each person's name: before it ("Home Secretary Charles
        Clarke") or beside it ("Greg Abbott, Texas attorney general")."""
        titles: dict[str, list[tuple[str, ...]]] = {}
        for ref in self.index.refs:
            if ref.entity.type != PERSON:
                continue
            found = [ref.mention.title.split() if ref.mention.title else self._title_before(ref)]
            found.append(self._title_beside(ref))
            for words in found:
                words = [w for w in words if fold(w).rstrip(".") not in HONORIFICS]
                if words:
                    titles.setdefault(ref.entity.key, []).append(tuple(fold(w) for w in words))
        return titles

    def _title_before(self, ref: MentionRef) -> list[str]:
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

    def _title_beside(self, ref: MentionRef) -> list[str]:
        root = self.doc[ref.start : ref.end].root
        nouns = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            nouns.append(root.head)
        for noun in nouns:
            if noun.pos_ != "NOUN" or self.index.at(noun.i) is not None:
                continue
            words = [c for c in noun.lefts if c.dep_ in ("compound", "amod")] + [noun]
            words = [w for w in words if w.is_alpha and self.index.at(w.i) is None]
            return [w.text for w in sorted(words, key=lambda w: w.i)]
        return []
