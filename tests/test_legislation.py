"""Legal instruments found by rules, on hand-built Docs (plus one test with the real model)."""

from __future__ import annotations

import pickle
import re

import pytest
import spacy
from spacy.tokens import Doc, Span

import kg.extract.legislation as legislation
from kg.errors import InputError
from kg.extract.legislation import find_legislation, legislation_uri
from kg.paths import ARTICLES


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _found(blank, text, **kwargs):
    doc = blank(text)
    mentions = find_legislation(doc, **kwargs)
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
    return mentions


def _names(blank, text):
    return [(m.text, m.name, m.kind) for m in _found(blank, text) if not m.anaphor]


def _doc_with_ents(blank, words, ents):
    """A Doc whose model entities are given as (first word, end word, label)."""
    doc = Doc(blank.vocab, words=words)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


# --- named instruments ------------------------------------------------------------------------
def test_titled_act_with_year(blank):
    [m] = _found(blank, "Drugs controlled under the Misuse of Drugs Act 1971 are illegal.")
    assert (m.text, m.title, m.year, m.kind) == (
        "Misuse of Drugs Act 1971",
        "Misuse of Drugs Act",
        1971,
        "Act",
    )
    assert m.name == "Misuse of Drugs Act 1971" and not m.anaphor and m.parent is None
    assert m.rule == "legislation:titled-act"


def test_leading_the_is_dropped_for_acts(blank):
    [m] = _found(blank, "The Psychoactive Substances Act 2016 came into force.")
    assert m.text == m.name == "Psychoactive Substances Act 2016"


def test_year_first_act_gets_the_same_name(blank):
    text = "Under the 1989 Children Act councils act. Read the Children Act 1989."
    first, second = _found(blank, text)
    assert first.text == "1989 Children Act" and first.rule == "legislation:year-first"
    assert first.name == second.name == "Children Act 1989"
    assert first.year == 1989 and first.title == "Children Act"


def test_yearless_title_takes_the_year_the_document_gives(blank):
    names = _names(blank, "The Human Rights Act matters. It is the Human Rights Act 1998.")
    assert [n for _, n, _ in names] == ["Human Rights Act 1998", "Human Rights Act 1998"]


def test_bills_and_words_before_the_title(blank):
    assert _names(blank, "Critics of the Prevention of Terrorism Bill protested.") == [
        ("Prevention of Terrorism Bill", "Prevention of Terrorism Bill", "Bill")
    ]
    assert _names(blank, "He backed Lord Dubs' Succession to the Crown Bill today.") == [
        ("Succession to the Crown Bill", "Succession to the Crown Bill", "Bill")
    ]
    [(text, name, _)] = _names(blank, "The Serious Organised Crime and Police Bill was debated.")
    assert text == name == "Serious Organised Crime and Police Bill"
    [(text, name, _)] = _names(blank, "See the Health Service (Miscellaneous Provisions) Bill.")
    assert text == name == "Health Service (Miscellaneous Provisions) Bill"


def test_two_instruments_joined_by_and_stay_two(blank):
    names = _names(blank, "It broke the Texas Mail Act and Texas Trade Practices Act last year.")
    assert [n for _, n, _ in names] == ["Texas Mail Act", "Texas Trade Practices Act"]


def test_regulations_keep_the_and_orders_need_a_year(blank):
    assert _names(blank, "The Misuse of Drugs Regulations 2001 apply.") == [
        ("Misuse of Drugs Regulations 2001", "The Misuse of Drugs Regulations 2001", "Regulations")
    ]
    assert _names(blank, "Under the Town and Country Planning (Use Classes) Order 1987 it is.") == [
        (
            "Town and Country Planning (Use Classes) Order 1987",
            "The Town and Country Planning (Use Classes) Order 1987",
            "Order",
        )
    ]
    assert _names(blank, "New Order played. He was made Commander of the Order of the Bath.") == []


def test_treaties_and_conventions(blank):
    names = _names(
        blank, "It breached the European Convention on Human Rights and the Treaty of Amsterdam."
    )
    assert names == [
        ("European Convention on Human Rights", "European Convention on Human Rights", "Treaty"),
        ("Treaty of Amsterdam", "Treaty of Amsterdam", "Treaty"),
    ]
    [m] = _found(blank, "It is contrary to the 1994 Energy Charter Treaty, he said.")
    assert (m.name, m.year) == ("Energy Charter Treaty", 1994)


def test_head_first_act(blank):
    [m] = _found(blank, "They agreed the 1701 Act of Settlement should go.")
    assert (m.name, m.title, m.year) == ("Act of Settlement 1701", "Act of Settlement", 1701)


def test_protocol_needs_a_place_or_law_hint(blank):
    words = [
        "They",
        "did",
        "not",
        "sign",
        "the",
        "Kyoto",
        "Protocol",
        "or",
        "use",
        "Internet",
        "Protocol",
        ".",
    ]
    doc = _doc_with_ents(blank, words, [(5, 6, "GPE")])
    assert [m.name for m in find_legislation(doc)] == ["Kyoto Protocol"]


# --- informal names and anaphora -------------------------------------------------------------
def test_informal_bill_resolves_to_the_titled_bill(blank):
    text = "MPs debated the controversial ID cards bill. The Identity Cards Bill passed."
    informal, titled = _found(blank, text)
    assert informal.text == "ID cards bill" and informal.rule == "legislation:informal-bill"
    assert informal.name == titled.name == "Identity Cards Bill" and not informal.anaphor


def test_informal_bill_alone_stands_as_written(blank):
    [m] = _found(blank, "MPs debated the ID cards bill on Monday.")
    assert (m.name, m.kind) == ("ID cards bill", "Bill")
    assert _found(blank, "The average English bill rose and he paid the hotel bill.") == []


def test_anaphors_resolve_to_the_nearest_earlier_instrument_of_their_kind(blank):
    found = _found(
        blank,
        "The Hunting Act 2004 is law. The Road Safety Bill is not. The Act bans hunting. "
        "The 2004 Act is clear and the bill is late.",
    )
    anaphors = [(m.text, m.name, m.kind) for m in found if m.anaphor]
    assert anaphors == [
        ("The Act", "Hunting Act 2004", "Act"),
        ("The 2004 Act", "Hunting Act 2004", "Act"),
        ("the bill", "Road Safety Bill", "Bill"),
    ]
    assert all(m.rule == "legislation:anaphor" for m in found if m.anaphor)


def test_anaphor_without_a_compatible_antecedent_is_dropped(blank):
    assert _found(blank, "The bill was passed. The Act came later.") == []
    # the year must agree, and a Bill is not "the Act"
    assert [m.anaphor for m in _found(blank, "The Hunting Act 2004 and the 1980 Act.")] == [False]
    assert [m.kind for m in _found(blank, "The Gambling Bill failed; the Act did not.")] == ["Bill"]
    # no antecedent before it, even if one follows
    assert [m.anaphor for m in _found(blank, "The Act is old. The Hunting Act 2004 is new.")] == [
        False
    ]


def test_the_legislation_refers_to_a_nearby_instrument_or_the_only_one(blank):
    near = _found(blank, "The Gambling Bill was debated. MPs said the legislation was weak.")
    assert [(m.text, m.name) for m in near if m.anaphor] == [("the legislation", "Gambling Bill")]
    far = _found(blank, "The Gambling Bill was debated. It rained. It snowed. The legislation won.")
    assert [(m.text, m.name) for m in far if m.anaphor] == [("The legislation", "Gambling Bill")]
    two = _found(
        blank,
        "The Gambling Bill was debated. The Hunting Act 2004 was cited. It rained. "
        "It snowed. The legislation won.",
    )
    assert [m for m in two if m.anaphor] == []


# --- sections -------------------------------------------------------------------------------
def test_section_of_a_named_act(blank):
    section, act = _found(blank, "He was held under Section 5(2) of the Misuse of Drugs Act 1971.")
    assert (section.kind, section.title) == ("Section", "Section 5(2)")
    assert section.name == "Section 5(2) of the Misuse of Drugs Act 1971"
    assert section.parent == "Misuse of Drugs Act 1971" and section.text.startswith("Section 5(2)")
    assert act.name == "Misuse of Drugs Act 1971" and act.kind == "Act"


def test_section_of_an_anaphor_takes_the_resolved_instrument(blank):
    found = _found(blank, "The Terrorism Act 2000 applies, and s.6 of the Act too.")
    [section] = [m for m in found if m.kind == "Section"]
    assert section.name == "Section 6 of the Terrorism Act 2000"
    assert section.parent == "Terrorism Act 2000"


def test_section_of_something_else_is_not_legislation(blank):
    assert _found(blank, "He breached section 5 of the code and Section 48 relief.") == []


# --- traps ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Former union leader Sir Bill Morris spoke.",
        "He met Bill Clinton and Bill Gates.",
        "They called the Old Bill.",
        "Kill Bill director Quentin Tarantino came.",
        "She won Best Actress and a Screen Actors Guild award.",
        "The Brits dropped the Best Urban Act prize.",
        "It was an Act of God, not an Act of Parliament.",
        "We must act now; the act of voting matters.",
        "Plans were blocked under UK drug laws and anti-terror laws.",
        "Nato is the North Atlantic Treaty Organisation.",
        "The Democratic National Convention met.",
        "No Bill goes through Parliament unchanged.",
        "Under the Internet Protocol calls are cheap.",
    ],
)
def test_traps_are_not_legislation(blank, text):
    assert _found(blank, text) == []


def test_a_person_entity_over_the_words_before_bill_is_a_name(blank):
    words = ["He", "met", "Rebel", "Bill", "yesterday", "."]
    doc = _doc_with_ents(blank, words, [(2, 4, "PERSON")])
    assert find_legislation(doc) == []


def test_a_person_entity_on_bill_alone_does_not_hide_a_bill(blank):
    # the small model tags the "Bill" of "Finance Bill" as a PERSON
    words = ["The", "full", "Finance", "Bill", "is", "late", "."]
    doc = _doc_with_ents(blank, words, [(3, 4, "PERSON")])
    assert [m.name for m in find_legislation(doc)] == ["Finance Bill"]


def test_a_person_entity_of_three_words_up_to_bill_is_a_misread_title(blank):
    # the medium model tags "Crossrail Link Bill" as a PERSON
    words = ["The", "Crossrail", "Link", "Bill", "is", "late", "."]
    doc = _doc_with_ents(blank, words, [(1, 4, "PERSON")])
    assert [m.name for m in find_legislation(doc)] == ["Crossrail Link Bill"]


def test_a_title_word_in_ing_takes_the(blank):
    [m] = _found(blank, "It broke the 2003 Controlling the Assault of Spam Act in Texas.")
    assert m.name == "Controlling the Assault of Spam Act 2003"


def test_a_short_form_in_brackets_names_the_instrument_after_it(blank):
    text = "It broke the Controlling the Assault of Spam Act (Can-Spam). The Can-Spam Act is new."
    found = [(m.text, m.name, m.anaphor) for m in _found(blank, text)]
    name = "Controlling the Assault of Spam Act"
    assert found == [(name, name, False), ("Can-Spam", name, False), ("Can-Spam Act", name, False)]
    # without the brackets, "the Can-Spam Act" is an instrument of its own
    plain = [m.name for m in _found(blank, text.replace(" (Can-Spam)", ""))]
    assert plain == [name, "Can-Spam Act"]


def test_excluded_spans_yield_nothing(blank):
    text = "Menu: Terrorism Act 2000. He cited the Hunting Act 2004."
    start = text.index("Terrorism")
    found = _found(blank, text, excluded=[(start, start + 10)])
    assert [m.name for m in found] == ["Hunting Act 2004"]


def test_mentions_are_frozen_and_picklable(blank):
    found = _found(blank, "The Hunting Act 2004 and the Act.")
    assert pickle.loads(pickle.dumps(found)) == found
    with pytest.raises(AttributeError):
        found[0].name = "x"


# --- identifiers ----------------------------------------------------------------------------
def test_legislation_uri_only_for_curated_dated_names():
    uri = "http://www.legislation.gov.uk/id/ukpga/1971/38"
    assert legislation_uri("Misuse of Drugs Act 1971") == uri
    assert legislation_uri("the misuse of drugs act 1971") == uri
    assert legislation_uri("Misuse of Drugs Act") is None
    assert legislation_uri("Imaginary Act 1999") is None


def test_curated_table_is_well_formed():
    lines = [
        line
        for line in legislation.IDS_FILE.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert lines
    for line in lines:
        name, uri = line.split("\t")
        m = re.fullmatch(
            r"http://www\.legislation\.gov\.uk/id/(ukpga|uksi|asp|ssi|wsi|nisr)/"
            r"(\d{4})/\d+",
            uri,
        )
        assert m, line
        assert name.endswith(m.group(2)), f"{name}: year and identifier disagree"


def test_malformed_table_raises_a_clear_error(tmp_path, monkeypatch):
    bad = tmp_path / "ids.tsv"
    bad.write_text("Some Act 2000 https://example.org/x\n", encoding="utf-8")
    monkeypatch.setattr(legislation, "IDS_FILE", bad)
    legislation._ids.cache_clear()
    try:
        with pytest.raises(InputError, match="fix or delete the line"):
            legislation_uri("Some Act 2000")
    finally:
        legislation._ids.cache_clear()


# --- the real model -------------------------------------------------------------------------
@pytest.mark.model
def test_seed_article_cites_the_misuse_of_drugs_act(nlp):
    text = (ARTICLES / "000_b338bd11acf37f66.txt").read_text(encoding="utf-8")
    found = find_legislation(nlp(text))
    assert {m.name for m in found} == {"Misuse of Drugs Act 1971"}
    [m] = found
    assert m.year == 1971 and m.kind == "Act" and text[m.start : m.end] == m.text
    assert legislation_uri(m.name) == "http://www.legislation.gov.uk/id/ukpga/1971/38"
