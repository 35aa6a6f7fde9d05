"""find_interactions: ends the tagger or the sentence leaves unnamed (a name read as a
nationality, "it" for the company last named, shared objects of coordinated verbs)."""

from __future__ import annotations

from dataclasses import replace

from conftest import entity, parsed_doc

from kg.extract.interactions import find_interactions
from kg.model import ORGANIZATION


def triples(facts) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, f.object) for f in facts}


def first_only(ent):
    """The entity as the tagger left it: only its first mention kept."""
    return replace(ent, mentions=ent.mentions[:1])


ECHO = (
    "Zenco/PROPN/NNP/nsubj/1 grew/VERB/VBD/ROOT/1 ./PUNCT/./punct/1 "
    "Acme/PROPN/NNP/nsubj/4 backed/VERB/VBD/ROOT/4 Zenco/PROPN/NNP/dobj/4 ./PUNCT/./punct/4"
)


def test_a_name_the_tagger_missed_is_still_the_entity(blank_vocab):
    doc = parsed_doc(blank_vocab, ECHO)
    ents = [first_only(entity(doc, ORGANIZATION, "Zenco")), entity(doc, ORGANIZATION, "Acme")]
    assert triples(find_interactions(doc, ents)) == {("acme", "kg:backed", "zenco")}


def test_a_name_inside_a_longer_name_is_not_the_entity(blank_vocab):
    doc = parsed_doc(
        blank_vocab,
        ECHO.replace(
            "Zenco/PROPN/NNP/dobj/4 ./PUNCT/./punct/4",
            "Zenco/PROPN/NNP/compound/6 Bank/PROPN/NNP/dobj/4 ./PUNCT/./punct/4",
        ),
    )
    ents = [first_only(entity(doc, ORGANIZATION, "Zenco")), entity(doc, ORGANIZATION, "Acme")]
    assert find_interactions(doc, ents) == []
