"""Reviews apply to fusion, and so to every export and count (`dateline export`, `dateline counts`); `--raw`
gives the coder's rows. Real DuckDB files and real CLI calls, on hand-written articles (test_exports.record:
three outlets report one Norwegian-Icelandic meeting on 2025-03-13, a fourth article another on 2025-03-15)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.store import Store
from test_exports import GDELT_DTYPES, GDELT_SPEC, db, export, record  # noqa: F401 (db: the fixture)
from test_store_fusion import fused


def mention(db: str, article_id: str) -> str:
    with Store(db, read_only=True) as store:
        return store.con.execute("SELECT id FROM events WHERE article_id = ?", [article_id]).fetchone()[0]


def review(db: str, event_id: str, verdict: str, **corrections: str) -> None:
    with Store(db) as store:
        store.add_review(event_id, verdict=verdict, reviewer="t", corrections=corrections or None)


def gdelt(db: str, out: Path, *extra: str) -> pd.DataFrame:
    frame = pd.read_csv(export(db, "gdelt", out, *extra), sep="\t", header=None, names=GDELT_SPEC,
                        dtype=GDELT_DTYPES)
    return frame.sort_values(["SQLDATE", "Actor2Code"]).reset_index(drop=True)


def counts(db: str, *extra: str) -> list[str]:
    result = CliRunner().invoke(cli, ["counts", "--db", db, "--by", "dyad,day", "--type", "root", *extra],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output.splitlines()[1:]


def test_a_mention_marked_wrong_leaves_the_exports_and_the_counts(db: str, tmp_path: Path) -> None:
    before = gdelt(db, tmp_path / "before.tsv")
    assert list(before["NumMentions"]) == [3, 1]
    review(db, mention(db, "b" * 16), "wrong")
    after = gdelt(db, tmp_path / "after.tsv")
    assert list(after["NumMentions"]) == [2, 1] and list(after["NumArticles"]) == [2, 1]
    assert list(after["NumSources"]) == [2, 1]
    assert counts(db) == ["NOR,ISL,2025-03-13,04,1,2", "NOR,ISL,2025-03-15,04,1,1"]
    assert counts(db, "--mentions") == ["NOR,ISL,2025-03-13,04,2,2", "NOR,ISL,2025-03-15,04,1,1"]
    mentions = pd.read_csv(export(db, "gdelt", tmp_path / "m.tsv", "--mentions"), sep="\t", header=None)
    assert len(mentions) == 3  # the GDELT mentions table leaves it out too
    # --raw: the coder's rows, as before the review
    assert list(gdelt(db, tmp_path / "raw.tsv", "--raw")["NumMentions"]) == [3, 1]
    assert counts(db, "--raw") == ["NOR,ISL,2025-03-13,04,1,3", "NOR,ISL,2025-03-15,04,1,1"]
    # the latest review wins: marked right again, it is fused again
    review(db, mention(db, "b" * 16), "right")
    assert list(gdelt(db, tmp_path / "again.tsv")["NumMentions"]) == [3, 1]


def test_a_corrected_target_moves_the_mention_to_another_fused_event(db: str, tmp_path: Path) -> None:
    review(db, mention(db, "c" * 16), "corrected", target_code="FRAGOV")
    after = gdelt(db, tmp_path / "after.tsv")
    assert list(zip(after["SQLDATE"], after["Actor2Code"], after["Actor2CountryCode"], after["NumMentions"])) == [
        (20250313, "FRAGOV", "FRA", 1), (20250313, "ISLGOV", "ISL", 2), (20250315, "ISLGOV", "ISL", 1)]
    assert counts(db) == ["NOR,FRA,2025-03-13,04,1,1", "NOR,ISL,2025-03-13,04,1,2", "NOR,ISL,2025-03-15,04,1,1"]
    raw = gdelt(db, tmp_path / "raw.tsv", "--raw")
    assert list(zip(raw["Actor2Code"], raw["NumMentions"])) == [("ISLGOV", 3), ("ISLGOV", 1)]
    # a corrected code moves it to its root's block: a 04 consult corrected to a 190 fight is fused apart
    review(db, mention(db, "a" * 16), "corrected", cameo="190")
    assert counts(db) == ["NOR,FRA,2025-03-13,04,1,1", "NOR,ISL,2025-03-13,04,1,1", "NOR,ISL,2025-03-13,19,1,1",
                          "NOR,ISL,2025-03-15,04,1,1"]


def test_incremental_fusion_with_reviews_equals_fusing_from_scratch(db: str) -> None:
    france = record("e" * 16, "four", "2025-03-14")
    france["events"][0]["target"] = {"text": "France", "code": "FRAGOV", "country": "FRA", "sector": "GOV"}
    with Store(db) as store:
        store.write([france])
    review(db, mention(db, "a" * 16), "wrong")
    review(db, mention(db, "c" * 16), "corrected", target_code="FRAGOV")  # into the block France's mention is in
    review(db, mention(db, "d" * 16), "corrected", date_value="2025-03-13")  # into the first meeting
    review(db, mention(db, "b" * 16), "right")
    with Store(db) as store:
        store.write([record("f" * 16, "five", "2025-03-14")])  # a new mention of a reviewed block
        incremental = fused(store)
        assert sorted(row[1:4] for row in incremental) == [(2, 2, 2), (3, 3, 3)]
        store.refuse()
        assert fused(store) == incremental


def test_a_review_that_fails_to_save_changes_nothing(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.store as store_module

    with Store(db) as store:
        before = fused(store)

        def broken(self: Store, event_id: str) -> None:
            raise RuntimeError("fusion failed")

        monkeypatch.setattr(store_module.Store, "_refuse_event", broken)
        with pytest.raises(RuntimeError):
            store.add_review(store.con.execute("SELECT id FROM events WHERE article_id = ?", ["b" * 16]).fetchone()[0],
                             verdict="wrong")
        assert store.con.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0  # one transaction
        assert fused(store) == before


def test_merged_shards_with_reviews_equal_one_file(tmp_path: Path) -> None:
    one, two, three = (record(c * 16, f"outlet {c}", "2025-03-14") for c in "abc")
    with Store(tmp_path / "once.duckdb") as once:
        once.write([one, two, three])
        wrong = once.con.execute("SELECT id FROM events WHERE article_id = ?", ["b" * 16]).fetchone()[0]
        once.add_review(wrong, verdict="wrong")
        expected = fused(once)
    assert [row[1] for row in expected] == [2]
    with Store(tmp_path / "s1.duckdb") as s1:
        s1.write([one, two])
        s1.add_review(wrong, verdict="wrong")
    with Store(tmp_path / "s2.duckdb") as s2:
        s2.write([three])
    with Store(tmp_path / "merged.duckdb") as merged:
        merged.merge_from(tmp_path / "s2.duckdb")
        merged.merge_from(tmp_path / "s1.duckdb")
        assert fused(merged) == expected


def test_a_file_reviewed_before_fusion_read_reviews_is_fused_again_when_opened(
        db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.store as store_module

    current = store_module.MIGRATIONS
    with Store(db) as store:  # as an older version left it: the review stored, the fused events not changed
        event_id = store.con.execute("SELECT id FROM events WHERE article_id = ?", ["b" * 16]).fetchone()[0]
        store.con.execute("INSERT INTO reviews (review_id, event_id, verdict, created_at) "
                          "VALUES ('r1', ?, 'wrong', now())", [event_id])
        store.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                          [str(current.index(store_module._V_REVIEWED_FUSION))])
        assert sorted(row[1] for row in fused(store)) == [1, 3]
    with Store(db) as store:
        assert store.schema_version() == len(current)
        assert sorted(row[1] for row in fused(store)) == [1, 2]


@pytest.mark.parametrize("value", ["2024-13-45", "2024-02-30", "2024-1-5", "2024-01-01junk", "sometime"])
def test_a_corrected_date_must_be_a_date(db: str, value: str) -> None:
    from dateline.errors import StoreError

    with Store(db) as store:
        event_id = store.con.execute("SELECT id FROM events WHERE article_id = ?", ["b" * 16]).fetchone()[0]
        with pytest.raises(StoreError, match="is not a date"):
            store.add_review(event_id, verdict="corrected", corrections={"date_value": value})
        assert store.con.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
        for good in ("2024", "2024-02", "2024-02-29"):
            assert store.add_review(event_id, verdict="corrected", corrections={"date_value": good})["date_value"] == good


def test_counts_by_a_dimension_given_twice_counts_it_once(db: str) -> None:
    from dateline.exports import dimensions

    assert dimensions("dyad, day,dyad") == ["dyad", "day"]
    assert counts(db) == CliRunner().invoke(cli, ["counts", "--db", db, "--by", "dyad,day,dyad", "--type", "root"],
                                            catch_exceptions=False).output.splitlines()[1:]
