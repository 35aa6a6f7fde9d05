"""graph.html: a map of who matters in the articles and how they connect, that works offline.

The page opens on an overview: the most central entities (PageRank; how many, the reader
chooses), labelled without overlap, coloured by community or by type, with the strongest links
between them. Search (any name or alias, folded as the CLI folds names, or a post) focuses on
one entity and its neighbourhood, one or two steps out; Escape or Back returns; the address
(`#focus=...`) holds the focus. Filters: type, relation (in plain words), minimum number of
articles, dates. Panels give an entity's names, posts, relations with their evidence sentences
and articles, quotations and articles over time, and a link's every sentence.

The page is one self-contained file. vis-network draws the graph: the build the pyvis package
bundles, inlined, with options made with pyvis's Network (kg.graph.vis; pyvis's own templates
would load vis-network and Bootstrap from CDNs). kg's script (kg/graph/templates/graph-*.js,
joined) chooses what is shown, lays it out and decides which labels fit, and gives vis-network
fixed positions with physics off. The data (kg.graph.page) sits in two JSON blocks with `<`,
`>` and `&` escaped; the script puts every string into the page as text (textContent, and
plain-text labels and DOM tooltips for vis-network), never as HTML. A Content-Security-Policy
admits only the page's two scripts and its style sheet (by hash), so nothing can load from the
network.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import string
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

from kg.errors import OutputError
from kg.graph.vis import network_options, vis_script

_CSP_PENDING = "'kg-csp-pending'"
_CSP_STYLE_PENDING = "'kg-csp-style-pending'"
SCRIPT_PARTS = ("graph-data.js", "graph-layout.js", "graph-network.js", "graph-panels.js",
                "graph-search.js")  # fmt: skip


def write_html(dataset_or_store, path: Path, *, title: str = "kg") -> None:
    """Write the interactive graph view of an rdflib Dataset/Graph or a pyoxigraph Store.

    A path to an OUT directory or RDF file is read with `kg.query.sparql.load_store`.
    """
    from kg.graph.project import project

    graph = project(dataset_or_store, comentions=True, quotations=True, negated=True)
    page = render_html(graph, title=title)
    try:
        Path(path).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc}") from exc


def render_html(graph, *, title: str = "kg") -> str:
    """The page for a graph from `kg.graph.project.project`.

    Entities, relations (and denied relations, when projected) and co-mentions are drawn;
    quotations, when projected, are listed in their speaker's panel.
    """
    from kg.graph.page import page_data

    core, text = page_data(graph)
    core["network"] = network_options()  # vis-network's, made with pyvis
    counts = core["summary"]
    summary = (
        f"{counts['entities']:,} entities \u00b7 {counts['relations']:,} relations \u00b7 "
        f"{counts['pairs']:,} pairs named in the same sentence \u00b7 "
        f"{counts['articles']:,} articles"
    )
    app = page_script()
    css = _template_text("graph.css")
    for name, body in (("graph-*.js", app), ("graph.css", css)):
        if "</script" in body.lower() or "</style" in body.lower():
            raise OutputError(f"kg/graph/templates/{name} cannot be inlined: it closes its tag")
    page = string.Template(_template_text("graph.html")).substitute(
        title=html.escape(title),
        csp_script_hashes=_CSP_PENDING,
        csp_style_hash=_CSP_STYLE_PENDING,
        css=css,
        summary=html.escape(summary),
        vis=vis_script(),
        data=_json_for_html(core),
        text=_json_for_html(text),
        app=app,
    )
    # The policy names each script of the page, and its one style sheet, by its hash, so none
    # other could run or apply. The placeholders sit in <head>, before any text from the graph.
    inline = _inline(page)
    page = page.replace(_CSP_PENDING, " ".join(_hash(body) for body in inline.scripts), 1)
    return page.replace(_CSP_STYLE_PENDING, " ".join(_hash(body) for body in inline.styles), 1)


def _hash(body: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"


class _Inline(HTMLParser):
    """The text of every executable inline <script> (not the JSON data blocks) and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._into: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "script" and not any(name == "type" for name, _ in attrs):
            self._into = self.scripts
        elif tag == "style":
            self._into = self.styles
        else:
            return
        self._into.append("")

    def handle_endtag(self, tag) -> None:
        if tag in ("script", "style"):
            self._into = None

    def handle_data(self, data) -> None:
        if self._into is not None:
            self._into[-1] += data


def _inline(page: str) -> _Inline:
    collector = _Inline()
    collector.feed(page)
    collector.close()
    return collector


def _json_for_html(value) -> str:
    """JSON safe to place inside <script>: no `<`, `>` or `&` can end or open a tag."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def page_script() -> str:
    """The page's script: its parts in kg/graph/templates, joined."""
    return "".join(_template_text(name) for name in SCRIPT_PARTS)


def _template_text(name: str) -> str:
    return resources.files("kg.graph").joinpath("templates", name).read_text(encoding="utf-8")
