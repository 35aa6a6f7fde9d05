"""kg.store: an on-disk Oxigraph store that grows article by article (real model, real store)."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.store.disk
import kg.store.incremental
from kg.builder.run import build
from kg.output import export_store
from kg.query.sparql import load_store, run_query
from kg.rdf.graphs import entities_graph_iri, meta_graph_iri
from kg.rdf.iri import BASE
from kg.store.disk import is_store, public_graphs
from kg.store.incremental import build_store
from kg.store.ledger import LEDGER

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "articles"
META = ox.NamedNode(str(meta_graph_iri()))
ENTITIES = ox.NamedNode(str(entities_graph_iri()))
HUNTER = "https://kg.example.org/id/person/mhairi-hunter-f628fa79"


def _quads(directory: Path) -> set[ox.Quad]:
    return set(ox.Store.read_only(str(directory)))


def _named(quads, skip=(LEDGER, META)) -> set[ox.Quad]:
    return {q for q in quads if q.graph_name not in skip and q.graph_name != ox.DefaultGraph()}


def _write_article(folder: Path, text: str, article_id: str = "story") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "story.jsonl"
    path.write_text(json.dumps({"id": article_id, "text": text}) + "\n", encoding="utf-8")
    return path


def _assert_union_is_default(directory: Path) -> None:
    quads = _quads(directory)
    union = {ox.Triple(q.subject, q.predicate, q.object) for q in _named(quads, skip=(LEDGER,))}
    default = {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in quads
        if q.graph_name == ox.DefaultGraph()
    }
    assert default == union


def test_the_store_holds_what_a_one_shot_build_writes(tmp_path, nlp):
    report = build_store([SEEDS], tmp_path / "s", nlp=nlp)
    assert (report.added, report.replaced, report.unchanged) == (2, 0, 0)
    assert is_store(tmp_path / "s")
    store = ox.Store()
    store.extend(build([SEEDS], nlp=nlp).quads)
    # the meta graph differs only in times and run IRIs
    assert _named(_quads(tmp_path / "s")) == _named(set(store))
    _assert_union_is_default(tmp_path / "s")


def test_a_second_run_on_the_same_articles_changes_nothing(tmp_path, nlp):
    build_store([SEEDS], tmp_path / "s", nlp=nlp)
    before = _quads(tmp_path / "s")
    report = build_store([SEEDS], tmp_path / "s", nlp=nlp)
    assert (report.added, report.replaced, report.unchanged) == (0, 0, 2)
    assert _quads(tmp_path / "s") == before


def test_adding_an_article_keeps_the_others_and_merges_entities(tmp_path, nlp):
    first, second = sorted(SEEDS.iterdir())
    build_store([first], tmp_path / "s", nlp=nlp)
    before = _quads(tmp_path / "s")
    report = build_store([first, second], tmp_path / "s", nlp=nlp)
    assert (report.added, report.unchanged) == (1, 1)
    after = _quads(tmp_path / "s")
    graph_one = {q for q in before if "article-cc2069" in str(q.graph_name)}
    assert graph_one and graph_one <= after  # the first article's graph is untouched
    one_shot = tmp_path / "one"
    build_store([first, second], one_shot, nlp=nlp)
    assert _named(after) == _named(_quads(one_shot))  # entities merged as in one run
    _assert_union_is_default(tmp_path / "s")


def test_a_changed_article_replaces_its_graph_and_its_entities(tmp_path, nlp):
    inputs = tmp_path / "in"
    store = tmp_path / "s"
    _write_article(inputs, "Councillor Mhairi Hunter met the Home Office in Glasgow.")
    build_store([inputs], store, nlp=nlp)
    _write_article(inputs, "Councillor Mhairi Hunter wrote to Glasgow City Council.")
    report = build_store([inputs], store, nlp=nlp)
    assert (report.added, report.replaced) == (0, 1)
    fresh = tmp_path / "fresh"
    build_store([inputs], fresh, nlp=nlp)
    assert _named(_quads(store)) == _named(_quads(fresh))
    labels = run_query(store, "SELECT ?l { ?e skos:prefLabel ?l } ORDER BY ?l")
    assert "Home Office" not in [str(r[0]) for r in labels.rows]  # no article names it now
    _assert_union_is_default(store)
    # every run that wrote is recorded and finished; the article graph is described once
    runs = run_query(store, "ASK { ?r a kg:BuildRun FILTER NOT EXISTS { ?r prov:endedAtTime ?t } }")
    assert runs.boolean is False
    described = run_query(
        store,
        "SELECT ?run ?t { ?g a kg:ArticleGraph ; prov:wasGeneratedBy ?run ; "
        "prov:generatedAtTime ?t }",
    )
    assert len(described.rows) == 1


def test_a_build_killed_midway_leaves_only_whole_articles(tmp_path, nlp, monkeypatch):
    store = tmp_path / "s"
    apply = kg.store.incremental._apply
    calls = []

    def dies_on_the_second_article(*args):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        apply(*args)

    monkeypatch.setattr(kg.store.incremental, "_apply", dies_on_the_second_article)
    with pytest.raises(KeyboardInterrupt):
        build_store([SEEDS], store, nlp=nlp)
    monkeypatch.undo()

    quads = _quads(store)
    graphs = {q.graph_name for q in quads if "graph/article-" in str(q.graph_name)}
    assert len(graphs) == 1  # one article, not two halves
    # ... and exactly what a store of that article alone holds
    alone = []
    for index, path in enumerate(sorted(SEEDS.iterdir())):
        build_store([path], tmp_path / f"alone{index}", nlp=nlp)
        alone.append(_named(_quads(tmp_path / f"alone{index}")))
    assert _named(quads) in alone
    _assert_union_is_default(store)

    report = build_store([SEEDS], store, nlp=nlp)  # the next run finishes the job
    assert (report.added, report.unchanged) == (1, 1)
    build_store([SEEDS], tmp_path / "clean", nlp=nlp)
    assert _named(_quads(store)) == _named(_quads(tmp_path / "clean"))


def test_queries_read_a_store_directory_without_its_ledger(tmp_path, nlp):
    build_store([SEEDS], tmp_path / "s", nlp=nlp)
    store = load_store(tmp_path / "s")
    assert LEDGER not in public_graphs(store)
    result = run_query(store, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }")
    assert len(result.rows) == 5  # two articles, entities, meta, links: never the ledger
    count = run_query(store, f"SELECT (COUNT(*) AS ?n) {{ <{HUNTER}> a schema:Person }}")
    assert int(count.rows[0][0]) == 1  # a triple in several graphs counts once


def test_export_writes_the_three_files_that_parse_to_the_store(tmp_path, nlp):
    build_store([SEEDS], tmp_path / "s", nlp=nlp)
    files = export_store(tmp_path / "s", tmp_path / "out")
    assert [f.name for f in files] == ["graph.trig", "graph.ttl", "graph.jsonld"]
    trig = load_store(tmp_path / "out" / "graph.trig")
    assert _named(set(trig)) == _named(_quads(tmp_path / "s"))
    jsonld = load_store(tmp_path / "out" / "graph.jsonld")
    assert _named(set(jsonld)) == _named(set(trig))
    ttl = ox.Store()
    ttl.load(path=tmp_path / "out" / "graph.ttl", format=ox.RdfFormat.TURTLE)
    assert len(ttl) == len([q for q in _quads(tmp_path / "s") if q.graph_name == ox.DefaultGraph()])
    assert str(ENTITIES) in (tmp_path / "out" / "graph.trig").read_text()


def test_a_directory_that_is_not_a_store_is_refused(tmp_path):
    from kg.errors import OutputError

    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="not a kg store"):
        build_store([SEEDS], tmp_path)


def test_rewriting_the_same_extraction_is_a_no_op(tmp_path, nlp):
    from kg.builder.local import extract_articles
    from kg.config import BuildConfig
    from kg.ingest.files import read_articles
    from kg.rdf.graphs import RunInfo

    articles = [a for a in read_articles([SEEDS]) if not hasattr(a, "reason")]
    extractions, _ = extract_articles(articles, BuildConfig(), nlp=nlp)
    store = kg.store.disk.open_store(tmp_path / "s")
    run = RunInfo("2021-01-01T00:00:00Z", "2021-01-01T00:01:00Z", "m", "1", "0", "{}")
    assert kg.store.incremental.write_article(store, extractions[0], "print", run, BASE) == "added"
    later = RunInfo("2021-02-01T00:00:00Z", "2021-02-01T00:01:00Z", "m", "1", "0", "{}")
    # same graph, same fingerprint: nothing to write, even though the run differs
    assert kg.store.incremental.write_article(store, extractions[0], "print", later, BASE) == (
        "unchanged"
    )
