"""Issue 13 (session 46): every surface agrees on one definition. A corrected event is the same row wherever it is
read (its derived columns follow the correction), an event is placed on one day by `dateline counts`, the exports and
the server, `--min-confidence` selects the same mentions in the events export, the fused exports and the counts, and
an event id with a suffix can be read and reviewed over HTTP. Hand-built records (test_store.make_record)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.exports import counts, export_rows
from dateline.store import Store
from test_store import make_record


def _record(article_id: str, published: str, *events: dict[str, Any]) -> dict[str, Any]:
    rec = make_record(article_id, events=len(events))
    rec["article"]["published"] = published
    rec["events"] = [dict(rec["events"][i], **changes) for i, changes in enumerate(events)]
    return rec


def _client_get(db: str, path: str, *, token: str | None = None, post: dict[str, Any] | None = None) -> httpx.Response:
    from dateline.serve.app import create_app

    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=create_app(db, token=token))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            if post is not None:
                return await client.post(path, json=post, headers={"Authorization": f"Bearer {token}"})
            return await client.get(path)
    return asyncio.run(call())


def _events(db: str, *extra: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, ["events", "--db", db, "--format", "jsonl", *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_a_correction_brings_the_columns_that_follow_it(tmp_path: Path) -> None:
    """A corrected code brings its PLOVER mode and its sector, a corrected date its granularity (so the exports' day is
    the corrected day), a corrected place its country and point; every surface reads the same corrected row."""
    db = str(tmp_path / "c.duckdb")
    month = {"date": {"value": "2025-02", "granularity": "month", "source": "text"}}
    with Store(db) as store:
        store.write([_record("a" * 16, "2025-03-14", month)])
        event_id = store.con.execute("SELECT id FROM events").fetchone()[0]
        review = store.add_review(event_id, verdict="corrected", corrections={
            "cameo": "042", "target_code": "ISLMIL", "date_value": "2025-02-20", "location_name": "Reykjavik"})
        assert (review["plover_mode"], review["target_sector"], review["date_granularity"]) == ("visit", "MIL", "day")
        assert review["location_country"] == "ISL" and review["lat"] is not None
        with pytest.raises(Exception, match="date_value"):
            store.add_review(event_id, verdict="corrected", corrections={"date_value": "2025-13"})
    (row,) = _events(db)
    assert (row["cameo"], row["plover_event"], row["plover_mode"]) == ("042", "CONSULT", "visit")
    assert (row["target_code"], row["target_country"], row["target_sector"]) == ("ISLMIL", "ISL", "MIL")
    assert (row["date_value"], row["date_granularity"], row["date_first"]) == ("2025-02-20", "day", None)
    assert (row["location_name"], row["location_country"]) == ("Reykjavik", "ISL")
    with Store(db) as store:
        (fused,) = export_rows(store)
        (mention,) = export_rows(store, mentions=True)
        _, by_day = counts(store, ["day"], "none")
    assert fused["plover_mode"] == mention["plover_mode"] == "visit"
    assert fused["location_country"] == mention["location_country"] == "ISL"
    assert by_day == [("2025-02-20", 1, 1)]  # the corrected day, not the report's
    served = _client_get(db, f"/api/events?reviewed=true&date_from=2025-02-20&date_to=2025-02-20").json()
    assert [r["id"] for r in served["rows"]] == [event_id]
    assert {k: served["rows"][0][k] for k in ("plover_mode", "target_sector", "location_country")} == {
        "plover_mode": "visit", "target_sector": "MIL", "location_country": "ISL"}
    # a code corrected to one with no PLOVER type and no country: neither is the coder's any more
    with Store(db) as store:
        store.add_review(event_id, verdict="corrected", corrections={"cameo": "010", "source_code": "GOV"})
    (row,) = _events(db)
    assert (row["plover_event"], row["source_country"], row["source_sector"]) == (None, None, "GOV")


def test_a_review_stored_before_the_derived_columns_gets_them_when_the_file_is_opened(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.store as store_module

    db = str(tmp_path / "old.duckdb")
    with Store(db) as store:
        store.write([_record("b" * 16, "2025-03-14", {})])
        event_id = store.con.execute("SELECT id FROM events").fetchone()[0]
        store.add_review(event_id, verdict="corrected", corrections={"cameo": "042"})
        # as the previous version left it: the review without the columns that follow it
        store.con.execute("UPDATE reviews SET plover_mode = NULL, plover_event = 'CONSULT'")
        store.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                          [str(store_module.MIGRATIONS.index(store_module._V_REVIEW_DERIVED))])
    with Store(db, read_only=True) as store:  # a reader brings it up to date first
        assert store.schema_version() == store_module.SCHEMA_VERSION
    (row,) = _events(db)
    assert row["plover_mode"] == "visit"


def test_counts_exports_and_server_place_an_event_on_one_day(tmp_path: Path) -> None:
    """An event dated only to a month or a year is placed on its first report's day everywhere (it used to go to the
    first day of its range on the server's timeline and date filters)."""
    db = str(tmp_path / "d.duckdb")
    year = {"date": {"value": "2019", "granularity": "year", "source": "text"}}
    with Store(db) as store:
        store.write([_record("c" * 16, "2025-03-14", year)])
        _, by_month = counts(store, ["month"], "none", mentions=True)
        (row,) = export_rows(store)
    assert by_month == [("2025-03", 1, 1)]
    from dateline.exports import plover_json

    assert plover_json(row)["date"] == "2025-03-14"
    served = _client_get(db, "/api/counts?by=month&asserted=true&reviewed=true").json()["rows"]
    assert [(r["period"][:7], r["n"]) for r in served] == [("2025-03", 1)]
    assert _client_get(db, "/api/events?date_from=2019-01-01&date_to=2019-12-31").json()["count"] == 0


def test_min_confidence_selects_the_same_mentions_in_every_export_and_count(tmp_path: Path) -> None:
    """Two reports of one meeting, one below the user's threshold: the fused row at that threshold is made of the
    mention `dateline events --min-confidence` keeps, and its counts say one mention."""
    db = str(tmp_path / "m.duckdb")
    iceland = {"text": "Iceland", "code": "ISLGOV", "country": "ISL", "sector": "GOV"}
    with Store(db) as store:
        store.write([_record("d" * 16, "2025-03-14", {"confidence": 0.9, "target": iceland}),
                     _record("e" * 16, "2025-03-14", {"confidence": 0.3, "target": iceland})])
        (everything,) = export_rows(store)
        (fused,) = export_rows(store, min_confidence=0.5)
        mentions = export_rows(store, mentions=True, min_confidence=0.5)
        _, rows = counts(store, ["day"], "none", min_confidence=0.5)
    assert everything["n_mentions"] == 2
    kept = [r["id"] for r in _events(db, "--min-confidence", "0.5")]
    assert fused["n_mentions"] == 1 and list(fused["mention_ids"]) == kept == [m["id"] for m in mentions]
    assert rows == [("2025-03-13", 1, 1)]
    result = CliRunner().invoke(cli, ["counts", "--db", db, "--by", "day", "--type", "none", "--min-confidence", "0.5"])
    assert result.exit_code == 0 and result.output.splitlines()[1:] == ["2025-03-13,1,1"]
    served = _client_get(db, "/api/aggregate?by=day&type=none&min_confidence=0.5").json()["rows"]
    assert served == [{"day": "2025-03-13", "events": 1, "mentions": 1}]


def test_an_event_id_with_a_suffix_is_read_and_reviewed_over_http(tmp_path: Path) -> None:
    """Two mentions the coder emitted alike get ids ``X`` and ``X-2`` (dateline.ids); the API takes both."""
    db = str(tmp_path / "s.duckdb")
    record = _record("f" * 16, "2025-03-14", {}, {})
    record["events"][1]["span"] = record["events"][0]["span"]  # one trigger coded twice alike
    with Store(db) as store:
        store.write([record])
        ids = sorted(r[0] for r in store.con.execute("SELECT id FROM events").fetchall())
    assert ids[1] == ids[0] + "-2"
    assert _client_get(db, f"/api/events/{ids[1]}").json()["event"]["id"] == ids[1]
    got = _client_get(db, "/api/reviews", token="t", post={"event_id": ids[1], "verdict": "wrong"})
    assert got.status_code == 201, got.text
    assert [r["id"] for r in _events(db)] == [ids[0]]


def test_pages_say_what_they_count(tmp_path: Path) -> None:
    db = str(tmp_path / "p.duckdb")
    with Store(db) as store:
        store.write([_record("ab" * 8, "2025-03-14", {})])
    home = _client_get(db, "/").text
    assert 'href="/events?asserted=true&amp;reviewed=true"' in home
    for path in ("/events", "/timeline", "/dyads", "/map"):
        assert 'data-scope="all"' in _client_get(db, path).text, path
        assert 'data-scope="counted"' in _client_get(db, path + "?asserted=true&reviewed=true").text, path


def test_a_chart_piece_links_to_exactly_its_events_or_to_none() -> None:
    """A timeline piece links to its period and its stack value; a piece with no value ("(none)") has no link, since
    the period's events without the filter would not be its count."""
    from dateline.serve.app import _stacked_bars

    rows = [{"period": "2025-03-01", "key": "CONSULT", "n": 2}, {"period": "2025-03-01", "key": None, "n": 1}]
    chart = _stacked_bars(rows, by="month", stack="plover_event", params={"asserted": "true"})
    links = {b["title"]: b["href"] for b in chart["bars"]}
    assert links["2025-03-01 (none): 1"] is None
    assert links["2025-03-01 CONSULT: 2"] == ("/events?asserted=true&date_from=2025-03-01&date_to=2025-03-31"
                                              "&plover_event=CONSULT")
