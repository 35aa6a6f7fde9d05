"""Where the quoted words are: quotation marks paired on the raw text, before any parse.

News copy (the BBC's in particular) follows the typographers' rule for long quotations:
each paragraph of a quotation opens with a quotation mark and only the last one closes.
When paragraphs are joined on one line, the next paragraph's opening mark shows up in the
middle of a line ("... suspects. "Unless ..."). So an opening mark met while a quotation
is open, or a line break inside one, ends that paragraph of the quotation without closing
it, and the paragraphs that follow with only white space between are the same quotation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_OPEN_AFTER = "([{—–-/"  # what may stand before an opening straight quote besides space
_CLOSE_BEFORE = ".,;:!?)]}—–-'’"  # what may follow a closing straight quote besides space
# A single-quoted span: the mark after a space (never an apostrophe inside a word), the
# closing mark not followed by a letter ("officers' pay" is a possessive, not a closer).
# Inside, an apostrophe between two letters is part of a word ("won't", "Glasgow's").
_SINGLE = re.compile(
    r"(?<![^\s(\[])[‘'](?=[^\W_])((?:[^\n‘’']|(?<=\w)[’'](?=\w))*?[^\s‘’'])[’'](?![^\W_])"
)


@dataclass(frozen=True)
class QuotedSpan:
    """One quotation: possibly several paragraphs, each opened by its own mark."""

    start: int  # first character inside the first opening mark
    end: int  # just after the last quoted character
    open_at: int  # the first opening mark
    close_at: int  # the final closing mark, -1 when the quotation is never closed
    text: str  # the quoted words, inner opening marks dropped, paragraphs joined by a space
    single: bool = False  # in single quotation marks


def quoted_spans(text: str, excluded: Sequence[tuple[int, int]] = ()) -> list[QuotedSpan]:
    """Every quotation in `text`, in text order, none overlapping an excluded span."""
    segments = _double_segments(text)
    spans = _chains(text, segments)
    taken = [(s.open_at, s.close_at + 1 if s.close_at >= 0 else s.end) for s in spans]
    spans += _single_spans(text, taken)
    spans.sort(key=lambda s: s.open_at)
    return [s for s in spans if not any(s.open_at < e and b < s.end + 1 for b, e in excluded)]


def _double_segments(text: str) -> list[tuple[int, int, int]]:
    """(opening mark, end of quoted words, closing mark or -1) for each paragraph."""
    segments: list[tuple[int, int, int]] = []
    open_at = -1
    for i, ch in enumerate(text):
        if ch == "\n" and open_at >= 0:  # the quotation runs on to the next paragraph
            segments.append((open_at, i, -1))
            open_at = -1
            continue
        if ch not in '"“”':
            continue
        can_open, can_close = _flanks(text, i)
        if ch == "“":
            can_open, can_close = True, False
        elif ch == "”":
            can_open, can_close = False, True
        if open_at >= 0 and can_close:
            segments.append((open_at, i, i))
            open_at = -1
        elif can_open:
            if open_at >= 0:  # a new paragraph of quotation on the same line
                segments.append((open_at, i, -1))
            open_at = i
    if open_at >= 0:
        segments.append((open_at, len(text), -1))
    return segments


def _flanks(text: str, i: int) -> tuple[bool, bool]:
    """Whether the straight quote at i can open and whether it can close a quotation."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    can_open = not after.isspace() and (before.isspace() or before in _OPEN_AFTER)
    can_close = not before.isspace() and (after.isspace() or after in _CLOSE_BEFORE)
    return can_open, can_close


def _chains(text: str, segments: list[tuple[int, int, int]]) -> list[QuotedSpan]:
    """Join an unclosed paragraph to the quotation paragraph right after it."""
    spans: list[QuotedSpan] = []
    chain: list[tuple[int, int, int]] = []
    for seg in segments:
        if chain and (chain[-1][2] >= 0 or text[chain[-1][1] : seg[0]].strip()):
            spans += _span(text, chain)
            chain = []
        chain.append(seg)
    if chain:
        spans += _span(text, chain)
    return spans


def _span(text: str, chain: list[tuple[int, int, int]]) -> list[QuotedSpan]:
    parts = []
    for open_at, end, _ in chain:
        words = text[open_at + 1 : end].strip()
        if words:
            parts.append(words)
    if not parts:
        return []
    start = chain[0][0] + 1
    start += len(text[start:]) - len(text[start:].lstrip())
    # The comma before "he said" stands for the quotation's full stop: not quoted words.
    end = chain[-1][1]
    end -= len(text[:end]) - len(text[:end].rstrip().rstrip(","))
    parts[-1] = parts[-1].rstrip(",").rstrip()
    return [QuotedSpan(start, end, chain[0][0], chain[-1][2], " ".join(parts))]


def _single_spans(text: str, taken: list[tuple[int, int]]) -> list[QuotedSpan]:
    """Single-quoted spans outside double quotes (headlines and the odd quotation)."""
    spans = []
    for m in _SINGLE.finditer(text):
        if any(b <= m.start() < e for b, e in taken):
            continue
        spans.append(
            QuotedSpan(m.start(1), m.end(1), m.start(), m.end() - 1, m.group(1), single=True)
        )
    return spans
