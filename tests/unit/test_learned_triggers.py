"""tools/learned_triggers.py: the learned trigger proposer's features, prediction, and its hook into
the events stage (an experiment: nothing is shipped, eval/README.md)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.lexicon import load_lexicon

from conftest import coded

pytest.importorskip("sklearn")

_PATH = Path(__file__).resolve().parents[2] / "tools" / "learned_triggers.py"
_SPEC = importlib.util.spec_from_file_location("learned_triggers", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
lt = importlib.util.module_from_spec(_SPEC)
sys.modules["learned_triggers"] = lt  # dataclasses look their module up
_SPEC.loader.exec_module(lt)
TriggerModel, features, proposals = lt.TriggerModel, lt.features, lt.proposals

#: A verb the lexicon does not have (checked below), in a sentence between two named actors.
WOO_SENTENCE = "The Chinese government wooed the Kenyan president with new loans on Tuesday."


def _model(lemma: str, root: str, weight: float = 6.0, threshold: float = 0.5) -> TriggerModel:
    """A hand-made model: ``root`` for verbs of ``lemma``, none for every other verb."""
    return TriggerModel([root, "none"], {f"lemma={lemma}": [weight, 0.0]}, [0.0, 2.0], threshold)


@pytest.fixture
def woo_model() -> Iterator[TriggerModel]:
    model = _model("woo", "05")
    with lt.proposing(lambda doc: model):
        yield model


def test_predict_gives_the_best_root_and_the_act_probability() -> None:
    model = _model("woo", "05")
    root, p = model.predict({"lemma=woo": 1.0})
    assert root == "05" and p > 0.95  # softmax(6, 2): 1 - e^2 / (e^6 + e^2)
    root, p = model.predict({"lemma=say": 1.0})
    assert root == "05" and p < 0.2  # softmax(0, 2)
    again = TriggerModel.from_dict(model.to_dict())
    assert again.predict({"lemma=woo": 1.0}) == model.predict({"lemma=woo": 1.0})


def test_features_name_the_lemma_its_lexicon_roots_and_the_actors_around_it(nlp) -> None:
    lex = load_lexicon()
    doc = nlp(WOO_SENTENCE)
    sent = next(iter(doc.sents))
    woo = next(t for t in doc if t.lower_ == "wooed")
    feats = features(doc, woo, sent, 0, lex)
    assert "woo" not in lex.verb_lemmas and feats["lex_absent"] == 1.0
    assert feats["lemma=woo"] == 1.0 and feats["subj=actor"] == 1.0 and feats["obj=actor"] == 1.0
    assert feats["subj_sector=GOV"] == 1.0
    assert feats["lemma_prep=woo|with"] == 1.0 and feats["pobj=thing"] == 1.0


def test_a_proposed_verb_is_coded_through_the_roles_and_named_learned(nlp, woo_model) -> None:
    events = [e for e in coded(nlp, WOO_SENTENCE) if e["trigger"] == "wooed"]
    assert len(events) == 1
    event = events[0]
    assert event["cameo"] == "050"
    assert event["source"]["country"] == "CHN" and event["target"]["country"] == "KEN"
    assert event["evidence"]["rules"]["trigger"] == "learned" and event["evidence"]["rules"]["code"] == "learned"
    assert event["modality"] == "asserted"


def test_nothing_is_proposed_below_the_threshold_or_without_a_model(nlp) -> None:
    weak = _model("woo", "05", weight=1.0)  # softmax(1, 2): an act probability of 0.27
    with lt.proposing(lambda doc: weak):
        assert not [e for e in coded(nlp, WOO_SENTENCE) if e["trigger"] == "wooed"]
    assert not [e for e in coded(nlp, WOO_SENTENCE) if e["trigger"] == "wooed"]  # the stage as shipped


def test_no_proposal_in_a_sentence_that_names_no_actor(nlp, woo_model) -> None:
    assert not [e for e in coded(nlp, "The cat wooed the dog with a red ball.") if e["trigger"] == "wooed"]


def test_a_lexicon_trigger_is_not_proposed_again(nlp) -> None:
    lex = load_lexicon()
    model = _model("condemn", "05")  # would give a second, cooperative event on a lexicon verb
    with lt.proposing(lambda doc: model):
        doc = nlp("The Kenyan government condemned the Ugandan police on Tuesday.")
        sent = next(iter(doc.sents))
        condemned = next(t for t in doc if t.lower_ == "condemned")
        assert not lt.is_candidate(condemned, lex)
        assert proposals(doc, sent, 0, lex, set()) == []  # not a candidate even where no event sits on it
        assert {e["cameo"][:2] for e in doc._.events if e["trigger"] == "condemned"} == {"11"}
