"""References back to a legal instrument named earlier: "the Act", "the bill", "the ban".

Two kinds, both resolved to the instrument they stand for (an anaphor mention, never an
alias):
- the instrument's own head word ("the Act", "the 1971 Act", "the bill", "the
  legislation"), read off the text: the latest earlier instrument of that kind;
- a common noun that news uses for an instrument ("the ban", "the new law", "the plans",
  "the changes", "the Charter"), read off the parse. These are resolved narrowly, because
  "the plans" or "the law" often mean something else: the noun must fit the instrument's
  kind (a Bill is "the plans", an Act is not), take no complement that makes it a new thing
  ("plans to cut taxes", "the law of the land"), carry no modifier that the instrument's
  title does not explain ("the smoking ban" is not the Hunting Act), and either name it
  through such a modifier ("the licensing changes") or have exactly one candidate named in
  the last three sentences (the only instrument named so far, for "the law" and "the ban").
  A noun already used in the article for something no instrument named before explains
  ("New rules on marriage ...") keeps that meaning.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.extract.instruments import (
    ACT,
    BILL,
    ORDER,
    REGULATIONS,
    SECTION,
    TREATY,
    YEAR,
    LegalMention,
)

_ANAPHOR = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)(?P<mods>(?: (?:new|draft|original|proposed|amended|revised|"
    r"controversial|government's|government’s|" + YEAR + r"))*) "
    r"(?P<head>Act|Bill|bill|Regulations|Convention|Treaty|legislation)\b(?! [A-Z(]| of\b)"
)
_ANAPHOR_KINDS = {
    "act": ACT,
    "bill": BILL,
    "regulations": REGULATIONS,
    "convention": TREATY,
    "treaty": TREATY,
}

_LAWS = frozenset({ACT, BILL, REGULATIONS, ORDER})
_ENACTED = frozenset({ACT, REGULATIONS, ORDER})
_TREATIES = frozenset({TREATY})
# Common noun -> (the kinds of instrument it can stand for, whether it is strong enough to
# reach the article's only instrument outside the three-sentence window).
_NOUNS: dict[str, tuple[frozenset[str], bool]] = {
    "law": (_LAWS, True),
    "laws": (_LAWS, True),
    "ban": (_LAWS, True),
    "rules": (_ENACTED, False),
    "regulations": (_ENACTED, False),
    "measure": (_LAWS, False),
    "measures": (_LAWS, False),
    "changes": (_LAWS, False),
    "reforms": (_LAWS, False),
    "plan": (frozenset({BILL}), False),
    "plans": (frozenset({BILL}), False),
    "proposal": (frozenset({BILL}), False),
    "proposals": (frozenset({BILL}), False),
    "scheme": (frozenset({BILL}), False),
    "treaty": (_TREATIES, True),
    "convention": (_TREATIES, True),
    "charter": (_TREATIES, True),
    "pact": (_TREATIES, True),
    "accord": (_TREATIES, True),
}
# One meaning per noun and article: singular and plural share it.
_FAMILY = {"laws": "law", "plans": "plan", "proposals": "proposal", "measures": "measure"}
_DETERMINERS = frozenset("the this that these those".split())
# Modifiers that say nothing about which instrument is meant.
_NEUTRAL = frozenset(
    """new draft proposed controversial planned current existing latest original amended
    revised whole entire flagship tough tougher strict stricter same present final
    so-called government government's 's ’s - forthcoming""".split()
)
# "against the law", "within the law": the law in general, not this one.
_GENERAL_LAW = frozenset("against within above outside beyond by before of".split())
# Prepositions the parser often hangs on the noun though they modify the clause.
_LOOSE_PREPS = frozenset("among amongst during since until in at".split())
# Title words left out when a title's words are used without its head ("ID cards").
_TITLE_SKIP = frozenset(
    "act bill regulations order treaty convention protocol of the and for on to in".split()
)
# Verbs after which "it" can only be an instrument named just before (the parser gives no
# lemmas, so the forms are listed).
_MOVING = frozenset("go goes going went gone pass passes passed return returns returned".split())
_ACTING_ON = frozenset(
    """ratify ratified ratifies pass passed amend amended amending repeal repealed scrap
    scrapped oppose opposed opposes introduce introduced publish published block blocked
    challenge challenged enforce enforced""".split()
)
_WINDOW = 2  # sentences before the reference's own
_FAR = 8  # the furthest back the only instrument is reached


def find_references(
    doc: Doc,
    found: Sequence[LegalMention],
    taken: Sequence[tuple[int, int]],
    starts: Sequence[int],
    excluded: Sequence[tuple[int, int]] = (),
) -> list[LegalMention]:
    """References in `doc` to the instruments in `found`, in text order."""
    spans = [*taken, *excluded]
    out = [m for m in _anaphors(doc.text, found, spans, starts)]
    if doc.has_annotation("DEP"):
        taken_now = [*spans, *((m.start, m.end) for m in out)]
        out += _generic(doc, [*found, *out], taken_now, starts)
    return sorted(out, key=lambda m: m.start)


def _anaphors(text, found, taken, starts) -> list[LegalMention]:
    antecedents = sorted((m for m in found if not m.anaphor), key=lambda m: m.start)
    out = []
    for match in _ANAPHOR.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        head = match["head"].casefold()
        year_m = re.search(YEAR, match["mods"] or "")
        year = int(year_m.group()) if year_m else None
        earlier = [m for m in antecedents if m.end <= start]
        if head == "legislation":
            sentence = bisect_right(starts, start) - 1
            first = starts[max(sentence - 1, 0)]
            whole = [m for m in earlier if m.kind != SECTION]
            earlier = [m for m in whole if m.start >= first]
            # Further back, "the legislation" is only unambiguous when one instrument
            # has been named so far.
            if not earlier and len({m.name for m in whole}) == 1:
                earlier = whole
        else:
            kind = _ANAPHOR_KINDS[head]
            earlier = [m for m in earlier if m.kind == kind and (year is None or m.year == year)]
        if not earlier:
            continue
        target = earlier[-1]
        out.append(
            replace(
                target,
                start=start,
                end=end,
                text=text[start:end],
                anaphor=True,
                rule="legislation:anaphor",
                confidence=0.6 if head == "legislation" else 0.8,
            )
        )
    return out


def _generic(doc, found, taken, starts) -> list[LegalMention]:
    candidates = sorted((m for m in found if m.kind != SECTION), key=lambda m: m.start)
    if not candidates:
        return []  # nothing to refer back to (most articles)
    # Uses of a noun before any instrument it could stand for: what they mean is their own.
    early: dict[str, list[Token]] = {}
    out = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        first = _first_token(tok) if tok.pos_ != "PRON" else tok
        start, end = first.idx, tok.idx + len(tok.text)
        if any(s < end and start < e for s, e in taken):
            continue
        before = [m for m in candidates if m.end <= start]
        found_ref = _noun_ref(tok, before, starts, early) or _title_phrase(tok, before)
        found_ref = found_ref or _it(tok, before)
        if found_ref is None:
            continue
        target, rule, confidence = found_ref
        mention = replace(
            target,
            start=start,
            end=end,
            text=doc.text[start:end],
            anaphor=True,
            rule=rule,
            confidence=confidence,
        )
        out.append(mention)
        candidates.append(mention)
    return out


def _noun_ref(tok, before, starts, early) -> tuple[LegalMention, str, float] | None:
    """ "the ban", "the new law", "the licensing changes"."""
    entry = _NOUNS.get(tok.lower_)
    if entry is None or tok.pos_ == "PRON":
        return None
    earlier = [m for m in before if m.kind in entry[0]]
    family = _FAMILY.get(tok.lower_, tok.lower_)
    if not earlier:
        sent = tok.sent
        if _determined(tok) and not any(sent.start_char <= m.start < sent.end_char for m in before):
            early.setdefault(family, []).append(tok)
        return None
    target = _resolve(tok, entry[1], earlier, starts)
    if target is None:
        return None
    if not target[1] and not all(_explains(target[0], t) for t in early.get(family, [])):
        return None
    return target[0], "legislation:reference", 0.7 if target[1] else 0.6


def _title_phrase(tok: Token, before: list[LegalMention]) -> tuple[LegalMention, str, float] | None:
    """ "back ID cards" after the Identity Cards Bill: the title's words without its head,
    two or more, as a noun phrase of their own."""
    if tok.dep_ == "compound" or tok.pos_ == "PRON":
        return None
    words = [c for c in tok.lefts if c.dep_ in ("compound", "amod")]
    words = [w for c in words for w in c.subtree if w.is_alpha] + [tok]
    if len(words) < 2 or words[0].i != tok.i - len(words) + 1:
        return None
    for m in reversed(before):
        title = [w for w in re.findall(r"[\w’'-]+", m.title) if w.casefold() not in _TITLE_SKIP]
        if len(title) == len(words) and all(
            _same_word(w, t) for w, t in zip(words, title, strict=True)
        ):
            return m, "legislation:title-phrase", 0.6
    return None


def _it(tok: Token, before: list[LegalMention]) -> tuple[LegalMention, str, float] | None:
    """ "it will go before the Commons", "has never ratified it": "it" where only an
    instrument fits, named in the same sentence or the one before."""
    if tok.lower_ != "it":
        return None
    verb = tok.head
    word = verb.lower_ if not verb.lemma_ else verb.lemma_.lower()
    moves = (
        tok.dep_ in ("nsubj", "nsubjpass")
        and word in _MOVING
        and any(c.dep_ == "prep" and c.lower_ in ("to", "through", "before") for c in verb.children)
    )
    acted = tok.dep_ == "dobj" and word in _ACTING_ON
    if not (moves or acted):
        return None
    sent = tok.sent
    first = sent.start_char if acted else tok.doc[max(sent.start - 1, 0)].sent.start_char
    recent = {m.name: m for m in before if m.start >= first}
    if len(recent) != 1:
        return None
    return next(iter(recent.values())), "legislation:it", 0.55


def _explains(m: LegalMention, tok: Token) -> bool:
    """The instrument's title accounts for an earlier use of the noun ("the ban on hunting"
    before the Hunting Act is named): that use meant the instrument too."""
    words = [t for t in tok.subtree if t.is_alpha and t != tok and t.lower_ not in _NEUTRAL]
    return any(_in_title(w, m) for w in words)


def _resolve(
    tok: Token, strong: bool, earlier: list[LegalMention], starts: Sequence[int]
) -> tuple[LegalMention, bool] | None:
    """(instrument, named through a title word) the noun at `tok` refers to, if certain."""
    mods = _modifiers(tok)
    if mods is None or not (_determined(tok) or mods):
        return None
    if not _free(tok, earlier):
        return None
    year = next((int(m.text) for m in mods if re.fullmatch(YEAR, m.text)), None)
    if year is not None:
        earlier = [m for m in earlier if m.year == year]
    words = [m for m in mods if m.lower_ not in _NEUTRAL and m.text != str(year)]
    if words or _title_word(tok, earlier):
        # Every content word must come from the title, which then names the instrument.
        named = [m for m in earlier if all(_in_title(w, m) for w in words)]
        named = [m for m in named if words or _in_title(tok, m)]
        return (named[-1], True) if named else None
    if not _determined(tok) or not _bare_ok(tok):
        return None
    sentence = bisect_right(starts, tok.idx) - 1
    recent = {
        m.name: m for m in earlier if sentence - (bisect_right(starts, m.start) - 1) <= _WINDOW
    }
    target = next(iter(recent.values())) if len(recent) == 1 else None
    # Further back, a singular "the law" or "the ban" is the article's only instrument.
    if (
        not recent
        and strong
        and len({m.name for m in earlier}) == 1
        and not tok.tag_.endswith("S")
        and sentence - (bisect_right(starts, earlier[-1].start) - 1) <= _FAR
    ):
        target = earlier[-1]
    if target is None or (tok.lower_ in ("law", "laws") and target.kind == BILL and not mods):
        return None  # a Bill is not yet the law: "confused about the law" is the law in general
    return target, False


def _modifiers(tok: Token) -> list[Token] | None:
    """The words before the noun in its phrase (not the determiner); None if the phrase
    carries a possessor or a complement that makes it a thing of its own."""
    mods: list[Token] = []
    for child in tok.lefts:
        if child.dep_ == "det":
            continue
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return None  # "Labour's plans"
        mods += [t for t in child.subtree if not t.is_punct or t.text == "-"]
    return mods


def _free(tok: Token, earlier: list[LegalMention]) -> bool:
    """No complement that introduces a new thing ("plans to ...", "the law of the land")."""
    if tok.dep_ == "compound":
        return False  # "the law change"
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in _LOOSE_PREPS:
            continue  # "disquiet about the plan among senior Tories": attached to the noun
        if child.dep_ in ("prep", "acl"):
            if child.dep_ == "prep" and tok.lower_ == "ban" and child.lower_ == "on":
                objects = [t for t in child.subtree if t != child and t.is_alpha]
                if objects and any(_in_title(t, m) for t in objects for m in earlier[-1:]):
                    continue  # "the ban on hunting" for the Hunting Act
            return False
        if child.dep_ == "relcl" and not any(t.is_punct for t in tok.doc[tok.i + 1 : child.i]):
            return False  # restrictive: "the rules that govern ..."
    return True


def _bare_ok(tok: Token) -> bool:
    # "the law" alone in "against the law" is the law in general.
    if tok.lower_ in ("law", "laws") and tok.dep_ == "pobj":
        return tok.head.lower_ not in _GENERAL_LAW
    return True


def _determined(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DETERMINERS for c in tok.lefts)


def _first_token(tok: Token) -> Token:
    lefts = [c for c in tok.lefts if c.dep_ in ("det", "amod", "compound", "nmod", "nummod")]
    return lefts[0].left_edge if lefts else tok


def _title_word(tok: Token, earlier: list[LegalMention]) -> bool:
    """The noun is itself a word of a candidate's title ("the Charter")."""
    return any(_in_title(tok, m) for m in earlier)


def _same_word(word: Token, title_word: str) -> bool:
    text, folded = word.text, title_word.casefold()
    if text.isupper() and len(text) >= 2 and folded.startswith(text.casefold()):
        return True  # "ID" for "Identity"
    return text.casefold() == folded or (len(text) >= 4 and folded[:5] == text.casefold()[:5])


def _in_title(word: Token, m: LegalMention) -> bool:
    text = word.text
    if len(text) < 2:
        return False
    heads = {"act", "bill", "regulations", "order", "treaty", "convention", "protocol"}
    for title_word in re.findall(r"[\w’'-]+", m.title):
        folded = title_word.casefold()
        if folded in heads or len(folded) < 3:
            continue
        if text.isupper() and folded.startswith(text.casefold()):
            return True  # an acronym's first letters: "ID" for "Identity"
        if len(text) >= 4 and folded[:5] == text.casefold()[:5]:
            return True
    return False
