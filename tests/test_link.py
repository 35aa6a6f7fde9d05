"""kg.link: each cross-article rule with its negative, on hand-built extractions (no model)."""

from __future__ import annotations

import random

from rdflib import Literal, URIRef

from kg.extract.names import name_key
from kg.link.across import link_corpus
from kg.link.apply import apply_links
from kg.link.decisions import GroupDecision
from kg.link.plan import plan_links
from kg.link.records import link_record
from kg.model import (
    LEGISLATION,
    ORGANIZATION,
    PERSON,
    PLACE,
    Affiliation,
    Article,
    ArticleExtraction,
    Entity,
    Fact,
    Mention,
    Quote,
    Sentence,
)
from kg.rdf.graphs import RunInfo, build_quads, entity_iri
from kg.rdf.identity import links_graph_iri
from kg.rdf.namespace import KG
from kg.store.codec import dump_extraction, dump_record, load_extraction, load_record

RUN = RunInfo("2021-01-01T00:00:00Z", "2021-01-01T00:01:00Z", "m", "1", "0", "{}")


def _e(type_: str, name: str, *aliases: str, **attributes: str) -> Entity:
    key = name_key(name, person=type_ == PERSON)
    mention = Mention(0, len(name), name, type_, "test", 0.9, sentence=0)
    return Entity(type_, name, key, (mention,), tuple(aliases), tuple(attributes.items()))


def _x(article_id: str, *entities: Entity, **parts) -> ArticleExtraction:
    text = "A sentence long enough to hold every mention of this test. " * 2
    return ArticleExtraction(
        Article(article_id, text), (Sentence(0, len(text)),), tuple(entities), **parts
    )


LABOUR = _e(ORGANIZATION, "Labour Party")
BROWN = _e(PERSON, "Gordon Brown")
COMMONS = _e(ORGANIZATION, "House of Commons")
POLICE = _e(ORGANIZATION, "Metropolitan Police")
YARD = _e(ORGANIZATION, "Scotland Yard")
LONDON = _e(PLACE, "London")
UK = _e(PLACE, "UK")


def _keys(linked, article_id: str) -> set[tuple[str, str]]:
    (x,) = [x for x in linked.extractions if x.article.id == article_id]
    return {(e.type, e.key) for e in x.entities}


def _decision(linked, group: str) -> GroupDecision:
    return linked.plan.decisions.get(group, GroupDecision(group))


# -------------------------------------------------------------------- surnames


def test_a_surname_alone_joins_the_full_name_other_articles_of_its_topic_use():
    linked = link_corpus(
        [
            _x("a1", _e(PERSON, "Tony Blair"), LABOUR, BROWN),
            _x("a2", _e(PERSON, "Tony Blair", "Mr Blair"), LABOUR, COMMONS),
            _x("a3", _e(PERSON, "Blair", "Mr Blair"), LABOUR, BROWN, COMMONS),
        ]
    )
    assert (PERSON, "tony blair") in _keys(linked, "a3")
    assert (PERSON, "blair") not in _keys(linked, "a3")
    (join,) = _decision(linked, "person|blair").joins
    assert (join.rule, join.source, join.target, join.articles) == (
        "link:surname",
        "blair",
        "tony blair",
        ("a3",),
    )
    assert set(join.evidence) == {"a1", "a2"} and join.forms == ("Blair",)
    (x,) = [x for x in linked.extractions if x.article.id == "a3"]
    blair = next(e for e in x.entities if e.key == "tony blair")
    assert blair.name == "Tony Blair" and {"Blair", "Mr Blair"} <= set(blair.aliases)


def test_a_surname_that_shares_no_topic_with_the_full_name_stays_apart():
    # London and the UK are everybody's setting, not a topic.
    linked = link_corpus(
        [
            _x("a1", _e(PERSON, "Jonny Wilkinson"), LONDON, UK, _e(ORGANIZATION, "Newcastle")),
            _x("a2", _e(PERSON, "Wilkinson", "Mr Wilkinson"), LONDON, UK),
        ]
    )
    assert (PERSON, "wilkinson") in _keys(linked, "a2")
    assert not _decision(linked, "person|wilkinson").candidates


def test_an_ambiguous_surname_is_left_apart_and_recorded_as_a_candidate():
    linked = link_corpus(
        [
            _x("a1", _e(PERSON, "Tony Blair"), LABOUR, COMMONS),
            _x("a2", _e(PERSON, "Ian Blair"), POLICE, YARD),
            _x("a3", _e(PERSON, "Blair", "Mr Blair"), LABOUR, COMMONS, POLICE, YARD),
        ]
    )
    assert (PERSON, "blair") in _keys(linked, "a3")
    decision = _decision(linked, "person|blair")
    assert not decision.joins
    (candidate,) = decision.candidates
    assert set(candidate.candidates) == {"tony blair", "ian blair"}
    assert candidate.articles == ("a3",)
    # ... and the links graph says so: a candidate node, no relation between the entities
    quads = build_quads(linked.extractions, RUN, links=linked.plan)
    graph = quads.to_rdflib().graph(links_graph_iri())
    blair = entity_iri(PERSON, "blair")
    (node,) = graph.subjects(KG.about, blair)
    assert set(graph.objects(node, KG.candidate)) == {
        entity_iri(PERSON, "tony blair"),
        entity_iri(PERSON, "ian blair"),
    }
    assert not set(graph.subjects(KG.joins, blair)) and not set(graph.objects(blair, None))


def test_one_full_name_dominates_a_rare_namesake_of_the_same_topic():
    many = [_x(f"t{n}", _e(PERSON, "Tony Blair"), LABOUR, COMMONS, BROWN) for n in range(6)]
    rare = _x("c1", _e(PERSON, "Cherie Blair"), LABOUR)
    bare = _x("a9", _e(PERSON, "Blair"), LABOUR, COMMONS, BROWN)
    linked = link_corpus([*many, rare, bare])
    assert (PERSON, "tony blair") in _keys(linked, "a9")


def test_a_courtesy_title_of_the_other_sex_is_no_candidate():
    linked = link_corpus(
        [
            _x("a1", _e(PERSON, "Jonny Wilkinson", "Mr Wilkinson"), LABOUR, COMMONS),
            _x("a2", _e(PERSON, "Wilkinson", "Mrs Wilkinson"), LABOUR, COMMONS),
        ]
    )
    assert (PERSON, "wilkinson") in _keys(linked, "a2")
    assert _decision(linked, "person|wilkinson") == GroupDecision("person|wilkinson")


def test_a_peer_joins_only_a_full_name_some_article_gives_the_title():
    attorney = _e(ORGANIZATION, "Attorney General's Office")
    peer = _x("a3", _e(PERSON, "Lord Goldsmith", "Goldsmith"), LABOUR, attorney)
    plain = [_x("a1", _e(PERSON, "Peter Goldsmith"), LABOUR, attorney)]
    assert (PERSON, "goldsmith") in _keys(link_corpus([*plain, peer]), "a3")
    titled = [_x("a1", _e(PERSON, "Peter Goldsmith", "Lord Goldsmith"), LABOUR, attorney)]
    assert (PERSON, "peter goldsmith") in _keys(link_corpus([*titled, peer]), "a3")


def test_an_article_that_names_the_full_form_keeps_its_short_name_apart():
    # Within the article, "Mrs Howard" was kept apart from Michael Howard on purpose.
    linked = link_corpus(
        [
            _x("a1", _e(PERSON, "Michael Howard", "Mr Howard"), LABOUR, COMMONS),
            _x("a2", _e(PERSON, "Michael Howard"), _e(PERSON, "Howard", "Mrs Howard"), LABOUR),
        ]
    )
    assert (PERSON, "howard") in _keys(linked, "a2")
    assert not _decision(linked, "person|howard").candidates


# -------------------------------------------------------------------- variants


def test_a_shorter_form_of_a_full_name_joins_it_and_spelling_never_matters():
    linked = link_corpus(
        [
            _x("a1", _e(PERSON, "George W Bush"), _e(PLACE, "Iraq"), LABOUR, COMMONS),
            _x("a2", _e(PERSON, "George Bush"), _e(PLACE, "Iraq"), LABOUR, COMMONS),
            _x("a3", _e(PERSON, "George W. Bush"), _e(PLACE, "Kansas")),
        ]
    )
    assert (PERSON, "george w bush") in _keys(linked, "a2")
    assert (PERSON, "george w bush") in _keys(linked, "a3")  # no topic needed for a dot
    rules = {(j.source, j.rule) for j in _decision(linked, "person|bush").joins}
    assert rules == {("george bush", "link:variant"), ("george w. bush", "link:variant")}


def test_a_middle_name_given_is_kept_and_two_wider_forms_are_a_candidate():
    son = _e(PERSON, "George W Bush")
    father = _e(PERSON, "George H W Bush")
    linked = link_corpus(
        [
            _x("a1", son, LABOUR, COMMONS),
            _x("a2", father, LABOUR, COMMONS),
            _x("a3", _e(PERSON, "George Bush"), LABOUR, COMMONS),
        ]
    )
    assert (PERSON, "george w bush") in _keys(linked, "a1")  # not joined to his father
    assert (PERSON, "george bush") in _keys(linked, "a3")
    (candidate,) = _decision(linked, "person|bush").candidates
    assert set(candidate.candidates) == {"george w bush", "george h w bush"}


# -------------------------------------------------------------------- organisations, places


def test_an_acronym_defined_in_one_article_joins_its_long_form_in_another():
    treasury = _e(ORGANIZATION, "Treasury")
    long = _e(ORGANIZATION, "Confederation of British Industry", "CBI")
    linked = link_corpus(
        [
            _x("a1", long, treasury, _e(ORGANIZATION, "Bank of England")),
            _x("a2", _e(ORGANIZATION, "CBI"), treasury, _e(ORGANIZATION, "Bank of England")),
        ]
    )
    assert (ORGANIZATION, "confederation of british industry") in _keys(linked, "a2")


def test_an_acronym_with_two_long_forms_in_other_topics_stays_apart():
    labour_nec = _e(ORGANIZATION, "National Executive Committee", "NEC")
    linked = link_corpus(
        [
            _x("a1", labour_nec, LABOUR, COMMONS),
            _x("a2", _e(ORGANIZATION, "NEC"), _e(ORGANIZATION, "Sony"), _e(PLACE, "Japan")),
        ]
    )
    assert (ORGANIZATION, "nec") in _keys(linked, "a2")


def test_a_country_is_one_place_under_all_its_names_but_not_as_an_organisation():
    linked = link_corpus(
        [
            _x("a1", _e(PLACE, "US")),
            _x("a2", _e(PLACE, "America"), _e(PLACE, "United States")),
            _x("a3", _e(PLACE, "U.S."), _e(ORGANIZATION, "America")),
            _x("a4", _e(PLACE, "Britain"), _e(PLACE, "UK")),
        ]
    )
    assert _keys(linked, "a1") == {(PLACE, "united states")}
    assert _keys(linked, "a2") == {(PLACE, "united states")}  # two entities merged into one
    assert _keys(linked, "a3") == {(PLACE, "united states"), (ORGANIZATION, "america")}
    assert _keys(linked, "a4") == {(PLACE, "united kingdom")}
    (x,) = [x for x in linked.extractions if x.article.id == "a2"]
    assert len(x.entities[0].mentions) == 2


def test_legislation_without_a_year_joins_the_one_dated_instrument():
    dated = _e(LEGISLATION, "Hunting Act 2004", title="Hunting Act", year="2004")
    linked = link_corpus([_x("a1", dated), _x("a2", _e(LEGISLATION, "Hunting Act"))])
    assert (LEGISLATION, "hunting act 2004") in _keys(linked, "a2")
    two = _e(LEGISLATION, "Hunting Act 1831", title="Hunting Act", year="1831")
    linked = link_corpus([_x("a1", dated), _x("a0", two), _x("a2", _e(LEGISLATION, "Hunting Act"))])
    assert (LEGISLATION, "hunting act") in _keys(linked, "a2")
    (candidate,) = _decision(linked, "law|hunting act").candidates
    assert set(candidate.candidates) == {"hunting act 2004", "hunting act 1831"}


# -------------------------------------------------------------------- homonyms


def _with_post(article_id: str, person: Entity, org: Entity, role: str) -> ArticleExtraction:
    affiliation = Affiliation(person.key, "test", 0.9, 0, 10, organization=org.key, role=role)
    return _x(article_id, person, org, affiliations=(affiliation,))


def test_one_name_with_the_same_post_in_two_organisations_is_flagged():
    smith = _e(PERSON, "John Smith")
    linked = link_corpus(
        [
            _with_post("a1", smith, _e(ORGANIZATION, "Acme Foods"), "chief executive"),
            _with_post("a2", smith, _e(ORGANIZATION, "Globex Bank"), "chief executive"),
        ]
    )
    (review,) = _decision(linked, "person|smith").reviews
    assert review.key == "john smith" and review.articles == ("a1", "a2")
    assert "acme foods" in review.reason and "globex bank" in review.reason
    assert _keys(linked, "a1") >= {(PERSON, "john smith")}  # flagged, not split


def test_one_organisation_under_two_names_is_no_conflict():
    smith = _e(PERSON, "John Smith")
    linked = link_corpus(
        [
            _with_post("a1", smith, _e(ORGANIZATION, "British Telecom"), "chief executive"),
            _with_post("a2", smith, _e(ORGANIZATION, "BT"), "chief executive"),
            _with_post("a3", smith, _e(ORGANIZATION, "BT Group"), "chief executive"),
        ]
    )
    assert not _decision(linked, "person|smith").reviews


def test_a_man_in_one_article_and_a_woman_in_another_is_flagged():
    linked = link_corpus(
        [
            _x("a1", _e(PERSON, "Sam Jones", "Mr Jones")),
            _x("a2", _e(PERSON, "Sam Jones", "Mrs Jones")),
            _x("a3", _e(PERSON, "Sam Jones")),
        ]
    )
    (review,) = _decision(linked, "person|jones").reviews
    assert review.articles == ("a1", "a2")
    quads = build_quads(linked.extractions, RUN, links=linked.plan).to_rdflib()
    graph = quads.graph(links_graph_iri())
    (node,) = graph.subjects(KG.about, entity_iri(PERSON, "sam jones"))
    assert graph.value(node, KG.reason) == Literal(review.reason)


# -------------------------------------------------------------------- plumbing


def test_a_join_points_facts_quotations_and_affiliations_at_the_joined_entity():
    blair, labour = _e(PERSON, "Blair"), LABOUR
    x = _x(
        "a1",
        blair,
        labour,
        facts=(Fact("blair", "kg:met", "labour party", "test", 0.9, 0, 5),),
        quotes=(Quote(0, 5, "Hello", "blair", PERSON, "test", 0.9),),
        affiliations=(Affiliation("blair", "test", 0.9, 0, 5, organization="labour party"),),
    )
    linked = apply_links(x, {(PERSON, "blair"): ("tony blair", "Tony Blair")})
    assert linked.facts[0].subject == "tony blair" and linked.facts[0].object == "labour party"
    assert linked.quotes[0].speaker == "tony blair"
    assert linked.affiliations[0].person == "tony blair"
    assert apply_links(x, {}) is x


def test_decisions_do_not_depend_on_the_order_of_the_articles():
    extractions = [
        _x("a1", _e(PERSON, "Tony Blair"), LABOUR, BROWN),
        _x("a2", _e(PERSON, "Ian Blair"), POLICE, YARD),
        _x("a3", _e(PERSON, "Blair", "Mr Blair"), LABOUR, BROWN),
        _x("a4", _e(PERSON, "Blair"), LABOUR, POLICE, YARD, COMMONS),
        _x("a5", _e(ORGANIZATION, "CBI"), LABOUR),
        _x("a6", _e(ORGANIZATION, "Confederation of British Industry", "CBI"), LABOUR, BROWN),
        _x("a7", _e(PLACE, "Britain"), BROWN),
    ]
    expected = plan_links(link_record(x) for x in extractions).decisions
    assert expected  # something to compare
    for seed in range(5):
        shuffled = extractions[:]
        random.Random(seed).shuffle(shuffled)
        assert plan_links(link_record(x) for x in shuffled).decisions == expected


def test_records_extractions_and_decisions_round_trip_through_the_ledger():
    x = _with_post("a1", _e(PERSON, "John Smith", "Mr Smith"), LABOUR, "general secretary")
    assert load_extraction(dump_extraction(x)) == x
    record = link_record(x)
    assert load_record(dump_record(record)) == record
    linked = link_corpus(
        [
            _x("a1", _e(PERSON, "Tony Blair"), LABOUR, BROWN),
            _x("a2", _e(PERSON, "Blair"), LABOUR, BROWN),
        ]
    )
    decision = _decision(linked, "person|blair")
    assert decision.joins and GroupDecision.load(decision.dump()) == decision


def test_the_links_graph_records_why_and_what_to_undo():
    linked = link_corpus(
        [
            _x("a1", _e(PERSON, "Tony Blair"), LABOUR, BROWN),
            _x("a2", _e(PERSON, "Blair", "Mr Blair"), LABOUR, BROWN),
        ]
    )
    graph = build_quads(linked.extractions, RUN, links=linked.plan).to_rdflib()
    links = graph.graph(links_graph_iri())
    (join,) = links.subjects(KG.joins, entity_iri(PERSON, "blair"))
    assert links.value(join, KG.into) == entity_iri(PERSON, "tony blair")
    assert links.value(join, KG.rule) == Literal("link:surname")
    assert set(links.objects(join, KG.form)) == {Literal("Blair")}
    article = URIRef(str(entity_iri("article", "a2")))
    assert set(links.objects(join, KG.appliesIn)) == {article}
    assert set(links.objects(join, KG.basis)) == {URIRef(str(entity_iri("article", "a1")))}


def _text(article_id: str, text: str, *entities: Entity) -> ArticleExtraction:
    return ArticleExtraction(Article(article_id, text), (Sentence(0, len(text)),), entities)


def _at(entity: Entity, text: str, surface: str) -> Entity:
    start = text.index(surface)
    mention = Mention(start, start + len(surface), surface, entity.type, "test", 0.9, sentence=0)
    return Entity(entity.type, entity.name, entity.key, (mention,), entity.aliases)


def test_a_surname_joins_the_full_name_its_own_article_writes_and_no_other():
    # The article writes "Norman Baker", which the model missed: that is who "Mr Baker" is,
    # whatever the context says of Stephen Baker.
    text = "Lib Dem Norman Baker attacked the plan. Mr Baker said it would fail."
    full = [
        _x("a1", _e(PERSON, "Norman Baker"), _e(PLACE, "Lewes")),
        _x("a2", _e(PERSON, "Stephen Baker"), LABOUR, COMMONS),
    ]
    baker = _text("a3", text, _e(PERSON, "Baker", "Mr Baker"), LABOUR, COMMONS)
    assert (PERSON, "norman baker") in _keys(link_corpus([*full, baker]), "a3")
    # Here it writes "Ken Clarke", whom no other article names: not Charles Clarke.
    text = "The group, including Tories Ken Clarke and Robin Cook, met. Mr Clarke said so."
    clarke = _text("a3", text, _e(PERSON, "Clarke", "Mr Clarke"), LABOUR, COMMONS)
    other = _x("a1", _e(PERSON, "Charles Clarke"), LABOUR, COMMONS)
    assert (PERSON, "clarke") in _keys(link_corpus([other, clarke]), "a3")
    # A title is no given name: "Chancellor Brown" is still Gordon Brown's to join.
    text = "Yesterday Brown spoke. Chancellor Brown said the Labour Party would win."
    brown = _text("a3", text, _e(PERSON, "Brown", "Chancellor Brown"), LABOUR, COMMONS)
    gordon = _x("a1", _e(PERSON, "Gordon Brown", "Chancellor Gordon Brown"), LABOUR, COMMONS)
    assert (PERSON, "gordon brown") in _keys(link_corpus([gordon, brown]), "a3")
    # A name written only where a sentence opens still tells who it is.
    text = "Vince Cable, the party's spokesman, spoke. Mr Cable said it would fail."
    cable = _text("a3", text, _e(PERSON, "Cable", "Mr Cable"), LABOUR, COMMONS)
    vince = [_x("a1", _e(PERSON, "Vince Cable")), _x("a2", _e(PERSON, "Vincent Cable"))]
    assert (PERSON, "vince cable") in _keys(link_corpus([*vince, cable]), "a3")


def test_a_title_before_a_surname_must_be_one_the_full_name_is_given():
    labour = [LABOUR, COMMONS, BROWN]
    matt = _x("a1", _e(PERSON, "Matt Carter", "General Secretary Matt Carter"), *labour)
    president = _x("a2", _e(PERSON, "Carter", "President Carter"), *labour)
    assert (PERSON, "carter") in _keys(link_corpus([matt, president]), "a2")
    bush = _x("a1", _e(PERSON, "George W Bush", "President George W Bush"), *labour)
    title = _x("a2", _e(PERSON, "Bush", "President Bush"), *labour)
    assert (PERSON, "george w bush") in _keys(link_corpus([bush, title]), "a2")
    # A king is known by his given name: "King Michael" is not Alun Michael.
    alun = _x("a1", _e(PERSON, "Alun Michael"), *labour)
    king = _x("a2", _e(PERSON, "King Michael", "Michael"), *labour)
    assert not link_corpus([alun, king]).plan.decisions


def test_a_qualified_acronym_is_another_body():
    text = "The Spanish FA fined the club."
    spanish = _text("a2", text, _at(_e(ORGANIZATION, "FA"), text, "FA"), LABOUR, COMMONS)
    english = _x("a1", _e(ORGANIZATION, "Football Association", "FA"), LABOUR, COMMONS)
    assert (ORGANIZATION, "fa") in _keys(link_corpus([english, spanish]), "a2")
    text = "The FA fined the club."
    plain = _text("a2", text, _at(_e(ORGANIZATION, "FA"), text, "FA"), LABOUR, COMMONS)
    assert (ORGANIZATION, "football association") in _keys(link_corpus([english, plain]), "a2")


def test_an_article_naming_both_forms_of_a_name_means_two_people_unless_an_initial():
    son, father = _e(PERSON, "George W Bush"), _e(PERSON, "George Bush")
    linked = link_corpus([_x("a1", son, LABOUR, COMMONS), _x("a2", son, father, LABOUR, COMMONS)])
    assert (PERSON, "george bush") in _keys(linked, "a2")
    full, initial = _e(PERSON, "Cristian Stoica"), _e(PERSON, "C Stoica")
    linked = link_corpus([_x("a1", full, LABOUR), _x("a2", full, initial, LABOUR, COMMONS)])
    assert _keys(linked, "a2") >= {(PERSON, "cristian stoica")}
    assert (PERSON, "c stoica") not in _keys(linked, "a2")


def test_an_acronym_beside_the_long_form_it_spells_is_that_form():
    # The model kept them apart; the initials spell it, a place before a name aside.
    linked = link_corpus(
        [
            _x("a1", _e(ORGANIZATION, "FTC"), _e(ORGANIZATION, "US Federal Trade Commission")),
            _x("a2", _e(ORGANIZATION, "NHTCU"), _e(ORGANIZATION, "National Hi-Tech Crime Unit")),
            _x("a3", _e(ORGANIZATION, "BBC"), _e(ORGANIZATION, "Labour Party")),
        ]
    )
    assert _keys(linked, "a1") == {(ORGANIZATION, "us federal trade commission")}
    assert _keys(linked, "a2") == {(ORGANIZATION, "national hi-tech crime unit")}
    assert (ORGANIZATION, "bbc") in _keys(linked, "a3")


def test_a_place_named_short_is_the_prison_or_airport_other_articles_name_but_not_a_city():
    prison = _e(PLACE, "Belmarsh Prison")
    bay = _e(PLACE, "Cardiff Bay")
    topic = (_e(ORGANIZATION, "Home Office"), _e(PERSON, "Charles Clarke"))
    linked = link_corpus(
        [
            _x("a1", prison, *topic),
            _x("a2", _e(PLACE, "Belmarsh"), *topic),
            _x("a3", bay, *topic),
            _x("a4", _e(PLACE, "Cardiff"), *topic),
        ]
    )
    assert (PLACE, "belmarsh prison") in _keys(linked, "a2")
    assert (PLACE, "cardiff") in _keys(linked, "a4")  # a city, not its bay


def test_a_company_short_name_is_its_longer_form_only_in_the_same_article():
    motor = _e(ORGANIZATION, "Hyundai Motor")
    linked = link_corpus(
        [
            _x("a1", motor, _e(ORGANIZATION, "Hyundai"), LABOUR),
            _x("a2", _e(ORGANIZATION, "Hyundai"), LABOUR, COMMONS),
            _x("a3", motor, LABOUR, COMMONS),
            _x("a4", _e(ORGANIZATION, "BBC"), _e(ORGANIZATION, "BBC News")),
        ]
    )
    assert _keys(linked, "a1") == {(ORGANIZATION, "hyundai motor"), (ORGANIZATION, "labour party")}
    assert (ORGANIZATION, "hyundai") in _keys(linked, "a2")  # perhaps another Hyundai
    assert len(_keys(linked, "a4")) == 2


def test_a_given_name_in_the_text_is_not_a_fuller_form_of_a_surname():
    # "Howard" in "Howard Flight" is his given name: Mr Howard is still Michael Howard's.
    text = "Sacked MP Howard Flight will not stand. Mr Howard insisted on the party's rules."
    bare = _text("a3", text, _e(PERSON, "Howard", "Mr Howard"), LABOUR, COMMONS)
    others = [_x(f"a{n}", _e(PERSON, "Michael Howard"), LABOUR, COMMONS) for n in (1, 2)]
    assert (PERSON, "michael howard") in _keys(link_corpus([*others, bare]), "a3")
