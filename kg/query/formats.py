"""A query's result for people and programs: a table, CSV, TSV or SPARQL JSON; for
CONSTRUCT and DESCRIBE, Turtle (the table) or JSON-LD (json).

CSV, TSV, JSON, JSON-LD and Turtle come from pyoxigraph's own writers; the table (rich)
shortens IRIs with kg's prefixes and shows control characters from article text escaped.
"""

from __future__ import annotations

import io
import re
import shutil
import sys
import unicodedata

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.errors import QueryError
from kg.query.render import triples_as
from kg.query.sparql import PREFIXES, QueryResult

FORMATS = ("table", "csv", "tsv", "json")
_RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}


def format_result(result: QueryResult, fmt: str) -> str:
    """Render a result as "table", "csv", "tsv" or "json"; CONSTRUCT and DESCRIBE give
    Turtle for "table" and JSON-LD for "json" (CSV and TSV hold solutions, not triples)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if result.kind == "graph":
        if fmt == "json":
            data = ox.serialize(list(result.ox_triples), format=ox.RdfFormat.JSON_LD) or b""
            return data.decode("utf-8")
        if fmt in ("csv", "tsv"):
            raise QueryError(
                f"a CONSTRUCT or DESCRIBE query gives triples, which {fmt.upper()} cannot "
                "hold: use --format table for Turtle or --format json for JSON-LD"
            )
        return turtle(result.ox_triples)
    if result.kind == "ask":
        if fmt == "table":
            return "true" if result.boolean else "false"
    elif fmt == "table":
        return _table(result)
    parsed = ox.parse_query_results(result.results_json, ox.QueryResultsFormat.JSON)
    return (parsed.serialize(format=_RESULT_FORMATS[fmt]) or b"").decode("utf-8")


def turtle(triples: tuple[ox.Triple, ...]) -> str:
    """CONSTRUCT or DESCRIBE triples as Turtle, with kg's prefixes."""
    # Only the prefixes the triples use are declared, so a small answer stays small.
    return triples_as(list(triples), "text/turtle", PREFIXES, False, 0).decode("utf-8")


def _table(result: QueryResult) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    tty = sys.stdout.isatty()
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=shutil.get_terminal_size((120, 24)).columns if tty else 120,
        force_terminal=tty,
        color_system="standard" if tty else None,
        highlight=False,
    )
    n = len(result.rows)
    table = Table(caption=f"{n} row{'' if n == 1 else 's'}", show_lines=False)
    for name in result.variables:
        # fold: long IRIs and texts wrap onto more lines instead of being cut with "…"
        table.add_column(Text(name), overflow="fold")
    for row in result.rows:
        # Text, not str: rich would read "[b]" in article text as markup
        table.add_row(*(Text(_display(term)) for term in row))
    console.print(table)
    return buffer.getvalue().rstrip("\n")


def _display(term) -> str:
    """A short, readable rendering of a term for the table (csv/tsv/json are the exact ones)."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for name, iri in PREFIXES.items():
            local = term[len(iri) :]
            if term.startswith(iri) and re.fullmatch(r"[\w-]+", local or "-"):
                return f"{name}:{local}"
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = _visible(str(term))
        return f"{text}@{term.language}" if term.language else text
    return _visible(str(term))


def _visible(text: str) -> str:
    # Control characters from article text must not reach the terminal as escape codes.
    return "".join(
        ch if ch in "\n\t" or unicodedata.category(ch) != "Cc" else f"\\x{ord(ch):02x}"
        for ch in text
    )
