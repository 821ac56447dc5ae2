"""Bad input never stops a batch: each bad file gives one clear error naming it, the rest is read."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from conftest import FIXTURES
from lagebild.model import Document
from lagebild.sources import IngestError, read_inputs

SRC = FIXTURES / "sources"


def test_bad_files_in_a_folder_each_give_one_error(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (folder / "b-nul.txt").write_bytes(b"looks like text\x00but has NUL bytes\x00")
    (folder / "c-empty.txt").write_bytes(b"")
    noise = random.Random(7)
    (folder / "d-noise.txt").write_bytes(bytes(noise.randrange(256) for _ in range(4096)))
    with (folder / "e-huge.html").open("w", encoding="utf-8") as fh:
        fh.write("<html><body>")
        paragraph = "<p>" + "The same long sentence repeats to make a page far too large. " * 20 + "</p>\n"
        while fh.tell() < 11 * 1024 * 1024:
            fh.write(paragraph)
    shutil.copy(SRC / "article.txt", folder / "f-good.txt")
    items = list(read_inputs([str(folder)]))
    assert len(items) == 6
    *errs, good = items
    assert isinstance(good, Document) and good.title == "Hafen von Nordstadt nach Streik wieder geöffnet"
    assert all(isinstance(e, IngestError) for e in errs)
    assert [Path(e.input).name for e in errs] == [
        "a-photo.png",
        "b-nul.txt",
        "c-empty.txt",
        "d-noise.txt",
        "e-huge.html",
    ]
    assert errs[0].message == "binary file (image/png), skipped"
    assert errs[1].message.startswith("binary file")
    assert errs[2].message == "empty file"
    assert errs[3].message.startswith("binary file")
    assert errs[4].message.startswith("file larger than 10 MB")


def test_missing_paths_odd_schemes_and_empty_folders_are_named(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    inputs = [
        str(tmp_path / "nope.txt"),
        "ftp://files.example.org/a.txt",
        str(empty),
        str(SRC / "article.txt"),
    ]
    items = list(read_inputs(inputs))
    assert [getattr(i, "input", None) for i in items[:3]] == inputs[:3]
    assert items[0].message == "no such file or folder"
    assert "ftp" in items[1].message
    assert items[2].message == "folder has no files"
    assert isinstance(items[3], Document)


def test_undecodable_text_is_an_error_not_garbage(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    # valid text followed by a run of bytes that no text encoding produces
    path.write_bytes(b"Harbour news. " * 20 + bytes(range(0x80, 0x100)) * 8 + b"\x01\x02\x03\x04" * 200)
    [item] = read_inputs([str(path)])
    assert isinstance(item, IngestError) and item.input == str(path)


def test_error_prints_as_one_line() -> None:
    err = IngestError("feed.xml#item-2", "article https://x.example/a not read (HTTP 404)")
    assert str(err) == "feed.xml#item-2: article https://x.example/a not read (HTTP 404)"
