"""What the ledger keeps of an article, as literals: its extraction (compressed JSON, so the
store can link it again without parsing it again) and its link record (JSON)."""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import asdict

from kg.link.records import LinkRecord, Member
from kg.model import (
    Affiliation,
    Article,
    ArticleExtraction,
    Entity,
    Fact,
    Mention,
    Quote,
    Sentence,
)


def dump_extraction(extraction: ArticleExtraction) -> str:
    data = json.dumps(asdict(extraction), sort_keys=True, separators=(",", ":"))
    return base64.b64encode(zlib.compress(data.encode("utf-8"), 6)).decode("ascii")


def load_extraction(text: str) -> ArticleExtraction:
    data = json.loads(zlib.decompress(base64.b64decode(text)).decode("utf-8"))
    return ArticleExtraction(
        article=Article(**data["article"]),
        sentences=tuple(Sentence(**s) for s in data["sentences"]),
        entities=tuple(_entity(e) for e in data["entities"]),
        facts=tuple(Fact(**f) for f in data["facts"]),
        quotes=tuple(Quote(**q) for q in data["quotes"]),
        affiliations=tuple(Affiliation(**a) for a in data["affiliations"]),
        excluded=tuple((start, end) for start, end in data["excluded"]),
    )


def _entity(data: dict) -> Entity:
    return Entity(
        type=data["type"],
        name=data["name"],
        key=data["key"],
        mentions=tuple(Mention(**m) for m in data["mentions"]),
        aliases=tuple(data["aliases"]),
        attributes=tuple((k, v) for k, v in data["attributes"]),
    )


def dump_record(record: LinkRecord) -> str:
    data = {
        "article": record.article,
        "features": sorted(record.features),
        "members": [asdict(m) for m in record.members],
    }
    return json.dumps(data, sort_keys=True, separators=(",", ":"))


def load_record(text: str) -> LinkRecord:
    data = json.loads(text)
    members = tuple(
        Member(
            **{
                **m,
                "titles": tuple(m["titles"]),
                "posts": tuple((post, org) for post, org in m["posts"]),
                "written": tuple(m["written"]),
                "opening": tuple(m["opening"]),
                "styles": tuple(m["styles"]),
            }
        )
        for m in data["members"]
    )
    return LinkRecord(data["article"], frozenset(data["features"]), members)
