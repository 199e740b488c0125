"""The gate on plain statements inside one state (session 37, `domestic_statement`): a verb of saying coded 010 by its
lexicon entry whose speaker and target are of one country, once their countries are chosen, relays a fact (an
attribution frame, docs/annotation.md D1a) or is domestic routine (D6), and is not counted; a statement about another
state, one the code rules read as an accusation or criticism, and another verb coded 010 stay counted. Sentences
written for these tests."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.actors.countries import DOMESTIC_STATEMENT, domestic_statement, gate_statements
from dateline.confidence import is_counted


def event(code: str, src: str | None, tgt: str | None, *, rule: str = "_verb_entry", lemma: str = "say",
          table: str = "verbs.tsv") -> dict[str, Any]:
    return {"cameo": code, "modality": "asserted", "negated": False, "confidence": 0.9,
            "source": {"code": src, "country": src} if src else None,
            "target": {"code": tgt, "country": tgt} if tgt else None,
            "evidence": {"rules": {"trigger": f"{table}:{lemma}", "code": rule}}}


def test_a_statement_about_one_s_own_country_is_a_frame_or_routine() -> None:
    assert domestic_statement(event("010", "KEN", "KEN"))  # D1a: "the minister said the economy grew"
    assert domestic_statement(event("010", "GBR", "GBR", lemma="tell"))  # D6: "told the party conference"


def test_a_statement_to_or_about_another_state_is_an_act() -> None:
    assert not domestic_statement(event("010", "KEN", "UGA"))
    assert not domestic_statement(event("010", "KEN", None))  # no target: the events stage's own gate
    assert not domestic_statement(event("010", "IGO", "IGO"))  # a transnational side has no country


def test_what_the_code_rules_read_as_more_than_a_statement_stays() -> None:
    assert not domestic_statement(event("111", "KEN", "KEN", rule="_disapproval"))  # criticism of one's government
    assert not domestic_statement(event("112", "KEN", "KEN", rule="_judgement_in_statement"))
    assert not domestic_statement(event("010", "KEN", "KEN", rule="_act_code", table="quotes/cues.tsv"))
    assert not domestic_statement(event("011", "KEN", "KEN"))  # root not the plain 010
    # a plain 010 on "say" that another code rule gave (not the lexicon entry's own code): the `_verb_entry` guard
    assert not domestic_statement(event("010", "KEN", "KEN", rule="_evaluative"))
    assert not domestic_statement(event("010", "KEN", "KEN", rule="_sense"))
    assert not domestic_statement(event("010", "KEN", "KEN", lemma="predict"))  # not a verb of saying


def test_the_gate_names_itself_and_the_event_is_not_counted() -> None:
    gated, kept = event("010", "KEN", "KEN"), event("010", "KEN", "UGA")
    gate_statements(gated)
    gate_statements(kept)
    assert gated["evidence"]["rules"]["gate"] == DOMESTIC_STATEMENT and not is_counted(gated, 0.0)
    assert "gate" not in kept["evidence"]["rules"] and is_counted(kept, 0.0)


def statements(nlp: Language, text: str) -> list[tuple[str, str | None, bool, str | None]]:
    """(code, target country, counted, gate) of the events on a speech verb of the text."""
    return [(e["cameo"], (e["target"] or {}).get("country"), e["counted"], e["evidence"]["rules"].get("gate"))
            for e in nlp(text)._.events if e["evidence"]["rules"].get("trigger", "").startswith("verbs.tsv:")
            and e["trigger"] in ("said", "told", "predicted")]


def test_the_pipeline_gates_a_domestic_statement_once_the_sides_are_chosen(nlp: Language) -> None:
    assert statements(nlp, "The Kenyan president said on Monday that the Kenyan parliament is in recess until March.") \
        == [("010", "KEN", False, DOMESTIC_STATEMENT)]
    assert statements(nlp, "Kenya's finance minister told reporters on Monday that the Kenyan central bank had enough "
                           "reserves.") == [("010", "KEN", False, DOMESTIC_STATEMENT)]


def test_the_pipeline_counts_a_statement_about_another_state_and_an_accusation_at_home(nlp: Language) -> None:
    assert statements(nlp, "The Kenyan president said on Monday that Uganda's parliament is in recess until March.") \
        == [("010", "UGA", True, None)]
    assert statements(nlp, "The Kenyan president said on Monday that the Kenyan opposition leader was a liar and a "
                           "thief.") == [("112", "KEN", True, None)]
    assert statements(nlp, "The Kenyan president predicted on Monday that the Kenyan opposition would lose the "
                           "election.") == [("010", "KEN", True, None)]
