"""The watcher against local HTTP servers serving feeds and pages we write (tests/watch_server.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from lagebild.sources.fetch import USER_AGENT
from lagebild.store import EventQuery
from lagebild.store.sqlite import SQLiteStore
from lagebild.watch import Feed, Politeness, Watcher, feed_health
from lagebild.watch.state import ITEM_PREFIX, load_feed
from watch_server import Route, Server, article_html, article_text, fake_extract, feed_items, rss

# A read may wait 1.5 s: once a local answer took over a second while the suite ran (a 1 s timeout
# then failed the HTML case with "timed out"); the 3 s route still times out, the trickle still runs
# past the 2 s download deadline.
FAST = Politeness(host_delay=0.0, timeout=1.5, max_seconds=2.0, retries=0, backoff=0.05)
ALL = EventQuery(modality=None)


@pytest.fixture()
def server() -> Iterator[Server]:
    with Server() as srv:
        yield srv


@pytest.fixture()
def store(tmp_path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "watch.db") as s:
        yield s


def publish(srv: Server, path: str, items: list[tuple[str, str]], **route: object) -> Feed:
    """Serve a feed of `items` at `path` and an article page for each of them."""
    srv.routes[path] = Route(rss(srv.base, items), ctype="application/rss+xml", **route)
    for title, link in items:
        if link not in srv.routes:
            seed = int(link.split("/")[-1].split(".")[0])
            srv.routes[link] = Route(article_html(title, article_text(seed)))
    return Feed(srv.base + path, title=path.strip("/"), lang="en")


def watcher(store, feeds, lines=None, **kw) -> Watcher:
    kw.setdefault("politeness", FAST)
    log = lines.append if lines is not None else None
    return Watcher(store, feeds, interval=60, extract=fake_extract, log=log, **kw)


def test_new_items_are_stored_once_and_a_second_poll_adds_nothing(server, store) -> None:
    feed = publish(server, "/feed.xml", list(feed_items(4)), etag='"v1"')
    w = watcher(store, [feed])
    w.run(once=True)
    assert store.stats()["documents"] == 4 and store.count_events(ALL) == 4
    assert w.progress.new_documents == 4
    urls = {store.get_document(e.evidence[0].document_id).url for e in store.iter_events(ALL)}
    assert urls == {f"{server.base}/a/{i}.html" for i in range(4)}  # without the tracking parameters
    w.run(once=True)
    assert store.stats()["documents"] == 4 and store.count_events(ALL) == 4
    assert w.progress.not_modified == 1  # the server answered 304 to If-None-Match
    assert server.conditional["/feed.xml"] == 1
    assert all(server.hits[link] == 1 for _, link in feed_items(4))
    assert all(agent == USER_AGENT for agent in server.agents)


def test_without_validators_seen_items_are_not_fetched_again(server, store) -> None:
    items = list(feed_items(3))
    feed = publish(server, "/plain.xml", items)
    watcher(store, [feed]).run(once=True)
    # The same stories, linked with other tracking parameters and a fragment: the same URLs.
    server.routes["/plain.xml"] = Route(
        rss(
            server.base,
            [(t, link.replace("utm_medium=feed", "utm_medium=social&fbclid=x") + "#top") for t, link in items]
            + [("Story 9", "/a/9.html")],
        ),
        ctype="application/rss+xml",
    )
    server.routes["/a/9.html"] = Route(article_html("Story 9", article_text(9)))
    w = watcher(store, [feed])
    w.run(once=True)
    assert w.progress.new_documents == 1 and store.stats()["documents"] == 4
    assert all(server.hits[link] == 1 for _, link in items)


def test_last_modified_is_used_when_there_is_no_etag(server, store) -> None:
    feed = publish(server, "/lm.xml", list(feed_items(2)), last_modified="Tue, 04 Mar 2025 08:00:00 GMT")
    watcher(store, [feed]).run(once=True)
    w = watcher(store, [feed])
    w.run(once=True)
    assert w.progress.not_modified == 1 and server.conditional["/lm.xml"] == 1


def test_a_restart_continues_from_the_state_in_the_store(server, tmp_path) -> None:
    feed = publish(server, "/feed.xml", list(feed_items(3)), etag='"v1"')
    with SQLiteStore(tmp_path / "a.db") as first:
        watcher(first, [feed]).run(once=True)
    with SQLiteStore(tmp_path / "a.db") as second:
        state = load_feed(second, feed.url)
        assert state.etag == '"v1"' and state.last_status == "ok"
        w = watcher(second, [feed])
        w.run(once=True)
        assert w.progress.not_modified == 1 and second.stats()["documents"] == 3


@pytest.mark.parametrize(
    ("route", "message"),
    [
        (Route(b"gone", status=404), "HTTP 404"),
        (Route(b"oops", status=500), "HTTP 500"),
        (Route(b"<rss><channel><item><title>x</ti", ctype="application/rss+xml"), "feed unreadable"),
        (Route(b"<html><body>not a feed</body></html>"), "no items"),
        (Route(location="/loop.xml"), "too many redirects"),
        (Route(b"<rss/>", delay=3.0), "timed out"),
        (Route(b"<rss version='2.0'>" + b" " * 200, trickle=0.02), "too slow"),
    ],
    ids=["404", "500", "malformed-xml", "html", "redirect-loop", "timeout", "trickle"],
)
def test_a_broken_feed_is_one_line_and_never_stops_the_others(server, store, route, message) -> None:
    server.routes["/loop.xml"] = Route(location="/loop.xml")
    server.routes["/bad.xml"] = route
    good = publish(server, "/good.xml", list(feed_items(2)))
    bad = Feed(server.base + "/bad.xml", title="Bad feed")
    lines: list[str] = []
    start = time.monotonic()
    w = watcher(store, [bad, good], lines)
    w.run(once=True)
    assert time.monotonic() - start < 6
    assert store.stats()["documents"] == 2
    assert len(lines) == 1 and lines[0].startswith("Bad feed: ") and message in lines[0]
    assert "\n" not in lines[0] and "retry in" in lines[0]
    state = load_feed(store, bad.url)
    assert state.failures == 1 and state.next_poll > time.time() + 60  # backs off beyond the interval
    health = {f["url"]: f for f in feed_health(store)}
    assert health[bad.url]["status"] == "failing" and message in health[bad.url]["last_error"]
    assert health[good.url]["status"] == "ok" and health[good.url]["documents"] == 2


def test_failures_back_off_and_recovery_resets(server, store) -> None:
    server.routes["/flaky.xml"] = Route(b"", status=500)
    feed = Feed(server.base + "/flaky.xml")
    w = watcher(store, [feed])
    w.run(once=True)
    w.run(once=True)
    assert load_feed(store, feed.url).failures == 2
    first_wait = 60 * 2
    assert load_feed(store, feed.url).next_poll > time.time() + first_wait  # doubled again
    publish(server, "/flaky.xml", list(feed_items(1)))
    w.run(once=True)
    state = load_feed(store, feed.url)
    assert state.failures == 0 and state.last_status == "ok" and state.next_poll <= time.time() + 61


def test_a_passing_server_error_is_retried_with_backoff(server, store) -> None:
    feed = publish(server, "/busy.xml", list(feed_items(1)), fail_first=2)
    w = watcher(store, [feed], politeness=Politeness(host_delay=0, timeout=1, retries=2, backoff=0.05))
    w.run(once=True)
    assert server.hits["/busy.xml"] == 3 and store.stats()["documents"] == 1


def test_charsets_wrong_or_missing_and_gzip(server, store) -> None:
    title = "Новости: переговоры в Женеве"
    xml = (
        "<?xml version='1.0' encoding='windows-1251'?><rss version='2.0'><channel><title>Лента</title>"
        f"<item><title>{title}</title><link>{server.base}/a/1.html</link></item></channel></rss>"
    ).encode("cp1251")
    # The header says UTF-8, the bytes are windows-1251 as the XML declaration says.
    server.routes["/ru.xml"] = Route(xml, ctype="application/rss+xml; charset=utf-8")
    text = (
        "Die Verhandlungen über die Brücke in Köln wurden am Dienstag fortgesetzt, sagte die Bürgermeisterin. "
        * 6
    )
    server.routes["/a/1.html"] = Route(  # Latin-1 bytes, no charset anywhere
        f"<html><body><article><h1>Köln</h1><p>{text}</p><p>{text}</p></article></body></html>".encode(
            "latin-1"
        ),
        ctype="text/html",
        gzip=True,
    )
    w = watcher(store, [Feed(server.base + "/ru.xml", lang="ru")])
    w.run(once=True)
    (event,) = store.iter_events(ALL)
    doc = store.get_document(event.evidence[0].document_id)
    assert doc.title == title
    assert "Bürgermeisterin" in doc.text and "Köln" in doc.text


def test_a_feed_that_declares_no_charset_is_detected(server, store) -> None:
    titles = ["Переговоры о перемирии возобновятся в Женеве", "Губернатор области объявил эвакуацию"]
    texts = ["Жители города собрались на площади. ", "Спасатели работали всю ночь у реки. "]
    items = "".join(
        f"<item><title>{t}</title><description>{x * 20}</description><guid>n{i}</guid></item>"
        for i, (t, x) in enumerate(zip(titles, texts, strict=True))
    )
    xml = f"<rss version='2.0'><channel><title>Лента новостей</title>{items}</channel></rss>".encode("cp1251")
    server.routes["/nocharset.xml"] = Route(xml, ctype="text/xml")
    watcher(store, [Feed(server.base + "/nocharset.xml", lang="ru")]).run(once=True)
    stored = {store.get_document(e.evidence[0].document_id).title for e in store.iter_events(ALL)}
    assert stored == set(titles)


def test_gzip_feed(server, store) -> None:
    feed = publish(server, "/gz.xml", list(feed_items(2)), gzip=True)
    watcher(store, [feed]).run(once=True)
    assert store.stats()["documents"] == 2


def test_a_huge_page_is_cut_at_the_cap_and_the_rest_goes_on(server, store) -> None:
    items = [("Huge", "/a/1.html"), ("Fine", "/a/2.html")]
    server.routes["/a/1.html"] = Route(endless=True)  # about 110 MB, generated as it is sent
    feed = publish(server, "/feed.xml", items)
    start = time.monotonic()
    w = watcher(
        store, [feed], politeness=Politeness(host_delay=0, timeout=2, retries=0, max_bytes=2 * 1024 * 1024)
    )
    w.run(once=True)
    assert time.monotonic() - start < 5
    assert store.stats()["documents"] == 1 and w.progress.item_errors == 1
    failed = [v for k, v in store.meta_items(ITEM_PREFIX) if "larger than 2 MB" in v]
    assert len(failed) == 1


def test_a_link_to_a_pdf_is_not_fetched_as_an_article(server, store) -> None:
    server.routes["/doc.pdf"] = Route(b"%PDF-1.4 ...", ctype="application/pdf")
    feed = publish(server, "/feed.xml", [("Report", "/doc.pdf"), ("Story", "/a/2.html")])
    w = watcher(store, [feed])
    w.run(once=True)
    assert store.stats()["documents"] == 1
    (failed,) = [v for k, v in store.meta_items(ITEM_PREFIX) if "pdf" in k]
    assert "unsupported content type application/pdf" in failed
    w.run(once=True)  # a permanent failure is not tried again
    assert server.hits["/doc.pdf"] == 1


def test_robots_txt_is_obeyed(server, store) -> None:
    server.routes["/robots.txt"] = Route(b"User-agent: lagebild\nDisallow: /private/\n", ctype="text/plain")
    items = [("Open", "/a/1.html"), ("Closed", "/private/2.html")]
    server.routes["/private/2.html"] = Route(article_html("Closed", article_text(2)))
    feed = publish(server, "/feed.xml", items)
    watcher(store, [feed]).run(once=True)
    assert store.stats()["documents"] == 1
    assert server.hits["/private/2.html"] == 0 and server.hits["/robots.txt"] == 1


def test_the_same_story_on_another_site_is_a_source_not_a_new_event(server, store) -> None:
    paragraphs = article_text(7)
    copy = [f"GENEVA (Wire) - {paragraphs[0]}", *paragraphs[1:], "Reporting by the wire desk."]
    server.routes["/one/7.html"] = Route(article_html("Talks resume", paragraphs))
    server.routes["/two/7.html"] = Route(article_html("Talks resume in Geneva", copy))
    server.routes["/one.xml"] = Route(rss(server.base, [("Talks resume", "/one/7.html")], title="One"))
    server.routes["/two.xml"] = Route(
        rss(server.base, [("Talks resume in Geneva", "/two/7.html")], title="Two")
    )
    w = watcher(store, [Feed(server.base + "/one.xml")])
    w.run(once=True)
    w2 = Watcher(store, [Feed(server.base + "/two.xml")], extract=fake_extract, politeness=FAST)
    w2.run(once=True)
    assert w2.progress.near_duplicates == 1 and w2.progress.new_documents == 0
    (event,) = store.iter_events(ALL)
    assert event.num_sources == 2
    urls = {ev.url for ev in event.evidence}
    assert urls == {server.base + "/one/7.html", server.base + "/two/7.html"}
    copy_evidence = next(ev for ev in event.evidence if ev.url.endswith("/two/7.html"))
    copy_doc = store.get_document(copy_evidence.document_id)
    assert copy_doc.text[copy_evidence.start : copy_evidence.end] == copy_evidence.sentence


def test_different_stories_are_not_near_duplicates(server, store) -> None:
    feed = publish(server, "/feed.xml", list(feed_items(12)))
    w = watcher(store, [feed])
    w.run(once=True)
    assert w.progress.new_documents == 12 and w.progress.near_duplicates == 0
