"""The Ray engine of `lagebild ingest --engine ray`: extraction on a Ray cluster, storing here.

Documents are read here (files, archives, feeds: `lagebild.sources`, as in local ingest), and
the new ones go to Ray Data in chunks: `map_batches` over batches of a few hundred documents
with a pool of actors, each loading the gazetteer and the language data once. The results come
back in input order and pass through the one write path of local ingest (`ingest.ingest`:
merging, syndicated copies, one transaction per document), so a corpus gives the same store
whichever engine ran it. A rerun after a kill skips what the store already holds, as locally.

Without an address a private cluster is started on this machine, bound to 127.0.0.1 only, and
shut down at the end. With `--address` the driver joins that cluster; its workers need lagebild
installed (the same version) and the store is written from here, so the database need not be
reachable from the workers.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Any

from lagebild.ingest import IngestSummary, Result, Task, ingest
from lagebild.model import Document
from lagebild.sources import IngestError
from lagebild.store import Store

BATCH_SIZE = 200  # documents per Ray task: enough to amortise a task's overhead (~ms) many times
CHUNK_BATCHES = 8  # batches per worker handed to Ray at once; the actors are loaded once per chunk


class RayUnavailable(RuntimeError):
    """Ray is not installed, or the cluster cannot be started or reached; the message says why."""


@dataclass(slots=True)
class RayOptions:
    address: str | None = None  # None: start a private local cluster on 127.0.0.1
    workers: int = 2  # extraction actors
    batch_size: int = BATCH_SIZE
    object_store_mb: int | None = None  # local cluster only; None: Ray's default (30% of memory)


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # Ray Data comes with the extra; a bare ray lacks it
    except ImportError as exc:
        raise RayUnavailable(
            f"--engine ray needs Ray with Ray Data: pip install 'lagebild[ray]' ({exc})"
        ) from None
    return ray


@contextmanager
def ray_cluster(options: RayOptions) -> Iterator[Any]:
    """Connect to `options.address`, or start a private cluster here; disconnect (and stop it) after.

    A local cluster listens on 127.0.0.1 only: Ray binds its servers to the node's address, and
    with RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0 (Ray's single-machine mode, read when ray is first
    imported) that address is the loopback one, not the machine's network address."""
    if options.address is None:
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    ray = _import_ray()
    if ray.is_initialized():  # a caller (a test's cluster, a notebook) already connected
        yield ray
        return
    kwargs: dict[str, Any] = {
        "include_dashboard": False,
        "log_to_driver": False,  # worker output would interleave with the progress line
        "logging_level": logging.WARNING,
    }
    if options.address is None:
        kwargs.update(address="local", num_cpus=options.workers)
        if options.object_store_mb:
            kwargs["object_store_memory"] = options.object_store_mb * 2**20
    else:
        kwargs["address"] = options.address
    try:
        ray.init(**kwargs)
    except Exception as exc:  # Ray raises many kinds here; each means the same to the user
        where = options.address or "a local cluster"
        raise RayUnavailable(f"could not start or reach Ray ({where}): {exc}") from None
    try:
        yield ray
    finally:
        ray.shutdown()


class Extractor:
    """A Ray Data actor: loads the pipeline once, then reads batches of pickled documents.

    Each row's answer is the local engine's (`ingest._read`): the mentions, or why reading
    failed; a bug in one document costs that document, not the batch."""

    def __init__(self) -> None:
        from lagebild.ingest import _read
        from lagebild.pipeline import extract_mentions

        self._read = _read
        # Load the gazetteer and the language data now, not in the first batch's time.
        extract_mentions(Document.create("Police arrested two men in Berlin on Monday.", lang="en"))

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        out = []
        for blob in batch.column("doc").to_pylist():
            _, _, payload = self._read(("new", pickle.loads(blob)))
            out.append(_dump(payload))
        return pa.table({"i": batch.column("i"), "out": pa.array(out, pa.large_binary())})


def _dump(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _parts(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def ray_extract_all(ray: Any, options: RayOptions) -> Callable[[Iterator[Task]], Iterator[Result]]:
    """`ingest(extract_all=...)` on Ray: new documents are read by the actors, chunk by chunk,
    and every task's result comes back in the order of the tasks."""
    import pyarrow as pa

    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # the writer stores in input order
    context.enable_progress_bars = False
    # Ray Data logs every dataset's plan and end at INFO: one line per chunk on the user's screen.
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    chunk_size = options.batch_size * options.workers * CHUNK_BATCHES

    def extract_all(tasks: Iterator[Task]) -> Iterator[Result]:
        while chunk := list(islice(tasks, chunk_size)):
            new = [i for i, (kind, _) in enumerate(chunk) if kind == "new"]
            answers: dict[int, list | str] = {}
            if new:
                # One block per batch: Ray Data hands blocks to the actors, so a single
                # table would go to one actor alone.
                blocks = [
                    pa.table(
                        {
                            "i": pa.array(part, pa.int64()),
                            "doc": pa.array([_dump(chunk[i][1]) for i in part], pa.large_binary()),
                        }
                    )
                    for part in _parts(new, options.batch_size)
                ]
                dataset = ray.data.from_arrow(blocks).map_batches(
                    Extractor,
                    batch_size=options.batch_size,
                    batch_format="pyarrow",
                    compute=ray.data.ActorPoolStrategy(size=min(options.workers, len(blocks))),
                    num_cpus=1,
                )
                results = iter(dataset.iter_batches(batch_size=None, batch_format="pyarrow"))
            else:
                results = iter(())
            try:
                for i, (kind, doc) in enumerate(chunk):
                    if kind != "new":
                        yield kind, doc, []
                        continue
                    while i not in answers:  # results arrive in order, a batch at a time
                        batch = next(results)
                        for n, blob in zip(
                            batch.column("i").to_pylist(), batch.column("out").to_pylist(), strict=True
                        ):
                            answers[n] = pickle.loads(blob)
                    payload = answers.pop(i)
                    yield ("failed" if isinstance(payload, str) else "new"), doc, payload
            finally:
                # Interrupted (Ctrl-C, a store error): stop the dataset now, so that its actors
                # free their CPUs for the next run instead of finishing a chunk nobody reads.
                close = getattr(results, "close", None)
                if close is not None:
                    close()

    return extract_all


def ingest_ray(
    inputs: Iterable[str],
    store: Store,
    *,
    options: RayOptions,
    published: str | None = None,
    lang: str | None = None,
    source: str | None = None,
    on_item: Callable[[Document | IngestError, int], None] | None = None,
) -> IngestSummary:
    """`ingest.ingest` with extraction on Ray: the same store as the local engine, resumable."""
    if options.workers < 1 or options.batch_size < 1:
        raise ValueError("Ray needs at least one worker and one document per batch")
    with ray_cluster(options) as ray:
        return ingest(
            inputs,
            store,
            published=published,
            lang=lang,
            source=source,
            on_item=on_item,
            extract_all=ray_extract_all(ray, options),
        )
