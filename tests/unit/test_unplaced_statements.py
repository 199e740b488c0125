"""The gate on plain statements whose speaker's country the text does not name (session 38, `unplaced_statement`): a
verb coded 010 by its lexicon entry whose source took its country from the surroundings (the article's country, the
same body named earlier, the countries named nearby, the learned side chooser), not from its own words, is not
counted: such a speaker is an unnamed spokesman, an analyst, a body of the article's own state relaying a fact
(docs/annotation.md D1a, D1d). A speaker named with its country, and a statement the code rules read as more than a
statement, stay counted. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.actors.countries import UNPLACED_STATEMENT, gate_statements, unplaced_statement
from dateline.confidence import is_counted
from handbuilt import gate_event


def event(code: str, src: str | None, tgt: str | None, *, rule: str = "_verb_entry", lemma: str = "say",
          table: str = "verbs.tsv", strategy: str | None = "article_country") -> dict[str, Any]:
    return gate_event(code, src, tgt, rule=rule, lemma=lemma, table=table, strategy=strategy)


def test_a_statement_whose_speaker_is_placed_by_its_surroundings_is_not_an_act() -> None:
    for strategy in ("article_country", "same_entity", "nearby_country", "ranker", "armed_group:event_place"):
        assert unplaced_statement(event("010", "KEN", "UGA", strategy=strategy)), strategy
    assert unplaced_statement(event("010", "KEN", "UGA", lemma="reveal"))  # any verb the lexicon codes 010


def test_a_speaker_named_with_its_country_stays() -> None:
    assert not unplaced_statement(event("010", "KEN", "UGA", strategy=None))  # "the Kenyan president said"
    assert not unplaced_statement(event("010", "KEN", "UGA", strategy="own_phrase"))  # "the ambassador of Kenya"
    assert not unplaced_statement(event("010", "KEN", "UGA", strategy="kb_roles"))  # a former president the KB knows


def test_what_the_code_rules_read_as_more_than_a_statement_stays() -> None:
    assert not unplaced_statement(event("112", "KEN", "UGA", rule="_judgement_in_statement"))
    assert not unplaced_statement(event("010", "KEN", "UGA", rule="_evaluative"))
    assert not unplaced_statement(event("010", "KEN", "UGA", rule="_act_code", table="quotes/cues.tsv"))
    assert not unplaced_statement(event("012", "KEN", "UGA"))  # root not the plain 010
    assert not unplaced_statement(event("042", "KEN", "UGA", lemma="visit"))  # not a statement


def test_the_gate_names_itself_and_the_event_is_not_counted() -> None:
    gated, kept = event("010", "KEN", "UGA"), event("010", "KEN", "UGA", strategy=None)
    gate_statements(gated)
    gate_statements(kept)
    assert gated["evidence"]["rules"]["gate"] == UNPLACED_STATEMENT and not is_counted(gated, 0.0)
    assert "gate" not in kept["evidence"]["rules"] and is_counted(kept, 0.0)


def statements(nlp: Language, text: str) -> list[tuple[str, str | None, bool, str | None]]:
    """(code, target country, counted at any confidence, gate) of the events on the verb "revealed" or "said" of the
    text (the gates decide; the default threshold of ``counted`` is the confidence's)."""
    return [(e["cameo"], (e["target"] or {}).get("country"), is_counted(e, 0.0), e["evidence"]["rules"].get("gate"))
            for e in nlp(text)._.events if e["trigger"] in ("revealed", "said")]


def test_the_pipeline_gates_a_statement_by_a_speaker_placed_by_an_earlier_sentence(nlp: Language) -> None:
    assert statements(nlp, "Kenyan police arrested three men in Nairobi on Sunday. The police chief revealed on Monday "
                           "that Uganda had sent a team to help.") == [("010", "UGA", False, UNPLACED_STATEMENT)]


def test_the_pipeline_counts_a_statement_by_a_speaker_named_with_its_country(nlp: Language) -> None:
    assert statements(nlp, "Kenyan police arrested three men in Nairobi on Sunday. The Kenyan police chief revealed on "
                           "Monday that Uganda had sent a team to help.") == [("010", "UGA", True, None)]


def test_one_set_of_own_strategies_and_same_entity_is_surroundings_for_a_speaker() -> None:
    # the territory rule and the statement gate read one set of the strategies of the side's own words or identity
    from dateline.actors.countries import _STATE_STANDS, OWN_STRATEGIES
    assert OWN_STRATEGIES <= _STATE_STANDS and "same_entity" in OWN_STRATEGIES
    assert OWN_STRATEGIES - {"same_entity"}
    for strategy in OWN_STRATEGIES - {"same_entity"}:
        assert not unplaced_statement(event("010", "KEN", "UGA", strategy=strategy)), strategy
    assert unplaced_statement(event("010", "KEN", "UGA", strategy="same_entity"))  # borrowed from a body named earlier
