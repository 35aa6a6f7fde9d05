"""The command line: help everywhere, clean errors, `python -m kg`."""

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from kg.cli.app import app
from kg.cli.progress import BuildProgress

COMMANDS = [
    "build", "query", "validate", "eval", "path", "stats", "export-graph", "export", "queries",
    "serve",
]  # fmt: skip
runner = CliRunner()


def test_top_level_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_python_dash_m_kg_runs():
    proc = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "build" in proc.stdout


def test_unknown_model_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text("Charles Clarke met the Home Office.")
    result = runner.invoke(
        app, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--model", "nope_xx"]
    )
    assert result.exit_code == 1
    assert "cannot load spaCy pipeline 'nope_xx'" in result.output
    assert "pip install" in result.output
    assert not (tmp_path / "out").exists()


def test_query_needs_exactly_one_query(tmp_path):
    result = runner.invoke(app, ["query", str(tmp_path)])
    assert result.exit_code == 2


def test_eval_needs_gold_dir_or_conll04():
    assert runner.invoke(app, ["eval"]).exit_code == 2


@pytest.mark.model
def test_eval_conll04_prints_scores_per_relation_type():
    from pathlib import Path

    small = Path(__file__).parent / "data" / "conll_small.json"
    result = runner.invoke(app, ["eval", "--conll04", str(small)])
    assert result.exit_code == 0, result.output
    for name in ("Work_For", "OrgBased_In", "micro", "REBEL"):
        assert name in result.output


def test_a_file_name_with_a_newline_is_quoted_on_one_line(tmp_path):
    # Issue 13.13: the "skipped" line of a file named "a\nb.txt" was split in two.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a\nb.txt").write_text("")
    (tmp_path / "in" / "c\u202etxt.md").write_text("")
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    where = str(tmp_path / "in")
    assert f"skipped '{where}/a\\nb.txt': file is empty or whitespace only" in lines
    assert f"skipped '{where}/c\\u202etxt.md': file is empty or whitespace only" in lines
    assert "\u202e" not in result.output


def test_terminal_escapes_keep_text_and_lines():
    from kg.cli.common import for_terminal, shown

    assert shown("plain name.txt") == "plain name.txt"
    assert shown("it's\\n\n") == "'it\\'s\\\\n\\n'"
    assert (
        for_terminal("said \u202egnp.exe\x1b[2J\n\tnext") == "said \\u202egnp.exe\\u001b[2J\n\tnext"
    )


def test_query_tables_escape_what_would_act_on_the_terminal(tmp_path):
    # Issue 13.14: a bidirectional override in evidence reached the terminal as is.
    source = tmp_path / "g.nt"
    source.write_text('<http://e/s> <http://e/p> "said \\u202Egnp.exe\\u001B[2J ok" .\n')
    query = "SELECT ?t WHERE { ?s ?p ?t }"
    table = runner.invoke(app, ["query", str(source), query])
    assert table.exit_code == 0, table.output
    assert "said \\u202egnp.exe" in table.output
    assert "\u202e" not in table.output and "\x1b" not in table.output
    csv = runner.invoke(app, ["query", str(source), query, "--format", "csv"])
    assert "said \u202egnp.exe" in csv.output  # data for a tool stays exact


def test_version():
    from kg.version import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"kg {__version__}\n"
    proc = subprocess.run([sys.executable, "-m", "kg", "--version"], capture_output=True, text=True)
    assert proc.stdout == f"kg {__version__}\n"


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_reads_like_other_command_lines(command):
    # Issue 14: `--quiet <bool>`, `{paths}...`, `<path>`, `<list[str]>`.
    result = runner.invoke(app, [*command.split(), "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    for typer_style in ("<bool>", "<str>", "<path>", "<int", "<float", "list[", "{"):
        assert typer_style not in result.output, typer_style


def test_build_help_names_its_values():
    text = runner.invoke(app, ["build", "--help"], prog_name="kg", env={"COLUMNS": "120"}).output
    assert "Usage: kg build [OPTIONS] PATH..." in text
    for option in ("--out  ", "--processes", "--quiet", "--force"):
        assert option in text
    assert "-o      OUT" in text and "N [x>=1]" in text


def test_progress_off_a_terminal_is_periodic_plain_lines():
    # Issue 14: off a terminal a 52 s build printed nothing until its summary.
    import io

    now = [100.0]
    stream = io.StringIO()
    clock = lambda: now[0]  # noqa: E731
    with BuildProgress(
        stream=stream, tty=False, interval=10, clock=clock, ticker=False
    ) as progress:
        progress.stage("reading the articles")
        progress.on_count(100)
        for _ in range(99):
            now[0] += 0.5
            progress.on_done(1)
        now[0] += 0.5
        progress.on_done(1)
    progress.stage("writing out: graph.trig")
    lines = stream.getvalue().splitlines()
    assert lines[:2] == ["kg build: reading the articles", "kg build: extracting 100 article(s)"]
    periodic = [line for line in lines if line.startswith("kg build: extracting: ")]
    assert periodic[0] == (
        "kg build: extracting: 20/100 article(s) (20%), 2.0 articles/s, about 40 s left"
    )
    assert len(periodic) == 4  # every 10 s of a 50 s extraction, not every article
    assert lines[-2] == (
        "kg build: extracted 100/100 article(s) in 50 s (2.0 articles/s); "
        "linking them and making the RDF"
    )
    assert lines[-1] == "kg build: writing out: graph.trig"
    assert "\x1b" not in stream.getvalue()  # no control codes in a log


def test_progress_lines_keep_coming_while_nothing_is_done():
    import io
    import time

    stream = io.StringIO()
    with BuildProgress(stream=stream, tty=False, interval=0.05) as progress:
        progress.on_count(10)
        time.sleep(0.3)  # the workers load their pipelines: no article is done yet
    lines = stream.getvalue().splitlines()
    waiting = "kg build: extracting: 0/10 article(s) (0%), the pipeline is loading or"
    assert len([line for line in lines if line.startswith(waiting)]) >= 2, lines


def test_quiet_progress_says_nothing():
    import io

    stream = io.StringIO()
    with BuildProgress(True, stream=stream, tty=False) as progress:
        progress.on_count(3)
        progress.on_done(3)
        progress.stage("writing")
    assert stream.getvalue() == ""


@pytest.mark.parametrize(
    "base",
    ["kg.example.org", "ftp://x.org", "https://", "https://x.org/a b", "https://x.org/?q=1",
     "https://x.org/#top", "https://x.org/<id>"],
)  # fmt: skip
def test_a_bad_base_is_a_usage_error(tmp_path, base):
    (tmp_path / "a.txt").write_text("News.")
    result = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--base", base])
    assert result.exit_code == 2, result.output
    assert "error: --base must" in result.output


def test_the_base_is_checked_in_python_too():
    from kg.config import BuildConfig
    from kg.errors import InputError

    with pytest.raises(InputError, match="--base must be an absolute http"):
        import kg

        kg.build_texts(["News."], BuildConfig(base="not an iri"))
