"""What the `kg` commands share: exit codes, error messages, and options used by several."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.errors import KgError

EXIT_ERROR = 1  # error: nothing written
EXIT_USAGE = 2  # bad arguments
EXIT_PARTIAL = 3  # built, but some inputs were skipped


def err(message: str) -> None:
    """Print `message` on stderr."""
    typer.echo(message, err=True)


def fail(exc: KgError) -> typer.Exit:
    """Report a library error on stderr; the exit to raise for it (`raise fail(exc) from exc`)."""
    err(f"error: {exc}")
    return typer.Exit(EXIT_ERROR)


ModelOpt = Annotated[
    str | None,
    typer.Option("--model", "-m", help="spaCy pipeline to use (an installed package or path)."),
]
AllowServiceOpt = Annotated[
    bool, typer.Option("--allow-service", help="Allow federated SERVICE calls.")
]
TimeoutOpt = Annotated[
    float, typer.Option("--timeout", min=0.1, help="Stop a query after this many seconds.")
]
LimitRowsOpt = Annotated[
    int, typer.Option("--limit-rows", min=1, help="Keep at most this many rows.")
]
