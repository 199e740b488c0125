"""Event nouns whose actors the coder used to miss (issue 11, recall): the real pipeline on short
sentences written for these tests (no corpus text). Each case names the rule it checks."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from conftest import coded


def on(events: list[dict[str, Any]], trigger: str) -> list[dict[str, Any]]:
    return [e for e in events if e["trigger"] == trigger and e["counted"]]


def country(side: dict[str, Any] | None) -> str | None:
    return (side or {}).get("country")


def test_attack_in_a_place_targets_that_country(nlp: Language) -> None:
    """_noun_place: a violent noun with no named doer strikes the country it happened in; since session 55 its
    doer is that country too (``unclaimed_attack``, D11b: unnamed attackers take the country the text places
    them in), where it was left with no source before."""
    events = on(coded(nlp, "A suicide attack in Kabul killed 20 people on Saturday."), "attack")
    # A suicide attack is an assault (18x, rule _unconventional of the root rules), not fighting.
    assert [(e["cameo"][:2], country(e["source"]), country(e["target"])) for e in events] == [("18", "AFG", "AFG")]
    rules = events[0]["evidence"]["rules"]
    assert (rules["target"], rules["source"], rules["source_country"]) == ("_noun_place", "unclaimed_attack",
                                                                           "target_place")
    assert rules["code"] == "_unconventional"


def test_place_modifying_an_attack_is_its_target_not_the_governor_subject(nlp: Language) -> None:
    """_violence_parties: "the Paris attacks" struck France; the police who searched after them did not attack.
    Since session 55 the unnamed attackers are placed where they struck (``unclaimed_attack``, D11b), not left
    with no source; never the police."""
    events = on(coded(nlp, "Police searched homes after the Paris attacks."), "attacks")
    assert [(country(e["source"]), country(e["target"])) for e in events] == [("FRA", "FRA")]
    assert events[0]["source"]["text"] != "Police"
    assert events[0]["evidence"]["rules"]["source"] == "unclaimed_attack"


def test_meeting_place_stays_a_venue(nlp: Language) -> None:
    """A place that modifies a meeting is where it is held: no event from the venue alone."""
    assert on(coded(nlp, "Officials arrived after the Geneva meeting."), "meeting") == []


def test_nationality_of_a_violent_noun_is_its_source(nlp: Language) -> None:
    """_violence_parties: "a Russian airstrike in Idlib": Russia struck Syria."""
    events = on(coded(nlp, "A Russian airstrike in Idlib killed 12 civilians on Monday."), "airstrike")
    assert [(country(e["source"]), country(e["target"])) for e in events] == [("RUS", "SYR")]
    assert events[0]["evidence"]["rules"]["source"] == "_violence_parties"


def test_named_possessor_makes_a_governed_noun_an_act(nlp: Language) -> None:
    """_owned: "accusations" is an act only behind a light verb ("made accusations") or with a
    named doer ("Germany's accusations against Iran"); "the accusations against Iran" names none."""
    events = on(coded(nlp, "Germany's accusations against Iran angered officials in Tehran on Monday."), "accusations")
    assert [(e["cameo"][:2], country(e["source"]), country(e["target"])) for e in events] == [("11", "DEU", "IRN")]
    assert on(coded(nlp, "The accusations against Iran angered officials in Tehran on Monday."), "accusations") == []


def test_noun_that_another_act_is_about_is_no_new_act(nlp: Language) -> None:
    """_topic_of_act: "rejected Germany's demand" is the rejection; the demand is only its topic."""
    events = coded(nlp, "Iran rejected Germany's demand for new talks on Monday.")
    assert on(events, "demand") == []
    assert on(events, "rejected")
