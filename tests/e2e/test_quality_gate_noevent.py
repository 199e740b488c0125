"""The no-event gate: on hand-checked sentences with no event, the share that gets one must not rise
above the ceiling in eval/floors_noevent.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from dateline.evaluate import check_floors, evaluate, format_report
from dateline.pipeline import code_texts

from conftest import fixture_rows

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
NOEVENT_GOLD = REPO / "tests" / "fixtures" / "noevent_dev.jsonl"
FLOORS = REPO / "eval" / "floors_noevent.json"


def test_quality_gate_noevent_fp_rate_at_or_below_ceiling(nlp: Language, tmp_path: Path) -> None:
    # The fixture points into the news corpora; the gold file eval reads is made with the texts back.
    gold = tmp_path / NOEVENT_GOLD.name
    gold.write_text("".join(json.dumps(row) + "\n" for row in fixture_rows(NOEVENT_GOLD.name, gate=True)), encoding="utf-8")
    scores = evaluate(
        gold, lambda records: code_texts([r.text for r in records], dates=[r.date for r in records], nlp=nlp)
    )
    # The set holds only no-event sentences, so the rate is measured on all of them.
    assert scores.no_event.n == scores.n_records == 120
    assert check_floors(scores, FLOORS) == [], format_report(scores)
