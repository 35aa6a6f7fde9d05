"""kg.nlp.pipeline: which spaCy pipeline is loaded, under which names, and the paragraph
rule kg adds to it."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.nlp.paragraphs import paragraph_breaks
from kg.nlp.pipeline import PREFERRED_MODELS, default_model, locate_model, model_id_of


def test_a_blank_line_starts_a_sentence_and_a_single_line_break_does_not():
    words = ["Council", "writes", "\n\n", "Jane", "Morton", "wrote", "\n", "to", "it", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True, False] + [False] * 8)
    paragraph_breaks(doc)
    assert doc[3].is_sent_start is True
    assert doc[7].is_sent_start is None  # left to the parser
    assert doc[0].is_sent_start is True  # spaCy: the first token always starts one


def test_unknown_names_are_passed_through():
    assert locate_model("no_such_pipeline") == "no_such_pipeline"
    assert model_id_of("no_such_pipeline") == ("no_such_pipeline", "")


@pytest.mark.model
def test_the_default_pipeline_is_the_first_preferred_one_installed():
    name = default_model()
    assert name in PREFERRED_MODELS
    assert locate_model(name)  # a package name or the directory spaCy loads
    assert model_id_of(name)[0] == name  # provenance names the pipeline, not its package


@pytest.mark.model
def test_a_headline_never_runs_into_the_first_paragraph(nlp):
    assert "kg_paragraph_breaks" in nlp.pipe_names
    doc = nlp("Council writes to ministry over housing law\n\nCouncillor Jane Morton wrote.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "Council writes to ministry over housing law"
    assert sentences[1].startswith("Councillor Jane Morton")
