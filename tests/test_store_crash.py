"""kill -9 at random moments: the store is never left with a half-written document.

A child process ingests documents (each with several events and evidence rows) and is killed
with SIGKILL again and again; after each kill the file must pass SQLite's integrity checks and
every stored document must have exactly its events and evidence. A last run finishes the work.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lagebild.model import Actor, Document, Event, Evidence, Place, event_id
from lagebild.store.sqlite import SQLiteStore

N_DOCUMENTS = 300
STAMP = "2024-05-01T12:00:00+00:00"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


def workload(n: int) -> tuple[Document, list[Event]]:
    """Document `n` and its events: deterministic, so the checker can rebuild what was written."""
    sentences = [f"Report {n}, item {k}: forces moved near town {n % 7}." for k in range(2 + n % 4)]
    text = " ".join(sentences)
    doc = Document.create(
        text, source=f"source{n % 5}.example", title=f"Report {n}", lang="en", fetched_at=STAMP
    )
    events, start = [], 0
    for k, sentence in enumerate(sentences):
        evidence = [Evidence(doc.id, sentence, start, start + len(sentence), "en", None, doc.source)]
        if k % 2:  # some events carry two evidence rows
            evidence.append(Evidence(doc.id, sentence[:10], start, start + 10, "en", None, doc.source))
        events.append(
            Event(
                id=event_id(doc.id, start, "MOBILIZE"),
                type="MOBILIZE",
                actors=[Actor(f"unit {k}", sector="MIL")],
                location=Place(f"town {n % 7}", 48.0 + n % 7, 35.0 + k, country="UA"),
                date=f"2024-01-{1 + n % 28:02d}",
                evidence=evidence,
                first_seen=STAMP,
                updated=STAMP,
            )
        )
        start += len(sentence) + 1
    return doc, events


def writer(path: str, n: int) -> None:
    """The child: ingest documents 0..n-1, skipping those already stored (re-runs resume)."""
    store = SQLiteStore(path)
    print("ready", flush=True)
    for i in range(n):
        doc, events = workload(i)
        store.add_document(doc, events)
    store.close()
    print("done", flush=True)


def start_writer(path: Path) -> subprocess.Popen:
    tests_dir = str(Path(__file__).resolve().parent)
    code = f"import sys; sys.path.insert(0, {tests_dir!r}); import test_store_crash as t; t.writer(sys.argv[1], {N_DOCUMENTS})"
    return subprocess.Popen(
        [sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def check_consistent(path: Path) -> int:
    """Assert the file is sound and holds whole documents only; returns how many it holds."""
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO evidence_fts (evidence_fts) VALUES ('integrity-check')")
        rtree = conn.execute("SELECT count(*) FROM events_rtree").fetchone()[0]
        stored_ids = {row[0] for row in conn.execute("SELECT id FROM documents")}
    by_id = {}
    for n in range(N_DOCUMENTS):
        doc, events = workload(n)
        by_id[doc.id] = (doc, events)
    assert stored_ids <= set(by_id)
    with SQLiteStore(path) as store:
        expected_events = 0
        for doc_id in stored_ids:
            doc, events = by_id[doc_id]
            assert store.get_document(doc_id).to_dict() == doc.to_dict()
            for event in events:
                stored = store.get_event(event.id)
                assert stored is not None, f"document {doc_id} lost event {event.id}"
                assert stored.to_dict() == event.to_dict()
            expected_events += len(events)
        # nothing from documents that were not committed
        assert store.stats()["events"] == expected_events == rtree
    return len(stored_ids)


def test_kill_9_never_leaves_half_documents(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    rng = random.Random(20240501)
    interrupted = 0  # kills that landed with some but not all documents written
    for round_ in range(6):
        proc = start_writer(path)
        if round_ > 0:  # the first kill may land anywhere, even while the schema is being created
            assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.1))
        killed = proc.poll() is None
        if killed:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
        if path.exists():
            stored = check_consistent(path)
            interrupted += killed and 0 < stored < N_DOCUMENTS
    assert interrupted >= 2  # the test only means something if the writer was really cut off mid-work

    proc = start_writer(path)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert out.split() == ["ready", "done"]
    assert check_consistent(path) == N_DOCUMENTS


def test_two_processes_ingesting_the_same_documents(tmp_path: Path) -> None:
    """Concurrent writers queue on the lock; each document is stored once, whoever comes first."""
    path = tmp_path / "shared.db"
    procs = [start_writer(path) for _ in range(2)]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.split() == ["ready", "done"]
    assert check_consistent(path) == N_DOCUMENTS
