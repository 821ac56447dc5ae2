"""Reading each local input format into Documents: text, HTML, JSON Lines, feeds, WARC, folders."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import FIXTURES
from lagebild.model import Document
from lagebild.nlp.sentences import split_sentences
from lagebild.sources import IngestError, detect_format, read_inputs

SRC = FIXTURES / "sources"


def read(*inputs: str | Path, **kw) -> list[Document | IngestError]:
    return list(read_inputs([str(i) for i in inputs], **kw))


def docs(items: list[Document | IngestError]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def errors(items: list[Document | IngestError]) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError)]


def one_doc(*inputs: str | Path, **kw) -> Document:
    items = read(*inputs, **kw)
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


# --- format detection ------------------------------------------------------------------------


def make_warc(records: list[tuple[str, str, bytes, str]], *, gz: bool) -> bytes:
    """A WARC of HTTP responses: (url, content type, body, status line)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, ctype, body, status in records:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        )
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"Just a line of text.\nAnd another.", "a.txt", "text"),
        (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "a.txt", "html"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', "page.html", "feed"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', None, "feed"),
        (b'\xef\xbb\xbf{"text": "x"}\n{"text": "y"}\n', "data.txt", "jsonl"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "crawl.bin", "warc"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.txt", "binary"),
        (b"abc\x00def\x00", "notes.txt", "binary"),
        (b"  \n\t\n", "blank.txt", "empty"),
        (b"", "nothing.html", "empty"),
        ("Überschrift\n\nText auf Deutsch.".encode("utf-16"), "de.txt", "text"),
    ],
)
def test_detect_format_sniffs_content_not_extension(data: bytes, name: str | None, expected: str) -> None:
    assert detect_format(data, name) == expected


def test_detect_format_reads_paths_and_gzipped_warc(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(make_warc([("https://a.example/", "text/html", b"<p>x</p>", "200 OK")], gz=True))
    other_gzip = tmp_path / "notes.txt.gz"
    other_gzip.write_bytes(gzip.compress(b"plain words"))
    assert detect_format(warc) == "warc"
    assert detect_format(other_gzip) == "binary"
    assert detect_format(SRC / "article.html") == "html"
    assert detect_format(SRC / "docs.jsonl") == "jsonl"


# --- plain text ------------------------------------------------------------------------------


def test_text_file_keeps_paragraphs_and_finds_headline() -> None:
    doc = one_doc(SRC / "article.txt")
    assert doc.title == "Hafen von Nordstadt nach Streik wieder geöffnet"
    assert doc.text.startswith(doc.title + "\n\n")
    assert "Lohnerhöhung von vier Prozent.\n\nWährend des Ausstands" in doc.text
    # headline and two paragraphs are separate blocks for the sentence splitter
    assert len({s.paragraph for s in split_sentences(doc.text)}) == 3
    assert doc.url is None and doc.published is None and doc.lang is None


def test_hard_wrapped_text_is_rejoined_into_paragraphs() -> None:
    doc = one_doc(SRC / "wrapped.txt")
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == 3
    assert "\n" not in paragraphs[1]
    assert "gathered on Saturday morning at Saltmarsh Bay to collect" in paragraphs[1]
    sentences = split_sentences(doc.text)
    assert any(s.text.startswith("By noon") and s.text.endswith("outside the town.") for s in sentences)


def test_text_without_headline_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The meeting ended late. Nobody spoke to the press afterwards.\n", encoding="utf-8")
    assert one_doc(path).title is None


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Straßensperre in Köln\n\nDie Behörden sperrten die Brücke über den Rhein für Fußgänger.", "cp1252"),
        ("Протест у мэрии\n\nЖители города вышли на площадь и потребовали отставки главы района.", "cp1251"),
        ("Grève à Besançon\n\nLes employés de la gare ont cessé le travail jeudi matin à l'aube.", "latin-1"),
    ],
)
def test_text_in_legacy_encoding_is_decoded(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    doc = one_doc(path)
    assert doc.text == text


def test_crlf_and_lf_copies_get_the_same_id(tmp_path: Path) -> None:
    text = (SRC / "article.txt").read_text(encoding="utf-8")
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert one_doc(crlf).id == one_doc(SRC / "article.txt").id


# --- HTML ------------------------------------------------------------------------------------


def test_html_main_text_without_boilerplate() -> None:
    doc = one_doc(SRC / "article.html")
    assert "closed the old stone bridge to all traffic" in doc.text
    assert "handed out sandbags at the market square." in doc.text
    for boilerplate in (
        "Share on",
        "Related articles",
        "Farmers block",
        "Reader42",
        "repaired this bridge",
        "Copyright",
    ):
        assert boilerplate not in doc.text
    assert "Sport" not in doc.text.split()
    # each paragraph on its own line
    assert "rerouted as well.\nThe mayor" in doc.text


def test_html_metadata() -> None:
    doc = one_doc(SRC / "article.html")
    assert doc.title == "River bridge in Eastbrook closed after floods"
    assert doc.published == "2025-03-04"
    assert doc.author == "Mara Lindqvist"
    assert doc.source == "The Valley Courier"
    assert doc.url == "https://courier.example.org/2025/03/04/bridge-closed"


def test_document_metadata_wins_and_cli_values_fill_gaps() -> None:
    html = one_doc(SRC / "article.html", published="2001-01-01", source="Cli Source", lang="fr")
    assert html.published == "2025-03-04"  # the page's own date
    assert html.source == "The Valley Courier"
    assert html.lang == "fr"  # the page declares no language we trust: the CLI value fills the gap
    text = one_doc(SRC / "article.txt", published="2024-06-01", source="Cli Source", lang="de-DE")
    assert (text.published, text.source, text.lang) == ("2024-06-01", "Cli Source", "de")


def test_html_charset_from_meta_tag(tmp_path: Path) -> None:
    body = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>"
        "<title>Митинг</title></head><body><article><h1>Митинг на площади</h1>"
        "<p>В субботу несколько сотен жителей собрались на центральной площади города, чтобы выразить "
        "несогласие с решением о закрытии районной больницы и строительстве на её месте торгового центра.</p>"
        "<p>Полиция сообщила, что акция прошла спокойно и задержаний не было, а организаторы пообещали "
        "продолжить сбор подписей под обращением к губернатору области в ближайшие недели.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(body.encode("cp1251"))
    doc = one_doc(path)
    assert "несколько сотен жителей собрались" in doc.text


def test_html_without_main_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text(
        "<html><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>", encoding="utf-8"
    )
    [err] = read(path)
    assert isinstance(err, IngestError) and err.input == str(path) and "no main text" in err.message


# --- JSON Lines ------------------------------------------------------------------------------


def test_jsonl_reads_good_lines_and_names_bad_ones() -> None:
    path = SRC / "docs.jsonl"
    items = read(path, published="2000-02-02")
    good, bad = docs(items), errors(items)
    assert [d.title for d in good] == ["Warehouse fire in Lakeview", None, "Council votes new budget"]
    first, second, third = good
    assert (first.url, first.published, first.lang, first.source) == (
        "https://news.example.net/lakeview-fire",
        "2024-11-05",
        "en",
        "Lakeview Post",
    )
    assert second.text.startswith("Les agriculteurs") and second.published == "2000-02-02"
    assert "twenty-one votes in favour" in third.text and "<p>" not in third.text
    assert third.source == "harrowgate.example.org"
    assert [e.input for e in bad] == [f"{path}:line {n}" for n in (3, 5, 6, 8, 9)]
    assert "malformed JSON" in bad[0].message
    assert "object" in bad[1].message
    assert "no 'text' or 'html'" in bad[2].message


def test_jsonl_text_is_kept_verbatim(tmp_path: Path) -> None:
    text = "  Headline without a stop\r\n\n\n\nFirst   paragraph.  \nSecond line\n"
    path = tmp_path / "raw.jsonl"
    path.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    assert one_doc(path).text == text


def test_jsonl_record_ids_match_the_same_text_from_a_file(tmp_path: Path) -> None:
    text = (SRC / "article.txt").read_text(encoding="utf-8")
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    assert one_doc(path).id == one_doc(SRC / "article.txt").id


def test_jsonl_invalid_utf8_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "caf\xe9 closed"}\n{"text": "The bakery reopened on Friday."}\n')
    items = read(path)
    assert isinstance(items[0], IngestError) and items[0].input == f"{path}:line 1"
    assert isinstance(items[1], Document)


def test_json_array_and_single_pretty_record_are_read(tmp_path: Path) -> None:
    records = [{"text": "The ferry sailed again on Saturday."}, {"title": "no text"}]
    array = tmp_path / "records.json"
    array.write_text(json.dumps(records, indent=2), encoding="utf-8")
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": "The market reopened.", "lang": "en"}, indent=2), encoding="utf-8")
    items = read(array, single)
    assert isinstance(items[0], Document) and items[0].text == "The ferry sailed again on Saturday."
    assert isinstance(items[1], IngestError) and items[1].input == f"{array}:item 2"
    assert isinstance(items[2], Document) and items[2].lang == "en"


def test_single_string_input_is_one_path() -> None:
    assert len(list(read_inputs(str(SRC / "article.txt")))) == 1


# --- feeds read from files -------------------------------------------------------------------


def test_atom_file_without_links_uses_the_entries_own_content() -> None:
    doc = one_doc(SRC / "atom.xml")
    assert doc.title == "Ferry service suspended in the strait"
    assert doc.text.startswith("The ferry company suspended all crossings")
    assert doc.text.count("\n") == 2
    assert doc.published == "2025-01-10T12:00:00+00:00"
    assert (doc.author, doc.source, doc.url) == ("Tomas Reed", "Harbour Gazette", None)


def test_truncated_feed_yields_what_it_could_read(tmp_path: Path) -> None:
    whole = (SRC / "atom.xml").read_text(encoding="utf-8")
    end_of_entry = whole.index("</entry>") + len("</entry>")
    cut_after_entry = tmp_path / "cut.xml"
    cut_after_entry.write_text(whole[: end_of_entry + 3], encoding="utf-8")
    cut_inside_entry = tmp_path / "inside.xml"
    cut_inside_entry.write_text(whole[: end_of_entry - 40], encoding="utf-8")
    cut_before_entries = tmp_path / "stub.xml"
    cut_before_entries.write_text(whole[: whole.index("<entry>") + 10], encoding="utf-8")
    items = read(cut_before_entries, cut_inside_entry, cut_after_entry)
    assert isinstance(items[0], IngestError) and items[0].input == str(cut_before_entries)
    assert "truncated" in items[0].message
    # the entry lost its content to the cut: an error for that item, not for the feed
    assert isinstance(items[1], IngestError) and items[1].input == f"{cut_inside_entry}#item-1"
    assert isinstance(items[2], Document) and items[2].title == "Ferry service suspended in the strait"


# --- WARC ------------------------------------------------------------------------------------


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_become_documents(tmp_path: Path, gz: bool) -> None:
    page = (SRC / "article.html").read_bytes()
    records = [
        ("https://courier.example.org/bridge", "text/html; charset=utf-8", page, "200 OK"),
        ("https://courier.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n", "200 OK"),
        (
            "https://courier.example.org/missing",
            "text/html",
            b"<html><body>Not found</body></html>",
            "404 Not Found",
        ),
        ("https://courier.example.org/app.js", "application/javascript", b"var x = 1;", "200 OK"),
    ]
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(make_warc(records, gz=gz))
    doc = one_doc(path)
    assert doc.url == "https://courier.example.org/bridge"
    assert doc.id == one_doc(SRC / "article.html").id
    assert doc.title == "River bridge in Eastbrook closed after floods"


def test_damaged_warc_keeps_earlier_records(tmp_path: Path) -> None:
    page = (SRC / "article.html").read_bytes()
    good = make_warc([("https://a.example/1", "text/html", page, "200 OK")], gz=False)
    path = tmp_path / "damaged.warc"
    path.write_bytes(good + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nabc")
    items = read(path, SRC / "article.txt")
    assert isinstance(items[0], Document) and items[0].url == "https://a.example/1"
    assert (
        isinstance(items[1], IngestError)
        and items[1].input == str(path)
        and "damaged WARC" in items[1].message
    )
    assert isinstance(items[2], Document)


# --- folders and ids -------------------------------------------------------------------------


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    shutil.copy(SRC / "article.txt", tmp_path / "b" / "deeper" / "z.txt")
    shutil.copy(SRC / "wrapped.txt", tmp_path / "b" / "a.txt")
    shutil.copy(SRC / "article.html", tmp_path / "a.html")
    (tmp_path / ".hidden").mkdir()
    shutil.copy(SRC / "article.txt", tmp_path / ".hidden" / "x.txt")
    titles = [d.title for d in docs(read(tmp_path))]
    assert titles == [
        "River bridge in Eastbrook closed after floods",
        "Volunteers clear the beach at Saltmarsh Bay",
        "Hafen von Nordstadt nach Streik wieder geöffnet",
    ]


def test_reading_twice_gives_the_same_ids() -> None:
    inputs = [SRC / "article.html", SRC / "article.txt", SRC / "docs.jsonl", SRC / "atom.xml"]
    first = [d.id for d in docs(read(*inputs))]
    second = [d.id for d in docs(read(*inputs))]
    assert first == second and len(set(first)) == len(first) == 6


def test_invalid_cli_values_are_refused_before_reading() -> None:
    with pytest.raises(ValueError, match="published"):
        read_inputs([str(SRC)], published="next tuesday")
    with pytest.raises(ValueError, match="language"):
        read_inputs([str(SRC)], lang="klingon")
