"""find_legal_links: hand-parsed Docs for each pattern and its negative; the seed article."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from test_interactions import entity, parsed_doc, triples

from kg.extract.legal_links import find_legal_links
from kg.model import LEGISLATION, ORGANIZATION, PERSON, PLACE, Article

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


# --- constructions added for news kg had not seen (issue 11): each with its negative -------
def _law(vocab, spec: str, law: str, *agents: str, places: tuple[str, ...] = ()):
    """Legal links in a hand-parsed Doc: `law` names the instrument, `agents` are
    organisations, `places` places."""
    doc = parsed_doc(vocab, spec)
    ents = [entity(doc, ORGANIZATION, a) for a in agents]
    ents += [entity(doc, PLACE, p) for p in places]
    ents.append(entity(doc, LEGISLATION, law))
    return triples(find_legal_links(doc, ents))


def test_the_infinitive_of_an_effort_is_its_owners_act(blank_vocab):
    spec = (
        "The/DET/DT/det/1 Alliance/PROPN/NNP/nsubj/2 had/VERB/VBD/ROOT/2 "
        "its/PRON/PRP$/poss/4 bid/NOUN/NN/dobj/2 to/PART/TO/aux/6 block/VERB/VB/acl/4 "
        "the/DET/DT/det/8 Act/PROPN/NNP/dobj/6 thwarted/VERB/VBN/acl/8 ./PUNCT/./punct/2"
    )
    assert _law(blank_vocab, spec, "Act", "Alliance") == {("alliance", "kg:opposes", "act", "")}
    # "calls to block" are someone else's calls
    calls = spec.replace("bid/NOUN/NN/dobj/2", "calls/NOUN/NNS/dobj/2")
    assert not any(p == "kg:opposes" for _, p, _, _ in _law(blank_vocab, calls, "Act", "Alliance"))


def test_what_a_named_sender_sent_breaches_the_act(blank_vocab):
    spec = (
        "Messages/NOUN/NNS/nsubj/4 sent/VERB/VBN/acl/0 by/ADP/IN/agent/1 "
        "Pitylak/PROPN/NNP/pobj/2 broke/VERB/VBD/ROOT/4 the/DET/DT/det/6 "
        "Act/PROPN/NNP/dobj/4 ./PUNCT/./punct/4"
    )
    assert _law(blank_vocab, spec, "Act", "Pitylak") == {("pitylak", "kg:breaches", "act", "")}
    sent_to = spec.replace("by/ADP/IN/agent/1", "to/ADP/IN/prep/1")
    assert _law(blank_vocab, sent_to, "Act", "Pitylak") == set()


RULED = (
    "The/DET/DT/det/1 Court/PROPN/NNP/nsubj/2 {verb}/VERB/VBD/ROOT/2 the/DET/DT/det/4 "
    "Act/PROPN/NNP/nsubj/5 was/AUX/VBD/ccomp/2 lawful/ADJ/JJ/acomp/5 ./PUNCT/./punct/2"
)


def test_a_court_rules_on_the_act(blank_vocab):
    assert _law(blank_vocab, RULED.format(verb="ruled"), "Act", "Court") == {
        ("court", "kg:ruledOn", "act", "")
    }
    # saying it is lawful is an opinion about it, not a ruling
    assert _law(blank_vocab, RULED.format(verb="said"), "Act", "Court") == {
        ("court", "kg:legalRelation", "act", "")
    }


def test_the_act_covers_places(blank_vocab):
    spec = (
        "The/DET/DT/det/1 Act/PROPN/NNP/nsubj/3 will/AUX/MD/aux/3 {verb}/VERB/VB/ROOT/3 "
        "England/PROPN/NNP/dobj/3 and/CCONJ/CC/cc/4 Wales/PROPN/NNP/conj/4 ./PUNCT/./punct/3"
    )
    places = ("England", "Wales")
    assert _law(blank_vocab, spec.format(verb="cover"), "Act", places=places) == {
        ("act", "kg:appliesTo", "england", ""),
        ("act", "kg:appliesTo", "wales", ""),
    }
    assert _law(blank_vocab, spec.format(verb="cost"), "Act", places=places) == set()


def test_the_stance_of_a_stated_opinion(blank_vocab):
    described = (
        "Brooks/PROPN/NNP/nsubj/1 described/VERB/VBD/ROOT/1 the/DET/DT/det/3 "
        "Act/PROPN/NNP/dobj/1 as/ADP/IN/prep/1 {word}/ADJ/JJ/amod/4 ./PUNCT/./punct/1"
    )
    assert _law(blank_vocab, described.format(word="ridiculous"), "Act", "Brooks") == {
        ("brooks", "kg:opposes", "act", "")
    }
    assert _law(blank_vocab, described.format(word="long"), "Act", "Brooks") == {
        ("brooks", "kg:legalRelation", "act", "")
    }
    helps = (
        "Fox/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 the/DET/DT/det/3 Act/PROPN/NNP/nsubj/5 "
        "could/AUX/MD/aux/5 help/VERB/VB/ccomp/1 ./PUNCT/./punct/1"
    )
    assert _law(blank_vocab, helps, "Act", "Fox") == {("fox", "kg:supports", "act", "hedged")}


def test_a_denied_evaluation_is_no_stance(blank_vocab):
    spec = (
        "Fox/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 the/DET/DT/det/3 Act/PROPN/NNP/nsubj/4 "
        "was/AUX/VBD/ccomp/1 not/PART/RB/neg/4 unfair/ADJ/JJ/acomp/4 ./PUNCT/./punct/1"
    )
    assert _law(blank_vocab, spec, "Act", "Fox") == {("fox", "kg:legalRelation", "act", "")}


def test_according_to_and_a_reporting_verb_after_the_clause(blank_vocab):
    according = (
        "According/VERB/VBG/prep/6 to/ADP/IN/prep/0 Menatep/PROPN/NNP/pobj/1 "
        ",/PUNCT/,/punct/6 the/DET/DT/det/5 actions/NOUN/NNS/nsubj/6 were/AUX/VBD/ROOT/6 "
        "contrary/ADJ/JJ/acomp/6 to/ADP/IN/prep/7 the/DET/DT/det/10 Treaty/PROPN/NNP/pobj/8 "
        "./PUNCT/./punct/6"
    )
    assert _law(blank_vocab, according, "Treaty", "Menatep") == {
        ("menatep", "kg:invokes", "treaty", "")
    }
    after = (
        "The/DET/DT/det/1 Act/PROPN/NNP/nsubj/3 could/AUX/MD/aux/3 help/VERB/VB/ROOT/3 "
        ",/PUNCT/,/punct/3 Fox/PROPN/NNP/nsubj/6 argued/VERB/VBD/conj/3 ./PUNCT/./punct/3"
    )
    assert _law(blank_vocab, after, "Act", "Fox") == {("fox", "kg:supports", "act", "hedged")}
    # a conjunct with an object of its own is a clause of its own, not the reporter
    own = after.replace(
        "argued/VERB/VBD/conj/3 ./PUNCT/./punct/3",
        "argued/VERB/VBD/conj/3 cases/NOUN/NNS/dobj/6 ./PUNCT/./punct/3",
    )
    assert _law(blank_vocab, own, "Act", "Fox") == set()


def test_a_denied_stance_is_kept_and_the_pair_linked(blank_vocab):
    spec = (
        "Howard/PROPN/NNP/nsubj/3 would/AUX/MD/aux/3 not/PART/RB/neg/3 back/VERB/VB/ROOT/3 "
        "the/DET/DT/det/5 Bill/PROPN/NNP/dobj/3 ./PUNCT/./punct/3"
    )
    # never kg:opposes: the text denies support, it does not state opposition
    assert _law(blank_vocab, spec, "Bill", "Howard") == {
        ("howard", "kg:supports", "bill", "negated"),
        ("howard", "kg:legalRelation", "bill", ""),
    }


def test_a_chain_of_nouns_and_a_gerund(blank_vocab):
    spec = (
        "Kennedy/PROPN/NNP/nsubj/1 repeated/VERB/VBD/ROOT/1 his/PRON/PRP$/poss/3 "
        "call/NOUN/NN/dobj/1 for/ADP/IN/prep/3 a/DET/DT/det/6 pause/NOUN/NN/pobj/4 "
        "in/ADP/IN/prep/6 considering/VERB/VBG/pcomp/7 the/DET/DT/det/10 "
        "Bill/PROPN/NNP/dobj/8 ./PUNCT/./punct/1"
    )
    assert _law(blank_vocab, spec, "Bill", "Kennedy") == {
        ("kennedy", "kg:legalRelation", "bill", "")
    }
    # a gerund with a subject of its own is its subject's act
    own = spec.replace(
        "considering/VERB/VBG/pcomp/7", "considering/VERB/VBG/pcomp/7 them/PRON/PRP/nsubj/8"
    )
    own = own.replace(
        "the/DET/DT/det/10 Bill/PROPN/NNP/dobj/8", "the/DET/DT/det/11 Bill/PROPN/NNP/dobj/8"
    )
    own = own.replace("./PUNCT/./punct/1", "./PUNCT/./punct/1").replace(
        "them/PRON/PRP/nsubj/8", "them/PRON/PRP/nsubj/8"
    )
    assert _law(blank_vocab, own, "Bill", "Kennedy") == set()


def test_a_relative_clause_on_the_bill(blank_vocab):
    spec = (
        "The/DET/DT/det/1 Government/PROPN/NNP/nsubj/3 will/AUX/MD/aux/3 "
        "amend/VERB/VB/ROOT/3 the/DET/DT/det/5 Bill/PROPN/NNP/dobj/3 ,/PUNCT/,/punct/5 "
        "which/PRON/WDT/nsubj/8 passes/VERB/VBZ/relcl/5 through/ADP/IN/prep/8 "
        "the/DET/DT/det/11 Commons/PROPN/NNP/pobj/9 ./PUNCT/./punct/3"
    )
    assert _law(blank_vocab, spec, "Bill", "Commons") == {("commons", "kg:passed", "bill", "")}
    # "which" must open the clause: "as MPs pass" is not said of the Bill
    mps = spec.replace("which/PRON/WDT/nsubj/8", "others/NOUN/NNS/nsubj/8")
    assert _law(blank_vocab, mps, "Bill", "Commons") == set()


def test_the_instrument_as_the_agent_of_a_passive(blank_vocab):
    spec = (
        "Russia/PROPN/NNP/nsubjpass/2 is/AUX/VBZ/auxpass/2 {verb}/VERB/VBN/ROOT/2 "
        "by/ADP/IN/agent/2 the/DET/DT/det/5 Treaty/PROPN/NNP/pobj/3 ./PUNCT/./punct/2"
    )
    assert _law(blank_vocab, spec.format(verb="bound"), "Treaty", places=("Russia",)) == {
        ("russia", "kg:compliesWith", "treaty", "")
    }
    assert _law(blank_vocab, spec.format(verb="covered"), "Treaty", places=("Russia",)) == {
        ("treaty", "kg:appliesTo", "russia", "")
    }
    assert _law(blank_vocab, spec.format(verb="named"), "Treaty", places=("Russia",)) == set()


def test_exempt_from_the_act(blank_vocab):
    spec = (
        "The/DET/DT/det/1 BBC/PROPN/NNP/nsubj/2 is/AUX/VBZ/ROOT/2 {word}/ADJ/JJ/acomp/2 "
        "from/ADP/IN/prep/3 the/DET/DT/det/6 Act/PROPN/NNP/pobj/4 ./PUNCT/./punct/2"
    )
    assert _law(blank_vocab, spec.format(word="exempt"), "Act", "BBC") == {
        ("bbc", "kg:exemptFrom", "act", "")
    }
    assert _law(blank_vocab, spec.format(word="far"), "Act", "BBC") == set()
