"""Tests for dateline.evaluate: gold loading, scoring levels, the report and the floors gate.

Every expected number is worked out by hand in the test, from the counts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import FloorError, GoldError, InputError
from dateline.evaluate import (
    EPSILON,
    GoldEvent,
    GoldRecord,
    Scores,
    check_floors,
    evaluate,
    format_report,
    load_gold,
    score,
    update_floors,
)

REPO = Path(__file__).resolve().parents[2]
DEV_GOLD = REPO.parent / "shared/data/eventgold/plover_gsr_cameo_manual.jsonl"

GoldSpec = tuple[str | None, str | None, str]  # source, target, code


# --------------------------------------------------------------------------------------------
# Helpers: hand-made gold files and predictions


def gold_line(rid: str, events: Sequence[GoldSpec], *, text: str = "Some sentence.", **extra: Any) -> str:
    """One gold JSON line; ``extra`` keys override or add fields."""
    obj: dict[str, Any] = {
        "id": rid,
        "text": text,
        "date": None,
        "expected": [{"source": s, "target": t, "code": c} for s, t, c in events],
    }
    obj.update(extra)
    return json.dumps(obj)


def write_gold(tmp_path: Path, lines: Sequence[str], name: str = "gold.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def actor(code: str | None) -> dict[str, Any] | None:
    if code is None:
        return None
    return {"text": code, "code": code, "country": code[:3], "sector": code[3:6] or None}


def event(
    plover: str | None,
    source: str | None = None,
    target: str | None = None,
    *,
    cameo: str | None = None,
    negated: bool = False,
    modality: str | None = "asserted",
) -> dict[str, Any]:
    """A predicted event in dateline's output shape."""
    out: dict[str, Any] = {
        "source": actor(source),
        "target": actor(target),
        "cameo": cameo,
        "plover": None if plover is None else {"event": plover, "mode": None, "context": None},
        "negated": negated,
    }
    if modality is not None:
        out["modality"] = modality
    return out


def record(rid: str, events: Sequence[GoldSpec]) -> GoldRecord:
    return GoldRecord(rid, "Some sentence.", None, [GoldEvent(s, t, c) for s, t, c in events])


def perfect(records: Sequence[GoldRecord]) -> list[list[dict[str, Any]]]:
    """A coder that returns exactly the gold events."""
    return [[event(e.code, e.source, e.target) for e in r.expected] for r in records]


def counts(scores: Scores, level: str) -> tuple[int, int, int]:
    s = scores.levels[level]
    return s.tp, s.fp, s.fn


# --------------------------------------------------------------------------------------------
# Loading gold


def test_evaluate_load_gold_reads_records(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path,
        [
            gold_line("a", [("HUNGOV", None, "AGREE")], date="2019-01-19"),
            "",  # blank lines are skipped
            gold_line("b", [("USA", "RUSGOV", "036"), (None, "IRQ", "DEMAND")]),
            gold_line("c", []),
        ],
    )
    records = load_gold(path)
    assert [r.id for r in records] == ["a", "b", "c"]
    assert str(records[0].date) == "2019-01-19" and records[1].date is None
    assert records[1].expected == [GoldEvent("USA", "RUSGOV", "AGREE"), GoldEvent(None, "IRQ", "REQUEST")]
    assert records[2].expected == []


def test_evaluate_load_gold_prefers_code_plover2021(tmp_path: Path) -> None:
    line = json.dumps(
        {
            "id": "x",
            "text": "t",
            "date": None,
            "expected": [{"source": "ISR", "target": None, "code": "DISAPPROVE", "code_plover2021": "ACCUSE"}],
        }
    )
    assert load_gold(write_gold(tmp_path, [line]))[0].expected[0].code == "ACCUSE"


@pytest.mark.parametrize("old,new", [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("INVESTIGATE", "ACCUSE"), ("FIGHT", "ASSAULT")])
def test_evaluate_load_gold_normalises_old_plover_names(tmp_path: Path, old: str, new: str) -> None:
    path = write_gold(tmp_path, [gold_line("x", [("USA", None, old)])])
    assert load_gold(path)[0].expected[0].code == new


BAD_LINES = [
    ("{not json", "E301", "invalid JSON"),
    ("[1, 2]", "E301", "not an object"),
    (json.dumps({"text": "t", "expected": []}), "E301", "'id'"),
    (json.dumps({"id": "x", "expected": []}), "E301", "'text'"),
    (json.dumps({"id": "x", "text": "t"}), "E301", "'expected'"),
    (json.dumps({"id": "x", "text": "t", "expected": {}}), "E301", "'expected'"),
    (json.dumps({"id": "x", "text": "t", "expected": ["AGREE"]}), "E301", "expected[0]"),
    (json.dumps({"id": "x", "text": "t", "expected": [{"source": "USA", "target": None}]}), "E301", "expected[0].code"),
    (json.dumps({"id": "x", "text": "t", "expected": [{"source": 7, "target": None, "code": "AGREE"}]}), "E301", "expected[0].source"),
    (gold_line("x", [], date="19 January"), "E301", "'date'"),
    (gold_line("first", []), "E301", "already used on line 1"),
    (gold_line("x", [("USA", None, "XYZZY")]), "E302", "'XYZZY'"),
    (gold_line("x", [("USA", None, "999")]), "E302", "'999'"),
    (gold_line("x", [("USA", None, "010")]), "E304", "'010'"),
    (gold_line("x", [("USA", None, "BOGUS")], expected=[{"source": "USA", "target": None, "code": "BOGUS", "code_plover2021": "ACCUSE"}]), "E302", "'BOGUS'"),
    (gold_line("x", [], expected=[{"source": "USA", "target": None, "code": "DEMAND", "code_plover2021": "ASK"}]), "E302", "'ASK'"),
]


@pytest.mark.parametrize(("line", "code", "fragment"), BAD_LINES)
def test_evaluate_load_gold_rejects_malformed_lines(tmp_path: Path, line: str, code: str, fragment: str) -> None:
    path = write_gold(tmp_path, [gold_line("first", []), line], name="broken.jsonl")
    with pytest.raises(GoldError) as info:
        load_gold(path)
    message = str(info.value)
    assert info.value.code == code
    assert info.value.fields["record"] == 2
    assert str(path) in message and "line 2" in message and fragment in message


def test_evaluate_load_gold_rejects_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(gold_line("a", []).encode() + b"\n" + b'{"id": "caf\xe9"}\n')
    with pytest.raises(GoldError, match="line 2"):
        load_gold(path)


def test_evaluate_load_gold_skips_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + gold_line("a", [("USA", None, "AID")]).encode() + b"\r\n")
    assert [r.id for r in load_gold(path)] == ["a"]


def test_evaluate_load_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_gold(tmp_path / "nope.jsonl")
    assert info.value.code == "E001"


# --------------------------------------------------------------------------------------------
# Scoring


def test_evaluate_perfect_predictions_score_one_everywhere(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path,
        [
            gold_line("a", [("HUNGOV", None, "AGREE"), ("ROUGOV", None, "AGREE")]),
            gold_line("b", [("USAGOV", "RUSGOV", "036")]),
            gold_line("c", [(None, "ISR***", "FIGHT")]),
        ],
    )
    scores = evaluate(path, perfect)
    for level in ("type", "type_country", "type_actor"):
        assert counts(scores, level) == (4, 0, 0)
        s = scores.levels[level]
        assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert scores.gold == "gold.jsonl"
    assert scores.n_records == 3 and scores.n_gold_events == 4 and scores.n_predicted == 4


def test_evaluate_wrong_country_lowers_type_country_not_type() -> None:
    gold = [record("a", [("USAGOV", "RUSGOV", "CONSULT"), ("CHNGOV", "JPNGOV", "ACCUSE")])]
    predicted = [[event("CONSULT", "USAGOV", "RUSGOV"), event("ACCUSE", "CHNGOV", "KORGOV")]]
    scores = score(gold, predicted)
    assert counts(scores, "type") == (2, 0, 0)
    assert scores.type.f1 == 1.0
    # The ACCUSE target is KOR, not JPN: tp=1, fp=1, fn=1 -> P = R = F1 = 1/2.
    assert counts(scores, "type_country") == (1, 1, 1)
    s = scores.type_country
    assert (s.precision, s.recall, s.f1) == (0.5, 0.5, 0.5)
    assert counts(scores, "type_actor") == (1, 1, 1)


def test_evaluate_wrong_sector_lowers_type_actor_only() -> None:
    gold = [record("a", [("USAGOV", "RUSGOV", "CONSULT")])]
    predicted = [[event("CONSULT", "USAMIL", "RUSGOV")]]
    scores = score(gold, predicted)
    assert counts(scores, "type") == (1, 0, 0)
    assert counts(scores, "type_country") == (1, 0, 0)
    assert counts(scores, "type_actor") == (0, 1, 1)
    assert scores.type_actor.f1 == 0.0


def test_evaluate_null_gold_side_is_not_checked() -> None:
    gold = [record("a", [("HUNGOV", None, "AGREE")]), record("b", [("IRQGOV", "USA", "THREATEN")])]
    # Record a: any target is fine. Record b: the gold target is USA but nothing was predicted there.
    predicted = [[event("AGREE", "HUNGOV", "ROUGOV")], [event("THREATEN", "IRQGOV", None)]]
    scores = score(gold, predicted)
    assert counts(scores, "type") == (2, 0, 0)
    assert counts(scores, "type_country") == (1, 1, 1)
    assert counts(scores, "type_actor") == (1, 1, 1)


def test_evaluate_starred_gold_code_matches_any_sector() -> None:
    gold = [record("a", [("PSEREB", "ISR***", "ASSAULT")])]
    scores = score(gold, [[event("ASSAULT", "PSEREB", "ISRMIL")]])
    assert counts(scores, "type_actor") == (1, 0, 0)
    scores = score(gold, [[event("ASSAULT", "PSEREB", "LBNMIL")]])
    assert counts(scores, "type_actor") == (0, 1, 1)


@pytest.mark.parametrize(
    "pred",
    [
        event("CONSULT", "USAGOV", "RUSGOV", negated=True),
        event("CONSULT", "USAGOV", "RUSGOV", modality="hypothetical"),
        event("CONSULT", "USAGOV", "RUSGOV", modality="future"),
        event(None, "USAGOV", "RUSGOV", cameo="010"),  # a statement: no PLOVER type
    ],
)
def test_evaluate_negated_or_unasserted_prediction_is_not_counted(pred: dict[str, Any]) -> None:
    gold = [record("a", [("USAGOV", "RUSGOV", "CONSULT")])]
    scores = score(gold, [[pred]])
    # Not a true positive, and not a false positive either: it is left out.
    assert counts(scores, "type") == (0, 0, 1)
    assert scores.n_predicted == 0 and scores.n_ignored == 1
    # the report said "(1 ignored)" with no word of why (walk47)
    assert "0 predicted events scored (1 left out: negated, not asserted, not counted, or with no PLOVER type" \
        in format_report(scores)


def test_evaluate_missing_modality_counts_as_asserted() -> None:
    gold = [record("a", [("USAGOV", "RUSGOV", "CONSULT")])]
    scores = score(gold, [[event("CONSULT", "USAGOV", "RUSGOV", modality=None)]])
    assert counts(scores, "type") == (1, 0, 0)


def test_evaluate_cameo_and_plover_gold_codes_both_work(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path,
        [gold_line("cameo", [("USAGOV", "PRKGOV", "036")]), gold_line("plover", [("USAGOV", "PRKGOV", "AGREE")])],
    )
    records = load_gold(path)
    assert [r.expected[0].code for r in records] == ["AGREE", "AGREE"]
    # Predictions given by PLOVER name, and by CAMEO code only.
    by_name = [[event("AGREE", "USAGOV", "PRKGOV")], [event("AGREE", "USAGOV", "PRKGOV")]]
    by_cameo = [[event(None, "USAGOV", "PRKGOV", cameo="036")], [event(None, "USAGOV", "PRKGOV", cameo="0311")]]
    for predicted in (by_name, by_cameo):
        assert counts(score(records, predicted), "type_actor") == (2, 0, 0)


def test_evaluate_plover_event_wins_over_cameo_and_old_names_normalise() -> None:
    gold = [record("a", [("SYRMIL", "SYRREB", "ASSAULT")]), record("b", [("EU", "IRN", "REQUEST")])]
    predicted = [
        [event("FIGHT", "SYRMIL", "SYRREB", cameo="036")],  # plover.event is used; FIGHT -> ASSAULT
        [event("DEMAND", "EU", "IRN")],
    ]
    assert counts(score(gold, predicted), "type") == (2, 0, 0)


def test_evaluate_matching_is_one_to_one() -> None:
    gold = [record("a", [("USAGOV", "RUSGOV", "CONSULT")]), record("b", [("HUN", None, "AGREE"), ("ROU", None, "AGREE")])]
    predicted = [
        [event("CONSULT", "USAGOV", "RUSGOV"), event("CONSULT", "USAGOV", "RUSGOV")],  # one duplicate
        [event("AGREE", "HUN", "ROU")],  # two gold events, one prediction
    ]
    scores = score(gold, predicted)
    # tp = 1 + 1, fp = 1 + 0, fn = 0 + 1: P = R = 2/3, F1 = 2/3.
    assert counts(scores, "type") == (2, 1, 1)
    assert scores.type.precision == pytest.approx(2 / 3)
    assert scores.type.recall == pytest.approx(2 / 3)
    assert scores.type.f1 == pytest.approx(2 / 3)


def test_evaluate_matching_does_not_depend_on_order() -> None:
    # p1 fits both gold events at type_actor, p2 only the first. Taking p1 for the first gold event
    # (first fit) would leave the second unmatched; the best pairing matches both.
    gold = [record("a", [("USAGOV", None, "SANCTION"), (None, "FRAGOV", "SANCTION")])]
    p1 = event("SANCTION", "USAGOV", "FRAGOV")
    p2 = event("SANCTION", "USAGOV", "GBRGOV")
    assert counts(score(gold, [[p1, p2]]), "type_actor") == (2, 0, 0)
    assert counts(score(gold, [[p2, p1]]), "type_actor") == (2, 0, 0)


def test_evaluate_extra_prediction_on_no_event_record_counts(tmp_path: Path) -> None:
    gold = [record("none1", []), record("none2", []), record("one", [("USAGOV", "RUSGOV", "CONSULT")])]
    predicted = [[event("PROTEST", "FRACVL", "FRAGOV")], [], [event("CONSULT", "USAGOV", "RUSGOV")]]
    scores = score(gold, predicted)
    # 1 of the 2 no-event records got an event.
    assert (scores.no_event.n, scores.no_event.with_events) == (2, 1)
    assert scores.no_event.rate == 0.5
    assert scores.metrics()["no_event_fp_rate"] == 0.5
    # The stray event is also a false positive at every level: tp=1, fp=1, fn=0.
    assert counts(scores, "type") == (1, 1, 0)
    assert scores.type.precision == 0.5 and scores.type.recall == 1.0
    assert scores.type.f1 == pytest.approx(2 / 3)


def test_evaluate_negated_prediction_on_no_event_record_is_not_a_false_positive() -> None:
    scores = score([record("none", [])], [[event("PROTEST", "FRACVL", None, negated=True)]])
    assert (scores.no_event.n, scores.no_event.with_events) == (1, 0)
    assert scores.no_event.rate == 0.0


def test_evaluate_no_event_rate_is_none_without_such_records() -> None:
    scores = score([record("a", [("USA", None, "AID")])], [[]])
    assert scores.no_event.n == 0 and scores.no_event.rate is None
    assert scores.to_dict()["no_event_fp"] == {"n": 0, "with_events": 0, "rate": None}
    assert "n/a" in format_report(scores)


def test_evaluate_empty_predictions_give_zero_without_error() -> None:
    scores = score([record("a", [("USA", None, "AID")]), record("b", [])], [[], []])
    assert counts(scores, "type") == (0, 0, 1)
    assert (scores.type.precision, scores.type.recall, scores.type.f1) == (0.0, 0.0, 0.0)


def test_evaluate_rejects_misaligned_predictions(tmp_path: Path) -> None:
    path = write_gold(tmp_path, [gold_line("a", [("USA", None, "AID")]), gold_line("b", [])])
    with pytest.raises(ValueError, match="1 records"):
        evaluate(path, lambda records: [[]])


def test_evaluate_passes_gold_records_to_the_coder(tmp_path: Path) -> None:
    path = write_gold(tmp_path, [gold_line("a", [("USA", None, "AID")], text="The US sent aid.")])
    seen: list[str] = []

    def coder(records: Sequence[GoldRecord]) -> list[list[dict[str, Any]]]:
        seen.extend(r.text for r in records)
        return [[] for _ in records]

    evaluate(path, coder)
    assert seen == ["The US sent aid."]


def test_evaluate_report_and_dict() -> None:
    gold = [record("a", [("USAGOV", "RUSGOV", "CONSULT"), ("CHNGOV", "JPNGOV", "ACCUSE")])]
    scores = score(gold, [[event("CONSULT", "USAGOV", "RUSGOV"), event("ACCUSE", "CHNGOV", "KORGOV")]])
    report = format_report(scores)
    lines = report.splitlines()
    assert any(line.split() == ["type", "1.000", "1.000", "1.000", "2", "0", "0"] for line in lines)
    assert any(line.split() == ["type_country", "0.500", "0.500", "0.500", "1", "1", "1"] for line in lines)
    data = json.loads(json.dumps(scores.to_dict()))
    assert data["levels"]["type_country"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert data["n_gold_events"] == 2 and data["n_predicted"] == 2


# --------------------------------------------------------------------------------------------
# Floors


def scores_with(type_tp: int, type_fp: int, type_fn: int, *, no_event: tuple[int, int] = (0, 0)) -> Scores:
    """Scores with the same counts at every level, built by scoring hand-made records."""
    gold = [record(f"g{i}", [("USAGOV", None, "AID")]) for i in range(type_tp + type_fn)]
    predicted: list[list[dict[str, Any]]] = [[event("AID", "USAGOV")] for _ in range(type_tp)]
    predicted += [[] for _ in range(type_fn)]
    n_none, with_events = no_event
    gold += [record(f"n{i}", []) for i in range(n_none)]
    predicted += [[event("AID", "USAGOV")] if i < with_events else [] for i in range(n_none)]
    # Extra false positives go on the first gold record (as unmatched duplicates).
    if type_fp > with_events:
        predicted[0] = predicted[0] + [event("AID", "USAGOV")] * (type_fp - with_events)
    result = score(gold, predicted)
    assert counts(result, "type") == (type_tp, type_fp, type_fn)
    return result


def write_floors(tmp_path: Path, f1: float, ceiling: float = 1.0, gold: str | None = None) -> Path:
    path = tmp_path / "floors.json"
    metrics = {"type_f1": f1, "type_country_f1": f1, "type_actor_f1": f1}
    path.write_text(json.dumps({"gold": gold, "metrics": metrics, "max_no_event_fp_rate": ceiling}))
    return path


def read_floors(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def test_evaluate_check_floors_flags_a_regression(tmp_path: Path) -> None:
    scores = scores_with(1, 1, 1)  # F1 = 0.5 at every level
    assert check_floors(scores, write_floors(tmp_path, 0.8)) == ["type_f1", "type_country_f1", "type_actor_f1"]
    assert check_floors(scores, write_floors(tmp_path, 0.5)) == []
    assert check_floors(scores, write_floors(tmp_path, 0.3)) == []


def test_evaluate_check_floors_allows_epsilon(tmp_path: Path) -> None:
    scores = scores_with(1, 1, 1)  # F1 = 0.5
    assert EPSILON == 0.0005
    assert check_floors(scores, write_floors(tmp_path, 0.5004)) == []
    assert check_floors(scores, write_floors(tmp_path, 0.5006)) == ["type_f1", "type_country_f1", "type_actor_f1"]


def test_evaluate_check_floors_flags_ceiling(tmp_path: Path) -> None:
    scores = scores_with(1, 1, 0, no_event=(2, 1))  # no-event FP rate 1/2
    assert check_floors(scores, write_floors(tmp_path, 0.0, ceiling=0.25)) == ["no_event_fp_rate"]
    assert check_floors(scores, write_floors(tmp_path, 0.0, ceiling=0.5)) == []
    # Unmeasured (no no-event records): the ceiling is not checked.
    assert check_floors(scores_with(1, 0, 0), write_floors(tmp_path, 0.0, ceiling=0.0)) == []


def test_evaluate_update_floors_refuses_to_lower(tmp_path: Path) -> None:
    path = write_floors(tmp_path, 0.8)
    before = path.read_text()
    with pytest.raises(FloorError) as info:
        update_floors(scores_with(1, 1, 1), path)
    assert info.value.code == "E303"
    assert "type_f1" in str(info.value) and str(path) in str(info.value)
    assert path.read_text() == before  # nothing written


def test_evaluate_update_floors_lowers_only_when_allowed(tmp_path: Path) -> None:
    path = write_floors(tmp_path, 0.8)
    update_floors(scores_with(1, 1, 1), path, allow_regression=True)
    assert read_floors(path)["metrics"] == {"type_f1": 0.5, "type_country_f1": 0.5, "type_actor_f1": 0.5}


def test_evaluate_update_floors_raises_floors_when_scores_rise(tmp_path: Path) -> None:
    path = write_floors(tmp_path, 0.5)
    # tp=2, fp=1, fn=1: P = R = 2/3, F1 = 0.666..., stored rounded down to 0.6666.
    written = update_floors(scores_with(2, 1, 1), path)
    assert read_floors(path) == written
    assert written["metrics"]["type_f1"] == 0.6666
    assert check_floors(scores_with(2, 1, 1), path) == []
    # A lower score afterwards is a regression again.
    assert check_floors(scores_with(1, 1, 1), path) == ["type_f1", "type_country_f1", "type_actor_f1"]


def test_evaluate_update_floors_keeps_floor_within_epsilon(tmp_path: Path) -> None:
    path = write_floors(tmp_path, 0.5004)
    assert update_floors(scores_with(1, 1, 1), path)["metrics"]["type_f1"] == 0.5004


def test_evaluate_ceiling_only_falls(tmp_path: Path) -> None:
    path = write_floors(tmp_path, 0.0, ceiling=1.0)
    # 1 of 2 no-event records with an event: the ceiling falls from 1.0 to 0.5.
    update_floors(scores_with(1, 1, 0, no_event=(2, 1)), path)
    assert read_floors(path)["max_no_event_fp_rate"] == 0.5
    # 2 of 2: the rate rose; refused.
    with pytest.raises(FloorError, match="no_event_fp_rate"):
        update_floors(scores_with(1, 2, 0, no_event=(2, 2)), path)
    assert read_floors(path)["max_no_event_fp_rate"] == 0.5
    # 0 of 4: falls to 0.0.
    update_floors(scores_with(1, 0, 0, no_event=(4, 0)), path)
    assert read_floors(path)["max_no_event_fp_rate"] == 0.0
    # Unmeasured: unchanged.
    update_floors(scores_with(1, 0, 0), path)
    assert read_floors(path)["max_no_event_fp_rate"] == 0.0


def test_evaluate_update_floors_creates_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "new" / "floors.json"
    update_floors(scores_with(1, 1, 1), path)
    data = read_floors(path)
    assert data["metrics"]["type_actor_f1"] == 0.5 and data["max_no_event_fp_rate"] == 1.0


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "[]",
        json.dumps({"metrics": []}),
        json.dumps({"metrics": {"type_F1": 0.5}}),
        json.dumps({"metrics": {"type_f1": "high"}}),
        json.dumps({"metrics": {"type_f1": 1.5}}),
        json.dumps({"metrics": {}, "max_no_event_fp_rate": -0.1}),
    ],
)
def test_evaluate_malformed_floors_file_is_an_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "floors.json"
    path.write_text(content)
    with pytest.raises(FloorError) as info:
        check_floors(scores_with(1, 0, 0), path)
    assert info.value.code == "E305" and str(path) in str(info.value)


def test_evaluate_missing_floors_file_is_an_error_for_check(tmp_path: Path) -> None:
    with pytest.raises(FloorError) as info:
        check_floors(scores_with(1, 0, 0), tmp_path / "absent.json")
    assert info.value.code == "E305"


def test_evaluate_floors_from_another_gold_are_refused(tmp_path: Path) -> None:
    gold_path = write_gold(tmp_path, [gold_line("a", [("USA", None, "AID")])], name="other.jsonl")
    scores = evaluate(gold_path, perfect)
    floors = write_floors(tmp_path, 0.0, gold="plover_gsr_cameo_manual.jsonl")
    for call in (lambda: check_floors(scores, floors), lambda: update_floors(scores, floors)):
        with pytest.raises(FloorError) as info:
            call()
        assert info.value.code == "E306"


def test_evaluate_repo_floors_file_is_valid() -> None:
    path = REPO / "eval" / "floors.json"
    data = read_floors(path)
    assert data["gold"] == "plover_gsr_cameo_manual.jsonl"
    assert set(data["metrics"]) == {"type_f1", "type_country_f1", "type_actor_f1"}
    for value in [*data["metrics"].values(), data["max_no_event_fp_rate"]]:
        assert isinstance(value, float | int) and 0.0 <= value <= 1.0
    # A perfect score passes every floor; an empty coder passes only while floors are zero.
    assert check_floors(scores_with(1, 0, 0), path) == []
    empty_fails = check_floors(scores_with(0, 0, 1), path)
    assert empty_fails == [m for m, v in data["metrics"].items() if v > EPSILON]


# --------------------------------------------------------------------------------------------
# The real dev gold


@pytest.mark.shared
def test_evaluate_dev_gold_loads_and_scores_an_empty_coder() -> None:
    if not DEV_GOLD.is_file():
        pytest.skip(f"the dev gold set is absent: {DEV_GOLD}")
    records = load_gold(DEV_GOLD)
    assert len(records) == 322
    assert sum(len(r.expected) for r in records) == 363
    scores = evaluate(DEV_GOLD, lambda rs: [[] for _ in rs])
    for level in ("type", "type_country", "type_actor"):
        assert counts(scores, level) == (0, 0, 363)
        assert scores.levels[level].recall == 0.0
    assert scores.no_event.n == 0 and scores.no_event.rate is None
    floors = read_floors(REPO / "eval" / "floors.json")["metrics"]
    # An empty coder scores 0: it breaks exactly the floors that are above zero.
    assert check_floors(scores, REPO / "eval" / "floors.json") == [m for m, v in floors.items() if v > EPSILON]
    assert "type_actor" in format_report(scores)
