"""Feed lists (OPML, YAML, the shipped default), canonical URLs and near-duplicate sketches."""

from __future__ import annotations

import pytest

from lagebild.lang import LANGUAGES
from lagebild.watch.dedupe import NearDuplicateIndex, canonical_url, locate, minhash
from lagebild.watch.feeds import FeedListError, default_feeds, load_feeds
from watch_server import article_text

OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>My subscriptions</title></head><body>
  <outline text="World">
    <outline text="Example World" type="rss" xmlUrl="https://example.org/world.xml" language="en-GB"/>
    <outline title="Beispiel" text="ignored" type="rss" xmlUrl="https://example.de/feed"/>
  </outline>
  <outline text="A folder without feeds"/>
  <outline text="Duplicate" type="rss" xmlUrl="https://example.org/world.xml"/>
</body></opml>"""


def test_opml_as_feed_readers_export_it(tmp_path) -> None:
    path = tmp_path / "subs.opml"
    path.write_text(OPML, encoding="utf-8")
    feeds = load_feeds(path)
    assert [(f.url, f.title, f.lang) for f in feeds] == [
        ("https://example.org/world.xml", "Example World", "en"),
        ("https://example.de/feed", "Beispiel", None),
    ]


def test_yaml_lists_urls_or_mappings(tmp_path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "feeds:\n  - https://example.org/a.xml\n  - url: https://example.org/b.xml\n    title: B\n    lang: de\n",
        encoding="utf-8",
    )
    feeds = load_feeds(path)
    assert [(f.url, f.title, f.lang) for f in feeds] == [
        ("https://example.org/a.xml", None, None),
        ("https://example.org/b.xml", "B", "de"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<opml><body><outline", "not valid OPML"),
        ("<html><body/></html>", "not OPML"),
        ("feeds: [", "not valid YAML"),
        ("just a string", "expected a list"),
        ("- title: no url\n", "feed 1 has no url"),
        ("- ftp://example.org/feed\n", r"not an http\(s\) URL"),
        ("feeds: []\n", "lists no feeds"),
    ],
)
def test_a_bad_feed_list_is_a_clear_error(tmp_path, text, message) -> None:
    path = tmp_path / "list.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FeedListError, match=message) as info:
        load_feeds(path)
    assert str(path) in str(info.value)


def test_a_missing_feed_list_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(FeedListError, match="no such file"):
        load_feeds(tmp_path / "nope.opml")


def test_the_default_list_covers_every_language_with_40_plus_feeds() -> None:
    feeds = default_feeds()
    assert len(feeds) >= 40
    assert all(f.url.startswith("https://") and f.title and f.lang for f in feeds)
    assert {f.lang for f in feeds} == set(LANGUAGES)


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "HTTPS://WWW.Example.ORG:443/World/story.html?utm_source=rss&id=7&fbclid=abc#comments",
            "https://www.example.org/World/story.html?id=7",
        ),
        ("http://example.org:8080/a?gclid=1&UTM_Medium=x", "http://example.org:8080/a"),
        ("https://user:pw@example.org", "https://example.org/"),
        ("https://example.org/a?b=2&a=1", "https://example.org/a?b=2&a=1"),  # order kept: it may matter
    ],
)
def test_canonical_urls(url, canonical) -> None:
    assert canonical_url(url) == canonical


def test_near_duplicates_are_found_and_different_stories_are_not() -> None:
    story = " ".join(article_text(1))
    edited = "LONDON (Wire) - " + story.replace(".", ",", 2) + " Reporting by the desk."
    other = " ".join(article_text(2))
    index = NearDuplicateIndex([("story", minhash(story)), ("other", minhash(other))])
    found = index.find(minhash(edited))
    assert found is not None and found[0] == "story"
    assert index.find(minhash(" ".join(article_text(3)))) is None
    assert minhash("Too short to judge.") is None


def test_locate_finds_a_sentence_in_an_edited_copy() -> None:
    copy = "GENEVA (Wire) - Talks on the river treaty resumed on Tuesday, officials said. More later."
    assert locate("More later.", copy) == (copy.index("More later."), len(copy))
    start, end = locate("Talks on the river treaty resumed on Tuesday, diplomats said.", copy)
    assert copy[start:end].startswith("GENEVA") and copy[start:end].endswith("officials said.")
    assert locate("Something else entirely happened in the hills.", copy) is None
