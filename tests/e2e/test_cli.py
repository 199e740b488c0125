"""The dateline command end to end, with the real spaCy model and a real DuckDB file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import jsonschema
import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.errors import EXIT_BELOW_FLOOR, EXIT_REJECTED
from dateline.record import output_schema

pytestmark = pytest.mark.e2e

COMMANDS = ["extract", "ingest", "events", "eval", "demo", "train", "merge"]


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def example_record(example_path: Path) -> dict:
    code, out, _ = run("extract", str(example_path), "--published", "2019-01-19")
    assert code == 0
    record = json.loads(out)
    jsonschema.validate(record, output_schema())
    return record


def test_cli_extract_example_structure(example_record: dict) -> None:
    article = example_record["article"]
    assert article["publication"] == "Los Angeles Times"
    assert article["byline"] == "Tracy Wilkinson"
    assert article["dateline"] == "WASHINGTON"
    assert article["published"] == "2019-01-19"
    assert article["body"].startswith("President Trump agreed")
    assert article["deck"].startswith("Leaders will meet again")
    body = article["body"]
    assert "??" not in body
    assert "Newspapers in English" not in body and "Newspapers from United States" not in body


def test_cli_extract_example_caption_kept_once(example_record: dict) -> None:
    article = example_record["article"]
    assert len(article["captions"]) == 1
    caption = article["captions"][0]
    assert caption["credit"] == "Evan Vucci Associated Press"
    assert caption["text"].startswith("PRESIDENT TRUMP and North Korean leader")
    assert "met in June in Singapore" not in article["body"]
    kinds = [r["kind"] for r in article["removed"]]
    assert kinds.count("caption_duplicate") == 1


def test_cli_extract_example_pull_quote_marked_not_duplicated(example_record: dict) -> None:
    article = example_record["article"]
    body = article["body"]
    assert body.count("shower him with flattery") == 1
    (pull,) = article["pull_quotes"]
    assert "Andrei Lankov" in pull["attribution"]
    start, end = pull["body_span"]
    assert body[start:end].startswith("They can shower him")


def test_cli_extract_offsets_point_into_original(example_record: dict, example_path: Path) -> None:
    original = example_path.read_text(encoding="utf-8")
    body = example_record["article"]["body"]
    assert example_record["provenance"]["body_offsets"]
    for body_start, orig_start, length in example_record["provenance"]["body_offsets"]:
        assert original[orig_start:orig_start + length] == body[body_start:body_start + length]
    sentences = example_record["sentences"]
    assert len(sentences) > 30
    assert body[sentences[0]["start"]:sentences[0]["end"]].startswith("President Trump agreed")


def test_cli_extract_timexes_and_places_listed(example_record: dict) -> None:
    body = example_record["article"]["body"]
    timexes = {t["text"]: t for t in example_record["timexes"]}
    assert timexes["Last March"]["value"] == "2018-03" and timexes["last November"]["value"] == "2018-11"
    assert example_record["timexes"] and all(body[t["start"]:t["end"]] == t["text"] for t in example_record["timexes"])
    places = {p["name"]: p for p in example_record["places"]}
    assert places["Stockholm"]["country"] == "SWE" and places["Singapore"]["country"] == "SGP"


def test_cli_extract_actors_found(example_record: dict) -> None:
    names = {a["name"] for a in example_record["actors"]}
    assert {"Kim Jong Un", "Kim Yong Chol", "Pompeo"} & names
    assert any(a["entity_type"] == "GPE" for a in example_record["actors"])


def test_cli_extract_jsonl_one_line_per_input_line(tmp_path: Path) -> None:
    lines = [
        {"id": "first", "text": "LONDON — The ministers met on Tuesday.", "published": "2020-01-01"},
        {"id": "broken", "title": "no text"},
        {"id": "third", "text": "PARIS — The talks ended without a deal."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{oops\n", encoding="utf-8")
    code, out, err = run("extract", str(path), "--format", "jsonl")
    assert code == EXIT_REJECTED
    outputs = [json.loads(line) for line in out.splitlines()]
    assert [o["id"] for o in outputs] == ["first", "broken", "third", None]
    assert outputs[0]["article"]["published"] == "2020-01-01"
    assert outputs[2]["article"]["published"] is None  # no date given: none guessed
    assert outputs[1]["error"]["code"] == "E007" and outputs[3]["error"]["code"] == "E006"
    for o in outputs:
        jsonschema.validate(o, output_schema())
    assert "E007" in err and "line 2" in err


def test_cli_extract_bad_published_is_usage_error(example_path: Path) -> None:
    code, _, err = run("extract", str(example_path), "--published", "19/01/2019")
    assert code == 1 and "E011" in err and "YYYY-MM-DD" in err


def test_cli_ingest_idempotent_and_rejects_binary(tmp_path: Path, example_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(example_path, folder / "latimes.txt")
    (folder / "other.txt").write_text("GENEVA — Iran and the IAEA held talks on Monday.\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(bytes(range(256)) * 4)
    db = str(tmp_path / "t.duckdb")
    code, out, err = run("ingest", str(folder), "--db", db, "--published", "2019-01-19")
    assert code == EXIT_REJECTED
    assert "stored 2 article(s)" in out and "rejected 1" in out
    assert "broken.txt" in err and "E003" in err
    con = duckdb.connect(db)
    before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone() for t in ("articles", "sentences", "mentions")}
    assert con.execute("SELECT code FROM rejected").fetchall() == [("E003",)]
    con.close()
    code, out, _ = run("ingest", str(folder), "--db", db, "--published", "2019-01-19")
    assert "stored 0 article(s), skipped 2 already stored" in out
    con = duckdb.connect(db)
    after = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone() for t in ("articles", "sentences", "mentions")}
    assert after == before
    assert con.execute("SELECT count(*) FROM rejected").fetchone() == (1,)
    con.close()


def test_cli_events_export(tmp_path: Path, example_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    run("ingest", str(example_path), "--db", db)
    code, out, _ = run("events", "--db", db, "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("article_id,input_id,published,source")
    out_file = tmp_path / "e.parquet"
    code, _, err = run("events", "--db", db, "--format", "parquet", "--out", str(out_file))
    assert code == 0 and out_file.exists() and "event(s)" in err
    code, _, err = run("events", "--db", db, "--format", "parquet")
    assert code == 2 and "--out" in err


def test_cli_events_missing_db_says_what_to_do(tmp_path: Path) -> None:
    code, _, err = run("events", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1 and "E203" in err and "dateline ingest" in err


def test_cli_eval_on_hand_made_gold(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    # A sentence with no act in it, coded by hand as an event: no coder can score on it.
    gold.write_text(json.dumps({"id": "g1", "text": "The weather in Paris was mild all week.", "date": None,
                                "expected": [{"source": "FRA", "target": "DEU", "code": "CONSULT"}]}) + "\n")
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"gold": "gold.jsonl", "metrics": {"type_f1": 0.0, "type_country_f1": 0.0,
                                  "type_actor_f1": 0.0}, "max_no_event_fp_rate": 1.0}))
    code, out, err = run("eval", str(gold), "--floors", str(floors))
    assert code == 0, err
    assert "type" in out and "F1" in out
    floors.write_text(json.dumps({"gold": "gold.jsonl", "metrics": {"type_f1": 0.99, "type_country_f1": 0.0,
                                  "type_actor_f1": 0.0}, "max_no_event_fp_rate": 1.0}))
    code, _, err = run("eval", str(gold), "--floors", str(floors))
    assert code == EXIT_BELOW_FLOOR and "type_f1" in err


def test_cli_demo_runs_on_bundled_sample(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.duckdb")
    code, out, _ = run("demo", "--db", db)
    assert code == 0
    assert "The Meridian Post" in out and "Ingrid Halvorsen" in out and "REYKJAVIK" in out
    assert "Actors (" in out and "Events (" in out and "Quotes (" in out and "Try next:" in out
    con = duckdb.connect(db)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    ids = con.execute("SELECT id FROM events ORDER BY idx").fetchall()
    con.close()
    assert len(ids) > 5 and len(set(ids)) == len(ids) and None not in {i[0] for i in ids}
    code, _, _ = run("demo", "--db", db)  # again: still one article
    con = duckdb.connect(db)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    con.close()
    recoded = str(tmp_path / "again.duckdb")  # a new file, coded afresh: the same event ids
    assert run("demo", "--db", recoded)[0] == 0
    con = duckdb.connect(recoded)
    assert con.execute("SELECT id FROM events ORDER BY idx").fetchall() == ids
    con.close()


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help_with_example(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0 and "Example:" in out


def test_cli_console_script_runs(example_path: Path) -> None:
    exe = Path(sys.executable).parent / "dateline"
    proc = subprocess.run([str(exe), "extract", str(example_path), "--format", "jsonl"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["article"]["byline"] == "Tracy Wilkinson"


def test_cli_extract_reads_stdin() -> None:
    code, out, _ = run("extract", "-", "--published", "2020-05-04", input="PARIS — France and Germany held talks on Monday.\n")
    assert code == 0
    record = json.loads(out)
    assert record["provenance"]["source"] == "-"
    assert record["article"]["dateline"] == "PARIS" and record["article"]["published"] == "2020-05-04"


def test_cli_extract_jsonl_from_stdin_keeps_ids() -> None:
    lines = "\n".join(json.dumps({"id": f"r{i}", "text": f"Story number {i} about the talks."}) for i in range(3))
    code, out, _ = run("extract", "-", "--format", "jsonl", input=lines + "\n")
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["r0", "r1", "r2"]


def test_cli_min_confidence_on_extract_drops_and_on_ingest_keeps_uncounted(tmp_path: Path, example_path: Path,
                                                                          example_record: dict) -> None:
    scores = sorted(e["confidence"] for e in example_record["events"])
    assert len(scores) >= 4 and scores[0] < scores[-1], "the example has events of different confidence"
    cut = scores[len(scores) // 2]
    code, out, _ = run("extract", str(example_path), "--published", "2019-01-19", "--min-confidence", str(cut))
    kept = json.loads(out)["events"]
    assert code == 0 and 0 < len(kept) < len(scores)
    assert min(e["confidence"] for e in kept) >= cut
    db = str(tmp_path / "t.duckdb")
    code, _, _ = run("ingest", str(example_path), "--db", db, "--published", "2019-01-19", "--min-confidence", str(cut))
    assert code == 0
    con = duckdb.connect(db)
    stored, counted_low = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE counted AND confidence < ?) FROM events", [cut]).fetchone()
    below = con.execute("SELECT count(*) FROM events WHERE confidence < ?", [cut]).fetchone()[0]
    con.close()
    assert stored == len(scores) and below > 0 and counted_low == 0  # stored, not counted



def test_cli_ingest_min_confidence_says_it_leaves_stored_articles_alone(tmp_path: Path, example_path: Path) -> None:
    # a second ingest with --min-confidence skipped the stored article and changed nothing, silently (walk47)
    db = str(tmp_path / "t.duckdb")
    code, _, err = run("ingest", str(example_path), "--db", db, "--published", "2019-01-19")
    assert code == 0 and "--min-confidence" not in err
    con = duckdb.connect(db)
    before = con.execute("SELECT count(*) FILTER (WHERE counted) FROM events").fetchone()[0]
    con.close()
    code, out, err = run("ingest", str(example_path), "--db", db, "--published", "2019-01-19", "--min-confidence", "0.99")
    assert code == 0 and "stored 0 article(s), skipped 1 already stored" in out
    assert "--min-confidence 0.99" in err and "the 1 already stored keep" in err and "--replace" in err
    con = duckdb.connect(db)
    assert con.execute("SELECT count(*) FILTER (WHERE counted) FROM events").fetchone()[0] == before > 0
    con.close()
    code, out, err = run("ingest", str(example_path), "--db", db, "--published", "2019-01-19", "--min-confidence", "0.99",
                         "--replace")
    assert code == 0 and "already stored keep" not in err
    con = duckdb.connect(db)
    assert con.execute("SELECT count(*) FILTER (WHERE counted AND confidence < 0.99) FROM events").fetchone()[0] == 0
    con.close()
