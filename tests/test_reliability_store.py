"""Store faults: a full disk, a read-only file or folder, a locked database, a newer schema.
One clear line each (a StoreUnavailable), nothing half-written, and a read-only store still reads."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factories import make_doc, make_event
from lagebild.cli import app
from lagebild.store import EventQuery, StoreUnavailable
from lagebild.store.migrations import latest_version
from lagebild.store.sqlite import SQLiteStore


def filled(path: Path) -> Path:
    with SQLiteStore(path) as store:
        doc = make_doc("A first report.", lang="en")
        store.add_document(doc, [make_event(doc, "first", type="PROTEST", date="2024-03-01")])
    return path


def test_a_full_disk_says_so_and_writes_nothing(tmp_path: Path) -> None:
    store = SQLiteStore(filled(tmp_path / "full.db"))
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk is full after two pages
    big = make_doc("Second report. " + "x" * 200_000, lang="en")
    with pytest.raises(StoreUnavailable) as info:
        store.add_document(big, [make_event(big, "second", type="PROTEST")])
    message = str(info.value)
    assert "disk is full" in message and "cannot rollback" not in message
    assert "\n" not in message
    # Nothing half-written; what was there is intact and the store still works.
    assert not store.has_document(big.id)
    assert [e.id for e in store.query_events(EventQuery(modality=None))[0]] == ["first"]
    store._conn.execute("PRAGMA max_page_count = 1073741823")
    assert store.add_document(big, [make_event(big, "second", type="PROTEST")])
    store.close()


def test_a_locked_database_says_so(tmp_path: Path) -> None:
    path = filled(tmp_path / "locked.db")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with SQLiteStore(path, timeout=0.2) as store:
            doc = make_doc("Another report.")
            with pytest.raises(StoreUnavailable, match="locked by another process"):
                store.add_document(doc, [])
            assert store.has_document(make_doc("A first report.").id)  # reading still works
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_database_from_a_newer_version_is_refused_clearly(tmp_path: Path) -> None:
    path = filled(tmp_path / "newer.db")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 3}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreUnavailable, match="newer than this lagebild supports"):
        SQLiteStore(path)
    with pytest.raises(StoreUnavailable, match="newer than this lagebild supports"):
        SQLiteStore(path, read_only=True)


def test_a_missing_folder_that_cannot_be_made_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreUnavailable, match="cannot create the folder"):
        SQLiteStore(blocker / "sub" / "x.db")


# --- read-only files and folders --------------------------------------------------------------


@contextmanager
def unwritable(path: Path) -> Iterator[None]:
    """Make `path` (a file or folder) unwritable even for root (chattr +i), else by mode bits;
    skip when neither takes effect here."""
    chattr = shutil.which("chattr")
    if chattr and subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode == 0:
        try:
            yield
        finally:
            subprocess.run([chattr, "-i", str(path)], capture_output=True)
        return
    if os.geteuid() == 0:
        pytest.skip("running as root without chattr: nothing can be made read-only here")
    mode = path.stat().st_mode
    path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield
    finally:
        path.chmod(mode)


def test_a_read_only_file_is_read_and_refuses_writes_clearly(tmp_path: Path) -> None:
    path = filled(tmp_path / "ro.db")
    with unwritable(path):
        with SQLiteStore(path) as store:
            assert [e.id for e in store.query_events(EventQuery(modality=None))[0]] == ["first"]
            doc = make_doc("Another report.")
            with pytest.raises(StoreUnavailable, match="read-only") as info:
                store.add_document(doc, [])
            assert "cannot rollback" not in str(info.value)


def test_a_wal_store_in_a_read_only_folder_can_be_read(tmp_path: Path) -> None:
    folder = tmp_path / "media"
    folder.mkdir()
    path = filled(folder / "store.db")
    assert not (folder / "store.db-shm").exists()  # closed cleanly: SQLite must make the index anew
    with unwritable(folder):
        with SQLiteStore(path) as store:
            assert store.read_only
            assert store.stats()["events"] == 1


def test_cli_on_a_read_only_store_reads_and_fails_writes_in_one_line(tmp_path: Path) -> None:
    path = filled(tmp_path / "cli.db")
    article = tmp_path / "a.txt"
    article.write_text("Police detained two protesters in Berlin on Monday.", encoding="utf-8")
    runner = CliRunner()
    with unwritable(path):
        listed = runner.invoke(
            app, ["events", "--db", f"sqlite:///{path}", "--format", "json", "--modality", "all"]
        )
        assert listed.exit_code == 0, listed.output
        assert '"first"' in listed.output
        ingest = runner.invoke(app, ["ingest", "--db", f"sqlite:///{path}", str(article)])
        assert ingest.exit_code != 0
        assert isinstance(ingest.exception, StoreUnavailable) or "read-only" in ingest.output


def test_cli_ingest_on_a_read_only_store_prints_one_line(tmp_path: Path) -> None:
    path = filled(tmp_path / "cli1.db")
    article = tmp_path / "a.txt"
    article.write_text("Police detained two protesters in Berlin on Monday.", encoding="utf-8")
    with unwritable(path):
        ingest = CliRunner().invoke(app, ["ingest", "--db", f"sqlite:///{path}", str(article)])
    assert ingest.exit_code != 0 and not isinstance(ingest.exception, StoreUnavailable)
    assert "read-only" in ingest.output
