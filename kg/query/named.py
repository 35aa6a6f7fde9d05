"""Named analyst queries: the SPARQL files in kg/query/queries/, with their parameters.

Each file starts with a header of comments::

    # title: Who said what, in which article, with the sentence
    # param: entity text optional  the speaker: any of their names, in any case
    # Free text after that describes the query.

A parameter is `NAME KIND REQUIREMENT DESCRIPTION`: KIND is `text`, `integer`, `iri` (a full
IRI or a CURIE with one of kg.query.sparql's prefixes) or `limit`; REQUIREMENT is `required`,
`optional` (unbound when not given) or `default=VALUE`.

Values are bound, never pasted into the query: each becomes an RDF term that pyoxigraph
writes in its own escaped syntax into a `VALUES` block opening the query's outermost
group (`UNDEF` when an optional parameter is not given). A query must therefore use its
parameters in that outermost group, not only inside a sub-select.

A `limit` parameter is the one exception, since SPARQL has no variable LIMIT: its value must
be a whole number of at least 1 (checked here, so only digits ever reach the query) and
becomes the number of every `LIMIT n` clause marked on its line with the comment `# ?NAME`,
as in `LIMIT 100  # ?top`. Such a limit may sit inside a sub-select; it is not in `VALUES`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import pyoxigraph as ox

from kg.errors import QueryError
from kg.query.sparql import PREFIXES

KINDS = ("text", "integer", "iri", "limit")
_NAME = re.compile(r"[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    required: bool
    default: str | None
    help: str

    @property
    def names_entity(self) -> bool:
        """The value is one of an entity's names (its prefLabel or an altLabel)."""
        return self.kind == "text" and re.search(r"any of (its|their) names", self.help) is not None

    def describe(self) -> str:
        if self.required:
            return "required"
        return f"default {self.default}" if self.default is not None else "optional"


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str

    def bind(self, values: dict[str, str] | None = None) -> str:
        """The query with `values` (strings, as given on the command line) bound."""
        values = dict(values or {})
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            raise QueryError(
                f"{self.name} has no parameter {', '.join(unknown)}; "
                f"its parameters: {', '.join(sorted(known)) or 'none'}"
            )
        text = self.text
        names, terms = [], []
        for param in self.params:
            value = values.get(param.name, param.default)
            if value is None and param.required:
                raise QueryError(f"{self.name} needs --param {param.name}=... ({param.help})")
            if param.kind == "limit":
                if value is not None:
                    text = _limited(text, param.name, _limit(param, value))
                continue
            names.append(f"?{param.name}")
            terms.append("UNDEF" if value is None else str(_term(param, value)))
        if not names:
            return text
        block = f"\n  VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}\n"
        at = _outer_brace(text) + 1
        return text[:at] + block + text[at:]


def _limit(param: Param, value: str) -> int:
    # int() alone would also take "+5", " 5" or "1_000"; only plain digits are a count here
    if not re.fullmatch(r"[0-9]+", value) or int(value) < 1:
        raise QueryError(
            f"--param {param.name} must be a whole number of at least 1, not {value!r}"
        )
    return int(value)


def _limit_clauses(name: str) -> re.Pattern:
    """`LIMIT n` clauses marked `# ?NAME` on their line: (before the number)(after it)."""
    return re.compile(rf"^([^#\n]*\bLIMIT\s+)[0-9]+([ \t]*#[ \t]*\?{name}\b)", re.I | re.M)


def _limited(text: str, name: str, number: int) -> str:
    return _limit_clauses(name).sub(lambda m: f"{m.group(1)}{number}{m.group(2)}", text)


def _term(param: Param, value: str) -> ox.Literal | ox.NamedNode:
    if param.kind == "integer":
        try:
            return ox.Literal(int(value))
        except ValueError:
            message = f"--param {param.name} must be a whole number, not {value!r}"
            raise QueryError(message) from None
    if param.kind == "iri":
        prefix, _, local = value.partition(":")
        iri = PREFIXES[prefix] + local if prefix in PREFIXES else value
        try:
            return ox.NamedNode(iri)
        except ValueError as exc:
            raise QueryError(f"--param {param.name} is not an IRI: {exc}") from None
    return ox.Literal(value)


def _outer_brace(text: str) -> int:
    """Where the outermost group opens: the first `{` outside comment lines.

    The named queries' prologues hold only comments, PREFIX and SELECT clauses, which
    contain no brace; `load` checks that every query has one.
    """
    offset = 0
    for line in text.splitlines(keepends=True):
        if not line.lstrip().startswith("#") and "{" in line:
            return offset + line.index("{")
        offset += len(line)
    raise QueryError("a named query has no { ... } group")


def parse(name: str, text: str) -> NamedQuery:
    title = ""
    params: list[Param] = []
    notes: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:].strip()
        if body.startswith("title:"):
            title = body[len("title:") :].strip()
        elif body.startswith("param:"):
            params.append(_param(name, body[len("param:") :]))
        elif body:
            notes.append(body)
    if not title:
        raise QueryError(f"named query {name} has no '# title:' line")
    for param in (p for p in params if p.kind == "limit"):
        if not _limit_clauses(param.name).search(text):
            raise QueryError(f"named query {name}: no LIMIT is marked '# ?{param.name}'")
        if param.default is not None:
            _limit(param, param.default)
    _outer_brace(text)
    return NamedQuery(name, title, " ".join(notes), tuple(params), text)


def _param(query: str, spec: str) -> Param:
    parts = spec.split(None, 3)
    if len(parts) < 4 or not _NAME.match(parts[0]) or parts[1] not in KINDS:
        raise QueryError(f"named query {query}: bad parameter line {spec.strip()!r}")
    name, kind, need, help_ = parts
    if need.startswith("default="):
        return Param(name, kind, False, need[len("default=") :], help_)
    if need not in ("required", "optional"):
        raise QueryError(f"named query {query}: {name} is neither required, optional nor default=")
    return Param(name, kind, need == "required", None, help_)


def load() -> dict[str, NamedQuery]:
    """Every named query shipped in kg/query/queries, by name (the file name without .rq)."""
    folder = resources.files("kg.query") / "queries"
    queries = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            queries[name] = parse(name, entry.read_text(encoding="utf-8"))
    return queries


def get(name: str) -> NamedQuery:
    queries = load()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; `kg queries` lists them: {', '.join(queries)}")
    return queries[name]


def parse_params(items: list[str]) -> dict[str, str]:
    """`--param name=value` options as a dict (the value may itself hold '=')."""
    values = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param takes NAME=VALUE, not {item!r}")
        values[name.strip()] = value
    return values


def unknown_names(query: NamedQuery, values: dict[str, str], run) -> list[str]:
    """A message for each entity parameter whose value names no entity, with the closest
    names the graph has; `run(sparql)` runs a query over the same graph (a QueryResult)."""
    import difflib

    messages = []
    labels: list[str] | None = None
    for param in query.params:
        value = values.get(param.name)
        if not param.names_entity or value is None:
            continue
        term = ox.Literal(value)
        if run(f"ASK {{ ?e skos:prefLabel|skos:altLabel {term} }}").boolean:
            continue
        if labels is None:
            found = run("SELECT DISTINCT ?l { ?e skos:prefLabel|skos:altLabel ?l }")
            labels = [str(row[0]) for row in found.rows]
        folded = {label.casefold(): label for label in labels}
        close = [folded[value.casefold()]] if value.casefold() in folded else []
        close += [
            c for c in difflib.get_close_matches(value, labels, n=3, cutoff=0.6) if c not in close
        ]
        hint = f"; did you mean {', '.join(repr(c) for c in close[:3])}?" if close else ""
        messages.append(f"no entity in the graph is named {value!r} (--param {param.name}){hint}")
    return messages
