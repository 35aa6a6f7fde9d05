"""The `kg` command line. Thin: check arguments, call the library, map errors to exit codes.

Exit codes: 0 success; 1 error (nothing written); 2 usage error; 3 built, but some inputs
were skipped (each is listed on stderr).

Each command lives in the module of its group (kg.cli.build, .query, .check, .graph); this
module makes the app and names the commands, in the order `kg --help` lists them.
"""

from __future__ import annotations

import typer

from kg.cli import build, check, entities, graph, query

app = typer.Typer(
    help="Build, query, validate and evaluate knowledge graphs of news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command(name="build")(build.build)
app.command(name="query")(query.query)
app.command(name="validate")(check.validate)
app.command(name="eval")(check.evaluate)
app.command(name="path")(graph.path)
app.command(name="stats")(graph.stats)
app.command(name="export-graph")(graph.export_graph)
app.command(name="export")(build.export)
app.command(name="queries")(query.queries)
app.command(name="serve")(query.serve)
app.command(name="entities")(entities.entities)


def main() -> None:
    app()
