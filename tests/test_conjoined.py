"""Organisation names read too long (kg.extract.conjoined)."""

from __future__ import annotations

from conftest import make_doc

from kg.extract.conjoined import cut_leading_posts, cut_posts, split_conjoined
from kg.extract.spans import Candidate
from kg.model import ORGANIZATION, PERSON


def _names(doc, cands):
    return [doc[c.start : c.end].text for c in cands]


def _one(doc, words: str) -> Candidate:
    n = len(words.split())
    for i in range(len(doc) - n + 1):
        if doc[i : i + n].text == words:
            return Candidate(i, i + n, ORGANIZATION, "org:test", 0.8)
    raise AssertionError(words)


def test_a_name_whose_halves_the_article_names_alone_is_two(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Zenda/PROPN and/CCONJ Quorva/PROPN agreed/VERB ./PUNCT Zenda/PROPN said/VERB so/ADV "
        "./PUNCT Quorva/PROPN did/VERB not/PART ./PUNCT",
    )
    found = split_conjoined(doc, [_one(doc, "Zenda and Quorva")])
    assert _names(doc, found) == ["Zenda", "Quorva"]
    assert found[0].rule == "org:test:split"


def test_the_second_half_may_open_with_the_first_halfs_word(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Zenda/PROPN Radio/PROPN and/CCONJ Zenda/PROPN Outside/PROPN Events/PROPN met/VERB "
        "./PUNCT Zenda/PROPN Radio/PROPN said/VERB so/ADV ./PUNCT",
    )
    found = split_conjoined(doc, [_one(doc, "Zenda Radio and Zenda Outside Events")])
    assert _names(doc, found) == ["Zenda Radio", "Zenda Outside Events"]


def test_a_name_holding_and_stays_whole(blank_vocab):
    # "Zenda Research" is never named alone: "and" is part of the name.
    doc = make_doc(
        blank_vocab,
        "Zenda/PROPN Research/PROPN and/CCONJ Development/PROPN met/VERB ./PUNCT "
        "Development/PROPN was/AUX slow/ADJ ./PUNCT Zenda/PROPN said/VERB so/ADV ./PUNCT",
    )
    found = split_conjoined(doc, [_one(doc, "Zenda Research and Development")])
    assert _names(doc, found) == ["Zenda Research and Development"]


def test_post_words_ending_a_name_before_a_person_are_the_persons_title(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Zenda/PROPN Council/PROPN Chief/PROPN Executive/PROPN Jo/PROPN Bloggs/PROPN "
        "said/VERB so/ADV ./PUNCT Chief/PROPN Executive/PROPN Tim/PROPN Roe/PROPN agreed/VERB",
    )
    org = _one(doc, "Zenda Council Chief Executive")
    person = Candidate(4, 6, PERSON, "ner:PERSON", 0.8)
    post_only = Candidate(9, 11, ORGANIZATION, "ner:ORG", 0.8)
    other = Candidate(11, 13, PERSON, "ner:PERSON", 0.8)
    found = cut_posts(doc, [org, person, post_only, other])
    assert _names(doc, found) == ["Zenda Council", "Jo Bloggs", "Chief Executive", "Tim Roe"]


def test_a_post_and_of_opening_an_organisations_name_are_the_persons(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Jo/PROPN Bloggs/PROPN ,/PUNCT Chief/PROPN Executive/PROPN of/ADP the/DET Zenda/PROPN "
        "Hospitals/PROPN Trust/PROPN ,/PUNCT said/VERB so/ADV ./PUNCT Secretary/PROPN of/ADP "
        "State/PROPN Tim/PROPN Roe/PROPN agreed/VERB",
    )
    found = cut_leading_posts(
        doc,
        [
            _one(doc, "Chief Executive of the Zenda Hospitals Trust"),
            _one(doc, "Secretary of State"),
        ],
    )
    assert _names(doc, found) == ["Zenda Hospitals Trust", "Secretary of State"]
