"""Map between an article's entities (character offsets) and a Doc's tokens."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.model import Entity, Mention


@dataclass(frozen=True)
class MentionRef:
    """A mention with the entity it names and its token range in the Doc."""

    entity: Entity
    mention: Mention
    start: int  # token offsets
    end: int


def covered_tokens(doc: Doc, entities: Sequence[Entity]) -> set[int]:
    """The indices of the tokens some mention of `entities` covers."""
    tokens: set[int] = set()
    for entity in entities:
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                tokens.update(range(span.start, span.end))
    return tokens


class EntityIndex:
    """Which entity mention (if any) covers each token of a Doc."""

    def __init__(self, doc: Doc, entities: Sequence[Entity]) -> None:
        self.doc = doc
        self.refs: list[MentionRef] = []
        self._by_token: list[MentionRef | None] = [None] * len(doc)
        for entity in entities:
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                ref = MentionRef(entity, mention, span.start, span.end)
                self.refs.append(ref)
                for i in range(span.start, span.end):
                    # Longer mentions win (a section's span covers its Act's name).
                    current = self._by_token[i]
                    if current is None or current.end - current.start < span.end - span.start:
                        self._by_token[i] = ref
        self.refs.sort(key=lambda r: r.start)

    def at(self, i: int) -> MentionRef | None:
        """The mention covering token i."""
        return self._by_token[i] if 0 <= i < len(self._by_token) else None

    def in_span(self, span: Span) -> list[MentionRef]:
        """Mentions that lie within `span`, in text order."""
        return [r for r in self.refs if span.start <= r.start and r.end <= span.end]

    def by_key(self, key: str) -> Entity | None:
        return next((r.entity for r in self.refs if r.entity.key == key), None)
