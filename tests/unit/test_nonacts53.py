"""nonacts53: counted events the labels call no act, by the sense of their trigger (session 53). A visit coded on a
verb of journey whose traveller has no office, a crowd, a people or a person the text gives no sector, is private
travel (rule gate `private_journey`); "as opposed to" draws a contrast, no opposition (cue `idiom`). Invented
sentences and event dicts."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.actors.countries import PLACELESS_JOURNEY, PRIVATE_JOURNEY, gate_statements, private_journey
from dateline.confidence import is_counted

KAMPALA = {"name": "Kampala", "country": "UGA"}


def event(code: str, sector: str | None, *, lemma: str = "travel", source: bool = True,
          location: dict[str, Any] | None = KAMPALA) -> dict[str, Any]:
    """An asserted event from a Kenyan source of ``sector`` to Uganda, coded on the verb ``lemma``."""
    return {"cameo": code, "modality": "asserted", "negated": False, "confidence": 0.9, "location": location,
            "source": {"code": "KEN" + (sector or ""), "country": "KEN", "sector": sector} if source else None,
            "target": {"code": "UGA", "country": "UGA", "sector": None},
            "evidence": {"rules": {"trigger": f"verbs.tsv:{lemma}", "code": "_verb_entry"}}}


def test_a_journey_by_a_traveller_with_no_office_is_private() -> None:
    # "the Kenyan student travelled to Kampala", "thousands of Kenyans travelled to Uganda"
    assert private_journey(event("042", None))
    assert private_journey(event("040", None))


def test_a_journey_by_an_office_or_another_act_stays() -> None:
    # "the Kenyan minister / general / senator travelled to Kampala"
    for sector in ("GOV", "MIL", "LEG", "OPP"):
        assert not private_journey(event("042", sector)), sector
    assert not private_journey(event("042", None, lemma="visit"))  # a visit named as such: its own word
    assert not private_journey(event("036", None))  # an intent to travel: the intent gates decide it
    assert not private_journey(event("042", None, source=False))  # no traveller found: nothing to judge


def test_the_gate_names_itself_and_the_event_is_not_counted() -> None:
    gated = event("042", None)
    gate_statements(gated)
    assert gated["evidence"]["rules"]["gate"] == PRIVATE_JOURNEY and not is_counted(gated, 0.0)
    placeless = event("042", None, location=None)  # placed nowhere: the older gate names it first
    gate_statements(placeless)
    assert placeless["evidence"]["rules"]["gate"] == PLACELESS_JOURNEY
    kept = event("042", "GOV")
    gate_statements(kept)
    assert "gate" not in kept["evidence"]["rules"] and is_counted(kept, 0.0)


def test_journeys_through_the_pipeline(nlp: Language) -> None:
    def travel_gates(text: str) -> list[Any]:
        events = [e for e in nlp(text)._.events if e["trigger"].startswith("travel")]
        assert events, text
        return [((e.get("evidence") or {}).get("rules") or {}).get("gate") for e in events]

    assert travel_gates("Chinese President Xi Jinping travelled to Moscow on Monday.") == [None]
    assert travel_gates("Some 5,000 Kenyans travelled to Uganda in 2019.") == [PRIVATE_JOURNEY]
    assert travel_gates("Hundreds of Britons have travelled to Syria since 2012.") == [PRIVATE_JOURNEY]


def test_as_opposed_to_is_no_opposition(nlp: Language) -> None:
    def opposed(text: str) -> list[str]:
        return [e["cameo"] for e in nlp(text)._.events if e["trigger"].startswith("oppos")]

    assert opposed("Kenya chose to negotiate with Uganda, as opposed to fighting the rebels.") == []
    assert opposed("The Kenyan government sent diplomats, as opposed to troops, to Uganda on Monday.") == []
    assert opposed("The Kenyan government opposed the Ugandan plan on Monday.") != []
