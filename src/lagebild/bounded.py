"""Work with a time limit per task, in worker processes that are killed and replaced when a task
takes too long.

Extraction is pure Python: a regular expression or a loop that runs away cannot be interrupted
by a signal in a thread, so a document over its time limit can only be stopped by ending the
process that reads it. Each worker is a spawned process that answers one task at a time over a
pipe; the clock of a task starts when it is handed to a ready worker (loading the gazetteer and
the language data does not count). A task over the limit, or one whose worker dies, gets the
caller's answer for it (`on_timeout`, `on_crash`) and the batch goes on with a fresh worker.
Nothing of such a task is stored: storing happens in the calling process, after the answer.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

DEFAULT_TIME_LIMIT_S = 30.0  # a long article reads in well under a second; 30 s is a stall
START_LIMIT_S = 300.0  # a worker that is not ready this long after starting is broken
ENV = "LAGEBILD_TIME_LIMIT"

T = TypeVar("T")
R = TypeVar("R")

_READY = "ready"


class TaskFailed(Exception):
    """A task gave no answer: it ran past its time limit, or its worker died."""


class TimeLimitExceeded(TaskFailed):
    """A task ran past its time limit; its worker was ended."""


class WorkerFailed(RuntimeError):
    """A worker process could not start (a broken installation, not a bad document)."""


def time_limit_from_env(default: float | None = DEFAULT_TIME_LIMIT_S) -> float | None:
    """The per-document time limit in seconds: LAGEBILD_TIME_LIMIT, else `default`.

    "0", "off" or "none" switch it off (extraction then runs in the calling process)."""
    raw = os.environ.get(ENV, "").strip().lower()
    if not raw:
        return default
    return parse_time_limit(raw, ENV)


def parse_time_limit(raw: str | float, name: str = "time limit") -> float | None:
    """Seconds as a positive number, or None for "0", "off", "none"; anything else: ValueError."""
    if isinstance(raw, str) and raw.strip().lower() in ("off", "none", "0"):
        return None
    try:
        seconds = float(raw)
    except ValueError:
        raise ValueError(f"{name}: expected seconds (e.g. 30) or 'off', got {raw!r}") from None
    if seconds != seconds or seconds < 0 or seconds == float("inf"):
        raise ValueError(f"{name}: expected seconds (e.g. 30) or 'off', got {raw!r}")
    return seconds or None


def over_limit(seconds: float) -> str:
    """The one line that says a document was skipped for its time."""
    return (
        f"took longer than the time limit of {seconds:g} s to read: skipped, nothing of it stored "
        f"({ENV} or --time-limit sets the limit)"
    )


def _serve(conn: Connection, fn: Callable[[Any], Any], warm: Callable[[], None] | None) -> None:
    """A worker's loop: warm up, say so, then answer tasks until the pipe closes."""
    # A worker does background work: the server and the user's other programs come first.
    os.nice(5)
    if warm is not None:
        warm()
    conn.send(_READY)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        conn.send(fn(task))


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    started: float
    ready: bool = False
    slot: _Slot | None = None  # the task it is reading
    since: float = 0.0  # when it was handed that task


@dataclass(eq=False)
class _Slot(Generic[T, R]):
    task: T
    done: bool = False
    result: R | None = None


@dataclass
class Workers(Generic[T, R]):
    """Up to `size` worker processes running `fn` (a module-level function: it is pickled by name),
    each task within `limit` seconds. `warm` runs once in each new worker before it takes tasks.

    Use as a context manager, or call `close()`: the workers end with it."""

    fn: Callable[[T], R]
    size: int = 1
    limit: float = DEFAULT_TIME_LIMIT_S
    warm: Callable[[], None] | None = None
    _workers: list[_Worker] = field(default_factory=list)
    replaced: int = 0  # workers ended for a task over the limit or that died

    def __enter__(self) -> Workers[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._workers:
            self._end(worker)
        self._workers.clear()

    def call(self, task: T) -> R:
        """`fn(task)` in a worker; TimeLimitExceeded if it takes longer than the limit, TaskFailed
        if its worker dies. Not for use from two threads at once: give each thread its own."""

        def timed_out(_: T, seconds: float) -> R:
            raise TimeLimitExceeded(over_limit(seconds))

        def crashed(_: T, reason: str) -> R:
            raise TaskFailed(reason)

        return next(self.map([task], on_timeout=timed_out, on_crash=crashed))

    def map(
        self,
        tasks: Iterable[T],
        *,
        on_timeout: Callable[[T, float], R],
        on_crash: Callable[[T, str], R],
        local: Callable[[T], bool] | None = None,
    ) -> Iterator[R]:
        """`fn` of every task, in the order of `tasks`; a task over the limit gives
        `on_timeout(task, limit)`, one whose worker died `on_crash(task, why)`. Tasks for which
        `local(task)` is true are answered here by `fn` at once (cheap pass-through work).

        At most twice `size` tasks are taken ahead of the one answered last: memory stays bounded."""
        pending: deque[_Slot[T, R]] = deque()
        source = iter(tasks)
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * self.size and self._idle() is not None:
                try:
                    task = next(source)
                except StopIteration:
                    exhausted = True
                    break
                slot: _Slot[T, R] = _Slot(task)
                pending.append(slot)
                if local is not None and local(task):
                    slot.result, slot.done = self.fn(task), True
                else:
                    self._hand(self._idle(), slot)  # type: ignore[arg-type]
            while pending and pending[0].done:
                yield pending.popleft().result  # type: ignore[misc]
            if not pending:
                if exhausted:
                    return
                continue  # all answered (local tasks too): take the next ones before waiting
            self._wait(on_timeout, on_crash)

    # -- workers ------------------------------------------------------------------------------

    def _idle(self) -> _Worker | None:
        """A worker free for a task (starting one if there is room), or None when all are busy.
        A worker still starting counts as free: the task waits in its pipe until it is ready."""
        for worker in self._workers:
            if worker.slot is None:
                return worker
        if len(self._workers) < self.size:
            return self._start()
        return None

    def _start(self) -> _Worker:
        context = multiprocessing.get_context("spawn")
        here, there = context.Pipe()
        process = context.Process(target=_serve, args=(there, self.fn, self.warm), daemon=True)
        process.start()
        there.close()
        worker = _Worker(process, here, time.monotonic())
        self._workers.append(worker)
        return worker

    def _hand(self, worker: _Worker, slot: _Slot[T, R]) -> None:
        worker.slot = slot
        worker.conn.send(slot.task)  # a starting worker reads it once it is ready
        worker.since = time.monotonic()

    def _end(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()

    def _replace(self, worker: _Worker) -> None:
        self._end(worker)
        self._workers.remove(worker)
        self.replaced += 1

    def _wait(self, on_timeout: Callable[[T, float], R], on_crash: Callable[[T, str], R]) -> None:
        """Wait for the next answer or deadline; settle what finished or ran out of time."""
        busy = [w for w in self._workers if w.slot is not None]
        if not busy:
            return  # nothing to wait for (never block on no pipe at all)
        now = time.monotonic()
        deadlines = [w.since + self.limit if w.ready else w.started + START_LIMIT_S for w in busy]
        timeout = max(0.0, min(deadlines) - now) if deadlines else None
        ready = set(wait([w.conn for w in busy], timeout))
        now = time.monotonic()
        for worker in busy:
            slot = worker.slot
            assert slot is not None
            if worker.conn in ready:
                try:
                    answer = worker.conn.recv()
                except (EOFError, OSError):
                    if not worker.ready:
                        self._replace(worker)
                        raise WorkerFailed(
                            f"an extraction worker ended before it was ready (exit code {worker.process.exitcode})"
                        ) from None
                    self._replace(worker)  # before the answer: on_crash may raise
                    slot.result, slot.done = on_crash(slot.task, _died(worker.process.exitcode)), True
                    continue
                if answer == _READY and not worker.ready:
                    worker.ready, worker.since = True, now  # its clock starts now
                    continue
                slot.result, slot.done = answer, True
                worker.slot = None
            elif worker.ready and now >= worker.since + self.limit:
                self._replace(worker)  # before the answer: on_timeout may raise
                slot.result, slot.done = on_timeout(slot.task, self.limit), True
            elif not worker.ready and now >= worker.started + START_LIMIT_S:
                self._replace(worker)
                raise WorkerFailed(f"an extraction worker was not ready after {START_LIMIT_S:g} s")


def _died(code: int | None) -> str:
    if code is not None and code < 0:
        return f"the extraction worker was killed (signal {-code}), perhaps out of memory: skipped"
    return f"the extraction worker ended unexpectedly (exit code {code}): skipped"
