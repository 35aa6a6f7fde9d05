"""The `kg` command line. Thin: check arguments, call the library, map errors to exit codes.

Exit codes: 0 success; 1 error (nothing written); 2 usage error; 3 built, but some inputs
were skipped (each is listed on stderr).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.cli_options import AllowServiceOpt, LimitRowsOpt, TimeoutOpt
from kg.errors import KgError

EXIT_ERROR = 1
EXIT_PARTIAL = 3

app = typer.Typer(
    help="Build, query, validate and evaluate knowledge graphs of news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _fail(exc: KgError) -> typer.Exit:
    _err(f"error: {exc}")
    return typer.Exit(EXIT_ERROR)


ModelOpt = Annotated[
    str | None,
    typer.Option("--model", "-m", help="spaCy pipeline to use (an installed package or path)."),
]


@app.command()
def build(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or globs of articles.")],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Output directory (replaced); default out, or none with --store."
        ),
    ] = None,
    model: ModelOpt = None,
    processes: Annotated[
        int, typer.Option("--processes", "-p", min=1, help="Worker processes.")
    ] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per spaCy batch.")] = 16,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")
    ] = False,
    dask: Annotated[
        str | None,
        typer.Option("--dask", metavar="ADDRESS", help="Extract on this Dask scheduler's workers."),
    ] = None,
    graph_store: Annotated[
        str | None,
        typer.Option(
            "--graph-store",
            metavar="URL",
            help="PUT each named graph to this SPARQL Graph Store endpoint instead of OUT.",
        ),
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            metavar="DIR",
            help="Add new and changed articles to this on-disk Oxigraph store (and write OUT "
            "from it when -o is given too).",
        ),
    ] = None,
) -> None:
    """Build the graph from articles (.txt .md .html .jsonl) and write it to OUT."""
    if store is not None and (dask or graph_store):
        _err("error: --store cannot be combined with --dask or --graph-store")
        raise typer.Exit(2)
    if store is not None:
        from kg import cli_store

        config = cli_store.build_config(model, processes, batch_size)
        with _progress(quiet) as (on_count, on_done):
            code = cli_store.build_store_command(
                paths, store, out, config, quiet, on_count, on_done
            )
        raise typer.Exit(code)
    out = out if out is not None else Path("out")
    from kg.build import build as run_build
    from kg.build import write_outputs
    from kg.config import BuildConfig
    from kg.summary import summarise

    config = BuildConfig(model=model, processes=processes, batch_size=batch_size)
    try:
        extractor = None
        if dask:
            from kg.distributed import dask_extractor

            extractor = dask_extractor(dask)
        with _progress(quiet) as (on_count, on_done):
            result = run_build(
                paths, config, progress=on_done, on_article_count=on_count, extractor=extractor
            )
        for item in result.skipped:
            _err(f"skipped {item.origin}: {item.reason}")
        if not result.extractions:
            _err("error: no article could be read; nothing was written")
            raise typer.Exit(EXIT_ERROR)
        if graph_store:
            from kg.distributed import put_graphs

            files = []
            written = put_graphs(result.quads, graph_store)
            if not quiet:
                typer.echo(f"wrote {written} named graph(s) to {graph_store}")
        else:
            files = write_outputs(result.quads, out)
    except KgError as exc:
        raise _fail(exc) from exc
    if not quiet:
        typer.echo(summarise(result, files))
    if result.skipped:
        raise typer.Exit(EXIT_PARTIAL)


class _progress:
    """A rich progress bar on stderr while articles are extracted (silent when quiet)."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet or not sys.stderr.isatty()
        self.bar = None
        self.task = None

    def __enter__(self):
        if self.quiet:
            return (lambda n: None), (lambda n: None)
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.bar = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.start()

        def on_count(total: int) -> None:
            self.task = self.bar.add_task("extracting", total=total)

        def on_done(n: int) -> None:
            if self.task is not None:
                self.bar.advance(self.task, n)

        return on_count, on_done

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command()
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
        _err("error: give the query as an argument, with --file or with --name (one of them)")
        raise typer.Exit(2)
    if param and name is None:
        _err("error: --param goes with --name")
        raise typer.Exit(2)
    if fmt not in ("table", "csv", "tsv", "json"):
        _err(f"error: unknown --format {fmt!r}; use table, csv, tsv or json")
        raise typer.Exit(2)
    from kg.query import format_result, run_query

    try:
        if name is not None:
            from kg.named_queries import get, parse_params

            text = get(name).bind(parse_params(param or []))
        else:
            text = sparql if sparql is not None else _read_query(file)
        result = run_query(
            source, text, timeout=timeout, limit_rows=limit_rows, allow_service=allow_service
        )
        typer.echo(format_result(result, fmt))
    except KgError as exc:
        raise _fail(exc) from exc
    if result.truncated:
        _err(f"warning: results truncated to the first {limit_rows} (raise --limit-rows)")


def _read_query(path: Path | None) -> str:
    from kg.errors import QueryError

    assert path is not None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file {path}: {exc}") from exc


@app.command()
def validate(
    source: Annotated[Path, typer.Argument(help="An OUT directory or an RDF file.")],
) -> None:
    """Check a graph against the SHACL shapes in ontology/shapes.ttl."""
    from kg.validate import validate as run_validate

    try:
        report = run_validate(source)
    except KgError as exc:
        raise _fail(exc) from exc
    if report.conforms:
        typer.echo("conforms: no SHACL violations")
        return
    for v in report.violations:
        typer.echo(f"{v.severity}: {v.focus} {v.path or ''}: {v.message}")
    typer.echo(f"{len(report.violations)} violation(s)")
    raise typer.Exit(EXIT_ERROR)


@app.command(name="eval")
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
        _err("error: give either GOLD_DIR or --conll04 FILE")
        raise typer.Exit(2)
    if conll04 is not None:
        _eval_conll04(conll04, model, limit, as_json)
        return
    import json

    from kg.build import build as run_build
    from kg.config import BuildConfig
    from kg.evaluate import format_report, gold_article_paths, load_gold, report_to_json, score

    try:
        gold = load_gold(gold_dir)
        paths = gold_article_paths(gold, gold_dir)
        result = run_build([str(p) for p in paths], BuildConfig(model=model))
        for item in result.skipped:
            _err(f"skipped {item.origin}: {item.reason}")
        report = score(result.dataset, gold)
    except KgError as exc:
        raise _fail(exc) from exc
    if as_json:
        typer.echo(json.dumps(report_to_json(report), indent=2))
    else:
        typer.echo(format_report(report))


def _eval_conll04(path: Path, model: str | None, limit: int | None, as_json: bool) -> None:
    import dataclasses
    import json

    from kg.conll import evaluate_conll04, format_conll_report
    from kg.nlp import load_nlp

    try:
        report = evaluate_conll04(path, nlp=load_nlp(model), limit=limit)
    except KgError as exc:
        raise _fail(exc) from exc
    if as_json:
        typer.echo(json.dumps(dataclasses.asdict(report), indent=2, default=str))
    else:
        typer.echo(format_conll_report(report))


from kg import cli_graph  # noqa: E402

cli_graph.register(app)
from kg import cli_store  # noqa: E402

cli_store.register(app)


def main() -> None:
    app()
