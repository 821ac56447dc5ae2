"""What the watcher keeps in the store: the store's prefix scan and the per-feed health."""

from __future__ import annotations

from lagebild.store.sqlite import SQLiteStore
from lagebild.watch.state import FeedState, feed_health, health_summary, save_feed


def test_meta_items_returns_exactly_the_keys_under_a_prefix(tmp_path) -> None:
    with SQLiteStore(tmp_path / "kv.db") as store:
        for key in ("watch:feed:a", "watch:feed:b", "watch:feedx", "watch:item:a", "other", "watch:feed%"):
            store.set_meta(key, key.upper())
        assert store.meta_items("watch:feed:") == [
            ("watch:feed:a", "WATCH:FEED:A"),
            ("watch:feed:b", "WATCH:FEED:B"),
        ]
        assert [k for k, _ in store.meta_items("watch:feed%")] == ["watch:feed%"]  # no LIKE wildcards
        assert len(store.meta_items("")) == 6


def test_feed_health_reports_each_feed(tmp_path) -> None:
    with SQLiteStore(tmp_path / "h.db") as store:
        save_feed(store, FeedState(url="https://a.example/feed", title="A", last_status="ok", new_total=3))
        save_feed(
            store,
            FeedState(
                url="https://b.example/feed",
                last_status="error",
                last_error="HTTP 500",
                failures=2,
                next_poll=1e9,
            ),
        )
        save_feed(store, FeedState(url="https://c.example/feed", last_status="not modified"))
        health = {f["url"]: f for f in feed_health(store)}
        assert (
            health["https://a.example/feed"]["status"] == "ok"
            and health["https://a.example/feed"]["documents"] == 3
        )
        failing = health["https://b.example/feed"]
        assert (
            failing["status"] == "failing"
            and failing["failures"] == 2
            and failing["last_error"] == "HTTP 500"
        )
        assert failing["next_poll"].startswith("2001-09-09")
        assert health["https://c.example/feed"]["status"] == "ok"  # unchanged is healthy
        assert health_summary(list(health.values())) == {"feeds": 3, "ok": 2, "failing": 1, "new": 0}
