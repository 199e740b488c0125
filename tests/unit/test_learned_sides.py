"""tools/learned_sides.py: ``--sentence-margin`` (session 40) and the shipped chooser's rule it measures with."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import need_module

need_module("sklearn")

_PATH = Path(__file__).resolve().parents[2] / "tools" / "learned_sides.py"
_SPEC = importlib.util.spec_from_file_location("learned_sides", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
ls = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(ls)

from dateline.sides_model import SidesModel  # noqa: E402


def _row(k: int, label: str) -> dict:
    cands = {"USA": {"pool=sent": 1.0, "named_apart": 1.0, "chosen": 1.0}, "CHN": {"pool=sent": 1.0, "named_apart": 1.0},
             "NONE": {"pool=none": 1.0}}
    return {"article": f"a{k}", "split": "train", "round": 1, "act": True, "expected": "11", "counted": True,
            "modality": "asserted", "cameo": "111", "rules": {}, "current": {"source": "USA", "target": "USA"},
            "label": {"source": "USA", "target": label}, "cands": {"source": cands, "target": cands}}


def test_sentence_margin_parses_sides_and_refuses_another() -> None:
    assert ls.sentence_margins("target=0.0") == {"target": 0.0}
    assert ls.sentence_margins(" source=0.05, target=0 ") == {"source": 0.05, "target": 0.0}
    assert ls.sentence_margins("") == {}
    with pytest.raises(SystemExit):
        ls.sentence_margins("targt=0.0")


def test_sentence_margin_is_written_into_the_model(tmp_path, monkeypatch) -> None:
    # --sentence-margin target=0.0 -> write -> SidesModel.from_dict -> margin["target_sentence"]
    monkeypatch.setattr(ls, "SENTENCE_MARGIN", {"target": 0.0})
    rows = [_row(k, "CHN" if k % 2 else "USA") for k in range(8)]
    out = tmp_path / "model.json"
    ls.write(rows, out, None, {"c_source": {"chosen": 0.3, "margin": 0.0}, "c_target": {"chosen": 0.3, "margin": 0.16}})
    import json
    model = SidesModel.from_dict(json.loads(out.read_text(encoding="utf-8")))
    assert model.margin == {"source": 0.0, "target": 0.16, "target_sentence": 0.0}


def test_the_tool_chooses_with_the_shipped_rule() -> None:
    # the tool's choose reads the sentence margin as SidesModel.scored does (sides_model.inside, margin_for)
    row = _row(0, "CHN")
    probs = {"USA": 0.5, "CHN": 0.55, "NONE": 0.1}
    assert ls.choose(row, "target", probs, {"target": 0.16}) == "USA"
    assert ls.choose(row, "target", probs, {"target": 0.16, "target_sentence": 0.0}) == "CHN"
    # a country the sentence names only as a venue or by default (no named_apart) keeps the side's margin
    row["cands"]["target"] = {**row["cands"]["target"], "CHN": {"pool=sent": 1.0, "venue": 1.0}}
    assert ls.choose(row, "target", probs, {"target": 0.16, "target_sentence": 0.0}) == "USA"
