"""GET /api/status shows the health of every watched feed."""

from __future__ import annotations

from fastapi.testclient import TestClient

from lagebild.api import create_app
from lagebild.store.sqlite import SQLiteStore
from lagebild.watch.state import FeedState, save_feed


def test_status_lists_feed_health(tmp_path) -> None:
    path = tmp_path / "s.db"
    with SQLiteStore(path) as store:
        save_feed(
            store,
            FeedState(
                url="https://a.example/feed",
                title="A",
                last_status="error",
                last_error="timed out",
                failures=1,
            ),
        )
    with TestClient(create_app(f"sqlite:///{path}")) as client:
        body = client.get("/api/status").json()
    (feed,) = body["feeds"]
    assert feed["title"] == "A" and feed["status"] == "failing" and feed["last_error"] == "timed out"


def test_status_without_a_watcher_has_no_feeds(tmp_path) -> None:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'e.db'}")) as client:
        assert client.get("/api/status").json()["feeds"] == []
