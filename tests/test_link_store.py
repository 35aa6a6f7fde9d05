"""Linking across articles end to end (real model): a one-shot build, the store fed article
by article in several orders, and `kg entities`, on tests/data/linking/ (invented articles).

01 and 02 name Tony Blair in full, 03 only "Mr Blair"; 04 defines "CBI", 05 uses it alone;
06 and 07 give one John Smith two posts of chief executive; 08 says UK, Britain and US.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.builder.run import build
from kg.cli.app import app
from kg.rdf.graphs import article_graph_iri, entity_iri, meta_graph_iri
from kg.rdf.identity import links_graph_iri
from kg.store.incremental import build_store
from kg.store.ledger import LEDGER

pytestmark = pytest.mark.model
LINKING = Path(__file__).parent / "data" / "linking"
FILES = sorted(LINKING.glob("*.txt"))
META = ox.NamedNode(str(meta_graph_iri()))
LINKS = ox.NamedNode(str(links_graph_iri()))
KG = "https://kg.example.org/ontology#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
TONY = ox.NamedNode(str(entity_iri("Person", "tony blair")))


def _named(quads) -> set[ox.Quad]:
    return {q for q in quads if q.graph_name not in (LEDGER, META, ox.DefaultGraph())}


def _store_quads(directory: Path) -> set[ox.Quad]:
    return set(ox.Store.read_only(str(directory)))


def _one_shot(files, nlp) -> set[ox.Quad]:
    store = ox.Store()
    store.extend(build([str(f) for f in files], nlp=nlp).quads)
    return _named(store)


@pytest.fixture(scope="module")
def one_shot(nlp):
    return build([str(f) for f in FILES], nlp=nlp)


def _article(result, name: str):
    return next(x for x in result.extractions if x.article.origin.endswith(name))


def test_a_bare_blair_is_the_tony_blair_other_articles_name(one_shot):
    election = _article(one_shot, "03-election.txt")
    graph = ox.NamedNode(str(article_graph_iri(election.article.id)))
    store = ox.Store()
    store.extend(one_shot.quads)
    targets = {
        q.object
        for q in store.quads_for_pattern(None, ox.NamedNode(ITSRDF + "taIdentRef"), None, graph)
    }
    assert TONY in targets
    assert ox.NamedNode(str(entity_iri("Person", "blair"))) not in targets
    # The join says why: rule, what it folded in, where, on whose evidence.
    (join,) = [
        q.subject for q in store.quads_for_pattern(None, ox.NamedNode(KG + "into"), TONY, LINKS)
    ]
    rule = next(store.quads_for_pattern(join, ox.NamedNode(KG + "rule"), None, LINKS)).object
    assert rule == ox.Literal("link:surname")
    applies = {
        q.object for q in store.quads_for_pattern(join, ox.NamedNode(KG + "appliesIn"), None, LINKS)
    }
    assert applies == {ox.NamedNode(str(entity_iri("article", election.article.id)))}
    basis = {
        q.object for q in store.quads_for_pattern(join, ox.NamedNode(KG + "basis"), None, LINKS)
    }
    named_in_full = {_article(one_shot, n).article.id for n in ("01-budget.txt", "02-schools.txt")}
    assert basis and basis <= {ox.NamedNode(str(entity_iri("article", a))) for a in named_in_full}


def test_one_name_with_two_posts_is_flagged_and_the_acronym_and_country_joined(one_shot):
    decisions = one_shot.links.decisions
    (review,) = decisions["person|smith"].reviews
    assert "acme foods" in review.reason and "globex bank" in review.reason
    (join,) = decisions["acronym|CBI"].joins
    assert join.articles == (_article(one_shot, "05-cbi-survey.txt").article.id,)
    keys = {e.key for e in _article(one_shot, "08-trade.txt").entities}
    assert {"united kingdom", "united states"} <= keys and not {"uk", "britain", "us"} & keys


@pytest.mark.parametrize(
    "order",
    [
        FILES,  # the full names first
        FILES[::-1],  # the bare "Mr Blair" and "CBI" before any full form
        [FILES[2], FILES[4], FILES[7], FILES[0], FILES[6], FILES[3], FILES[1], FILES[5]],
    ],
    ids=["sorted", "reversed", "mixed"],
)
def test_a_store_fed_article_by_article_equals_a_one_shot_build(order, tmp_path, nlp, one_shot):
    expected = set(_named(_one_shot_store(one_shot)))
    directory = tmp_path / "s"
    relinked = 0
    for n in range(len(order)):
        report = build_store([str(f) for f in order[: n + 1]], directory, nlp=nlp)
        relinked += report.relinked
    assert _named(_store_quads(directory)) == expected
    if order is not FILES:
        assert relinked  # the first "Tony Blair" re-linked the earlier "Mr Blair"
    quads = _store_quads(directory)
    union = {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in quads
        if q.graph_name not in (LEDGER, ox.DefaultGraph())
    }
    default = {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in quads
        if q.graph_name == ox.DefaultGraph()
    }
    assert default == union


def _one_shot_store(result) -> ox.Store:
    store = ox.Store()
    store.extend(result.quads)
    return store


def _as_jsonl(path: Path, texts: dict[str, str]) -> Path:
    lines = [json.dumps({"id": name, "text": text}) for name, text in sorted(texts.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_replaced_article_that_decided_a_join_undoes_it(tmp_path, nlp):
    texts = {f.stem: f.read_text(encoding="utf-8") for f in FILES}
    directory = tmp_path / "s"
    build_store([_as_jsonl(tmp_path / "in.jsonl", texts)], directory, nlp=nlp)
    # Neither article names Tony Blair in full any more: "Mr Blair" in 03 has nobody to join.
    for name in ("01-budget", "02-schools"):
        texts[name] = texts[name].replace("Tony Blair", "Mr Blair")
    changed = _as_jsonl(tmp_path / "in.jsonl", texts)
    report = build_store([changed], directory, nlp=nlp)
    assert report.replaced == 2 and report.relinked >= 1
    fresh = tmp_path / "fresh"
    build_store([changed], fresh, nlp=nlp)
    assert _named(_store_quads(directory)) == _named(_store_quads(fresh))
    assert not any(ox.Store.read_only(str(directory)).quads_for_pattern(TONY, None, None, None))


def test_kg_entities_lists_joins_and_the_review_list(tmp_path, one_shot):
    from kg.output import write_outputs

    out = tmp_path / "out"
    write_outputs(one_shot.quads, out)
    runner = CliRunner()
    listing = runner.invoke(app, ["entities", str(out), "--type", "Person", "--limit", "0"])
    assert listing.exit_code == 0, listing.output
    assert "Tony Blair  [Person, 3 article(s)]" in listing.output
    assert "joined 'Blair' by link:surname in 1 article(s)" in listing.output
    data = json.loads(runner.invoke(app, ["entities", str(out), "--joined", "--json"]).output)
    assert {row["name"] for row in data} >= {"Tony Blair", "Confederation of British Industry"}
    review = runner.invoke(app, ["entities", str(out), "--ambiguous"])
    assert review.exit_code == 0
    assert "John Smith to review: chief executive of acme foods and of globex bank" in review.output
    assert "Acme Foods profits rise" in review.output
    bad = runner.invoke(app, ["entities", str(out), "--type", "Dog"])
    assert bad.exit_code == 2
