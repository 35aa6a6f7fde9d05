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

MemoryLimitOpt = Annotated[
    str,
    typer.Option(
        "--memory-limit",
        metavar="SIZE",
        help="Memory per query, e.g. 512M or 2G ('auto': half the machine's, shared; 0: none).",
    ),
]


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
    memory_limit: MemoryLimitOpt = "auto",
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

    memory = _memory(memory_limit, workers=1)
    _warn_if_written(source)
    unknown: list[str] = []
    try:
        if name is not None:
            from kg.query.named import get, parse_params, unknown_names

            named, values = get(name), parse_params(param or [])
            text = named.bind(values)
        else:
            text = sparql if sparql is not None else _read_query(file)
        result = run_query(
            source,
            text,
            timeout=timeout,
            limit_rows=limit_rows,
            allow_service=allow_service,
            memory_limit=memory,
        )
        if name is not None and result.kind == "select" and not result.rows:
            # 0 rows for a name the graph does not know: say so rather than answer nothing
            from kg.query.sparql import load_store

            graph = load_store(source)
            unknown = unknown_names(named, values, lambda q: run_query(graph, q))
        if not unknown:
            echo_text(format_result(result, fmt), for_people=fmt == "table")
    except KgError as exc:
        raise fail(exc) from exc
    if unknown:
        for message in unknown:
            err(f"error: {message}")
        raise typer.Exit(EXIT_ERROR)
    if result.truncated:
        err(f"warning: results truncated to the first {limit_rows} (raise --limit-rows)")


def _warn_if_written(source: Path) -> None:
    from kg.store.disk import is_store, writer

    pid = writer(source) if is_store(source) else None
    if pid is not None:
        err(
            f"note: a kg build (process {pid}) is writing {source}; the answer comes from "
            "the store as it was before that build's unfinished writes"
        )


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
        str,
        typer.Option(
            "--host", help="Address to listen on, and the host name to answer for (localhost)."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port.")] = 8000,
    allow_service: AllowServiceOpt = False,
    timeout: TimeoutOpt = 30.0,
    limit_rows: LimitRowsOpt = 10_000,
    memory_limit: MemoryLimitOpt = "auto",
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=64, help="Queries run at once (processes).")
    ] = 8,
    queue: Annotated[
        int,
        typer.Option("--queue", min=0, help="Requests that may wait for a worker (then 503)."),
    ] = 16,
    cors: Annotated[
        str | None,
        typer.Option(
            "--cors",
            metavar="ORIGIN,...",
            help="Let web pages of these origins query from a browser ('*': any origin).",
        ),
    ] = None,
) -> None:
    """Serve a read-only SPARQL 1.1 endpoint at /sparql (a query page at /query, and
    graph.html at /)."""
    from kg.query.serve import Settings, make_server

    settings = Settings(
        timeout=timeout,
        limit_rows=limit_rows,
        allow_service=allow_service,
        workers=workers,
        queue=queue,
        memory_limit=_memory(memory_limit, workers),
        cors=_origins(cors),
    )
    try:
        server = make_server(source, host, port, settings, notify=err)
    except (KgError, OSError) as exc:
        err(f"error: {exc}")
        raise typer.Exit(EXIT_ERROR) from exc
    bound_host, bound_port = server.server_address
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    err(f"serving {source} at http://{shown}:{bound_port}/sparql (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


_UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}


def _memory(text: str, workers: int) -> int | None:
    """Bytes from a size such as 512M or 2G; 'auto' sizes it to the machine."""
    from kg.query.serve import default_memory_limit

    value = text.strip().upper().removesuffix("IB").removesuffix("B")
    if value == "AUTO":
        return default_memory_limit(workers)
    number, unit = value.rstrip("KMGT"), value[len(value.rstrip("KMGT")) :]
    try:
        size = float(number) * _UNITS[unit]
    except (KeyError, ValueError):
        err(f"error: --memory-limit takes a size such as 512M or 2G, or auto, not {text!r}")
        raise typer.Exit(EXIT_USAGE) from None
    if size and size < 64 * 2**20:
        err("error: --memory-limit below 64M leaves a query no room to run")
        raise typer.Exit(EXIT_USAGE)
    return int(size)


def _origins(text: str | None) -> tuple[str, ...]:
    if text is None:
        return ()
    origins = tuple(o.strip().rstrip("/") for o in text.split(",") if o.strip())
    for origin in origins:
        if origin != "*" and not origin.startswith(("http://", "https://")):
            err(f"error: --cors takes origins such as https://example.org, not {origin!r}")
            raise typer.Exit(EXIT_USAGE)
    return origins or ("*",)
