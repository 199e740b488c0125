"""Legal charges (session 59, kD): "charged with <a crime>" ("charged with murder", "charged with terrorism") is a
prosecutor's or a court's charge, CAMEO 173 (docs/annotation.md D12e), not the 112x accusation Phoenix's blame block
gives its "with" patterns (patterns_extra.tsv); accusing of a crime ("accused X of murder") and an accusation stated
("made the charge that ...") stay 11x. On sentences written for these tests and parsed by the real pipeline."""

from __future__ import annotations

from spacy.language import Language

from tests.unit.test_lexicon_recall52 import events_on


def test_charged_with_a_crime_is_a_legal_charge(nlp: Language) -> None:
    events = events_on(nlp, "Kenyan police charged the Ugandan activist with murder on Monday.", "charged")
    assert events and {e["cameo"] for e in events} == {"173"}
    events = events_on(nlp, "The Kenyan prosecutor charged the Ugandan general with terrorism.", "charged")
    assert events and {e["cameo"] for e in events} == {"173"}


def test_an_accusation_stays_an_accusation(nlp: Language) -> None:
    # accusing of a crime keeps the accusation (the blame block's "of" patterns are untouched)
    events = events_on(nlp, "Kenya accused Uganda of murder.", "accused")
    assert events and {e["cameo"][:2] for e in events} == {"11"}
    # the noun keeps its accusation, 112
    events = events_on(nlp, "The Kenyan foreign minister made the charge that Uganda had armed the rebels.", "charge")
    assert events and {e["cameo"] for e in events} == {"112"}
