"""`dateline train` fits the real confidence model on labelled real news (a few articles, for speed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import NEWS, need_shared

from dateline.confidence import Model
from dateline.train import THRESHOLD_GRID, choose_default_threshold, train

pytestmark = pytest.mark.e2e

LABELS = Path(__file__).resolve().parents[2] / "eval" / "news" / "labels.jsonl"


def test_train_writes_a_calibrated_model_with_its_provenance(tmp_path: Path) -> None:
    news = need_shared(NEWS)
    out = tmp_path / "model.json"
    report = train(LABELS, news, out, limit=12)
    data = json.loads(out.read_text())
    model = Model.from_dict(data)
    assert data["meta"]["labels"]["sha1"] == report["labels"]["sha1"] and len(report["labels"]["sha1"]) == 12
    # (an article of the twelve may hold no labelled event: train_articles counts those that do; the twelve give
    # about a hundred counted events, fewer as the act filter un-counts more non-acts)
    assert 0 < report["labels"]["train_articles"] <= 12 and report["labels"]["train_events"] > 50
    assert len(model.weights) > 20 and any(name.startswith("lemma=") for name in model.weights)
    assert model.calibration_x == sorted(model.calibration_x) and model.calibration_y == sorted(model.calibration_y)
    # the calibration fitted is named in the model's meta (session 37 mend): Platt, or the identity it falls back to
    assert data["meta"]["calibration"] in ("platt", "identity") and report["calibration"] == data["meta"]["calibration"]
    assert 0.0 <= model.threshold <= 1.0 and 0.0 <= report["dev"]["ece_cross_fitted"] <= 1.0
    probabilities = [model.predict({"root=01": 1.0, "lemma=say": 1.0}), model.predict({"root=19": 1.0})]
    assert all(0.0 <= p <= 1.0 for p in probabilities) and len(probabilities) == 2
    assert [row["min_confidence"] for row in report["dev"]["by_min_confidence"]][:2] == [0.0, 0.05]
    # the default threshold: the target precision's where it keeps a quarter of the counted events, else the grid's
    # best dev strict F1 (session 50), with the rows behind it in the report
    dev = report["dev"]
    if dev["threshold_rule"] == "target precision":
        assert dev["by_min_confidence_scored"] == [] and model.threshold == dev["target_threshold"]
    else:
        rows = dev["by_min_confidence_scored"]
        assert [row["min_confidence"] for row in rows] == list(THRESHOLD_GRID)
        assert model.threshold == max(rows, key=lambda r: (r["strict_f1"], -r["min_confidence"]))["min_confidence"]


def test_threshold_only_chooses_the_threshold_again_without_refitting(tmp_path: Path) -> None:
    """`dateline train --threshold-only`: the model's weights and calibration stay; the threshold and the dev rows
    behind it are written into its meta."""
    from dateline.confidence import shipped_model

    news = need_shared(NEWS)
    shipped = shipped_model()
    assert shipped is not None
    out = tmp_path / "model.json"
    out.write_text(json.dumps(shipped.to_dict()), encoding="utf-8")
    before = json.loads(out.read_text())
    dev = choose_default_threshold(out, LABELS, news, limit=8)
    after = json.loads(out.read_text())
    assert {k: v for k, v in after.items() if k not in ("threshold", "meta")} == \
        {k: v for k, v in before.items() if k not in ("threshold", "meta")}
    assert after["threshold"] == dev["threshold"] and after["meta"]["dev"]["threshold_chosen"]["labels_sha1"]
    rows = dev["by_min_confidence_scored"]
    if rows:  # the target precision out of reach on eight articles: the best strict F1 of the grid
        assert len(rows) == len(THRESHOLD_GRID) and rows[0]["counted"] >= rows[-1]["counted"] > 0 or rows[0]["counted"] == 0
        assert dev["threshold"] in THRESHOLD_GRID
