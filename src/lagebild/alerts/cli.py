"""`lagebild watchlist`, `lagebild alerts`, `lagebild correct`, `lagebild flag`, `lagebild corrections`.

Thin commands over the store's watch-list, alert and correction methods; everything heavy is
imported inside the commands, so `lagebild --help` stays fast.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
import threading
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

err = Console(stderr=True)
app = typer.Typer(help="Watch-lists: saved filters whose new events raise alerts.", no_args_is_help=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL, e.g. sqlite:///events.db (default: $LAGEBILD_DB or the data dir)."
    ),
]
FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="table, jsonl (one a line) or json (an array).")
]
_FORMATS = ("table", "jsonl", "json")


def _open(db: str | None, *, must_exist: bool = True) -> Any:
    from lagebild.config import default_db_url
    from lagebild.store import StoreError, open_store

    try:
        return open_store(db or default_db_url(), create=not must_exist)
    except StoreError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from None


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]error:[/] {message}", highlight=False)
    return typer.Exit(2)


def _check_format(value: str) -> str:
    if value not in _FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(_FORMATS)}", param_hint="--format")
    return value


def _write(items: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(items, ensure_ascii=False, indent=1) + "\n")
    else:
        for item in items:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")


def _author(by: str | None) -> str:
    return by or os.environ.get("LAGEBILD_ANALYST") or getpass.getuser()


def _headline(event: dict[str, Any]) -> str:
    """'TYPE — place — date' of an event contract, as the events table says it."""
    place = (event.get("location") or {}).get("name") or "?"
    return f"{event.get('type')} — {place} — {event.get('date') or 'undated'}"


# -- watch-lists --------------------------------------------------------------------------------


def _polygon(value: str | None) -> Any:
    """A GeoJSON file (Polygon, or a Feature of one) or 'lon,lat;lon,lat;...'."""
    if value is None:
        return None
    if os.path.isfile(value):
        try:
            with open(value, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError) as exc:
            raise typer.BadParameter(f"cannot read {value}: {exc}", param_hint="--polygon") from None
        if data.get("type") == "FeatureCollection" and data.get("features"):
            data = data["features"][0]
        return data.get("geometry", data)
    try:
        return [[float(v) for v in point.split(",")] for point in value.split(";") if point.strip()]
    except ValueError:
        raise typer.BadParameter(
            "expected a GeoJSON file or lon,lat;lon,lat;...", param_hint="--polygon"
        ) from None


@app.command("add")
def watchlist_add(
    name: Annotated[str, typer.Argument(help="A name for the watch-list.")],
    db: DbOption = None,
    bbox: Annotated[str | None, typer.Option(help="W,S,E,N in degrees.")] = None,
    polygon: Annotated[
        str | None,
        typer.Option(help="A drawn area: a GeoJSON file, or lon,lat;lon,lat;... (3 points or more)."),
    ] = None,
    country: Annotated[
        list[str] | None, typer.Option(help="ISO 3166 code; repeatable, or comma-separated.")
    ] = None,
    type: Annotated[list[str] | None, typer.Option("--type", help="PLOVER type; repeatable.")] = None,
    actor: Annotated[list[str] | None, typer.Option(help="Part of an actor's name; repeatable.")] = None,
    word: Annotated[
        list[str] | None, typer.Option(help="A word or phrase of the evidence; repeatable.")
    ] = None,
    min_confidence: Annotated[float | None, typer.Option(min=0.0, max=1.0)] = None,
    min_sources: Annotated[int | None, typer.Option(min=1, help="At least this many sources.")] = None,
    modality: Annotated[str, typer.Option(help="Comma-separated modalities, or 'all'.")] = "asserted",
    webhook: Annotated[str | None, typer.Option(help="POST each alert's event as JSON to this URL.")] = None,
) -> None:
    """Save a watch-list: events written from now on that match it raise alerts."""
    from lagebild.alerts.watchlists import Filter, WatchlistError, check_name, check_webhook

    def split(values: list[str] | None) -> list[str]:
        return [v for value in values or [] for v in value.split(",") if v.strip()]

    try:
        flt = Filter.from_dict(
            {
                "bbox": bbox,
                "polygon": _polygon(polygon),
                "countries": split(country),
                "types": split(type),
                "actors": list(actor or []),
                "words": list(word or []),
                "min_confidence": min_confidence,
                "min_sources": min_sources,
                "modality": modality.split(","),
            }
        )
        clean_name, hook = check_name(name), check_webhook(webhook)
    except WatchlistError as exc:
        raise _fail(str(exc)) from None
    from lagebild.store import StoreError

    store = _open(db, must_exist=False)
    try:
        made = store.add_watchlist(clean_name, flt, hook)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    finally:
        store.close()
    err.print(f"watch-list {made.id} '{made.name}': {flt.describe()}" + (f"; webhook {hook}" if hook else ""))


@app.command("list")
def watchlist_list(db: DbOption = None, format: FormatOption = "table") -> None:
    """Every watch-list with its filter and webhook."""
    fmt = _check_format(format)
    store = _open(db)
    try:
        found = store.watchlists()
    finally:
        store.close()
    if fmt != "table":
        _write([w.to_dict() for w in found], fmt)
        return
    if not found:
        err.print("no watch-lists yet: lagebild watchlist add NAME --country UA --type ASSAULT ...")
        return
    table = Table(box=None, pad_edge=False)
    table.add_column("id", justify="right")
    table.add_column("name", overflow="fold")
    table.add_column("filter", overflow="fold", ratio=3)
    table.add_column("webhook", overflow="ellipsis", max_width=30)
    for w in found:
        table.add_row(str(w.id), w.name, w.filter.describe(), w.webhook or "-")
    Console().print(table)


@app.command("remove")
def watchlist_remove(
    key: Annotated[str, typer.Argument(help="The watch-list's id or name.")], db: DbOption = None
) -> None:
    """Remove a watch-list and its alerts."""
    store = _open(db)
    try:
        removed = store.remove_watchlist(key)
    finally:
        store.close()
    if not removed:
        raise _fail(f"no watch-list {key!r} (lagebild watchlist list shows them)")
    err.print(f"removed watch-list {key}")


# -- alerts -------------------------------------------------------------------------------------


def alerts_command(
    db: DbOption = None,
    watchlist: Annotated[str | None, typer.Option(help="Only this watch-list's (id or name).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many, newest first.")] = 50,
    format: FormatOption = "table",
    once: Annotated[
        bool, typer.Option("--once", help="Match what is new and deliver what is due, once, then list.")
    ] = False,
    follow: Annotated[
        bool,
        typer.Option(
            "--follow", help="Run the dispatcher here and print alerts as they are raised; Ctrl-C stops."
        ),
    ] = False,
) -> None:
    """Alerts raised by watch-lists, with the state of their webhook delivery."""
    from lagebild.alerts.dispatch import Dispatcher

    fmt = _check_format(format)
    store = _open(db)
    try:
        wid = None
        if watchlist:
            found = store.get_watchlist(watchlist)
            if found is None:
                raise _fail(f"no watch-list {watchlist!r} (lagebild watchlist list shows them)")
            wid = found.id
        if once:
            Dispatcher(store, log=lambda line: err.print(line, highlight=False)).step()
        if follow:
            _follow(store, wid, fmt)
            return
        alerts = store.alerts(watchlist=wid, limit=limit)
    finally:
        store.close()
    _print_alerts(alerts, fmt)


def _print_alerts(alerts: list[Any], fmt: str) -> None:
    if fmt != "table":
        _write([a.to_dict() for a in alerts], fmt)
        return
    if not alerts:
        err.print("no alerts")
        return
    table = Table(box=None, pad_edge=False)
    table.add_column("id", justify="right")
    table.add_column("raised", no_wrap=True)
    table.add_column("watch-list", overflow="ellipsis", max_width=18)
    table.add_column("event", overflow="ellipsis", ratio=3, no_wrap=True)
    table.add_column("webhook", no_wrap=True)
    for a in alerts:
        state = a.delivery if a.delivery in ("none", "delivered") else f"{a.delivery} ({a.attempts})"
        table.add_row(str(a.id), a.raised[5:16].replace("T", " "), a.watchlist, _headline(a.event), state)
    Console().print(table)


def _follow(store: Any, watchlist: int | None, fmt: str) -> None:
    """The dispatcher in a thread of its own, and every new alert printed as it comes."""
    from lagebild.alerts.dispatch import Dispatcher

    stop = threading.Event()
    dispatcher = Dispatcher(store, log=lambda line: err.print(line, highlight=False))
    thread = threading.Thread(target=dispatcher.run, args=(stop,), name="lagebild-alerts", daemon=True)
    newest = store.alerts(limit=1)
    mark = newest[0].id if newest else 0
    err.print(f"database: {store.url}; following alerts (Ctrl-C stops)", highlight=False)
    thread.start()
    try:
        while not stop.is_set():
            batch = store.alerts(after=mark, limit=100)
            if batch:
                mark = batch[-1].id
            fresh = [a for a in batch if watchlist is None or a.watchlist_id == watchlist]
            if fresh:
                _print_alerts(fresh, "jsonl" if fmt == "json" else fmt)
                sys.stdout.flush()
            stop.wait(0.5)
    except KeyboardInterrupt:
        err.print("stopped")
    finally:
        stop.set()
        thread.join(timeout=10)


# -- corrections --------------------------------------------------------------------------------


def _correct(
    db: str | None, event_id: str, kind: str, changes: dict[str, Any], reason: str | None, by: str
) -> None:
    from lagebild.corrections import CorrectionError, check_author, check_reason
    from lagebild.store import StoreError

    try:
        author, why = check_author(by), check_reason(reason)
    except CorrectionError as exc:
        raise _fail(str(exc)) from None
    store = _open(db)
    try:
        made = store.add_correction(event_id, kind, changes, why, author)
        event = store.get_event(event_id)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    finally:
        store.close()
    what = ", ".join(f"{k} {made.before.get(k)!r} -> {v!r}" for k, v in changes.items() if k != "location")
    if "location" in changes:
        before = (made.before.get("location") or {}).get("name")
        what = ", ".join(filter(None, [what, f"place {before!r} -> {changes['location']['name']!r}"]))
    err.print(f"{kind} {event_id} by {author}: {what or reason or ''}", highlight=False)
    if event is not None:
        sys.stdout.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")


def correct_command(
    event_id: Annotated[str, typer.Argument(help="The event's id (lagebild events -f jsonl shows it).")],
    db: DbOption = None,
    type: Annotated[str | None, typer.Option("--type", help="The right PLOVER type, e.g. PROTEST.")] = None,
    mode: Annotated[str | None, typer.Option(help="Its mode (with --type).")] = None,
    place: Annotated[
        str | None, typer.Option(help="The right place: a name ('Kharkiv', 'Kharkiv, UA') or 'lat,lon'.")
    ] = None,
    date: Annotated[str | None, typer.Option(help="The right date: YYYY-MM-DD, YYYY-MM or YYYY.")] = None,
    reason: Annotated[str | None, typer.Option(help="Why, in a few words.")] = None,
    by: Annotated[
        str | None, typer.Option(help="Who corrects (default: $LAGEBILD_ANALYST or your login).")
    ] = None,
) -> None:
    """Correct an event's type, place or date; recorded (who, when, before/after) and applied."""
    from lagebild.corrections import CorrectionError, changes_of

    try:
        changes = changes_of(type, mode, place, date)
    except CorrectionError as exc:
        raise _fail(str(exc)) from None
    if not changes:
        raise typer.BadParameter("say what to correct: --type, --place or --date")
    _correct(db, event_id, "correct", changes, reason, _author(by))


def flag_command(
    event_id: Annotated[str, typer.Argument(help="The event's id.")],
    db: DbOption = None,
    reason: Annotated[str | None, typer.Option(help="Why the event is wrong.")] = None,
    unflag: Annotated[bool, typer.Option("--unflag", help="Lift the flag again.")] = False,
    by: Annotated[
        str | None, typer.Option(help="Who flags (default: $LAGEBILD_ANALYST or your login).")
    ] = None,
) -> None:
    """Flag an event as wrong: hidden from lists, maps and exports unless asked for (--flagged)."""
    _correct(db, event_id, "unflag" if unflag else "flag", {}, reason, _author(by))


def corrections_command(
    db: DbOption = None,
    event_id: Annotated[str | None, typer.Option("--event", help="Only this event's.")] = None,
    format: FormatOption = "table",
) -> None:
    """Every correction and flag, oldest first (jsonl/json: the whole record, for export)."""
    fmt = _check_format(format)
    store = _open(db)
    try:
        found = store.corrections(event_id)
    finally:
        store.close()
    if fmt != "table":
        _write([c.to_dict() for c in found], fmt)
        return
    if not found:
        err.print("no corrections")
        return
    table = Table(box=None, pad_edge=False)
    table.add_column("id", justify="right")
    table.add_column("at", no_wrap=True)
    table.add_column("by", overflow="ellipsis", max_width=14)
    table.add_column("event", no_wrap=True, overflow="ellipsis", max_width=12)
    table.add_column("what", overflow="fold", ratio=3)
    for c in found:
        if c.kind == "correct":
            what = ", ".join(
                f"{k} -> {v['name'] if k == 'location' and v else v}"
                for k, v in c.changes.items()
                if v is not None
            )
        else:
            what = c.kind + (f": {c.reason}" if c.reason else "")
        table.add_row(str(c.id), c.created[:16].replace("T", " "), c.author, c.event_id or "(gone)", what)
    Console().print(table)
