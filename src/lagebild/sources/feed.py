"""RSS and Atom feeds: each item's linked article is fetched and extracted.

Feed items usually carry a teaser, not the article; the teaser is used only when the article
cannot be fetched and the item itself holds substantial text.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx

from lagebild.model import Document
from lagebild.sources.base import Defaults, IngestError, make_document
from lagebild.sources.decode import DecodeError, declared_charset, decode_bytes
from lagebild.sources.fetch import HTML_TYPES, Fetched, FetchError, fetch
from lagebild.sources.html import Extracted, extract_html, fragment_text

# Below this, an item's own content is a teaser: an event read from it lacks the context
# (who, where, when) that the article gives.
SUBSTANTIAL_CHARS = 400


def fetch_article(url: str, *, client: httpx.Client, max_bytes: int) -> Extracted:
    """Fetch and extract one article page; raises FetchError with a one-line reason."""
    return extract_article(fetch(url, client=client, accept=HTML_TYPES, max_bytes=max_bytes))


def extract_article(got: Fetched) -> Extracted:
    """The main text of a fetched article page; raises FetchError when it has none."""
    try:
        html = decode_bytes(got.content, got.charset, markup=True)
    except DecodeError as exc:
        raise FetchError(str(exc)) from exc
    page = extract_html(html, url=got.url)
    if page is None:
        raise FetchError("no main text found on the page")
    return Extracted(page.text, page.title, page.published, page.author, got.url, page.sitename)


def _item_text(entry: feedparser.FeedParserDict) -> str:
    """The longest text the item carries itself (full content, else summary)."""
    texts = [fragment_text(c.get("value") or "") for c in entry.get("content") or []]
    texts.append(fragment_text(entry.get("summary") or ""))
    return max(texts, key=len)


def _item_date(entry: feedparser.FeedParserDict) -> object:
    return entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("created_parsed")


def _undeclared_to_utf8(content: bytes, charset: str | None) -> bytes:
    """A feed that is not UTF-8 and declares no encoding in its XML, as UTF-8.

    feedparser would read such bytes as windows-1252 and turn Cyrillic or Arabic into
    mojibake; the same detection as for pages (HTTP charset if it fits, else a guess) does better.
    """
    if declared_charset(content) is not None:
        return content
    try:
        content.decode("utf-8")
        return content
    except UnicodeDecodeError:
        pass
    try:
        return decode_bytes(content, charset).encode("utf-8")
    except DecodeError:
        return content


def parse_feed(
    content: bytes, label: str, charset: str | None = None
) -> tuple[list[feedparser.FeedParserDict], str | None] | IngestError:
    """The usable items of a feed given as bytes and the feed's title, or why there are none.

    `charset` is the one the HTTP header declared, if any.
    """
    content = _undeclared_to_utf8(content, charset)
    parsed = feedparser.parse(content, sanitize_html=False, resolve_relative_uris=False)
    # A feed cut off inside an item leaves an item with nothing in it: that one was not read.
    entries = [
        e
        for e in parsed.get("entries") or []
        if any(e.get(k) for k in ("link", "title", "summary", "content"))
    ]
    if not entries:
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception") or "unreadable").strip().splitlines()[0]
            return IngestError(label, f"feed unreadable or truncated, no items found ({reason})")
        return IngestError(label, "feed has no items")
    return entries, (parsed.get("feed") or {}).get("title")


def item_link(entry: feedparser.FeedParserDict, base_url: str | None = None) -> str | None:
    """The http(s) link of an item, resolved against the feed's URL; None when it has none."""
    link = urljoin(base_url or "", entry.get("link") or "") or None
    if link and urlsplit(link).scheme.lower() not in ("http", "https"):
        return None  # an Atom id such as "urn:...", or a relative link in a feed read from a file
    return link


def item_document(
    entry: feedparser.FeedParserDict,
    page: Extracted | None,
    failure: str,
    defaults: Defaults,
    *,
    where: str,
    link: str | None,
    feed_title: str | None,
) -> Document | IngestError:
    """The document of an item from its fetched article `page`, else from the item's own text.

    `failure` says why there is no page; it is reported when the item's text is too short too.
    """
    if page is None:
        own = _item_text(entry)
        if len(own) < SUBSTANTIAL_CHARS:
            return IngestError(where, f"{failure}, and the item's own text is too short to use")
        page = Extracted(text=own, url=link)
    return make_document(
        page.text,
        defaults,
        url=page.url or link,
        source=page.sitename or feed_title,
        title=entry.get("title") or page.title,
        published=_item_date(entry) or page.published,
        author=entry.get("author") or page.author,
    )


def read_feed(
    content: bytes,
    label: str,
    defaults: Defaults,
    *,
    client: httpx.Client,
    base_url: str | None = None,
    max_bytes: int,
) -> Iterator[Document | IngestError]:
    """Documents of the items of a feed given as bytes; `label` names the feed in errors."""
    parsed = parse_feed(content, label)
    if isinstance(parsed, IngestError):
        yield parsed
        return
    entries, feed_title = parsed
    for number, entry in enumerate(entries, start=1):
        link = item_link(entry, base_url)
        page: Extracted | None = None
        failure = "item has no link"
        if link:
            try:
                page = fetch_article(link, client=client, max_bytes=max_bytes)
            except FetchError as exc:
                failure = f"article {link} not read ({exc})"
        yield item_document(
            entry, page, failure, defaults, where=f"{label}#item-{number}", link=link, feed_title=feed_title
        )
