"""Where to draw each entity and in which colour: for the page (kg.graph.view) and the exports.

`node_styles(graph)` gives every entity of a projected graph (kg.graph.project) a position,
its community (kg.graph.analytics.communities; -1 for an entity linked to nothing) and a
colour: its community's, or its type's with `colour_by="type"`. `layout(view)` is the
force-directed layout behind the positions. The page lays out what it draws itself (it
knows the window's size); these are for tools such as Gephi that read a GEXF file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

_SEED = 7
TYPE_COLOURS = {
    "Legislation": "#59a14f",
    "Organization": "#f28e2b",
    "Person": "#4e79a7",
    "Place": "#b07aa1",
}
# Distinct on white and for the common colour-blindnesses as far as ten colours can be;
# communities beyond the palette share OTHER_COLOUR.
COMMUNITY_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#17becf",
)
OTHER_COLOUR = "#a0a4a8"


@dataclass(frozen=True)
class NodeStyle:
    x: float
    y: float
    colour: str  # "#rrggbb"
    community: int  # index into analytics.communities(graph), largest first; -1: none


def community_colour(community: int) -> str:
    """The colour of the community of that index (largest first), grey past the palette."""
    return COMMUNITY_COLOURS[community] if 0 <= community < len(COMMUNITY_COLOURS) else OTHER_COLOUR


def node_styles(
    graph, *, colour_by: Literal["community", "type"] = "community"
) -> dict[str, NodeStyle]:
    """Entity IRI -> position, community and colour, for every entity of a projected graph."""
    from kg.graph.analytics import communities, entity_graph

    if colour_by not in ("community", "type"):
        raise ValueError(f"colour_by is 'community' or 'type', not {colour_by!r}")
    community = {n: i for i, group in enumerate(communities(graph)) for n in group}
    positions = layout(entity_graph(graph))
    styles = {}
    for node, (x, y) in positions.items():
        group = community.get(node, -1)
        colour = (
            community_colour(group)
            if colour_by == "community"
            else TYPE_COLOURS.get(graph.nodes[node].get("type", ""), OTHER_COLOUR)
        )
        styles[node] = NodeStyle(x, y, colour, group)
    return styles


def layout(view, *, seed: int = _SEED, scale: float = 60.0) -> dict[str, tuple[float, float]]:
    """Positions for the nodes of an undirected graph, fast enough for thousands of nodes.

    Force-directed (Fruchterman-Reingold) per connected component, with repulsion felt from
    a random sample of the component's nodes when it is large (so a round costs O(n k), not
    O(n^2)); components are then packed in rows, largest first. `scale` is the typical
    distance between linked nodes. Deterministic for a given seed and node order.
    """
    import networkx as nx
    import numpy as np

    rng = np.random.default_rng(seed)
    placed: list[tuple[list[str], np.ndarray]] = []
    parts = sorted((sorted(c) for c in nx.connected_components(view)), key=lambda c: (-len(c), c))
    for nodes in parts:
        placed.append((nodes, _force_layout(view, nodes, rng) * scale))
    positions: dict[str, tuple[float, float]] = {}
    row_width = scale * 3 * max(1.0, len(view) ** 0.5)
    x = y = row_height = 0.0
    for nodes, pos in placed:
        pos = pos - pos.min(axis=0)
        width, height = pos.max(axis=0) + scale
        if x and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in zip(nodes, pos, strict=True):
            positions[node] = (round(float(px + x), 1), round(float(py + y), 1))
        x += width
        row_height = max(row_height, height)
    return positions


def _force_layout(view, nodes: list[str], rng, rounds: int = 80, sample: int = 400):
    import numpy as np

    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2))
    index = {node: i for i, node in enumerate(nodes)}
    # Sorted, so the sums below add in the same order whatever order the graph was read in.
    pairs = sorted(tuple(sorted((index[a], index[b]))) for a, b in view.subgraph(nodes).edges())
    edges = np.array(pairs, dtype=np.intp).reshape(-1, 2)
    angle = np.linspace(0, 2 * np.pi, n, endpoint=False)
    pos = np.c_[np.cos(angle), np.sin(angle)] * np.sqrt(n) / 2 + rng.normal(0, 0.01, (n, 2))
    step = np.sqrt(n) / 4
    k = min(n, sample)
    # The n-by-k arrays are the cost of a round: made once, filled in place.
    dx, dy, inv = np.empty((n, k)), np.empty((n, k)), np.empty((n, k))
    move = np.empty((n, 2))
    for _ in range(rounds):
        pivots = np.arange(n) if n <= sample else rng.choice(n, sample, replace=False)
        np.subtract(pos[:, 0, None], pos[None, pivots, 0], out=dx)
        np.subtract(pos[:, 1, None], pos[None, pivots, 1], out=dy)
        np.multiply(dx, dx, out=inv)
        inv += dy * dy
        np.reciprocal(np.maximum(inv, 1e-4, out=inv), out=inv)
        # each pivot stands for n / k nodes; repulsion k^2/d with k = 1
        move[:, 0] = np.einsum("ij,ij->i", dx, inv)
        move[:, 1] = np.einsum("ij,ij->i", dy, inv)
        move *= n / k
        if len(edges):
            pull = pos[edges[:, 0]] - pos[edges[:, 1]]
            force = pull * np.sqrt((pull**2).sum(axis=1))[:, None]
            for axis in (0, 1):
                move[:, axis] -= np.bincount(edges[:, 0], force[:, axis], n)
                move[:, axis] += np.bincount(edges[:, 1], force[:, axis], n)
        norm = np.maximum(np.sqrt((move**2).sum(axis=1)), 1e-9)[:, None]
        pos += move / norm * np.minimum(norm, step)
        step *= 0.95
    return pos
