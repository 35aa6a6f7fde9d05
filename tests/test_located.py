"""Organisation -> place facts from hand-built parsed Docs, and on real text with the model."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from spacy.tokens import Doc

from kg.extract.located import BASED_IN, SERVES, _is_demonym, find_locations
from kg.extract.names import name_key
from kg.model import ORGANIZATION, PLACE, Article, Entity, Mention


def _doc(vocab, spec: str) -> Doc:
    """A parsed Doc from "word/POS/head/dep ..." (head: absolute token index)."""
    words, pos, heads, deps = [], [], [], []
    for item in spec.split():
        word, tag, head, dep = item.rsplit("/", 3)
        words.append(word)
        pos.append(tag)
        heads.append(int(head))
        deps.append(dep)
    return Doc(vocab, words=words, pos=pos, heads=heads, deps=deps)


def _entities(doc: Doc, **names: str) -> list[Entity]:
    """Entities named by keyword: org="Acme Ltd", place="Leeds", place2="Calif"."""
    found = []
    for label, name in names.items():
        type_ = ORGANIZATION if label.startswith("org") else PLACE
        start = doc.text.index(name)
        mention = Mention(start, start + len(name), name, type_, "test", 0.9)
        found.append(Entity(type_, name, name_key(name), (mention,)))
    return found


def _pairs(doc: Doc, entities: list[Entity]) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, f.object) for f in find_locations(doc, entities)}


def test_based_in_after_a_comma(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Acme/PROPN/5/nsubj ,/PUNCT/0/punct based/VERB/0/acl in/ADP/2/prep "
        "Leeds/PROPN/3/pobj said/VERB/5/ROOT ./PUNCT/5/punct",
    )
    [fact] = find_locations(doc, _entities(doc, org="Acme", place="Leeds"))
    assert (fact.subject, fact.predicate, fact.object) == ("acme", BASED_IN, "leeds")
    assert (fact.subject_type, fact.object_type, fact.literal) == (ORGANIZATION, PLACE, False)
    assert fact.label == "based in"
    assert doc.text[fact.start : fact.end] == "Acme , based in Leeds"


def test_based_in_that_is_denied_is_not_a_fact(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Acme/PROPN/6/nsubj ,/PUNCT/0/punct not/PART/3/neg based/VERB/0/acl "
        "in/ADP/3/prep Leeds/PROPN/4/pobj said/VERB/6/ROOT",
    )
    assert find_locations(doc, _entities(doc, org="Acme", place="Leeds")) == []


def test_people_based_somewhere_do_not_place_the_organisation(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Acme/PROPN/1/nsubj said/VERB/1/ROOT people/NOUN/1/dobj "
        "based/VERB/2/acl in/ADP/3/prep Leeds/PROPN/4/pobj",
    )
    assert find_locations(doc, _entities(doc, org="Acme", place="Leeds")) == []


def test_headquartered_in_with_a_relative_clause_and_a_larger_place(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Acme/PROPN/9/nsubj ,/PUNCT/0/punct which/PRON/4/nsubjpass "
        "is/AUX/4/auxpass headquartered/VERB/0/relcl in/ADP/4/prep "
        "Petaluma/PROPN/5/pobj ,/PUNCT/6/punct Calif/PROPN/6/appos "
        "grew/VERB/9/ROOT",
    )
    pairs = _pairs(doc, _entities(doc, org="Acme", place="Petaluma", place2="Calif"))
    assert pairs == {("acme", BASED_IN, "petaluma"), ("acme", BASED_IN, "calif")}


def test_a_list_of_places_is_not_a_place_within_a_place(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Acme/PROPN/8/nsubj ,/PUNCT/0/punct based/VERB/0/acl in/ADP/2/prep "
        "London/PROPN/3/pobj ,/PUNCT/4/punct Paris/PROPN/4/conj "
        "and/CCONJ/6/cc Berlin/PROPN/6/conj grew/VERB/9/ROOT",
    )
    pairs = _pairs(doc, _entities(doc, org="Acme", place="London", place2="Paris"))
    assert pairs == {("acme", BASED_IN, "london")}


def test_place_based_descriptor_before_the_name(blank_vocab):
    doc = _doc(
        blank_vocab,
        "the/DET/4/det Leeds/PROPN/3/npadvmod -/PUNCT/3/punct "
        "based/VERB/4/amod charity/NOUN/5/compound Acme/PROPN/6/nsubj "
        "said/VERB/6/ROOT",
    )
    [fact] = find_locations(doc, _entities(doc, org="Acme", place="Leeds"))
    assert (fact.subject, fact.object, fact.label) == ("acme", "leeds", "Leeds - based")


def test_place_based_thing_that_is_not_the_organisation(blank_vocab):
    doc = _doc(
        blank_vocab,
        "the/DET/4/det Leeds/PROPN/3/npadvmod -/PUNCT/3/punct "
        "based/VERB/4/amod scheme/NOUN/5/nsubj helped/VERB/5/ROOT "
        "Acme/PROPN/5/dobj",
    )
    assert find_locations(doc, _entities(doc, org="Acme", place="Leeds")) == []


def test_appositive_place_firm(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Acme/PROPN/6/nsubj ,/PUNCT/0/punct a/DET/4/det "
        "London/PROPN/4/compound firm/NOUN/0/appos ,/PUNCT/0/punct "
        "said/VERB/6/ROOT",
    )
    assert _pairs(doc, _entities(doc, org="Acme", place="London")) == {("acme", BASED_IN, "london")}


def test_possessive_descriptor_is_not_the_organisation(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Acme/PROPN/1/nsubj praised/VERB/1/ROOT the/DET/4/det "
        "London/PROPN/4/compound firm/NOUN/6/poss 's/PART/4/case "
        "rival/NOUN/1/dobj",
    )
    assert find_locations(doc, _entities(doc, org="Acme", place="London")) == []


def test_place_attached_to_the_name_by_the_parse(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Acme/PROPN/1/compound Ltd/PROPN/4/nsubj in/ADP/1/prep Leeds/PROPN/2/pobj grew/VERB/4/ROOT",
    )
    assert _pairs(doc, _entities(doc, org="Acme Ltd", place="Leeds")) == {
        ("acme ltd", BASED_IN, "leeds")
    }


def test_place_attached_to_the_verb_is_where_it_happened(blank_vocab):
    doc = _doc(
        blank_vocab,
        "They/PRON/1/nsubj sued/VERB/1/ROOT Acme/PROPN/3/compound "
        "Ltd/PROPN/1/dobj in/ADP/1/prep Leeds/PROPN/4/pobj",
    )
    assert find_locations(doc, _entities(doc, org="Acme Ltd", place="Leeds")) == []


def test_a_hospital_in_a_town_is_there_whatever_the_parse(blank_vocab):
    doc = _doc(
        blank_vocab,
        "treated/VERB/0/ROOT at/ADP/0/prep Ward/PROPN/3/compound "
        "Hospital/PROPN/1/pobj in/ADP/0/prep Leeds/PROPN/4/pobj",
    )
    assert _pairs(doc, _entities(doc, org="Ward Hospital", place="Leeds")) == {
        ("ward hospital", BASED_IN, "leeds")
    }


def test_company_of_a_town_but_not_of_the_title_words(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Acme/PROPN/1/compound Inc/PROPN/4/nsubj of/ADP/1/prep "
        "Houston/PROPN/2/pobj built/VERB/4/ROOT",
    )
    assert _pairs(doc, _entities(doc, org="Acme Inc", place="Houston")) == {
        ("acme inc", BASED_IN, "houston")
    }
    doc = _doc(
        blank_vocab,
        "Acme/PROPN/1/compound Inc/PROPN/1/ROOT of/ADP/1/prep the/DET/4/det Moon/PROPN/2/pobj",
    )
    assert find_locations(doc, _entities(doc, org="Acme Inc", place="Moon")) == []


def test_a_party_in_a_region_is_not_based_there(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Labour/PROPN/1/compound Party/PROPN/4/nsubj in/ADP/1/prep "
        "Scotland/PROPN/2/pobj lost/VERB/4/ROOT",
    )
    assert find_locations(doc, _entities(doc, org="Labour Party", place="Scotland")) == []


def test_an_event_is_held_not_based(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Great/PROPN/2/compound Caledonian/PROPN/2/compound "
        "Run/PROPN/5/nsubj in/ADP/2/prep Edinburgh/PROPN/3/pobj "
        "starts/VERB/5/ROOT",
    )
    ents = _entities(doc, org="Great Caledonian Run", place="Edinburgh")
    assert find_locations(doc, ents) == []


def test_possessive_place(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Russia/PROPN/3/poss 's/PART/0/case Foreign/PROPN/3/compound "
        "Ministry/PROPN/4/nsubj said/VERB/4/ROOT",
    )
    assert _pairs(doc, _entities(doc, org="Foreign Ministry", place="Russia")) == {
        ("foreign ministry", BASED_IN, "russia")
    }
    # The same words, but the parse gives the possessive to something else.
    doc = _doc(
        blank_vocab,
        "Russia/PROPN/4/poss 's/PART/0/case Foreign/PROPN/3/compound "
        "Ministry/PROPN/4/compound envoy/NOUN/4/ROOT",
    )
    assert find_locations(doc, _entities(doc, org="Foreign Ministry", place="Russia")) == []


def test_headquarters_in(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Acme/PROPN/2/poss 's/PART/0/case headquarters/NOUN/2/ROOT "
        "in/ADP/2/prep Leeds/PROPN/3/pobj",
    )
    assert _pairs(doc, _entities(doc, org="Acme", place="Leeds")) == {("acme", BASED_IN, "leeds")}


def test_council_named_after_a_place_of_the_article_serves_it(blank_vocab):
    doc = _doc(
        blank_vocab,
        "Glasgow/PROPN/2/compound City/PROPN/2/compound "
        "Council/PROPN/3/nsubj helps/VERB/3/ROOT Glasgow/PROPN/3/dobj",
    )
    council = _entities(doc, org="Glasgow City Council")
    place = Entity(PLACE, "Glasgow", "glasgow", (Mention(35, 42, "Glasgow", PLACE, "t", 0.9),))
    [fact] = find_locations(doc, council + [place])
    assert (fact.subject, fact.predicate) == ("glasgow city council", SERVES)
    assert fact.object == "glasgow"
    assert doc.text[fact.start : fact.end] == "Glasgow City Council"
    # No Place entity in the article, no fact.
    assert find_locations(doc, council) == []


@pytest.mark.parametrize(
    ("org", "place", "serves"),
    [
        ("Police Scotland", "Scotland", True),
        ("NHS Greater Glasgow and Clyde", "Glasgow", True),
        ("Scottish Government", "Scotland", True),
        ("German Government", "Germany", True),
        ("West Yorkshire Police", "Yorkshire", False),  # names West Yorkshire
        ("City of London Police", "London", False),  # names the City
        ("British Council", "Britain", False),  # a cultural body, not the state
        ("Glasgow Caledonian University", "Glasgow", False),  # not a public body by name
    ],
)
def test_public_bodies_named_after_places(blank_vocab, org, place, serves):
    doc = _doc(blank_vocab, " ".join(f"{w}/PROPN/0/dep" for w in f"{org} ; {place}".split()))
    facts = find_locations(doc, _entities(doc, org=org, place=place))
    assert [f.predicate for f in facts] == ([SERVES] if serves else [])


@pytest.mark.parametrize(
    ("word", "place", "expected"),
    [
        ("German", "Germany", True),
        ("Chinese", "China", True),
        ("Lebanese", "Lebanon", True),
        ("Angolan", "Angola", True),
        ("Welsh", "Wales", True),
        ("Germany", "Germany", False),
        ("Chin", "China", False),
        ("Roman", "Romania", False),
    ],
)
def test_demonyms(word, place, expected):
    assert _is_demonym(word, place) is expected


@pytest.mark.model
def test_real_parse_places_organisations(nlp):
    from kg.extract.article import extract

    text = (
        "Harland Textiles, based in Leeds, said on Monday that Glasgow City Council "
        "had cancelled an order. Glasgow will lose jobs."
    )
    x = extract(nlp(text), Article(id="t", text=text))
    facts = {
        (f.subject, f.predicate, f.object) for f in x.facts if f.predicate in (BASED_IN, SERVES)
    }
    assert ("harland textiles", BASED_IN, "leeds") in facts
    assert ("glasgow city council", SERVES, "glasgow") in facts
    assert not any(f[0] == "glasgow city council" and f[1] == BASED_IN for f in facts)


@pytest.mark.model
def test_seed_articles_give_well_formed_place_facts(nlp):
    from kg.extract.article import extract

    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        x = extract(nlp(text), Article(id=path.stem, text=text))
        keys = {e.key: e.type for e in x.entities}
        for fact in x.facts:
            if fact.predicate not in (BASED_IN, SERVES):
                continue
            assert keys[fact.subject] == ORGANIZATION and keys[fact.object] == PLACE
            assert 0 <= fact.start < fact.end <= len(text) and fact.label
            sentence = x.sentences[fact.sentence]
            assert sentence.start <= fact.start and fact.end <= sentence.end


def test_a_meeting_of_an_organisation_somewhere_does_not_place_it(blank_vocab):
    # The parse hangs "in Cape Town" on the name, but the meeting is what is there.
    doc = _doc(
        blank_vocab,
        "He/PRON/1/nsubj chaired/VERB/1/ROOT a/DET/3/det meeting/NOUN/1/dobj of/ADP/3/prep "
        "Acme/PROPN/4/pobj in/ADP/5/prep Leeds/PROPN/6/pobj ./PUNCT/1/punct",
    )
    assert _pairs(doc, _entities(doc, org="Acme", place="Leeds")) == set()
    attached = doc.text.replace("a meeting of", "a member of")
    doc = _doc(
        blank_vocab,
        "He/PRON/1/nsubj chaired/VERB/1/ROOT a/DET/3/det member/NOUN/1/dobj of/ADP/3/prep "
        "Acme/PROPN/4/pobj in/ADP/5/prep Leeds/PROPN/6/pobj ./PUNCT/1/punct",
    )
    assert doc.text == attached
    assert _pairs(doc, _entities(doc, org="Acme", place="Leeds")) == {("acme", BASED_IN, "leeds")}
