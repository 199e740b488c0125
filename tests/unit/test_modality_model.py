"""The learned modality check (dateline.modality_model): features, the margin rule, the hook."""

from __future__ import annotations

from dateline import modality_model
from dateline.modality_model import ModalityModel, choose, coded_class, decide_modality, features, strip_lemmas


def _rules_doc(nlp, text: str):
    modality_model.DISABLED = True
    try:
        return nlp(text)
    finally:
        modality_model.DISABLED = False


def test_coded_class_reads_negation_first_and_reported_as_claimed() -> None:
    assert coded_class({"modality": "asserted", "negated": True}) == "negated"
    assert coded_class({"modality": "reported", "negated": False}) == "claimed"
    assert coded_class({"modality": "intended"}) == "intended"


def test_choose_changes_only_whether_the_event_counts_and_only_past_the_margin() -> None:
    margin = {"to_asserted": 0.3, "from_asserted": 0.3}
    # asserted beats claimed by 0.4 > 0.3: the event now counts
    assert choose({"asserted": 0.6, "claimed": 0.2, "intended": 0.2}, "claimed", margin) == "asserted"
    # by 0.2 only: the rules' modality stays
    assert choose({"asserted": 0.5, "claimed": 0.3, "intended": 0.2}, "claimed", margin) == "claimed"
    # between two modalities that both do not count, the rules are never overruled
    assert choose({"hypothetical": 0.9, "intended": 0.1}, "intended", margin) == "intended"
    # a class that is no modality is never chosen
    assert choose({"non-act": 0.9, "asserted": 0.1}, "asserted", margin) == "asserted"
    # a direction without a margin never changes
    assert choose({"negated": 0.9, "asserted": 0.1}, "asserted", {"to_asserted": 0.0}) == "asserted"
    assert choose({"negated": 0.9, "asserted": 0.1}, "asserted", margin) == "negated"


def test_model_probabilities_sum_to_one_and_round_trip_through_json() -> None:
    model = ModalityModel({"asserted": {"t_aux=will": -2.0}, "intended": {"t_aux=will": 2.0}},
                          {"asserted": 0.5, "intended": -0.5}, {"to_asserted": 0.2})
    p = model.probs({"t_aux=will": 1.0})
    assert abs(sum(p.values()) - 1.0) < 1e-9 and p["intended"] > p["asserted"]
    again = ModalityModel.from_dict(model.to_dict())
    assert again.probs({"t_aux=will": 1.0}) == p and again.margin == model.margin


def test_features_read_the_future_and_the_governing_intent_verb(nlp) -> None:
    doc = _rules_doc(nlp, "The Kenyan president will visit Uganda next month.")
    visit = next(e for e in doc._.events if e["trigger"] == "visit")
    f = features(doc, visit)
    assert f["t_aux=will"] == 1.0 and f["t_modal"] == 1.0 and f["coded=intended"] == 1.0
    assert f["root=04"] == 1.0

    doc = _rules_doc(nlp, "The Kenyan government plans to expel the Ugandan ambassador.")
    expel = next(e for e in doc._.events if e["trigger"] == "expel")
    f = features(doc, expel)
    assert f["g1_dep=xcomp"] == 1.0 and f["g1_lemma=plan"] == 1.0
    assert f["t_aux=to"] == 1.0


def test_features_read_a_condition_a_question_and_an_attribution_frame(nlp) -> None:
    doc = _rules_doc(nlp, "If Kenya expels the Ugandan envoy, will Uganda retaliate?")
    expel = next(e for e in doc._.events if e["trigger"] == "expels")
    f = features(doc, expel)
    assert f["t_mark=if"] == 1.0 and f["question"] == 1.0

    doc = _rules_doc(nlp, "Ugandan officials said Kenyan troops shelled the border town on Monday.")
    shelled = next(e for e in doc._.events if e["trigger"] == "shelled")
    f = features(doc, shelled)
    assert f["g1_lemma=say"] == 1.0 and f["frame_lemma=say"] == 1.0
    assert any(k.startswith("speaker=") for k in f)


def test_decide_modality_makes_an_event_count_and_names_the_model(nlp) -> None:
    doc = _rules_doc(nlp, "The Kenyan president will visit Uganda next month.")
    visit = next(e for e in doc._.events if e["trigger"] == "visit")
    assert visit["modality"] == "intended"
    # a model that takes every future act as done (the wrong way round) must count it and say so
    model = ModalityModel({"asserted": {"t_aux=will": 3.0}, "intended": {}}, {"asserted": 0.0, "intended": 0.0},
                          {"to_asserted": 0.1})
    decide_modality(doc, model)
    assert visit["modality"] == "asserted" and not visit["negated"]
    assert visit["evidence"]["rules"]["modality"] == "learned"


def test_decide_modality_can_negate_an_asserted_event(nlp) -> None:
    doc = _rules_doc(nlp, "Kenyan police arrested two Ugandan journalists on Monday.")
    arrest = next(e for e in doc._.events if e["trigger"] == "arrested")
    assert arrest["modality"] == "asserted" and not arrest["negated"]
    model = ModalityModel({"asserted": {}, "negated": {"t_tag=VBD": 4.0}}, {"asserted": 0.0, "negated": 0.0},
                          {"from_asserted": 0.2})
    decide_modality(doc, model)
    assert arrest["negated"] and arrest["evidence"]["rules"]["modality"] == "learned"


def test_strip_lemmas_names_no_word_and_a_model_without_lemmas_reads_none() -> None:
    f = {"rule_trigger=verbs.tsv:strike": 1.0, "g1_lemma=say": 1.0, "frame_lemma=say": 1.0, "t_aux=will": 1.0}
    assert strip_lemmas(f) == {"rule_trigger=verbs.tsv": 1.0, "t_aux=will": 1.0}
    # a weight on a word cannot act in a model written without lemmas
    model = ModalityModel({"asserted": {}, "hypothetical": {"rule_trigger=verbs.tsv:strike": 9.0}},
                          {"asserted": 0.0, "hypothetical": 0.0}, {"from_asserted": 0.1}, {"no_lemmas": True})
    assert model.choose({"rule_trigger=verbs.tsv:strike": 1.0}, "asserted") == "asserted"


def test_a_precision_filter_reads_only_the_counted_events(nlp) -> None:
    doc = _rules_doc(nlp, "The Kenyan president will visit Uganda next month.")
    visit = next(e for e in doc._.events if e["trigger"] == "visit")
    filter_only = ModalityModel({"asserted": {"t_aux=will": 9.0}, "intended": {}}, {"asserted": 0.0, "intended": 0.0},
                                {"from_asserted": 0.1})
    assert not filter_only.may_change("intended") and filter_only.may_change("asserted")
    decide_modality(doc, filter_only)  # it never counts more: the intended visit stays intended
    assert visit["modality"] == "intended"


def test_features_read_a_quote_from_the_sentence(nlp) -> None:
    doc = _rules_doc(nlp, 'Kenya protested on Monday. "Uganda will attack us," a Kenyan minister said.')
    attack = next(e for e in doc._.events if e["trigger"] == "attack")
    assert features(doc, attack)["in_quote"] == 1.0
