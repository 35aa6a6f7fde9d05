"""The builder end to end on real articles, with the real model."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.builder.run import build
from kg.config import BuildConfig
from kg.output import write_outputs
from kg.rdf.graphs import meta_graph_iri

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "articles"


def run_kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds") / "out"
    proc = run_kg("build", str(SEEDS), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "built 2 article(s)" in proc.stdout
    # The summary counts what was found: Mhairi Hunter's quotations and her post.
    quotes, affiliations = re.search(
        r"quotations: (\d+); affiliations: (\d+)", proc.stdout
    ).groups()
    assert int(quotes) >= 2 and int(affiliations) >= 1
    return out


def _without_meta(ds: Dataset) -> Graph:
    g = Graph()
    meta = meta_graph_iri()
    for s, p, o, c in ds.quads((None, None, None, None)):
        if c != meta and getattr(c, "identifier", c) != meta:
            g.add((s, p, o))
    return g


def test_every_output_file_is_written(seeds_out):
    for name in ("graph.trig", "graph.ttl", "graph.jsonld", "graph.html"):
        assert (seeds_out / name).stat().st_size > 0, name


def test_trig_and_turtle_parse_the_same_in_rdflib_and_pyoxigraph(seeds_out):
    ds = Dataset()
    ds.parse(seeds_out / "graph.trig", format="trig")
    store = pyoxigraph.Store()
    store.load(path=str(seeds_out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    quads = list(ds.quads((None, None, None, None)))
    assert len(store) == len(quads) > 500

    union = Graph().parse(seeds_out / "graph.ttl", format="turtle")
    ox_union = list(
        pyoxigraph.parse(path=str(seeds_out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    )
    distinct = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    assert len(union) == len(set(ox_union)) == len(distinct)

    jsonld = Dataset()
    jsonld.parse(seeds_out / "graph.jsonld", format="json-ld")
    assert len(list(jsonld.quads((None, None, None, None)))) == len(quads)
    ox_jsonld = list(
        pyoxigraph.parse(path=str(seeds_out / "graph.jsonld"), format=pyoxigraph.RdfFormat.JSON_LD)
    )
    assert len(set(ox_jsonld)) == len(quads)


def _select(out: Path, query: str) -> list[tuple]:
    from kg.query.sparql import run_query

    result = run_query(out, query)
    return [tuple(str(v) if v is not None else None for v in row) for row in result.rows]


def test_one_mhairi_hunter_with_her_other_names(seeds_out):
    rows = _select(
        seeds_out,
        """
        SELECT ?p (GROUP_CONCAT(?alt; separator="|") AS ?alts) WHERE {
          ?p a schema:Person ; skos:prefLabel "Mhairi Hunter" . OPTIONAL { ?p skos:altLabel ?alt }
        } GROUP BY ?p""",
    )
    assert len(rows) == 1
    assert "Ms Hunter" in rows[0][1].split("|")


def test_her_title_is_kept_as_her_role(seeds_out):
    rows = _select(
        seeds_out,
        """
        SELECT ?t WHERE { ?p skos:prefLabel "Mhairi Hunter" ; schema:jobTitle ?t }""",
    )
    assert ("Councillor",) in rows


def test_the_act_with_its_year_and_identifier(seeds_out):
    rows = _select(
        seeds_out,
        """
        SELECT ?year ?same WHERE {
          ?a a schema:Legislation ; skos:prefLabel "Misuse of Drugs Act 1971" ;
             kg:year ?year ; owl:sameAs ?same }""",
    )
    assert rows == [("1971", "http://www.legislation.gov.uk/id/ukpga/1971/38")]


@pytest.mark.parametrize(
    "name",
    [
        "Home Office",
        "Glasgow City Council",
        "NHS Greater Glasgow and Clyde",
        "Health and Social Care Partnership",
    ],
)
def test_organisations(seeds_out, name):
    rows = _select(
        seeds_out,
        f"""
        SELECT ?o WHERE {{ ?o a schema:Organization ; skos:prefLabel "{name}" }}""",
    )
    assert len(rows) == 1


def test_glasgow_is_a_place_and_never_a_person(seeds_out):
    assert (
        _select(
            seeds_out,
            """
        SELECT ?p WHERE { ?p a schema:Person ; skos:prefLabel|skos:altLabel ?l .
                          FILTER(CONTAINS(LCASE(?l), "glasgow")) }""",
        )
        == []
    )
    assert (
        len(
            _select(
                seeds_out,
                """
        SELECT ?p WHERE { ?p a schema:Place ; skos:prefLabel "Glasgow" }""",
            )
        )
        == 1
    )


def test_nothing_from_the_page_footer(seeds_out):
    # The footer of the second seed names the BBC; no mention may come from it.
    rows = _select(
        seeds_out,
        """
        SELECT ?m WHERE { ?m itsrdf:taIdentRef ?e ; nif:anchorOf ?a .
                          FILTER(CONTAINS(?a, "BBC") || CONTAINS(?a, "sayings")) }""",
    )
    assert rows == []


def test_every_mention_offset_reproduces_its_text(seeds_out):
    rows = _select(
        seeds_out,
        """
        SELECT ?b ?e ?a ?s WHERE { ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a ;
                                   nif:referenceContext/nif:isString ?s }""",
    )
    assert rows
    for begin, end, anchor, text in rows:
        assert text[int(begin) : int(end)] == anchor


def test_build_is_deterministic_apart_from_the_run_record(nlp):
    first = build([str(SEEDS)], nlp=nlp).dataset
    second = build([str(SEEDS)], nlp=nlp).dataset
    assert isomorphic(_without_meta(first), _without_meta(second))


def test_two_processes_build_the_same_graph_as_one(nlp):
    one = build([str(SEEDS)], nlp=nlp).dataset
    two = build([str(SEEDS)], BuildConfig(processes=2)).dataset
    assert isomorphic(_without_meta(one), _without_meta(two))


def test_bad_inputs_are_reported_and_the_rest_is_built(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text((SEEDS / "000_b338bd11acf37f66.txt").read_text())
    (src / "empty.txt").write_text("")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (src / "latin1.txt").write_bytes("Caf\xe9 owner Jos\xe9 M\xfcller said so.".encode("latin-1"))
    (src / "feed.jsonl").write_text(
        '{"id": "a1", "text": "Charles Clarke met the Home Office."}\n{not json\n'
    )
    out = tmp_path / "out"
    proc = run_kg("build", str(src), str(tmp_path / "missing.txt"), "-o", str(out))
    assert proc.returncode == 3, proc.stderr
    for name in ("empty.txt", "binary.txt", "latin1.txt", "feed.jsonl:2", "missing.txt"):
        assert name in proc.stderr, name
    assert "built 2 article(s)" in proc.stdout
    assert (out / "graph.trig").exists()


def test_nothing_readable_is_an_error_and_writes_nothing(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    proc = run_kg("build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert "nothing was written" in proc.stderr
    assert not (tmp_path / "out").exists()


def test_an_interrupted_write_leaves_the_previous_output_intact(tmp_path, nlp, monkeypatch):
    out = tmp_path / "out"
    result = build([str(SEEDS)], nlp=nlp)
    write_outputs(result.dataset, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.graph.view.write_html", boom)
    with pytest.raises(KeyboardInterrupt):
        write_outputs(result.dataset, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging directory left


def test_a_lone_surrogate_skips_its_line_and_the_rest_is_built(tmp_path):
    # Issue 13.6: the batch was lost, and with --store every rerun crashed the same way.
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "a1", "text": "Charles Clarke met the Home Office."}\n'
        '{"text": "Tony Blair \\ud800 met Gordon Brown.", "title": "T\\udfff"}\n'
    )
    proc = run_kg("build", str(feed), "-o", str(tmp_path / "out"))
    assert proc.returncode == 3, proc.stderr
    assert f'skipped {feed}:2: "text" holds a lone surrogate' in proc.stderr
    assert "built 1 article(s)" in proc.stdout
    for _ in range(2):  # the store keeps working, run after run
        proc = run_kg("build", str(feed), "--store", str(tmp_path / "store"))
        assert proc.returncode == 3, proc.stderr
        assert "Traceback" not in proc.stderr
        assert "now 1 article(s)" in proc.stdout


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its entry waits to be reaped


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_end_when_the_build_is_killed(tmp_path):
    # Issue 13.9: after kill -9 of `kg build -p 2`, the workers lived on for minutes.
    import json
    import os
    import signal
    import time

    text = (SEEDS / "000_b338bd11acf37f66.txt").read_text()
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"a{i}", "text": text}) + "\n" for i in range(400)))
    build = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(feed), "-p", "2", "-o", str(tmp_path / "out")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while len(workers := _children(build.pid)) < 2:
            assert time.monotonic() < deadline and build.poll() is None, "no workers started"
            time.sleep(0.2)
        time.sleep(3)  # the workers load the model and start parsing
        assert all(_running(w) for w in workers)
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        deadline = time.monotonic() + 10
        while any(_running(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_running(w) for w in workers), "workers outlived the killed build"
    finally:
        build.kill()
        for worker in workers:
            if _running(worker):
                os.kill(worker, signal.SIGKILL)


def test_a_build_off_a_terminal_says_what_it_does(tmp_path):
    # stderr is a pipe here, as in a log, CI or nohup.
    proc = run_kg("build", str(SEEDS), "-o", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert lines[:2] == ["kg build: reading the articles", "kg build: extracting 2 article(s)"]
    assert lines[2].startswith("kg build: extracted 2/2 article(s) in ")
    assert lines[3] == (
        f"kg build: writing {tmp_path / 'out'}: graph.trig, graph.ttl, graph.jsonld, graph.html"
    )
    assert run_kg("build", str(SEEDS), "-q", "-o", str(tmp_path / "out")).stderr == ""


def test_base_mints_every_iri_under_it_and_is_recorded(tmp_path):
    # Issue 14: IRIs were always https://kg.example.org/...
    out = tmp_path / "out"
    proc = run_kg("build", str(SEEDS), "--base", "https://news.example.com/kg/", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    iris = set()
    for quad in pyoxigraph.parse(path=str(out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG):
        for term in (quad.subject, quad.object, quad.graph_name):
            if isinstance(term, pyoxigraph.NamedNode) and "/id/" in term.value:
                iris.add(term.value)
    iris.discard("http://www.legislation.gov.uk/id/ukpga/1971/38")  # owl:sameAs, not minted
    assert iris and all(i.startswith("https://news.example.com/kg/id/") for i in iris), [
        i for i in iris if not i.startswith("https://news.example.com/kg/id/")
    ][:3]
    rows = _select(out, "SELECT ?b WHERE { ?run a kg:BuildRun ; kg:baseIRI ?b }")
    assert rows == [("https://news.example.com/kg",)]
    assert run_kg("validate", str(out)).returncode == 0
    rows = _select(out, 'SELECT ?p WHERE { ?p skos:prefLabel "Mhairi Hunter" }')
    assert rows[0][0].startswith("https://news.example.com/kg/id/person/")


def test_a_store_keeps_one_base(tmp_path):
    store = str(tmp_path / "store")
    assert run_kg("build", str(SEEDS), "--store", store).returncode == 0
    proc = run_kg("build", str(SEEDS), "--store", store, "--base", "https://other.example/")
    assert proc.returncode == 2
    assert "holds IRIs minted under https://kg.example.org" in proc.stderr
    assert run_kg("build", str(SEEDS), "--store", store).returncode == 0  # same base: fine


def test_each_article_records_its_source_relative_to_the_input(seeds_out):
    rows = _select(
        seeds_out,
        "SELECT ?file WHERE { GRAPH ?m { ?g a kg:ArticleGraph ; kg:sourceFile ?file } } "
        "ORDER BY ?file",
    )
    assert rows == [(p.name,) for p in sorted(SEEDS.glob("*.txt"))]
