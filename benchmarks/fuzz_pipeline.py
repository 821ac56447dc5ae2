"""Fuzz the document pipeline: any bytes, as a file or a JSON line, read and extracted.

    .venv/bin/python benchmarks/fuzz_pipeline.py [--seconds 60] [--engine atheris|hypothesis] [CORPUS_DIR]

`make fuzz` runs it for a bounded time; it is not part of `make test`. The harness, `check_one`,
is the same for both engines: atheris (coverage-guided, libFuzzer) where it is installed
(`pip install -e '.[fuzz]'`), else a hypothesis loop over random bytes and texts. A failure is
an input on which reading or extraction raised something other than its own error, or broke an
invariant: evidence offsets index the stored text, no invisible characters are left in it.
What a run finds becomes a regular test (tests/test_reliability_*.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MAX_INPUT = 16 * 1024  # bytes per input: long enough for several sentences, fast to extract


def check_one(data: bytes) -> None:
    """Read `data` as a file would be read, and as a JSON line; extract what reads as a document.

    Raises AssertionError (or the unexpected exception) when an invariant breaks."""
    from lagebild.ingest import prepare
    from lagebild.model import Document
    from lagebild.nlp.clean import strip_invisible
    from lagebild.pipeline import extract
    from lagebild.sources.base import Defaults, IngestError, make_document
    from lagebild.sources.decode import DecodeError, decode_bytes
    from lagebild.sources.detect import FORMATS, sniff
    from lagebild.sources.html import document_from_html
    from lagebild.sources.jsonl import read_record
    from lagebild.sources.text import clean_text

    data = data[:MAX_INPUT]
    fmt = sniff(data, "input")
    assert fmt in FORMATS, fmt
    docs: list[Document] = []
    if fmt in ("text", "html"):
        try:
            text = decode_bytes(data, markup=fmt == "html")
        except DecodeError:
            text = None
        if text is not None:
            if fmt == "html":
                result = document_from_html(text, None, "input", Defaults())
            else:
                cleaned = clean_text(text)
                result = (
                    make_document(cleaned, Defaults()) if cleaned.strip() else IngestError("input", "no text")
                )
            assert isinstance(result, (Document, IngestError))
            if isinstance(result, Document):
                docs.append(result)
    try:
        record = json.loads(data.decode("utf-8", errors="replace"))
    except ValueError:
        record = None
    if record is not None:
        result = read_record(record, Defaults(), "line 1")
        assert isinstance(result, (Document, IngestError))
        if isinstance(result, Document):
            docs.append(result)
    for doc in docs:
        assert doc.text == strip_invisible(doc.text), "invisible characters left in the text"
        doc = prepare(doc)
        for event in extract(doc):
            for ev in event.evidence:
                assert doc.text[ev.start : ev.end] == ev.sentence, (ev.start, ev.end, ev.sentence)


def seeds() -> list[bytes]:
    """Starting inputs written here (no corpus text): each format and language once."""
    story = (
        "Russian forces shelled Kharkiv on Monday, officials said.\n"
        "Die Polizei nahm am Dienstag in Berlin zwei Demonstranten fest.\n"
        "Российские войска обстреляли Харьков в понедельник.\n"
        "قصفت القوات الروسية مدينة خاركيف يوم الاثنين.\n"
    )
    return [
        story.encode(),
        story.encode("utf-16-le"),
        f"<html><body><article><p>{story}</p></article></body></html>".encode(),
        json.dumps({"text": story, "lang": "en", "published": "2024-03-11"}).encode(),
        json.dumps({"html": f"<p>{story}</p>"}).encode(),
        "Char\u200bkiw wurde am 3. Mai beschossen. Dr. Weber sprach.".encode(),
    ]


def run_atheris(seconds: int, corpus: Path | None) -> int:
    import atheris

    with atheris.instrument_imports(include=["lagebild"]):
        import lagebild.pipeline
        import lagebild.sources.inputs  # noqa: F401

    args = [sys.argv[0], f"-max_total_time={seconds}", "-rss_limit_mb=4096", f"-max_len={MAX_INPUT}"]
    if corpus is not None:
        corpus.mkdir(parents=True, exist_ok=True)
        for i, seed in enumerate(seeds()):
            (corpus / f"seed-{i}").write_bytes(seed)
        args.append(str(corpus))
    atheris.Setup(args, check_one)
    atheris.Fuzz()
    return 0


def run_hypothesis(seconds: int) -> int:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    deadline = time.monotonic() + seconds
    examples = 0
    inputs = st.one_of(
        st.binary(max_size=MAX_INPUT // 4),
        st.text(max_size=2000).map(lambda t: t.encode("utf-8", errors="surrogatepass")),
        st.sampled_from(seeds()).flatmap(
            lambda s: st.integers(0, len(s)).map(lambda cut: s[:cut])  # truncations of good inputs
        ),
    )

    @settings(max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(inputs)
    def loop(data: bytes) -> None:
        nonlocal examples
        if time.monotonic() > deadline:
            raise _Done
        examples += 1
        check_one(data)

    for seed in seeds():
        check_one(seed)
    try:
        loop()
    except _Done:
        pass
    print(f"fuzz_pipeline (hypothesis): {examples} inputs in {seconds} s, no failure")
    return 0


class _Done(Exception):
    """The time is up (raised through hypothesis to end the loop)."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="atheris corpus folder (kept between runs)")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    args = parser.parse_args(argv)
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
        except ImportError:
            print("fuzz_pipeline: atheris is not installed; using the hypothesis loop", file=sys.stderr)
            engine = "hypothesis"
        else:
            engine = "atheris"
    if engine == "atheris":
        return run_atheris(args.seconds, args.corpus)
    return run_hypothesis(args.seconds)


if __name__ == "__main__":
    sys.exit(main())
