"""`kg entities`: a graph's entities with their names, article counts and the joins made
across articles; with --ambiguous, the review list (names left apart, entities flagged)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import EXIT_USAGE, err, fail
from kg.errors import KgError

TYPES = ("Person", "Organization", "Legislation", "Place")


def entities(
    source: Annotated[
        Path, typer.Argument(help="A store directory, an OUT directory or an RDF file.")
    ],
    ambiguous: Annotated[
        bool,
        typer.Option(
            "--ambiguous",
            help="List what linking left for an editor: names left apart because several "
            "entities fit them, and entities whose articles disagree about them.",
        ),
    ] = False,
    type_: Annotated[
        str | None, typer.Option("--type", help="Person, Organization, Legislation or Place.")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", help="Only the entity with this name (any label).")
    ] = None,
    joined: Annotated[
        bool, typer.Option("--joined", help="Only entities that joins across articles made.")
    ] = False,
    limit: Annotated[int, typer.Option(min=0, help="List at most N (0: all).")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the entities of a graph, most mentioned first, with the joins made across articles."""
    if type_ is not None and type_ not in TYPES:
        err(f"error: --type must be one of {', '.join(TYPES)}, not {type_!r}")
        raise typer.Exit(EXIT_USAGE)
    from kg.review.entities import entities as list_entities
    from kg.review.entities import open_items

    try:
        rows = (
            open_items(source)
            if ambiguous
            else list_entities(source, type_=type_, name=name, joined=joined)
        )
    except KgError as exc:
        raise fail(exc) from exc
    total = len(rows)
    rows = rows[:limit] if limit else rows
    if as_json:
        typer.echo(json.dumps([asdict(r) for r in rows], indent=2, ensure_ascii=False))
        return
    lines = _review(rows) if ambiguous else _entities(rows)
    typer.echo("\n".join(lines))
    if len(rows) < total:
        typer.echo(f"... {total - len(rows)} more (--limit 0 lists all)")


def _entities(rows) -> list[str]:
    lines = []
    for r in rows:
        lines.append(f"{r.name}  [{r.type}, {r.articles} article(s)]  {r.iri}")
        if r.labels:
            lines.append(f"    also: {'; '.join(r.labels)}")
        for j in r.joins:
            lines.append(f"    joined {j.forms!r} by {j.rule} in {j.articles} article(s)")
    return lines or ["no entities"]


def _review(items) -> list[str]:
    lines = []
    for n, item in enumerate(items, 1):
        if item.kind == "candidate":
            fits = "; ".join(f"{name} ({count} article(s))" for _, name, count in item.candidates)
            lines.append(f"{n}. {item.name!r} left apart ({item.rule}): may be {fits}")
        else:
            lines.append(f"{n}. {item.name} to review: {item.reason}")
        lines.append(f"    {item.iri}")
        for ident, headline in item.articles:
            lines.append(f"    in {ident}" + (f": {headline}" if headline else ""))
    return lines or ["nothing to review"]
