"""Session 52 (hA): an act told in a relative clause in the progressive is an act going on, asserted whether or not
both its sides are identified actors (rule ``_clause_ongoing``, events/clauses.py). Invented sentences through the real
pipeline (model + dateline stages); the positive tests fail on the code before the change, the negative ones pin what
stays reported."""

from __future__ import annotations

from spacy.language import Language

from dateline.confidence import CONFIDENT_CLAUSE_RULE


def events(nlp: Language, text: str, trigger: str) -> list[dict]:
    return [e for e in nlp(text)._.events if e["trigger"] == trigger]


def test_a_progressive_relative_clause_is_asserted(nlp: Language) -> None:
    found = events(nlp, "Militias that are fighting Ethiopian troops in the region have grown.", "fighting")
    assert found and all(e["modality"] == "asserted" for e in found)
    assert any(e["evidence"]["rules"]["modality"] == "_clause_ongoing" for e in found)


def test_a_progressive_relative_clause_on_a_common_noun_is_asserted(nlp: Language) -> None:
    found = events(nlp, "Gunmen who are kidnapping Nigerian students in the north have demanded ransom.", "kidnapping")
    assert any(e["modality"] == "asserted" and e["evidence"]["rules"]["modality"] == "_clause_ongoing" for e in found)


def test_a_simple_past_relative_clause_stays_reported(nlp: Language) -> None:
    found = events(nlp, "Militias that fought Ethiopian troops in the region have grown.", "fought")
    assert found and all(e["modality"] != "asserted" for e in found)


def test_a_modal_progressive_stays_not_asserted(nlp: Language) -> None:
    found = events(nlp, "The commander who would be fighting Ethiopian troops resigned.", "fighting")
    assert found and all(e["modality"] != "asserted" for e in found)


def test_an_intent_in_the_progressive_stays_reported(nlp: Language) -> None:
    found = events(nlp, "Kenya deported the soldiers who are preparing to attack Uganda.", "preparing")
    assert found and all(e["modality"] != "asserted" for e in found)


def test_a_passive_participle_with_being_is_asserted(nlp: Language) -> None:
    found = events(nlp, "Two men being detained by Ugandan police have asked for bail.", "detained")
    assert any(e["modality"] == "asserted" and e["evidence"]["rules"]["modality"] == "_clause_ongoing" for e in found)


def test_a_passive_participle_without_being_stays_reported(nlp: Language) -> None:
    # the events stage leaves it reported; since session 55 the confidence stage may assert it by its confidence
    # (``_confident_clause``), never a clause rule
    found = events(nlp, "Two men detained by Ugandan police have asked for bail.", "detained")
    assert found and all(e["evidence"]["rules"]["modality"] in ("_subordinate", CONFIDENT_CLAUSE_RULE) for e in found)
    assert all(e["modality"] == "reported" for e in found if e["evidence"]["rules"]["modality"] == "_subordinate")
