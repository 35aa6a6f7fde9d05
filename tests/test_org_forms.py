"""An organisation's other names in one article join it, on hand-built Docs."""

import pytest
from conftest import make_doc

from kg.extract.mentions import find_candidates
from kg.extract.resolve import resolve_entities
from kg.model import ORGANIZATION


def _entities(doc):
    return {e.name: e for e in resolve_entities(doc, find_candidates(doc))}


def test_a_companys_first_word_is_its_short_name(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Qwest/PROPN Communications/PROPN bid/VERB ./PUNCT Qwest/PROPN lost/VERB ./PUNCT",
        ents={"Qwest Communications": "ORG", "Qwest": "ORG"},
    )
    ents = _entities(doc)
    assert set(ents) == {"Qwest Communications"} and "Qwest" in ents["Qwest Communications"].aliases


def test_a_first_word_misread_as_a_person_joins_a_theatre(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "the/DET Lyric/PROPN Theatre/PROPN opened/VERB ./PUNCT the/DET Lyric/PROPN closed/VERB",
        ents={"Lyric Theatre": "ORG", "Lyric": "PERSON"},
    )
    ents = _entities(doc)
    assert set(ents) == {"Lyric Theatre"} and ents["Lyric Theatre"].type == ORGANIZATION


def test_a_name_whose_rest_says_more_than_its_kind_keeps_apart(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "BBC/PROPN News/PROPN said/VERB ./PUNCT the/DET BBC/PROPN agreed/VERB ./PUNCT "
        "Yukos/PROPN USA/PROPN sued/VERB ./PUNCT Yukos/PROPN won/VERB ./PUNCT",
        ents={"BBC News": "ORG", "BBC": "ORG", "Yukos USA": "ORG", "Yukos": "ORG"},
    )
    assert set(_entities(doc)) == {"BBC News", "BBC", "Yukos USA", "Yukos"}


def test_an_organisation_named_with_and_without_its_country_is_one(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "the/DET UK/PROPN Treasury/PROPN paid/VERB ./PUNCT the/DET Treasury/PROPN agreed/VERB",
        ents={"UK Treasury": "ORG", "Treasury": "ORG"},
    )
    ents = _entities(doc)
    assert len(ents) == 1 and {"UK Treasury", "Treasury"} <= {
        *ents,
        *next(iter(ents.values())).aliases,
    }


def test_a_name_turned_round_is_the_same_court(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "the/DET Court/PROPN of/ADP Appeal/PROPN ruled/VERB ./PUNCT "
        "the/DET Appeal/PROPN Court/PROPN agreed/VERB ./PUNCT",
    )
    ents = _entities(doc)
    assert set(ents) == {"Court of Appeal"} and "Appeal Court" in ents["Court of Appeal"].aliases


def test_initials_count_each_part_of_a_hyphenated_word_and_skip_the_country(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "the/DET National/PROPN Hi-Tech/PROPN Crime/PROPN Unit/PROPN acted/VERB ./PUNCT "
        "NHTCU/PROPN said/VERB ./PUNCT the/DET US/PROPN Federal/PROPN Trade/PROPN "
        "Commission/PROPN sued/VERB ./PUNCT FTC/PROPN said/VERB ./PUNCT",
        ents={"NHTCU": "ORG", "FTC": "ORG"},
    )
    ents = _entities(doc)
    assert set(ents) == {"National Hi-Tech Crime Unit", "US Federal Trade Commission"}
    assert "NHTCU" in ents["National Hi-Tech Crime Unit"].aliases
    assert "FTC" in ents["US Federal Trade Commission"].aliases


def test_a_plural_acronym_spelled_out_names_a_class_of_things(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "used/VERB on/ADP PDAs/PROPN (/PUNCT Personal/PROPN Digital/PROPN Assistants/PROPN )/PUNCT",
        ents={"Personal Digital Assistants": "ORG"},
    )
    assert _entities(doc) == {}


@pytest.mark.model
def test_letters_defined_for_an_organisation_are_it_wherever_they_stand(nlp):
    doc = nlp(
        "Director of UKIF Jane Smith said the UK Internet Forum (UKIF) would meet. "
        "The British Bankers' Association (BBA) agreed, and the BBA said so. "
        "Phones use Ultra Wideband (UWB) radio."
    )
    cands = find_candidates(doc)
    names = {e.name: set(e.aliases) for e in resolve_entities(doc, cands)}
    assert names["UK Internet Forum"] == {"UKIF"}
    assert names["British Bankers' Association"] == {"BBA"}
    # A technology's letters name no organisation.
    defined = {doc[c.start].text for c in cands if c.rule == "org:defined-acronym"}
    assert defined == {"UKIF", "BBA"}


def test_an_acronym_that_is_a_word_of_a_name_is_no_short_form_of_it(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "BBC/PROPN 3/NUM showed/VERB it/PRON ./PUNCT The/DET BBC/PROPN said/VERB so/ADV ./PUNCT",
        ents={"BBC 3": "ORG", "BBC": "ORG"},
    )
    assert set(_entities(doc)) == {"BBC 3", "BBC"}
