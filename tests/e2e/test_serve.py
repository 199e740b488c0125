"""`dateline serve` end to end: a real uvicorn process on a database built by real ingests, its API
over HTTP, a headless Chromium on its pages, reviews, and an ingest writing while it serves."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import duckdb
import httpx
import pytest

from conftest import NEWS

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "build" / "screenshots"
DATELINE = [str(Path(sys.executable).with_name("dateline"))]
CHROMIUM = "/usr/bin/chromium"
#: An article whose text is markup: it must show as text and never run.
HOSTILE = {
    "id": "hostile-1", "date": "2025-01-10", "title": "Ministers <b>meet</b> in Paris",
    "text": "Ministers <b>meet</b> in Paris\n\nPARIS - French Foreign Minister Jean Dupont met German officials "
            "in Paris on Thursday <script>window.__xss = 1</script> to discuss trade. "
            "<img src=x onerror=\"window.__xss = 2\"> Germany accused France of delaying the talks.",
}
#: An invented article whose statement stays inside one state: asserted, not negated, and not counted (the rule gate
#: `domestic_statement`), so the store holds such an event with or without ../shared.
DOMESTIC = {
    "id": "domestic-1", "date": "2025-02-03", "title": "Kenya's parliament in recess",
    "text": "Kenya's parliament in recess\n\nNAIROBI - The Kenyan president said on Monday that the Kenyan parliament "
            "is in recess until March.",
}


def _run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*DATELINE, *args], capture_output=True, text=True, timeout=timeout, check=False)


def _news_lines(start: int, n: int) -> list[str]:
    """``n`` real articles from ../shared (none without it: the bundled sample still gives a real test)."""
    path = NEWS / "allsides_abp.jsonl"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        lines = [line for _, line in zip(range(start + n), fh)]
    return lines[start:start + n]


@pytest.fixture(scope="module")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store from real ingests: the bundled sample, the hostile article and a few real news records."""
    tmp = tmp_path_factory.mktemp("serve")
    db = tmp / "serve.duckdb"
    assert _run("demo", "--db", str(db)).returncode == 0
    inputs = tmp / "inputs.jsonl"
    inputs.write_text(json.dumps(HOSTILE) + "\n" + json.dumps(DOMESTIC) + "\n" + "".join(_news_lines(0, 5)),
                      encoding="utf-8")
    proc = _run("ingest", str(inputs), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return db


class Server:
    """`dateline serve` in a subprocess on a free port of 127.0.0.1."""

    def __init__(self, db: Path, *args: str) -> None:
        self.proc = subprocess.Popen([*DATELINE, "serve", "--db", str(db), "--port", "0", *args],
                                     stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.token: str | None = None
        self.url = ""
        deadline = time.monotonic() + 60
        assert self.proc.stderr is not None
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                raise AssertionError(f"dateline serve exited with {self.proc.wait()}")
            if m := re.search(r"(http://127\.0\.0\.1:\d+)/", line):
                self.url = m.group(1)
                if "--allow-review" not in args:
                    break
            if m := re.search(r"review token: (\S+)", line):
                self.token = m.group(1)
                break
        assert self.url, "dateline serve did not print its address"
        self.http = httpx.Client(base_url=self.url, timeout=30)
        self.drain = threading.Thread(target=self.proc.stderr.read, daemon=True)  # keep the pipe from filling
        self.drain.start()

    def stop(self) -> None:
        self.http.close()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.drain.join(timeout=5)
        assert self.proc.stderr is not None
        self.proc.stderr.close()


@pytest.fixture(scope="module")
def server(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = tmp_path_factory.mktemp("served") / "reviewed.duckdb"
    shutil.copy(built_db, db)
    srv = Server(db, "--allow-review")
    yield srv
    srv.stop()


def _error(resp: httpx.Response, status: int, code: str) -> dict:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["status"] == status
    assert body["error"]["message"]
    return body["error"]


# -- API ------------------------------------------------------------------------------------------


def test_serve_openapi_lists_the_api(server: Server) -> None:
    doc = server.http.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}",
                 "/api/actors", "/api/quotes", "/api/counts", "/api/reviews"):
        assert path in doc["paths"], path
    names = {p["name"] for p in doc["paths"]["/api/events"]["get"]["parameters"]}
    assert {"date_from", "source_country", "cameo_root", "plover_event", "q", "sort", "cursor", "format"} <= names


def test_serve_api_docs_page_offline(server: Server) -> None:
    resp = server.http.get("/api/docs")
    assert resp.status_code == 200 and "GET /api/events" in resp.text and "cameo_root" in resp.text
    for page in ("/", "/events", "/timeline", "/dyads", "/map", "/api/docs"):
        html = server.http.get(page).text
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), page  # nothing from another host


def test_serve_events_same_columns_as_export(server: Server, built_db: Path) -> None:
    proc = _run("events", "--db", str(built_db), "--all", "--raw", "--format", "csv")
    export = list(csv.reader(io.StringIO(proc.stdout)))
    export_header, export_rows = export[0], len(export) - 1
    resp = server.http.get("/api/events", params={"format": "csv", "limit": 100000})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    served = list(csv.reader(io.StringIO(resp.text)))
    # the export's columns in its order, then the rows' `outlet` and `sentence_start` (the JSON rows' and the Parquet
    # file's columns too: App.row_columns, walk48)
    assert served[0] == export_header + ["outlet", "sentence_start"] and len(served) - 1 == export_rows
    page = server.http.get("/api/events", params={"limit": 1}).json()
    assert page["count"] == export_rows > 10
    assert list(page["rows"][0]) == served[0]


def test_serve_csv_download_has_the_cells_of_dateline_events(tmp_path: Path) -> None:
    # the events page's "Download this filter: CSV" wrote Python's True/False and let a cell starting with = or @ reach
    # the spreadsheet as a formula; `dateline events` neutralises it (dateline.csvsafe) (walk47)
    db = tmp_path / "formula.duckdb"
    inputs = tmp_path / "formula.jsonl"
    inputs.write_text(json.dumps({
        "id": "formula-1", "date": "2025-02-03", "title": "Kenya accuses Uganda",
        "text": 'Kenya accuses Uganda\n\n=HYPERLINK("http://example.invalid","Kenya") Kenya accused Uganda on Monday '
                "of shelling the border.\n\n@Uganda rejected the accusation on Tuesday."}) + "\n", encoding="utf-8")
    assert _run("ingest", str(inputs), "--db", str(db)).returncode == 0
    proc = _run("events", "--db", str(db), "--all", "--raw", "--format", "csv")
    exported = list(csv.reader(io.StringIO(proc.stdout)))
    srv = Server(db)
    try:
        resp = srv.http.get("/api/events", params={"format": "csv", "limit": 100000})
    finally:
        srv.stop()
    served = list(csv.reader(io.StringIO(resp.text)))
    # the export's columns, then the page's own two (walk48: every format of a download has the same columns)
    assert served[0] == exported[0] + ["outlet", "sentence_start"] and len(served) > 2
    assert sorted(row[:-2] for row in served[1:]) == sorted(exported[1:])
    cells = [cell for row in served[1:] for cell in row]
    assert any(c.startswith("'=HYPERLINK") for c in cells) and "'@Uganda" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells) and "True" not in cells and "true" in cells


#: An invented article of several paragraphs, each ending on an act: spaCy ends a paragraph's last sentence after the
#: paragraph break (walk48).
PARAGRAPHS = {
    "id": "paragraphs-1", "date": "2025-02-03", "title": "Kenya and Uganda sign a border accord",
    "text": "Kenya and Uganda sign a border accord\n\nKenya signed a border accord with Uganda on Monday.\n\n"
            "The Ugandan president thanked Kenya for the talks. Kenya's foreign minister praised Uganda on Tuesday."
            "\n\nTanzania criticised the accord on Wednesday.\n\n",
}


def test_serve_sentences_end_at_their_last_character_everywhere(tmp_path: Path) -> None:
    # a paragraph's last sentence ended in "\n\n" (spaCy's whitespace token): every CSV cell of `sentence_text` had
    # a line break in it (267 of the walk's 433 rows); the events still sit in their sentences and are highlighted
    db = tmp_path / "paragraphs.duckdb"
    (tmp_path / "p.jsonl").write_text(json.dumps(PARAGRAPHS) + "\n", encoding="utf-8")
    assert _run("ingest", str(tmp_path / "p.jsonl"), "--db", str(db)).returncode == 0
    con = duckdb.connect(str(db), read_only=True)
    body = con.execute("SELECT body FROM articles").fetchone()[0]
    sentences = con.execute("SELECT idx, start_char, end_char, text FROM sentences ORDER BY idx").fetchall()
    events = con.execute("SELECT sentence, start_char, end_char, trigger FROM events").fetchall()
    con.close()
    assert "\n\n" in body and len(sentences) >= 4 and len(events) >= 3
    for _, start, end, text in sentences:
        assert text == body[start:end] == text.strip() and text
    bounds = {idx: (start, end) for idx, start, end, _ in sentences}
    for sentence, start, end, trigger in events:  # every trigger inside its own (trimmed) sentence
        assert bounds[sentence][0] <= start < end <= bounds[sentence][1] and body[start:end] == trigger
    proc = _run("events", "--db", str(db), "--all", "--raw", "--format", "csv")
    exported = list(csv.DictReader(io.StringIO(proc.stdout)))
    srv = Server(db)
    try:
        served = list(csv.DictReader(io.StringIO(
            srv.http.get("/api/events", params={"format": "csv", "limit": 100000}).text)))
        page = srv.http.get("/events", params={"asserted": "false"}).text + srv.http.get("/events").text
    finally:
        srv.stop()
    assert len(exported) == len(served) == len(events)
    for row in exported + served:
        assert "\n" not in row["sentence_text"] and row["sentence_text"] == row["sentence_text"].strip()
    shown = re.findall(r'<p class="sentence">(.*?)</p>', page, re.S)
    assert shown and all('m-trigger' in html and not html.endswith(("\n", " ")) for html in shown)


def test_serve_downloads_of_one_filter_have_the_same_columns_in_every_format(tmp_path: Path) -> None:
    # the events page's Parquet download had two columns more than its CSV (`outlet`, `sentence_start`, as the JSON
    # rows) (walk48): one list of columns, App.row_columns, in every format, with the same rows and values
    db = tmp_path / "formats.duckdb"
    (tmp_path / "f.jsonl").write_text(json.dumps(dict(PARAGRAPHS, outlet="Lakeside Courier")) + "\n", encoding="utf-8")
    assert _run("ingest", str(tmp_path / "f.jsonl"), "--db", str(db)).returncode == 0
    srv = Server(db)
    try:
        params = {"sort": "-trigger", "limit": 100000}
        served = {fmt: srv.http.get("/api/events", params=dict(params, format=fmt))
                  for fmt in ("csv", "parquet")}
        page = srv.http.get("/api/events", params={"sort": "-trigger", "limit": 1000}).json()
    finally:
        srv.stop()
    parquet = tmp_path / "events.parquet"
    parquet.write_bytes(served["parquet"].content)
    con = duckdb.connect()
    cur = con.execute(f"SELECT * FROM read_parquet('{parquet}')")
    parquet_columns, parquet_rows = [d[0] for d in cur.description], cur.fetchall()
    csv_rows = list(csv.reader(io.StringIO(served["csv"].text)))
    assert page["rows"] and len(page["rows"]) == len(parquet_rows) == len(csv_rows) - 1
    assert csv_rows[0] == parquet_columns == list(page["rows"][0])
    assert parquet_columns[-2:] == ["outlet", "sentence_start"]
    assert [r[parquet_columns.index("id")] for r in parquet_rows] == [r["id"] for r in page["rows"]]  # the same sort
    assert {r[parquet_columns.index("outlet")] for r in parquet_rows} == {"Lakeside Courier"}


def test_serve_names_the_site_of_a_page_whose_only_site_name_is_in_its_title(tmp_path: Path) -> None:
    # "Headline | The Lakeside Courier" and no og:site_name: no publication, no outlet anywhere (walk47, walk48)
    page = ("<!DOCTYPE html><html><head><title>Kenya and Uganda sign a border accord | The Lakeside Courier</title>"
            '<meta name="date" content="2025-02-03"></head><body><nav><a href="/">Home</a></nav><article>'
            "<h1>Kenya and Uganda sign a border accord</h1>"
            "<p>Kenya signed a border accord with Uganda on Monday after two days of talks in a lakeside town.</p>"
            "<p>The Ugandan president thanked Kenya for the talks and said the crossing would open within a month.</p>"
            "</article></body></html>")
    (tmp_path / "accord.html").write_text(page, encoding="utf-8")
    db = tmp_path / "page.duckdb"
    assert _run("ingest", str(tmp_path / "accord.html"), "--db", str(db)).returncode == 0
    con = duckdb.connect(str(db), read_only=True)
    article_id, publication, outlet = con.execute("SELECT id, publication, outlet FROM articles").fetchone()
    con.close()
    assert publication == outlet == "The Lakeside Courier"
    srv = Server(db)
    try:
        assert srv.http.get("/api/articles").json()["rows"][0]["outlet"] == "The Lakeside Courier"
        meta = srv.http.get(f"/articles/{article_id}").text.split('<p class="meta">')[1].split("</p>")[0]
        assert "The Lakeside Courier" in meta
    finally:
        srv.stop()


def test_serve_outlet_is_the_one_the_exports_name(tmp_path: Path) -> None:
    # a JSON Lines record with both `source` (a corpus name, as in the AllSides file) and `outlet`: the exports and
    # fusion name the outlet (store.OUTLET_SQL), the pages and the API named the corpus (walk47)
    db = tmp_path / "outlets.duckdb"
    record = dict(HOSTILE, source="corpus-x", outlet="Lakeside Courier")
    (tmp_path / "o.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert _run("ingest", str(tmp_path / "o.jsonl"), "--db", str(db)).returncode == 0
    assert _run("export", "--db", str(db), "--format", "icews", "--mentions", "--out", str(tmp_path / "i.tsv"),
                ).returncode == 0
    with (tmp_path / "i.tsv").open(encoding="utf-8") as fh:
        assert {row["Publisher"] for row in csv.DictReader(fh, delimiter="\t")} == {"Lakeside Courier"}
    srv = Server(db)
    try:
        rows = srv.http.get("/api/events").json()["rows"]
        assert rows and {r["outlet"] for r in rows} == {"Lakeside Courier"}
        assert srv.http.get("/api/events", params={"outlet": "Lakeside Courier"}).json()["count"] == len(rows)
        assert srv.http.get("/api/articles").json()["rows"][0]["outlet"] == "Lakeside Courier"
        assert srv.http.get("/api/articles", params={"outlet": "Lakeside Courier"}).json()["count"] == 1
        assert srv.http.get(f"/api/events/{rows[0]['id']}").json()["article"]["outlet"] == "Lakeside Courier"
        assert "Lakeside Courier" in srv.http.get("/").text and "corpus-x" not in srv.http.get("/events").text
        meta = srv.http.get(f"/articles/{rows[0]['article_id']}").text.split('<p class="meta">')[1].split("</p>")[0]
        assert "Lakeside Courier" in meta and "corpus-x" not in meta
    finally:
        srv.stop()


def test_serve_events_filters_and_cursor_pagination(server: Server) -> None:
    everything = server.http.get("/api/events", params={"limit": 1000}).json()
    total = everything["count"]
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        page = server.http.get("/api/events", params=params).json()
        seen += [r["id"] for r in page["rows"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == total == len(set(seen))
    roots = {r["cameo"][:2] for r in everything["rows"] if r["cameo"]}
    root = sorted(roots)[0]
    only = server.http.get("/api/events", params={"cameo_root": root, "limit": 1000}).json()
    expected = sum(1 for r in everything["rows"] if (r["cameo"] or "").startswith(root))
    assert only["count"] == expected and 0 < expected < total
    assert all(r["cameo"].startswith(root) for r in only["rows"])
    # a code with no country (a sector) finds the sides the coder gave a country from their context
    composed = sorted(r["source_code"] for r in everything["rows"] if len(r["source_code"] or "") == 6
                      and r["source_code"][:3] == r["source_country"])
    assert composed, "the sample has sides coded country + sector"
    sector = composed[0][3:]
    by_sector = server.http.get("/api/events", params={"actor": sector, "limit": 1000}).json()["rows"]
    assert {r["id"] for r in everything["rows"] if r["source_code"] == composed[0]} <= {r["id"] for r in by_sector}
    assert all(sector in ((r["source_code"] or "")[3:], (r["target_code"] or "")[3:], r["source_code"], r["target_code"])
               for r in by_sector)
    asserted = server.http.get("/api/events", params={"asserted": "true"}).json()["count"]
    # what the export counts: the stored `counted` (an asserted, not negated event may be un-counted by the act
    # filter or a rule gate, evidence.rules.gate), never an event that is not asserted or is negated
    counted = [r for r in everything["rows"] if r["counted"]]
    assert asserted == len(counted) and all(r["modality"] == "asserted" and not r["negated"] for r in counted)
    # and the sample holds such an event, so the difference is tested
    left_out = [r for r in everything["rows"] if r["modality"] == "asserted" and not r["negated"] and r["counted"] is False]
    assert left_out
    # whose article page says it is not counted, and why (the act filter, a rule gate by name, the confidence)
    page = server.http.get(f"/articles/{left_out[0]['article_id']}").text
    assert "not counted: " in page
    words = server.http.get("/api/events", params={"q": "MACKEREL"}).json()
    assert words["count"] == sum(1 for r in everything["rows"] if "mackerel" in (r["sentence_text"] or "").lower())
    assert words["count"] > 0
    by_date = sorted(everything["rows"], key=lambda r: r["published"] or "")
    desc = server.http.get("/api/events", params={"sort": "-published", "limit": 1}).json()["rows"][0]
    assert desc["published"] == by_date[-1]["published"]


def test_serve_parquet_out(server: Server, tmp_path: Path) -> None:
    resp = server.http.get("/api/events", params={"format": "parquet", "plover_event": "CONSULT"})
    assert resp.status_code == 200
    out = tmp_path / "e.parquet"
    out.write_bytes(resp.content)
    rows = duckdb.sql(f"SELECT plover_event FROM '{out}'").fetchall()
    assert rows and {r[0] for r in rows} == {"CONSULT"}


def test_serve_one_event_and_article(server: Server) -> None:
    row = server.http.get("/api/events", params={"limit": 1}).json()["rows"][0]
    one = server.http.get(f"/api/events/{row['id']}").json()
    assert one["event"]["id"] == row["id"] and one["article"]["id"] == row["article_id"]
    art = server.http.get(f"/api/articles/{row['article_id']}").json()
    assert art["sentences"] and art["actors"] and any(e["id"] == row["id"] for e in art["events"])
    assert any(a["mentions"] for a in art["actors"])
    _error(server.http.get("/api/events/0123456789abcdef"), 404, "E802")
    _error(server.http.get("/api/articles/0123456789abcdef"), 404, "E802")


def test_serve_counts_match_events(server: Server) -> None:
    counts = server.http.get("/api/counts", params={"by": "month", "stack": "plover_event"}).json()
    assert counts["rows"]
    for row in counts["rows"][:3]:
        first = row["period"]
        month_end = server.http.get("/api/counts", params={"by": "day", "date_from": first}).json()
        assert month_end["rows"]
    total = sum(r["n"] for r in counts["rows"])
    dated = server.http.get("/api/events", params={"date_from": "1900-01-01"}).json()["count"]
    assert total == dated
    dyads = server.http.get("/api/counts", params={"by": "dyad"}).json()["rows"]
    assert dyads and all(-1 <= d["cooperation"] <= 1 for d in dyads)
    places = server.http.get("/api/counts", params={"by": "place"}).json()["rows"]
    assert places and all(p["lat"] is not None for p in places)


def test_serve_actors_and_quotes(server: Server) -> None:
    actors = server.http.get("/api/actors", params={"limit": 5}).json()["rows"]
    assert actors and actors[0]["code"]
    one = server.http.get("/api/actors", params={"code": actors[0]["code"], "date": "2025-03-14"}).json()["rows"]
    assert one[0]["code"] == actors[0]["code"] and "kb" in one[0]
    quotes = server.http.get("/api/quotes", params={"q": "trade war"}).json()
    assert quotes["count"] >= 1 and all("trade war" in q["text"].lower() for q in quotes["rows"])


@pytest.mark.parametrize("params", [
    {"limit": "abc"}, {"limit": 0}, {"limit": 5000}, {"date_from": "yesterday"}, {"cameo": "x1"},
    {"cameo_root": "1"}, {"sort": "bogus"}, {"sort": "id; DROP TABLE events"}, {"cursor": "garbage!"},
    {"quadclass": 9}, {"negated": "perhaps"}, {"format": "xml"}, {"q": "x" * 500}, {"modality": "maybe"},
])
def test_serve_bad_parameters_are_422_with_the_error_shape(server: Server, params: dict) -> None:
    _error(server.http.get("/api/events", params=params), 422, "E801")


def test_serve_bad_parameters_on_other_endpoints(server: Server) -> None:
    _error(server.http.get("/api/counts", params={"by": "century"}), 422, "E801")
    _error(server.http.get("/api/articles", params={"limit": -1}), 422, "E801")
    _error(server.http.get("/api/quotes", params={"article_id": "'; --"}), 422, "E801")
    _error(server.http.get("/api/no-such-thing"), 404, "E807")
    assert server.http.get("/events", params={"limit": "x", "date_to": "nope"}).status_code == 422


def test_serve_review_api_needs_the_token(server: Server) -> None:
    row = server.http.get("/api/events", params={"limit": 1, "sort": "id"}).json()["rows"][0]
    body = {"event_id": row["id"], "verdict": "right"}
    _error(server.http.post("/api/reviews", json=body), 401, "E804")
    _error(server.http.post("/api/reviews", json=body, headers={"Authorization": "Bearer wrong"}), 401, "E804")
    auth = {"Authorization": f"Bearer {server.token}"}
    _error(server.http.post("/api/reviews", json={**body, "verdict": "maybe"}, headers=auth), 422, "E801")
    _error(server.http.post("/api/reviews", json={**body, "event_id": "0123456789abcdef"}, headers=auth), 404, "E205")
    resp = server.http.post("/api/reviews", json={**body, "verdict": "corrected", "cameo": "042",
                                                  "note": "a visit"}, headers=auth)
    assert resp.status_code == 201, resp.text
    reviewed = server.http.get("/api/events/" + row["id"]).json()
    assert reviewed["event"]["cameo"] == row["cameo"]  # the coder's row is kept
    assert reviewed["reviewed"]["cameo"] == "042" and reviewed["reviewed"]["plover_event"] == "CONSULT"
    assert reviewed["reviews"][0]["note"] == "a visit"


def test_serve_bounds_request_bodies(server: Server) -> None:
    auth = {"Authorization": f"Bearer {server.token}"}
    big = {"event_id": "0123456789abcdef", "verdict": "right", "note": "x" * 20_000}
    _error(server.http.post("/api/reviews", json=big, headers=auth), 413, "E801")
    _error(server.http.post("/api/reviews", json={**big, "note": "x" * 2_001}, headers=auth), 422, "E801")


def test_serve_missing_database_is_e203_as_in_the_other_commands(tmp_path: Path) -> None:
    # `dateline events`, `export` and `counts` answer a missing --db with E203 and what to run; `serve` answered with
    # click's usage error (exit 2) (walk47)
    missing = tmp_path / "none.duckdb"
    for extra in ([], ["--allow-review"]):
        proc = _run("serve", "--db", str(missing), "--port", "0", *extra, timeout=60)
        assert proc.returncode == 1 and "[E203]" in proc.stderr and "dateline ingest PATH --db" in proc.stderr
        assert not missing.exists()


def test_serve_read_only_by_default(built_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "ro.duckdb"
    shutil.copy(built_db, db)
    srv = Server(db)
    try:
        row = srv.http.get("/api/events", params={"limit": 1}).json()["rows"][0]
        _error(srv.http.post("/api/reviews", json={"event_id": row["id"], "verdict": "wrong"}), 403, "E803")
        assert srv.http.get("/login").status_code == 403
    finally:
        srv.stop()


# -- hostile requests (session 46: the server attacked) -----------------------------------------------


def _cursor(offset: object) -> str:
    import base64

    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


def test_serve_refuses_unknown_and_repeated_parameters(server: Server) -> None:
    # a misspelt filter was ignored and the answer held every event
    err = _error(server.http.get("/api/events", params={"cameoroot": "19"}), 422, "E801")
    assert "cameoroot: not a parameter of /api/events (did you mean cameo_root?)" in err["message"]
    err = _error(server.http.get("/api/events?cameo_root=19&cameo_root=20"), 422, "E801")
    assert "cameo_root: given 2 times" in err["message"]
    _error(server.http.get("/api/counts", params={"type": "root"}), 422, "E801")  # /api/aggregate's, not /api/counts'
    _error(server.http.get("/api/events/0123456789abcdef", params={"x": "1"}), 422, "E801")
    page = server.http.get("/events", params={"limit": "5"})  # the events page has no limit: a page, not JSON
    assert page.status_code == 422 and "E801" in page.text and "limit: not a parameter" in page.text
    assert server.http.get("/events", params={"cameo_root": "04", "sort": "-id"}).status_code == 200


@pytest.mark.parametrize("offset", [2**63, 10**30, -1, "1e400"])
def test_serve_huge_or_bad_cursors_are_422_not_500(server: Server, offset: object) -> None:
    for path, extra in (("/api/events", {}), ("/api/events", {"format": "parquet"}), ("/api/events", {"format": "csv"}),
                        ("/api/articles", {}), ("/api/quotes", {})):
        _error(server.http.get(path, params={"cursor": _cursor(offset), **extra}), 422, "E801")
    assert server.http.get("/events", params={"cursor": _cursor(offset)}).status_code == 422
    far = server.http.get("/api/events", params={"cursor": _cursor(10**9)}).json()  # in range, past the end
    assert far["rows"] == [] and far["next_cursor"] is None


def test_serve_aggregate_errors_have_the_error_shape(server: Server) -> None:
    err = _error(server.http.get("/api/aggregate", params={"by": "nosuch"}), 422, "E801")
    assert "choose from dyad" in err["message"]
    twice = server.http.get("/api/aggregate", params={"by": "dyad,dyad"}).json()
    assert twice["by"] == ["dyad"] and twice["columns"].count("source_country") == 1


def test_serve_unparseable_bodies_are_422(server: Server) -> None:
    auth = {"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"}
    row = server.http.get("/api/events", params={"limit": 1}).json()["rows"][0]
    for body in (b'{"event_id": "\xff\xfe", "verdict": "right"}', b"{not json", b"", b"[1, 2]"):
        _error(server.http.post("/api/reviews", content=body, headers=auth), 422, "E801")
    # a date that is no day is refused, not stored as a correction nothing can read
    err = _error(server.http.post("/api/reviews", json={"event_id": row["id"], "verdict": "corrected",
                                                         "date_value": "2024-13-45"}, headers=auth), 422, "E205")
    assert "is not a date" in err["message"]


def _signed_in(server: Server, name: str) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=server.url, timeout=30, follow_redirects=True)
    resp = client.post("/login", data={"token": server.token or "", "reviewer": name})
    assert resp.status_code == 200, resp.text  # followed to /events
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', resp.text)
    assert csrf
    return client, csrf.group(1)


def test_serve_reviewer_name_in_any_script(server: Server) -> None:
    name = "\u0645\u0631\u064a\u0645 \u200bO'Brien; <b>x</b>"  # Arabic, a zero-width space, a quote, a ';', markup
    client, csrf = _signed_in(server, name)
    row = server.http.get("/api/events", params={"limit": 1, "sort": "-id"}).json()["rows"][0]
    resp = client.post("/review", data={"csrf": csrf, "event_id": row["id"], "verdict": "right"})
    assert resp.status_code == 200, resp.text
    assert server.http.get("/api/reviews", params={"event_id": row["id"]}).json()["rows"][0]["reviewer"] == name
    # a form part over its size is a clear 422, not a bare 400
    resp = client.post("/review", data={"csrf": csrf, "event_id": row["id"], "verdict": "right", "note": "x" * 9000})
    assert resp.status_code == 422 and "E801" in resp.text
    # the page to return to is always this server's
    for nxt in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        resp = client.post("/review", data={"csrf": csrf, "event_id": row["id"], "verdict": "right", "next": nxt},
                           follow_redirects=False)
        assert resp.status_code == 303 and not re.match(r"(/[/\\]|\w+:)", resp.headers["location"]), resp.headers
    client.close()


def test_serve_refuses_cross_origin_writes(server: Server) -> None:
    client, csrf = _signed_in(server, "ann")
    row = server.http.get("/api/events", params={"limit": 1, "sort": "id"}).json()["rows"][0]
    form = {"csrf": csrf, "event_id": row["id"], "verdict": "wrong"}
    before = server.http.get("/api/reviews", params={"event_id": row["id"]}).json()["rows"]
    # another site, and another port of this host (SameSite cookies do not tell ports apart)
    for headers in ({"Sec-Fetch-Site": "cross-site", "Origin": "http://evil.example"}, {"Sec-Fetch-Site": "same-site"},
                    {"Origin": "http://127.0.0.1:1"}, {"Origin": "null"}):
        resp = client.post("/review", data=form, headers=headers)
        assert resp.status_code == 403 and "E808" in resp.text, headers
    _error(server.http.post("/api/reviews", json={"event_id": row["id"], "verdict": "wrong"},
                            headers={"Authorization": f"Bearer {server.token}", "Origin": "http://evil.example"}),
           403, "E808")
    assert server.http.get("/api/reviews", params={"event_id": row["id"]}).json()["rows"] == before
    # this server's own pages (and scripts, which send no Origin) still write
    host = server.url.split("//")[1]
    resp = client.post("/review", data={**form, "verdict": "right"}, headers={"Origin": f"http://{host}",
                                                                             "Sec-Fetch-Site": "same-origin"})
    assert resp.status_code == 200, resp.text
    client.close()


def test_serve_database_deleted_or_replaced(built_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "gone.duckdb"
    shutil.copy(built_db, db)
    srv = Server(db, "--allow-review")  # writable: a connect must not create an empty file in its place
    try:
        assert srv.http.get("/api/events", params={"limit": 1}).status_code == 200
        db.unlink()
        for path in ("/api/events", "/api/reviews"):
            err = _error(srv.http.get(path), 503, "E809")
            assert "gone.duckdb" in err["message"] and str(tmp_path) not in err["message"]
        page = srv.http.get("/events")
        assert page.status_code == 503 and "E809" in page.text
        assert not db.exists()
        shutil.copy(built_db, db)  # put back: answers again
        assert srv.http.get("/api/events", params={"limit": 1}).status_code == 200
        db.write_text("not a database\n", encoding="utf-8")
        _error(srv.http.get("/api/events"), 503, "E809")
        db.unlink()
        duckdb.connect(str(db)).close()  # another, empty DuckDB file
        _error(srv.http.get("/api/events"), 503, "E809")
        assert srv.proc.poll() is None
    finally:
        srv.stop()


# -- reviews flow into the exports ----------------------------------------------------------------


def test_serve_reviews_survive_reingest_and_apply_in_exports(built_db: Path, tmp_path: Path) -> None:
    from dateline.store import COUNTED, Store

    db = tmp_path / "rev.duckdb"
    shutil.copy(built_db, db)
    with Store(db) as store:
        ids = [r[0] for r in store.con.execute(
            f"SELECT id FROM events WHERE {COUNTED} ORDER BY id LIMIT 2").fetchall()]  # two rows the export gives
        store.add_review(ids[0], verdict="wrong", reviewer="t", note="not an event")
        store.add_review(ids[1], verdict="corrected", reviewer="t", corrections={"target_code": "FRAGOV"})
    raw = _run("events", "--db", str(db), "--raw", "--format", "jsonl").stdout.splitlines()
    sample = resources.files("dateline").joinpath("samples", "meridian-2025-03-14-fisheries-talks.txt")
    proc = _run("ingest", str(sample), "--db", str(db), "--replace", "--published", "2025-03-14")
    assert proc.returncode == 0, proc.stderr
    reviewed = [json.loads(line) for line in _run("events", "--db", str(db), "--format", "jsonl").stdout.splitlines()]
    assert len(reviewed) == len(raw) - 1
    by_id = {r["id"]: r for r in reviewed}
    assert ids[0] not in by_id
    assert by_id[ids[1]]["target_code"] == "FRAGOV" and by_id[ids[1]]["target_country"] == "FRA"
    out = tmp_path / "labels.jsonl"
    assert _run("reviews", "export", "--db", str(db), "--out", str(out)).returncode == 0
    labels = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted((lab["event_id"], lab["label"]) for lab in labels) == sorted([(ids[0], 0), (ids[1], 0)])
    assert all(lab["cameo"] is not None or lab["plover_event"] is None for lab in labels)
    report = json.loads(_run("eval", "--reviews", "--db", str(db), "--json").stdout)
    assert report["all"] == [{"group": "all", "reviewed": 2, "right": 0, "corrected": 1, "wrong": 1,
                              "precision": 0.0, "event_precision": 0.5}]
    assert sum(r["reviewed"] for r in report["cameo_root"]) == sum(r["reviewed"] for r in report["rule"]) == 2


#: Two invented reports of one meeting, by two outlets: one fused event of two mentions.
MEETING = [
    {"id": f"meet-{i}", "date": "2025-03-14", "source": outlet, "title": title,
     "text": f"{title}\n\nOSLO - Norwegian Foreign Minister Espen Barth Eide met Icelandic Foreign Minister "
             f"Thorgerdur Gunnarsdottir in Oslo on Thursday {words}."}
    for i, (outlet, title, words) in enumerate([
        ("Northern Post", "Norway and Iceland talk fish", "to discuss mackerel quotas"),
        ("Harbour Daily", "Oslo hosts Reykjavik", "for talks on mackerel quotas, officials said")], start=1)
]


def test_serve_reviews_apply_to_the_fused_exports_and_counts(tmp_path: Path) -> None:
    db = tmp_path / "meet.duckdb"
    inputs = tmp_path / "meet.jsonl"
    inputs.write_text("".join(json.dumps(a) + "\n" for a in MEETING), encoding="utf-8")
    assert _run("ingest", str(inputs), "--db", str(db)).returncode == 0

    def gdelt(*extra: str) -> list[tuple[str, str, str]]:
        out = tmp_path / "e.tsv"
        assert _run("export", "--db", str(db), "--format", "gdelt", "--out", str(out), *extra).returncode == 0
        rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
        return sorted((r[15], r[26], r[31]) for r in rows)  # Actor2Code, EventCode, NumMentions

    def counts(*extra: str) -> list[str]:
        proc = _run("counts", "--db", str(db), "--by", "dyad,day", "--type", "root", *extra)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.splitlines()[1:]

    assert gdelt() == [("ISLGOV", "040", "2")]
    srv = Server(db, "--allow-review")
    try:
        auth = {"Authorization": f"Bearer {srv.token}"}
        rows = srv.http.get("/api/events", params={"asserted": "true"}).json()["rows"]
        ids = {r["input_id"]: r["id"] for r in rows if r["cameo"] == "040"}
        assert sorted(ids) == ["meet-1", "meet-2"]
        for body in ({"event_id": ids["meet-2"], "verdict": "wrong"},
                     {"event_id": ids["meet-1"], "verdict": "corrected", "target_code": "FRAGOV"}):
            assert srv.http.post("/api/reviews", json=body, headers=auth).status_code == 201
        served = srv.http.get("/api/counts", params={"by": "dyad", "asserted": "true", "reviewed": "true"}).json()
    finally:
        srv.stop()
    # the mention marked wrong is in no row and no count; the corrected one is a meeting with France
    assert gdelt() == [("FRAGOV", "040", "1")]
    assert counts() == ["NOR,FRA,2025-03-13,04,1,1"]
    mentions = counts("--mentions")
    assert mentions == ["NOR,FRA,2025-03-13,04,1,1"]
    # the web API's counts (event mentions, reviews applied) give the same numbers as `dateline counts --mentions`
    assert [(r["source"], r["target"], r["n"]) for r in served["rows"]] == [("NOR", "FRA", 1)]
    # --raw: the coder's rows, fused as coded
    assert gdelt("--raw") == [("ISLGOV", "040", "2")]
    assert counts("--raw") == ["NOR,ISL,2025-03-13,04,1,2"]


# -- an ingest writing while the server answers -----------------------------------------------------


def test_serve_answers_while_ingest_writes(built_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "live.duckdb"
    shutil.copy(built_db, db)
    more = _news_lines(5, 40)
    if more:
        inputs = tmp_path / "more.jsonl"
        inputs.write_text("".join(more), encoding="utf-8")
        args = [str(inputs)]
    else:  # without ../shared: recode the sample, which writes all the same
        args = [str(resources.files("dateline").joinpath("samples", "meridian-2025-03-14-fisheries-talks.txt")),
                "--replace", "--published", "2025-03-14"]
    srv = Server(db)
    try:
        before = srv.http.get("/api/articles", params={"limit": 1}).json()["count"]
        ingest = subprocess.Popen([*DATELINE, "ingest", *args, "--db", str(db)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        statuses: list[int] = []
        while ingest.poll() is None:
            statuses.append(srv.http.get("/api/events", params={"limit": 5}).status_code)
            statuses.append(srv.http.get("/api/counts", params={"by": "month"}).status_code)
            time.sleep(0.05)
        out, err = ingest.communicate()
        assert ingest.returncode == 0, err
        assert len(statuses) >= 10 and set(statuses) == {200}, statuses
        after = srv.http.get("/api/articles", params={"limit": 1}).json()["count"]
        if more:
            stored = int(re.search(r"stored (\d+)", out).group(1))
            assert stored > 0 and after == before + stored
    finally:
        srv.stop()


# -- pages in a real browser ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is absent: install Debian's chromium (.ci/run does: apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        ctx = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, viewport={"width": 1300, "height": 900},
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"])
        yield ctx
        ctx.close()


def _shot(page: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def test_serve_browser_events_page_filters_and_highlights(server: Server, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server.url + "/events")
    total = int(page.inner_text("#event-count"))
    assert total == server.http.get("/api/events").json()["count"]
    assert page.locator("tbody.event").count() == min(total, 50)
    first = page.locator("tbody.event").first
    assert not first.locator("tr.detail").is_visible()
    first.locator("tr.summary td").nth(3).click()  # the CAMEO cell: the row's centre may be an actor link
    assert first.locator("tr.detail mark.m-trigger").is_visible()
    _shot(page, "events")
    facet = page.locator('section.facet[data-facet="plover_event"] li a').first
    value, n = facet.inner_text(), int(facet.locator("xpath=..").locator(".n").inner_text())
    facet.click()
    page.wait_for_url(re.compile(r"plover_event="))
    assert int(page.inner_text("#event-count")) == n < total
    assert set(page.locator("tbody.event tr.summary td:nth-child(5)").all_inner_texts()) == {value}
    page.close()


def test_serve_browser_article_escapes_markup(server: Server, browser: object) -> None:
    articles = server.http.get("/api/articles", params={"q": "Paris"}).json()["rows"]
    aid = next(a["id"] for a in articles if "<b>" in (a["headline"] or ""))
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server.url + f"/articles/{aid}")
    body = page.inner_text("article .body")
    assert "<script>window.__xss = 1</script>" in body and "onerror" in body
    assert page.evaluate("window.__xss") is None
    assert page.locator("article img").count() == 0 and page.locator("article b").count() == 0
    assert page.locator("h1.headline").inner_text() == "Ministers <b>meet</b> in Paris"
    assert page.locator("article mark.m-actor").count() > 0
    events = server.http.get(f"/api/articles/{aid}").json()["events"]
    assert page.locator("article .tag-trigger").count() == len([e for e in events if e["cameo"]]) > 0
    _shot(page, "article-hostile")
    sample = next(a for a in server.http.get("/api/articles").json()["rows"] if a["outlet"] == "The Meridian Post")
    page.goto(server.url + f"/articles/{sample['id']}")
    assert page.locator("article mark.m-quote").count() > 0 and page.locator("table.removed tbody tr").count() > 0
    assert page.locator(".event-card").count() == sample["n_events"]
    _shot(page, "article")
    page.close()


def test_serve_browser_review_saved_and_shown_after_reload(server: Server, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server.url + "/events?sort=-id")
    assert page.locator("form.review-form").count() == 0  # not signed in
    page.goto(server.url + "/login")
    page.fill("input[name=token]", server.token or "")
    page.fill("input[name=reviewer]", "browser test")
    page.click("form.login button")
    page.wait_for_url(re.compile(r"/events$"))
    before = server.http.get("/api/events", params={"reviewed": "true"}).json()["count"]
    page.goto(server.url + "/events?sort=-id")
    row = page.locator("tbody.event").first
    event_id = row.get_attribute("data-event-id")
    row.locator("tr.summary").click()
    row.locator("input[name=note]").fill("not an event <script>alert(1)</script>")
    row.locator("button.bad").click()
    page.wait_for_load_state()
    page.reload()
    row = page.locator(f"#ev-{event_id}")
    assert row.locator(".badge").inner_text() == "wrong"
    row.locator("tr.summary").click()
    assert "not an event <script>alert(1)</script>" in row.locator("ul.reviews").inner_text()
    _shot(page, "events-reviewed")
    assert server.http.get("/api/events", params={"reviewed": "true"}).json()["count"] == before - 1
    reviews = server.http.get("/api/reviews", params={"event_id": event_id}).json()["rows"]
    assert reviews[0]["verdict"] == "wrong" and reviews[0]["reviewer"] == "browser test"
    # a form without the CSRF field is refused
    resp = page.request.post(server.url + "/review", form={"event_id": event_id, "verdict": "right"})
    assert resp.status == 403 and "E805" in resp.text()
    assert server.http.get("/api/reviews", params={"event_id": event_id}).json()["rows"] == reviews
    page.close()


def test_serve_browser_timeline_dyads_map_actor(server: Server, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server.url + "/timeline?by=month&stack=plover_event")
    assert page.locator("svg.bars rect.bar").count() > 0
    bars = page.locator("svg.bars a rect.bar")  # a "(none)" piece has no link: the filters cannot ask for no value
    n = int(bars.first.get_attribute("data-n") or 0)
    _shot(page, "timeline")
    bars.first.click()
    page.wait_for_url(re.compile(r"/events\?"))
    assert int(page.inner_text("#event-count")) == n > 0
    page.goto(server.url + "/dyads")
    assert page.locator("svg.network line").count() > 0 and page.locator("table.dyads tbody tr").count() > 0
    _shot(page, "dyads")
    page.goto(server.url + "/map")
    page.wait_for_selector("path.leaflet-interactive.cell")
    page.wait_for_function("document.querySelectorAll('.leaflet-overlay-pane path').length > 100")
    _shot(page, "map")
    # an actor that is a side of a counted event (the most mentioned actor may be in none: "fishermen"
    # mentioned where no act of theirs is coded)
    code = next(r["source_code"] for r in server.http.get("/api/events", params={"limit": 100}).json()["rows"]
                if r["source_code"])
    page.goto(server.url + f"/actors/{code}")
    assert code in page.inner_text("h1") and page.locator("ul.latest li").count() > 0
    _shot(page, "actor")
    page.close()


def test_serve_browser_timeline_says_how_many_events_have_no_date(tmp_path: Path, browser: object) -> None:
    # a text file with no publication date: its events have no day, and the timeline left them out without a word
    # (walk47); it now says how many of the filter's events it cannot place
    db = tmp_path / "undated.duckdb"
    (tmp_path / "undated.txt").write_text(
        "Kenya and Uganda trade blame\n\nKenya accused Uganda of shelling the border, and Uganda rejected the "
        "accusation.\n", encoding="utf-8")
    (tmp_path / "dated.jsonl").write_text(json.dumps(DOMESTIC) + "\n" + json.dumps(HOSTILE) + "\n", encoding="utf-8")
    assert _run("ingest", str(tmp_path / "undated.txt"), str(tmp_path / "dated.jsonl"), "--db", str(db)).returncode == 0
    srv = Server(db)
    try:
        total = srv.http.get("/api/events").json()["count"]
        undated_id = next(a["id"] for a in srv.http.get("/api/articles").json()["rows"] if not a["published"])
        undated = srv.http.get("/api/events", params={"article_id": undated_id}).json()["count"]
        assert 0 < undated < total
        page = browser.new_page()  # type: ignore[attr-defined]
        page.goto(srv.url + "/timeline?by=year")
        on_chart = sum(int(bar.get_attribute("data-n") or 0) for bar in page.locator("svg.bars rect.bar").all())
        assert on_chart == total - undated
        note = page.locator("p.undated")
        assert int(note.locator(".n").inner_text()) == undated and "--published" in note.inner_text()
        page.goto(srv.url + f"/timeline?article_id={undated_id}")
        assert page.locator("p.empty").is_visible() and int(page.inner_text("p.undated .n")) == undated
        page.goto(srv.url + "/timeline?outlet=nowhere")
        assert page.locator("p.undated").count() == 0
        page.close()
    finally:
        srv.stop()


def test_serve_browser_form_from_another_origin_cannot_review(server: Server, browser: object) -> None:
    """A page on another port of this host (same site, so the SameSite=Strict cookie is sent) that even knows the
    CSRF token posts a review: refused (E808), nothing stored."""
    import http.server

    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server.url + "/login")
    page.fill("input[name=token]", server.token or "")
    page.fill("input[name=reviewer]", "victim")
    page.click("form.login button")
    page.wait_for_url(re.compile(r"/events$"))
    csrf = page.locator("input[name=csrf]").first.get_attribute("value")
    row = server.http.get("/api/events", params={"limit": 1, "sort": "id"}).json()["rows"][0]
    before = server.http.get("/api/reviews", params={"event_id": row["id"]}).json()["rows"]
    evil = (f'<form method="post" action="{server.url}/review"><input name="csrf" value="{csrf}">'
            f'<input name="event_id" value="{row["id"]}"><input name="verdict" value="wrong"></form>'
            "<script>document.forms[0].submit()</script>").encode()

    class Evil(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(evil)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Evil)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with page.expect_navigation(url=re.compile(r"/review$")):
            page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/")
        assert "E808" in page.content()
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert server.http.get("/api/reviews", params={"event_id": row["id"]}).json()["rows"] == before
    page.close()


def test_serve_api_reference_is_up_to_date() -> None:
    proc = subprocess.run([sys.executable, str(REPO / "tools" / "gen_api_docs.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
