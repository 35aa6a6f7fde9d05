"""The fixed tune / held-out split of a gold set, and `kg eval` reporting both halves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli.app import app
from kg.evaluate.gold import GoldArticle
from kg.evaluate.split import desk_of, split_gold

runner = CliRunner()
SHARED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"


def _gold(name: str, article: str) -> GoldArticle:
    return GoldArticle(Path(name), article, (), (), ())


def test_desks_alternate_in_file_name_order():
    gold = [
        _gold("bbc-tech-9.json", "corpora/bbc/tech/9.txt"),
        _gold("bbc-politics-2.json", "corpora/bbc/politics/2.txt"),
        _gold("bbc-politics-1.json", "corpora/bbc/politics/1.txt"),
        _gold("bbc-politics-3.json", "corpora/bbc/politics/3.txt"),
        _gold("seed-b.json", "seeds/b.txt"),
        _gold("seed-a.json", "seeds/a.txt"),
    ]
    halves = split_gold(gold)
    names = {half: [g.source.name for g in items] for half, items in halves.items()}
    assert names == {
        "tune": ["bbc-politics-1.json", "bbc-politics-3.json", "bbc-tech-9.json", "seed-a.json"],
        "heldout": ["bbc-politics-2.json", "seed-b.json"],
    }


def test_desk_of():
    assert desk_of(_gold("x.json", "corpora/bbc/business/054.txt")) == "business"
    assert desk_of(_gold("x.json", "seeds/000.txt")) == "other"


@pytest.mark.skipif(not SHARED_GOLD.is_dir(), reason="needs ../shared/gold beside the repo")
def test_shared_gold_splits_into_two_near_halves_per_desk():
    from kg.evaluate.gold import load_gold

    gold = load_gold(SHARED_GOLD)
    halves = split_gold(gold)
    assert sorted(g.source for h in halves.values() for g in h) == sorted(g.source for g in gold)
    for desk in {desk_of(g) for g in gold}:
        sizes = [sum(desk_of(g) == desk for g in halves[h]) for h in ("tune", "heldout")]
        assert 0 <= sizes[0] - sizes[1] <= 1, (desk, sizes)


@pytest.mark.model
def test_eval_reports_whole_set_and_each_half(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    shared = SHARED_GOLD.parent
    if not (shared / "seeds").is_dir():
        pytest.skip("needs ../shared/seeds beside the repo")
    (tmp_path / "seeds").symlink_to(shared / "seeds")
    for src in sorted(SHARED_GOLD.glob("0*.json")):  # the two seed articles
        (gold_dir / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold_dir)])
    assert result.exit_code == 0, result.output
    assert "Scored against 2 gold article(s)." in result.output
    assert "By half" in result.output and "Articles: tune 1, heldout 1." in result.output

    one = runner.invoke(app, ["eval", str(gold_dir), "--half", "heldout", "--json"])
    assert one.exit_code == 0, one.output
    data = json.loads(one.output)
    assert data["articles"] == ["seeds/004_d07f0312c2b9b694.txt"]
    assert "halves" not in data

    both = json.loads(runner.invoke(app, ["eval", str(gold_dir), "--json"]).output)
    assert set(both["halves"]) == {"tune", "heldout"}
    assert both["halves"]["tune"]["entities"]["Person"]["tp"] >= 1


def test_eval_refuses_an_unknown_half(tmp_path):
    result = runner.invoke(app, ["eval", str(tmp_path), "--half", "middle"])
    assert result.exit_code == 2
    assert "--half must be one of tune, heldout" in result.output
