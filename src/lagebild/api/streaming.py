"""Responses that never hold a whole result: exports written page by page, and the live stream."""

from __future__ import annotations

import asyncio
import io
import json
import queue
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Mapping

from starlette.concurrency import run_in_threadpool

from lagebild.export import Writer
from lagebild.model import Event

CHUNK_BYTES = 64 * 1024
_DONE = object()


class _Stopped(Exception):
    """The client went away; the writer thread ends quietly."""


class _QueueText(io.TextIOBase):
    """A text stream that hands what is written to `put` in chunks of about CHUNK_BYTES."""

    def __init__(self, put: Callable[[bytes], None]) -> None:
        self._put = put
        self._parts: list[str] = []
        self._size = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= CHUNK_BYTES:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._parts:
            data = "".join(self._parts).encode("utf-8")
            self._parts, self._size = [], 0
            self._put(data)


def stream_export(writer: Writer, events: Iterable[Event]) -> Iterator[bytes]:
    """The bytes `writer` writes for `events`, produced while they are read.

    Export writers take a text stream and loop over the events themselves, so the writer runs
    in a thread of its own that hands chunks over a small queue: memory stays at a few chunks
    however many events there are, and a client that disconnects stops the thread.
    """
    chunks: queue.Queue[object] = queue.Queue(maxsize=4)
    stop = threading.Event()

    def put(item: object) -> None:
        while not stop.is_set():
            try:
                chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise _Stopped

    def work() -> None:
        try:
            out = _QueueText(put)
            writer(events, out)
            out.flush()
            put(_DONE)
        except _Stopped:
            pass
        except BaseException as exc:  # re-raised in the response, which then ends early
            try:
                put(exc)
            except _Stopped:
                pass

    thread = threading.Thread(target=work, name="lagebild-export", daemon=True)
    thread.start()
    try:
        while True:
            item = chunks.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]
    finally:
        stop.set()


def sse_message(data: object, *, event: str | None = None, id: int | None = None) -> str:
    """One Server-Sent Events message; JSON data never holds a raw newline."""
    lines = []
    if id is not None:
        lines.append(f"id: {id}")
    if event:
        lines.append(f"event: {event}")
    lines.append("data: " + json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return "\n".join(lines) + "\n\n"


def folded_away(folds: Mapping[str, str], survivors: Iterable[str]) -> list[dict[str, str]]:
    """The events that now live on in one of `survivors`: `{"id", "folded_into"}` for every id
    folded into a survivor, directly or through events that were folded further on.

    `folds` maps a folded id to the id it was folded into (the store's `folded:` entries). A
    client that still shows a folded id drops it: the survivor, sent with it, holds its reports.
    """
    into: dict[str, list[str]] = {}
    for old, new in folds.items():
        into.setdefault(new, []).append(old)
    removed: list[dict[str, str]] = []
    seen: set[str] = set()
    for survivor in dict.fromkeys(survivors):
        todo = list(into.get(survivor, ()))
        while todo:
            old = todo.pop()
            if old in seen or old == survivor:
                continue  # a cycle (never written, but a stream must not loop on it)
            seen.add(old)
            removed.append({"id": old, "folded_into": survivor})
            todo.extend(into.get(old, ()))
    return removed


async def live_events(
    last_change: Callable[[], int],
    changed_since: Callable[[int, int], tuple[list[Event], int]],
    keep: Callable[[Event], bool],
    *,
    start: int | None,
    poll_s: float,
    keepalive_s: float,
    is_disconnected: Callable[[], object],
    folds: Callable[[], Mapping[str, str]] | None = None,
    batch: int = 500,
    wait: Callable[[float], Awaitable[object]] = asyncio.sleep,
) -> AsyncIterator[str]:
    """The SSE body of /api/stream: `events` messages with what was written after `start`.

    Polls the store's change counter, which also grows when another process writes, so events
    from `lagebild ingest` or the watcher arrive as well. Each message's id is the change mark
    it brings the client to; a reconnecting browser sends it back as Last-Event-ID and resumes
    there without gaps. `start=None` means from now on. `wait(poll_s)` pauses between polls; a
    store that is told of commits (PostgreSQL's NOTIFY) returns early, so events arrive at once.

    `folds()` gives the store's folded ids (folded id -> the event it became part of): a message
    then also lists, under `removed`, the events folded into the ones it brings, whatever the
    modality filter, so that a page drops their pins. A fold always rewrites its survivor, so
    the survivor's change carries the news.
    """
    current = await run_in_threadpool(last_change)
    # A mark beyond the store's counter comes from another database (replaced file): start anew.
    mark = current if start is None or start > current else start
    yield f"retry: 3000\n\n{sse_message({'mark': mark}, event='ready', id=mark)}"
    loop = asyncio.get_running_loop()
    quiet_since = loop.time()
    while True:
        if await is_disconnected():  # type: ignore[misc]
            return
        if await run_in_threadpool(last_change) > mark:
            while True:
                events, new_mark = await run_in_threadpool(changed_since, mark, batch)
                if new_mark == mark:
                    break
                mark = new_mark
                wanted = [e.to_dict() for e in events if keep(e)]
                removed = folded_away(await run_in_threadpool(folds), [e.id for e in events]) if folds else []
                if wanted or removed:
                    message: dict[str, object] = {"events": wanted, "mark": mark}
                    if removed:
                        message["removed"] = removed
                    yield sse_message(message, event="events", id=mark)
                    quiet_since = loop.time()
                if len(events) < batch:
                    break
        if loop.time() - quiet_since >= keepalive_s:
            yield ": keepalive\n\n"
            quiet_since = loop.time()
        await wait(poll_s)
