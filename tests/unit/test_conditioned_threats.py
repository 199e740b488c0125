"""nonacts40: a threat or warning that states its own condition is made ("Egypt threatened Sudan if it moved its
troops": the threat 13x asserted, modality._conditioning); any other act with an "if" clause of its own stays
hypothetical ("Egypt meets Sudan if it agrees"). Invented sentences, hand-built parses (no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.vocab import Vocab

import dateline.nlp  # noqa: F401  (registers the Doc extensions)
from dateline.events import code_doc

from handbuilt import Row, parsed_doc


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    return spacy.blank("en").vocab


def modalities(vocab: Vocab, rows: list[Row], trigger: str) -> set[tuple[str, str]]:
    doc = code_doc(parsed_doc(vocab, rows, labels=("PERSON", "GPE", "ORG")))
    return {(e["cameo"][:2], e["modality"]) for e in doc._.events if e["trigger"] == trigger}


def conditioned(verb: str, tag: str, lemma: str, condition: str, ctag: str, clemma: str) -> list[Row]:
    """'Egypt <verb> Sudan if it <condition> .'"""
    return [("Egypt", "PROPN", "NNP", "nsubj", 1, "Egypt", "B-GPE"),
            (verb, "VERB", tag, "ROOT", 0, lemma, "O"),
            ("Sudan", "PROPN", "NNP", "dobj", -1, "Sudan", "B-GPE"),
            ("if", "SCONJ", "IN", "mark", 2, "if", "O"),
            ("it", "PRON", "PRP", "nsubj", 1, "it", "O"),
            (condition, "VERB", ctag, "advcl", -4, clemma, "O"),
            (".", "PUNCT", ".", "punct", -5, ".", "O")]


def test_a_threat_with_its_condition_is_made(vocab: Vocab) -> None:
    # "Egypt threatened Sudan if it refused.": the threat was made; its condition is what it says
    assert modalities(vocab, conditioned("threatened", "VBD", "threaten", "refused", "VBD", "refuse"),
                      "threatened") == {("13", "asserted")}


def test_a_warning_with_its_condition_is_made(vocab: Vocab) -> None:
    # "Egypt warned Sudan if it refused.": a verb of warning, the same
    assert {m for _, m in modalities(vocab, conditioned("warned", "VBD", "warn", "refused", "VBD", "refuse"),
                                     "warned")} == {"asserted"}


def test_another_act_with_a_condition_of_its_own_stays_hypothetical(vocab: Vocab) -> None:
    # "Egypt meets Sudan if it agrees.": a case put, not a meeting held
    assert modalities(vocab, conditioned("meets", "VBZ", "meet", "agrees", "VBZ", "agree"),
                      "meets") == {("04", "hypothetical")}


# Session 40 mend (review of nonacts40): invented sentences through the real pipeline (model + dateline stages).

def coded_modalities(nlp: Language, text: str, trigger: str) -> set[tuple[str, str, bool]]:
    return {(e["cameo"][:2], e["modality"], e["negated"]) for e in nlp(text)._.events if e["trigger"] == trigger}


def test_the_pipeline_keeps_a_condition_put_before_a_present_threat_hypothetical(nlp: Language) -> None:
    # the "if" clause comes first and the verb is in the present: a case put, the threat hangs on it
    assert coded_modalities(nlp, "If NATO expands, Russia threatens Finland with missiles.", "threatens") \
        == {("13", "hypothetical", False)}
    assert coded_modalities(nlp, "If Iran attacks, Israel warns Lebanon.", "warns") == {("13", "hypothetical", False)}


def test_the_pipeline_makes_a_threat_with_its_condition_after_it(nlp: Language) -> None:
    assert coded_modalities(nlp, "Russia threatened Finland with missiles if NATO expands.", "threatened") \
        == {("13", "asserted", False)}


def test_the_pipeline_keeps_a_refusal_to_retaliate_if_attacked_as_it_was(nlp: Language) -> None:
    # pinned: no threat verb, so the "if" clause makes it hypothetical (and the negation stays)
    assert coded_modalities(nlp, "Israel will not retaliate if attacked.", "retaliate") == {("19", "hypothetical", True)}
