"""Group an article's mentions into entities: one entity per real-world thing.

In one article "Ms Hunter", "Hunter" and "Mhairi Hunter" are one person; "JCWI" and
"Joint Council for the Welfare of Immigrants" one organisation; "Medical Foundation" the
short form of the longer name. Types are decided per name, from the evidence of all its
mentions (`kg.extract.retype`), then per entity by the votes of its mentions and, for a lone
place-like name, by the gazetteer ("Glasgow" is not a person).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from kg.extract.gazetteer import is_place
from kg.extract.groups import Group, merge_into, vote
from kg.extract.lexicon import PLACE_SUFFIXES
from kg.extract.names import PEERAGE, ROYAL_TITLES, clean_surface, fold, name_key
from kg.extract.org_forms import generic_acronyms, merge_acronyms, merge_short_forms
from kg.extract.people import merge_person_parts, split_by_title_gender, title_gender
from kg.extract.renamed import merge_renamed
from kg.extract.retype import NOT_AN_ENTITY, doc_evidence, settle_type
from kg.extract.spans import Candidate
from kg.model import ORGANIZATION, PERSON, PLACE, Entity, Mention


def resolve_entities(doc: Doc, candidates: list[Candidate]) -> list[Entity]:
    """Cluster candidates into entities, correct their types and pick canonical names."""
    surfaces = {id(c): _surface(doc, c) for c in candidates}
    dropped = generic_acronyms(doc)
    cands = [c for c in candidates if surfaces[id(c)] not in dropped]

    groups: dict[str, Group] = {}
    order: list[str] = []

    def group_for(key: str) -> Group:
        if key not in groups:
            groups[key] = Group()
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

    # 2. Each name's type, from all its mentions; names that name nothing go.
    evidence = doc_evidence(doc)
    for key in list(order):
        group = groups[key]
        if group.canonical:
            continue
        names = [surfaces[id(c)] for c in group.cands]
        settled = settle_type(doc, group.cands, names, evidence)
        if settled == NOT_AN_ENTITY:
            del groups[key]
        elif settled:
            group.type = settled

    # 3. Other names of the same thing join it.
    split_by_title_gender(groups, order)
    merge_acronyms(groups, order, surfaces)
    merge_short_forms(groups, order, surfaces)
    merge_renamed(doc, groups, order)
    merge_person_parts(doc, groups, order, surfaces)
    _merge_place_short_forms(groups, order, surfaces)

    entities = []
    for key in order:
        resolved = groups.get(key)
        if resolved is None or not resolved.cands:
            continue
        entity = _freeze(doc, resolved, surfaces)
        if entity is not None:
            entities.append(entity)
    return _distinct_keys(entities)


def _surface(doc: Doc, cand: Candidate) -> str:
    return clean_surface(doc[cand.start : cand.end].text)


def _tokens(text: str) -> list[str]:
    return text.split()


def _merge_place_short_forms(groups: dict[str, Group], order: list[str], surfaces) -> None:
    places = [k for k in order if k in groups and vote(groups[k]) == PLACE]
    long_forms: dict[str, set[str]] = {}
    for key in places:
        for cand in groups[key].cands:
            words = _tokens(surfaces[id(cand)])
            if len(words) == 2 and words[1] in PLACE_SUFFIXES:
                long_forms.setdefault(words[0].casefold(), set()).add(key)
    for key in places:
        targets = long_forms.get(key, set()) - {key}
        if len(targets) == 1:
            merge_into(groups, key, targets.pop())


def _distinct_keys(entities: list[Entity]) -> list[Entity]:
    """Two people of one article under one key ("Mr Howard" and "Mrs Howard", no full
    name given) keep apart: the one named second is named and keyed with its title."""
    seen: Counter[str] = Counter(e.key for e in entities)
    out: list[Entity] = []
    for entity in entities:
        if seen[entity.key] > 1 and entity.type == PERSON and len(_tokens(entity.name)) == 1:
            titled = sorted(a for a in entity.aliases if title_gender(a.split()[0]))
            if titled and any(e.key == entity.key for e in out):
                aliases = tuple(sorted({*entity.aliases, entity.name} - {titled[0]}))
                entity = Entity(
                    type=entity.type,
                    name=titled[0],
                    key=fold(titled[0]),
                    mentions=entity.mentions,
                    aliases=aliases,
                    attributes=entity.attributes,
                )
        out.append(entity)
    return out


def _freeze(doc: Doc, group: Group, surfaces) -> Entity | None:
    type_ = vote(group)
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
    if type_ == PERSON and (len(_tokens(canonical)) == 1 or " of " in canonical):
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


def _with_peerage(group: Group, name: str) -> str:
    """A peer or royal known by one name is named with the title: "Baroness Scotland", not
    "Scotland"; "Lord Irvine of Lairg"; "Prince Charles"."""
    titles = sorted(
        {
            c.honorific
            for c in group.cands
            if c.honorific.rstrip(".").casefold() in PEERAGE | ROYAL_TITLES
        }
    )
    return f"{titles[0]} {name}" if titles else name


def _is_misread_place(group: Group, type_: str, name: str) -> bool:
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
