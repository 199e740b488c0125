"""`--workers N` on one machine (the default: every core): the same lines in the same order as one
process, small inputs stay in one process, and a worker that dies costs only the batches in flight."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dateline import cluster
from dateline.cli import cli
from dateline.errors import EXIT_REJECTED
from dateline.ingest import read_articles
from dateline.models import Article

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


_work = cluster.work


def _dying_work(articles: list[Article], actors_file: str | None, batch_size: int) -> list[Any]:
    """A worker killed on one batch (as by the out-of-memory killer); the others code for real."""
    if any("Report 3." in a.text for a in articles):
        os._exit(9)
    return _work(articles, actors_file, batch_size)


def test_a_dead_worker_costs_only_the_batches_in_flight(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    items = list(read_articles([str(many)]))
    monkeypatch.setattr(cluster, "work", _dying_work)
    batches = list(cluster.code_items_local(items, workers=2, batch_size=2))
    lines = [line for batch in batches for line in batch.lines]
    assert len(lines) == len(items)
    records = [line["error"]["record"] if "error" in line else line["provenance"]["record"] for line in lines]
    assert records == [item.record for item in items] == sorted(records)
    lost = [i for i, line in enumerate(lines) if line.get("error", {}).get("code") == "E013"]
    assert 2 in lost or 3 in lost  # the batch of "Report 3."
    # The pool is replaced: the batches submitted after the loss are coded.
    assert len(lost) <= 2 * cluster.IN_FLIGHT_PER_WORKER * 2 and "events" in lines[-1]
