"""Direct quotations (kg.extract.quotes: quotes, spans, cues, speakers).

Each attribution pattern runs on a hand-parsed Doc (the parse the real model gives for that
sentence, written out so the test needs no model), next to the near miss it must not take.
The seed articles then go through the whole build with the real model.
"""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS, entity, parsed_doc

from kg.extract.quotes.cues import speech_lemma
from kg.extract.quotes.quotes import find_quotes
from kg.extract.quotes.spans import quoted_spans
from kg.model import LEGISLATION, ORGANIZATION, PERSON, PLACE, Article


def quotes_in(vocab, text: str, spec: str, *names: tuple[str, ...]):
    """find_quotes on `text` parsed as `spec`; each name is (type, surface, other surfaces)."""
    doc = parsed_doc(vocab, spec, text)
    return doc, find_quotes(doc, [entity(doc, type_, *surfaces) for type_, *surfaces in names])


def said(found) -> list[tuple[str, str]]:
    """(speaker key, quoted words) for each quotation, in text order."""
    return [(q.speaker, q.text) for q in found]


def cue(doc, quote) -> str:
    return doc.text[quote.cue_start : quote.cue_end]


# ---------------------------------------------------------------- X said: "..."

SAID_COLON = 'Mhairi Hunter said: "The plan will cut drug deaths."'
SAID_COLON_SPEC = """
Mhairi/PROPN/NNP/compound/1 Hunter/PROPN/NNP/nsubj/2 said/VERB/VBD/ROOT/2 :/PUNCT/:/punct/2
"/PUNCT/``/punct/2 The/DET/DT/det/6 plan/NOUN/NN/nsubj/8 will/AUX/MD/aux/8 cut/VERB/VB/ccomp/2
drug/NOUN/NN/compound/10 deaths/NOUN/NNS/dobj/8 ./PUNCT/./punct/2 "/PUNCT/''/punct/2
"""


def test_said_colon(blank_vocab):
    doc, found = quotes_in(blank_vocab, SAID_COLON, SAID_COLON_SPEC, (PERSON, "Mhairi Hunter"))
    assert said(found) == [("mhairi hunter", "The plan will cut drug deaths.")]
    quote = found[0]
    assert quote.speaker_type == PERSON and quote.rule == "quote:said-colon"
    assert doc.text[quote.start : quote.end] == quote.text  # the marks are not quoted words
    assert cue(doc, quote) == "Mhairi Hunter said"


CRITICS_AFTER = 'Ms Hunter said the plan would work. "The plan is a fix room," critics said.'
CRITICS_AFTER_SPEC = """
Ms/PROPN/NNP/compound/1 Hunter/PROPN/NNP/nsubj/2 said/VERB/VBD/ROOT/2 the/DET/DT/det/4
plan/NOUN/NN/nsubj/6 would/AUX/MD/aux/6 work/VERB/VB/ccomp/2 ./PUNCT/./punct/2
"/PUNCT/``/punct/18 The/DET/DT/det/10 plan/NOUN/NN/nsubj/11 is/AUX/VBZ/ccomp/18 a/DET/DT/det/14
fix/NOUN/NN/compound/14 room/NOUN/NN/attr/11 ,/PUNCT/,/punct/18 "/PUNCT/''/punct/18
critics/NOUN/NNS/nsubj/18 said/VERB/VBD/ROOT/18 ./PUNCT/./punct/18
"""


def test_a_cue_naming_nobody_known_gives_no_quote(blank_vocab):
    # The cue says who spoke (critics). Ms Hunter's reported speech just before would
    # otherwise claim the quotation (see the after-reported-speech test below): it must not.
    _, found = quotes_in(blank_vocab, CRITICS_AFTER, CRITICS_AFTER_SPEC, (PERSON, "Hunter"))
    assert found == []


PLACE_SAID = 'Glasgow said: "The plan will cut drug deaths."'
PLACE_SAID_SPEC = """
Glasgow/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1 :/PUNCT/:/punct/1 "/PUNCT/``/punct/1
The/DET/DT/det/5 plan/NOUN/NN/nsubj/7 will/AUX/MD/aux/7 cut/VERB/VB/ccomp/1
drug/NOUN/NN/compound/9 deaths/NOUN/NNS/dobj/7 ./PUNCT/./punct/1 "/PUNCT/''/punct/1
"""
ACT_STATES = 'The Misuse of Drugs Act states: "No person shall possess a controlled drug."'
ACT_STATES_SPEC = """
The/DET/DT/det/1 Misuse/PROPN/NNP/nsubj/5 of/ADP/IN/prep/1 Drugs/PROPN/NNP/compound/4
Act/PROPN/NNP/pobj/2 states/VERB/VBZ/ROOT/5 :/PUNCT/:/punct/5 "/PUNCT/``/punct/5
No/DET/DT/det/9 person/NOUN/NN/nsubj/11 shall/AUX/MD/aux/11 possess/VERB/VB/ccomp/5
a/DET/DT/det/14 controlled/VERB/VBN/amod/14 drug/NOUN/NN/dobj/11 ./PUNCT/./punct/5
"/PUNCT/''/punct/5
"""


def test_a_place_or_an_act_never_speaks(blank_vocab):
    _, found = quotes_in(blank_vocab, PLACE_SAID, PLACE_SAID_SPEC, (PLACE, "Glasgow"))
    assert found == []
    act = (LEGISLATION, "The Misuse of Drugs Act")
    assert quotes_in(blank_vocab, ACT_STATES, ACT_STATES_SPEC, act)[1] == []


# ---------------------------------------------------------------- scare quotes

SHORT = 'Ms Hunter said: "It will work."'
SHORT_SPEC = """
Ms/PROPN/NNP/compound/1 Hunter/PROPN/NNP/nsubj/2 said/VERB/VBD/ROOT/2 :/PUNCT/:/punct/2
"/PUNCT/``/punct/2 It/PRON/PRP/nsubj/7 will/AUX/MD/aux/7 work/VERB/VB/ccomp/2 ./PUNCT/./punct/2
"/PUNCT/''/punct/2
"""
# The same with a fourth word, the fewest a quotation may have.
FOUR_WORDS_SPEC = SHORT_SPEC.replace("./PUNCT/./punct/2", "well/ADV/RB/advmod/7 ./PUNCT/./punct/2")


def test_a_quotation_under_four_words_is_skipped(blank_vocab):
    _, found = quotes_in(blank_vocab, SHORT, SHORT_SPEC, (PERSON, "Hunter"))
    assert found == []
    four = SHORT.replace("work.", "work well.")
    _, found = quotes_in(blank_vocab, four, FOUR_WORDS_SPEC, (PERSON, "Hunter"))
    assert said(found) == [("hunter", "It will work well.")]


SCARE = 'Ms Hunter called it a "fix room" today.'
SCARE_SPEC = """
Ms/PROPN/NNP/compound/1 Hunter/PROPN/NNP/nsubj/2 called/VERB/VBD/ROOT/2 it/PRON/PRP/dobj/2
a/DET/DT/det/7 "/PUNCT/``/punct/7 fix/NOUN/NN/compound/7 room/NOUN/NN/oprd/2 "/PUNCT/''/punct/7
today/NOUN/NN/npadvmod/2 ./PUNCT/./punct/2
"""


def test_scare_quotes_under_a_speech_verb_are_no_quotation(blank_vocab):
    # "called" is a speech verb governing the words: only their length rules them out.
    assert [s.text for s in quoted_spans(SCARE)] == ["fix room"]
    assert quotes_in(blank_vocab, SCARE, SCARE_SPEC, (PERSON, "Hunter"))[1] == []


NAMED_DAY = (
    'The Zenda Trust is asking readers to dedicate their sites to the "Free Speech For All Day".'
)
NAMED_DAY_SPEC = """
The/DET/DT/det/2 Zenda/PROPN/NNP/compound/2 Trust/PROPN/NNP/nsubj/4 is/AUX/VBZ/aux/4
asking/VERB/VBG/ROOT/4 readers/NOUN/NNS/dobj/4 to/PART/TO/aux/7 dedicate/VERB/VB/xcomp/4
their/PRON/PRP$/poss/9 sites/NOUN/NNS/dobj/7 to/ADP/IN/prep/7 the/DET/DT/det/14
"/PUNCT/``/punct/14 Free/PROPN/NNP/amod/14 Speech/PROPN/NNP/pobj/10 For/ADP/IN/prep/7
All/DET/DT/det/17 Day/NOUN/NN/pobj/15 "/PUNCT/''/punct/4 ./PUNCT/./punct/4
"""


def test_a_capitalised_name_in_quotation_marks_after_the_is_no_quotation(blank_vocab):
    found = quotes_in(blank_vocab, NAMED_DAY, NAMED_DAY_SPEC, (ORGANIZATION, "Zenda Trust"))[1]
    assert found == []


# ---------------------------------------------------------------- "...," he said

HE_SAID = 'Mr Smith spoke first. "The plan will cut drug deaths," he said.'
HE_SAID_SPEC = """
Mr/PROPN/NNP/compound/1 Smith/PROPN/NNP/nsubj/2 spoke/VERB/VBD/ROOT/2 first/ADV/RB/advmod/2
./PUNCT/./punct/2 "/PUNCT/``/punct/9 The/DET/DT/det/7 plan/NOUN/NN/nsubj/9 will/AUX/MD/aux/9
cut/VERB/VB/ccomp/15 drug/NOUN/NN/compound/11 deaths/NOUN/NNS/dobj/9 ,/PUNCT/,/punct/15
"/PUNCT/''/punct/15 he/PRON/PRP/nsubj/15 said/VERB/VBD/ROOT/15 ./PUNCT/./punct/15
"""


def test_he_said_goes_to_the_man_just_named(blank_vocab):
    doc, found = quotes_in(blank_vocab, HE_SAID, HE_SAID_SPEC, (PERSON, "Smith"))
    # The comma before "he said" stands for the full stop: it is not quoted.
    assert said(found) == [("smith", "The plan will cut drug deaths")]
    assert found[0].rule == "quote:cue-after" and cue(doc, found[0]) == "he said"
    # A pronoun is less sure than a name.
    assert found[0].confidence < 0.9


HE_SAID_OF_HER = 'Ms Hunter backed the plan. "The plan will cut drug deaths," he said.'
HE_SAID_OF_HER_SPEC = """
Ms/PROPN/NNP/compound/1 Hunter/PROPN/NNP/nsubj/2 backed/VERB/VBD/ROOT/2 the/DET/DT/det/4
plan/NOUN/NN/dobj/2 ./PUNCT/./punct/2 "/PUNCT/``/punct/10 The/DET/DT/det/8
plan/NOUN/NN/nsubj/10 will/AUX/MD/aux/10 cut/VERB/VB/ccomp/16 drug/NOUN/NN/compound/12
deaths/NOUN/NNS/dobj/10 ,/PUNCT/,/punct/16 "/PUNCT/''/punct/16 he/PRON/PRP/nsubj/16
said/VERB/VBD/ROOT/16 ./PUNCT/./punct/16
"""


def test_he_is_not_ms_hunter(blank_vocab):
    found = quotes_in(blank_vocab, HE_SAID_OF_HER, HE_SAID_OF_HER_SPEC, (PERSON, "Hunter"))[1]
    assert found == []


AFTER_A_WOMAN = 'Mr Smith spoke first. Ms Hunter replied. "The plan will cut drug deaths," he said.'
AFTER_A_WOMAN_SPEC = """
Mr/PROPN/NNP/compound/1 Smith/PROPN/NNP/nsubj/2 spoke/VERB/VBD/ROOT/2 first/ADV/RB/advmod/2
./PUNCT/./punct/2 Ms/PROPN/NNP/compound/6 Hunter/PROPN/NNP/nsubj/7 replied/VERB/VBD/ROOT/7
./PUNCT/./punct/7 "/PUNCT/``/punct/13 The/DET/DT/det/11 plan/NOUN/NN/nsubj/13
will/AUX/MD/aux/13 cut/VERB/VB/ccomp/19 drug/NOUN/NN/compound/15 deaths/NOUN/NNS/dobj/13
,/PUNCT/,/punct/19 "/PUNCT/''/punct/19 he/PRON/PRP/nsubj/19 said/VERB/VBD/ROOT/19
./PUNCT/./punct/19
"""


def test_he_said_passes_over_a_woman_named_since(blank_vocab):
    names = (PERSON, "Smith"), (PERSON, "Hunter")
    found = quotes_in(blank_vocab, AFTER_A_WOMAN, AFTER_A_WOMAN_SPEC, *names)[1]
    assert [q.speaker for q in found] == ["smith"]


AFTER_JONES = (
    'Mr Smith spoke first. But Mr Jones denied it. "The plan will cut drug deaths," he said.'
)
AFTER_JONES_SPEC = """
Mr/PROPN/NNP/compound/1 Smith/PROPN/NNP/nsubj/2 spoke/VERB/VBD/ROOT/2 first/ADV/RB/advmod/2
./PUNCT/./punct/2 But/CCONJ/CC/cc/8 Mr/PROPN/NNP/compound/7 Jones/PROPN/NNP/nsubj/8
denied/VERB/VBD/ROOT/8 it/PRON/PRP/dobj/8 ./PUNCT/./punct/8 "/PUNCT/``/punct/15
The/DET/DT/det/13 plan/NOUN/NN/nsubj/15 will/AUX/MD/aux/15 cut/VERB/VB/ccomp/21
drug/NOUN/NN/compound/17 deaths/NOUN/NNS/dobj/15 ,/PUNCT/,/punct/21 "/PUNCT/''/punct/21
he/PRON/PRP/nsubj/21 said/VERB/VBD/ROOT/21 ./PUNCT/./punct/21
"""
# Mr Jones named in a clause that is not the sentence's main one.
AFTER_JONES_LEFT = (
    'Mr Smith spoke first. The plan failed when Mr Jones left. "The plan will cut drug deaths," '
    "he said."
)
AFTER_JONES_LEFT_SPEC = """
Mr/PROPN/NNP/compound/1 Smith/PROPN/NNP/nsubj/2 spoke/VERB/VBD/ROOT/2 first/ADV/RB/advmod/2
./PUNCT/./punct/2 The/DET/DT/det/6 plan/NOUN/NN/nsubj/7 failed/VERB/VBD/ROOT/7
when/SCONJ/WRB/advmod/11 Mr/PROPN/NNP/compound/10 Jones/PROPN/NNP/nsubj/11
left/VERB/VBD/advcl/7 ./PUNCT/./punct/7 "/PUNCT/``/punct/17 The/DET/DT/det/15
plan/NOUN/NN/nsubj/17 will/AUX/MD/aux/17 cut/VERB/VB/ccomp/23 drug/NOUN/NN/compound/19
deaths/NOUN/NNS/dobj/17 ,/PUNCT/,/punct/23 "/PUNCT/''/punct/23 he/PRON/PRP/nsubj/23
said/VERB/VBD/ROOT/23 ./PUNCT/./punct/23
"""


@pytest.mark.parametrize(
    ("text", "spec"),
    [(AFTER_JONES, AFTER_JONES_SPEC), (AFTER_JONES_LEFT, AFTER_JONES_LEFT_SPEC)],
    ids=["main-clause", "subordinate-clause"],
)
def test_he_said_never_skips_back_over_another_man(blank_vocab, text, spec):
    # "he" may be Mr Jones, or unresolved; never Mr Smith, named before Mr Jones.
    found = quotes_in(blank_vocab, text, spec, (PERSON, "Smith"), (PERSON, "Jones"))[1]
    assert {q.speaker for q in found} <= {"jones"}


def test_he_said_after_a_main_clause_subject_is_that_man(blank_vocab):
    found = quotes_in(
        blank_vocab, AFTER_JONES, AFTER_JONES_SPEC, (PERSON, "Smith"), (PERSON, "Jones")
    )[1]
    assert [q.speaker for q in found] == ["jones"]


# ---------------------------------------------------------------- "...," said X

SAID_X = '"The plan will cut drug deaths," said Mhairi Hunter.'
SAID_X_SPEC = """
"/PUNCT/``/punct/9 The/DET/DT/det/2 plan/NOUN/NN/nsubj/4 will/AUX/MD/aux/4 cut/VERB/VB/ccomp/9
drug/NOUN/NN/compound/6 deaths/NOUN/NNS/dobj/4 ,/PUNCT/,/punct/9 "/PUNCT/''/punct/9
said/VERB/VBD/ROOT/9 Mhairi/PROPN/NNP/compound/11 Hunter/PROPN/NNP/nsubj/9 ./PUNCT/./punct/9
"""


def test_said_x_after_the_quotation(blank_vocab):
    doc, found = quotes_in(blank_vocab, SAID_X, SAID_X_SPEC, (PERSON, "Mhairi Hunter"))
    assert said(found) == [("mhairi hunter", "The plan will cut drug deaths")]
    assert found[0].rule == "quote:cue-after" and cue(doc, found[0]) == "said Mhairi Hunter"


ASKED_NAME = '"Is this really the best plan for Glasgow?" Ms Hunter asked.'
ASKED_NAME_SPEC = """
"/PUNCT/``/punct/1 Is/AUX/VBZ/ROOT/1 this/PRON/DT/nsubj/1 really/ADV/RB/advmod/1
the/DET/DT/det/6 best/ADJ/JJS/amod/6 plan/NOUN/NN/attr/1 for/ADP/IN/prep/6
Glasgow/PROPN/NNP/pobj/7 ?/PUNCT/./punct/1 "/PUNCT/''/punct/1 Ms/PROPN/NNP/compound/12
Hunter/PROPN/NNP/nsubj/13 asked/VERB/VBD/ROOT/13 ./PUNCT/./punct/13
"""
EXCLAIMED_NAME = '"This is a great day for Glasgow!" Ms Hunter said.'
EXCLAIMED_NAME_SPEC = """
"/PUNCT/``/punct/2 This/PRON/DT/nsubj/2 is/AUX/VBZ/ROOT/2 a/DET/DT/det/5 great/ADJ/JJ/amod/5
day/NOUN/NN/attr/2 for/ADP/IN/prep/5 Glasgow/PROPN/NNP/pobj/6 !/PUNCT/./punct/2
"/PUNCT/''/punct/2 Ms/PROPN/NNP/compound/11 Hunter/PROPN/NNP/nsubj/12 said/VERB/VBD/ROOT/12
./PUNCT/./punct/12
"""


@pytest.mark.parametrize(
    ("text", "spec"),
    [(ASKED_NAME, ASKED_NAME_SPEC), (EXCLAIMED_NAME, EXCLAIMED_NAME_SPEC)],
    ids=["question", "exclamation"],
)
def test_question_or_exclamation_then_a_named_speaker(blank_vocab, text, spec):
    found = quotes_in(blank_vocab, text, spec, (PERSON, "Hunter"), (PLACE, "Glasgow"))[1]
    assert [q.speaker for q in found] == ["hunter"]


ASKED = 'Ms Hunter spoke first. "Is this really the best plan?" she asked.'
ASKED_SPEC = """
Ms/PROPN/NNP/compound/1 Hunter/PROPN/NNP/nsubj/2 spoke/VERB/VBD/ROOT/2 first/ADV/RB/advmod/2
./PUNCT/./punct/2 "/PUNCT/``/punct/6 Is/AUX/VBZ/ROOT/6 this/PRON/DT/nsubj/6
really/ADV/RB/advmod/6 the/DET/DT/det/11 best/ADJ/JJS/amod/11 plan/NOUN/NN/attr/6
?/PUNCT/./punct/6 "/PUNCT/''/punct/6 she/PRON/PRP/nsubj/15 asked/VERB/VBD/ROOT/15
./PUNCT/./punct/15
"""


def test_question_then_she_asked(blank_vocab):
    found = quotes_in(blank_vocab, ASKED, ASKED_SPEC, (PERSON, "Hunter"))[1]
    assert said(found) == [("hunter", "Is this really the best plan?")]


# ---------------------------------------------------------------- X told the BBC: "..."

TOLD = 'Mhairi Hunter told the BBC: "The plan will cut drug deaths."'
TOLD_SPEC = """
Mhairi/PROPN/NNP/compound/1 Hunter/PROPN/NNP/nsubj/2 told/VERB/VBD/ROOT/2 the/DET/DT/det/4
BBC/PROPN/NNP/dobj/2 :/PUNCT/:/punct/2 "/PUNCT/``/punct/10 The/DET/DT/det/8
plan/NOUN/NN/nsubj/10 will/AUX/MD/aux/10 cut/VERB/VB/ccomp/2 drug/NOUN/NN/compound/12
deaths/NOUN/NNS/dobj/10 ./PUNCT/./punct/2 "/PUNCT/''/punct/2
"""


def test_told_the_bbc_is_said_by_the_subject_not_the_listener(blank_vocab):
    names = (PERSON, "Mhairi Hunter"), (ORGANIZATION, "BBC")
    doc, found = quotes_in(blank_vocab, TOLD, TOLD_SPEC, *names)
    assert said(found) == [("mhairi hunter", "The plan will cut drug deaths.")]
    assert found[0].rule == "quote:said-colon"
    assert cue(doc, found[0]) == "Mhairi Hunter told the BBC"


# ---------------------------------------------------------------- quotations over paragraphs

NEXT_PARAGRAPH = (
    'Ms Hunter backed the plan. "First part of the plan," she said.\n\n'
    '"Second part more words here."'
)
NEXT_PARAGRAPH_SPEC = """
Ms/PROPN/NNP/compound/1 Hunter/PROPN/NNP/nsubj/2 backed/VERB/VBD/ROOT/2 the/DET/DT/det/4
plan/NOUN/NN/dobj/2 ./PUNCT/./punct/2 "/PUNCT/``/punct/15 First/ADJ/JJ/amod/8
part/NOUN/NN/ccomp/15 of/ADP/IN/prep/8 the/DET/DT/det/11 plan/NOUN/NN/pobj/9 ,/PUNCT/,/punct/15
"/PUNCT/''/punct/15 she/PRON/PRP/nsubj/15 said/VERB/VBD/ROOT/15 ./PUNCT/./punct/15
"/PUNCT/``/punct/21 Second/ADJ/JJ/amod/19 part/NOUN/NN/npadvmod/20 more/ADJ/JJR/amod/21
words/NOUN/NNS/ROOT/21 here/ADV/RB/advmod/21 ./PUNCT/./punct/21 "/PUNCT/''/punct/21
"""


def test_a_quotation_continued_in_the_next_paragraph(blank_vocab):
    doc, found = quotes_in(blank_vocab, NEXT_PARAGRAPH, NEXT_PARAGRAPH_SPEC, (PERSON, "Hunter"))
    assert said(found) == [
        ("hunter", "First part of the plan"),
        ("hunter", "Second part more words here."),
    ]
    assert [q.rule for q in found] == ["quote:cue-after", "quote:continued"]
    assert cue(doc, found[1]) == "she said"  # the second part points at the cue it borrows


NOT_NEXT_PARAGRAPH = (
    'Ms Hunter backed the plan. "First part of the plan," she said. Then the meeting ended.\n\n'
    '"Second part more words here."'
)
NOT_NEXT_PARAGRAPH_SPEC = """
Ms/PROPN/NNP/compound/1 Hunter/PROPN/NNP/nsubj/2 backed/VERB/VBD/ROOT/2 the/DET/DT/det/4
plan/NOUN/NN/dobj/2 ./PUNCT/./punct/2 "/PUNCT/``/punct/15 First/ADJ/JJ/amod/8
part/NOUN/NN/ccomp/15 of/ADP/IN/prep/8 the/DET/DT/det/11 plan/NOUN/NN/pobj/9 ,/PUNCT/,/punct/15
"/PUNCT/''/punct/15 she/PRON/PRP/nsubj/15 said/VERB/VBD/ROOT/15 ./PUNCT/./punct/15
Then/ADV/RB/advmod/20 the/DET/DT/det/19 meeting/NOUN/NN/nsubj/20 ended/VERB/VBD/ROOT/20
./PUNCT/./punct/20 "/PUNCT/``/punct/26 Second/ADJ/JJ/amod/24 part/NOUN/NN/npadvmod/25
more/ADJ/JJR/amod/26 words/NOUN/NNS/ROOT/26 here/ADV/RB/advmod/26 ./PUNCT/./punct/26
"/PUNCT/''/punct/26
"""


def test_narration_between_two_quotations_breaks_the_run(blank_vocab):
    spec = NOT_NEXT_PARAGRAPH_SPEC
    found = quotes_in(blank_vocab, NOT_NEXT_PARAGRAPH, spec, (PERSON, "Hunter"))[1]
    assert said(found) == [("hunter", "First part of the plan")]


def test_narration_naming_nobody_in_the_same_paragraph_keeps_the_speaker(blank_vocab):
    text = NOT_NEXT_PARAGRAPH.replace("\n\n", " ")
    found = quotes_in(blank_vocab, text, NOT_NEXT_PARAGRAPH_SPEC, (PERSON, "Hunter"))[1]
    assert said(found) == [
        ("hunter", "First part of the plan"),
        ("hunter", "Second part more words here."),
    ]
    assert found[1].rule == "quote:same-speaker"
    # Narration that names someone or something else may bring in the next speaker.
    found = quotes_in(
        blank_vocab, text, NOT_NEXT_PARAGRAPH_SPEC, (PERSON, "Hunter"), (ORGANIZATION, "meeting")
    )[1]
    assert said(found) == [("hunter", "First part of the plan")]


RUN_ON = 'Ms Hunter said: "First paragraph words here.\n\n"Second paragraph words here."'
RUN_ON_SPEC = """
Ms/PROPN/NNP/compound/1 Hunter/PROPN/NNP/nsubj/2 said/VERB/VBD/ROOT/2 :/PUNCT/:/punct/2
"/PUNCT/``/punct/2 First/ADJ/JJ/amod/7 paragraph/NOUN/NN/compound/7 words/NOUN/NNS/dobj/2
here/ADV/RB/advmod/7 ./PUNCT/./punct/2 "/PUNCT/``/punct/13 Second/ADJ/JJ/amod/13
paragraph/NOUN/NN/compound/13 words/NOUN/NNS/ROOT/13 here/ADV/RB/advmod/13 ./PUNCT/./punct/13
"/PUNCT/''/punct/13
"""


def test_a_quotation_left_open_at_the_paragraph_end_runs_on(blank_vocab):
    # The typographers' rule: only the last paragraph of a long quotation closes it.
    doc, found = quotes_in(blank_vocab, RUN_ON, RUN_ON_SPEC, (PERSON, "Hunter"))
    assert said(found) == [("hunter", "First paragraph words here. Second paragraph words here.")]
    assert found[0].rule == "quote:said-colon"
    assert doc.text[found[0].end :] == '"'


# ---------------------------------------------------------------- according to X

ACCORDING_BEFORE = 'According to Mhairi Hunter, "the plan will cut drug deaths".'
ACCORDING_BEFORE_SPEC = """
According/VERB/VBG/prep/9 to/ADP/IN/prep/0 Mhairi/PROPN/NNP/compound/3 Hunter/PROPN/NNP/pobj/1
,/PUNCT/,/punct/9 "/PUNCT/``/punct/9 the/DET/DT/det/7 plan/NOUN/NN/nsubj/9 will/AUX/MD/aux/9
cut/VERB/VB/ROOT/9 drug/NOUN/NN/compound/11 deaths/NOUN/NNS/dobj/9 "/PUNCT/''/punct/9
./PUNCT/./punct/9
"""
ACCORDING_AFTER = '"The plan will cut drug deaths", according to Mhairi Hunter.'
ACCORDING_AFTER_SPEC = """
"/PUNCT/``/punct/4 The/DET/DT/det/2 plan/NOUN/NN/nsubj/4 will/AUX/MD/aux/4 cut/VERB/VB/ROOT/4
drug/NOUN/NN/compound/6 deaths/NOUN/NNS/dobj/4 "/PUNCT/''/punct/4 ,/PUNCT/,/punct/4
according/VERB/VBG/prep/4 to/ADP/IN/prep/9 Mhairi/PROPN/NNP/compound/12
Hunter/PROPN/NNP/pobj/10 ./PUNCT/./punct/4
"""


@pytest.mark.parametrize(
    ("text", "spec", "words", "cue_text"),
    [
        (
            ACCORDING_BEFORE,
            ACCORDING_BEFORE_SPEC,
            "the plan will cut drug deaths",
            "According to Mhairi Hunter",
        ),
        (
            ACCORDING_AFTER,
            ACCORDING_AFTER_SPEC,
            "The plan will cut drug deaths",
            "according to Mhairi Hunter",
        ),
    ],
    ids=["before", "after"],
)
def test_according_to_x(blank_vocab, text, spec, words, cue_text):
    doc, found = quotes_in(blank_vocab, text, spec, (PERSON, "Mhairi Hunter"))
    assert said(found) == [("mhairi hunter", words)]
    assert found[0].rule == "quote:according-to" and cue(doc, found[0]) == cue_text


# ---------------------------------------------------------------- a spokesman for an organisation

SPOKESMAN = 'A Home Office spokesman said: "The plan will cut drug deaths."'
SPOKESMAN_SPEC = """
A/DET/DT/det/3 Home/PROPN/NNP/compound/2 Office/PROPN/NNP/compound/3 spokesman/NOUN/NN/nsubj/4
said/VERB/VBD/ROOT/4 :/PUNCT/:/punct/4 "/PUNCT/``/punct/4 The/DET/DT/det/8
plan/NOUN/NN/nsubj/10 will/AUX/MD/aux/10 cut/VERB/VB/ccomp/4 drug/NOUN/NN/compound/12
deaths/NOUN/NNS/dobj/10 ./PUNCT/./punct/4 "/PUNCT/''/punct/4
"""
SPOKESMAN_FOR = 'A spokesman for the Home Office said: "The plan will cut drug deaths."'
SPOKESMAN_FOR_SPEC = """
A/DET/DT/det/1 spokesman/NOUN/NN/nsubj/6 for/ADP/IN/prep/1 the/DET/DT/det/5
Home/PROPN/NNP/compound/5 Office/PROPN/NNP/pobj/2 said/VERB/VBD/ROOT/6 :/PUNCT/:/punct/6
"/PUNCT/``/punct/6 The/DET/DT/det/10 plan/NOUN/NN/nsubj/12 will/AUX/MD/aux/12
cut/VERB/VB/ccomp/6 drug/NOUN/NN/compound/14 deaths/NOUN/NNS/dobj/12 ./PUNCT/./punct/6
"/PUNCT/''/punct/6
"""
SAID_SPOKESMAN = '"The plan will cut drug deaths," said a Home Office spokesman.'
SAID_SPOKESMAN_SPEC = """
"/PUNCT/``/punct/9 The/DET/DT/det/2 plan/NOUN/NN/nsubj/4 will/AUX/MD/aux/4 cut/VERB/VB/ccomp/9
drug/NOUN/NN/compound/6 deaths/NOUN/NNS/dobj/4 ,/PUNCT/,/punct/9 "/PUNCT/''/punct/9
said/VERB/VBD/ROOT/9 a/DET/DT/det/13 Home/PROPN/NNP/compound/12 Office/PROPN/NNP/compound/13
spokesman/NOUN/NN/nsubj/9 ./PUNCT/./punct/9
"""


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        (SPOKESMAN, SPOKESMAN_SPEC),
        (SPOKESMAN_FOR, SPOKESMAN_FOR_SPEC),
        (SAID_SPOKESMAN, SAID_SPOKESMAN_SPEC),
    ],
    ids=["org-spokesman-said", "spokesman-for-org-said", "said-org-spokesman"],
)
def test_an_unnamed_spokesman_speaks_for_the_organisation(blank_vocab, text, spec):
    found = quotes_in(blank_vocab, text, spec, (ORGANIZATION, "Home Office"))[1]
    assert [(q.speaker, q.speaker_type) for q in found] == [("home office", ORGANIZATION)]
    assert found[0].text.startswith("The plan will cut drug deaths")
    assert found[0].confidence < 0.9  # less sure than a name


BARE_SPOKESMAN = (
    'The Home Office wrote to Glasgow City Council. A spokesman said: "The plan will cut drug '
    'deaths."'
)
BARE_SPOKESMAN_SPEC = """
The/DET/DT/det/2 Home/PROPN/NNP/compound/2 Office/PROPN/NNP/nsubj/3 wrote/VERB/VBD/ROOT/3
to/ADP/IN/prep/3 Glasgow/PROPN/NNP/compound/7 City/PROPN/NNP/compound/7
Council/PROPN/NNP/pobj/4 ./PUNCT/./punct/3 A/DET/DT/det/10 spokesman/NOUN/NN/nsubj/11
said/VERB/VBD/ROOT/11 :/PUNCT/:/punct/11 "/PUNCT/``/punct/11 The/DET/DT/det/15
plan/NOUN/NN/nsubj/17 will/AUX/MD/aux/17 cut/VERB/VB/ccomp/11 drug/NOUN/NN/compound/19
deaths/NOUN/NNS/dobj/17 ./PUNCT/./punct/11 "/PUNCT/''/punct/11
"""


def test_a_spokesman_the_sentence_gives_no_organisation_gives_no_quote(blank_vocab):
    # Either organisation named before could be meant: leave it.
    orgs = (ORGANIZATION, "Home Office"), (ORGANIZATION, "Glasgow City Council")
    assert quotes_in(blank_vocab, BARE_SPOKESMAN, BARE_SPOKESMAN_SPEC, *orgs)[1] == []


# ---------------------------------------------------------------- Sir Bill Morris

SIR = 'Sir Bill Morris said: "The plan will cut drug deaths."'
SIR_SPEC = """
Sir/PROPN/NNP/compound/2 Bill/PROPN/NNP/compound/2 Morris/PROPN/NNP/nsubj/3
said/VERB/VBD/ROOT/3 :/PUNCT/:/punct/3 "/PUNCT/``/punct/3 The/DET/DT/det/7 plan/NOUN/NN/nsubj/9
will/AUX/MD/aux/9 cut/VERB/VB/ccomp/3 drug/NOUN/NN/compound/11 deaths/NOUN/NNS/dobj/9
./PUNCT/./punct/3 "/PUNCT/''/punct/3
"""


def test_sir_bill_morris_is_a_person_speaking(blank_vocab):
    # "Bill" is also a parliamentary bill: the name must stay a person's.
    doc, found = quotes_in(blank_vocab, SIR, SIR_SPEC, (PERSON, "Bill Morris"))
    assert [(q.speaker, q.speaker_type) for q in found] == [("bill morris", PERSON)]
    assert cue(doc, found[0]) == "Sir Bill Morris said"
    # Even if a stray Legislation mention of "Bill" sits inside the name, the person speaks.
    names = (PERSON, "Bill Morris"), (LEGISLATION, "Bill")
    found = quotes_in(blank_vocab, SIR, SIR_SPEC, *names)[1]
    assert [(q.speaker, q.speaker_type) for q in found] == [("bill morris", PERSON)]


@pytest.mark.model
def test_sir_bill_morris_end_to_end_is_no_bill(nlp):
    from kg.extract.article import extract

    text = 'Sir Bill Morris said: "The plan will cut drug deaths across the city."'
    x = extract(nlp(text), Article(id="sir", text=text))
    assert [(e.type, e.key) for e in x.entities] == [(PERSON, "bill morris")]
    assert [(q.speaker, q.speaker_type, q.text) for q in x.quotes] == [
        ("bill morris", PERSON, "The plan will cut drug deaths across the city.")
    ]


# ---------------------------------------------------------------- attribution by neighbours

REPORTED = 'Ms Hunter said the plan would work. "It will cut drug deaths."'
REPORTED_SPEC = """
Ms/PROPN/NNP/compound/1 Hunter/PROPN/NNP/nsubj/2 said/VERB/VBD/ROOT/2 the/DET/DT/det/4
plan/NOUN/NN/nsubj/6 would/AUX/MD/aux/6 work/VERB/VB/ccomp/2 ./PUNCT/./punct/2
"/PUNCT/``/punct/11 It/PRON/PRP/nsubj/11 will/AUX/MD/aux/11 cut/VERB/VB/ROOT/11
drug/NOUN/NN/compound/13 deaths/NOUN/NNS/dobj/11 ./PUNCT/./punct/11 "/PUNCT/''/punct/11
"""


# The same sentence reporting no speech.
BACKED_SPEC = """
Ms/PROPN/NNP/compound/1 Hunter/PROPN/NNP/nsubj/2 backed/VERB/VBD/ROOT/2 the/DET/DT/det/4
plan/NOUN/NN/dobj/2 last/ADJ/JJ/amod/6 week/NOUN/NN/npadvmod/2 ./PUNCT/./punct/2
"/PUNCT/``/punct/11 It/PRON/PRP/nsubj/11 will/AUX/MD/aux/11 cut/VERB/VB/ROOT/11
drug/NOUN/NN/compound/13 deaths/NOUN/NNS/dobj/11 ./PUNCT/./punct/11 "/PUNCT/''/punct/11
"""


def test_a_quotation_after_reported_speech_is_the_reporter_s(blank_vocab):
    found = quotes_in(blank_vocab, REPORTED, REPORTED_SPEC, (PERSON, "Hunter"))[1]
    assert said(found) == [("hunter", "It will cut drug deaths.")]
    assert found[0].rule == "quote:after-reported-speech"
    # Not after a sentence that reports no speech.
    backed = 'Ms Hunter backed the plan last week. "It will cut drug deaths."'
    found = quotes_in(blank_vocab, backed, BACKED_SPEC, (PERSON, "Hunter"))[1]
    assert found == []


FOLLOWED = (
    'Ms Hunter backed the plan. "The plan will cut drug deaths." "It is a good plan," she added.'
)
FOLLOWED_SPEC = """
Ms/PROPN/NNP/compound/1 Hunter/PROPN/NNP/nsubj/2 backed/VERB/VBD/ROOT/2 the/DET/DT/det/4
plan/NOUN/NN/dobj/2 ./PUNCT/./punct/2 "/PUNCT/``/punct/10 The/DET/DT/det/8
plan/NOUN/NN/nsubj/10 will/AUX/MD/aux/10 cut/VERB/VB/ROOT/10 drug/NOUN/NN/compound/12
deaths/NOUN/NNS/dobj/10 ./PUNCT/./punct/10 "/PUNCT/''/punct/10 "/PUNCT/``/punct/24
It/PRON/PRP/nsubj/17 is/AUX/VBZ/ccomp/24 a/DET/DT/det/20 good/ADJ/JJ/amod/20
plan/NOUN/NN/attr/17 ,/PUNCT/,/punct/24 "/PUNCT/''/punct/24 she/PRON/PRP/nsubj/24
added/VERB/VBD/ROOT/24 ./PUNCT/./punct/24
"""


def test_a_quotation_takes_the_cue_of_the_one_right_after_it(blank_vocab):
    found = quotes_in(blank_vocab, FOLLOWED, FOLLOWED_SPEC, (PERSON, "Hunter"))[1]
    assert said(found) == [
        ("hunter", "The plan will cut drug deaths."),
        ("hunter", "It is a good plan"),
    ]
    assert [q.rule for q in found] == ["quote:cue-following", "quote:cue-after"]


COUNCILLOR = (
    'Councillor Mhairi Hunter backed the plan. "The plan will cut drug deaths," '
    "the councillor said."
)
COUNCILLOR_SPEC = """
Councillor/PROPN/NNP/compound/2 Mhairi/PROPN/NNP/compound/2 Hunter/PROPN/NNP/nsubj/3
backed/VERB/VBD/ROOT/3 the/DET/DT/det/5 plan/NOUN/NN/dobj/3 ./PUNCT/./punct/3
"/PUNCT/``/punct/11 The/DET/DT/det/9 plan/NOUN/NN/nsubj/11 will/AUX/MD/aux/11
cut/VERB/VB/ccomp/18 drug/NOUN/NN/compound/13 deaths/NOUN/NNS/dobj/11 ,/PUNCT/,/punct/18
"/PUNCT/''/punct/18 the/DET/DT/det/17 councillor/NOUN/NN/nsubj/18 said/VERB/VBD/ROOT/18
./PUNCT/./punct/18
"""


def test_the_councillor_is_the_councillor_named_before(blank_vocab):
    found = quotes_in(blank_vocab, COUNCILLOR, COUNCILLOR_SPEC, (PERSON, "Mhairi Hunter"))[1]
    assert said(found) == [("mhairi hunter", "The plan will cut drug deaths")]
    # "Her spokesman" is not her, and speaks for no organisation the article names.
    spokesman = COUNCILLOR.replace("the councillor", "her spokesman")
    spokesman_spec = COUNCILLOR_SPEC.replace("the/DET/DT/det/17", "her/PRON/PRP$/poss/17")
    spokesman_spec = spokesman_spec.replace("councillor/NOUN", "spokesman/NOUN")
    found = quotes_in(blank_vocab, spokesman, spokesman_spec, (PERSON, "Mhairi Hunter"))[1]
    assert found == []


def test_a_bare_post_the_parser_tagged_a_proper_noun_still_refers_back(blank_vocab):
    spec = COUNCILLOR_SPEC.replace("councillor/NOUN/NN", "councillor/PROPN/NNP")
    found = quotes_in(blank_vocab, COUNCILLOR, spec, (PERSON, "Mhairi Hunter"))[1]
    assert said(found) == [("mhairi hunter", "The plan will cut drug deaths")]
    # A capitalised proper noun is a name, not a post: "Councillor" alone says nobody.
    text = COUNCILLOR.replace("the councillor said", "the Councillor said")
    spec = spec.replace("councillor/PROPN", "Councillor/PROPN")
    assert quotes_in(blank_vocab, text, spec, (PERSON, "Mhairi Hunter"))[1] == []


# ---------------------------------------------------------------- spans on raw text


def test_straight_and_curly_quotations_with_their_offsets():
    text = 'She said: "We will do it." He said: “It’s the best plan,” and left.'
    spans = quoted_spans(text)
    assert [s.text for s in spans] == ["We will do it.", "It’s the best plan"]
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert text[span.open_at] in '"“' and text[span.close_at] in '"”'


def test_apostrophes_are_not_single_quotation_marks():
    text = "The officers' pay and Glasgow's 'fix room' plan."
    assert [(s.text, s.single) for s in quoted_spans(text)] == [("fix room", True)]


def test_paragraphs_of_one_quotation_are_joined():
    # On separate lines, and run together on one line as joined paragraphs show them.
    for text in (
        'He said: "One two three.\n\n"Four five six."',
        'He said: "One two three. "Four five six."',
    ):
        (span,) = quoted_spans(text)
        assert span.text == "One two three. Four five six."
        assert span.close_at == len(text) - 1 and span.start == text.index("One")


def test_a_single_quoted_headline_quotation_may_hold_an_apostrophe():
    text = "Home Office 'won't allow' drug fix room"
    assert [s.text for s in quoted_spans(text)] == ["won't allow"]


def test_an_unclosed_quotation_runs_to_the_end():
    text = 'He said: "One two three four'
    (span,) = quoted_spans(text)
    assert span.text == "One two three four" and span.close_at == -1 and span.end == len(text)


def test_excluded_spans_drop_their_quotations():
    text = 'The "Misuse of Drugs Act" and "a clear message to all".'
    title = text.index("Misuse")
    spans = quoted_spans(text, excluded=[(title, title + len("Misuse of Drugs Act"))])
    assert [s.text for s in spans] == ["a clear message to all"]


# ---------------------------------------------------------------- cues lexicon


def test_speech_verbs_in_their_inflected_forms(blank_vocab):
    spec = "She/PRON/PRP/nsubj/1 {verb}/VERB/VBD/ROOT/1 it/PRON/PRP/dobj/1"
    lemmas = {}
    for verb in ("said", "told", "labelled", "labeled", "insists", "denied", "saw"):
        doc = parsed_doc(blank_vocab, spec.format(verb=verb))
        lemmas[verb] = speech_lemma(doc[1])
    assert lemmas == {
        "said": "say",
        "told": "tell",
        "labelled": "label",
        "labeled": "label",
        "insists": "insist",
        # A denial quotes the other side; seeing is not saying.
        "denied": None,
        "saw": None,
    }


def test_go_reports_speech_only_with_on(blank_vocab):
    went_on = parsed_doc(
        blank_vocab, "She/PRON/PRP/nsubj/1 went/VERB/VBD/ROOT/1 on/ADP/RP/prt/1 ./PUNCT/./punct/1"
    )
    went_home = parsed_doc(
        blank_vocab,
        "She/PRON/PRP/nsubj/1 went/VERB/VBD/ROOT/1 home/ADV/RB/advmod/1 ./PUNCT/./punct/1",
    )
    assert speech_lemma(went_on[1]) == "go"
    assert speech_lemma(went_home[1]) is None


def test_a_noun_is_no_speech_verb(blank_vocab):
    doc = parsed_doc(blank_vocab, "The/DET/DT/det/1 claims/NOUN/NNS/nsubj/2 failed/VERB/VBD/ROOT/2")
    assert speech_lemma(doc[1]) is None


# ---------------------------------------------------------------- the seed articles end to end


def _unquoted(anchor: str) -> str:
    """The article's words as schema:text gives them: the opening mark of each further
    paragraph dropped, the paragraphs joined by one space."""
    return " ".join(re.sub(r"(?<=\s)[\"“]", "", anchor).split())


@pytest.fixture(scope="module")
def seeds_dataset(nlp):
    from kg.builder.run import build

    result = build([SEEDS], nlp=nlp)
    assert result.ok, result.skipped
    return result.dataset


HUNTER_QUOTES = """
SELECT ?q ?text ?begin ?end ?anchor ?string WHERE {
  GRAPH ?entities { ?who a schema:Person ; schema:name "Mhairi Hunter" }
  GRAPH ?g {
    ?q a schema:Quotation ; schema:spokenByCharacter ?who ; schema:text ?text ;
       prov:wasDerivedFrom ?art ; kg:evidence ?span .
    ?art a schema:NewsArticle ; kg:context ?ctx .
    ?ctx nif:isString ?string .
    ?span a nif:OffsetBasedString ; nif:beginIndex ?begin ; nif:endIndex ?end ;
          nif:anchorOf ?anchor ; nif:referenceContext ?ctx .
  }
}
"""


@pytest.mark.model
def test_mhairi_hunter_speaks_quotations_with_their_evidence(seeds_dataset):
    from kg.query.sparql import PREFIXES

    rows = list(seeds_dataset.query(HUNTER_QUOTES, initNs=PREFIXES))
    assert len({row.q for row in rows}) >= 2
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")]
    for row in rows:
        begin, end, string = int(row.begin), int(row.end), str(row.string)
        assert string[begin:end] == str(row.anchor)
        assert _unquoted(str(row.anchor)) == str(row.text)
        # The query joined the quotation to the article whose text holds its evidence; that
        # text is a seed article's.
        assert any(str(row.anchor) in seed for seed in seeds)


QUOTE_SPEAKER_TYPES = """
SELECT DISTINCT ?q ?type WHERE {
  GRAPH ?g { ?q a schema:Quotation ; schema:spokenByCharacter ?who }
  GRAPH ?h { ?who a ?type }
  FILTER (STRSTARTS(STR(?type), "https://schema.org/"))
}
"""


@pytest.mark.model
def test_no_quotation_is_spoken_by_a_place_or_an_act(seeds_dataset):
    from kg.query.sparql import PREFIXES

    types = {
        (row.q, str(row.type)) for row in seeds_dataset.query(QUOTE_SPEAKER_TYPES, initNs=PREFIXES)
    }
    assert types  # there are quotations to check
    allowed = {"https://schema.org/Person", "https://schema.org/Organization"}
    # Only people and organisations speak: never a schema:Place or a schema:Legislation.
    assert {t for _, t in types} <= allowed


# ---------------------------------------------------------------- cues and speakers, more shapes

QUOTED_AS = 'Mr Browne quoted the plan as saying: "We are checking every single visa."'
QUOTED_AS_SPEC = """
Mr/PROPN/NNP/compound/1 Browne/PROPN/NNP/nsubj/2 quoted/VERB/VBD/ROOT/2 the/DET/DT/det/4
plan/NOUN/NN/dobj/2 as/ADP/IN/prep/2 saying/VERB/VBG/pcomp/5 :/PUNCT/:/punct/6
"/PUNCT/``/punct/6 We/PRON/PRP/nsubj/11 are/AUX/VBP/aux/11 checking/VERB/VBG/ccomp/6
every/DET/DT/det/14 single/ADJ/JJ/amod/14 visa/NOUN/NN/dobj/11 ./PUNCT/./punct/6
"/PUNCT/''/punct/6
"""


def test_quoted_as_saying_is_the_quoted_persons_or_else_the_quoters(blank_vocab):
    found = quotes_in(blank_vocab, QUOTED_AS, QUOTED_AS_SPEC, (PERSON, "Browne"))[1]
    assert said(found) == [("browne", "We are checking every single visa.")]
    text = QUOTED_AS.replace("Mr Browne quoted the plan", "The Times quoted Mr Smith")
    spec = QUOTED_AS_SPEC.replace("Mr/PROPN/NNP/compound/1 Browne", "The/DET/DT/det/1 Times")
    spec = spec.replace(
        "the/DET/DT/det/4\nplan/NOUN/NN/dobj/2", "Mr/PROPN/NNP/compound/4\nSmith/PROPN/NNP/dobj/2"
    )
    found = quotes_in(blank_vocab, text, spec, (PERSON, "Smith"), (ORGANIZATION, "Times"))[1]
    assert said(found) == [("smith", "We are checking every single visa.")]


WHICH_SAID = (
    'It goes to the courts which, said Mr Hopkins, "is part of the whole messy conversation."'
)
WHICH_SAID_SPEC = """
It/PRON/PRP/nsubj/1 goes/VERB/VBZ/ROOT/1 to/ADP/IN/prep/1 the/DET/DT/det/4 courts/NOUN/NNS/pobj/2
which/PRON/WDT/nsubj/7 ,/PUNCT/,/punct/7 said/VERB/VBD/parataxis/12 Mr/PROPN/NNP/compound/9
Hopkins/PROPN/NNP/nsubj/7 ,/PUNCT/,/punct/7 "/PUNCT/``/punct/12 is/AUX/VBZ/relcl/4
part/NOUN/NN/attr/12 of/ADP/IN/prep/13 the/DET/DT/det/18 whole/ADJ/JJ/amod/18
messy/ADJ/JJ/amod/18 conversation/NOUN/NN/pobj/14 ./PUNCT/./punct/12 "/PUNCT/''/punct/12
"""


def test_a_name_beside_a_relative_pronoun_is_the_speaker(blank_vocab):
    found = quotes_in(blank_vocab, WHICH_SAID, WHICH_SAID_SPEC, (PERSON, "Hopkins"))[1]
    assert said(found) == [("hopkins", "is part of the whole messy conversation.")]
    # With the relative pronoun alone as the subject, nobody kg knows speaks.
    spec = WHICH_SAID_SPEC.replace("Hopkins/PROPN/NNP/nsubj/7", "Hopkins/PROPN/NNP/npadvmod/7")
    assert quotes_in(blank_vocab, WHICH_SAID, spec, (PERSON, "Hopkins"))[1] == []


ACTOR = (
    "Mr Neeson spoke. The veteran actor, whose films include many hits, said: "
    '"The theatre is too important to lose."'
)
ACTOR_SPEC = """
Mr/PROPN/NNP/compound/1 Neeson/PROPN/NNP/nsubj/2 spoke/VERB/VBD/ROOT/2 ./PUNCT/./punct/2
The/DET/DT/det/6 veteran/ADJ/JJ/amod/6 actor/NOUN/NN/nsubj/14 ,/PUNCT/,/punct/6
whose/DET/WP$/poss/9 films/NOUN/NNS/nsubj/10 include/VERB/VBP/relcl/6 many/ADJ/JJ/amod/12
hits/NOUN/NNS/dobj/10 ,/PUNCT/,/punct/6 said/VERB/VBD/ROOT/14 :/PUNCT/:/punct/14
"/PUNCT/``/punct/14 The/DET/DT/det/18 theatre/NOUN/NN/nsubj/19 is/AUX/VBZ/ccomp/14
too/ADV/RB/advmod/21 important/ADJ/JJ/acomp/19 to/PART/TO/aux/23 lose/VERB/VB/xcomp/21
./PUNCT/./punct/14 "/PUNCT/''/punct/14
"""


def test_a_described_occupation_refers_back_to_the_person_just_named(blank_vocab):
    found = quotes_in(blank_vocab, ACTOR, ACTOR_SPEC, (PERSON, "Neeson"))[1]
    assert said(found) == [("neeson", "The theatre is too important to lose.")]
    # "The prime minister" is one office, not whoever was named last.
    text = ACTOR.replace("veteran actor", "prime minister")
    spec = ACTOR_SPEC.replace("veteran/ADJ", "prime/ADJ").replace("actor/NOUN", "minister/NOUN")
    assert quotes_in(blank_vocab, text, spec, (PERSON, "Neeson"))[1] == []


LONG = (
    'Ms Hunter said: "One is here. Two is here. Three is here. Four is here. Five is here. '
    'Six is here." She added: "Seven is here too now."'
)


def _long_spec() -> str:
    words = "Ms/PROPN/NNP/compound/1 Hunter/PROPN/NNP/nsubj/2 said/VERB/VBD/ROOT/2 "
    words += ':/PUNCT/:/punct/2 "/PUNCT/``/punct/2 '
    for n, word in enumerate("One Two Three Four Five Six".split()):
        i = 5 + 4 * n
        words += f"{word}/NUM/CD/nsubj/{i + 1} is/AUX/VBZ/ROOT/{i + 1} "
        words += f"here/ADV/RB/advmod/{i + 1} ./PUNCT/./punct/{i + 1} "
    words += "\"/PUNCT/''/punct/26 She/PRON/PRP/nsubj/31 added/VERB/VBD/ROOT/31 "
    words += ':/PUNCT/:/punct/31 "/PUNCT/``/punct/31 Seven/NUM/CD/nsubj/35 is/AUX/VBZ/ccomp/31 '
    words += "here/ADV/RB/advmod/35 too/ADV/RB/advmod/35 now/ADV/RB/advmod/35 ./PUNCT/./punct/31 "
    words += "\"/PUNCT/''/punct/31"
    return words


def test_a_pronoun_after_a_long_quotation_is_the_last_speaker(blank_vocab):
    found = quotes_in(blank_vocab, LONG, _long_spec(), (PERSON, "Ms Hunter", "Hunter"))[1]
    assert [(q.speaker, q.text[:5]) for q in found] == [
        ("ms hunter", "One i"),
        ("ms hunter", "Seven"),
    ]
    # ... unless the pronoun cannot be that speaker.
    text = LONG.replace("Ms Hunter", "Mr Hunter")
    spec = _long_spec().replace("Ms/PROPN", "Mr/PROPN")
    found = quotes_in(blank_vocab, text, spec, (PERSON, "Mr Hunter", "Hunter"))[1]
    assert [q.text[:5] for q in found] == ["One i"]


SPOKESMAN_AFTER = 'Acme denied it. "We will fight the ruling hard," a spokesman said.'
SPOKESMAN_AFTER_SPEC = """
Acme/PROPN/NNP/nsubj/1 denied/VERB/VBD/ROOT/1 it/PRON/PRP/dobj/1 ./PUNCT/./punct/1
"/PUNCT/``/punct/15 We/PRON/PRP/nsubj/7 will/AUX/MD/aux/7 fight/VERB/VB/ccomp/15
the/DET/DT/det/9 ruling/NOUN/NN/dobj/7 hard/ADV/RB/advmod/7 ,/PUNCT/,/punct/15
"/PUNCT/''/punct/15 a/DET/DT/det/14 spokesman/NOUN/NN/nsubj/15 said/VERB/VBD/ROOT/15
./PUNCT/./punct/15
"""


def test_a_spokesman_speaks_for_the_one_organisation_just_named(blank_vocab):
    found = quotes_in(blank_vocab, SPOKESMAN_AFTER, SPOKESMAN_AFTER_SPEC, (ORGANIZATION, "Acme"))[1]
    assert said(found) == [("acme", "We will fight the ruling hard")]
    # Two organisations just named: either could be meant.
    text = SPOKESMAN_AFTER.replace("denied it", "sued Bolt")
    spec = SPOKESMAN_AFTER_SPEC.replace(
        "denied/VERB/VBD/ROOT/1 it/PRON/PRP", "sued/VERB/VBD/ROOT/1 Bolt/PROPN/NNP"
    )
    found = quotes_in(blank_vocab, text, spec, (ORGANIZATION, "Acme"), (ORGANIZATION, "Bolt"))[1]
    assert found == []
    # "the spokesman" refers back to a spokesman already met, and none was.
    text = SPOKESMAN_AFTER.replace("a spokesman", "the spokesman")
    spec = SPOKESMAN_AFTER_SPEC.replace("a/DET/DT/det/14", "the/DET/DT/det/14")
    assert quotes_in(blank_vocab, text, spec, (ORGANIZATION, "Acme"))[1] == []


def test_the_company_is_the_one_organisation_just_named(blank_vocab):
    text = SPOKESMAN_AFTER.replace("a spokesman", "the company")
    spec = SPOKESMAN_AFTER_SPEC.replace("a/DET/DT/det/14 spokesman", "the/DET/DT/det/14 company")
    found = quotes_in(blank_vocab, text, spec, (ORGANIZATION, "Acme"))[1]
    assert said(found) == [("acme", "We will fight the ruling hard")]
    text = text.replace("denied it", "sued Bolt")
    spec = spec.replace("denied/VERB/VBD/ROOT/1 it/PRON/PRP", "sued/VERB/VBD/ROOT/1 Bolt/PROPN/NNP")
    found = quotes_in(blank_vocab, text, spec, (ORGANIZATION, "Acme"), (ORGANIZATION, "Bolt"))[1]
    assert found == []


@pytest.mark.model
def test_real_parse_of_a_spokesman_and_narration_between_quotations(nlp):
    from kg.extract.article import extract

    text = (
        'Microsoft denied the claims on Monday. "We will fight the ruling very hard," a '
        "spokesman said. Ms Hunter backed the plan. "
        '"We will win the vote on Monday," she said. Many councils back the idea. '
        '"It is the right plan for the city."'
    )
    x = extract(nlp(text), Article(id="t", text=text))
    assert [(q.speaker, q.text[:12]) for q in x.quotes] == [
        ("microsoft", "We will figh"),
        ("hunter", "We will win "),
        ("hunter", "It is the ri"),
    ]
    assert x.quotes[-1].rule == "quote:same-speaker"
