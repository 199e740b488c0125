"""Verb senses chosen by the words around the verb (data/lexicon/senses.tsv, cue ``actor_object``)
and statements whose content is a demand, on sentences written for these tests and parsed by the
real pipeline."""

from __future__ import annotations

from spacy.language import Language


def coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e["cameo"], (e["source"] or {}).get("text"), (e["target"] or {}).get("text"),
             e["evidence"]["rules"].get("code")) for e in nlp(text)._.events]


def _triggers(nlp: Language, text: str) -> list[str]:
    return [e["trigger"] for e in nlp(text)._.events]


def test_invited_to_testify_is_an_appeal_invited_to_visit_a_meeting(nlp: Language) -> None:
    # senses.tsv "invite infinitive": an invitation to an act other than a meeting asks for it
    asked = coded(nlp, "The Kenyan president invited the Ugandan foreign minister to testify before parliament.")
    assert ("020", "Kenyan president", "Ugandan foreign minister", "_sense") in asked
    visit = coded(nlp, "The Kenyan president invited the Ugandan foreign minister to visit Nairobi.")
    assert [code[:2] for code, *_ in visit if code[:2] in ("02", "04")][:1] == ["04"]
    assert all(rule != "_sense" for *_, rule in visit)


def test_fighting_a_subpoena_is_no_fight_fighting_rebels_is(nlp: Language) -> None:
    # senses.tsv "fight thing_object": fighting a decision or subpoena opposes it (12), no 19
    legal = coded(nlp, "The Kenyan government fought the ruling of the Ugandan court.")
    assert legal and {code[:2] for code, *_ in legal} == {"12"}
    assert legal[0][3] == "_sense"
    armed = coded(nlp, "Kenyan troops fought the Somali militias.")
    assert armed and {code[:2] for code, *_ in armed} == {"19"}
    war = coded(nlp, "Kenyan troops fought the war against the Somali militias.")
    assert "19" in {code[:2] for code, *_ in war}


def test_statement_that_another_must_act_is_a_demand_not_a_comment(nlp: Language) -> None:
    events = coded(nlp, "“Parties in Kenya must remember that the dispute is with the militias,” the Ugandan foreign minister said.")
    assert events and {code for code, *_ in events} == {"100"}
    assert ("100", "Ugandan foreign minister", "Kenya", "_demand_content") in events
    own = coded(nlp, "“We must remember that the dispute is with Kenya,” the Ugandan foreign minister said.")
    assert "_demand_content" not in {rule for *_, rule in own}



def test_allowing_protecting_inviting_a_thing_is_no_act(nlp: Language) -> None:
    # cue actor_object: with a direct object that is no actor these verbs act on no one
    assert coded(nlp, "The Kenyan government allowed cameras into the courts of Uganda.") == []
    assert coded(nlp, "Kenya protected freedom of navigation near Uganda.") == []
    assert "inviting" not in {trigger for trigger in _triggers(nlp, "Uganda said Kenya tested a missile, inviting a new round of sanctions.")}
    assert coded(nlp, "Kenya invited Ugandan officials to Nairobi.")[0][0][:2] == "04"
    yielded = coded(nlp, "The Kenyan government allowed Ugandan inspectors into the country.")
    assert "08" in {code[:2] for code, *_ in yielded}


def test_dispersing_people_is_repression_dispersing_leaflets_is_not(nlp: Language) -> None:
    # senses.tsv "disperse actor_object": 175, over Phoenix's 010 (circulate)
    crowd = coded(nlp, "Kenyan police dispersed thousands of people in Nairobi.")
    assert crowd and crowd[0][0] == "175" and crowd[0][3] == "_sense"
    assert ("175", "Kenyan police", "protesters", "_sense") in coded(nlp, "Kenyan police dispersed the protesters in Nairobi.")
    leaflets = coded(nlp, "The Kenyan opposition dispersed leaflets about Uganda.")
    assert "175" not in {code for code, *_ in leaflets}


def test_offering_words_or_sympathy_is_an_empathetic_comment(nlp: Language) -> None:
    # patterns_extra.tsv offer/words, sympathy...: 018, not the 030 intent of offering aid
    for text in ("Kenyan President Kenyatta offered his sympathy to the Ugandan government.",
                 "Kenyan President Kenyatta offered warm words to the Ugandan president."):
        assert coded(nlp, text)[0][0] == "018"
    assert coded(nlp, "Kenya offered aid to the Ugandan government.")[0][0][:2] == "03"


def test_condemning_an_attack_is_disapproval(nlp: Language) -> None:
    # patterns_extra.tsv blame/attack: 111, not Phoenix's 018 empathetic comment
    events = coded(nlp, "The Kenyan government condemned the Ugandan attack.")
    assert ("111", "Kenyan government", "Ugandan", "_verb_entry") in events
    assert "018" not in {code for code, *_ in events}


def test_pressing_or_pushing_someone_to_act_is_an_appeal(nlp: Language) -> None:
    # verbs_extra.tsv press/push: 020 like urge (docs/annotation.md), not Phoenix's 100 demand
    assert ("020", "Kenyan president", "Uganda", "_verb_entry") in coded(
        nlp, "The Kenyan president pressed Uganda to release the prisoners.")
    assert ("020", "Kenyan president", "Uganda", "_verb_entry") in coded(
        nlp, "The Kenyan president pushed for Uganda to attend the summit.")


def test_arms_bans_and_import_duties_are_sanctions(nlp: Language) -> None:
    # nouns.tsv "arms ban", patterns_extra.tsv impose duties/tariffs: 163, not 172 / 170
    assert coded(nlp, "The EU imposed its arms ban on Uganda in 1989.")[0][:3] == ("163", "EU", "Uganda")
    assert coded(nlp, "Kenya imposed tariffs on Ugandan sugar.")[0][0] == "163"


def test_denying_a_charge_is_a_denial_denying_a_request_a_rejection(nlp: Language) -> None:
    # docs/annotation.md D8f (guidelines version 2): denying that something is so, or dismissing a claim,
    # is 016; denying a request or a visa is 12
    def first(text: str) -> tuple[str, str | None]:
        code, _, _, rule = coded(nlp, text)[0]
        return code, rule
    assert first("The Kenyan government denied that its troops had entered Somalia.") == ("016", "_sense")
    assert first("A Kenyan spokesman denied the campaign was unlawful.") == ("016", "_sense")
    assert first("The Kenyan minister dismissed the claims as wild allegations.")[0] == "016"
    assert first("Kenya denied Somalia's request for access.")[0][:2] == "12"
    assert first("Kenya denied a visa to the Somali envoy.")[0][:2] == "12"


def test_encouraging_or_persuading_someone_to_act_is_an_appeal(nlp: Language) -> None:
    # senses.tsv "encourage/persuade infinitive": 020, over Phoenix's 051 (praise) and 050 (influence)
    assert ("020", "Kenyan president", "Ugandan rebels", "_sense") in coded(
        nlp, "The Kenyan president encouraged the Ugandan rebels to lay down their arms.")
    assert ("020", "Kenyan envoy", "Ugandan government", "_sense") in coded(
        nlp, "The Kenyan envoy persuaded the Ugandan government to release the prisoners.")
    # encouraged by something, no infinitive: the default stays
    assert "_sense" not in {rule for *_, rule in coded(nlp, "The Kenyan president was encouraged by the Ugandan offer.")}


def test_charging_that_is_an_accusation_charging_with_a_legal_charge(nlp: Language) -> None:
    # senses.tsv "charge clause": 112; "charged X with" stays verbs_extra.tsv's 173
    accused = coded(nlp, "Ugandan opposition leaders charged that the Kenyan government had rigged the vote.")
    assert [(code, rule) for code, _, _, rule in accused] == [("112", "_sense")]
    legal = coded(nlp, "Kenyan prosecutors charged the Ugandan diplomat with espionage.")
    assert [(code, rule) for code, _, _, rule in legal] == [("173", "_verb_entry")]


def test_convicting_or_sentencing_is_finding_guilty(nlp: Language) -> None:
    # verbs_extra.tsv convict, sentence: CAMEO 116 (docs/annotation.md D12c), not Phoenix's 173 / 172
    for text in ("A Kenyan court convicted the Ugandan opposition leader of treason.",
                 "A Kenyan court sentenced the Ugandan opposition leader to five years in prison."):
        assert [code for code, *_ in coded(nlp, text)] == ["116"]


def test_expressing_support_or_appreciation_endorses(nlp: Language) -> None:
    # patterns_extra.tsv explain_verbal support / appreciation: CAMEO 051 praise or endorse, not Phoenix's first
    # row for "express support" (032, an intent to cooperate) or its 013 optimistic comment for appreciation
    for text in ("The Kenyan foreign minister expressed support for the Ugandan peace initiative.",
                 "The Kenyan president expressed appreciation for Uganda's help."):
        assert [code for code, *_ in coded(nlp, text)] == ["051"]


def test_firing_a_person_dismisses_firing_weapons_or_at_someone_is_force(nlp: Language) -> None:
    # senses.tsv "fire person_object": 172 (docs/annotation.md D6, D23c), over Phoenix's 190
    assert ("172", "Kenyan president", "intelligence chief", "_sense") in coded(
        nlp, "The Kenyan president fired the Ugandan-born intelligence chief.")
    for text in ("Kenyan troops fired missiles at Somali militants.",  # agents.tsv: "missile" is a MIL agent
                 "Two Kenyan officers were fired upon by Ugandan police."):
        assert [code[:2] for code, *_ in coded(nlp, text)] == ["19"]


def test_seizing_a_place_occupies_it_seizing_a_thing_takes_property(nlp: Language) -> None:
    # senses.tsv "seize place_object": 192 occupy territory, over the 171 (seize property) of Phoenix's apprehend block
    for text in ("Ugandan rebels seized the Kenyan town of Lodwar.", "Ugandan rebels seized Nairobi by force in 2007."):
        assert [(code, rule) for code, _, _, rule in coded(nlp, text)] == [("192", "_sense")]
    assert [code for code, *_ in coded(nlp, "The Kenyan navy seized a Ugandan oil tanker.")] == ["171"]


def test_firing_a_person_on_a_day_or_a_commander_dismisses(nlp: Language) -> None:
    # review of session 36, findings 1-2: a preposition with its own object ("on Tuesday") says when, not whom
    # shots were aimed at; a MIL agent that is a person ("commander") is dismissed, only weapon_noun words are fired
    assert ("172", "Kenyan president", "intelligence chief", "_sense") in coded(
        nlp, "The Kenyan president fired the Ugandan-born intelligence chief on Tuesday.")
    assert ("172", "Kenyan president", "army commander", "_sense") in coded(nlp, "The Kenyan president fired the army commander.")
    assert [code[:2] for code, *_ in coded(nlp, "Two Kenyan officers were fired upon by Ugandan police.")] == ["19"]
    assert [code[:2] for code, *_ in coded(nlp, "Kenyan troops were fired on in the chaos of the withdrawal.")] == ["19"]  # "on": a particle
