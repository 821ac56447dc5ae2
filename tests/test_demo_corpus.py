"""The shipped demo corpus is valid ingest input and covers what the demo needs to show."""

from __future__ import annotations

import json
import re
from collections import Counter

from lagebild.demo import EVENT_GROUPS, corpus_path
from lagebild.model import Document
from lagebild.sources.base import Defaults
from lagebild.sources.jsonl import read_jsonl

LANGS = {"en", "de", "ru", "uk", "fr", "es", "ar"}
KEYS = {"url", "source", "title", "published", "lang", "text"}


def _reports() -> list[dict]:
    with corpus_path().open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_corpus_parses_with_the_ingest_fields() -> None:
    reports = _reports()
    assert len(reports) >= 20
    for r in reports:
        assert set(r) == KEYS, r.get("url")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["published"]), r["url"]
        assert r["url"].startswith(f"https://demo.lagebild.invalid/{r['lang']}/")
        assert r["source"].endswith("(demo)")
        words = len(r["text"].split())
        assert 80 <= words <= 250, (r["url"], words)
        assert "\n\n" in r["text"], "paragraphs are separated by blank lines"


def test_corpus_covers_all_start_languages() -> None:
    counts = Counter(r["lang"] for r in _reports())
    assert set(counts) == LANGS
    assert min(counts.values()) >= 3


def test_urls_are_unique() -> None:
    urls = [r["url"] for r in _reports()]
    assert len(urls) == len(set(urls))


def test_same_event_is_reported_in_several_languages() -> None:
    by_url = {r["url"]: r for r in _reports()}
    multilingual = 0
    for name, urls in EVENT_GROUPS.items():
        assert all(u in by_url for u in urls), name
        langs = {by_url[u]["lang"] for u in urls}
        multilingual += len(langs) >= 2
        dates = sorted(by_url[u]["published"] for u in urls)
        # reports of one event are written within days of each other
        assert dates[0][:7] == dates[-1][:7], name
    assert multilingual >= 5


def test_ingest_reads_every_report_with_its_metadata() -> None:
    docs = list(read_jsonl(corpus_path(), Defaults(), max_bytes=10_000_000))
    assert all(isinstance(d, Document) for d in docs), [d for d in docs if not isinstance(d, Document)]
    by_url = {d.url: d for d in docs}
    for r in _reports():
        d = by_url[r["url"]]
        assert (d.lang, d.published, d.title, d.text) == (r["lang"], r["published"], r["title"], r["text"])
