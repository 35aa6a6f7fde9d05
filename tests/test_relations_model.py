"""Interactions and legal links on the real pipeline, where the parse is the point: the same
constructions as the hand-built tests, written as a news article would."""

from __future__ import annotations

import pytest

from kg.extract.article import extract
from kg.model import Article

pytestmark = pytest.mark.model


def _facts(nlp, text: str) -> set[tuple[str, str, str, str]]:
    x = extract(nlp(text), Article(id="t", text=text))
    names = {e.key: e.name for e in x.entities}
    return {
        (names.get(f.subject, f.subject), f.predicate, names.get(f.object, f.object), f.modality)
        for f in x.facts
        if f.rule.startswith(("interaction", "legal"))
    }


def test_raised_subject_and_a_purchase(nlp):
    text = (
        "Shell and BP\n\nShell chief executive Jeroen van der Veer is reported to have held "
        "talks with Lord Browne. BP agreed to buy Amoco for $48bn last year."
    )
    facts = _facts(nlp, text)
    assert ("Jeroen van der Veer", "kg:met", "Lord Browne", "") in facts
    assert ("BP", "kg:acquired", "Amoco", "") in facts


def test_a_ban_referring_back_to_the_act_and_its_opponents(nlp):
    text = (
        "Hunting ban\n\nThe Hunting Act 2004 comes into force on Friday. The Countryside "
        "Alliance has launched a bid to overturn the ban in the High Court. Tory MP John "
        "Smith said the ban was ridiculous."
    )
    facts = _facts(nlp, text)
    assert ("Countryside Alliance", "kg:opposes", "Hunting Act 2004", "") in facts
    assert ("John Smith", "kg:opposes", "Hunting Act 2004", "") in facts


def test_a_denied_stance_is_never_the_opposite(nlp):
    text = (
        "Bill vote\n\nThe Gambling Bill was published on Monday. Michael Howard said the "
        "Conservatives would not back the bill."
    )
    facts = _facts(nlp, text)
    linked = {(s, p) for s, p, o, m in facts if o == "Gambling Bill" and not m}
    assert ("Conservative Party", "kg:opposes") not in linked
    assert any(p == "kg:legalRelation" for _, p in linked)


def test_a_spokesmans_it_acts_for_the_body_but_an_extraposed_it_names_nothing(nlp):
    text = (
        "Dairy row\n\nShares fell on Monday. A Yili spokesman said it may now move to oust "
        "chairman Zheng Junhuai. A spokesman for Mengniu said it was wrong to suggest that "
        "the plan had failed."
    )
    facts = _facts(nlp, text)
    assert ("Yili", "kg:dismissed", "Zheng Junhuai", "hedged") in facts  # "may"
    assert not any(s == "Mengniu" for s, *_ in facts)


def test_bodies_acting_through_their_people(nlp):
    text = (
        "SEC rules\n\nShares rose on Monday. The latest delegation from the CBI met SEC "
        "officials on Wednesday. Bosses of Deutsche Boerse and the London Stock Exchange are "
        "to meet on Monday."
    )
    facts = _facts(nlp, text)
    assert ("CBI", "kg:met", "SEC", "") in facts
    assert ("Deutsche Boerse", "kg:met", "London Stock Exchange", "") in facts


def test_orders_defence_faults_and_an_emphatic_itself(nlp):
    text = (
        "Airline news\n\nShares rose on Monday. Air France ordered 10 jets from Airbus. Tony "
        "Blair defended Gordon Brown against his critics. Merrill said Ms Villalba lacked the "
        "leadership skills to run the unit. Deutsche Bank is involved in the case because it "
        "is itself being sued by Microsoft."
    )
    facts = _facts(nlp, text)
    assert ("Air France", "kg:interactsWith", "Airbus", "") in facts
    assert ("Tony Blair", "kg:backed", "Gordon Brown", "") in facts
    assert ("Merrill", "kg:criticised", "Villalba", "") in facts
    assert ("Microsoft", "kg:sued", "Deutsche Bank", "") in facts
