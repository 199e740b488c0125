"""The no-event gate: on hand-checked sentences with no event, the share that gets one must not rise
above the ceiling in eval/floors_noevent.json."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from dateline.evaluate import check_floors, evaluate, format_report
from dateline.pipeline import code_texts

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
NOEVENT_GOLD = REPO / "tests" / "fixtures" / "noevent_dev.jsonl"
FLOORS = REPO / "eval" / "floors_noevent.json"


def test_quality_gate_noevent_fp_rate_at_or_below_ceiling(nlp: Language) -> None:
    scores = evaluate(
        NOEVENT_GOLD, lambda records: code_texts([r.text for r in records], dates=[r.date for r in records], nlp=nlp)
    )
    # The set holds only no-event sentences, so the rate is measured on all of them.
    assert scores.no_event.n == scores.n_records == 120
    assert check_floors(scores, FLOORS) == [], format_report(scores)
