"""The raw spaCy model's entity F1 on the gold set: the baseline kg's rules are measured against.

    python bench/raw_ner.py [GOLD_DIR] [--model NAME]

Each PERSON, ORG, GPE/LOC/FAC and LAW span of the model becomes an entity of the matching
type (Person, Organization, Place, Legislation), named by its text less a possessive "'s";
the same text and type is one entity across articles, as kg's keys pool them. Nothing is
joined ("Mr Blair" and "Tony Blair" stay two), retyped or dropped: that is kg's work. The
graph is scored by `kg eval`'s own scorer on the whole set and on each half of its tune /
held-out split.
"""

from __future__ import annotations

import argparse
import hashlib
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent.parent / "shared" / "gold"
_POSSESSIVE = re.compile(r"['’]s$")
_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "LAW": "Legislation",
}


def raw_graph(texts: list[str], nlp):
    import rdflib
    from rdflib import RDF, SKOS, Literal, URIRef
    from rdflib.namespace import SDO

    graph = rdflib.Graph()
    for doc in nlp.pipe(texts):
        for ent in doc.ents:
            type_ = _TYPES.get(ent.label_)
            name = _POSSESSIVE.sub("", ent.text.strip())
            if type_ is None or not name:
                continue
            digest = hashlib.sha1(f"{type_}|{name.casefold()}".encode()).hexdigest()[:12]
            iri = URIRef(f"https://kg.example.org/raw/{digest}")
            graph.add((iri, RDF.type, SDO[type_]))
            graph.add((iri, SKOS.prefLabel, Literal(name)))
    return graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    import spacy

    from kg.evaluate.gold import gold_article_paths, load_gold
    from kg.evaluate.score import score
    from kg.evaluate.split import split_gold
    from kg.ingest.files import read_articles
    from kg.model import Article
    from kg.nlp.pipeline import default_model, locate_model

    name = args.model or default_model()
    nlp = spacy.load(locate_model(name))
    gold = load_gold(args.gold)
    sets = {"whole": gold, **split_gold(gold)}
    print(f"raw {name} NER, scored as kg eval scores a graph")
    print(f"{'':14}" + "".join(f"{s:>22}" for s in sets))
    rows: dict[str, list[str]] = {}
    for articles in sets.values():
        paths = [str(p) for p in gold_article_paths(articles, args.gold)]
        texts = [a.text for a in read_articles(paths) if isinstance(a, Article)]
        report = score(raw_graph(texts, nlp), articles)
        for type_, counts in report.entities.items():
            rows.setdefault(type_, []).append(
                f"{counts.precision:.3f} {counts.recall:.3f} {counts.f1:.3f}"
            )
    print(f"{'':14}" + "".join(f"{'P     R     F1':>22}" for _ in sets))
    for type_, cells in rows.items():
        print(f"{type_:14}" + "".join(f"{c:>22}" for c in cells))


if __name__ == "__main__":
    main()
