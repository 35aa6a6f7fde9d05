"""`kg path`, `kg stats` and `kg export-graph`: the graph analytics on the command line.

In the style of the other commands: arguments checked by typer, errors from kg (a missing
OUT, a name that matches nothing) printed as one clear line and exit code 1.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import EXIT_USAGE, echo_text, err, fail
from kg.errors import KgError

SourceArg = Annotated[Path, typer.Argument(help="An OUT directory or an RDF file.")]


def path(
    source: SourceArg,
    first: Annotated[str, typer.Argument(help="An entity, by any of its names.")],
    second: Annotated[str, typer.Argument(help="Another entity, by any of its names.")],
    comentions: Annotated[
        bool,
        typer.Option(
            "--comentions", help="Also follow two names in the same sentence (weaker links)."
        ),
    ] = False,
) -> None:
    """The shortest connection between two entities, each fact on it with its evidence."""
    from kg.graph.analytics import find_entity, format_path, shortest_path
    from kg.graph.project import project

    try:
        graph = project(source, comentions=comentions)
        hops = shortest_path(
            graph,
            find_entity(graph, first),
            find_entity(graph, second),
            comentions=comentions,
        )
    except KgError as exc:
        raise fail(exc) from exc
    echo_text(format_path(graph, hops))


def stats(
    source: SourceArg,
    top: Annotated[int, typer.Option(min=1, help="How many entities per list.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the stats as JSON.")] = False,
) -> None:
    """Counts by type, most central entities, most quoted people, most cited legislation."""
    from kg.graph.analytics import format_stats
    from kg.graph.analytics import stats as run_stats
    from kg.graph.project import project

    try:
        result = run_stats(project(source, comentions=True), top=top)
    except KgError as exc:
        raise fail(exc) from exc
    if as_json:
        echo_text(json.dumps(_stats_json(result), indent=2, ensure_ascii=False), for_people=False)
    else:
        echo_text(format_stats(result))


def export_graph(
    source: SourceArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="graphml or gexf.")] = "",
    comentions: Annotated[
        bool,
        typer.Option(
            "--comentions/--no-comentions", help="Include same-sentence (co-mention) edges."
        ),
    ] = True,
    betweenness: Annotated[
        bool | None,
        typer.Option(
            "--betweenness/--no-betweenness",
            help="Compute each entity's betweenness (default: up to 2,000 entities).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the entity graph as GraphML or GEXF, for Gephi and Cytoscape."""
    from kg.graph.export import FORMATS
    from kg.graph.export import export_graph as run_export

    fmt = fmt or out.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        err(f"error: give --format {' or '.join(FORMATS)} (or an --out file ending so)")
        raise typer.Exit(EXIT_USAGE)
    try:
        run_export(source, out, fmt, comentions=comentions, betweenness=betweenness)
    except KgError as exc:
        raise fail(exc) from exc
    typer.echo(f"wrote {out}")


def _stats_json(result) -> dict:
    data = asdict(result)
    data["central"] = [
        {"iri": iri, "label": label, **asdict(score)} for iri, label, score in result.central
    ]
    data["quoted"] = [{"label": label, "quotations": n} for label, n in result.quoted]
    data["cited"] = [{"label": label, "articles": a, "mentions": m} for label, a, m in result.cited]
    return data
