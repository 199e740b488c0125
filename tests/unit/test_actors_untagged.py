"""Names the model's NER left untagged that the actors stage still links (hand-built Docs, no model):
a person's surname after the full name (``_untagged_surnames``) and "the North" after North Korea
(``_compass_states``). Invented sentences."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.actors import code_actors
from dateline.kb import default_kb

import dateline.nlp  # noqa: F401  (registers the Doc extensions)


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    return spacy.blank("en").vocab


_TAGS = {"PROPN": "NNP", "VERB": "VBD", "NOUN": "NN", "PRON": "PRP", "ADJ": "JJ", "DET": "DT", "PUNCT": ".",
         "ADP": "IN"}


def _doc(vocab: Vocab, rows: list[tuple[str, str, str, int, str]]) -> Doc:
    """A Doc from (word, pos, dep, head, ent) rows; a sentence starts after each full stop."""
    words, pos, deps, heads, ents = (list(col) for col in zip(*rows))
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    doc = Doc(vocab, words=words, pos=pos, tags=[_TAGS.get(p, "XX") for p in pos], deps=deps, heads=heads,
              ents=ents, sent_starts=starts)
    doc._.published = dt.date(2019, 3, 1)
    return doc


def _mentions(actors: list[dict], name: str) -> list[str]:
    (actor,) = [a for a in actors if a["name"] == name]
    return [m["text"] for m in actor["mentions"]]


def test_an_untagged_surname_joins_the_person_named_in_full(vocab: Vocab) -> None:
    # "Swedish envoy Anna Testdottir arrived. Ms Testdottir praised Norway."
    doc = _doc(vocab, [("Swedish", "ADJ", "amod", 1, "B-NORP"), ("envoy", "NOUN", "compound", 3, "O"),
                       ("Anna", "PROPN", "compound", 3, "B-PERSON"), ("Testdottir", "PROPN", "nsubj", 4, "I-PERSON"),
                       ("arrived", "VERB", "ROOT", 4, "O"), (".", "PUNCT", "punct", 4, "O"),
                       ("Ms", "PROPN", "compound", 7, "O"), ("Testdottir", "PROPN", "nsubj", 8, "O"),
                       ("praised", "VERB", "ROOT", 8, "O"), ("Norway", "PROPN", "dobj", 8, "B-GPE"),
                       (".", "PUNCT", "punct", 8, "O")])
    actors = code_actors(doc, default_kb())
    assert _mentions(actors, "Anna Testdottir") == ["Swedish envoy Anna Testdottir", "Testdottir"]
    (anna,) = [a for a in actors if a["name"] == "Anna Testdottir"]
    assert anna["code"] == "SWEGOV"


def test_an_untagged_word_of_a_longer_name_or_before_the_full_name_joins_no_one(vocab: Vocab) -> None:
    # "Testdottir Tower opened. Anna Testdottir arrived. Testdottir Hall closed." (a building, not her)
    doc = _doc(vocab, [("Testdottir", "PROPN", "compound", 1, "O"), ("Tower", "PROPN", "nsubj", 2, "O"),
                       ("opened", "VERB", "ROOT", 2, "O"), (".", "PUNCT", "punct", 2, "O"),
                       ("Anna", "PROPN", "compound", 5, "B-PERSON"), ("Testdottir", "PROPN", "nsubj", 6, "I-PERSON"),
                       ("arrived", "VERB", "ROOT", 6, "O"), (".", "PUNCT", "punct", 6, "O"),
                       ("Testdottir", "PROPN", "compound", 9, "O"), ("Hall", "PROPN", "nsubj", 10, "O"),
                       ("closed", "VERB", "ROOT", 10, "O"), (".", "PUNCT", "punct", 10, "O")])
    actors = code_actors(doc, default_kb())
    assert _mentions(actors, "Anna Testdottir") == ["Anna Testdottir"]


def test_the_north_is_north_korea_named_before(vocab: Vocab) -> None:
    # "North Korea fired a missile. The North warned Japan."
    doc = _doc(vocab, [("North", "PROPN", "compound", 1, "B-GPE"), ("Korea", "PROPN", "nsubj", 2, "I-GPE"),
                       ("fired", "VERB", "ROOT", 2, "O"), ("a", "DET", "det", 4, "O"),
                       ("missile", "NOUN", "dobj", 2, "O"), (".", "PUNCT", "punct", 2, "O"),
                       ("The", "DET", "det", 7, "O"), ("North", "PROPN", "nsubj", 8, "B-LOC"),
                       ("warned", "VERB", "ROOT", 8, "O"), ("Japan", "PROPN", "dobj", 8, "B-GPE"),
                       (".", "PUNCT", "punct", 8, "O")])
    actors = code_actors(doc, default_kb())
    (korea,) = [a for a in actors if a["code"] == "PRK"]
    assert [m["text"] for m in korea["mentions"]] == ["North Korea", "North"]


def test_the_north_names_no_state_the_article_has_not_named(vocab: Vocab) -> None:
    # "Japan fired a missile. The North warned Japan." (no North Korea before it), and "the North
    # Korean army" is a phrase of its own
    doc = _doc(vocab, [("Japan", "PROPN", "nsubj", 1, "B-GPE"), ("fired", "VERB", "ROOT", 1, "O"),
                       ("a", "DET", "det", 3, "O"), ("missile", "NOUN", "dobj", 1, "O"),
                       (".", "PUNCT", "punct", 1, "O"), ("The", "DET", "det", 6, "O"),
                       ("North", "PROPN", "nsubj", 7, "B-LOC"), ("warned", "VERB", "ROOT", 7, "O"),
                       ("Japan", "PROPN", "dobj", 7, "B-GPE"), (".", "PUNCT", "punct", 7, "O")])
    actors = code_actors(doc, default_kb())
    assert not any(a["code"] == "PRK" for a in actors)
    assert not any(m["text"] == "North" for a in actors for m in a["mentions"])
