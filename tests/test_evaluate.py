"""kg.evaluate on hand-written fixtures: tests/data/gold_small/ and tests/data/eval_graph.trig.

The gold describes two invented articles. Pooled over both (Ingrid Falkenrath is in both and
counts once) it holds 8 entities: 2 Person (Falkenrath, Reyd), 3 Organization (Vellmoor
Harbour Board, Ministry of Tides, Reyd Shipping), 1 Legislation (Coastal Tolls Act 1988),
2 Place (Vellmoor, Port Ellery); and 9 relations: 2 affiliation, 2 role, 2 quote,
1 legal_link, 2 interaction. eval_graph.trig is a perfect answer (see its comments) with
two entities that match only optional items and one relation to an optional entity.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, RDFS, SKOS, Literal, Namespace, URIRef

from kg.errors import GoldError
from kg.evaluate.gold import gold_article_paths, load_gold
from kg.evaluate.report import ALL, Counts, format_report, report_to_json
from kg.evaluate.score import _norm, _role_matches, score

DATA = Path(__file__).parent / "data"
GOLD_DIR = DATA / "gold_small"
ID = "https://kg.example.org/id/"
KG = "https://kg.example.org/ontology#"
FALKENRATH = URIRef(ID + "person/ingrid-falkenrath-0000000a")
REYD = URIRef(ID + "person/tomas-reyd-0000000b")
BOARD = URIRef(ID + "organization/vellmoor-harbour-board-0000000c")
MINISTRY = URIRef(ID + "organization/ministry-of-tides-0000000d")
ACT = URIRef(ID + "legislation/coastal-tolls-act-0000000f")
PORT_ELLERY = URIRef(ID + "place/port-ellery-00000011")
QUOTE_ALPHA = URIRef(ID + "quotation/alpha-1-00000018")
QUOTE_BETA = URIRef(ID + "quotation/beta-1-0000001b")
EXTRA = URIRef(ID + "graph/test-extra")  # named graph the tests add triples to
# Plain namespaces: pytest probes module attributes, which a closed DefinedNamespace warns on.
SDO = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")


@pytest.fixture
def gold():
    return load_gold(GOLD_DIR)


@pytest.fixture
def ds():
    dataset = rdflib.Dataset()
    dataset.parse(DATA / "eval_graph.trig", format="trig")
    return dataset


def _score(graph, gold, **kwargs):
    # An empty ontology: the tests must not depend on what ontology/kg.ttl declares.
    kwargs.setdefault("ontology", rdflib.Graph())
    return score(graph, gold, **kwargs)


def _add(ds, *triples):
    for triple in triples:
        ds.add((*triple, EXTRA))


def _entity(ds, iri, cls, label):
    _add(ds, (iri, RDF.type, cls), (iri, SKOS.prefLabel, Literal(label)))


# ---------------------------------------------------------------- the perfect graph


def test_perfect_graph_scores_one(ds, gold):
    report = _score(ds, gold)
    assert report.entities == {
        "Person": Counts(2, 0, 0, 0),
        "Organization": Counts(3, 0, 0, 1),  # Quayside Hall is optional
        "Legislation": Counts(1, 0, 0, 0),
        "Place": Counts(2, 0, 0, 1),  # "Narrows" is the optional "the Narrows"
        ALL: Counts(8, 0, 0, 2),
    }
    assert report.relations == {
        "affiliation": Counts(2, 0, 0, 0),
        "role": Counts(2, 0, 0, 0),
        "quote": Counts(2, 0, 0, 0),  # the quotation without a speaker is not counted
        "legal_link": Counts(1, 0, 0, 0),
        "interaction": Counts(2, 0, 0, 1),  # Falkenrath wrote to the optional Quayside Hall
        ALL: Counts(9, 0, 0, 1),
    }
    for counts in (*report.entities.values(), *report.relations.values()):
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)
    assert not (
        report.missed_entities
        or report.spurious_entities
        or report.missed_relations
        or report.spurious_relations
    )
    assert report.articles == ("articles/alpha.txt", "articles/beta.txt")


def test_plain_graph_scores_like_the_dataset(ds, gold):
    union = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    assert _score(union, gold) == _score(ds, gold)


def test_default_ontology_is_accepted(ds, gold):
    # Whatever ontology/kg.ttl declares (or its absence), the perfect graph stays perfect.
    assert score(ds, gold).relations[ALL] == Counts(9, 0, 0, 1)


# ---------------------------------------------------------------- entities


def test_removing_one_entity_lowers_recall_by_one_gold_item(ds, gold):
    ds.remove((PORT_ELLERY, None, None, None))
    report = _score(ds, gold)
    assert report.entities["Place"] == Counts(1, 0, 1, 1)  # recall 1/2
    assert report.entities[ALL] == Counts(7, 0, 1, 2)
    assert report.entities[ALL].recall == 7 / 8
    assert report.entities[ALL].precision == 1.0
    assert [(f.type, f.text, f.where) for f in report.missed_entities] == [
        ("Place", "Port Ellery", ("articles/beta.txt",))
    ]


def test_duplicate_entity_is_spurious(ds, gold):
    # A second IRI for Falkenrath, named by her alias: the graph should hold one entity.
    # Its IRI sorts before the real one, so only the ranking keeps the right match.
    _entity(ds, URIRef(ID + "person/falkenrath-0"), SDO.Person, "Ms Falkenrath")
    report = _score(ds, gold)
    assert report.entities["Person"] == Counts(2, 1, 0, 0)
    assert report.entities["Person"].precision == 2 / 3
    [finding] = report.spurious_entities
    assert finding.text == "Ms Falkenrath (duplicate of Ingrid Falkenrath)"
    # The gold entity keeps the IRI whose prefLabel is its name, whatever the IRI order.
    assert finding.where == (ID + "person/falkenrath-0",)


def test_unknown_entity_is_spurious_but_optional_one_is_not(ds, gold):
    _entity(
        ds, URIRef(ID + "organization/quayside-ferries-1"), SDO.Organization, "Quayside Ferries"
    )
    _entity(ds, URIRef(ID + "organization/quayside-2"), SDO.Organization, "the Quayside")
    report = _score(ds, gold)
    # "Quayside Ferries" matches nothing: FP; "the Quayside" matches the optional item.
    assert report.entities["Organization"] == Counts(3, 1, 0, 2)
    assert [f.text for f in report.spurious_entities] == ["Quayside Ferries"]


def test_duplicate_that_also_matches_an_optional_item_is_spurious(ds, gold):
    # It names a gold entity (already matched) as well as an optional one: not "only
    # optional", so it is a duplicate.
    dup = URIRef(ID + "organization/reyd-shipping-2")
    _entity(ds, dup, SDO.Organization, "Reyd Shipping")
    _add(ds, (dup, SKOS.altLabel, Literal("Quayside Hall")))
    report = _score(ds, gold)
    assert report.entities["Organization"] == Counts(3, 1, 0, 1)
    assert [f.text for f in report.spurious_entities] == [
        "Reyd Shipping (duplicate of Reyd Shipping)"
    ]


def test_type_must_agree(ds, gold):
    # The right name with the wrong class matches nothing and misses the Place.
    ds.remove((PORT_ELLERY, RDF.type, SDO.Place))
    ds.add((PORT_ELLERY, RDF.type, SDO.Organization, EXTRA))
    report = _score(ds, gold)
    assert report.entities["Place"] == Counts(1, 0, 1, 1)
    assert report.entities["Organization"] == Counts(3, 1, 0, 1)


def test_alias_matching_pooled_over_articles(ds, gold):
    # "Falkenrath" is an alias only in beta.json; pooling gives it to the one gold entity.
    ds.remove((FALKENRATH, SKOS.prefLabel, None))
    ds.remove((FALKENRATH, SKOS.altLabel, None))
    _add(ds, (FALKENRATH, SKOS.prefLabel, Literal("falkenrath")))
    assert _score(ds, gold).entities["Person"] == Counts(2, 0, 0, 0)


def test_unlisted_name_does_not_match_and_breaks_its_relations(ds, gold):
    ds.remove((BOARD, SKOS.prefLabel, None))
    _add(ds, (BOARD, SKOS.prefLabel, Literal("Harbour Board of Vellmoor")))
    report = _score(ds, gold)
    assert report.entities["Organization"] == Counts(2, 1, 1, 1)
    # Falkenrath -> board and board -> ministry now have an end that is no gold entity:
    # each is spurious, and the gold relation it stood for is missed.
    assert report.relations["affiliation"] == Counts(1, 1, 1, 0)
    assert report.relations["interaction"] == Counts(1, 1, 1, 1)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Vellmoor Harbour Board", "vellmoor harbour board"),
        ("  VELLMOOR\n harbour   Board. ", "Vellmoor Harbour Board"),
        ("“the Narrows”", "Narrows"),
        ("(Ministry of Tides)", "ministry of tides"),
    ],
)
def test_norm_equal(a, b):
    assert _norm(a) == _norm(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Theatre Board", "atre Board"),  # "the" only as a whole word
        ("Port Ellery", "Port-Ellery"),  # inner punctuation is kept
        ("Vellmoor", "Vellmoor Harbour"),
    ],
)
def test_norm_different(a, b):
    assert _norm(a) != _norm(b)


# ---------------------------------------------------------------- relations


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("spokesman", "Lib Dem home affairs spokesman", True),
        ("Chief Executive of the Board", "chief executive", True),
        ("deputy mayor", "deputy chair of finance", False),
        ("first minister", "prime minister", False),  # "first" is not a stop word here
        ("the", "chair", False),  # nothing left of a title made of stop words
    ],
)
def test_role_word_containment(a, b, expected):
    assert _role_matches(a, b) is expected
    assert _role_matches(b, a) is expected


def test_wrong_role_is_spurious_and_missed(ds, gold):
    ds.remove((FALKENRATH, SDO.jobTitle, None))
    _add(ds, (FALKENRATH, SDO.jobTitle, Literal("Deputy Mayor")))
    report = _score(ds, gold)
    assert report.relations["role"] == Counts(1, 1, 1, 0)
    assert [f.text for f in report.spurious_relations] == ["Ingrid Falkenrath: 'Deputy Mayor'"]
    assert [f.text for f in report.missed_relations] == [
        "Ingrid Falkenrath: 'deputy chair of finance'"
    ]


def test_quote_snippet_must_be_contained(ds, gold):
    # One word changed: the folded text no longer contains the snippet.
    ds.remove((QUOTE_ALPHA, SDO.text, None))
    _add(ds, (QUOTE_ALPHA, SDO.text, Literal("We expect that the tolls will drop by spring")))
    assert _score(ds, gold).relations["quote"] == Counts(1, 1, 1, 0)


def test_quote_speaker_must_match(ds, gold):
    ds.remove((QUOTE_BETA, SDO.spokenByCharacter, None))
    _add(ds, (QUOTE_BETA, SDO.spokenByCharacter, FALKENRATH))
    assert _score(ds, gold).relations["quote"] == Counts(1, 1, 1, 0)


def test_legal_link_direction_ignored(ds, gold):
    predicate = URIRef(KG + "enforces")
    ds.remove((MINISTRY, predicate, ACT))
    _add(ds, (ACT, predicate, MINISTRY))
    assert _score(ds, gold).relations["legal_link"] == Counts(1, 0, 0, 0)


def test_relations_pooled_over_articles_in_either_direction(tmp_path, ds):
    # gamma.json restates beta's Falkenrath -> Reyd interaction the other way round and
    # Reyd's role: pooled, they are the same two gold relations, so the totals stay 9.
    gold_dir = tmp_path / "gold"
    shutil.copytree(GOLD_DIR, gold_dir)
    gamma = {
        "article": "articles/gamma.txt",
        "entities": [
            {"id": "p1", "type": "Person", "name": "Tomas Reyd", "aliases": []},
            {"id": "p2", "type": "Person", "name": "Ingrid Falkenrath", "aliases": []},
        ],
        "relations": [
            {"type": "interaction", "subject": "p1", "object": "p2", "verb": "met"},
            {"type": "role", "subject": "p1", "value": "chief  executive"},
        ],
    }
    (gold_dir / "gamma.json").write_text(json.dumps(gamma))
    report = _score(ds, load_gold(gold_dir))
    assert report.entities[ALL] == Counts(8, 0, 0, 2)
    assert report.relations[ALL] == Counts(9, 0, 0, 1)
    # Removing the one interaction triple misses one pooled relation, seen in two articles.
    ds.remove((REYD, URIRef(KG + "interactsWith"), FALKENRATH))
    report = _score(ds, load_gold(gold_dir))
    assert report.relations["interaction"] == Counts(1, 0, 1, 1)
    [missed] = report.missed_relations
    assert missed.where == ("articles/beta.txt", "articles/gamma.txt")


def test_legal_link_through_declared_sub_property(ds, gold):
    # A predicate outside the kg: namespace counts only when declared a sub-property.
    regulates = URIRef("http://example.org/regulates")
    ds.remove((MINISTRY, URIRef(KG + "enforces"), ACT))
    _add(ds, (MINISTRY, regulates, ACT))
    assert _score(ds, gold).relations["legal_link"] == Counts(0, 0, 1, 0)
    ontology = rdflib.Graph()
    ontology.add((regulates, RDFS.subPropertyOf, URIRef(KG + "legalRelation")))
    assert _score(ds, gold, ontology=ontology).relations["legal_link"] == Counts(1, 0, 0, 0)


def test_spurious_relations_are_counted(ds, gold):
    # Between two gold entities but not in the gold: spurious.
    _add(ds, (REYD, URIRef(KG + "wroteTo"), MINISTRY))
    # To an organisation the gold does not know: spurious relation and spurious entity.
    club = URIRef(ID + "organization/gull-club-1")
    _entity(ds, club, SDO.Organization, "Gull Club")
    _add(ds, (REYD, ORG.memberOf, club))
    report = _score(ds, gold)
    assert report.relations["interaction"] == Counts(2, 1, 0, 1)
    assert report.relations["affiliation"] == Counts(2, 1, 0, 0)
    assert report.relations[ALL] == Counts(9, 2, 0, 1)
    assert report.relations[ALL].precision == 9 / 11


def test_provenance_terms_are_not_relations(ds, gold):
    # kg: predicates between two gold agents count as interactions, except provenance.
    _add(ds, (FALKENRATH, URIRef(KG + "evidence"), MINISTRY))
    assert _score(ds, gold).relations[ALL] == Counts(9, 0, 0, 1)


def test_legal_sub_property_between_agents_is_no_interaction(ds, gold):
    opposes = URIRef(KG + "opposes")
    _add(ds, (REYD, opposes, MINISTRY))
    # Undeclared, a kg: predicate between two agents is an interaction (a spurious one).
    assert _score(ds, gold).relations["interaction"] == Counts(2, 1, 0, 1)
    ontology = rdflib.Graph()
    ontology.add((opposes, RDFS.subPropertyOf, URIRef(KG + "legalRelation")))
    # Declared legal, it is neither an interaction nor (no Legislation end) a legal_link.
    report = _score(ds, gold, ontology=ontology)
    assert report.relations[ALL] == Counts(9, 0, 0, 1)


# ---------------------------------------------------------------- output


def test_format_report(ds, gold):
    ds.remove((PORT_ELLERY, None, None, None))
    text = format_report(_score(ds, gold))
    rows = {line.split()[0]: line.split()[1:] for line in text.splitlines() if line.strip()}
    assert rows["Place"] == ["1", "0", "1", "1", "1.000", "0.500", "0.667"]
    assert rows["Person"] == ["2", "0", "0", "0", "1.000", "1.000", "1.000"]
    assert rows["legal_link"] == ["1", "0", "0", "0", "1.000", "1.000", "1.000"]
    assert "Missed entities (1)" in text
    assert "  Place: Port Ellery  [articles/beta.txt]" in text
    assert "Spurious relations (0)" in text


def test_report_to_json(ds, gold):
    ds.remove((PORT_ELLERY, None, None, None))
    data = json.loads(json.dumps(report_to_json(_score(ds, gold))))
    assert data["entities"]["all"]["recall"] == 7 / 8
    assert data["entities"]["Place"] == {
        "tp": 1,
        "fp": 0,
        "fn": 1,
        "ignored": 1,
        "precision": 1.0,
        "recall": 0.5,
        "f1": 2 / 3,
    }
    assert data["missed"]["entities"] == [
        {"type": "Place", "text": "Port Ellery", "where": ["articles/beta.txt"]}
    ]
    assert set(data["relations"]) == {
        "affiliation",
        "role",
        "quote",
        "legal_link",
        "interaction",
        "all",
    }


def test_empty_graph_scores_zero(gold):
    report = _score(rdflib.Dataset(), gold)
    assert report.entities[ALL] == Counts(0, 0, 8, 0)
    assert report.relations[ALL] == Counts(0, 0, 9, 0)
    assert report.entities[ALL].f1 == 0.0


# ---------------------------------------------------------------- gold files


def _write_gold(tmp_path, edit):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    data = json.loads((GOLD_DIR / "alpha.json").read_text())
    edit(data)
    path = gold_dir / "alpha.json"
    path.write_text(json.dumps(data))
    return gold_dir


def _relations(data, new):
    data["relations"] = [new]


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda d: d.pop("entities"), "`entities` missing"),
        (lambda d: d.update(article="/etc/passwd"), "must be a path inside"),
        (lambda d: d.update(article="../x.txt"), "must be a path inside"),
        (lambda d: d["entities"][0].update(type="Animal"), "`type` must be one of"),
        (lambda d: d["entities"][0].update(name=" "), "`name` must be a non-empty string"),
        (lambda d: d["entities"][0].update(aliases="Ms F"), "`aliases` must be a list"),
        (lambda d: d["entities"][1].update(id="e1"), "entity id 'e1' used twice"),
        (lambda d: d["entities"][0].pop("id"), "`id` must be a non-empty string"),
        (lambda d: d.update(optional={}), "`optional` must be a list"),
        (
            lambda d: _relations(d, {"type": "likes", "subject": "e1", "object": "e2"}),
            "`type` must be one of",
        ),
        (
            lambda d: _relations(d, {"type": "affiliation", "subject": "e1", "object": "e9"}),
            "`object` must be the id of a Organization",
        ),
        (
            lambda d: _relations(d, {"type": "affiliation", "subject": "e2", "object": "e5"}),
            "`subject` must be the id of a Person",
        ),
        (
            lambda d: _relations(d, {"type": "quote", "subject": ["e1"], "snippet": "x"}),
            "`subject` must be the id of a Person/Organization",
        ),
        (
            lambda d: _relations(d, {"type": "role", "subject": "e1"}),
            "`value` must be a non-empty string",
        ),
        (
            lambda d: _relations(d, {"type": "legal_link", "subject": "e1", "object": "e2"}),
            "needs a Legislation entity",
        ),
    ],
)
def test_malformed_gold_raises(tmp_path, edit, problem):
    gold_dir = _write_gold(tmp_path, edit)
    with pytest.raises(GoldError, match="alpha.json") as info:
        load_gold(gold_dir)
    assert problem in str(info.value)


def test_invalid_json_raises(tmp_path):
    (tmp_path / "broken.json").write_text('{"article": ')
    with pytest.raises(GoldError, match=r"broken\.json: cannot read JSON"):
        load_gold(tmp_path)


def test_missing_or_empty_gold_dir_raises(tmp_path):
    with pytest.raises(GoldError, match="not a directory"):
        load_gold(tmp_path / "nowhere")
    with pytest.raises(GoldError, match="no \\*.json gold files"):
        load_gold(tmp_path)


def test_two_files_for_one_article_raise(tmp_path):
    gold_dir = tmp_path / "gold"
    shutil.copytree(GOLD_DIR, gold_dir)
    shutil.copy(GOLD_DIR / "alpha.json", gold_dir / "alpha-copy.json")
    with pytest.raises(GoldError, match=r"alpha\.json: .* also annotated in .*alpha-copy\.json"):
        load_gold(gold_dir)


def test_load_gold_reads_the_fixture(gold):
    assert [g.source.name for g in gold] == ["alpha.json", "beta.json"]
    alpha = gold[0]
    assert [e.id for e in alpha.entities] == ["e1", "e2", "e3", "e4", "e5"]
    assert alpha.optional[0].aliases == ("Quayside Hall",)
    assert alpha.relations[3].object == "e5"


def test_gold_article_paths(tmp_path, gold):
    gold_dir = tmp_path / "gold"
    shutil.copytree(GOLD_DIR, gold_dir)
    (tmp_path / "articles").mkdir()
    with pytest.raises(GoldError, match="articles/alpha.txt"):
        gold_article_paths(gold, gold_dir)
    for name in ("alpha", "beta"):
        (tmp_path / "articles" / f"{name}.txt").write_text("Text.\n")
    assert gold_article_paths(gold, gold_dir) == [
        tmp_path / "articles" / "alpha.txt",
        tmp_path / "articles" / "beta.txt",
    ]


def test_shared_gold_is_valid():
    shared = Path("/work/shared/gold")
    if not shared.is_dir():
        pytest.skip("shared gold annotations not present")
    gold = load_gold(shared)
    assert len(gold) == len(list(shared.glob("*.json")))
    assert all(path.is_file() for path in gold_article_paths(gold, shared))
