"""`kg eval GOLD_DIR`: build the gold articles' graph and score it, on the whole set and on
each half of the tune / held-out split (kg.evaluate.split)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.builder.run import build
from kg.config import BuildConfig
from kg.evaluate.gold import GoldArticle, gold_article_paths, load_gold
from kg.evaluate.report import EvalReport
from kg.evaluate.score import score
from kg.evaluate.split import HALVES, split_gold
from kg.model import Skipped
from kg.nlp.pipeline import load_nlp


@dataclass(frozen=True)
class GoldEvaluation:
    report: EvalReport  # the set asked for: all of it, or one half
    halves: dict[str, EvalReport] = field(default_factory=dict)  # when scoring all of it
    skipped: tuple[Skipped, ...] = ()


def evaluate_gold(
    gold_dir: Path, *, model: str | None = None, half: str | None = None
) -> GoldEvaluation:
    """Score kg on the gold set in `gold_dir`, or on one of its halves (`half`).

    Each half is built on its own, as if kg had seen only those articles, so its score is
    the score a user with just those articles would get.
    """
    gold = load_gold(gold_dir)
    halves = split_gold(gold)
    if half is not None and half not in HALVES:
        raise ValueError(f"half must be one of {HALVES}, not {half!r}")
    config = BuildConfig(model=model)
    nlp = load_nlp(model)
    skipped: list[Skipped] = []

    def run(articles: list[GoldArticle]) -> EvalReport:
        paths = gold_article_paths(articles, gold_dir)
        result = build([str(p) for p in paths], config, nlp=nlp)
        skipped.extend(result.skipped)
        ids = {x.article.origin: x.article.id for x in result.extractions}
        article_ids = {a.article: ids.get(str(p), "") for a, p in zip(articles, paths, strict=True)}
        return score(result.dataset, articles, article_ids=article_ids)

    if half is not None:
        return GoldEvaluation(run(halves[half]), skipped=tuple(skipped))
    whole = run(gold)
    by_half = {name: run(articles) for name, articles in halves.items() if articles}
    return GoldEvaluation(whole, by_half, tuple(skipped))
