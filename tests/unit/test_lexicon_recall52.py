"""Listed acts with no trigger (session 52, hB: the acts lost at "trigger: lemma not in the lexicon"): executing a
person (verbs_extra.tsv execute null, senses.tsv execute person_object 1823), with near misses that stay no such
act. On sentences written for these tests and parsed by the real pipeline."""

from __future__ import annotations

from spacy.language import Language

from tests.unit.test_events_roots_objects import by_trigger


def events_on(nlp: Language, text: str, trigger: str) -> list[dict]:
    """Every event on ``trigger`` in ``text`` (none is fine)."""
    return [e for e in nlp(text)._.events if e["trigger"] == trigger]


def test_executing_a_person_is_a_killing(nlp: Language) -> None:
    # senses.tsv execute person_object -> 1823
    assert by_trigger(nlp, "Uganda executed two Kenyan prisoners on Monday.", "executed") == ("1823", "_sense")
    assert by_trigger(nlp, "The Ugandan general was executed by the Kenyan rebels.", "executed") == ("1823", "_sense")
    # carrying out a plan or a warrant is no act (the bare verb is null)
    assert events_on(nlp, "The Ugandan army executed the plan in March.", "executed") == []
    assert events_on(nlp, "Kenyan police executed a search warrant in Nairobi.", "executed") == []

