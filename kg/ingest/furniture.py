"""Find web-page furniture in article text: copyright lines, captions, share bars, footers.

Scraped news keeps bits of the page around the story ("Image caption ...", "(c) 2021 BBC.",
"Share this with Email Facebook ...", link teasers). They are not news, so no entity may be
taken from them. Offsets stay valid because nothing is removed: the extractor is told which
character spans to ignore.

Scrapes are often one paragraph with no line breaks, so every pattern works inline and
anchors on wording that prose does not use (case-sensitive, with a year or a fixed phrase),
never on a lone word such as "copyright" or a site's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_YEAR = r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?"
# After a notice's year comes its owner, a capitalised name or a digit ("© 2019 Guardian").
_OWNER = r"(?=,?\s*[A-Z0-9\"“])"

# Markers that open a page footer: everything from the first one on is furniture.
_FOOTER_MARKERS = [
    # "© 2019 Guardian News", "Copyright © Reuters": the sign is not used in prose.
    re.compile(r"(?<![\w(])(?:(?:Copyright|COPYRIGHT)\s*)?©\s*(?:" + _YEAR + r")?" + _OWNER),
    # "(c) 2021 BBC.": needs the year, and no word or ")" before it, so "section 3(c) 2021"
    # and a list item "(c) 2021 figures" are not notices.
    re.compile(r"(?<![\w)])(?:(?:Copyright|COPYRIGHT)\s*)?\([cC]\)\s*" + _YEAR + _OWNER),
    # "Copyright 2005 Reuters" with no sign: only where a sentence or line starts.
    re.compile(r"(?:^|(?<=[.!?\"”]\s)|(?<=\n))(?:Copyright|COPYRIGHT)\s+" + _YEAR + _OWNER, re.M),
    re.compile(
        r"\bThe\s+[A-Z][^.\n]{0,60}?\s+(?:is|are)\s+not\s+responsible\s+for\s+the\s+content\s+"
        r"of\s+external\s+(?:[Ii]nternet\s+)?(?:sites|websites|links)\b"
    ),
    re.compile(r"\bRead\s+more\s+about\s+our\s+approach\s+to\s+(?:external\s+)?linking\b"),
    re.compile(r"\bRelated Topics\b"),
    # Section headings under a story; only as whole lines, as single words occur in prose.
    re.compile(
        r"^[ \t]*(?:More on this story|Related (?:Internet )?Links|Related (?:content|articles|"
        r"stories)|Top Stories|Most (?:Read|Popular|Watched)|You (?:may|might) also like|"
        r"Elsewhere on [A-Z][\w ]{0,30}|Around the (?:web|network))[ \t]*$",
        re.M,
    ),
]

# Pieces of furniture inside a page: the match itself is the span, or its start when the
# pattern is marked as running to the end of its line or sentence.
_TO_LINE_OR_SENTENCE = "line_or_sentence"
_CREDIT = "credit"
_EXACT = "exact"
_INLINE = [
    (re.compile(r"\b(?:Image|Media|Video|Photo|Picture) caption\b,?"), _TO_LINE_OR_SENTENCE),
    (re.compile(r"\b(?:Image|Video|Photo|Picture) (?:copyright|source|credit)\b[,:]?"), _CREDIT),
    (
        re.compile(r"\bMedia playback is (?:unsupported|not supported) on your device\b\.?"),
        _EXACT,
    ),
    (
        re.compile(
            r"\b(?:To (?:play|view) this (?:video|content)|This (?:video|content) "
            r"(?:can ?not|cannot|could not) be (?:played|displayed))[^.\n]{0,120}\.?"
        ),
        _EXACT,
    ),
    (
        re.compile(
            r"\bShare this(?: (?:story|article|page|post))? (?:with|on|via)\b"
            r"(?:\s+(?:Email|E-mail|Facebook|Messenger|Twitter|X|Pinterest|WhatsApp|LinkedIn|"
            r"Reddit|Telegram|Copy this link|Copy link))*"
        ),
        _EXACT,
    ),
    (
        re.compile(
            r"\b(?:These are|This is an) external links? and will open in a new (?:window|tab)\.?"
        ),
        _EXACT,
    ),
    (re.compile(r"\bAll rights reserved\b\.?"), _EXACT),
    (
        re.compile(
            r"(?:^|(?<=[.!?\"”]\s)|(?<=\n))Follow (?:us|[A-Z][\w.'’ ]{0,40}?) on "
            r"(?:Twitter|Facebook|Instagram|X|TikTok|YouTube)\b[^.\n]{0,60}\.?",
            re.M,
        ),
        _EXACT,
    ),
    # Whole lines that are page chrome, not prose.
    (
        re.compile(
            r"^[ \t]*(?:Advertisement|Skip to (?:content|main content)|Share|Share this|"
            r"(?:Published|Updated|Last updated)\b[^\n]{0,40}\d[^\n]{0,40}|"
            r"Sign up for [^\n]{0,60}newsletters?[^\n]{0,40})[ \t]*$",
            re.M,
        ),
        _EXACT,
    ),
]

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s|$)")
# A caption or notice longer than this has swallowed article text: keep only its marker.
_MAX_SEGMENT = 300
# A link teaser before a footer is a headline, a few words long.
_MAX_TEASER_WORDS = 20
# Link labels between two footer markers ("Related Topics / Glasgow / Drug use / More on ...").
_MAX_LINK_WORDS = 60
# Credit owners: "Getty Images", "AFP via Getty Images", "PA Media", "Reuters".
_CREDIT_TOKEN = re.compile(r"\s*([A-Z][\w.&'’-]*|via|/|&)")
_CREDIT_ENDS = frozenset(
    {"Images", "Media", "Photos", "Pictures", "Agency", "Press", "News", "Library", "Archive"}
)
_CREDIT_STOPS = frozenset(
    {"The", "A", "An", "In", "On", "At", "But", "He", "She", "It", "They", "We", "This",
     "That", "Mr", "Mrs", "Ms", "Dr", "Image", "Media", "Video", "Photo", "Picture"}
)  # fmt: skip
_MAX_CREDIT_TOKENS = 4


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) character spans of page furniture in `text`."""
    spans: list[tuple[int, int]] = []
    footer = _footer_start(text)
    if footer is not None:
        spans.append((footer, len(text)))
    for pattern, extent in _INLINE:
        for match in pattern.finditer(text):
            spans.append((match.start(), _extent_end(text, match, extent)))
    # A footer marker in the top half is a notice, not a footer: flag just its own line.
    for pattern in _FOOTER_MARKERS:
        for match in pattern.finditer(text):
            if footer is None or match.start() < footer:
                spans.append((match.start(), _segment_end(text, match.end())))
    return _merge(_trim(text, start, end) for start, end in spans)


def _footer_start(text: str) -> int | None:
    """Where the page footer starts, or None.

    Only a marker in the second half opens a footer, so a credit line above the story
    never wipes the story out. An earlier marker joins the footer when all that lies
    between is unpunctuated (topic links and teasers under "Related Topics").
    """
    markers = sorted(
        (m.start(), _segment_end(text, m.end())) for p in _FOOTER_MARKERS for m in p.finditer(text)
    )
    half = len(text) // 2
    late = [start for start, _ in markers if start >= half]
    if not late:
        return None
    footer = late[0]
    for start, end in reversed(markers):
        if start < footer and _link_list(text[end:footer]):
            footer = start
    return _teaser_start(text, footer)


def _link_list(between: str) -> bool:
    """True for text with no sentence in it: a few link labels or headings."""
    return not _SENTENCE_END.search(between) and len(between.split()) <= _MAX_LINK_WORDS


def _teaser_start(text: str, marker: int) -> int:
    """Start of the unpunctuated fragment before `marker` on its line (a link teaser such
    as "15 sayings from around the world"), or `marker` when there is none."""
    line_start = text.rfind("\n", 0, marker) + 1
    fragment_start = line_start
    for end in _SENTENCE_END.finditer(text, line_start, marker):
        fragment_start = end.end()
    fragment = text[fragment_start:marker]
    words = fragment.split()
    # With no sentence before it, a fragment at the very start of the text is the story's
    # own opening (or headline), not a teaser.
    if not words or len(words) > _MAX_TEASER_WORDS or fragment_start == line_start == 0:
        return marker
    return fragment_start


def _extent_end(text: str, match: re.Match[str], extent: str) -> int:
    if extent == _TO_LINE_OR_SENTENCE:
        return _segment_end(text, match.end())
    if extent == _CREDIT:
        return _credit_end(text, match.end())
    return match.end()


def _segment_end(text: str, start: int) -> int:
    """End of the line if it is short, else of the sentence; else `start` (marker only)."""
    line_end = text.find("\n", start)
    if line_end == -1:
        line_end = len(text)
    if line_end - start <= _MAX_SEGMENT and ("\n" in text or line_end - start <= 80):
        return line_end
    sentence = _SENTENCE_END.search(text, start, min(len(text), start + _MAX_SEGMENT))
    return sentence.end() if sentence else start


def _credit_end(text: str, start: int) -> int:
    """End of a photo credit's owner: a few capitalised words, up to the end of the line."""
    line_end = text.find("\n", start)
    if line_end != -1 and line_end - start <= 60:
        return line_end
    end = start
    for _ in range(_MAX_CREDIT_TOKENS):
        token = _CREDIT_TOKEN.match(text, end)
        if not token or token.group(1) in _CREDIT_STOPS:
            break
        end = token.end()
        if token.group(1) in _CREDIT_ENDS or token.group(1).isupper():
            break
    return end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
