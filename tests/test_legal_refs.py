"""References back to a named instrument ("the plans", "the hunting ban", "the Charter"), on
hand-parsed Docs: each construction with the negative that keeps it narrow."""

from __future__ import annotations

from conftest import parsed_doc

from kg.extract.legislation import find_legislation


def _refs(vocab, spec: str) -> list[tuple[str, str]]:
    doc = parsed_doc(vocab, spec)
    return [(m.text, m.name) for m in find_legislation(doc) if m.rule == "legislation:reference"]


BILL_THEN_PLANS = (
    "The/DET/DT/det/2 Gambling/PROPN/NNP/compound/2 Bill/PROPN/NNP/nsubjpass/4 "
    "was/AUX/VBD/auxpass/4 published/VERB/VBN/ROOT/4 ./PUNCT/./punct/4 The/DET/DT/det/7 "
    "Tories/PROPN/NNPS/nsubj/8 oppose/VERB/VBP/ROOT/8 the/DET/DT/det/10 "
    "plans/NOUN/NNS/dobj/8 ./PUNCT/./punct/8"
)


def test_the_plans_after_a_bill_are_the_bill(blank_vocab):
    assert _refs(blank_vocab, BILL_THEN_PLANS) == [("the plans", "Gambling Bill")]


def test_plans_are_not_an_act(blank_vocab):
    spec = BILL_THEN_PLANS.replace(
        "Gambling/PROPN/NNP/compound/2 Bill", "Gambling/PROPN/NNP/compound/2 Act"
    )
    assert _refs(blank_vocab, spec) == []


def test_plans_with_a_complement_are_new_plans(blank_vocab):
    spec = BILL_THEN_PLANS.replace(
        "plans/NOUN/NNS/dobj/8 ./PUNCT/./punct/8",
        "plans/NOUN/NNS/dobj/8 to/PART/TO/aux/12 cut/VERB/VB/acl/10 taxes/NOUN/NNS/dobj/12 "
        "./PUNCT/./punct/8",
    )
    assert _refs(blank_vocab, spec) == []


HUNTING_BAN = (
    "The/DET/DT/det/2 Hunting/PROPN/NNP/compound/2 Act/PROPN/NNP/nsubj/3 "
    "is/AUX/VBZ/ROOT/3 in/ADP/IN/prep/3 force/NOUN/NN/pobj/4 ./PUNCT/./punct/3 "
    "Critics/NOUN/NNS/nsubj/8 say/VERB/VBP/ROOT/8 the/DET/DT/det/11 "
    "hunting/NOUN/NN/compound/11 ban/NOUN/NN/nsubj/12 is/AUX/VBZ/ccomp/8 "
    "unclear/ADJ/JJ/acomp/12 ./PUNCT/./punct/8"
)


def test_a_modifier_from_the_title_names_the_instrument(blank_vocab):
    assert _refs(blank_vocab, HUNTING_BAN) == [("the hunting ban", "Hunting Act")]


def test_a_modifier_the_title_does_not_explain_is_another_topic(blank_vocab):
    spec = HUNTING_BAN.replace("hunting/NOUN/NN/compound/11", "smoking/NOUN/NN/compound/11")
    assert _refs(blank_vocab, spec) == []


def test_the_bare_noun_takes_the_one_recent_instrument(blank_vocab):
    spec = HUNTING_BAN.replace("hunting/NOUN/NN/compound/11", "new/ADJ/JJ/amod/11")
    assert _refs(blank_vocab, spec) == [("the new ban", "Hunting Act")]


def test_against_the_law_is_the_law_in_general(blank_vocab):
    spec = (
        "Hunts/NOUN/NNS/nsubj/1 defy/VERB/VBP/ROOT/1 the/DET/DT/det/4 "
        "Hunting/PROPN/NNP/compound/4 Act/PROPN/NNP/dobj/1 ./PUNCT/./punct/1 "
        "Others/NOUN/NNS/nsubj/7 say/VERB/VBP/ROOT/7 it/PRON/PRP/nsubj/9 is/AUX/VBZ/ccomp/7 "
        "{prep}/ADP/IN/prep/9 the/DET/DT/det/12 law/NOUN/NN/pobj/10 ./PUNCT/./punct/7"
    )
    assert _refs(blank_vocab, spec.format(prep="against")) == []
    assert _refs(blank_vocab, spec.format(prep="under")) == [("the law", "Hunting Act")]


def test_a_noun_used_before_any_instrument_keeps_its_own_meaning(blank_vocab):
    spec = (
        "The/DET/DT/det/2 new/ADJ/JJ/amod/2 rules/NOUN/NNS/nsubj/3 start/VERB/VBP/ROOT/3 "
        "today/NOUN/NN/npadvmod/3 ./PUNCT/./punct/3 The/DET/DT/det/8 "
        "Asylum/PROPN/NNP/compound/8 Act/PROPN/NNP/nsubj/10 1999/NUM/CD/nummod/8 "
        "stays/VERB/VBZ/ROOT/10 ./PUNCT/./punct/10 Critics/NOUN/NNS/nsubj/13 "
        "say/VERB/VBP/ROOT/13 the/DET/DT/det/16 new/ADJ/JJ/amod/16 rules/NOUN/NNS/nsubj/17 "
        "are/AUX/VBP/ccomp/13 unfair/ADJ/JJ/acomp/17 ./PUNCT/./punct/13"
    )
    assert _refs(blank_vocab, spec) == []
    # Without the first sentence, the same words refer back to the Act.
    later = spec.replace(
        "The/DET/DT/det/2 new/ADJ/JJ/amod/2 rules/NOUN/NNS/nsubj/3 start/VERB/VBP/ROOT/3",
        "The/DET/DT/det/2 old/ADJ/JJ/amod/2 rooms/NOUN/NNS/nsubj/3 start/VERB/VBP/ROOT/3",
    )
    assert _refs(blank_vocab, later) == [("the new rules", "Asylum Act 1999")]


def test_a_title_word_as_the_noun_names_a_treaty(blank_vocab):
    spec = (
        "Russia/PROPN/NNP/nsubj/1 signed/VERB/VBD/ROOT/1 the/DET/DT/det/5 "
        "Energy/PROPN/NNP/compound/4 Charter/PROPN/NNP/compound/5 Treaty/PROPN/NNP/dobj/1 "
        "./PUNCT/./punct/1 Lawyers/NOUN/NNS/nsubj/8 say/VERB/VBP/ROOT/8 the/DET/DT/det/10 "
        "Charter/PROPN/NNP/nsubj/11 binds/VERB/VBZ/ccomp/8 it/PRON/PRP/dobj/11 "
        "./PUNCT/./punct/8"
    )
    assert _refs(blank_vocab, spec) == [("the Charter", "Energy Charter Treaty")]


def _any_refs(vocab, spec: str) -> list[tuple[str, str, str]]:
    doc = parsed_doc(vocab, spec)
    return [(m.rule, m.text, m.name) for m in find_legislation(doc) if m.anaphor]


CARDS = (
    "The/DET/DT/det/3 Identity/PROPN/NNP/compound/2 Cards/PROPN/NNPS/compound/3 "
    "Bill/PROPN/NNP/nsubj/4 is/AUX/VBZ/ROOT/4 here/ADV/RB/advmod/4 ./PUNCT/./punct/4 "
    "Howard/PROPN/NNP/nsubj/8 backs/VERB/VBZ/ROOT/8 {word}/NOUN/NN/compound/10 "
    "cards/NOUN/NNS/dobj/8 ./PUNCT/./punct/8"
)


def test_the_titles_words_without_its_head(blank_vocab):
    assert _any_refs(blank_vocab, CARDS.format(word="identity")) == [
        ("legislation:title-phrase", "identity cards", "Identity Cards Bill")
    ]
    assert _any_refs(blank_vocab, CARDS.format(word="credit")) == []


GOES = (
    "The/DET/DT/det/2 Crossrail/PROPN/NNP/compound/2 Bill/PROPN/NNP/nsubj/3 "
    "is/AUX/VBZ/ROOT/3 ready/ADJ/JJ/acomp/3 ./PUNCT/./punct/3 The/DET/DT/det/7 "
    "paper/NOUN/NN/nsubj/8 says/VERB/VBZ/ROOT/8 it/PRON/PRP/nsubj/11 will/AUX/MD/aux/11 "
    "go/VERB/VB/ccomp/8 {rest}./PUNCT/./punct/8"
)


def test_it_going_before_a_house_is_the_bill(blank_vocab):
    before = "before/ADP/IN/prep/11 the/DET/DT/det/14 Commons/PROPN/NNP/pobj/12 "
    assert _any_refs(blank_vocab, GOES.format(rest=before)) == [
        ("legislation:it", "it", "Crossrail Bill")
    ]
    assert _any_refs(blank_vocab, GOES.format(rest="home/ADV/RB/advmod/11 ")) == []


def test_it_ratified_in_the_same_sentence_is_the_treaty(blank_vocab):
    spec = (
        "Russia/PROPN/NNP/nsubj/1 signed/VERB/VBD/ROOT/1 the/DET/DT/det/5 "
        "Energy/PROPN/NNP/compound/4 Charter/PROPN/NNP/compound/5 Treaty/PROPN/NNP/dobj/1 "
        "but/CCONJ/CC/cc/1 never/ADV/RB/neg/8 {verb}/VERB/VBD/conj/1 it/PRON/PRP/dobj/8 "
        "./PUNCT/./punct/1"
    )
    assert _any_refs(blank_vocab, spec.format(verb="ratified")) == [
        ("legislation:it", "it", "Energy Charter Treaty")
    ]
    assert _any_refs(blank_vocab, spec.format(verb="liked")) == []


def test_a_bill_is_not_yet_the_law(blank_vocab):
    spec = (
        "The/DET/DT/det/2 Gambling/PROPN/NNP/compound/2 {kind}/PROPN/NNP/nsubjpass/4 "
        "was/AUX/VBD/auxpass/4 published/VERB/VBN/ROOT/4 ./PUNCT/./punct/4 "
        "Critics/NOUN/NNS/nsubj/7 are/AUX/VBP/ROOT/7 confused/ADJ/JJ/acomp/7 "
        "about/ADP/IN/prep/8 the/DET/DT/det/11 law/NOUN/NN/pobj/9 ./PUNCT/./punct/7"
    )
    assert _refs(blank_vocab, spec.format(kind="Bill")) == []
    assert _refs(blank_vocab, spec.format(kind="Act")) == [("the law", "Gambling Act")]
