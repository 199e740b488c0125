"""General mechanisms that held-out real news showed failing (issue 11, part 5), on sentences
written for these tests and parsed by hand: a statement about no actor is no event; the act
inside an attribution frame is."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

import dateline.nlp  # noqa: F401  (registers the Doc extensions)
from dateline.events import code_doc

from handbuilt import Row, parsed_doc


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    return spacy.blank("en").vocab


def build(vocab: Vocab, *sentences: list[Row]) -> Doc:
    return parsed_doc(vocab, *sentences, places=("GPE", "LOC", "NORP"))


def coded(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    return [(e["cameo"], (e["source"] or {}).get("text"), (e["target"] or {}).get("text")) for e in code_doc(doc)._.events]


def test_statement_about_no_actor_is_no_event(vocab: Vocab) -> None:
    # "Reuters said the toll rose." : a speaker with nothing said about or to an actor
    doc = build(vocab, [("Reuters", "PROPN", "NNP", "nsubj", 1, "Reuters", "B-ORG"),
                        ("said", "VERB", "VBD", "ROOT", 0, "say", "O"),
                        ("the", "DET", "DT", "det", 1, "the", "O"),
                        ("toll", "NOUN", "NN", "nsubj", 1, "toll", "O"),
                        ("rose", "VERB", "VBD", "ccomp", -3, "rise", "O"),
                        (".", "PUNCT", ".", "punct", -4, ".", "O")])
    assert coded(doc) == []


def test_statement_to_an_actor_stays_an_event(vocab: Vocab) -> None:
    # "Kerry told Lavrov the plan was ready.": a statement addressed to an actor (CAMEO 01)
    doc = build(vocab, [("Kerry", "PROPN", "NNP", "nsubj", 1, "Kerry", "B-PERSON"),
                        ("told", "VERB", "VBD", "ROOT", 0, "tell", "O"),
                        ("Lavrov", "PROPN", "NNP", "dobj", -1, "Lavrov", "B-PERSON"),
                        ("the", "DET", "DT", "det", 1, "the", "O"),
                        ("plan", "NOUN", "NN", "nsubj", 1, "plan", "O"),
                        ("was", "AUX", "VBD", "ccomp", -4, "be", "O"),
                        ("ready", "ADJ", "JJ", "acomp", -1, "ready", "O"),
                        (".", "PUNCT", ".", "punct", -6, ".", "O")])
    events = coded(doc)
    assert [e for e in events if e[0].startswith("01")] == [(events[0][0], "Kerry", "Lavrov")]
