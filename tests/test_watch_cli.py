"""`lagebild watch` and the watcher of `lagebild up`, on a tiny Typer app of their own."""

from __future__ import annotations

import socket
import threading

import typer
from typer.testing import CliRunner

from lagebild.store.sqlite import SQLiteStore
from lagebild.watch import Feed, load_feeds
from lagebild.watch.cli import feed_health_table, up_command, watch_command, watch_in_background
from lagebild.watch.state import feed_health
from watch_server import Route, Server, article_html, article_text, feed_items, rss

app = typer.Typer()
app.command("watch")(watch_command)
app.command("up")(up_command)
runner = CliRunner()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_print_default_feeds_gives_a_list_watch_reads_back(tmp_path) -> None:
    result = runner.invoke(app, ["watch", "--print-default-feeds"])
    assert result.exit_code == 0
    path = tmp_path / "feeds.opml"
    path.write_text(result.stdout, encoding="utf-8")
    assert len(load_feeds(path)) >= 40


def test_a_bad_feed_list_is_a_usage_error(tmp_path) -> None:
    result = runner.invoke(app, ["watch", "--feeds", str(tmp_path / "nope.opml")], env={"COLUMNS": "400"})
    assert result.exit_code == 2 and "no such file" in result.output


def test_watch_once_stores_new_articles_then_nothing(tmp_path) -> None:
    # The real pipeline: the watcher reads articles in worker processes (the time limit), where a
    # patched pipeline would not reach.
    with Server() as srv:
        items = list(feed_items(2))
        srv.routes["/feed.xml"] = Route(rss(srv.base, items), ctype="application/rss+xml")
        for number, (title, link) in enumerate(items):
            srv.routes[link] = Route(article_html(title, article_text(number)))
        feeds = tmp_path / "feeds.yaml"
        feeds.write_text(f"- url: {srv.base}/feed.xml\n  title: Local\n  lang: en\n", encoding="utf-8")
        db = f"sqlite:///{tmp_path / 'w.db'}"
        args = ["watch", "--feeds", str(feeds), "--db", db, "--once", "--host-delay", "0"]
        first = runner.invoke(app, args)
        assert first.exit_code == 0, first.output
        with SQLiteStore(tmp_path / "w.db") as store:
            stored = store.stats()
        assert stored["documents"] == 2 and stored["events"] >= 2
        assert f"2 new articles, {stored['events']} events" in first.output
        second = runner.invoke(app, args)
        assert second.exit_code == 0 and "0 new articles" in second.output


def test_watch_once_fails_when_no_feed_can_be_read(tmp_path) -> None:
    port = closed_port()
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(f"- http://127.0.0.1:{port}/a.xml\n- http://127.0.0.1:{port}/b.xml\n", encoding="utf-8")
    result = runner.invoke(
        app, ["watch", "--feeds", str(feeds), "--db", str(tmp_path / "w.db"), "--once", "--host-delay", "0"]
    )
    assert result.exit_code == 1
    failed = [line for line in result.output.splitlines() if line.startswith("feed failed")]
    assert len(failed) == 2 and all("connection refused" in line for line in failed)


def test_the_background_watcher_of_up_fails_politely_offline_and_stops(tmp_path) -> None:
    port = closed_port()
    feeds = [Feed(f"http://127.0.0.1:{port}/feed.xml", title="Offline")]
    lines: list[str] = []
    logged = threading.Event()

    def log(line: str) -> None:
        lines.append(line)
        logged.set()

    stop = threading.Event()
    db = f"sqlite:///{tmp_path / 'up.db'}"
    thread = threading.Thread(target=watch_in_background, args=(db, feeds, 60.0, stop, log, 0.0), daemon=True)
    thread.start()
    assert logged.wait(10)
    stop.set()
    thread.join(5)
    assert not thread.is_alive()
    assert lines == [lines[0]] and lines[0].startswith("Offline: could not connect")
    with SQLiteStore(tmp_path / "up.db") as store:
        (health,) = feed_health(store)
        assert health["status"] == "failing" and health["next_poll"]
        table = feed_health_table([health])
        assert table.row_count == 1
