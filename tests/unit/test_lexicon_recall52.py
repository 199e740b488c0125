"""Listed acts with no trigger (session 52, hB: the acts lost at "trigger: lemma not in the lexicon"): executing a
person (verbs_extra.tsv execute null, senses.tsv execute person_object 1823) and an actor "critical of" another
(cue critical_adjective, ``events.assemble._stance_events``, 111) and one "open to" talks (cue readiness_adjective,
03x); each with a near miss that stays no such act. On
sentences written for these tests and parsed by the real pipeline."""

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


def test_an_actor_critical_of_another_criticises_it(nlp: Language) -> None:
    # cue critical_adjective "critical of": the copula's subject criticises the object of "of"
    event = events_on(nlp, "The Kenyan president was highly critical of Uganda's decision to close the border.",
                      "critical")[0]
    assert (event["cameo"], event["evidence"]["rules"]["code"]) == ("111", "_stance_adjective")
    assert (event["source"]["country"], event["target"]["country"]) == ("KEN", "UGA")
    assert by_trigger(nlp, "Kenya has grown increasingly critical of the Ugandan government.", "critical") == \
        ("111", "_stance_adjective")
    # negated with its copula
    assert events_on(nlp, "Kenya was not critical of Uganda.", "critical")[0]["negated"] is True
    # an adjective on a thing names no holder; "critical" with no "of" is no stance
    assert events_on(nlp, "Kenyan newspapers published e-mails critical of Uganda.", "critical") == []
    assert events_on(nlp, "Uganda said the talks with Kenya were critical.", "critical") == []


def test_an_actor_open_to_talks_declares_the_intent(nlp: Language) -> None:
    # cue readiness_adjective "open to": an event noun or gerund of a cooperative root, intent 03x on the adjective
    event = events_on(nlp, "Uganda said it was open to talks with Kenya.", "open")[0]
    assert (event["cameo"], event["evidence"]["rules"]["code"]) == ("036", "_stance_adjective")
    assert (event["source"]["country"], event["target"]["country"]) == ("UGA", "KEN")
    assert by_trigger(nlp, "Kenya was open to a deal with Uganda.", "open")[0][:2] == "03"
    # open to what is no cooperative act: no intent
    assert events_on(nlp, "Uganda is open to criticism.", "open") == []
    assert events_on(nlp, "Britain said it was open to new sanctions on Uganda.", "open") == []
