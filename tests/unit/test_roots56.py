"""CAMEO roots of counted verbal acts (session 56, hW). On sentences written for these tests and parsed by the real
pipeline."""

from __future__ import annotations

from spacy.language import Language

from tests.unit.test_events_roots_objects import by_trigger


def test_casting_doubt_on_what_an_actor_says_is_criticism(nlp: Language) -> None:
    # patterns_extra.tsv hurl (cast) + doubt/doubts -> 111 (docs/annotation.md D1a), not the converted pattern's 012
    assert by_trigger(nlp, "Kenyan officials have cast doubt on the Ugandan government's promise.", "cast")[0] == "111"
    assert by_trigger(nlp, "The Kenyan president cast doubts on Uganda's offer of talks.", "cast")[0] == "111"


def test_an_actor_of_another_country_that_has_to_act_is_a_demand(nlp: Language) -> None:
    # "has to" in the present, said of an actor of another country: a demand of it (100), as "must"
    codes = {(e["cameo"], e["evidence"]["rules"]["code"]) for e in
             nlp("The Kenyan foreign minister said Uganda has to withdraw its troops from the border.")._.events
             if e["trigger"] == "said"}
    assert any(code == "100" for code, _ in codes), codes


def test_has_to_that_demands_nothing_of_another_country_stays_a_statement(nlp: Language) -> None:
    # the past, the perfect, "has yet to", the future, the speaker's own side, and a subject that names no actor
    for text in ("The Kenyan foreign minister said Uganda had to withdraw its troops from the border.",
                 "The Kenyan foreign minister said Uganda has had to withdraw its troops from the border.",
                 "The Kenyan foreign minister said Uganda has yet to withdraw its troops from the border.",
                 "The Kenyan foreign minister said Uganda will have to withdraw its troops from the border.",
                 "The Kenyan foreign minister said Kenya has to withdraw its troops from the border.",
                 "The Kenyan foreign minister said this has to be a strategy agreed with Uganda."):
        codes = [e["cameo"] for e in nlp(text)._.events if e["trigger"] == "said"]
        assert "100" not in codes, (text, codes)
