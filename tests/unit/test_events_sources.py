"""Event sources (issue 11, the sources part) on sentences written for these tests, parsed by the
real spaCy pipeline: who did an act an event noun names."""

from __future__ import annotations

from spacy.language import Language


def sources(nlp: Language, text: str, trigger: str) -> list[str | None]:
    """The source country of each event on ``trigger``."""
    doc = nlp(text)
    found = [(e["source"] or {}).get("country") for e in doc._.events if e["trigger"] == trigger]
    return found


def test_an_attack_that_dates_the_clause_is_not_done_by_its_subject(nlp: Language) -> None:
    # "after the attack, X called Y": X reacts to the attack, X did not do it (cue sequence_preposition)
    assert "DEU" not in sources(nlp, "After the attack on the embassy, the German chancellor called the Afghan president.",
                                "attack")
    assert "EGY" not in sources(nlp, "Before the bombing in Kabul, the Egyptian president had warned Israel.", "bombing")


def test_a_visit_in_a_fronted_phrase_is_still_its_subjects(nlp: Language) -> None:
    # the rule is for violence only: "on a visit to X, Y signed ...": Y is the visitor
    assert sources(nlp, "On a visit to Beijing, the French president signed a trade agreement.", "visit") == ["FRA"]


def test_an_attack_during_which_the_subject_acts_keeps_its_doer(nlp: Language) -> None:
    # "during the attack, soldiers fired": the clause's subject is one of the attackers
    assert sources(nlp, "During the attack on the town, Syrian soldiers fired on civilians.", "attack") == ["SYR"]
