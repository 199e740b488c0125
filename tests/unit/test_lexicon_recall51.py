"""Lexicon verbs with no code of their own that a pattern or a sense now codes (session 51, hA: the listed acts lost at
"entry: verb in the lexicon with no code and no pattern matched"): patterns_extra.tsv rows of the hold, revoke_,
appear, lift and apprehend blocks, senses.tsv hold place_object, interview and remove person_object, and the idioms
"hold responsible / accountable / to account"; each with a near miss that stays no such act. On sentences written for
these tests and parsed by the real pipeline."""

from __future__ import annotations

from spacy.language import Language

from tests.unit.test_events_roots_objects import by_trigger


def codes_on(nlp: Language, text: str, trigger: str) -> list[str]:
    """The codes of every event on ``trigger`` in ``text`` (none is fine)."""
    return [e["cameo"] for e in nlp(text)._.events if e["trigger"] == trigger]


def test_held_in_custody_or_without_trial_is_detention(nlp: Language) -> None:
    # patterns_extra.tsv hold: in custody / detention / prison / jail, at prison, without trial / charge, as prisoner,
    # on charge -> 173
    assert by_trigger(nlp, "Kenyan police have held the Ugandan journalist in custody since Monday.", "held") == \
        ("173", "_verb_entry")
    assert by_trigger(nlp, "The Ugandan activists were held without trial by Kenyan police.", "held") == \
        ("173", "_verb_entry")
    assert by_trigger(nlp, "The Ugandan opposition leader is being held at a Kenyan prison.", "held") == \
        ("173", "_verb_entry")
    # a meeting held, or the light verb of talks: no detention on "held"
    assert codes_on(nlp, "The summit was held in Nairobi on Monday.", "held") == []
    assert "173" not in codes_on(nlp, "Kenya held talks with Uganda in Nairobi.", "held")


def test_revoking_a_visa_or_credentials_is_an_administrative_sanction(nlp: Language) -> None:
    # patterns_extra.tsv revoke_: privileges, credentials, status, visa, passport, licence, citizenship ... -> 172
    assert by_trigger(nlp, "Kenya revoked the visas of two Ugandan diplomats.", "revoked") == ("172", "_verb_entry")
    assert by_trigger(nlp, "Kenya revoked the press credentials of a Ugandan reporter.", "revoked") == \
        ("172", "_verb_entry")
    # revoking a decree is no sanction on anyone
    assert "172" not in codes_on(nlp, "Kenya revoked the decree on fuel prices.", "revoked")


def test_looking_into_something_investigates_it(nlp: Language) -> None:
    # patterns_extra.tsv appear "into" -> 090
    assert by_trigger(nlp, "Kenyan prosecutors looked into the contracts of the Ugandan company.", "looked") == \
        ("090", "_verb_entry")
    # looking at a proposal is no investigation
    assert "090" not in codes_on(nlp, "Kenyan officials looked at the Ugandan proposal.", "looked")


def test_lifting_an_embargo_or_a_freeze_eases_sanctions(nlp: Language) -> None:
    # patterns_extra.tsv lift embargo / freeze 085, moratorium 081
    assert by_trigger(nlp, "The European Union lifted its arms embargo on Uganda.", "lifted") == ("085", "_verb_entry")
    assert by_trigger(nlp, "Kenya lifted the freeze on Ugandan assets.", "lifted") == ("085", "_verb_entry")
    assert codes_on(nlp, "Kenyan workers lifted the crates onto the lorry.", "lifted") == []


def test_taking_aim_at_an_actor_criticizes_it(nlp: Language) -> None:
    # patterns_extra.tsv apprehend aim "at" -> 111
    assert by_trigger(nlp, "The Kenyan president took aim at Uganda over the border dispute.", "took") == \
        ("111", "_verb_entry")
    assert "111" not in codes_on(nlp, "The Kenyan president took a seat at the table with Uganda.", "took")


def test_holding_a_town_occupies_it_holding_someone_responsible_does_not(nlp: Language) -> None:
    # senses.tsv hold place_object 192; cue idiom "hold responsible", "hold accountable", "hold account"
    assert by_trigger(nlp, "Somali militants hold the Kenyan town of Mandera.", "hold") == ("192", "_sense")
    assert by_trigger(nlp, "The Kenyan town of Mandera was held by Somali militants for a year.", "held") == \
        ("192", "_sense")
    assert codes_on(nlp, "Kenya held Uganda responsible for the attack.", "held") == []
    assert codes_on(nlp, "Kenya will hold Uganda accountable for the attack.", "hold") == []


def test_interviewing_a_person_investigates(nlp: Language) -> None:
    # senses.tsv interview person_object 090 (a named person, a pronoun or a role noun of agents.tsv)
    assert by_trigger(nlp, "Kenyan investigators interviewed the Ugandan ambassador about the shooting.",
                      "interviewed") == ("090", "_sense")
    assert by_trigger(nlp, "The Ugandan minister was interviewed by Kenyan police on Monday.", "interviewed") == \
        ("090", "_sense")
    # no person interviewed: no act
    assert codes_on(nlp, "The Kenyan survey interviewed two thousand households in Uganda.", "interviewed") == []


def test_removing_a_person_ousts_removing_things_does_not(nlp: Language) -> None:
    # senses.tsv remove person_object 172
    assert by_trigger(nlp, "The Kenyan army removed the president from office.", "removed") == ("172", "_sense")
    assert by_trigger(nlp, "The Ugandan governor was removed from office by Kenya.", "removed") == ("172", "_sense")
    assert codes_on(nlp, "Kenyan workers removed the barricades from the road.", "removed") == []
