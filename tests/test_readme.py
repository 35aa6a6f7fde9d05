"""The README's two set-up commands are true."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _first_commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert block and README.index(block.group(0)) < 200, "README must open with its commands"
    return [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_make_run_and_make_test():
    assert _first_commands() == ["make run", "make test"]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_a_second_set_up_does_not_reinstall():
    for target in ("run", "test"):
        plan = subprocess.run(
            ["make", "-n", target], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
        assert "pip install" not in plan, plan
    assert (
        "pytest"
        in subprocess.run(
            ["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
    )


@pytest.mark.model
@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_builds_the_shipped_articles():
    proc = subprocess.run(["make", "run"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "built 2 article(s)" in proc.stdout
    for name in ("graph.trig", "graph.ttl", "graph.jsonld", "graph.html"):
        assert (ROOT / "out" / name).stat().st_size > 0


def _python_examples() -> list[str]:
    section = README.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_the_python_section_has_examples():
    assert _python_examples()


@pytest.mark.model
def test_the_python_examples_run(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for example in _python_examples():
        exec(compile(example, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "['Gordon Brown', 'Tony Blair']" in printed
    assert (tmp_path / "out-python" / "graph.trig").is_file()
