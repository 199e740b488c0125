"""Event nouns the lexicon lacked (issue 11, recall, session 41: recall41): a conversation or a dialogue between
parties consults (04), a named actor's invitation declares the intent to meet (036), its appeal or plea asks (020),
and a missile test or launch named by its weapon is a show of force (150, keys of ``data/lexicon/nouns.tsv``). The
governed ones are acts only behind a light verb or owned by a name; a conversation between nobody is no act. The
mend of recall41 left out the senses these words share with other things: a court appeal or a guilty plea (null
keys, read for a light verb's key too by ``events.triggers._find_noun_entry``), the release of a document (no
``release`` entry), an aircraft's flight test and a civil rocket or satellite launch (no such keys). Sentences
written for these tests."""

from __future__ import annotations

from spacy.language import Language

from tests.unit.test_verbal_adjuncts40 import events_on


def test_a_conversation_between_parties_consults(nlp: Language) -> None:
    events = events_on(nlp, "Kenya's president held a long conversation with the Ugandan president on Monday.", "conversation")
    assert ("040", "KEN", "UGA", "asserted") in events


def test_a_conversation_between_nobody_is_no_act(nlp: Language) -> None:
    assert events_on(nlp, "The conversation about the weather was short.", "conversation") == []


def test_a_dialogue_with_a_party_is_a_negotiation(nlp: Language) -> None:
    events = events_on(nlp, "Kenya opened a dialogue with Uganda over the disputed island.", "dialogue")
    assert ("046", "KEN", "UGA", "asserted") in events


def test_a_named_actors_invitation_declares_the_intent_to_meet(nlp: Language) -> None:
    events = events_on(nlp, "Uganda's invitation to the Kenyan president to visit Kampala was welcomed in Nairobi.",
                       "invitation")
    assert ("036", "UGA", "KEN", "asserted") in events


def test_a_named_actors_appeal_and_plea_ask(nlp: Language) -> None:
    assert ("020", "KEN", "UGA", "asserted") in events_on(nlp, "Kenya's appeal to Uganda for calm went unanswered.", "appeal")
    assert ("020", "KEN", "IGO", "asserted") in events_on(
        nlp, "Kenya's plea to the United Nations for food aid was heard.", "plea")


def test_a_court_appeal_and_a_guilty_plea_ask_nobody(nlp: Language) -> None:
    assert events_on(nlp, "Kenya filed an appeal against the ruling with the High Court.", "appeal") == []
    assert events_on(nlp, "The former Ugandan minister John Okello's guilty plea surprised Kampala.", "plea") == []


def test_the_release_of_a_document_is_no_act(nlp: Language) -> None:
    assert events_on(nlp, "Kenya's release of the audit report angered Uganda.", "release") == []


def test_a_named_missile_test_or_launch_shows_force(nlp: Language) -> None:
    assert ("150", "PRK", None, "asserted") in events_on(nlp, "Pyongyang staged two ICBM tests last year.", "tests")
    assert ("150", "PRK", None, "asserted") in events_on(
        nlp, "After the ICBM launch by North Korea, Japan protested.", "launch")


def test_an_aircraft_flight_test_and_a_satellite_launch_show_no_force(nlp: Language) -> None:
    assert events_on(nlp, "Kenya Airways conducted a flight test of its new jet in Mombasa.", "test") == []
    assert events_on(nlp, "Kenya's satellite launch put a weather satellite into orbit.", "launch") == []
