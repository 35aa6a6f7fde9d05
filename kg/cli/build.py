"""`kg build` (from articles, into OUT, a store, or a Graph Store) and `kg export` (a store's
RDF files into OUT)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kg.cli.common import (
    EXIT_ERROR,
    EXIT_PARTIAL,
    EXIT_USAGE,
    ModelOpt,
    err,
    fail,
    report_skipped,
    shown,
)
from kg.cli.progress import BuildProgress
from kg.errors import KgError

ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Replace OUT even when it is not empty and kg did not write it."),
]

if TYPE_CHECKING:
    from kg.config import BuildConfig


def build(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH...", help="Files, directories or globs of articles."),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Output directory, replaced whole (if absent, empty or kg's own; see "
            "--force); default out, or none with --store.",
        ),
    ] = None,
    model: ModelOpt = None,
    processes: Annotated[
        int, typer.Option("--processes", "-p", min=1, metavar="N", help="Worker processes.")
    ] = 1,
    batch_size: Annotated[
        int, typer.Option(min=1, metavar="N", help="Articles per spaCy batch.")
    ] = 16,
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
    force: ForceOpt = False,
    base: Annotated[
        str | None,
        typer.Option(
            "--base",
            metavar="IRI",
            help="Mint the graph's IRIs under this base (IRI/id/...); default "
            "https://kg.example.org. Recorded in the meta graph.",
        ),
    ] = None,
    stream_batch: Annotated[
        int,
        typer.Option(
            min=0,
            hidden=True,  # for tests and bench/scale.py: the files are the same either way
            help="Articles per sorted run when building into OUT; 0 holds the whole graph "
            "in memory instead.",
        ),
    ] = 200,
) -> None:
    """Build the graph from articles (.txt .md .html .jsonl) and write it to OUT."""
    if store is not None and (dask or graph_store):
        err("error: --store cannot be combined with --dask or --graph-store")
        raise typer.Exit(EXIT_USAGE)
    from kg.config import BuildConfig

    config = BuildConfig(model=model, processes=processes, batch_size=batch_size)
    if base is not None:
        config = replace(config, base=_checked_base(base))
    progress = BuildProgress(quiet)
    if store is not None:
        _check_store_base(store, config.base)
        if out is not None:
            _check_out(out, paths, store, force)
        raise typer.Exit(_build_store(paths, store, out, config, quiet, progress, force))
    out = out if out is not None else Path("out")
    if not graph_store:
        _check_out(out, paths, None, force)
    from kg.builder.run import build as run_build
    from kg.cli.summary import summarise
    from kg.output import OUTPUT_FILES, write_outputs

    if stream_batch and not dask and not graph_store:
        raise typer.Exit(_build_out(paths, out, config, stream_batch, quiet, progress, force))
    try:
        extractor = None
        if dask:
            from kg.builder.cluster import dask_extractor

            extractor = dask_extractor(dask)
        with progress:
            progress.stage("reading the articles")
            result = run_build(
                paths,
                config,
                progress=progress.on_done,
                on_article_count=progress.on_count,
                extractor=extractor,
            )
        for item in result.skipped:
            report_skipped(item)
        if not result.extractions:
            err("error: no article could be read; nothing was written")
            raise typer.Exit(EXIT_ERROR)
        if graph_store:
            from kg.store.graph_store import put_graphs

            files = []
            progress.stage(f"writing the named graphs to {graph_store}")
            written = put_graphs(result.quads, graph_store)
            if not quiet:
                typer.echo(f"wrote {written} named graph(s) to {graph_store}")
        else:
            progress.stage(f"writing {shown(str(out))}: {', '.join(OUTPUT_FILES)}")
            files = write_outputs(result.quads, out, force=force)
    except KgError as exc:
        raise fail(exc) from exc
    if not quiet:
        typer.echo(summarise(result, files))
    if result.skipped:
        raise typer.Exit(EXIT_PARTIAL)


def _build_out(
    paths: list[str],
    out: Path,
    config: BuildConfig,
    batch: int,
    quiet: bool,
    progress: BuildProgress,
    force: bool,
) -> int:
    """`kg build PATHS -o OUT`, streaming (kg.output.build_outputs); returns the exit code."""
    from kg.cli.summary import summarise
    from kg.output import OUTPUT_FILES, build_outputs

    try:
        with progress:
            progress.stage("reading the articles")
            built, files = build_outputs(
                paths,
                out,
                config,
                force=force,
                batch=batch,
                on_writing=lambda: progress.stage(
                    f"writing {shown(str(out))}: {', '.join(OUTPUT_FILES)}"
                ),
                progress=progress.on_done,
                on_article_count=progress.on_count,
            )
    except KgError as exc:
        raise fail(exc) from exc
    for item in built.skipped:
        report_skipped(item)
    if not files:
        err("error: no article could be read; nothing was written")
        return EXIT_ERROR
    if not quiet:
        typer.echo(summarise(built, files))
    return EXIT_PARTIAL if built.skipped else 0


def _build_store(
    paths: list[str],
    store: Path,
    out: Path | None,
    config: BuildConfig,
    quiet: bool,
    progress: BuildProgress,
    force: bool,
) -> int:
    """`kg build PATHS --store DIR [-o OUT]`; returns the exit code."""
    from kg.output import OUTPUT_FILES, write_outputs
    from kg.store.disk import size, store_quads
    from kg.store.incremental import build_store

    try:
        with progress:
            progress.stage(f"reading the articles for the store {shown(str(store))}")
            report = build_store(
                paths,
                store,
                config,
                progress=progress.on_done,
                on_article_count=progress.on_count,
            )
        for item in report.skipped:
            report_skipped(item)
        if not report.read:
            err("error: no article could be read; the store was not changed")
            return EXIT_ERROR
        files = []
        if out is not None:
            progress.stage(f"writing {shown(str(out))} from the store: {', '.join(OUTPUT_FILES)}")
            files = write_outputs(store_quads(store), out, force=force)
        triples, articles = size(store)
    except KgError as exc:
        err(f"error: {exc}")
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


def export(
    store: Annotated[Path, typer.Argument(help="A store directory (`kg build --store`).")],
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", help="Output directory, replaced whole (if absent, empty or kg's own)."
        ),
    ] = Path("out"),
    force: ForceOpt = False,
) -> None:
    """Write graph.trig, graph.ttl and graph.jsonld from a store."""
    from kg.output import export_store
    from kg.store.disk import is_store

    if not is_store(store):
        err(f"error: {store} is not a store directory (build one with `kg build --store`)")
        raise typer.Exit(EXIT_ERROR)
    try:
        files = export_store(store, out, force=force)
    except KgError as exc:
        err(f"error: {exc}")
        raise typer.Exit(EXIT_ERROR) from exc
    for path in files:
        typer.echo(f"  {path}  ({path.stat().st_size:,} bytes)")


def _checked_base(base: str) -> str:
    from kg.rdf.iri import check_base

    try:
        return check_base(base)
    except KgError as exc:
        err(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from exc


def _check_store_base(store: Path, base: str) -> None:
    """A store holds one base: articles minted under another would be other articles."""
    from kg.store.disk import is_store, open_read_only

    if not is_store(store):
        return
    bases = _recorded_bases(open_read_only(store))
    if bases and base not in bases:
        err(
            f"error: the store {shown(str(store))} holds IRIs minted under "
            f"{', '.join(sorted(bases))}; build into it with --base {min(bases)}, "
            "or use another store for this base"
        )
        raise typer.Exit(EXIT_USAGE)


def _recorded_bases(store) -> set[str]:
    """The bases the build runs recorded in a store's meta graph (kg:baseIRI, or before
    that the "base" of their kg:config)."""
    import json

    import pyoxigraph as ox

    from kg.rdf.namespace import KG

    bases = set()
    for predicate in (KG.baseIRI, KG.config):
        for quad in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, None):
            if predicate == KG.baseIRI:
                bases.add(quad.object.value)
            else:
                try:
                    bases.add(str(json.loads(quad.object.value)["base"]))
                except (ValueError, KeyError, TypeError):
                    continue
    return bases


def _check_out(out: Path, paths: list[str], store: Path | None, force: bool) -> None:
    """Refuse, before any work is done, an OUT that may not be replaced (kg.output)."""
    from kg.output import check_out

    try:
        check_out(out, inputs=paths, store=store, force=force)
    except KgError as exc:
        raise fail(exc) from exc
