"""`lagebild eval`: score the system on gold files, one family at a time, or write the quality report.

Imports of the scorers (and through them the models) happen inside the commands so that
`lagebild --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    help="Measure quality on gold data: events, geo, time, ner, merge; `report` writes docs/QUALITY.md.",
    no_args_is_help=True,
)

DataOption = Annotated[Path, typer.Option("--data", help="A gold JSONL file of this family.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="Score only the first N records.")]


def _err(message: str) -> None:
    from rich.console import Console

    Console(stderr=True, soft_wrap=True).print(f"[red]error:[/] {message}", highlight=False)


def _run(family: str, fn: Callable[..., dict[str, Any]], data: Path, as_json: bool, **kwargs: Any) -> None:
    from lagebild.eval.data import EvalDataError
    from lagebild.eval.progress import progress_bar

    try:
        with progress_bar(f"{family}: {data.name}") as tick:
            result = fn(data, progress=tick, **kwargs)
    except EvalDataError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    except ImportError as exc:
        _err(f"the {family} system is not available: {exc}")
        raise typer.Exit(2) from None
    except KeyError as exc:
        _err(f"{data}: a record lacks the field {exc}: is this a {family} file? (see the gold data README)")
        raise typer.Exit(2) from None
    except (ValueError, TypeError) as exc:
        _err(f"{data}: {exc}")
        raise typer.Exit(2) from None
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    from lagebild.eval.tables import print_result

    print_result(f"{family}: {data.name}", result)


@app.command()
def events(data: DataOption, as_json: JsonOption = False, limit: LimitOption = None) -> None:
    """Event detection/classification (CASE, PLOVER, yes/no per type, police actions, protest 0/1)."""
    from lagebild.eval.events import evaluate_events

    _run("events", evaluate_events, data, as_json, limit=limit)


@app.command()
def geo(data: DataOption, as_json: JsonOption = False, limit: LimitOption = None) -> None:
    """Toponym recognition and resolution (GeoWebNews, LGL, TR-News format)."""
    from lagebild.eval.geo import evaluate_geo

    _run("geo", evaluate_geo, data, as_json, limit=limit)


@app.command("time")
def time_(data: DataOption, as_json: JsonOption = False, limit: LimitOption = None) -> None:
    """Time expressions: extent and normalised value (TempEval-3 TBAQ, WikiWarsDE format)."""
    from lagebild.eval.timex import evaluate_time

    _run("time", evaluate_time, data, as_json, limit=limit)


@app.command()
def ner(
    data: DataOption,
    as_json: JsonOption = False,
    limit: LimitOption = None,
    system: Annotated[
        str, typer.Option(help="lagebild, natasha (Russian peer) or lagebild+natasha.")
    ] = "lagebild",
) -> None:
    """Named entities, CoNLL-style (GermEval 2014, FactRuEval 2016 format)."""
    if system not in ("lagebild", "natasha", "lagebild+natasha"):
        raise typer.BadParameter("choose lagebild, natasha or lagebild+natasha", param_hint="--system")

    def run(path: Path, progress: Any = None, limit: int | None = None) -> dict[str, Any]:
        from lagebild.eval.ner import evaluate_ner

        return evaluate_ner(path, limit, system=system)

    _run("ner", run, data, as_json, limit=limit)


@app.command()
def merge(data: DataOption, as_json: JsonOption = False, limit: LimitOption = None) -> None:
    """Cross-article event merging against real incidents (Gun Violence Corpus format)."""
    from lagebild.eval.merge import evaluate_merge

    _run("merge", evaluate_merge, data, as_json, limit=limit)


@app.command()
def audit(
    data: Annotated[
        Path, typer.Option("--data", help="Folder of gold sets the audit articles are drawn from.")
    ] = Path("../shared/eval"),
    verdicts: Annotated[
        Path | None, typer.Option("--verdicts", help="Verdict file (default: the project's own).")
    ] = None,
    as_json: JsonOption = False,
    show: Annotated[int, typer.Option("--show", min=0, help="List this many unjudged events.")] = 20,
) -> None:
    """Precision audit: re-score the events of 150 real articles against our analyst verdicts."""
    from lagebild.eval.audit import VERDICTS, draw, score

    def run(path: Path, progress: Any = None) -> dict[str, Any]:
        return score(draw(path), verdicts or VERDICTS, progress=progress)

    if as_json:
        _run("audit", run, data, True)
        return
    from lagebild.eval.data import EvalDataError
    from lagebild.eval.progress import progress_bar

    try:
        with progress_bar("audit") as tick:
            result = run(data, tick)
    except (EvalDataError, FileNotFoundError) as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    pending = result.pop("pending")
    for key, value in result.items():
        sys.stdout.write(f"{key:32} {value}\n")
    for p in pending[:show]:
        sys.stdout.write(
            f"unjudged {p['dataset']} {p['record']} {p['event']} {p['modality']} | {p['sentence'][:140]}\n"
        )


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", help="Markdown file to write.")] = Path("docs/QUALITY.md"),
    eval_dir: Annotated[
        Path | None,
        typer.Option("--eval-dir", help="Folder of gold sets (default: ../shared/eval beside the repo)."),
    ] = None,
    limit: LimitOption = None,
    no_peers: Annotated[bool, typer.Option("--no-peers", help="Skip HeidelTime and other peers.")] = False,
) -> None:
    """Run every gold set found and write the quality report (generated: never edit it by hand)."""
    from lagebild.eval.report import default_eval_dir, write_report

    folder = eval_dir or default_eval_dir()
    if folder is None or not folder.is_dir():
        _err("no gold data folder: pass --eval-dir (default is ../shared/eval beside the repository)")
        raise typer.Exit(2)
    write_report(folder, out, limit=limit, peers=not no_peers)
    typer.echo(f"wrote {out}", err=True)
