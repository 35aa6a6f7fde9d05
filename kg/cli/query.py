"""Commands around the on-disk store and SPARQL: `kg build --store`, `kg export`,
`kg queries` and `kg serve`. Thin, like kg.cli: the work is in kg.store, kg.named_queries
and kg.serve.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli_options import AllowServiceOpt, LimitRowsOpt, TimeoutOpt
from kg.errors import KgError

EXIT_ERROR = 1
EXIT_PARTIAL = 3


def _err(message: str) -> None:
    typer.echo(message, err=True)


def build_config(model: str | None, processes: int, batch_size: int):
    from kg.config import BuildConfig

    return BuildConfig(model=model, processes=processes, batch_size=batch_size)


def build_store_command(
    paths: list[str], store: Path, out: Path | None, config, quiet: bool, on_count, on_done
) -> int:
    """`kg build PATHS --store DIR [-o OUT]`; returns the exit code."""
    from kg.build import write_outputs
    from kg.store import build_store, size, store_quads

    try:
        report = build_store(paths, store, config, progress=on_done, on_article_count=on_count)
        for item in report.skipped:
            _err(f"skipped {item.origin}: {item.reason}")
        if not report.read:
            _err("error: no article could be read; the store was not changed")
            return EXIT_ERROR
        files = write_outputs(store_quads(store), out) if out is not None else []
        triples, articles = size(store)
    except KgError as exc:
        _err(f"error: {exc}")
        return EXIT_ERROR
    if not quiet:
        typer.echo(
            f"store {store}: {report.added} added, {report.replaced} replaced, "
            f"{report.unchanged} unchanged"
            + (f", {len(report.skipped)} skipped" if report.skipped else "")
            + f"; now {articles} article(s), {triples} triples"
        )
        for path in files:
            typer.echo(f"  {path}")
    return EXIT_PARTIAL if report.skipped else 0


def register(app: typer.Typer) -> None:
    app.command(name="export")(export)
    app.command(name="queries")(queries)
    app.command(name="serve")(serve)


def export(
    store: Annotated[Path, typer.Argument(help="A store directory (`kg build --store`).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory (replaced).")] = Path(
        "out"
    ),
) -> None:
    """Write graph.trig, graph.ttl and graph.jsonld from a store."""
    from kg.store import export_store, is_store

    if not is_store(store):
        _err(f"error: {store} is not a store directory (build one with `kg build --store`)")
        raise typer.Exit(EXIT_ERROR)
    try:
        files = export_store(store, out)
    except KgError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(EXIT_ERROR) from exc
    for path in files:
        typer.echo(f"  {path}  ({path.stat().st_size:,} bytes)")


def queries() -> None:
    """List the named queries and their parameters."""
    from kg.named_queries import load

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
    from kg.serve import Settings, make_server

    settings = Settings(timeout=timeout, limit_rows=limit_rows, allow_service=allow_service)
    try:
        server = make_server(source, host, port, settings)
    except (KgError, OSError) as exc:
        _err(f"error: {exc}")
        raise typer.Exit(EXIT_ERROR) from exc
    bound_host, bound_port = server.server_address[:2]
    _err(f"serving {source} at http://{bound_host}:{bound_port}/sparql (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
