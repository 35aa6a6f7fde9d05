"""The one function that mints IRIs.

`{base}/id/{kind}/{ascii-slug}-{first 8 hex of sha256(kind|key)}`: stateless, the same on
every run and machine, readable, and safe whatever text it is given.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

from rdflib import URIRef

from kg.config import BASE
from kg.errors import InputError

_SLUG_MAX = 60
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII, lower-case, hyphen-separated, at most 60 characters; never empty."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    cleaned = _NON_ALNUM.sub("-", ascii_text).strip("-")
    cleaned = cleaned[:_SLUG_MAX].rstrip("-")
    return cleaned or "x"


def check_base(base: str) -> str:
    """`base` as IRIs are minted under it (without a trailing "/"), or InputError: an
    absolute http or https IRI without query or fragment, and nothing IRIs cannot hold."""
    parts = urlsplit(base)
    unsafe = [ch for ch in base if ch.isspace() or ord(ch) < 0x21 or ch in '<>"{}|\\^`']
    if parts.scheme not in ("http", "https") or not parts.netloc or unsafe:
        raise InputError(
            f"--base must be an absolute http or https IRI such as https://example.org/news, "
            f"got {base!r}"
        )
    if parts.query or parts.fragment or base.endswith(("?", "#")):
        raise InputError(f"--base must have no query or fragment (? or #), got {base!r}")
    return base.rstrip("/")


def mint(kind: str, key: str, *, base: str = BASE) -> URIRef:
    """Mint the IRI of a `kind` of thing ("person", "mention", ...) identified by `key`.

    `key` must already be normalised by the caller (see `kg.extract.names.name_key`); two keys
    that differ give two IRIs.
    """
    if not kind or _NON_ALNUM.sub("", kind) != kind:
        raise ValueError(f"IRI kind must be lower-case ASCII letters/digits, got {kind!r}")
    digest = hashlib.sha256(f"{kind}|{key}".encode()).hexdigest()[:8]
    return URIRef(f"{base}/id/{kind}/{slug(key)}-{digest}")
