"""Direct quotations and who said them.

Quotations are found on the raw text (`spans`), their attribution in the parse (`cues`) and
the speaker among the article's entities (`speakers`). A quotation with a cue of its own
takes that cue's subject; one without takes the speaker of the quotation it continues
(`"...," he said. "More words."`), of the reported-speech sentence just before it (`X said
the plan would fail. "It is a mess."`) or of the quotation right after it (`"First part."
"Second part," she said.`). Quotations of fewer than four words are scare quotes or set
phrases ("fix room", "control orders"), not statements, and are skipped; so is any
quotation whose cue names nobody kg knows ("critics said") or that no cue attributes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from kg.extract.quotes.cues import (
    Cue,
    cue_after,
    cue_before,
    cue_governing,
    fallback_subject,
    speech_lemma,
    subject_of,
)
from kg.extract.quotes.spans import QuotedSpan, quoted_spans
from kg.extract.quotes.speakers import Speaker, SpeakerFinder
from kg.model import Entity, Quote
from kg.nlp.tokens import EntityIndex

MIN_WORDS = 4
# Base confidence per rule; a pronoun or a bare role as the speaker lowers it.
_CONFIDENCE = {
    "quote:said-colon": 0.9,
    "quote:cue-after": 0.9,
    "quote:cue-before": 0.85,
    "quote:according-to": 0.85,
    "quote:partial": 0.8,
    "quote:continued": 0.8,
    "quote:after-reported-speech": 0.7,
    "quote:cue-following": 0.7,
    "quote:same-speaker": 0.6,
}
# Sentences that may stand between a quotation and the next that goes on with its speaker.
_SAME_SPEAKER_SENTENCES = 2
_HOW = {"name": 1.0, "spokesperson": 0.95, "pronoun": 0.9, "role": 0.85}
_KIND_RULE = {
    "after": "quote:cue-after",
    "colon": "quote:said-colon",
    "before": "quote:cue-before",
    "partial": "quote:partial",
    "according": "quote:according-to",
}
_GAP = re.compile(r"[\s.,;:!?\"“”’)\]]*")  # what may stand between two parts of one quotation
_NAME_JOINERS = frozenset({"and", "of", "the", "for", "to", "in", "on", "&"})
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s*$")


@dataclass(frozen=True)
class _Attribution:
    speaker: Speaker
    cue: Cue
    rule: str


def find_quotes(
    doc: Doc, entities: Sequence[Entity], *, excluded: Sequence[tuple[int, int]] = ()
) -> list[Quote]:
    """Every direct quotation in `doc` attributed to a person or organisation entity."""
    text = doc.text  # Doc.text joins every token on each access: read it once
    spans = [
        s
        for s in quoted_spans(text, excluded)
        if len(s.text.split()) >= MIN_WORDS and not _quoted_name(text, s)
    ]
    if not spans:
        return []
    finder = SpeakerFinder(doc, EntityIndex(doc, entities), [(s.open_at, _frame(s)) for s in spans])
    starts = [t.idx for t in doc]
    quotes: list[Quote] = []
    previous: tuple[QuotedSpan, _Attribution | None] | None = None
    for n, span in enumerate(spans):
        own = _own_cue(doc, span, starts)
        found: _Attribution | None = None
        if own is not None:  # a cue whose subject kg cannot name blocks every fallback
            speaker = _speaker(own, finder)
            found = _Attribution(speaker, own, _KIND_RULE[own.kind]) if speaker else None
        else:
            found = (
                _continued(text, span, previous)
                or _after_reported(doc, text, span, starts, finder)
                or _followed(
                    doc, text, span, spans[n + 1] if n + 1 < len(spans) else None, starts, finder
                )
                or _same_speaker(doc, text, span, previous, starts, finder)
            )
        previous = (span, found)
        if found is None or found.speaker.entity.type not in ("Person", "Organization"):
            continue
        if own is not None:
            finder.record(found.cue.verb.idx, found.speaker.entity, found.cue.subject)
        confidence = _CONFIDENCE[found.rule] * _HOW[found.speaker.how]
        quotes.append(
            Quote(
                span.start,
                span.end,
                span.text,
                found.speaker.entity.key,
                found.speaker.entity.type,
                found.rule,
                round(confidence, 2),
                cue_start=found.cue.start,
                cue_end=found.cue.end,
            )
        )
    return quotes


def _quoted_name(text: str, span: QuotedSpan) -> bool:
    """ "dedicate their sites to the "Free Acme and Zeta Day"": a name in quotation marks,
    every word capitalised, right after "the": what it is called, not what anyone said."""
    before = text[max(0, span.open_at - 5) : span.open_at].split()
    if not before or before[-1].casefold() not in ("the", "a", "an"):
        return False
    words = [w for w in span.text.split() if w.casefold() not in _NAME_JOINERS]
    return all(w[:1].isupper() for w in words) and not _SENTENCE_END.search(span.text)


def _own_cue(doc: Doc, span: QuotedSpan, starts: list[int]) -> Cue | None:
    """The cue attached to this quotation itself: after it, before it, or governing it."""
    open_i = _token_at(starts, span.open_at)
    cue = None
    if span.close_at >= 0:
        cue = cue_after(doc, _token_at(starts, span.close_at))
    if cue is None:
        cue = cue_before(doc, open_i)
    if cue is None and not span.single and _one_sentence(doc, span, starts):
        cue = cue_governing(doc, span.start, span.end)
    if cue is not None and cue.subject is not None and span.start <= cue.subject.idx < span.end:
        return None  # the "subject" is part of the quoted words: a misparse
    return cue


def _continued(
    text: str, span: QuotedSpan, previous: tuple[QuotedSpan, _Attribution | None] | None
) -> _Attribution | None:
    """`"...," he said. "More."`: nothing but the last cue between two quotations."""
    if previous is None:
        return None
    before, found = previous
    if found is None:
        return None
    frame_end = _frame(before)
    if found.cue.start >= frame_end - 1:
        frame_end = max(frame_end, found.cue.end)
    if not _GAP.fullmatch(text[frame_end : span.open_at]):
        return None
    return _Attribution(found.speaker, found.cue, "quote:continued")


def _after_reported(
    doc: Doc, text: str, span: QuotedSpan, starts: list[int], finder: SpeakerFinder
) -> _Attribution | None:
    """`X said the plan would fail. "It is a mess."`: the sentence before reports speech."""
    if not _SENTENCE_END.search(text[: span.open_at]):
        return None
    k = _token_at(starts, span.open_at) - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0:
        return None
    sent = doc[k].sent
    for tok in doc[sent.start : k + 1]:
        if tok.dep_ != "ROOT" and not (tok.dep_ == "conj" and tok.head.dep_ == "ROOT"):
            continue
        subj = subject_of(tok) if speech_lemma(tok) else None
        if subj is None:
            continue
        cue = Cue(
            tok,
            subj,
            "reported",
            min(subj.left_edge.idx, tok.idx),
            tok.idx + len(tok.text),
            fallback_subject(tok),
        )
        speaker = _speaker(cue, finder)
        if speaker is not None:
            return _Attribution(speaker, cue, "quote:after-reported-speech")
    return None


def _followed(
    doc: Doc,
    text: str,
    span: QuotedSpan,
    following: QuotedSpan | None,
    starts: list[int],
    finder: SpeakerFinder,
) -> _Attribution | None:
    """`"First part." "Second part," she said.`: the next quotation's cue covers both."""
    if following is None or span.close_at < 0:
        return None
    if following.close_at < 0 or not _GAP.fullmatch(text[span.close_at + 1 : following.open_at]):
        return None
    cue = cue_after(doc, _token_at(starts, following.close_at))
    if cue is None:
        return None
    speaker = _speaker(cue, finder)
    return _Attribution(speaker, cue, "quote:cue-following") if speaker else None


def _same_speaker(
    doc: Doc,
    text: str,
    span: QuotedSpan,
    previous: tuple[QuotedSpan, _Attribution | None] | None,
    starts: list[int],
    finder: SpeakerFinder,
) -> _Attribution | None:
    """`"...," he said. Many firms offer blogs. "That is the difference."`: in the same
    paragraph, a sentence or two that name nobody and report no speech lie between a
    quotation and the next, which goes on with the same speaker."""
    if previous is None:
        return None
    before, found = previous
    if found is None:
        return None
    gap_start = max(_frame(before), found.cue.end)
    gap = text[gap_start : span.open_at]
    if "\n" in gap or not _SENTENCE_END.search(text[: span.open_at]):
        return None
    first, last = _token_at(starts, gap_start), _token_at(starts, span.open_at)
    tokens = doc[first:last]
    if len({t.sent.start for t in tokens if not t.is_space}) > _SAME_SPEAKER_SENTENCES + 1:
        return None
    if any(finder.index.at(t.i) is not None for t in tokens if t.idx >= gap_start):
        return None  # someone or something else is named: the next words may be theirs
    if any(speech_lemma(t) is not None for t in tokens if t.idx >= found.cue.end):
        return None
    return _Attribution(found.speaker, found.cue, "quote:same-speaker")


def _speaker(cue: Cue, finder: SpeakerFinder) -> Speaker | None:
    for tok in (cue.subject, cue.fallback):
        speaker = finder.resolve(tok) if tok is not None else None
        if speaker is not None:
            return speaker
    return finder.left_of(cue.verb) if cue.subject is None else None


def _frame(span: QuotedSpan) -> int:
    """Where the quotation's marks end."""
    return span.close_at + 1 if span.close_at >= 0 else span.end


def _one_sentence(doc: Doc, span: QuotedSpan, starts: list[int]) -> bool:
    first = doc[_token_at(starts, span.start)]
    last = doc[_token_at(starts, span.end - 1)]
    return first.sent.start == last.sent.start


def _token_at(starts: list[int], pos: int) -> int:
    return max(0, bisect_right(starts, pos) - 1)
