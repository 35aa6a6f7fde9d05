"""kg.rdf.validate: the shapes accept the documented layout and reject each kind of breakage."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyshacl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, Dataset, Graph, Literal, URIRef

from kg.errors import OutputError
from kg.paths import SHAPES
from kg.rdf.namespace import NIF
from kg.rdf.validate import ValidationReport, Violation, validate

DATA = Path(__file__).parent / "data"
VALID = DATA / "valid.trig"
INVALID = DATA / "invalid.trig"
TEST_ID = "https://kg.example.org/id/test/"
# Not rdflib's XSD: that namespace warns when pytest probes module attributes.
NON_NEGATIVE = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")

# For each node marked "# CASE <name>" in invalid.trig: text every expected message contains.
CASES = {
    "article-no-identifier": ["exactly one schema:identifier"],
    "article-two-identifiers": ["exactly one schema:identifier"],
    "article-date-not-a-date": ["schema:datePublished must be one valid xsd:date"],
    "article-date-untyped": ["schema:datePublished must be one valid xsd:date"],
    "span-wrong-anchor": ["nif:anchorOf is not the context text"],
    "span-off-by-one": ["nif:anchorOf is not the context text"],
    "span-past-end": ["nif:endIndex is past the end of the context's nif:isString text"],
    "span-reversed": ["nif:endIndex is less than nif:beginIndex"],
    "span-text-begin": [
        "exactly one nif:beginIndex, a non-negative integer",
        "nif:beginIndex must be an integer",
    ],
    "span-negative-end": [
        "exactly one nif:endIndex, a non-negative integer",
        "nif:endIndex is less than nif:beginIndex",
    ],
    "span-no-anchor": ["exactly one nif:anchorOf"],
    "span-context-without-text": ["nif:referenceContext has no nif:isString text"],
    "confidence-too-high": ["kg:confidence must be a number between 0 and 1 (inclusive)"],
    "confidence-not-a-number": ["kg:confidence must be a number between 0 and 1 (inclusive)"],
    "statement-not-asserted": ["is not asserted in the graph"],
    "statement-hedged-not-asserted": ["is not asserted in the graph"],
    "statement-no-object": ["exactly one rdf:object"],
    "quotation-no-text": ["its words in schema:text"],
    "quotation-no-speaker": ["name its speaker with schema:spokenByCharacter"],
    "entity-no-preflabel": [
        "exactly one skos:prefLabel",
        "schema:name differs from its skos:prefLabel",
    ],
    "entity-two-labels": ["exactly one skos:prefLabel", "exactly one schema:name"],
    "entity-altlabel-is-preflabel": ["skos:altLabel repeats the entity's skos:prefLabel"],
    "entity-name-differs": ["schema:name differs from its skos:prefLabel"],
    "entity-subclass-unlabelled": ["exactly one skos:prefLabel", "exactly one schema:name"],
    "year-not-integer": ["kg:year must be a single xsd:integer"],
    "bill-is-legal-resource": ["kg:Bill is not enacted legislation"],
    "bill-is-act": ["kg:Bill is not enacted legislation"],
}


@pytest.fixture(scope="module")
def invalid_report() -> ValidationReport:
    return validate(INVALID)


def _by_focus(report: ValidationReport) -> dict[str, list[Violation]]:
    found: dict[str, list[Violation]] = {}
    for v in report.violations:
        found.setdefault(v.focus.removeprefix(TEST_ID), []).append(v)
    return found


def test_valid_fixture_conforms():
    report = validate(VALID)
    assert report.violations == ()
    assert report.conforms


def test_fixture_cases_match_the_test():
    marked = re.findall(r"# CASE ([\w-]+)", INVALID.read_text(encoding="utf-8"))
    assert sorted(marked) == sorted(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_broken_rule_is_reported(invalid_report, case):
    messages = [v.message for v in _by_focus(invalid_report).get(case, [])]
    for expected in CASES[case]:
        assert any(expected in m for m in messages), f"{case}: no {expected!r} in {messages}"


def test_only_the_broken_nodes_are_reported(invalid_report):
    assert not invalid_report.conforms
    assert set(_by_focus(invalid_report)) == set(CASES)
    assert all(v.severity == "Violation" for v in invalid_report.violations)


def test_violation_fields(invalid_report):
    by_focus = _by_focus(invalid_report)
    (year,) = by_focus["year-not-integer"]
    assert year.path == "https://kg.example.org/ontology#year"
    assert year.value == "1988"
    (context,) = by_focus["span-context-without-text"]
    nif = str(NIF)
    assert context.path == f"<{nif}referenceContext>/<{nif}isString>"
    (anchor,) = by_focus["span-wrong-anchor"]
    assert (anchor.path, anchor.value) == (f"{nif}anchorOf", "Dale Grove")
    (confidence,) = by_focus["confidence-not-a-number"]
    assert confidence.value == "high"
    (bill,) = by_focus["bill-is-act"]
    assert bill.path is None and bill.value is None  # a node-level check
    assert invalid_report.violations == tuple(
        sorted(
            invalid_report.violations,
            key=lambda v: (v.focus, v.path or "", v.message, v.value or ""),
        )
    )


def test_shapes_are_valid_shacl():
    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, _, text = pyshacl.validate(
        Graph(), shacl_graph=shapes, meta_shacl=True, advanced=True
    )
    assert conforms, text


# Sources ---------------------------------------------------------------------------------


def test_reads_an_out_directory(tmp_path):
    shutil.copy(INVALID, tmp_path / "graph.trig")
    assert validate(tmp_path) == validate(INVALID)


@pytest.mark.parametrize(
    "suffix,fmt", [(".ttl", "turtle"), (".nq", "nquads"), (".jsonld", "json-ld")]
)
def test_reads_other_rdf_files(tmp_path, suffix, fmt):
    dataset = Dataset()
    dataset.parse(INVALID, format="trig")
    path = tmp_path / f"graph{suffix}"
    if fmt == "turtle":
        union = Graph()
        for quad in dataset.quads((None, None, None, None)):
            union.add(quad[:3])
        union.serialize(path, format=fmt)
    else:
        dataset.serialize(path, format=fmt)
    report = validate(str(path))
    assert set(_by_focus(report)) == set(CASES)


def test_accepts_a_dataset_and_leaves_it_unchanged():
    dataset = Dataset()
    dataset.parse(INVALID, format="trig")
    before = set(dataset.quads((None, None, None, None)))
    report = validate(dataset)
    assert set(_by_focus(report)) == set(CASES)
    assert set(dataset.quads((None, None, None, None))) == before


def test_accepts_a_graph():
    dataset = Dataset()
    dataset.parse(VALID, format="trig")
    union = Graph()
    for quad in dataset.quads((None, None, None, None)):
        union.add(quad[:3])
    assert validate(union).conforms


def test_breaking_one_offset_is_caught():
    dataset = Dataset()
    dataset.parse(VALID, format="trig")
    span = URIRef("https://kg.example.org/id/mention/fixture-001-204-212")  # after an emoji
    graph = next(g for g in dataset.graphs() if (span, NIF.anchorOf, None) in g)
    graph.set((span, NIF.beginIndex, Literal(203, datatype=NON_NEGATIVE)))
    report = validate(dataset)
    assert [v.focus for v in report.violations] == [str(span)]
    assert "nif:anchorOf is not the context text" in report.violations[0].message


# Errors ----------------------------------------------------------------------------------


def test_missing_source(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        validate(tmp_path / "nowhere.trig")


def test_directory_without_graph(tmp_path):
    with pytest.raises(OutputError, match="has no graph.trig"):
        validate(tmp_path)


def test_unknown_suffix(tmp_path):
    path = tmp_path / "graph.txt"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot tell the RDF format"):
        validate(path)


def test_unparseable_file(tmp_path):
    path = tmp_path / "graph.trig"
    path.write_text("<a> <b> this is not trig", encoding="utf-8")
    with pytest.raises(OutputError, match="is not valid trig"):
        validate(tmp_path)


# Offsets are code points, whatever the text ------------------------------------------------

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, data=st.data())
def test_any_python_slice_conforms_and_a_wrong_anchor_does_not(text, data):
    begin = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(begin, len(text)))
    ctx = URIRef("https://kg.example.org/id/context/x")
    span = URIRef("https://kg.example.org/id/mention/x")
    graph = Graph()
    graph.add((ctx, RDF.type, NIF.Context))
    graph.add((ctx, NIF.isString, Literal(text)))
    graph.add((span, NIF.referenceContext, ctx))
    graph.add((span, NIF.beginIndex, Literal(begin, datatype=NON_NEGATIVE)))
    graph.add((span, NIF.endIndex, Literal(end, datatype=NON_NEGATIVE)))
    graph.add((span, NIF.anchorOf, Literal(text[begin:end])))
    assert validate(graph).violations == ()

    graph.set((span, NIF.anchorOf, Literal(text[begin:end] + "x")))
    assert [v.focus for v in validate(graph).violations] == [str(span)]
