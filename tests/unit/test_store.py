"""The DuckDB store: schema versions, idempotent and transactional writes, exports."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from dateline.errors import StoreError
from dateline.models import Rejection
from dateline.store import SCHEMA_VERSION, Store


def make_record(article_id: str = "0123456789abcdef", *, events: int = 1, source: str = "a.txt") -> dict[str, Any]:
    body = "Ministers met in Oslo. They agreed to talk again."
    event = {
        "source": {"text": "Ministers", "code": "NORGOV", "country": "NOR", "sector": "GOV"},
        "target": None, "cameo": "040", "plover": {"event": "CONSULT", "mode": None, "context": None},
        "date": {"value": "2025-03-13", "granularity": "day", "source": "text"},
        "location": {"name": "Oslo", "country": "NOR", "lat": 59.9, "lon": 10.7},
        "negated": False, "modality": "asserted", "sentence": 0, "span": [10, 13], "trigger": "met",
    }
    return {
        "id": article_id,
        "article": {
            "id": article_id, "publication": None, "headline": "H", "deck": None, "byline": None,
            "dateline": "OSLO", "published": "2025-03-14", "body": body, "captions": [], "pull_quotes": [],
            "removed": [], "url": None, "outlet": None, "metadata": {},
        },
        "sentences": [{"index": 0, "start": 0, "end": 22}, {"index": 1, "start": 23, "end": len(body)}],
        "actors": [{"name": "Oslo", "code": None, "country": None, "sector": None, "entity_type": "GPE",
                    "mentions": [{"text": "Oslo", "start": 17, "end": 21, "sentence": 0}]}],
        "events": [dict(event, span=[10 + i, 13 + i]) for i in range(events)],
        "quotes": [{"text": "talk again", "speaker": None, "kind": "fragment", "sentence": 1, "span": [38, 48],
                    "pull_quote": False}],
        "provenance": {"source": source, "record": None, "input_id": None, "coder": "dateline test",
                       "model": "m 1", "schema": "1", "body_offsets": [[0, 0, len(body)]]},
    }


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "t.duckdb")


def test_store_new_file_has_current_schema(db: str) -> None:
    with Store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.counts()["articles"] == 0


def test_store_write_is_idempotent(db: str) -> None:
    with Store(db) as store:
        first = store.write([make_record()])
        second = store.write([make_record()])
        assert (first.stored, first.skipped) == (1, 0)
        assert (second.stored, second.skipped) == (0, 1)
        counts = store.counts()
    assert counts["articles"] == 1 and counts["events"] == 1 and counts["sentences"] == 2
    assert counts["mentions"] == 1 and counts["quotes"] == 1


def test_store_replace_recodes(db: str) -> None:
    with Store(db) as store:
        store.write([make_record(events=1)])
        result = store.write([make_record(events=3)], replace=True)
        assert result.stored == 1
        assert store.counts()["events"] == 3
        assert store.counts()["articles"] == 1


def test_store_bad_record_costs_only_itself(db: str) -> None:
    good = make_record("aaaaaaaaaaaaaaaa")
    bad = make_record("bbbbbbbbbbbbbbbb", source="bad.txt")
    bad["article"]["published"] = "not a date"  # DuckDB refuses the cast inside the batch transaction
    also_good = make_record("cccccccccccccccc")
    with Store(db) as store:
        result = store.write([good, bad, also_good], [Rejection("x.bin", None, "E003", "binary")])
        assert result.stored == 2
        assert result.rejected == 2
        rows = store.con.execute("SELECT location, code FROM rejected ORDER BY location").fetchall()
        assert rows == [("bad.txt", "E012"), ("x.bin", "E003")]
        ids = {r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()}
        assert ids == {"aaaaaaaaaaaaaaaa", "cccccccccccccccc"}
        assert store.counts()["events"] == 2  # no orphan rows of the failed article


def test_store_failed_batch_keeps_earlier_data(db: str) -> None:
    with Store(db) as store:
        store.write([make_record("1111111111111111")])
    bad = make_record("2222222222222222")
    bad["article"]["published"] = "2025-13-45"
    with Store(db) as store:
        store.write([bad])
        assert [r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()] == ["1111111111111111"]


def test_store_rejection_cleared_when_input_later_succeeds(db: str) -> None:
    with Store(db) as store:
        store.write([], [Rejection("a.txt", None, "E004", "empty")])
        assert store.counts()["rejected"] == 1
        store.write([make_record(source="a.txt")])
        assert store.counts()["rejected"] == 0


def test_store_exports_csv_jsonl_parquet(db: str, tmp_path: Path) -> None:
    negated = make_record("dddddddddddddddd")
    negated["events"][0]["negated"] = True
    with Store(db) as store:
        store.write([make_record(events=2), negated])
    with Store(db, read_only=True) as store:
        for fmt in ("csv", "jsonl", "parquet"):
            out = str(tmp_path / f"events.{fmt}")
            assert store.export_events(out, fmt) == 2
        assert store.export_events(str(tmp_path / "all.csv"), "csv", include_all=True) == 3
    with open(tmp_path / "events.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["cameo"] == "040" and rows[0]["source_code"] == "NORGOV"
    assert rows[0]["sentence_text"] == "Ministers met in Oslo."
    lines = (tmp_path / "events.jsonl").read_text().splitlines()
    assert json.loads(lines[0])["plover_event"] == "CONSULT"
    parquet = duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path / 'events.parquet'}')").fetchone()
    assert parquet == (2,)


def test_store_refuses_newer_schema(db: str) -> None:
    with Store(db) as store:
        store.con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError) as info:
        Store(db)
    assert info.value.code == "E201" and db in str(info.value)


def test_store_refuses_foreign_database(db: str) -> None:
    con = duckdb.connect(db)
    con.execute("CREATE TABLE something (x INTEGER)")
    con.close()
    with pytest.raises(StoreError) as info:
        Store(db)
    assert info.value.code == "E204"


def test_store_read_only_missing_file(db: str) -> None:
    with pytest.raises(StoreError) as info:
        Store(db, read_only=True)
    assert info.value.code == "E203" and "dateline ingest" in str(info.value)


def test_store_migrates_old_file(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.store as store_module

    current = store_module.MIGRATIONS
    monkeypatch.setattr(store_module, "MIGRATIONS", current[:1])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 1)
    with Store(db) as store:  # a file made by the first release
        store.con.execute("INSERT INTO events (article_id, idx, trigger) VALUES ('a1', 0, 'met')")
        assert "evidence" not in [r[0] for r in store.con.execute("DESCRIBE events").fetchall()]
    extra = "ALTER TABLE events ADD COLUMN later_column DOUBLE;"
    monkeypatch.setattr(store_module, "MIGRATIONS", (*current, extra))
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", len(current) + 1)
    with Store(db) as store:
        assert store.schema_version() == len(current) + 1
        cols = [r[0] for r in store.con.execute("DESCRIBE events").fetchall()]
        assert "evidence" in cols and "later_column" in cols  # every migration ran, in order
        assert store.counts()["events"] == 1  # data kept


def test_store_record_is_not_mutated(db: str) -> None:
    record = make_record()
    before = copy.deepcopy(record)
    with Store(db) as store:
        store.write([record])
    assert record == before


def test_store_event_evidence_column(db: str) -> None:
    record = make_record(events=2)
    record["events"][0]["evidence"] = {"kind": "later_mention", "sentence": 3, "span": [40, 52], "text": "the talks"}
    record["events"][0]["source"] = dict(record["events"][0]["source"] or {"text": "x", "code": None, "country": None,
                                                                            "sector": None}, evidence="uaf")
    with Store(db) as store:
        store.write([record])
        rows = store.con.execute("SELECT idx, evidence FROM events ORDER BY idx").fetchall()
    first = json.loads(rows[0][1])
    assert first["event"]["kind"] == "later_mention" and first["source"] == "uaf" and "target" not in first
    assert rows[1][1] is None  # nothing beyond the sentence's parse


def test_store_event_ids_are_stored_and_backfilled_on_migration(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """events.id holds the record's stable id; a file from before schema 3 gets the same ids in SQL."""
    import dateline.store as store_module
    from dateline.ids import event_ids

    record = make_record(events=3)
    record["events"][1]["target"] = {"text": "Iceland", "code": "ISL", "country": "ISL", "sector": None}
    expected = event_ids(record["article"]["id"], record["provenance"]["coder"], record["events"])
    for ev, event_id in zip(record["events"], expected):
        ev["id"] = event_id
    with Store(db) as store:
        store.write([record])
        assert [r[0] for r in store.con.execute("SELECT id FROM events ORDER BY idx").fetchall()] == expected
    old = str(Path(db).with_name("old.duckdb"))
    current = store_module.MIGRATIONS
    monkeypatch.setattr(store_module, "MIGRATIONS", current[:2])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 2)
    full_row = store_module._event_row  # schema 2 rows had none of the last four columns (id, confidence, counted, background)
    monkeypatch.setattr(store_module, "_event_row", lambda *a: full_row(*a)[:-4])
    with Store(old) as store:
        store.write([record])
    monkeypatch.setattr(store_module, "MIGRATIONS", current)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", len(current))
    with Store(old) as store:
        got = [r[0] for r in store.con.execute("SELECT id FROM events ORDER BY idx").fetchall()]
    assert got == expected and len(set(got)) == 3



@pytest.mark.issue(15)
def test_store_surrogates_cost_nothing(db: str) -> None:
    """A lone surrogate made DuckDB fail fatally inside the batch; now it is replaced, and all land."""
    bad = make_record("bbbbbbbbbbbbbbbb")
    bad["article"]["headline"] = "Talks\ud800"
    bad["article"]["metadata"] = {"note\udc00": ["x\udfff"]}
    bad["provenance"]["source"] = "caf\udce9.jsonl"  # an undecodable byte in a file name
    records = [make_record("aaaaaaaaaaaaaaaa"), bad, make_record("cccccccccccccccc")]
    with Store(db) as store:
        result = store.write(records, [Rejection("x\udcff.txt", None, "E004", "empty \ud800")])
        assert (result.stored, result.rejected) == (3, 1)
        headline = store.con.execute("SELECT headline FROM articles WHERE id = 'bbbbbbbbbbbbbbbb'").fetchone()
        assert headline == ("Talks\ufffd",)
        assert store.con.execute("SELECT source FROM rejected").fetchone() == ("x\ufffd.txt",)
    assert bad["article"]["headline"] == "Talks\ud800"  # the caller's record is not changed


@pytest.mark.issue(15)
@pytest.mark.parametrize("raw", [False, True])
def test_store_csv_export_neutralises_formulas(db: str, tmp_path: Path, raw: bool) -> None:
    record = make_record()
    record["events"][0]["trigger"] = "=HYPERLINK(\"http://x.invalid\")"
    record["events"][0]["source"]["text"] = "@SUM(A1)"
    record["article"]["body"] = "-2+3 met in Oslo town. They agreed to talk again."
    with Store(db) as store:
        store.write([record])
    out = tmp_path / "e.csv"
    with Store(db, read_only=True) as store:
        assert store.export_events(str(out), "csv", raw_csv=raw) == 1
    with open(out, encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    prefix = "" if raw else "'"
    assert row["trigger"] == prefix + '=HYPERLINK("http://x.invalid")'
    assert row["source_text"] == prefix + "@SUM(A1)"
    assert row["sentence_text"] == prefix + "-2+3 met in Oslo town."
    assert row["cameo"] == "040" and row["negated"] == "false" and row["lat"] == "59.9"
    jsonl = tmp_path / "e.jsonl"
    with Store(db, read_only=True) as store:
        store.export_events(str(jsonl), "jsonl")
    assert json.loads(jsonl.read_text())["trigger"] == '=HYPERLINK("http://x.invalid")'  # JSON stays raw


def test_csvsafe_neutralise_rule() -> None:
    from dateline.csvsafe import csv_rows, neutralise

    assert [neutralise(v) for v in ["=1+1", "+1", "-x", "@a", "\tx", "\rx", "a=b", "", -3, None, 2.5]] == [
        "'=1+1", "'+1", "'-x", "'@a", "'\tx", "'\rx", "a=b", "", -3, None, 2.5]
    assert list(csv_rows([("=a", True, None)])) == [["'=a", "true", None]]
    assert list(csv_rows([("=a", False)], raw=True)) == [["=a", "false"]]


@pytest.mark.issue(15)
def test_store_cli_csv_to_stdout_neutralises_formulas(db: str) -> None:
    from click.testing import CliRunner

    from dateline.cli import cli

    record = make_record()
    record["events"][0]["trigger"] = "=cmd|' /C calc'!A0"
    with Store(db) as store:
        store.write([record])
    safe = CliRunner().invoke(cli, ["events", "--db", db, "--format", "csv"])
    raw = CliRunner().invoke(cli, ["events", "--db", db, "--format", "csv", "--raw-csv"])
    assert safe.exit_code == 0 and raw.exit_code == 0
    assert next(csv.DictReader(safe.output.splitlines()))["trigger"] == "'=cmd|' /C calc'!A0"
    assert next(csv.DictReader(raw.output.splitlines()))["trigger"] == "=cmd|' /C calc'!A0"


def test_store_background_is_stored_not_exported(db: str, tmp_path: Path) -> None:
    """events.background holds the record's flag (null for a record without it); the exports keep
    their columns."""
    record = make_record(events=2)
    record["events"][0]["background"] = True
    with Store(db) as store:
        store.write([record])
        rows = store.con.execute("SELECT idx, background FROM events ORDER BY idx").fetchall()
        columns, _ = store.events()
    assert rows == [(0, True), (1, None)]
    assert "background" not in columns and "modality" in columns


def test_store_takes_columns_null_in_thousands_of_rows(db: str) -> None:
    """Session 45: DuckDB cannot scan an object array of 2,000 or more None; an article with that many quotes
    (a column such as the speaker null in each) lost its batch's transaction and then itself (E012)."""
    record = make_record()
    quote = record["quotes"][0]
    record["quotes"] = [dict(quote, span=[38, 48 - i % 5]) for i in range(2500)]
    with Store(db) as store:
        result = store.write([record])
        assert (result.stored, result.rejected) == (1, 0)
        assert store.counts()["quotes"] == 2500 and store.counts()["rejected"] == 0


def test_store_unwritable_path_is_e206_not_a_lock(tmp_path: Path) -> None:
    """Session 45: a --db in a missing or read-only folder said "Is another process writing to it?" (E202)."""
    with pytest.raises(StoreError) as info:
        Store(str(tmp_path / "no such folder" / "x.duckdb"))
    assert info.value.code == "E206" and "folder exists" in str(info.value)


def test_store_writer_says_it_waits_for_a_lock(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
                                               db: str) -> None:
    """A writer waiting for another process's lock says so at once, not after two silent minutes."""
    from dateline import store as store_module

    calls = []

    def locked(path: str, read_only: bool = False) -> Any:
        calls.append(path)
        raise duckdb.IOException('IO Error: Could not set lock on file "x": Conflicting lock is held in python (PID 1)')

    monkeypatch.setattr(store_module.duckdb, "connect", locked)
    with pytest.raises(duckdb.IOException):
        store_module.connect(db, wait=0.05)
    assert "waiting" not in caplog.text  # a short wait (dateline serve's readers) stays quiet
    monkeypatch.setattr(store_module, "ANNOUNCE_WAIT", 0.05)
    with pytest.raises(duckdb.IOException):
        store_module.connect(db, wait=0.1)
    assert caplog.text.count("another process holds the database; waiting up to") == 1


def test_store_whitespace_class_is_pythons_whitespace() -> None:
    # the migration trims in SQL what record.sentence_offsets trims with str.rstrip: one definition of a space
    import re

    from dateline.store import WHITESPACE_CLASS

    spaces = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    ranges = re.findall(r"\\x\{([0-9a-f]+)\}(?:-\\x\{([0-9a-f]+)\})?", WHITESPACE_CLASS)
    listed = {chr(c) for lo, hi in ranges for c in range(int(lo, 16), int(hi or lo, 16) + 1)}
    assert listed == spaces and len(spaces) == 29
    con = duckdb.connect()
    text = "Kenya thanked Uganda." + "".join(sorted(spaces))
    assert con.execute(f"SELECT regexp_replace(?, '{WHITESPACE_CLASS}+$', '')", [text]).fetchone()[0] == text.rstrip()


def test_store_sentences_stored_with_trailing_whitespace_are_trimmed_when_the_file_is_opened(
        db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # a file of 0.11.0 holds spaCy's paragraph break at the end of a paragraph's last sentence (walk48)
    import dateline.store as store_module

    record = make_record()
    body = "Ministers met in Oslo.\n\nThey agreed to talk again.\u00a0"
    record["article"]["body"] = body
    record["sentences"] = [{"index": 0, "start": 0, "end": 24}, {"index": 1, "start": 24, "end": len(body)}]
    record["quotes"][0]["span"] = [39, 49]
    current = store_module.MIGRATIONS
    monkeypatch.setattr(store_module, "MIGRATIONS", current[:-1])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", len(current) - 1)
    with Store(db) as store:
        store.write([record])
        assert store.con.execute("SELECT text FROM sentences ORDER BY idx").fetchall()[0] == ("Ministers met in Oslo.\n\n",)
        store.con.execute("DELETE FROM fused_event_mentions")  # so that the test sees fusion run again
        store.con.execute("DELETE FROM fused_events")
    monkeypatch.setattr(store_module, "MIGRATIONS", current)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", len(current))
    with Store(db, read_only=True) as store:
        assert store.schema_version() == len(current)
        rows = store.con.execute("SELECT start_char, end_char, text FROM sentences ORDER BY idx").fetchall()
        assert rows == [(0, 22, "Ministers met in Oslo."), (24, 50, "They agreed to talk again.")]
        assert all(body[start:end] == text for start, end, text in rows)
        assert store.con.execute("SELECT count(*) FROM fused_event_mentions").fetchone()[0] == 1  # fused again
