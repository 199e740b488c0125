"""Which words are acts, and with what modality (issue 11, part 5): the real pipeline on short
sentences written for these tests (no corpus text). Each case names the rule it checks."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from conftest import coded


def on(events: list[dict[str, Any]], trigger: str) -> list[dict[str, Any]]:
    return [e for e in events if e["trigger"] == trigger]


def counted(events: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(e["trigger"], e["cameo"]) for e in events if e["counted"]]


@pytest.mark.parametrize("text, trigger", [
    ("A strong earthquake struck Chile on Tuesday.", "struck"),            # a natural force
    ("The rescue package allowed Greece to avoid a default.", "allowed"),  # a plan or a deal
    ("Falling oil prices hit Russia hard last year.", "hit"),              # a market
])
def test_thing_as_subject_is_no_act(nlp: Language, text: str, trigger: str) -> None:
    """_thing_subject: a common noun that is no agent, armed unit, weapon or event cannot do the act."""
    assert on(coded(nlp, text), trigger) == []


def test_partitive_subject_stands_for_what_it_counts(nlp: Language) -> None:
    """_can_act: "a group of protesters" can act as the protesters can; "the terms of X" cannot."""
    events = coded(nlp, "A group of Egyptian protesters attacked the Israeli embassy in Cairo on Friday.")
    assert any(e["counted"] for e in on(events, "attacked"))
    assert on(coded(nlp, "The terms of the Iranian deal allowed Iran to enrich uranium."), "allowed") == []


def test_an_aim_stated_by_a_thing_is_no_schedule(nlp: Language) -> None:
    """_scheduled: "its mandate is to fight prices" states an aim: no intent or threat is declared."""
    assert counted(coded(nlp, "The central bank said its mandate is to fight rising prices.")) == []


def test_weapon_or_force_as_subject_still_acts(nlp: Language) -> None:
    events = coded(nlp, "Israeli warplanes struck Gaza on Tuesday.")
    assert [e["cameo"][:2] for e in on(events, "struck") if e["counted"]] == ["19"]


@pytest.mark.parametrize("text, trigger", [
    ("The newspaper noted that the French minister had resigned.", "noted"),
    ("Citing two officials, the agency said the Iranian talks had stalled.", "Citing"),
    ("The Russian envoy described the situation in Germany as tense.", "described"),
    ("The British prime minister spoke at a news conference in London.", "spoke"),
])
def test_reporting_verbs_are_no_acts(nlp: Language, text: str, trigger: str) -> None:
    """verbs_extra.tsv: note, cite, describe, quote, refer, estimate and bare speak code nothing."""
    assert on(coded(nlp, text), trigger) == []


def test_speaking_with_a_party_is_still_a_consultation(nlp: Language) -> None:
    events = coded(nlp, "The German chancellor spoke with the French president by telephone on Monday.")
    assert [e["cameo"][:2] for e in on(events, "spoke")] == ["04"]


def test_is_to_meet_is_intended(nlp: Language) -> None:
    """_own_modality: "X is to meet Y" is scheduled, not held; "is to blame" is no schedule."""
    meet = on(coded(nlp, "The German president is to meet the Chinese premier in Beijing next week."), "meet")
    assert {e["modality"] for e in meet if e["cameo"] == "040"} == {"intended"}
    assert not any(e["counted"] and e["cameo"].startswith("04") for e in meet)


def test_next_weeks_talks_are_intended(nlp: Language) -> None:
    """_future_time: an event noun with a future time of its own is still to come."""
    talks = on(coded(nlp, "The minister flew to Paris for next week's talks with France."), "talks")
    assert talks and {e["modality"] for e in talks} == {"intended"}


def test_threatened_strikes_are_not_made(nlp: Language) -> None:
    """_threatened: what a warning names is threatened, not done; the warning itself is the act."""
    events = coded(nlp, "North Korea warned of strikes against the United States.")
    assert on(events, "strikes") and not any(e["counted"] for e in on(events, "strikes"))
    assert [e["cameo"][:2] for e in on(events, "warned") if e["counted"]] == ["13"]


def test_strikes_a_state_warns_of_are_its_threat(nlp: Language) -> None:
    """_threatened_harm: a "strike" a state warns of is military force from the warner (codes._military_strike),
    a threat (D2), named ``_warning_threat``; a general strike it warns of is only a forecast (012)."""
    events = coded(nlp, "Iran warned of strikes on American bases.")
    warning = [e for e in on(events, "warned") if e["counted"]]
    assert [(e["cameo"][:2], e["evidence"]["rules"]["code"]) for e in warning] == [("13", "_warning_threat")]
    events = coded(nlp, "Israel warned of a general strike in Gaza.")
    assert [e["cameo"] for e in on(events, "warned") if e["counted"]] == ["012"]


def test_party_claim_about_its_adversary_is_claimed_and_an_accusation(nlp: Language) -> None:
    """_claim: Iraq says Iran attacked Iraq: the attack is reported (not counted); Iraq accuses Iran (112)."""
    events = coded(nlp, "Iraq said Iranian forces attacked Iraqi border posts on Monday.")
    attack = on(events, "attacked")
    assert attack and {e["modality"] for e in attack} == {"reported"}
    assert all(e["evidence"]["rules"]["modality"] == "_claim" for e in attack)
    accusation = [e for e in on(events, "said") if e["cameo"] == "112"]
    assert [(e["source"]["country"], e["target"]["country"], e["counted"]) for e in accusation] == [("IRQ", "IRN", True)]


def test_neutral_source_asserts(nlp: Language) -> None:
    """_claim: police report an attack they are no party to: asserted and counted."""
    events = coded(nlp, "Police said gunmen killed five villagers in Kenya on Monday.")
    assert [(e["modality"], e["counted"]) for e in on(events, "killed")] == [("asserted", True)]
    assert not any(e["cameo"] == "112" for e in events)


def test_dated_background_is_counted_with_the_flag(nlp: Language) -> None:
    """_background: a year well before publication: asserted, counted, ``background`` true."""
    hosted = on(coded(nlp, "President Bush hosted the Russian president at Camp David in 2003."), "hosted")
    assert hosted and [(e["modality"], e["background"], e["counted"]) for e in hosted] == [("asserted", True, True)]
    assert hosted[0]["date"]["value"].startswith("2003")


def test_era_background_is_historical(nlp: Language) -> None:
    """_background: an era alone ("during World War Two") dates nothing: historical, not counted."""
    events = coded(nlp, "Germany invaded Poland during World War Two.")
    invaded = on(events, "invaded")
    assert invaded and [(e["modality"], e["background"], e["counted"]) for e in invaded] == [("historical", True, False)]


def test_current_act_is_no_background(nlp: Language) -> None:
    events = coded(nlp, "Iran is complying with the 2015 nuclear deal, the French minister said on Monday.")
    assert events and not any(e["background"] for e in events)


@pytest.mark.parametrize("text, trigger, country", [
    ('"We have arrested three suspects," Kenyan police said on Tuesday.', "arrested", "KEN"),
    ('"We have made an arrest in our inquiry," the Kenyan police chief said.', "arrest", "KEN"),
    ('The Iranian minister said: "We will never negotiate with the United States."', "negotiate", "IRN"),
])
def test_first_person_inside_a_statement_is_the_speaker(nlp: Language, text: str, trigger: str, country: str) -> None:
    """_frame_speaker: "we" doing the act inside what a speaker says is the speaker."""
    events = on(coded(nlp, text), trigger)
    assert events and {(e["source"] or {}).get("country") for e in events} == {country}
    assert {e["evidence"]["rules"]["source"] for e in events} == {"_frame_speaker"}


def test_first_person_outside_a_statement_stays_unresolved(nlp: Language) -> None:
    """_frame_speaker: no speech verb frames "we" (a column's own voice): no speaker is made up."""
    events = coded(nlp, "We have arrested three suspects in Nairobi.")
    assert any(e["trigger"] == "arrested" for e in events)  # the act is coded, its doer not made a speaker
    assert not any(e["evidence"]["rules"].get("source") == "_frame_speaker" for e in events)


@pytest.mark.parametrize("text, trigger, country", [
    ('"We have been striking the militants when we can. They hide among civilians," the American general said.',
     "striking", "USA"),
    ('The Iranian minister said: "The talks failed. We will never negotiate with the United States."',
     "negotiate", "IRN"),
])
def test_first_person_in_a_quotation_over_sentences_is_its_speaker(nlp: Language, text: str, trigger: str,
                                                                   country: str) -> None:
    """_quoted_speaker: the quotation's speaker named after it closes (or before it opens) in that sentence."""
    events = on(coded(nlp, text), trigger)
    assert events and {(e["source"] or {}).get("country") for e in events} == {country}
    assert {e["evidence"]["rules"]["source"] for e in events} == {"_quoted_speaker"}


def test_first_person_after_a_closed_quotation_is_not_its_speaker(nlp: Language) -> None:
    """_quoted_speaker: a sentence outside the marks is the writer's, not the quoted speaker's."""
    events = coded(nlp, '"The talks failed," the Iranian minister said. We have arrested three suspects in Tehran.')
    assert any(e["trigger"] == "arrested" for e in events)
    assert not any(e["evidence"]["rules"].get("source") in ("_quoted_speaker", "_frame_speaker") for e in events)
