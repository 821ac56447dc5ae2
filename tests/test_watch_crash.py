"""kill -9 of the watcher in the middle of a poll: a restart loses nothing and doubles nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from lagebild.store import EventQuery
from lagebild.store.sqlite import SQLiteStore
from lagebild.watch import Feed, Politeness, Watcher
from lagebild.watch.state import ITEM_PREFIX, ItemState, load_feed
from watch_server import Route, Server, article_html, article_text, fake_extract, feed_items, rss

TESTS = Path(__file__).parent
N = 40

WATCH = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from watch_server import fake_extract
    from lagebild.store.sqlite import SQLiteStore
    from lagebild.watch import Feed, Politeness, Watcher

    def slow(doc):  # slow enough that the kill lands in the middle of the poll
        time.sleep(0.03)
        return fake_extract(doc)

    store = SQLiteStore(sys.argv[2])
    Watcher(store, [Feed(sys.argv[3])], extract=slow, politeness=Politeness(host_delay=0, retries=0)).run(once=True)
    """
)


def test_kill_9_mid_poll_then_restart(tmp_path) -> None:
    db = tmp_path / "crash.db"
    items = list(feed_items(N))
    with Server() as srv:
        srv.routes["/feed.xml"] = Route(rss(srv.base, items), ctype="application/rss+xml", etag='"v1"')
        for number, (title, link) in enumerate(items):
            srv.routes[link] = Route(article_html(title, article_text(number)))
        feed_url = srv.base + "/feed.xml"
        SQLiteStore(db).close()  # created before the child opens it, so we can watch it fill
        child = subprocess.Popen([sys.executable, "-c", WATCH, str(TESTS), str(db), feed_url])
        try:
            with SQLiteStore(db) as probe:
                deadline = time.monotonic() + 30
                while probe.stats()["documents"] < 5 and time.monotonic() < deadline:
                    assert child.poll() is None, "the watcher ended before it was killed"
                    time.sleep(0.02)
                os.kill(child.pid, signal.SIGKILL)
                child.wait(timeout=10)
                stored_at_kill = probe.stats()["documents"]
        finally:
            if child.poll() is None:
                child.kill()
        assert child.returncode == -signal.SIGKILL
        assert 5 <= stored_at_kill < N  # killed in the middle

        with SQLiteStore(db) as store:
            # The validators were not saved: the restarted watcher reads the whole feed again.
            assert load_feed(store, feed_url).etag is None
            Watcher(
                store, [Feed(feed_url)], extract=fake_extract, politeness=Politeness(host_delay=0, retries=0)
            ).run(once=True)
            assert store.stats()["documents"] == N
            events = list(store.iter_events(EventQuery(modality=None)))
            assert len(events) == N and sum(len(e.evidence) for e in events) == N
            urls = sorted(store.get_document(e.evidence[0].document_id).url for e in events)
            assert urls == sorted(f"{srv.base}/a/{i}.html" for i in range(N))
            states = [ItemState(**json.loads(v)) for _, v in store.meta_items(ITEM_PREFIX)]
            assert len(states) == N and all(s.document_id and s.done for s in states)
            assert load_feed(store, feed_url).etag == '"v1"'
            # Articles stored before the kill were fetched again at most once (no item state yet).
            assert all(srv.hits[link] <= 2 for _, link in items)
