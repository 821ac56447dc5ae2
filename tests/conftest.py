"""Shared fixtures. Gold data and samples are read where they lie, in ../shared beside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

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
