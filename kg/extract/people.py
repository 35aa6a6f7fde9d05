"""One person per person in an article: "Clarke", "Mr Clarke" and "Charles Clarke" are one,
"Mrs Howard" is not "Mr Howard", and "Michael" alone is Michael Howard only when the article
itself calls him that.

A surname joins the one full name it ends (or, when two people share it, the one named
first), or that it opens when a title marks it as a surname and it is no given name
("Mr Wang" is Wang Xuebing; "Mr Howard" is not Howard Flight).
A courtesy title that says man or woman must agree with the person it joins: with
the titles of their other mentions and with their given name (census lists). A given name
alone joins a full name only when the article names exactly one person with that given name
and uses it as a name for them outside quotation marks ("Marianne said"), not in a quoted
"We want Michael to be accessible".
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.gazetteer import given_name_gender, is_given_name, is_place
from kg.extract.groups import Group, merge_into, vote
from kg.extract.names import FEMALE_TITLES, MALE_TITLES, ROYAL_TITLES
from kg.extract.spans import Candidate
from kg.model import PERSON

# Titles written before a surname only ("Mr Clarke", "Lord Falconer"), never before a given
# name; "Sir Menzies" and "Dame Judi" take the given name.
_SURNAME_TITLES = frozenset(
    "mr mrs ms miss mx dr prof professor lord baroness baron viscount earl".split()
)


def title_gender(honorific: str) -> str:
    word = honorific.rstrip(".").casefold()
    if word in MALE_TITLES:
        return "male"
    if word in FEMALE_TITLES:
        return "female"
    return ""


def split_by_title_gender(groups: dict[str, Group], order: list[str]) -> None:
    """ "Mr Howard" and "Mrs Howard" in one article are two people, even with no full name:
    the mentions titled for the gender named second leave for a group of their own; an
    untitled "Howard" goes with the titled mention nearest before it."""
    for key in list(order):
        group = groups.get(key)
        if group is None or group.canonical:
            continue
        genders = {title_gender(c.honorific) for c in group.cands} - {""}
        if len(genders) < 2:
            continue
        titled = sorted((c.start, g) for c in group.cands if (g := title_gender(c.honorific)))
        by_gender: dict[str, list[Candidate]] = {"male": [], "female": []}
        for cand in group.cands:
            gender = title_gender(cand.honorific)
            if not gender:
                before = [g for s, g in titled if s < cand.start]
                gender = before[-1] if before else titled[0][1]
            by_gender[gender].append(cand)
        # The one named first keeps the place in the article's order; the other follows.
        first, second = (titled[0][1], "female" if titled[0][1] == "male" else "male")
        group.cands = by_gender[first]
        split = f"{key}|{second}"
        groups[split] = Group(cands=by_gender[second], type=PERSON)
        order.insert(order.index(key) + 1, split)


def merge_person_parts(doc: Doc, groups: dict[str, Group], order: list[str], surfaces) -> None:
    """Join the parts of personal names to the full names they belong to; drop a lone first
    or last name the article never completes and no title marks."""
    anchors: list[tuple[str, list[str]]] = []
    for key in order:
        group = groups.get(key)
        if group is None or group.canonical:
            continue
        longest = _longest(group, surfaces)
        person_votes = sum(1 for c in group.cands if c.type == PERSON or c.honorific)
        if len(longest) >= 2 and person_votes and vote(group) == PERSON:
            anchors.append((key, longest))
    anchor_keys = {a for a, _ in anchors}
    for key in list(order):
        group = groups.get(key)
        if group is None or group.canonical or key in anchor_keys:
            continue
        words = _longest(group, surfaces)
        name = " ".join(words)
        # A lone word that is also a place ("Glasgow") only joins a person it is
        # explicitly marked as ("Mr Glasgow").
        marked = any(c.type == PERSON or c.honorific for c in group.cands)
        if not marked and is_place(name):
            continue
        fits = _fits(doc, groups, group, words, anchors)
        if len(fits) > 1:
            _share_among(groups, key, fits)
        elif len(fits) == 1:
            groups[fits[0]].type = PERSON
            merge_into(groups, key, fits[0])
        elif (
            len(words) == 1
            and marked
            and not is_place(name)
            and not any(c.honorific or c.titles for c in group.cands)
        ):
            # A lone first or last name the article never completes, with no "Mr",
            # "Lord" or "President" to mark it, is too often a misread word ("Bill").
            if vote(group) == PERSON:
                del groups[key]


def _longest(group: Group, surfaces) -> list[str]:
    names = {surfaces[id(c)] for c in group.cands}
    return max(names, key=lambda n: (len(n.split()), n)).split()


def _fits(
    doc: Doc,
    groups: dict[str, Group],
    group: Group,
    words: list[str],
    anchors: list[tuple[str, list[str]]],
) -> list[str]:
    titles = {c.honorific.rstrip(".").casefold() for c in group.cands if c.honorific}
    if titles & ROYAL_TITLES:
        return []  # "Prince Charles" is nobody's given name alone
    gender = {title_gender(t) for t in titles} - {""}
    live = [(a, full) for a, full in anchors if a in groups and len(words) < len(full)]
    surname = [a for a, full in live if full[-len(words) :] == words]
    given = [a for a, full in live if len(words) == 1 and full[0] == words[0]]
    fits = surname
    if surname or not given:
        pass
    elif titles & _SURNAME_TITLES:
        if not is_given_name(words[0]):
            fits = given  # "Mr Wang" for Wang Xuebing: the family name written first
    elif len(given) == 1 and _named_outside_quotes(doc, group):
        fits = given
    return [a for a in fits if not gender or _gender_of(groups[a], a, live) in ("", *gender)]


def _gender_of(group: Group, key: str, anchors: list[tuple[str, list[str]]]) -> str:
    genders = {title_gender(c.honorific) for c in group.cands} - {""}
    if len(genders) == 1:
        return genders.pop()
    full = next((f for a, f in anchors if a == key), [])
    return given_name_gender(full[0]) if full else ""


def _named_outside_quotes(doc: Doc, group: Group) -> bool:
    text = doc.text  # Doc.text is joined anew on every access
    return any(not _inside_quotes(text, doc[c.start].idx) for c in group.cands)


def _inside_quotes(text: str, at: int) -> bool:
    """Whether offset `at` lies inside a quotation, reading its paragraph up to there."""
    start = text.rfind("\n", 0, at) + 1
    before = text[start:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _share_among(groups: dict[str, Group], key: str, fits: list[str]) -> None:
    """Two people share a surname: "Mr X" and "X" alone are the one the article named first.

    News names its subject first and a relative or namesake later in full ("his father,
    Azmat Begg"), keeping the bare surname for the subject: "lawyer for Mr Begg" after
    Azmat Begg arrives is still the son. A title of the other sex has already ruled a
    person out (`_fits`).
    """
    first = min(fits, key=lambda a: min(c.start for c in groups[a].cands))
    groups[first].type = PERSON
    groups[first].cands.extend(groups[key].cands)
    del groups[key]
