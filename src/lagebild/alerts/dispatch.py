"""The alert dispatcher: follows the store's change mark, raises alerts, delivers webhooks.

It is decoupled from the write path: ingest and the watcher write events as always, and the
dispatcher, a loop of its own (inside `lagebild serve`, `up` and `watch`, or `lagebild alerts
--follow` alone), reads what changed after its mark (`alert_changes`), the same counter the live
stream follows. Alerts and the new mark are recorded in one transaction, and an alert is unique
per watch-list and event, so a dispatcher killed at any moment, restarted, or running twice (serve
and watch side by side) neither loses nor doubles an alert.

Which events alert: every event written after the watch-list was made that matches it, once. An
event that did not match and matches after a change (a source merged into it and raised its
source count, an analyst corrected its type or place) alerts then, with reason "update"; one that
alerted once does not alert again for that watch-list. Flagged events never alert. A rebuild
(`lagebild merge --rebuild`) re-writes every event under new ids: the dispatcher holds while it
runs and goes on from the rebuilt store's mark, so a rebuild raises no alerts.

Delivery runs in a thread of its own, so a slow or dead webhook never delays matching, ingest or
the server: each POST has a timeout, tries are bounded (MAX_ATTEMPTS, exponential backoff), and
the state of each delivery is kept with its alert.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from lagebild.alerts import webhook
from lagebild.alerts.match import matches
from lagebild.alerts.watchlists import Alert, NewAlert
from lagebild.model import Event, utcnow

MARK_KEY = "alerts:mark"  # the last change mark whose events were matched
HOLD_KEY = "alerts:hold"  # set while a rebuild re-writes the events
BATCH = 500  # changed events matched per step
DELIVERY_BATCH = 16  # alerts claimed per delivery step
DELIVERY_WORKERS = 4  # POSTs at once: one hung receiver does not hold the others
LEASE_S = 60.0  # a claimed delivery is another dispatcher's again after this (a killed process)
MAX_EVIDENCE = 50  # evidence sentences in an alert's event (a story may have thousands)
POLL_S = 0.5

Post = Callable[..., webhook.Outcome]


def payload_event(event: Event) -> dict[str, Any]:
    """The event contract of an alert, its evidence cut at MAX_EVIDENCE sentences."""
    data = event.to_dict()
    data["evidence"] = data["evidence"][:MAX_EVIDENCE]
    return data


def webhook_body(alert: Alert) -> dict[str, Any]:
    """What a webhook receives: the event contract, with one more key, `alert` (docs/events.md)."""
    return {
        **alert.event,
        "alert": {
            "id": alert.id,
            "watchlist_id": alert.watchlist_id,
            "watchlist": alert.watchlist,
            "raised": alert.raised,
            "reason": alert.reason,
        },
    }


class Dispatcher:
    """Matching and delivery over one store; `step()` once, or `run(stop)` until stopped."""

    def __init__(
        self,
        store: Any,
        *,
        post: Post = webhook.post,
        clock: Callable[[], float] = time.time,
        log: Callable[[str], None] | None = None,
        timeout: float = webhook.TIMEOUT_S,
    ) -> None:
        self.store = store
        self.post = post
        self.clock = clock
        self.timeout = timeout
        self.log = log or (lambda line: print(f"lagebild alerts: {line}", file=sys.stderr, flush=True))
        self.wake = threading.Event()  # set when alerts were recorded: deliver at once
        self._held_said = False

    # -- matching ----------------------------------------------------------------------------

    def match(self) -> list[int]:
        """Match what changed after the mark, record the alerts, move the mark; the new alerts'
        count per step (until the dispatcher has caught up)."""
        counts = []
        while True:
            n, more = self._match_batch()
            if n:
                counts.append(n)
            if not more:
                return counts

    def _match_batch(self) -> tuple[int, bool]:
        store = self.store
        held = store.get_meta(HOLD_KEY)
        if held:
            if not self._held_said:
                self.log(f"held since {held}: a rebuild is re-writing the events (merge --rebuild)")
                self._held_said = True
            return 0, False
        self._held_said = False
        last = store.last_change()
        watchlists = store.watchlists()
        stored = store.get_meta(MARK_KEY)
        if stored is None:
            # First run: from the oldest watch-list on (none alerts for what came before it).
            mark = min((w.since_change for w in watchlists), default=last)
        else:
            mark = int(stored)
        if last < mark:
            # The events were replaced (a rebuild elsewhere, a restored file): go on from here.
            store.set_meta(MARK_KEY, str(last))
            return 0, False
        if last == mark:
            if stored is None:
                store.set_meta(MARK_KEY, str(mark))
            return 0, False
        if not watchlists:
            store.set_meta(MARK_KEY, str(last))
            return 0, False
        changes = store.alert_changes(mark, BATCH)
        now = self.clock()
        found = []
        for seq, event in changes:
            for w in watchlists:
                if seq > w.since_change and matches(w.filter, event):
                    updated = event.correction is not None or event.num_articles > 1
                    found.append(
                        NewAlert(
                            watchlist_id=w.id,
                            event_id=event.id,
                            change_seq=seq,
                            reason="update" if updated else "new",
                            event=payload_event(event),
                            delivery="pending" if w.webhook else "none",
                            next_attempt=now if w.webhook else None,
                        )
                    )
        new_mark = changes[-1][0] if changes else last
        added = store.record_alerts(found, MARK_KEY, new_mark)
        if added:
            self.wake.set()
        return added, len(changes) == BATCH

    # -- delivery ----------------------------------------------------------------------------

    def deliver(self) -> int:
        """POST the alerts that are due; returns how many tries were made."""
        claimed = self.store.claim_deliveries(self.clock(), LEASE_S, DELIVERY_BATCH)
        if not claimed:
            return 0
        with ThreadPoolExecutor(max_workers=min(DELIVERY_WORKERS, len(claimed))) as pool:
            list(pool.map(lambda item: self._deliver_one(*item), claimed))
        return len(claimed)

    def _deliver_one(self, alert: Alert, url: str | None) -> None:
        if url is None:  # the watch-list's webhook was removed meanwhile
            self.store.finish_delivery(alert.id, state="none", attempts=alert.attempts)
            return
        outcome = self.post(
            url, webhook_body(alert), alert_id=alert.id, watchlist=alert.watchlist, timeout=self.timeout
        )
        attempts = alert.attempts + 1
        if outcome.ok:
            self.store.finish_delivery(alert.id, state="delivered", attempts=attempts)
        elif outcome.retry and attempts < webhook.MAX_ATTEMPTS:
            wait = webhook.backoff(attempts)
            self.store.finish_delivery(
                alert.id,
                state="pending",
                attempts=attempts,
                next_attempt=self.clock() + wait,
                error=outcome.error,
            )
        else:
            self.store.finish_delivery(alert.id, state="failed", attempts=attempts, error=outcome.error)
            self.log(
                f"alert {alert.id} ({alert.watchlist}): webhook failed after {attempts} tries: {outcome.error}"
            )

    # -- loops -------------------------------------------------------------------------------

    def step(self) -> None:
        """One round of both, in this thread (tests, `alerts --once`)."""
        self.match()
        while self.deliver():
            pass

    def run(self, stop: threading.Event, poll_s: float = POLL_S) -> None:
        """Match and deliver until `stop`; each in its own thread, each surviving its own errors."""
        deliverer = threading.Thread(target=self._deliver_loop, args=(stop, poll_s), name="lagebild-webhooks")
        deliverer.daemon = True
        deliverer.start()
        try:
            self._loop(stop, poll_s, self.match, "matching")
        finally:
            self.wake.set()
            deliverer.join(timeout=self.timeout + 5)

    def _deliver_loop(self, stop: threading.Event, poll_s: float) -> None:
        def once() -> None:
            while self.deliver() and not stop.is_set():
                pass

        self._loop(stop, poll_s, once, "delivery", wake=self.wake)

    def _loop(
        self,
        stop: threading.Event,
        poll_s: float,
        work: Callable[[], object],
        what: str,
        wake: threading.Event | None = None,
    ) -> None:
        pause = poll_s
        while not stop.is_set():
            try:
                work()
                pause = poll_s
            except Exception as exc:  # a locked or broken store: say so, wait longer, go on
                self.log(f"{what} error: {type(exc).__name__}: {exc}")
                pause = min(30.0, max(pause * 2, 1.0))
            if wake is not None:
                wake.wait(pause)
                wake.clear()
            else:
                stop.wait(pause)


def run_in_background(
    db_url: str, stop: threading.Event, log: Callable[[str], None] | None = None
) -> threading.Thread:
    """The dispatcher of `lagebild serve`, `up` and `watch`: a daemon thread with its own store."""

    def target() -> None:
        from lagebild.store import open_store

        while not stop.is_set():
            try:
                store = open_store(db_url)
            except Exception as exc:
                (log or print)(f"lagebild alerts: cannot open the store: {exc}; trying again in 30 s")
                stop.wait(30)
                continue
            try:
                Dispatcher(store, log=log).run(stop)
            finally:
                store.close()

    thread = threading.Thread(target=target, name="lagebild-alerts", daemon=True)
    thread.start()
    return thread


def pause_for_rebuild(store: Any) -> None:
    """Called by `merge --rebuild` before it clears the events: no alerts for re-written events."""
    store.set_meta(HOLD_KEY, utcnow())


def resume_after_rebuild(store: Any) -> None:
    """Called when the rebuild is done: go on from the rebuilt store's mark."""
    store.set_meta(MARK_KEY, str(store.last_change()))
    store.set_meta(HOLD_KEY, None)
