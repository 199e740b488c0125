"""Session 59, kA: a state's fighting (CAMEO 19-20) whose target the parse took from a place name among its own
arguments ("destroyed refineries in eastern Syria") is aimed at the armed group its own sentence names
(``armed_group_target``), as the places other rules give already were; not occupying territory (192), not a state
named as a people ("a Syrian army depot"), and not without a group in the sentence (sentences written for these tests,
parsed by the real pipeline)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language


def _event(nlp: Language, text: str, trigger: str) -> dict[str, Any]:
    (event,) = [e for e in nlp(text)._.events if e["trigger"] == trigger]
    return event


def test_a_named_place_gives_way_to_the_group_of_its_sentence(nlp: Language) -> None:
    text = "In their campaign against the Islamic State, U.S. jets destroyed refineries in eastern Syria."
    event = _event(nlp, text, "destroyed")
    assert event["source"]["code"] == "USAMIL"
    assert event["target"]["country"] == "IMG"
    assert event["evidence"]["rules"]["target"] == "armed_group_target"


def test_with_no_group_in_the_sentence_the_place_stays(nlp: Language) -> None:
    event = _event(nlp, "U.S. jets destroyed refineries in eastern Syria on Monday.", "destroyed")
    assert event["target"]["country"] == "SYR"


def test_a_people_named_is_no_place(nlp: Language) -> None:
    text = "In their campaign against the Islamic State, U.S. jets destroyed a Syrian army depot near Damascus."
    event = _event(nlp, text, "destroyed")
    assert event["target"]["country"] == "SYR"


def test_occupying_a_place_stays_aimed_at_its_state(nlp: Language) -> None:
    text = "Iraqi troops took over the town of Sinjar in their campaign against the Islamic State."
    event = _event(nlp, text, "took")
    assert event["target"]["country"] == "IRQ"
