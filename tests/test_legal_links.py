"""find_legal_links: hand-parsed Docs for each pattern and its negative; the seed article."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from test_interactions import entity, parsed_doc, triples

from kg.extract.legal_links import find_legal_links
from kg.model import LEGISLATION, ORGANIZATION, PERSON, Article

BILL = "Safety Bill"


def _links(vocab, spec: str, *agents: tuple[str, str]):
    doc = parsed_doc(vocab, spec)
    ents = [entity(doc, type_, name) for type_, name in agents]
    ents.append(entity(doc, LEGISLATION, BILL))
    return triples(find_legal_links(doc, ents))


def test_voted_in_favour_of_the_bill_supports(blank_vocab):
    spec = (
        "Labour/PROPN/NNP/nsubj/1 voted/VERB/VBD/ROOT/1 in/ADP/IN/prep/1 favour/NOUN/NN/pobj/2 "
        "of/ADP/IN/prep/3 the/DET/DT/det/7 Safety/PROPN/NNP/compound/7 Bill/PROPN/NNP/pobj/4 "
        "./PUNCT/./punct/1"
    )
    assert _links(blank_vocab, spec, (ORGANIZATION, "Labour")) == {
        ("labour", "kg:supports", "safety bill", "")
    }
    against = spec.replace(
        "in/ADP/IN/prep/1 favour/NOUN/NN/pobj/2 of/ADP/IN/prep/3",
        "in/ADP/IN/prep/1 spite/NOUN/NN/pobj/2 of/ADP/IN/prep/3",
    )
    assert _links(blank_vocab, against, (ORGANIZATION, "Labour")) == set()


def test_plans_to_move_an_amendment_is_a_hedged_amendment(blank_vocab):
    spec = (
        "Labour/PROPN/NNP/nsubj/1 plans/VERB/VBZ/ROOT/1 to/PART/TO/aux/3 move/VERB/VB/xcomp/1 "
        "an/DET/DT/det/5 amendment/NOUN/NN/dobj/3 to/ADP/IN/prep/5 the/DET/DT/det/9 "
        "Safety/PROPN/NNP/compound/9 Bill/PROPN/NNP/pobj/6 ./PUNCT/./punct/1"
    )
    assert _links(blank_vocab, spec, (ORGANIZATION, "Labour")) == {
        ("labour", "kg:amended", "safety bill", "hedged")
    }
    # Facing a rebellion over a Bill is not opposing it.
    faces = spec.replace(
        "plans/VERB/VBZ/ROOT/1 to/PART/TO/aux/3 move/VERB/VB/xcomp/1",
        "faces/VERB/VBZ/ROOT/1 a/DET/DT/det/5 real/ADJ/JJ/amod/5",
    )
    faces = faces.replace(
        "an/DET/DT/det/5 amendment/NOUN/NN/dobj/3", "big/ADJ/JJ/amod/5 rebellion/NOUN/NN/dobj/1"
    )
    assert not any(
        p == "kg:opposes" for _, p, _, _ in _links(blank_vocab, faces, (ORGANIZATION, "Labour"))
    )


def test_charged_under_the_act(blank_vocab):
    spec = (
        "Smith/PROPN/NNP/nsubjpass/2 was/AUX/VBD/auxpass/2 charged/VERB/VBN/ROOT/2 "
        "under/ADP/IN/prep/2 the/DET/DT/det/6 Safety/PROPN/NNP/compound/6 Bill/PROPN/NNP/pobj/3 "
        "./PUNCT/./punct/2"
    )
    assert _links(blank_vocab, spec, (PERSON, "Smith")) == {
        ("smith", "kg:chargedUnder", "safety bill", "")
    }
    # Charged *with* an offence named after the Bill is not "under" it.
    assert _links(blank_vocab, spec.replace("under/ADP", "despite/ADP"), (PERSON, "Smith")) == set()


def test_speaker_invokes_what_is_controlled_under_the_act(blank_vocab):
    spec = (
        "Office/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 drugs/NOUN/NNS/nsubj/7 "
        "controlled/VERB/VBN/acl/2 under/ADP/IN/prep/3 Safety/PROPN/NNP/compound/6 "
        "Bill/PROPN/NNP/pobj/4 harm/VERB/VBP/ccomp/1 ./PUNCT/./punct/1"
    )
    assert _links(blank_vocab, spec, (ORGANIZATION, "Office")) == {
        ("office", "kg:invokes", "safety bill", "")
    }


def test_reserved_to_a_body(blank_vocab):
    spec = (
        "Safety/PROPN/NNP/compound/1 Bill/PROPN/NNP/nsubjpass/3 is/AUX/VBZ/auxpass/3 "
        "reserved/VERB/VBN/ROOT/3 to/ADP/IN/prep/3 Westminster/PROPN/NNP/pobj/4 ./PUNCT/./punct/3"
    )
    assert _links(blank_vocab, spec, (ORGANIZATION, "Westminster")) == {
        ("safety bill", "kg:reservedTo", "westminster", "")
    }
    near = spec.replace("to/ADP", "near/ADP")
    assert _links(blank_vocab, near, (ORGANIZATION, "Westminster")) == set()


def test_bill_going_to_a_house(blank_vocab):
    spec = (
        "Safety/PROPN/NNP/compound/1 Bill/PROPN/NNP/nsubj/2 goes/VERB/VBZ/ROOT/2 "
        "to/ADP/IN/prep/2 Lords/PROPN/NNPS/pobj/3 ./PUNCT/./punct/2"
    )
    assert _links(blank_vocab, spec, (ORGANIZATION, "Lords")) == {
        ("lords", "kg:legalRelation", "safety bill", "")
    }


def test_reported_statement_about_the_bill(blank_vocab):
    spec = (
        "Davies/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 Safety/PROPN/NNP/compound/3 "
        "Bill/PROPN/NNP/nsubj/4 failed/VERB/VBD/ccomp/1 ./PUNCT/./punct/1"
    )
    facts = _links(blank_vocab, spec, (PERSON, "Davies"))
    assert facts == {("davies", "kg:legalRelation", "safety bill", "")}
    # Another named actor's clause in between owns the words.
    spec = (
        "Davies/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 Jones/PROPN/NNP/nsubj/3 "
        "likes/VERB/VBZ/ccomp/1 Safety/PROPN/NNP/compound/5 Bill/PROPN/NNP/dobj/3 ./PUNCT/./punct/1"
    )
    facts = _links(blank_vocab, spec, (PERSON, "Davies"), (PERSON, "Jones"))
    assert {(s, o) for s, _, o, _ in facts} == {("jones", "safety bill")}


@pytest.mark.model
def test_seed_article_home_office_invokes_the_act(nlp):
    from kg.extract.article import extract

    text = (SEEDS / "000_b338bd11acf37f66.txt").read_text(encoding="utf-8")
    x = extract(nlp(text), Article(id="000", text=text))
    links = {(f.subject, f.predicate, f.object) for f in x.facts if f.rule.startswith("legal:")}
    assert ("home office", "kg:invokes", "misuse of drugs act 1971") in links
