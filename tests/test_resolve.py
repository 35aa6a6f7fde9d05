"""Grouping mentions into entities, on hand-built Docs."""

from conftest import make_doc

from kg.extract.mentions import find_candidates
from kg.extract.resolve import resolve_entities
from kg.model import ORGANIZATION, PERSON, PLACE


def _entities(doc):
    return {e.name: e for e in resolve_entities(doc, find_candidates(doc))}


def test_surname_with_courtesy_title_joins_the_full_name(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Mhairi/PROPN Hunter/PROPN spoke/VERB ./PUNCT "
        "Ms/PROPN Hunter/PROPN said/VERB so/ADV ./PUNCT",
        ents={"Mhairi Hunter": "PERSON"},
    )
    # The second "Hunter" is a separate PERSON span the model found.
    doc.set_ents(list(doc.ents) + [doc.char_span(doc[5].idx, doc[5].idx + 6, label="PERSON")])
    ents = _entities(doc)
    assert set(ents) == {"Mhairi Hunter"}
    assert "Ms Hunter" in ents["Mhairi Hunter"].aliases
    assert len(ents["Mhairi Hunter"].mentions) == 2


def test_surname_mistyped_as_organisation_still_joins_the_person(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Charles/PROPN Clarke/PROPN spoke/VERB ./PUNCT Clarke/PROPN agreed/VERB ./PUNCT",
        ents={"Charles Clarke": "PERSON", "Clarke": "ORG"},
    )
    ents = _entities(doc)
    assert set(ents) == {"Charles Clarke"} and ents["Charles Clarke"].type == PERSON


def test_a_city_is_a_place_even_when_the_model_says_person_or_organisation(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Glasgow/PROPN users/NOUN and/CCONJ Copenhagen/PROPN rooms/NOUN ./PUNCT",
        ents={"Glasgow": "PERSON", "Copenhagen": "ORG"},
    )
    ents = _entities(doc)
    assert ents["Glasgow"].type == PLACE and ents["Copenhagen"].type == PLACE


def _leeds(blank_vocab, labels):
    doc = make_doc(
        blank_vocab,
        "Leeds/PROPN won/VERB ./PUNCT Leeds/PROPN lost/VERB ./PUNCT Leeds/PROPN drew/VERB ./PUNCT",
    )
    doc.set_ents(
        [
            doc.char_span(doc[i].idx, doc[i].idx + 5, label=lab)
            for i, lab in zip((0, 3, 6), labels, strict=True)
        ]
    )
    return _entities(doc)["Leeds"].type


def test_a_city_named_club_the_model_always_calls_an_organisation_stays_one(blank_vocab):
    assert _leeds(blank_vocab, ["ORG", "ORG", "ORG"]) == ORGANIZATION


def test_one_place_reading_of_a_city_name_makes_it_a_place(blank_vocab):
    assert _leeds(blank_vocab, ["GPE", "ORG", "ORG"]) == PLACE


def test_votes_decide_the_type_of_a_repeated_name(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Acme/PROPN won/VERB ./PUNCT Acme/PROPN lost/VERB ./PUNCT Acme/PROPN drew/VERB ./PUNCT",
    )
    doc.set_ents(
        [
            doc.char_span(doc[i].idx, doc[i].idx + 4, label=lab)
            for i, lab in ((0, "PERSON"), (3, "ORG"), (6, "ORG"))
        ]
    )
    assert _entities(doc)["Acme"].type == ORGANIZATION


def test_defined_acronym_joins_its_long_form(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "the/DET Joint/PROPN Council/PROPN for/ADP the/DET Welfare/PROPN of/ADP Immigrants/PROPN "
        "(/PUNCT JCWI/PROPN )/PUNCT objected/VERB ./PUNCT JCWI/PROPN said/VERB so/ADV ./PUNCT",
        ents={"JCWI": "PERSON"},
    )
    doc.set_ents([doc.char_span(doc[i].idx, doc[i].idx + 4, label="PERSON") for i in (9, 13)])
    ents = _entities(doc)
    long_form = "Joint Council for the Welfare of Immigrants"
    assert set(ents) == {long_form}
    assert ents[long_form].type == ORGANIZATION and "JCWI" in ents[long_form].aliases


def test_acronym_of_a_common_noun_is_not_an_entity(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "a/DET drug/NOUN consumption/NOUN room/NOUN (/PUNCT DCR/PROPN )/PUNCT opened/VERB ./PUNCT",
        ents={"DCR": "ORG"},
    )
    assert _entities(doc) == {}


def test_lone_unmarked_first_name_is_dropped_but_a_peer_is_kept(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Bill/PROPN faces/VERB peers/NOUN ./PUNCT Lord/PROPN Falconer/PROPN spoke/VERB ./PUNCT",
        ents={"Bill": "PERSON", "Falconer": "PERSON"},
    )
    ents = _entities(doc)
    # A peer known by one name keeps the title in the name, so a peer named after a place
    # ("Baroness Scotland") never reads as the place.
    assert set(ents) == {"Lord Falconer"} and "Falconer" in ents["Lord Falconer"].aliases
    assert ents["Lord Falconer"].key == "falconer"


def test_short_form_of_a_longer_organisation_name_joins_it(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "the/DET Muslim/PROPN Council/PROPN of/ADP Britain/PROPN met/VERB ./PUNCT "
        "The/DET Muslim/PROPN Council/PROPN agreed/VERB ./PUNCT",
        ents={"Britain": "GPE"},
    )
    ents = _entities(doc)
    assert set(ents) == {"Muslim Council of Britain"}
    assert "Muslim Council" in ents["Muslim Council of Britain"].aliases


def test_short_name_of_a_place_joins_its_full_name(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Guantanamo/PROPN Bay/PROPN camp/NOUN ./PUNCT He/PRON left/VERB Guantanamo/PROPN ./PUNCT",
        ents={"Guantanamo Bay": "LOC", "Guantanamo": "FAC"},
    )
    ents = _entities(doc)
    assert set(ents) == {"Guantanamo Bay"} and "Guantanamo" in ents["Guantanamo Bay"].aliases
