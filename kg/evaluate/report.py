"""What an evaluation found: counts, precision, recall and F1, and the items behind them.

`kg.evaluate.score` (gold annotations) and `kg.evaluate.conll` (CoNLL04) both report in these
terms; `format_report` and `report_to_json` print a gold evaluation for `kg eval`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

ALL = "all"


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Finding:
    """One missed gold item or one spurious graph item, for the report."""

    type: str
    text: str
    where: tuple[str, ...] = ()  # gold articles (misses) or graph IRIs (spurious)


@dataclass(frozen=True)
class EvalReport:
    entities: dict[str, Counts]  # per entity type, plus "all"
    relations: dict[str, Counts]  # per relation type, plus "all"
    missed_entities: tuple[Finding, ...] = ()
    spurious_entities: tuple[Finding, ...] = ()
    missed_relations: tuple[Finding, ...] = ()
    spurious_relations: tuple[Finding, ...] = ()
    articles: tuple[str, ...] = field(default=())
    # One entity per thing (kg.evaluate.identity): per type, (gold entities split over
    # several graph entities, graph entities that merge several gold ones).
    identity: dict[str, tuple[int, int]] = field(default_factory=dict)
    split_entities: tuple[Finding, ...] = ()
    merged_entities: tuple[Finding, ...] = ()


def sum_counts(counts: Iterable[Counts]) -> Counts:
    """The sum of several counts (the "all" row)."""
    counts = list(counts)
    return Counts(*(sum(getattr(c, f) for c in counts) for f in ("tp", "fp", "fn", "ignored")))


def format_report(report: EvalReport) -> str:
    """Plain text: a table for entities and one for relations, then misses and spurious items."""
    lines = [f"Scored against {len(report.articles)} gold article(s).", ""]
    for title, table in (("Entities", report.entities), ("Relations", report.relations)):
        lines.append(
            f"{title:<14}{'TP':>5}{'FP':>5}{'FN':>5}{'ignored':>9}"
            f"{'precision':>11}{'recall':>8}{'F1':>7}"
        )
        for name, c in table.items():
            lines.append(
                f"{name:<14}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.ignored:>9}"
                f"{c.precision:>11.3f}{c.recall:>8.3f}{c.f1:>7.3f}"
            )
        lines.append("")
    if report.identity:
        lines.append(f"{'Identity':<14}{'split':>7}{'merged':>8}")
        for name, (split, merged) in report.identity.items():
            lines.append(f"{name:<14}{split:>7}{merged:>8}")
        lines.append("")
    for title, findings in (
        ("Split entities", report.split_entities),
        ("Merged entities", report.merged_entities),
        ("Missed entities", report.missed_entities),
        ("Spurious entities", report.spurious_entities),
        ("Missed relations", report.missed_relations),
        ("Spurious relations", report.spurious_relations),
    ):
        lines.append(f"{title} ({len(findings)})")
        for f in findings:
            lines.append(f"  {f.type}: {f.text}  [{', '.join(f.where)}]")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def report_to_json(report: EvalReport) -> dict:
    def table(counts: dict[str, Counts]) -> dict:
        return {
            name: {
                "tp": c.tp,
                "fp": c.fp,
                "fn": c.fn,
                "ignored": c.ignored,
                "precision": c.precision,
                "recall": c.recall,
                "f1": c.f1,
            }
            for name, c in counts.items()
        }

    def items(findings: tuple[Finding, ...]) -> list[dict]:
        return [{"type": f.type, "text": f.text, "where": list(f.where)} for f in findings]

    return {
        "articles": list(report.articles),
        "entities": table(report.entities),
        "relations": table(report.relations),
        "identity": {
            name: {"split": split, "merged": merged}
            for name, (split, merged) in report.identity.items()
        },
        "split": items(report.split_entities),
        "merged": items(report.merged_entities),
        "missed": {
            "entities": items(report.missed_entities),
            "relations": items(report.missed_relations),
        },
        "spurious": {
            "entities": items(report.spurious_entities),
            "relations": items(report.spurious_relations),
        },
    }


def format_halves(halves: dict[str, EvalReport]) -> str:
    """One table: precision, recall and F1 per type on each half of the split."""
    names = list(halves)
    first = halves[names[0]]
    head = f"{'':<14}" + "".join(f"{n + ' P':>10}{'R':>7}{'F1':>7}" for n in names)
    lines = [
        "By half (tune: the articles rules may be written against; heldout: the rest)",
        "",
        head,
    ]
    for table in ("entities", "relations"):
        for kind in getattr(first, table):
            row = f"{kind:<14}"
            for n in names:
                c = getattr(halves[n], table).get(kind, Counts())
                row += f"{c.precision:>10.3f}{c.recall:>7.3f}{c.f1:>7.3f}"
            lines.append(row)
        lines.append("")
    sizes = ", ".join(f"{n} {len(halves[n].articles)}" for n in names)
    lines.append(f"Articles: {sizes}.")
    return "\n".join(lines) + "\n"
