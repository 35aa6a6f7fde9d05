"""Debian's Chromium as the browser tests and bench/view_scale.py drive it through Playwright:
the system binary (never a browser Playwright downloads), headless, with nothing of its own
that reaches the network."""

from __future__ import annotations

from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright: Any) -> Any:
    """Chromium, launched by `playwright` (what `sync_playwright()` gives)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
