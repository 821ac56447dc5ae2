"""Versioned schema migrations for the SQLite store.

Each migration is a file `NNNN_name.sql` in this folder; `PRAGMA user_version` records the last
one applied. `migrate()` applies the pending ones in order inside ONE write transaction, so a
crash half-way leaves the database at its old version, and two processes opening the same new
file at once cannot both migrate it.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from importlib import resources

APPLICATION_ID = int.from_bytes(b"lagb", "big")  # set by migration 1; tells our files from others

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class MigrationError(Exception):
    """The database cannot be brought to the schema this code expects; the message says why."""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


def split_statements(script: str) -> list[str]:
    """Split an SQL script into complete statements.

    `executescript` would commit any open transaction first; running the statements one by one
    keeps a whole migration inside our own transaction.
    """
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            if _has_sql(statement):
                statements.append(statement)
            buffer = ""
    if _has_sql(buffer):
        raise MigrationError(f"incomplete SQL statement at the end of a migration: {buffer.strip()[:80]!r}")
    return statements


def _has_sql(text: str) -> bool:
    code = "\n".join(line.split("--", 1)[0] for line in text.splitlines())
    return bool(code.strip(" \t\n;"))


@cache
def migrations() -> tuple[Migration, ...]:
    """All migrations shipped with the package, in order; versions must run 1, 2, 3 ... without gaps."""
    found = []
    for entry in resources.files(__package__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(
                Migration(int(match.group(1)), entry.name, tuple(split_statements(entry.read_text("utf-8"))))
            )
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise MigrationError(f"migration {migration.name} is out of sequence (expected {expected:04d})")
    return tuple(found)


def latest_version() -> int:
    return len(migrations())


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to the latest schema; returns the version it is at.

    `conn` must be in autocommit mode (isolation_level=None) with no transaction open.
    """
    latest = latest_version()
    if schema_version(conn) >= latest:
        _check_ours(conn)
        return latest
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another process may have migrated meanwhile.
        current = schema_version(conn)
        if current > latest:
            raise MigrationError(
                f"the database has schema version {current}, newer than this lagebild supports "
                f"({latest}); upgrade lagebild to open it"
            )
        if current == 0 and _has_tables(conn):
            raise MigrationError("the file is an SQLite database of another program, not a lagebild database")
        for migration in migrations()[current:]:
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {migration.version}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    _check_ours(conn)
    return latest


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").fetchone()[0] > 0


def _check_ours(conn: sqlite3.Connection) -> None:
    current = schema_version(conn)
    if current > latest_version():
        raise MigrationError(
            f"the database has schema version {current}, newer than this lagebild supports "
            f"({latest_version()}); upgrade lagebild to open it"
        )
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if app_id != APPLICATION_ID:
        raise MigrationError("the file is an SQLite database of another program, not a lagebild database")
