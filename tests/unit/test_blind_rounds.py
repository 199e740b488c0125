"""The blind rounds are named once (blind_rounds.json beside the labels); `dateline train` leaves them out by
default and will not overwrite a cross-fitted model with a first-stage one."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dateline.cli import cli
from dateline.newseval import blind_rounds

LABELS = Path(__file__).resolve().parents[2] / "eval" / "news" / "labels.jsonl"


def test_blind_rounds_are_read_beside_the_labels(tmp_path: Path) -> None:
    labels = tmp_path / "labels.jsonl"
    labels.write_text("")
    assert blind_rounds(labels) == ()
    (tmp_path / "blind_rounds.json").write_text(json.dumps({"rounds": [9, 8]}))
    assert blind_rounds(labels) == (8, 9)
    assert blind_rounds(LABELS)  # the project's own labels keep a blind set


def test_train_refuses_to_overwrite_a_cross_fitted_model_without_force(tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    meta = {"stage": {"fitted": True, "components_fitted_on_rounds": {"crossfit": "folds", "folds": [[1], [2]]}}}
    out.write_text(json.dumps({"meta": meta}))
    result = CliRunner().invoke(cli, ["train", str(LABELS), "--out", str(out)])
    assert result.exit_code != 0 and "E312" in result.output
    assert json.loads(out.read_text())["meta"] == meta  # untouched
