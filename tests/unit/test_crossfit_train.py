"""tools/crossfit_train.py: each fold's components are refitted without the fold, with the shipped settings."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from conftest import need_module

need_module("sklearn")

_TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(_TOOLS))
_SPEC = importlib.util.spec_from_file_location("crossfit_train", _TOOLS / "crossfit_train.py")
assert _SPEC is not None and _SPEC.loader is not None
cf = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(cf)

from dateline.newseval import article_round, blind_rounds  # noqa: E402
from dateline.roots_model import LEXICON_CODE_RULES, RootsModel  # noqa: E402


def row(article: str, rnd: int, expected: str, feature: str) -> dict:
    return {"article": article, "cameo": "010", "expected": expected, "act": True, "label_modality": "asserted",
            "src_right": True, "tgt_right": True, "counted": True, "split": "train", "round": rnd,
            "features": {feature: 1.0}, "generic": {}}


def test_a_fold_root_correction_is_fitted_without_the_fold_with_the_shipped_settings(tmp_path: Path) -> None:
    rows = ([row(f"a{i}", 1, "11", "child=accuse") for i in range(6)] + [row(f"b{i}", 3, "01", "child=plan") for i in range(6)]
            # the fold's own rows would teach the opposite: they must not be fitted on
            + [row(f"c{i}", 4, "01", "child=accuse") for i in range(20)])
    shipped = RootsModel.from_weights(["01", "11"], {"01": {}, "11": {}}, {"01": 0.0, "11": 0.0}, "margin", 0.3,
                                      {"variant": "all", "c": 1.0}, 0.6, LEXICON_CODE_RULES)
    model = cf.fold_roots(rows, {1, 3}, shipped, tmp_path / "roots.json")
    assert model.meta["fitted_rounds"] == [1, 3]
    assert (model.rule, model.threshold, model.cross_threshold, model.code_rules) == ("margin", 0.3, 0.6, LEXICON_CODE_RULES)
    probs = model.probs({"child=accuse": 1.0})
    assert probs["11"] > probs["01"]


def test_the_default_folds_cover_the_labelled_train_rounds_once() -> None:
    folds = [{int(r) for r in f.split(",")} for f in cf.FOLDS.split(";")]
    every = [r for f in folds for r in f]
    assert len(every) == len(set(every))
    labels = Path(__file__).resolve().parents[2] / "eval" / "news" / "labels.jsonl"
    articles = [json.loads(line) for line in (labels.parent / "articles.jsonl").read_text().splitlines() if line.strip()]
    blind = set(blind_rounds(labels))
    train_rounds = {article_round(a) for a in articles if a["split"] == "train"} - blind
    # the blind rounds are taken out of the folds at run time; every other train round is in one fold
    assert set(every) - blind == train_rounds


def test_a_rows_file_coded_from_other_arguments_is_refused(tmp_path: Path) -> None:
    import pickle

    rows = tmp_path / "rows.pkl"
    rows.write_bytes(pickle.dumps({"meta": {"crossfit": True, "labels_sha1": "0" * 40}, "train": [], "dev": []}))
    with pytest.raises(SystemExit, match="labels_sha1"):
        cf.main(["--rows", str(rows), "--out", str(tmp_path / "model.json")])
    rows.write_bytes(pickle.dumps({"train": [], "dev": []}))  # an older rows file: says nothing of its making
    with pytest.raises(SystemExit, match="older rows file"):
        cf.main(["--rows", str(rows), "--out", str(tmp_path / "model.json")])
