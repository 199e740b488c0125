"""The quality gate: the dev-gold eval with the real pipeline must not fall below eval/floors.json."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DEV_GOLD, need_shared
from spacy.language import Language

from dateline.evaluate import check_floors, evaluate, format_report
from dateline.pipeline import code_texts

pytestmark = pytest.mark.e2e

FLOORS = Path(__file__).resolve().parents[2] / "eval" / "floors.json"


def test_quality_gate_dev_gold_at_or_above_floors(nlp: Language) -> None:
    gold = need_shared(DEV_GOLD, gate=True)
    scores = evaluate(gold, lambda records: code_texts([r.text for r in records], dates=[r.date for r in records], nlp=nlp))
    assert check_floors(scores, FLOORS) == [], format_report(scores)
