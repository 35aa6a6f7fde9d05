"""The Python API of issue 14: build from texts in memory, load any graph, query it."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib import Dataset

import kg
from kg.ingest.texts import read_texts
from kg.model import Article, Skipped
from kg.rdf.quads import Quads

TEXT = "Tony Blair met Gordon Brown in Downing Street on Monday."
PEOPLE = "SELECT ?name WHERE { ?p a schema:Person ; skos:prefLabel ?name } ORDER BY ?name"


def _names(result) -> list[str]:
    return [str(row[0]) for row in result.rows]


# --- reading texts (no model) ------------------------------------------------------------


def test_a_string_is_read_as_a_text_file_is():
    (article,) = read_texts(["Budget day\n\nThe Chancellor spoke.\n"])
    assert isinstance(article, Article)
    assert (article.title, article.origin) == ("Budget day", "texts[0]")
    assert article.text == "Budget day\n\nThe Chancellor spoke.\n"


def test_a_lone_string_is_one_text():
    assert [a.text for a in read_texts(TEXT)] == [TEXT]


def test_articles_are_checked_as_jsonl_records_are():
    good = Article(id="", text="News\r\nof the day.", title="A\ttitle ", date="2021-01-28")
    results = list(
        read_texts([
            good,
            Article(id="x", text="News.", url="javascript:alert(1)"),
            Article(id="y", text="News.", date="2005-13-45T99:99:99"),
            Article(id="z", text="Bad \ud800 text."),
            Article(id="w", text="  "),
            42,
            "Same text.",
            "Same text.",
        ])
    )  # fmt: skip
    first = results[0]
    assert isinstance(first, Article)
    assert first.text == "News\nof the day." and first.title == "A title"
    assert len(first.id) == 16  # the hash of its text, as for a file
    reasons = [r.reason for r in results[1:] if isinstance(r, Skipped)]
    assert reasons[0].startswith('"url" must be an http or https URL')
    assert reasons[1].startswith('"date" must be a date')
    assert reasons[2].startswith('"text" holds a lone surrogate')
    assert reasons[3].startswith('"text" is required')
    assert reasons[4] == "expected a str or a kg.Article, got int"
    assert results[-1] == Skipped("texts[7]", "duplicate of texts[6]")


def test_build_given_text_for_paths_says_to_use_build_texts(tmp_path):
    # Issue 14: kg.build(["Tony Blair met ..."]) found no file and returned quietly.
    with pytest.raises(kg.InputError, match=r"looks like article text.*kg\.build_texts"):
        kg.build([TEXT])
    with pytest.raises(kg.InputError, match="kg.build_texts"):
        kg.build("Line one\nline two")
    result = kg.build([str(tmp_path / "missing.txt")])  # a path that is missing: reported
    assert [s.origin for s in result.skipped] == [str(tmp_path / "missing.txt")]


def test_sparql_needs_one_query():
    with pytest.raises(kg.QueryError, match="one of them"):
        kg.sparql(Quads())
    with pytest.raises(kg.QueryError, match="params go with a named query"):
        kg.sparql(Quads(), PEOPLE, params={"entity": "x"})


# --- building and querying (the real model) ----------------------------------------------


@pytest.fixture(scope="module")
def built(nlp):
    return kg.build_texts(
        [TEXT, Article(id="a2", text="Gordon Brown wrote to the Home Office.", date="2021-01-28")],
        nlp=nlp,
    )


@pytest.mark.model
def test_build_texts_gives_the_graph_as_rdflib_and_oxigraph(built):
    assert [x.article.id for x in built.extractions][1] == "a2"
    assert not built.skipped
    assert isinstance(built.dataset, Dataset)
    assert sum(1 for _ in built.dataset.quads((None, None, None, None))) == len(built.quads)
    assert all(isinstance(q, ox.Quad) for q in built.quads)
    assert _names(kg.sparql(built, PEOPLE)) == ["Gordon Brown", "Tony Blair"]


@pytest.mark.model
def test_the_same_graph_loads_from_memory_out_and_a_store(built, nlp, tmp_path):
    kg.write_outputs(built, tmp_path / "out")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": TEXT}) + "\n"
        + json.dumps({"id": "a2", "text": "Gordon Brown wrote to the Home Office."}) + "\n"
    )  # fmt: skip
    assert kg.build_store([feed], tmp_path / "store", nlp=nlp).added == 2
    sources = (built, built.quads, built.dataset, tmp_path / "out", str(tmp_path / "store"))
    for source in sources:
        store = kg.load(source)
        assert isinstance(store, ox.Store)
        assert _names(kg.run_query(store, PEOPLE)) == ["Gordon Brown", "Tony Blair"]
    answer = kg.sparql(tmp_path / "out", name="who-said-what", params={"entity": "Tony Blair"})
    assert answer.kind == "select"
    dates = kg.sparql(built, "SELECT ?d WHERE { ?a schema:datePublished ?d }")
    assert _names(dates) == ["2021-01-28"]
