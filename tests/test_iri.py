import pyoxigraph
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.names import name_key
from kg.rdf.iri import mint, slug


@given(st.text())
def test_any_text_mints_an_iri_both_rdf_libraries_accept(text):
    iri = mint("person", name_key(text, person=True))
    pyoxigraph.NamedNode(str(iri))  # raises on an invalid IRI
    assert iri.n3().startswith("<")  # rdflib raises on unsafe characters
    assert str(iri).isascii()


@given(st.text())
def test_slug_is_ascii_and_never_empty(text):
    s = slug(text)
    assert s and s.isascii() and " " not in s and len(s) <= 60


def test_same_name_written_differently_gives_one_iri():
    forms = ["Cllr Mhàiri Hunter", "MHAIRI HUNTER", "Mhairi  Hunter", "Councillor Mhairi Hunter"]
    iris = {mint("person", name_key(f, person=True)) for f in forms}
    assert len(iris) == 1


def test_leading_the_and_possessive_do_not_change_identity():
    assert name_key("THE Home Office") == name_key("Home Office's") == "home office"


def test_different_kinds_or_names_give_different_iris():
    assert mint("person", "x") != mint("place", "x")
    assert mint("person", "ab") != mint("person", "a b")


def test_iri_is_stable_across_runs():
    # sha256, never Python's salted hash(): this value must not change between processes.
    assert str(mint("person", "mhairi hunter")) == (
        "https://kg.example.org/id/person/mhairi-hunter-f628fa79"
    )


def test_kind_must_be_plain():
    with pytest.raises(ValueError):
        mint("Per son", "x")
