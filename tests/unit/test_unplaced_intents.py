"""The gate on cooperative intents aimed at nobody or declared by nobody the text places (session 40,
`unplaced_intent`): a cooperative intent (03x) coded on the intended act's own word (code rule `_intent_code`: "will
meet", "is due to travel") with no target, or whose source took its country from the article, the countries nearby
or the learned side chooser, is not counted; one with a target whose declarer's own words, identity or the same body
named earlier place it stays, and so do threats (13x) and intents coded on a word of intent. Events written for
these tests."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.actors.countries import UNPLACED_INTENT, UNPLACED_STATEMENT, gate_statements, unplaced_intent
from dateline.confidence import is_counted
from handbuilt import gate_event


def event(code: str, src: str | None, tgt: str | None, *, rule: str = "_intent_code", lemma: str = "meet",
          strategy: str | None = None) -> dict[str, Any]:
    return gate_event(code, src, tgt, rule=rule, lemma=lemma, strategy=strategy)


def test_an_intent_aimed_at_nobody_is_not_counted() -> None:
    # "The Kenyan cabinet will meet next week": no counterpart, an agenda
    assert unplaced_intent(event("036", "KEN", None))
    assert unplaced_intent(event("036", "KEN", None, lemma="visit"))


def test_a_threat_coded_on_the_threatened_act_stays() -> None:
    # "Kenya is prepared to impose martial law": a threat (13x) often names no one it binds
    assert not unplaced_intent(event("1324", "KEN", None, lemma="impose"))
    assert not unplaced_intent(event("138", "KEN", "UGA", lemma="attack", strategy="article_country"))


def test_an_intent_whose_declarer_is_placed_by_its_surroundings_is_not_counted() -> None:
    for strategy in ("article_country", "nearby_country", "ranker", "event_place", "armed_group:article_country"):
        assert unplaced_intent(event("036", "KEN", "UGA", strategy=strategy)), strategy


def test_an_intent_with_a_counterpart_and_a_placed_declarer_stays() -> None:
    assert not unplaced_intent(event("036", "KEN", "UGA"))  # "Kenya will meet Uganda"
    for strategy in ("own_phrase", "kb_roles", "same_entity"):
        assert not unplaced_intent(event("036", "KEN", "UGA", strategy=strategy)), strategy


def test_other_code_rules_stay() -> None:
    assert not unplaced_intent(event("036", "KEN", None, rule="_intent_of", lemma="promise"))  # "promised to meet"
    assert not unplaced_intent(event("040", "KEN", None, rule="_verb_entry"))  # a meeting held
    assert not unplaced_intent(event("036", "KEN", None, rule="_verb_entry", lemma="plan"))  # the lexicon's own 03x


def test_the_gate_names_itself_and_the_event_is_not_counted() -> None:
    gated, kept = event("036", "KEN", None), event("036", "KEN", "UGA")
    gate_statements(gated)
    gate_statements(kept)
    assert gated["evidence"]["rules"]["gate"] == UNPLACED_INTENT and not is_counted(gated, 0.0)
    assert "gate" not in kept["evidence"]["rules"] and is_counted(kept, 0.0)
    statement = event("010", "KEN", None, rule="_verb_entry", lemma="say", strategy="article_country")
    gate_statements(statement)  # a plain statement keeps its own gate's name
    assert statement["evidence"]["rules"]["gate"] == UNPLACED_STATEMENT


def intents(nlp: Language, text: str) -> set[tuple[str, str | None, str | None, bool]]:
    """(cameo, target code, gate, counted) of the intents the real pipeline codes on the intended act's word."""
    return {(e["cameo"], (e.get("target") or {}).get("code"), e["evidence"]["rules"].get("gate"), bool(e.get("counted")))
            for e in nlp(text)._.events if e["evidence"]["rules"].get("code") == "_intent_code"}


def test_the_pipeline_gates_an_intent_aimed_at_nobody(nlp: Language) -> None:
    assert intents(nlp, "The Kenyan cabinet will meet next week.") == {("036", None, UNPLACED_INTENT, False)}


def test_the_pipeline_counts_an_intent_towards_another_placed_by_its_own_words(nlp: Language) -> None:
    assert intents(nlp, "Japan will meet China next week.") == {("036", "CHN", None, True)}
