"""`kg validate` (the SHACL shapes) and `kg eval` (scores against gold annotations or CoNLL04)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import EXIT_ERROR, EXIT_USAGE, ModelOpt, err, fail
from kg.errors import KgError


def validate(
    source: Annotated[Path, typer.Argument(help="An OUT directory or an RDF file.")],
) -> None:
    """Check a graph against the SHACL shapes in ontology/shapes.ttl."""
    from kg.rdf.validate import validate as run_validate

    try:
        report = run_validate(source)
    except KgError as exc:
        raise fail(exc) from exc
    if report.conforms:
        typer.echo("conforms: no SHACL violations")
        return
    for v in report.violations:
        typer.echo(f"{v.severity}: {v.focus} {v.path or ''}: {v.message}")
    typer.echo(f"{len(report.violations)} violation(s)")
    raise typer.Exit(EXIT_ERROR)


def evaluate(
    gold_dir: Annotated[
        Path | None, typer.Argument(help="Folder of gold annotation JSON files.")
    ] = None,
    conll04: Annotated[
        Path | None,
        typer.Option("--conll04", help="Score Work_For and OrgBased_In on a SpERT CoNLL04 file."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, help="With --conll04: score the first N sentences.")
    ] = None,
    model: ModelOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Score the graph against gold annotations (GOLD_DIR) or a CoNLL04 file (--conll04)."""
    if (gold_dir is None) == (conll04 is None):
        err("error: give either GOLD_DIR or --conll04 FILE")
        raise typer.Exit(EXIT_USAGE)
    if conll04 is not None:
        _eval_conll04(conll04, model, limit, as_json)
        return
    assert gold_dir is not None  # one of the two, checked above
    import json

    from kg.builder.run import build as run_build
    from kg.config import BuildConfig
    from kg.evaluate.gold import gold_article_paths, load_gold
    from kg.evaluate.report import format_report, report_to_json
    from kg.evaluate.score import score

    try:
        gold = load_gold(gold_dir)
        paths = gold_article_paths(gold, gold_dir)
        result = run_build([str(p) for p in paths], BuildConfig(model=model))
        for item in result.skipped:
            err(f"skipped {item.origin}: {item.reason}")
        report = score(result.dataset, gold)
    except KgError as exc:
        raise fail(exc) from exc
    if as_json:
        typer.echo(json.dumps(report_to_json(report), indent=2))
    else:
        typer.echo(format_report(report))


def _eval_conll04(path: Path, model: str | None, limit: int | None, as_json: bool) -> None:
    import dataclasses
    import json

    from kg.evaluate.conll import evaluate_conll04, format_conll_report
    from kg.nlp.pipeline import load_nlp

    try:
        report = evaluate_conll04(path, nlp=load_nlp(model), limit=limit)
    except KgError as exc:
        raise fail(exc) from exc
    if as_json:
        typer.echo(json.dumps(dataclasses.asdict(report), indent=2, default=str))
    else:
        typer.echo(format_conll_report(report))
