"""Watch-lists, alerts and corrections on the map page, in a real browser (as tests/test_web.py):
save the view as a watch-list (the token asked once), see a new alert arrive as a note on the
open page, correct and flag an event from its panel."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from lagebild.alerts.dispatch import Dispatcher
from lagebild.api.app import create_app
from lagebild.store import EventQuery
from lagebild.store.sqlite import SQLiteStore
from lagebild.web import static_dir
from test_web import STORED, browser, free_port, make_event, open_map, page, wait_until  # noqa: F401

uvicorn = pytest.importorskip("uvicorn")
TOKEN = "browser-test-token"


@contextmanager
def serve_with_token(db: Path) -> Iterator[dict]:
    store = SQLiteStore(db)
    ids = {}
    for text, type_, date, place, url in STORED:
        doc, ev = make_event(text, type_, date, place, url=url)
        store.add_document(doc, [ev])
        ids[text] = ev.id
    store.close()
    app = create_app(f"sqlite:///{db}", token=TOKEN, static_dir=static_dir(), stream_poll_s=0.2)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    try:
        yield {"url": f"http://127.0.0.1:{port}/", "db": db, "ids": ids}
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def token_site(tmp_path: Path) -> Iterator[dict]:
    with serve_with_token(tmp_path / "events.db") as s:
        yield s


def test_save_the_view_as_a_watchlist_and_see_its_alert_arrive(page, token_site) -> None:  # noqa: F811
    asked = []
    page.on("dialog", lambda d: (asked.append(d.message), d.accept(TOKEN)))
    open_map(page, token_site["url"] + "?type=ASSAULT")
    page.click("#watch-open")
    assert "types: ASSAULT" in page.inner_text(".watch-view")
    page.fill(".watch-form input[name=name]", "Assaults here")
    page.click(".watch-form button[type=submit]")
    wait_until(page, "document.querySelector('.watch-msg').textContent.startsWith('Saved')")
    assert len(asked) == 1 and "token" in asked[0]
    store = SQLiteStore(token_site["db"])
    try:
        (saved,) = store.watchlists()
        assert saved.name == "Assaults here" and saved.filter.types == ["ASSAULT"] and saved.filter.bbox
        dispatcher = Dispatcher(store)
        dispatcher.step()
        page.click("#watch-open")  # closed: a new alert shows as a count on the button, and a note
        doc, ev = make_event(
            "Shelling hit Kharkiv again overnight.",
            "ASSAULT",
            "2024-03-21",
            STORED[1][3],
            url="https://n.example/x",
        )
        store.add_document(doc, [ev])
        dispatcher.step()
    finally:
        store.close()
    wait_until(page, "document.querySelector('.watch-toast')", timeout=10)
    assert "Assaults here: Assault — Kharkiv — 2024-03-21" in page.inner_text(".watch-toast")
    assert page.inner_text(".watch-count") == "1"
    page.click(".watch-toast")
    wait_until(page, "document.querySelector('#panel-title')?.textContent.includes('Kharkiv')")
    assert page.errors == [] and page.foreign == []


def test_correct_and_flag_an_event_from_its_panel(page, token_site) -> None:  # noqa: F811
    page.on("dialog", lambda d: d.accept(TOKEN))
    kyiv = token_site["ids"][STORED[0][0]]
    open_map(page, token_site["url"] + f"?event={kyiv}")
    wait_until(page, "document.querySelector('details.correct')")
    page.click("details.correct summary")
    page.select_option(".correction-form select[name=type]", "PROTEST")
    page.fill(".correction-form input[name=by]", "anna")
    page.fill(".correction-form input[name=reason]", "a march, not an attack")
    page.click(".correction-form button[type=submit]")
    wait_until(page, "document.querySelector('.correction-log')")
    assert "anna: type Assault → Protest (a march, not an attack)" in page.inner_text(".correction-log")
    store = SQLiteStore(token_site["db"])
    try:
        assert store.get_event(kyiv).type == "PROTEST"
    finally:
        store.close()
    page.click("details.correct summary")
    page.click(".correction-actions button[type=button]")  # Flag as wrong
    wait_until(page, "document.querySelector('.corrections .flagged')")
    wait_until(page, f"!window.__lagebild.records.has({kyiv!r}) && !window.__lagebild.loading")
    store = SQLiteStore(token_site["db"])
    try:
        assert kyiv not in {e.id for e in store.iter_events(EventQuery())}
    finally:
        store.close()
    assert page.errors == []
