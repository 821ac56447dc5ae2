"""kill -9 during merging loses and doubles nothing.

A child process ingests reports of a few happenings through the real merge path (each report
joins the stored event of its happening) and is killed with SIGKILL again and again; a last run
finishes. The store must then hold exactly what one uninterrupted run gives: the same events,
each with every mention and article once.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lagebild.model import Document, Event, Evidence, Place, event_id
from lagebild.store import EventQuery
from lagebild.store.sqlite import SQLiteStore

N_REPORTS = 120
HAPPENINGS = 6

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


def report(n: int) -> Document:
    h = n % HAPPENINGS
    text = (
        f"Gunmen attacked the market of Town{h} where Alpha{h} Bravo{h} and Charlie{h} were shopping. "
        f"This is report number {n} by outlet {n % 7}."
    )
    return Document.create(text, lang="en", source=f"outlet{n % 7}", title=f"Attack in Town{h}")


def mentions_of(doc: Document) -> list[Event]:
    """A deterministic stand-in for the pipeline: one ASSAULT reading of the first sentence."""
    h = int(doc.text.split("Town", 1)[1][0])
    end = doc.text.index(". ") + 1
    return [
        Event(
            id=event_id(doc.id, 0, "ASSAULT"),
            type="ASSAULT",
            location=Place(f"Town{h}", 48.0 + h, 35.0, "UA", geonameid=9000 + h, precision="city"),
            date=f"2024-01-{1 + h:02d}",
            date_precision="day",
            date_from="text",
            confidence=0.8,
            evidence=[Evidence(doc.id, doc.text[:end], 0, end, "en", None, doc.source)],
        )
    ]


def run(path: str) -> None:
    from lagebild.ingest import store_document

    store = SQLiteStore(path)
    for n in range(N_REPORTS):
        doc = report(n)
        if not store.has_document(doc.id):
            store_document(store, doc, None, mentions_of)
    store.close()


def snapshot(path: Path) -> list[tuple]:
    store = SQLiteStore(str(path))
    events = list(store.iter_events(EventQuery(modality=None)))
    out = sorted(
        (
            e.id,
            e.num_articles,
            e.num_mentions,
            e.num_sources,
            len(e.evidence),
            len(store.mentions_of_event(e.id)),
        )
        for e in events
    )
    store.close()
    return out


def test_kill_during_merge_loses_and_doubles_nothing(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    run(str(fresh))
    expected = snapshot(fresh)
    assert len(expected) == HAPPENINGS
    assert all(row[1] == N_REPORTS // HAPPENINGS for row in expected)

    killed = tmp_path / "killed.db"
    script = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import test_merge_crash as t; t.run({str(killed)!r})"
    rng = random.Random(7)
    for _ in range(5):
        child = subprocess.Popen([sys.executable, "-c", script])
        time.sleep(rng.uniform(0.8, 2.0))
        child.send_signal(signal.SIGKILL)
        child.wait()
    subprocess.run([sys.executable, "-c", script], check=True, timeout=300)
    assert snapshot(killed) == expected
