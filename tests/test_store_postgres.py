"""What only the PostgreSQL store has to prove: its migrations, its indexes, live updates across
servers through LISTEN/NOTIFY, writers in parallel, `lagebild migrate`, and that one corpus gives
the same events on SQLite and PostgreSQL. (Every other store test runs on both backends.)"""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import psycopg
import pytest
from typer.testing import CliRunner

from factories import make_doc, make_event
from lagebild.api.pool import StorePool
from lagebild.api.streaming import live_events
from lagebild.model import Evidence, Place
from lagebild.store import EventQuery, StoreError, StoreUnavailable, open_store
from lagebild.store import postgres as pg
from lagebild.store.copy import copy_store
from lagebild.store.postgres import PostgresStore

# -- migrations --------------------------------------------------------------------------------


def test_new_database_gets_the_whole_schema(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        assert store.schema_version == pg.latest_version()
    with psycopg.connect(pg_url) as conn:
        indexes = {
            row[0] for row in conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'events'")
        }
        srid = conn.execute("SELECT Find_SRID('public', 'events', 'geom')").fetchone()[0]
    assert {"events_geom", "events_day", "events_order", "events_change_seq"} <= indexes
    assert srid == 4326


def test_reader_refuses_a_database_without_the_schema(pg_url: str) -> None:
    with pytest.raises(StoreUnavailable, match="no lagebild database"):
        open_store(pg_url, create=False)
    with psycopg.connect(pg_url) as conn:  # and did not create it either
        assert conn.execute("SELECT to_regclass('events')").fetchone()[0] is None


def test_newer_schema_is_refused(pg_url: str) -> None:
    PostgresStore(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO lagebild_schema (version, name) VALUES (999, '0999_future.sql')")
    with pytest.raises(StoreError, match="newer than this lagebild supports"):
        PostgresStore(pg_url)


def test_tables_of_another_program_are_refused(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE documents (x int)")
    with pytest.raises(StoreError, match="another program"):
        PostgresStore(pg_url)


def _with_extra_migration(monkeypatch: pytest.MonkeyPatch, sql: str) -> None:
    shipped = pg.migrations()
    extra = pg.Migration(len(shipped) + 1, "9999_test.sql", sql)
    monkeypatch.setattr(pg, "migrations", lambda: (*shipped, extra))


def test_old_database_is_upgraded_in_place(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with PostgresStore(pg_url) as store:
        doc = make_doc("Before the upgrade.")
        store.add_document(doc, [make_event(doc, "before", type="AID")])
    _with_extra_migration(
        monkeypatch, "CREATE TABLE added_later (x int); INSERT INTO added_later VALUES (1);"
    )
    with PostgresStore(pg_url) as store:
        assert store.schema_version == pg.latest_version()
        assert store.get_event("before").type == "AID"
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT x FROM added_later").fetchone()[0] == 1


def test_failed_migration_leaves_the_old_version(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    PostgresStore(pg_url).close()
    before = pg.latest_version()
    _with_extra_migration(monkeypatch, "CREATE TABLE half (x int); THIS IS NOT SQL;")
    with pytest.raises(StoreError, match="cannot open database"):
        PostgresStore(pg_url)
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT max(version) FROM lagebild_schema").fetchone()[0] == before
        assert conn.execute("SELECT to_regclass('half')").fetchone()[0] is None


def test_unreachable_server_is_unavailable() -> None:
    with pytest.raises(StoreUnavailable, match="cannot open database"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")


def test_password_never_shows_in_messages(pg_url: str) -> None:
    with pytest.raises(StoreUnavailable) as caught:
        open_store(pg_url.replace("postgresql://postgres@", "postgresql://postgres:hunter2@") + "_missing")
    assert "hunter2" not in str(caught.value)


# -- writes ------------------------------------------------------------------------------------


def test_a_document_is_stored_whole_or_not_at_all(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        doc = make_doc("A report.")
        good = make_event(doc, "good", type="AID")
        # PostgreSQL refuses NUL characters in text (SQLite stores them).
        bad = make_event(doc, "bad", "A NUL \x00 in the sentence.", start=20, type="AID")
        with pytest.raises(StoreError, match="refuses a value"):
            store.add_document(doc, [good, bad])
        assert not store.has_document(doc.id)
        assert store.get_event("good") is None
        assert store.last_change() == 0
        assert store.add_document(doc, [good]) is True  # the store is fine afterwards


def test_writers_in_parallel_get_gapless_ordered_changes(pg_url: str) -> None:
    """Two connections (as two processes) writing at once: every change number once, in commit
    order, so that a live stream following the marks misses nothing."""
    stores = [PostgresStore(pg_url) for _ in range(3)]
    reader = stores[2]
    seen: list[str] = []
    mark = 0

    def write(k: int) -> None:
        for n in range(25):
            doc = make_doc(f"Writer {k} document {n}.")
            stores[k].add_document(
                doc, [make_event(doc, f"w{k}-{n}-{i}", type="AID", start=i) for i in range(2)]
            )

    threads = [threading.Thread(target=write, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    while True:  # follow the marks while the writers write, as a live stream does
        writing = any(t.is_alive() for t in threads)
        events, mark = reader.events_changed_since(mark)
        seen += [e.id for e in events]
        if not writing:
            break
    assert sorted(seen) == sorted(f"w{k}-{n}-{i}" for k in range(2) for n in range(25) for i in range(2))
    assert mark == reader.last_change() == 100
    for s in stores:
        s.close()


# -- indexes -----------------------------------------------------------------------------------


def _plan(store: PostgresStore, query: EventQuery) -> str:
    where, params = pg._where(query)
    sql = (
        "SELECT e.seq FROM events e WHERE " + " AND ".join(where) + f" ORDER BY {pg._SORT_KEY} DESC LIMIT 10"
    )
    with store._read() as conn:
        conn.execute("SET enable_seqscan = off")  # a tiny table: ask which index the query can use
        try:
            return "\n".join(r["QUERY PLAN"] for r in conn.execute("EXPLAIN " + sql, params))
        finally:
            conn.execute("RESET enable_seqscan")


def test_map_view_and_cursor_use_the_indexes(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        doc = make_doc("Indexed.")
        store.add_document(
            doc,
            [
                make_event(doc, f"e{i}", type="AID", start=i, date="2024-01-02", location=Place("p", 10.0, i))
                for i in range(20)
            ],
        )
        plan = _plan(store, EventQuery(bbox=(0, 0, 5, 20), modality=None))
        assert "events_geom" in plan, plan
        _, cursor = store.query_events(EventQuery(limit=5))
        sort_date, seq = pg._decode_cursor(cursor)
        with store._read() as conn:
            rows = conn.execute(
                f"EXPLAIN SELECT seq FROM events e WHERE ({pg._SORT_KEY}, e.seq) < (%s, %s)"
                f" ORDER BY {pg._SORT_KEY} DESC, e.seq DESC LIMIT 5",
                (sort_date, seq),
            ).fetchall()
        assert "events_order" in "\n".join(r["QUERY PLAN"] for r in rows)


def test_full_text_is_the_simple_configuration(pg_url: str) -> None:
    """No stemming and no stop words of any one language: every language is searched alike."""
    with PostgresStore(pg_url) as store:
        doc = make_doc("Berichte.", title="Обстрел Харькова")
        store.add_document(doc, [make_event(doc, "x", "The shelling of the cities continues.", type="AID")])
        assert [e.id for e in store.query_events(EventQuery(q="the"))[0]] == ["x"]  # no stop words
        assert store.query_events(EventQuery(q="city"))[0] == []  # no English stemming
        assert [e.id for e in store.query_events(EventQuery(q="харьков*"))[0]] == ["x"]  # Cyrillic prefix


# -- live updates ------------------------------------------------------------------------------


def test_live_streams_of_two_servers_wake_at_a_commit(pg_url: str) -> None:
    """Two servers on one database: a document stored by a third process reaches the live
    streams of both at once, although they poll only every 30 seconds."""
    pools = [StorePool(pg_url), StorePool(pg_url)]
    writer = PostgresStore(pg_url)

    async def first_events(pool: StorePool) -> tuple[list[str], float]:
        def last_change() -> int:
            with pool.store() as s:
                return s.last_change()

        def changed_since(mark: int, limit: int):
            with pool.store() as s:
                return s.events_changed_since(mark, limit)

        async def connected() -> bool:
            return False

        stream = live_events(
            last_change,
            changed_since,
            lambda e: True,
            start=None,
            poll_s=30.0,
            keepalive_s=60.0,
            is_disconnected=connected,
            wait=pool.wait_for_change,
        )
        assert "ready" in await anext(stream)
        message = await asyncio.wait_for(anext(stream), 10)
        await stream.aclose()
        return message, time.monotonic()

    async def main() -> list[tuple[str, float]]:
        tasks = [asyncio.create_task(first_events(p)) for p in pools]
        await asyncio.sleep(0.5)  # both streams are waiting
        doc = make_doc("Live.")
        started = time.monotonic()
        await asyncio.to_thread(writer.add_document, doc, [make_event(doc, "live", type="PROTEST")])
        return [(m, t - started) for m, t in await asyncio.gather(*tasks)]

    try:
        results = asyncio.run(main())
    finally:
        writer.close()
        for p in pools:
            p.close()
    for message, delay in results:
        assert '"id":"live"' in message
        assert delay < 5.0  # NOTIFY, not the 30 s poll


# -- lagebild migrate --------------------------------------------------------------------------


def _fill(store) -> None:
    for n in range(12):
        doc = make_doc(f"Report {n}.", source=f"s{n % 3}.example", title=f"Title {n}", lang="en")
        store.add_document(
            doc,
            [
                make_event(
                    doc,
                    f"e{n}-{k}",
                    f"Sentence {n} {k} about Kharkiv.",
                    start=k * 10,
                    type="ASSAULT" if k else "PROTEST",
                    date=[None, "2024-01-01", "2024-01-02"][(n + k) % 3],
                    location=Place("p", 40.0 + n, 30.0 + k, country="UA"),
                )
                for k in range(3)
            ],
        )
    doc = make_doc("Second report on e1-1.", source="late.example")
    store.add_document(doc, [])
    store.add_evidence("e1-1", [Evidence(doc.id, "Kharkiv again.", 0, 14, "en", None, "late.example")])
    store.set_meta("feed:https://a.example/rss", '{"etag": "W/1"}')


def _everything(store) -> tuple:
    query = EventQuery(modality=None)
    pages, cursor = [], None
    while True:
        page, cursor = store.query_events(EventQuery(modality=None, limit=5, cursor=cursor))
        pages.append([e.id for e in page])
        if cursor is None:
            break
    stats = store.stats()
    return (
        [e.to_dict() for e in store.iter_events(query)],
        pages,
        store.timeline(query, "day"),
        {k: stats[k] for k in ("documents", "events", "sources", "languages", "event_dates", "ingested")},
        store.meta_items(""),
        [e.id for e in store.query_events(EventQuery(q="kharkiv again", bbox=(30, 40, 32, 45)))[0]],
        # What the merge needs later: mentions grouped into events, documents in stored order.
        {e.id: [m.to_dict() for m in store.mentions_of_event(e.id)] for e in store.iter_events(query)},
        store.document_ids(),
        [(c.event.id, c.names) for c in store.merge_candidates(store.get_event("e1-1"))],
    )


def test_migrate_sqlite_to_postgresql_and_back(tmp_path: Path, pg_url: str) -> None:
    with open_store(f"sqlite:///{tmp_path / 'a.db'}") as src:
        _fill(src)
        expected = _everything(src)
        with open_store(pg_url) as dst:
            report = copy_store(src, dst)
            assert report.bulk
            assert (report.documents, report.events, report.mentions, report.meta) == (13, 36, 36, 1)
            assert _everything(dst) == expected
            with open_store(f"sqlite:///{tmp_path / 'b.db'}") as back:
                assert copy_store(dst, back).bulk is False
                got = _everything(back)
    assert got[:3] == expected[:3] and got[4:] == expected[4:]
    assert got[3]["documents"] == expected[3]["documents"]  # ingested_at is the copy's own time


def test_migrate_command_run_twice_completes_and_adds_nothing(tmp_path: Path, pg_url: str) -> None:
    """A second run over a partly or fully copied store completes it and adds nothing twice."""
    from lagebild.cli import app

    with open_store(f"sqlite:///{tmp_path / 'a.db'}") as src:
        _fill(src)
        expected = _everything(src)
    runner = CliRunner()
    args = ["migrate", "--from", f"sqlite:///{tmp_path / 'a.db'}", "--to", pg_url]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "one transaction" in first.output
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert "document by document" in again.output
    with open_store(pg_url) as dst:
        assert _everything(dst) == expected
    missing = runner.invoke(app, ["migrate", "--from", f"sqlite:///{tmp_path / 'none.db'}", "--to", pg_url])
    assert missing.exit_code == 2
    assert "no database" in missing.output


# -- one corpus, two backends ------------------------------------------------------------------


def _events_as_users_see_them(store) -> list[dict]:
    """Every event as the API gives it, in page order, without the times of this run."""
    out = []
    for event in store.iter_events(EventQuery(modality=None)):
        d = event.to_dict()
        d.pop("first_seen"), d.pop("updated")
        out.append(d)
    return out


@pytest.mark.slow
def test_the_demo_corpus_gives_the_same_events_on_sqlite_and_postgresql(tmp_path: Path, pg_url: str) -> None:
    """The whole pipeline with the merge stage (its candidate search is PostGIS's here) stores the
    same events, merged the same way, in the same order; and a rebuild from the stored mentions
    gives them again."""
    from lagebild.demo import corpus_path
    from lagebild.ingest import ingest
    from lagebild.merge import embedder, rebuild

    results = []
    for url in (f"sqlite:///{tmp_path / 'demo.db'}", pg_url):
        with open_store(url) as store:
            summary = ingest([str(corpus_path())], store)
            assert summary.new == 30 and not summary.errors
            events = _events_as_users_see_them(store)
            timeline = store.timeline(EventQuery(modality=None), "week")
            rebuild(store, embedder())
            results.append(
                (summary.events, summary.joined, events, timeline, _events_as_users_see_them(store))
            )
    (sqlite_result, pg_result) = results
    assert sqlite_result[1] > 0  # the corpus has stories told in several languages: joins happen
    assert pg_result == sqlite_result


def test_two_servers_push_a_commit_to_their_sse_clients(pg_url: str) -> None:
    """Two `lagebild serve` on one database, each with an SSE client; a third process stores a
    document: both clients get its event within seconds, though the servers poll every 30 s."""
    import socket

    import httpx
    import uvicorn

    from lagebild.api import create_app

    PostgresStore(pg_url).close()  # the schema, before two servers race to make it
    servers, threads, urls = [], [], []
    for _ in range(2):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        app = create_app(pg_url, static_dir=Path("/nonexistent"), stream_poll_s=30.0, keepalive_s=60.0)
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        servers.append(server)
        threads.append(thread)
        urls.append(f"http://127.0.0.1:{port}/api/stream")
    got: dict[int, float] = {}

    def listen(k: int, ready: threading.Event) -> None:
        with httpx.stream("GET", urls[k], timeout=20) as response:
            for line in response.iter_lines():
                if line.startswith("event: ready"):
                    ready.set()
                if '"id":"pushed"' in line:
                    got[k] = time.monotonic()
                    return

    try:
        deadline = time.monotonic() + 20
        while not all(s.started for s in servers) and time.monotonic() < deadline:
            time.sleep(0.05)
        readies = [threading.Event(), threading.Event()]
        clients = [threading.Thread(target=listen, args=(k, readies[k]), daemon=True) for k in range(2)]
        for c in clients:
            c.start()
        assert all(r.wait(20) for r in readies)
        time.sleep(0.3)
        with PostgresStore(pg_url) as writer:
            doc = make_doc("Pushed.")
            written = time.monotonic()
            writer.add_document(doc, [make_event(doc, "pushed", type="PROTEST")])
        for c in clients:
            c.join(10)
    finally:
        for s in servers:
            s.should_exit = True
        for t in threads:
            t.join(10)
    assert sorted(got) == [0, 1]
    assert max(got.values()) - written < 5.0


def test_a_pool_started_again_listens_again(pg_url: str) -> None:
    """An app started again after shutdown (test clients do that) still wakes at commits."""
    pool = StorePool(pg_url)
    pool.close()
    writer = PostgresStore(pg_url)

    async def main() -> float:
        waiting = asyncio.create_task(pool.wait_for_change(30.0))
        await asyncio.sleep(0.5)  # listening
        started = time.monotonic()
        doc = make_doc("Again.")
        await asyncio.to_thread(writer.add_document, doc, [make_event(doc, "again", type="AID")])
        await waiting
        return time.monotonic() - started

    try:
        assert asyncio.run(main()) < 5.0
    finally:
        writer.close()
        pool.close()
