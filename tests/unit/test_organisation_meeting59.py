"""Session 59, kA: a gathering of an international organisation's members held abroad ("a NATO summit in Brussels",
"EU finance ministers meet in Luxembourg") is aimed at the organisation, IGO to IGO (docs/annotation.md D32a), not at
the host country (``target_of_host``); a journey ("an IMF mission arrived in Lusaka") and a state's talks abroad
still aim at the host (sentences written for these tests, parsed by the real pipeline)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language


def _event(nlp: Language, text: str, trigger: str) -> dict[str, Any]:
    (event,) = [e for e in nlp(text)._.events if e["trigger"] == trigger]
    return event


def test_an_organisation_summit_abroad_is_aimed_at_the_organisation(nlp: Language) -> None:
    event = _event(nlp, "A NATO summit in Brussels ended on Friday.", "summit")
    assert event["source"]["code"].startswith("IGO")
    assert event["target"]["code"] == "IGO"
    assert event["evidence"]["rules"]["target"] == "organisation_meeting"


def test_organisation_ministers_meeting_abroad(nlp: Language) -> None:
    event = _event(nlp, "European Union finance ministers meet in Luxembourg this weekend.", "meet")
    assert event["target"]["country"] == "IGO"
    assert event["evidence"]["rules"]["target"] == "organisation_meeting"


def test_an_organisation_mission_arriving_is_aimed_at_its_host(nlp: Language) -> None:
    event = _event(nlp, "An IMF mission arrived in Lusaka on Monday for talks.", "arrived")
    assert event["target"]["country"] == "ZMB"
    assert event["evidence"]["rules"]["target"] == "target_of_host"


def test_a_state_holding_talks_abroad_is_aimed_at_its_host(nlp: Language) -> None:
    event = _event(nlp, "German Chancellor Angela Merkel held talks in Paris on Monday.", "talks")
    assert event["target"]["country"] == "FRA"
    assert event["evidence"]["rules"]["target"] == "target_of_host"
