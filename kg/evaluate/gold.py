"""Gold annotation files: read and validated (format: ../shared/gold/README.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kg.errors import GoldError
from kg.model import AGENTS, ENTITY_TYPES, LEGISLATION, ORGANIZATION, PERSON

RELATION_TYPES = ("affiliation", "role", "quote", "legal_link", "interaction")
# Relation type -> (fields it needs, allowed subject types, allowed object types).
_SHAPES = {
    "affiliation": ("object", (PERSON,), (ORGANIZATION,)),
    "role": ("value", (PERSON,), ()),
    "quote": ("snippet", AGENTS, ()),
    "legal_link": ("object", ENTITY_TYPES, ENTITY_TYPES),
    "interaction": ("object", AGENTS, AGENTS),
}


@dataclass(frozen=True)
class GoldEntity:
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    id: str | None = None  # None for `optional` items


@dataclass(frozen=True)
class GoldRelation:
    type: str
    subject: str  # entity id in the same article
    object: str | None = None
    value: str | None = None  # role
    snippet: str | None = None  # quote
    verb: str | None = None  # interaction note, not scored


@dataclass(frozen=True)
class GoldArticle:
    source: Path  # the JSON file
    article: str  # the text, relative to the gold folder's parent
    entities: tuple[GoldEntity, ...]
    optional: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]


def load_gold(gold_dir: Path) -> list[GoldArticle]:
    """Read and validate every `*.json` in `gold_dir`, sorted by file name."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: not a directory; pass the folder of gold *.json files")
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        raise GoldError(f"{gold_dir}: no *.json gold files found; pass the gold folder")
    gold = [_read_gold(path) for path in paths]
    seen: dict[str, Path] = {}
    for g in gold:
        if g.article in seen:  # relation ids are resolved per article
            raise GoldError(
                f"{g.source}: article {g.article!r} is also annotated in "
                f"{seen[g.article]}; keep one gold file per article"
            )
        seen[g.article] = g.source
    return gold


def gold_article_paths(gold: list[GoldArticle], gold_dir: Path) -> list[Path]:
    """The article texts the gold describes (`article` is relative to gold_dir's parent)."""
    paths = [Path(gold_dir).parent / g.article for g in gold]
    for g, path in zip(gold, paths, strict=True):
        if not path.is_file():
            raise GoldError(
                f"{g.source}: article {g.article!r} not found at {path}; "
                "fix `article` (relative to the gold folder's parent)"
            )
    return paths


def _read_gold(path: Path) -> GoldArticle:
    def fail(problem: str) -> GoldError:
        return GoldError(f"{path}: {problem}; fix the file (format: gold/README.md)")

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise fail(f"cannot read JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise fail("top level must be an object")
    for key, kind in (("article", str), ("entities", list), ("relations", list)):
        if not isinstance(data.get(key), kind):
            raise fail(f"`{key}` missing or not a {kind.__name__}")
    article = PurePosixPath(data["article"])
    if article.is_absolute() or ".." in article.parts or not data["article"].strip():
        raise fail(f"`article` {data['article']!r} must be a path inside the gold folder's parent")
    entities = tuple(_entity(item, fail, with_id=True) for item in data["entities"])
    optional = data.get("optional", [])
    if not isinstance(optional, list):
        raise fail("`optional` must be a list")
    types: dict[str, str] = {}
    for e in entities:
        if e.id in types:
            raise fail(f"entity id {e.id!r} used twice")
        types[str(e.id)] = e.type
    relations = tuple(_relation(item, types, fail) for item in data["relations"])
    return GoldArticle(
        path,
        data["article"],
        entities,
        tuple(_entity(item, fail, with_id=False) for item in optional),
        relations,
    )


def _entity(item: object, fail, *, with_id: bool) -> GoldEntity:
    if not isinstance(item, dict):
        raise fail(f"entity {item!r} is not an object")
    if item.get("type") not in ENTITY_TYPES:
        raise fail(f"entity {item!r}: `type` must be one of {', '.join(ENTITY_TYPES)}")
    name, aliases = item.get("name"), item.get("aliases", [])
    if not isinstance(name, str) or not name.strip(" \t\n\"'.,;:!?()"):
        raise fail(f"entity {item!r}: `name` must be a non-empty string")
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise fail(f"entity {name!r}: `aliases` must be a list of strings")
    if with_id and not (isinstance(item.get("id"), str) and item["id"]):
        raise fail(f"entity {name!r}: `id` must be a non-empty string")
    return GoldEntity(item["type"], name, tuple(aliases), item.get("id") if with_id else None)


def _relation(item: object, types: dict[str, str], fail) -> GoldRelation:
    if not isinstance(item, dict) or item.get("type") not in _SHAPES:
        raise fail(f"relation {item!r}: `type` must be one of {', '.join(RELATION_TYPES)}")
    kind = item["type"]
    needed, subject_types, object_types = _SHAPES[kind]
    subject, other = item.get("subject"), item.get(needed)
    if not isinstance(subject, str) or _type_of(subject, types) not in subject_types:
        raise fail(f"relation {item!r}: `subject` must be the id of a {'/'.join(subject_types)}")
    if needed == "object" and _type_of(other, types) not in object_types:
        raise fail(f"relation {item!r}: `object` must be the id of a {'/'.join(object_types)}")
    if needed != "object" and not (isinstance(other, str) and other.strip()):
        raise fail(f"relation {item!r}: `{needed}` must be a non-empty string")
    if kind == "legal_link" and LEGISLATION not in (types[subject], _type_of(other, types)):
        raise fail(f"relation {item!r}: a legal_link needs a Legislation entity at one end")
    return GoldRelation(kind, subject, **{needed: other}, verb=item.get("verb"))


def _type_of(entity_id: object, types: dict[str, str]) -> str | None:
    return types.get(entity_id) if isinstance(entity_id, str) else None
