"""Benchmark linking across articles on the BBC corpus: what it joins, what it leaves apart.

    python bench/identity.py                  # the whole corpus (duplicates left out)
    python bench/identity.py --limit 300      # 300 articles spread over the corpus
    python bench/identity.py --sample 50      # also write 50 joins and 50 candidates to check
    python bench/identity.py --gold ../shared/gold   # kg eval with linking off and on

The corpus is extracted once; it is then linked twice: *before*, with only the rule kg had
until now (legislation named without its year to the dated one), and *after*, with every
rule (kg.link). It prints the single-word person names that shadow a full name (a person
entity named by one word, "Blair", while other articles name a full "Tony Blair"), the
entities joined by each rule, the candidates left apart and the entities flagged for
review, and the time linking takes. Figures go to bench/results/identity-*.json.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build import CORPUS, corpus_files  # noqa: E402

from kg.builder.local import extract_articles  # noqa: E402
from kg.config import BuildConfig  # noqa: E402
from kg.ingest.files import read_articles  # noqa: E402
from kg.link.across import link_corpus  # noqa: E402
from kg.model import PERSON, Article  # noqa: E402

BEFORE = frozenset({"law"})
RESULTS = HERE / "results"


def shadows(extractions) -> tuple[int, int]:
    """(article-level person entities named by one word whose surname some other article
    gives a full name, distinct such names)."""
    surnames = defaultdict(set)
    single = []
    for x in extractions:
        for e in x.entities:
            if e.type != PERSON:
                continue
            words = e.key.replace(".", " ").split()
            if len(words) > 1:
                surnames[words[-1]].add(x.article.id)
            elif words:
                single.append((x.article.id, words[0]))
    hits = [(a, w) for a, w in single if surnames[w] - {a}]
    return len(hits), len({w for _, w in hits})


def entity_count(extractions) -> Counter:
    return Counter(t for t, _ in {(e.type, e.key) for x in extractions for e in x.entities})


def summary(linked, seconds: float) -> dict:
    joins, joined_in, candidates, apart_in = Counter(), Counter(), Counter(), Counter()
    reviews = 0
    for decision in linked.plan.decisions.values():
        for j in decision.joins:
            joins[j.rule] += 1
            joined_in[j.rule] += len(j.articles)
        for c in decision.candidates:
            candidates[c.rule] += 1
            apart_in[c.rule] += len(c.articles)
        reviews += len(decision.reviews)
    single, names = shadows(linked.extractions)
    return {
        "seconds": round(seconds, 2),
        "shadowing_single_names": single,
        "shadowing_distinct_names": names,
        "joins": dict(joins),
        "joined_occurrences": dict(joined_in),
        "candidates": dict(candidates),
        "candidate_occurrences": dict(apart_in),
        "reviews": reviews,
        "entities": dict(entity_count(linked.extractions)),
    }


def _sentences(extraction, forms: set[str], limit: int = 2) -> list[str]:
    text = extraction.article.text
    found = []
    for s in extraction.sentences:
        sentence = " ".join(text[s.start : s.end].split())
        if any(f in sentence for f in forms):
            found.append(sentence)
        if len(found) == limit:
            break
    return found


def write_sample(extractions, plan, size: int, seed: int, path: Path) -> None:
    by_id = {x.article.id: x for x in extractions}
    joins = [
        (j, a)
        for d in plan.decisions.values()
        for j in d.joins
        if j.rule != "link:alias"
        for a in j.articles
    ]
    left = [(c, a) for d in plan.decisions.values() for c in d.candidates for a in c.articles]
    rng = random.Random(seed)
    picked = _stratified(joins, size, rng)
    lines = [f"# {len(picked)} of {len(joins)} joins (not the country table), by rule", ""]
    for n, (j, a) in enumerate(picked, 1):
        x = by_id[a]
        lines.append(f"J{n}. [{j.rule}] {' / '.join(j.forms)} -> {j.target_name}")
        lines.append(f"   in {x.article.origin} ({x.article.title})")
        lines += [f"     | {s}" for s in _sentences(x, set(j.forms))]
        for e in j.evidence[:2]:
            ev = by_id[e]
            lines.append(f"   basis {ev.article.origin} ({ev.article.title})")
            lines += [f"     | {s}" for s in _sentences(ev, {j.target_name}, 1)]
        lines.append("")
    lines += [f"# {min(size, len(left))} of {len(left)} candidates left apart", ""]
    for n, (c, a) in enumerate(sorted(rng.sample(left, min(size, len(left))), key=str), 1):
        x = by_id[a]
        lines.append(f"C{n}. [{c.rule}] {' / '.join(c.forms)} ?= {', '.join(c.candidates)}")
        lines.append(f"   in {x.article.origin} ({x.article.title})")
        lines += [f"     | {s}" for s in _sentences(x, set(c.forms))]
        lines.append("")
    apart = _apart(extractions, plan)
    title = f"# {min(size, len(apart))} of {len(apart)} shadowing names left apart, unrecorded"
    lines += [title, ""]
    for n, (x, e) in enumerate(rng.sample(apart, min(size, len(apart))), 1):
        lines.append(f"A{n}. {e.name} ({', '.join(e.aliases)}) in {x.article.origin}")
        lines += [f"     | {s}" for s in _sentences(x, {e.name.split()[-1]})]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def _stratified(items, size: int, rng: random.Random) -> list:
    """`size` items, as evenly spread over the rules as their numbers allow."""
    by_rule = defaultdict(list)
    for item in sorted(items, key=str):
        by_rule[item[0].rule].append(item)
    picked: list = []
    rules = sorted(by_rule, key=lambda r: len(by_rule[r]))
    for n, rule in enumerate(rules):
        share = (size - len(picked)) // (len(rules) - n)
        picked += rng.sample(by_rule[rule], min(share, len(by_rule[rule])))
    return picked


def _apart(extractions, plan) -> list:
    """Single-word person names that shadow a full name, neither joined nor a candidate."""
    touched = {
        (a, c.source)
        for d in plan.decisions.values()
        for c in [*d.joins, *d.candidates]
        for a in c.articles
    }
    surnames = defaultdict(set)
    for x in extractions:
        for e in x.entities:
            words = e.key.replace(".", " ").split()
            if e.type == PERSON and len(words) > 1:
                surnames[words[-1]].add(x.article.id)
    return [
        (x, e)
        for x in extractions
        for e in x.entities
        if e.type == PERSON
        and len(e.key.split()) == 1
        and surnames[e.key] - {x.article.id}
        and (x.article.id, e.key) not in touched
    ]


def gold_eval(gold: Path) -> dict:
    import kg.builder.run
    from kg.evaluate.run import evaluate_gold
    from kg.link import across

    figures = {}
    for name, kinds in (("before", BEFORE), ("after", across.KINDS)):
        kg.builder.run.link_corpus = lambda xs, k=kinds: across.link_corpus(xs, k)
        result = evaluate_gold(gold)
        figures[name] = {
            "f1": {t: round(c.f1, 3) for t, c in result.report.entities.items()},
            "relations_f1": round(result.report.relations["all"].f1, 3),
            "split_merged": result.report.identity,
            "halves_f1": {
                h: {t: round(c.f1, 3) for t, c in r.entities.items()}
                for h, r in result.halves.items()
            },
        }
    kg.builder.run.link_corpus = across.link_corpus
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--model", default=None)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--gold", type=Path, default=None)
    parser.add_argument(
        "--cache", type=Path, default=None, help="keep the extractions in this file, to reuse"
    )
    args = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    if args.gold:
        figures = gold_eval(args.gold)
        print(json.dumps(figures, indent=1))
        (RESULTS / f"identity-gold-{stamp}.json").write_text(json.dumps(figures, indent=1))
        return
    extractions = _extractions(args)
    figures = {"articles": len(extractions)}
    for name, kinds in (("before", BEFORE), ("after", None)):
        started = time.perf_counter()
        linked = link_corpus(extractions) if kinds is None else link_corpus(extractions, kinds)
        figures[name] = summary(linked, time.perf_counter() - started)
    _print(figures)
    (RESULTS / f"identity-{stamp}.json").write_text(json.dumps(figures, indent=1))
    if args.sample:
        path = RESULTS / f"identity-sample-{stamp}.txt"
        write_sample(extractions, linked.plan, args.sample, args.seed, path)
        print(f"sample written to {path}")


def _extractions(args) -> list:
    if args.cache and args.cache.exists():
        with args.cache.open("rb") as f:
            return pickle.load(f)
    files = corpus_files(CORPUS, args.limit)
    if not files:
        sys.exit(f"no articles under {CORPUS}; set KG_BBC to the BBC corpus")
    articles = [a for a in read_articles(files) if isinstance(a, Article)]
    config = BuildConfig(model=args.model, processes=args.processes)
    started = time.perf_counter()
    extractions, _ = extract_articles(articles, config)
    print(f"{len(extractions)} articles extracted in {time.perf_counter() - started:.0f} s")
    if args.cache:
        with args.cache.open("wb") as f:
            pickle.dump(extractions, f)
    return extractions


def _print(figures: dict) -> None:
    before, after = figures["before"], figures["after"]
    print(f"\n{figures['articles']} articles              before    after")
    rows = [
        ("single-word persons shadowing a full name", "shadowing_single_names"),
        ("  distinct names", "shadowing_distinct_names"),
        ("entities flagged for review", "reviews"),
        ("linking time (s)", "seconds"),
    ]
    for label, key in rows:
        print(f"{label:<44}{before[key]:>8}{after[key]:>9}")
    for t in sorted(after["entities"]):
        print(f"{t + ' entities':<44}{before['entities'].get(t, 0):>8}{after['entities'][t]:>9}")
    rules = sorted(set(after["joins"]) | set(after["candidates"]))
    print(f"\n{'rule':<16}{'joins':>7}{'in articles':>13}{'candidates':>12}{'in articles':>13}")
    for rule in rules:
        print(
            f"{rule:<16}{after['joins'].get(rule, 0):>7}"
            f"{after['joined_occurrences'].get(rule, 0):>13}"
            f"{after['candidates'].get(rule, 0):>12}"
            f"{after['candidate_occurrences'].get(rule, 0):>13}"
        )
    print(
        f"(before: {before['joins'].get('link:dated', 0)} dated-legislation joins in "
        f"{before['joined_occurrences'].get('link:dated', 0)} articles)"
    )


if __name__ == "__main__":
    main()
