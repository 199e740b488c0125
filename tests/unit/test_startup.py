"""Start-up and the collector: dateline.cluster._loading and _fewer_collections, and what the CLI imports."""

from __future__ import annotations

import gc

import pytest

from dateline import cluster


def test_loading_holds_off_the_collector_then_freezes_and_restores_the_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    frozen: list[bool] = []
    monkeypatch.setattr(cluster, "_freeze", lambda: frozen.append(True))
    before = gc.get_threshold()
    with cluster._loading():
        inside = gc.get_threshold()
        gc.enable()  # what spaCy's model load does (srsly's msgpack reader): the threshold still holds
        collections = [s["collections"] for s in gc.get_stats()]
        junk = [[i] for i in range(50_000)]  # far more new container objects than the usual threshold
        assert [s["collections"] for s in gc.get_stats()] == collections
        del junk
    assert inside[0] > 10_000_000 and inside[1:] == before[1:]
    assert gc.get_threshold() == before and frozen == [True]


def test_loading_that_fails_restores_the_thresholds_and_freezes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    frozen: list[bool] = []
    monkeypatch.setattr(cluster, "_freeze", lambda: frozen.append(True))
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        with cluster._loading():
            raise RuntimeError("the model is missing")
    assert gc.get_threshold() == before and frozen == []


def test_coding_raises_the_first_threshold_and_restores_it() -> None:
    before = gc.get_threshold()
    with cluster._fewer_collections():
        inside = gc.get_threshold()
    assert inside == (max(cluster.CODING_GC_THRESHOLD, before[0]), *before[1:])
    assert gc.get_threshold() == before


def test_the_cli_imports_duckdb_only_for_the_commands_that_open_a_database() -> None:
    import subprocess
    import sys

    from dateline import cli, store

    assert cli.DEFAULT_DB == store.DEFAULT_DB
    code = "import sys, dateline.cli; print('duckdb' in sys.modules, 'dateline.store' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]  # `dateline extract` never opens one: 0.06 s of its start


def test_the_cli_s_own_copies_are_their_owners_lists() -> None:
    # the cli imports neither the store (DuckDB) nor exports and newseval at start, so it spells out their lists
    from dateline import cli, exports, newseval

    export = {p.name: p for p in cli.cli.commands["export"].params}
    assert tuple(export["fmt"].type.choices) == exports.FORMATS
    eval_ = {p.name: p for p in cli.cli.commands["eval"].params}
    assert tuple(eval_["split"].type.choices) == newseval.SPLITS
