"""find_interactions: ends the tagger or the sentence leaves unnamed (a name read as a
nationality, "it" for the company last named, shared objects of coordinated verbs)."""

from __future__ import annotations

from dataclasses import replace

from conftest import entity, parsed_doc

from kg.extract.interactions import find_interactions
from kg.model import ORGANIZATION, PERSON, Quote


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


CARRIED = (
    "Acme/PROPN/NNP/nsubjpass/2 is/AUX/VBZ/auxpass/2 involved/VERB/VBN/ROOT/2 ./PUNCT/./punct/2 "
    "It/PRON/PRP/nsubj/6 had/AUX/VBD/aux/6 sued/VERB/VBN/ROOT/6 Zenco/PROPN/NNP/dobj/6 "
    "./PUNCT/./punct/6"
)
# The same with "The company" for "It" (one token more).
COMPANY = (
    "Acme/PROPN/NNP/nsubjpass/2 is/AUX/VBZ/auxpass/2 involved/VERB/VBN/ROOT/2 ./PUNCT/./punct/2 "
    "The/DET/DT/det/5 company/NOUN/NN/nsubj/7 had/AUX/VBD/aux/7 sued/VERB/VBN/ROOT/7 "
    "Zenco/PROPN/NNP/dobj/7 ./PUNCT/./punct/7"
)


def test_it_opening_a_sentence_is_the_company_the_last_one_was_about(blank_vocab):
    doc = parsed_doc(blank_vocab, CARRIED)
    ents = [entity(doc, ORGANIZATION, "Acme"), entity(doc, ORGANIZATION, "Zenco")]
    assert triples(find_interactions(doc, ents)) == {("acme", "kg:sued", "zenco")}


def test_the_company_opening_a_sentence_is_the_one_the_last_was_about(blank_vocab):
    doc = parsed_doc(blank_vocab, COMPANY)
    ents = [entity(doc, ORGANIZATION, "Acme"), entity(doc, ORGANIZATION, "Zenco")]
    assert triples(find_interactions(doc, ents)) == {("acme", "kg:sued", "zenco")}


def test_it_after_a_sentence_about_something_else_is_unresolved(blank_vocab):
    # "The sale is involved. It had sued Zenco.": "it" may be the sale; nothing is said.
    doc = parsed_doc(blank_vocab, CARRIED.replace("Acme/PROPN/NNP", "sale/NOUN/NN"))
    ents = [entity(doc, ORGANIZATION, "Zenco")]
    assert find_interactions(doc, ents) == []


def test_it_inside_a_later_clause_is_not_carried_over(blank_vocab):
    # "Acme is involved. Zenco said it had sued": "it" is Zenco's clause, not the sentence's.
    spec = (
        "Acme/PROPN/NNP/nsubjpass/2 is/AUX/VBZ/auxpass/2 involved/VERB/VBN/ROOT/2 "
        "./PUNCT/./punct/2 Zenco/PROPN/NNP/nsubj/5 said/VERB/VBD/ROOT/5 it/PRON/PRP/nsubj/8 "
        "had/AUX/VBD/aux/8 sued/VERB/VBN/ccomp/5 Bolt/PROPN/NNP/dobj/8 ./PUNCT/./punct/5"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco", "Bolt")]
    assert triples(find_interactions(doc, ents)) == {("zenco", "kg:sued", "bolt")}


def test_a_speech_criticising_x_is_the_speakers_act(blank_vocab):
    # "Smith opened proceedings with a speech criticising Jones": "with" hangs on the noun.
    doc = parsed_doc(
        blank_vocab,
        "Smith/PROPN/NNP/nsubj/1 opened/VERB/VBD/ROOT/1 proceedings/NOUN/NNS/dobj/1 "
        "with/ADP/IN/prep/2 a/DET/DT/det/5 speech/NOUN/NN/pobj/3 "
        "criticising/VERB/VBG/acl/5 Jones/PROPN/NNP/dobj/6 ./PUNCT/./punct/1",
    )
    ents = [entity(doc, PERSON, "Smith"), entity(doc, PERSON, "Jones")]
    assert triples(find_interactions(doc, ents)) == {("smith", "kg:criticised", "jones")}


def test_a_conjunct_passive_sold_to_a_dative_buyer(blank_vocab):
    # "Acme failed and was sold to Zenco": the parser's "to" is a dative.
    doc = parsed_doc(
        blank_vocab,
        "Acme/PROPN/NNP/nsubj/1 failed/VERB/VBD/ROOT/1 and/CCONJ/CC/cc/1 was/AUX/VBD/auxpass/4 "
        "sold/VERB/VBN/conj/1 to/ADP/IN/dative/4 Zenco/PROPN/NNP/pobj/5 ./PUNCT/./punct/1",
    )
    ents = [entity(doc, ORGANIZATION, "Acme"), entity(doc, ORGANIZATION, "Zenco")]
    assert triples(find_interactions(doc, ents)) == {("zenco", "kg:acquired", "acme")}


def test_a_nominalised_appointment_is_the_owners_act(blank_vocab):
    # "Smith's appointment of Jones was criticised."
    doc = parsed_doc(
        blank_vocab,
        "Smith/PROPN/NNP/poss/2 's/PART/POS/case/0 appointment/NOUN/NN/nsubjpass/6 "
        "of/ADP/IN/prep/2 Jones/PROPN/NNP/pobj/3 was/AUX/VBD/auxpass/6 "
        "criticised/VERB/VBN/ROOT/6 ./PUNCT/./punct/6",
    )
    ents = [entity(doc, PERSON, "Smith"), entity(doc, PERSON, "Jones")]
    assert triples(find_interactions(doc, ents)) == {("smith", "kg:appointed", "jones")}


def test_a_plural_including_names_stands_for_them(blank_vocab):
    # "Smith beat rivals including Jones and Brown."
    spec = (
        "Smith/PROPN/NNP/nsubj/1 beat/VERB/VBD/ROOT/1 rivals/NOUN/NNS/dobj/1 "
        "including/VERB/VBG/prep/2 Jones/PROPN/NNP/pobj/3 and/CCONJ/CC/cc/4 "
        "Brown/PROPN/NNP/conj/4 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, n) for n in ("Smith", "Jones", "Brown")]
    assert triples(find_interactions(doc, ents)) == {
        ("smith", "kg:defeated", "jones"),
        ("smith", "kg:defeated", "brown"),
    }


def test_a_plural_such_as_names_stands_for_them(blank_vocab):
    # "Firms such as Acme sued Zenco."
    spec = (
        "Firms/NOUN/NNS/nsubj/4 such/ADJ/JJ/amod/2 as/ADP/IN/prep/0 Acme/PROPN/NNP/pobj/2 "
        "sued/VERB/VBD/ROOT/4 Zenco/PROPN/NNP/dobj/4 ./PUNCT/./punct/4"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    assert triples(find_interactions(doc, ents)) == {("acme", "kg:sued", "zenco")}


def test_after_talks_with_y_the_talks_are_the_subjects(blank_vocab):
    # "After talks with Jones, Smith resigned."
    spec = (
        "After/ADP/IN/prep/6 talks/NOUN/NNS/pobj/0 with/ADP/IN/prep/1 Jones/PROPN/NNP/pobj/2 "
        ",/PUNCT/,/punct/6 Smith/PROPN/NNP/nsubj/6 resigned/VERB/VBD/ROOT/6 ./PUNCT/./punct/6"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, "Smith"), entity(doc, PERSON, "Jones")]
    assert triples(find_interactions(doc, ents)) == {("smith", "kg:met", "jones")}


def test_talks_about_y_in_a_time_phrase_say_nothing(blank_vocab):
    # "After talks on Jones, Smith resigned.": no other party.
    spec = (
        "After/ADP/IN/prep/6 talks/NOUN/NNS/pobj/0 on/ADP/IN/prep/1 Jones/PROPN/NNP/pobj/2 "
        ",/PUNCT/,/punct/6 Smith/PROPN/NNP/nsubj/6 resigned/VERB/VBD/ROOT/6 ./PUNCT/./punct/6"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, "Smith"), entity(doc, PERSON, "Jones")]
    assert find_interactions(doc, ents) == []


def test_attacking_the_tory_plans_criticises_the_party(blank_vocab):
    # "Smith attacked the Tory plans": the adjective names the plans' author.
    spec = (
        "Smith/PROPN/NNP/nsubj/1 attacked/VERB/VBD/ROOT/1 the/DET/DT/det/4 Tory/ADJ/JJ/amod/4 "
        "plans/NOUN/NNS/dobj/1 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, "Smith"), entity(doc, ORGANIZATION, "Tory")]
    assert triples(find_interactions(doc, ents)) == {("smith", "kg:criticised", "tory")}


def test_a_title_before_the_name_is_the_named_person(blank_vocab):
    # "Chief Secretary Smith attacked Jones": the parser heads the subject with the title.
    spec = (
        "Chief/PROPN/NNP/compound/1 Secretary/PROPN/NNP/nsubj/3 Smith/PROPN/NNP/appos/1 "
        "attacked/VERB/VBD/ROOT/3 Jones/PROPN/NNP/dobj/3 ./PUNCT/./punct/3"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, "Smith"), entity(doc, PERSON, "Jones")]
    assert triples(find_interactions(doc, ents)) == {("smith", "kg:criticised", "jones")}


def test_a_battle_owned_by_one_side_is_with_the_other(blank_vocab):
    # "Smith's battle with Jones ended."
    spec = (
        "Smith/PROPN/NNP/poss/2 's/PART/POS/case/0 battle/NOUN/NN/nsubj/5 with/ADP/IN/prep/2 "
        "Jones/PROPN/NNP/pobj/3 ended/VERB/VBD/ROOT/5 ./PUNCT/./punct/5"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, "Smith"), entity(doc, PERSON, "Jones")]
    assert triples(find_interactions(doc, ents)) == {("smith", "kg:interactsWith", "jones")}


def test_calling_for_x_to_act_urges_x(blank_vocab):
    # "Acme called for Zenco to resign" ("for" a preposition, the infinitive the verb's).
    spec = (
        "Acme/PROPN/NNP/nsubj/1 called/VERB/VBD/ROOT/1 for/ADP/IN/prep/1 Zenco/PROPN/NNP/pobj/2 "
        "to/PART/TO/aux/5 resign/VERB/VB/advcl/1 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    assert triples(find_interactions(doc, ents)) == {("acme", "kg:urged", "zenco")}
    # the same with "for" the infinitive's marker and Zenco its subject
    spec = spec.replace("for/ADP/IN/prep/1", "for/SCONJ/IN/mark/5").replace(
        "Zenco/PROPN/NNP/pobj/2", "Zenco/PROPN/NNP/nsubj/5"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    assert triples(find_interactions(doc, ents)) == {("acme", "kg:urged", "zenco")}


def test_calling_for_a_thing_urges_nobody(blank_vocab):
    # "Acme called for Zenco shares to rise": no.  "Acme called for calm": no infinitive.
    spec = (
        "Acme/PROPN/NNP/nsubj/1 called/VERB/VBD/ROOT/1 for/ADP/IN/prep/1 Zenco/PROPN/NNP/pobj/2 "
        "./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    assert find_interactions(doc, ents) == []


def test_being_under_pressure_from_y(blank_vocab):
    # "Acme is under pressure from Zenco."
    spec = (
        "Acme/PROPN/NNP/nsubj/1 is/AUX/VBZ/ROOT/1 under/ADP/IN/prep/1 pressure/NOUN/NN/pobj/2 "
        "from/ADP/IN/prep/3 Zenco/PROPN/NNP/pobj/4 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    assert triples(find_interactions(doc, ents)) == {("zenco", "kg:urged", "acme")}


def test_replacing_x_with_y(blank_vocab):
    # "The board replaced Smith with Jones": Jones replaced Smith.
    spec = (
        "The/DET/DT/det/1 board/NOUN/NN/nsubj/2 replaced/VERB/VBD/ROOT/2 Smith/PROPN/NNP/dobj/2 "
        "with/ADP/IN/prep/2 Jones/PROPN/NNP/pobj/4 ./PUNCT/./punct/2"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, n) for n in ("Smith", "Jones")]
    assert triples(find_interactions(doc, ents)) == {("jones", "kg:replaced", "smith")}


def test_joining_forces_with_y_partners_y(blank_vocab):
    # "Acme has joined forces with Zenco."
    spec = (
        "Acme/PROPN/NNP/nsubj/2 has/AUX/VBZ/aux/2 joined/VERB/VBN/ROOT/2 forces/NOUN/NNS/dobj/2 "
        "with/ADP/IN/prep/2 Zenco/PROPN/NNP/pobj/4 ./PUNCT/./punct/2"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    assert triples(find_interactions(doc, ents)) == {("acme", "kg:partneredWith", "zenco")}


def test_a_court_convicting_and_a_minister_reprimanding(blank_vocab):
    # "The court convicted Smith." (a court acting on a person); "Jones reprimanded Smith."
    spec = (
        "Court/PROPN/NNP/nsubj/1 convicted/VERB/VBD/ROOT/1 Smith/PROPN/NNP/dobj/1 "
        "./PUNCT/./punct/1 Jones/PROPN/NNP/nsubj/5 reprimanded/VERB/VBD/ROOT/5 "
        "Smith/PROPN/NNP/dobj/5 ./PUNCT/./punct/5"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, "Court")] + [
        entity(doc, PERSON, n) for n in ("Smith", "Jones")
    ]
    assert triples(find_interactions(doc, ents)) == {
        ("court", "kg:interactsWith", "smith"),
        ("jones", "kg:criticised", "smith"),
    }


def test_it_as_the_object_of_a_second_verb_is_the_first_verbs_object(blank_vocab):
    # "Smith quit Acme and accused it of lying."
    spec = (
        "Smith/PROPN/NNP/nsubj/1 quit/VERB/VBD/ROOT/1 Acme/PROPN/NNP/dobj/1 and/CCONJ/CC/cc/1 "
        "accused/VERB/VBD/conj/1 it/PRON/PRP/dobj/4 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, "Smith"), entity(doc, ORGANIZATION, "Acme")]
    assert triples(find_interactions(doc, ents)) == {("smith", "kg:accused", "acme")}


def test_in_the_process_of_merging_is_the_subjects_act(blank_vocab):
    # "Acme is in the process of merging with Zenco."
    spec = (
        "Acme/PROPN/NNP/nsubj/1 is/AUX/VBZ/ROOT/1 in/ADP/IN/prep/1 the/DET/DT/det/4 "
        "process/NOUN/NN/pobj/2 of/ADP/IN/prep/4 merging/VERB/VBG/pcomp/5 with/ADP/IN/prep/6 "
        "Zenco/PROPN/NNP/pobj/7 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    assert triples(find_interactions(doc, ents)) == {("acme", "kg:mergedWith", "zenco")}


def test_x_was_the_buyer_of_y(blank_vocab):
    # "Acme was the buyer of Zenco."
    spec = (
        "Acme/PROPN/NNP/nsubj/1 was/AUX/VBD/ROOT/1 the/DET/DT/det/3 buyer/NOUN/NN/attr/1 "
        "of/ADP/IN/prep/3 Zenco/PROPN/NNP/pobj/4 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    assert triples(find_interactions(doc, ents)) == {("acme", "kg:acquired", "zenco")}


def test_bosses_of_x_and_y_tagged_as_a_proper_plural_met(blank_vocab):
    # "Bosses of Acme and Zenco are to meet." ("Bosses" opening a sentence reads as NNPS)
    spec = (
        "Bosses/PROPN/NNPS/nsubj/5 of/ADP/IN/prep/0 Acme/PROPN/NNP/pobj/1 and/CCONJ/CC/cc/2 "
        "Zenco/PROPN/NNP/conj/2 are/AUX/VBP/ROOT/5 to/PART/TO/aux/7 meet/VERB/VB/xcomp/5 "
        "./PUNCT/./punct/5"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    assert triples(find_interactions(doc, ents)) == {("acme", "kg:met", "zenco")}


def test_buying_a_share_of_a_companys_division(blank_vocab):
    # "Acme bought 20% of Zenco's division."
    spec = (
        "Acme/PROPN/NNP/nsubj/1 bought/VERB/VBD/ROOT/1 20/NUM/CD/nummod/3 %/NOUN/NN/dobj/1 "
        "of/ADP/IN/prep/3 Zenco/PROPN/NNP/poss/7 's/PART/POS/case/5 division/NOUN/NN/pobj/4 "
        "./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    assert triples(find_interactions(doc, ents)) == {("acme", "kg:acquired", "zenco")}


def test_a_verbs_preposition_hung_on_its_object(blank_vocab):
    # "Acme negotiated a settlement with Zenco": "with" on the object is the verb's.
    spec = (
        "Acme/PROPN/NNP/nsubj/1 negotiated/VERB/VBD/ROOT/1 a/DET/DT/det/3 "
        "settlement/NOUN/NN/dobj/1 with/ADP/IN/prep/3 Zenco/PROPN/NNP/pobj/4 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    assert triples(find_interactions(doc, ents)) == {("acme", "kg:negotiatedWith", "zenco")}


def test_paying_the_bills_for_x_buys_nothing(blank_vocab):
    # "Smith paid the bills for Acme."
    spec = (
        "Smith/PROPN/NNP/nsubj/1 paid/VERB/VBD/ROOT/1 the/DET/DT/det/3 bills/NOUN/NNS/dobj/1 "
        "for/ADP/IN/prep/3 Acme/PROPN/NNP/pobj/4 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, "Smith"), entity(doc, ORGANIZATION, "Acme")]
    assert find_interactions(doc, ents) == []


WORK = (
    "Smith/PROPN/NNP/nsubj/1 worked/VERB/VBD/ROOT/1 with/ADP/IN/prep/1 Jones/PROPN/NNP/pobj/2 "
    "./PUNCT/./punct/1"
)


def test_two_people_working_together_are_colleagues_two_companies_partners(blank_vocab):
    doc = parsed_doc(blank_vocab, WORK)
    assert find_interactions(doc, [entity(doc, PERSON, n) for n in ("Smith", "Jones")]) == []
    doc = parsed_doc(blank_vocab, WORK)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Smith", "Jones")]
    assert triples(find_interactions(doc, ents)) == {("smith", "kg:partneredWith", "jones")}


def test_a_former_unit_is_no_longer_the_companys(blank_vocab):
    # "Acme bought Zenco's former unit."
    spec = (
        "Acme/PROPN/NNP/nsubj/1 bought/VERB/VBD/ROOT/1 Zenco/PROPN/NNP/poss/5 "
        "'s/PART/POS/case/2 former/ADJ/JJ/amod/5 unit/NOUN/NN/dobj/1 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    assert find_interactions(doc, ents) == []
    doc = parsed_doc(blank_vocab, spec.replace("former/ADJ/JJ/amod/5", "main/ADJ/JJ/amod/5"))
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    assert triples(find_interactions(doc, ents)) == {("acme", "kg:acquired", "zenco")}


def test_looking_to_buy_is_a_plan(blank_vocab):
    # "Acme is looking to buy Zenco."
    spec = (
        "Acme/PROPN/NNP/nsubj/2 is/AUX/VBZ/aux/2 looking/VERB/VBG/ROOT/2 to/PART/TO/aux/4 "
        "buy/VERB/VB/xcomp/2 Zenco/PROPN/NNP/dobj/4 ./PUNCT/./punct/2"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    facts = find_interactions(doc, ents)
    assert {(f.subject, f.predicate, f.object, f.modality) for f in facts} == {
        ("acme", "kg:acquired", "zenco", "hedged")
    }


def _quote(doc, start_word: str, speaker):
    start = doc.text.index(start_word)
    return Quote(start, len(doc.text), doc.text[start:], speaker.key, speaker.type, "test", 0.9)


def test_i_in_a_quotation_is_its_speaker(blank_vocab):
    # 'Smith said: "I congratulate Jones."' with the quotation's speaker known.
    spec = (
        "Smith/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 :/PUNCT/:/punct/1 "
        "I/PRON/PRP/nsubj/4 congratulate/VERB/VBP/ccomp/1 Jones/PROPN/NNP/dobj/4 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    smith, jones = entity(doc, PERSON, "Smith"), entity(doc, PERSON, "Jones")
    quote = _quote(doc, "I congratulate", smith)
    assert find_interactions(doc, [smith, jones]) == []
    assert triples(find_interactions(doc, [smith, jones], [quote])) == {
        ("smith", "kg:praised", "jones")
    }


def test_we_in_a_politicians_quotation_is_not_the_politician(blank_vocab):
    spec = (
        "Smith/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 :/PUNCT/:/punct/1 "
        "We/PRON/PRP/nsubj/4 attack/VERB/VBP/ccomp/1 Jones/PROPN/NNP/dobj/4 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    smith, jones = entity(doc, PERSON, "Smith"), entity(doc, PERSON, "Jones")
    quote = _quote(doc, "We attack", smith)
    assert find_interactions(doc, [smith, jones], [quote]) == []


def test_the_name_before_a_hyphened_participle_acts_on_the_noun(blank_vocab):
    # "The Acme-owned Zenco grew."
    spec = (
        "The/DET/DT/det/4 Acme/PROPN/NNP/npadvmod/3 -/PUNCT/HYPH/punct/3 owned/VERB/VBN/amod/4 "
        "Zenco/PROPN/NNP/nsubj/5 grew/VERB/VBD/ROOT/5 ./PUNCT/./punct/5"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    assert triples(find_interactions(doc, ents)) == {("acme", "kg:owns", "zenco")}


def test_an_organisation_named_by_the_one_distinctive_word_of_its_name(blank_vocab):
    # "Group Zenco grew. Zenco sued Acme." ("Group" says what kind; "Zenco" which one)
    spec = (
        "Group/PROPN/NNP/compound/1 Zenco/PROPN/NNP/nsubj/2 grew/VERB/VBD/ROOT/2 "
        "./PUNCT/./punct/2 Zenco/PROPN/NNP/nsubj/5 sued/VERB/VBD/ROOT/5 Acme/PROPN/NNP/dobj/5 "
        "./PUNCT/./punct/5"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [first_only(entity(doc, ORGANIZATION, "Group Zenco")), entity(doc, ORGANIZATION, "Acme")]
    assert triples(find_interactions(doc, ents)) == {("group zenco", "kg:sued", "acme")}
    # "Group" alone is no name
    doc = parsed_doc(
        blank_vocab, spec.replace("Zenco/PROPN/NNP/nsubj/5", "Group/PROPN/NNP/nsubj/5")
    )
    ents = [first_only(entity(doc, ORGANIZATION, "Group Zenco")), entity(doc, ORGANIZATION, "Acme")]
    assert find_interactions(doc, ents) == []


def test_after_a_paper_reporting_on_another_the_group_is_unresolved(blank_vocab):
    # "The Times reported that Acme grew. The group owns Zenco.": Acme or the Times.
    spec = (
        "Times/PROPN/NNP/nsubj/1 reported/VERB/VBD/ROOT/1 that/SCONJ/IN/mark/4 "
        "Acme/PROPN/NNP/nsubj/4 grew/VERB/VBD/ccomp/1 ./PUNCT/./punct/1 "
        "The/DET/DT/det/7 group/NOUN/NN/nsubj/8 owns/VERB/VBZ/ROOT/8 Zenco/PROPN/NNP/dobj/8 "
        "./PUNCT/./punct/8"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Times", "Acme", "Zenco")]
    assert find_interactions(doc, ents) == []


def test_a_hyphened_participle_on_no_name_says_nothing(blank_vocab):
    # "Acme and Zenco-backed formats compete": what Zenco backs is no named party.
    spec = (
        "Acme/PROPN/NNP/nsubj/6 and/CCONJ/CC/cc/0 Zenco/PROPN/NNP/npadvmod/4 -/PUNCT/HYPH/punct/4 "
        "backed/VERB/VBN/amod/5 formats/NOUN/NNS/conj/0 compete/VERB/VBP/ROOT/6 ./PUNCT/./punct/6"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, n) for n in ("Acme", "Zenco")]
    assert find_interactions(doc, ents) == []


def test_coordinated_verbs_share_the_object_after_them(blank_vocab):
    # "Smith criticised and sued Jones."
    spec = (
        "Smith/PROPN/NNP/nsubj/1 criticised/VERB/VBD/ROOT/1 and/CCONJ/CC/cc/1 "
        "sued/VERB/VBD/conj/1 Jones/PROPN/NNP/dobj/3 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, PERSON, n) for n in ("Smith", "Jones")]
    assert triples(find_interactions(doc, ents)) == {
        ("smith", "kg:criticised", "jones"),
        ("smith", "kg:sued", "jones"),
    }


def test_saying_y_will_need_to_act_is_a_forecast_not_urging(blank_vocab):
    # "Acme said Smith needs to act." urges; "Acme said Smith will need to act." forecasts.
    spec = (
        "Acme/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 Smith/PROPN/NNP/nsubj/3 "
        "needs/VERB/VBZ/ccomp/1 to/PART/TO/aux/5 act/VERB/VB/xcomp/3 ./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, "Acme"), entity(doc, PERSON, "Smith")]
    assert triples(find_interactions(doc, ents)) == {("acme", "kg:urged", "smith")}
    spec = (
        "Acme/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 Smith/PROPN/NNP/nsubj/4 "
        "will/AUX/MD/aux/4 need/VERB/VB/ccomp/1 to/PART/TO/aux/6 act/VERB/VB/xcomp/4 "
        "./PUNCT/./punct/1"
    )
    doc = parsed_doc(blank_vocab, spec)
    ents = [entity(doc, ORGANIZATION, "Acme"), entity(doc, PERSON, "Smith")]
    assert find_interactions(doc, ents) == []


def test_a_pronoun_a_quotations_i_talks_about_is_left_alone(blank_vocab):
    # 'Smith said: "I think he needs to act."' with Jones named before: "he" is not read.
    spec = (
        "Jones/PROPN/NNP/nsubj/1 spoke/VERB/VBD/ROOT/1 ./PUNCT/./punct/1 "
        "Smith/PROPN/NNP/nsubj/4 said/VERB/VBD/ROOT/4 :/PUNCT/:/punct/4 I/PRON/PRP/nsubj/7 "
        "think/VERB/VBP/ccomp/4 he/PRON/PRP/nsubj/9 needs/VERB/VBZ/ccomp/7 to/PART/TO/aux/11 "
        "act/VERB/VB/xcomp/9 ./PUNCT/./punct/4"
    )
    doc = parsed_doc(blank_vocab, spec)
    smith, jones = entity(doc, PERSON, "Smith"), entity(doc, PERSON, "Jones")
    quote = _quote(doc, "I think", smith)
    assert find_interactions(doc, [smith, jones], [quote]) == []
