"""An assault, a fight or mass violence told by a noun that names no doer, only the place it struck ("the attack in
Mombasa", "the Mombasa bombings"), takes that place's country as its source: the unnamed attackers take the country
the text places them in (docs/annotation.md D11b; dateline.actors.countries.unclaimed_attack_source, in the fallbacks
stage; eval/sessions/55.md hS), on sentences written for these tests."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.actors.countries import UNCLAIMED_ATTACK_RULE, unclaimed_attack_source
from dateline.confidence import score_events

KENYA = "Kenya's president spoke on Monday. "


def events_on(nlp: Language, text: str, trigger: str) -> list[dict[str, Any]]:
    return [e for e in nlp(text)._.events if e["trigger"] == trigger]


def test_an_attack_in_a_place_is_done_by_that_places_country(nlp: Language) -> None:
    found = events_on(nlp, KENYA + "The attack in Mombasa on Tuesday killed four people.", "attack")
    assert found
    event = found[0]
    assert (event["source"]["code"], event["target"]["country"]) == ("KEN", "KEN")
    assert event["source"]["text"] == "Kenya"  # no words name the doer: the country's name
    rules = event["evidence"]["rules"]
    assert (rules["source"], rules["source_country"]) == (UNCLAIMED_ATTACK_RULE, "target_place")


def test_an_airstrike_in_a_place_keeps_no_source(nlp: Language) -> None:
    # a strike from the air is a state's, seldom the place's own
    for event in events_on(nlp, KENYA + "The airstrikes in Somalia killed four fighters.", "airstrikes"):
        assert event["source"] is None


def _doc_and_span(nlp: Language, text: str, word: str) -> tuple[Any, list[int]]:
    doc = nlp(text)
    start = doc.text.index(word)
    return doc, [start, start + len(word)]


def _event(span: list[int], source: dict[str, Any] | None, target: dict[str, Any] | None, rules: dict[str, Any],
           cameo: str = "180") -> dict[str, Any]:
    return {"span": span, "sentence": 1, "cameo": cameo, "source": source, "target": target,
            "evidence": {"rules": rules}}


KEN = {"text": "Mombasa", "code": "KEN", "country": "KEN", "sector": None}
UGA = {"text": "Uganda", "code": "UGA", "country": "UGA", "sector": None}


def test_only_a_place_only_violent_noun_is_filled(nlp: Language) -> None:
    doc, span = _doc_and_span(nlp, KENYA + "The attack in Mombasa ended on Tuesday.", "attack")
    named = _event(span, UGA, KEN, {"source": "_noun_events", "target": "_noun_events"})
    unclaimed_attack_source(doc, named)
    assert named["source"]["code"] == "UGA"  # a doer the text names stays
    meeting = _event(span, None, KEN, {"source": "_noun_place", "target": "_noun_place"}, cameo="040")
    unclaimed_attack_source(doc, meeting)
    assert meeting["source"] is None  # not violence
    group = _event(span, None, {"text": "ISIS", "code": "IMGMUSISI", "country": "IMG", "sector": None},
                   {"source": "_noun_place", "target": "_noun_place"})
    unclaimed_attack_source(doc, group)
    assert group["source"] is None  # no state's country to place the attackers in
    air = _event(span, None, KEN, {"source": "_noun_place", "target": "_noun_place"}, cameo="195")
    unclaimed_attack_source(doc, air)
    assert air["source"] is None


def test_a_doer_the_chooser_picked_for_a_noun_that_names_none_is_replaced(nlp: Language) -> None:
    doc, span = _doc_and_span(nlp, KENYA + "Uganda's minister spoke after the attack in Mombasa.", "attack")
    picked = _event(span, UGA, KEN, {"source": "_noun_place", "target": "_noun_place", "source_country": "ranker"})
    unclaimed_attack_source(doc, picked)
    assert picked["source"]["code"] == "KEN"
    assert picked["evidence"]["rules"]["source"] == UNCLAIMED_ATTACK_RULE
    # a target the chooser moved is no longer the place struck: left as it is
    moved = _event(span, UGA, KEN, {"source": "_noun_place", "target": "_noun_place", "source_country": "ranker",
                                    "target_country": "ranker"})
    unclaimed_attack_source(doc, moved)
    assert moved["source"]["code"] == "UGA"


def test_the_filled_source_changes_no_confidence_nor_counting(nlp: Language) -> None:
    doc = nlp(KENYA + "The attack in Mombasa on Tuesday killed four people.")
    event = next(e for e in doc._.events if e["trigger"] == "attack")
    assert event["evidence"]["rules"]["source"] == UNCLAIMED_ATTACK_RULE
    scored = (event["confidence"], event["counted"])
    event["source"] = None
    event["evidence"]["rules"] = {**event["evidence"]["rules"], "source": "_noun_place"}
    event["evidence"]["rules"].pop("source_country", None)
    score_events(doc)
    assert (event["confidence"], event["counted"]) == scored
