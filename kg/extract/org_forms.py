"""The other names an article gives an organisation: its acronym ("JCWI"), a short form
("Medical Foundation", "Qwest" for Qwest Communications), the name without its country
("Treasury" for the UK Treasury) or turned round ("Appeal Court" for the Court of Appeal).
Each join needs exactly one organisation the form fits, in the same article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc

from kg.extract.gazetteer import is_country, is_wide_place
from kg.extract.groups import Group, merge_into, vote
from kg.extract.lexicon import INDUSTRY_WORDS, ORG_HEADS, ORG_SUFFIXES
from kg.extract.spans import Candidate, is_cap
from kg.model import ORGANIZATION, PLACE

_MINOR_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "&", "to", "at"})
_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z]{1,9}s?)\s*\)")
# "BAC [blood alcohol content]": an acronym followed by its spelled-out form.
_ACRONYM_GLOSS = re.compile(r"\b([A-Z]{2,10})s?\s*[\[(]([a-z][a-z -]+)[\])]")
# "PDAs (Personal Digital Assistants)": a plural acronym names a class of things.
_PLURAL_GLOSS = re.compile(r"\b([A-Z]{2,10})s\s*\(\s*([A-Z][\w-]*(?: [A-Za-z][\w-]*)+s)\s*\)")
# Words that may follow a company's first word in its full name: "Qwest Communications",
# "Hyundai Motor", "Lyric Theatre" are "Qwest", "Hyundai", "Lyric" for short. Not "Office":
# "Microsoft Office" is a product.
_GENERIC_TAIL = (
    INDUSTRY_WORDS
    | ORG_SUFFIXES
    | frozenset("Group Company Corporation Corp Inc Ltd plc Bank Theatre Theater".split())
)


_POSSESSIVES = frozenset({"'", "’", "'s", "’s"})
_ORG_WORDS = ORG_HEADS | ORG_SUFFIXES | INDUSTRY_WORDS


def _words(text: str) -> list[str]:
    return text.split()


def _initials(words: list[str]) -> str:
    parts = [p for w in words for p in w.split("-") if p]
    return "".join(p[0] for p in parts if p.lower() not in _MINOR_WORDS and p[0].isalpha())


def _spellings(words: list[str]) -> set[str]:
    """The letters a name may be shortened to: its initials, or with a word written in
    capitals kept whole ("UK Internet Forum" is UKIF)."""
    kept = [w for w in words if w.lower() not in _MINOR_WORDS and w[:1].isalpha()]
    spellings = {_initials(words).upper()}
    # Only with a word shortened besides: "BBC" is no short form of "BBC 3".
    if len(kept) >= 2 and not all(w.isupper() for w in kept):
        spellings.add("".join(w if w.isupper() else w[0] for w in kept).upper())
    return spellings


def defined_acronyms(doc: Doc, taken: Sequence[bool]) -> list[Candidate]:
    """ "the Office for National Statistics (ONS) said ... the ONS": letters the text defines
    for an organisation's name are that organisation wherever they stand, though the model
    left them unread. The name must read as an organisation: the model's, or with a head."""
    out: list[Candidate] = []
    defined: set[str] = set()
    for k in range(2, len(doc) - 1):
        acronym = doc[k].text
        if (
            doc[k - 1].text != "("
            or doc[k + 1].text != ")"
            or not _ACRONYM_DEF.fullmatch(f"({acronym})")
        ):
            continue
        start = k - 1
        while start > 0 and (
            is_cap(doc[start - 1]) or doc[start - 1].lower_ in _MINOR_WORDS | _POSSESSIVES
        ):
            start -= 1
        words = [t for t in doc[start : k - 1] if t.is_alpha]
        while words and words[0].lower_ in _MINOR_WORDS:
            words = words[1:]
        if not words or acronym.rstrip("s").upper() not in _spellings([t.text for t in words]):
            continue
        if any(t.ent_type_ == "ORG" or t.text in _ORG_WORDS for t in words) and not any(
            t.ent_type_ in ("GPE", "LOC", "PERSON", "LAW") for t in words
        ):
            defined.add(acronym)
    for token in doc:
        if token.text in defined and not taken[token.i]:
            out.append(Candidate(token.i, token.i + 1, ORGANIZATION, "org:defined-acronym", 0.85))
    return out


def generic_acronyms(doc: Doc) -> set[str]:
    """Acronyms the text defines for a common noun ("drug consumption room (DCR)", "PDAs
    (Personal Digital Assistants)"), and such spelled-out plurals: none is an entity."""
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
    for match in _PLURAL_GLOSS.finditer(text):
        acronym, gloss = match.group(1), match.group(2)
        if _initials(gloss.split()).upper() == acronym:
            generic.update({acronym, acronym + "s", gloss})
    return generic


def merge_acronyms(groups: dict[str, Group], order: list[str], surfaces) -> None:
    """ "JCWI" and "Acpo" join the organisation whose initials they spell; "FTC" the US
    Federal Trade Commission; "NHTCU" the National Hi-Tech Crime Unit."""
    long_forms: dict[str, list[str]] = defaultdict(list)
    kept_forms: dict[str, list[str]] = defaultdict(list)  # capitals kept whole: the fallback
    for key in order:
        group = groups.get(key)
        if group is None or vote(group) != ORGANIZATION:
            continue
        for cand in group.cands:
            words = _words(surfaces[id(cand)])
            if len(words) >= 2:
                long_forms[_initials(words).upper()].append(key)
                for spelling in _spellings(words):
                    kept_forms[spelling].append(key)
                if len(words) >= 3 and is_country(words[0]):
                    long_forms[_initials(words[1:]).upper()].append(key)
    for key in list(order):
        group = groups.get(key)
        if group is None or group.canonical:
            continue
        names = {surfaces[id(c)] for c in group.cands}
        for name in names:
            if " " in name or not name[:1].isupper() or len(name) < 2:
                continue
            targets = sorted(set(long_forms.get(name.upper(), [])) - {key})
            if not targets:  # "UKIF" for the UK Internet Forum
                targets = sorted(set(kept_forms.get(name.upper(), [])) - {key})
            if len(targets) == 1:
                groups[targets[0]].type = ORGANIZATION
                merge_into(groups, key, targets[0])
                break


def merge_short_forms(groups: dict[str, Group], order: list[str], surfaces) -> None:
    """Short forms of an organisation's name join the full name."""
    orgs = [k for k in order if k in groups and vote(groups[k]) == ORGANIZATION]
    _merge_prefixes(groups, orgs)
    _merge_first_words(groups, order, [k for k in orgs if k in groups], surfaces)
    _merge_country_prefixed(groups, [k for k in orgs if k in groups])
    _merge_inverted(groups, [k for k in orgs if k in groups])


def _merge_prefixes(groups: dict[str, Group], orgs: list[str]) -> None:
    """ "Medical Foundation" is the short form of "Medical Foundation for the Care of ..."."""
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
            merge_into(groups, short, longer[0])


def _merge_first_words(
    groups: dict[str, Group], order: list[str], orgs: list[str], surfaces
) -> None:
    """ "Qwest" is Qwest Communications, "Lyric" the Lyric Theatre: a company's first word,
    when the rest of its name only says what kind of company it is."""
    full: dict[str, list[str]] = defaultdict(list)
    for key in orgs:
        words = _words(_display(groups[key], surfaces))
        # One word of kind: "Sony Pictures Entertainment" is a part of Sony, not its name.
        if len(words) == 2 and words[1] in _GENERIC_TAIL:
            full[words[0]].append(key)
    for key in list(order):
        group = groups.get(key)
        if group is None or group.canonical or any(c.honorific for c in group.cands):
            continue
        name = _display(group, surfaces)
        if " " in name or vote(group) == PLACE or is_wide_place(name):
            continue
        targets = [k for k in full.get(name, []) if k != key and k in groups]
        if len(targets) == 1:
            groups[targets[0]].type = ORGANIZATION
            merge_into(groups, key, targets[0])


def _merge_country_prefixed(groups: dict[str, Group], orgs: list[str]) -> None:
    """ "UK Treasury" and "Treasury", "US Federal Trade Commission" and "Federal Trade
    Commission": one organisation, named without its country where the article does so."""
    plain = {k for k in orgs if not groups[k].canonical}
    for key in orgs:
        words = key.split()
        if key not in groups or len(words) < 2 or not is_country(words[0]):
            continue
        rest = " ".join(words[1:])
        if rest in plain and rest in groups and rest != key:
            merge_into(groups, key, rest)


def _merge_inverted(groups: dict[str, Group], orgs: list[str]) -> None:
    """ "Appeal Court" is the Court of Appeal."""
    for key in orgs:
        words = key.split()
        if key not in groups or len(words) != 2 or groups[key].canonical:
            continue
        first, head = words
        if head.capitalize() not in ORG_HEADS:
            continue
        for form in (f"{head} of {first}", f"{head} of the {first}"):
            if form in groups and form != key:
                merge_into(groups, key, form)
                break


def _display(group: Group, surfaces) -> str:
    names = [surfaces[id(c)] for c in group.cands]
    return max(names, key=lambda n: (len(n.split()), n))
