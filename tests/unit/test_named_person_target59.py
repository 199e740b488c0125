"""Session 59, kA: a person named in a verb's own argument is its target, though the actors stage left that person no
country; ``_verb_roles`` no longer passes over it for an actor with a country deeper in the phrase ("the ambitions of
X for a truce with the Palestinians" is aimed at X, not at the Palestinians). A later strategy gives the person a
country (sentences written for these tests, parsed by the real pipeline)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language


def _event(nlp: Language, text: str, trigger: str) -> dict[str, Any]:
    (event,) = [e for e in nlp(text)._.events if e["trigger"] == trigger]
    return event


def test_the_named_person_of_the_object_is_the_target(nlp: Language) -> None:
    text = ("Israeli Prime Minister Benjamin Netanyahu on Monday compared the ambitions of opposition leader "
            "Yair Golan for a truce with the Palestinians to a surrender.")
    event = _event(nlp, text, "compared")
    assert event["source"]["code"] == "ISRGOV"
    assert "Yair Golan" in event["target"]["text"]
    assert event["evidence"]["rules"]["target"] == "_verb_roles"


def test_a_person_named_as_the_object_keeps_the_place_strategy(nlp: Language) -> None:
    event = _event(nlp, "The Kenyan president met Ruth Wanjiku in Nairobi.", "met")
    assert event["target"]["text"] == "Ruth Wanjiku"
    assert event["target"]["country"] == "KEN"


def test_an_unnamed_group_still_gives_way_to_a_country(nlp: Language) -> None:
    event = _event(nlp, "Syrian troops fired at targets in Jordan on Sunday.", "fired")
    assert event["target"]["country"] == "JOR"
