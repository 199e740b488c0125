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

