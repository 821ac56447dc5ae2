"""`lagebild watch` and `lagebild up`: keep polling news feeds into the store (and serve the map).

The command functions are registered on the main app by lagebild.cli; they import the heavy
parts (the pipeline, the server) only when they run.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Annotated, Any

import typer
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from lagebild.watch.feeds import Feed, FeedListError, default_feeds, default_feeds_text, load_feeds

err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL, e.g. sqlite:///events.db (default: $LAGEBILD_DB or the data dir)."
    ),
]
FeedsOption = Annotated[
    str | None,
    typer.Option(
        "--feeds",
        help="Feed list: OPML (any feed reader's export) or YAML (default: the list shipped with lagebild).",
    ),
]
IntervalOption = Annotated[
    float,
    typer.Option("--interval", min=1.0, help="Seconds between two polls of one feed."),
]
HostDelayOption = Annotated[
    float,
    typer.Option("--host-delay", min=0.0, help="Seconds between two requests to the same site."),
]
PrintDefaultsOption = Annotated[
    bool,
    typer.Option(
        "--print-default-feeds", help="Print the shipped feed list (OPML) to copy and edit, and exit."
    ),
]
TileStyleOption = Annotated[
    str | None,
    typer.Option(
        "--tile-style",
        help="URL of an online MapLibre style to use instead of the offline base map "
        "(default: $LAGEBILD_TILE_STYLE).",
    ),
]


def _feeds(path: str | None) -> list[Feed]:
    try:
        return load_feeds(path) if path else default_feeds()
    except FeedListError as exc:
        raise typer.BadParameter(str(exc), param_hint="--feeds") from None


def _open(db: str | None) -> Any:
    from lagebild.config import default_db_url
    from lagebild.store import StoreError, open_store

    try:
        return open_store(db or default_db_url())
    except StoreError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from None


def watch_command(
    feeds: FeedsOption = None,
    db: DbOption = None,
    interval: IntervalOption = 300.0,
    once: Annotated[
        bool, typer.Option("--once", help="Poll every feed once, store what is new, exit.")
    ] = False,
    host_delay: HostDelayOption = 1.0,
    print_default_feeds: PrintDefaultsOption = False,
) -> None:
    """Watch news feeds: fetch new articles, extract their events, store them. Ctrl-C stops."""
    from lagebild.bounded import time_limit_from_env
    from lagebild.watch.poll import Politeness
    from lagebild.watch.watcher import Watcher

    if print_default_feeds:
        sys.stdout.write(default_feeds_text())
        raise typer.Exit()
    feed_list = _feeds(feeds)
    store = _open(db)
    err.print(f"database: {store.url}; {len(feed_list)} feeds, every {interval:g} s", highlight=False)
    shown: list[Any] = []  # the watcher, once built: the live view renders its progress
    live = _live_view(lambda: progress_view(shown[0]) if shown else Text("")) if err.is_terminal else None
    politeness = Politeness(host_delay=host_delay)
    watcher = Watcher(
        store,
        feed_list,
        interval=interval,
        politeness=politeness,
        log=_logger(live),
        time_limit=time_limit_from_env(),
    )
    shown.append(watcher)
    from lagebild.alerts.dispatch import run_in_background  # watch-lists: alerts as events arrive

    stop_alerts = threading.Event()
    if not once:
        run_in_background(store.url, stop_alerts, log=_logger(live))
    try:
        if live is not None:
            with live:
                watcher.run(once=once)
        else:
            watcher.run(once=once)
    except KeyboardInterrupt:
        watcher.stop.set()
        err.print("stopped")
    finally:
        stop_alerts.set()
        watcher.close()
        store.close()
    p = watcher.progress
    err.print(_summary(watcher), highlight=False)
    if once and p.feeds_polled and p.feeds_failed == p.feeds_polled:
        raise typer.Exit(1)  # nothing could be read at all: cron should say so


def up_command(
    feeds: FeedsOption = None,
    db: DbOption = None,
    interval: IntervalOption = 300.0,
    host: Annotated[
        str, typer.Option(help="Address to bind; 0.0.0.0 exposes the server to your network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8765,
    host_delay: HostDelayOption = 1.0,
    tile_style: TileStyleOption = None,
) -> None:
    """Watch the news and serve the map in one command: new events appear as they arrive."""
    from lagebild.api.server import run

    feed_list = _feeds(feeds)
    store = _open(db)
    url = store.url
    store.close()  # fail early on a bad --db; the watcher and the server open their own
    stop = threading.Event()
    thread = threading.Thread(
        target=watch_in_background,
        args=(url, feed_list, interval, stop),
        kwargs={"host_delay": host_delay},
        name="lagebild-watcher",
        daemon=True,
    )
    err.print(f"watching {len(feed_list)} feeds every {interval:g} s into {url}", highlight=False)
    thread.start()
    try:
        run(url, host=host, port=port, tile_style=tile_style)
    finally:
        stop.set()
        thread.join(timeout=5)


def watch_in_background(
    db_url: str,
    feeds: list[Feed],
    interval: float,
    stop: threading.Event,
    log: Any = None,
    host_delay: float = 1.0,
) -> None:
    """The watcher of `lagebild up`: runs until `stop`, and survives its own failures.

    Each failing feed is one line on stderr; an unexpected error (a locked or broken store)
    is reported and the loop starts over after `interval`, while the server keeps serving.
    """
    from lagebild.bounded import time_limit_from_env
    from lagebild.store import open_store
    from lagebild.watch.poll import Politeness
    from lagebild.watch.watcher import Watcher

    def say(line: str) -> None:
        print(f"lagebild watch: {line}", file=sys.stderr, flush=True)

    log = log or say
    while not stop.is_set():
        try:
            store = open_store(db_url)
            politeness = Politeness(host_delay=host_delay)
            watcher = Watcher(
                store,
                feeds,
                interval=interval,
                politeness=politeness,
                log=log,
                stop=stop,
                time_limit=time_limit_from_env(),
            )
            try:
                watcher.run()
            finally:
                watcher.close()
                store.close()
        except Exception as exc:
            log(f"watcher error: {type(exc).__name__}: {exc}; restarting in {interval:g} s")
            stop.wait(interval)


# -- display ----------------------------------------------------------------------------------


def _live_view(render: Any) -> Any:
    from rich.live import Live

    return Live(console=err, refresh_per_second=4, get_renderable=render)


def _logger(live: Any) -> Any:
    def log(line: str) -> None:
        (live.console if live is not None else err).print(f"[yellow]feed failed[/] {line}", highlight=False)

    return log


def progress_view(watcher: Any) -> Group:
    """The live view of `lagebild watch`: totals since start and what is being fetched."""
    p = watcher.progress
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    table.add_row("polls", f"{p.rounds} rounds, {p.feeds_polled} feed fetches")
    table.add_row(
        "feeds",
        f"{p.feeds_ok} with items, {p.not_modified} unchanged, {p.feeds_failed} failed",
    )
    table.add_row("new articles", str(p.new_documents))
    table.add_row("events", str(p.events))
    table.add_row(
        "copies", f"{p.duplicates} identical, {p.near_duplicates} near-duplicate (added as sources)"
    )
    table.add_row("item errors", str(p.item_errors))
    busy = p.busy()
    if busy:
        table.add_row(
            "fetching", ", ".join(busy[:4]) + (f" and {len(busy) - 4} more" if len(busy) > 4 else "")
        )
    elif p.next_poll:
        table.add_row("next poll", f"in {max(0, p.next_poll - time.time()):.0f} s")
    return Group(table, Text(""))


def _summary(watcher: Any) -> str:
    p = watcher.progress
    return (
        f"{p.feeds_polled} feed fetches ({p.feeds_ok} with items, {p.not_modified} unchanged, "
        f"{p.feeds_failed} failed); {p.new_documents} new articles, {p.events} events; "
        f"{p.duplicates} identical and {p.near_duplicates} near-duplicate copies; {p.item_errors} item errors"
    )


def feed_health_table(health: list[dict[str, Any]]) -> Table:
    """Per-feed health as a table, for `lagebild stats` (see lagebild.watch.state.feed_health)."""
    table = Table(header_style="bold", title="feeds")
    for column in ("feed", "status", "last ok", "documents", "error"):
        table.add_column(column, overflow="fold")
    for feed in sorted(health, key=lambda f: (f["status"] != "failing", f["title"] or f["url"])):
        status = feed["status"] + (f" ({feed['failures']}x)" if feed["failures"] else "")
        style = {"failing": "red", "new": "dim"}.get(feed["status"], "green")
        table.add_row(
            feed["title"] or feed["url"],
            Text(status, style=style),
            feed["last_ok"] or "-",
            str(feed["documents"]),
            feed["last_error"] or "",
        )
    return table
