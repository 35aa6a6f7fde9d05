"""The shape of kg: stage packages whose imports run one way, from the command line down to
the data types (README, Development), with no cycles and no private names shared.

Read from the source with `ast`, so every import counts: at module level, inside a function,
under `if TYPE_CHECKING:`. A new top-level module or package goes into LAYERS, on purpose.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"

# Top to bottom. A module may import from its own unit or from any unit in a layer below;
# units sharing a layer are independent of each other. `kg` itself (kg/__init__.py, the
# public API) is at the top: nothing in kg imports it.
LAYERS: list[tuple[str, ...]] = [
    ("kg", "kg.__main__"),
    ("kg.cli",),
    ("kg.output", "kg.evaluate", "kg.api", "kg.review"),
    ("kg.graph",),
    ("kg.query",),
    ("kg.store",),
    ("kg.builder",),
    ("kg.rdf",),
    ("kg.link",),
    ("kg.extract",),
    ("kg.nlp",),
    ("kg.ingest",),
    ("kg.config", "kg.errors", "kg.model", "kg.paths", "kg.version"),
]
LEVEL = {unit: n for n, layer in enumerate(LAYERS) for unit in layer}

Graph = dict[str, set[str]]


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(KG.rglob("*.py")):
        parts = path.relative_to(KG.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


@cache
def _parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _imports(module: str, path: Path) -> Iterable[tuple[str, str]]:
    """(imported kg module, name imported from it or "") for every import in `path`."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(_parsed(path)):
        if isinstance(node, ast.Import):
            yield from ((alias.name, "") for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                child = f"{base}.{alias.name}"
                yield (child, "") if child in MODULES else (base, alias.name)


def _graph() -> Graph:
    graph: Graph = {m: set() for m in MODULES}
    for module, path in MODULES.items():
        for target, _ in _imports(module, path):
            if (target == "kg" or target.startswith("kg.")) and target != module:
                graph[module].add(target)
    return graph


def _unit(module: str) -> str | None:
    matches = [u for u in LEVEL if module == u or module.startswith(u + ".")]
    return max(matches, key=len) if matches else None


def wrong_way(graph: Graph) -> list[str]:
    """Imports that do not point down the layers."""
    found = []
    for module, targets in sorted(graph.items()):
        for target in sorted(targets):
            here, there = _unit(module), _unit(target)
            if here != there and not LEVEL[there] > LEVEL[here]:  # type: ignore[index]
                found.append(f"{module} imports {target} ({there} is not below {here})")
    return found


def cycle(graph: Graph) -> list[str]:
    """One import cycle of `graph`, as a path that ends where it starts; [] if there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        state[node] = 2
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def package_graph(graph: Graph, package: str) -> Graph:
    """The imports between the direct children (modules, subpackages) of `package`."""
    prefix = package + "."

    def child(module: str) -> str | None:
        if not module.startswith(prefix):
            return None
        return prefix + module[len(prefix) :].split(".")[0]

    children: Graph = {}
    for module, targets in graph.items():
        source = child(module)
        if source is None:
            continue
        children.setdefault(source, set())
        for target in targets:
            other = child(target)
            if other is not None and other != source:
                children[source].add(other)
    return children


def test_every_module_has_a_layer():
    missing = [m for m in MODULES if _unit(m) is None]
    assert not missing, f"not in LAYERS: {missing}"


def test_imports_point_down_the_layers():
    found = wrong_way(_graph())
    assert not found, "\n".join(found)


def test_no_cycle_between_modules():
    found = cycle(_graph())
    assert not found, " -> ".join(found)


@pytest.mark.parametrize(
    "package", sorted(m for m, p in MODULES.items() if p.name == "__init__.py")
)
def test_no_cycle_between_the_parts_of_a_package(package):
    found = cycle(package_graph(_graph(), package))
    assert not found, " -> ".join(found)


def test_no_private_name_is_imported_from_another_module():
    found = []
    for module, path in MODULES.items():
        for target, name in _imports(module, path):
            private = [p for p in [*target.split("."), name] if p.startswith("_")]
            if target.startswith("kg") and any(not p.startswith("__") for p in private):
                found.append(f"{module} imports {name or target} from {target}")
    assert not found, "\n".join(found)


def test_the_checks_catch_what_they_are_for():
    # a wrong-way import, a cycle, a cycle between two packages: each is reported
    assert wrong_way({"kg.model": {"kg.cli.app"}}) != []
    assert wrong_way({"kg.output": {"kg.evaluate.score"}}) != []  # siblings are independent
    assert wrong_way({"kg.cli.app": {"kg.model"}, "kg.rdf.graphs": {"kg.rdf.iri"}}) == []
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    two = {"kg.x.a": {"kg.y.b"}, "kg.y.b": {"kg.x.c"}, "kg.x.c": set()}
    assert cycle(two) == [] and cycle(package_graph(two, "kg")) != []
