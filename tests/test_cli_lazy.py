"""`lagebild --help` starts without the watcher, the HTML reader or numpy; the lazily loaded
commands still run, and the command list says what they say themselves."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import get_args

import pytest
from typer.testing import CliRunner

from lagebild.cli import LAZY_COMMANDS, TileStyleOption, app, load_command

HEAVY = ("lagebild.watch.cli", "lagebild.places.api", "trafilatura", "httpx", "numpy")


@pytest.mark.parametrize(
    "argv", [["--help"], ["events", "--help"], ["ingest", "--help"], ["serve", "--help"]]
)
def test_help_imports_no_heavy_module(argv: list[str]) -> None:
    code = (
        "import json, sys\n"
        f"sys.argv = ['lagebild', *{argv!r}]\n"
        "from lagebild.cli import app\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


@pytest.mark.parametrize("name", sorted(LAZY_COMMANDS))
def test_lazy_commands_are_listed_with_their_own_help_line(name: str) -> None:
    real = load_command(name)
    assert (real.help or "").strip().splitlines()[0] == LAZY_COMMANDS[name][2]
    listed = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200", "TERMINAL_WIDTH": "200"})
    assert LAZY_COMMANDS[name][2] in listed.output


def test_lazy_commands_run() -> None:
    watch = CliRunner().invoke(app, ["watch", "--help"], terminal_width=200)
    assert watch.exit_code == 0 and "--feeds" in watch.output
    gazetteer = CliRunner().invoke(app, ["gazetteer", "--help"], terminal_width=200)
    assert gazetteer.exit_code == 0 and "build" in gazetteer.output
    feeds = CliRunner().invoke(app, ["watch", "--print-default-feeds"])
    assert feeds.exit_code == 0 and "<opml" in feeds.output.lower()


def test_serve_tile_style_option_is_the_watchers() -> None:
    from lagebild.watch.cli import TileStyleOption as watchers

    ours, theirs = get_args(TileStyleOption)[1], get_args(watchers)[1]
    assert (ours.param_decls, ours.help) == (theirs.param_decls, theirs.help)
