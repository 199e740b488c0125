"""Scale-out on a real local Dask cluster: same rows as a serial run, input order kept, a lost batch costs only itself."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from dateline import cluster
from dateline.cli import cli
from dateline.errors import EXIT_REJECTED
from dateline.ingest import read_articles
from dateline.models import Article

pytestmark = [
    pytest.mark.e2e,
    # Dask may leave a socket to the closed cluster for the garbage collector; that is its business.
    pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning"),
]

TEXTS = [
    "GENEVA — Iran and the IAEA held talks on Monday about inspections.\n",
    "MOSCOW — Russia expelled two British diplomats on Tuesday, the foreign ministry said.\n",
    "SEOUL — North Korea fired two ballistic missiles into the sea on Wednesday.\n",
    "PARIS — France and Germany signed a defence agreement on Thursday.\n",
    "CAIRO — Egypt called on Israel and Hamas to agree to a ceasefire.\n",
]


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    sample = resources.files("dateline") / "samples" / "meridian-2025-03-14-fisheries-talks.txt"
    (folder / "a-sample.txt").write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    for i, text in enumerate(TEXTS):
        (folder / f"b{i}.txt").write_text(text, encoding="utf-8")
    (folder / "c-broken.txt").write_bytes(bytes(range(256)) * 4)
    return folder


def _rows(db: str) -> dict[str, list[tuple[Any, ...]]]:
    con = duckdb.connect(db, read_only=True)
    try:
        return {
            "articles": con.execute("SELECT id, source FROM articles ORDER BY id").fetchall(),
            "events": con.execute(
                "SELECT article_id, idx, sentence, trigger, cameo, source_code, target_code, modality, negated "
                "FROM events ORDER BY article_id, idx").fetchall(),
            "rejected": con.execute("SELECT code FROM rejected").fetchall(),
        }
    finally:
        con.close()


def test_cluster_ingest_stores_what_a_serial_run_stores(news: Path, tmp_path: Path) -> None:
    serial, parallel = str(tmp_path / "serial.duckdb"), str(tmp_path / "parallel.duckdb")
    runner = CliRunner()
    one = runner.invoke(cli, ["ingest", str(news), "--db", serial, "--published", "2025-03-14"])
    two = runner.invoke(cli, ["ingest", str(news), "--db", parallel, "--published", "2025-03-14", "--workers", "2"])
    assert one.exit_code == two.exit_code == EXIT_REJECTED, two.output
    assert "stored 6 article(s)" in two.stdout and "rejected 1" in two.stdout
    expected, got = _rows(serial), _rows(parallel)
    assert got["events"], "the sample must yield events"
    assert got == expected
    again = runner.invoke(cli, ["ingest", str(news), "--db", parallel, "--workers", "2", "--published", "2025-03-14"])
    assert "stored 0 article(s), skipped 6 already stored" in again.stdout


def test_cluster_options_exclusive_and_unreachable_scheduler_is_coded(news: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    both = CliRunner().invoke(cli, ["ingest", str(news), "--db", str(db), "--workers", "2", "--scheduler", "tcp://x:1"])
    assert both.exit_code == 2 and "give one of them" in both.output
    gone = CliRunner().invoke(cli, ["ingest", str(news), "--db", str(db), "--scheduler", "tcp://127.0.0.1:9"])
    assert gone.exit_code == 1 and "[E103]" in gone.output
    assert not db.exists(), "nothing is created when the cluster cannot be reached"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with cluster.connect(workers=2) as dask_client:
        yield dask_client
    gc.collect()  # collect the cluster's sockets here, under this module's warning filters


def _failing_work(articles: list[Article], actors_file: str | None, batch_size: int, budget: Any = None) -> list[Any]:
    """Stands in for a worker lost on one batch (the task raises on the worker); others are coded for real."""
    if any("missiles" in a.text for a in articles):
        raise MemoryError("worker ran out of memory")
    return cluster.work(articles, actors_file, batch_size, budget)


def test_cluster_keeps_input_order_and_a_lost_batch_costs_only_itself(
    news: Path, client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = list(read_articles([str(news)], published=dt.date(2025, 3, 14)))
    monkeypatch.setattr(cluster, "work", _failing_work)
    batches = list(cluster.code_items_distributed(items, client=client, batch_size=2))
    lines = [line for batch in batches for line in batch.lines]
    assert len(lines) == len(items) == 7
    sources = [line["error"]["source"] if "error" in line else line["provenance"]["source"] for line in lines]
    assert sources == [item.source for item in items]
    lost = [line for line in lines if line.get("error", {}).get("code") == "E013"]
    # The batch with the missile story (two articles) is lost; the five other inputs are as usual.
    assert len(lost) == 2 and "worker process" in lost[0]["error"]["message"]
    coded = [line for line in lines if "events" in line]
    assert len(coded) == 4 and any(line["events"] for line in coded)


@pytest.mark.issue(15)
def test_cluster_article_over_its_budget_rejected_on_the_worker(client: Any) -> None:
    """A genuinely slow article (a flood of speech verbs) is stopped on the Dask worker's task
    thread; the other articles of its batch are coded."""
    from dateline.budget import Budget
    from dateline.pipeline import sentence_article

    articles = [sentence_article(TEXTS[0], record=1), sentence_article("X said Y said " * 2000, record=2),
                sentence_article(TEXTS[1], record=3)]
    batches = list(cluster.code_items_distributed(articles, client=client, batch_size=3,
                                                  budget=Budget(per_10k=0.2, minimum=0.5)))
    lines = [line for batch in batches for line in batch.lines]
    assert [line.get("error", {}).get("code") for line in lines] == [None, "E016", None]
    assert "time budget" in lines[1]["error"]["message"]
    assert lines[0]["events"] and lines[2]["events"]


def _stuck_work(articles: list[Article], actors_file: str | None, batch_size: int, budget: Any = None) -> list[Any]:
    """A worker stuck in compiled code, where no Python-level deadline reaches (time.sleep is C)."""
    import time

    if any("stuck" in a.text for a in articles):
        time.sleep(600)
    return cluster.work(articles, actors_file, batch_size, budget)


@pytest.mark.issue(15)
def test_cluster_stuck_worker_abandoned_and_restarted(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.budget import Budget
    from dateline.pipeline import sentence_article

    articles = [sentence_article(TEXTS[0], record=1), sentence_article("The stuck article.", record=2),
                sentence_article(TEXTS[1], record=3), sentence_article(TEXTS[2], record=4)]
    monkeypatch.setattr(cluster, "work", _stuck_work)
    monkeypatch.setattr(cluster, "GRACE_SECONDS", 30.0)  # room for the other worker to load its model
    batches = list(cluster.code_items_distributed(articles, client=client, batch_size=2,
                                                  budget=Budget(per_10k=0.1, minimum=0.5)))
    lines = [line for batch in batches for line in batch.lines]
    assert [line.get("error", {}).get("code") for line in lines] == ["E016", "E016", None, None]
    assert lines[2]["events"] and lines[3]["events"]
    assert len(client.scheduler_info()["workers"]) == 2  # the stuck worker was replaced


def test_cluster_ingest_through_a_scheduler_address_as_docs_scale_describes(news: Path, tmp_path: Path) -> None:
    """docs/scale.md: start a Dask cluster (here a local one with 2 worker processes), pass its
    scheduler address to `dateline ingest --scheduler`; the client is the one DuckDB writer and
    stores what a serial run stores."""
    from distributed import LocalCluster

    serial, remote = str(tmp_path / "serial.duckdb"), str(tmp_path / "remote.duckdb")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(news), "--db", serial, "--published", "2025-03-14"]).exit_code == EXIT_REJECTED
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as dask_cluster:
        result = runner.invoke(cli, ["ingest", str(news), "--db", remote, "--published", "2025-03-14",
                                     "--scheduler", dask_cluster.scheduler_address])
    gc.collect()
    assert result.exit_code == EXIT_REJECTED, result.output  # the broken file is rejected, the rest stored
    expected = _rows(serial)
    assert len(expected["articles"]) == 6 and expected["events"]
    assert _rows(remote) == expected
