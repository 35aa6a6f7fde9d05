"""The one function that mints IRIs.

`{base}/id/{kind}/{ascii-slug}-{first 8 hex of sha256(kind|key)}`: stateless, the same on
every run and machine, readable, and safe whatever text it is given.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.config import BASE

_SLUG_MAX = 60
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII, lower-case, hyphen-separated, at most 60 characters; never empty."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    cleaned = _NON_ALNUM.sub("-", ascii_text).strip("-")
    cleaned = cleaned[:_SLUG_MAX].rstrip("-")
    return cleaned or "x"


def mint(kind: str, key: str, *, base: str = BASE) -> URIRef:
    """Mint the IRI of a `kind` of thing ("person", "mention", ...) identified by `key`.

    `key` must already be normalised by the caller (see `kg.extract.names.name_key`); two keys
    that differ give two IRIs.
    """
    if not kind or _NON_ALNUM.sub("", kind) != kind:
        raise ValueError(f"IRI kind must be lower-case ASCII letters/digits, got {kind!r}")
    digest = hashlib.sha256(f"{kind}|{key}".encode()).hexdigest()[:8]
    return URIRef(f"{base}/id/{kind}/{slug(key)}-{digest}")
