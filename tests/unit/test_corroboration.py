"""tools/corroboration.py: judged events joined with their fused events, and the aggregates it prints (session 47)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import corroboration as cr  # noqa: E402


def test_wilson_interval_holds_the_rate_and_narrows_with_more_events() -> None:
    low, high = cr.wilson(30, 100)
    assert 0.21 < low < 0.30 < high < 0.40
    wide = cr.wilson(3, 10)
    assert wide[0] < low and wide[1] > high
    assert cr.wilson(0, 0) == (0.0, 1.0)


def test_rate_gap_and_whether_intervals_are_apart() -> None:
    rows = [{"right": i < 20, "n_outlets": 1} for i in range(100)] + [{"right": i < 70, "n_outlets": 2} for i in range(100)]
    gap, apart, _, _ = cr.rate_gap(rows)
    assert abs(gap - 0.5) < 1e-9 and apart
    close = [{"right": i < 30, "n_outlets": 1} for i in range(20)] + [{"right": i < 35, "n_outlets": 3} for i in range(20)]
    assert not cr.rate_gap(close)[1]


def test_other_mentions_by_kind() -> None:
    assert cr.others({"n_mentions": 1, "n_articles": 1, "n_outlets": 1}) == "alone"
    assert cr.others({"n_mentions": 3, "n_articles": 1, "n_outlets": 1}) == "same article only"
    assert cr.others({"n_mentions": 2, "n_articles": 2, "n_outlets": 1}) == "other articles, same outlet"
    assert cr.others({"n_mentions": 2, "n_articles": 2, "n_outlets": 2}) == "other outlets"


def _db(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE articles (id VARCHAR, input_id VARCHAR)")
    con.execute("CREATE TABLE events (id VARCHAR, article_id VARCHAR, start_char INTEGER, end_char INTEGER, "
                "cameo VARCHAR, source_code VARCHAR, target_code VARCHAR, counted BOOLEAN, confidence DOUBLE, coder VARCHAR)")
    con.execute("CREATE TABLE fused_event_mentions (event_id VARCHAR, article_id VARCHAR, fused_id VARCHAR, block VARCHAR)")
    con.execute("CREATE TABLE fused_events (id VARCHAR, n_mentions INTEGER, n_articles INTEGER, n_outlets INTEGER, "
                "confidence_mean DOUBLE, confidence_max DOUBLE)")
    con.execute("INSERT INTO articles VALUES ('h1', 'a1'), ('h2', 'a2')")
    con.execute("INSERT INTO events VALUES ('e1', 'h1', 10, 15, '190', 'ISR', 'SYR', true, 0.6, 'c'), "
                "('e2', 'h2', 5, 9, '190', 'ISR', 'SYR', true, 0.7, 'c'), "
                "('e4', 'h1', 10, 15, '190', 'ISR', 'LBN', true, 0.5, 'c'), "
                "('e3', 'h1', 30, 35, '042', 'USA', 'CHN', false, 0.2, 'c')")
    con.execute("INSERT INTO fused_event_mentions VALUES ('e1', 'h1', 'f1', 'b'), ('e2', 'h2', 'f1', 'b'), ('e4', 'h1', 'f2', 'c')")
    con.execute("INSERT INTO fused_events VALUES ('f1', 2, 2, 2, 0.65, 0.7), ('f2', 1, 1, 1, 0.5, 0.5)")
    con.close()


def test_join_matches_by_article_offsets_and_code(tmp_path: Path) -> None:
    _db(tmp_path / "t.duckdb")
    judged = [
        {"counted": True, "id": "a1", "span": [10, 15], "cameo": "190", "src": "ISR", "tgt": "SYR", "confidence": 0.6,
         "right": True, "judged": True, "label": None},
        {"counted": True, "id": "a1", "span": [10, 15], "cameo": "190", "src": "ISR", "tgt": "LBN", "confidence": 0.5,
         "right": False, "judged": False, "label": None},
        {"counted": True, "id": "a1", "span": [10, 15], "cameo": "173", "confidence": 0.6, "right": False, "judged": True},
        {"counted": True, "id": "a1", "span": [30, 35], "cameo": "042", "confidence": 0.2, "right": False, "judged": True},
        {"counted": True, "id": "bbc-1", "span": [1, 4], "cameo": "010", "confidence": 0.5, "right": False, "judged": False},
    ]
    rows, stats = cr.join(judged, tmp_path / "t.duckdb")
    assert stats["counted"] == 5 and stats["article not in db"] == 1 and stats["no event at span+cameo"] == 1
    assert stats["matched, not counted in db"] == 1 and stats["used"] == 2
    assert stats["several events at span+cameo"] == 2  # one trigger, two events: told apart by their sides
    assert rows[0]["n_outlets"] == 2 and rows[0]["n_articles"] == 2 and rows[0]["right"]
    assert rows[1]["n_outlets"] == 1 and rows[1]["why"] == "no label"


def test_fit_writes_a_combination_that_scores_events(tmp_path: Path) -> None:
    rows = [{"right": (i % 3 == 0) or (i % 5 == 0 and o > 1), "confidence": 0.2 + 0.6 * (i % 7) / 7, "n_outlets": o}
            for i in range(120) for o in (1, 2)]
    model = cr.fit(rows)
    assert len(model["coef"]) == 2 and model["n"] == 240
    json.dumps(model)
    assert 0.0 < cr.combined(model, rows[0]) < 1.0


def test_why_wrong_names_the_first_failing_check() -> None:
    label = {"act": True, "modality": "asserted", "root": "19", "src": "ISR", "tgt": "SYR"}
    event = {"right": False, "judged": True, "cameo": "190", "src_level": "ISR", "tgt_level": "LBN", "label": label}
    assert cr.why_wrong(event) == "target country wrong"
    assert cr.why_wrong({**event, "src_level": "USA"}) == "source country wrong"
    assert cr.why_wrong({**event, "cameo": "173"}) == "root wrong"
    assert cr.why_wrong({**event, "label": {**label, "modality": "hypothetical"}}) == "not asserted"
    assert cr.why_wrong({**event, "label": {**label, "act": False}}) == "not an act"
    assert cr.why_wrong({**event, "judged": False, "label": None}) == "no label"
    assert cr.why_wrong({**event, "right": True}) == "right"
