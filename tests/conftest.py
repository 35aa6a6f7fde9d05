"""Shared fixtures: hand-built Docs for unit tests, the real pipeline for `model` tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "data" / "articles"


@pytest.fixture(scope="session")
def blank_vocab():
    return spacy.blank("en").vocab


def make_doc(vocab, spec: str, *, ents: dict[str, str] | None = None) -> Doc:
    """A Doc from "word/POS word/POS ..." with entities given as {"span text": "LABEL"}.

    Sentences start at the first token and after ".". Only what the stages read is set.
    """
    words, pos = [], []
    for item in spec.split():
        word, _, tag = item.rpartition("/")
        words.append(word)
        pos.append(tag)
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    doc = Doc(vocab, words=words, pos=pos, sent_starts=starts)
    spans = []
    used: set[int] = set()
    for text, label in (ents or {}).items():
        n = len(text.split())
        for i in range(len(words) - n + 1):
            if words[i : i + n] == text.split() and not used & set(range(i, i + n)):
                used.update(range(i, i + n))
                spans.append(doc[i : i + n])
                spans[-1].label_ = label
                break
        else:
            raise AssertionError(f"{text!r} not in {words}")
    doc.set_ents([Doc.char_span(doc, s.start_char, s.end_char, label=s.label_) for s in spans])
    return doc


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_nlp

    return load_nlp()
