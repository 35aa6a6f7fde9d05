"""`kg validate` (the SHACL shapes) and `kg eval` (scores against gold annotations or CoNLL04)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import EXIT_ERROR, EXIT_USAGE, ModelOpt, err, fail, report_skipped
from kg.errors import KgError
from kg.evaluate.split import HALVES

TABLES = ("articles", "entities", "relations")


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
    half: Annotated[
        str | None,
        typer.Option(
            "--half",
            metavar="tune|heldout",
            help="Score one half of the gold set's fixed split only (default: all, then "
            "each half).",
        ),
    ] = None,
) -> None:
    """Score the graph against gold annotations (GOLD_DIR) or a CoNLL04 file (--conll04)."""
    if (gold_dir is None) == (conll04 is None):
        err("error: give either GOLD_DIR or --conll04 FILE")
        raise typer.Exit(EXIT_USAGE)
    if conll04 is not None:
        _eval_conll04(conll04, model, limit, as_json)
        return
    assert gold_dir is not None  # one of the two, checked above
    if half is not None and half not in HALVES:
        err(f"error: --half must be one of {', '.join(HALVES)}, not {half!r}")
        raise typer.Exit(EXIT_USAGE)
    import json

    from kg.evaluate.report import format_halves, format_report, report_to_json
    from kg.evaluate.run import evaluate_gold

    try:
        result = evaluate_gold(gold_dir, model=model, half=half)
    except KgError as exc:
        raise fail(exc) from exc
    for item in result.skipped:
        report_skipped(item)
    if as_json:
        data = report_to_json(result.report)
        if result.halves:
            data["halves"] = {
                name: {k: v for k, v in report_to_json(r).items() if k in TABLES}
                for name, r in result.halves.items()
            }
        typer.echo(json.dumps(data, indent=2))
        return
    typer.echo(format_report(result.report))
    if result.halves:
        typer.echo(format_halves(result.halves))


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
