"""gates52 (session 52, helper hE): the rule gates narrowed where their gated events were labelled right as often as
the coder's counted ones on the v6 labels. An intent or consultation between private sides of two states
(`private_cooperation` leaves it); an intent with a target whose declarer a country named nearby places
(`unplaced_intent` leaves it, test_unplaced_intents.py); an arrest or charge told in the bare present passive ("is
charged with treason") is the state's act, no state (`_present_state`). Invented sentences and event dicts."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.actors.countries import private_cooperation


def side(code: str | None, country: str | None, sector: str | None) -> dict[str, Any]:
    return {"code": code, "country": country, "sector": sector, "text": "x"}


def event(code: str, source: dict[str, Any] | None, target: dict[str, Any] | None, *, lemma: str = "meet",
          rule: str = "_verb_entry", rules: dict[str, str] | None = None) -> dict[str, Any]:
    return {"cameo": code, "modality": "asserted", "negated": False, "confidence": 0.9, "source": source,
            "target": target, "evidence": {"rules": {"trigger": f"verbs.tsv:{lemma}", "code": rule, **(rules or {})}}}


KENBUS, KENLAB, UGABUS = side("KENBUS", "KEN", "BUS"), side("KENLAB", "KEN", "LAB"), side("UGABUS", "UGA", "BUS")


def test_private_sides_of_two_states_stay() -> None:
    assert not private_cooperation(event("040", KENBUS, UGABUS))  # "Kenyan and Ugandan firms met in Kampala"
    assert not private_cooperation(event("030", side("KENLAB", "KEN", "LAB"), side("UGACVL", "UGA", "CVL")))
    assert private_cooperation(event("030", KENBUS, KENLAB))  # "the firm and its union agreed on pay": one state
    assert private_cooperation(event("040", KENBUS, None))  # with nobody
    assert private_cooperation(event("040", KENBUS, side("IGOBUS", None, "BUS")))  # a side with no state
    # the press is never a target (D1c): "Kenyan journalists met Ugandan editors" stays gated
    assert private_cooperation(event("040", side("KENMED", "KEN", "MED"), side("UGAMED", "UGA", "MED")))


def test_a_charge_in_the_present_passive_is_an_act(nlp: Language) -> None:
    for text, trigger in (("The Kenyan opposition leader is charged with treason.", "charged"),
                          ("The Ugandan activist is detained in Kampala.", "detained")):
        events = [e for e in nlp(text)._.events if e["trigger"] == trigger]
        assert [e["cameo"][:3] for e in events] == ["173"], text
    # another bare present passive with no doer still tells a state, no act
    assert not [e for e in nlp("The Kenyan army is defeated in the north.")._.events if e["trigger"] == "defeated"]
