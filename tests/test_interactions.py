"""find_interactions: hand-parsed Docs for each pattern and its negative; the seed article."""

from __future__ import annotations

from dataclasses import replace

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


# --- constructions added for news kg had not seen (issue 11): each with its negative -------
def _found(vocab, spec: str, *names: str, types: dict[str, str] | None = None):
    """Interactions in a hand-parsed Doc whose named entities are `names` (organisations
    unless `types` says otherwise)."""
    doc = parsed_doc(vocab, spec)
    types = types or {}
    ents = [entity(doc, types.get(n, ORGANIZATION), n) for n in names]
    return triples(find_interactions(doc, ents))


def test_raised_subject_of_a_passive_reporting_verb(blank_vocab):
    spec = (
        "Theodore/PROPN/NNP/nsubjpass/2 is/AUX/VBZ/auxpass/2 reported/VERB/VBN/ROOT/2 "
        "to/PART/TO/aux/5 have/AUX/VB/aux/5 held/VERB/VBN/xcomp/2 talks/NOUN/NNS/dobj/5 "
        "with/ADP/IN/prep/6 Furse/PROPN/NNP/pobj/7 ./PUNCT/./punct/2"
    )
    assert _found(blank_vocab, spec, "Theodore", "Furse") == {("theodore", "kg:met", "furse", "")}
    # Without the infinitive's "to" there is nothing to raise the subject across.
    no_to = spec.replace("to/PART/TO/aux/5", "so/ADV/RB/advmod/5")
    assert _found(blank_vocab, no_to, "Theodore", "Furse") == set()


def test_purpose_clause_shares_the_subject(blank_vocab):
    spec = (
        "Neeson/PROPN/NNP/nsubj/1 held/VERB/VBD/ROOT/1 a/DET/DT/det/3 party/NOUN/NN/dobj/1 "
        "to/PART/TO/aux/5 promote/VERB/VB/advcl/1 the/DET/DT/det/7 Lyric/PROPN/NNP/dobj/5 "
        "./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, spec, "Neeson", "Lyric") == {("neeson", "kg:backed", "lyric", "")}
    finite = spec.replace(
        "to/PART/TO/aux/5 promote/VERB/VB/", "so/ADV/RB/advmod/5 promoted/VERB/VBD/"
    )
    assert _found(blank_vocab, finite, "Neeson", "Lyric") == set()


def test_typed_verbs_of_business(blank_vocab):
    buy = (
        "SBC/PROPN/NNP/nsubj/1 agreed/VERB/VBD/ROOT/1 to/PART/TO/aux/3 buy/VERB/VB/xcomp/1 "
        "Nynex/PROPN/NNP/dobj/3 ./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, buy, "SBC", "Nynex") == {("sbc", "kg:acquired", "nynex", "")}
    merge = buy.replace(
        "buy/VERB/VB/xcomp/1 Nynex/PROPN/NNP/dobj/3", "merge/VERB/VB/xcomp/1 Nynex/PROPN/NNP/prep/3"
    )
    # a preposition the verb does not take ("merge Nynex") says nothing
    assert _found(blank_vocab, merge, "SBC", "Nynex") == set()
    holding = (
        "Menatep/PROPN/NNP/nsubj/1 controls/VERB/VBZ/ROOT/1 51/NUM/CD/nummod/3 "
        "%/NOUN/NN/dobj/1 of/ADP/IN/prep/3 Yukos/PROPN/NNP/pobj/4 ./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, holding, "Menatep", "Yukos") == {("menatep", "kg:owns", "yukos", "")}


def test_a_particle_picks_the_sense(blank_vocab):
    over = (
        "Glazer/PROPN/NNP/nsubj/1 took/VERB/VBD/ROOT/1 over/ADP/RP/prt/1 "
        "United/PROPN/NNP/dobj/1 ./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, over, "Glazer", "United") == {
        ("glazer", "kg:acquired", "united", "")
    }
    assert (
        _found(
            blank_vocab, over.replace("over/ADP/RP/prt/1", "back/ADV/RP/prt/1"), "Glazer", "United"
        )
        == set()
    )


def test_asked_to_needs_an_infinitive(blank_vocab):
    spec = (
        "Menatep/PROPN/NNP/nsubj/1 asked/VERB/VBD/ROOT/1 Rosneft/PROPN/NNP/dobj/1 "
        "to/PART/TO/aux/4 repay/VERB/VB/xcomp/1 the/DET/DT/det/6 loan/NOUN/NN/dobj/4 "
        "./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, spec, "Menatep", "Rosneft") == {
        ("menatep", "kg:urged", "rosneft", "")
    }
    whether = (
        "Hill/PROPN/NNP/nsubj/1 asked/VERB/VBD/ROOT/1 whether/SCONJ/IN/mark/5 "
        "Labour/PROPN/NNP/nsubj/5 would/AUX/MD/aux/5 match/VERB/VB/ccomp/1 "
        "it/PRON/PRP/dobj/5 ./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, whether, "Hill", "Labour") == set()
    want = (
        "The/DET/DT/det/1 Tories/PROPN/NNPS/nsubj/2 want/VERB/VBP/ROOT/2 "
        "Thomas/PROPN/NNP/nsubj/5 to/PART/TO/aux/5 investigate/VERB/VB/ccomp/2 "
        "./PUNCT/./punct/2"
    )
    assert _found(blank_vocab, want, "Tories", "Thomas") == {("tories", "kg:urged", "thomas", "")}


def test_selling_to_a_buyer(blank_vocab):
    spec = (
        "The/DET/DT/det/1 Kremlin/PROPN/NNP/nsubj/2 sold/VERB/VBD/ROOT/2 "
        "Yugansk/PROPN/NNP/dobj/2 to/ADP/IN/prep/2 Rosneft/PROPN/NNP/pobj/4 "
        "./PUNCT/./punct/2"
    )
    assert _found(blank_vocab, spec, "Kremlin", "Yugansk", "Rosneft") == {
        ("kremlin", "kg:soldTo", "rosneft", ""),
        ("rosneft", "kg:acquired", "yugansk", ""),
    }


def test_passive_in_a_relative_clause(blank_vocab):
    spec = (
        "Yugansk/PROPN/NNP/nsubj/8 ,/PUNCT/,/punct/0 which/PRON/WDT/nsubjpass/4 "
        "was/AUX/VBD/auxpass/4 bought/VERB/VBN/relcl/0 by/ADP/IN/agent/4 "
        "Rosneft/PROPN/NNP/pobj/5 ,/PUNCT/,/punct/0 fell/VERB/VBD/ROOT/8 ./PUNCT/./punct/8"
    )
    assert _found(blank_vocab, spec, "Yugansk", "Rosneft") == {
        ("rosneft", "kg:acquired", "yugansk", "")
    }


def test_a_cue_noun_and_its_owner(blank_vocab):
    poss = (
        "Verizon/PROPN/NNP/poss/2 's/PART/POS/case/0 offer/NOUN/NN/nsubj/5 for/ADP/IN/prep/2 "
        "MCI/PROPN/NNP/pobj/3 failed/VERB/VBD/ROOT/5 ./PUNCT/./punct/5"
    )
    assert _found(blank_vocab, poss, "Verizon", "MCI") == {("verizon", "kg:bidFor", "mci", "")}
    by = (
        "A/DET/DT/det/1 buyout/NOUN/NN/nsubj/6 of/ADP/IN/prep/1 MCI/PROPN/NNP/pobj/2 "
        "by/ADP/IN/prep/1 Verizon/PROPN/NNP/pobj/4 failed/VERB/VBD/ROOT/6 ./PUNCT/./punct/6"
    )
    assert _found(blank_vocab, by, "Verizon", "MCI") == {("verizon", "kg:acquired", "mci", "")}
    nobody = (
        "An/DET/DT/det/1 offer/NOUN/NN/nsubj/4 for/ADP/IN/prep/1 MCI/PROPN/NNP/pobj/2 "
        "failed/VERB/VBD/ROOT/4 ./PUNCT/./punct/4"
    )
    assert _found(blank_vocab, nobody, "MCI") == set()


WAR = (
    "It/PRON/PRP/nsubj/1 is/AUX/VBZ/ROOT/1 a/DET/DT/det/3 war/NOUN/NN/attr/1 "
    "of/ADP/IN/prep/3 words/NOUN/NNS/pobj/4 between/ADP/IN/prep/5 "
    "Labour/PROPN/NNP/pobj/6 and/CCONJ/CC/cc/7 the/DET/DT/det/10 "
    "Tories/PROPN/NNPS/conj/7 ./PUNCT/./punct/1"
)


def test_between_the_two_sides(blank_vocab):
    assert _found(blank_vocab, WAR, "Labour", "Tories") == {
        ("labour", "kg:interactsWith", "tories", "")
    }
    difference = WAR.replace("war/NOUN", "difference/NOUN")
    assert _found(blank_vocab, difference, "Labour", "Tories") == set()


def test_both_parties_are_the_two_named_together(blank_vocab):
    spec = (
        "Oaten/PROPN/NNP/nsubj/1 attacked/VERB/VBD/ROOT/1 Labour/PROPN/NNP/dobj/1 "
        "and/CCONJ/CC/cc/2 the/DET/DT/det/5 Tories/PROPN/NNPS/conj/2 ./PUNCT/./punct/1 "
        "Campbell/PROPN/NNP/nsubj/8 warned/VERB/VBD/ROOT/8 {det}/DET/DT/det/10 "
        "parties/NOUN/NNS/dobj/8 ./PUNCT/./punct/8"
    )
    found = _found(blank_vocab, spec.format(det="both"), "Oaten", "Labour", "Tories", "Campbell")
    assert {t for t in found if t[0] == "campbell"} == {
        ("campbell", "kg:warned", "labour", ""),
        ("campbell", "kg:warned", "tories", ""),
    }
    found = _found(blank_vocab, spec.format(det="some"), "Oaten", "Labour", "Tories", "Campbell")
    assert not {t for t in found if t[0] == "campbell"}


def test_speaking_on_behalf_of(blank_vocab):
    spec = (
        "Hughes/PROPN/NNP/nsubj/1 spoke/VERB/VBD/ROOT/1 on/ADP/IN/prep/1 "
        "behalf/NOUN/NN/pobj/2 of/ADP/IN/prep/3 Pitylak/PROPN/NNP/pobj/4 ./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, spec, "Hughes", "Pitylak") == {
        ("hughes", "kg:represented", "pitylak", "")
    }
    assert _found(blank_vocab, spec.replace("behalf/", "top/"), "Hughes", "Pitylak") == set()


def test_in_answer_to_a_question_from(blank_vocab):
    spec = (
        "In/ADP/IN/prep/9 answer/NOUN/NN/pobj/0 to/ADP/IN/prep/1 a/DET/DT/det/4 "
        "question/NOUN/NN/pobj/2 from/ADP/IN/prep/4 Dunne/PROPN/NNP/pobj/5 ,/PUNCT/,/punct/9 "
        "Blair/PROPN/NNP/nsubj/9 said/VERB/VBD/ROOT/9 no/INTJ/UH/intj/9 ./PUNCT/./punct/9"
    )
    assert _found(blank_vocab, spec, "Dunne", "Blair") == {
        ("blair", "kg:interactsWith", "dunne", "")
    }
    about = spec.replace("from/ADP/IN/prep/4", "about/ADP/IN/prep/4")
    assert _found(blank_vocab, about, "Dunne", "Blair") == set()


def test_someones_lawyer(blank_vocab):
    spec = (
        "Gaillard/PROPN/NNP/nsubj/6 ,/PUNCT/,/punct/0 Menatep/PROPN/NNP/poss/4 "
        "'s/PART/POS/case/2 lawyer/NOUN/NN/appos/0 ,/PUNCT/,/punct/0 said/VERB/VBD/ROOT/6 "
        "no/INTJ/UH/intj/6 ./PUNCT/./punct/6"
    )
    assert _found(blank_vocab, spec, "Gaillard", "Menatep") == {
        ("gaillard", "kg:represented", "menatep", "")
    }
    assert _found(blank_vocab, spec.replace("lawyer/", "friend/"), "Gaillard", "Menatep") == set()


OPINION = (
    "Campbell/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 Goldsmith/PROPN/NNP/poss/4 "
    "'s/PART/POS/case/2 plan/NOUN/NN/nsubj/5 was/AUX/VBD/ccomp/1 "
    "{word}/ADJ/JJ/acomp/5 ./PUNCT/./punct/1"
)


def test_an_opinion_of_someones_plan(blank_vocab):
    people = {"Campbell": PERSON, "Goldsmith": PERSON}
    found = _found(blank_vocab, OPINION.format(word="ridiculous"), *people, types=people)
    assert found == {("campbell", "kg:criticised", "goldsmith", "")}
    found = _found(blank_vocab, OPINION.format(word="late"), *people, types=people)
    assert found == {("campbell", "kg:interactsWith", "goldsmith", "")}
    # Saying what someone will do is not acting on them.
    will = (
        "Campbell/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 Goldsmith/PROPN/NNP/nsubj/4 "
        "would/AUX/MD/aux/4 speak/VERB/VB/ccomp/1 ./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, will, *people, types=people) == set()


def test_a_body_acts_through_its_directors(blank_vocab):
    spec = (
        "MCI/PROPN/NNP/poss/2 's/PART/POS/case/0 directors/NOUN/NNS/nsubj/3 "
        "backed/VERB/VBD/ROOT/3 Verizon/PROPN/NNP/dobj/3 ./PUNCT/./punct/3"
    )
    assert _found(blank_vocab, spec, "MCI", "Verizon") == {("mci", "kg:backed", "verizon", "")}
    holders = spec.replace("directors/", "shareholders/")
    assert _found(blank_vocab, holders, "MCI", "Verizon") == set()


def test_after_doing_shares_the_subject(blank_vocab):
    spec = (
        "Kilroy/PROPN/NNP/compound/2 -/PUNCT/HYPH/punct/2 Silk/PROPN/NNP/nsubj/3 "
        "resigned/VERB/VBD/ROOT/3 after/ADP/IN/prep/3 criticising/VERB/VBG/pcomp/4 "
        "UKIP/PROPN/NNP/dobj/5 ./PUNCT/./punct/3"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, "Kilroy - Silk"), entity(doc, ORGANIZATION, "UKIP")]
    assert {(p, o) for _, p, o, _ in triples(find_interactions(doc, ents))} == {
        ("kg:criticised", "ukip")
    }


def test_calling_for_an_investigation_by_someone(blank_vocab):
    spec = (
        "Lewis/PROPN/NNP/nsubj/1 called/VERB/VBD/ROOT/1 for/ADP/IN/prep/1 an/DET/DT/det/4 "
        "investigation/NOUN/NN/pobj/2 by/ADP/IN/prep/4 Thomas/PROPN/NNP/pobj/5 "
        "./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, spec, "Lewis", "Thomas") == {("lewis", "kg:urged", "thomas", "")}
    into = spec.replace("by/ADP/IN/prep/4", "into/ADP/IN/prep/4")
    assert _found(blank_vocab, into, "Lewis", "Thomas") == set()


def test_launching_careers(blank_vocab):
    spec = (
        "The/DET/DT/det/1 Lyric/PROPN/NNP/nsubj/2 launched/VERB/VBD/ROOT/2 the/DET/DT/det/4 "
        "careers/NOUN/NNS/dobj/2 of/ADP/IN/prep/4 Rea/PROPN/NNP/pobj/5 and/CCONJ/CC/cc/6 "
        "Lynch/PROPN/NNP/conj/6 ./PUNCT/./punct/2"
    )
    assert _found(blank_vocab, spec, "Lyric", "Rea", "Lynch") == {
        ("lyric", "kg:interactsWith", "rea", ""),
        ("lyric", "kg:interactsWith", "lynch", ""),
    }
    assert _found(blank_vocab, spec.replace("careers/", "songs/"), "Lyric", "Rea", "Lynch") == set()


def test_looking_into_someones_orders(blank_vocab):
    spec = (
        "Thomas/PROPN/NNP/nsubj/2 is/AUX/VBZ/aux/2 looking/VERB/VBG/ROOT/2 "
        "into/ADP/IN/prep/2 Cabinet/PROPN/NNP/compound/5 Office/PROPN/NNP/compound/6 "
        "orders/NOUN/NNS/pobj/3 ./PUNCT/./punct/2"
    )
    assert _found(blank_vocab, spec, "Thomas", "Cabinet Office") == {
        ("thomas", "kg:investigated", "cabinet office", "")
    }
    at = spec.replace("into/ADP/IN/prep/2", "at/ADP/IN/prep/2")
    assert _found(blank_vocab, at, "Thomas", "Cabinet Office") == set()


SAID = (
    "Kennedy/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 Blair/PROPN/NNP/nsubj/4 "
    "{aux}/AUX/MD/aux/4 resign/VERB/VB/ccomp/1 ./PUNCT/./punct/1"
)
PEOPLE = {"Kennedy": PERSON, "Blair": PERSON}


def test_what_someone_says_another_must_do_or_did_badly(blank_vocab):
    found = _found(blank_vocab, SAID.format(aux="should"), *PEOPLE, types=PEOPLE)
    assert found == {("kennedy", "kg:urged", "blair", "")}
    would = _found(blank_vocab, SAID.format(aux="would"), *PEOPLE, types=PEOPLE)
    assert would == set()  # what someone will do is not urged
    should_have = (
        "Kennedy/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 Blair/PROPN/NNP/nsubj/5 "
        "should/AUX/MD/aux/5 have/AUX/VB/aux/5 resigned/VERB/VBN/ccomp/1 ./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, should_have, *PEOPLE, types=PEOPLE) == {
        ("kennedy", "kg:criticised", "blair", "")
    }
    failed = (
        "Kennedy/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 Blair/PROPN/NNP/nsubj/4 "
        "had/AUX/VBD/aux/4 failed/VERB/VBN/ccomp/1 to/PART/TO/aux/6 act/VERB/VB/xcomp/4 "
        "./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, failed, *PEOPLE, types=PEOPLE) == {
        ("kennedy", "kg:criticised", "blair", "")
    }
    right = (
        "Kennedy/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 Blair/PROPN/NNP/nsubj/3 "
        "was/AUX/VBD/ccomp/1 {word}/ADJ/JJ/acomp/3 ./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, right.format(word="right"), *PEOPLE, types=PEOPLE) == {
        ("kennedy", "kg:praised", "blair", "")
    }
    assert _found(blank_vocab, right.format(word="tall"), *PEOPLE, types=PEOPLE) == set()


def test_a_part_of_a_company_stands_for_it(blank_vocab):
    spec = (
        "GM/PROPN/NNP/nsubj/3 no/ADV/RB/neg/2 longer/ADV/RBR/advmod/3 owns/VERB/VBZ/ROOT/3 "
        "the/DET/DT/det/6 Fiat/PROPN/NNP/compound/6 {noun}/NOUN/NN/dobj/3 ./PUNCT/./punct/3"
    )
    assert _found(blank_vocab, spec.format(noun="unit"), "GM", "Fiat") == {
        ("gm", "kg:owns", "fiat", "negated")
    }
    assert _found(blank_vocab, spec.format(noun="car"), "GM", "Fiat") == set()


def test_a_merger_of_both(blank_vocab):
    spec = (
        "A/DET/DT/det/1 {noun}/NOUN/NN/nsubj/6 of/ADP/IN/prep/1 Mittal/PROPN/NNP/pobj/2 "
        "and/CCONJ/CC/cc/3 ISG/PROPN/NNP/conj/3 is/AUX/VBZ/ROOT/6 near/ADJ/JJ/acomp/6 "
        "./PUNCT/./punct/6"
    )
    assert _found(blank_vocab, spec.format(noun="merger"), "Mittal", "ISG") == {
        ("mittal", "kg:mergedWith", "isg", "")
    }
    assert _found(blank_vocab, spec.format(noun="photo"), "Mittal", "ISG") == set()


def test_telling_a_person_is_an_interaction_telling_the_press_is_not(blank_vocab):
    spec = (
        "Sullivan/PROPN/NNP/nsubj/1 told/VERB/VBD/ROOT/1 {det}{obj}/PROPN/NNP/dobj/1 "
        "./PUNCT/./punct/1"
    )
    person = parsed_doc(blank_vocab, spec.format(det="", obj="Roberts"))
    ents = [entity(person, PERSON, "Sullivan"), entity(person, PERSON, "Roberts")]
    assert triples(find_interactions(person, ents)) == {
        ("sullivan", "kg:interactsWith", "roberts", "")
    }
    press = parsed_doc(blank_vocab, spec.format(det="", obj="BBC"))
    ents = [entity(press, PERSON, "Sullivan"), entity(press, ORGANIZATION, "BBC")]
    assert find_interactions(press, ents) == []


def test_it_is_the_organisation_the_clause_is_about(blank_vocab):
    spec = (
        "{who}/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 it/PRON/PRP/nsubj/4 would/AUX/MD/aux/4 "
        "partner/VERB/VB/ccomp/1 with/ADP/IN/prep/4 Intel/PROPN/NNP/pobj/5 ./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, spec.format(who="IBM"), "IBM", "Intel") == {
        ("ibm", "kg:partneredWith", "intel", "hedged")
    }
    person = {"Smith": PERSON}
    assert _found(blank_vocab, spec.format(who="Smith"), "Smith", "Intel", types=person) == set()


def test_a_finite_conjunct_keeps_its_own_mood(blank_vocab):
    spec = (
        "Blair/PROPN/NNP/nsubj/3 would/AUX/MD/aux/3 not/PART/RB/neg/3 respond/VERB/VB/ROOT/3 "
        "and/CCONJ/CC/cc/3 promised/VERB/VBD/conj/3 to/PART/TO/aux/7 back/VERB/VB/xcomp/5 "
        "Brown/PROPN/NNP/dobj/7 ./PUNCT/./punct/3"
    )
    people = {"Blair": PERSON, "Brown": PERSON}
    assert _found(blank_vocab, spec, *people, types=people) == {
        ("blair", "kg:backed", "brown", "hedged")
    }


def test_the_doer_of_a_passive_owns_its_gerund(blank_vocab):
    spec = (
        "A/DET/DT/det/1 complaint/NOUN/NN/nsubjpass/3 was/AUX/VBD/auxpass/3 "
        "made/VERB/VBN/ROOT/3 by/ADP/IN/agent/3 Labour/PROPN/NNP/pobj/4 ,/PUNCT/,/punct/3 "
        "demanding/VERB/VBG/advcl/3 an/DET/DT/det/9 apology/NOUN/NN/dobj/7 "
        "from/ADP/IN/prep/9 the/DET/DT/det/12 Tories/PROPN/NNPS/pobj/10 ./PUNCT/./punct/3"
    )
    assert _found(blank_vocab, spec, "Labour", "Tories") == {("labour", "kg:urged", "tories", "")}
    # a finite clause after the comma has its own subject
    finite = spec.replace("demanding/VERB/VBG/advcl/3", "demanded/VERB/VBD/advcl/3")
    assert _found(blank_vocab, finite, "Labour", "Tories") == set()


MET = (
    "Blair/PROPN/NNP/nsubj/3 and/CCONJ/CC/cc/0 Bush/PROPN/NNP/conj/0 met/VERB/VBD/ROOT/3 "
    "{rest}./PUNCT/./punct/3"
)


def test_coordinated_subjects_act_on_each_other(blank_vocab):
    people = {"Blair": PERSON, "Bush": PERSON}
    in_london = "in/ADP/IN/prep/3 London/PROPN/NNP/pobj/4 "
    assert _found(blank_vocab, MET.format(rest=in_london), *people, types=people) == {
        ("blair", "kg:met", "bush", "")
    }
    # with an object the two met someone else, not each other
    minister = "the/DET/DT/det/5 minister/NOUN/NN/dobj/3 "
    assert _found(blank_vocab, MET.format(rest=minister), *people, types=people) == set()
    deal = (
        "Nissan/PROPN/NNP/nsubj/3 and/CCONJ/CC/cc/0 Renault/PROPN/NNP/conj/0 "
        "signed/VERB/VBD/ROOT/3 a/DET/DT/det/5 {noun}/NOUN/NN/dobj/3 ./PUNCT/./punct/3"
    )
    assert _found(blank_vocab, deal.format(noun="deal"), "Nissan", "Renault") == {
        ("nissan", "kg:signedDealWith", "renault", "")
    }
    assert _found(blank_vocab, deal.format(noun="letter"), "Nissan", "Renault") == set()


def test_a_noun_relating_two_parties(blank_vocab):
    critic = (
        "Ofcom/PROPN/NNP/nsubj/8 ,/PUNCT/,/punct/0 a/DET/DT/det/3 critic/NOUN/NN/appos/0 "
        "of/ADP/IN/prep/3 the/DET/DT/det/6 BBC/PROPN/NNP/pobj/4 ,/PUNCT/,/punct/0 "
        "spoke/VERB/VBD/ROOT/8 ./PUNCT/./punct/8"
    )
    assert _found(blank_vocab, critic, "Ofcom", "BBC") == {("ofcom", "kg:criticised", "bbc", "")}
    # "the BBC's critic X" is someone the BBC employs, not a criticism
    employed = (
        "The/DET/DT/det/1 BBC/PROPN/NNP/poss/3 's/PART/POS/case/1 critic/NOUN/NN/nsubj/5 "
        "Ofcom/PROPN/NNP/appos/3 spoke/VERB/VBD/ROOT/5 ./PUNCT/./punct/5"
    )
    assert _found(blank_vocab, employed, "Ofcom", "BBC") == set()
    owner = employed.replace("critic/NOUN", "owner/NOUN")
    assert _found(blank_vocab, owner, "Ofcom", "BBC") == {("ofcom", "kg:owns", "bbc", "")}


def test_hitting_out_and_describing(blank_vocab):
    people = {"Howard": PERSON, "Blair": PERSON}
    hit = (
        "Howard/PROPN/NNP/nsubj/1 hit/VERB/VBD/ROOT/1 {prt}/ADP/RP/prt/1 at/ADP/IN/prep/1 "
        "Blair/PROPN/NNP/pobj/3 ./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, hit.format(prt="out"), *people, types=people) == {
        ("howard", "kg:criticised", "blair", "")
    }
    assert _found(blank_vocab, hit.format(prt="up"), *people, types=people) == set()
    described = (
        "Howard/PROPN/NNP/nsubj/1 described/VERB/VBD/ROOT/1 Blair/PROPN/NNP/dobj/1 "
        "as/ADP/IN/prep/1 {word}/ADJ/JJ/amod/3 ./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, described.format(word="arrogant"), *people, types=people) == {
        ("howard", "kg:criticised", "blair", "")
    }
    assert _found(blank_vocab, described.format(word="brave"), *people, types=people) == {
        ("howard", "kg:praised", "blair", "")
    }
    assert _found(blank_vocab, described.format(word="tall"), *people, types=people) == set()


def test_the_object_of_call_on_does_what_the_infinitive_says(blank_vocab):
    spec = (
        "Liberty/PROPN/NNP/nsubj/1 called/VERB/VBD/ROOT/1 on/ADP/IN/prep/1 the/DET/DT/det/5 "
        "Home/PROPN/NNP/compound/5 Office/PROPN/NNP/pobj/2 to/PART/TO/aux/7 "
        "charge/VERB/VB/xcomp/1 Begg/PROPN/NNP/dobj/7 ./PUNCT/./punct/1"
    )
    found = _found(blank_vocab, spec, "Liberty", "Home Office", "Begg", types={"Begg": PERSON})
    assert ("home office", "kg:interactsWith", "begg", "") in found
    assert ("liberty", "kg:urged", "home office", "") in found
    assert not any(s == "liberty" and o == "begg" for s, _, o, _ in found)


def test_a_pronoun_never_takes_a_person_of_the_other_gender(blank_vocab):
    spec = (
        "{title}/PROPN/NNP/compound/1 Howard/PROPN/NNP/nsubj/2 spoke/VERB/VBD/ROOT/2 "
        "./PUNCT/./punct/2 She/PRON/PRP/nsubj/5 backed/VERB/VBD/ROOT/5 "
        "Addaction/PROPN/NNP/dobj/5 ./PUNCT/./punct/5"
    )
    for title, expected in (("Mrs", {("howard", "kg:backed", "addaction", "")}), ("Mr", set())):
        doc = parsed_doc(blank_vocab, spec.format(title=title))
        howard = entity(doc, PERSON, "Howard")
        howard = replace(howard, aliases=(f"{title} Howard",))
        assert (
            triples(find_interactions(doc, [howard, entity(doc, ORGANIZATION, "Addaction")]))
            == expected
        )


def test_a_passive_conjunct_has_a_subject_of_its_own(blank_vocab):
    spec = (
        "Gazprom/PROPN/NNP/nsubj/1 withdrew/VERB/VBD/ROOT/1 and/CCONJ/CC/cc/1 "
        "Yugansk/PROPN/NNP/nsubjpass/5 was/AUX/VBD/auxpass/5 sold/VERB/VBN/conj/1 "
        "to/ADP/IN/dative/5 Baikal/PROPN/NNP/pobj/6 ./PUNCT/./punct/5"
    )
    # Gazprom neither sold nor bought: Yugansk was sold, and so Baikal acquired it.
    found = _found(blank_vocab, spec, "Gazprom", "Yugansk", "Baikal")
    assert found == {("baikal", "kg:acquired", "yugansk", "")}


def test_a_plural_heads_a_list_of_names(blank_vocab):
    spec = (
        "Yukos/PROPN/NNP/nsubj/2 is/AUX/VBZ/aux/2 suing/VERB/VBG/ROOT/2 four/NUM/CD/nummod/4 "
        "companies/NOUN/NNS/dobj/2 -/PUNCT/:/punct/4 Gazprom/PROPN/NNP/appos/4 "
        ",/PUNCT/,/punct/6 its/PRON/PRP$/poss/9 unit/NOUN/NN/appos/6 "
        "Sibneft/PROPN/NNP/appos/9 ,/PUNCT/,/punct/10 Rosneft/PROPN/NNP/conj/10 "
        "and/CCONJ/CC/cc/12 the/DET/DT/det/15 firm/NOUN/NN/conj/12 ./PUNCT/./punct/2"
    )
    names = ("Yukos", "Gazprom", "Sibneft", "Rosneft")
    assert _found(blank_vocab, spec, *names) == {
        ("yukos", "kg:sued", "gazprom", ""),
        ("yukos", "kg:sued", "sibneft", ""),
        ("yukos", "kg:sued", "rosneft", ""),
    }


def test_it_may_be_the_subject_of_a_passive(blank_vocab):
    spec = (
        "Deutsche/PROPN/NNP/compound/1 Bank/PROPN/NNP/nsubjpass/3 is/AUX/VBZ/auxpass/3 "
        "involved/VERB/VBN/ROOT/3 because/SCONJ/IN/mark/8 it/PRON/PRP/nsubjpass/8 "
        "is/AUX/VBZ/aux/8 being/AUX/VBG/auxpass/8 sued/VERB/VBN/advcl/3 by/ADP/IN/agent/8 "
        "Yukos/PROPN/NNP/pobj/9 ./PUNCT/./punct/3"
    )
    assert _found(blank_vocab, spec, "Deutsche Bank", "Yukos") == {
        ("yukos", "kg:sued", "deutsche bank", "")
    }


def test_a_kind_word_after_a_name_is_that_organisation(blank_vocab):
    spec = (
        "Euronext/PROPN/NNP/nsubj/1 owns/VERB/VBZ/ROOT/1 the/DET/DT/det/5 "
        "Liffe/PROPN/NNP/compound/4 derivatives/NOUN/NNS/compound/5 {noun}/NOUN/NN/dobj/1 "
        "./PUNCT/./punct/1"
    )
    assert _found(blank_vocab, spec.format(noun="exchange"), "Euronext", "Liffe") == {
        ("euronext", "kg:owns", "liffe", "")
    }
    # "the Liffe derivatives contract" is not Liffe
    assert _found(blank_vocab, spec.format(noun="contract"), "Euronext", "Liffe") == set()


# ------------------------------------------------- constructions read on unseen BBC news


def _orgs(doc, *names):
    return [entity(doc, ORGANIZATION, n) for n in names]


def test_a_particle_the_parser_reads_as_an_adverb_still_selects_the_sense(blank_vocab):
    spec = (
        "Smith/PROPN/NNP/nsubj/1 hit/VERB/VBD/ROOT/1 back/ADV/RB/advmod/1 at/ADP/IN/prep/1 "
        "Jones/PROPN/NNP/pobj/3 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, "Smith"), entity(doc, PERSON, "Jones")]
    assert triples(find_interactions(doc, ents)) == {("smith", "kg:criticised", "jones", "")}
    # Not right after the verb, "back" is no particle: "hit" alone says nothing.
    later = spec.replace(
        "back/ADV/RB/advmod/1 at/ADP/IN/prep/1", "at/ADP/IN/prep/1 back/ADV/RB/advmod/1"
    )
    later = later.replace("Jones/PROPN/NNP/pobj/3", "Jones/PROPN/NNP/pobj/2")
    doc = parsed_doc(blank_vocab, later)
    ents = [entity(doc, PERSON, "Smith"), entity(doc, PERSON, "Jones")]
    assert find_interactions(doc, ents) == []


_SIGNED = (
    "Sony/PROPN/NNP/nsubj/1 signed/VERB/VBD/ROOT/1 a/DET/DT/det/3 {noun}/NOUN/NN/dobj/1 "
    "with/ADP/IN/prep/1 BMG/PROPN/NNP/pobj/4 ./PUNCT/./punct/1"
)


def test_a_cue_nouns_preposition_hung_on_the_light_verb(blank_vocab):
    doc = parsed_doc(blank_vocab, _SIGNED.format(noun="deal"))
    got = triples(find_interactions(doc, _orgs(doc, "Sony", "BMG")))
    assert got == {("sony", "kg:signedDealWith", "bmg", "")}
    doc = parsed_doc(blank_vocab, _SIGNED.format(noun="cheque"))  # no cue noun: nothing
    assert find_interactions(doc, _orgs(doc, "Sony", "BMG")) == []


def test_the_agreement_a_relative_clause_says_was_signed(blank_vocab):
    # "the agreement Lenovo signed with IBM goes through"
    spec = (
        "the/DET/DT/det/1 agreement/NOUN/NN/nsubj/6 Lenovo/PROPN/NNP/nsubj/3 "
        "signed/VERB/VBD/relcl/1 with/ADP/IN/prep/3 IBM/PROPN/NNP/pobj/4 goes/VERB/VBZ/ROOT/6 "
        "through/ADP/RP/prt/6 ./PUNCT/./punct/6"
    )
    doc = parsed_doc(blank_vocab, spec)
    got = triples(find_interactions(doc, _orgs(doc, "Lenovo", "IBM")))
    assert got == {("lenovo", "kg:signedDealWith", "ibm", "")}


_IN_TALKS = (
    "Microsoft/PROPN/NNP/nsubj/1 is/AUX/VBZ/ROOT/1 {prep}/ADP/IN/prep/1 {noun}/NOUN/NNS/pobj/2 "
    "with/ADP/IN/prep/3 Yahoo/PROPN/NNP/pobj/4 ./PUNCT/./punct/1"
)


def test_being_in_talks_with_another(blank_vocab):
    doc = parsed_doc(blank_vocab, _IN_TALKS.format(prep="in", noun="talks"))
    got = triples(find_interactions(doc, _orgs(doc, "Microsoft", "Yahoo")))
    assert got == {("microsoft", "kg:met", "yahoo", "")}
    # "is in profits with Yahoo", "is after talks with": no state of dealing.
    for prep, noun in (("in", "profits"), ("after", "talks")):
        doc = parsed_doc(blank_vocab, _IN_TALKS.format(prep=prep, noun=noun))
        assert find_interactions(doc, _orgs(doc, "Microsoft", "Yahoo")) == []


def test_coming_under_fire_or_facing_an_inquiry_from_another(blank_vocab):
    under = (
        "Blair/PROPN/NNP/nsubj/1 came/VERB/VBD/ROOT/1 under/ADP/IN/prep/1 "
        "{noun}/NOUN/NN/pobj/2 from/ADP/IN/prep/1 Howard/PROPN/NNP/pobj/4 ./PUNCT/./punct/1"
    )
    for noun, predicate in (("fire", "kg:criticised"), ("pressure", "kg:urged")):
        doc = parsed_doc(blank_vocab, under.format(noun=noun))
        ents = [entity(doc, PERSON, "Blair"), entity(doc, PERSON, "Howard")]
        assert triples(find_interactions(doc, ents)) == {("howard", predicate, "blair", "")}
    faces = (
        "Microsoft/PROPN/NNP/nsubj/1 faces/VERB/VBZ/ROOT/1 an/DET/DT/det/3 "
        "{noun}/NOUN/NN/dobj/1 {prep}/ADP/IN/prep/3 Brussels/PROPN/NNP/pobj/4 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, faces.format(noun="investigation", prep="by"))
    got = triples(find_interactions(doc, _orgs(doc, "Microsoft", "Brussels")))
    assert got == {("brussels", "kg:investigated", "microsoft", "")}
    # Pressure one faces from rivals is competition, not urging.
    doc = parsed_doc(blank_vocab, faces.format(noun="pressure", prep="from"))
    assert find_interactions(doc, _orgs(doc, "Microsoft", "Brussels")) == []


def test_in_a_letter_to_x_whatever_the_verb(blank_vocab):
    said = LETTER.replace("wrote/VERB/VBD/ROOT/9", "said/VERB/VBD/ROOT/9")
    doc = parsed_doc(blank_vocab, said)
    got = triples(find_interactions(doc, _orgs(doc, "Glasgow Council", "Office")))
    assert got == {("office", "kg:wroteTo", "glasgow council", "")}
    # "In a report to X, Y said": a report is no letter.
    doc = parsed_doc(blank_vocab, said.replace("letter/", "report/"))
    assert find_interactions(doc, _orgs(doc, "Glasgow Council", "Office")) == []


def _people(doc, *names):
    return [entity(doc, PERSON, n) for n in names]


def test_a_passive_completing_another_verb_acts_on_its_subject(blank_vocab):
    # "Tan is to be replaced by Lee"
    spec = (
        "Tan/PROPN/NNP/nsubj/1 is/AUX/VBZ/ROOT/1 to/PART/TO/aux/4 be/AUX/VB/auxpass/4 "
        "{verb}/VERB/VBN/xcomp/1 by/ADP/IN/agent/4 Lee/PROPN/NNP/pobj/5 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec.format(verb="replaced"))
    assert triples(find_interactions(doc, _people(doc, "Tan", "Lee"))) == {
        ("lee", "kg:replaced", "tan", "")
    }
    doc = parsed_doc(blank_vocab, spec.format(verb="seen"))  # no interaction verb
    assert find_interactions(doc, _people(doc, "Tan", "Lee")) == []


_AGENTLESS = (
    "Alcobev/PROPN/NNP/nsubjpass/3 will/AUX/MD/aux/3 be/AUX/VB/auxpass/3 "
    "{verb}/VERB/VBN/ROOT/3 {prep}/ADP/IN/prep/3 United/PROPN/NNP/pobj/4 ./PUNCT/./punct/3"
)


def test_a_passive_without_agent_names_the_other_side_itself(blank_vocab):
    doc = parsed_doc(blank_vocab, _AGENTLESS.format(verb="merged", prep="with"))
    got = triples(find_interactions(doc, _orgs(doc, "Alcobev", "United")))
    assert got == {("alcobev", "kg:mergedWith", "united", "")}
    doc = parsed_doc(blank_vocab, _AGENTLESS.format(verb="sold", prep="to"))
    got = triples(find_interactions(doc, _orgs(doc, "Alcobev", "United")))
    assert got == {("united", "kg:acquired", "alcobev", "")}
    # "will be sold in United", "will be criticised with United": no other side.
    for verb, prep in (("sold", "in"), ("criticised", "with")):
        doc = parsed_doc(blank_vocab, _AGENTLESS.format(verb=verb, prep=prep))
        assert find_interactions(doc, _orgs(doc, "Alcobev", "United")) == []


def test_a_passive_on_someones_proposal_acts_on_its_author(blank_vocab):
    # "Butler's {noun} was backed by Armstrong"
    spec = (
        "Butler/PROPN/NNP/poss/2 's/PART/POS/case/0 {noun}/NOUN/NN/nsubjpass/4 "
        "was/AUX/VBD/auxpass/4 backed/VERB/VBN/ROOT/4 by/ADP/IN/agent/4 "
        "Armstrong/PROPN/NNP/pobj/5 ./PUNCT/./punct/4"
    )
    doc = parsed_doc(blank_vocab, spec.format(noun="assessment"))
    facts = find_interactions(doc, _people(doc, "Butler", "Armstrong"))
    assert triples(facts) == {("armstrong", "kg:backed", "butler", "")}
    assert facts[0].label == "backed the assessment of"
    doc = parsed_doc(blank_vocab, spec.format(noun="horse"))  # no proposal: nobody's act
    assert find_interactions(doc, _people(doc, "Butler", "Armstrong")) == []


_PAID = (
    "Titan/PROPN/NNP/nsubj/1 paid/VERB/VBD/ROOT/1 {obj} to/ADP/IN/{dep}/1 "
    "Lockheed/PROPN/NNP/pobj/{to} ./PUNCT/./punct/1"
)


def test_a_sum_paid_to_another_and_tribute_paid_to_another(blank_vocab):
    money = "$/SYM/$/nmod/3 2m/NUM/CD/dobj/1"
    doc = parsed_doc(blank_vocab, _PAID.format(obj=money, dep="prep", to=4))
    got = triples(find_interactions(doc, _orgs(doc, "Titan", "Lockheed")))
    assert got == {("titan", "kg:paid", "lockheed", "")}
    doc = parsed_doc(blank_vocab, _PAID.format(obj="tribute/NOUN/NN/dobj/1", dep="dative", to=3))
    got = triples(find_interactions(doc, _orgs(doc, "Titan", "Lockheed")))
    assert got == {("titan", "kg:praised", "lockheed", "")}
    # "paid a visit to X": neither a sum nor a cue noun.
    visit = "a/DET/DT/det/3 visit/NOUN/NN/dobj/1"
    doc = parsed_doc(blank_vocab, _PAID.format(obj=visit, dep="prep", to=4))
    assert find_interactions(doc, _orgs(doc, "Titan", "Lockheed")) == []


def test_the_payee_as_second_object_and_the_sum_holding_the_preposition(blank_vocab):
    # "Qwest paid the SEC $250m"
    spec = (
        "Qwest/PROPN/NNP/nsubj/1 paid/VERB/VBD/ROOT/1 SEC/PROPN/NNP/dative/1 "
        "$/SYM/$/nmod/4 250m/NUM/CD/dobj/1 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    got = triples(find_interactions(doc, _orgs(doc, "Qwest", "SEC")))
    assert got == {("qwest", "kg:paid", "sec", "")}
    # "S&N invested 2bn rupees in United": "in United" hangs on the sum.
    spec = (
        "SN/PROPN/NNP/nsubj/1 invested/VERB/VBD/ROOT/1 2bn/NUM/CD/nummod/3 "
        "{obj}/NOUN/NNS/dobj/1 in/ADP/IN/prep/3 United/PROPN/NNP/pobj/4 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec.format(obj="rupees"))
    got = triples(find_interactions(doc, _orgs(doc, "SN", "United")))
    assert got == {("sn", "kg:investedIn", "united", "")}
    # "invested time in United"'s "time" carries no number: not read through.
    doc = parsed_doc(
        blank_vocab, spec.format(obj="time").replace("2bn/NUM/CD/nummod/3", "much/ADJ/JJ/amod/3")
    )
    assert find_interactions(doc, _orgs(doc, "SN", "United")) == []


_INQUIRY = (
    "EC/PROPN/NNP/nsubj/1 launched/VERB/VBD/ROOT/1 an/DET/DT/det/3 "
    "investigation/NOUN/NN/dobj/1 into/ADP/IN/prep/1 {word}/SCONJ/IN/{dep}/7 "
    "Alitalia/PROPN/NNP/nsubj/7 {verb}/VERB/{tag}/pcomp/4 aid/NOUN/NN/dobj/7 ./PUNCT/./punct/1"
)


def test_an_inquiry_into_whether_another_did_something(blank_vocab):
    doc = parsed_doc(
        blank_vocab, _INQUIRY.format(word="whether", dep="mark", verb="gets", tag="VBZ")
    )
    got = triples(find_interactions(doc, _orgs(doc, "EC", "Alitalia")))
    assert got == {("ec", "kg:investigated", "alitalia", "")}
    # "into what Alitalia gets" is no question about Alitalia's doing.
    doc = parsed_doc(blank_vocab, _INQUIRY.format(word="what", dep="dobj", verb="gets", tag="VBZ"))
    assert find_interactions(doc, _orgs(doc, "EC", "Alitalia")) == []


def test_facing_lawsuits_and_a_probe_by_another(blank_vocab):
    spec = (
        "Life/PROPN/NNP/nsubj/1 faces/VERB/VBZ/ROOT/1 lawsuits/NOUN/NNS/dobj/1 "
        "and/CCONJ/CC/cc/2 a/DET/DT/det/5 {noun}/NOUN/NN/conj/2 by/ADP/IN/prep/5 "
        "SEC/PROPN/NNP/pobj/6 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec.format(noun="probe"))
    got = triples(find_interactions(doc, _orgs(doc, "Life", "SEC")))
    assert got == {("sec", "kg:investigated", "life", "")}
    doc = parsed_doc(blank_vocab, spec.format(noun="fall"))
    assert find_interactions(doc, _orgs(doc, "Life", "SEC")) == []


def test_plural_ies_nouns_reach_their_singular(blank_vocab):
    # "Blair criticised Bush's policies"
    spec = (
        "Blair/PROPN/NNP/nsubj/1 criticised/VERB/VBD/ROOT/1 Bush/PROPN/NNP/poss/4 "
        "'s/PART/POS/case/2 policies/NOUN/NNS/dobj/1 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    got = triples(find_interactions(doc, _people(doc, "Blair", "Bush")))
    assert got == {("blair", "kg:criticised", "bush", "")}


_MOVE = (
    "BT/PROPN/NNP/nsubj/1 cut/VERB/VBD/ROOT/1 jobs/NOUN/NNS/dobj/1 ,/PUNCT/,/punct/1 "
    "in/ADP/IN/prep/1 a/DET/DT/det/6 {noun}/NOUN/NN/pobj/4 {verb}/VERB/VBN/acl/6 "
    "by/ADP/IN/agent/7 CWU/PROPN/NNP/pobj/8 ./PUNCT/./punct/1"
)


def test_in_a_move_criticised_by_another(blank_vocab):
    doc = parsed_doc(blank_vocab, _MOVE.format(noun="move", verb="criticised"))
    facts = find_interactions(doc, _orgs(doc, "BT", "CWU"))
    assert triples(facts) == {("cwu", "kg:criticised", "bt", "")}
    assert facts[0].label == "criticised the move of"
    # "in a move made by X" states no act on BT; "in a year criticised by X" is no move.
    for noun, verb in (("move", "made"), ("year", "criticised")):
        doc = parsed_doc(blank_vocab, _MOVE.format(noun=noun, verb=verb))
        assert find_interactions(doc, _orgs(doc, "BT", "CWU")) == []


def test_in_a_move_branded_a_retreat_by_another(blank_vocab):
    # The parser hangs "by the Tories" on the description's noun.
    spec = (
        "Jowell/PROPN/NNP/nsubj/1 acted/VERB/VBD/ROOT/1 ,/PUNCT/,/punct/1 in/ADP/IN/prep/1 "
        "a/DET/DT/det/5 move/NOUN/NN/pobj/3 branded/VERB/VBD/acl/5 a/DET/DT/det/9 "
        "{adj}/ADJ/JJ/amod/9 retreat/NOUN/NN/dobj/6 by/ADP/IN/prep/9 Tories/PROPN/NNPS/pobj/10 "
        "./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec.format(adj="humiliating"))
    ents = [entity(doc, PERSON, "Jowell"), entity(doc, ORGANIZATION, "Tories")]
    assert triples(find_interactions(doc, ents)) == {("tories", "kg:criticised", "jowell", "")}
    # "branded a first step" judges nothing.
    doc = parsed_doc(blank_vocab, spec.format(adj="first").replace("retreat/", "step/"))
    ents = [entity(doc, PERSON, "Jowell"), entity(doc, ORGANIZATION, "Tories")]
    assert find_interactions(doc, ents) == []
