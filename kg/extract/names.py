"""Name normalisation shared by extraction and IRI minting."""

from __future__ import annotations

import re
import unicodedata

# Courtesy titles and honorifics that precede a personal name and are not part of it.
# Kept lower-case, without trailing dots.
HONORIFICS = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady baroness baron rev reverend
    cllr councillor father sister brother rabbi imam sheikh mme mlle herr madame
    viscount viscountess earl countess marquess duke duchess prince princess king queen
    """.split()
)
# Titles that say whether their bearer is a man or a woman: "Mrs Howard" is never the
# "Mr Howard" of the same article.
MALE_TITLES = frozenset(
    "mr sir lord baron viscount earl marquess duke prince king father brother herr".split()
)
FEMALE_TITLES = frozenset(
    """
    mrs ms miss dame lady baroness viscountess countess duchess princess queen sister mme
    mlle madame
    """.split()
)
# Titles of peers and royalty: a person named by one of them and one name keeps the title
# in the name ("Baroness Scotland", "Prince Charles"), and a royal title goes with a given
# name, never a surname.
PEERAGE = frozenset(
    "lord lady baroness baron viscount viscountess earl countess marquess duke duchess".split()
)
ROYAL_TITLES = frozenset("prince princess king queen".split())

# Letters after a name that are not part of it: "Guy Smith QC", "Jane Doe MP".
POST_NOMINALS = frozenset("QC KC MP MEP MSP OBE CBE MBE KBE DBE JP".split())
# Courtesy titles that start a new personal name, so a run of capitalised words stops there.
NAME_OPENERS = frozenset("mr mrs ms miss dr sir dame".split())

_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = " \t\n\r\"'“”‘’`.,;:!?()[]{}<>«»–—-"


def fold(text: str) -> str:
    """NFKC, accents folded, case folded, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE.sub(" ", text.casefold()).strip()


def strip_leading_the(text: str) -> str:
    return re.sub(r"^(?:the)\s+", "", text, flags=re.IGNORECASE)


def strip_honorifics(text: str) -> str:
    """Drop leading honorifics ("Cllr", "Sir", "Dr.") from a personal name."""
    words = text.split()
    while len(words) > 1 and words[0].rstrip(".").casefold() in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def clean_surface(text: str) -> str:
    """Trim quotes, punctuation and whitespace from the edges of a span's text."""
    text = _SPACE.sub(" ", text).strip(_EDGE_PUNCT)
    # A possessive is not part of the name: "Glasgow's" -> "Glasgow".
    return re.sub(r"(?:'s|’s|'|’)$", "", text).strip()


def name_key(text: str, *, person: bool = False) -> str:
    """The normalised form of a name that decides entity identity."""
    text = clean_surface(text)
    text = strip_leading_the(text)
    if person:
        text = strip_honorifics(text)
    return fold(text)
