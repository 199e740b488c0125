"""The store keeps fused events up to date: on every write, on replace, and for files from before fusion."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_exports import record
from dateline.store import Store


def fused(store: Store) -> list[tuple]:
    return store.con.execute(
        "SELECT f.id, f.n_mentions, f.n_articles, f.n_outlets, list(m.article_id ORDER BY m.article_id)"
        " FROM fused_events f JOIN fused_event_mentions m ON m.fused_id = f.id GROUP BY ALL ORDER BY f.id"
    ).fetchall()


def test_store_fusion_replace_refuses_without_the_old_mentions(tmp_path: Path) -> None:
    with Store(tmp_path / "r.duckdb") as store:
        store.write([record("a" * 16, "one", "2025-03-14"), record("b" * 16, "two", "2025-03-14")])
        assert [row[1:4] for row in fused(store)] == [(2, 2, 2)]
        moved = record("b" * 16, "two", "2025-03-14")
        moved["events"][0]["date"] = {"value": "2025-03-10", "granularity": "day", "source": "text"}
        store.write([moved], replace=True)
        assert sorted(row[1:4] for row in fused(store)) == [(1, 1, 1), (1, 1, 1)]
        store.delete_article("b" * 16)
        assert [row[1:5] for row in fused(store)] == [(1, 1, 1, ["a" * 16])]


def test_store_fusion_older_file_gets_fused_events_on_migration(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.store as store_module

    path = tmp_path / "old.duckdb"
    current = store_module.MIGRATIONS
    monkeypatch.setattr(store_module, "MIGRATIONS", current[:3])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 3)
    full_row = store_module._event_row  # schema 3 rows had no confidence, counted and background columns
    monkeypatch.setattr(store_module, "_event_row", lambda *a: full_row(*a)[:-3])
    with Store(path) as store:
        store.write([record("a" * 16, "one", "2025-03-14"), record("b" * 16, "two", "2025-03-14")])
        tables = {row[0] for row in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert "fused_events" not in tables
    monkeypatch.setattr(store_module, "MIGRATIONS", current)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", len(current))
    monkeypatch.setattr(store_module, "_event_row", full_row)
    with Store(path) as store:
        assert [row[1:5] for row in fused(store)] == [(2, 2, 2, ["a" * 16, "b" * 16])]


def test_store_merge_shards_equals_one_ingest(tmp_path: Path) -> None:
    """docs/scale.md: shards written apart and merged give the same rows and fused events as one file."""
    one, two, three = (record(c * 16, f"outlet {c}", "2025-03-14") for c in "abc")
    with Store(tmp_path / "once.duckdb") as once:
        once.write([one, two, three])
        expected = fused(once), once.counts()
    with Store(tmp_path / "s1.duckdb") as s1:
        s1.write([one, two])
    with Store(tmp_path / "s2.duckdb") as s2:
        s2.write([two, three])  # an article in both shards is kept once
    with Store(tmp_path / "merged.duckdb") as merged:
        assert merged.merge_from(tmp_path / "s1.duckdb") == 2
        assert merged.merge_from(tmp_path / "s2.duckdb") == 1
        assert merged.merge_from(tmp_path / "s2.duckdb") == 0  # idempotent
        assert (fused(merged), merged.counts()) == expected
        assert expected[0] and expected[0][0][1] == 3  # the three outlets' mentions are one fused event
    with pytest.raises(Exception) as info, Store(tmp_path / "m2.duckdb") as other:
        other.merge_from(tmp_path / "missing.duckdb")
    assert getattr(info.value, "code", None) == "E203"


def test_store_fusion_keeps_the_fused_rows_a_batch_does_not_change(tmp_path: Path) -> None:
    """A batch re-fuses the blocks its mentions fall in, but rewrites only the fused events that change
    (issue 13): one on another day of the same block keeps its row as it was (the same DuckDB rowid),
    and the file still equals fusing everything at once."""
    rowids = "SELECT id, rowid FROM fused_events ORDER BY id"
    with Store(tmp_path / "k.duckdb") as store:
        first = record("a" * 16, "one", "2025-03-14")
        other_day = record("b" * 16, "two", "2025-03-14")
        other_day["events"][0]["date"] = {"value": "2025-03-10", "granularity": "day", "source": "text"}
        store.write([first, other_day])
        assert sorted(row[1:4] for row in fused(store)) == [(1, 1, 1), (1, 1, 1)]
        blocks = store.con.execute("SELECT DISTINCT block FROM fused_events").fetchall()
        assert len(blocks) == 1  # one block: the second batch re-fuses both of them
        before = dict(store.con.execute(rowids).fetchall())
        (apart,) = store.con.execute(
            "SELECT fused_id FROM fused_event_mentions WHERE article_id = ?", ["b" * 16]).fetchone()
        store.write([record("c" * 16, "three", "2025-03-14")])  # the same act as the first article's
        after = dict(store.con.execute(rowids).fetchall())
        assert after[apart] == before[apart]  # not deleted and written again
        assert sorted(row[1:4] for row in fused(store)) == [(1, 1, 1), (2, 2, 2)]
        incremental = fused(store)
        store.refuse()
        assert fused(store) == incremental
