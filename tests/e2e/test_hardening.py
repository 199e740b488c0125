"""Issue 15 end to end with the real pipeline: hostile inputs get coded answers, the batch goes on."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from spacy.language import Language

from dateline import pipeline
from dateline.budget import Budget
from dateline.cli import cli
from dateline.errors import EXIT_REJECTED
from dateline.pipeline import code_items, sentence_article

pytestmark = [pytest.mark.e2e, pytest.mark.issue(15)]

GOOD = [
    "GENEVA — Iran and the IAEA held talks on Monday about inspections.",
    "MOSCOW — Russia expelled two British diplomats on Tuesday, the foreign ministry said.",
    "PARIS — France and Germany signed a defence agreement on Thursday.",
]


def test_hardening_slow_article_rejected_and_batch_goes_on(nlp: Language) -> None:
    articles = [sentence_article(GOOD[0], record=1), sentence_article("X said Y said " * 2000, record=2),
                sentence_article(GOOD[1], record=3)]
    (batch,) = list(code_items(articles, nlp=nlp, batch_size=3, budget=Budget(per_10k=0.2, minimum=0.5)))
    assert [line.get("error", {}).get("code") for line in batch.lines] == [None, "E016", None]
    assert batch.lines[0]["events"] and batch.lines[2]["events"]


def test_hardening_long_article_coded_in_pieces(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    paragraphs = [f"{text} Officials said the meeting number {i} lasted two hours." for i, text in
                  enumerate(GOOD * 8)]
    body = "\n\n".join(paragraphs)
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 500)
    assert len(pipeline.pieces(nlp.make_doc(body))) > 4
    (batch,) = list(code_items([sentence_article(body, record=1)], nlp=nlp))
    (record,) = batch.records
    assert record["article"]["body"] == body
    starts = [s["start"] for s in record["sentences"]]
    assert starts == sorted(starts) and len(starts) >= len(paragraphs)
    for sentence in record["sentences"]:
        assert "\n\n" not in body[sentence["start"]:sentence["end"]].strip()
    assert len(record["events"]) >= len(paragraphs) // 2
    for event in record["events"]:  # offsets still point into the whole body
        start, end = event["span"]
        assert body[start:end] == event["trigger"]


def _junk(folder: Path) -> None:
    folder.mkdir()
    lines = [json.dumps({"id": f"g{i}", "text": t}) for i, t in enumerate(GOOD)]
    lines.insert(1, json.dumps({"id": "s", "title": "T\ud800", "text": GOOD[0] + " Again \udc00 they met."}))
    lines.insert(2, '{"id": "n", "text": "a\x00b"}')
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    with gzip.open(folder / "b.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "z", "text": GOOD[2] + " Both sides agreed."}) + "\n")
    (folder / "c.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "d.txt").write_text("   \n")
    (folder / "e.txt").symlink_to("e.txt")
    (folder / "f.txt").write_text("=HYPERLINK(\"http://x.invalid\") " + GOOD[1] + "\n", encoding="utf-8")


def test_hardening_junk_batch_ingested_with_coded_rejections(tmp_path: Path) -> None:
    _junk(tmp_path / "in")
    db = str(tmp_path / "j.duckdb")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "in"), "--db", db])
    assert result.exit_code == EXIT_REJECTED, result.output
    assert "stored 6 article(s)" in result.stdout and "rejected 4" in result.stdout
    con = duckdb.connect(db, read_only=True)
    try:
        rejected = sorted((Path(src).name, rec, code) for src, rec, code in
                          con.execute("SELECT source, record, code FROM rejected").fetchall())
        ids = sorted(str(row[0]) for row in con.execute("SELECT input_id FROM articles").fetchall())
    finally:
        con.close()
    assert rejected == [("a.jsonl", 3, "E003"), ("c.txt", None, "E003"), ("d.txt", None, "E004"),
                        ("e.txt", None, "E015")]
    assert ids == ["None", "g0", "g1", "g2", "s", "z"]
    csv_out = CliRunner().invoke(cli, ["events", "--db", db, "--format", "csv", "--all"])
    assert csv_out.exit_code == 0
    assert ",=" not in csv_out.stdout and "\n=" not in csv_out.stdout


def test_hardening_extract_streams_each_article(tmp_path: Path) -> None:
    """The first article is printed while a long one after it is still being coded."""
    sentences = [f"Delegates from {i} nations met in Geneva on Monday and talked about trade for hours." for i in range(300)]
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "first", "text": GOOD[0]}) + "\n" +
                    json.dumps({"id": "long", "text": "\n\n".join(sentences)}) + "\n", encoding="utf-8")
    dateline = Path(sys.executable).with_name("dateline")
    with subprocess.Popen([str(dateline), "extract", str(path), "--format", "jsonl"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"}) as proc:
        assert proc.stdout is not None
        first = json.loads(proc.stdout.readline())
        still_running = proc.poll() is None
        rest = proc.stdout.read()
        proc.wait(timeout=600)
    assert first["id"] == "first" and still_running
    assert json.loads(rest)["id"] == "long" and proc.returncode == 0


def test_hardening_session45_hostile_batch(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Session 45 (robust45), with the real CLI: a UTF-16 text is coded (W001), a late NUL byte, an empty folder
    and a JSON Lines line of another kind are coded rejections naming file and line, a publication day at the
    calendar's edge codes its article instead of failing it (E012), a repeated id is warned of (W002), and a
    --db that cannot be written says so (E206), not "another process"."""
    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "empty").mkdir()
    (folder / "u16.txt").write_bytes(("OSLO — " + GOOD[2] + "\n").encode("utf-16"))
    (folder / "late.txt").write_bytes((GOOD[0] + "\n\n").encode() * 400 + b"\x00\n")
    (folder / "n.jsonl").write_text("\n".join([json.dumps({"id": "a", "text": GOOD[1], "published": "9999-12-31"}),
                                               "null", json.dumps({"id": "a", "text": GOOD[0] + " On Monday."})]) + "\n")
    db = str(tmp_path / "h.duckdb")
    result = CliRunner().invoke(cli, ["ingest", str(folder), str(tmp_path / "empty"), "--db", db, "--workers", "1"])
    assert result.exit_code == EXIT_REJECTED, result.output
    assert "stored 3 article(s)" in result.stdout and "rejected 3" in result.stdout
    assert "[W001]" in caplog.text and "[W002]" in caplog.text and "line 3 has id 'a'" in caplog.text
    con = duckdb.connect(db, read_only=True)
    try:
        rejected = sorted((Path(src).name, rec, code) for src, rec, code in
                          con.execute("SELECT source, record, code FROM rejected").fetchall())
    finally:
        con.close()
    assert rejected == [("empty", None, "E018"), ("late.txt", None, "E003"), ("n.jsonl", 2, "E010")]
    assert "a JSON null, not an object" in result.stderr
    unwritable = CliRunner().invoke(cli, ["ingest", str(folder / "u16.txt"), "--db", str(tmp_path / "nowhere" / "x.duckdb")])
    assert unwritable.exit_code == 1 and "E206" in unwritable.output
