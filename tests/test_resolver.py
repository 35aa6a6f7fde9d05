"""The resolver on hand-parsed Docs: what an anaphor names, and when it names nothing."""

from __future__ import annotations

from conftest import entity, parsed_doc

from kg.extract.resolver import Resolver
from kg.model import ORGANIZATION, PERSON

HE_SAID = (
    "{a}/{pa}/{ta}/nsubj/1 took/VERB/VBD/ROOT/1 food/NOUN/NN/dobj/1 from/ADP/IN/prep/1 "
    "{b}/{pb}/{tb}/pobj/3 ./PUNCT/./punct/1 It/PRON/PRP/nsubj/7 is/AUX/VBZ/ccomp/11 "
    "clear/ADJ/JJ/acomp/7 ,/PUNCT/,/punct/11 he/PRON/PRP/nsubj/11 said/VERB/VBD/ROOT/11 "
    "./PUNCT/./punct/11"
)
NAME, COMMON = ("PROPN", "NNP"), ("NOUN", "NNS")


def _he(vocab, spec: str):
    doc = parsed_doc(vocab, spec)
    he = next(t for t in doc if t.text == "he")
    return Resolver(doc, [entity(doc, PERSON, "Bland")]).entity(he)


def test_a_speaking_he_is_someone_a_sentence_was_about(blank_vocab):
    subject = HE_SAID.format(
        a="Bland", pa=NAME[0], ta=NAME[1], b="doctors", pb=COMMON[0], tb=COMMON[1]
    )
    assert _he(blank_vocab, subject).name == "Bland"
    oblique = HE_SAID.format(
        a="Doctors", pa=COMMON[0], ta=COMMON[1], b="Bland", pb=NAME[0], tb=NAME[1]
    )
    assert _he(blank_vocab, oblique) is None


def test_an_unnamed_subject_binds_the_pronoun_to_nobody(blank_vocab):
    spec = (
        "Bland/PROPN/NNP/nsubj/1 spoke/VERB/VBD/ROOT/1 ./PUNCT/./punct/1 The/DET/DT/det/4 "
        "{subject}/NOUN/NN/nsubj/5 said/VERB/VBD/ROOT/5 he/PRON/PRP/nsubj/7 "
        "left/VERB/VBD/ccomp/5 ./PUNCT/./punct/5"
    )
    doc = parsed_doc(blank_vocab, spec.format(subject="teenager"))
    he = next(t for t in doc if t.text == "he")
    assert Resolver(doc, [entity(doc, PERSON, "Bland")]).entity(he) is None


def test_a_relative_clause_describes_what_comes_before_it(blank_vocab):
    spec = (
        "Paris/PROPN/NNP/nsubj/8 ,/PUNCT/,/punct/0 who/PRON/WP/nsubj/3 "
        "support/VERB/VBP/relcl/0 Forgeard/PROPN/NNP/dobj/3 ,/PUNCT/,/punct/0 "
        "and/CCONJ/CC/cc/0 Daimler/PROPN/NNP/conj/0 own/VERB/VBP/ROOT/8 "
        "EADS/PROPN/NNP/dobj/8 ./PUNCT/./punct/8"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Paris", "Daimler", "EADS")]
    resolver = Resolver(doc, [*ents, entity(doc, PERSON, "Forgeard")])
    who = next(t for t in doc if t.text == "who")
    assert [e.name for e in resolver.entities(who)] == ["Paris"]
    paris = next(t for t in doc if t.text == "Paris")
    assert {e.name for e in resolver.entities(paris)} == {"Paris", "Daimler"}


_SPOKESMAN_SAID_IT = (
    "A/DET/DT/det/2 Yili/PROPN/NNP/compound/2 spokesman/NOUN/NN/nsubj/3 said/VERB/VBD/ROOT/3 "
    "it/PRON/PRP/nsubj/{verb} {rest} ./PUNCT/./punct/3"
)


def _it(vocab, rest: str, verb: int):
    doc = parsed_doc(vocab, _SPOKESMAN_SAID_IT.format(verb=verb, rest=rest))
    it = next(t for t in doc if t.text == "it")
    return Resolver(doc, [entity(doc, ORGANIZATION, "Yili")]).entity(it)


def test_it_in_a_spokesmans_report_is_the_body_he_speaks_for(blank_vocab):
    got = _it(blank_vocab, "would/AUX/MD/aux/6 sue/VERB/VB/ccomp/3 Mengniu/PROPN/NNP/dobj/6", 6)
    assert got is not None and got.name == "Yili"


def test_an_extraposed_it_stands_for_the_clause_after_it(blank_vocab):
    # "A Yili spokesman said it was wrong to suggest ...": "it" is the suggestion.
    rest = (
        "was/AUX/VBD/ccomp/3 wrong/ADJ/JJ/acomp/5 to/PART/TO/aux/8 suggest/VERB/VB/xcomp/6 "
        "that/PRON/DT/dobj/8"
    )
    assert _it(blank_vocab, rest, 5) is None
    # "... said it was pleased to ...": a feeling of the body's own.
    pleased = rest.replace("wrong/", "pleased/")
    got = _it(blank_vocab, pleased, 5)
    assert got is not None and got.name == "Yili"
