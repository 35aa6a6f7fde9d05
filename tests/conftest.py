"""Shared fixtures: hand-built Docs for unit tests, the real pipeline for `model` tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.names import name_key
from kg.model import Entity, Mention

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


def parsed_doc(vocab, spec: str, text: str | None = None) -> Doc:
    """A Doc from "word/POS/TAG/dep/head ..." (head = absolute token index).

    The words are joined by single spaces unless `text` is given. Then the Doc's text is
    `text` exactly: the spec's words must occur in it in order, with nothing between them
    but "" or " ". Any other white space (a paragraph break) becomes a token of its own, as
    spaCy makes it, attached to the word before it; the spec leaves such tokens out, so its
    heads count the spec's words only.
    """
    words, pos, tags, deps, heads = [], [], [], [], []
    for item in spec.split():
        word, p, tag, dep, head = item.split("/")
        words.append(word)
        pos.append(p)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
    if text is None:
        return Doc(vocab, words=words, pos=pos, tags=tags, deps=deps, heads=heads)
    out: dict[str, list] = {"words": [], "spaces": [], "pos": [], "tags": [], "deps": []}
    at: list[int] = []  # where each spec word landed among the Doc's tokens
    gap_heads: dict[int, int] = {}  # white space token -> the spec word before it
    cursor = 0
    for n, word in enumerate(words):
        found = text.find(word, cursor)
        gap = text[cursor:found] if found >= 0 else None
        assert gap is not None and (gap.isspace() or not gap), f"{word!r} not next in {text!r}"
        if gap not in ("", " "):
            assert n > 0, "text starts with white space"
            gap_heads[len(out["words"])] = n - 1
            for key, value in zip(out, (gap, False, "SPACE", "_SP", "dep"), strict=True):
                out[key].append(value)
        elif n > 0 and gap == " ":
            out["spaces"][-1] = True
        at.append(len(out["words"]))
        for key, value in zip(out, (word, False, pos[n], tags[n], deps[n]), strict=True):
            out[key].append(value)
        cursor = found + len(word)
    assert cursor == len(text), f"{text[cursor:]!r} is not in the spec"
    doc_heads = [0] * len(out["words"])
    for n, i in enumerate(at):
        doc_heads[i] = at[heads[n]]
    for i, n in gap_heads.items():
        doc_heads[i] = at[n]
    return Doc(vocab, **out, heads=doc_heads)


def entity(doc: Doc, type_: str, *surfaces: str) -> Entity:
    """An entity whose mentions are every occurrence of each surface form in `doc`."""
    mentions = []
    for surface in surfaces:
        start = 0
        while (i := doc.text.find(surface, start)) >= 0:
            mentions.append(Mention(i, i + len(surface), surface, type_, "test", 0.9))
            start = i + len(surface)
    return Entity(
        type=type_,
        name=surfaces[0],
        key=name_key(surfaces[0]),
        mentions=tuple(sorted(mentions, key=lambda m: m.start)),
    )


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp.pipeline import load_nlp

    return load_nlp()
