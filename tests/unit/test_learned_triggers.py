"""The learned trigger proposer (dateline.trigger_model, fitted by tools/learned_triggers.py): its features,
prediction, the shipped model and its hook into the events stage (eval/sessions/33.md, "triggers2")."""

from __future__ import annotations

import importlib.util
import math
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline import trigger_model as tm
from dateline.lexicon import load_lexicon
from dateline.newseval import blind_rounds

from conftest import coded, need_module

need_module("sklearn")

_PATH = Path(__file__).resolve().parents[2] / "tools" / "learned_triggers.py"
_SPEC = importlib.util.spec_from_file_location("learned_triggers", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
lt = importlib.util.module_from_spec(_SPEC)
sys.modules["learned_triggers"] = lt  # dataclasses look their module up
_SPEC.loader.exec_module(lt)
TriggerModel, features, proposals = tm.TriggerModel, tm.features, tm.proposals
_LABELS = Path(__file__).resolve().parents[2] / "eval" / "news" / "labels.jsonl"

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


def test_nothing_is_proposed_below_the_threshold_or_without_a_model(nlp, monkeypatch) -> None:
    weak = _model("woo", "05", weight=1.0)  # softmax(1, 2): an act probability of 0.27
    with lt.proposing(lambda doc: weak):
        assert not [e for e in coded(nlp, WOO_SENTENCE) if e["trigger"] == "wooed"]
    with lt.proposing(None):  # a tool's "no model": not even the shipped one
        assert not [e for e in coded(nlp, WOO_SENTENCE) if e["trigger"] == "wooed"]
    monkeypatch.setattr(tm, "DISABLED", True)  # the switch the measuring tools turn
    assert not [e for e in coded(nlp, WOO_SENTENCE) if e["evidence"]["rules"].get("trigger") == "learned"]


def test_features_carry_the_root_of_what_the_verb_governs(nlp) -> None:
    """Session 33: the root of the object's event noun ("pursued talks": 04), the object's head, the
    root of a coded complement and the governing verb, so a general verb's root can follow what it governs."""
    lex = load_lexicon()
    doc = nlp("The Kenyan government pursued talks with the Ugandan rebels on Monday.")
    sent = next(iter(doc.sents))
    pursued = next(t for t in doc if t.lower_ == "pursued")
    feats = features(doc, pursued, sent, 0, lex)
    assert feats["obj_head=talk"] == 1.0 and feats["obj_event"] == 1.0
    assert feats["gov_root=04"] == 1.0 and feats["lemma_objroot=pursue|04"] == 1.0
    doc = nlp("The Kenyan president urged Uganda to impose sanctions on its neighbour.")
    impose = next(t for t in doc if t.lower_ == "impose")
    feats = features(doc, impose, next(iter(doc.sents)), 0, lex)
    assert feats["obj_root=16"] == 1.0 and feats["governor=xcomp|urge"] == 1.0 and feats["governor_root=02"] == 1.0
    doc = nlp("The Kenyan army prepared to invade Uganda on Monday.")
    prepared = next(t for t in doc if t.lower_ == "prepared")
    feats = features(doc, prepared, next(iter(doc.sents)), 0, lex)
    assert feats["comp_root=xcomp|19"] == 1.0 and feats["lemma_comproot=prepare|19"] == 1.0


def test_the_shipped_model_is_read_once_and_left_the_blind_rounds_out() -> None:
    model = tm.shipped_model()
    assert model is not None and tm.shipped_model() is model
    assert tm.NONE in model.classes and 0.5 <= model.threshold < 1.0
    blind = set(blind_rounds(_LABELS))
    # no blind round is in its fit (a blind round drawn after the fit, with no labels then, is not named excluded)
    assert blind and not blind & set(model.meta["fitted_rounds"])
    assert set(model.meta["excluded_rounds"]) <= blind


def test_no_proposal_in_a_sentence_that_names_no_actor(nlp, woo_model) -> None:
    assert not [e for e in coded(nlp, "The cat wooed the dog with a red ball.") if e["trigger"] == "wooed"]


def test_a_lexicon_trigger_is_not_proposed_again(nlp) -> None:
    lex = load_lexicon()
    model = _model("condemn", "05")  # would give a second, cooperative event on a lexicon verb
    with lt.proposing(lambda doc: model):
        doc = nlp("The Kenyan government condemned the Ugandan police on Tuesday.")
        sent = next(iter(doc.sents))
        condemned = next(t for t in doc if t.lower_ == "condemned")
        assert not tm.is_candidate(condemned, lex)
        assert proposals(doc, sent, 0, lex, set()) == []  # not a candidate even where no event sits on it
        assert {e["cameo"][:2] for e in doc._.events if e["trigger"] == "condemned"} == {"11"}


def test_without_a_model_file_nothing_is_proposed(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    """A package with no trigger model (a user's build without it, or before `make train-learned`) codes as the
    lexicon alone: the loader gives None and no verb is proposed."""
    monkeypatch.setattr(tm, "MODEL_RESOURCE", "data/triggers/no-such-model.json")
    tm.shipped_model.cache_clear()
    try:
        assert tm.shipped_model() is None
        doc = nlp("The Kenyan army prepared to invade Uganda on Monday.")
        sent = next(iter(doc.sents))
        assert tm.proposals(doc, sent, 0, load_lexicon(), set()) == []
    finally:
        tm.shipped_model.cache_clear()


#: A noun the lexicon does not have (checked below), owned by one named actor and aimed at another.
OVERTURE_SENTENCE = "The Chinese government's overture to the Kenyan president surprised diplomats on Tuesday."


def _noun_model(lemma: str, root: str, weight: float = 6.0) -> TriggerModel:
    """A hand-made model over nouns too (session 34): ``root`` for nouns of ``lemma``, none for every other word."""
    return TriggerModel([root, "none"], {f"n:lemma={lemma}": [weight, 0.0]}, [0.0, 2.0], 0.5, {"nouns": True})


def test_a_noun_the_lexicon_leaves_uncoded_is_a_candidate_with_its_owner_as_a_feature(nlp) -> None:
    lex = load_lexicon()
    doc = nlp(OVERTURE_SENTENCE)
    sent = next(iter(doc.sents))
    overture = next(t for t in doc if t.lower_ == "overture")
    assert "overture" not in lex.noun_heads and tm.is_noun_candidate(doc, overture, lex)
    assert not tm.is_candidate(overture, lex)  # not a verb
    government = next(t for t in doc if t.lower_ == "government")
    assert not tm.is_noun_candidate(doc, government, lex)  # names an actor
    feats = tm.noun_features(doc, overture, sent, 0, lex)
    assert all(name.startswith("n:") for name in feats)  # nouns weigh apart from verbs
    assert feats["n:lemma=overture"] == 1.0 and feats["n:poss=actor"] == 1.0 and feats["n:poss_sector=GOV"] == 1.0
    assert feats["n:lemma_prep=overture|to"] == 1.0 and feats["n:suffix=ture"] == 1.0
    doc = nlp("The Kenyan government imposed sanctions on Uganda.")
    sanctions = next(t for t in doc if t.lower_ == "sanctions")
    assert not tm.is_noun_candidate(doc, sanctions, lex)  # a nouns.tsv head: the lexicon decides


def test_a_proposed_noun_is_coded_as_an_event_noun_and_named_learned(nlp) -> None:
    model = _noun_model("overture", "05")
    with lt.proposing(lambda doc: model):
        events = [e for e in coded(nlp, OVERTURE_SENTENCE) if e["trigger"] == "overture"]
    assert len(events) == 1
    event = events[0]
    assert event["cameo"] == "050" and event["source"]["country"] == "CHN" and event["target"]["country"] == "KEN"
    assert event["evidence"]["rules"]["trigger"] == "learned" and event["evidence"]["rules"]["code"] == "learned"


def test_a_model_fitted_on_verbs_only_proposes_no_noun(nlp) -> None:
    model = _noun_model("overture", "05")
    model.meta = {}  # session 33's models: no "nouns" in their meta
    with lt.proposing(lambda doc: model):
        assert not [e for e in coded(nlp, OVERTURE_SENTENCE) if e["trigger"] == "overture"]


def test_the_shipped_model_proposes_verbs_only() -> None:
    # session 34's noun experiment was not shipped: the package's model has no meta.nouns and no noun weights,
    # so no noun is ever a candidate when it codes
    model = tm.shipped_model()
    assert model is not None
    assert not model.meta.get("nouns")
    assert model.weights and not any(name.startswith("n:") for name in model.weights)


def test_round9_rounds_as_python_does() -> None:
    """The batch's rounding (session 35) gives the very floats of ``round(v, 9)``: sums of weights stored rounded,
    values near a half of the ninth decimal (Python decides them), huge, tiny and negative values."""
    import numpy

    rng = numpy.random.default_rng(35)
    values = numpy.concatenate([
        rng.integers(-20_000, 20_000, 5_000) / 1000 + rng.normal(0, 1e-13, 5_000),  # 3-decimal sums, summed in any order
        rng.normal(0, 5, 5_000),
        (rng.integers(-10**6, 10**6, 2_000) + 0.5) / 1e9,  # halves of the ninth decimal, as near as floats get
        numpy.array([0.0, -0.0, 1e-12, -1e-12, 2.5e-9, 3.5e-9, 123456.0000000005, 1e7, -3e12, 1e300, 5e-324]),
    ])
    assert tm.round9(values).tolist() == [round(v, 9) for v in values.tolist()]


def test_a_batch_scores_each_candidate_as_alone_and_a_doc_as_its_sentences(nlp) -> None:
    """predict_many (one sum for many candidates) gives what predict gives each; doc_proposals (a Doc's sentences in
    one batch) gives each sentence what proposals gives it alone; pos_indices are the tokens of that part of speech."""
    from dateline.doc import pos_indices

    shipped = tm.shipped_model()
    assert shipped is not None
    lex = load_lexicon()
    doc = nlp("The Chinese government wooed the Kenyan president with new loans on Tuesday. The Kenyan army courted "
              "Ugandan rebels on Monday. Uganda's president lambasted the Kenyan government and stonewalled its envoy.")
    assert pos_indices(doc, "VERB") == [t.i for t in doc if t.pos_ == "VERB"]
    assert pos_indices(doc, "VERB", "NOUN") == [t.i for t in doc if t.pos_ in ("VERB", "NOUN")]
    sentences = [(sent, index, set()) for index, sent in enumerate(doc.sents)]
    feats = [tm.features(doc, t, sent, index, lex) for sent, index, _ in sentences for t in sent if tm.is_candidate(t, lex)]
    assert len(feats) == 4
    hand = TriggerModel(["05", "11", "none"], {"lemma=woo": [6.0, 0.0, 0.0], "lemma=lambast": [0.0, 6.0, 0.0],
                                               "lemma=stonewall": [3.0, 3.0, 0.0]}, [0.0, 0.0, 2.0], 0.5)
    def reference(model: TriggerModel, f: dict[str, float]) -> tuple[str, float]:
        # the softmax worked out in plain Python, one candidate at a time (independent of the batch's numpy sum)
        z = [b + sum(model.weights.get(n, [0.0] * len(model.classes))[k] * v for n, v in f.items())
             for k, b in enumerate(model.intercept)]
        none = model.classes.index("none")
        best = max((k for k in range(len(z)) if k != none), key=lambda k: (z[k], -k))
        return model.classes[best], 1.0 - math.exp(z[none]) / sum(math.exp(v) for v in z)

    for model in (shipped, hand):
        got = model.predict_many(feats)
        for (root, p), (ref_root, ref_p) in zip(got, [reference(model, f) for f in feats], strict=True):
            assert root == ref_root and abs(p - ref_p) < 1e-9
        assert got == [model.predict(f) for f in feats] and model.predict_many([]) == []
        assert model.predict_many([{}, {"no such feature": 1.0}]) == [model.predict({})] * 2  # the intercept alone
        with lt.proposing(lambda doc: model):
            alone = [proposals(doc, sent, index, lex, taken) for sent, index, taken in sentences]
            assert tm.doc_proposals(doc, sentences, lex) == alone
    assert [[(t.lower_, root) for t, root, _ in found] for found in alone] == [
        [("wooed", "05")], [], [("lambasted", "11"), ("stonewalled", "05")]]  # a tie goes to the first root
