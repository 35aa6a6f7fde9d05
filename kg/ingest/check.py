"""What an article's fields must be before it is built, wherever it comes from: a JSON Lines
record, an HTML page's metadata, or an `Article` made in Python (`kg.build_texts`).

Each check returns why a value cannot be used (a message naming the field), or None. The
readers turn a reason into a `Skipped` for the line or file; nothing here raises.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlsplit

# A lone UTF-16 surrogate (JSON "\ud800" without its pair) is not a Unicode character: it
# cannot be encoded as UTF-8, so hashing, RDF writers and stores would all fail on it.
_SURROGATE = re.compile("[\ud800-\udfff]")
# The lexical forms of xsd:date and xsd:dateTime, the two datatypes kg gives a date.
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?")
_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?"
)
_TIME_ZONE = re.compile(r"[+-](\d{2}):(\d{2})")
URL_SCHEMES = ("http", "https")
# The bidirectional formatting characters (Unicode's Bidi_Control): invisible, they change
# how the text around them is shown. Kept in article text (offsets), stripped from labels
# (kg.rdf), escaped on the terminal (kg.cli).
BIDI_CONTROLS = frozenset(
    [
        "\u061c",
        "\u200e",
        "\u200f",
        *map(chr, range(0x202A, 0x202F)),
        *map(chr, range(0x2066, 0x206A)),
    ]
)
_NO_BIDI = dict.fromkeys(map(ord, BIDI_CONTROLS))
_SHOWN = 60  # characters of a bad value quoted in a message


def text_problem(field: str, value: str) -> str | None:
    """Why the text of `field` is not Unicode text that can be written anywhere, or None."""
    found = _SURROGATE.search(value)
    if found is None:
        return None
    return (
        f'"{field}" holds a lone surrogate (\\u{ord(found.group()):04x} at character '
        f"{found.start()}), which is not a Unicode character; fix the text (a JSON escape "
        'needs both halves of a pair, as in "\\ud83d\\ude00")'
    )


def url_problem(url: str) -> str | None:
    """Why `url` is not an absolute http or https URL, or None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in URL_SCHEMES or not parts.netloc:
        return f'"url" must be an http or https URL, got {_quoted(url)}'
    if any(ch.isspace() or ord(ch) < 0x20 or ch in '<>"{}|\\^`' for ch in url):
        return f'"url" must not contain spaces or the characters <>"{{}}|\\^`, got {_quoted(url)}'
    return None


def date_problem(value: str) -> str | None:
    """Why `value` is not a valid xsd:date or xsd:dateTime (YYYY-MM-DD, optionally with a
    time hh:mm:ss after a T and a time zone), or None."""
    if valid_date(value):
        return None
    return (
        '"date" must be a date YYYY-MM-DD or a date and time YYYY-MM-DDThh:mm:ss '
        f"(optionally with a time zone, Z or +01:00), got {_quoted(value)}"
    )


def valid_date(value: str) -> bool:
    """True when `value` is the lexical form of a real xsd:date or xsd:dateTime."""
    found = _DATE.fullmatch(value) or _DATETIME.fullmatch(value)
    if found is None:
        return False
    fields = found.groups()
    zone = fields[-1]
    if zone and zone != "Z":
        hours, minutes = map(int, _TIME_ZONE.fullmatch(zone).groups())  # type: ignore[union-attr]
        if hours > 14 or minutes > 59 or (hours == 14 and minutes):
            return False
    try:
        day = date(*map(int, fields[:3]))
        if len(fields) > 4:
            hour, minute, second = map(int, fields[3:6])
            if (hour, minute, second) != (24, 0, 0):  # 24:00:00 is midnight in XSD
                datetime(day.year, day.month, day.day, hour, minute, second)
            elif fields[6] and float(fields[6]):
                return False
    except ValueError:
        return False
    return True


def strip_bidi(text: str) -> str:
    """`text` without its bidirectional formatting characters."""
    return text.translate(_NO_BIDI)


def _quoted(value: str) -> str:
    shown = value if len(value) <= _SHOWN else value[: _SHOWN - 1] + "…"
    return ascii_quoted(shown)


def ascii_quoted(value: str) -> str:
    """`value` in double quotes with control characters escaped, for a message."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in escaped) + '"'
