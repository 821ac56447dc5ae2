"""Bytes to text: declared charset first, then the page's own meta tag, then detection.

Servers and pages often declare nothing, or the wrong thing; a wrong guess turns every umlaut
and every Cyrillic letter into mojibake, which silently ruins extraction downstream.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from lagebild.sources.detect import utf16_codec

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOM_CODECS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# Legacy encodings in the order of how often web pages in our languages use them.
_PREVALENCE = (
    "cp1252",
    "cp1251",
    "cp1250",
    "cp1256",
    "cp1254",
    "koi8_r",
    "koi8_u",
    "iso8859_15",
    "iso8859_2",
)
_CHAOS_TIE = 0.01
_LANGUAGE_TIE = 0.01


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    # Pages that declare Latin-1 mean Windows-1252, as browsers assume (WHATWG encoding standard).
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def declared_charset(data: bytes) -> str | None:
    """The charset a page or feed declares in its first bytes (meta tag or XML declaration)."""
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return _codec(m.group(1).decode("ascii", "ignore")) if m else None


def decode_bytes(data: bytes, declared: str | None = None, *, markup: bool = False) -> str:
    """Text of `data`. Order: byte-order mark, strict UTF-8, `declared` (e.g. the HTTP header), the
    document's own declaration when `markup` is true, then charset-normalizer's best guess.

    UTF-8 goes before declarations because bytes that decode as UTF-8 are UTF-8 in practice, while
    pages that declare ISO-8859-1 and serve UTF-8 are common. A declaration that does not decode the
    bytes is ignored rather than trusted.
    Raises DecodeError when nothing decodes the bytes to plausible text.
    """
    for bom, codec in _BOM_CODECS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:8192]:
        # NULs do not occur in 8-bit text, but UTF-16 without a BOM is valid UTF-8 full of them.
        codec = utf16_codec(data)
        if codec:
            try:
                return data[: len(data) // 2 * 2].decode(codec)
            except UnicodeDecodeError:
                pass
    candidates = ["utf-8", _codec(declared)]
    if markup:
        candidates.append(declared_charset(data))
    for codec in candidates:
        if codec:
            try:
                return data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
    return _guess(data)


def _guess(data: bytes) -> str:
    """charset-normalizer's reading of `data`, with ties broken by how much the text reads like
    a language, then by how common the encoding is.

    Single-byte encodings often tie on charset-normalizer's measure (French Latin-1 read as
    Central European cp1250 looks just as tidy), while the wrong reading turns "à" into "ŕ",
    which the language model notices.
    """
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise DecodeError("not text in any recognisable encoding")
    best = matches[0]
    ties = [m for m in matches if m.chaos <= best.chaos + _CHAOS_TIE]
    if len(ties) == 1:
        return str(best)
    from lagebild.nlp.langid import language_confidence  # only needed on this rare path

    scored = [(language_confidence(str(m)[:5000]), m) for m in ties]
    top = max(score for score, _ in scored)
    close = [m for score, m in scored if score >= top - _LANGUAGE_TIE]
    return str(min(close, key=lambda m: _PREVALENCE.index(m.encoding) if m.encoding in _PREVALENCE else 99))
