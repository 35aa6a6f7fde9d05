"""Organisations based in or serving places.

Two predicates (docs/graph.md, "Relations"):

- `kg:basedIn`: the text places the organisation: "Acme, based in Leeds", "Acme is
  headquartered in Leeds", "the Leeds-based charity Acme", "Acme, a Leeds firm",
  "St Mary's Hospital in Leeds" and "Acme Ltd of Leeds" (when the parse attaches the
  place to the organisation's name), "Acme's Leeds headquarters", "Britain's Acme".
- `kg:serves`: a public body named after a place the article names: "Glasgow City
  Council" serves Glasgow, "Police Scotland" Scotland, "the Scottish Government" Scotland.

Precision first: a place is only linked when the words say so, the place is a Place
entity of the article, and both stand in one sentence. A news-wire dateline ("PARIS (AP)")
is where a report was filed, not where the agency is based, and is not read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from kg.model import ORGANIZATION, PLACE, Entity, Fact
from kg.nlp.tokens import EntityIndex, MentionRef

BASED_IN = "kg:basedIn"
SERVES = "kg:serves"

# Participles that place an organisation when followed by "in"/"at".
_CUES = frozenset({"based", "headquartered", "located", "situated", "registered"})
# Common nouns that describe an organisation ("a Leeds firm", "the London-based charity").
_DESCRIPTORS = frozenset(
    """
    firm company charity group business bank retailer manufacturer maker producer supplier
    developer publisher newspaper paper broadcaster agency organisation organization
    association society institute university college school hospital club team trust
    foundation consultancy studio label brewery distillery airline carrier operator chain
    insurer lender startup think-tank thinktank campaign network union church practice
    partnership cooperative co-operative fund charities firms companies groups
    """.split()
)
# Words in an organisation's name that make it a public body serving an area.
_SERVICE_WORDS = frozenset(
    """
    Council Councils Police Constabulary NHS Fire Ambulance Government Executive Assembly
    Parliament Authority Court Courts Senate Legislature Ministry Congress Office Service
    """.split()
)
# The narrower set that, after a demonym, makes a body of that country's state: not
# "British Council" (a cultural body) nor "Scottish Police Federation".
_STATE_WORDS = frozenset(
    "Government Executive Assembly Parliament Senate Legislature Ministry Congress".split()
)
# Words, besides service words, allowed before a place inside a public body's name.
_PLACE_PREFIXES = frozenset({"greater"})
# Modifiers that say the location no longer (or never) holds.
_NOT_NOW = frozenset({"not", "never", "formerly", "previously", "once", "no", "n't"})
# Demonyms that are not the place name plus a regular suffix.
_IRREGULAR_DEMONYMS = {
    "British": ("Britain", "Great Britain", "United Kingdom", "UK", "U.K."),
    "English": ("England",),
    "Scottish": ("Scotland",),
    "Welsh": ("Wales",),
    "Irish": ("Ireland", "Republic of Ireland"),
    "French": ("France",),
    "Dutch": ("Netherlands", "Holland"),
    "Spanish": ("Spain",),
    "Swiss": ("Switzerland",),
    "Greek": ("Greece",),
    "Danish": ("Denmark",),
    "Swedish": ("Sweden",),
    "Finnish": ("Finland",),
    "Polish": ("Poland",),
    "Turkish": ("Turkey",),
    "Thai": ("Thailand",),
    "Portuguese": ("Portugal",),
    "Norwegian": ("Norway",),
    "Belgian": ("Belgium",),
    "Afghan": ("Afghanistan",),
    "Philippine": ("Philippines",),
    "American": ("America", "United States", "US", "U.S."),
}
_SUFFIXES = ("n", "an", "ian", "ese", "i")
# Institutions with one site: "X Hospital in Leeds" places X even when the parse hangs
# "in Leeds" on the verb ("was treated at X Hospital in Leeds").
_SITES = frozenset(
    """
    hospital infirmary clinic university college school academy institute institution
    polytechnic tech centre center museum gallery library laboratory theatre theater prison
    penitentiary
    """.split()
)
# Events and things the model takes for organisations; they happen or stand somewhere
# but are not based there ("the Great Caledonian Run in Edinburgh").
_NOT_BASED = frozenset(
    """
    run marathon race festival awards award cup championship championships games conference
    summit open tournament show exhibition exposition expo fair tower statue bridge
    """.split()
)
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "being"})
_DETERMINERS = frozenset({"a", "an", "the"})


def find_locations(doc: Doc, entities: Sequence[Entity]) -> list[Fact]:
    """Organisation -> place facts the text states or its names make plain."""
    index = EntityIndex(doc, entities)
    found: dict[tuple[str, str, str], Fact] = {}
    for fact in (
        *_cue_verbs(doc, index),
        *_hyphen_based(doc, index),
        *_descriptors(doc, index),
        *_headquarters(doc, index),
        *_attached(doc, index),
        *_possessives(doc, index),
        *_served_by_name(entities),
    ):
        key = (fact.subject, fact.predicate, fact.object)
        if fact.subject != fact.object and (
            key not in found or found[key].confidence < fact.confidence
        ):
            found[key] = fact
    return sorted(found.values(), key=lambda f: (f.start, f.predicate, f.object))


# ---------------------------------------------------------------- text patterns


def _cue_verbs(doc: Doc, index: EntityIndex) -> Iterator[Fact]:
    """ "Acme, based in Leeds", "Acme is headquartered in Leeds", "which is located in"."""
    for tok in doc:
        if tok.lower_ not in _CUES or (tok.i > 0 and doc[tok.i - 1].text in "-–"):
            continue
        if _denied(doc, tok):
            continue
        places = _places_after(doc, index, tok.i + 1, preps=("in", "at"))
        if not places:
            continue
        org = _org_before(doc, index, tok.i) or _org_of_verb(doc, index, tok)
        if org is not None:
            label = f"{tok.text} {doc[tok.i + 1].text}"
            yield from _facts(org, places, BASED_IN, f"located:{tok.lower_}-in", 0.9, label)


def _hyphen_based(doc: Doc, index: EntityIndex) -> Iterator[Fact]:
    """ "the Glasgow-based charity Positive Action", "Acme, a London-based firm"."""
    for tok in doc:
        if tok.lower_ != "based" or tok.i < 2 or doc[tok.i - 1].text not in ("-", "–"):
            continue
        place = index.at(tok.i - 2)
        if place is None or place.entity.type != PLACE or place.end != tok.i - 1:
            continue
        org = (
            _org_after_descriptor(doc, index, tok.i + 1)
            or _org_before(doc, index, place.start)
            or _org_of_noun(doc, index, tok.head)
        )
        if org is not None:
            label = doc[place.start : tok.i + 1].text
            yield from _facts(org, [place], BASED_IN, "located:x-based", 0.85, label)


def _descriptors(doc: Doc, index: EntityIndex) -> Iterator[Fact]:
    """ "Acme, a London firm", "the Leeds charity Acme", "Acme is a Leeds company"."""
    for place in index.refs:
        if place.entity.type != PLACE:
            continue
        k = _descriptor_at(doc, place.end)
        if k < 0:
            continue
        org = _org_after(doc, index, k + 1) or _org_before(doc, index, place.start)
        if org is not None:
            label = doc[place.start : k + 1].text
            yield from _facts(org, [place], BASED_IN, "located:descriptor", 0.8, label)


def _descriptor_at(doc: Doc, j: int) -> int:
    """Where a descriptor noun stands at token j or after one lower-case modifier
    ("a London law firm"), or -1. Not a possessive: "the London firm's rival"."""
    for k in (j, j + 1):
        if k >= len(doc) or not doc[k].is_lower or doc[k].is_punct:
            return -1
        if doc[k].lower_ in _DESCRIPTORS:
            following = doc[k + 1].lower_ if k + 1 < len(doc) else ""
            return -1 if following in ("'s", "’s", "'") else k
    return -1


def _headquarters(doc: Doc, index: EntityIndex) -> Iterator[Fact]:
    """ "Acme's headquarters in Leeds", "Acme's Leeds headquarters"."""
    for tok in doc:
        if tok.lower_ not in ("headquarters", "hq"):
            continue
        places = _places_after(doc, index, tok.i + 1, preps=("in", "at"))
        start = tok.i
        # Places between the possessive and the noun: "the NRC's Rockville, Md., headquarters".
        while start > 0 and (
            doc[start - 1].is_punct
            and doc[start - 1].text == ","
            or _ref_of(index, start - 1, PLACE) is not None
        ):
            ref = _ref_of(index, start - 1, PLACE)
            if ref is not None:
                places.insert(0, ref)
                start = ref.start
            else:
                start -= 1
        if not places or start < 2 or doc[start - 1].lower_ not in ("'s", "’s", "'"):
            continue
        org = _ref_of(index, start - 2, ORGANIZATION)
        if org is not None and org.end == start - 1:
            yield from _facts(org, places, BASED_IN, "located:headquarters", 0.85, tok.text)


def _attached(doc: Doc, index: EntityIndex) -> Iterator[Fact]:
    """An organisation whose name has a place hung on it by the parse.

    "St Mary's Hospital in Leeds", "Acme Ltd of Leeds".
    """
    for org in index.refs:
        if org.entity.type != ORGANIZATION or _is_party(org.entity) or _is_event(org.entity):
            continue
        j = _skip_parenthesis(doc, org.end)
        if j + 1 >= len(doc) or doc[j].lower_ not in ("in", "of"):
            continue
        prep = doc[j]
        # The parse must attach the preposition to the name (or to its bracketed acronym),
        # not to a verb or another noun: "sued Acme in Leeds" is about the suing.
        attached = org.start <= prep.head.i < j and not _of_an_event(doc, org)
        site = prep.lower_ == "in" and _is_site(org.entity)
        if not (attached or site):
            continue
        # "of" takes a bare place ("Acme of Leeds"), never "of the ..." (a title's words).
        if prep.lower_ == "of" and _ref_of(index, j + 1, PLACE) is None:
            continue
        places = _places_after(doc, index, j, preps=(prep.lower_,))
        if places:
            confidence = 0.75 if prep.lower_ == "in" else 0.7
            yield from _facts(
                org, places, BASED_IN, f"located:{prep.lower_}-place", confidence, prep.text
            )


_EVENT_NOUNS = frozenset("meeting summit conference session gathering talks rally".split())


def _of_an_event(doc: Doc, org) -> bool:
    """ "a meeting of the Commission in Cape Town": the place is where the meeting is."""
    root = doc[org.start : org.end].root
    of = root.head
    return root.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in _EVENT_NOUNS


def _possessives(doc: Doc, index: EntityIndex) -> Iterator[Fact]:
    """ "Russia's Foreign Ministry", "New York's Mount Sinai School of Medicine"."""
    for place in index.refs:
        if place.entity.type != PLACE:
            continue
        j = place.end
        if j + 1 >= len(doc) or doc[j].lower_ not in ("'s", "’s"):
            continue
        org = _ref_of(index, j + 1, ORGANIZATION)
        if org is None or org.start != j + 1 or _is_party(org.entity) or _is_event(org.entity):
            continue
        if doc[place.end - 1].head.i in range(org.start, org.end):
            yield from _facts(org, [place], BASED_IN, "located:possessive", 0.65, "based in")


# ---------------------------------------------------------------- names


def _served_by_name(entities: Sequence[Entity]) -> Iterator[Fact]:
    """A public body whose name holds a place of the article serves it ("Glasgow City Council")."""
    places = [e for e in entities if e.type == PLACE]
    for org in entities:
        if org.type != ORGANIZATION or not org.mentions:
            continue
        mention = org.mentions[0]
        for name in (org.name, *org.aliases):
            words = name.split()
            if words and words[0].casefold() == "the":
                words = words[1:]
            for place in places:
                rule = _named_after(words, place)
                if rule:
                    yield Fact(
                        org.key,
                        SERVES,
                        place.key,
                        rule,
                        0.85 if rule.endswith("name") else 0.75,
                        mention.start,
                        mention.end,
                        subject_type=ORGANIZATION,
                        object_type=PLACE,
                        label=mention.text,
                    )


def _named_after(words: list[str], place: Entity) -> str:
    """The rule by which a public body's name `words` names `place`, or ""."""
    if not any(w in _SERVICE_WORDS for w in words):
        return ""
    for form in (place.name, *place.aliases):
        target = form.split()
        if not target or target == words:
            continue
        for i in range(len(words) - len(target) + 1):
            if words[i : i + len(target)] == target and _place_starts_name(words, i):
                return "served:place-in-name"
        if _is_demonym(words[0], form) and any(w in _STATE_WORDS for w in words[1:]):
            return "served:demonym"
    return ""


def _place_starts_name(words: list[str], i: int) -> bool:
    """Whether the place at words[i] is the area the body is named after.

    "West Yorkshire Police" names West Yorkshire, not Yorkshire; "City of London Police"
    the City, not London; but "Police Scotland", "NHS Greater Glasgow", "Court of Canada".
    """
    if i == 0:
        return True
    before = words[i - 1]
    if before in ("of", "for"):
        return i >= 2 and words[i - 2] in _SERVICE_WORDS
    return before in _SERVICE_WORDS or before.casefold() in _PLACE_PREFIXES


def _is_demonym(word: str, place: str) -> bool:
    """ "Scottish" for Scotland, "German" for Germany, "Chinese" for China."""
    if place in _IRREGULAR_DEMONYMS.get(word, ()):
        return True
    if len(place) < 4 or " " in place or not word[:1].isupper():
        return False
    stems = {place, place[:-1]} if place[-1] in "aeiouy" else {place}
    forms = {stem + suffix for stem in stems for suffix in _SUFFIXES}
    if place.endswith("y"):
        forms.add(place[:-1])  # Germany -> German
    if place.endswith("on"):
        forms.add(place[:-2] + "ese")  # Lebanon -> Lebanese
    return word in forms - {place}


# ---------------------------------------------------------------- helpers


def _facts(
    org: MentionRef,
    places: list[MentionRef],
    predicate: str,
    rule: str,
    confidence: float,
    label: str,
) -> Iterator[Fact]:
    if _is_event(org.entity):
        return
    for place in places:
        if place.entity.key == org.entity.key:
            continue
        start = min(org.mention.start, place.mention.start)
        end = max(org.mention.end, place.mention.end)
        yield Fact(
            org.entity.key,
            predicate,
            place.entity.key,
            rule,
            confidence,
            start,
            end,
            subject_type=ORGANIZATION,
            object_type=PLACE,
            label=label,
        )


def _ref_of(index: EntityIndex, i: int, type_: str) -> MentionRef | None:
    ref = index.at(i)
    return ref if ref is not None and ref.entity.type == type_ else None


def _places_after(
    doc: Doc, index: EntityIndex, i: int, *, preps: tuple[str, ...]
) -> list[MentionRef]:
    """The place after the preposition at token i, and the larger places that follow it:
    "in Petaluma, Calif.", "in Gosforth in northeast England"."""
    if i >= len(doc) or doc[i].lower_ not in preps:
        return []
    first = _place_at(doc, index, i + 1)
    if first is None or first.start != _first_word(doc, i + 1):
        return []
    places = [first]
    while len(places) < 3:
        last = places[-1]
        j = last.end
        if j + 1 < len(doc) and doc[j].text == ",":
            nxt = _place_at(doc, index, j + 1)
            if nxt is None or nxt.start != j + 1 or _in_list(doc, index, nxt):
                break
        elif j < len(doc) and doc[j].lower_ == "in":
            nxt = _place_at(doc, index, j + 1)
            if nxt is None:
                break
        else:
            break
        places.append(nxt)
    return places


def _place_at(doc: Doc, index: EntityIndex, i: int) -> MentionRef | None:
    """A place starting at token i, after at most a determiner and two lower-case modifiers."""
    for k in range(i, min(i + 3, len(doc))):
        ref = _ref_of(index, k, PLACE)
        if ref is not None:
            return ref if ref.start == k else None
        if doc[k].is_punct or not (doc[k].is_lower and doc[k].pos_ in ("DET", "ADJ", "NOUN", "")):
            return None
    return None


def _first_word(doc: Doc, i: int) -> int:
    while i < len(doc) and doc[i].is_lower:
        i += 1
    return i


def _in_list(doc: Doc, index: EntityIndex, ref: MentionRef) -> bool:
    # "in London, Paris and Berlin" lists places; "in London, Argentina's envoy" is no
    # place within a place either.
    j = ref.end
    if j < len(doc) and doc[j].lower_ in ("and", "or", "'s", "’s", "'"):
        return True
    return j + 1 < len(doc) and doc[j].text == "," and _ref_of(index, j + 1, PLACE) is not None


def _org_before(doc: Doc, index: EntityIndex, i: int) -> MentionRef | None:
    """The organisation this phrase describes, written just before token i:
    "Acme, based", "Acme, which is based", "Acme is a", "Acme, a London"."""
    j = i - 1
    steps = 0
    while j >= 0 and steps < 5:
        word = doc[j].lower_
        if word in _DETERMINERS or word in _COPULAS or word in ("which", "that", "also", "now"):
            j -= 1
            steps += 1
            continue
        if doc[j].text == ",":
            j -= 1
            steps += 1
            continue
        break
    if j < 0:
        return None
    ref = _ref_of(index, j, ORGANIZATION)
    return ref if ref is not None and ref.end == j + 1 else None


def _org_after(doc: Doc, index: EntityIndex, i: int) -> MentionRef | None:
    ref = _ref_of(index, i, ORGANIZATION)
    return ref if ref is not None and ref.start == i else None


def _org_after_descriptor(doc: Doc, index: EntityIndex, i: int) -> MentionRef | None:
    """ "-based charity Positive Action", "-based Acme": up to two common words, then the name."""
    for k in range(i, min(i + 3, len(doc))):
        ref = _org_after(doc, index, k)
        if ref is not None:
            return ref
        if not (doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ", "")):
            return None
    return None


def _org_of_verb(doc: Doc, index: EntityIndex, verb: Token) -> MentionRef | None:
    """What the parse says is based somewhere: the passive subject, or the noun modified."""
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "nsubj"):
            return _org_of_noun(doc, index, child)
    if verb.dep_ in ("acl", "relcl", "amod"):
        return _org_of_noun(doc, index, verb.head)
    return None


def _org_of_noun(doc: Doc, index: EntityIndex, noun: Token) -> MentionRef | None:
    """The organisation a noun stands for: itself, its appositive, or "which"'s antecedent."""
    ref = _ref_of(index, noun.i, ORGANIZATION)
    if ref is not None:
        return ref
    if noun.lower_ in ("which", "that") and noun.head.dep_ == "relcl":
        return _ref_of(index, noun.head.head.i, ORGANIZATION)
    if noun.lower_ not in _DESCRIPTORS:
        return None
    if noun.dep_ == "appos":
        return _ref_of(index, noun.head.i, ORGANIZATION)
    for child in noun.children:
        if child.dep_ == "appos" and _ref_of(index, child.i, ORGANIZATION):
            return _ref_of(index, child.i, ORGANIZATION)
    return None


def _denied(doc: Doc, tok: Token) -> bool:
    # "is not based in", "formerly based in": the place does not (or no longer) hold.
    window = doc[max(0, tok.i - 3) : tok.i]
    return any(t.lower_ in _NOT_NOW for t in (*tok.children, *window))


def _skip_parenthesis(doc: Doc, j: int) -> int:
    """Past a short bracketed acronym after a name: "Centro Nacional (CNM) in"."""
    if j < len(doc) and doc[j].text == "(":
        for k in range(j + 1, min(j + 5, len(doc))):
            if doc[k].text == ")":
                return k + 1
    return j


def _is_site(entity: Entity) -> bool:
    words = entity.name.casefold().split()
    return bool(words) and (words[-1] in _SITES or words[0] == "university")


def _is_event(entity: Entity) -> bool:
    return any(w in _NOT_BASED for w in entity.name.casefold().split())


def _is_party(entity: Entity) -> bool:
    # "Labour in Scotland" is the party's fortunes there, not where it is based.
    return any("Party" in name.split() for name in (entity.name, *entity.aliases))
