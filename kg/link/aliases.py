"""Countries' other names (data/place_aliases.tsv): "US", "America" and "United States" are
one place; the rule that joins them across articles (`decide_aliases`)."""

from __future__ import annotations

from functools import lru_cache

from kg.extract.names import name_key
from kg.link.decisions import GroupDecision, Join
from kg.paths import DATA

RULE = "link:alias"


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    """Key of each form -> (key of the canonical name, the canonical name)."""
    table: dict[str, tuple[str, str]] = {}
    for line in (DATA / "place_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, forms = line.split("\t")
        for form in [canonical, *forms.split("|")]:
            table[_key(form)] = (_key(canonical), canonical)
    return table


def _key(name: str) -> str:
    return name_key(name).replace(".", "")


def place_alias(key: str) -> str | None:
    """The key of the country a place's key names, when the table knows it."""
    found = _table().get(key.replace(".", ""))
    return found[0] if found else None


def canonical_name(key: str) -> str:
    return _table()[key][1]


def decide_aliases(group: str, members) -> GroupDecision:
    """Every other name of a country joins the country, in every article."""
    canonical = group.split("|", 1)[1]
    name = canonical_name(canonical)
    by_key: dict[tuple[str, str], list] = {}
    for article, member in members:
        by_key.setdefault((member.type, member.key), []).append((article, member))
    joins = []
    for (type_, key), seen in sorted(by_key.items()):
        joins.append(
            Join(
                RULE,
                type_,
                key,
                canonical,
                name,
                tuple(sorted({m.name for _, m in seen})),
                tuple(sorted({a for a, _ in seen})),
            )
        )
    return GroupDecision(group, tuple(joins))
