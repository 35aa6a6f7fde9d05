"""find_interactions: hand-parsed Docs for each pattern and its negative; the seed article."""

from __future__ import annotations

import pytest
from conftest import SEEDS, entity, parsed_doc

from kg.extract.interactions import find_interactions
from kg.model import ORGANIZATION, PERSON, Article


def triples(facts) -> set[tuple[str, str, str, str]]:
    return {(f.subject, f.predicate, f.object, f.modality) for f in facts}


LETTER = (
    "In/ADP/IN/prep/9 a/DET/DT/det/2 letter/NOUN/NN/pobj/0 to/ADP/IN/prep/2 "
    "Glasgow/PROPN/NNP/compound/5 Council/PROPN/NNP/pobj/3 ,/PUNCT/,/punct/9 "
    "the/DET/DT/det/8 Office/PROPN/NNP/nsubj/9 wrote/VERB/VBD/ROOT/9 ./PUNCT/./punct/9"
)


def test_in_a_letter_to_x_y_wrote(blank_vocab):
    doc = parsed_doc(blank_vocab, LETTER)
    ents = [entity(doc, ORGANIZATION, "Glasgow Council"), entity(doc, ORGANIZATION, "Office")]
    facts = find_interactions(doc, ents)
    assert triples(facts) == {("office", "kg:wroteTo", "glasgow council", "")}
    fact = facts[0]
    assert fact.subject_type == ORGANIZATION and fact.object_type == ORGANIZATION
    assert "letter to" in fact.label and not fact.literal
    assert doc.text[fact.start : fact.end].startswith("In a letter to Glasgow Council")


def test_a_report_on_x_is_not_a_letter(blank_vocab):
    doc = parsed_doc(blank_vocab, LETTER.replace("letter/", "report/").replace("to/ADP", "on/ADP"))
    ents = [entity(doc, ORGANIZATION, "Glasgow Council"), entity(doc, ORGANIZATION, "Office")]
    assert find_interactions(doc, ents) == []


PASSIVE = (
    "Smith/PROPN/NNP/nsubjpass/2 was/AUX/VBD/auxpass/2 criticised/VERB/VBN/ROOT/2 "
    "by/ADP/IN/agent/2 Jones/PROPN/NNP/pobj/3 ./PUNCT/./punct/2"
)


def test_passive_agent_acts_on_subject(blank_vocab):
    doc = parsed_doc(blank_vocab, PASSIVE)
    ents = [entity(doc, PERSON, "Smith"), entity(doc, PERSON, "Jones")]
    assert triples(find_interactions(doc, ents)) == {("jones", "kg:criticised", "smith", "")}


def test_passive_without_named_agent_says_nothing(blank_vocab):
    doc = parsed_doc(
        blank_vocab,
        PASSIVE.replace("by/ADP/IN/agent/2", "in/ADP/IN/prep/2").replace(
            "Jones/PROPN/NNP", "private/NOUN/NN"
        ),
    )
    assert find_interactions(doc, [entity(doc, PERSON, "Smith")]) == []


ACTIVE = (
    "Howard/PROPN/NNP/nsubj/{v} {aux}back/VERB/VB/ROOT/{v} Clarke/PROPN/NNP/dobj/{v} "
    "./PUNCT/./punct/{v}"
)


def _active(vocab, aux: str, v: int) -> list:
    doc = parsed_doc(vocab, ACTIVE.format(aux=aux, v=v))
    ents = [entity(doc, PERSON, "Howard"), entity(doc, PERSON, "Clarke")]
    return find_interactions(doc, ents)


def test_plain_negated_and_hedged_clauses(blank_vocab):
    assert triples(_active(blank_vocab, "", 1)) == {("howard", "kg:backed", "clarke", "")}
    negated = _active(blank_vocab, "did/AUX/VBD/aux/3 not/PART/RB/neg/3 ", 3)
    # A denied backing is kept as such, and the pair is still linked: never "rejected".
    assert triples(negated) == {
        ("howard", "kg:backed", "clarke", "negated"),
        ("howard", "kg:interactsWith", "clarke", ""),
    }
    assert {f.label for f in negated} == {"did not back"}
    hedged = _active(blank_vocab, "could/AUX/MD/aux/2 ", 2)
    assert triples(hedged) == {("howard", "kg:backed", "clarke", "hedged")}


def test_refused_to_meet_is_negated(blank_vocab):
    doc = parsed_doc(
        blank_vocab,
        (
            "Howard/PROPN/NNP/nsubj/1 refused/VERB/VBD/ROOT/1 to/PART/TO/aux/3 "
            "meet/VERB/VB/xcomp/1 Clarke/PROPN/NNP/dobj/3 ./PUNCT/./punct/1"
        ),
    )
    ents = [entity(doc, PERSON, "Howard"), entity(doc, PERSON, "Clarke")]
    assert triples(find_interactions(doc, ents)) == {("howard", "kg:met", "clarke", "negated")}


def test_unknown_verb_and_same_entity_say_nothing(blank_vocab):
    doc = parsed_doc(blank_vocab, ACTIVE.format(aux="", v=1).replace("back/", "saw/"))
    ents = [entity(doc, PERSON, "Howard"), entity(doc, PERSON, "Clarke")]
    assert find_interactions(doc, ents) == []
    doc = parsed_doc(blank_vocab, ACTIVE.format(aux="", v=1))
    same = entity(doc, PERSON, "Howard", "Clarke")  # one entity at both ends
    assert find_interactions(doc, [same]) == []


def test_pronoun_in_reported_clause_is_the_speaker(blank_vocab):
    doc = parsed_doc(
        blank_vocab,
        (
            "Clarke/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 he/PRON/PRP/nsubj/4 "
            "would/AUX/MD/aux/4 meet/VERB/VB/ccomp/1 Howard/PROPN/NNP/dobj/4 ./PUNCT/./punct/1"
        ),
    )
    ents = [entity(doc, PERSON, "Clarke"), entity(doc, PERSON, "Howard")]
    assert triples(find_interactions(doc, ents)) == {("clarke", "kg:met", "howard", "hedged")}


def test_lawyer_for_and_representing(blank_vocab):
    doc = parsed_doc(
        blank_vocab,
        (
            "Peirce/PROPN/NNP/nsubj/5 ,/PUNCT/,/punct/0 lawyer/NOUN/NN/appos/0 for/ADP/IN/prep/2 "
            "Begg/PROPN/NNP/pobj/3 said/VERB/VBD/ROOT/5 ./PUNCT/./punct/5"
        ),
    )
    ents = [entity(doc, PERSON, "Peirce"), entity(doc, PERSON, "Begg")]
    assert triples(find_interactions(doc, ents)) == {("peirce", "kg:represented", "begg", "")}
    doc = parsed_doc(
        blank_vocab,
        (
            "Peirce/PROPN/NNP/nsubj/5 ,/PUNCT/,/punct/0 lawyer/NOUN/NN/appos/0 at/ADP/IN/prep/2 "
            "Begg/PROPN/NNP/pobj/3 said/VERB/VBD/ROOT/5 ./PUNCT/./punct/5"
        ),
    )
    ents = [entity(doc, PERSON, "Peirce"), entity(doc, ORGANIZATION, "Begg")]
    assert find_interactions(doc, ents) == []


@pytest.mark.model
def test_seed_article_letter(nlp):
    from kg.extract.article import extract

    text = (SEEDS / "000_b338bd11acf37f66.txt").read_text(encoding="utf-8")
    x = extract(nlp(text), Article(id="000", text=text))
    facts = [f for f in x.facts if f.predicate == "kg:wroteTo"]
    assert {(f.subject, f.object) for f in facts} == {("home office", "glasgow city council")}
    assert "letter to" in facts[0].label
