"""Oxigraph's syntax errors as messages a person can act on: the line, a caret under the
spot, the grammar's noise removed, and a misspelt keyword named with its likely spelling.

Oxigraph reports where its parser stopped and what it expected there; for `SELEC *` that
is "expected one of VERSION" at the end of the text, since nothing after an unknown word
can be read. So a word that is not SPARQL but is close to a keyword is named first
("'SELEC' is not a SPARQL keyword: did you mean SELECT?"), and a query that does not open
with a query form is told which forms there are.
"""

from __future__ import annotations

import difflib
import re

_ERROR_AT = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)
_PNAME_BEFORE = re.compile(r"([A-Za-z][\w.-]*)?:[\w.-]*$")
_MESSAGE_MAX = 200
FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
KEYWORDS = FORMS + (
    "PREFIX", "BASE", "WHERE", "FROM", "NAMED", "DISTINCT", "REDUCED", "AS", "OPTIONAL",
    "UNION", "MINUS", "GRAPH", "SERVICE", "SILENT", "FILTER", "BIND", "VALUES", "UNDEF",
    "ORDER", "BY", "ASC", "DESC", "GROUP", "HAVING", "LIMIT", "OFFSET", "EXISTS", "NOT", "IN",
    "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT", "SEPARATOR", "STR",
    "LANG", "LANGMATCHES", "DATATYPE", "BOUND", "IRI", "URI", "BNODE", "RAND", "ABS", "CEIL",
    "FLOOR", "ROUND", "CONCAT", "STRLEN", "UCASE", "LCASE", "ENCODE_FOR_URI", "CONTAINS",
    "STRSTARTS", "STRENDS", "STRBEFORE", "STRAFTER", "YEAR", "MONTH", "DAY", "HOURS",
    "MINUTES", "SECONDS", "TIMEZONE", "TZ", "NOW", "UUID", "STRUUID", "MD5", "SHA1",
    "SHA256", "SHA384", "SHA512", "COALESCE", "IF", "STRLANG", "STRDT", "SAMETERM",
    "ISIRI", "ISURI", "ISBLANK", "ISLITERAL", "ISNUMERIC", "REGEX", "SUBSTR", "REPLACE",
)  # fmt: skip
_KNOWN = {k.lower() for k in KEYWORDS} | {"a", "true", "false"}
# Bare words: not a variable, prefixed name, IRI, language tag or number.
_WORD = re.compile(r"(?<![\w?$:@<#.-])[A-Za-z_]+(?![\w:(-])")
_PROLOGUE = re.compile(
    r"(?:\s+|\#[^\n]*|PREFIX\s*[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.IGNORECASE
)


def syntax_message(sparql: str, error: str, predeclared: tuple[str, ...] = ()) -> str:
    """The message for Oxigraph's `error` ("error at LINE:COL: detail") on `sparql`."""
    match = _ERROR_AT.match(error)
    if not match:
        return f"malformed SPARQL query: {error}"
    line_no, col_no, detail = int(match.group(1)), int(match.group(2)), match.group(3)
    lines = sparql.split("\n")
    opening = _bad_opening(sparql)
    if opening is not None:
        line_no, col_no, detail = opening
    else:
        line_no, col_no = _off_the_tail(lines, line_no, col_no)
        line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
        detail, col_no = _explain(detail, line, col_no, predeclared)
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    # Keep tabs in the caret's lead so it lines up under a tab-indented line.
    lead = "".join(ch if ch == "\t" else " " for ch in line[: col_no - 1])
    return (
        f"malformed SPARQL query at line {line_no}, column {col_no}: {detail}\n  {line}\n  {lead}^"
    )


def _bad_opening(sparql: str) -> tuple[int, int, str] | None:
    """(line, column, message) when the first word after the prologue is no query form."""
    start = _PROLOGUE.match(sparql)
    offset = start.end() if start else 0
    word = re.match(r"[A-Za-z_]+", sparql[offset:])
    if word is None or word.group(0).upper() in FORMS:
        return None
    found = word.group(0)
    hint = _closest(found, FORMS)
    detail = (
        f"a query starts with {', '.join(FORMS[:-1])} or {FORMS[-1]} (after any PREFIX and "
        f"BASE lines), not '{found}'" + (f": did you mean {hint}?" if hint else "")
    )
    before = sparql[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1, detail


def _off_the_tail(lines: list[str], line_no: int, col_no: int) -> tuple[int, int]:
    """The parser often reports the end of the text; point at the last token instead."""
    offset = sum(len(line) + 1 for line in lines[: line_no - 1]) + col_no - 1
    text = "\n".join(lines)
    end = len(text.rstrip())
    if offset < end or end == 0:
        return line_no, col_no
    before = text[: end - 1]
    return before.count("\n") + 1, end - (before.rfind("\n") + 1)


def _explain(detail: str, line: str, col_no: int, predeclared: tuple[str, ...]) -> tuple[str, int]:
    """Make pyoxigraph's grammar-level message readable; return it with a better column."""
    if "Prefix not found" in detail:
        # The parser stops after the prefixed name; point at its start instead.
        pname = _PNAME_BEFORE.search(line[: col_no - 1])
        name = f"'{pname.group(1) or ''}:' " if pname else ""
        col_no = pname.start() + 1 if pname else col_no
        return (
            f"undeclared prefix {name}- declare it with PREFIX name: <iri> "
            f"(predeclared: {', '.join(predeclared)})"
        ), col_no
    # "[_]" is the grammar's "any character": noise to a reader.
    detail = " ".join(re.sub(r"\[_\],?\s*|,\s*\[_\]", "", detail).split())
    if len(detail) > _MESSAGE_MAX:
        detail = detail[:_MESSAGE_MAX].rstrip(", ") + " …"
    misspelt = _misspelt_word(line[: col_no + 1])
    if misspelt is not None:
        word, start, hint = misspelt
        return f"'{word}' is not a SPARQL keyword: did you mean {hint}? ({detail})", start + 1
    return detail, col_no


def _misspelt_word(text: str) -> tuple[str, int, str] | None:
    """The last of the three bare words before the error that is close to a keyword."""
    words = list(_WORD.finditer(text))[-3:]
    for match in reversed(words):
        word = match.group(0)
        if word.lower() in _KNOWN:
            continue
        hint = _closest(word, KEYWORDS)
        if hint:
            return word, match.start(), hint
    return None


def _closest(word: str, choices: tuple[str, ...]) -> str | None:
    found = difflib.get_close_matches(word.upper(), choices, n=1, cutoff=0.75)
    return found[0] if found else None
