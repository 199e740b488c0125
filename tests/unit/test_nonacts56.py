"""nonacts56: counted appeals, intents and disapprovals the labels call no act, by the sense of their trigger (session
56, hU). "Pushed back on the criticism" and "pressed ahead" ask for nothing (null phrasal rows, "push back against"
keeps its 110); "advised that ..." with an indicative clause informs (cue `claim_or_demand`); offering information is
no intent and offering reassurances is 013 (patterns); a passive blame, suspicion or allegation with no doer is a
charge that stands (rule gate `unvoiced_accusation`); "chastened by" is humbled (cue `idiom`); mourning and weeping
are grief (null rows). Invented sentences."""

from __future__ import annotations


from spacy.language import Language

from dateline.actors.countries import UNVOICED_ACCUSATION


def coded(nlp: Language, text: str, start: str) -> list[tuple[str, str | None]]:
    """(CAMEO code, rule gate) of each event whose trigger starts with ``start``."""
    return [(e["cameo"], ((e.get("evidence") or {}).get("rules") or {}).get("gate"))
            for e in nlp(text)._.events if e["trigger"].lower().startswith(start)]


def roots(nlp: Language, text: str, start: str) -> list[str]:
    return [code[:2] for code, _ in coded(nlp, text, start)]


def test_pushing_back_and_pressing_ahead_ask_for_nothing(nlp: Language) -> None:
    assert roots(nlp, "The Kenyan president pushed back on the criticism of his budget on Monday.", "push") == []
    assert roots(nlp, "The Kenyan president pressed ahead with the budget on Monday.", "press") == []
    assert roots(nlp, "The Kenyan president pushed Uganda to withdraw its troops.", "push") == ["02"]
    assert roots(nlp, "Kenya has pushed for a ceasefire in Somalia.", "push") == ["02"]
    assert roots(nlp, "The Kenyan president pressed Uganda to withdraw its troops.", "press") == ["02"]
    assert roots(nlp, "The Kenyan president pushed back against the Ugandan plan on Monday.", "push") == ["11"]


def test_advising_that_something_is_so_informs(nlp: Language) -> None:
    assert roots(nlp, "The Kenyan ministry advised that there are no records of the flight.", "advis") == []
    assert roots(nlp, "The Kenyan president has been advised he has the authority to close the border.",
                 "advis") == []
    assert roots(nlp, "The Kenyan president advised Uganda to withdraw its troops.", "advis") == ["02"]


def test_offering_information_is_no_intent(nlp: Language) -> None:
    assert roots(nlp, "The Kenyan minister offered few details about the Ugandan deal.", "offer") == []
    assert roots(nlp, "The Kenyan minister offered statistics on the Ugandan economy.", "offer") == []
    assert roots(nlp, "The Kenyan president offered reassurances to Uganda on Monday.", "offer") == ["01"]
    assert roots(nlp, "Kenya offered aid to Uganda on Monday.", "offer") == ["03"]


def test_a_passive_charge_with_no_doer_is_no_act(nlp: Language) -> None:
    gates = coded(nlp, "The Ugandan rebels are blamed for the attack on the Kenyan border post.", "blam")
    assert gates and all(gate == UNVOICED_ACCUSATION for _, gate in gates)
    gates = coded(nlp, "The Kenyan president blamed the Ugandan rebels for the attack.", "blam")
    assert gates and all(gate is None for _, gate in gates)
    gates = coded(nlp, "The Ugandan rebels were blamed by the Kenyan president for the attack.", "blam")
    assert all(gate is None for _, gate in gates)


def test_chastened_by_and_mourning_are_no_disapproval(nlp: Language) -> None:
    assert roots(nlp, "The Kenyan president, chastened by the war in Somalia, deferred the decision.", "chasten") == []
    assert roots(nlp, "Kenyans are mourning the death of their former president.", "mourn") == []
    assert roots(nlp, "The Kenyan minister wept as she spoke about the Ugandan refugees.", "wept") == []
