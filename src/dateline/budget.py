"""A time budget per article, enforced the same way in one process, in local workers and on Dask.

Where a slow article can be stopped:

- spaCy's tokenizer, tagger, parser and NER are compiled code: nothing can interrupt them
  mid-call. They are kept linear instead: pathological runs of characters are cut before the
  tokenizer (:func:`dateline.pipeline.tokenize`) and long articles are parsed in pieces
  (:mod:`dateline.pipeline`), so their share of an article's time is bounded and small.
- dateline's own stages (actors, events, quotes, dates, places) are Python. A watchdog thread
  raises :class:`ArticleTimeout` *in the thread that runs them* when the article's deadline passes
  (CPython's ``PyThreadState_SetAsyncExc``, delivered at the next bytecode). Unlike ``SIGALRM`` it
  works in any thread, so the same code guards the CLI's main thread, a local worker process
  (the timer thread is started per article inside the worker, after the fork) and a Dask worker's
  task thread. ``ArticleTimeout`` is a ``BaseException``, so a stage's ``except Exception`` cannot
  swallow it; the article's Doc is dropped, the article becomes an E016 rejection and the batch
  goes on. The stages keep no per-article state between calls, so an interrupted call leaves
  nothing half-done behind (lazily built caches are warmed before any deadline applies).
- With worker processes (local ``--workers N`` or Dask), the parent also abandons a batch that runs
  far past its articles' budgets (a worker stuck in compiled code, which the watchdog cannot
  reach): it kills or restarts that worker process and rejects the batch's articles with E016
  (:mod:`dateline.cluster`); the other workers go on.
"""

from __future__ import annotations

import ctypes
import threading
from dataclasses import dataclass
from types import TracebackType

#: Seconds allowed per 10,000 characters of body (``--article-timeout``): news articles take
#: 0.05-0.3 s per 10,000 characters on one core (bench/README.md), so this is 15x headroom.
DEFAULT_PER_10K = 5.0
#: No article gets less than this, whatever its length: a busy machine (or a first call) is slower.
MINIMUM_SECONDS = 10.0
#: The budget stops growing at this length (180 s at the default ``per_10k``): news articles are far shorter, a real
#: long text of this size parses in well under a minute, and a 2 MB run of junk would otherwise hold its worker (or a
#: one-process run) for about 17 minutes before it is rejected (eval/sessions/45.md, "robust45").
MAXIMUM_CHARS = 360_000
#: Once fired, the deadline fires again this often until the guarded block has ended.
REFIRE_SECONDS = 0.5


#: The budget of the eval harness (``dateline eval``: the gold sentences and the labelled news): a day per article.
#: A score must not depend on how busy the machine is; with the run-time budget an article timed out on a loaded
#: machine (E016) drops its events from the score, so floors could fail for no change of the coder (session 45).
SCORING_SECONDS = 86_400.0


class ArticleTimeout(BaseException):
    """Raised inside the stage that was running when an article's deadline passed."""


@dataclass(frozen=True)
class Budget:
    """How long one article may take: ``per_10k`` seconds per 10,000 characters, at least ``minimum``; the length
    counted stops at ``maximum_chars``."""

    per_10k: float = DEFAULT_PER_10K
    minimum: float = MINIMUM_SECONDS
    maximum_chars: int = MAXIMUM_CHARS

    @classmethod
    def scoring(cls) -> Budget:
        """The eval harness's budget: :data:`SCORING_SECONDS` for every article, whatever its length."""
        return cls(per_10k=0.0, minimum=SCORING_SECONDS)

    def seconds(self, chars: int) -> float:
        return max(self.minimum, self.per_10k * min(chars, self.maximum_chars) / 10_000)


def _inject(thread_id: int, exc: type[BaseException] | None) -> int:
    """Raise ``exc`` asynchronously in thread ``thread_id`` (None clears a pending one)."""
    obj = ctypes.py_object(exc) if exc is not None else ctypes.py_object()
    return int(ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), obj))


class Deadline:
    """``with Deadline(seconds):`` raises :class:`ArticleTimeout` in this thread once ``seconds`` pass."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._thread_id = threading.get_ident()
        self._lock = threading.Lock()
        self._done = False
        self.fired = False
        self._timer = threading.Timer(max(0.0, seconds), self._fire)
        self._timer.daemon = True

    def _fire(self) -> None:
        with self._lock:
            if not self._done:
                self.fired = True
                _inject(self._thread_id, ArticleTimeout)
                # An asynchronous exception delivered inside a weakref or GC callback is printed as
                # "Exception ignored" and lost; fire again until the block has ended.
                self._timer = threading.Timer(REFIRE_SECONDS, self._fire)
                self._timer.daemon = True
                self._timer.start()

    def __enter__(self) -> Deadline:
        if self.seconds <= 0:
            raise ArticleTimeout
        self._timer.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        with self._lock:
            self._done = True
            self._timer.cancel()
            if self.fired:
                # Fired as the block ended, or fired again while the first timeout was propagating:
                # clear an exception still pending, so nothing is raised after the block.
                _inject(self._thread_id, None)
