"""nonacts42: counted events that are no act (session 42). A vote or a campaign (rule gate `electoral_routine`, D6);
a consultation (04) or an intent (03) of a private or unofficial side with nobody, another such side or its own country
(`private_cooperation`, D6/D10b); military protection (074) by a side that is no fighting force
(`unarmed_protection`); "led to" an outcome (`caused_outcome`); violence by a civilian political organ to its own state
or its organs (`figurative_violence`, D6). Invented sentences and event dicts. The session-42 mend's negative cases: a
state campaigning abroad, private sides meeting a political side at home, a state, an alliance or the police
protecting, a government's named violence against its towns or people and an assassination stay counted."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.actors.countries import (CAUSED_OUTCOME, ELECTORAL_ROUTINE, FIGURATIVE_VIOLENCE, PRIVATE_COOPERATION,
                                       UNARMED_PROTECTION, caused_outcome, electoral_routine, figurative_violence,
                                       gate_statements, private_cooperation, unarmed_protection)
from dateline.confidence import is_counted


def side(code: str | None, country: str | None, sector: str | None) -> dict[str, Any]:
    return {"code": code, "country": country, "sector": sector, "text": "x"}


def event(code: str, source: dict[str, Any] | None, target: dict[str, Any] | None, *, lemma: str = "meet",
          rule: str = "_verb_entry", table: str = "verbs.tsv", rules: dict[str, str] | None = None) -> dict[str, Any]:
    return {"cameo": code, "modality": "asserted", "negated": False, "confidence": 0.9, "source": source,
            "target": target, "evidence": {"rules": {"trigger": f"{table}:{lemma}", "code": rule, **(rules or {})}}}


KENGOV, UGAGOV = side("KENGOV", "KEN", "GOV"), side("UGAGOV", "UGA", "GOV")
KENMED, KENEDU, KENBUS = side("KENMED", "KEN", "MED"), side("KENEDU", "KEN", "EDU"), side("KENBUS", "KEN", "BUS")


def gates(nlp: Language, text: str, trigger: str) -> list[Any]:
    """The gate named on each event of ``trigger`` in ``text`` coded by the real pipeline (None: counted)."""
    events = [e for e in nlp(text)._.events if e["trigger"] == trigger]
    assert events, text
    for e in events:
        # counted at any confidence unless gated (the default threshold of ``counted`` is the confidence's)
        assert is_counted(e, 0.0) == (((e.get("evidence") or {}).get("rules") or {}).get("gate") is None), text
    return [((e.get("evidence") or {}).get("rules") or {}).get("gate") for e in events]


def test_votes_and_campaigns_are_routine() -> None:
    assert electoral_routine(event("110", KENGOV, UGAGOV, lemma="vote"))
    assert electoral_routine(event("110", KENGOV, KENGOV, lemma="campaign"))
    assert not electoral_routine(event("110", KENGOV, UGAGOV, lemma="oppose"))
    assert not electoral_routine(event("140", KENGOV, None, lemma="campaign", table="nouns.tsv"))  # an event noun
    # a state itself voting or campaigning toward another state: its foreign policy, no domestic routine
    assert not electoral_routine(event("100", side("DEU", "DEU", None), side("TURMED", "TUR", "MED"), lemma="campaign"))
    assert electoral_routine(event("031", side("KEN", "KEN", None), None, lemma="vote"))  # "Kenya voted to leave"


def test_votes_and_campaigns_through_the_pipeline(nlp: Language) -> None:
    assert gates(nlp, "Kenyan senators voted against the amendment on Tuesday.", "voted") == [ELECTORAL_ROUTINE]
    assert gates(nlp, "The Kenyan senator campaigned against the governor in Mombasa last year.",
                 "campaigned") == [ELECTORAL_ROUTINE]
    # the measure a vote imposes is that measure's act, on its own word, and stays counted
    assert gates(nlp, "The Kenyan parliament voted to impose sanctions on Uganda on Monday.", "sanctions") == [None]
    assert gates(nlp, "Germany campaigned for the release of the jailed journalist in Turkey.", "campaigned") == [None]


def test_intents_and_consultations_of_private_sides() -> None:
    assert private_cooperation(event("040", KENMED, None))  # "Kenyan journalists gathered at a hotel"
    assert private_cooperation(event("046", KENEDU, KENMED))  # "a professor discussed it with a newspaper"
    assert not private_cooperation(event("040", KENBUS, KENGOV))  # a political side at home: "... met the minister"
    assert not private_cooperation(event("030", side("KENCVL", "KEN", "CVL"), side("KENMIL", "KEN", "MIL")))
    assert not private_cooperation(event("040", KENBUS, UGAGOV))  # another state's organ: "... met the Ugandan president"
    assert not private_cooperation(event("040", KENGOV, None))  # a state's own side
    assert private_cooperation(event("030", KENMED, None))  # "the newspaper plans to open an office"
    assert private_cooperation(event("030", KENBUS, side("KENLAB", "KEN", "LAB")))  # "the firm and its union agreed on pay"
    assert not private_cooperation(event("020", KENMED, None))  # an appeal, no cooperation
    # a side with no country is not "at home" with another with none
    assert not private_cooperation(event("040", side("BUS", None, "BUS"), side("IGOUNO", None, None)))


def test_intents_and_consultations_of_private_sides_through_the_pipeline(nlp: Language) -> None:
    assert gates(nlp, "Kenyan journalists gathered at a hotel on Monday.", "gathered") == [PRIVATE_COOPERATION]
    assert gates(nlp, "Kenyan journalists met with a group of Ugandan editors on Monday.", "met") == [PRIVATE_COOPERATION]
    assert gates(nlp, "A professor at Nairobi University discussed the crisis with a Kenyan newspaper on Monday.",
                 "discussed") == [PRIVATE_COOPERATION]
    assert gates(nlp, "The chief executive of a Kenyan bank met the Ugandan president in Kampala on Monday.",
                 "met") == [None]
    assert gates(nlp, "A Kenyan newspaper plans to hire more reporters.", "plans") == [PRIVATE_COOPERATION]
    assert gates(nlp, "Kenyan villagers met the Kenyan president in Nairobi on Monday.", "met") == [None]


def test_protection_by_no_fighting_force() -> None:
    assert unarmed_protection(event("074", KENGOV, UGAGOV, lemma="defend"))
    assert not unarmed_protection(event("074", side("KENMIL", "KEN", "MIL"), UGAGOV, lemma="defend"))
    assert not unarmed_protection(event("074", side("UGAREB", "UGA", "REB"), UGAGOV, lemma="defend"))
    assert not unarmed_protection(event("051", KENGOV, UGAGOV, lemma="defend"))
    assert not unarmed_protection(event("074", KENGOV, UGAGOV, lemma="defend", rule="_sense"))
    # a state or an alliance itself (no sector) and the police may protect with arms
    assert not unarmed_protection(event("074", side("UKR", "UKR", None), side("UKRGOV", "UKR", "GOV"), lemma="defend"))
    assert not unarmed_protection(event("074", side("KENCOP", "KEN", "COP"), UGAGOV, lemma="guard"))
    assert not unarmed_protection(event("074", None, UGAGOV, lemma="defend"))


def test_protection_through_the_pipeline(nlp: Language) -> None:
    assert gates(nlp, "The Kenyan president defended the Ugandan leader on Monday.", "defended") == [UNARMED_PROTECTION]
    assert gates(nlp, "The Kenyan minister shielded the Ugandan envoy from the inquiry.",
                 "shielded") == [UNARMED_PROTECTION]
    assert gates(nlp, "The Kenyan army defended Uganda on Monday.", "defended") == [None]
    assert gates(nlp, "Kenyan soldiers shielded Ugandan villagers from the rebels.", "shielded") == [None]
    assert gates(nlp, "Ukraine defended Kyiv against the Russian assault on Monday.", "defended") == [None]
    assert gates(nlp, "NATO defended Lithuania's airspace against Russian jets.", "defended") == [None]
    assert gates(nlp, "Kenyan police guarded the Ugandan embassy in Nairobi during the protests.", "guarded") == [None]


def test_a_caused_outcome_needs_the_parse() -> None:
    assert not caused_outcome(event("042", KENGOV, UGAGOV, lemma="lead"), None)


def test_caused_outcomes_through_the_pipeline(nlp: Language) -> None:
    assert gates(nlp, "The Kenyan ban on imports led to a collapse of trade with Uganda.", "led") == [CAUSED_OUTCOME]
    # with its object the verb is the subject's own act
    assert gates(nlp, "The Kenyan foreign minister led a delegation to Uganda on Monday.", "led") == [None]


def test_violence_of_a_civilian_organ_at_home() -> None:
    assert figurative_violence(event("190", side("KENLEG", "KEN", "LEG"), KENGOV, lemma="defeat"))
    # its own state only as a guess: no target named, the country the article's or the source's own
    assert not figurative_violence(event("190", KENGOV, side("KEN", "KEN", None), lemma="overtake"))
    assert not figurative_violence(event("190", KENGOV, side("KEN", "KEN", None), lemma="overtake",
                                         rules={"target": "_act_place", "target_country": "article_country"}),
                                   None)  # no parse
    assert not figurative_violence(event("186", KENGOV, side("KENPTY", "KEN", "PTY"), lemma="assassinate"))  # a kind
    assert not figurative_violence(event("200", KENGOV, KENGOV, lemma="massacre"))  # mass violence
    assert not figurative_violence(event("190", KENGOV, side("UGA", "UGA", None), lemma="bomb"))  # another state
    assert not figurative_violence(event("190", side("KENMIL", "KEN", "MIL"), KENGOV, lemma="attack"))  # a force
    assert not figurative_violence(event("190", KENGOV, side("KENCVL", "KEN", "CVL"), lemma="shell"))  # the people
    assert not figurative_violence(event("190", KENGOV, KENGOV, lemma="attack", table="nouns.tsv"))  # an event noun
    assert not figurative_violence(event("111", KENGOV, KENGOV, lemma="attack"))  # criticism


def test_violence_of_a_civilian_organ_through_the_pipeline(nlp: Language) -> None:
    assert gates(nlp, "Kenyan senators defeated the finance bill on Tuesday.",
                 "defeated") == [FIGURATIVE_VIOLENCE]
    assert gates(nlp, "The Kenyan president overtook his predecessor as the longest-serving leader last year.",
                 "overtook") == [FIGURATIVE_VIOLENCE]
    assert gates(nlp, "The Kenyan government bombed Ugandan rebel camps on Monday.", "bombed") == [None]
    assert gates(nlp, "The Kenyan army shelled the rebels in Mombasa on Monday.", "shelled") == [None]
    assert gates(nlp, "The Kenyan government shelled the protesters in Mombasa on Monday.", "shelled") == [None]
    # its own towns and people, named: a real act, whatever target country the coder guessed
    assert gates(nlp, "The Syrian government bombed Aleppo on Monday.", "bombed") == [None]
    assert gates(nlp, "Assad's regime killed thousands of Syrians.", "killed") == [None]
    assert gates(nlp, "The Kenyan president was assassinated by a Kenyan politician.", "assassinated") == [None]


def test_the_new_gates_name_themselves() -> None:
    cases = [(event("110", KENGOV, UGAGOV, lemma="vote"), ELECTORAL_ROUTINE),
             (event("040", KENMED, None), PRIVATE_COOPERATION),
             (event("074", KENGOV, UGAGOV, lemma="defend"), UNARMED_PROTECTION),
             (event("190", side("KENLEG", "KEN", "LEG"), KENGOV, lemma="defeat"), FIGURATIVE_VIOLENCE)]
    for gated, name in cases:
        gate_statements(gated)
        assert gated["evidence"]["rules"]["gate"] == name and not is_counted(gated, 0.0), name
    kept = event("040", KENGOV, UGAGOV)
    gate_statements(kept)
    assert "gate" not in kept["evidence"]["rules"] and is_counted(kept, 0.0)
