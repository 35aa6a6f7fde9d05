"""A faster match for spaCy's attribute_ruler, with the same annotations.

The stock AttributeRuler runs spaCy's Matcher with all its patterns (179 in en_core_web_sm,
mostly "this tag -> this POS and morphology") over every token: about a sixth of the
pipeline's time. Almost all of them look at one token only, so their outcome depends on a
few of its attributes: computed once per distinct (tag, lower, ...) and remembered. The few
longer patterns still go through a Matcher. The matches, and so the annotations, are the
stock ones; any pattern this does not understand keeps the stock matcher.
"""

from __future__ import annotations

import re
from operator import attrgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

_TOKEN_ATTRS = {
    "ORTH": "text",
    "TEXT": "text",
    "LOWER": "lower_",
    "NORM": "norm_",
    "TAG": "tag_",
    "DEP": "dep_",
    "IS_SPACE": "is_space",
}
_MEMO_LIMIT = 500_000  # distinct token keys remembered before starting afresh


class RuleMatcher:
    """`AttributeRuler.match`, with single-token patterns decided once per token key."""

    def __init__(self, ruler: AttributeRuler, single: list, longer: Any, used: list[str]):
        self.ruler = ruler
        self.longer = longer  # a Matcher of the multi-token patterns, or None
        self.key_of = attrgetter(*[_TOKEN_ATTRS[a] for a in used])
        self.arity = len(used)
        self.memo: dict[Any, tuple[tuple[int, int], ...]] = {}
        # Each pattern is filed under one of its exact-value tests, so a new key is checked
        # against a handful of patterns, not all of them.
        self.filed: dict[tuple[int, Any], list] = {}
        self.unfiled = []
        for attr_id, match_id, tests in single:
            exact = [(at, want) for at, want in tests if not callable(want)]
            entry = (attr_id, match_id, tests)
            if exact:
                self.filed.setdefault(min(exact, key=lambda t: _FILING[used[t[0]]]), []).append(
                    entry
                )
            else:
                self.unfiled.append(entry)

    @classmethod
    def for_ruler(cls, ruler: AttributeRuler) -> RuleMatcher | None:
        from spacy.matcher import Matcher

        strings = ruler.vocab.strings
        entries = []  # (attr_id, match_id, single-token pattern dict)
        longer = Matcher(ruler.vocab)
        has_longer = False
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            match_id = strings[key]
            for pattern in ruler.matcher.get(key)[1]:
                if len(pattern) == 1 and "OP" not in pattern[0]:
                    entries.append((attr_id, match_id, pattern[0]))
                else:
                    longer.add(key, [pattern])
                    has_longer = True
        used = sorted({name.upper() for _, _, spec in entries for name in spec})
        if not used or any(name not in _TOKEN_ATTRS for name in used):
            return None
        single = []
        for attr_id, match_id, spec in entries:
            tests = []
            for name, value in spec.items():
                test = value if not isinstance(value, dict) else _test(value)
                if test is None:
                    return None
                tests.append((used.index(name.upper()), test))
            single.append((attr_id, match_id, tests))
        return cls(ruler, single, longer if has_longer else None, used)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        matches: list[tuple[int, int, int, int]] = []
        memo = self.memo
        for i, token in enumerate(doc):
            key = self.key_of(token)
            hits = memo.get(key)
            if hits is None:
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                hits = memo[key] = self._hits(key if self.arity > 1 else (key,))
            matches.extend((attr_id, match_id, i, i + 1) for attr_id, match_id in hits)
        if self.longer is not None:
            strings = self.ruler.vocab.strings
            for match_id, start, end in self.longer(doc, allow_missing=True, as_spans=False):
                matches.append((int(strings[match_id]), match_id, start, end))
        matches.sort()  # by attribute id, as the stock match: later rules win
        return matches

    def _hits(self, key: tuple) -> tuple[tuple[int, int], ...]:
        candidates = list(self.unfiled)
        for at, value in enumerate(key):
            candidates += self.filed.get((at, value), ())
        return tuple(
            sorted(
                (attr_id, match_id)
                for attr_id, match_id, tests in candidates
                if all(test(key[at]) if callable(test) else key[at] == test for at, test in tests)
            )
        )


# Which exact test to file a pattern under: the most selective attribute first.
_FILING = {"LOWER": 0, "ORTH": 1, "TEXT": 1, "NORM": 2, "TAG": 3, "DEP": 4, "IS_SPACE": 5}


def _test(value: dict):
    """A predicate on one token attribute value, as spaCy's Matcher reads `{OP: arg}`."""
    if len(value) != 1:
        return None
    ((op, arg),) = value.items()
    if op == "IN":
        return lambda v, allowed=frozenset(arg): v in allowed
    if op == "NOT_IN":
        return lambda v, banned=frozenset(arg): v not in banned
    if op == "REGEX":
        return lambda v, rx=re.compile(arg): isinstance(v, str) and rx.search(v) is not None
    return None
