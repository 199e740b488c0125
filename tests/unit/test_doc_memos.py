"""The per-Doc reads that spare the stages a Token or Span per question (session 36) give what spaCy gives."""

from __future__ import annotations

import datetime as dt

import spacy

from dateline.confidence import DocContext, event_features
from dateline.doc import definite_heads, doc_ents, lower_ids, pos_indices, sentences
from dateline.events.modality import _background, _time_starts
from dateline.lang.en import DEFINITE_DETERMINERS
from dateline.syntax import ends_in_question

from handbuilt import parsed_doc

ASKED = [("Will", "AUX", "MD", "aux", 2, "will", "O"), ("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
         ("attack", "VERB", "VB", "ROOT", 0, "attack", "O"), ("?", "PUNCT", ".", "punct", -1, "?", "O"),
         ("”", "PUNCT", "''", "punct", -2, "”", "O")]
TOLD = [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"), ("attacked", "VERB", "VBD", "ROOT", 0, "attack", "O"),
        ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE"), ("in", "ADP", "IN", "prep", -2, "in", "O"),
        ("1980", "NUM", "CD", "pobj", -1, "1980", "B-DATE"), ("“", "PUNCT", "``", "punct", -4, "“", "O"),
        ("?", "PUNCT", ".", "punct", -5, "?", "O"), ("If", "SCONJ", "IN", "mark", -6, "if", "O")]
PLAIN = [("Iraq", "PROPN", "NNP", "nsubj", 1, "Iraq", "B-GPE"), ("protested", "VERB", "VBD", "ROOT", 0, "protest", "O"),
         (".", "PUNCT", ".", "punct", -1, ".", "O")]


def _doc():  # type: ignore[no-untyped-def]
    return parsed_doc(spacy.blank("en").vocab, ASKED, TOLD, PLAIN, published=dt.date(2020, 1, 1))  # (English lower cases)


def test_doc_reads_are_spacys_own_once_per_doc() -> None:
    doc = _doc()
    assert [(e.start, e.end, e.label_) for e in doc_ents(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert doc_ents(doc) is doc_ents(doc)
    assert [(s.start, s.end) for s in sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    assert sentences(doc) is sentences(doc)
    strings = doc.vocab.strings
    assert [strings[i] for i in lower_ids(doc)] == [t.lower_ for t in doc]
    assert lower_ids(doc)[len(ASKED) + len(TOLD) - 1] == strings["if"]  # "If": the id of the word's lower case


def test_ends_in_question_reads_past_blanks_and_quote_marks() -> None:
    doc = _doc()
    plain = [t for t in doc if (words := [w for w in t.sent if not w.is_space and w.text not in ('"', "'", "”", "’", "“", "‘")])
             and words[-1].text == "?"]
    assert [t.i for t in doc if ends_in_question(t)] == [t.i for t in plain]
    assert ends_in_question(doc[2]) and not ends_in_question(doc[len(ASKED) + 1]) and not ends_in_question(doc[-2])


def test_time_starts_and_the_background_shortcut() -> None:
    doc = _doc()
    assert _time_starts(doc) == [t.i for t in doc if t.ent_iob_ == "B" and t.ent_type_ in ("DATE", "EVENT")]
    attacked, protested = doc[len(ASKED) + 1], doc[len(ASKED) + len(TOLD) + 1]
    assert _background(attacked, doc) == "dated"  # "in 1980": the walk still runs where a time phrase opens
    assert _background(protested, doc) is None  # none opens in its subtree: no walk


def test_event_features_kept_once_per_event_only_when_the_context_keeps_them() -> None:
    doc = _doc()
    event = {"cameo": "190", "modality": "asserted", "sentence": 1, "span": [doc[len(ASKED) + 1].idx,
             doc[len(ASKED) + 1].idx + 8], "source": None, "target": None, "evidence": {"rules": {"code": "lexicon"}}}
    doc._.events = [event]
    plain = DocContext.of(doc)
    assert event_features(event, doc, plain) is not event_features(event, doc, plain)
    kept = DocContext.of(doc)
    kept.features = {}
    first = event_features(event, doc, kept)
    assert first == event_features(event, doc, plain) and event_features(event, doc, kept) is first
    other = dict(event, cameo="040")  # another event: its own features
    assert event_features(other, doc, kept)["root=04"] == 1.0


def test_definite_heads_and_parts_of_speech_read_from_arrays() -> None:
    """definite_heads (session 41): the tokens with a definite determiner among their children, as the Token walk
    finds them; pos_indices from numpy's comparisons, as ``token.pos_`` gives them; both once per Doc."""
    words = [("The", "DET", "DT", "det", 1, "the", "O"), ("talks", "NOUN", "NNS", "nsubj", 1, "talk", "O"),
             ("resumed", "VERB", "VBD", "ROOT", 0, "resume", "O"), ("after", "ADP", "IN", "prep", -1, "after", "O"),
             ("a", "DET", "DT", "det", 1, "a", "O"), ("pause", "NOUN", "NN", "pobj", -2, "pause", "O"),
             ("and", "CCONJ", "CC", "cc", -4, "and", "O"), ("THOSE", "DET", "DT", "det", 1, "those", "O"),
             ("visits", "NOUN", "NNS", "conj", -6, "visit", "O"), (".", "PUNCT", ".", "punct", -7, ".", "O")]
    doc = parsed_doc(spacy.blank("en").vocab, words, PLAIN, published=dt.date(2020, 1, 1))
    walked = {t.i for t in doc if any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in t.children)}
    assert definite_heads(doc) == walked == {1, 8}
    assert definite_heads(doc) is definite_heads(doc)
    for parts in (("VERB",), ("NOUN",), ("VERB", "NOUN"), ("PROPN", "ADP")):
        assert pos_indices(doc, *parts) == [t.i for t in doc if t.pos_ in parts]
    assert pos_indices(doc, "NOUN") is pos_indices(doc, "NOUN")
