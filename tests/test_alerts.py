"""Watch-lists and alerts: matching, recording, webhook delivery to a real local HTTP server
(retries after a 500, no doubles after a restart or a kill -9), on both store backends."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from factories import make_doc, make_event
from lagebild.alerts.dispatch import Dispatcher, pause_for_rebuild, resume_after_rebuild
from lagebild.alerts.match import in_polygon, matches
from lagebild.alerts.watchlists import Filter, WatchlistError
from lagebild.alerts.webhook import MAX_ATTEMPTS, backoff
from lagebild.model import Actor, Evidence, Place
from lagebild.store import open_store

KYIV = Place("Kyiv", 50.45, 30.52, country="UA", precision="city")
BERLIN = Place("Berlin", 52.52, 13.40, country="DE", precision="city")


class Receiver:
    """A webhook receiver on 127.0.0.1: records each POST; answers `statuses` in turn, then 200."""

    def __init__(self, statuses: list[int] | None = None, delay: float = 0.0) -> None:
        self.statuses = list(statuses or [])
        self.delay = delay
        self.posts: list[tuple[dict, dict]] = []  # (headers, body)
        self.times: list[float] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if receiver.delay:
                    time.sleep(receiver.delay)
                receiver.times.append(time.time())
                receiver.posts.append((dict(self.headers), json.loads(body)))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def store(store_url: str):
    s = open_store(store_url)
    yield s
    s.close()


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def _add(store, text: str, event_id: str, *, place=KYIV, type_="ASSAULT", source="a", **fields):
    doc = make_doc(text, source=source)
    event = make_event(doc, event_id, text, type=type_, location=place, date="2024-05-01", **fields)
    store.add_document(doc, [event])
    return event


def _watch(store, name="kyiv", webhook=None, **flt):
    return store.add_watchlist(name, Filter.from_dict(flt), webhook)


def test_a_new_matching_event_is_posted_once_as_the_event_contract(store, receiver) -> None:
    _add(store, "Shelling hit Kyiv before the list existed.", "old1")
    _watch(store, webhook=receiver.url, countries=["UA"], types=["ASSAULT"])
    dispatcher = Dispatcher(store)
    dispatcher.step()
    assert receiver.posts == []  # what was there before the watch-list raises nothing
    _add(store, "Shelling hit Kyiv on Monday.", "ev1")
    _add(store, "Shelling hit Berlin on Monday.", "ev2", place=BERLIN)
    _add(store, "Protesters marched in Kyiv.", "ev3", type_="PROTEST")
    dispatcher.step()
    dispatcher.step()
    assert len(receiver.posts) == 1
    headers, body = receiver.posts[0]
    assert body["id"] == "ev1" and body["location"]["name"] == "Kyiv"
    assert body["evidence"][0]["sentence"] == "Shelling hit Kyiv on Monday."
    assert body["alert"]["watchlist"] == "kyiv" and body["alert"]["reason"] == "new"
    assert headers["Idempotency-Key"] == f"lagebild-alert-{body['alert']['id']}"
    (alert,) = store.alerts()
    assert alert.event_id == "ev1" and alert.delivery == "delivered" and alert.attempts == 1


def test_a_500_is_retried_with_backoff_until_delivered(store) -> None:
    receiver = Receiver([500, 503])
    try:
        clock = Clock()
        _watch(store, webhook=receiver.url)
        dispatcher = Dispatcher(store, clock=clock)
        _add(store, "Shelling hit Kyiv.", "ev1")
        dispatcher.step()
        (alert,) = store.alerts()
        assert (alert.delivery, alert.attempts, alert.last_error) == ("pending", 1, "HTTP 500")
        assert alert.next_attempt == clock.now + backoff(1)
        dispatcher.step()  # not due yet: no request
        assert len(receiver.posts) == 1
        clock.now += backoff(1)
        dispatcher.step()
        assert store.alerts()[0].last_error == "HTTP 503"
        clock.now += backoff(2)
        dispatcher.step()
        (alert,) = store.alerts()
        assert (alert.delivery, alert.attempts) == ("delivered", 3)
        keys = {h["Idempotency-Key"] for h, _ in receiver.posts}
        assert len(receiver.posts) == 3 and len(keys) == 1  # the same alert, tried three times
    finally:
        receiver.close()


def test_tries_are_bounded_and_a_refusal_is_not_retried(store) -> None:
    down = Receiver([500] * 20)
    refusing = Receiver([404])
    try:
        clock = Clock()
        _watch(store, "down", webhook=down.url)
        _watch(store, "refusing", webhook=refusing.url)
        dispatcher = Dispatcher(store, clock=clock, log=lambda line: None)
        _add(store, "Shelling hit Kyiv.", "ev1")
        for _ in range(MAX_ATTEMPTS + 3):
            dispatcher.step()
            clock.now += 400
        states = {a.watchlist: (a.delivery, a.attempts) for a in store.alerts()}
        assert states == {"down": ("failed", MAX_ATTEMPTS), "refusing": ("failed", 1)}
        assert len(down.posts) == MAX_ATTEMPTS and len(refusing.posts) == 1
    finally:
        down.close()
        refusing.close()


def test_a_hung_webhook_costs_its_timeout_and_holds_no_other(store, receiver) -> None:
    hung = Receiver(delay=3.0)
    try:
        _watch(store, "hung", webhook=hung.url)
        _watch(store, "fine", webhook=receiver.url)
        dispatcher = Dispatcher(store, timeout=0.5)
        _add(store, "Shelling hit Kyiv.", "ev1")
        started = time.monotonic()
        dispatcher.match()
        dispatcher.deliver()
        assert time.monotonic() - started < 2.5
        states = {a.watchlist: a.delivery for a in store.alerts()}
        assert states == {"hung": "pending", "fine": "delivered"}
        assert "no answer within 0.5 s" in next(a for a in store.alerts() if a.watchlist == "hung").last_error
    finally:
        hung.close()


def test_no_alert_is_doubled_or_lost_by_a_restart(store_url, receiver) -> None:
    first = open_store(store_url)
    _watch(first, webhook=receiver.url)
    Dispatcher(first).step()
    _add(first, "Shelling hit Kyiv.", "ev1")
    Dispatcher(first).match()  # recorded, then "killed" before delivering
    first.close()
    second = open_store(store_url)
    try:
        _add(second, "Shelling hit Kyiv again.", "ev2")
        Dispatcher(second).step()
        Dispatcher(second).step()  # and once more from the start: nothing new
        assert sorted(b["id"] for _, b in receiver.posts) == ["ev1", "ev2"]
        assert {a.delivery for a in second.alerts()} == {"delivered"}
    finally:
        second.close()


def test_a_delivery_claimed_by_a_killed_process_is_taken_again_after_its_lease(store, receiver) -> None:
    clock = Clock()
    _watch(store, webhook=receiver.url)
    Dispatcher(store, clock=clock).match()
    _add(store, "Shelling hit Kyiv.", "ev1")
    Dispatcher(store, clock=clock).match()
    (_claimed,) = store.claim_deliveries(clock.now, 60.0, 10)  # a process took it, then died
    assert Dispatcher(store, clock=clock).deliver() == 0  # claimed: nobody else sends it
    clock.now += 61
    Dispatcher(store, clock=clock).deliver()
    assert [b["id"] for _, b in receiver.posts] == ["ev1"]
    assert store.alerts()[0].delivery == "delivered"


def test_dispatcher_killed_with_sigkill_loses_and_doubles_nothing(tmp_path: Path, receiver) -> None:
    """A real `lagebild alerts --follow` process, killed with SIGKILL while events arrive."""
    url = f"sqlite:///{tmp_path / 'events.db'}"
    store = open_store(url)
    _watch(store, webhook=receiver.url)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "lagebild", "alerts", "--follow", "--db", url, "-f", "jsonl"]

    def start() -> subprocess.Popen:
        return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    process = start()
    try:
        for i in range(6):
            _add(store, f"Shelling hit Kyiv, report {i}.", f"ev{i}")
            time.sleep(0.3)
            if i == 2:
                process.send_signal(signal.SIGKILL)
                process.wait(10)
                process = start()
        deadline = time.monotonic() + 20
        while len(receiver.posts) < 6 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # a double would come now
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    ids = [b["id"] for _, b in receiver.posts]
    # At-least-once: a kill after a POST and before recording it may send that alert again, with
    # the same Idempotency-Key; the receiver here counts distinct alerts.
    assert sorted(set(ids)) == [f"ev{i}" for i in range(6)]
    keys = [h["Idempotency-Key"] for h, _ in receiver.posts]
    assert len(set(keys)) == 6 and len(keys) <= 7
    assert len(store.alerts()) == 6
    store.close()


def test_an_event_that_newly_matches_after_a_merge_alerts_once_as_an_update(store, receiver) -> None:
    _watch(store, webhook=receiver.url, min_sources=2)
    dispatcher = Dispatcher(store)
    dispatcher.step()
    _add(store, "Shelling hit Kyiv.", "ev1", source="a")
    dispatcher.step()
    assert receiver.posts == []  # one source is not enough for this list
    other = make_doc("Kyiv was shelled, says another outlet.", source="b")
    store.add_document(other, [])
    ev = Evidence(document_id=other.id, sentence="Kyiv was shelled.", start=0, end=17, lang="en", source="b")
    store.add_evidence("ev1", [ev])
    dispatcher.step()
    ev2 = Evidence(document_id=other.id, sentence="Kyiv again.", start=20, end=31, lang="en", source="c")
    store.add_evidence("ev1", [ev2])
    dispatcher.step()
    assert [b["id"] for _, b in receiver.posts] == ["ev1"]  # once, though it changed twice


def test_a_flagged_event_never_alerts(store, receiver) -> None:
    _watch(store, webhook=receiver.url)
    dispatcher = Dispatcher(store)
    dispatcher.step()
    _add(store, "Shelling hit Kyiv.", "ev1")
    store.add_correction("ev1", "flag", {}, "a hoax", "tester")
    dispatcher.step()
    assert receiver.posts == [] and store.alerts() == []


def test_a_rebuild_raises_no_alerts(store, receiver) -> None:
    _watch(store, webhook=receiver.url)
    dispatcher = Dispatcher(store)
    dispatcher.step()
    _add(store, "Shelling hit Kyiv.", "ev1")
    dispatcher.step()
    assert len(receiver.posts) == 1
    pause_for_rebuild(store)
    store.clear_events()
    dispatcher.step()  # held meanwhile
    _add(store, "Shelling hit Kyiv, rebuilt under a new id.", "ev1-new")
    dispatcher.step()
    resume_after_rebuild(store)
    dispatcher.step()
    assert len(receiver.posts) == 1
    _add(store, "Shelling hit Kyiv after the rebuild.", "ev2")
    dispatcher.step()
    assert [b["id"] for _, b in receiver.posts] == ["ev1", "ev2"]


def test_without_a_webhook_alerts_are_recorded_only(store) -> None:
    _watch(store)
    Dispatcher(store).step()
    _add(store, "Shelling hit Kyiv.", "ev1")
    Dispatcher(store).step()
    (alert,) = store.alerts()
    assert alert.delivery == "none" and alert.event["id"] == "ev1"


def test_removing_a_watchlist_removes_its_alerts(store) -> None:
    w = _watch(store)
    Dispatcher(store).step()
    _add(store, "Shelling hit Kyiv.", "ev1")
    Dispatcher(store).step()
    assert store.remove_watchlist(w.name) and store.alerts() == []
    assert store.get_watchlist("kyiv") is None and not store.remove_watchlist(str(w.id))


# -- the filter --------------------------------------------------------------------------------


def _event(sentence="Police detained protesters.", place=KYIV, **fields):
    doc = make_doc(sentence)
    return make_event(doc, "e", sentence, location=place, type=fields.pop("type", "ASSAULT"), **fields)


def test_filters_match_as_documented() -> None:
    e = _event(actors=[Actor("Ukrainian police", canonical="National Police of Ukraine", country="UA")])
    assert matches(Filter(), e)
    assert matches(Filter(actors=["national police"]), e)
    assert not matches(Filter(actors=["army"]), e)
    assert matches(Filter(words=["protesters", "tanks"]), e)  # any word
    assert not matches(Filter(words=["test"]), e)  # whole words: not inside "protesters"
    assert matches(Filter(bbox=(30, 50, 31, 51)), e) and not matches(Filter(bbox=(0, 0, 1, 1)), e)
    assert not matches(Filter(bbox=(30, 50, 31, 51)), _event(place=None))
    assert matches(Filter(bbox=(170, -20, -170, 60)), _event(place=Place("Fiji", -17.8, 178.0)))
    assert not matches(Filter(modality=["asserted"]), _event(modality="future"))
    assert matches(Filter(min_confidence=0.4), _event(confidence=0.5))
    assert not matches(Filter(min_confidence=0.6), _event(confidence=0.5))
    assert not matches(Filter(countries=["DE"]), e) and matches(Filter(countries=["DE", "UA"]), e)


def test_a_drawn_area_is_a_polygon_not_its_box() -> None:
    # An L-shaped area whose box holds Kyiv, while the area itself does not.
    ring = [(29, 49), (33, 49), (33, 50), (30, 50), (30, 52), (29, 52)]
    assert in_polygon(ring, 29.5, 51.5) and not in_polygon(ring, KYIV.lon, KYIV.lat)
    f = Filter.from_dict({"polygon": {"type": "Polygon", "coordinates": [[*map(list, ring), [29, 49]]]}})
    assert len(f.polygon) == 6 and not matches(f, _event())


@pytest.mark.parametrize(
    ("flt", "message"),
    [
        ({"bbox": [10, 60, 20, 50]}, "south <= north"),
        ({"types": ["BOMBING"]}, "unknown type 'BOMBING'"),
        ({"countries": ["XX"]}, "not an ISO 3166 code"),
        ({"polygon": [[0, 0], [1, 1]]}, "at least three points"),
        ({"modality": ["maybe"]}, "modality: unknown maybe"),
        ({"min_confidence": 2}, "between 0 and 1"),
        ({"colour": "red"}, "unknown key colour"),
    ],
)
def test_bad_filters_are_refused_with_a_clear_line(flt: dict, message: str) -> None:
    with pytest.raises(WatchlistError, match=message):
        Filter.from_dict(flt)


def test_a_taken_name_is_refused(store) -> None:
    from lagebild.store import StoreError

    _watch(store)
    with pytest.raises(StoreError, match="exists already"):
        _watch(store)
