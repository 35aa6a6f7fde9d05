"""Posts and affiliations (kg.extract.roles): each shape, and the near miss it must not take."""

from __future__ import annotations

import pytest
from conftest import SEEDS, entity, make_doc, parsed_doc

from kg.extract.names import name_key
from kg.extract.roles.lexicon import role_lexicon, words_of
from kg.extract.roles.roles import find_affiliations
from kg.model import ORGANIZATION, PERSON, PLACE, Entity, Mention


def _entities(doc, names: dict[str, str]) -> list[Entity]:
    """One entity per name, with a mention at each place its surface forms occur.

    `names` maps "Canonical Name|other form|..." to the entity type.
    """
    out = []
    for forms, type_ in names.items():
        canonical, *others = forms.split("|")
        mentions = []
        for form in [canonical, *others]:
            start = doc.text.find(form)
            while start >= 0:
                end = start + len(form)
                if doc.char_span(start, end) is not None:
                    mentions.append(Mention(start, end, form, type_, "test", 0.9))
                start = doc.text.find(form, end)
        assert mentions, f"{forms!r} not in {doc.text!r}"
        out.append(
            Entity(
                type_,
                canonical,
                name_key(canonical, person=type_ == PERSON),
                tuple(sorted(mentions, key=lambda m: m.start)),
                tuple(others),
            )
        )
    return out


def _find(blank_vocab, spec: str, names: dict[str, str], ents: dict[str, str] | None = None):
    doc = make_doc(blank_vocab, spec, ents=ents)
    return doc, find_affiliations(doc, _entities(doc, names))


def _pairs(doc, affiliations):
    return {(a.person, a.organization, a.role) for a in affiliations}


# ---------------------------------------------------------------- a title before the name


def test_title_before_name_names_the_organisation_it_leads(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Police/PROPN Federation/PROPN chairman/NOUN Jan/PROPN Berry/PROPN said/VERB ./PUNCT",
        {"Jan Berry": PERSON, "Police Federation": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("jan berry", "police federation", "chairman")}
    assert found[0].head and not found[0].office
    assert doc.text[found[0].start : found[0].end] == "Police Federation chairman Jan Berry"


def test_organisation_and_person_in_one_sentence_are_not_linked(blank_vocab):
    _, found = _find(
        blank_vocab,
        "Jan/PROPN Berry/PROPN criticised/VERB the/DET Police/PROPN Federation/PROPN ./PUNCT",
        {"Jan Berry": PERSON, "Police Federation": ORGANIZATION},
    )
    assert found == []


def test_a_word_that_is_not_a_post_is_no_role(blank_vocab):
    _, found = _find(
        blank_vocab,
        "coma/NOUN victim/NOUN Tony/PROPN Bland/PROPN died/VERB ./PUNCT",
        {"Tony Bland": PERSON},
    )
    assert found == []


def test_office_without_organisation_is_a_post(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Home/PROPN Secretary/PROPN Charles/PROPN Clarke/PROPN said/VERB ./PUNCT",
        {"Charles Clarke": PERSON},
    )
    assert _pairs(doc, found) == {("charles clarke", "", "Home Secretary")}
    assert found[0].office and not found[0].head


def test_shadow_office_keeps_shadow_even_when_tagged_a_verb(blank_vocab):
    _, found = _find(
        blank_vocab,
        "shadow/VERB home/NOUN secretary/NOUN David/PROPN Davis/PROPN said/VERB ./PUNCT",
        {"David Davis": PERSON},
    )
    assert [a.role for a in found] == ["shadow home secretary"]
    assert found[0].office


def test_former_post_is_not_held(blank_vocab):
    _, found = _find(
        blank_vocab,
        "former/ADJ home/NOUN secretary/NOUN David/PROPN Blunkett/PROPN said/VERB ./PUNCT",
        {"David Blunkett": PERSON},
    )
    assert [a.role for a in found] == ["former home secretary"]
    assert not found[0].office


def test_party_adjective_stays_in_the_role_and_names_the_party(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Tory/PROPN leader/NOUN Michael/PROPN Howard/PROPN said/VERB ./PUNCT",
        {"Michael Howard": PERSON, "Conservative Party|Tory": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("michael howard", "conservative party", "Tory leader")}
    assert found[0].head


def test_party_word_the_mention_finder_missed_still_names_the_party(blank_vocab):
    # "Tory" is not a mention here, but the article names the party as "Tories".
    doc, found = _find(
        blank_vocab,
        "Tory/ADJ leader/NOUN Michael/PROPN Howard/PROPN spoke/VERB to/ADP Tories/PROPN ./PUNCT",
        {"Michael Howard": PERSON, "Conservative Party|Tories": ORGANIZATION},
    )
    assert ("michael howard", "conservative party", "Tory leader") in _pairs(doc, found)


def test_subordinate_post_does_not_lead(blank_vocab):
    _, found = _find(
        blank_vocab,
        "Lib/PROPN Dem/PROPN home/NOUN affairs/NOUN spokesman/NOUN Mark/PROPN Oaten/PROPN "
        "said/VERB ./PUNCT",
        {"Mark Oaten": PERSON, "Liberal Democrats|Lib Dem": ORGANIZATION},
    )
    assert [(a.organization, a.role, a.head) for a in found] == [
        ("liberal democrats", "Lib Dem home affairs spokesman", False)
    ]


def test_two_posts_joined_by_and_are_not_one(blank_vocab):
    _, found = _find(
        blank_vocab,
        "host/NOUN and/CCONJ East/PROPN Midlands/PROPN MEP/PROPN Robert/PROPN Kilroy/PROPN "
        "said/VERB ./PUNCT",
        {"Robert Kilroy": PERSON},
    )
    assert [a.role for a in found] == ["East Midlands MEP"]


# ---------------------------------------------------------------- comma before the name


def test_post_then_comma_then_name(blank_vocab):
    _, found = _find(
        blank_vocab,
        "The/DET motion/NOUN was/AUX proposed/VERB by/ADP city/NOUN convener/NOUN for/ADP "
        "health/NOUN and/CCONJ social/ADJ care/NOUN ,/PUNCT Mhairi/PROPN Hunter/PROPN ./PUNCT",
        {"Mhairi Hunter": PERSON},
    )
    assert [a.role for a in found] == ["city convener for health and social care"]


def test_object_before_a_comma_is_not_the_subjects_post(blank_vocab):
    _, found = _find(
        blank_vocab,
        "After/ADP meeting/VERB the/DET prime/ADJ minister/NOUN ,/PUNCT John/PROPN Smith/PROPN "
        "said/VERB no/DET ./PUNCT",
        {"John Smith": PERSON},
    )
    assert found == []


def test_post_opening_the_sentence_may_leave_out_the_closing_comma(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "The/DET chairman/NOUN of/ADP the/DET Zenda/PROPN Trust/PROPN ,/PUNCT Jo/PROPN "
        "Bloggs/PROPN QC/PROPN has/AUX warned/VERB of/ADP risks/NOUN ./PUNCT",
        {"Jo Bloggs": PERSON, "Zenda Trust": ORGANIZATION},
    )
    assert ("jo bloggs", "zenda trust", "chairman") in _pairs(doc, found)


def test_a_post_after_other_words_needs_its_closing_comma(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "After/ADP talks/NOUN with/ADP the/DET chairman/NOUN of/ADP the/DET Zenda/PROPN "
        "Trust/PROPN ,/PUNCT Jo/PROPN Bloggs/PROPN said/VERB no/DET ./PUNCT",
        {"Jo Bloggs": PERSON, "Zenda Trust": ORGANIZATION},
    )
    assert _pairs(doc, found) == set()


def test_post_comma_name_may_carry_a_post_nominal_before_the_closing_comma(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "The/DET Zenda/PROPN finance/NOUN spokesman/NOUN ,/PUNCT Jo/PROPN Bloggs/PROPN "
        "MSP/PROPN ,/PUNCT said/VERB no/DET ./PUNCT",
        {"Jo Bloggs": PERSON, "Zenda": ORGANIZATION},
    )
    assert ("jo bloggs", "zenda", "finance spokesman") in _pairs(doc, found)


def test_post_then_rank_then_name_each_set_off_by_commas(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "The/DET head/NOUN of/ADP the/DET ZCU/PROPN ,/PUNCT Acting/PROPN Chief/PROPN "
        "Superintendent/PROPN ,/PUNCT Jo/PROPN Bloggs/PROPN ,/PUNCT said/VERB no/DET ./PUNCT",
        {"Jo Bloggs": PERSON, "ZCU": ORGANIZATION},
    )
    assert ("jo bloggs", "zcu", "head") in _pairs(doc, found)


# ---------------------------------------------------------------- after the name


def test_a_portfolio_holding_and_is_one_post(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Jo/PROPN Bloggs/PROPN ,/PUNCT Zenda/PROPN shadow/ADJ work/NOUN and/CCONJ "
        "pensions/NOUN secretary/NOUN ,/PUNCT said/VERB no/DET ./PUNCT",
        {"Jo Bloggs": PERSON, "Zenda": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("jo bloggs", "zenda", "shadow work and pensions secretary")}
    # Two posts joined by "and" are still no one post.
    doc, found = _find(
        blank_vocab,
        "Jo/PROPN Bloggs/PROPN ,/PUNCT a/DET lawyer/NOUN and/CCONJ an/DET MP/PROPN ,/PUNCT "
        "said/VERB no/DET ./PUNCT",
        {"Jo Bloggs": PERSON},
    )
    assert found == []


def test_appositive_names_the_organisation_after_for(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Andrew/PROPN Hogg/PROPN ,/PUNCT spokesman/NOUN for/ADP the/DET Medical/PROPN "
        "Foundation/PROPN ,/PUNCT said/VERB no/DET ./PUNCT",
        {"Andrew Hogg": PERSON, "Medical Foundation": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("andrew hogg", "medical foundation", "spokesman")}


def test_appositive_listing_another_person_is_not_a_post(blank_vocab):
    _, found = _find(
        blank_vocab,
        "Gordon/PROPN Brown/PROPN ,/PUNCT Labour/PROPN leader/NOUN Tony/PROPN Blair/PROPN "
        "and/CCONJ others/NOUN met/VERB ./PUNCT",
        {"Gordon Brown": PERSON, "Tony Blair": PERSON, "Labour Party|Labour": ORGANIZATION},
    )
    assert {a.person for a in found} == {"tony blair"}


def test_post_for_a_person_keeps_no_organisation(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Gareth/PROPN Peirce/PROPN ,/PUNCT lawyer/NOUN for/ADP Mr/PROPN Begg/PROPN ,/PUNCT "
        "said/VERB no/DET ./PUNCT",
        {"Gareth Peirce": PERSON, "Azmat Begg|Begg": PERSON},
    )
    assert _pairs(doc, found) == {("gareth peirce", "", "lawyer")}


def test_seat_after_mp_for_is_not_an_organisation(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Tony/PROPN Banks/PROPN ,/PUNCT Labour/PROPN MP/PROPN for/ADP West/PROPN Ham/PROPN "
        ",/PUNCT said/VERB no/DET ./PUNCT",
        {"Tony Banks": PERSON, "Labour Party|Labour": ORGANIZATION, "West Ham": ORGANIZATION},
    )
    assert {a.organization for a in found} == {"labour party"}


def test_the_council_resolves_to_the_council_named_before(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "The/DET Muslim/PROPN Council/PROPN of/ADP Britain/PROPN urged/VERB calm/NOUN ./PUNCT "
        '"/PUNCT Enough/ADJ "/PUNCT said/VERB Iqbal/PROPN Sacranie/PROPN ,/PUNCT '
        "secretary/NOUN general/NOUN of/ADP the/DET council/NOUN ./PUNCT",
        {"Iqbal Sacranie": PERSON, "Muslim Council of Britain": ORGANIZATION},
    )
    assert _pairs(doc, found) == {
        ("iqbal sacranie", "muslim council of britain", "secretary general")
    }
    assert found[0].head


def test_the_council_with_no_council_named_links_nothing(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "The/DET Home/PROPN Office/PROPN agreed/VERB ./PUNCT Iqbal/PROPN Sacranie/PROPN ,/PUNCT "
        "secretary/NOUN general/NOUN of/ADP the/DET council/NOUN ,/PUNCT agreed/VERB ./PUNCT",
        {"Iqbal Sacranie": PERSON, "Home Office": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("iqbal sacranie", "", "secretary general")}


def test_of_organisation_without_a_post(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Rhian/PROPN Beynon/PROPN of/ADP the/DET JCWI/PROPN said/VERB no/DET ./PUNCT",
        {"Rhian Beynon": PERSON, "Joint Council|JCWI": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("rhian beynon", "joint council", "")}


def test_of_organisation_after_a_places_possessive_or_before_its_kind(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Jo/PROPN Bloggs/PROPN ,/PUNCT from/ADP the/DET UK/PROPN 's/PART Zenda/PROPN "
        "Watch/PROPN ,/PUNCT said/VERB no/DET ./PUNCT",
        {"Jo Bloggs": PERSON, "Zenda Watch": ORGANIZATION, "UK": PLACE},
    )
    assert _pairs(doc, found) == {("jo bloggs", "zenda watch", "")}
    doc, found = _find(
        blank_vocab,
        "said/VERB Jo/PROPN Bloggs/PROPN of/ADP Zenda/PROPN bank/NOUN in/ADP Tokyo/PROPN ./PUNCT",
        {"Jo Bloggs": PERSON, "Zenda": ORGANIZATION, "Tokyo": PLACE},
    )
    assert _pairs(doc, found) == {("jo bloggs", "zenda", "")}


def test_of_organisation_going_on_as_a_noun_phrase_is_not_membership(blank_vocab):
    _, found = _find(
        blank_vocab,
        "a/DET letter/NOUN from/ADP Rhian/PROPN Beynon/PROPN to/ADP the/DET JCWI/PROPN "
        "arrived/VERB ./PUNCT",
        {"Rhian Beynon": PERSON, "Joint Council|JCWI": ORGANIZATION},
    )
    assert found == []


def test_for_the_party_between_commas(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Mark/PROPN Oaten/PROPN ,/PUNCT for/ADP the/DET Liberal/PROPN Democrats/PROPN ,/PUNCT "
        "said/VERB no/DET ./PUNCT",
        {"Mark Oaten": PERSON, "Liberal Democrats": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("mark oaten", "liberal democrats", "")}


def test_who_chairs_leads(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Ms/PROPN Dunwoody/PROPN ,/PUNCT who/PRON chairs/VERB the/DET Transport/PROPN "
        "Committee/PROPN ,/PUNCT says/VERB no/DET ./PUNCT",
        {"Gwyneth Dunwoody|Dunwoody": PERSON, "Transport Committee": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("gwyneth dunwoody", "transport committee", "chair")}
    assert found[0].head


def test_who_criticised_is_no_post(blank_vocab):
    _, found = _find(
        blank_vocab,
        "Ms/PROPN Dunwoody/PROPN ,/PUNCT who/PRON criticised/VERB the/DET Transport/PROPN "
        "Committee/PROPN ,/PUNCT says/VERB no/DET ./PUNCT",
        {"Gwyneth Dunwoody|Dunwoody": PERSON, "Transport Committee": ORGANIZATION},
    )
    assert found == []


# ---------------------------------------------------------------- across sentences

_SPOKE = (
    "The/DET AA/PROPN Trust/PROPN said/VERB it/PRON was/AUX unsure/ADJ ./PUNCT "
    "Road/NOUN safety/NOUN head/NOUN Andrew/PROPN Howard/PROPN said/VERB so/ADV ./PUNCT"
)


def test_spokesperson_right_after_the_organisation_spoke_speaks_for_it(blank_vocab):
    doc, found = _find(blank_vocab, _SPOKE, {"Andrew Howard": PERSON, "AA Trust": ORGANIZATION})
    assert _pairs(doc, found) == {("andrew howard", "aa trust", "Road safety head")}
    assert found[0].rule == "role:speaks-for-previous" and not found[0].head


def test_spokesperson_after_an_organisation_that_did_not_speak_stands_alone(blank_vocab):
    spec = _SPOKE.replace("said/VERB it/PRON was/AUX unsure/ADJ", "lost/VERB it/PRON all/DET")
    doc, found = _find(blank_vocab, spec, {"Andrew Howard": PERSON, "AA Trust": ORGANIZATION})
    assert _pairs(doc, found) == {("andrew howard", "", "Road safety head")}


_COUNCILLOR = (
    "Glasgow/PROPN City/PROPN Council/PROPN agreed/VERB ./PUNCT Councillor/PROPN "
    "Mhairi/PROPN Hunter/PROPN said/VERB so/ADV ./PUNCT"
)


def test_councillor_sits_on_the_one_local_council_named(blank_vocab):
    doc, found = _find(
        blank_vocab, _COUNCILLOR, {"Mhairi Hunter": PERSON, "Glasgow City Council": ORGANIZATION}
    )
    assert _pairs(doc, found) == {("mhairi hunter", "glasgow city council", "Councillor")}


def test_councillor_with_two_councils_named_has_no_council(blank_vocab):
    spec = _COUNCILLOR.replace("agreed/VERB", "and/CCONJ Brent/PROPN Council/PROPN agreed/VERB")
    doc, found = _find(
        blank_vocab,
        spec,
        {
            "Mhairi Hunter": PERSON,
            "Glasgow City Council": ORGANIZATION,
            "Brent Council": ORGANIZATION,
        },
    )
    assert _pairs(doc, found) == {("mhairi hunter", "", "Councillor")}


def test_dates_and_places_before_a_name(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Glasgow/PROPN councillor/NOUN Mhairi/PROPN Hunter/PROPN said/VERB ./PUNCT",
        {"Mhairi Hunter": PERSON, "Glasgow": PLACE},
    )
    assert [a.role for a in found] == ["Glasgow councillor"]


# ---------------------------------------------------------------- the lexicon


@pytest.mark.parametrize(
    ("post", "office"),
    [
        ("Home Secretary", True),
        ("shadow home secretary", True),
        ("immigration minister", True),
        ("Minister for Europe", True),
        ("Secretary of State for Health", True),
        ("Prime Minister", True),
        ("political editor", False),
        ("Home Office minister", False),
        ("spokesman", False),
    ],
)
def test_offices(post, office):
    assert role_lexicon().is_office(words_of(post)) is office


def test_acronym_posts_count_only_in_capitals():
    lexicon = role_lexicon()
    assert lexicon.post_length(["Labour", "MP"]) == 1
    assert lexicon.post_length(["am"]) == 0


# ---------------------------------------------------------------- the real model


@pytest.mark.model
def test_seed_article_councillor_and_convener(nlp):
    from kg.extract.article import extract
    from kg.model import Article

    text = sorted(SEEDS.glob("000_*.txt"))[0].read_text(encoding="utf-8")
    x = extract(nlp(text), Article(id="seed", text=text))
    hunter = {(a.organization, a.role) for a in x.affiliations if a.person == "mhairi hunter"}
    assert ("", "city convener for health and social care integration") in hunter
    assert ("glasgow city council", "Councillor") in hunter
    # The Home Office is named in her sentence but she does not work for it.
    assert not any(a.organization == "home office" for a in x.affiliations)


@pytest.mark.model
def test_real_parse_of_title_and_appositive(nlp):
    from kg.extract.article import extract
    from kg.model import Article

    text = (
        "Police Federation chairman Jan Berry said the plan was wrong. "
        "Andrew Hogg, spokesman for the Medical Foundation, said he agreed."
    )
    x = extract(nlp(text), Article(id="t", text=text))
    got = {(a.person, a.organization, a.role) for a in x.affiliations}
    assert ("jan berry", "police federation", "chairman") in got
    assert ("andrew hogg", "medical foundation", "spokesman") in got


# ---------------------------------------------------------------- frames around the name


def test_plural_post_is_a_post(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "David/PROPN Mercer/PROPN ,/PUNCT analysts/NOUN with/ADP Strategy/PROPN "
        "Analytics/PROPN ,/PUNCT said/VERB so/ADV ./PUNCT",
        {"David Mercer": PERSON, "Strategy Analytics": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("david mercer", "strategy analytics", "analysts")}


def test_occupations_are_posts_and_their_neighbours_are_not(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "playwright/NOUN Martin/PROPN Lynch/PROPN and/CCONJ rival/NOUN Gary/PROPN "
        "Mitchell/PROPN met/VERB ./PUNCT",
        {"Martin Lynch": PERSON, "Gary Mitchell": PERSON},
    )
    assert _pairs(doc, found) == {("martin lynch", "", "playwright")}


def test_party_name_alone_before_a_name_is_membership(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Liberal/PROPN Democrat/PROPN Alan/PROPN Beith/PROPN said/VERB so/ADV ./PUNCT",
        {"Alan Beith": PERSON, "Liberal Democrats|Liberal Democrat": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("alan beith", "liberal democrats", "")}
    assert found[0].rule == "role:party-before-name"


def test_other_organisation_alone_before_a_name_is_not_membership(blank_vocab):
    _, found = _find(
        blank_vocab,
        "the/DET Microsoft/PROPN Bill/PROPN Gates/PROPN said/VERB so/ADV ./PUNCT",
        {"Bill Gates": PERSON, "Microsoft": ORGANIZATION},
    )
    assert found == []


def test_a_persons_organisation_by_the_possessive(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "a/DET member/NOUN of/ADP Cherie/PROPN Blair/PROPN 's/PART Matrix/PROPN "
        "Chambers/PROPN ./PUNCT",
        {"Cherie Blair": PERSON, "Matrix Chambers": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("cherie blair", "matrix chambers", "")}
    # "Cherie Blair's view of Matrix Chambers": the possessive owns something else.
    _, found = _find(
        blank_vocab,
        "Cherie/PROPN Blair/PROPN 's/PART view/NOUN of/ADP Matrix/PROPN Chambers/PROPN ./PUNCT",
        {"Cherie Blair": PERSON, "Matrix Chambers": ORGANIZATION},
    )
    assert found == []


def test_post_written_after_the_name(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "a/DET book/NOUN by/ADP Philippe/PROPN Sands/PROPN QC/PROPN ./PUNCT",
        {"Philippe Sands": PERSON},
    )
    assert _pairs(doc, found) == {("philippe sands", "", "QC")}
    # Only as written in capitals: "Sands qc" is no post.
    _, found = _find(
        blank_vocab,
        "a/DET book/NOUN by/ADP Philippe/PROPN Sands/PROPN qc/NOUN ./PUNCT",
        {"Philippe Sands": PERSON},
    )
    assert found == []


def test_a_descriptor_between_the_preposition_and_the_organisation(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Lisa/PROPN Power/PROPN ,/PUNCT head/NOUN of/ADP policy/NOUN at/ADP Aids/PROPN "
        "charity/NOUN the/DET Terrence/PROPN Higgins/PROPN Trust/PROPN ,/PUNCT said/VERB ./PUNCT",
        {"Lisa Power": PERSON, "Terrence Higgins Trust": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("lisa power", "terrence higgins trust", "head of policy")}
    assert not found[0].head  # the head of a policy team, not of the Trust
    # Descriptor words that end in no common noun describe nothing: "for British Astra".
    doc, found = _find(
        blank_vocab,
        "Alex/PROPN Oud/PROPN ,/PUNCT director/NOUN for/ADP British/ADJ Astra/PROPN ,/PUNCT "
        "said/VERB ./PUNCT",
        {"Alex Oud": PERSON, "Astra": ORGANIZATION},
    )
    assert {a.organization for a in found} == {""}


def test_a_division_of_an_organisation_is_the_organisations(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Martin/PROPN Larsson/PROPN ,/PUNCT general/ADJ manager/NOUN of/ADP Toshiba/PROPN "
        "'s/PART storage/NOUN division/NOUN ,/PUNCT said/VERB ./PUNCT",
        {"Martin Larsson": PERSON, "Toshiba": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("martin larsson", "toshiba", "general manager")}


def test_a_short_name_in_capitals_is_the_one_organisation_it_can_mean(blank_vocab):
    spec = (
        "The/DET Committee/PROPN to/ADP Protect/PROPN Bloggers/PROPN met/VERB ./PUNCT "
        "Curt/PROPN Hopkins/PROPN ,/PUNCT director/NOUN of/ADP the/DET Committee/PROPN "
        ",/PUNCT said/VERB ./PUNCT"
    )
    names = {"Curt Hopkins": PERSON, "Committee to Protect Bloggers": ORGANIZATION}
    doc, found = _find(blank_vocab, spec, names)
    assert _pairs(doc, found) == {("curt hopkins", "committee to protect bloggers", "director")}
    two = spec.replace("met/VERB", "and/CCONJ the/DET Select/PROPN Committee/PROPN met/VERB")
    doc, found = _find(blank_vocab, two, {**names, "Select Committee": ORGANIZATION})
    assert {a.organization for a in found} == {""}


_ITS = (
    "Deutsche/PROPN/NNP/compound/1 Bank/PROPN/NNP/poss/3 's/PART/POS/case/1 "
    "evidence/NOUN/NN/nsubj/4 came/VERB/VBD/ROOT/4 ./PUNCT/./punct/4 "
    "Its/PRON/PRP$/poss/7 lawyer/NOUN/NN/nsubj/12 ,/PUNCT/,/punct/7 Hugh/PROPN/NNP/compound/10 "
    "Ray/PROPN/NNP/appos/7 ,/PUNCT/,/punct/7 spoke/VERB/VBD/ROOT/12 ./PUNCT/./punct/12"
)


def test_its_post_belongs_to_the_organisation_the_sentence_before_is_about(blank_vocab):
    doc = parsed_doc(blank_vocab, _ITS)
    found = find_affiliations(
        doc, [entity(doc, PERSON, "Hugh Ray"), entity(doc, ORGANIZATION, "Deutsche Bank")]
    )
    assert _pairs(doc, found) == {("hugh ray", "deutsche bank", "lawyer")}
    assert found[0].rule == "role:its-post"


def test_its_post_with_no_organisation_as_subject_before_stays_bare(blank_vocab):
    spec = _ITS.replace("Bank/PROPN/NNP/poss/3", "Bank/PROPN/NNP/compound/3")
    doc = parsed_doc(blank_vocab, spec)
    found = find_affiliations(
        doc, [entity(doc, PERSON, "Hugh Ray"), entity(doc, ORGANIZATION, "Deutsche Bank")]
    )
    assert _pairs(doc, found) == {("hugh ray", "", "lawyer")}


_TOPIC = (
    "MCI/PROPN/NNP/nsubj/1 sues/VERB/VBZ/ROOT/1 "
    "MCI/PROPN/NNP/nsubj/3 lost/VERB/VBD/ROOT/3 Verizon/PROPN/NNP/dobj/3 ./PUNCT/./punct/3 "
    "Chief/ADJ/JJ/amod/7 executive/NOUN/NN/compound/9 Michael/PROPN/NNP/compound/9 "
    "Capellas/PROPN/NNP/nsubj/10 spoke/VERB/VBD/ROOT/10 ./PUNCT/./punct/10"
)
_TOPIC_TEXT = "MCI sues\n\nMCI lost Verizon. Chief executive Michael Capellas spoke."


def test_bare_leading_post_in_an_article_about_one_organisation(blank_vocab):
    doc = parsed_doc(blank_vocab, _TOPIC, _TOPIC_TEXT)
    ents = [
        entity(doc, PERSON, "Michael Capellas"),
        entity(doc, ORGANIZATION, "MCI"),
        entity(doc, ORGANIZATION, "Verizon"),
    ]
    found = find_affiliations(doc, ents)
    assert _pairs(doc, found) == {("michael capellas", "mci", "Chief executive")}
    assert found[0].rule == "role:post-of-topic"


def _far_topic(fillers: list[str]) -> tuple[str, str]:
    """_TOPIC with "MCI lost money." and then one-word-subject sentences before the post."""
    spec = ["MCI/PROPN/NNP/nsubj/1 sues/VERB/VBZ/ROOT/1"]
    spec.append("MCI/PROPN/NNP/nsubj/3 lost/VERB/VBD/ROOT/3 money/NOUN/NN/dobj/3 ./PUNCT/./punct/3")
    text = "MCI sues\n\nMCI lost money."
    i = 6
    for subject in fillers:
        pos = "PROPN/NNP" if subject == "Verizon" else "NOUN/NNS"
        root = f"rose/VERB/VBD/ROOT/{i + 1} ./PUNCT/./punct/{i + 1}"
        spec.append(f"{subject}/{pos}/nsubj/{i + 1} {root}")
        text += f" {subject} rose."
        i += 3
    spec.append(
        f"Chief/ADJ/JJ/amod/{i + 1} executive/NOUN/NN/compound/{i + 3} "
        f"Michael/PROPN/NNP/compound/{i + 3} Capellas/PROPN/NNP/nsubj/{i + 4} "
        f"spoke/VERB/VBD/ROOT/{i + 4} ./PUNCT/./punct/{i + 4}"
    )
    return " ".join(spec), text + " Chief executive Michael Capellas spoke."


def test_bare_post_far_from_the_topic_with_no_organisation_between(blank_vocab):
    # Five sentences on other things, and no other organisation named since the topic.
    spec, text = _far_topic(["Prices", "Sales", "Costs", "Profits", "Shares"])
    doc = parsed_doc(blank_vocab, spec, text)
    ents = [
        entity(doc, PERSON, "Michael Capellas"),
        entity(doc, ORGANIZATION, "MCI"),
        entity(doc, ORGANIZATION, "Verizon"),
    ]
    assert _pairs(doc, find_affiliations(doc, ents)) == {
        ("michael capellas", "mci", "Chief executive")
    }


def test_bare_post_after_another_organisation_is_named_stays_bare(blank_vocab):
    spec, text = _far_topic(["Prices", "Sales", "Costs", "Profits", "Verizon"])
    doc = parsed_doc(blank_vocab, spec, text)
    ents = [
        entity(doc, PERSON, "Michael Capellas"),
        entity(doc, ORGANIZATION, "MCI"),
        entity(doc, ORGANIZATION, "Verizon"),
    ]
    assert _pairs(doc, find_affiliations(doc, ents)) == {
        ("michael capellas", "", "Chief executive")
    }


def test_bare_post_that_neither_leads_nor_speaks_stays_bare(blank_vocab):
    text = _TOPIC_TEXT.replace("executive", "economist")
    doc = parsed_doc(blank_vocab, _TOPIC.replace("executive/NOUN", "economist/NOUN"), text)
    ents = [
        entity(doc, PERSON, "Michael Capellas"),
        entity(doc, ORGANIZATION, "MCI"),
        entity(doc, ORGANIZATION, "Verizon"),
    ]
    assert _pairs(doc, find_affiliations(doc, ents)) == {
        ("michael capellas", "", "Chief economist")
    }


def test_former_post_at_an_organisation_is_kept_and_marked_former(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "former/ADJ Police/PROPN Federation/PROPN chairman/NOUN Jan/PROPN Berry/PROPN "
        "said/VERB ./PUNCT",
        {"Jan Berry": PERSON, "Police Federation": ORGANIZATION},
    )
    assert _pairs(doc, found) == {
        ("jan berry", "police federation", "former Police Federation chairman")
    }
    assert found[0].former and not found[0].head
    # A former post in a party leaves the party the person's own.
    _, found = _find(
        blank_vocab,
        "former/ADJ Tory/PROPN leader/NOUN Iain/PROPN Smith/PROPN said/VERB ./PUNCT",
        {"Iain Smith": PERSON, "Conservative Party|Tory": ORGANIZATION},
    )
    assert [(a.organization, a.former) for a in found] == [("conservative party", False)]


def test_former_membership_in_rdf_keeps_member_of_and_says_former():
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import ORG

    from kg.model import Affiliation
    from kg.rdf.namespace import KG
    from kg.rdf.relations import add_affiliation

    g = Graph()
    person, org = URIRef("urn:x:berry"), URIRef("urn:x:federation")
    a = Affiliation(
        "jan berry",
        "test",
        0.9,
        0,
        10,
        organization="f",
        role="former chairman",
        head=False,
        former=True,
    )
    add_affiliation(
        g,
        a,
        aid="a",
        art=URIRef("urn:x:art"),
        person=person,
        org=org,
        span=lambda s, e, n: URIRef(f"urn:x:span{s}"),
        base="https://kg.example.org/",
    )
    assert (person, ORG.memberOf, org) in g and (person, ORG.headOf, org) not in g
    membership = next(g.subjects(ORG.member, person))
    assert (membership, KG.former, Literal(True)) in g
    current = Graph()
    add_affiliation(
        current,
        Affiliation("jan berry", "test", 0.9, 0, 10, organization="f", role="chairman", head=True),
        aid="a",
        art=URIRef("urn:x:art"),
        person=person,
        org=org,
        span=lambda s, e, n: URIRef(f"urn:x:span{s}"),
        base="https://kg.example.org/",
    )
    assert (person, ORG.headOf, org) in current and not list(current.objects(None, KG.former))


def test_words_after_the_preposition_that_describe_the_name_leave_no_post(blank_vocab):
    _, found = _find(
        blank_vocab,
        "the/DET getaway/NOUN driver/NOUN of/ADP serial/ADJ killer/NOUN Charles/PROPN "
        "Manson/PROPN fled/VERB ./PUNCT",
        {"Charles Manson": PERSON},
    )
    assert found == []
    # ... while a post for a place still reads as one: "Mayor of London Ken Livingstone".
    doc, found = _find(
        blank_vocab,
        "Mayor/PROPN of/ADP London/PROPN Ken/PROPN Livingstone/PROPN said/VERB ./PUNCT",
        {"Ken Livingstone": PERSON, "London": PLACE},
    )
    assert _pairs(doc, found) == {("ken livingstone", "", "Mayor of London")}


_FOUNDER = (
    "Mr/PROPN/NNP/compound/1 Khodorkovsky/PROPN/NNP/nsubj/2 was/AUX/VBD/ROOT/2 "
    "one/NUM/CD/attr/2 of/ADP/IN/prep/3 the/DET/DT/det/6 founders/NOUN/NNS/pobj/4 "
    "of/ADP/IN/prep/6 Menatep/PROPN/NNP/pobj/7 ./PUNCT/./punct/2"
)


def test_the_subject_of_be_holds_the_post_it_is(blank_vocab):
    doc = parsed_doc(blank_vocab, _FOUNDER)
    ents = [entity(doc, PERSON, "Khodorkovsky"), entity(doc, ORGANIZATION, "Menatep")]
    found = find_affiliations(doc, ents)
    # One of the founders is a founder.
    assert _pairs(doc, found) == {("khodorkovsky", "menatep", "founder")}
    assert found[0].rule == "role:is-post"


def test_the_subject_of_be_described_holds_no_post(blank_vocab):
    spec = (
        "Mr/PROPN/NNP/compound/1 Reeve/PROPN/NNP/nsubj/2 was/AUX/VBD/ROOT/2 an/DET/DT/det/4 "
        "advocate/NOUN/NN/attr/2 for/ADP/IN/prep/4 the/DET/DT/det/7 research/NOUN/NN/pobj/5 "
        "./PUNCT/./punct/2"
    )
    doc = parsed_doc(blank_vocab, spec)
    assert find_affiliations(doc, [entity(doc, PERSON, "Reeve")]) == []


_QUIT = (
    "Mr/PROPN/NNP/compound/1 Blunkett/PROPN/NNP/nsubj/2 quit/VERB/VBD/ROOT/2 as/ADP/IN/prep/2 "
    "home/NOUN/NN/compound/5 secretary/NOUN/NN/pobj/3 ./PUNCT/./punct/2"
)


def test_as_post_after_a_verb_of_leaving_is_former(blank_vocab):
    doc = parsed_doc(blank_vocab, _QUIT)
    found = find_affiliations(doc, [entity(doc, PERSON, "Blunkett")])
    assert [(a.role, a.former, a.office, a.rule) for a in found] == [
        ("home secretary", True, False, "role:as-post")
    ]
    doc = parsed_doc(blank_vocab, _QUIT.replace("quit/VERB", "served/VERB"))
    found = find_affiliations(doc, [entity(doc, PERSON, "Blunkett")])
    assert [(a.role, a.former, a.office) for a in found] == [("home secretary", False, True)]


def test_as_a_word_that_is_no_post_is_no_role(blank_vocab):
    spec = _QUIT.replace("home/NOUN/NN/compound/5 secretary/NOUN", "a/DET/DT/det/5 father/NOUN")
    doc = parsed_doc(blank_vocab, spec)
    assert find_affiliations(doc, [entity(doc, PERSON, "Blunkett")]) == []


def test_first_word_of_an_organisations_name_stands_for_it_before_a_post(blank_vocab):
    spec = (
        "The/DET Lyric/PROPN Theatre/PROPN is/AUX old/ADJ ./PUNCT Lyric/PROPN chairman/NOUN "
        "David/PROPN Johnston/PROPN said/VERB ./PUNCT"
    )
    doc, found = _find(blank_vocab, spec, {"David Johnston": PERSON, "Lyric Theatre": ORGANIZATION})
    assert _pairs(doc, found) == {("david johnston", "lyric theatre", "chairman")}
    # "Yukos" is not "Yukos USA", a branch in a place.
    spec = spec.replace("Lyric/PROPN Theatre", "Yukos/PROPN USA").replace(
        "Lyric/PROPN chair", "Yukos/PROPN chair"
    )
    doc, found = _find(blank_vocab, spec, {"David Johnston": PERSON, "Yukos USA": ORGANIZATION})
    assert {a.organization for a in found} == {""}


def test_appositive_after_a_post_nominal_and_a_persons_organisation(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Philippe/PROPN Sands/PROPN QC/PROPN ,/PUNCT a/DET member/NOUN of/ADP Cherie/PROPN "
        "Blair/PROPN 's/PART Matrix/PROPN Chambers/PROPN ,/PUNCT said/VERB ./PUNCT",
        {"Philippe Sands": PERSON, "Cherie Blair": PERSON, "Matrix Chambers": ORGANIZATION},
    )
    assert ("philippe sands", "matrix chambers", "member") in _pairs(doc, found)
    assert ("philippe sands", "", "QC") in _pairs(doc, found)
    # "a lawyer for Cherie Blair": a post for a person, whose organisation is not named.
    doc, found = _find(
        blank_vocab,
        "Philippe/PROPN Sands/PROPN ,/PUNCT a/DET lawyer/NOUN for/ADP Cherie/PROPN "
        "Blair/PROPN ,/PUNCT said/VERB ./PUNCT",
        {"Philippe Sands": PERSON, "Cherie Blair": PERSON},
    )
    assert _pairs(doc, found) == {("philippe sands", "", "lawyer")}


def test_its_inside_an_appositive_stays_in_the_post(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "said/VERB John/PROPN Franklin/PROPN ,/PUNCT chief/NOUN of/ADP its/PRON "
        "operations/NOUN department/NOUN ./PUNCT",
        {"John Franklin": PERSON},
    )
    assert _pairs(doc, found) == {("john franklin", "", "chief of its operations department")}


def test_post_comma_name_then_its_own_organisation(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "According/VERB to/ADP its/PRON Paris/PROPN lawyer/NOUN ,/PUNCT Emmanuel/PROPN "
        "Gaillard/PROPN of/ADP Shearman/PROPN ,/PUNCT the/DET claim/NOUN stands/VERB ./PUNCT",
        {"Emmanuel Gaillard": PERSON, "Shearman": ORGANIZATION, "Paris": PLACE},
    )
    assert ("emmanuel gaillard", "", "Paris lawyer") in _pairs(doc, found)
    # ... but not when the name runs on into something else: a list of people.
    doc, found = _find(
        blank_vocab,
        "He/PRON met/VERB its/PRON lawyer/NOUN ,/PUNCT Emmanuel/PROPN Gaillard/PROPN and/CCONJ "
        "Ann/PROPN Lee/PROPN ./PUNCT",
        {"Emmanuel Gaillard": PERSON, "Ann Lee": PERSON},
    )
    assert found == []


_SUCH_AS = (
    "It/PRON/PRP/nsubj/1 launched/VERB/VBD/ROOT/1 playwrights/NOUN/NNS/dobj/1 "
    "such/ADJ/JJ/amod/4 as/ADP/IN/prep/2 Martin/PROPN/NNP/compound/6 Lynch/PROPN/NNP/pobj/4 "
    "and/CCONJ/CC/cc/6 Gary/PROPN/NNP/compound/9 Mitchell/PROPN/NNP/conj/6 ./PUNCT/./punct/1"
)


def test_plural_post_such_as_names_each_one(blank_vocab):
    doc = parsed_doc(blank_vocab, _SUCH_AS)
    ents = [entity(doc, PERSON, "Martin Lynch"), entity(doc, PERSON, "Gary Mitchell")]
    assert _pairs(doc, find_affiliations(doc, ents)) == {
        ("martin lynch", "", "playwright"),
        ("gary mitchell", "", "playwright"),
    }
    doc = parsed_doc(blank_vocab, _SUCH_AS.replace("playwrights/", "fans/"))
    ents = [entity(doc, PERSON, "Martin Lynch"), entity(doc, PERSON, "Gary Mitchell")]
    assert find_affiliations(doc, ents) == []


def test_as_post_of_an_organisations_object_is_in_that_organisation(blank_vocab):
    spec = (
        "Acme/PROPN/NNP/nsubj/1 named/VERB/VBD/ROOT/1 Jo/PROPN/NNP/compound/3 "
        "Bloggs/PROPN/NNP/dobj/1 as/ADP/IN/prep/1 chief/ADJ/JJ/amod/6 executive/NOUN/NN/pobj/4 "
        "./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, "Jo Bloggs"), entity(doc, ORGANIZATION, "Acme")]
    assert _pairs(doc, find_affiliations(doc, ents)) == {("jo bloggs", "acme", "chief executive")}
    # A person as the subject: the organisation the verb takes ("joined Acme as ...").
    spec = (
        "Jo/PROPN/NNP/compound/1 Bloggs/PROPN/NNP/nsubj/2 joined/VERB/VBD/ROOT/2 "
        "Acme/PROPN/NNP/dobj/2 as/ADP/IN/prep/2 chief/ADJ/JJ/amod/6 executive/NOUN/NN/pobj/4 "
        "./PUNCT/./punct/2"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, "Jo Bloggs"), entity(doc, ORGANIZATION, "Acme")]
    assert _pairs(doc, find_affiliations(doc, ents)) == {("jo bloggs", "acme", "chief executive")}
    # ... and a thing, not an organisation, gives the post to nobody.
    doc = parsed_doc(blank_vocab, spec.replace("Acme/PROPN/NNP/dobj", "work/NOUN/NN/dobj"))
    assert find_affiliations(doc, [entity(doc, PERSON, "Jo Bloggs")]) == []


_HEADLINE = (
    "Goldsmith/PROPN/NNP/nsubj/1 denies/VERB/VBZ/ROOT/1 claim/NOUN/NN/dobj/1 "
    "The/DET/DT/det/5 attorney/NOUN/NN/compound/5 general/NOUN/NN/nsubj/7 has/AUX/VBZ/aux/7 "
    "denied/VERB/VBN/ROOT/7 it/PRON/PRP/dobj/7 ./PUNCT/./punct/7 Lord/PROPN/NNP/compound/11 "
    "Goldsmith/PROPN/NNP/nsubj/12 spoke/VERB/VBD/ROOT/12 ./PUNCT/./punct/12"
)
_HEADLINE_TEXT = (
    "Goldsmith denies claim\n\nThe attorney general has denied it. Lord Goldsmith spoke."
)


def test_post_as_the_first_sentences_subject_is_the_headlines_person(blank_vocab):
    doc = parsed_doc(blank_vocab, _HEADLINE, _HEADLINE_TEXT)
    found = find_affiliations(doc, [entity(doc, PERSON, "Lord Goldsmith")])
    assert _pairs(doc, found) == {("lord goldsmith", "", "attorney general")}
    assert found[0].rule == "role:headline-post"


def test_first_sentences_subject_that_is_no_post_gives_no_role(blank_vocab):
    spec = _HEADLINE.replace(
        "attorney/NOUN/NN/compound/5 general/NOUN", "whole/ADJ/JJ/amod/5 government/NOUN"
    )
    text = _HEADLINE_TEXT.replace("attorney general", "whole government")
    doc = parsed_doc(blank_vocab, spec, text)
    assert find_affiliations(doc, [entity(doc, PERSON, "Lord Goldsmith")]) == []


def test_who_founded_joined_or_once_chaired(blank_vocab):
    names = {"Jo Bloggs": PERSON, "Acme": ORGANIZATION}
    for verb, role, former in (
        ("joined", "", False),
        ("founded", "founder", False),
        ("chaired", "chair", True),
    ):
        doc, found = _find(
            blank_vocab,
            f"Jo/PROPN Bloggs/PROPN ,/PUNCT who/PRON {verb}/VERB Acme/PROPN in/ADP 2002/NUM "
            ",/PUNCT spoke/VERB ./PUNCT",
            names,
        )
        assert [(a.organization, a.role, a.former) for a in found] == [("acme", role, former)]
    _, found = _find(
        blank_vocab,
        "Jo/PROPN Bloggs/PROPN ,/PUNCT who/PRON sued/VERB Acme/PROPN ,/PUNCT spoke/VERB ./PUNCT",
        names,
    )
    assert found == []


def test_an_age_between_the_name_and_its_appositive(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Jo/PROPN Bloggs/PROPN ,/PUNCT 53/NUM ,/PUNCT a/DET professor/NOUN at/ADP Acme/PROPN "
        "./PUNCT",
        {"Jo Bloggs": PERSON, "Acme": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("jo bloggs", "acme", "professor")}
    # Two numbers are no age: "X, 53, 54, ..." reads as a list.
    _, found = _find(
        blank_vocab,
        "Jo/PROPN Bloggs/PROPN ,/PUNCT 53/NUM ,/PUNCT 54/NUM ,/PUNCT professor/NOUN ./PUNCT",
        {"Jo Bloggs": PERSON},
    )
    assert found == []


def test_founded_by_makes_the_founder_a_member(blank_vocab):
    spec = (
        "Acme/PROPN/NNP/nsubjpass/2 was/AUX/VBD/auxpass/2 founded/VERB/VBN/ROOT/2 "
        "by/ADP/IN/agent/2 Jo/PROPN/NNP/compound/5 Bloggs/PROPN/NNP/pobj/3 ./PUNCT/./punct/2"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, "Jo Bloggs"), entity(doc, ORGANIZATION, "Acme")]
    assert _pairs(doc, find_affiliations(doc, ents)) == {("jo bloggs", "acme", "")}
    doc = parsed_doc(blank_vocab, spec.replace("founded/VERB", "praised/VERB"))
    ents = [entity(doc, PERSON, "Jo Bloggs"), entity(doc, ORGANIZATION, "Acme")]
    assert find_affiliations(doc, ents) == []


def test_works_for_an_organisation(blank_vocab):
    spec = (
        "Jo/PROPN/NNP/compound/1 Bloggs/PROPN/NNP/nsubj/2 works/VERB/VBZ/ROOT/2 "
        "for/ADP/IN/prep/2 Acme/PROPN/NNP/pobj/3 ./PUNCT/./punct/2"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, "Jo Bloggs"), entity(doc, ORGANIZATION, "Acme")]
    assert _pairs(doc, find_affiliations(doc, ents)) == {("jo bloggs", "acme", "")}
    doc = parsed_doc(blank_vocab, spec.replace("works/VERB", "voted/VERB"))
    ents = [entity(doc, PERSON, "Jo Bloggs"), entity(doc, ORGANIZATION, "Acme")]
    assert find_affiliations(doc, ents) == []


def test_appositive_ending_in_an_organisation_before_its_relative_clause(blank_vocab):
    names = {"Andrew Pearson": PERSON, "Workshare": ORGANIZATION}
    doc, found = _find(
        blank_vocab,
        "said/VERB Andrew/PROPN Pearson/PROPN ,/PUNCT boss/NOUN of/ADP Workshare/PROPN "
        "which/PRON ran/VERB it/PRON ./PUNCT",
        names,
    )
    assert _pairs(doc, found) == {("andrew pearson", "workshare", "boss")}
    # A relative word after a post that names no organisation: the phrase goes on.
    _, found = _find(
        blank_vocab,
        "said/VERB Andrew/PROPN Pearson/PROPN ,/PUNCT boss/NOUN which/PRON ran/VERB "
        "Workshare/PROPN ./PUNCT",
        names,
    )
    assert found == []


def test_one_of_several_posts(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Scott/PROPN Sullivan/PROPN ,/PUNCT one/NUM of/ADP six/NUM WorldCom/PROPN "
        "executives/NOUN ,/PUNCT spoke/VERB ./PUNCT",
        {"Scott Sullivan": PERSON, "WorldCom": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("scott sullivan", "worldcom", "executives")}


def test_company_before_a_post_is_the_company_just_named(blank_vocab):
    spec = (
        "Exxon/PROPN lost/VERB ./PUNCT Company/NOUN spokesman/NOUN Glenn/PROPN Waller/PROPN "
        "said/VERB so/ADV ./PUNCT"
    )
    doc, found = _find(blank_vocab, spec, {"Glenn Waller": PERSON, "Exxon": ORGANIZATION})
    assert _pairs(doc, found) == {("glenn waller", "exxon", "Company spokesman")}
    spec = spec.replace("lost/VERB", "and/CCONJ Shell/PROPN lost/VERB")
    names = {"Glenn Waller": PERSON, "Exxon": ORGANIZATION, "Shell": ORGANIZATION}
    doc, found = _find(blank_vocab, spec, names)
    assert _pairs(doc, found) == {("glenn waller", "", "Company spokesman")}


def test_courtesy_title_after_an_organisations_possessive(blank_vocab):
    doc, found = _find(
        blank_vocab,
        "Labour/PROPN 's/PART Mr/PROPN Livingstone/PROPN spoke/VERB ./PUNCT",
        {"Ken Livingstone|Livingstone": PERSON, "Labour Party|Labour": ORGANIZATION},
    )
    assert _pairs(doc, found) == {("ken livingstone", "labour party", "")}


def test_a_peers_territorial_title_is_no_membership(blank_vocab):
    _, found = _find(
        blank_vocab,
        "Lord/PROPN Kinnock/PROPN of/ADP Bedwellty/PROPN said/VERB so/ADV ./PUNCT",
        {"Lord Kinnock": PERSON, "Bedwellty": ORGANIZATION},
    )
    assert found == []


@pytest.mark.model
def test_real_parse_of_new_post_shapes(nlp):
    from kg.extract.article import extract
    from kg.model import Article

    text = (
        "Microsoft wins new contract\n\nMicrosoft said on Monday that it had won the contract "
        "from the Pentagon. Microsoft shares rose. Chief executive Steve Ballmer said the deal "
        "was good for the company. Yukos claims it was punished for the political ambitions of "
        "its founder Mikhail Khodorkovsky. Philippe Sands QC, a member of Cherie Blair's Matrix "
        "Chambers, wrote the book. The theatre launched playwrights such as Martin Lynch and "
        "Gary Mitchell."
    )
    x = extract(nlp(text), Article(id="t", text=text))
    got = {(a.person, a.organization, a.role) for a in x.affiliations}
    assert ("steve ballmer", "microsoft", "Chief executive") in got  # the article's topic
    # "its founder", with "its" unresolved, is nobody's founder, least of all Microsoft's.
    assert ("mikhail khodorkovsky", "", "founder") in got
    assert not any(a.person == "mikhail khodorkovsky" and a.organization for a in x.affiliations)
    assert {("philippe sands", "", "QC"), ("philippe sands", "matrix chambers", "member")} <= got
    assert {("martin lynch", "", "playwright"), ("gary mitchell", "", "playwright")} <= got


# ---------------------------------------------------------------- "For Acme, X said"

_FOR_OPENING = (
    "For/ADP/IN/prep/7 the/DET/DT/det/3 Zenda/PROPN/NNP/compound/3 Party/PROPN/NNP/pobj/0 "
    ",/PUNCT/,/punct/7 Jo/PROPN/NNP/compound/6 Bloggs/PROPN/NNP/nsubj/7 said/VERB/VBD/ROOT/7 "
    "the/DET/DT/det/9 plan/NOUN/NN/nsubj/10 was/AUX/VBD/ccomp/7 flawed/ADJ/JJ/acomp/10 "
    "./PUNCT/./punct/7"
)


def test_a_sentence_opened_by_for_and_an_organisation_speaks_for_it(blank_vocab):
    doc = parsed_doc(blank_vocab, _FOR_OPENING)
    ents = [entity(doc, PERSON, "Jo Bloggs"), entity(doc, ORGANIZATION, "Zenda Party")]
    found = find_affiliations(doc, ents)
    assert _pairs(doc, found) == {("jo bloggs", "zenda party", "")}
    assert found[0].rule == "role:for-org-opening"


def test_for_an_organisation_then_a_clause_of_its_own_is_no_spokesperson(blank_vocab):
    spec = (
        "For/ADP/IN/prep/11 the/DET/DT/det/3 Zenda/PROPN/NNP/compound/3 Party/PROPN/NNP/pobj/0 "
        ",/PUNCT/,/punct/3 which/PRON/WDT/dobj/8 Jo/PROPN/NNP/compound/7 "
        "Bloggs/PROPN/NNP/nsubj/8 founded/VERB/VBD/relcl/3 ,/PUNCT/,/punct/11 "
        "it/PRON/PRP/nsubj/11 was/AUX/VBD/ROOT/11 over/ADV/RB/advmod/11 ./PUNCT/./punct/11"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, "Jo Bloggs"), entity(doc, ORGANIZATION, "Zenda Party")]
    assert not [a for a in find_affiliations(doc, ents) if a.rule == "role:for-org-opening"]


def test_the_subject_of_set_up_through_a_relative_and_a_purpose_clause_founded_it(blank_vocab):
    spec = (
        "Jo/PROPN/NNP/compound/1 Bloggs/PROPN/NNP/nsubj/13 ,/PUNCT/,/punct/1 "
        "who/PRON/WP/nsubj/4 moved/VERB/VBD/relcl/1 to/ADP/IN/prep/4 Spain/PROPN/NNP/pobj/5 "
        "to/PART/TO/aux/8 set/VERB/VB/advcl/4 up/ADP/RP/prt/8 Zenda/PROPN/NNP/compound/11 "
        "Holdings/PROPN/NNPS/dobj/8 ,/PUNCT/,/punct/11 left/VERB/VBD/ROOT/13 ./PUNCT/./punct/13"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [
        entity(doc, PERSON, "Jo Bloggs"),
        entity(doc, PLACE, "Spain"),
        entity(doc, ORGANIZATION, "Zenda Holdings"),
    ]
    found = find_affiliations(doc, ents)
    assert _pairs(doc, found) == {("jo bloggs", "zenda holdings", "")}
    assert found[0].rule == "role:founded"
