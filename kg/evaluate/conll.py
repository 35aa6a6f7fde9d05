"""Score kg's relations against CoNLL04 (SpERT JSON format), end to end.

Each sentence is detokenised into plain text, run through kg's own pipeline (parse,
extract, link, RDF) as a one-sentence article, and the graph's relations are read back
and compared with the gold ones. Only the two CoNLL04 relation types kg models are scored:

    Work_For     Peop -> Org   org:memberOf, org:headOf, schema:worksFor
    OrgBased_In  Org  -> Loc   kg:basedIn, kg:serves, schema:location

Decisions made here:
- Names match strictly: a graph entity stands for a gold entity when its skos:prefLabel
  or one of its skos:altLabels equals, case-sensitively, the gold entity's text in the
  detokenised sentence (so "The Associated Press" is not "Associated Press").
- Matching is one-to-one per sentence: each gold relation is taken by at most one graph
  relation (the graph's pair of ends, whatever the predicate), so TP + FN is the number of
  gold relations and TP + FP the number of graph relations of that type.
- Graph relations are counted only when both ends have the right kind for the type (a
  person works for an organisation); kg's other relations are not CoNLL04's and are
  neither rewarded nor penalised.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import GoldError, InputError
from kg.evaluate.report import Counts
from kg.model import Article

if TYPE_CHECKING:
    from rdflib import Graph
    from spacy.language import Language

WORK_FOR = "Work_For"
ORG_BASED_IN = "OrgBased_In"
SCORED = (WORK_FOR, ORG_BASED_IN)
MICRO = "micro"
# Published micro-F1 over all five CoNLL04 relation types (test set, strict entity match),
# by fine-tuned transformers: a reference point, not a like-for-like comparison.
REFERENCES = (
    ("REBEL (Huguet Cabot & Navigli, 2021)", 75.4),
    ("SpERT (Eberts & Ulges, 2020)", 71.5),
)

# Tokens written without a space before / after them.
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "?", "!", ")", "]", "}", "%", "..", "...", "n't"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#"})
# Penn Treebank escapes for brackets.
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}


@dataclass(frozen=True)
class Finding:
    """A missed gold relation or a spurious graph relation, for the report."""

    type: str
    head: str
    tail: str
    sentence: int  # index into the input file


@dataclass(frozen=True)
class ConllReport:
    path: str
    sentences: int  # sentences scored
    relations: dict[str, Counts]  # per type in SCORED, plus MICRO
    # The same with names compared loosely (case, a leading "the", edge punctuation), to
    # tell naming differences ("Acme Inc." / "Acme Inc") from missing relations.
    lenient: dict[str, Counts] = field(default_factory=dict)
    # Per type: gold relations whose two names are both labels in the graph (strictly).
    gold_reachable: dict[str, int] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()  # sentences kg failed on, with the reason
    missed: tuple[Finding, ...] = ()
    spurious: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class _Sentence:
    index: int
    text: str
    gold: tuple[tuple[str, str, str], ...]  # (type, head text, tail text)


def evaluate_conll04(path: Path, *, nlp: Language, limit: int | None = None) -> ConllReport:
    """Run kg on every sentence of a SpERT-format CoNLL04 file and score its relations."""
    from kg.builder.local import extract_articles
    from kg.config import BuildConfig

    sentences = _read(Path(path), limit)
    articles = [Article(id=f"conll04-{s.index}", text=s.text) for s in sentences]
    extractions, skipped = extract_articles(articles, BuildConfig(), nlp=nlp)
    by_id = {x.article.id: x for x in extractions}
    counts = {t: [0, 0, 0] for t in SCORED}
    loose = {t: [0, 0, 0] for t in SCORED}
    reachable = dict.fromkeys(SCORED, 0)
    missed: list[Finding] = []
    spurious: list[Finding] = []
    for sentence in sentences:
        extraction = by_id.get(f"conll04-{sentence.index}")
        if extraction is None:
            continue
        graph = _graph(extraction, nlp)
        labels = _labels(graph)
        found = _relations(graph)
        for type_ in SCORED:
            gold = [(h, t) for kind, h, t in sentence.gold if kind == type_]
            names = {name for these in labels.values() for name in these}
            reachable[type_] += sum(h in names and t in names for h, t in gold)
            tp, fps, fns = _match(found[type_], gold, labels)
            counts[type_][0] += tp
            counts[type_][1] += len(fps)
            counts[type_][2] += len(fns)
            spurious += [Finding(type_, h, t, sentence.index) for h, t in fps]
            missed += [Finding(type_, h, t, sentence.index) for h, t in fns]
            loose_labels = {node: {_loose(n) for n in names} for node, names in labels.items()}
            loose_gold = [(_loose(h), _loose(t)) for h, t in gold]
            tp, fps, fns = _match(found[type_], loose_gold, loose_labels)
            loose[type_] = [
                loose[type_][0] + tp,
                loose[type_][1] + len(fps),
                loose[type_][2] + len(fns),
            ]
    return ConllReport(
        path=str(path),
        sentences=len(sentences) - len(skipped),
        relations=_table(counts),
        lenient=_table(loose),
        gold_reachable=reachable,
        skipped=tuple(f"{s.origin}: {s.reason}" for s in skipped),
        missed=tuple(missed),
        spurious=tuple(spurious),
    )


def _table(counts: dict[str, list[int]]) -> dict[str, Counts]:
    table = {t: Counts(tp, fp, fn) for t, (tp, fp, fn) in counts.items()}
    table[MICRO] = Counts(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return table


def _loose(name: str) -> str:
    name = name.strip(" .,;:'\"()").casefold()
    return name[4:] if name.startswith("the ") else name


def format_conll_report(report: ConllReport, *, examples: int = 10) -> str:
    """A plain-text table of the report, with a few misses and spurious relations."""
    lines = [f"CoNLL04: {report.path} ({report.sentences} sentences)", ""]
    lines.append(
        f"{'relation':<12} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"
        "  gold with both names in graph"
    )
    for name, c in report.relations.items():
        reach = report.gold_reachable.get(name)
        if name == MICRO:
            reach = sum(report.gold_reachable.values())
        lines.append(
            f"{name:<12} {100 * c.precision:>6.1f} {100 * c.recall:>6.1f} {100 * c.f1:>6.1f}"
            f" {c.tp:>5} {c.fp:>5} {c.fn:>5}  {reach}/{c.tp + c.fn}"
        )
    if report.lenient:
        lines.append("")
        lines.append("names compared loosely (case, leading 'the', edge punctuation):")
        for name, c in report.lenient.items():
            lines.append(
                f"{name:<12} {100 * c.precision:>6.1f} {100 * c.recall:>6.1f}"
                f" {100 * c.f1:>6.1f} {c.tp:>5} {c.fp:>5} {c.fn:>5}"
            )
    lines.append("")
    lines.append("Reference points, micro-F1 over all five CoNLL04 relation types:")
    for who, f1 in REFERENCES:
        lines.append(f"  {who}: {f1}")
    lines.append("  Those are supervised transformers fine-tuned on CoNLL04's training set and")
    lines.append("  scored on its test set over all five types; kg is rule-based, untrained, and")
    lines.append("  scored here on two types: the numbers are not comparable one-to-one.")
    for title, items in (("missed", report.missed), ("spurious", report.spurious)):
        if items:
            lines.append("")
            lines.append(f"{title} ({len(items)}), first {min(examples, len(items))}:")
            lines += [f"  [{f.sentence}] {f.type}: {f.head} -> {f.tail}" for f in items[:examples]]
    if report.skipped:
        lines.append("")
        lines.append(f"skipped ({len(report.skipped)}):")
        lines += [f"  {s}" for s in report.skipped]
    return "\n".join(lines)


# ---------------------------------------------------------------- reading


def _read(path: Path, limit: int | None) -> list[_Sentence]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read CoNLL04 file {path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path} is not JSON ({exc}); pass a SpERT-format CoNLL04 file") from exc
    if not isinstance(data, list):
        raise GoldError(f"{path}: expected a JSON list of sentences (SpERT format)")
    if limit is not None:
        data = data[: max(0, limit)]
    return [_sentence(path, i, item) for i, item in enumerate(data)]


def _sentence(path: Path, index: int, item: object) -> _Sentence:
    where = f"{path}: sentence {index}"
    try:
        tokens = [str(t) for t in item["tokens"]]  # type: ignore[index]
        text, offsets = detokenise(tokens)
        spans = []
        for e in item["entities"]:  # type: ignore[index]
            start, end = int(e["start"]), int(e["end"])
            if not 0 <= start < end <= len(tokens):
                raise GoldError(f"{where}: entity span {start}..{end} is outside its tokens")
            spans.append(text[offsets[start][0] : offsets[end - 1][1]])
        gold = tuple(
            (str(r["type"]), spans[int(r["head"])], spans[int(r["tail"])])
            for r in item["relations"]  # type: ignore[index]
        )
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise GoldError(
            f"{where} is malformed ({type(exc).__name__}: {exc}); each sentence needs "
            "tokens, entities [{type, start, end}] and relations [{type, head, tail}]"
        ) from exc
    return _Sentence(index, text, gold)


def detokenise(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Plain text from PTB-style tokens, and each token's (start, end) in it.

    A pair of `` or '' quote tokens becomes one '"': the first token gets the character,
    the second an empty span at the same place.
    """
    pieces: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    glue_next = True  # no space before the first token
    open_double = False
    i = 0
    while i < len(tokens):
        tok = _BRACKETS.get(tokens[i], tokens[i])
        pair = tok in ("`", "'") and i + 1 < len(tokens) and tokens[i + 1] == tok
        opening = tok == "`" or (tok == '"' and not open_double)
        if tok == '"':
            open_double = not open_double
        closing = (tok == "'" or tok == '"') and not opening
        glue = glue_next or tok in _NO_SPACE_BEFORE or closing or _is_clitic(tok)
        if pair or tok == '"':
            tok = '"'
        elif tok == "`":
            tok = "'"
        if not glue:
            pieces.append(" ")
            length += 1
        pieces.append(tok)
        offsets.append((length, length + len(tok)))
        length += len(tok)
        if pair:
            offsets.append((length, length))
            i += 1
        glue_next = opening or tok in _NO_SPACE_AFTER
        i += 1
    return "".join(pieces), offsets


def _is_clitic(tok: str) -> bool:
    # "'s", "'t", "O 'Brien": split-off apostrophe words join the word before them.
    return len(tok) > 1 and tok[0] == "'" and tok[1].isalpha()


# ---------------------------------------------------------------- the graph


def _graph(extraction, nlp: Language) -> Graph:
    from rdflib import Graph

    from kg.config import BuildConfig
    from kg.link.across import link_across_articles
    from kg.nlp.pipeline import model_id
    from kg.rdf.graphs import RunInfo, build_dataset
    from kg.version import __version__

    name, version = model_id(nlp)
    run = RunInfo(
        "1970-01-01T00:00:00Z",
        "1970-01-01T00:00:00Z",
        name,
        version,
        __version__,
        BuildConfig().to_json(),
    )
    dataset = build_dataset(link_across_articles([extraction]), run)
    union = Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _labels(graph: Graph) -> dict:
    from rdflib import SKOS

    labels: dict = {}
    for prop in (SKOS.prefLabel, SKOS.altLabel):
        for s, o in graph.subject_objects(prop):
            labels.setdefault(s, set()).add(str(o))
    return labels


def _relations(graph: Graph) -> dict[str, set]:
    from rdflib import RDF
    from rdflib.namespace import ORG, SDO

    from kg.rdf.namespace import KG

    wanted = {
        WORK_FOR: ((ORG.memberOf, ORG.headOf, SDO.worksFor), SDO.Person, SDO.Organization),
        ORG_BASED_IN: ((KG.basedIn, KG.serves, SDO.location), SDO.Organization, SDO.Place),
    }
    found: dict[str, set] = {}
    for type_, (predicates, head_class, tail_class) in wanted.items():
        found[type_] = {
            (s, o)
            for p in predicates
            for s, o in graph.subject_objects(p)
            if (s, RDF.type, head_class) in graph and (o, RDF.type, tail_class) in graph
        }
    return found


def _match(found: set, gold: list[tuple[str, str]], labels: dict):
    """One-to-one matching of graph pairs to gold pairs by exact label."""
    free = list(gold)
    tp = 0
    spurious = []
    for s, o in sorted(found):
        heads, tails = labels.get(s, set()), labels.get(o, set())
        hit = next((g for g in free if g[0] in heads and g[1] in tails), None)
        if hit is None:
            spurious.append((_first(heads, s), _first(tails, o)))
        else:
            free.remove(hit)
            tp += 1
    return tp, spurious, free


def _first(names: set[str], node) -> str:
    return sorted(names, key=len, reverse=True)[0] if names else str(node)
