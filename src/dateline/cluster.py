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

On one machine, ``--workers N`` (default: every core) uses :func:`code_items_local` instead: worker
processes forked from this one after it has loaded and warmed the pipeline, so a worker starts in
milliseconds and shares the model's memory, where a Dask worker starts a new Python and loads
everything again. Same batches, same order, same records, the same time budget per article (each
worker runs :func:`dateline.pipeline.code_batch`, whose deadlines start their watchdog timers in the
worker, after the fork). Each worker takes one batch at a time over its own pipe, so a worker that
dies costs only its batch (E013) and a worker stuck past its batch's budget is killed and replaced,
its articles rejected with E016, while the others go on. Inputs smaller than
:data:`PARALLEL_MIN_ARTICLES` stay in one process, where start-up would cost more than it saves.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .budget import Budget
from .errors import InputError, ClusterError
from .models import Article, Rejection
from .nlp import BATCH_SIZE, load_nlp, model_version
from .pipeline import Batch, assemble, chunks, code_batch, code_items, warm

if TYPE_CHECKING:
    from distributed import Client

log = logging.getLogger(__name__)

#: Batches in flight per worker: enough to keep every worker busy while the client writes.
IN_FLIGHT_PER_WORKER = 2
#: Seconds a batch may take beyond the sum of its articles' budgets (a fresh worker loads the model,
#: and a batch may wait behind the one before it) before the client abandons it and restarts its
#: worker: the last resort for a worker stuck in compiled code, where the budget cannot reach.
GRACE_SECONDS = 120.0
#: Fewer articles than this are coded in one process: below it, starting workers costs more than
#: it saves (bench/README.md).
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


def work(articles: list[Article], actors_file: str | None, batch_size: int,
         budget: Budget | None = None) -> list[dict[str, Any] | Rejection]:
    """Code one batch on a worker; results in the order of ``articles``. The time budget is
    enforced on the worker's task thread exactly as in one process (:mod:`dateline.budget`)."""
    nlp = load_nlp(actors_file=actors_file)
    coded = code_batch(articles, nlp=nlp, model=model_version(nlp), batch_size=batch_size, budget=budget)
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
    budget: Budget | None = None,
) -> Iterator[Batch]:
    """Like :func:`dateline.pipeline.code_items`, with the parsing done by ``client``'s workers.

    Batches come back in input order; at most ``IN_FLIGHT_PER_WORKER`` batches per worker are
    queued, so memory stays bounded whatever the input size.
    """
    window = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})))
    budget = budget or Budget()

    def submit(to_parse: list[Article]) -> Any:
        return client.submit(work, to_parse, actors_file, batch_size, budget, pure=False)

    def collect(chunk: list[Article | Rejection], to_parse: list[Article], known: set[str], future: Any) -> Batch:
        return _collect(chunk, to_parse, known, future, client=client, budget=budget)

    return _in_order(items, submit, collect, window=window, batch_size=batch_size, skip=skip)


def _in_order(
    items: Iterable[Article | Rejection],
    submit: Callable[[list[Article]], Any],
    collect: Callable[[list[Article | Rejection], list[Article], set[str], Any], Batch],
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
            yield collect(*pending.popleft())
    while pending:
        yield collect(*pending.popleft())


def _collect(chunk: list[Article | Rejection], to_parse: list[Article], known: set[str], future: Any, *,
             client: Client, budget: Budget) -> Batch:
    """Wait for one batch; a lost worker turns its articles into rejections instead of stopping the run,
    and a batch far over its articles' budgets is abandoned (its worker restarted)."""
    results: list[dict[str, Any] | Rejection]
    if future is None:
        results = []
    else:
        limit = _batch_limit(to_parse, budget)
        try:
            results = future.result(timeout=limit)
        except TimeoutError as err:
            log.warning("a batch of %d article(s) ran %.0f s past its budget; abandoning it", len(to_parse), limit)
            _abandon(client, future)
            results = [_lost(article, err, code="E016", budget=limit, per_10k=budget.per_10k,
                             size=len(article.body)) for article in to_parse]
        except Exception as err:  # noqa: BLE001 - a dead worker must cost only its batch
            log.warning("a Dask worker failed on a batch of %d article(s)", len(to_parse), exc_info=True)
            results = [_lost(article, err) for article in to_parse]
        finally:
            future.release()
    return assemble(chunk, known, {id(a): r for a, r in zip(to_parse, results)})


def _batch_limit(articles: Sequence[Article], budget: Budget) -> float:
    """Seconds a batch may run: its articles' budgets plus :data:`GRACE_SECONDS`."""
    return sum(budget.seconds(len(a.body)) for a in articles) + GRACE_SECONDS


def _abandon(client: Client, future: Any) -> None:
    """Forget a stuck task and restart the worker process running it (its other tasks are rescheduled)."""
    processing = client.processing()
    workers = [address for address, keys in processing.items() if future.key in keys]
    client.cancel(future, force=True)
    if workers:
        client.restart_workers(workers=workers, raise_for_error=False)


def _lost(article: Article, err: BaseException, code: str = "E013", **fields: Any) -> Rejection:
    fields = fields or {"detail": f"{type(err).__name__}: {err}"}
    wrapped = InputError(code, source=article.where, **fields)
    return Rejection(article.source, article.record, wrapped.code, wrapped.detail, article.input_id)


def code_items_local(
    items: Iterable[Article | Rejection],
    *,
    workers: int | None = None,
    actors_file: str | None = None,
    batch_size: int = BATCH_SIZE,
    parallel_batch_size: int = PARALLEL_BATCH_SIZE,
    group: int | None = None,
    skip: Callable[[Sequence[str]], set[str]] | None = None,
    budget: Budget | None = None,
) -> Iterator[Batch]:
    """Like :func:`dateline.pipeline.code_items`, parsed by ``workers`` processes on this machine
    (default: every core). The records, rejections and their order are those of a one-process run.

    With one worker, or fewer than :data:`PARALLEL_MIN_ARTICLES` inputs, everything runs in this
    process in batches of ``batch_size``: exactly :func:`dateline.pipeline.code_items`. Workers get
    batches of ``parallel_batch_size``; ``group`` joins consecutive results into batches of at least
    that many inputs (the store writes one transaction per batch), None yields each as it comes.
    """
    workers = default_workers() if workers is None else workers
    budget = budget or Budget()
    with _loading():
        nlp = load_nlp(actors_file=actors_file)
        warm(nlp)  # every lazy index is built before the fork (no worker warms again) and before the freeze
    with _fewer_collections():  # here and in the workers, which fork inside
        iterator = iter(items)
        head = list(itertools.islice(iterator, PARALLEL_MIN_ARTICLES)) if workers > 1 else []
        if workers <= 1 or len(head) < PARALLEL_MIN_ARTICLES:
            yield from code_items(itertools.chain(head, iterator), nlp=nlp, batch_size=batch_size, skip=skip,
                                  budget=budget)
            return
        pool = _Pool(workers, actors_file=actors_file, batch_size=parallel_batch_size, budget=budget)
        try:
            batches = _in_order(itertools.chain(head, iterator), pool.submit, pool.collect,
                                window=IN_FLIGHT_PER_WORKER * workers, batch_size=parallel_batch_size, skip=skip)
            yield from _regroup(batches, group) if group else batches
        finally:
            pool.close()


_frozen = False
#: The collector's first-generation threshold while articles are coded (Python's default is 700): the
#: stages make and drop many small containers per article, nearly all freed by their reference counts;
#: collecting every 700 of them cost 0.2 s of CPU per 150 AllSides articles (0.7%), every 20,000 0.06 s.
CODING_GC_THRESHOLD = 20_000


@contextlib.contextmanager
def _first_gc_threshold(at_least: int) -> Iterator[None]:
    """The collector's first-generation threshold raised to ``at_least`` (never lowered), restored after."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(at_least, thresholds[0]), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _fewer_collections() -> contextlib.AbstractContextManager[None]:
    """The first-generation threshold at :data:`CODING_GC_THRESHOLD` while articles are coded."""
    return _first_gc_threshold(CODING_GC_THRESHOLD)


@contextlib.contextmanager
def _loading() -> Iterator[None]:
    """No automatic garbage collection while the pipeline loads and warms, and what was loaded frozen after
    (:func:`_freeze`), the pattern Python's ``gc.freeze`` documentation gives for a process that loads, then
    forks. The load makes about 600,000 objects that live as long as the process; with the collector on,
    young collections walk the newest of them and a full one (0.25 s) walks them all, about 0.3 s of CPU
    before the first article (bench/README.md). The collector is kept off by a first-generation threshold
    out of reach, not by ``gc.disable()``: spaCy's model load (srsly's msgpack reader) turns the collector
    back on. What the collections would have freed is frozen with the rest: about 4,000 objects (1 MB) in
    cycles left by the model's config, once per process. The threshold is restored when the block ends."""
    with _first_gc_threshold(1 << 30):
        yield
        _freeze()


def _freeze() -> None:
    """Move everything loaded so far (the model, the KB, the gazetteer, the lexicon: about 500,000
    objects that live as long as the process) out of the garbage collector's reach, once per process.

    The collector then never walks them again: not in the full collections of a long run, not in
    the forked workers (whose pages the walk would copy), and not at exit, where Python's last
    collections over them cost about 0.6 s of CPU, half the time to the first article
    (bench/README.md). What is frozen stays reachable anyway; only cycles among it could leak.
    """
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True


def _regroup(batches: Iterable[Batch], size: int) -> Iterator[Batch]:
    """Consecutive batches joined into batches of at least ``size`` inputs, in order."""
    joined = Batch()
    for batch in batches:
        joined.records.extend(batch.records)
        joined.rejections.extend(batch.rejections)
        joined.skipped.extend(batch.skipped)
        joined.lines.extend(batch.lines)
        if len(joined) >= size:
            yield joined
            joined = Batch()
    if len(joined):
        yield joined


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this worker when its parent dies (Linux's ``PR_SET_PDEATHSIG``).

    A forked worker holds a copy of the parent's end of its own pipe, so a parent killed with SIGKILL (or by
    the out-of-memory killer) never closes it: the worker waited on it, holding its memory, for ever
    (session 45). Elsewhere (no ``prctl``) the workers are spawned, not forked, and see the pipe close.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the call
        os._exit(0)


def _serve(conn: Any, actors_file: str | None, parent: int | None = None) -> None:
    """A local worker's loop (in the forked child): code each batch received, send back its results."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops us
    if parent is not None:
        _die_with_parent(parent)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if job is None:
            return
        articles, batch_size, budget = job
        try:
            reply: tuple[bool, Any] = (True, work(articles, actors_file, batch_size, budget))
        except Exception as err:  # noqa: BLE001 - reported to the parent, which rejects the batch
            reply = (False, f"{type(err).__name__}: {err}")
        conn.send(reply)


class _Ticket:
    """One batch handed to a :class:`_Pool`: queued, then running on a worker, then done."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles
        self.started: float | None = None
        self.done = False
        self.results: list[dict[str, Any] | Rejection] = []


class _Worker:
    """A process forked from this one, with a pipe to it; it codes one batch at a time."""

    def __init__(self, context: Any, actors_file: str | None) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, actors_file, os.getpid()), daemon=True,
                                       name="dateline-worker")
        self.process.start()
        child.close()
        self.ticket: _Ticket | None = None

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class _Pool:
    """Local worker processes, each fed one batch at a time; a lost or stuck worker is replaced."""

    def __init__(self, workers: int, *, actors_file: str | None, batch_size: int, budget: Budget) -> None:
        methods = multiprocessing.get_all_start_methods()
        # fork: the worker shares the loaded pipeline; elsewhere each worker loads it again.
        self.context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.actors_file, self.batch_size, self.budget = actors_file, batch_size, budget
        self.workers = [_Worker(self.context, actors_file) for _ in range(workers)]
        self.queue: deque[_Ticket] = deque()

    def submit(self, articles: list[Article]) -> _Ticket:
        ticket = _Ticket(articles)
        self.queue.append(ticket)
        self._dispatch()
        return ticket

    def collect(self, chunk: list[Article | Rejection], to_parse: list[Article], known: set[str],
                ticket: _Ticket | None) -> Batch:
        """Wait for ``ticket``'s batch (working the pool meanwhile) and assemble it in input order."""
        if ticket is not None:
            limit = _batch_limit(ticket.articles, self.budget)
            while not ticket.done:
                waited = time.monotonic() - ticket.started if ticket.started is not None else 0.0
                if waited >= limit:
                    self._abandon(ticket, limit)
                    break
                self._pump(timeout=min(1.0, limit - waited))
        results = ticket.results if ticket is not None else []
        return assemble(chunk, known, {id(a): r for a, r in zip(to_parse, results)})

    def _dispatch(self) -> None:
        """Hand queued batches to idle workers."""
        for worker in self.workers:
            if not self.queue:
                return
            if worker.ticket is None:
                ticket = self.queue.popleft()
                try:
                    worker.conn.send((ticket.articles, self.batch_size, self.budget))
                except (OSError, ValueError) as err:  # the worker died while idle
                    self.queue.appendleft(ticket)
                    self._replace(worker, err)
                    return self._dispatch()
                worker.ticket, ticket.started = ticket, time.monotonic()

    def _pump(self, timeout: float) -> None:
        """Take every result that is ready (waiting up to ``timeout``), then hand out queued batches."""
        busy = [w for w in self.workers if w.ticket is not None]
        handles: dict[Any, _Worker] = {}
        for worker in busy:
            handles[worker.conn] = worker
            handles[worker.process.sentinel] = worker
        for ready in multiprocessing.connection.wait(list(handles), timeout=max(0.0, timeout)):
            worker = handles[ready]
            if worker.ticket is None or worker not in self.workers:  # handled through its other handle
                continue
            ok: bool
            payload: Any
            try:
                ok, payload = worker.conn.recv() if worker.conn.poll() else (False, None)
            except (EOFError, OSError):
                ok, payload = False, None
            if ok:
                worker.ticket.results, worker.ticket.done = payload, True
                worker.ticket = None
            elif payload is not None:  # work() itself failed: the worker is fine, its batch is lost
                self._fail(worker.ticket, RuntimeError(payload))
                worker.ticket = None
            else:  # no reply and the process is gone: killed (out of memory, a signal)
                code = worker.process.exitcode
                log.warning("a worker process died (exit code %s) on a batch of %d article(s)", code,
                            len(worker.ticket.articles))
                self._replace(worker, RuntimeError(f"worker process died (exit code {code})"))
        self._dispatch()

    def _fail(self, ticket: _Ticket, err: BaseException) -> None:
        ticket.results, ticket.done = [_lost(article, err) for article in ticket.articles], True

    def _replace(self, worker: _Worker, err: BaseException) -> None:
        """Kill ``worker``, reject its batch (if any) with E013, and fork a new one in its place."""
        if worker.ticket is not None:
            self._fail(worker.ticket, err)
            worker.ticket = None
        worker.kill()
        self.workers[self.workers.index(worker)] = _Worker(self.context, self.actors_file)

    def _abandon(self, ticket: _Ticket, limit: float) -> None:
        """A batch far past its budget (a worker stuck where no deadline reaches): kill and replace the
        worker, reject the batch's articles with E016."""
        log.warning("a batch of %d article(s) ran %.0f s past its budget; abandoning it", len(ticket.articles), limit)
        (worker,) = [w for w in self.workers if w.ticket is ticket]
        worker.ticket = None
        self._replace(worker, TimeoutError())
        ticket.results = [_lost(article, TimeoutError(), code="E016", budget=limit, per_10k=self.budget.per_10k,
                                size=len(article.body)) for article in ticket.articles]
        ticket.done = True
        self._dispatch()

    def close(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        deadline = time.monotonic() + 5
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()) if worker.ticket is None else 0)
            if worker.process.is_alive():
                worker.kill()
            else:
                worker.conn.close()
