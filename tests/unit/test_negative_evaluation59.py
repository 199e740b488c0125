"""Session 59 (kF): a negative word said of no identified actor is no criticism by ``_negative_evaluation``
(docs/annotation.md D1a: criticism judges an identified actor or its act; alarm at a state of affairs is 012). An
indefinite pronoun ("nothing", "somebody", ``lang.en.INDEFINITE_PRONOUNS``) names no one; a word of alarm or plight
(cue ``plight_word``: "troubling", "a problem") whose subject is "it", "this" or "that" judges a state of affairs.
Said of an actor or its act, the same words stay criticism, 111. Invented sentences."""

from __future__ import annotations

from spacy.language import Language

from dateline.lang import en
from dateline.lexicon import load_lexicon


def rules(nlp: Language, text: str) -> set[str | None]:
    return {e["evidence"]["rules"].get("code") for e in nlp(text)._.events}


def coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e["cameo"], (e["source"] or {}).get("text"), (e["target"] or {}).get("text"),
             e["evidence"]["rules"].get("code")) for e in nlp(text)._.events]


def test_the_word_lists_are_shipped() -> None:
    assert {"nothing", "somebody", "anyone"} <= en.INDEFINITE_PRONOUNS
    assert {"troubling", "problem"} <= load_lexicon().cue("plight_word")


def test_a_negative_word_said_of_an_indefinite_pronoun_judges_no_one(nlp: Language) -> None:
    assert "_negative_evaluation" not in rules(
        nlp, "\"We have done nothing wrong,\" the Swedish foreign minister said of the Norwegian charges.")
    assert "_negative_evaluation" not in rules(
        nlp, "The Swedish minister said somebody in the Norwegian government was a warmonger.")


def test_alarm_at_a_state_of_affairs_is_no_criticism(nlp: Language) -> None:
    events = coded(nlp, "\"This is deeply troubling for Norway,\" the Swedish prime minister said.")
    assert events and all(code[:2] == "01" for code, *_ in events)
    assert "_negative_evaluation" not in rules(
        nlp, "The Swedish prime minister said it was a problem for the Norwegian fishermen.")


def test_the_same_words_said_of_an_actor_or_its_act_stay_criticism(nlp: Language) -> None:
    for text in ("The Swedish prime minister said Norway's decision was deeply troubling.",
                 "The Swedish prime minister said Norway's decision was a problem.",
                 "The Swedish minister said Norway's envoy was a warmonger."):
        assert any(code == "111" and rule == "_negative_evaluation" for code, _, _, rule in coded(nlp, text)), text
