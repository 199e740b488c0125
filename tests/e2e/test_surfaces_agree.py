"""Issue 13: every surface agrees on one definition (session 46, surfaces46).

Three short articles written for this test (two outlets report one meeting; one article has no date) are coded by
`dateline extract` and stored by `dateline ingest` into a real DuckDB file; `dateline serve --allow-review` serves it,
and a headless Chromium marks two mentions wrong and corrects one on the events page. Before and after, the same
quantities are read through every surface and must agree: the counted mentions (`dateline events`, `/api/events`,
the mention exports, `dateline counts --mentions`, `/api/aggregate`, the DuckDB file), the fused events (the four
export formats, `dateline counts`, `/api/aggregate`, `fused_events`), the counts by dyad x month and by CAMEO root
(`/api/counts`, which the charts read, counts mentions and leaves out undated events: docs/serve.md), one article's
events, one corrected event's fields, and `--min-confidence`.
"""

from __future__ import annotations

import collections
import csv
import io
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from test_serve import CHROMIUM, DATELINE, Server

pytestmark = pytest.mark.e2e

ARTICLES = [
    {"id": "north-1", "date": "2025-03-14", "source": "Northern Post", "title": "Norway and Iceland talk fish",
     "text": "Norway and Iceland talk fish\n\nOSLO - Norwegian Foreign Minister Espen Barth Eide met Icelandic Foreign "
             "Minister Thorgerdur Gunnarsdottir in Oslo on Thursday to discuss mackerel quotas. Last October, Norway "
             "accused Britain of setting its own quota unilaterally."},
    {"id": "harbour-1", "date": "2025-03-14", "source": "Harbour Daily", "title": "Oslo hosts Reykjavik",
     "text": "Oslo hosts Reykjavik\n\nOSLO - Norwegian Foreign Minister Espen Barth Eide met Icelandic Foreign "
             "Minister Thorgerdur Gunnarsdottir in Oslo on Thursday for talks on mackerel quotas, officials said. "
             "Britain rejected Norway's demand for a smaller catch on Wednesday."},
    {"id": "lake-1", "source": "Lakeside Times", "title": "Kenya protests",
     "text": "Kenya protests\n\nNAIROBI - Kenya summoned Uganda's ambassador over the border dispute. Kenya's foreign "
             "ministry condemned the Ugandan army's incursion into Busia county."},
]
#: What a reviewer corrects on the page (every field the form has but the code's sides).
CORRECTION = {"cameo": "111", "target_code": "GBRGOV", "date_value": "2024-10-20", "location_name": "London"}
#: The fields of one event every surface must give alike.
FIELDS = ("cameo", "plover_event", "plover_mode", "source_code", "source_country", "source_sector", "target_code",
          "target_country", "target_sector", "date_value", "date_granularity", "location_name", "location_country",
          "lat", "lon", "confidence")


def _cli(*args: str) -> str:
    result = CliRunner().invoke(_main(), list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _main() -> Any:
    from dateline.cli import cli

    return cli


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _lines(path: Path, header: bool) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[1:] if header else lines


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[dict[str, Any]], Server]]:
    """The store (ingested), the records `dateline extract` printed for the same input, and a server on the store."""
    tmp = tmp_path_factory.mktemp("surfaces")
    inputs, db = tmp / "in.jsonl", tmp / "s.duckdb"
    inputs.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    # the two processes that load the model run side by side
    extract = subprocess.Popen([*DATELINE, "extract", str(inputs), "--format", "jsonl", "--workers", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ingest = subprocess.run([*DATELINE, "ingest", str(inputs), "--db", str(db), "--workers", "1"],
                            capture_output=True, text=True, timeout=300, check=False)
    out, err = extract.communicate(timeout=300)
    assert ingest.returncode == 0 and extract.returncode == 0, ingest.stderr + err
    records = [json.loads(line) for line in out.splitlines()]
    srv = Server(db, "--allow-review")
    yield db, records, srv
    srv.stop()


def surfaces(db: Path, srv: Server, tmp: Path) -> dict[str, Any]:
    """Every surface's answer to the same questions."""
    got: dict[str, Any] = {}
    http = srv.http
    events = _csv(_cli("events", "--db", str(db)))
    got["mentions"] = {
        "dateline events": len(events),
        "/api/events?asserted&reviewed": http.get("/api/events", params={"asserted": "true", "reviewed": "true"}).json()["count"],
        "counts --mentions": sum(int(r["events"]) for r in _csv(_cli("counts", "--db", str(db), "--mentions", "--by", "root", "--type", "none"))),
        "/api/aggregate mentions": sum(r["events"] for r in http.get("/api/aggregate", params={"by": "root", "type": "none", "mentions": "true"}).json()["rows"]),
    }
    fused: dict[str, int] = {}
    for fmt in ("gdelt", "icews", "polecat", "plover-json"):
        for mentions in (False, True):
            out = tmp / f"{fmt}{mentions}.out"
            _cli("export", "--db", str(db), "--format", fmt, "--out", str(out), *(["--mentions"] if mentions else []))
            rows = _lines(out, header=fmt in ("icews", "polecat"))
            if mentions:
                got["mentions"][f"export {fmt} --mentions"] = len(rows)
            else:
                fused[f"export {fmt}"] = len(rows)
                if fmt == "plover-json":
                    got["plover"] = [json.loads(r) for r in rows]
    counts = _csv(_cli("counts", "--db", str(db), "--by", "dyad,month", "--type", "root"))
    fused["counts"] = sum(int(r["events"]) for r in counts)
    aggregate = http.get("/api/aggregate", params={"by": "dyad,month", "type": "root"}).json()["rows"]
    fused["/api/aggregate"] = sum(r["events"] for r in aggregate)
    con = duckdb.connect(str(db), read_only=True)  # the file itself (the server holds it only during a request)
    try:
        got["mentions"]["fused_event_mentions"] = con.execute("SELECT count(*) FROM fused_event_mentions").fetchone()[0]
        fused["fused_events"] = con.execute("SELECT count(*) FROM fused_events").fetchone()[0]
    finally:
        con.close()
    got["fused"] = fused
    # dyad x month x root: `dateline counts` = /api/aggregate = the plover-json rows counted by hand
    key = ("source_country", "target_country", "month", "cameo_root")
    got["dyad_month"] = {
        "counts": sorted((tuple(r[k] or "" for k in key), int(r["events"])) for r in counts),
        "/api/aggregate": sorted((tuple(r[k] or "" for k in key), r["events"]) for r in aggregate),
        "plover-json": sorted(collections.Counter(((p["actor"] or {}).get("country") or "",
                                                   (p["recipient"] or {}).get("country") or "",
                                                   (p["date"] or "")[:7], p["cameo"][:2]) for p in got["plover"]).items()),
    }
    # mentions by month and by root: `dateline counts --mentions` and the charts' /api/counts (dated events only)
    by_month = _csv(_cli("counts", "--db", str(db), "--mentions", "--by", "month,root", "--type", "none"))
    flt = {"asserted": "true", "reviewed": "true"}
    chart = http.get("/api/counts", params={"by": "month", "stack": "cameo_root", **flt}).json()["rows"]
    got["month_root"] = {
        "counts --mentions": sorted(((r["month"], r["cameo_root"]), int(r["events"])) for r in by_month if r["month"]),
        "/api/counts": sorted(((r["period"][:7], r["key"]), r["n"]) for r in chart),
    }
    got["undated"] = sum(int(r["events"]) for r in by_month if not r["month"])
    dyads = _csv(_cli("counts", "--db", str(db), "--mentions", "--by", "dyad", "--type", "none"))
    got["dyad"] = {
        "counts --mentions": sorted(((r["source_country"], r["target_country"]), int(r["events"])) for r in dyads
                                    if r["source_country"] and r["target_country"]),
        "/api/counts": sorted(((r["source"], r["target"]), r["n"]) for r in http.get("/api/counts", params={"by": "dyad", **flt}).json()["rows"]),
    }
    # --min-confidence: the same mentions in the events export, the API, the mention and fused exports and the counts
    for x in ("0.5", "0.85"):
        kept = sorted(r["id"] for r in _csv(_cli("events", "--db", str(db), "--min-confidence", x)))
        api = http.get("/api/events", params={**flt, "confidence_min": x}).json()["rows"]
        out = tmp / "mc.json"
        _cli("export", "--db", str(db), "--format", "plover-json", "--min-confidence", x, "--out", str(out))
        from_fused = sorted(m for line in _lines(out, header=False) for m in json.loads(line)["mentions"])
        _cli("export", "--db", str(db), "--format", "plover-json", "--mentions", "--min-confidence", x, "--out", str(out))
        from_mentions = sorted(json.loads(line)["id"] for line in _lines(out, header=False))
        counted = sum(int(r["mentions"]) for r in _csv(_cli("counts", "--db", str(db), "--min-confidence", x, "--by", "root")))
        got[f"min {x}"] = {"events": kept, "api": sorted(r["id"] for r in api), "fused": from_fused,
                           "mentions": from_mentions, "counts": counted == len(kept)}
    got["events"] = {r["id"]: r for r in events}
    return got


def agree(got: dict[str, Any]) -> None:
    for name in ("mentions", "fused", "dyad_month", "month_root", "dyad"):
        values = list(got[name].values())
        assert all(v == values[0] for v in values), (name, got[name])
    for name in ("min 0.5", "min 0.85"):
        sel = got[name]
        assert sel["events"] == sel["api"] == sel["fused"] == sel["mentions"] and sel["counts"], (name, sel)


def test_every_surface_agrees_before_and_after_reviews_in_the_browser(
        coded: tuple[Path, list[dict[str, Any]], Server], tmp_path: Path) -> None:
    db, records, srv = coded
    before = surfaces(db, srv, tmp_path)
    agree(before)
    # `dateline extract` codes what `dateline ingest` stores: the same events, ids, counted flags and fields
    extracted = {e["id"]: e for r in records for e in r["events"]}
    stored = {r["id"]: r for r in _csv(_cli("events", "--db", str(db), "--all", "--raw"))}
    assert set(extracted) == set(stored)
    assert {i for i, e in extracted.items() if e["counted"]} == set(before["events"])
    for event_id, e in extracted.items():
        row = stored[event_id]
        assert (e["cameo"], (e["source"] or {}).get("code"), (e["target"] or {}).get("code"), e["date"]["value"]) == (
            row["cameo"], row["source_code"] or None, row["target_code"] or None, row["date_value"] or None)
    assert before["mentions"]["dateline events"] >= 6 and before["fused"]["counts"] < before["mentions"]["dateline events"]
    assert before["undated"] >= 2  # the undated article's events: in `dateline counts`' empty month, not on the charts

    # the reviews, on the events page of a real browser
    meeting = sorted(i for i, e in extracted.items() if e["cameo"] == "040" and e["date"]["value"] == "2025-03-13")
    undated = sorted(i for i, e in extracted.items() if e["counted"] and e["date"]["value"] is None)
    month = next(i for i, e in extracted.items() if e["date"]["granularity"] == "month" and e["counted"])
    wrong = [meeting[1], undated[0]]
    _review_in_browser(srv, wrong, month)

    after = surfaces(db, srv, tmp_path)
    agree(after)
    n = before["mentions"]["dateline events"]
    assert after["mentions"]["dateline events"] == n - 2
    assert after["fused"]["counts"] == before["fused"]["counts"] - 1  # the meeting stays, with one mention
    # the corrected event: the same fields in the events export, the API (list and one event) and the exports
    row = after["events"][month]
    assert {k: row[k] for k in ("cameo", "target_code", "date_value", "location_name")} == CORRECTION
    assert (row["date_granularity"], row["target_sector"], row["location_country"]) == ("day", "GOV", "GBR")
    listed = next(r for r in srv.http.get("/api/events", params={"reviewed": "true", "article_id": row["article_id"]}).json()["rows"]
                  if r["id"] == month)
    one = srv.http.get(f"/api/events/{month}").json()["reviewed"]
    (pj,) = [p for p in after["plover"] if month in p["mentions"]]
    for field in FIELDS:
        assert str(listed[field] if listed[field] is not None else "") == row[field] == str(
            one[field] if one[field] is not None else ""), field
    assert (pj["cameo"], pj["mode"], pj["recipient"]["code"], pj["recipient"]["sector"], pj["date"],
            pj["location"]["country"]) == ("111", row["plover_mode"] or None, "GBRGOV", "GOV", "2024-10-20", "GBR")
    # one article's events: the page, the article API, the events API, `dateline events`
    article_id = row["article_id"]
    page_cards, page_counted = _article_page(srv, article_id)
    coded_here = [e for r in records if r["article"]["id"] == article_id for e in r["events"]]
    assert page_cards == len(coded_here) == len(srv.http.get(f"/api/articles/{article_id}").json()["events"])
    assert page_counted == srv.http.get("/api/events", params={"article_id": article_id, "asserted": "true", "reviewed": "true"}).json()["count"] == sum(
        1 for r in after["events"].values() if r["article_id"] == article_id)


def _review_in_browser(srv: Server, wrong: list[str], corrected: str) -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is absent: install Debian's chromium (.ci/run does: apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        ctx = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                    args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        try:
            page = ctx.new_page()
            page.goto(srv.url + "/login")
            page.fill("input[name=token]", srv.token or "")
            page.fill("input[name=reviewer]", "surfaces test")
            page.click("form.login button")
            page.wait_for_url(re.compile(r"/events$"))
            for event_id in [*wrong, corrected]:
                page.goto(srv.url + "/events?asserted=true&reviewed=true")
                row = page.locator(f"tbody.event[data-event-id='{event_id}']")
                row.locator("tr.summary td").nth(3).click()
                if event_id in wrong:
                    row.locator("button.bad").click()
                else:
                    row.locator("details summary").click()
                    for name, value in CORRECTION.items():
                        row.locator(f"input[name={name}]").fill(value)
                    row.locator("button[value=corrected]").click()
                page.wait_for_load_state()
            page.goto(srv.url + "/events?asserted=true&reviewed=true")
            assert page.locator(f"tbody.event[data-event-id='{corrected}'] .badge").inner_text() == "corrected"
            for event_id in wrong:
                assert page.locator(f"tbody.event[data-event-id='{event_id}']").count() == 0
            assert page.locator("#scope").get_attribute("data-scope") == "counted"
        finally:
            ctx.close()


def _article_page(srv: Server, article_id: str) -> tuple[int, int]:
    """Event cards on the article page, and the counted events the page's 'counted, reviews applied' link lists."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        ctx = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                    args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        try:
            page = ctx.new_page()
            page.goto(srv.url + f"/articles/{article_id}")
            cards = page.locator(".event-card").count()
            page.goto(srv.url + f"/events?article_id={article_id}")
            page.locator("#scope a").click()
            page.wait_for_url(re.compile(r"asserted=true"))
            counted = int(page.inner_text("#event-count"))
        finally:
            ctx.close()
    return cards, counted
