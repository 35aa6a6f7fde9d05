"""`kg query` (SPARQL, or a named query, over a store, OUT or an RDF file), `kg queries` (the
named queries) and `kg serve` (a read-only SPARQL endpoint)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import (
    EXIT_ERROR,
    EXIT_USAGE,
    AllowServiceOpt,
    LimitRowsOpt,
    TimeoutOpt,
    echo_text,
    err,
    fail,
)
from kg.errors import KgError


def query(
    source: Annotated[
        Path, typer.Argument(help="A store directory, an OUT directory or an RDF file.")
    ],
    sparql: Annotated[str | None, typer.Argument(help="The SPARQL query.")] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Read the query from a file.")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="table, csv, tsv or json (SELECT/ASK).")
    ] = "table",
    name: Annotated[
        str | None, typer.Option("--name", "-n", help="Run a named query (see `kg queries`).")
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-P", metavar="NAME=VALUE", help="A named query's parameter."),
    ] = None,
    allow_service: AllowServiceOpt = False,
    timeout: TimeoutOpt = 30.0,
    limit_rows: LimitRowsOpt = 10_000,
) -> None:
    """Run a SPARQL query over a built graph (the union of its named graphs)."""
    if sum(x is not None for x in (sparql, file, name)) != 1:
        err("error: give the query as an argument, with --file or with --name (one of them)")
        raise typer.Exit(EXIT_USAGE)
    if param and name is None:
        err("error: --param goes with --name")
        raise typer.Exit(EXIT_USAGE)
    if fmt not in ("table", "csv", "tsv", "json"):
        err(f"error: unknown --format {fmt!r}; use table, csv, tsv or json")
        raise typer.Exit(EXIT_USAGE)
    from kg.query.formats import format_result
    from kg.query.sparql import run_query

    try:
        if name is not None:
            from kg.query.named import get, parse_params

            text = get(name).bind(parse_params(param or []))
        else:
            text = sparql if sparql is not None else _read_query(file)
        result = run_query(
            source, text, timeout=timeout, limit_rows=limit_rows, allow_service=allow_service
        )
        echo_text(format_result(result, fmt), for_people=fmt == "table")
    except KgError as exc:
        raise fail(exc) from exc
    if result.truncated:
        err(f"warning: results truncated to the first {limit_rows} (raise --limit-rows)")


def _read_query(path: Path | None) -> str:
    from kg.errors import QueryError

    assert path is not None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file {path}: {exc}") from exc


def queries() -> None:
    """List the named queries and their parameters."""
    from kg.query.named import load

    for name, query in load().items():
        typer.echo(f"{name}\n    {query.title}")
        for p in query.params:
            typer.echo(f"    --param {p.name}=...  {p.kind}, {p.describe()}: {p.help}")
    typer.echo('\nrun one with: kg query SOURCE --name NAME [--param name="value"]')


def serve(
    source: Annotated[
        Path, typer.Argument(help="A store directory, an OUT directory or an RDF file.")
    ],
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (localhost unless told).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port.")] = 8000,
    allow_service: AllowServiceOpt = False,
    timeout: TimeoutOpt = 30.0,
    limit_rows: LimitRowsOpt = 10_000,
) -> None:
    """Serve a read-only SPARQL 1.1 endpoint at /sparql (and graph.html at /)."""
    from kg.query.serve import Settings, make_server

    settings = Settings(timeout=timeout, limit_rows=limit_rows, allow_service=allow_service)
    try:
        server = make_server(source, host, port, settings)
    except (KgError, OSError) as exc:
        err(f"error: {exc}")
        raise typer.Exit(EXIT_ERROR) from exc
    bound_host, bound_port = server.socket.getsockname()[:2]  # as bound: port 0 picks one
    err(f"serving {source} at http://{bound_host}:{bound_port}/sparql (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
