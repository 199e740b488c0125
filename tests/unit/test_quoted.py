"""One test of "is this inside a quotation" (:func:`dateline.quotes.marks.in_quotation` over the quote
scan) for every stage and learned feature that asks it: the confidence's ``quote_marks``, the side
ranker's ``in_quote``, the modality model's ``in_quote`` and coreference. A sentence in the middle of a
quotation that runs over several sentences has no quote mark of its own and is quoted; a sentence whose
only quote-like character is an apostrophe is not."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

import dateline.nlp  # noqa: F401  (registers the Doc extensions)
from dateline import modality_model
from dateline.actors.coreference import _in_quote
from dateline.confidence import DocContext, event_features
from dateline.quotes.marks import in_quotation, quoted_sentences, token_in_quotation
from dateline.sides_model import mention_features

# (word, space after, pos, dep, head offset within its sentence, lemma)
Row = tuple[str, bool, str, str, int, str]

OPENS = [("The", True, "DET", "det", 1, "the"), ("envoy", True, "NOUN", "nsubj", 1, "envoy"),
         ("said", False, "VERB", "ROOT", 0, "say"), (":", True, "PUNCT", "punct", -1, ":"),
         ("\u201c", False, "PUNCT", "punct", 2, "\u201c"), ("We", True, "PRON", "nsubj", 1, "we"),
         ("warned", True, "VERB", "ccomp", -4, "warn"), ("them", False, "PRON", "dobj", -1, "they"),
         (".", True, "PUNCT", "punct", -2, ".")]
# The middle of the quotation: no mark of its own.
MIDDLE = [("Ruritania", True, "PROPN", "nsubj", 1, "Ruritania"), ("expelled", True, "VERB", "ROOT", 0, "expel"),
          ("two", True, "NUM", "nummod", 1, "two"), ("diplomats", False, "NOUN", "dobj", -2, "diplomat"),
          (".", True, "PUNCT", "punct", -3, ".")]
CLOSES = [("It", True, "PRON", "nsubj", 1, "it"), ("ends", False, "VERB", "ROOT", 0, "end"),
          (",", False, "PUNCT", "punct", -1, ","), ("\u201d", True, "PUNCT", "punct", -2, "\u201d"),
          ("he", True, "PRON", "nsubj", 1, "he"), ("said", False, "VERB", "parataxis", -4, "say"),
          (".", True, "PUNCT", "punct", -5, ".")]
# Only apostrophes, curly and straight: nothing is quoted.
APOSTROPHES = [("Ruritania", False, "PROPN", "poss", 2, "Ruritania"), ("\u2019s", True, "PART", "case", -1, "'s"),
               ("army", True, "NOUN", "nsubj", 1, "army"), ("expelled", True, "VERB", "ROOT", 0, "expel"),
               ("the", True, "DET", "det", 1, "the"), ("envoy", True, "NOUN", "dobj", -2, "envoy"),
               ("he", True, "PRON", "nsubj", 3, "he"), ("did", False, "AUX", "aux", 2, "do"),
               ("n't", True, "PART", "neg", 1, "not"), ("meet", False, "VERB", "conj", -6, "meet"),
               (".", False, "PUNCT", "punct", -7, ".")]
SENTENCES = [OPENS, MIDDLE, CLOSES, APOSTROPHES]


def _doc() -> Doc:
    rows = [row for sentence in SENTENCES for row in sentence]
    heads: list[int] = []
    starts: list[bool | int | None] = []
    for sentence in SENTENCES:
        offset = len(heads)
        heads += [offset + i + row[4] for i, row in enumerate(sentence)]
        starts += [True] + [False] * (len(sentence) - 1)
    doc = Doc(Vocab(), words=[r[0] for r in rows], spaces=[r[1] for r in rows], pos=[r[2] for r in rows],
              deps=[r[3] for r in rows], heads=heads, lemmas=[r[5] for r in rows], sent_starts=starts)
    doc._.actors, doc._.events = [], []
    return doc


def _token(doc: Doc, sentence: int, word: str) -> int:
    sent = list(doc.sents)[sentence]
    return next(t.i for t in sent if t.text == word)


def _event(doc: Doc, sentence: int) -> dict[str, Any]:
    verb = doc[_token(doc, sentence, "expelled")]
    return {"cameo": "166", "modality": "asserted", "negated": False, "span": [verb.idx, verb.idx + len(verb.text)],
            "sentence": sentence, "source": {"text": "Ruritania", "code": "RUR", "country": "RUR"}, "target": None,
            "date": {"source": "published"}, "evidence": {"rules": {"trigger": "verbs.tsv:expel"}}}


def test_the_scan_reads_the_middle_of_a_quotation_as_quoted_and_an_apostrophe_as_nothing() -> None:
    doc = _doc()
    sents = list(doc.sents)
    assert doc.text.count("\u201c") == 1 and "\u201c" not in sents[1].text and "\u201d" not in sents[1].text
    for t in sents[1]:
        assert token_in_quotation(doc, t.i), t.text
    assert token_in_quotation(doc, _token(doc, 0, "warned")) and not token_in_quotation(doc, _token(doc, 0, "said"))
    assert token_in_quotation(doc, _token(doc, 2, "ends")) and not token_in_quotation(doc, _token(doc, 2, "he"))
    assert not any(in_quotation(doc, c) for c in range(sents[3].start_char, sents[3].end_char))
    assert quoted_sentences(doc) == frozenset(s.start for s in sents[:3])


def test_every_consumer_calls_the_middle_of_a_quotation_quoted_and_an_apostrophe_not() -> None:
    doc = _doc()
    sents = list(doc.sents)
    quoted, plain = _event(doc, 1), _event(doc, 3)
    doc._.events = [quoted, plain]
    context = DocContext.of(doc)
    # the confidence (and the acts filter and root correction, which read its DocContext)
    assert event_features(quoted, doc, context).get("quote_marks") == 1.0
    assert "quote_marks" not in event_features(plain, doc, context)
    # the modality model: the trigger inside a quotation
    assert modality_model.features(doc, quoted).get("in_quote") == 1.0
    feats = modality_model.features(doc, plain)
    assert "in_quote" not in feats and "quote_in_sentence" not in feats
    # the side ranker: the candidate mention inside a quotation
    for s, event in ((1, quoted), (3, plain)):
        name = doc[_token(doc, s, "Ruritania")]
        mention = {"start": name.idx, "end": name.idx + len(name.text)}
        trigger = doc[_token(doc, s, "expelled")]
        assert mention_features(doc, mention, trigger, sents[s])["in_quote"] == (1.0 if s == 1 else 0.0)
    # coreference: no pronoun inside a quotation is linked back
    assert _in_quote(doc, _token(doc, 0, "We")) and _in_quote(doc, _token(doc, 1, "diplomats"))
    assert not _in_quote(doc, _token(doc, 2, "he")) and not _in_quote(doc, _token(doc, 3, "he"))
