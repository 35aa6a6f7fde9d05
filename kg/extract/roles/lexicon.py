"""The words for posts (data/roles.tsv): which words end a post, lead, or name an office.

A post as written ends in a word for a post ("home affairs spokesman", "Tory leader",
"secretary general"); the words before it say what it covers, for whom, and whether the
holder still holds it ("former", "ex-"). This module only answers questions about words;
finding the words in a sentence is `kg.extract.roles.phrases`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.errors import KgError
from kg.paths import DATA

_KINDS = (
    "head",
    "role",
    "councillor",
    "not-current",
    "not-head",
    "dropped",
    "office",
    "portfolio",
    "party",
    "speech",
    "speaker",
    "seat",
    "generic-org",
    "post-nominal",
)
# Words that carry no meaning of their own inside a post ("secretary of state for ...").
_FUNCTION = frozenset({"of", "for", "the", "to", "and", "in", "on", "at", "'s", "’s", "'", "’"})
# Titles that are courtesies, not posts, however the mention finder kept them ("Dr Lewis").
COURTESY_TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady"})
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[-'’]")


@dataclass(frozen=True)
class RoleLexicon:
    posts: frozenset[tuple[str, ...]]  # word sequences that end a post
    exact_case: frozenset[str]  # acronyms that count only in capitals ("MP", not "mp")
    heads: frozenset[tuple[str, ...]]
    councillor: frozenset[str]
    not_current: frozenset[str]
    not_head: frozenset[str]
    dropped: frozenset[str]
    offices: frozenset[tuple[str, ...]]
    portfolios: frozenset[tuple[str, ...]]
    parties: frozenset[str]  # case-folded canonical names
    speech: frozenset[str]
    speakers: frozenset[tuple[str, ...]]
    seats: frozenset[tuple[str, ...]]
    generic_orgs: frozenset[str]  # "the organisation", "the group": any organisation
    post_nominal: frozenset[str] = frozenset()  # posts written after the name ("QC"), as cased

    def post_length(self, words: list[str]) -> int:
        """How many of the last `words` make up a word for a post (0 when they do not)."""
        folded = [_fold_word(w, self.exact_case) for w in words]
        best = 0
        for n in range(1, min(4, len(folded)) + 1):
            if tuple(folded[-n:]) in self.posts:
                best = n
        if not best and folded and singular(folded[-1]) != folded[-1]:
            # "analysts with Strategy Analytics", "top executives": the plural of a post.
            return self.post_length([*words[:-1], singular(folded[-1])])
        return best

    def ends_in(self, words: list[str], table: frozenset[tuple[str, ...]]) -> bool:
        folded = [_fold_word(w, self.exact_case) for w in words]
        return any(tuple(folded[-n:]) in table for n in range(1, min(4, len(folded)) + 1))

    def is_office(self, words: list[str]) -> bool:
        """Is the post these content words name one that outlives its holders?

        `words` are the post's own words, without the organisation, places and
        "former"; "shadow home secretary" counts as the shadow office.
        """
        core = [w.casefold() for w in words if w.casefold() not in _FUNCTION]
        if core[:1] == ["shadow"]:
            core = core[1:]
        if not core:
            return False
        if tuple(core) in self.offices:
            return True
        # "home secretary", "immigration minister", "minister for europe",
        # "secretary of state for health"
        if core[-1] in ("secretary", "minister") and tuple(core[:-1]) in self.portfolios:
            return True
        if core[0] == "minister" and tuple(core[1:]) in self.portfolios:
            return True
        return core[:2] == ["secretary", "state"] and tuple(core[2:]) in self.portfolios

    def is_party(self, name: str) -> bool:
        return name.casefold() in self.parties or re.search(r"\bParty\b", name) is not None


def words_of(text: str) -> list[str]:
    """The words of a post as written ("ex-Home Secretary" -> ex, -, Home, Secretary)."""
    out: list[str] = []
    for token in _WORD.findall(text):
        out.extend(part for part in re.split(r"(-)", token) if part)
    return out


def singular(word: str) -> str:
    """The singular of a plural word for people ("spokesmen", "analysts", "MPs")."""
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("people"):
        return word[:-6] + "person"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _fold_word(word: str, exact_case: frozenset[str]) -> str:
    return word if word in exact_case else word.casefold()


@lru_cache(maxsize=1)
def role_lexicon() -> RoleLexicon:
    """The lexicon in data/roles.tsv, read once."""
    path = DATA / "roles.tsv"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KgError(f"cannot read {path}: {exc}; restore it from the repository") from exc
    table: dict[str, list[str]] = {kind: [] for kind in _KINDS}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, entries = line.partition("\t")
        if kind not in table:
            raise KgError(f"{path}:{number}: unknown kind {kind!r}; use one of {', '.join(_KINDS)}")
        table[kind].extend(e.strip() for e in entries.split("|") if e.strip())
    exact = frozenset(e for e in table["role"] + table["head"] if e != e.casefold())

    def seqs(kind: str) -> frozenset[tuple[str, ...]]:
        return frozenset(
            tuple(_fold_word(w, exact) for w in words_of(e) if w.casefold() not in ("of", "the"))
            if kind in ("office", "portfolio")
            else tuple(_fold_word(w, exact) for w in words_of(e))
            for e in table[kind]
        )

    posts = seqs("head") | seqs("role") | seqs("councillor")
    return RoleLexicon(
        posts=posts,
        exact_case=exact,
        heads=seqs("head"),
        councillor=frozenset(e.casefold() for e in table["councillor"]),
        not_current=frozenset(e.casefold() for e in table["not-current"]),
        not_head=frozenset(e.casefold() for e in table["not-head"]),
        dropped=frozenset(e.casefold() for e in table["dropped"]),
        offices=frozenset(tuple(w for w in s if w not in _FUNCTION) for s in seqs("office")),
        portfolios=frozenset(tuple(w for w in s if w not in _FUNCTION) for s in seqs("portfolio")),
        parties=frozenset(e.casefold() for e in table["party"]),
        speech=frozenset(e.casefold() for e in table["speech"]),
        speakers=seqs("speaker"),
        seats=seqs("seat"),
        generic_orgs=frozenset(e.casefold() for e in table["generic-org"]),
        post_nominal=frozenset(table["post-nominal"]),
    )
