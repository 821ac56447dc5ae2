"""The map page's own unit tests (antimeridian fix, URL state, live filter), run with Node's
test runner. Skipped where Node.js or the front end's npm packages are missing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

FRONTEND = Path(__file__).resolve().parents[1] / "frontend"


def test_frontend_unit_tests_pass() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    if not (FRONTEND / "node_modules" / "world-atlas").is_dir():
        pytest.skip("the front end's npm packages are not installed (make install runs npm ci)")
    result = subprocess.run(
        [node, "--test", "test/"], cwd=FRONTEND, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
