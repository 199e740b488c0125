"""Trailing participial adjuncts (issue 11, recall; ``events.triggers._trailing_adjunct``) on
hand-built parses: a present participle that follows its clause's act after a comma, with no subject
of its own, and whose object names a party ("Syria shelled the town, threatening Lebanon") is told
as the act it follows; one done to people counted or to things ("..., killing 20 people"), one
before its clause, or one with no comma stays a described circumstance (``reported``)."""

from __future__ import annotations

import pytest
import spacy
from spacy.vocab import Vocab

import dateline.nlp  # noqa: F401  (registers the Doc extensions)
from dateline.events import code_doc

from handbuilt import Row, parsed_doc


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    return spacy.blank("en").vocab


def coded(vocab: Vocab, rows: list[Row], trigger: str) -> list[dict]:
    doc = code_doc(parsed_doc(vocab, rows))
    return [e for e in doc._.events if e["trigger"] == trigger]


def sides(event: dict) -> tuple[str | None, str | None]:
    return ((event["source"] or {}).get("text"), (event["target"] or {}).get("text"))


def _shelled(modal: bool = False) -> list[Row]:
    # "Syria shelled the town, threatening Lebanon." / "Syria may shell the town, threatening Lebanon."
    verb: list[Row] = [("may", "AUX", "MD", "aux", 1, "may", "O"), ("shell", "VERB", "VB", "ROOT", 0, "shell", "O")] \
        if modal else [("shelled", "VERB", "VBD", "ROOT", 0, "shell", "O")]
    root = 2 if modal else 1
    rows: list[Row] = [("Syria", "PROPN", "NNP", "nsubj", root, "Syria", "B-GPE"), *verb]
    at = len(rows)
    rows += [("the", "DET", "DT", "det", 1, "the", "O"),
             ("town", "NOUN", "NN", "dobj", root - at - 1, "town", "O"),
             (",", "PUNCT", ",", "punct", root - at - 2, ",", "O"),
             ("threatening", "VERB", "VBG", "advcl", root - at - 3, "threaten", "O"),
             ("Lebanon", "PROPN", "NNP", "dobj", -1, "Lebanon", "B-GPE"),
             (".", "PUNCT", ".", "punct", root - at - 5, ".", "O")]
    return rows


def test_trailing_adjunct_with_a_named_party_is_asserted(vocab: Vocab) -> None:
    events = coded(vocab, _shelled(), "threatening")
    assert [sides(e) for e in events] == [("Syria", "Lebanon")]
    assert events[0]["cameo"][:2] == "13"
    assert events[0]["modality"] == "asserted"
    assert events[0]["evidence"]["rules"]["modality"] == "_modality"


def test_trailing_adjunct_is_as_done_as_the_act_it_follows(vocab: Vocab) -> None:
    # "Syria may shell the town, threatening Lebanon": the adjunct is no more done than the shelling
    events = coded(vocab, _shelled(modal=True), "threatening")
    assert events and all(e["modality"] != "asserted" for e in events)


def test_adjunct_done_to_people_counted_stays_reported(vocab: Vocab) -> None:
    # "Rebels shelled Juba, killing 20 people.": the killing elaborates the shelling (one CAMEO event)
    rows: list[Row] = [("Rebels", "NOUN", "NNS", "nsubj", 1, "rebel", "O"),
                       ("shelled", "VERB", "VBD", "ROOT", 0, "shell", "O"),
                       ("Juba", "PROPN", "NNP", "dobj", -1, "Juba", "B-GPE"),
                       (",", "PUNCT", ",", "punct", -2, ",", "O"),
                       ("killing", "VERB", "VBG", "advcl", -3, "kill", "O"),
                       ("20", "NUM", "CD", "nummod", 1, "20", "O"),
                       ("people", "NOUN", "NNS", "dobj", -2, "people", "O"),
                       (".", "PUNCT", ".", "punct", -6, ".", "O")]
    events = coded(vocab, rows, "killing")
    assert events and all(e["modality"] == "reported" for e in events)


def test_adjunct_before_its_clause_stays_reported(vocab: Vocab) -> None:
    # "Threatening Lebanon, Syria shelled the town.": a circumstance set before the act
    rows: list[Row] = [("Threatening", "VERB", "VBG", "advcl", 4, "threaten", "O"),
                       ("Lebanon", "PROPN", "NNP", "dobj", -1, "Lebanon", "B-GPE"),
                       (",", "PUNCT", ",", "punct", 2, ",", "O"),
                       ("Syria", "PROPN", "NNP", "nsubj", 1, "Syria", "B-GPE"),
                       ("shelled", "VERB", "VBD", "ROOT", 0, "shell", "O"),
                       ("the", "DET", "DT", "det", 1, "the", "O"),
                       ("town", "NOUN", "NN", "dobj", -2, "town", "O"),
                       (".", "PUNCT", ".", "punct", -3, ".", "O")]
    events = coded(vocab, rows, "Threatening")
    assert events and all(e["modality"] == "reported" for e in events)


def test_adjunct_with_no_comma_stays_reported(vocab: Vocab) -> None:
    # "Syria shelled the town threatening Lebanon." (no comma: the parse's adjunct is a description)
    rows = [row for row in _shelled() if row[0] != ","]
    rows = [("Syria", "PROPN", "NNP", "nsubj", 1, "Syria", "B-GPE"),
            ("shelled", "VERB", "VBD", "ROOT", 0, "shell", "O"),
            ("the", "DET", "DT", "det", 1, "the", "O"),
            ("town", "NOUN", "NN", "dobj", -2, "town", "O"),
            ("threatening", "VERB", "VBG", "advcl", -3, "threaten", "O"),
            ("Lebanon", "PROPN", "NNP", "dobj", -1, "Lebanon", "B-GPE"),
            (".", "PUNCT", ".", "punct", -5, ".", "O")]
    events = coded(vocab, rows, "threatening")
    assert events and all(e["modality"] == "reported" for e in events)
