"""Settle what kind of thing a name names, from the evidence of all its mentions in an article.

The model types each mention on its own and often disagrees with itself ("Yukos" a person
in one sentence and a company in the next) or is wrong every time ("Royal Gurkha Rifles"
a person, "Gazprom" a country). A name's type is decided once per article, from:
- its form: the words that end it ("Leadplex LLC", "Harland Textiles", "Belmarsh Prison",
  "General Election") say what it is, whatever the model read;
- the words around its mentions: "gas firm Gazprom", "Euronext chief executive", "shares
  in Yukos", ", which" say organisation; "from Camberley, Surrey", "Ballymena-born",
  "Gatwick airport" say place; "Adrian Dunbar and Stephen Rea" share a type;
- the model's labels over every mention, and the place gazetteer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span

from kg.extract.gazetteer import is_common_surname, is_given_name, is_place, is_wide_place
from kg.extract.lexicon import (
    EVENT_HEADS,
    EVENT_OPENERS,
    INDUSTRY_WORDS,
    NEWSPAPER_TITLES,
    ORG_AFTER,
    ORG_HEADS,
    ORG_NOUNS,
    ORG_POSSESSIONS,
    ORG_SUFFIXES,
    PLACE_HEADS,
    POST_WORDS,
)
from kg.extract.names import clean_surface
from kg.extract.spans import Candidate, apposition_names_org, is_cap
from kg.model import ORGANIZATION, PERSON, PLACE

NOT_AN_ENTITY = "-"  # the name names no person, organisation or place
# Place heads that are no common surname, so they decide even against the model.
_STRONG_PLACE_HEADS = PLACE_HEADS - {"park", "lane", "castle", "palace", "bridge", "estate"}
# "shares in Yukos": nouns after which "in X" names a company, not a place.
_HOLDINGS = frozenset("shares stake stakes shareholders shareholding investment investors".split())
# "an executive at Euronext", "a spokesman for Crossrail": people who work for X.
_STAFF = frozenset(
    """
    executive executives analyst analysts director directors staff spokesman spokeswoman
    spokesperson chairman chairwoman boss head chief worker workers employee employees
    official officials manager managers lawyer lawyers founder owner owners
    """.split()
)
_PRODUCTS = frozenset(
    """
    drug drugs medicine vaccine phone phones handset console consoles software game games
    film films album albums car cars model device devices browser player players
    """.split()
)
# Parts and kinds of equipment: a name before one, at every mention, names a standard or
# a kind of thing ("a wireless LAN card", "DVI connectors", "Tablet computers").
_COMPONENTS = frozenset(
    """computer computers card cards connector connectors cable cables chip chips adaptor
    adaptors adapter adapters port ports socket sockets""".split()
)
_LOCATIVE = frozenset("in near outside from across around throughout".split())
# "Chelsea have won", "Labour are": a collective noun takes a plural verb in British English.
_PLURAL_VERBS = frozenset("have are were".split())
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss"})
# "the City of Zendaville", "the State of X": a place's name that also names its authority.
_AUTHORITY_OPENERS = frozenset({"City", "State", "County", "Borough"})
_SPEECH = frozenset("said says say told tells added announced warned argued".split())


@dataclass(frozen=True)
class _Cues:
    org: int = 0
    place: int = 0
    person: int = 0
    common: int = 0  # used as a common noun ("a QC", "0001 GMT")
    post: int = 0  # the end of a post's title ("Secretary of State")
    product: int = 0  # named before a kind of product ("its Iressa drug")
    facility: int = 0  # named before a kind of building ("Gatwick airport")
    agent: int = 0  # subject of a speech verb
    component: int = 0  # named before a kind of equipment ("DVI connectors")


class DocEvidence:
    """What the whole article says about its names, gathered once (the nouns when asked)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # Every label the model gave each name, the labels kg drops included.
        self.labels: dict[str, Counter[str]] = {}
        for ent in doc.ents:
            self.labels.setdefault(clean_surface(ent.text), Counter())[ent.label_] += 1

    @cached_property
    def nouns(self) -> frozenset[str]:
        """Words the article writes in lower case as common nouns."""
        return frozenset(t.text for t in self.doc if t.pos_ == "NOUN" and t.text.islower())


def doc_evidence(doc: Doc) -> DocEvidence:
    return DocEvidence(doc)


def settle_type(
    doc: Doc,
    cands: Sequence[Candidate],
    names: Sequence[str],
    evidence: DocEvidence,
) -> str:
    """The type of the entity named by `cands` (surface forms `names`), "" when the model's
    own votes are to decide, or NOT_AN_ENTITY."""
    longest = max(names, key=lambda n: (len(n.split()), n))
    words = longest.split()
    votes = Counter(c.type for c in cands)
    if _newspaper(doc, cands, words):
        return ORGANIZATION
    if len(words) >= 2 and all(w.casefold() in POST_WORDS for w in words):
        return NOT_AN_ENTITY  # "Chief Executive Jo Bloggs": a post in capitals, not a body
    by_form = _by_form(words, votes)
    if by_form:
        return by_form
    if any(c.honorific for c in cands):
        return ""
    if _named_with_honorific(doc, words, votes):
        return PERSON
    if _acting_authority(doc, cands, words):
        return ORGANIZATION
    cues = _cues(doc, cands)
    if len(words) == 1:
        return _lone_word(words[0], votes, cues, evidence, longest, cands)
    if (
        votes[PLACE] == len(cands)
        and not is_wide_place(longest)
        and _listed_with_person(doc, cands)
    ):
        return PERSON  # "the careers of Adrian Dunbar and Stephen Rea"
    return ""


def _by_form(words: list[str], votes: Counter[str]) -> str:
    if len(words) < 2:
        return ""
    last = words[-1]
    head = words[words.index("of") - 1] if "of" in words[1:] else last
    if words[0] in EVENT_OPENERS or last in EVENT_HEADS or head in EVENT_HEADS:
        return NOT_AN_ENTITY
    if last in ORG_SUFFIXES or last in INDUSTRY_WORDS:
        return ORGANIZATION
    if last.casefold() in _STRONG_PLACE_HEADS:
        return PLACE
    if last in ORG_HEADS or head in ORG_HEADS:
        # "Charlotte Church", "Thomas Hayden Church" are people: a personal name may end in
        # a head word that is a common surname, or be two words long.
        personal = len(words) < 3 or is_common_surname(last)
        if votes[PLACE] > votes[ORGANIZATION] or (votes[PERSON] and not personal):
            return ORGANIZATION
    return ""


def _named_with_honorific(doc: Doc, words: list[str], votes: Counter[str]) -> bool:
    """ "Lakshmi Mittal has told investors ... Mr Mittal said": a given name and a surname
    the article also writes after "Mr" or "Ms" name a person, however the model read them."""
    if not 2 <= len(words) <= 3 or votes[PERSON] or not is_given_name(words[0]):
        return False
    surname = words[-1]
    if not surname[:1].isupper() or not surname.isalpha():
        return False
    return any(
        t.text.rstrip(".") in _HONORIFICS and t.i + 1 < len(doc) and doc[t.i + 1].text == surname
        for t in doc
    )


def _acting_authority(doc: Doc, cands: Sequence[Candidate], words: list[str]) -> bool:
    """ "Now the City of Zendaville wants its plot back": "the City of X" that does something
    is the city's authority; "in the City of X", "the City of X is ..." stay the place."""
    if len(words) < 3 or words[0] not in _AUTHORITY_OPENERS or words[1] != "of":
        return False
    for c in cands:
        root = doc[c.start : c.end].root
        after_the = c.start > 0 and doc[c.start - 1].lower_ == "the"
        if after_the and root.dep_ == "nsubj" and root.head.pos_ == "VERB":
            return True
    return False


def _newspaper(doc: Doc, cands: Sequence[Candidate], words: list[str]) -> bool:
    """ "a report in the Telegraph", "The Mail on Sunday": a name ending in a newspaper's
    title word, written after "the", is the paper. A personal name takes no article."""
    if not words or (words[-1] not in NEWSPAPER_TITLES and words[-2:] != ["on", "Sunday"]):
        return False
    return any(c.start > 0 and doc[c.start - 1].lower_ == "the" for c in cands) and not any(
        c.honorific for c in cands
    )


def _lone_word(
    word: str,
    votes: Counter[str],
    cues: _Cues,
    evidence: DocEvidence,
    longest: str,
    cands: Sequence[Candidate],
) -> str:
    labels = evidence.labels.get(longest, Counter())
    if cues.common and cues.common == len(cands) and word.isupper():
        return NOT_AN_ENTITY  # "a QC", "0001 GMT"
    if cues.post == len(cands):
        return NOT_AN_ENTITY  # "State" of "Secretary of State"
    if cues.component == len(cands) and not (cues.org or cues.agent or is_place(word)):
        return NOT_AN_ENTITY  # "a wireless LAN card": a kind of thing
    # Only the model's own reading is overruled, not a cue's ("the IRA and the INLA").
    from_model = all(c.rule.startswith("ner:") for c in cands)
    if (
        word.isupper()
        and from_model
        and not (cues.org or cues.agent)
        and _seldom_named(word, evidence)
    ):
        return NOT_AN_ENTITY  # "HD-ready", "HD cameras", "about HD": read once as a firm
    model = max(votes, key=lambda t: (votes[t], t == PERSON))
    org = votes[ORGANIZATION] + cues.org
    # The model calls many an unknown word a country ("Yukos", "Gazprom"): its place votes
    # count only for a name the gazetteer knows.
    place = (votes[PLACE] if is_wide_place(word) else 0) + cues.place
    if model == PERSON:
        if cues.person:
            return ""
        # One organisation reading against a person reading settles nothing ("Oscar
        # voters", "its Iressa drug"): a second, or a cue, must agree.
        if is_place(word) and not (org >= 2 and cues.org):
            return ""  # "Helsinki" read as a person is the city (kg.extract.resolve)
        if org > place and (org >= 2 or cues.org):
            return ORGANIZATION  # "Yukos", "Euronext chief executive"
        if place and is_wide_place(word):
            return PLACE
        return ""
    if model == PLACE and labels["NORP"] > sum(labels.values()) / 2 and not is_place(word):
        return NOT_AN_ENTITY  # "the Gurkhas": a people, read once as a place
    if (
        model == ORGANIZATION
        and cues.place
        and 2 * cues.place >= votes[ORGANIZATION]
        and not cues.org
        and is_wide_place(word)
    ):
        return PLACE  # "from Camberley, Surrey", "Ballymena-born"
    if model == PLACE and (cues.org or org >= votes[PLACE]) and not is_wide_place(word):
        return ORGANIZATION  # "gas firm Gazprom"
    if model == ORGANIZATION and cues.place > cues.org and votes[PLACE] == 0:
        return PLACE if cues.facility else ""
    if (
        model != PERSON
        and len(cands) == 1
        and not (cues.org or cues.agent)
        and word != word.lower()
        and word.lower() in evidence.nouns
    ):
        return NOT_AN_ENTITY  # "the new Tablet computers" beside "a tablet"
    return ""


def _seldom_named(word: str, evidence: DocEvidence) -> bool:
    """The model read the word as a name in under a third of the many places it stands."""
    uses = [t for t in evidence.doc if t.text == word]
    named = sum(1 for t in uses if t.ent_type_)
    return len(uses) >= 3 and 3 * named < len(uses)


def _cues(doc: Doc, cands: Sequence[Candidate]) -> _Cues:
    org = place = person = common = agent = post = product = facility = component = 0
    for c in cands:
        prev = doc[c.start - 1] if c.start > 0 else None
        prev2 = doc[c.start - 2] if c.start > 1 else None
        nxt = doc[c.end] if c.end < len(doc) else None
        nxt2 = doc[c.end + 1] if c.end + 1 < len(doc) else None
        p, p2 = (prev.lower_ if prev is not None else ""), (prev2.lower_ if prev2 else "")
        n, n2 = (nxt.lower_ if nxt is not None else ""), (nxt2.lower_ if nxt2 else "")
        if (prev is not None and prev.text.islower() and p in ORG_NOUNS) or (
            nxt is not None and nxt.text.islower() and n in ORG_AFTER
        ):
            org += 1
        elif n in ("'s", "’s") and n2 in ORG_POSSESSIONS:
            org += 1  # "Baikal's assets"
        elif n in (",", "-", "–") and apposition_names_org(doc, c.end + 1):
            org += 1  # "Kirin, the fourth big brewer", "Yuganskneftegaz - the unit"
        elif len(cands) >= 2 and c.type == PERSON and _listed_with(doc, c, "ORG"):
            org += 1  # "Cellnet and Vodafone", said more than once
        elif p in ("in", "into") and p2 in _HOLDINGS:
            org += 1
        elif p in ("at", "for", "of") and p2 in _STAFF:
            org += 1
        elif n in ("-", "–") and n2 in ("born", "based"):
            place += 1
        elif n == "," and p in _LOCATIVE and nxt2 is not None and is_cap(nxt2):
            place += 1  # "from Camberley, Surrey"
        elif n in _PLURAL_VERBS and not doc[c.end - 1].text.endswith("s") and p not in ("and", ","):
            org += 1  # "Chelsea have": a team, a party, a company (not "Berlin and Helsinki are")
        elif p == "," and prev2 is not None and prev2.is_alpha and is_cap(prev2) and c.start > 2:
            place += 1 if doc[c.start - 3].lower_ in _LOCATIVE else 0
        elif _plain_form(n) in PLACE_HEADS and nxt is not None and nxt.text.islower():
            place += 1  # "Gatwick airport", "Heathrow and Gatwick airports"
        elif p in _LOCATIVE and p2 not in _HOLDINGS and n not in ("'s", "’s"):
            place += 1  # not "in Anderson's hometown"
        if n == "," and n2 == "who":
            person += 1
        if _common_use(doc, c, prev, nxt):
            common += 1
        if p == "of" and p2 in ("secretary", "minister") and c.end - c.start == 1:
            post += 1
        if nxt is not None and nxt.text.islower() and n in _PRODUCTS:
            product += 1
        if _component_after(doc, c.end):
            component += 1
        if _plain_form(n) in PLACE_HEADS:
            facility += 1
        root = doc[c.end - 1]
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lower_ in _SPEECH:
            agent += 1
    return _Cues(
        org=org,
        place=place,
        person=person,
        common=common,
        post=post,
        agent=agent,
        product=product,
        component=component,
        facility=facility,
    )


def _component_after(doc: Doc, k: int) -> bool:
    """A word for equipment next, perhaps after other names joined by "or"/"and" ("DVI or
    HDMI (High-Definition Multimedia Interface) connectors")."""
    for tok in doc[k : k + 12]:
        if tok.text.islower() and tok.lower_ not in ("or", "and"):
            return tok.lower_ in _COMPONENTS
        if tok.is_sent_start or tok.text in (",", ".", ";", ":", '"'):
            return False
    return False


def _common_use(doc: Doc, c: Candidate, prev, nxt) -> bool:
    """ "a QC, Christopher Greenwood": an indefinite article before a bare word that heads
    its phrase; "0001 GMT": a time zone after a time."""
    if c.end - c.start != 1 or prev is None:
        return False
    if prev.lower_ in ("a", "an") and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN")):
        return True
    return prev.like_num and len(doc[c.start]) <= 4


def _plain_form(word: str) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in PLACE_HEADS else word


def _listed_with(doc: Doc, c: Candidate, label: str) -> bool:
    """The name stands in a list beside another of the model's names of kind `label`."""
    span: Span = doc[c.start : c.end]
    return any(t.ent_type_ == label and not c.start <= t.i < c.end for t in span.root.conjuncts)


def _listed_with_person(doc: Doc, cands: Sequence[Candidate]) -> bool:
    """A name in a list with a personal name the model found ("X and Stephen Rea")."""
    for c in cands:
        span: Span = doc[c.start : c.end]
        if c.start > 0 and doc[c.start - 1].lower_ == "the":
            return False  # "the Beach Boys": no personal name takes an article
        if not is_given_name(doc[c.start].text):
            return False  # "Garden State", a film listed with its star
        for token in span.root.conjuncts:
            if token.ent_type_ == "PERSON" and not c.start <= token.i < c.end:
                return True
    return False
