"""A subordinate act the learned confidence rates highly is asserted (session 55, rule ``_confident_clause``).

The events stage leaves an act in a clause beside a main act ``reported`` (``_subordinate``); the confidence stage
asserts it when the confidence, scored as the subordinate act it is, reaches ``CONFIDENT_CLAUSE``, except for a
participle adjunct of a verb and a verb coordinated with one (the gold codes the main act alone there). The model
here is a constant one, so that the tests decide the confidence; the sentences are written for the tests.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dateline.actors.resolution import FALLBACKS_STAGE
from dateline.confidence import (CONFIDENT_CLAUSE, CONFIDENT_CLAUSE_RULE, Model, event_features, logit,
                                 score_events)

RELATIVE = "Kenya denounced the Ugandan troops who shelled its border villages on Monday."
ADJUNCT = ("Kenyan police raided the Ugandan embassy on Monday, seizing documents and detaining two Ugandan "
           "diplomats.")


def constant(p: float) -> Model:
    """A confidence model that gives every event ``p`` (no weights, no calibration) and counts from 0.15."""
    return Model(weights={}, intercept=logit(p), threshold=0.15)


def unscored(nlp: Language, text: str) -> Doc:
    with nlp.select_pipes(disable=["dateline_confidence", FALLBACKS_STAGE]):
        return nlp(text)


def on(doc: Doc, trigger: str) -> dict[str, Any]:
    found = [e for e in doc._.events if e["trigger"] == trigger]
    assert found, f"no event on {trigger!r}"
    return found[0]


def test_a_subordinate_act_rated_over_the_threshold_is_asserted(nlp: Language) -> None:
    doc = unscored(nlp, RELATIVE)
    event = on(doc, "shelled")
    assert (event["modality"], event["evidence"]["rules"]["modality"]) == ("reported", "_subordinate")
    score_events(doc, constant(CONFIDENT_CLAUSE + 0.1))
    assert event["modality"] == "asserted"
    assert event["evidence"]["rules"]["modality"] == CONFIDENT_CLAUSE_RULE
    assert event["counted"] is True
    assert on(doc, "denounced")["evidence"]["rules"]["modality"] == "_modality"  # the main act as it was


def test_under_the_threshold_it_stays_reported_and_uncounted(nlp: Language) -> None:
    doc = unscored(nlp, RELATIVE)
    score_events(doc, constant(CONFIDENT_CLAUSE - 0.1))
    event = on(doc, "shelled")
    assert (event["modality"], event["evidence"]["rules"]["modality"]) == ("reported", "_subordinate")
    assert event["counted"] is False


def test_it_is_scored_as_the_subordinate_act_it_was(nlp: Language) -> None:
    # a refit reads the features of the coded event: they must be those the confidence was scored on
    doc = unscored(nlp, RELATIVE)
    before = dict(event_features(on(doc, "shelled"), doc))
    score_events(doc, constant(CONFIDENT_CLAUSE + 0.1))
    event = on(doc, "shelled")
    assert event["modality"] == "asserted"
    after = event_features(event, doc)
    assert after == before
    assert after["modality=reported"] == 1.0 and after["rule:modality=_subordinate"] == 1.0
    assert "modality=asserted" not in after


def test_a_participle_adjunct_and_its_coordinated_verb_stay_reported(nlp: Language) -> None:
    doc = unscored(nlp, ADJUNCT)
    score_events(doc, constant(0.9))
    assert on(doc, "raided")["modality"] == "asserted"
    for trigger in ("seizing", "detaining"):  # ", seizing documents and detaining two diplomats"
        event = on(doc, trigger)
        assert (event["modality"], event["evidence"]["rules"]["modality"]) == ("reported", "_subordinate"), trigger
        assert event["counted"] is False


def test_a_clause_on_a_text_stays_as_the_events_stage_left_it(nlp: Language) -> None:
    # whose act a participle on a film, a letter or a statement is, events.triggers._speaking_document decides
    doc = unscored(nlp, "Kenya banned a film criticising the Ugandan president.")
    score_events(doc, constant(0.9))
    event = on(doc, "criticising")
    assert (event["modality"], event["evidence"]["rules"]["modality"]) == ("reported", "_subordinate")
    assert event["counted"] is False
