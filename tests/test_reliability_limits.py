"""Costs per document are bounded: a time limit (a document over it is skipped, its worker ended
and replaced, the batch goes on, nothing of it stored) and caps on sentences and mentions that
are reported, never silent."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from lagebild.bounded import TimeLimitExceeded, Workers, parse_time_limit
from lagebild.ingest import ingest
from lagebild.model import Document
from lagebild.pipeline import MAX_MENTIONS, MAX_SENTENCES, extract_mentions
from lagebild.store.sqlite import SQLiteStore

STORY = (
    "Police arrested {n} protesters in Berlin on Monday, officials said. Troops shelled Kharkiv overnight.\n"
)


def spin_or_echo(task: str) -> str:
    """A worker task that never ends for "spin" (a pure-Python loop: no signal interrupts it)."""
    while task == "spin":
        pass
    return task.upper()


# 9 MB (under the 10 MB input cap): the caps bound the pipeline's work, so even this takes under
# two seconds on an idle machine (6 MB came within a hair of a 1.5 s limit there), against a
# limit of LIMIT; a short report takes ~20 ms idle, a few hundred under heavy load.
SLOW_LINES = 90_000
LIMIT = 0.5


def _long_text(lines: int) -> str:
    return "".join(STORY.format(n=i) for i in range(lines))


def test_a_stuck_worker_is_ended_and_replaced_and_the_rest_go_on() -> None:
    with Workers(spin_or_echo, size=2, limit=1.0) as workers:
        results = list(
            workers.map(
                ["a", "spin", "b", "c", "spin", "d"],
                on_timeout=lambda task, seconds: f"timeout {seconds:g}",
                on_crash=lambda task, why: "crash",
            )
        )
        assert results == ["A", "timeout 1", "B", "C", "timeout 1", "D"]  # in input order
        assert workers.replaced == 2
        assert workers.call("e") == "E"  # a fresh worker took over
        with pytest.raises(TimeLimitExceeded, match="time limit of 1 s"):
            workers.call("spin")


def test_tasks_answered_here_between_worker_tasks_keep_their_order() -> None:
    # Once hung: after yielding a local answer the pool waited on no worker at all.
    tasks = ["x-here", "a", "y-here", "z-here", "b", "w-here"]
    with Workers(spin_or_echo, size=1, limit=30.0) as workers:
        results = list(
            workers.map(
                tasks,
                on_timeout=lambda task, seconds: "timeout",
                on_crash=lambda task, why: "crash",
                local=lambda task: task.endswith("-here"),
            )
        )
    assert results == [t.upper() for t in tasks]


def test_time_limit_values() -> None:
    assert parse_time_limit("30") == 30.0
    assert parse_time_limit("off") is None and parse_time_limit("0") is None
    with pytest.raises(ValueError, match="expected seconds"):
        parse_time_limit("soon")
    with pytest.raises(ValueError, match="expected seconds"):
        parse_time_limit("-1")


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_over_the_time_limit_is_skipped_and_the_batch_goes_on(
    tmp_path: Path, workers: int
) -> None:
    # Really slow in the real pipeline, not a mock: 9 MB of text take seconds even with the caps
    # (splitting and judging it all), against a limit of LIMIT; a short report a few ms.
    slow = _long_text(SLOW_LINES)
    records = [
        {"text": STORY.format(n=2), "url": "https://n.example/first"},
        {"text": slow, "url": "https://n.example/slow"},
        {"text": STORY.format(n=3), "url": "https://n.example/after"},
        {"text": STORY.format(n=4), "url": "https://n.example/last"},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "".join(json.dumps({**r, "lang": "en", "published": "2024-03-11"}) + "\n" for r in records)
    )
    with SQLiteStore(tmp_path / "s.db") as store:
        started = time.monotonic()
        summary = ingest([str(path)], store, workers=workers, time_limit=LIMIT)
        took = time.monotonic() - started
        assert summary.new == 3
        assert [e.input for e in summary.errors] == ["https://n.example/slow"]
        assert f"time limit of {LIMIT:g} s" in summary.errors[0].message
        slow_id = Document.create(slow).id
        assert not store.has_document(slow_id)  # nothing of it half-stored
        urls = {store.get_document(Document.create(r["text"]).id).url for r in records if r["text"] != slow}
        assert urls == {"https://n.example/first", "https://n.example/after", "https://n.example/last"}
    assert took < 120  # the batch did not wait for the slow document to finish


def test_caps_on_sentences_and_mentions_are_reported_and_bound_the_work() -> None:
    doc = Document.create(_long_text(MAX_SENTENCES), lang="en", published="2024-03-11")
    mentions = extract_mentions(doc)
    assert doc.capped is not None
    read, total = doc.capped["sentences"]
    assert read == MAX_SENTENCES and total == 2 * MAX_SENTENCES
    last_read = max(m.evidence[0].end for m in mentions)
    assert last_read < len(doc.text) * 0.6  # the second half was not read
    kept, found = doc.capped.get("mentions", [len(mentions), len(mentions)])
    assert kept <= MAX_MENTIONS and kept <= found
    short = Document.create(STORY.format(n=5), lang="en")
    extract_mentions(short)
    assert short.capped is None


def test_ingest_summary_names_the_capped_document(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text(
        json.dumps({"text": _long_text(MAX_SENTENCES), "url": "https://n.example/long", "lang": "en"}) + "\n"
    )
    with SQLiteStore(tmp_path / "s.db") as store:
        summary = ingest([str(path)], store)
    assert summary.new == 1 and len(summary.capped) == 1
    assert summary.capped[0].startswith("https://n.example/long: read 1,000 of 2,000 sentences")


def test_post_documents_skips_a_document_over_the_time_limit_and_reports_caps(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from lagebild.api import create_app

    db = f"sqlite:///{tmp_path / 's.db'}"
    auth = {"Authorization": "Bearer t"}
    with TestClient(create_app(db, token="t", time_limit=LIMIT)) as client:
        slow = client.post(
            "/api/documents", json={"text": _long_text(SLOW_LINES), "lang": "en"}, headers=auth
        )
        assert slow.status_code == 422 and f"time limit of {LIMIT:g} s" in slow.json()["detail"]
        short = client.post("/api/documents", json={"text": STORY.format(n=7), "lang": "en"}, headers=auth)
        assert short.status_code == 201 and short.json()["capped"] is None
        assert client.get("/api/status").json()["documents"] == 1  # nothing of the slow one
    with TestClient(create_app(db, token="t")) as client:
        long = client.post(
            "/api/documents", json={"text": _long_text(MAX_SENTENCES), "lang": "en"}, headers=auth
        )
        assert long.status_code == 201
        assert long.json()["capped"]["sentences"] == [MAX_SENTENCES, 2 * MAX_SENTENCES]


def test_the_watcher_skips_an_article_over_the_time_limit_for_good(tmp_path: Path) -> None:
    from lagebild.watch.feeds import Feed
    from lagebild.watch.state import load_item
    from lagebild.watch.watcher import Watcher, _Item

    feed = Feed("https://n.example/feed.xml")
    lines: list[str] = []
    with SQLiteStore(tmp_path / "s.db") as store:
        watcher = Watcher(store, [feed], log=lines.append, time_limit=LIMIT)
        try:
            slow = Document.create(_long_text(SLOW_LINES), url="https://n.example/slow", lang="en")
            assert watcher._handle_item(_Item(feed, "slow", slow, False, 0)) == "failed"
            short = Document.create(STORY.format(n=8), url="https://n.example/short", lang="en")
            assert watcher._handle_item(_Item(feed, "short", short, False, 0)) == "new"
        finally:
            watcher.close()
        assert not store.has_document(slow.id) and store.has_document(short.id)
        assert load_item(store, "slow").done  # not fetched and read again at every poll
        assert len(lines) == 1 and lines[0].startswith("https://n.example/slow: ")
        assert f"time limit of {LIMIT:g} s" in lines[0]
