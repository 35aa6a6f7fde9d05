"""graph.html opened in Debian's Chromium with everything it tries to do recorded, for the
browser tests (tests/test_browser*.py).

The page's Content-Security-Policy forbids eval, which Playwright's wait_for_function uses,
so waits poll page.evaluate (run by the debugger protocol, outside the policy) instead.
"""

from __future__ import annotations

import time
from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"  # git-ignored


class Opened:
    """A page loaded from disk, every request that is not a file refused and recorded."""

    def __init__(self, browser, path: Path, *, bypass_csp: bool = False, fragment: str = "",
                 viewport: tuple[int, int] = (1280, 800)) -> None:  # fmt: skip
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]}, bypass_csp=bypass_csp
        )
        self.context.route("**/*", self._route)
        page = self.page = self.context.new_page()
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.started = time.perf_counter()
        page.goto(self.url + fragment)
        self.wait("window.kg !== undefined && window.kg.state.ready")
        self.ready_seconds = time.perf_counter() - self.started

    def _route(self, route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def wait(self, expression: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while not self.js(expression):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {expression}; errors: {self.errors}")
            time.sleep(0.05)

    def index(self, label: str) -> int:
        found = self.js("label => kg.entity(label)", label)
        assert found is not None, label
        return found["index"]

    def point(self, index: int) -> tuple[float, float]:
        """Where an entity is drawn, in page coordinates."""
        return tuple(
            self.js(
                """i => {
                    const box = document.getElementById("kg-graph").getBoundingClientRect();
                    const p = kg.screen(i);
                    return [box.left + p[0], box.top + p[1]];
                }""",
                index,
            )
        )

    def click_entity(self, label: str) -> None:
        """Click the entity where it is drawn, and wait for its focus and panel."""
        index = self.index(label)
        self.page.mouse.click(*self.point(index))
        self.wait(f"kg.state.mode === 'focus' && kg.state.focus === {index}")
        self.wait("!document.getElementById('kg-panel').hidden")

    def hover(self, index: int) -> None:
        x, y = self.point(index)
        self.page.mouse.move(x - 30, y - 30)
        self.page.mouse.move(x, y, steps=4)

    def search(self, text: str) -> None:
        box = self.page.locator("#kg-search")
        box.fill(text)
        box.press("Enter")

    def results(self) -> list[str]:
        return self.js(
            "Array.from(document.querySelectorAll('#kg-results li')).map(li => li.innerText)"
        )

    def panel_title(self) -> str:
        return self.js("document.querySelector('#kg-panel h2').textContent")

    def panel_text(self) -> str:
        return self.js("document.getElementById('kg-panel-body').innerText")

    def drawn(self) -> list[dict]:
        return self.js("kg.drawn()")

    def labels(self) -> list[dict]:
        return self.js("kg.labels()")

    def canvas_size(self) -> tuple[float, float]:
        box = self.js(
            "(() => { const b = document.getElementById('kg-graph').getBoundingClientRect();"
            " return [b.width, b.height]; })()"
        )
        return box[0], box[1]

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / name
        self.page.screenshot(path=str(path))
        return path

    def close(self) -> None:
        self.context.close()


def overlaps(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["w"]
        and b["x"] < a["x"] + a["w"]
        and (a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])
    )
