"""What a query reads: an on-disk store (opened read-only), or an OUT directory or RDF file
loaded into a store whose default graph holds the union of its named graphs.

The union is copied into the default graph rather than asked for with pyoxigraph's
`use_default_graph_as_union`: in pyoxigraph 0.5 that option answers a triple once per graph
holding it (oxigraph issue #1919), and kg repeats every entity's types in each article
graph, so counts would be inflated. A store written by `kg build --store` keeps that union
in its default graph itself (kg.store.incremental).

Only pyoxigraph is imported: the query workers (kg.query.worker) load their source here.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import OutputError

RDF_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
}


def rdf_file(source: Path) -> Path:
    """The RDF file `source` names: itself, or an OUT directory's graph.trig."""
    source = Path(source)
    if not source.exists():
        raise OutputError(
            f"{source} does not exist; pass a store directory (`kg build --store`), an OUT "
            f"directory written by `kg build` or an RDF file ({', '.join(RDF_FORMATS)})"
        )
    path = source / "graph.trig" if source.is_dir() else source
    if source.is_dir() and not path.is_file():
        raise OutputError(
            f"{source} holds no graph.trig; build it with `kg build ... --out {source}` "
            "or pass an RDF file instead"
        )
    if path.suffix.lower() not in RDF_FORMATS:
        raise OutputError(
            f"cannot tell the RDF format of {path}; use a file ending in {', '.join(RDF_FORMATS)}"
        )
    return path


def load_rdf(path: Path, directory: Path | None = None, *, union: bool = True) -> ox.Store:
    """Load an RDF file into a new store (in memory, or on disk in `directory`), with the
    union of its named graphs copied into the default graph (unless `union` is False: a
    reader that walks the named graphs itself needs no second copy of every triple)."""
    fmt = RDF_FORMATS[path.suffix.lower()]
    store = ox.Store(str(directory)) if directory is not None else ox.Store()
    try:
        store.bulk_load(path=path, format=fmt) if directory else store.load(path=path, format=fmt)
    except SyntaxError as exc:
        raise OutputError(f"{path} is not valid {fmt.name}: {exc}") from exc
    except (OSError, ValueError) as exc:
        raise OutputError(f"cannot read {path}: {exc}") from exc
    if union:
        copy_union_to_default(store)
    return store


def load_nquads(data: bytes) -> ox.Store:
    """A store from N-Quads as `ox.Store.dump` wrote them (its default graph included)."""
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.N_QUADS)
    return store


def copy_union_to_default(store: ox.Store) -> None:
    # One graph at a time: a single INSERT ... WHERE over every graph holds all its
    # solutions in memory at once (about 40% more peak memory on a 450k-quad graph).
    for graph in list(store.named_graphs()):
        if isinstance(graph, ox.NamedNode):
            store.update(f"ADD <{graph.value}> TO DEFAULT")
        else:
            store.extend(
                ox.Quad(q.subject, q.predicate, q.object)
                for q in store.quads_for_pattern(None, None, None, graph)
            )
