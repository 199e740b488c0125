"""The evaluation harness behind ``dateline eval GOLD.jsonl``, and its quality gate (floors).

The harness does not know how events are made: :func:`evaluate` takes a *coder*, a callable that
gets the gold records and returns, for each record, the events it found in dateline's output shape::

    {"source": None | {"text", "code", "country", "sector"}, "target": ..., "cameo": "036",
     "plover": {"event", "mode", "context"}, "negated": False, "modality": "asserted", ...}

Scoring rules (see eval/README.md):

* Only events that are not negated and are asserted (``modality`` "asserted" or missing) count.
  An event's type is ``plover.event`` (old 0.5b1 names normalised), else its ``cameo`` code mapped
  through the codebook; events with neither (CAMEO 01/02, which PLOVER does not code) are ignored.
* Gold codes are PLOVER-2021 types: ``code_plover2021`` when present, else ``code`` (a CAMEO code
  is mapped, an old PLOVER name normalised).
* Levels: ``type`` (event type only), ``type_country`` (type + first three letters of the source
  and target codes), ``type_actor`` (type + full codes). A null gold side is "unspecified" and is
  not checked; a gold code ending in ``*`` (``"ISR***"``, sector unknown) matches any code that
  starts with what precedes the stars.
* Within a record, matching is one-to-one: each gold event matches at most one prediction and
  each prediction at most one gold event. The pairing is a maximum matching (greedy assignment
  with re-assignment along augmenting paths), so scores do not depend on the order events are
  listed in. Unmatched predictions are false positives, unmatched gold events false negatives.
* ``no_event_fp``: among records whose ``expected`` is empty, the share with at least one counted
  prediction (None when there are no such records).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dateline.codebook import cameo_to_plover, is_cameo, normalise_plover
from dateline.errors import FloorError, GoldError, InputError

__all__ = [
    "CEILING_KEY",
    "CEILING_METRIC",
    "EPSILON",
    "FLOOR_METRICS",
    "LEVELS",
    "Coder",
    "GoldEvent",
    "GoldRecord",
    "LevelScore",
    "NoEventScore",
    "Scores",
    "check_floors",
    "evaluate",
    "format_report",
    "load_gold",
    "score",
    "update_floors",
]

#: Scoring levels, strictest last.
LEVELS: tuple[str, ...] = ("type", "type_country", "type_actor")
#: Metrics with a floor (higher is better), as named in floors.json ``metrics``.
FLOOR_METRICS: tuple[str, ...] = tuple(f"{level}_f1" for level in LEVELS)
#: The metric with a ceiling (lower is better), and its key in floors.json.
CEILING_METRIC = "no_event_fp_rate"
CEILING_KEY = "max_no_event_fp_rate"
#: Tolerance of the gate. Stored bounds are rounded to 4 decimals and scores are sums of floats, so
#: a score equal to its bound may differ from it in the 5th decimal; 0.0005 absorbs that, yet is far
#: below what one gold event moves a score on the dev set (1/363 ~ 0.0028), so a real regression
#: of even one event still trips the gate.
EPSILON = 0.0005
_SCALE = 10_000  # bounds are stored to 4 decimals

#: A coder: gold records in, one list of event dicts (dateline's output shape) per record out.
Coder = Callable[[Sequence["GoldRecord"]], list[list[dict[str, Any]]]]


# --------------------------------------------------------------------------------------------
# Gold records


@dataclass(frozen=True)
class GoldEvent:
    """One expected event: actor codes (None = unspecified) and a PLOVER-2021 event type."""

    source: str | None
    target: str | None
    code: str


@dataclass(frozen=True)
class GoldRecord:
    """One gold sentence and the events it should yield (an empty list: no event)."""

    id: str
    text: str
    date: dt.date | None
    expected: list[GoldEvent] = field(default_factory=list)


def load_gold(path: str | os.PathLike[str]) -> list[GoldRecord]:
    """Read and validate a gold JSON Lines file; blank lines are skipped.

    Raises GoldError E301 (a malformed line), E302 (an unknown event code) or E304 (a CAMEO code
    with no PLOVER type), each naming the file and line; InputError E001 if the file is missing.
    """
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("E001", source=source) from None
    records: list[GoldRecord] = []
    seen: dict[str, int] = {}
    for number, line_bytes in enumerate(raw.splitlines(), start=1):
        try:
            line = line_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise GoldError("E301", source=source, record=number, detail=f"not UTF-8: {exc.reason}") from None
        if number == 1:
            line = line.removeprefix("\ufeff")  # a byte-order mark some editors write
        if not line.strip():
            continue
        record = _parse_record(line, source, number)
        if record.id in seen:
            raise GoldError(
                "E301", source=source, record=number, detail=f"id {record.id!r} already used on line {seen[record.id]}"
            )
        seen[record.id] = number
        records.append(record)
    return records


def _parse_record(line: str, source: str, number: int) -> GoldRecord:
    def bad(detail: str) -> GoldError:
        return GoldError("E301", source=source, record=number, detail=detail)

    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise bad(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(obj, dict):
        raise bad(f"a JSON {type(obj).__name__}, not an object")
    record_id = obj.get("id")
    if not isinstance(record_id, str) or not record_id.strip():
        raise bad("'id' missing or not a non-empty string")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise bad("'text' missing or not a non-empty string")
    date = _parse_date(obj.get("date"), bad)
    expected = obj.get("expected")
    if not isinstance(expected, list):
        raise bad("'expected' missing or not a list")
    events = [_parse_event(item, i, source, number, bad) for i, item in enumerate(expected)]
    return GoldRecord(id=record_id, text=text, date=date, expected=events)


def _parse_date(value: object, bad: Callable[[str], GoldError]) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise bad(f"'date' is {value!r}, not YYYY-MM-DD or null")


def _parse_event(
    item: object, index: int, source: str, number: int, bad: Callable[[str], GoldError]
) -> GoldEvent:
    if not isinstance(item, dict):
        raise bad(f"expected[{index}] is not an object")
    actors: dict[str, str | None] = {}
    for side in ("source", "target"):
        value = item.get(side)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise bad(f"expected[{index}].{side} is {value!r}, not an actor code or null")
        actors[side] = value.strip() if isinstance(value, str) else None
    given: dict[str, str] = {}
    for key in ("code", "code_plover2021"):
        value = item.get(key)
        if value is None and key == "code_plover2021":
            continue
        if not isinstance(value, str) or not value.strip():
            raise bad(f"expected[{index}].{key} is {value!r}, not an event code")
        given[key] = value.strip()
    if "code_plover2021" in given:
        # The PLOVER-2021 type is the one scored; 'code' must still be a known code of some scheme.
        code = _gold_type(given["code_plover2021"], source, number)
        if not (is_cameo(given["code"]) or normalise_plover(given["code"])):
            raise GoldError("E302", source=source, record=number, event_code=given["code"])
    else:
        code = _gold_type(given["code"], source, number)
    return GoldEvent(source=actors["source"], target=actors["target"], code=code)


def _gold_type(code: str, source: str, number: int) -> str:
    """The PLOVER-2021 type of gold code ``code`` (a CAMEO code or a PLOVER name of either scheme)."""
    code = code.strip()
    if code.isdigit():
        if not is_cameo(code):
            raise GoldError("E302", source=source, record=number, event_code=code)
        mapped = cameo_to_plover(code)
        if mapped is None:
            raise GoldError("E304", source=source, record=number, event_code=code)
        return mapped.event
    name = normalise_plover(code)
    if name is None:
        raise GoldError("E302", source=source, record=number, event_code=code)
    return name


# --------------------------------------------------------------------------------------------
# Scores


def f1_score(precision: float, recall: float) -> float:
    """F1, the harmonic mean of a precision and a recall (0.0 when both are 0): the one formula of the gold eval's
    :class:`LevelScore` and the news eval's :attr:`dateline.newseval.NewsScores.f1` and ``strict_f1``."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class LevelScore:
    """Counts at one level; precision, recall and F1 are 0.0 when their denominator is 0."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class NoEventScore:
    """Records whose gold has no event (``n``), and how many of them got a counted prediction."""

    n: int
    with_events: int

    @property
    def rate(self) -> float | None:
        """``with_events / n``; None when there are no such records (nothing measured)."""
        return self.with_events / self.n if self.n else None

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "with_events": self.with_events, "rate": self.rate}


@dataclass(frozen=True)
class Scores:
    """The result of one evaluation: per-level counts, the no-event FP rate, and totals."""

    levels: Mapping[str, LevelScore]
    no_event: NoEventScore
    n_records: int
    n_gold_events: int
    n_predicted: int  # counted predictions (asserted, not negated, with a PLOVER type)
    n_ignored: int  # predictions left out: negated, not asserted, or outside PLOVER
    gold: str | None = None  # file name of the gold set, when known

    @property
    def type(self) -> LevelScore:
        return self.levels["type"]

    @property
    def type_country(self) -> LevelScore:
        return self.levels["type_country"]

    @property
    def type_actor(self) -> LevelScore:
        return self.levels["type_actor"]

    def metrics(self) -> dict[str, float | None]:
        """The gated metrics: ``type_f1``, ``type_country_f1``, ``type_actor_f1``, ``no_event_fp_rate``."""
        values: dict[str, float | None] = {f"{level}_f1": self.levels[level].f1 for level in LEVELS}
        values[CEILING_METRIC] = self.no_event.rate
        return values

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "gold": self.gold,
            "n_records": self.n_records,
            "n_gold_events": self.n_gold_events,
            "n_predicted": self.n_predicted,
            "n_ignored": self.n_ignored,
            "levels": {level: self.levels[level].to_dict() for level in LEVELS},
            "no_event_fp": self.no_event.to_dict(),
        }


@dataclass(frozen=True)
class _Prediction:
    code: str
    source: str | None
    target: str | None
    source_country: str | None
    target_country: str | None


def _actor(value: object) -> tuple[str | None, str | None]:
    """(code, country) of a predicted actor dict; country is the code's first three letters."""
    if not isinstance(value, Mapping):
        return None, None
    raw_code, raw_country = value.get("code"), value.get("country")
    code = raw_code.strip() if isinstance(raw_code, str) and raw_code.strip() else None
    if code:
        return code, code[:3]
    country = raw_country.strip() if isinstance(raw_country, str) and raw_country.strip() else None
    return None, country


def _prediction(event: Mapping[str, Any]) -> _Prediction | None:
    """The scored form of a predicted event, or None when it does not count."""
    if event.get("negated", False) or event.get("modality") not in (None, "asserted") or event.get("counted") is False:
        return None
    plover = event.get("plover")
    name = plover.get("event") if isinstance(plover, Mapping) else plover
    code: str | None = None
    if isinstance(name, str) and name.strip():
        # An unknown name is kept as written: it counts, and can only be a false positive.
        code = normalise_plover(name) or name.strip().upper()
    else:
        cameo = event.get("cameo")
        mapped = cameo_to_plover(cameo) if isinstance(cameo, str) else None
        code = mapped.event if mapped else None
    if code is None:
        return None
    source, source_country = _actor(event.get("source"))
    target, target_country = _actor(event.get("target"))
    return _Prediction(code, source, target, source_country, target_country)


def _same_actor(gold: str | None, code: str | None) -> bool:
    if gold is None:
        return True
    if code is None:
        return False
    if gold.endswith("*"):
        return code.startswith(gold.rstrip("*"))
    return code == gold


def _same_country(gold: str | None, country: str | None) -> bool:
    return gold is None or (country is not None and country == gold[:3])


def _matches(level: str, gold: GoldEvent, pred: _Prediction) -> bool:
    if gold.code != pred.code:
        return False
    if level == "type_country":
        return _same_country(gold.source, pred.source_country) and _same_country(gold.target, pred.target_country)
    if level == "type_actor":
        return _same_actor(gold.source, pred.source) and _same_actor(gold.target, pred.target)
    return True


def _matched(level: str, gold: Sequence[GoldEvent], preds: Sequence[_Prediction]) -> int:
    """Size of a maximum one-to-one matching between gold events and predictions."""
    owner: list[int | None] = [None] * len(preds)

    def assign(g: int, seen: set[int]) -> bool:
        for p, pred in enumerate(preds):
            if p in seen or not _matches(level, gold[g], pred):
                continue
            seen.add(p)
            holder = owner[p]
            if holder is None or assign(holder, seen):
                owner[p] = g
                return True
        return False

    return sum(assign(g, set()) for g in range(len(gold)))


def score(gold: Sequence[GoldRecord], predicted: Sequence[Sequence[Mapping[str, Any]]]) -> Scores:
    """Score ``predicted`` (one list of event dicts per gold record, same order) against ``gold``."""
    if len(predicted) != len(gold):
        raise ValueError(f"got predictions for {len(predicted)} records, but there are {len(gold)} gold records")
    counts = {level: [0, 0, 0] for level in LEVELS}  # tp, fp, fn
    n_predicted = n_ignored = no_event_n = no_event_hit = 0
    for record, events in zip(gold, predicted):
        preds: list[_Prediction] = []
        for event in events:
            if not isinstance(event, Mapping):
                raise ValueError(f"record {record.id!r}: a predicted event is a {type(event).__name__}, not a dict")
            pred = _prediction(event)
            if pred is None:
                n_ignored += 1
            else:
                preds.append(pred)
        n_predicted += len(preds)
        if not record.expected:
            no_event_n += 1
            no_event_hit += bool(preds)
        for level in LEVELS:
            tp = _matched(level, record.expected, preds)
            counts[level][0] += tp
            counts[level][1] += len(preds) - tp
            counts[level][2] += len(record.expected) - tp
    return Scores(
        levels={level: LevelScore(*counts[level]) for level in LEVELS},
        no_event=NoEventScore(n=no_event_n, with_events=no_event_hit),
        n_records=len(gold),
        n_gold_events=sum(len(r.expected) for r in gold),
        n_predicted=n_predicted,
        n_ignored=n_ignored,
    )


def evaluate(path: str | os.PathLike[str], code: Coder) -> Scores:
    """Load the gold file at ``path``, run the coder on its records, and score what it returns."""
    records = load_gold(path)
    predicted = code(records)
    if not isinstance(predicted, list):
        raise TypeError(f"the coder returned a {type(predicted).__name__}, not a list of lists of events")
    return replace(score(records, predicted), gold=Path(path).name)


def format_report(scores: Scores) -> str:
    """A plain-text table of the scores."""
    head = f"gold: {scores.gold or '(unnamed)'}: {scores.n_records} records, {scores.n_gold_events} gold events"
    head += (f", {scores.n_predicted} predicted events scored ({scores.n_ignored} left out: negated, not asserted, "
             "not counted, or with no PLOVER type, as CAMEO 01)")
    lines = [head, "", f"{'level':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'fp':>7}{'fn':>7}"]
    for level in LEVELS:
        s = scores.levels[level]
        lines.append(f"{level:<14}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>7}{s.fp:>7}{s.fn:>7}")
    ne = scores.no_event
    if ne.rate is None:
        lines.append("\nno-event FP rate: n/a (no gold record without events)")
    else:
        lines.append(f"\nno-event FP rate: {ne.rate:.3f} ({ne.with_events} of {ne.n} records without gold events got one)")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Floors: the quality gate


@dataclass(frozen=True)
class _Floors:
    gold: str | None
    metrics: dict[str, float]
    ceiling: float


def _read_floors(path: Path) -> _Floors:
    def bad(detail: str) -> FloorError:
        return FloorError("E305", floors=str(path), detail=detail)

    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise bad("no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise bad(str(exc)) from None
    except json.JSONDecodeError as exc:
        raise bad(f"invalid JSON: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(obj, dict):
        raise bad("not a JSON object")
    gold = obj.get("gold")
    if gold is not None and not isinstance(gold, str):
        raise bad("'gold' is not a file name")
    metrics = obj.get("metrics", {})
    if not isinstance(metrics, dict):
        raise bad("'metrics' is not an object")
    unknown = sorted(set(metrics) - set(FLOOR_METRICS))
    if unknown:
        raise bad(f"unknown metric(s) {', '.join(unknown)}; known: {', '.join(FLOOR_METRICS)}")
    for name, value in [*metrics.items(), (CEILING_KEY, obj.get(CEILING_KEY, 1.0))]:
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
            raise bad(f"{name} is {value!r}, not a number from 0 to 1")
    return _Floors(
        gold=gold,
        metrics={name: float(metrics.get(name, 0.0)) for name in FLOOR_METRICS},
        ceiling=float(obj.get(CEILING_KEY, 1.0)),
    )


def _check_gold(floors: _Floors, scores: Scores, path: Path) -> None:
    if floors.gold and scores.gold and Path(floors.gold).name != Path(scores.gold).name:
        raise FloorError("E306", floors=str(path), expected=floors.gold, found=scores.gold)


def check_floors(scores: Scores, floors_path: str | os.PathLike[str]) -> list[str]:
    """Names of the metrics that break their bound: an F1 below its floor minus EPSILON, or
    ``no_event_fp_rate`` above its ceiling plus EPSILON (not checked when unmeasured)."""
    path = Path(floors_path)
    floors = _read_floors(path)
    _check_gold(floors, scores, path)
    values = scores.metrics()
    failed = [name for name in FLOOR_METRICS if (values[name] or 0.0) < floors.metrics[name] - EPSILON]
    rate = values[CEILING_METRIC]
    if rate is not None and rate > floors.ceiling + EPSILON:
        failed.append(CEILING_METRIC)
    return failed


def _round_down(value: float) -> float:
    return math.floor(round(value * _SCALE, 6)) / _SCALE


def _round_up(value: float) -> float:
    return math.ceil(round(value * _SCALE, 6)) / _SCALE


def update_floors(
    scores: Scores, floors_path: str | os.PathLike[str], *, allow_regression: bool = False
) -> dict[str, Any]:
    """Raise floors (and lower the ceiling) to ``scores``; never the other way unless allowed.

    A missing file is created. Values are stored to 4 decimals, rounded towards the safe side.
    Raises FloorError E303 if a score breaks its bound (beyond EPSILON) and ``allow_regression``
    is False; then nothing is written. Returns the floors as written.
    """
    path = Path(floors_path)
    floors = _read_floors(path) if path.exists() else _Floors(None, dict.fromkeys(FLOOR_METRICS, 0.0), 1.0)
    _check_gold(floors, scores, path)
    values = scores.metrics()
    regressions: list[str] = []
    new_metrics: dict[str, float] = {}
    for name in FLOOR_METRICS:
        old, value = floors.metrics[name], values[name] or 0.0
        if value < old - EPSILON:
            regressions.append(name)
            new_metrics[name] = _round_down(value)
        else:
            new_metrics[name] = max(old, _round_down(value))
    ceiling, rate = floors.ceiling, values[CEILING_METRIC]
    if rate is not None:
        if rate > ceiling + EPSILON:
            regressions.append(CEILING_METRIC)
            ceiling = _round_up(rate)
        else:
            ceiling = min(ceiling, _round_up(rate))
    if regressions and not allow_regression:
        raise FloorError("E303", floors=str(path), names=", ".join(regressions))
    result: dict[str, Any] = {
        "gold": scores.gold or floors.gold,
        "metrics": new_metrics,
        CEILING_KEY: ceiling,
    }
    _write_json(path, result)
    return result


def _write_json(path: Path, obj: Mapping[str, Any]) -> None:
    """Write ``obj`` to ``path`` atomically (a temporary file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(obj, fh, indent=2)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# -- precision from reviews (issue 12: `dateline eval --reviews --db FILE`) -----------------------

#: Groups of the reviewed-precision report: name -> SQL over the reviewed event ``e`` (the coder's row).
#: "rule": the evidence kind that completed the event or a side beyond its sentence's parse, else "parse".
REVIEW_GROUPS = {
    "cameo_root": "coalesce(left(e.cameo, 2), '(none)')",
    "rule": """coalesce(json_extract_string(e.evidence, '$.event.kind'),
                        CASE WHEN json_extract(e.evidence, '$.source') IS NOT NULL
                               OR json_extract(e.evidence, '$.target') IS NOT NULL THEN 'side_rule' END, 'parse')""",
}


def review_precision(con: Any) -> dict[str, list[dict[str, Any]]]:
    """Precision of the coder as the reviews judge it, per CAMEO root, per rule and per confidence band.

    Each event counts once, by its latest review: ``right`` is a true positive; ``wrong`` (no such
    event) and ``corrected`` (an event, but a value was wrong) are not. ``precision`` is right / reviewed,
    ``event_precision`` (right + corrected) / reviewed. Confidence bands (0.1 wide) appear only when the
    events table has a ``confidence`` column.
    """
    from .store import LATEST_REVIEWS, has_table

    if not has_table(con, "reviews"):
        return {name: [] for name in (*REVIEW_GROUPS, "confidence_band", "all")}
    columns = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    groups = dict(REVIEW_GROUPS)
    if "confidence" in columns:
        groups["confidence_band"] = "coalesce(printf('%.1f', floor(e.confidence * 10) / 10), '(none)')"
    groups["all"] = "'all'"
    out: dict[str, list[dict[str, Any]]] = {} if "confidence" in columns else {"confidence_band": []}
    for name, key in groups.items():
        rows = con.execute(f"""
            SELECT {key} AS grp, count(*) AS reviewed, count(*) FILTER (r.verdict = 'right') AS right,
                   count(*) FILTER (r.verdict = 'corrected') AS corrected,
                   count(*) FILTER (r.verdict = 'wrong') AS wrong
            FROM ({LATEST_REVIEWS}) r JOIN events e ON e.id = r.event_id
            GROUP BY 1 ORDER BY 1""").fetchall()
        out[name] = [{"group": g, "reviewed": n, "right": ok, "corrected": fixed, "wrong": bad,
                      "precision": round(ok / n, 4), "event_precision": round((ok + fixed) / n, 4)}
                     for g, n, ok, fixed, bad in rows]
    return out


def format_review_precision(report: Mapping[str, Sequence[Mapping[str, Any]]]) -> str:
    lines: list[str] = []
    for name, rows in report.items():
        lines.append(f"Precision from reviews, by {name}")
        lines.append(f"  {'group':<14}{'reviewed':>9}{'right':>7}{'corr.':>7}{'wrong':>7}{'precision':>11}{'event prec.':>13}")
        for r in rows:
            lines.append(f"  {str(r['group']):<14}{r['reviewed']:>9}{r['right']:>7}{r['corrected']:>7}{r['wrong']:>7}"
                         f"{r['precision']:>11.3f}{r['event_precision']:>13.3f}")
        if not rows:
            lines.append("  (no confidence column in this database)" if name == "confidence_band" else "  (no reviews)")
    return "\n".join(lines)
