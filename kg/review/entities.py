"""A graph's entities and the open questions of linking across articles, read with SPARQL
(the .rq files beside this module) from an OUT directory, a store or an RDF file."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from kg.extract.names import fold
from kg.query.sparql import load_store, run_query

TYPES = ("Person", "Organization", "Legislation", "Place")


@dataclass(frozen=True)
class JoinMade:
    rule: str
    forms: str  # the names folded in, "Blair / Mr Blair"
    articles: int  # the articles where it applies
    former: str  # the IRI the names had before


@dataclass
class EntityRow:
    iri: str
    type: str
    name: str
    articles: int
    labels: list[str] = field(default_factory=list)
    joins: list[JoinMade] = field(default_factory=list)


@dataclass
class OpenItem:
    """A name left apart (`kind` "candidate") or an entity flagged (`kind` "review")."""

    kind: str
    iri: str
    name: str
    rule: str = ""
    reason: str = ""
    candidates: list[tuple[str, str, int]] = field(default_factory=list)  # iri, name, articles
    articles: list[tuple[str, str]] = field(default_factory=list)  # id, headline


def _query(name: str) -> str:
    return (resources.files("kg.review") / "queries" / f"{name}.rq").read_text(encoding="utf-8")


def _rows(store: ox.Store, name: str):
    return run_query(store, _query(name), timeout=120, limit_rows=10_000_000).rows


def entities(
    source: Path | ox.Store,
    *,
    type_: str | None = None,
    name: str | None = None,
    joined: bool = False,
) -> list[EntityRow]:
    """The entities of `source`, most mentioned first: only those of `type_`, only those with
    a label equal to `name` (case and accents aside), only those with joins (`joined`)."""
    store = source if isinstance(source, ox.Store) else load_store(Path(source))
    found = {
        str(iri): EntityRow(str(iri), str(t).rsplit("/", 1)[-1], str(n), int(str(c)))
        for iri, t, n, c in _rows(store, "entities")
    }
    for iri, label in _rows(store, "labels"):
        if str(iri) in found:
            found[str(iri)].labels.append(str(label))
    for _, into, joins, rule, forms, count in _rows(store, "joins"):
        if str(into) in found:
            join = JoinMade(str(rule), str(forms or ""), int(str(count)), str(joins))
            found[str(into)].joins.append(join)
    rows = []
    wanted = fold(name) if name else None
    for row in found.values():
        row.labels.sort()
        row.joins.sort(key=lambda j: (-j.articles, j.forms))
        if type_ and row.type != type_:
            continue
        if wanted and wanted not in {fold(n) for n in (row.name, *row.labels)}:
            continue
        if joined and not row.joins:
            continue
        rows.append(row)
    return sorted(rows, key=lambda r: (-r.articles, r.type, r.name, r.iri))


def open_items(source: Path | ox.Store) -> list[OpenItem]:
    """The review list: candidates left apart, then entities flagged, each with its articles."""
    store = source if isinstance(source, ox.Store) else load_store(Path(source))
    known = {r.iri: r for r in entities(store)}
    items: dict[str, OpenItem] = {}
    candidates: dict[str, set[str]] = defaultdict(set)
    articles: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for item, kind, about, rule, reason, candidate, article, ident, headline in _rows(
        store, "open"
    ):
        key = str(item)
        if key not in items:
            entity = known.get(str(about))
            items[key] = OpenItem(
                "candidate" if str(kind).endswith("Candidate") else "review",
                str(about),
                entity.name if entity else str(about),
                str(rule or ""),
                str(reason or ""),
            )
        if candidate is not None:
            candidates[key].add(str(candidate))
        articles[key].add((str(ident or article), str(headline or "")))
    for key, item in items.items():
        rows = [known[c] for c in candidates[key] if c in known]
        item.candidates = [(r.iri, r.name, r.articles) for r in sorted(rows, key=_by_articles)]
        item.articles = sorted(articles[key])
    return sorted(items.values(), key=lambda i: (i.kind, -len(i.articles), i.name, i.iri))


def _by_articles(row: EntityRow):
    return (-row.articles, row.name)
