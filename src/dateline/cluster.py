"""Coding on a Dask cluster: the same stages in many processes (or machines), one writer.

The client reads and structures the inputs (under 1% of the work), asks the store which ids it
already holds, and sends each batch of Articles to a Dask worker. A worker loads the pipeline once
per process (:func:`dateline.nlp.load_nlp` is cached) and returns the batch's records. The client
takes results back in input order, so the output and the database are the same as a serial run's,
and DuckDB keeps its single writer: a batch is written only when it is complete, and a failure can
lose at most the batches in flight, never what is stored.

A worker that dies (out of memory, killed) costs only its batch: those articles come back as
rejections (E013) and the run goes on; running the command again codes just them, because the
store skips what it holds.

On one machine, ``--workers N`` (default: every core) uses :func:`code_items_local` instead: a pool
of processes forked from this one after it has loaded the pipeline and its indexes, so a worker
starts in milliseconds and shares the model's memory, where a Dask worker starts a new Python and
loads everything again. Same batches, same order, same records. Inputs smaller than
:data:`PARALLEL_MIN_ARTICLES` stay in one process, where start-up would cost more than it saves.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .errors import InputError, ClusterError
from .models import Article, Rejection
from .nlp import BATCH_SIZE, load_nlp, model_version
from .pipeline import Batch, assemble, chunks, code_batch, code_items

if TYPE_CHECKING:
    from distributed import Client

log = logging.getLogger(__name__)

#: Batches in flight per worker: enough to keep every worker busy while the client writes.
IN_FLIGHT_PER_WORKER = 2
#: Fewer articles than this are coded in one process: below it, forking workers costs more than
#: it saves (see bench/README.md).
PARALLEL_MIN_ARTICLES = 2 * BATCH_SIZE
#: Articles per batch sent to a local worker: smaller than BATCH_SIZE so that a few hundred
#: articles still spread evenly over the workers (the parse is as fast from 16 to 128).
PARALLEL_BATCH_SIZE = 16


def default_workers() -> int:
    """The number of cores this process may run on: the default of ``--workers``."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def work(articles: list[Article], actors_file: str | None, batch_size: int) -> list[dict[str, Any] | Rejection]:
    """Code one batch on a worker; results in the order of ``articles``."""
    nlp = load_nlp(actors_file=actors_file)
    coded = code_batch(articles, nlp=nlp, model=model_version(nlp), batch_size=batch_size)
    return [coded[id(article)] for article in articles]


@contextlib.contextmanager
def connect(*, workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A Dask client: to the scheduler at ``scheduler``, or to a new local cluster of ``workers`` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:  # pragma: no cover - distributed is a dependency
        raise ClusterError("E103", detail=f"dask.distributed is not installed ({err})") from err
    if not log.isEnabledFor(logging.INFO):
        # Dask logs every worker start and stop at INFO; keep a batch run's stderr for dateline's own messages.
        logging.getLogger("distributed").setLevel(logging.ERROR)
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
            cluster = None
        else:
            # One thread per process: spaCy's parser holds the GIL, so processes are what scale.
            cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                                   # any free port: a second run, or another cluster, may hold Dask's 8787
                                   dashboard_address=":0", scheduler_kwargs={"dashboard": False},
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError("E103", detail=f"{type(err).__name__}: {err}") from err
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def code_items_distributed(
    items: Iterable[Article | Rejection],
    *,
    client: Client,
    actors_file: str | None = None,
    batch_size: int = BATCH_SIZE,
    skip: Callable[[Sequence[str]], set[str]] | None = None,
) -> Iterator[Batch]:
    """Like :func:`dateline.pipeline.code_items`, with the parsing done by ``client``'s workers.

    Batches come back in input order; at most ``IN_FLIGHT_PER_WORKER`` batches per worker are
    queued, so memory stays bounded whatever the input size.
    """
    window = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})))

    def submit(to_parse: list[Article]) -> Any:
        return client.submit(work, to_parse, actors_file, batch_size, pure=False)

    return _in_order(items, submit, window=window, batch_size=batch_size, skip=skip)


def code_items_local(
    items: Iterable[Article | Rejection],
    *,
    workers: int | None = None,
    actors_file: str | None = None,
    batch_size: int | None = None,
    skip: Callable[[Sequence[str]], set[str]] | None = None,
) -> Iterator[Batch]:
    """Like :func:`dateline.pipeline.code_items`, parsed by ``workers`` processes on this machine
    (default: every core). The records and their order are those of a one-process run.

    With one worker, or fewer than :data:`PARALLEL_MIN_ARTICLES` inputs, everything runs here, in
    batches of ``batch_size`` (default BATCH_SIZE); workers get batches of PARALLEL_BATCH_SIZE.
    """
    workers = default_workers() if workers is None else workers
    nlp = load_nlp(actors_file=actors_file)
    iterator = iter(items)
    head = list(itertools.islice(iterator, PARALLEL_MIN_ARTICLES)) if workers > 1 else []
    if workers <= 1 or len(head) < PARALLEL_MIN_ARTICLES:
        yield from code_items(itertools.chain(head, iterator), nlp=nlp, batch_size=batch_size or BATCH_SIZE, skip=skip)
        return
    size = batch_size or PARALLEL_BATCH_SIZE
    nlp("Warm-up: talks were held in Paris on Monday.")  # every lazy index is loaded before the fork
    pool = _Pool(workers)
    try:
        batches = _in_order(itertools.chain(head, iterator), lambda to_parse: pool.submit(to_parse, actors_file, size),
                            window=IN_FLIGHT_PER_WORKER * workers, batch_size=size, skip=skip)
        yield from _regroup(batches, BATCH_SIZE)
    finally:
        pool.close()


def _regroup(batches: Iterable[Batch], size: int) -> Iterator[Batch]:
    """Consecutive batches joined into batches of at least ``size`` inputs, in order: workers parse
    small batches, the store writes (one transaction, a fixed cost each) as many inputs as serially."""
    group = Batch()
    for batch in batches:
        group.records.extend(batch.records)
        group.rejections.extend(batch.rejections)
        group.skipped.extend(batch.skipped)
        group.lines.extend(batch.lines)
        if len(group) >= size:
            yield group
            group = Batch()
    if len(group):
        yield group


class _Pool:
    """Worker processes, forked where the platform allows (they then share the loaded pipeline);
    a pool broken by a lost worker is replaced, so the loss costs only the batches in flight."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.executor = ProcessPoolExecutor(workers, mp_context=self.context)

    def submit(self, articles: list[Article], actors_file: str | None, batch_size: int) -> Future[Any]:
        try:
            return self.executor.submit(work, articles, actors_file, batch_size)
        except RuntimeError:  # BrokenProcessPool (a worker died): start a new pool for what follows
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = ProcessPoolExecutor(self.workers, mp_context=self.context)
            return self.executor.submit(work, articles, actors_file, batch_size)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _in_order(
    items: Iterable[Article | Rejection],
    submit: Callable[[list[Article]], Any],
    *,
    window: int,
    batch_size: int,
    skip: Callable[[Sequence[str]], set[str]] | None,
) -> Iterator[Batch]:
    """Submit each batch's articles, keep at most ``window`` batches in flight, yield Batches in input order."""
    pending: deque[tuple[list[Article | Rejection], list[Article], set[str], Any]] = deque()
    for chunk, to_parse, known in chunks(items, batch_size=batch_size, skip=skip):
        pending.append((chunk, to_parse, known, submit(to_parse) if to_parse else None))
        if len(pending) >= window:
            yield _collect(*pending.popleft())
    while pending:
        yield _collect(*pending.popleft())


def _collect(chunk: list[Article | Rejection], to_parse: list[Article], known: set[str], future: Any) -> Batch:
    """Wait for one batch; a lost worker turns its articles into rejections instead of stopping the run."""
    results: list[dict[str, Any] | Rejection]
    if future is None:
        results = []
    else:
        try:
            results = future.result()
        except Exception as err:  # noqa: BLE001 - a dead worker must cost only its batch
            log.warning("a worker failed on a batch of %d article(s)", len(to_parse), exc_info=True)
            results = [_lost(article, err) for article in to_parse]
        finally:
            if hasattr(future, "release"):  # a Dask future; a local one is freed with its last reference
                future.release()
    return assemble(chunk, known, {id(a): r for a, r in zip(to_parse, results)})


def _lost(article: Article, err: BaseException) -> Rejection:
    wrapped = InputError("E013", source=article.where, detail=f"{type(err).__name__}: {err}")
    return Rejection(article.source, article.record, wrapped.code, wrapped.detail, article.input_id)
