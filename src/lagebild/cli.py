"""The `lagebild` command: a thin layer over ingest, pipeline, store and export.

Heavy modules (the gazetteer, the models) are imported inside the commands so that
`lagebild --help` answers at once.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import date
from itertools import islice
from typing import Annotated

import click
import typer
from rich.console import Console
from typer.core import TyperGroup, TyperOption

from lagebild import __version__
from lagebild.alerts.cli import alerts_command, correct_command, corrections_command, flag_command
from lagebild.alerts.cli import app as watchlist_app
from lagebild.eval.cli import app as eval_app

# Commands whose modules import the watcher, the HTML reader and numpy (0.5-1 s): loaded only
# when one of them runs or is asked for its own --help, so that `lagebild --help` and every other
# command start without them. Their one-line help is repeated here for the command list
# (tests/test_cli_lazy.py checks it against the command's own).
LAZY_COMMANDS: dict[str, tuple[str, str, str]] = {
    "watch": (
        "lagebild.watch.cli",
        "watch_command",
        "Watch news feeds: fetch new articles, extract their events, store them. Ctrl-C stops.",
    ),
    "up": (
        "lagebild.watch.cli",
        "up_command",
        "Watch the news and serve the map in one command: new events appear as they arrive.",
    ),
    "gazetteer": ("lagebild.places.cli", "app", "Build and inspect the gazetteer"),
}


def load_command(name: str) -> click.Command:
    """The click command of a lazy entry: a Typer app as a group, a function as a command."""
    import importlib

    module, attribute, _ = LAZY_COMMANDS[name]
    target = getattr(importlib.import_module(module), attribute)
    if isinstance(target, typer.Typer):
        command: click.Command = typer.main.get_group(target)
    else:
        holder = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
        holder.command(name)(target)
        command = typer.main.get_command(holder)
    command.name = name
    return command


class LazyGroup(TyperGroup):
    """The top-level group: LAZY_COMMANDS are listed from their help line and imported when run."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*(n for n in LAZY_COMMANDS if n not in self.commands), *super().list_commands(ctx)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = super().get_command(ctx, cmd_name)
        if found is None and cmd_name in LAZY_COMMANDS:  # listed in --help: the line alone
            return click.Command(cmd_name, help=LAZY_COMMANDS[cmd_name][2])
        return found

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] in LAZY_COMMANDS and args[0] not in self.commands:
            self.add_command(load_command(args[0]), args[0])  # to run it: the real command
        return super().resolve_command(ctx, args)


app = typer.Typer(
    name="lagebild",
    help="News articles in many languages -> a map of events, with evidence behind every pin.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=LazyGroup,
)
app.add_typer(eval_app, name="eval")
app.add_typer(watchlist_app, name="watchlist")
app.command("alerts")(alerts_command)
app.command("correct")(correct_command)
app.command("flag")(flag_command)
app.command("corrections")(corrections_command)

err = Console(stderr=True)


def _flag_without_type(display_type_rich):
    """Typer labels every flag `<bool>` in --help, though a flag takes no value: say nothing there."""

    def display(self, ctx):
        return None if getattr(self, "is_flag", False) else display_type_rich(self, ctx)

    return display


TyperOption.display_type_rich = _flag_without_type(TyperOption.display_type_rich)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL, e.g. sqlite:///events.db (default: $LAGEBILD_DB or the data dir)."
    ),
]
FORMATS = ("table", "jsonl", "json", "geojson", "csv", "acled", "plover")
# watch.cli's option (`up` has it too), defined here so that `serve` does not import the watcher.
TileStyleOption = Annotated[
    str | None,
    typer.Option(
        "--tile-style",
        help="URL of an online MapLibre style to use instead of the offline base map "
        "(default: $LAGEBILD_TILE_STYLE).",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lagebild {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """lagebild: ingest news, extract events, store and export them."""


def _iso_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat() if len(value) <= 10 else value
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date (expected YYYY-MM-DD)", param_hint=option
        ) from None


def _open(db: str | None, *, must_exist: bool = False):
    """Open the store; commands that only read refuse to create an empty one by a typo."""
    from lagebild.config import default_db_url
    from lagebild.store import StoreError, open_store

    try:
        return open_store(db or default_db_url(), create=not must_exist)
    except StoreError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from None


@app.command()
def ingest(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders or URLs: text, HTML, JSONL, RSS/Atom, WARC.")
    ],
    db: DbOption = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date for inputs that do not carry one (YYYY-MM-DD).")
    ] = None,
    lang: Annotated[
        str | None, typer.Option(help="Language code for inputs that do not say (default: detect).")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Source name for inputs that do not carry one.")] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Processes that extract events (default: the number of cores); one stores."),
    ] = None,
    engine: Annotated[
        str,
        typer.Option(
            help="local (processes on this machine) or ray (a Ray cluster; pip install 'lagebild[ray]')."
        ),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(
            help="--engine ray: the cluster to join, e.g. ray://head:10001 (default: start one here)."
        ),
    ] = None,
    time_limit: Annotated[
        str | None,
        typer.Option(
            help="Seconds a document may take to read; one over it is reported and skipped "
            "(default: $LAGEBILD_TIME_LIMIT, else 30; off: no limit)."
        ),
    ] = None,
) -> None:
    """Ingest articles: extract their events and store both. Running it twice adds nothing."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from lagebild.bounded import parse_time_limit, time_limit_from_env
    from lagebild.ingest import cap_note, name_of
    from lagebild.ingest import ingest as run_ingest
    from lagebild.model import Document
    from lagebild.sources import IngestError
    from lagebild.store import StoreError

    published = _iso_date(published, "--published")
    try:
        limit = time_limit_from_env() if time_limit is None else parse_time_limit(time_limit, "--time-limit")
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--time-limit") from None
    if engine not in ("local", "ray"):
        raise typer.BadParameter(f"unknown engine {engine!r}; use local or ray", param_hint="--engine")
    if address is not None and engine != "ray":
        raise typer.BadParameter("--address is for --engine ray", param_hint="--address")
    store = _open(db)
    err.print(f"database: {store.url}")
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )

    counts = {"events": 0, "errors": 0, "started": time.monotonic()}

    def on_item(item: object, n_events: int) -> None:
        if isinstance(item, IngestError):
            counts["errors"] += 1
            progress.console.print(f"[yellow]skipped[/] {item.input}: {item.message}", highlight=False)
        elif isinstance(item, Document) and item.capped:
            progress.console.print(
                f"[yellow]capped[/] {name_of(item)}: {cap_note(item.capped)}", highlight=False
            )
        progress.advance(task)
        done = int(progress.tasks[0].completed)
        counts["events"] += n_events
        rate = done / max(1e-9, time.monotonic() - counts["started"])
        progress.update(
            task,
            description=f"{done} inputs read, {rate:.1f}/s, {counts['events']} new events, {counts['errors']} errors",
        )

    with progress:
        task = progress.add_task("reading inputs", total=None)
        try:
            if engine == "ray":
                from lagebild.ingest_ray import RayOptions, RayUnavailable, ingest_ray

                options = RayOptions(address=address, workers=workers or os.cpu_count() or 1)
                try:
                    summary = ingest_ray(
                        inputs,
                        store,
                        options=options,
                        published=published,
                        lang=lang,
                        source=source,
                        on_item=on_item,
                    )
                except RayUnavailable as exc:
                    from rich.markup import escape

                    err.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
                    raise typer.Exit(2) from None
            else:
                summary = run_ingest(
                    inputs,
                    store,
                    published=published,
                    lang=lang,
                    source=source,
                    workers=workers or os.cpu_count() or 1,
                    on_item=on_item,
                    time_limit=limit,
                )
        except ValueError as exc:  # an unreadable --published/--lang, found before anything is read
            raise typer.BadParameter(str(exc)) from None
        except StoreError as exc:  # read-only, full or locked: what happened, not a traceback
            err.print(f"[red]error:[/] {exc}", highlight=False)
            raise typer.Exit(1) from None
        finally:
            store.close()
    err.print(
        f"{summary.new} new documents: {summary.mentions} mentions, {summary.events} new events"
        f" (any modality), {summary.joined} reports joined stored events, {summary.copies} copies of"
        " stored documents added as sources; "
        f"{summary.already_stored} already stored; {len(summary.errors)} failed"
        + (f"; {len(summary.capped)} not read to the end (caps per document)" if summary.capped else "")
    )
    raise typer.Exit(0 if summary.ok else 1)


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="An article: text, HTML, JSONL (every line), feed or WARC.")],
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    lang: Annotated[str | None, typer.Option(help="Language code (default: detect).")] = None,
    mentions: Annotated[
        bool, typer.Option("--mentions", help="Print every reading of every sentence, before grouping.")
    ] = False,
) -> None:
    """Print the events of a document as JSON lines (one per happening), storing nothing."""
    from lagebild.ingest import prepare
    from lagebild.pipeline import extract as run_extract
    from lagebild.pipeline import extract_mentions
    from lagebild.sources import IngestError, read_inputs

    published = _iso_date(published, "--published")
    failed = False
    try:
        items = read_inputs([file], published=published, lang=lang)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    for item in items:
        if isinstance(item, IngestError):
            err.print(f"[red]error:[/] {item.input}: {item.message}", highlight=False)
            failed = True
            continue
        for event in (extract_mentions if mentions else run_extract)(prepare(item)):
            sys.stdout.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
    raise typer.Exit(1 if failed else 0)


@app.command()
def merge(
    db: DbOption = None,
    rebuild: Annotated[
        bool,
        typer.Option("--rebuild", help="Re-group every stored mention into events (after a method change)."),
    ] = False,
) -> None:
    """Merge stored mentions into events again; nothing is re-read from the texts."""
    from lagebild.merge import embedder
    from lagebild.merge import rebuild as run_rebuild

    if not rebuild:
        raise typer.BadParameter(
            "say --rebuild: it replaces every event of the store", param_hint="--rebuild"
        )
    store = _open(db, must_exist=True)
    err.print(f"database: {store.url}")
    try:
        n = run_rebuild(store, embedder())
    finally:
        store.close()
    err.print(f"{n} events from the stored mentions")


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        w, s, e, n = (float(x) for x in value.split(","))
    except ValueError:
        raise typer.BadParameter("expected four numbers W,S,E,N", param_hint="--bbox") from None
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
        raise typer.BadParameter("expected W,S,E,N with -180<=lon<=180, -90<=S<=N<=90", param_hint="--bbox")
    return (w, s, e, n)


@app.command()
def events(
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="Events on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before this date.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. PROTEST.")] = None,
    mode: Annotated[str | None, typer.Option(help="PLOVER mode, e.g. withdraw.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 of the location.")] = None,
    actor: Annotated[
        str | None, typer.Option(help="Part of an actor's name, canonical name or IGO code.")
    ] = None,
    lang: Annotated[str | None, typer.Option(help="Language of an evidence sentence (ISO 639-1).")] = None,
    bbox: Annotated[str | None, typer.Option(help="W,S,E,N in degrees.")] = None,
    q: Annotated[str | None, typer.Option(help="Full text over titles and evidence.")] = None,
    min_confidence: Annotated[float | None, typer.Option(min=0.0, max=1.0)] = None,
    modality: Annotated[str, typer.Option(help="Comma-separated modalities to show, or 'all'.")] = "asserted",
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many events.")] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="table, jsonl (one event a line), json (an array), geojson, csv, acled, plover.",
        ),
    ] = "table",
    flagged: Annotated[
        str, typer.Option(help="Events analysts flagged as wrong: false (hidden), true (only them) or all.")
    ] = "false",
) -> None:
    """List stored events, filtered, as a table or an export format."""
    from lagebild.store import EventQuery

    if format not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    query = EventQuery(
        since=_iso_date(since, "--since"),
        until=_iso_date(until, "--until"),
        type=_known_type(type),
        mode=_known_mode(mode, type),
        country=country.upper() if country else None,
        actor=actor,
        lang=_known_lang(lang),
        bbox=_bbox(bbox),
        q=q,
        min_confidence=min_confidence,
        modality=_modalities(modality),
        flagged=_flagged(flagged),
    )
    store = _open(db, must_exist=True)
    try:
        found = islice(store.iter_events(query), limit)
        if format == "table":
            from lagebild.export.table import print_events

            print_events(list(found), Console())
        elif format == "json":
            _write_json_array(found)
        else:
            from lagebild.export import FORMATS as WRITERS

            WRITERS["json" if format == "jsonl" else format](found, sys.stdout)
    finally:
        store.close()


def _flagged(value: str) -> bool | None:
    """--flagged as the API's `flagged`: false (hide flagged events), true (only them), all."""
    choices: dict[str, bool | None] = {"false": False, "true": True, "all": None}
    if value.strip().lower() not in choices:
        raise typer.BadParameter(f"{value!r}: use false, true or all", param_hint="--flagged")
    return choices[value.strip().lower()]


def _write_json_array(found) -> None:
    """A JSON array written as it is read: an export of a million events holds one at a time."""
    sys.stdout.write("[")
    for i, e in enumerate(found):
        sys.stdout.write(("," if i else "") + "\n" + json.dumps(e.to_dict(), ensure_ascii=False))
    sys.stdout.write("\n]\n")


def _known_type(value: str | None) -> str | None:
    from lagebild.events.ontology import LEGACY_TYPES, PLOVER_TYPES

    if value is None:
        return None
    upper = value.strip().upper()
    if upper in LEGACY_TYPES:
        return LEGACY_TYPES[upper][0]
    if upper not in PLOVER_TYPES:
        raise typer.BadParameter(
            f"unknown type {value!r}; use one of {', '.join(PLOVER_TYPES)}", param_hint="--type"
        )
    return upper


def _known_mode(value: str | None, type_: str | None) -> str | None:
    from lagebild.events.ontology import EVENT_TYPES, modes_of

    if value is None:
        return None
    name = value.strip().lower()
    t = _known_type(type_)
    allowed = modes_of(t) if t else sorted({m for et in EVENT_TYPES for m in modes_of(et)})
    if name not in allowed:
        where = f"of {t} " if t else ""
        raise typer.BadParameter(
            f"unknown mode {value!r}; the modes {where}are {', '.join(allowed) or 'none'}",
            param_hint="--mode",
        )
    return name


def _known_lang(value: str | None) -> str | None:
    import pycountry

    from lagebild.lang import LANGUAGES

    if value is None:
        return None
    code = value.strip().lower()
    # Any ISO 639-1 code is a fair filter (detection may find others); a typo is not.
    if code not in LANGUAGES and pycountry.languages.get(alpha_2=code) is None:
        raise typer.BadParameter(
            f"unknown language {value!r}; use an ISO 639-1 code, e.g. {', '.join(LANGUAGES)}",
            param_hint="--lang",
        )
    return code


def _modalities(value: str) -> tuple[str, ...] | None:
    from lagebild.model import MODALITIES

    if value.strip().lower() == "all":
        return None
    modalities = tuple(m.strip().lower() for m in value.split(",") if m.strip())
    if not modalities or (bad := [m for m in modalities if m not in MODALITIES]):
        raise typer.BadParameter(
            f"unknown modality {(bad or [value])[0]!r}; use {', '.join(MODALITIES)} or all",
            param_hint="--modality",
        )
    return modalities


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to bind; 0.0.0.0 exposes the server to your network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8765,
    tile_style: TileStyleOption = None,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="Another Host header to answer (a reverse proxy's name); repeatable. Also LAGEBILD_ALLOWED_HOSTS.",
        ),
    ] = None,
) -> None:
    """Serve the map, the timeline and the JSON/GeoJSON API."""
    from lagebild.api.server import run

    store = _open(db)
    store.close()  # fail early and clearly on a bad --db; the server opens its own
    try:
        run(store.url, host=host, port=port, tile_style=tile_style, allowed_hosts=allowed_host or ())
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--tile-style") from None


@app.command()
def migrate(
    source: Annotated[str, typer.Option("--from", help="The store to copy, e.g. sqlite:///events.db.")],
    target: Annotated[
        str, typer.Option("--to", help="The store to copy into, e.g. postgresql://user@host/lagebild.")
    ],
) -> None:
    """Copy a whole store (documents, events, evidence, watch-lists, alerts, corrections, feed
    state) into another one.

    Into an empty PostgreSQL store the copy is one transaction; otherwise it goes document by
    document, and running it again after an interruption completes it."""
    from lagebild.store import StoreError
    from lagebild.store.copy import copy_store

    src = _open(source, must_exist=True)
    try:
        dst = _open(target)
        try:
            report = copy_store(src, dst, progress=lambda what, n: err.print(f"  {n:,} {what}"))
        except StoreError as exc:
            err.print(f"[red]error:[/] {exc}")
            raise typer.Exit(2) from None
        finally:
            dst.close()
    finally:
        src.close()
    how = "one transaction" if report.bulk else "document by document"
    err.print(
        f"copied {report.documents:,} documents, {report.events:,} events, {report.watchlists:,} watch-lists,"
        f" {report.alerts:,} alerts, {report.corrections:,} corrections and {report.meta:,} state keys"
        f" in {report.seconds:.1f} s ({how})"
    )


@app.command()
def stats(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Everything as one JSON object.")] = False,
    feeds: Annotated[bool, typer.Option("--feeds", help="A table of every polled feed.")] = False,
) -> None:
    """Documents, events, sources, languages and the date range of a store; feeds in one line."""
    from lagebild.watch.cli import feed_health_table
    from lagebild.watch.state import feed_health

    store = _open(db, must_exist=True)
    try:
        info = store.stats()
        health = feed_health(store)
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps({**info, "feeds": health}, ensure_ascii=False, indent=2))
        return
    out = Console()
    out.print(f"database: {store.url}", highlight=False)
    out.print(f"documents: {info['documents']}   events: {info['events']}")
    sources = info["sources"]
    top = ", ".join(f"{s['source']} ({s['documents']})" for s in sources["top"][:5])
    out.print(f"sources: {sources['count']}" + (f"   top: {top}" if top else ""), highlight=False)
    langs = ", ".join(f"{code} {n}" for code, n in sorted(info["languages"].items(), key=lambda kv: -kv[1]))
    out.print(f"languages: {langs or '-'}")
    dates, ingested = info["event_dates"], info["ingested"]
    out.print(f"event dates: {dates['first'] or '-'} .. {dates['last'] or '-'}")
    out.print(f"ingested: {ingested['first'] or '-'} .. {ingested['last'] or '-'}")
    if health and feeds:
        out.print(feed_health_table(health))
    elif health:
        out.print(feeds_line(health), highlight=False)


def feeds_line(health: list[dict]) -> str:
    """The watcher's feeds in one line: a desk wants to know whether to look, not every feed."""
    by_status = {s: sum(f["status"] == s for f in health) for s in ("ok", "failing", "new")}
    parts = [f"{by_status['ok']} ok"]
    if by_status["failing"]:
        parts.append(f"{by_status['failing']} failing")
    if by_status["new"]:
        parts.append(f"{by_status['new']} not polled yet")
    documents = sum(f["documents"] or 0 for f in health)
    return f"feeds: {len(health)} ({', '.join(parts)}), {documents:,} documents" + (
        "; lagebild stats --feeds shows each" if by_status["failing"] else ""
    )
