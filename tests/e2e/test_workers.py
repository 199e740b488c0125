"""`--workers N` on one machine (the default: every core): the same lines in the same order as one
process, small inputs stay in one process, `--workers 1` is the one-process path, each article keeps
its time budget inside the workers, and a worker that dies or is stuck costs only its batch."""

from __future__ import annotations

import functools
import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dateline import cli as cli_module
from dateline import cluster
from dateline.budget import Budget
from dateline.cli import cli
from dateline.errors import EXIT_REJECTED
from dateline.ingest import read_articles
from dateline.models import Article
from dateline.pipeline import code_items, code_paths, sentence_article

pytestmark = pytest.mark.e2e

TEXTS = [
    "GENEVA — Iran and the IAEA held talks on Monday about inspections in Vienna.",
    "MOSCOW — Russia expelled two British diplomats on Tuesday, the foreign ministry said.",
    "SEOUL — North Korea fired two ballistic missiles into the sea on Wednesday.",
    "PARIS — France and Germany signed a defence agreement on Thursday.",
    "CAIRO — Egypt called on Israel and Hamas to agree to a ceasefire.",
]


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """More inputs than PARALLEL_MIN_ARTICLES, one of them a bad record."""
    n = cluster.PARALLEL_MIN_ARTICLES + 6
    lines = [json.dumps({"id": f"a{i}", "text": f"{TEXTS[i % len(TEXTS)]} (Report {i}.)",
                         "published": f"2025-03-{1 + i % 28:02d}"}) for i in range(n)]
    lines.insert(40, "{not json")
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_extract_with_workers_prints_what_one_process_prints(many: Path) -> None:
    runner = CliRunner()
    one = runner.invoke(cli, ["extract", str(many), "--format", "jsonl", "--workers", "1"])
    two = runner.invoke(cli, ["extract", str(many), "--format", "jsonl", "--workers", "2"])
    default = runner.invoke(cli, ["extract", str(many), "--format", "jsonl"])
    assert one.exit_code == two.exit_code == default.exit_code == EXIT_REJECTED, two.output
    lines = one.stdout.splitlines()
    assert len(lines) == cluster.PARALLEL_MIN_ARTICLES + 7
    assert json.loads(lines[40])["error"]["code"].startswith("E0")
    assert sum(len(json.loads(line).get("events", [])) for line in lines) > 20
    assert two.stdout == one.stdout
    assert default.stdout == one.stdout


def test_ingest_with_workers_stores_what_one_process_stores(many: Path, tmp_path: Path) -> None:
    import duckdb

    runner = CliRunner()
    dbs = [str(tmp_path / "one.duckdb"), str(tmp_path / "two.duckdb")]
    for db, workers in zip(dbs, ["1", "2"]):
        result = runner.invoke(cli, ["ingest", str(many), "--db", db, "--workers", workers])
        assert result.exit_code == EXIT_REJECTED and f"stored {cluster.PARALLEL_MIN_ARTICLES + 6} article(s)" in result.stdout

    def rows(db: str) -> list[Any]:
        con = duckdb.connect(db, read_only=True)
        try:
            return con.execute("SELECT article_id, idx, sentence, trigger, cameo, source_code, target_code, date_value "
                               "FROM events ORDER BY article_id, idx").fetchall()
        finally:
            con.close()

    assert rows(dbs[0]) and rows(dbs[1]) == rows(dbs[0])


def test_small_input_stays_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a pool was started for a small input")

    monkeypatch.setattr(cluster, "_Pool", no_pool)
    path = tmp_path / "few.txt"
    path.write_text(TEXTS[3] + "\n", encoding="utf-8")
    items = list(read_articles([str(path)]))
    batches = list(cluster.code_items_local(items, workers=2))
    assert [line["events"][0]["trigger"] for b in batches for line in b.lines] == ["agreement"]


def test_workers_1_is_the_one_process_path(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--workers 1` starts no worker and prints what the one-process pipeline (code_paths, one
    article a batch as extract streams) gives, line for line."""
    def no_pool(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a pool was started with --workers 1")

    monkeypatch.setattr(cluster, "_Pool", no_pool)
    result = CliRunner().invoke(cli, ["extract", str(many), "--format", "jsonl", "--workers", "1"])
    assert result.exit_code == EXIT_REJECTED, result.output
    expected = [json.dumps(line, ensure_ascii=False) for batch in code_paths([str(many)], batch_size=1)
                for line in batch.lines]
    assert len(expected) == cluster.PARALLEL_MIN_ARTICLES + 7
    assert result.stdout.splitlines() == expected


HOSTILE = "X said Y said " * 2000  # the hardening tests' slow article: its stages take over a second


@pytest.mark.issue(15)
def test_slow_article_under_workers_rejected_as_in_one_process(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A genuinely slow article among 70 under `--workers 2`: stopped by its deadline inside the
    worker (E016, in its place), the other articles coded, the same lines as `--workers 1`."""
    lines = many.read_text(encoding="utf-8").splitlines()
    lines.insert(20, json.dumps({"id": "hostile", "text": HOSTILE, "published": "2025-03-02"}))
    many.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # The CLI's budget with a minimum of 0.5 s instead of 10 s, so that the flood is over it; the
    # forked workers inherit the patch, as they inherit everything else from this process.
    monkeypatch.setattr(cli_module, "Budget", functools.partial(Budget, minimum=0.5))
    runner = CliRunner()
    args = ["extract", str(many), "--format", "jsonl", "--article-timeout", "0.2"]
    one = runner.invoke(cli, [*args, "--workers", "1"])
    two = runner.invoke(cli, [*args, "--workers", "2"])
    assert one.exit_code == two.exit_code == EXIT_REJECTED, two.output
    codes = [json.loads(line).get("error", {}).get("code") for line in two.stdout.splitlines()]
    assert len(codes) == cluster.PARALLEL_MIN_ARTICLES + 8
    assert codes[20] == "E016" and "time budget" in json.loads(two.stdout.splitlines()[20])["error"]["message"]
    assert [i for i, code in enumerate(codes) if code] == [20, 41]  # the slow article and the bad JSON line
    assert two.stdout == one.stdout


_work = cluster.work


def _dying_work(articles: list[Article], actors_file: str | None, batch_size: int, budget: Any = None) -> list[Any]:
    """A worker killed on one batch (as by the out-of-memory killer); the others code for real."""
    if any("Report 3." in a.text for a in articles):
        os._exit(9)
    return _work(articles, actors_file, batch_size, budget)


def test_a_dead_worker_costs_only_its_batch(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    items = list(read_articles([str(many)]))
    monkeypatch.setattr(cluster, "work", _dying_work)
    batches = list(cluster.code_items_local(items, workers=2, parallel_batch_size=2))
    lines = [line for batch in batches for line in batch.lines]
    assert len(lines) == len(items)
    records = [line["error"]["record"] if "error" in line else line["provenance"]["record"] for line in lines]
    assert records == [item.record for item in items] == sorted(records)
    lost = [i for i, line in enumerate(lines) if line.get("error", {}).get("code") == "E013"]
    assert lost == [2, 3]  # the batch of "Report 3." (inputs 2 and 3), and only it
    assert "worker process" in lines[2]["error"]["message"] and "exit code" in lines[2]["error"]["message"]
    # The worker is replaced: every batch after the loss is coded.
    assert all("events" in line for i, line in enumerate(lines) if i not in (2, 3, 40))


def _stuck_work(articles: list[Article], actors_file: str | None, batch_size: int, budget: Any = None) -> list[Any]:
    """A worker stuck in compiled code, where no Python-level deadline reaches (time.sleep is C)."""
    if any("stuck" in a.text for a in articles):
        time.sleep(600)
    return _work(articles, actors_file, batch_size, budget)


@pytest.mark.issue(15)
def test_a_stuck_worker_is_killed_and_its_batch_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = [sentence_article(TEXTS[i % 5], record=i) for i in range(12)]
    articles[3] = sentence_article("The stuck article.", record=3)
    monkeypatch.setattr(cluster, "work", _stuck_work)
    monkeypatch.setattr(cluster, "PARALLEL_MIN_ARTICLES", 4)
    monkeypatch.setattr(cluster, "GRACE_SECONDS", 3.0)
    started = time.monotonic()
    batches = list(cluster.code_items_local(articles, workers=2, parallel_batch_size=2,
                                            budget=Budget(per_10k=0.1, minimum=0.5)))
    assert time.monotonic() - started < 300, "the stuck batch must not hold up the run"
    lines = [line for batch in batches for line in batch.lines]
    codes = [line.get("error", {}).get("code") for line in lines]
    assert codes == [None, None, "E016", "E016"] + [None] * 8
    assert all(line["events"] for i, line in enumerate(lines) if i not in (2, 3))
    # The same articles in one process (no stuck worker there) are coded alike.
    monkeypatch.setattr(cluster, "work", _work)
    serial = [line for batch in code_items(articles, batch_size=2) for line in batch.lines]
    assert [line for i, line in enumerate(lines) if i not in (2, 3)] == \
        [line for i, line in enumerate(serial) if i not in (2, 3)]
