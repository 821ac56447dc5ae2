"""Property-based tests (hypothesis) for the parsers we own: whatever comes in, each returns its
result or its own clear error, never an exception of another kind, and keeps its invariants."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.api.app import parse_mark
from lagebild.api.guard import HostRule, host_name
from lagebild.api.params import parse_bbox, parse_modality
from lagebild.export.flat_csv import safe_cell
from lagebild.model import Document
from lagebild.nlp.clean import strip_invisible
from lagebild.nlp.sentences import split_sentences
from lagebild.sources.base import Defaults, IngestError, normalise_lang, normalise_published
from lagebild.sources.decode import DecodeError, decode_bytes
from lagebild.sources.detect import FORMATS, sniff
from lagebild.sources.feed import parse_feed
from lagebild.sources.html import document_from_html
from lagebild.sources.jsonl import read_jsonl, read_record
from lagebild.store import StoreError
from lagebild.store.sqlite import _decode_cursor, _encode_cursor, _normalise_timestamp, _period

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as news and attackers write it: letters of our scripts, digits, punctuation, line breaks,
# and the invisible characters the reader must remove.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from([*".!?…؟\n\n \t«»\"'-", "\u200b", "\u200c", "\u200d", "\u202e", "\ufeff", "\u00ad"]),
    ),
    max_size=400,
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
RECORDS = st.one_of(
    JSON_VALUES,
    st.fixed_dictionaries(
        {},
        optional={
            key: st.one_of(TEXT, JSON_VALUES)
            for key in ("text", "html", "url", "title", "published", "lang", "source", "author")
        },
    ),
)


# --- text --------------------------------------------------------------------------------------


@FAST
@given(TEXT)
def test_sentences_index_the_text_in_order(text: str) -> None:
    last_end = 0
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert sentence.start >= last_end
        last_end = sentence.end


@FAST
@given(TEXT)
def test_strip_invisible_is_idempotent_and_only_removes(text: str) -> None:
    clean = strip_invisible(text)
    assert strip_invisible(clean) == clean
    assert len(clean) <= len(text)
    for ch in ("\u200b", "\u202e", "\ufeff", "\u00ad", "\u2060"):
        assert ch not in clean


@FAST
@given(st.one_of(TEXT, st.integers(), st.floats(), st.none()))
def test_safe_cell_never_starts_a_formula(value) -> None:
    cell = safe_cell(value)
    if isinstance(cell, str):
        assert not cell.startswith(("=", "+", "@", "\t", "\r")) and "\r" not in cell
        assert (
            not cell.startswith("-")
            or cell.lstrip("-").replace(".", "", 1).replace("e", "", 1).lstrip("+-").isdigit()
        )
    else:
        assert cell == value or (cell != cell and value != value)


# --- inputs -------------------------------------------------------------------------------------


@FAST
@given(RECORDS)
def test_a_jsonl_record_is_a_document_or_an_error(record) -> None:
    result = read_record(record, Defaults(), "line 1")
    assert isinstance(result, (Document, IngestError))
    if isinstance(result, Document):
        assert result.text.strip()
        assert result.text == strip_invisible(result.text)


@SLOW
@given(st.lists(st.one_of(RECORDS.map(lambda r: json.dumps(r)), TEXT), max_size=5))
def test_a_jsonl_file_never_raises(tmp_path_factory: pytest.TempPathFactory, lines: list[str]) -> None:
    path = Path(tmp_path_factory.mktemp("jsonl")) / "in.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    for item in read_jsonl(path, Defaults(), max_bytes=1 << 20):
        assert isinstance(item, (Document, IngestError))


@SLOW
@given(st.one_of(TEXT, TEXT.map(lambda t: f"<html><body><article><p>{t}</p></article></body></html>")))
def test_html_is_a_document_or_an_error(html: str) -> None:
    result = document_from_html(html, None, "page.html", Defaults())
    assert isinstance(result, (Document, IngestError))


FEED_ITEM = st.builds(
    lambda title, link, body: (
        f"<item><title>{title}</title><link>{link}</link><description>{body}</description></item>"
    ),
    TEXT,
    st.one_of(TEXT, st.just("https://news.example/a")),
    TEXT,
)


@SLOW
@given(st.lists(FEED_ITEM, max_size=3), st.booleans())
def test_a_feed_gives_items_or_one_error(items: list[str], cut: bool) -> None:
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{"".join(items)}</channel></rss>'
    )
    data = feed.encode("utf-8", errors="surrogatepass")
    if cut:
        data = data[: len(data) // 2]
    result = parse_feed(data, "feed.xml")
    assert isinstance(result, (tuple, IngestError))


@FAST
@given(st.binary(max_size=2000))
def test_sniff_and_decode_take_any_bytes(data: bytes) -> None:
    assert sniff(data, "x.txt") in FORMATS
    try:
        assert isinstance(decode_bytes(data), str)
    except DecodeError:
        pass


@FAST
@given(st.one_of(TEXT, st.integers(), st.none(), st.datetimes().map(str)))
def test_published_dates_are_iso_or_none(value) -> None:
    result = normalise_published(value)
    assert result is None or (isinstance(result, str) and result[:4].isdigit())
    lang = normalise_lang(value)
    assert lang is None or (len(lang) == 2 and lang.isascii() and lang.isalpha())


# --- query parameters and cursors ------------------------------------------------------------


@FAST
@given(
    st.one_of(
        TEXT,
        st.lists(st.floats(allow_nan=True), min_size=3, max_size=5).map(lambda xs: ",".join(map(str, xs))),
    )
)
def test_bbox_is_four_valid_degrees_or_a_store_error(value: str) -> None:
    try:
        box = parse_bbox(value)
    except StoreError:
        return
    if box is not None:
        west, south, east, north = box
        assert -90 <= south <= north <= 90
        assert -180 <= west <= 180 and -180 <= east <= 180


@FAST
@given(TEXT)
def test_modality_is_known_or_a_store_error(value: str) -> None:
    try:
        result = parse_modality(value)
    except StoreError:
        return
    assert result is None or all(m in ("asserted", "negated", "future", "hypothetical") for m in result)


@FAST
@given(st.one_of(TEXT, st.binary(max_size=200).map(lambda b: base64.urlsafe_b64encode(b).decode())))
def test_a_cursor_decodes_or_is_a_store_error(value: str) -> None:
    try:
        sort_date, seq = _decode_cursor(value)
    except StoreError:
        return
    assert isinstance(sort_date, str) and 0 <= seq < 2**63


@FAST
@given(st.text(max_size=30), st.integers(min_value=0, max_value=2**63 - 1))
def test_cursors_round_trip(sort_date: str, seq: int) -> None:
    assert _decode_cursor(_encode_cursor(sort_date, seq)) == (sort_date, seq)


@FAST
@given(st.one_of(TEXT, st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat())))
def test_timestamps_normalise_or_are_a_store_error(value: str) -> None:
    try:
        result = _normalise_timestamp(value)
    except StoreError:
        return
    assert isinstance(result, str)


@FAST
@given(st.dates().map(lambda d: d.isoformat()[: 4 + 3 * (d.day % 3)]))
def test_every_partial_date_is_a_period(value: str) -> None:
    first, last = _period(value)
    assert first <= last


@FAST
@given(TEXT)
def test_stream_marks_are_whole_numbers_or_a_store_error(value: str) -> None:
    try:
        mark = parse_mark(value)
    except StoreError:
        return
    assert 0 <= mark < 2**63


@FAST
@given(TEXT)
def test_host_names_parse_or_are_refused(value: str) -> None:
    name = host_name(value)
    rule = HostRule.serving("127.0.0.1")
    assert rule.allows(value) == (name in rule.names)
