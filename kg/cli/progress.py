"""What `kg build` says while it works, on stderr.

On a terminal, a progress bar while articles are extracted. Elsewhere (a log file, CI,
nohup) a bar would be one long line of control codes, or nothing: plain lines instead,
one when extraction starts, one every `interval` seconds (articles done, rate, time left),
one when it ends; a ticker thread keeps them coming while workers load their pipelines
or parse a long batch. The rate and time left count from the first article done, so the
time the pipeline takes to load does not skew them. Stage lines ("writing out: ...") are
printed in both cases. `--quiet` silences all of it.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

INTERVAL = 10.0  # seconds between two plain progress lines


class BuildProgress:
    """`on_count(total)` and `on_done(n)` for the builder, `stage(text)` for the command.

    Use as a context manager: the bar (on a terminal) is shown inside the block.
    """

    def __init__(
        self,
        quiet: bool = False,
        *,
        stream: TextIO | None = None,
        tty: bool | None = None,
        interval: float = INTERVAL,
        clock: Callable[[], float] = time.monotonic,
        ticker: bool = True,
    ) -> None:
        self.quiet = quiet
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.interval = interval
        self.clock = clock
        self.total = 0
        self.done = 0
        self._started = 0.0
        self._last = 0.0
        self._first: tuple[float, int] | None = None  # when the first articles were done
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._lock = threading.Lock()
        self._ticker = ticker
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> BuildProgress:
        if not self.quiet and self.tty:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def on_count(self, total: int) -> None:
        """Extraction of `total` articles starts."""
        self.total, self.done = total, 0
        self._started = self._last = self.clock()
        if self._bar is not None:
            self._task = self._bar.add_task("extracting", total=total)
            return
        if total:
            self._line(f"extracting {total:,} article(s)")
        if total and self._ticker and not self.quiet:
            self._stop.clear()
            self._thread = threading.Thread(target=self._tick, name="kg-progress", daemon=True)
            self._thread.start()

    def on_done(self, n: int) -> None:
        """`n` more articles are extracted."""
        with self._lock:
            self.done += n
            if self._bar is not None:
                if self._task is not None:
                    self._bar.advance(self._task, n)
                return
            now = self.clock()
            if self._first is None:
                self._first = (now, self.done)
            if self.done >= self.total:
                self._stop.set()
                elapsed = now - self._started
                self._line(
                    f"extracted {self.done:,}/{self.total:,} article(s) in {_duration(elapsed)}"
                    f" ({_rate(self.done, elapsed)}); linking them and making the RDF"
                )
            else:
                self._report_if_due(now)

    def _tick(self) -> None:
        while not self._stop.wait(min(1.0, self.interval)):
            with self._lock:
                if self.done < self.total:
                    self._report_if_due(self.clock())

    def _report_if_due(self, now: float) -> None:
        if now - self._last < self.interval:
            return
        self._last = now
        line = (
            f"extracting: {self.done:,}/{self.total:,} article(s) "
            f"({100 * self.done // max(self.total, 1)}%)"
        )
        if self._first is not None and self.done > self._first[1] and now > self._first[0]:
            rate = (self.done - self._first[1]) / (now - self._first[0])
            left = (self.total - self.done) / rate
            line += f", {rate:.1f} articles/s, about {_duration(left)} left"
        else:
            line += ", the pipeline is loading or the first batch parsing"
        self._line(line)

    def stage(self, text: str) -> None:
        """Say what the build does next ("writing out: graph.trig, ...")."""
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False)
        else:
            self._line(text)

    def _line(self, text: str) -> None:
        if not self.quiet:
            print(f"kg build: {text}", file=self.stream, flush=True)


def _rate(done: int, seconds: float) -> str:
    return f"{done / seconds:.1f} articles/s" if seconds > 0 else "-"


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
