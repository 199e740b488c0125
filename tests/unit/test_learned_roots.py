"""tools/learned_roots.py: the correction rule (p or margin), the scoring of moves, the feature sets."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from conftest import need_module

need_module("sklearn")

_PATH = Path(__file__).resolve().parents[2] / "tools" / "learned_roots.py"
_SPEC = importlib.util.spec_from_file_location("learned_roots", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
lr = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(lr)

from dateline.roots_model import RootsModel  # noqa: E402


def row(article: str, cameo: str, expected: str | None, *, act: bool = True, sides: bool = True,
        features: dict[str, float] | None = None) -> dict:
    return {"article": article, "cameo": cameo, "expected": expected, "act": act, "label_modality": "asserted",
            "src_right": sides, "tgt_right": sides, "counted": True, "split": "train", "round": 1,
            "features": features or {}, "generic": {}}


def test_probability_rule_needs_the_best_root_at_p() -> None:
    classes = ["01", "11", "19"]
    assert lr.decide([0.3, 0.6, 0.1], classes, "01", "p", 0.5) == "11"
    assert lr.decide([0.3, 0.6, 0.1], classes, "01", "p", 0.7) == "01"
    assert lr.decide([0.7, 0.2, 0.1], classes, "01", "p", 0.5) == "01"  # the coded root is already the best


def test_margin_rule_compares_with_the_coded_roots_probability() -> None:
    classes = ["01", "11", "19"]
    assert lr.decide([0.35, 0.45, 0.2], classes, "01", "margin", 0.2) == "01"  # beats it by 0.1 only
    assert lr.decide([0.15, 0.65, 0.2], classes, "01", "margin", 0.2) == "11"
    # a coded root the model never saw as a label has probability 0
    assert lr.decide([0.25, 0.45, 0.3], classes, "04", "margin", 0.4) == "11"


def test_score_counts_fixes_breaks_and_right_events() -> None:
    part = [row("a", "010", "11"), row("a", "190", "19"), row("b", "010", "11", sides=False),
            row("b", "010", None, act=False)]
    base = lr.score(part, ["01", "19", "01", "01"])
    assert base["root_right"] == 1 and base["counted_right"] == 1 and base["changed"] == 0
    moved = lr.score(part, ["11", "18", "11", "11"])
    assert moved["changed"] == 4
    assert moved["fixed"] == 2 and moved["broken"] == 1  # the non-act moves neither way
    assert moved["root_right"] == 2
    assert moved["counted_right"] == 1  # the fix with a wrong side is not a right event


def test_sentence_features_leave_out_the_article_position() -> None:
    r = row("a", "010", "01", features={"root=01": 1.0, "first_sentence": 1.0, "position": 0.4,
                                         "sentence_index": 0.1, "trigger_at": 0.5})
    kept = lr.SELECT_VARIANTS["sentence"](r)
    assert set(kept) == {"root=01", "trigger_at"}
    assert lr.SELECT_VARIANTS["all"](r) == r["features"]


def test_written_model_keeps_the_fitted_decision(tmp_path: Path) -> None:
    rows = ([row(f"s{i}", "010", "11", features={"root=01": 1.0, "child=accuse": 1.0}) for i in range(12)]
            + [row(f"t{i}", "010", "01", features={"root=01": 1.0, "child=plan": 1.0}) for i in range(12)])
    feats = lr.SELECT_VARIANTS["all"]
    vec, clf = lr.fit_multinomial(rows, feats, 3.0)
    out = tmp_path / "model.json"
    lr.write_model(out, vec, clf, {"variant": "all", "c": 3.0, "rule": "margin", "t": 0.2, "d_right": 0,
                                   "d_root": 0, "changed": 0}, len(rows), 24)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["classes"] == ["01", "11"] and data["rule"] == "margin"
    assert data["format"] == 2 and "features" in data  # feature by feature, as dateline.roots_model reads it
    model = RootsModel.from_dict(data)
    w = model.weights()
    assert w["11"]["child=accuse"] > w["01"]["child=accuse"]
    assert w["01"]["child=plan"] > w["11"]["child=plan"]
    # the written model decides as the fitted one: same probabilities (to the 4 decimals written)
    feats = {"root=01": 1.0, "child=accuse": 1.0}
    fitted = clf.predict_proba(vec.transform([feats]))[0]
    assert [model.probs(feats)[c] for c in model.classes] == pytest.approx(list(fitted), abs=1e-3)


def test_decide_asks_more_of_a_change_to_another_plover_type() -> None:
    import numpy as np
    classes = ["11", "18", "19"]
    across = np.array([0.7, 0.15, 0.15])  # 11 beats the coded 19 by 0.55
    assert lr.decide(across, classes, "19", "margin", 0.5) == "11"
    assert lr.decide(across, classes, "19", "margin", 0.5, 0.7) == "19"
    inside = np.array([0.15, 0.7, 0.15])  # 18 (ASSAULT, as 19) beats it by the same 0.55
    assert lr.decide(inside, classes, "19", "margin", 0.5, 0.7) == "18"


def test_domain_reads_the_code_rule_of_a_row() -> None:
    lexicon = row("a", "010", "11", features={"rule:code=_verb_entry": 1.0, "root=01": 1.0})
    content = row("b", "012", "01", features={"rule:code=_warning_forecast": 1.0})
    assert lr.row_code_rule(lexicon) == "_verb_entry" and lr.row_code_rule(content) == "_warning_forecast"
    assert lr.in_domain(lexicon, lr.DOMAINS["lexicon"]) and not lr.in_domain(content, lr.DOMAINS["lexicon"])
    assert lr.in_domain(content, lr.DOMAINS["all"])  # every event, as fitted in 0.5.0


def test_written_model_carries_its_domain(tmp_path: Path) -> None:
    rows = ([row(f"s{i}", "010", "11", features={"child=accuse": 1.0}) for i in range(6)]
            + [row(f"t{i}", "010", "01", features={"child=plan": 1.0}) for i in range(6)])
    vec, clf = lr.fit_multinomial(rows, lr.SELECT_VARIANTS["all"], 1.0)
    best = {"variant": "all", "c": 1.0, "rule": "margin", "t": 0.2, "d_right": 0, "d_root": 0, "changed": 0}
    for domain in ("lexicon", "all"):
        out = tmp_path / f"{domain}.json"
        lr.write_model(out, vec, clf, best, len(rows), 12, [1, 3], code_rules=lr.DOMAINS[domain])
        written = RootsModel.from_dict(json.loads(out.read_text(encoding="utf-8")))
        assert written.code_rules == lr.DOMAINS[domain]
        assert written.meta["fitted_rounds"] == [1, 3]  # what dateline train reads to fit its second stage elsewhere


def test_fit_domain_all_fits_on_every_event_and_corrects_the_lexicons_only(tmp_path: Path) -> None:
    """--fit-domain all --domain lexicon: the written model saw the content rules' events (its probabilities
    mean something there, for the confidence) but corrects only the lexicon's roots."""
    import argparse

    rows = ([row(f"l{i}", "010", "11", features={"rule:code=_verb_entry": 1.0, "child=accuse": 1.0}) for i in range(5)]
            + [row(f"p{i}", "010", "01", features={"rule:code=_verb_entry": 1.0, "child=plan": 1.0}) for i in range(5)]
            + [row(f"c{i}", "130", "13", features={"rule:code=_warning_threat": 1.0, "child=respond": 1.0})
               for i in range(10)])
    out = {}
    for fit_domain in (None, "all"):
        path = tmp_path / f"{fit_domain}.json"
        args = argparse.Namespace(domain="lexicon", fit_domain=fit_domain, cross_margins="0.7", ps="", margins="0.5",
                                  variants="all", cs=[1.0], no_dev=True, write=str(path))
        lr.select_main(rows, set(), args)
        out[fit_domain] = RootsModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
    assert out[None].meta["real_acts"] == 10 and out["all"].meta["real_acts"] == 20
    assert "13" not in out[None].classes and "13" in out["all"].classes
    assert out["all"].code_rules == lr.DOMAINS["lexicon"]


def test_a_dense_variant_is_measured_but_never_written(tmp_path: Path) -> None:
    # dateline.roots_model computes no dense block at run time (review31 must-fix 5)
    assert lr.shippable("all") and lr.shippable("all+said")
    assert not lr.shippable("all+vtrig") and not lr.shippable("all+vtrig+vsent")
    rows = [row("a", "01", "01", features={"x": 1.0}), row("b", "01", "11", features={"y": 1.0})]
    vec, clf = lr.fit_multinomial(rows, lr.SELECT_VARIANTS["all"], 1.0)
    best = {"variant": "all+vtrig", "c": 1.0, "rule": "margin", "t": 0.5, "d_right": 0, "d_root": 0, "changed": 0}
    with pytest.raises(ValueError, match="dense"):
        lr.write_model(tmp_path / "m.json", vec, clf, best, 2, 2)
    assert not (tmp_path / "m.json").exists()


def test_dense_features_are_read_from_the_packed_blocks() -> None:
    import numpy as np

    r = {"dense": {"trig": np.asarray([0.5, -1.0], dtype=np.float32)}}
    assert lr.dense_feats(r, ("trig", "sent")) == {"vtrig:0": 0.5, "vtrig:1": -1.0}
    assert lr.dense_feats({}, ("trig",)) == {}
