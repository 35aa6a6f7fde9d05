"""Lemmas without a lemmatizer: the pipeline runs without one (kg.nlp.pipeline disables
it), so the word lexicons are matched through their own inflections. Every word a lexicon
names is registered with `known`; `lemma` and `noun_lemma` map a token back to it."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

# The pipeline runs without a lemmatizer (kg.nlp.pipeline disables it), so the lexicons are matched
# through their own inflections: every word a lexicon names is registered with `known`.
_IRREGULAR = {
    "is": "be",
    "are": "be",
    "was": "be",
    "were": "be",
    "been": "be",
    "am": "be",
    "has": "have",
    "had": "have",
    "does": "do",
    "did": "do",
    "done": "do",
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
    "bought": "buy",
    "sold": "sell",
    "paid": "pay",
    "broke": "break",
    "broken": "break",
    "lent": "lend",
    "bound": "bind",
    "upheld": "uphold",
    "overtook": "overtake",
    "overtaken": "overtake",
    "stood": "stand",
    "chose": "choose",
    "chosen": "choose",
    "spent": "spend",
    "hit": "hit",
    "bid": "bid",
    "caught": "catch",
    "fell": "fall",
    "threw": "throw",
    "thrown": "throw",
    "swore": "swear",
    "sworn": "swear",
    "misled": "mislead",
    "forbade": "forbid",
    "forbidden": "forbid",
    "undertook": "undertake",
    "undertaken": "undertake",
    "shook": "shake",
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
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"  # "policies", "inquiries", "companies"
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
