"""Feed lists: OPML (what every feed reader exports) or YAML, and the list shipped with lagebild.

YAML takes either a list or a mapping with a `feeds` list; each entry is a URL or a mapping
with `url` and optional `title` and `lang`:

    feeds:
      - url: https://feeds.bbci.co.uk/news/world/rss.xml
        title: BBC News - World
        lang: en
      - https://www.tagesschau.de/xml/rss2/
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from lagebild.sources.base import normalise_lang

DEFAULT_FEEDS = "default_feeds.opml"


class FeedListError(ValueError):
    """A feed list that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Feed:
    url: str
    title: str | None = None
    lang: str | None = None  # ISO 639-1, given to the feed's articles when they do not say

    @property
    def name(self) -> str:
        """How messages name the feed."""
        return self.title or self.url


def default_feeds_text() -> str:
    """The curated OPML list shipped in the package (`lagebild watch --print-default-feeds`)."""
    return resources.files(__package__).joinpath(DEFAULT_FEEDS).read_text("utf-8")


def default_feeds() -> list[Feed]:
    return parse_opml(default_feeds_text(), DEFAULT_FEEDS)


def load_feeds(path: str | Path) -> list[Feed]:
    """The feeds listed in an OPML or YAML file, in order, each URL once."""
    path = Path(path)
    try:
        text = path.read_text("utf-8-sig")
    except FileNotFoundError:
        raise FeedListError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FeedListError(f"{path}: cannot read ({exc})") from None
    if text.lstrip().startswith("<"):
        return parse_opml(text, str(path))
    return parse_yaml(text, str(path))


def parse_opml(text: str, label: str) -> list[Feed]:
    """Feeds of an OPML document: every <outline> with an xmlUrl, at any depth."""
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        raise FeedListError(f"{label}: not valid OPML ({exc})") from None
    if root.tag.lower() != "opml":
        raise FeedListError(f"{label}: not OPML (the root element is <{root.tag}>)")
    feeds = [
        _feed(
            outline.get("xmlUrl"),
            outline.get("title") or outline.get("text"),
            outline.get("language"),
            label,
        )
        for outline in root.iter("outline")
        if outline.get("xmlUrl")
    ]
    return _unique(feeds, label)


def parse_yaml(text: str, label: str) -> list[Feed]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        reason = str(exc).splitlines()[0]
        raise FeedListError(f"{label}: not valid YAML ({reason})") from None
    if isinstance(data, dict):
        data = data.get("feeds")
    if not isinstance(data, list):
        raise FeedListError(f"{label}: expected a list of feeds (or a mapping with a 'feeds' list)")
    feeds = []
    for number, entry in enumerate(data, start=1):
        if isinstance(entry, str):
            feeds.append(_feed(entry, None, None, label))
        elif isinstance(entry, dict) and isinstance(entry.get("url"), str):
            feeds.append(_feed(entry["url"], entry.get("title"), entry.get("lang"), label))
        else:
            raise FeedListError(f"{label}: feed {number} has no url")
    return _unique(feeds, label)


def _feed(url: Any, title: Any, lang: Any, label: str) -> Feed:
    url = str(url).strip()
    if urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).hostname:
        raise FeedListError(f"{label}: {url!r} is not an http(s) URL")
    title = " ".join(str(title).split()) if title else None
    return Feed(url=url, title=title or None, lang=normalise_lang(lang))


def _unique(feeds: list[Feed], label: str) -> list[Feed]:
    if not feeds:
        raise FeedListError(f"{label}: lists no feeds")
    seen: dict[str, Feed] = {}
    for feed in feeds:
        seen.setdefault(feed.url, feed)
    return list(seen.values())
