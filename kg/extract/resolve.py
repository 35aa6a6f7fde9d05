"""Group an article's mentions into entities: one entity per real-world thing.

In one article "Ms Hunter", "Hunter" and "Mhairi Hunter" are one person; "JCWI" and
"Joint Council for the Welfare of Immigrants" one organisation; "Medical Foundation" the
short form of the longer name. Types are decided per entity, by the votes of its mentions
and, for a lone place-like name, by the gazetteer ("Glasgow" is not a person).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract.gazetteer import is_place
from kg.extract.mentions import Candidate
from kg.extract.names import clean_surface, name_key
from kg.model import ORGANIZATION, PERSON, PLACE, Entity, Mention

# Geographic words that extend a place's short name: "Guantanamo" is "Guantanamo Bay".
_PLACE_SUFFIXES = frozenset(
    "Bay Island Islands Peninsula Valley Strait Straits Coast Lake River Gulf Sea Harbour "
    "Mountains Hills Forest Desert Canal Delta Basin Heights Strip".split()
)
_TYPE_PRIORITY = {PERSON: 3, ORGANIZATION: 2, PLACE: 1}
_MINOR_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "&", "to", "at"})


@dataclass
class _Group:
    """A growing entity: mutable while resolving, frozen into an Entity at the end."""

    cands: list[Candidate] = field(default_factory=list)
    canonical: str = ""  # fixed by a table (party names)
    type: str = ""  # fixed when a long form decides it ("Acpo" is its organisation)


def resolve_entities(doc: Doc, candidates: list[Candidate]) -> list[Entity]:
    """Cluster candidates into entities, correct their types and pick canonical names."""
    surfaces = {id(c): _surface(doc, c) for c in candidates}
    dropped = _generic_acronyms(doc)
    cands = [c for c in candidates if surfaces[id(c)] not in dropped]

    groups: dict[str, _Group] = {}
    order: list[str] = []

    def group_for(key: str) -> _Group:
        if key not in groups:
            groups[key] = _Group()
            order.append(key)
        return groups[key]

    # 1. Names fixed by a table, and exact repeats, group by their normalised text.
    for cand in cands:
        if cand.canonical:
            key = "alias|" + name_key(cand.canonical)
            group = group_for(key)
            group.canonical = cand.canonical
        else:
            key = name_key(surfaces[id(cand)])
        group_for(key).cands.append(cand)

    _merge_acronyms(doc, groups, order, surfaces)
    _merge_person_parts(doc, groups, order, surfaces)
    _merge_org_prefixes(groups, order, surfaces)
    _merge_place_short_forms(groups, order, surfaces)

    entities = []
    for key in order:
        resolved = groups.get(key)
        if resolved is None or not resolved.cands:
            continue
        entity = _freeze(doc, resolved, surfaces)
        if entity is not None:
            entities.append(entity)
    return entities


def _surface(doc: Doc, cand: Candidate) -> str:
    return clean_surface(doc[cand.start : cand.end].text)


def _vote(group: _Group) -> str:
    if group.type:
        return group.type
    counts = Counter(c.type for c in group.cands)
    return max(counts, key=lambda t: (counts[t], _TYPE_PRIORITY.get(t, 0)))


def _tokens(text: str) -> list[str]:
    return text.split()


def _merge_into(groups: dict[str, _Group], src: str, dst: str) -> None:
    if src == dst or src not in groups or dst not in groups:
        return
    groups[dst].cands.extend(groups[src].cands)
    del groups[src]


def _merge_person_parts(doc, groups, order, surfaces) -> None:
    """ "Clarke", "Mr Clarke" and "Moazzam" join the one full name in the article they fit."""
    anchors = []
    for key in order:
        group = groups.get(key)
        if group is None or group.canonical:
            continue
        names = {surfaces[id(c)] for c in group.cands}
        longest = max(names, key=lambda n: len(_tokens(n)))
        person_votes = sum(1 for c in group.cands if c.type == PERSON or c.honorific)
        if len(_tokens(longest)) >= 2 and person_votes and _vote(group) == PERSON:
            anchors.append((key, _tokens(longest)))
    for key in list(order):
        group = groups.get(key)
        if group is None or group.canonical or any(key == a for a, _ in anchors):
            continue
        names = {surfaces[id(c)] for c in group.cands}
        name = max(names, key=lambda n: len(_tokens(n)))
        words = _tokens(name)
        # A lone word that is also a place ("Glasgow") only joins a person it is
        # explicitly marked as ("Mr Glasgow").
        marked = any(c.type == PERSON or c.honorific for c in group.cands)
        if not marked and is_place(name):
            continue
        fits = [a for a, full in anchors if _is_part_of(words, full)]
        if len(fits) > 1:
            _share_among(groups, key, fits)
        elif len(fits) == 1:
            groups[fits[0]].type = PERSON
            _merge_into(groups, key, fits[0])
        elif (
            len(words) == 1
            and marked
            and not is_place(name)
            and not any(c.honorific for c in group.cands)
        ):
            # A lone first or last name the article never completes, with no "Mr" or
            # "Lord" to mark it, is too often a misread word ("Bill", "Frost").
            if _vote(group) == PERSON:
                del groups[key]


def _share_among(groups, key: str, fits: list[str]) -> None:
    """Two people share a surname: each "Mr X" is the one named most recently before it.

    A mention before either full name goes to the first one named.
    """
    named = {a: sorted(c.start for c in groups[a].cands) for a in fits}
    first = min(fits, key=lambda a: named[a][0])
    for cand in groups[key].cands:
        before = [
            (max(s for s in starts if s < cand.start), a)
            for a, starts in named.items()
            if starts[0] < cand.start
        ]
        target = max(before)[1] if before else first
        groups[target].type = PERSON
        groups[target].cands.append(cand)
    del groups[key]


def _is_part_of(words: list[str], full: list[str]) -> bool:
    if len(words) >= len(full):
        return False
    if full[-len(words) :] == words:  # surname(s): "Clarke", "Duncan Smith"
        return True
    return len(words) == 1 and full[0] == words[0]  # given name: "Moazzam"


_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z]{1,9}s?)\s*\)")
# "BAC [blood alcohol content]": an acronym followed by its spelled-out form.
_ACRONYM_GLOSS = re.compile(r"\b([A-Z]{2,10})s?\s*[\[(]([a-z][a-z -]+)[\])]")


def _initials(text: str) -> str:
    return "".join(w[0] for w in _tokens(text) if w.lower() not in _MINOR_WORDS and w[0].isalpha())


def _generic_acronyms(doc: Doc) -> set[str]:
    """Acronyms the text defines for a common noun: "drug consumption room (DCR)"."""
    generic: set[str] = set()
    text = doc.text
    for match in _ACRONYM_DEF.finditer(text):
        acronym = match.group(1).rstrip("s")
        before = text[: match.start()].split()[-len(acronym) :]
        if (
            len(before) == len(acronym)
            and all(w[:1].islower() for w in before)
            and "".join(w[0] for w in before).upper() == acronym.upper()
        ):
            generic.update({acronym, acronym + "s", acronym + "S"})
    for match in _ACRONYM_GLOSS.finditer(text):
        acronym, gloss = match.group(1), match.group(2).split()
        if "".join(w[0] for w in gloss if w).upper() == acronym:
            generic.update({acronym, acronym + "s"})
    return generic


def _merge_acronyms(doc, groups, order, surfaces) -> None:
    """ "JCWI" and "Acpo" join the organisation whose initials they spell."""
    long_forms: dict[str, list[str]] = defaultdict(list)
    for key in order:
        group = groups.get(key)
        if group is None or _vote(group) != ORGANIZATION:
            continue
        for cand in group.cands:
            surface = surfaces[id(cand)]
            if len(_tokens(surface)) >= 2:
                long_forms[_initials(surface).upper()].append(key)
    for key in list(order):
        group = groups.get(key)
        if group is None or group.canonical:
            continue
        names = {surfaces[id(c)] for c in group.cands}
        for name in names:
            if " " in name or not name[:1].isupper() or len(name) < 2:
                continue
            targets = sorted(set(long_forms.get(name.upper(), [])) - {key})
            if len(targets) == 1:
                groups[targets[0]].type = ORGANIZATION
                _merge_into(groups, key, targets[0])
                break


def _merge_org_prefixes(groups, order, surfaces) -> None:
    """ "Medical Foundation" is the short form of "Medical Foundation for the Care of ..."."""
    orgs = [k for k in order if k in groups and _vote(groups[k]) == ORGANIZATION]
    for short in orgs:
        if short not in groups or groups[short].canonical:
            continue
        words = short.split()
        if len(words) < 2:
            continue
        longer = [
            k
            for k in orgs
            if k != short
            and k in groups
            and k.split()[: len(words)] == words
            and k.split()[len(words)] in ("of", "for", "on")
        ]
        if len(longer) == 1:
            _merge_into(groups, short, longer[0])


def _merge_place_short_forms(groups, order, surfaces) -> None:
    places = [k for k in order if k in groups and _vote(groups[k]) == PLACE]
    long_forms: dict[str, set[str]] = {}
    for key in places:
        for cand in groups[key].cands:
            words = _tokens(surfaces[id(cand)])
            if len(words) == 2 and words[1] in _PLACE_SUFFIXES:
                long_forms.setdefault(words[0].casefold(), set()).add(key)
    for key in places:
        targets = long_forms.get(key, set()) - {key}
        if len(targets) == 1:
            _merge_into(groups, key, targets.pop())


def _freeze(doc: Doc, group: _Group, surfaces) -> Entity | None:
    type_ = _vote(group)
    names = [surfaces[id(c)] for c in group.cands]
    if group.canonical:
        canonical = group.canonical
    elif type_ == PERSON:
        counts = Counter(names)
        canonical = max(counts, key=lambda n: (len(_tokens(n)), counts[n], n))
    else:
        counts = Counter(names)
        canonical = max(counts, key=lambda n: (len(_tokens(n)), counts[n], n))
    canonical = _fix_case(canonical)
    if type_ == PERSON and len(_tokens(canonical)) == 1:
        canonical = _with_peerage(group, canonical)
    if _is_misread_place(group, type_, canonical):
        type_ = PLACE
    mentions = []
    aliases: set[str] = set()
    for cand in group.cands:
        start_char = doc[cand.start].idx
        end_char = doc[cand.end - 1].idx + len(doc[cand.end - 1])
        text = doc[cand.start : cand.end].text
        title = " ".join(cand.titles)
        title_start = doc[cand.title_start].idx if cand.title_start >= 0 else -1
        mentions.append(
            Mention(
                start_char,
                end_char,
                text,
                type_,
                cand.rule,
                cand.confidence,
                title=title,
                title_start=title_start,
            )
        )
        aliases.add(clean_surface(text))
        if cand.honorific:
            aliases.add(f"{cand.honorific} {clean_surface(text)}")
        for title in cand.titles:
            aliases.add(f"{title} {clean_surface(text)}")
    aliases.discard(canonical)
    key = name_key(canonical, person=type_ == PERSON)
    if not key:
        return None
    return Entity(
        type=type_,
        name=canonical,
        key=key,
        mentions=tuple(sorted(mentions, key=lambda m: m.start)),
        aliases=tuple(sorted(a for a in aliases if a and a != canonical)),
    )


_PEERAGE = frozenset("lord lady baroness baron viscount earl".split())


def _with_peerage(group: _Group, name: str) -> str:
    """A peer known by one name is named with the title: "Baroness Scotland", not "Scotland"."""
    titles = sorted({c.honorific for c in group.cands if c.honorific.casefold() in _PEERAGE})
    return f"{titles[0]} {name}" if titles else name


def _is_misread_place(group: _Group, type_: str, name: str) -> bool:
    """ "Glasgow" tagged PERSON, "Copenhagen" tagged ORG: one word that names a place.

    A person needs a "Mr" to be believed; an organisation named like a city ("Leeds won")
    keeps its type when the model says so every time it is mentioned.
    """
    if group.type or len(_tokens(name)) != 1 or not is_place(name):
        return False
    if type_ == PERSON:
        return not any(c.honorific for c in group.cands)
    if type_ == ORGANIZATION:
        return len(group.cands) == 1 or any(c.type == PLACE for c in group.cands)
    return False


def _fix_case(name: str) -> str:
    """A name shouted in a headline ("HOME OFFICE") is written in title case."""
    if not (name.isupper() and " " in name):
        return name
    # Short words stay as they are: "CBS TV" is not "Cbs Tv".
    return " ".join(w.title() if len(w) >= 4 else w for w in name.split())
