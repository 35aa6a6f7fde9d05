"""What the `kg` commands share: exit codes, error messages, and options used by several."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from kg.errors import KgError
from kg.ingest.check import BIDI_CONTROLS

if TYPE_CHECKING:
    from kg.model import Skipped

EXIT_ERROR = 1  # error: nothing written
EXIT_USAGE = 2  # bad arguments
EXIT_PARTIAL = 3  # built, but some inputs were skipped


def err(message: str) -> None:
    """Print `message` on stderr."""
    typer.echo(message, err=True)


# What a terminal must not be sent as is: C0 and C1 controls (but tab and newline), DEL,
# the Unicode line separators and the bidirectional controls, which can reorder what a
# line appears to say ("Trojan Source"). Each is shown as an escape, \u202e.
_UNSAFE = frozenset(
    [*map(chr, range(0x20)), *map(chr, range(0x7F, 0xA0)), "\u2028", "\u2029", *BIDI_CONTROLS]
) - {"\t", "\n"}
_ESCAPES = {ord(ch): f"\\u{ord(ch):04x}" for ch in _UNSAFE}
_NAME_ESCAPES = {**_ESCAPES, ord("\n"): "\\n", ord("\t"): "\\t"}


def for_terminal(text: str) -> str:
    """`text` with the characters a terminal would act on (controls, bidirectional
    overrides) escaped; tabs and newlines are kept."""
    return text.translate(_ESCAPES)


def echo_text(text: str, *, for_people: bool = True) -> None:
    """Print `text` on stdout, escaped for the terminal when it is meant for people (a
    table, a report) or when stdout is a terminal; data piped to a tool is left exact."""
    import sys

    typer.echo(for_terminal(text) if for_people or sys.stdout.isatty() else text)


def shown(name: str) -> str:
    """A file name (or any one-line value) as a message prints it: as it is, or in quotes
    with escapes when it holds a newline, a control or a bidirectional character, so that
    one message is always one line that shows what the name really is."""
    if name.translate(_NAME_ESCAPES) == name and name.strip() == name:
        return name
    quoted = name.replace("\\", "\\\\").replace("'", "\\'")
    return "'" + quoted.translate(_NAME_ESCAPES) + "'"


def report_skipped(item: Skipped) -> None:
    """The line that reports an input that was skipped: `skipped ORIGIN: REASON`."""
    err(f"skipped {shown(item.origin)}: {shown_reason(item.reason)}")


def shown_reason(reason: str) -> str:
    # A reason quotes names and values itself; it must stay on one line all the same.
    return reason.translate(_NAME_ESCAPES)


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
    float,
    typer.Option(
        "--timeout", min=0.1, metavar="SECONDS", help="Stop a query after this many seconds."
    ),
]
LimitRowsOpt = Annotated[
    int, typer.Option("--limit-rows", min=1, metavar="N", help="Keep at most this many rows.")
]
