"""Main text and metadata of a web page, through trafilatura, tuned for precision.

Navigation, share buttons, comments and "related article" teasers are what trafilatura removes
when asked to favour precision; they matter here because a teaser for another story read as the
article's own text becomes a false event on the map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from lagebild.model import Document
from lagebild.sources.base import Defaults, IngestError, make_document

# Publication date from the page's metadata only: scanning the body for any date finds event dates
# and "updated" stamps, and a wrong reference date shifts every relative date ("yesterday") in it.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# Less main text than this is a menu, a cookie notice or an index page, not an article.
MIN_TEXT_CHARS = 80
_BLOCKS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table section article header footer figcaption dd dt".split()
)


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str  # paragraphs on their own lines
    title: str | None = None
    published: str | None = None
    author: str | None = None
    url: str | None = None  # canonical URL the page declares
    sitename: str | None = None


def tidy_text(text: str) -> str:
    """Unix newlines, no trailing spaces, at most one blank line between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def extract_html(html: str, url: str | None = None) -> Extracted | None:
    """The article in `html`, or None when the page has no main text (an index page, a stub).

    A page too short for the precision setting gets a second, default-settings pass: short
    press releases are articles too.
    """
    options = {
        "url": url,
        "include_comments": False,
        "include_tables": False,
        "include_images": False,
        "include_links": False,
        "with_metadata": True,
        "date_extraction_params": _DATE_PARAMS,
    }
    doc = trafilatura.bare_extraction(html, favor_precision=True, **options)
    if doc is None or len((doc.text or "").strip()) < MIN_TEXT_CHARS:
        doc = trafilatura.bare_extraction(html, **options)
    if doc is None or len((doc.text or "").strip()) < MIN_TEXT_CHARS:
        return None
    return Extracted(
        text=tidy_text(doc.text),
        title=doc.title or None,
        published=doc.date or None,
        author=doc.author or None,
        url=doc.url or None,
        sitename=_real_sitename(doc.sitename),
    )


def _real_sitename(name: str | None) -> str | None:
    """The site's declared name; trafilatura falls back on the domain, which is no name at all
    and would shadow the user's --source."""
    if not name or (" " not in name.strip() and "." in name):
        return None
    return name.strip()


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed item's content), one line per block element."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return tidy_text(html)
    for el in list(root.iter("script", "style")):
        el.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return tidy_text("\n".join(line for line in lines if line))


def document_from_html(html: str, url: str | None, label: str, defaults: Defaults) -> Document | IngestError:
    """The page's article as a Document (its own metadata over `defaults`), or why there is none."""
    page = extract_html(html, url=url)
    if page is None:
        return IngestError(label, "no main text found")
    return make_document(
        page.text,
        defaults,
        url=url or page.url,
        source=page.sitename,
        title=page.title,
        published=page.published,
        author=page.author,
    )
