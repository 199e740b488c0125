"""The actors stage on hand-built Docs (no model): KB names, dated roles, seats, titles, coreference."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.actors import actor_ref, code_actors, resolve_as_of
from dateline.kb import default_kb

import dateline.nlp  # noqa: F401  (registers the Doc extensions)


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    """An English vocab: lexical attributes (lower case, is_stop) as the model computes them."""
    return spacy.blank("en").vocab


def _doc(vocab: Vocab, words: list[str], pos: list[str], deps: list[str], heads: list[int],
         ents: list[str], published: dt.date | None) -> Doc:
    tags = {"PROPN": "NNP", "VERB": "VBD", "NOUN": "NN", "PRON": "PRP", "ADJ": "JJ", "DET": "DT", "PUNCT": "."}
    doc = Doc(vocab, words=words, pos=pos, tags=[tags.get(p, "XX") for p in pos], deps=deps, heads=heads, ents=ents)
    doc._.published = published
    return doc


def test_actors_capital_as_government_and_dated_role(vocab: Vocab) -> None:
    words = ["Pyongyang", "demanded", "that", "Trump", "end", "sanctions", "."]
    doc = _doc(vocab, words, ["PROPN", "VERB", "SCONJ", "PROPN", "VERB", "NOUN", "PUNCT"],
               ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "dobj", "punct"], [1, 1, 4, 4, 1, 4, 1],
               ["B-GPE", "O", "O", "B-ORG", "O", "O", "O"], dt.date(2019, 1, 18))
    actors = {a["name"]: a for a in code_actors(doc, default_kb())}
    assert actors["Pyongyang"]["code"] == "PRKGOV"
    trump = actors["Donald Trump"]
    assert trump["code"] == "USAGOV" and trump["label"] == "PERSON"  # the model's ORG is repaired
    assert trump["evidence"][0]["valid_from"] == "2017-01-20"
    doc._.actors = list(actors.values())
    assert actor_ref(doc, 0, 9)["code"] == "PRKGOV"
    assert resolve_as_of(doc, trump, dt.date(2015, 6, 1))["code"] == "USA"


def test_actors_title_codes_unknown_person_and_pronoun_links(vocab: Vocab) -> None:
    words = ["Swedish", "envoy", "Anna", "Testdottir", "arrived", ".", "She", "spoke", "."]
    doc = _doc(vocab, words, ["ADJ", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"],
               ["amod", "compound", "compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"],
               [1, 3, 3, 4, 4, 4, 7, 7, 7], ["B-NORP", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"], None)
    actors = {a["name"]: a for a in code_actors(doc, default_kb())}
    anna = actors["Anna Testdottir"]
    assert (anna["code"], anna["kb_id"]) == ("SWEGOV", None)
    assert anna["evidence"][0]["kind"] == "title"
    assert [m["text"] for m in anna["mentions"]] == ["Anna Testdottir", "She"]


def test_actors_unknown_name_stays_uncoded(vocab: Vocab) -> None:
    words = ["Zorbak", "Quellinor", "said", "no", "."]
    doc = _doc(vocab, words, ["PROPN", "PROPN", "VERB", "INTJ", "PUNCT"], ["compound", "nsubj", "ROOT", "dobj", "punct"],
               [1, 2, 2, 2, 2], ["B-PERSON", "I-PERSON", "O", "O", "O"], dt.date(2019, 1, 19))
    (actor,) = code_actors(doc, default_kb())
    assert actor["code"] is None and actor["country"] is None and actor["evidence"] == []


def test_actors_us_is_the_united_states_unless_shouted() -> None:
    import spacy
    from spacy.tokens import Doc

    from dateline.actors import _name_like

    vocab = spacy.blank("en").vocab  # English lexical attributes: is_stop, lower_
    plain = Doc(vocab, words=["China", "demanded", "that", "the", "US", "cancel", "the", "sale", "."],
                sent_starts=[True] + [False] * 8)
    shouted = Doc(vocab, words=["TELL", "US", "THE", "TRUTH", "NOW", "!"], sent_starts=[True] + [False] * 5)
    assert _name_like(plain, 4, 5)
    assert not _name_like(shouted, 1, 2)
