"""A company's former name joins its current one where the sentence says it was renamed
(issue 12's last in-article split: "MCI, which was formerly known as Worldcom")."""

import pytest

from kg.extract.mentions import find_candidates
from kg.extract.resolve import resolve_entities

pytestmark = pytest.mark.model


def _orgs(nlp, text):
    doc = nlp(text)
    return {e.name: set(e.aliases) for e in resolve_entities(doc, find_candidates(doc))}


@pytest.mark.parametrize(
    ("text", "current", "former"),
    [
        (
            "Shares in Zentra Telecom, which was formerly known as Orvell Networks, rose on "
            "Monday. Zentra Telecom said profits were up.",
            "Zentra Telecom",
            "Orvell Networks",
        ),
        (
            "The brewer Halvard Group, formerly Kestrel Breweries, said sales rose. Halvard "
            "Group is based in Leuven.",
            "Halvard Group",
            "Kestrel Breweries",
        ),
        (
            "Tamsin Oil, now renamed Verity Energy, has sold its refinery. Verity Energy said "
            "the sale was agreed.",
            "Verity Energy",
            "Tamsin Oil",
        ),
    ],
)
def test_a_former_name_joins_the_current_one(nlp, text, current, former):
    orgs = _orgs(nlp, text)
    assert former not in orgs
    assert former in orgs[current]


@pytest.mark.parametrize(
    "text",
    [
        # An active "renamed": the bank did the renaming; it is not the other company.
        "Norland Bank renamed Castor Finance last year, said the Financial Times. Norland "
        "Bank denied it.",
        # "previously called X a ...": a judgement, not a name.
        "Northgate Council previously called Pellham Holdings a bad landlord.",
        # Once owned by the other, or once its partner: two companies.
        "Shares in Zentra Telecom, which was formerly owned by Orvell Networks, rose on "
        "Monday. Zentra Telecom said profits were up.",
        "The brewer Halvard Group, formerly Kestrel Breweries's partner, said sales rose.",
    ],
)
def test_two_companies_stay_two(nlp, text):
    orgs = _orgs(nlp, text)
    assert len([n for n in orgs if n != "Financial Times"]) == 2
