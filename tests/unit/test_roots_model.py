"""The learned root correction (dateline.roots_model): the margins, the hook, and the shipped model."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from dateline import roots_model
from dateline.roots_model import LEXICON_CODE_RULES, RootsModel, correct_roots, in_domain, plover_type, shipped_model

from conftest import WRITTEN_PUBLISHED, coded


def _model(weights: dict[str, dict[str, float]], threshold: float = 0.5, cross: float | None = 0.7) -> RootsModel:
    classes = sorted(weights)
    return RootsModel.from_weights(classes, weights, {c: 0.0 for c in classes}, "margin", threshold, {"variant": "all"},
                                   cross)


def test_plover_types_of_roots() -> None:
    assert plover_type("19") == plover_type("18") == "ASSAULT"
    assert plover_type("11") == "ACCUSE"
    assert plover_type("19") != plover_type("11")


def test_a_change_to_another_plover_type_needs_the_larger_margin() -> None:
    # softmax over (11, 18, 19) with logits (0, 3, 0): p18 = 0.91, p19 = p11 = 0.045 -> margin 0.87
    same = _model({"11": {}, "18": {"x": 3.0}, "19": {}})
    assert same.choose("19", {"x": 1.0}) == "18"
    # logits (1.6, 0, 0): p11 = 0.71, p18 = p19 = 0.14 -> margin 0.57: above 0.5, below the cross margin 0.7
    across = _model({"11": {"x": 1.6}, "18": {}, "19": {}})
    assert across.choose("19", {"x": 1.0}) == "19"
    assert across.choose("18", {"x": 1.0}) == "18"
    # the same margin inside one PLOVER type is enough: a model whose best root is 18 by 0.57
    inside = _model({"11": {}, "18": {"x": 1.6}, "19": {}})
    assert inside.choose("19", {"x": 1.0}) == "18"
    # without a cross margin the one threshold rules every change
    assert _model({"11": {"x": 1.6}, "18": {}, "19": {}}, cross=None).choose("19", {"x": 1.0}) == "11"
    assert across.margin("19", "11") == 0.7 and across.margin("19", "18") == 0.5


def test_model_reads_the_cross_threshold_from_json() -> None:
    data = {"classes": ["18", "19"], "weights": {"18": {"a": 1.0}, "19": {}}, "intercept": {"18": 0.0, "19": 0.1},
            "rule": "margin", "threshold": 0.5, "cross_threshold": 0.7, "meta": {"variant": "all"}}
    model = RootsModel.from_dict(data)
    assert model.cross_threshold == 0.7 and model.threshold == 0.5
    del data["cross_threshold"]
    assert RootsModel.from_dict(data).cross_threshold is None


def test_feature_major_layout_gives_the_class_by_class_probabilities() -> None:
    weights = {"01": {"a": 0.5, "b": -1.25}, "11": {"b": 2.0, "c": 0.1}, "19": {"a": -0.3, "c": 0.7}}
    intercept = {"01": 0.1, "11": -0.2, "19": 0.0}
    model = RootsModel.from_weights(["01", "11", "19"], weights, intercept)
    assert model.features == {"a": [[0, 2], [0.5, -0.3]], "b": [[0, 1], [-1.25, 2.0]], "c": [[1, 2], [0.1, 0.7]]}
    assert model.weights() == weights
    feats = {"c": 1.0, "a": 0.5, "unknown": 1.0, "b": 2.0}
    z = {c: intercept[c] + sum(weights[c].get(k, 0.0) * v for k, v in feats.items()) for c in weights}
    top = max(z.values())
    total = sum(math.exp(v - top) for v in z.values())
    expected = {c: math.exp(v - top) / total for c, v in z.items()}
    assert model.probs(feats) == pytest.approx(expected, abs=1e-15)


def test_model_round_trips_through_its_json_form() -> None:
    model = _model({"11": {"x": 1.6, "y": -0.2}, "18": {"y": 0.4}, "19": {}})
    data = json.loads(json.dumps(model.to_dict(), sort_keys=True))
    assert data["format"] == 2 and "weights" not in data
    again = RootsModel.from_dict(data)
    assert again == model
    assert again.probs({"x": 1.0, "y": 1.0}) == model.probs({"x": 1.0, "y": 1.0})
    # the first format (weights by class) still reads, into the same model
    old = {"classes": model.classes, "weights": model.weights(), "intercept": model.intercept, "rule": model.rule,
           "threshold": model.threshold, "cross_threshold": model.cross_threshold, "meta": model.meta}
    assert RootsModel.from_dict(old) == model


def test_shipped_model_file_is_stored_feature_by_feature() -> None:
    from importlib import resources

    data = json.loads(resources.files("dateline").joinpath(roots_model.MODEL_RESOURCE).read_text(encoding="utf-8"))
    assert data["format"] == roots_model.FORMAT == 2 and "weights" not in data
    model = shipped_model()
    assert model is not None and model.features is not None and len(model.features) > 100
    for indices, ws in list(model.features.values())[:200]:
        assert indices == sorted(set(indices)) and len(indices) == len(ws)


def _attack_coded_by_the_rules(nlp, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, dict[str, Any]]:
    """A written sentence coded with the shipped root correction off, and its attack event."""
    monkeypatch.setattr(roots_model, "DISABLED", True)
    doc = nlp("Syrian troops attacked a Turkish border post on Monday.")
    monkeypatch.setattr(roots_model, "DISABLED", False)
    return doc, next(e for e in doc._.events if e["trigger"] == "attacked")


def test_correct_roots_replaces_the_root_and_names_the_model(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    doc, event = _attack_coded_by_the_rules(nlp, monkeypatch)
    assert event["cameo"].startswith("19")
    # a model that calls every coded 19 an assault, 18 (the same PLOVER type)
    model = _model({"18": {"root=19": 4.0}, "19": {}})
    correct_roots(doc, model)
    assert event["cameo"] == "180"
    assert event["plover"]["event"] == "ASSAULT"
    assert event["evidence"]["rules"]["root"] == "learned"


def test_correct_roots_keeps_the_root_when_the_model_agrees(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    doc, event = _attack_coded_by_the_rules(nlp, monkeypatch)
    before = event["cameo"]
    correct_roots(doc, _model({"18": {}, "19": {"root=19": 4.0}}))
    assert event["cameo"] == before and "root" not in event["evidence"]["rules"]


def test_shipped_model_is_loaded_and_keeps_a_plain_meeting(nlp) -> None:
    model = shipped_model()
    assert model is not None and model.rule == "margin"
    assert model.cross_threshold is not None and model.cross_threshold > model.threshold
    assert {"01", "18", "19"} <= set(model.classes)
    events = coded(nlp, "The German chancellor met the Japanese prime minister in Tokyo on Monday.", WRITTEN_PUBLISHED)
    meeting = next(e for e in events if e["trigger"] == "met")
    assert meeting["cameo"].startswith("04") and meeting["evidence"]["rules"].get("root") != "learned"


def test_scored_gives_the_root_its_probability_and_its_margin() -> None:
    # logits (1.6, 0, 0): p11 = 0.71, p18 = p19 = 0.14; a change across PLOVER types needs 0.7: 19 is kept
    across = _model({"11": {"x": 1.6}, "18": {}, "19": {}})
    root, p, margin = across.scored("19", {"x": 1.0})
    probs = across.probs({"x": 1.0})
    assert root == across.choose("19", {"x": 1.0}) == "19"
    assert p == probs["19"] and margin == pytest.approx(probs["19"] - probs["11"])
    root, p, margin = _model({"11": {}, "18": {"x": 3.0}, "19": {}}).scored("19", {"x": 1.0})
    assert root == "18" and p > 0.9 and margin == pytest.approx(p - (1 - p) / 2)


def test_correct_roots_leaves_its_probabilities_in_the_evidence(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    doc, event = _attack_coded_by_the_rules(nlp, monkeypatch)
    model = _model({"18": {"root=19": 4.0}, "19": {}})
    correct_roots(doc, model)
    learned = event["evidence"]["learned"]
    assert event["cameo"] == "180" and learned["root_p"] > 0.9 and learned["root_margin"] > 0.8
    # a non-asserted event is outside the correction's domain: no root probabilities (the sentence above codes
    # only the asserted attack: this one adds an intended one)
    monkeypatch.setattr(roots_model, "DISABLED", True)
    doc = nlp("Syrian troops attacked a Turkish border post on Monday and threatened to attack another.")
    monkeypatch.setattr(roots_model, "DISABLED", False)
    correct_roots(doc, model)
    outside = [e for e in doc._.events if e.get("modality") != "asserted" or e.get("negated")]
    assert outside and all("root_p" not in (e["evidence"].get("learned") or {}) for e in outside)
    assert all("root_p" in e["evidence"]["learned"] for e in doc._.events if e not in outside)


def _event(code_rule: str | None) -> dict[str, Any]:
    return {"cameo": "010", "evidence": {"rules": {} if code_rule is None else {"code": code_rule}}}


def test_domain_is_the_lexicons_own_entries() -> None:
    assert in_domain(_event("_verb_entry")) and in_domain(_event("_noun_entry"))
    for rule in ("_warning_forecast", "_warning_threat", "_critical_statement", "_appeal_content", "_intent_of",
                 "_act_code", "_claim", None):
        assert not in_domain(_event(rule)), rule
    assert in_domain(_event("_warning_forecast"), None)  # no domain: every event (the correction of 0.5.0)


def test_every_content_rule_of_the_coder_is_outside_the_domain() -> None:
    """The code rules named anywhere in the coder's source: only the lexicon's two entries are corrected,
    so a content rule added later is left alone without being listed here."""
    import re
    from importlib import resources

    found: set[str] = set()
    for path in resources.files("dateline").rglob("*.py"):  # type: ignore[attr-defined]
        for line in path.read_text(encoding="utf-8").splitlines():
            if '"code": "_' in line or "code_rule = " in line:  # a rule's name set as the code's rule
                found |= set(re.findall(r'"code": "(_[a-z_]+)"', line))
                if "code_rule = " in line:
                    found |= set(re.findall(r'"(_[a-z_]+)"', line))
    assert LEXICON_CODE_RULES <= found
    assert {"_warning_forecast", "_warning_threat", "_warning_appeal", "_critical_statement", "_declined_comment",
            "_crowd_control", "_appeal_content", "_reproach_content"} <= found
    assert [rule for rule in sorted(found) if in_domain(_event(rule))] == sorted(LEXICON_CODE_RULES)


def test_model_file_without_a_domain_reads_the_lexicon_domain() -> None:
    model = _model({"11": {"x": 1.6}, "18": {}, "19": {}})
    data = json.loads(json.dumps(model.to_dict()))
    assert data["code_rules"] == sorted(LEXICON_CODE_RULES)
    del data["code_rules"]
    assert RootsModel.from_dict(data).code_rules == LEXICON_CODE_RULES
    data["code_rules"] = None
    assert RootsModel.from_dict(data).code_rules is None


def test_correct_roots_leaves_a_root_a_content_rule_chose(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    """A warning the rules judged a threat (docs/annotation.md D2: harm from the warner) stays one, whatever
    the model says; the same model re-chooses a lexicon root."""
    monkeypatch.setattr(roots_model, "DISABLED", True)
    doc = nlp("Iran warned that it would respond to any attack by Israel.")
    monkeypatch.setattr(roots_model, "DISABLED", False)
    warning = next(e for e in doc._.events if e["trigger"] == "warned")
    assert warning["cameo"].startswith("13") and warning["evidence"]["rules"]["code"] == "_warning_threat"
    model = _model({"01": {"root=13": 5.0}, "13": {}})  # every coded 13 is a statement, by far
    correct_roots(doc, model)
    assert warning["cameo"].startswith("13") and "root" not in warning["evidence"]["rules"]
    model.code_rules = None  # everywhere, as in 0.5.0: the threat would become a statement
    correct_roots(doc, model)
    assert warning["cameo"] == "010"


def test_a_root_a_content_rule_chose_still_gets_its_probability(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside the domain the root stands, but the confidence model still reads the correction's probability
    of that root and its margin (here far below the statement the model prefers)."""
    monkeypatch.setattr(roots_model, "DISABLED", True)
    doc = nlp("Iran warned that it would respond to any attack by Israel.")
    monkeypatch.setattr(roots_model, "DISABLED", False)
    warning = next(e for e in doc._.events if e["trigger"] == "warned")
    model = _model({"01": {"root=13": 5.0}, "13": {}})
    correct_roots(doc, model)
    learned = warning["evidence"]["learned"]
    assert warning["cameo"].startswith("13")
    assert learned["root_p"] < 0.01 and learned["root_margin"] < -0.9  # the kept 13's, not the statement's


def test_shipped_model_corrects_the_lexicons_roots_only() -> None:
    model = shipped_model()
    assert model is not None and model.code_rules == LEXICON_CODE_RULES


def test_said_features_read_what_a_statement_says(nlp: Any) -> None:
    # the "all+said" feature set (session 26, experiment): the clause's words, modals and subject kind
    doc = nlp("The Kenyan foreign minister said Uganda would regret its reckless decision.")
    event = next(e for e in doc._.events if e["trigger"] == "said")
    feats = roots_model.said_features(event, doc)
    assert feats["s_clause"] == 1.0 and feats["s_modal=would"] == 1.0 and feats["s_subj_name"] == 1.0
    assert "s_lemma=reckless" in feats and "s_lemma=decision" in feats and feats["s_negative"] > 0
    assert "s_lemma=said" not in feats  # (the speech verb is not what it says)
