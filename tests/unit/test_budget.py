"""The per-article time budget: a real deadline interrupts real Python work, in any thread."""

from __future__ import annotations

import threading
import time

import pytest

from dateline.budget import ArticleTimeout, Budget, Deadline


def _spin() -> None:
    """Busy Python work that never ends by itself (what a super-linear stage looks like)."""
    n = 0
    while True:
        n += 1


@pytest.mark.issue(15)
def test_budget_deadline_interrupts_python_work() -> None:
    with pytest.raises(ArticleTimeout):
        with Deadline(0.2):
            _spin()


def test_budget_deadline_not_swallowed_by_except_exception() -> None:
    caught = []
    with pytest.raises(ArticleTimeout):
        with Deadline(0.2):
            while True:
                try:
                    _spin()
                except Exception as err:  # noqa: BLE001 - what a stage might do
                    caught.append(err)
    assert caught == []


def test_budget_deadline_fires_again_when_its_exception_is_lost() -> None:
    """A timeout delivered inside a weakref or GC callback is printed as "Exception ignored" and lost:
    the deadline fires again, so the article still stops."""
    lost: list[int] = []
    start = time.monotonic()
    with pytest.raises(ArticleTimeout):
        with Deadline(0.2):
            while time.monotonic() - start < 10:
                try:
                    for _ in range(100_000):
                        pass
                except ArticleTimeout:
                    if lost:
                        raise
                    lost.append(1)  # what the interpreter does with it inside a callback
    assert lost == [1] and time.monotonic() - start < 5


def test_budget_nothing_raised_after_a_timeout_block() -> None:
    with pytest.raises(ArticleTimeout):
        with Deadline(0.1):
            _spin()
    time.sleep(1.2)  # longer than two re-fire intervals: no second timeout may arrive here


def test_budget_deadline_in_a_worker_thread() -> None:
    """Dask runs tasks in worker threads, where SIGALRM cannot reach: the deadline still does."""
    outcome: list[str] = []

    def task() -> None:
        try:
            with Deadline(0.2):
                _spin()
        except ArticleTimeout:
            outcome.append("timeout")

    thread = threading.Thread(target=task)
    thread.start()
    thread.join(30)
    assert outcome == ["timeout"]


def test_budget_deadline_that_does_not_fire_leaves_nothing_behind() -> None:
    with Deadline(0.3) as deadline:
        total = sum(range(1000))
    time.sleep(0.5)  # past the deadline: nothing may be raised here
    assert total == 499500 and not deadline.fired


def test_budget_spent_before_start_raises_at_once() -> None:
    with pytest.raises(ArticleTimeout):
        with Deadline(-1.0):
            pass


def test_budget_seconds_scale_with_length() -> None:
    budget = Budget(per_10k=5.0, minimum=10.0)
    assert budget.seconds(500) == 10.0
    assert budget.seconds(100_000) == 50.0


def test_budget_stops_growing_at_its_maximum_length() -> None:
    """A 2 MB run of junk gets the budget of 360,000 characters, not 17 minutes (robust45)."""
    budget = Budget(per_10k=5.0, minimum=10.0)
    assert budget.seconds(360_000) == 180.0
    assert budget.seconds(2_000_000) == 180.0
    assert Budget(per_10k=10.0).seconds(2_000_000) == 360.0  # --article-timeout still scales it


def test_the_eval_harness_codes_under_the_scoring_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scores must not depend on the machine's load: the gold and news evals give every article a day."""
    import dateline.pipeline as pipeline

    assert Budget.scoring().seconds(10) == Budget.scoring().seconds(10**9) == 86_400.0
    seen: list[Budget | None] = []

    def fake_items(articles, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(kwargs.get("budget"))
        return iter(())

    monkeypatch.setattr(pipeline, "code_items", fake_items)
    pipeline.code_texts(["Kenya met Uganda."])
    from dateline import newseval
    newseval.code_articles({"a": {"id": "a", "text": "Kenya met Uganda."}}, ["a"])
    assert seen == [Budget.scoring(), Budget.scoring()]
