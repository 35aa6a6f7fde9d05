"""The tune / held-out halves of a gold set, so a rule can be judged on articles it was
not written against.

The rule is fixed and needs no list: articles are grouped by desk (the folder above the
text: `corpora/bbc/politics/070.txt` is politics; texts outside `corpora/` form one group),
sorted by gold file name within each group, and alternate: the first, third, fifth ... of
each group are "tune", the others "heldout". Adding a file to a desk moves at most the
files after it in that desk.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePosixPath

from kg.evaluate.gold import GoldArticle

HALVES = ("tune", "heldout")


def desk_of(article: GoldArticle) -> str:
    """The group an article belongs to: its desk for corpus texts, else "other"."""
    parts = PurePosixPath(article.article).parts
    return parts[-2] if parts[0] == "corpora" and len(parts) >= 3 else "other"


def split_gold(gold: list[GoldArticle]) -> dict[str, list[GoldArticle]]:
    """`{"tune": [...], "heldout": [...]}`, each in gold file-name order."""
    groups: dict[str, list[GoldArticle]] = defaultdict(list)
    for g in gold:
        groups[desk_of(g)].append(g)
    halves: dict[str, list[GoldArticle]] = {half: [] for half in HALVES}
    for members in groups.values():
        for i, g in enumerate(sorted(members, key=lambda g: g.source.name)):
            halves[HALVES[i % 2]].append(g)
    for half in halves.values():
        half.sort(key=lambda g: g.source.name)
    return halves
