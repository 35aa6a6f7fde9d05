"""The `kg` command line. Thin: check arguments, call the library, map errors to exit codes.

Exit codes: 0 success; 1 error (nothing written); 2 usage error; 3 built, but some inputs
were skipped (each is listed on stderr).

Each command lives in the module of its group (kg.cli.build, .query, .check, .graph); this
module makes the app and names the commands, in the order `kg --help` lists them.
"""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli import build, check, entities, graph, query
from kg.cli.help import KgCommand, KgGroup

app = typer.Typer(
    cls=KgGroup,
    help="Build, query, validate and evaluate knowledge graphs of news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from kg.version import __version__

        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print kg's version."
        ),
    ] = False,
) -> None:
    """Build, query, validate and evaluate knowledge graphs of news articles."""


app.command(name="build", cls=KgCommand)(build.build)
app.command(name="query", cls=KgCommand)(query.query)
app.command(name="validate", cls=KgCommand)(check.validate)
app.command(name="eval", cls=KgCommand)(check.evaluate)
app.command(name="path", cls=KgCommand)(graph.path)
app.command(name="stats", cls=KgCommand)(graph.stats)
app.command(name="export-graph", cls=KgCommand)(graph.export_graph)
app.command(name="export", cls=KgCommand)(build.export)
app.command(name="queries", cls=KgCommand)(query.queries)
app.command(name="serve", cls=KgCommand)(query.serve)
app.command(name="entities", cls=KgCommand)(entities.entities)


def main() -> None:
    app()
