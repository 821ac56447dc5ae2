"""Inputs that once stalled, lost or corrupted a batch: special files, truncated archives,
invisible characters, UTF-16 without a byte-order mark."""

from __future__ import annotations

import io
import json
import os
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from lagebild.cli import app
from lagebild.model import Document
from lagebild.nlp.clean import strip_invisible
from lagebild.pipeline import extract
from lagebild.sources import IngestError, read_inputs
from lagebild.sources.detect import sniff

STORY = (
    "Russian forces shelled Kharkiv on Monday, officials said. "
    "Police arrested two protesters in Berlin on Tuesday."
)


def read(*inputs: str | Path) -> list[Document | IngestError]:
    return list(read_inputs([str(i) for i in inputs]))


def read_within(seconds: float, *inputs: str | Path) -> list[Document | IngestError]:
    """`read`, failing (not hanging the suite) when it does not finish in time."""
    result: list[Document | IngestError] = []
    worker = threading.Thread(target=lambda: result.extend(read(*inputs)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading the inputs hangs"
    return result


# --- special files --------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_a_folder_is_skipped_and_the_rest_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(folder / "p.txt")  # a reader that opens it waits for a writer forever
    (folder / "z.txt").write_text("Protesters gathered in Paris on Friday.", encoding="utf-8")
    items = read_within(20, folder)
    assert [type(i).__name__ for i in items] == ["Document", "IngestError", "Document"]
    assert items[1].input == str(folder / "p.txt") and "FIFO" in items[1].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_directly_and_a_device_are_skipped(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    items = read_within(20, fifo, "/dev/zero")
    assert all(isinstance(i, IngestError) and "not a regular file" in i.message for i in items)
    assert len(items) == 2


# --- truncated archives -----------------------------------------------------------------------


def make_warc(pages: int, *, gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(pages):
        body = f"<html><body><article><p>Report {i}. {STORY * 4}</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1")
        record = writer.create_warc_record(
            f"https://news.example/{i}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("keep", [0.55, 0.8, 0.97])
def test_a_truncated_warc_is_reported_and_earlier_records_kept(tmp_path: Path, gz: bool, keep: float) -> None:
    whole = make_warc(4, gz=gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(whole[: int(len(whole) * keep)])
    items = read(path)
    documents = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, IngestError)]
    assert len(problems) == 1 and "truncated" in problems[0].message
    assert items[-1] is problems[0]
    assert 1 <= len(documents) < 4
    # Every document kept is a whole record: its text ends as the page ends.
    assert all(d.text.rstrip().endswith("on Tuesday.") for d in documents)
    assert [d.url for d in documents] == [f"https://news.example/{i}" for i in range(len(documents))]


@pytest.mark.parametrize("gz", [False, True])
def test_a_whole_warc_has_no_error(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("all.warc.gz" if gz else "all.warc")
    path.write_bytes(make_warc(3, gz=gz))
    items = read(path)
    assert len(items) == 3 and all(isinstance(i, Document) for i in items)


def test_a_cut_gzip_trailer_is_reported(tmp_path: Path) -> None:
    whole = make_warc(2, gz=True)
    path = tmp_path / "trailer.warc.gz"
    path.write_bytes(whole[:-4])  # only the end of the last member's checksum is missing
    items = read(path)
    assert isinstance(items[-1], IngestError) and "truncated" in items[-1].message


def test_ingest_of_a_truncated_warc_exits_1_and_stores_the_good_records(tmp_path: Path) -> None:
    whole = make_warc(4, gz=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[: int(len(whole) * 0.8)])
    db = f"sqlite:///{tmp_path / 'w.db'}"
    result = CliRunner().invoke(app, ["ingest", "--db", db, str(path)])
    assert result.exit_code == 1
    assert "truncated" in result.output
    from lagebild.store.sqlite import SQLiteStore

    with SQLiteStore(tmp_path / "w.db") as store:
        assert store.stats()["documents"] >= 2


# --- invisible characters -------------------------------------------------------------------


def sprinkle(text: str, mark: str) -> str:
    """`mark` after every third letter, as a filter-evading copy does."""
    out = []
    for i, ch in enumerate(text):
        out.append(ch)
        if ch.isalpha() and i % 3 == 0:
            out.append(mark)
    return "".join(out)


@pytest.mark.parametrize(
    "mark", ["\u200b", "\u2060", "\ufeff", "\u00ad", "\u200c", "\u200d", "\u202e", "\u200f"]
)
def test_invisible_characters_leave_the_text_of_every_input(tmp_path: Path, mark: str) -> None:
    dirty = sprinkle(STORY, mark)
    (tmp_path / "a.txt").write_text(dirty, encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><article><p>{dirty}</p></article></body></html>", "utf-8")
    record = json.dumps({"text": dirty, "title": "T\u200bitle"})
    (tmp_path / "c.jsonl").write_text(record + "\n", encoding="utf-8")
    items = read(tmp_path / "a.txt", tmp_path / "b.html", tmp_path / "c.jsonl")
    assert all(isinstance(i, Document) for i in items), items
    for doc in items:
        assert mark not in doc.text and STORY in doc.text
    clean = [d for d in items if d.text == STORY]
    assert len({d.id for d in clean}) == 1 and len(clean) >= 2  # the same text, the same id
    assert items[2].title == "Title"


def test_invisible_characters_do_not_defeat_extraction() -> None:
    clean = Document.create(STORY, lang="en", published="2024-03-12")
    dirty_text = strip_invisible(sprinkle(STORY, "\u200b"))
    dirty = Document.create(dirty_text, lang="en", published="2024-03-12")
    assert dirty.id == clean.id
    want = [(e.type, e.location and e.location.name) for e in extract(clean)]
    assert want and [(e.type, e.location and e.location.name) for e in extract(dirty)] == want


def test_persian_zwnj_stays_inside_words_and_goes_elsewhere() -> None:
    persian = "نیروهای امنیتی می\u200cخواهند معترضان را بازداشت کنند."
    assert strip_invisible(persian) == persian  # orthographic: "mi-khāhand" is spelt with it
    assert strip_invisible("ب\u200c\u200c\u200cب") == "ب\u200cب"
    assert strip_invisible("Kha\u200crkiv \u200cand\u200d") == "Kharkiv and"
    assert strip_invisible("Ки\u200dев") == "Киев"


def test_offsets_of_evidence_index_the_stored_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(sprinkle(STORY, "\u200b"), encoding="utf-8")
    (doc,) = read(tmp_path / "a.txt")
    doc.lang, doc.published = "en", "2024-03-12"
    events = extract(doc)
    assert events
    for event in events:
        for ev in event.evidence:
            assert doc.text[ev.start : ev.end] == ev.sentence


# --- UTF-16 without a byte-order mark -------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        STORY,
        "Российские войска обстреляли Харьков в понедельник, сообщили власти.",
        "Die Polizei nahm am Dienstag in Berlin zwei Demonstranten fest.",
        "قصفت القوات الروسية مدينة خاركيف يوم الاثنين.",
    ],
)
def test_utf16_without_bom_is_text(tmp_path: Path, codec: str, text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(codec))
    (doc,) = read(path)
    assert isinstance(doc, Document) and doc.text == text


def test_binary_data_is_still_binary() -> None:
    noise = bytes((i * 7919 + 13) % 256 for i in range(6000))
    assert sniff(noise) == "binary"
    assert sniff(b"\x00\x01" * 3000) == "binary"
