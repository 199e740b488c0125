"""nonacts41: counted events that are no act (session 41). A plain statement by a private speaker, a company, the
media or a union (rule gate `private_statement`, D1a/D10b), or by no speaker at all (`unplaced_statement`); a journey
the text places nowhere (`placeless_journey`, D6/D14b); set phrases of a coded verb ("sent a message", "offered an
example", cue `idiom`); verbs that describe rather than act ("dominated", "inspired": verbs_extra.tsv nulls them).
Invented sentences and event dicts; the real pipeline for the set phrases, hand-built parses for the verbs."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

import dateline.nlp  # noqa: F401  (registers the Doc extensions)
from dateline.actors.countries import (PLACELESS_JOURNEY, PRIVATE_STATEMENT, UNPLACED_STATEMENT, gate_statements,
                                       placeless_journey, private_statement, unplaced_statement)
from dateline.confidence import is_counted
from dateline.events import code_doc

from handbuilt import parsed_doc


def event(code: str, sector: str | None, *, rule: str = "_verb_entry", lemma: str = "say", source: bool = True,
          location: dict[str, Any] | None = None) -> dict[str, Any]:
    """An asserted event from a Kenyan source of ``sector`` (placed by its own words) to Uganda."""
    return {"cameo": code, "modality": "asserted", "negated": False, "confidence": 0.9, "location": location,
            "source": {"code": "KEN" + (sector or ""), "country": "KEN", "sector": sector} if source else None,
            "target": {"code": "UGA", "country": "UGA", "sector": None},
            "evidence": {"rules": {"trigger": f"verbs.tsv:{lemma}", "code": rule}}}


def test_a_plain_statement_by_a_private_speaker_is_not_counted() -> None:
    # "The Kenyan company said its profits rose", "the Kenyan newspaper said ...", "the union said ..."
    for sector in ("BUS", "MED", "LAB", "REL"):
        assert private_statement(event("010", sector)), sector


def test_a_statement_by_the_state_or_more_than_a_statement_stays() -> None:
    for sector in (None, "GOV", "MIL", "LEG", "PTY", "OPP", "EDU", "CVL"):
        assert not private_statement(event("010", sector)), sector
    assert not private_statement(event("020", "BUS"))  # "the company urged Uganda to ...": an appeal
    assert not private_statement(event("010", "BUS", rule="_demand_content"))


def test_a_plain_statement_with_no_speaker_is_unplaced() -> None:
    # "It was reported on Monday that Uganda trained the rebels": no one says it
    assert unplaced_statement(event("010", None, lemma="reveal", source=False))
    assert not unplaced_statement(event("010", "GOV", lemma="reveal"))  # "the Kenyan minister revealed"
    assert not unplaced_statement(event("111", None, rule="_disapproval", source=False))  # more than a statement


def test_a_journey_placed_nowhere_is_no_visit() -> None:
    # "Kenyan volunteers travelled to join the militia", "the rocket travelled 300 kilometres"
    assert placeless_journey(event("042", "CVL", lemma="travel"))
    # "the Kenyan minister travelled to Kampala": a visit to a place
    assert not placeless_journey(event("042", "GOV", lemma="travel", location={"name": "Kampala", "country": "UGA"}))
    assert not placeless_journey(event("042", "GOV", lemma="visit"))


def test_the_gates_name_themselves_and_the_event_is_not_counted() -> None:
    cases = [(event("010", "BUS"), PRIVATE_STATEMENT), (event("010", None, source=False), UNPLACED_STATEMENT),
             (event("042", "GOV", lemma="travel"), PLACELESS_JOURNEY)]
    for gated, name in cases:
        gate_statements(gated)
        assert gated["evidence"]["rules"]["gate"] == name and not is_counted(gated, 0.0), name
    kept = event("042", "GOV", lemma="travel", location={"name": "Kampala", "country": "UGA"})
    gate_statements(kept)
    assert "gate" not in kept["evidence"]["rules"] and is_counted(kept, 0.0)


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    return spacy.blank("en").vocab


def triggers(doc: Doc) -> list[str]:
    return [e["trigger"] for e in code_doc(doc)._.events]


def test_set_phrases_are_no_act(nlp: Language) -> None:
    # each coded by its verb without the idiom rows (sent 040, met 040, cast 014, offered 030, released 084, raised 013)
    for text in ("Russia sent a message to Iran on Monday.", "The Kenyan president met the press in Nairobi on Monday.",
                 "Kenyan voters cast their ballots on Monday.",
                 "The Kenyan minister offered an example of Ugandan aggression.",
                 "The Kenyan police released pictures of the Ugandan suspects.",
                 "The Kenyan talks raised hopes in Uganda."):
        assert nlp(text)._.events == [], text
    # the verbs' own acts stay
    assert [e["cameo"] for e in nlp("Russia sent a delegation to Iran on Monday.")._.events] == ["042"]


def test_verbs_that_describe_are_no_act(vocab: Vocab) -> None:
    # "Russia dominated Iran ." / "Russia inspired Iran .": a description or a cause (verbs_extra.tsv nulls the
    # Phoenix defaults 190 and 051); "Russia attacked Iran ." stays an act
    def said(verb: str, lemma: str) -> list[str]:
        return triggers(parsed_doc(vocab, [("Russia", "PROPN", "NNP", "nsubj", 1, "Russia", "B-GPE"),
                                           (verb, "VERB", "VBD", "ROOT", 0, lemma, "O"),
                                           ("Iran", "PROPN", "NNP", "dobj", -1, "Iran", "B-GPE"),
                                           (".", "PUNCT", ".", "punct", -2, ".", "O")]))
    assert said("dominated", "dominate") == [] and said("inspired", "inspire") == []
    assert said("attacked", "attack") == ["attacked"]


def test_releasing_a_number_of_people_is_still_a_release(nlp: Language) -> None:
    # session 41 mend: the idiom row "release number" made "released a number of prisoners" no act; it is a release
    for text in ("Israel released a number of Palestinian prisoners on Monday.",
                 "Iran released a number of detained British sailors on Friday."):
        assert [e["cameo"] for e in nlp(text)._.events if e["trigger"] == "released"] == ["084"], text


def test_a_journey_to_a_named_host_stays_a_visit() -> None:
    # "the Kenyan minister travelled to meet the Ugandan president": a host named, whatever place was found
    host = event("042", "GOV", lemma="travel")
    host["target"] = {"code": "UGAGOV", "country": "UGA", "sector": "GOV"}
    assert not placeless_journey(host)
    host["source"] = {"code": "KENMED", "country": "KEN", "sector": "MED"}  # "a Kenyan reporter travelled with ..."
    assert placeless_journey(host)


def test_journeys_through_the_pipeline(nlp: Language) -> None:
    def travel_gates(text: str) -> list[Any]:
        events = [e for e in nlp(text)._.events if e["trigger"].startswith("travel")]
        assert events, text
        return [((e.get("evidence") or {}).get("rules") or {}).get("gate") for e in events]

    assert travel_gates("Chinese President Xi Jinping travelled to Moscow on Monday.") == [None]
    assert travel_gates("The German chancellor travelled to meet the Chinese president on Friday.") == [None]
    assert travel_gates("The French foreign minister travelled to the region on Tuesday.") == [PLACELESS_JOURNEY]


def test_a_plain_statement_of_an_environmental_group_through_the_pipeline(nlp: Language) -> None:
    events = nlp("Greenpeace said on Monday that Japan's whaling fleet had left port.")._.events
    assert [((e.get("evidence") or {}).get("rules") or {}).get("gate") for e in events] == [PRIVATE_STATEMENT]
    assert not any(e.get("counted") for e in events)
