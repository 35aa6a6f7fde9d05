"""What graph.html takes from pyvis: vis-network itself, and the network's options.

pyvis writes a page that loads vis-network, Bootstrap and Tom Select from CDNs and hands
vis-network a whole graph to lay out with its physics. graph.html must load nothing and
shows a chosen part of a large graph laid out by kg, so it uses pyvis for two things only:
the vis-network build pyvis bundles, inlined (`vis_script`), and a pyvis `Network` set up
for a view laid out elsewhere (physics and stabilization off, nodes not draggable, edges
straight and coloured each by itself), whose options the page gives vis-network
(`network_options`, with what pyvis has no setting for added).
"""

from __future__ import annotations

import functools
import json
from importlib import resources

from kg.errors import OutputError

_VIS_DIR = ("lib", "vis-9.1.2")  # inside the pyvis package
FONT_FACE = "system-ui, sans-serif"
EDGE_FONT_SIZE = 11


@functools.cache
def vis_script() -> str:
    """vis-network as the pyvis package bundles it (its licence banner kept), ready to inline.

    Its stylesheet is not needed: it styles vis-network's editing and navigation buttons, which
    the page does not use, and the tooltip, which graph.css styles.
    """
    try:
        folder = resources.files("pyvis").joinpath(*_VIS_DIR)
        js = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError) as exc:
        raise OutputError(
            f"cannot find vis-network inside the pyvis package ({exc}); reinstall pyvis==0.3.2"
        ) from exc
    # The source map is a file not shipped; a browser would try to fetch it. Split on "\n"
    # only: str.splitlines() also splits at U+2028 and other separators that sit inside the
    # minified code's string literals, and the rejoined script would not parse.
    js = "\n".join(line for line in js.split("\n") if not line.startswith("//# sourceMappingURL"))
    if "</script" in js.lower() or "<!--" in js:
        raise OutputError("this vis-network build cannot be inlined safely; reinstall pyvis==0.3.2")
    return js


def network_options() -> dict:
    """vis-network's options for graph.html, as JSON-ready data (the page reads them).

    pyvis's `Network` sets what it has settings for; the rest (hover and tooltips, no
    selection or keyboard, no initial layout pass, the labels' font) is added under the same
    keys. A per-line hover width is a function, so the page's script adds it.
    """
    from pyvis.network import Network  # type: ignore[import-untyped]  # pyvis ships no types

    net = Network(directed=True)
    net.toggle_physics(False)  # the layout is kg's, computed once per view: nothing drifts
    net.toggle_stabilization(False)
    net.toggle_drag_nodes(False)
    net.toggle_hide_edges_on_drag(False)
    net.inherit_edge_colors(False)  # each line has the colour its relation gives it
    options = json.loads(net.options.to_json())
    options["edges"]["smooth"]["enabled"] = False  # straight; a pair's second link is bent
    options["edges"].update(
        labelHighlightBold=False,
        arrows={"to": {"enabled": False, "scaleFactor": 0.55}},
        font={"face": FONT_FACE, "size": EDGE_FONT_SIZE, "strokeWidth": 3,
              "strokeColor": "#fff", "align": "horizontal"},
    )  # fmt: skip
    options["interaction"].update(
        hover=True, selectable=False, tooltipDelay=120, keyboard=False, navigationButtons=False
    )
    options["layout"] = {"improvedLayout": False}
    options["nodes"] = {
        "borderWidth": 1.5,
        "labelHighlightBold": False,
        "font": {"face": FONT_FACE, "color": "#1b1b1b", "strokeWidth": 3.5,
                 "strokeColor": "rgba(255,255,255,0.92)"},
    }  # fmt: skip
    return options
