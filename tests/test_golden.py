"""A short hand-written article against its golden graph, compared by graph isomorphism.

The golden file holds every named graph kg writes except the meta graph (which records the
time of the run). It was reviewed by hand: one Jane Morton with "Ms Morton" among her
labels, her posts at Leeds City Council, her quotation, her letter to the Department for
Work and Pensions (and not "... on Monday"), the Housing Act 1988 with its year. After a
deliberate change to the output, regenerate it with
`KG_REGEN_GOLDEN=1 pytest tests/test_golden.py` and review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.builder.run import build
from kg.rdf.graphs import meta_graph_iri

pytestmark = pytest.mark.model
HERE = Path(__file__).parent / "data" / "golden"
ARTICLE = HERE / "article.txt"
EXPECTED = HERE / "expected.trig"


def _without_meta(dataset: Dataset) -> Dataset:
    out = Dataset()
    meta = meta_graph_iri()
    for g in dataset.graphs():
        if g.identifier != meta and len(g):
            target = out.graph(g.identifier)
            for triple in g:
                target.add(triple)
    return out


def _named(dataset: Dataset) -> dict:
    return {g.identifier: g for g in dataset.graphs() if len(g)}


@pytest.fixture(scope="module")
def built(nlp) -> Dataset:
    result = build([ARTICLE], nlp=nlp)
    assert not result.skipped
    return _without_meta(result.dataset)


def test_article_graph_equals_the_golden_graph(built):
    if os.environ.get("KG_REGEN_GOLDEN"):
        EXPECTED.write_text(built.serialize(format="trig"), encoding="utf-8")
    expected = Dataset()
    expected.parse(EXPECTED, format="trig")
    got, want = _named(built), _named(expected)
    assert sorted(got) == sorted(want)
    for name, graph in want.items():
        if not isomorphic(graph, got[name]):
            _, missing, extra = graph_diff(to_isomorphic(graph), to_isomorphic(got[name]))
            pytest.fail(
                f"graph {name} differs.\nmissing:\n{missing.serialize(format='nt')}\n"
                f"extra:\n{extra.serialize(format='nt')}"
            )
