"""Session 56, hX: ``same_entity``'s look-back for the last actor of a target's sector passes over the event's own
source. A target named only by a title ("the prime minister") after its source of the same sector ("the Kenyan
president") is not the source's own office: the source's mention gives it no country; an earlier actor of the
sector does (sentences written for these tests, parsed by the real pipeline)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language


def _event(nlp: Language, text: str, trigger: str) -> dict[str, Any]:
    (event,) = [e for e in nlp(text)._.events if e["trigger"] == trigger]
    return event


def test_the_target_title_skips_the_source_of_its_sector(nlp: Language) -> None:
    text = ("Kenyan officials met Ugandan envoys in Nairobi on Tuesday. "
            "The Kenyan president said he spoke with the prime minister.")
    event = _event(nlp, text, "spoke")
    assert event["source"]["code"] == "KENGOV"
    assert event["target"]["code"] == "UGAGOV"
    assert event["evidence"]["rules"]["target_country"] == "same_entity"


def test_the_source_still_takes_the_last_actor_of_its_sector(nlp: Language) -> None:
    text = ("Pakistani troops surrounded the school after Afghan officials warned of an attack. "
            "The military then attacked the gunmen.")
    event = _event(nlp, text, "attacked")
    assert event["source"]["code"] == "PAKMIL"
    assert event["evidence"]["rules"]["source_country"] == "same_entity"
