"""kg's public API (kg/__init__.py): pinned, every name resolves, and `import kg` stays light."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import subprocess
import sys

import pytest

import kg

PUBLIC = [
    "__version__",
    "BuildConfig",
    "Affiliation",
    "Article",
    "ArticleExtraction",
    "Entity",
    "Fact",
    "Mention",
    "Quote",
    "Sentence",
    "Skipped",
    "GoldError",
    "InputError",
    "KgError",
    "ModelError",
    "OutputError",
    "QueryError",
    "read_articles",
    "load_nlp",
    "build",
    "build_texts",
    "BuildResult",
    "write_outputs",
    "build_store",
    "StoreReport",
    "export_store",
    "load",
    "sparql",
    "load_store",
    "run_query",
    "QueryResult",
    "format_result",
    "validate",
    "ValidationReport",
    "project",
]
# What `import kg` and `kg --help` must not load: each costs from a tenth of a second to
# several seconds.
HEAVY = ("spacy", "thinc", "rdflib", "pyoxigraph", "pyshacl", "networkx", "trafilatura")


def test_the_public_names_are_pinned():
    assert kg.__all__ == PUBLIC


def test_every_public_name_resolves_to_its_module_s_object():
    namespace: dict[str, object] = {}
    exec("from kg import *", namespace)  # the star import users may write
    for name in PUBLIC:
        value = getattr(kg, name)
        assert namespace[name] is value
        module = getattr(value, "__module__", None)
        if module is not None and name != "__version__":
            assert getattr(importlib.import_module(module), name) is value


def test_no_public_name_is_also_a_module_of_kg():
    # `kg.build` must not be both the function and a module (whichever was bound last wins)
    assert [n for n in PUBLIC if importlib.util.find_spec(f"kg.{n}") is not None] == []


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        kg.nonsense  # noqa: B018


def test_the_version_is_the_installed_one():
    assert kg.__version__ == importlib.metadata.version("kg")


@pytest.mark.parametrize(
    "code",
    [
        "import kg",
        "import kg.cli.app",
        "from kg.cli.app import main\nsys.argv = ['kg', '--help']\ntry:\n    main()\n"
        "except SystemExit:\n    pass",
    ],
    ids=["import kg", "import kg.cli.app", "kg --help"],
)
def test_import_kg_and_kg_help_load_no_heavy_library(code):
    script = f"import sys\n{code}\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"
