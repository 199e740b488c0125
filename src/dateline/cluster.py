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
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .budget import Budget
from .errors import InputError, ClusterError
from .models import Article, Rejection
from .nlp import BATCH_SIZE, load_nlp, model_version
from .pipeline import Batch, assemble, chunks, code_batch

if TYPE_CHECKING:
    from distributed import Client

log = logging.getLogger(__name__)

#: Batches in flight per worker: enough to keep every worker busy while the client writes.
IN_FLIGHT_PER_WORKER = 2
#: Seconds a batch may take beyond the sum of its articles' budgets (a fresh worker loads the model,
#: and a batch may wait behind the one before it) before the client abandons it and restarts its
#: worker: the last resort for a worker stuck in compiled code, where the budget cannot reach.
GRACE_SECONDS = 120.0


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
    pending: deque[tuple[list[Article | Rejection], list[Article], set[str], Any]] = deque()
    budget = budget or Budget()
    for chunk, to_parse, known in chunks(items, batch_size=batch_size, skip=skip):
        future = client.submit(work, to_parse, actors_file, batch_size, budget, pure=False) if to_parse else None
        pending.append((chunk, to_parse, known, future))
        if len(pending) >= window:
            yield _collect(*pending.popleft(), client=client, budget=budget)
    while pending:
        yield _collect(*pending.popleft(), client=client, budget=budget)


def _collect(chunk: list[Article | Rejection], to_parse: list[Article], known: set[str], future: Any, *,
             client: Client, budget: Budget) -> Batch:
    """Wait for one batch; a lost worker turns its articles into rejections instead of stopping the run,
    and a batch far over its articles' budgets is abandoned (its worker restarted)."""
    results: list[dict[str, Any] | Rejection]
    if future is None:
        results = []
    else:
        limit = sum(budget.seconds(len(a.body)) for a in to_parse) + GRACE_SECONDS
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
