"""A paragraph break always ends a sentence.

News text puts its headline and each paragraph on lines of their own, separated by blank
lines. A headline has no full stop, and the statistical parser then reads it and the first
paragraph as one sentence ("... housing law \\n\\n Councillor Jane Morton ... wrote to ..."),
which hides the first paragraph's subject from every rule. Marking the token after a blank
line as a sentence start before the parser runs makes the parser keep that boundary. A single
line break is left to the parser: hard-wrapped text breaks lines inside sentences.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "kg_paragraph_breaks"


@Language.component(NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc
