"""Roots of real acts in a clause on the noun the verb acts on (session 42, roots42): a verb with no object word of
its own in a relative clause or participle takes its lexicon block's pattern for that noun ("the deal Kenya struck"
is an agreement, "the tariffs it imposed" a sanction), and a deal reached or struck is signed (057); on sentences
written for these tests and parsed by the real pipeline."""

from __future__ import annotations

from spacy.language import Language

from tests.unit.test_events_roots_objects import by_trigger


def test_a_deal_struck_in_a_relative_clause_is_no_attack(nlp: Language) -> None:
    # the pronoun left out ("the deal Uganda struck") and a passive participle ("the deal struck with")
    code, rule = by_trigger(nlp, "Kenya criticised the deal Uganda struck with Tanzania last week.", "struck")
    assert code[:2] != "19" and rule == "_clause_pattern"
    code, rule = by_trigger(nlp, "Kenya criticised the deal struck with Uganda last week.", "struck")
    assert code[:2] != "19" and rule == "_clause_pattern"


def test_tariffs_imposed_in_a_relative_clause_are_a_sanction(nlp: Language) -> None:
    assert by_trigger(nlp, "Kenya will lift the tariffs it imposed on Ugandan goods.", "imposed") == ("163", "_clause_pattern")


def test_a_clause_on_a_place_or_a_clause_with_its_own_object_keeps_the_verbs_code(nlp: Language) -> None:
    # the noun is no pattern's object of the block: the verb's own code, under its own rule
    assert by_trigger(nlp, "The town Kenyan jets struck on Monday lies near Uganda.", "struck") == ("190", "_verb_entry")
    # a relative adverb: the noun is where, not what
    assert by_trigger(nlp, "The base where Kenyan jets struck lies in Uganda.", "struck") == ("190", "_verb_entry")
    # the verb's own object decides, as before
    assert by_trigger(nlp, "The Kenyan army struck the Ugandan base.", "struck") == ("190", "_verb_entry")


def test_a_clause_whose_noun_is_not_the_verbs_object_keeps_the_verbs_code(nlp: Language) -> None:
    # session 42 mend, clauses._gap_elsewhere / _verb_after: the noun is a stranded preposition's object, the gap of
    # an infinitive or of a clause after the verb; the block's pattern for that noun would misread it
    assert by_trigger(nlp, "Uganda praised the attack Kenya warned about on Monday.", "warned")[1] != "_clause_pattern"
    assert by_trigger(nlp, "Uganda mocked the deal Kenya backed out of in March.", "backed")[1] != "_clause_pattern"
    assert by_trigger(nlp, "Uganda criticised the sanctions Kenya has pushed for at the United Nations.",
                      "pushed")[1] != "_clause_pattern"
    assert by_trigger(nlp, "Uganda criticised the aid Kenya promised to send to Somalia.", "promised")[1] != "_clause_pattern"
    assert by_trigger(nlp, "Uganda denied the attack Kenya claimed had killed ten soldiers.", "claimed") == ("010", "_verb_entry")
    # the noun's own verb after the clause does not block it
    assert by_trigger(nlp, "The deal Kenya struck with Uganda was a mistake.", "struck") == ("057", "_clause_pattern")
    assert by_trigger(nlp, "The tariffs Kenya imposed on Uganda have hurt farmers.", "imposed") == ("163", "_clause_pattern")


def test_a_deal_reached_or_struck_is_made_an_agreement_reached_stays_an_intent(nlp: Language) -> None:
    # nouns.tsv reach deal / accord 057, patterns_extra.tsv strike deal / compromise 057 (labels: 05)
    assert by_trigger(nlp, "Kenya reached a deal with Uganda on the border.", "deal")[0] == "057"
    assert by_trigger(nlp, "Kenya struck a deal with Uganda on the border.", "struck")[0] == "057"
    assert by_trigger(nlp, "Kenya struck a compromise with Uganda on the border.", "struck")[0] == "057"
    assert by_trigger(nlp, "Kenya reached an agreement with Uganda on the border.", "agreement")[0] == "030"
    # a deal struck in a clause: the same pattern
    assert by_trigger(nlp, "Kenya criticised the deal Uganda struck with Tanzania last week.", "struck") == ("057", "_clause_pattern")


def test_arming_a_force_is_military_aid(nlp: Language) -> None:
    # verbs_extra.tsv arm 072 (Phoenix 062)
    assert by_trigger(nlp, "Kenya armed the Ugandan rebels last year.", "armed")[0] == "072"


def test_slapping_tariffs_or_hitting_with_sanctions_is_a_sanction(nlp: Language) -> None:
    # patterns_extra.tsv slap tariff(s) / duties, slap / hit "with" sanctions or tariffs 163
    assert by_trigger(nlp, "Kenya slapped tariffs on Ugandan goods.", "slapped")[0] == "163"
    assert by_trigger(nlp, "Kenya hit Uganda with new sanctions.", "hit")[0] == "163"
    # the tariffs it slapped on: the clause's noun, the same pattern
    assert by_trigger(nlp, "Kenya will lift the tariffs it slapped on Ugandan goods.", "slapped") == ("163", "_clause_pattern")
    # a blow is no sanction
    assert by_trigger(nlp, "Kenyan jets hit the Ugandan base with missiles.", "hit")[0][:2] == "19"


def test_seizing_or_capturing_weapons_takes_property_places_stay_force(nlp: Language) -> None:
    # senses.tsv seize / capture weapon_object 1711 (cue weapon_noun)
    assert by_trigger(nlp, "The Ugandan rebels seized tanks from the Kenyan army.", "seized") == ("1711", "_sense")
    assert by_trigger(nlp, "The Ugandan rebels captured the launcher from a Kenyan base.", "captured") == ("1711", "_sense")
    assert by_trigger(nlp, "The Ugandan rebels captured the Kenyan village.", "captured")[0][:2] == "19"


def test_stamping_out_dissent_is_repression(nlp: Language) -> None:
    # patterns_extra.tsv kill / destroy blocks: dissent, unrest, protests 175
    assert by_trigger(nlp, "The Kenyan government moved to stamp out dissent in Nairobi.", "stamp")[0] == "175"
    assert by_trigger(nlp, "Kenyan troops crushed the protests in Nairobi.", "crushed")[0] == "175"
    assert by_trigger(nlp, "Kenyan troops crushed the Ugandan rebels.", "crushed")[0][:2] == "19"
