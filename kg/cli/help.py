"""Help that reads like other command lines': `--quiet`, not `--quiet <bool>`; `--out OUT`,
not `--out <path>`; `kg build [OPTIONS] PATH...`, not `{paths}...`.

Typer shows a type for every parameter; these classes, given to every command and the
app, replace it with the conventional metavar: none for a flag, the option's name in
capitals for a value, the argument's name in capitals (with "..." when it takes several,
in brackets when optional) in the usage line.
"""

from __future__ import annotations

from typing import Any

import typer.core


class KgArgument(typer.core.TyperArgument):
    """An argument shown by its metavar alone, as in `kg build [OPTIONS] PATH...`."""

    def display_type_rich(self, ctx) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        return self.display_name_raw if self.required else f"[{self.display_name_raw}]"


def conventional(params: list[Any]) -> None:
    """Give each parameter its conventional metavar, in place."""
    for param in params:
        if isinstance(param, typer.core.TyperArgument):
            if param.metavar is None:
                param.metavar = param.name.upper() + ("..." if param.nargs != 1 else "")
            param.__class__ = KgArgument
        elif isinstance(param, typer.core.TyperOption) and param.metavar is None:
            # A flag takes no value: nothing to show after it.
            param.metavar = "" if param.is_flag or param.count else param.name.upper()


class KgCommand(typer.core.TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        conventional(self.params)

    def get_help_option(self, ctx):  # made when help is asked for, not with the others
        option = super().get_help_option(ctx)
        conventional([option])
        return option


class KgGroup(typer.core.TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        conventional(self.params)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        conventional([option])
        return option
