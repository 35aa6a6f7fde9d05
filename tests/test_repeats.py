"""Repeats of an organisation's name the model left unread (kg.extract.repeats)."""

from __future__ import annotations

from conftest import entity, make_doc

from kg.extract.repeats import add_repeats
from kg.model import ORGANIZATION, PERSON


def _texts(doc, ent):
    return [doc.text[m.start : m.end] for m in ent.mentions]


def _first_mention_only(doc, type_, surface):
    whole = entity(doc, type_, surface)
    return whole.__class__(
        type=whole.type, name=whole.name, key=whole.key, mentions=whole.mentions[:1]
    )


def test_a_later_repeat_of_an_organisation_is_a_mention(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Zenda/PROPN Trust/PROPN said/VERB no/DET ./PUNCT "
        "Jo/PROPN Bloggs/PROPN founded/VERB Zenda/PROPN Trust/PROPN ./PUNCT",
    )
    org = _first_mention_only(doc, ORGANIZATION, "Zenda Trust")
    (found,) = add_repeats(doc, [org], [])
    assert _texts(doc, found) == ["Zenda Trust", "Zenda Trust"]
    assert found.mentions[1].rule == "org:repeat"


def test_a_repeat_inside_a_longer_name_is_not_the_organisation(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Zenda/PROPN said/VERB no/DET ./PUNCT Zenda/PROPN Trust/PROPN agreed/VERB ./PUNCT "
        "Old/PROPN Zenda/PROPN said/VERB so/ADV ./PUNCT The/DET Zenda/PROPN board/NOUN met/VERB",
    )
    org = _first_mention_only(doc, ORGANIZATION, "Zenda")
    (found,) = add_repeats(doc, [org], [])
    assert _texts(doc, found) == ["Zenda", "Zenda"]  # the first and "The Zenda board"


def test_group_before_a_name_is_a_word_of_kind(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Group/PROPN Zenda/PROPN said/VERB no/DET ./PUNCT He/PRON founded/VERB Zenda/PROPN ./PUNCT",
    )
    org = _first_mention_only(doc, ORGANIZATION, "Group Zenda")
    (found,) = add_repeats(doc, [org], [])
    assert _texts(doc, found) == ["Group Zenda", "Zenda"]


def test_a_form_two_entities_share_names_neither(blank_vocab):
    doc = make_doc(
        blank_vocab,
        "Zenda/PROPN said/VERB no/DET ./PUNCT Zenda/PROPN Bloggs/PROPN agreed/VERB ./PUNCT "
        "Zenda/PROPN left/VERB ./PUNCT",
    )
    org = _first_mention_only(doc, ORGANIZATION, "Zenda")
    person = _first_mention_only(doc, PERSON, "Zenda Bloggs")
    person = person.__class__(
        type=PERSON,
        name=person.name,
        key=person.key,
        mentions=person.mentions,
        aliases=("Zenda",),
    )
    found, _ = add_repeats(doc, [org, person], [])
    assert _texts(doc, found) == ["Zenda"]
