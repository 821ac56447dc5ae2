"""Ingestion: text, HTML, JSON Lines, RSS/Atom, WARC files, folders of them, and URLs, to Documents.

for item in read_inputs(["articles/", "https://example.org/feed.xml"], published="2024-05-01"):
    if isinstance(item, IngestError):
        print(item)          # one line: what input, what went wrong
    else:
        handle(item)         # a lagebild.model.Document
"""

from lagebild.sources.base import IngestError
from lagebild.sources.detect import FORMATS, detect_format
from lagebild.sources.inputs import read_inputs

__all__ = ["FORMATS", "IngestError", "detect_format", "read_inputs"]
