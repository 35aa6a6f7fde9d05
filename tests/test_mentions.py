"""Candidate mentions from hand-built Docs: no trained model needed."""

from conftest import make_doc, parsed_doc

from kg.extract.mentions import find_candidates
from kg.model import ORGANIZATION, PERSON, PLACE


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


def test_a_name_the_party_word_was_cut_from_is_kept_without_it(blank_vocab):
    # The model reads "Dem Norman Baker" as one name after "Lib" ; "Lib Dem" is the party.
    doc = make_doc(
        blank_vocab,
        "Lib/PROPN Dem/PROPN Norman/PROPN Baker/PROPN said/VERB so/ADV ./PUNCT",
        ents={"Dem Norman Baker": "PERSON"},
    )
    assert _texts(doc, find_candidates(doc)) == [
        ("Lib Dem", ORGANIZATION),
        ("Norman Baker", PERSON),
    ]


def test_a_peer_keeps_his_seat_in_his_name(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "He/PRON met/VERB Lord/PROPN Irvine/PROPN of/ADP Lairg/PROPN ./PUNCT",
        ents={"Irvine": "PERSON", "Lairg": "GPE"},
    )
    [cand] = find_candidates(doc)
    assert doc[cand.start : cand.end].text == "Irvine of Lairg" and cand.honorific == "Lord"


def test_a_commoner_from_a_town_is_not_named_after_it(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "He/PRON met/VERB Mr/PROPN Irvine/PROPN of/ADP Leeds/PROPN ./PUNCT",
        ents={"Irvine": "PERSON", "Leeds": "GPE"},
    )
    assert _texts(doc, find_candidates(doc)) == [("Irvine", PERSON), ("Leeds", PLACE)]


def test_a_trade_opening_a_sentence_is_no_part_of_the_name(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Farmer/PROPN Geoff/PROPN Brooks/PROPN said/VERB so/ADV ./PUNCT",
        ents={"Farmer Geoff Brooks": "PERSON"},
    )
    [cand] = find_candidates(doc)
    assert doc[cand.start : cand.end].text == "Geoff Brooks" and cand.titles == ("Farmer",)


def test_a_two_word_name_that_starts_like_a_trade_is_left_whole(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Singer/PROPN Brooks/PROPN said/VERB so/ADV ./PUNCT",
        ents={"Singer Brooks": "PERSON"},
    )
    assert _texts(doc, find_candidates(doc)) == [("Singer Brooks", PERSON)]


def test_a_title_just_before_a_name_is_the_persons_role(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Councillor/PROPN Mhairi/PROPN Hunter/PROPN said/VERB so/ADV ./PUNCT",
        ents={"Mhairi Hunter": "PERSON"},
    )
    [cand] = find_candidates(doc)
    assert cand.titles == ("Councillor",) and cand.title_start == 0


def test_a_title_ending_a_longer_post_is_left_to_the_post(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "the/DET Home/PROPN Secretary/PROPN Charles/PROPN Clarke/PROPN said/VERB ./PUNCT",
        ents={"Charles Clarke": "PERSON"},
    )
    [cand] = [c for c in find_candidates(doc) if c.type == PERSON]
    assert cand.titles == ()


def test_a_courtesy_title_makes_an_organisation_reading_a_person(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Lord/PROPN Goldsmith/PROPN advised/VERB the/DET Prince/PROPN 's/PART Trust/PROPN ./PUNCT",
        ents={"Lord Goldsmith": "ORG"},
    )
    assert _texts(doc, find_candidates(doc))[0] == ("Goldsmith", PERSON)


def test_a_spaced_dash_and_a_doubled_word_end_and_open_no_name(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "bought/VERB Yugansk/PROPN -/PUNCT the/DET unit/NOUN ./PUNCT "
        "But/CCONJ British/ADJ British/ADJ Casino/PROPN Association/PROPN said/VERB ./PUNCT",
        ents={"Yugansk - the unit": "ORG"},
    )
    names = [t for t, _ in _texts(doc, find_candidates(doc))]
    assert names == ["Yugansk", "British Casino Association"]


def test_an_adjective_opening_a_post_after_an_organisation_belongs_to_the_post(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "BBC/PROPN Political/PROPN Correspondent/PROPN James/PROPN Hardy/PROPN said/VERB ./PUNCT "
        "Financial/PROPN Times/PROPN Editor/PROPN Ann/PROPN Lee/PROPN said/VERB ./PUNCT",
        ents={
            "BBC Political": "ORG",
            "James Hardy": "PERSON",
            "Financial Times": "ORG",
            "Ann Lee": "PERSON",
        },
    )
    orgs = [t for t, type_ in _texts(doc, find_candidates(doc)) if type_ == ORGANIZATION]
    assert orgs == ["BBC", "Financial Times"]


def test_a_bills_title_is_no_person(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "The/DET Crossrail/PROPN Link/PROPN Bill/PROPN failed/VERB ./PUNCT",
        ents={"Crossrail Link Bill": "PERSON"},
    )
    assert find_candidates(doc) == []


def test_a_party_name_inside_a_longer_name_is_that_name(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "a/DET Stevenage/PROPN Labour/PROPN Party/PROPN newsletter/NOUN and/CCONJ "
        "the/DET Labour/PROPN Party/PROPN ./PUNCT",
    )
    found = [(doc[c.start : c.end].text, c.canonical) for c in find_candidates(doc)]
    assert found == [("Stevenage Labour Party", ""), ("Labour Party", "Labour Party")]


def test_a_units_name_opens_with_its_number_and_may_hold_a_misread_person(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "troops/NOUN from/ADP the/DET 2nd/ADJ Battalion/PROPN Royal/PROPN Gurkha/PROPN "
        "Rifles/PROPN arrived/VERB ./PUNCT",
        ents={"Royal Gurkha Rifles": "PERSON"},
    )
    assert _texts(doc, find_candidates(doc)) == [
        ("2nd Battalion Royal Gurkha Rifles", ORGANIZATION)
    ]


def test_a_persons_name_before_other_capitalised_words_keeps_the_run_apart(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "said/VERB Tony/PROPN Blair/PROPN Labour/PROPN Party/PROPN leader/NOUN ./PUNCT",
        ents={"Tony Blair": "PERSON"},
    )
    assert ("Tony Blair", PERSON) in _texts(doc, find_candidates(doc))


def test_words_around_a_name_the_model_missed_say_it_is_an_organisation(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "according/VERB to/ADP technology/NOUN analysts/NOUN IDC/PROPN ./PUNCT "
        "Many/ADJ BT/PROPN customers/NOUN agreed/VERB ./PUNCT",
    )
    assert _texts(doc, find_candidates(doc)) == [("IDC", ORGANIZATION), ("BT", ORGANIZATION)]


def test_a_product_or_a_single_analyst_is_no_organisation(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "PS2/PROPN sales/NOUN rose/VERB ,/PUNCT said/VERB analyst/NOUN Jo/PROPN ./PUNCT",
    )
    assert find_candidates(doc) == []


def test_letters_that_speak_are_an_organisation(blank_vocab):
    doc = parsed_doc(
        blank_vocab,
        "the/DET/DT/det/1 RSPCA/PROPN/NNP/nsubj/2 say/VERB/VBP/ROOT/2 "
        "TV/NOUN/NN/nsubj/4 matters/VERB/VBZ/ccomp/2",
    )
    assert _texts(doc, find_candidates(doc)) == [("RSPCA", ORGANIZATION)]


def test_a_person_the_model_missed_is_found_where_the_sentence_presents_one(blank_vocab):
    doc = parsed_doc(
        blank_vocab,
        "the/DET/DT/det/1 minister/NOUN/NN/nsubj/6 ,/PUNCT/,/punct/1 Theresa/PROPN/NNP/compound/4 "
        "May/PROPN/NNP/appos/1 ,/PUNCT/,/punct/1 said/VERB/VBD/ROOT/6",
    )
    assert _texts(doc, find_candidates(doc)) == [("Theresa May", PERSON)]


def test_two_capitalised_words_set_off_by_commas_without_a_given_name_are_no_person(
    blank_vocab,
):
    doc = parsed_doc(
        blank_vocab,
        "the/DET/DT/det/1 film/NOUN/NN/nsubj/6 ,/PUNCT/,/punct/1 Garden/PROPN/NNP/compound/4 "
        "State/PROPN/NNP/appos/1 ,/PUNCT/,/punct/1 won/VERB/VBD/ROOT/6",
    )
    assert find_candidates(doc) == []


def test_a_committee_named_in_lower_case_after_its_house_is_an_organisation(blank_vocab):
    doc = parsed_doc(
        blank_vocab,
        "a/DET/DT/det/1 paper/NOUN/NN/ROOT/1 for/ADP/IN/prep/1 the/DET/DT/det/8 "
        "Commons/PROPN/NNP/compound/8 home/NOUN/NN/compound/6 affairs/NOUN/NNS/compound/8 "
        "select/PROPN/NNP/compound/8 committee/NOUN/NN/pobj/2 ./PUNCT/./punct/1",
    )
    doc.set_ents([doc.char_span(doc[4].idx, doc[4].idx + 7, label="ORG")])
    assert _texts(doc, find_candidates(doc)) == [
        ("Commons home affairs select committee", ORGANIZATION)
    ]


def test_a_committee_of_no_remit_or_outside_the_phrase_is_not_named(blank_vocab):
    doc = parsed_doc(
        blank_vocab,
        "the/DET/DT/det/1 Commons/PROPN/NNP/nsubj/2 told/VERB/VBD/ROOT/2 "
        "the/DET/DT/det/5 select/ADJ/JJ/amod/5 committee/NOUN/NN/dobj/2 "
        "and/CCONJ/CC/cc/2 voters/NOUN/NNS/nsubj/9 ./PUNCT/./punct/2 "
        "Lords/PROPN/NNP/nsubj/11 urged/VERB/VBD/ROOT/11 ministers/NOUN/NNS/dobj/11 "
        "committee/NOUN/NN/dobj/11 ./PUNCT/./punct/11",
    )
    assert all(c.rule != "org:committee" for c in find_candidates(doc))


def test_a_posts_possessive_before_a_head_word_is_inside_the_name(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "for/ADP the/DET Information/PROPN Commissioner/PROPN 's/PART Office/PROPN said/VERB "
        "./PUNCT Columbia/PROPN 's/PART Court/PROPN agreed/VERB ./PUNCT",
        ents={"Columbia": "ORG"},
    )
    texts = _texts(doc, find_candidates(doc))
    assert ("Information Commissioner 's Office", ORGANIZATION) in texts
    assert not any("Columbia 's" in text for text, _ in texts)


def test_a_name_after_a_person_and_of_is_the_body_they_speak_for(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Laura/PROPN Brownlees/PROPN of/ADP Save/PROPN the/DET Children/PROPN said/VERB "
        "so/ADV ./PUNCT Ann/PROPN Lee/PROPN of/ADP Camberley/PROPN agreed/VERB ./PUNCT",
        ents={"Laura Brownlees": "PERSON", "Ann Lee": "PERSON"},
    )
    assert _texts(doc, find_candidates(doc)) == [
        ("Laura Brownlees", PERSON),
        ("Save the Children", ORGANIZATION),
        ("Ann Lee", PERSON),
    ]


def _acting(vocab, spec):
    doc = parsed_doc(vocab, spec)
    return [doc[c.start : c.end].text for c in find_candidates(doc) if c.type == ORGANIZATION]


def test_letters_that_speak_or_act_after_the_are_an_organisation(blank_vocab):
    assert _acting(
        blank_vocab,
        "the/DET/DT/det/1 TUC/PROPN/NNP/nsubj/3 has/AUX/VBZ/aux/3 called/VERB/VBN/ROOT/3 "
        "./PUNCT/./punct/3 BT/PROPN/NNP/nsubj/6 said/VERB/VBD/ROOT/6 so/ADV/RB/advmod/6 "
        "./PUNCT/./punct/6 MI5/PROPN/NNP/nsubj/10 told/VERB/VBD/ROOT/10 us/PRON/PRP/dobj/10",
    ) == ["TUC", "BT", "MI5"]


def test_a_posts_letters_and_two_letters_after_the_are_no_organisation(blank_vocab):
    assert (
        _acting(
            blank_vocab,
            "the/DET/DT/det/1 DJ/PROPN/NNP/nsubj/2 said/VERB/VBD/ROOT/2 ./PUNCT/./punct/2 "
            "the/DET/DT/det/5 MP/PROPN/NNP/nsubj/6 said/VERB/VBD/ROOT/6 ./PUNCT/./punct/6 "
            "the/DET/DT/det/9 VCR/PROPN/NNP/nsubj/10 was/AUX/VBD/ROOT/10 old/ADJ/JJ/acomp/10",
        )
        == []
    )


def test_a_leader_after_letters_makes_them_an_organisation(blank_vocab):
    doc = make_doc(blank_vocab, "BNP/PROPN leader/NOUN Nick/PROPN Griffin/PROPN spoke/VERB ./PUNCT")
    assert ("BNP", ORGANIZATION) in _texts(doc, find_candidates(doc))


def test_and_ends_a_name_an_acronym_leads(blank_vocab):
    doc = make_doc(
        blank_vocab, "against/ADP the/DET IRA/PROPN and/CCONJ the/DET INLA/PROPN ./PUNCT"
    )
    assert all(doc[c.start : c.end].text != "IRA and" for c in find_candidates(doc))


def test_and_the_or_and_between_two_headed_names_joins_two_organisations(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "the/DET Treasury/PROPN and/CCONJ the/DET Department/PROPN of/ADP Employment/PROPN "
        "met/VERB the/DET Medical/PROPN Research/PROPN Council/PROPN and/CCONJ Cancer/PROPN "
        "Research/PROPN Fund/PROPN ./PUNCT The/DET Department/PROPN for/ADP Work/PROPN "
        "and/CCONJ Pensions/PROPN and/CCONJ Investors/PROPN Bank/PROPN and/CCONJ Trust/PROPN "
        "agreed/VERB ./PUNCT",
        ents={"Medical Research Council and Cancer Research Fund": "ORG"},
    )
    orgs = [t for t, type_ in _texts(doc, find_candidates(doc)) if type_ == ORGANIZATION]
    assert orgs == [
        "Department of Employment",
        "Medical Research Council",
        "Cancer Research Fund",
        "Department for Work and Pensions",
        "Investors Bank and Trust",
    ]
