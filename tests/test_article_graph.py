"""What kg.rdf.graphs writes about an article and its entities, from hand-built extractions:
typed dates, labels without bidirectional controls, evidence as it was."""

from __future__ import annotations

from kg.model import PERSON, Article, ArticleExtraction, Entity, Fact, Mention, Sentence
from kg.rdf.graphs import RunInfo, build_quads, entity_iri

SDO = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
RUN = RunInfo("2021-01-01T00:00:00Z", "2021-01-01T00:00:01Z", "m", "1", "0.1.0", "{}")
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE


def _person(text: str, name: str, *aliases: str) -> Entity:
    start = text.index(name)
    mention = Mention(start, start + len(name), name, PERSON, "test", 0.9, sentence=0)
    return Entity(PERSON, name, name.casefold(), (mention,), aliases=aliases)


def _extraction(text: str, *entities: Entity, facts=(), **meta) -> ArticleExtraction:
    article = Article(id="a1", text=text, **meta)
    return ArticleExtraction(article, (Sentence(0, len(text)),), entities, tuple(facts))


def _objects(quads, predicate: str) -> list:
    # Oxigraph's terms, as the files are written: rdflib would normalise a dateTime's form.
    return sorted((q.object for q in quads if q.predicate.value == predicate), key=str)


def test_a_date_is_typed_xsd_date_or_datetime():
    for date, kind in (("2021-01-28", "date"), ("2021-01-28T09:30:00Z", "dateTime")):
        quads = build_quads([_extraction("News.", date=date)], RUN)
        (value,) = _objects(quads, SDO + "datePublished")
        assert (value.value, value.datatype.value) == (date, XSD + kind)


def test_bidirectional_controls_are_stripped_from_labels_and_kept_in_evidence():
    # Issue 13.14: U+202E reached labels (and from them the view and the terminal).
    text = f"Tony{RLO} Blair met the {RLO}Home Office."
    blair = _person(text, f"Tony{RLO} Blair", f"Mr{RLO} Blair")
    office = _person(text, f"{RLO}Home Office")
    fact = Fact(
        blair.key, "kg:interactsWith", office.key, "test", 0.9, 0, len(text), 0,
        subject_type=PERSON, object_type=PERSON, label=f"me{RLO}t",
    )  # fmt: skip
    quads = build_quads(
        [_extraction(text, blair, office, facts=[fact], title=f"A {RLO}title")], RUN
    )
    labels = [o.value for p in ("prefLabel", "altLabel") for o in _objects(quads, SKOS + p)]
    assert sorted(labels) == ["Home Office", "Mr Blair", "Tony Blair"]
    assert [o.value for o in _objects(quads, SDO + "name")] == ["Home Office", "Tony Blair"]
    assert [o.value for o in _objects(quads, SDO + "headline")] == ["A title"]
    assert [o.value for o in _objects(quads, RDFS + "label")] == ["met"]
    # The same IRI as the name without the control: one Tony Blair.
    assert entity_iri(PERSON, blair.key) == entity_iri(PERSON, "tony blair")
    # Evidence keeps the text, so that offsets still point into it.
    assert [o.value for o in _objects(quads, NIF + "isString")] == [text]
    anchors = {o.value for o in _objects(quads, NIF + "anchorOf")}
    assert f"Tony{RLO} Blair" in anchors


def test_no_label_literal_anywhere_holds_a_bidirectional_control():
    text = f"Tony{RLO} Blair spoke."
    quads = build_quads([_extraction(text, _person(text, f"Tony{RLO} Blair"))], RUN)
    evidence = {NIF + "isString", NIF + "anchorOf"}
    for quad in quads:
        if quad.predicate.value not in evidence:
            assert RLO not in quad.object.value, quad


def test_each_article_graph_records_where_its_article_was_read_from():
    # Issue 14: the file (relative to the build's input) and a JSON Lines file's line.
    from_file = _extraction("News.", source_file="desk/a.txt")
    from_line = ArticleExtraction(
        Article(id="a2", text="More.", source_file="feed.jsonl", source_line=12), (), ()
    )
    in_memory = ArticleExtraction(Article(id="a3", text="Python."), (), ())
    quads = build_quads([from_file, from_line, in_memory], RUN)
    kg = "https://kg.example.org/ontology#"
    files = {(q.subject.value.rsplit("/", 1)[1], q.object.value) for q in quads
             if q.predicate.value == kg + "sourceFile"}  # fmt: skip
    assert {f for _, f in files} == {"desk/a.txt", "feed.jsonl"}
    assert all(s.startswith("article-") for s, _ in files)  # said of the article graphs
    (line,) = _objects(quads, kg + "sourceLine")
    assert (line.value, line.datatype.value) == ("12", XSD + "positiveInteger")
