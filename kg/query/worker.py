"""Query workers: processes that open a source once and answer queries, one at a time.

A worker is a fresh interpreter (`python -c` running `child_main`, never a fork of a
process whose other threads may hold locks, and never a re-run of the caller's main
script, as multiprocessing's "spawn" would do to a script without a `__main__` guard),
talking to its caller over a socket pair. It opens its source read-only (or loads it),
and then:

- cuts itself off the network (a new user and network namespace, on Linux where the kernel
  allows it) unless SERVICE is allowed: then no query can reach another host, whatever
  the SERVICE check (kg.query.check) makes of it;
- caps its memory: `memory_limit` bytes more than it holds once the source is open
  (RLIMIT_DATA, which counts the heap and anonymous mappings, not the store's files); a
  query that needs more makes the allocation fail and the process end, and the caller
  reports it and starts another worker;
- caps its CPU time per query (RLIMIT_CPU), so that a worker whose parent died (and so
  cannot kill it when time is up) still stops.

The caller (`Worker`, or kg.query.pool) kills a worker whose query outlives its time.
"""

from __future__ import annotations

import os
import resource
import signal
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import OutputError, QueryError
from kg.query.engine import Job, Reply, Target, evaluate


class QueryTimeout(QueryError):
    """The query ran out of time and was stopped."""


class QueryMemoryError(QueryError):
    """The query needed more memory than its limit and was stopped."""


@dataclass(frozen=True)
class Source:
    """What a worker opens: a store directory ("store"), an RDF file ("file") or N-Quads
    bytes ("nquads"), and how it runs queries over it."""

    kind: str
    path: str = ""
    data: bytes = field(default=b"", repr=False)
    hidden: tuple[str, ...] = ()  # named graphs no query sees
    prefixes: dict[str, str] = field(default_factory=dict)
    allow_service: bool = False
    memory_limit: int | None = None  # bytes per query; None: no limit
    preload: bool = False  # load the SERVICE check's grammar before the first query


def child_main() -> None:
    """The worker process's entry point: its connection is the descriptor in argv[1]."""
    conn = Connection(int(sys.argv[1]))
    main(conn, conn.recv())


def main(conn, source: Source) -> None:
    """The worker process: open, limit, say "ready", then answer jobs until told to stop."""
    try:
        target = _open(source)
    except (OutputError, OSError, SyntaxError, ValueError) as exc:
        conn.send(("error", str(exc)))
        return
    isolated = not source.allow_service and _isolate()
    target.isolated = isolated
    if source.preload:
        import rdflib.plugins.sparql.parser  # noqa: F401 - builds the grammar once, now
    limited = _limit_memory(source.memory_limit)
    conn.send(("ready", {"pid": os.getpid(), "isolated": isolated, "memory_limited": limited}))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if message[0] == "stop":
            return
        if message[0] == "reopen":
            target = _open(source, isolated)
            conn.send(("reopened", None))
            continue
        _, job, seconds = message
        _limit_cpu(seconds)
        try:
            reply: Reply = evaluate(target, job, source.prefixes)
        except MemoryError:
            reply = ("memory", None)
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


def _open(source: Source, isolated: bool = False) -> Target:
    import pyoxigraph as ox

    from kg.query.source import load_nquads, load_rdf

    if source.kind == "store":
        try:
            store = ox.Store.read_only(source.path)
        except OSError as exc:
            raise OutputError(f"cannot open the store {source.path}: {exc}") from exc
    elif source.kind == "file":
        store = load_rdf(Path(source.path))
    else:
        store = load_nquads(source.data)
    return Target.of(store, source.hidden, isolated)


def _isolate() -> bool:
    """Leave the network: a new network namespace holds only a loopback that is down."""
    unshare = getattr(os, "unshare", None)  # Linux, Python 3.12+
    user, net = getattr(os, "CLONE_NEWUSER", 0), getattr(os, "CLONE_NEWNET", 0)
    if unshare is None or not net:
        return False
    for flags in (user | net, net):
        try:
            unshare(flags)
            return True
        except OSError:
            continue
    return False


def _limit_memory(limit: int | None) -> bool:
    if not limit:
        return False
    used = _data_size()
    kind = resource.RLIMIT_DATA if used is not None else getattr(resource, "RLIMIT_AS", None)
    if kind is None:
        return False
    try:
        resource.setrlimit(kind, (int((used or 0) + limit), resource.RLIM_INFINITY))
    except (OSError, ValueError):
        return False
    return True


def _data_size() -> int | None:
    """The process's data segment now (VmData, Linux), in bytes."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _limit_cpu(seconds: float) -> None:
    # Generous: the caller kills the worker at `seconds` of wall time; this only stops a
    # worker whose caller is gone.
    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = used.ru_utime + used.ru_stime
    try:
        resource.setrlimit(
            resource.RLIMIT_CPU, (int(spent + 2 * seconds + 10), resource.RLIM_INFINITY)
        )
    except (OSError, ValueError):
        pass


_ENTRY = "from kg.query.worker import child_main; child_main()"


class Worker:
    """A worker process seen from its caller."""

    def __init__(self, source: Source):
        ours, theirs = socket.socketpair()
        # kg itself is found where it was imported from, installed or not
        root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _ENTRY, str(theirs.fileno())],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env=env,
            )
        finally:
            theirs.close()
        self.conn = Connection(ours.detach())
        self.conn.send(source)
        self.memory_limit = source.memory_limit
        self.info: dict = {}
        self.generation = 0  # which opening of the source it holds (kg.query.pool)

    def wait_ready(self, timeout: float | None = None) -> dict:
        """Wait until the source is open; raise OutputError if it cannot be."""
        try:
            if not self.conn.poll(timeout):
                self.kill()
                raise QueryError(f"the query worker did not start within {timeout:g} s")
            status, payload = self.conn.recv()
        except (EOFError, OSError) as exc:
            self.kill()
            raise QueryError(f"the query worker ended while starting ({self._end()})") from exc
        if status == "error":
            self.kill()
            raise OutputError(payload)
        self.info = payload
        return payload

    def run(self, job: Job, timeout: float) -> Reply:
        """The reply to `job`; QueryTimeout or QueryMemoryError (the worker is then gone)."""
        try:
            self.conn.send(("query", job, timeout))
            if not self.conn.poll(timeout):
                self.kill()
                raise QueryTimeout(
                    f"the query was stopped after {timeout:g} s (the time limit); narrow it, "
                    "or allow more time with --timeout"
                )
            reply = self.conn.recv()
        except (EOFError, OSError) as exc:
            self.kill()
            raise self._died() from exc
        if reply[0] == "memory":
            self.kill()
            raise self._died(memory=True)
        return reply

    def reopen(self, timeout: float) -> None:
        self.conn.send(("reopen",))
        if not self.conn.poll(timeout):
            self.kill()
            raise QueryError("the query worker did not reopen the store in time")
        self.conn.recv()

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        try:
            self.conn.send(("stop",))
            self.process.wait(2)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.kill()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        if not self.conn.closed:
            self.conn.close()

    def _died(self, memory: bool = False) -> QueryError:
        # An allocation refused by the memory limit aborts the process (Rust and C++ both
        # abort when memory runs out); Python's own MemoryError comes back as a reply.
        if self.memory_limit and (memory or self.process.returncode == -signal.SIGABRT):
            return QueryMemoryError(
                f"the query was stopped: it needed more than the memory limit of "
                f"{describe_size(self.memory_limit)}; narrow it, or allow more with "
                "--memory-limit"
            )
        return QueryError(f"the query process ended without an answer ({self._end()})")

    def _end(self) -> str:
        code = self.process.returncode
        if code is not None and code < 0:
            return f"signal {signal.Signals(-code).name}"
        return f"exit code {code}"


def describe_size(size: int) -> str:
    for unit, factor in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"


def run_once(source: Source, job: Job, timeout: float) -> Reply:
    """Run one job in a worker of its own, which ends with it (`kg query`)."""
    worker = Worker(source)
    try:
        worker.wait_ready()
        return worker.run(job, timeout)
    finally:
        worker.stop()
