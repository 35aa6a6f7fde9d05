"""The endpoint's pages: graph.html of an OUT directory, and a query page offline like it.

The query page (`/query`, and `/` when there is no graph.html) is an editor with kg's named
queries as examples; it posts to /sparql and shows the answer with every string set as
text, never as markup. The named queries reach it as JSON inside a script element with
`<`, `>` and `&` escaped, and a Content-Security-Policy lets it load only its own script.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

from starlette.responses import Response

_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def page_response(path: str, html: Path | None) -> Response:
    if path in ("/", "/graph.html") and html is not None:
        return Response(html.read_bytes(), media_type="text/html; charset=utf-8")
    if path == "/query.js":
        return Response(_static("query.js"), media_type="text/javascript; charset=utf-8")
    headers = {"Content-Security-Policy": _POLICY, "X-Content-Type-Options": "nosniff"}
    return Response(_query_page(), media_type="text/html; charset=utf-8", headers=headers)


@cache
def _static(name: str) -> bytes:
    return (resources.files("kg.query.serve") / "static" / name).read_bytes()


@cache
def _query_page() -> bytes:
    page = _static("query.html").decode("utf-8")
    return page.replace("__EXAMPLES__", _examples()).encode("utf-8")


def _examples() -> str:
    from kg.query.named import load

    examples = []
    for name, query in load().items():
        text = query.text if any(p.required for p in query.params) else query.bind({})
        examples.append({"name": name, "title": query.title, "text": text})
    data = json.dumps(examples, ensure_ascii=False)
    # Inside <script>, "</script>" or "<!--" in a query's text must not end the element.
    return data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
