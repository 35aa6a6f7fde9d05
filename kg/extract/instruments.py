"""What a mention of a legal instrument is: its span, title, year and kind.

Shared by the finders of named instruments (`legislation`) and of the references back to
them (`legal_refs`).
"""

from __future__ import annotations

from dataclasses import dataclass

ACT, BILL, REGULATIONS, ORDER, SECTION, TREATY = (
    "Act",
    "Bill",
    "Regulations",
    "Order",
    "Section",
    "Treaty",
)
# A year as written in a title ("Misuse of Drugs Act 1971"), as a regular expression.
YEAR = r"(?:1[2-9]\d\d|20[0-4]\d)"


@dataclass(frozen=True)
class LegalMention:
    """A span of `doc.text` naming (or referring back to) a legal instrument."""

    start: int
    end: int
    text: str  # the span as written
    title: str  # normalised title without year: "Misuse of Drugs Act"
    year: int | None
    kind: str  # Act | Bill | Regulations | Order | Section | Treaty
    name: str  # canonical name: title + year when known
    anaphor: bool  # "the Act", "the 1971 Act": resolved to an earlier instrument
    parent: str | None = None  # a Section's instrument (canonical name)
    rule: str = ""
    confidence: float = 0.9
