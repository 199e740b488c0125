"""nonacts40: an event noun that its negated governing verb does not deny (modality._presupposed): a noun owned
by its doer ("did not mention Libya's attack") or the subject of a verb that says something other than that the
act happened ("the talks have not ended"); a light verb ("did not launch its attack") and a verb of occurrence
("the talks did not happen") still deny it. Invented sentences, hand-built parses (no model)."""

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


def negation(vocab: Vocab, rows: list[Row], trigger: str) -> set[bool]:
    doc = code_doc(parsed_doc(vocab, rows, labels=("PERSON", "GPE", "ORG")))
    return {e["negated"] for e in doc._.events if e["trigger"] == trigger}


def owned(verb: str, lemma: str, owner: str) -> list[Row]:
    """'Egypt did not <verb> <owner> attack on Sudan' (owner: "Libya 's" or "the")."""
    head: list[Row] = [("Egypt", "PROPN", "NNP", "nsubj", 3, "Egypt", "B-GPE"),
                       ("did", "AUX", "VBD", "aux", 2, "do", "O"),
                       ("not", "PART", "RB", "neg", 1, "not", "O"),
                       (verb, "VERB", "VB", "ROOT", 0, lemma, "O")]
    if owner == "the":
        det: list[Row] = [("the", "DET", "DT", "det", 1, "the", "O")]
        back = -2
    else:
        det = [("Libya", "PROPN", "NNP", "poss", 2, "Libya", "B-GPE"), ("'s", "PART", "POS", "case", -1, "'s", "O")]
        back = -3
    tail: list[Row] = [("attack", "NOUN", "NN", "dobj", back, "attack", "O"),
                       ("on", "ADP", "IN", "prep", -1, "on", "O"),
                       ("Sudan", "PROPN", "NNP", "pobj", -1, "Sudan", "B-GPE"),
                       (".", "PUNCT", ".", "punct", -(len(det) + 4), ".", "O")]
    return head + det + tail


def test_an_owned_event_noun_stays_asserted_under_a_negated_verb(vocab: Vocab) -> None:
    # "Egypt did not mention Libya's attack on Sudan": the attack is told as done
    assert negation(vocab, owned("mention", "mention", "Libya 's"), "attack") == {False}


def test_an_event_noun_with_no_owner_is_still_denied(vocab: Vocab) -> None:
    # "Egypt did not mention the attack on Sudan": as before this change, the negation reaches the noun
    assert negation(vocab, owned("mention", "mention", "the"), "attack") == {True}


def test_a_light_verb_still_denies_an_owned_event_noun(vocab: Vocab) -> None:
    # "Egypt did not launch Libya's attack on Sudan": the light verb makes the event; no attack was launched
    assert negation(vocab, owned("launch", "launch", "Libya 's"), "attack") == {True}


def subject(verb: str, lemma: str) -> list[Row]:
    """'The talks between Egypt and Sudan did not <verb>.'"""
    return [("The", "DET", "DT", "det", 1, "the", "O"),
            ("talks", "NOUN", "NNS", "nsubj", 7, "talk", "O"),
            ("between", "ADP", "IN", "prep", -1, "between", "O"),
            ("Egypt", "PROPN", "NNP", "pobj", -1, "Egypt", "B-GPE"),
            ("and", "CCONJ", "CC", "cc", -1, "and", "O"),
            ("Sudan", "PROPN", "NNP", "conj", -2, "Sudan", "B-GPE"),
            ("did", "AUX", "VBD", "aux", 2, "do", "O"),
            ("not", "PART", "RB", "neg", 1, "not", "O"),
            (verb, "VERB", "VB", "ROOT", 0, lemma, "O"),
            (".", "PUNCT", ".", "punct", -1, ".", "O")]


def test_the_subject_event_noun_of_a_negated_verb_stays_asserted(vocab: Vocab) -> None:
    # "The talks between Egypt and Sudan did not end": the talks were held (and go on)
    assert negation(vocab, subject("end", "end"), "talks") == {False}


def test_a_negated_verb_of_occurrence_still_denies_its_subject(vocab: Vocab) -> None:
    # "The talks between Egypt and Sudan did not happen": no talks were held
    assert negation(vocab, subject("happen", "happen"), "talks") == {True}


# Session 40 mend (review of nonacts40): invented sentences through the real pipeline (model + dateline stages).

def coded_negation(nlp: Language, text: str, trigger: str) -> set[bool]:
    return {e["negated"] for e in nlp(text)._.events if e["trigger"] == trigger}


def test_the_pipeline_denies_an_owned_event_noun_a_negated_verb_of_getting_governs(nlp: Language) -> None:
    # cue getting_verb: the meeting he did not get or secure was not held
    assert coded_negation(nlp, "The French president did not get his meeting with Putin.", "meeting") == {True}
    assert coded_negation(nlp, "The French president did not secure his meeting with Putin.", "meeting") == {True}


def test_the_pipeline_keeps_the_subject_event_noun_of_a_negated_light_verb(nlp: Language) -> None:
    # a light verb makes its object the event, not its subject: the talks were held, as with "produce"
    assert coded_negation(nlp, "The talks between Egypt and Sudan did not reach an agreement.", "talks") == {False}
    assert coded_negation(nlp, "The talks between Egypt and Sudan did not produce an agreement.", "talks") == {False}
    # "take" is a verb of occurrence only with the object "place"
    assert coded_negation(nlp, "The talks between Egypt and Sudan did not take long.", "talks") == {False}


def test_the_pipeline_denies_the_subject_of_a_negated_verb_of_occurrence(nlp: Language) -> None:
    for verb in ("begin", "take place", "go ahead"):
        assert coded_negation(nlp, f"The talks between Egypt and Sudan did not {verb}.", "talks") == {True}, verb
