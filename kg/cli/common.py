"""Command-line options that several `kg` commands share."""

from __future__ import annotations

from typing import Annotated

import typer

AllowServiceOpt = Annotated[
    bool, typer.Option("--allow-service", help="Allow federated SERVICE calls.")
]
TimeoutOpt = Annotated[
    float, typer.Option("--timeout", min=0.1, help="Stop a query after this many seconds.")
]
LimitRowsOpt = Annotated[
    int, typer.Option("--limit-rows", min=1, help="Keep at most this many rows.")
]
