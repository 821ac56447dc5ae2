"""Shared fixtures. Gold data and samples are read where they lie, in ../shared beside the repo."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import pg_server

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent: gold data and samples are not available on this machine")
    return SHARED


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests off the user's data dir; share one cache dir (the gazetteer) per session."""
    monkeypatch.setenv("LAGEBILD_DATA_DIR", str(tmp_path_factory.getbasetemp() / "data"))
    monkeypatch.delenv("LAGEBILD_DB", raising=False)


# -- PostgreSQL: store tests run on both backends --------------------------------------------


@pytest.fixture(scope="session")
def pg_server_() -> Iterator[pg_server.Server]:
    """The PostgreSQL server of this test run: $LAGEBILD_TEST_PG, else a throwaway cluster.

    Where neither works the PostgreSQL tests skip, saying why; in CI (CI=true) they fail."""
    cluster = None
    try:
        admin_url = os.environ.get("LAGEBILD_TEST_PG")
        if not admin_url:
            cluster = pg_server.Cluster()
            admin_url = cluster.url
        server = pg_server.Server(admin_url)
    except pg_server.NoServer as exc:
        if cluster is not None:
            cluster.stop()
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs PostgreSQL with PostGIS for the store tests: {exc}")
        pytest.skip(
            f"no PostgreSQL with PostGIS here ({exc}); set LAGEBILD_TEST_PG=postgresql://... to run these"
        )
    yield server
    server.close()
    if cluster is not None:
        cluster.stop()


@pytest.fixture
def pg_url(pg_server_: pg_server.Server) -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped after it."""
    url = pg_server_.new_database()
    yield url
    pg_server_.drop(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a new, empty store, once on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'events.db'}"
    return request.getfixturevalue("pg_url")
