"""Candidate mentions from hand-built Docs: no trained model needed."""

from conftest import make_doc

from kg.extract.mentions import find_candidates
from kg.model import ORGANIZATION, PERSON


def _texts(doc, cands):
    return [(doc[c.start : c.end].text, c.type) for c in cands]


def test_role_title_is_stripped_from_a_name_and_kept(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Councillor/PROPN Mhairi/PROPN Hunter/PROPN said/VERB ./PUNCT",
        ents={"Councillor Mhairi Hunter": "PERSON"},
    )
    [cand] = find_candidates(doc)
    assert doc[cand.start : cand.end].text == "Mhairi Hunter"
    assert cand.titles == ("Councillor",)
    assert cand.type == PERSON


def test_courtesy_title_outside_the_span_is_noticed(blank_vocab):
    doc = make_doc(
        blank_vocab, "Ms/PROPN Hunter/PROPN said/VERB ./PUNCT", ents={"Hunter": "PERSON"}
    )
    [cand] = find_candidates(doc)
    assert cand.honorific == "Ms" and cand.titles == ()


def test_shouted_leading_the_is_not_part_of_an_organisation(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "THE/DET Home/PROPN Office/PROPN has/AUX admitted/VERB it/PRON ./PUNCT",
        ents={"THE Home Office": "ORG"},
    )
    assert _texts(doc, find_candidates(doc)) == [("Home Office", ORGANIZATION)]


def test_split_organisation_name_is_joined(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "He/PRON joined/VERB the/DET Medical/PROPN Foundation/PROPN for/ADP the/DET "
        "Care/PROPN of/ADP Victims/PROPN of/ADP Torture/PROPN ./PUNCT",
        ents={"Medical Foundation": "ORG", "Care of Victims of Torture": "ORG"},
    )
    assert _texts(doc, find_candidates(doc)) == [
        ("Medical Foundation for the Care of Victims of Torture", ORGANIZATION)
    ]


def test_organisation_found_by_its_head_word_without_the_model(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "A/DET paper/NOUN for/ADP the/DET Association/PROPN of/ADP Chief/PROPN "
        "Police/PROPN Officers/PROPN ./PUNCT",
    )
    assert _texts(doc, find_candidates(doc)) == [
        ("Association of Chief Police Officers", ORGANIZATION)
    ]


def test_party_words_name_their_party(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "The/DET Tories/PROPN and/CCONJ Lib/PROPN Dems/PROPN disagree/VERB ./PUNCT",
        ents={"Tories": "NORP", "Lib Dems": "PERSON"},
    )
    found = {(doc[c.start : c.end].text, c.canonical) for c in find_candidates(doc)}
    assert found == {("Tories", "Conservative Party"), ("Lib Dems", "Liberal Democrats")}


def test_party_adjective_opening_a_sentence_is_not_a_party_unless_a_proper_noun(blank_vocab):
    doc = make_doc(blank_vocab, "Conservative/ADJ estimates/NOUN vary/VERB ./PUNCT")
    assert find_candidates(doc) == []


def test_fragments_and_plurals_are_not_organisations(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "MPs/PROPN backed/VERB the/DET Home/PROPN Secretary/PROPN "
        "in/ADP the/DET House/PROPN ./PUNCT",
        ents={"MPs": "ORG", "Home": "ORG", "House": "ORG"},
    )
    assert find_candidates(doc) == []


def test_a_clause_opening_word_does_not_start_an_organisation(blank_vocab):
    doc = make_doc(
        blank_vocab,
        'said/VERB :/PUNCT "/PUNCT Within/ADP the/DET Home/PROPN Office/PROPN letter/NOUN ./PUNCT',
    )
    assert _texts(doc, find_candidates(doc)) == [("Home Office", ORGANIZATION)]


def test_acronym_led_name_is_an_organisation(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "The/DET cost/NOUN to/ADP NHS/PROPN Greater/PROPN Glasgow/PROPN and/CCONJ "
        "Clyde/PROPN rose/VERB ./PUNCT",
        ents={"Glasgow": "PERSON", "Clyde": "PERSON"},
    )
    assert _texts(doc, find_candidates(doc)) == [("NHS Greater Glasgow and Clyde", ORGANIZATION)]


def test_reserved_tokens_are_left_alone(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "The/DET Road/PROPN Safety/PROPN Bill/PROPN passed/VERB ./PUNCT",
        ents={"Road Safety Bill": "ORG"},
    )
    assert find_candidates(doc, reserved=[(1, 4)]) == []


def test_post_nominal_letters_close_a_personal_name(blank_vocab):
    # The model reads "Guy Mansfield QC" as an organisation; the letters are not the name.
    doc = make_doc(
        blank_vocab,
        "The/DET chairman/NOUN ,/PUNCT Guy/PROPN Mansfield/PROPN QC/PROPN warned/VERB ./PUNCT",
        ents={"Guy Mansfield QC": "ORG"},
    )
    [cand] = find_candidates(doc)
    assert doc[cand.start : cand.end].text == "Guy Mansfield"
    assert cand.type == PERSON


def test_party_and_post_are_not_post_nominal_names(blank_vocab):
    doc = make_doc(blank_vocab, "Labour/PROPN MP/PROPN spoke/VERB ./PUNCT", ents={"Labour": "ORG"})
    assert all(c.type != PERSON for c in find_candidates(doc))


def test_a_courtesy_title_ends_an_acronym_led_name(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "They/PRON told/VERB the/DET BBC/PROPN Mr/PROPN Howard/PROPN agreed/VERB ./PUNCT",
        ents={"BBC": "ORG", "Howard": "PERSON"},
    )
    found = {doc[c.start : c.end].text: c.type for c in find_candidates(doc)}
    assert found == {"BBC": ORGANIZATION, "Howard": PERSON}


def test_a_party_opening_a_sentence_is_the_party_when_the_model_sees_an_organisation(
    blank_vocab,
):
    doc = make_doc(
        blank_vocab,
        "Labour/ADJ campaign/NOUN spokesman/NOUN Fraser/PROPN Kemp/PROPN said/VERB so/ADV ./PUNCT",
        ents={"Labour": "ORG", "Fraser Kemp": "PERSON"},
    )
    [party] = [c for c in find_candidates(doc) if c.type == ORGANIZATION]
    assert party.canonical == "Labour Party"


def test_a_party_word_opening_a_sentence_as_an_adjective_is_not_the_party(blank_vocab):
    doc = make_doc(blank_vocab, "Conservative/ADJ estimates/NOUN rose/VERB ./PUNCT")
    assert find_candidates(doc) == []


def test_a_seat_after_for_is_not_part_of_the_name(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "He/PRON entered/VERB Parliament/PROPN for/ADP Sheffield/PROPN in/ADP 1987/NUM ./PUNCT",
        ents={"Sheffield": "GPE"},
    )
    names = {doc[c.start : c.end].text for c in find_candidates(doc)}
    assert "Parliament for Sheffield" not in names


def test_a_complement_after_for_that_is_no_place_is_part_of_the_name(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "The/DET Commission/PROPN for/ADP Racial/PROPN Equality/PROPN said/VERB so/ADV ./PUNCT",
    )
    names = {doc[c.start : c.end].text for c in find_candidates(doc)}
    assert names == {"Commission for Racial Equality"}


def test_a_name_with_figures_is_no_person(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "sent/VERB to/ADP Perm/PROPN 35/NUM ,/PUNCT a/DET camp/NOUN ./PUNCT",
        ents={"Perm 35": "PERSON"},
    )
    assert find_candidates(doc) == []
