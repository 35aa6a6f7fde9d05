"""What cross-article linking needs to know of one article: a `LinkRecord`.

A record is small (the article's context and, for each entity that some linking rule looks
at, its key, name and a few hints) and is all that linking reads: a build folds every
article's record into the decisions, a store keeps each record in its ledger, and a build
that streams keeps records, not extractions. Each entity a rule looks at is a `Member` of
one *group*, the set of entities one decision covers: every person with the surname Blair
("person|blair"), every organisation an acronym may name ("acronym|CBI"), every form of a
country ("alias|united states"), a place's or a company's short and longer names
("short|Place|belmarsh"), every instrument with one title ("law|human rights act").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.extract.gazetteer import is_place
from kg.extract.names import HONORIFICS, fold, name_key
from kg.extract.roles.lexicon import role_lexicon
from kg.link.aliases import place_alias
from kg.model import LEGISLATION, ORGANIZATION, PERSON, PLACE, ArticleExtraction, Entity

# Courtesy titles by the sex they mark; a peer's title ("Lord Goldsmith") is also a name.
MALE = frozenset("mr sir lord baron viscount earl duke prince king".split())
FEMALE = frozenset(
    "mrs ms miss lady dame baroness viscountess countess duchess princess queen".split()
)
PEERAGE = frozenset("lord lady baroness baron viscount viscountess earl countess".split())
# Known by their given names: "King Michael" is nobody's surname.
ROYAL = frozenset("king queen prince princess pope emperor empress".split())
# A feature of a record that says when, not what: "period|2005-03".
PERIOD = "period"
_DATE = re.compile(r"^(\d{4})-(\d{2})")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&]{1,9}$")
_MINOR = frozenset({"of", "for", "the", "and", "on", "in", "&", "to", "at"})
# Words after a place's or a company's name that its name alone is used for: "Belmarsh"
# (Prison), "Hyundai" (Motor), "Qwest" (Communications).
_PLACE_WORDS = frozenset("prison airport bay island islands strait peninsula".split())
_COMPANY_WORDS = frozenset(
    "motor motors communications security group holdings corporation corp inc plc ltd "
    "limited airways airlines systems technologies pharmaceuticals telecom "
    "telecommunications networks software".split()
)
# Text that ends where a sentence (or a quotation, a heading) opens.
_OPENS = re.compile(r"(?:^|[.!?:;\"“”‘’()\n]\s*)$")
# A nationality written just before an acronym: "Spanish FA", "Welsh RFU".
_QUALIFIED = re.compile(r"\b[A-Z][a-z]+(?:ish|sh|ese|ian|an|ch|ic)\s+$")


@dataclass(frozen=True)
class Member:
    """One entity of one article, as a linking rule sees it."""

    group: str
    type: str
    key: str  # the entity's key in the article, before linking
    name: str
    # full | short | peer (persons); long | acronym (organisations); alias; dated | undated
    form: str
    gender: str = ""  # "m" or "f" when the article calls them Mr, Mrs, Lord, Lady ...
    titles: tuple[str, ...] = ()  # peer titles the article calls a full name by ("lord")
    posts: tuple[tuple[str, str], ...] = ()  # (post as folded words, organisation key)
    # A short name's fuller forms the article's text writes, found or not as entities:
    # "norman baker" for the "Mr Baker" of an article that also says "Lib Dem Norman Baker".
    written: tuple[str, ...] = ()
    opening: tuple[str, ...] = ()  # the same, written only where a sentence opens
    # Titles other than Mr or Lord the article gives the person ("president", "dr").
    styles: tuple[str, ...] = ()
    defined: bool = False  # a long form the article gives this acronym


@dataclass(frozen=True)
class LinkRecord:
    """One article, as cross-article linking sees it."""

    article: str  # article id
    features: frozenset[str]  # its context: "Organization|labour party", "period|2005-03"
    members: tuple[Member, ...]

    def groups(self) -> set[str]:
        return {m.group for m in self.members}


def feature(type_: str, key: str) -> str:
    return f"{type_}|{key}"


def link_record(extraction: ArticleExtraction) -> LinkRecord:
    """The record of one article's extraction (before any cross-article link)."""
    entities = extraction.entities
    surnames = {
        _tokens(e.key)[-1] for e in entities if e.type == PERSON and len(_tokens(e.key)) > 1
    }
    posts = _posts(extraction)
    text = extraction.article.text
    members: list[Member] = []
    acronyms = {
        e.name.upper() for e in entities if e.type == ORGANIZATION and _ACRONYM.match(e.name)
    }
    for entity in entities:
        members.extend(_members(entity, surnames, posts.get(entity.key, ()), text, acronyms))
    features = {
        feature(e.type, context_key(e))
        for e in entities
        if not (e.type == PERSON and len(_tokens(e.key)) < 2)  # a lone surname is no context
    }
    date = _DATE.match(extraction.article.date or "")
    if date:
        features.add(f"{PERIOD}|{date.group(1)}-{date.group(2)}")
    return LinkRecord(
        extraction.article.id,
        frozenset(features),
        tuple(sorted(members, key=lambda m: (m.group, m.type, m.key, m.form))),
    )


def context_key(entity: Entity) -> str:
    """The entity's key as context: a country's other names count as the country."""
    if entity.type == PLACE:
        return place_alias(entity.key) or entity.key
    return entity.key


def person_tokens(key: str) -> list[str]:
    """A person's key as words, dots dropped: "george w. bush" -> george, w, bush."""
    return _tokens(key)


def _tokens(key: str) -> list[str]:
    return [t for t in key.replace(".", " ").split() if t]


def _members(
    entity: Entity, surnames: set[str], posts, text: str, acronyms: set[str]
) -> list[Member]:
    if entity.type == PERSON:
        return _person(entity, surnames, posts, text)
    if entity.type == ORGANIZATION:
        return _organisation(entity, text, acronyms)
    if entity.type == PLACE:
        canonical = place_alias(entity.key)
        if canonical:
            if canonical == entity.key:
                return []
            return [Member(f"alias|{canonical}", PLACE, entity.key, entity.name, "alias")]
        return _short_form(entity, _PLACE_WORDS)
    if entity.type == LEGISLATION:
        title = name_key(entity.attr("title") or entity.name)
        form = "dated" if entity.attr("year") and entity.attr("title") else "undated"
        if entity.attr("kind") == "Section":
            return []
        return [Member(f"law|{title}", LEGISLATION, entity.key, entity.name, form)]
    return []


def _person(entity: Entity, surnames: set[str], posts, text: str) -> list[Member]:
    words = _tokens(entity.key)
    if not words:
        return []
    called = [entity.name, *entity.aliases]
    firsts = [fold(n).split()[0].rstrip(".") for n in called if len(n.split()) > 1]
    genders = {"m" for t in firsts if t in MALE} | {"f" for t in firsts if t in FEMALE}
    gender = genders.pop() if len(genders) == 1 else ""
    group = f"person|{words[-1]}"
    styles = _styles(entity, words, posts)
    if len(words) > 1:
        peers = tuple(sorted({fold(n).split()[0] for n in called if _is_peer_name(n, words[-1])}))
        full = Member(group, PERSON, entity.key, entity.name, "full", gender, peers, posts)
        return [replace(full, styles=styles)]
    if words[0] in surnames:
        return []  # the article names a full form too and kept this one apart on purpose
    if set(firsts) & ROYAL:
        return []  # "King Michael" is known by his given name, no one's surname
    peer = _is_peer_name(entity.name, words[0])
    form = "peer" if peer else "short"
    inner, opening = _written(
        text, entity.name.split()[-1], {name_key(a, person=True) for a in called}
    )
    short = Member(group, PERSON, entity.key, entity.name, form, gender, written=inner)
    return [replace(short, opening=opening, styles=styles)]


def _styles(entity: Entity, words: list[str], posts) -> tuple[str, ...]:
    """The titles written before the person's name, but for courtesy and peers' titles:
    "President Bush" gives "president", "Dr Reid" "dr"."""
    found: set[str] = set()
    for name in (entity.name, *entity.aliases, *(m.title for m in entity.mentions)):
        tokens = fold(name).replace(".", " ").split()
        if words[0] in tokens:
            tokens = tokens[: tokens.index(words[0])]
        found |= set(tokens)
    for post, _ in posts:
        found |= set(post.split())
    ignored = MALE | FEMALE | PEERAGE
    return tuple(sorted(w for w in found if w in _title_words() and w not in ignored))


def _written(text: str, surname: str, titles: set[str]) -> tuple[tuple[str, ...], ...]:
    """The fuller names the text writes with `surname`: "... Lib Dem Norman Baker" gives
    "norman baker", "dem norman baker" and "lib dem norman baker". A title the entity is
    called by ("Chancellor Brown", among its aliases as `titles`) is no part of a name; nor
    may a word that opens a sentence be ("Yesterday Blair said"): the forms found only so
    are returned apart, as (forms, forms only where a sentence opens)."""
    inner: set[str] = set()
    opening: set[str] = set()
    # Words of a name: "Norman", "O'Brien", an initial "W." (a longer word with a full stop
    # ends a sentence) ... not "Howard Flight" for "Howard" (a given name there).
    name = r"((?:[A-Z](?:[\w'’-]*[\w'’]|\.)?\s+){1,3})"
    pattern = name + re.escape(surname) + r"\b(?!\s+[A-Z][a-z])"
    for match in re.finditer(pattern, text):
        words = match.group(1).split()
        # "Deputy Prime Minister Mr Prescott": a title or honorific ends the name.
        for n, word in enumerate(reversed(words)):
            if fold(word).rstrip(".") in _title_words():
                words = words[len(words) - n :]
                break
        opens = _OPENS.search(text[: match.start()]) and len(words) == len(match.group(1).split())
        for n in range(1, len(words) + 1):
            key = name_key(" ".join([*words[-n:], surname]), person=True)
            if len(_tokens(key)) > 1 and key not in titles:
                (opening if opens and n == len(words) else inner).add(" ".join(_tokens(key)))
    return tuple(sorted(inner)), tuple(sorted(opening - inner))


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Words of posts (data/roles.tsv) and courtesy titles: "president", "minister", "mr"."""
    posts = {w.casefold() for post in role_lexicon().posts for w in post}
    return frozenset(posts | HONORIFICS | MALE | FEMALE)


def _is_peer_name(name: str, surname: str) -> bool:
    words = fold(name).replace(".", " ").split()
    return len(words) == 2 and words[0] in PEERAGE and words[1] == surname


def _organisation(entity: Entity, text: str, acronyms: set[str]) -> list[Member]:
    """An acronym ("CBI"), or a long form with the acronyms its initials spell: *defined*
    when the article gives it that acronym (as an alias, or as an entity of its own)."""
    name = entity.name
    if " " not in name and _ACRONYM.match(name) and _looks_like_acronym(name):
        if any(_QUALIFIED.search(text[: m.start]) for m in entity.mentions):
            return []  # "the Spanish FA" is not the FA another article spells out
        acronym = Member(f"acronym|{name.upper()}", ORGANIZATION, entity.key, name, "acronym")
        return [acronym, *_short_form(entity, _COMPANY_WORDS)]
    if len(name.split()) < 2:
        return _short_form(entity, _COMPANY_WORDS)
    words = re.findall(r"[\w'&]+", name)
    given = {
        alias.upper()
        for alias in entity.aliases
        if " " not in alias
        and _ACRONYM.match(alias)
        and _looks_like_acronym(alias)
        and alias.upper() not in (w.upper() for w in words)
        and _spells(alias, words)
    }
    spelt = given | _initialisms(words)
    longs = [
        Member(
            f"acronym|{acronym}",
            ORGANIZATION,
            entity.key,
            name,
            "long",
            defined=acronym in given or acronym in acronyms,
        )
        for acronym in sorted(spelt)
    ]
    return longs + _short_form(entity, _COMPANY_WORDS)


def _short_form(entity: Entity, kinds: frozenset[str]) -> list[Member]:
    """ "Belmarsh" and "Belmarsh Prison", "Qwest" and "Qwest Communications": one group."""
    words = entity.key.split()
    group = f"short|{entity.type}|{words[0]}" if words else ""
    if len(words) == 1 and not is_place(entity.name):  # "Cardiff" is not Cardiff Bay
        return [Member(group, entity.type, entity.key, entity.name, "short")]
    if len(words) == 2 and words[1] in kinds:
        return [Member(group, entity.type, entity.key, entity.name, "long")]
    return []


def _initialisms(words: list[str]) -> set[str]:
    """What a long name's initials spell: "National Hi-Tech Crime Unit" NHTCU, "US Federal
    Trade Commission" FTC too (a place before a name is not part of its acronym)."""
    spelt = set()
    place = bool(words) and (is_place(words[0]) or place_alias(name_key(words[0])) is not None)
    for part in (words, words[1:] if place else []):
        significant = [w for w in part if w.casefold() not in _MINOR]
        if len(significant) >= 2:
            spelt.add("".join(w[0] for w in significant).upper())
    return spelt


def _looks_like_acronym(word: str) -> bool:
    # "CBI", "Nato", "Acpo": capitals, or a short word with a capital first.
    return word.isupper() or (len(word) <= 5 and word[0].isupper() and word[1:].islower())


def _spells(acronym: str, words: list[str]) -> bool:
    """ "CBI" spells "Confederation of British Industry"; "DfES" spells "Department for
    Education and Skills" (its capitals, the initials of the words that count)."""
    significant = "".join(w[0] for w in words if w.casefold() not in _MINOR).upper()
    every = "".join(w[0] for w in words).upper()
    capitals = "".join(c for c in acronym if c.isupper())
    if acronym.upper() in (significant, every):
        return True
    return len(capitals) >= 2 and capitals == significant


def _posts(extraction: ArticleExtraction) -> dict[str, tuple[tuple[str, str], ...]]:
    """Per person key: the posts the article gives them in a named organisation."""
    orgs = {e.key: e for e in extraction.entities if e.type == ORGANIZATION}
    found: dict[str, set[tuple[str, str]]] = {}
    for a in extraction.affiliations:
        if a.organization in orgs and a.role:
            found.setdefault(a.person, set()).add((fold(a.role), a.organization))
    return {k: tuple(sorted(v)) for k, v in found.items()}
