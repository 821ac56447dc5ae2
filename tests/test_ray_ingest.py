"""`lagebild ingest --engine ray`: a real local Ray cluster stores what the local engine stores,
resumes after an interrupted run, listens on the loopback interface only, and says clearly when
Ray is missing.

One cluster serves the whole module (starting one takes seconds). Where Ray cannot start the
tests skip with the reason; in CI (CI=true) they fail.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.demo import corpus_path
from lagebild.ingest import ingest
from lagebild.ingest_ray import RayOptions, RayUnavailable, _import_ray, ingest_ray, ray_cluster
from lagebild.store import EventQuery, Store, open_store

OPTIONS = RayOptions(workers=2, batch_size=2, object_store_mb=200)


@pytest.fixture(scope="module")
def ray_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A local cluster (2 CPUs, 200 MB object store) started as `lagebild ingest --engine ray` does."""
    with pytest.MonkeyPatch.context() as mp:
        # The workers inherit the environment of the cluster's start: the test data dir, as
        # conftest's _isolated_dirs gives each test.
        mp.setenv("LAGEBILD_DATA_DIR", str(tmp_path_factory.getbasetemp() / "data"))
        try:
            cluster = ray_cluster(OPTIONS)
            ray = cluster.__enter__()
        except RayUnavailable as exc:
            if os.environ.get("CI") == "true":
                pytest.fail(f"CI needs a local Ray cluster for these tests: {exc}")
            pytest.skip(f"no Ray here ({exc}); make install installs it")
        try:
            yield ray
        finally:
            cluster.__exit__(None, None, None)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight demo articles, a near-identical copy of the first (a syndicated copy: more sources,
    no new events), the same text twice, and a broken line (an error; the batch goes on)."""
    lines = corpus_path().read_text(encoding="utf-8").splitlines()[:8]
    first = json.loads(lines[0])
    copy = {**first, "url": "https://copy.example/1", "source": "copy.example"}
    copy["text"] = first["text"] + "\nAll rights reserved."
    path = tmp_path_factory.mktemp("ray") / "corpus.jsonl"
    extra = [json.dumps(copy, ensure_ascii=False), lines[3], "{not json"]
    path.write_text("\n".join([*lines, *extra]) + "\n", encoding="utf-8")
    return path


def _content(store: Store) -> list[tuple]:
    """What a user sees of the events: ids, types, places, dates, merged counts, every source."""
    return sorted(
        (
            e.id,
            e.type,
            e.mode,
            e.date,
            e.modality,
            e.location.name if e.location else None,
            e.num_mentions,
            e.num_articles,
            e.num_sources,
            tuple(sorted((ev.document_id, ev.start, ev.end) for ev in e.evidence)),
        )
        for e in store.iter_events(EventQuery(modality=None))
    )


@pytest.fixture(scope="module")
def local_store(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LAGEBILD_DATA_DIR", str(tmp_path_factory.getbasetemp() / "data"))
        store = open_store(str(tmp_path_factory.mktemp("local") / "local.db"))
        summary = ingest([str(corpus)], store, workers=1)
    assert summary.new == 8 and summary.copies == 1 and len(summary.errors) == 1
    yield store
    store.close()


def test_ray_stores_the_same_events_as_the_local_engine(
    ray_session: object, corpus: Path, local_store: Store, tmp_path: Path
) -> None:
    store = open_store(str(tmp_path / "ray.db"))
    summary = ingest_ray([str(corpus)], store, options=OPTIONS)
    assert (summary.new, summary.copies, summary.already_stored) == (8, 1, 1)
    assert len(summary.errors) == 1 and "11" in summary.errors[0].input  # the broken line
    assert summary.events > 0
    assert _content(store) == _content(local_store)
    store.close()


def test_an_interrupted_ray_run_is_completed_by_running_it_again(
    ray_session: object, corpus: Path, local_store: Store, tmp_path: Path
) -> None:
    store = open_store(str(tmp_path / "resumed.db"))
    stored: list[str] = []

    def kill_after_three(item: object, n_events: int) -> None:
        if hasattr(item, "text"):
            stored.append(item.id)
        if len(stored) == 3:
            raise KeyboardInterrupt  # Ctrl-C in the middle of a chunk, between two documents

    with pytest.raises(KeyboardInterrupt):
        ingest_ray([str(corpus)], store, options=OPTIONS, on_item=kill_after_three)
    assert store.stats()["documents"] == 3

    again = ingest_ray([str(corpus)], store, options=OPTIONS)
    # The three stored documents are skipped (not read again); the rest is read and stored.
    assert again.already_stored == 3 + 1 and again.new == 5 and again.copies == 1
    assert _content(store) == _content(local_store)
    store.close()


def test_ingest_command_with_engine_ray(ray_session: object, corpus: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    done = CliRunner().invoke(app, ["ingest", "--engine", "ray", "--workers", "2", "--db", db, str(corpus)])
    assert done.exit_code == 1, done.output  # the broken line
    assert "8 new documents" in done.output and "1 failed" in done.output
    again = CliRunner().invoke(app, ["ingest", "--engine", "ray", "--db", db, str(corpus)])
    assert "0 new documents" in again.output and "10 already stored" in again.output


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # a process that ended meanwhile
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        found.add(p)
        todo.extend(children.get(p, []))
    return found


def _listening(pids: set[int]) -> list[str]:
    """The local addresses of the TCP sockets in LISTEN state that these processes own."""
    inodes: set[str] = set()
    for pid in pids:
        try:
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                target = os.readlink(fd)
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
        except OSError:
            continue
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                found.append(fields[1])
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_local_cluster_listens_on_the_loopback_interface_only(ray_session: object) -> None:
    addresses = _listening(_descendants(os.getpid()))
    assert addresses, "the cluster's servers should be found listening"
    loopback = ("0100007F:", "0000000000000000FFFF00000100007F:", "00000000000000000000000001000000:")
    assert [a for a in addresses if not a.startswith(loopback)] == []


def test_engine_ray_without_ray_installed_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now fails as if not installed
    with pytest.raises(RayUnavailable, match=r"pip install 'lagebild\[ray\]'"):
        _import_ray()
    text = tmp_path / "a.txt"
    text.write_text("Police arrested two men in Berlin on Monday.", encoding="utf-8")
    done = CliRunner().invoke(
        app, ["ingest", "--engine", "ray", "--db", f"sqlite:///{tmp_path / 'x.db'}", str(text)]
    )
    assert done.exit_code == 2 and "lagebild[ray]" in done.output
    assert open_store(str(tmp_path / "x.db")).stats()["documents"] == 0


def test_unknown_engine_and_address_without_ray_are_refused(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    bad = CliRunner().invoke(app, ["ingest", "--engine", "spark", "--db", db, "a.txt"])
    assert bad.exit_code == 2 and "unknown engine" in bad.output
    lonely = CliRunner().invoke(app, ["ingest", "--address", "ray://h:10001", "--db", db, "a.txt"])
    assert lonely.exit_code == 2 and "--address is for --engine ray" in lonely.output
