"""A pool of query workers for the endpoint: fast queries answered while slow ones run.

At most `size` workers (kg.query.worker), started as they are needed (two at once to begin
with, and a spare in the background whenever the last idle one is taken); each opens the
store once and answers one query at a time. A query that outlives
its time or its memory takes its worker with it, and another is started in its place.
At most `queue` requests wait for a worker, each for no longer than the time limit; past
that the endpoint is busy (`Busy`: a 503 with Retry-After). Everything here blocks, so the
endpoint calls it from threads.

`reopen()` makes each worker open the store again (a newer snapshot: kg build wrote to it)
before its next query.
"""

from __future__ import annotations

import threading
import time

from kg.errors import KgError, QueryError
from kg.query.engine import Job, Reply
from kg.query.worker import Source, Worker

_START_TIMEOUT = 120.0  # seconds for a worker to open its store


class Busy(QueryError):
    """Every worker is busy and the queue is full, or a request waited its time out."""


class Pool:
    def __init__(self, source: Source, size: int, queue: int, warm: int = 2):
        self.source = source
        self.size = max(1, size)
        self.queue = max(0, queue)
        self.warm = max(1, min(warm, self.size))
        self.generation = 0
        self._cond = threading.Condition()
        self._idle: list[Worker] = []
        self._all: set[Worker] = set()
        self._starting = 0
        self._admitted = 0
        self._closed = False
        for _ in range(self.warm):  # at once, so that a store that cannot be opened says so
            self._idle.append(self._start())

    def admit(self) -> bool:
        """Take a place for one request (running or waiting); False when there is none."""
        with self._cond:
            if self._admitted >= self.size + self.queue:
                return False
            self._admitted += 1
            return True

    def leave(self) -> None:
        with self._cond:
            self._admitted -= 1

    def run(self, job: Job, timeout: float) -> Reply:
        """Run `job` in a free worker, waiting at most `timeout` s for one."""
        worker = self._acquire(time.monotonic() + timeout)
        try:
            if worker.generation != self.generation:
                worker.reopen(_START_TIMEOUT)
                worker.generation = self.generation
            reply = worker.run(job, timeout)
        except BaseException:
            self._lost(worker)
            raise
        self._release(worker)
        return reply

    def reopen(self) -> None:
        """Have every worker open the store again before its next query."""
        with self._cond:
            self.generation += 1

    def busy(self) -> tuple[int, int]:
        """(requests admitted, workers alive)."""
        with self._cond:
            return self._admitted, len(self._all)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            workers = list(self._all)
            self._idle.clear()
            self._cond.notify_all()
        for worker in workers:
            worker.kill()

    def _start(self) -> Worker:
        worker = Worker(self.source)
        try:
            worker.wait_ready(_START_TIMEOUT)
        except BaseException:
            worker.kill()
            raise
        worker.generation = self.generation
        with self._cond:
            self._all.add(worker)
        return worker

    def _acquire(self, deadline: float) -> Worker:
        with self._cond:
            while True:
                if self._closed:
                    raise Busy("the endpoint is shutting down")
                if self._idle:
                    worker = self._idle.pop()
                    self._spare()
                    return worker
                if len(self._all) + self._starting < self.size:
                    self._starting += 1
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise Busy(
                        f"the endpoint is busy: all {self.size} query workers stayed busy "
                        "for the whole time limit; try again shortly (kg serve --workers "
                        "runs more at once)"
                    )
                self._cond.wait(remaining)
        try:
            return self._start()
        finally:
            with self._cond:
                self._starting -= 1
                self._cond.notify()

    def _spare(self) -> None:
        """With the last idle worker taken, start another in the background (within `size`),
        so that the next request finds one ready rather than waiting for a start. Called
        with the lock held."""
        if not self._idle and len(self._all) + self._starting < self.size and not self._closed:
            self._starting += 1
            threading.Thread(target=self._replace, daemon=True).start()

    def _release(self, worker: Worker) -> None:
        with self._cond:
            if self._closed:
                worker.kill()
                return
            self._idle.append(worker)
            self._cond.notify()

    def _lost(self, worker: Worker) -> None:
        worker.kill()
        with self._cond:
            self._all.discard(worker)
            self._cond.notify()
            short = not self._closed and len(self._all) + self._starting < self.warm
            if short:
                self._starting += 1
        if short:  # keep the warm workers warm, without making this request wait
            threading.Thread(target=self._replace, daemon=True).start()

    def _replace(self) -> None:
        try:
            worker = self._start()
        except KgError:
            worker = None
        with self._cond:
            self._starting -= 1
            if worker is not None:
                if self._closed:
                    worker.kill()
                else:
                    self._idle.append(worker)
            self._cond.notify()
