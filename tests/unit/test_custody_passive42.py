"""An arrest, detention or charge told in the passive with no doer (issue 11, recall, session 42: recall42): only a
state's police, prosecutors or courts do it, so it is the state's act whoever it is done to, a private person too
(``events.roles.custody_passive``, CAMEO codes of the codebook's class ``custody`` on a verb of cue ``custody_verb``);
the gates that drop a passive whose subject is no political actor (``roles._agentless_state``) and an act with no
political or identified party (``assemble._assertable``) let it through, named ``custody_passive`` in
``evidence.rules.source``, and its source is the state where it happened (``actors.countries.agentless_source``).
Other coercion in the passive done to a private person, another verb a pattern codes 173 (an accusation, a blame, a
return to prison: the mend of session 42), and an arrest with a "by" doer, stay as they were. Sentences written for
these tests."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.codebook import root_class
from dateline.events.roles import custody_passive
from dateline.lexicon import load_lexicon


def _on(nlp: Language, text: str, trigger: str) -> list[dict[str, Any]]:
    return [e for e in nlp(text)._.events if e["trigger"] == trigger]


def _verb(nlp: Language, text: str, word: str) -> Any:
    (verb,) = [t for t in nlp(text) if t.text == word]
    return verb


def test_private_people_arrested_with_no_doer_are_arrested_by_the_state(nlp: Language) -> None:
    (event,) = _on(nlp, "Two men were arrested in Kampala on Monday.", "arrested")
    assert event["cameo"] == "173" and event["modality"] == "asserted" and event["counted"]
    assert (event["source"] or {}).get("country") == "UGA"
    assert event["evidence"]["rules"]["source"] == "custody_passive"


def test_a_private_person_charged_or_detained_is_the_states_act(nlp: Language) -> None:
    (charged,) = _on(nlp, "A young man was charged with fraud in Nairobi on Tuesday.", "charged")
    assert charged["cameo"] == "173" and (charged["source"] or {}).get("country") == "KEN"
    (detained,) = _on(nlp, "Three women have been detained in Kampala.", "detained")
    assert detained["cameo"] == "173" and (detained["source"] or {}).get("country") == "UGA"


def test_other_coercion_of_a_private_person_in_the_passive_stays_no_act(nlp: Language) -> None:
    assert _on(nlp, "Two men were fired in Kampala on Monday.", "fired") == []


def test_other_verbs_a_pattern_codes_173_are_no_custody(nlp: Language) -> None:
    # the patterns code these 173 too, but their doer need not be a state (review of recall42, must-fix 1)
    assert _on(nlp, "The singer was accused of misconduct in London.", "accused") == []
    assert _on(nlp, "The manager was blamed for the crime in Lagos.", "blamed") == []
    assert _on(nlp, "The rioting was confined to two districts of Nairobi.", "confined") == []
    lex = load_lexicon()
    verb = _verb(nlp, "The singer was accused of misconduct in London.", "accused")
    assert not custody_passive(verb, "173", lex)


def test_custody_passive_reads_the_verb_its_code_and_its_doer(nlp: Language) -> None:
    lex = load_lexicon()
    arrested = _verb(nlp, "Two men were arrested in Kampala on Monday.", "arrested")
    assert custody_passive(arrested, "173", lex)
    assert not custody_passive(arrested, "172", lex)  # another code of coercion
    by_doer = _verb(nlp, "The two men were arrested in Kampala by a neighbour.", "arrested")
    assert not custody_passive(by_doer, "173", lex)
    active = _verb(nlp, "Police arrested two men in Kampala on Monday.", "arrested")
    assert not custody_passive(active, "173", lex)


def test_an_arrest_by_a_named_doer_is_not_the_states(nlp: Language) -> None:
    events = _on(nlp, "The two men were arrested in Kampala by a neighbour.", "arrested")
    assert events and not any(event["evidence"]["rules"]["source"] == "custody_passive" for event in events)


def test_an_arrest_still_to_come_stays_intended(nlp: Language) -> None:
    events = _on(nlp, "Two men will be arrested in Kampala on Monday.", "arrested")
    assert events and not any(event["modality"] == "asserted" for event in events)


def test_the_custody_class_is_the_arrest_code() -> None:
    assert root_class("custody") == frozenset({"173"})


def test_a_thing_charged_or_detained_is_no_arrest(nlp: Language) -> None:
    # a thing is not held or charged by the state (integrator's mend of session 42): the subject must be able to be a person
    assert _on(nlp, "The phones were charged overnight in Kenya.", "charged") == []
    assert _on(nlp, "The goods were detained at the port of Mombasa.", "detained") == []
    (suspects,) = _on(nlp, "Three suspects were arrested in Lagos.", "arrested")  # a person noun (cue person_noun)
    assert suspects["cameo"] == "173" and (suspects["source"] or {}).get("country") == "NGA"
    lex = load_lexicon()
    assert not custody_passive(_verb(nlp, "The phones were charged overnight in Kenya.", "charged"), "173", lex)
