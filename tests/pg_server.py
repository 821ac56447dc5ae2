"""A PostgreSQL server for the tests: the one named by $LAGEBILD_TEST_PG, or a throwaway cluster.

CI (.ci/run) starts a cluster and exports LAGEBILD_TEST_PG; on a developer's machine with the
Debian packages installed (postgresql, postgresql-15-postgis-3) the tests start their own cluster
in a temporary folder, so that `make test` needs no setup. Each test gets a database of its own,
copied from a template that already holds PostGIS (CREATE EXTENSION takes 0.4 s, a copy 0.1 s).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path

import psycopg


class NoServer(Exception):
    """No PostgreSQL with PostGIS can be used here; the message says why."""


def _run(cmd: Sequence[str], *, as_postgres: bool) -> None:
    if as_postgres:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise NoServer(f"{' '.join(cmd)} failed: {(done.stderr or done.stdout).strip()[-500:]}")


def _bin_dir() -> Path:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if not versions:
        raise NoServer("initdb not found (install Debian's postgresql and postgresql-15-postgis-3)")
    return Path(versions[-1]).parent


class Cluster:
    """A cluster in a temporary folder on 127.0.0.1 and a free port, removed by `stop`."""

    def __init__(self) -> None:
        bindir = _bin_dir()
        self._pg_ctl = str(bindir / "pg_ctl")
        # initdb refuses to run as root: the cluster then belongs to the `postgres` user.
        self._as_postgres = os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="lagebild-pg-"))
        if self._as_postgres:
            shutil.chown(self.folder, "postgres")
        self.data = self.folder / "data"
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        _run(
            [
                str(bindir / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ],
            as_postgres=self._as_postgres,
        )
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off"
        _run(
            [
                self._pg_ctl,
                "-D",
                str(self.data),
                "-l",
                str(self.folder / "log"),
                "-o",
                options,
                "-w",
                "start",
            ],
            as_postgres=self._as_postgres,
        )
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            _run(
                [self._pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"], as_postgres=self._as_postgres
            )
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _with_db(url: str, name: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


class Server:
    """An admin connection URL and a template database with PostGIS for the tests' databases."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.template = f"lagebild_tpl_{uuid.uuid4().hex[:8]}"
        try:
            with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as conn:
                conn.execute(
                    f"CREATE DATABASE {self.template} TEMPLATE template0 ENCODING 'UTF8'"
                    " LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
                )
            with psycopg.connect(_with_db(admin_url, self.template), autocommit=True) as conn:
                conn.execute("CREATE EXTENSION postgis")
        except psycopg.Error as exc:
            self._drop(self.template)
            raise NoServer(f"PostgreSQL at {admin_url} cannot serve the tests: {str(exc).strip()}") from None

    def new_database(self) -> str:
        """A new, empty database (PostGIS installed, no lagebild schema); its URL."""
        name = f"lagebild_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE {self.template}")
        return _with_db(self.admin_url, name)

    def drop(self, url: str) -> None:
        self._drop(url.rpartition("/")[2])

    def _drop(self, name: str) -> None:
        try:
            with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=5) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        except psycopg.Error:
            pass  # the server is gone; so is the database

    def close(self) -> None:
        self._drop(self.template)
