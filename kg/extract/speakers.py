"""Who "I" and "we" are inside a direct quotation: its speaker. 'X said: "I will sue
Y"' is X suing Y. "We" is the speaker only when the speaker is an organisation (its
spokesman's "we"); a politician's "we" is a party or a government, which is not said.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Token

from kg.model import ORGANIZATION, PERSON, Entity, Quote

_SINGULAR = frozenset("i me my".split())
_PLURAL = frozenset("we us our".split())
FIRST_PERSON = _SINGULAR | _PLURAL


class Speakers:
    """The speaker of the quotation around a token, if any."""

    def __init__(self, quotes: Sequence[Quote], entities: Sequence[Entity]) -> None:
        by_key = {e.key: e for e in entities}
        spans = sorted((q.start, q.end, by_key[q.speaker]) for q in quotes if q.speaker in by_key)
        self._starts = [start for start, _, _ in spans]
        self._spans = spans

    def speaker(self, tok: Token) -> Entity | None:
        """The speaker of the quotation `tok` (a first-person pronoun) is in."""
        at = bisect_right(self._starts, tok.idx) - 1
        if at < 0:
            return None
        start, end, speaker = self._spans[at]
        if not start <= tok.idx < end:
            return None
        if tok.lower_ in _SINGULAR:
            return speaker if speaker.type == PERSON else None
        return speaker if speaker.type == ORGANIZATION else None
