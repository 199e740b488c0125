"""The learned act filter (dateline.acts_model): scoring, the mark it leaves, `counted`, and the shipped model."""

from __future__ import annotations

import math

import pytest
from spacy.tokens import Doc

import dateline.nlp  # noqa: F401  (registers the Doc extensions)
from dateline.acts_model import EVIDENCE_KEY, ActsModel, features, filter_acts, shipped_model
from dateline.confidence import DocContext, is_counted

from conftest import coded, expelled_doc


def _doc() -> tuple[Doc, dict]:
    return expelled_doc()


def test_features_join_the_confidence_and_the_modality_features() -> None:
    doc, event = _doc()
    feats = features(event, doc, DocContext.of(doc))
    assert feats["conf:lemma=expel"] == 1.0 and feats["conf:root=16"] == 1.0
    assert any(k.startswith("mod:") for k in feats) and all(k.startswith(("conf:", "mod:")) for k in feats)


def test_an_event_below_the_threshold_is_marked_and_not_counted() -> None:
    doc, event = _doc()
    model = ActsModel({"conf:lemma=expel": -4.0}, 0.0, 0.15)
    filter_acts(doc, model)
    p = 1 / (1 + math.exp(4.0))
    assert event["evidence"]["learned"]["act_p"] == pytest.approx(p, abs=1e-4)
    assert event["evidence"][EVIDENCE_KEY] == {"p": math.floor(p * 1e4) / 1e4, "threshold": 0.15}
    assert not is_counted(event, 0.0)


def test_an_event_at_or_above_the_threshold_is_left_counted() -> None:
    doc, event = _doc()
    filter_acts(doc, ActsModel({"conf:lemma=expel": 2.0}, 0.0, 0.15))
    assert EVIDENCE_KEY not in event["evidence"] and event["evidence"]["learned"]["act_p"] > 0.8
    assert is_counted(event, 0.0)


def test_events_that_do_not_count_anyway_are_not_scored() -> None:
    doc, event = _doc()
    event["modality"] = "intended"
    filter_acts(doc, ActsModel({}, -10.0, 0.15))
    assert "learned" not in event["evidence"] and EVIDENCE_KEY not in event["evidence"]


def test_the_model_round_trips_through_its_json_form() -> None:
    model = ActsModel({"conf:root=19": 1.5, "mod:question": -2.0}, -0.3, 0.15, {"c": 0.1})
    again = ActsModel.from_dict(model.to_dict())
    feats = {"conf:root=19": 1.0, "mod:question": 1.0, "unknown": 1.0}
    assert again.prob(feats) == model.prob(feats) == pytest.approx(1 / (1 + math.exp(0.8)))
    assert again.threshold == 0.15 and again.meta == {"c": 0.1}


def test_the_shipped_model_is_fitted_without_the_blind_rounds_and_cuts_low() -> None:
    from pathlib import Path

    from dateline.newseval import blind_rounds

    model = shipped_model()
    assert model is not None and 0.0 < model.threshold <= 0.3
    labels = Path(__file__).resolve().parents[2] / "eval" / "news" / "labels.jsonl"
    assert not set(model.meta["fitted_rounds"]) & set(blind_rounds(labels))


def test_the_shipped_filter_keeps_plain_acts_and_scores_a_non_act_lower(nlp) -> None:
    """Written sentences: a shelling and a meeting told as done are likely acts and stay counted; "constitutes a
    threat", a judgement about a deal, is not an act and scores far lower (not necessarily below the threshold)."""
    def act_p(text: str) -> tuple[list[float], list[bool]]:
        events = [e for e in coded(nlp, text) if e.get("modality") == "asserted" and not e.get("negated")]
        probs = [((e.get("evidence") or {}).get("learned") or {}).get("act_p") for e in events]
        assert None not in probs  # the filter ran on every asserted event
        return probs, [e["counted"] for e in events]

    for text in ("Russian troops shelled the Ukrainian town of Avdiivka on Sunday.",
                 "The French president met the German chancellor in Berlin on Monday."):
        probs, counted = act_p(text)
        assert probs and min(probs) > 0.8 and all(counted)
    probs, _ = act_p("The deal constitutes a threat to Egypt, analysts said.")
    assert probs and max(probs) < 0.5
