"""The dates stage on hand-built Docs: which expression dates which event, and the fallbacks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline import nlp as _nlp  # noqa: F401 - registers the Doc extensions
from dateline.dates import clause_tense, date_events, date_for

PUBLISHED = dt.date(2019, 1, 19)


def build(vocab: Vocab, rows: list[tuple[str, int, str, str, str, str, str]], *,
          published: dt.date | None = PUBLISHED) -> Doc:
    """A Doc from (word, head, dep, pos, tag, lemma, ent) rows; heads are absolute indices."""
    words, heads, deps, pos, tags, lemmas, ents = (list(column) for column in zip(*rows))
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",", "’s") for i in range(len(words))]
    doc = Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents)
    doc._.published = published
    doc._.dateline = None
    for name in ("actors", "events", "quotes", "pull_quotes", "timexes", "places"):
        setattr(doc._, name, [])
    return doc


MET_FRIDAY = [("Trump", 1, "nsubj", "PROPN", "NNP", "Trump", "B-PERSON"),
              ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
              ("Kim", 1, "dobj", "PROPN", "NNP", "Kim", "B-PERSON"),
              ("on", 1, "prep", "ADP", "IN", "on", "O"),
              ("Friday", 3, "pobj", "PROPN", "NNP", "Friday", "B-DATE"),
              (".", 1, "punct", "PUNCT", ".", ".", "O")]

WILL_MEET_FRIDAY = [("Trump", 2, "nsubj", "PROPN", "NNP", "Trump", "B-PERSON"),
                    ("will", 2, "aux", "AUX", "MD", "will", "O"),
                    ("meet", 2, "ROOT", "VERB", "VB", "meet", "O"),
                    ("Kim", 2, "dobj", "PROPN", "NNP", "Kim", "B-PERSON"),
                    ("on", 2, "prep", "ADP", "IN", "on", "O"),
                    ("Friday", 4, "pobj", "PROPN", "NNP", "Friday", "B-DATE"),
                    (".", 2, "punct", "PUNCT", ".", ".", "O")]

AGREED_TO_SUMMIT_IN_JUNE = [("Trump", 1, "nsubj", "PROPN", "NNP", "Trump", "B-PERSON"),
                            ("agreed", 1, "ROOT", "VERB", "VBD", "agree", "O"),
                            ("to", 1, "prep", "ADP", "IN", "to", "O"),
                            ("a", 4, "det", "DET", "DT", "a", "O"),
                            ("summit", 2, "pobj", "NOUN", "NN", "summit", "O"),
                            ("in", 4, "prep", "ADP", "IN", "in", "O"),
                            ("June", 5, "pobj", "PROPN", "NNP", "June", "B-DATE"),
                            (".", 1, "punct", "PUNCT", ".", ".", "O")]

SAID_VISITED_LAST_WEEK = [("Aides", 1, "nsubj", "NOUN", "NNS", "aide", "O"),
                          ("said", 1, "ROOT", "VERB", "VBD", "say", "O"),
                          ("Kim", 3, "nsubj", "PROPN", "NNP", "Kim", "B-PERSON"),
                          ("visited", 1, "ccomp", "VERB", "VBD", "visit", "O"),
                          ("Beijing", 3, "dobj", "PROPN", "NNP", "Beijing", "B-GPE"),
                          ("last", 6, "amod", "ADJ", "JJ", "last", "B-DATE"),
                          ("week", 3, "npadvmod", "NOUN", "NN", "week", "I-DATE"),
                          (".", 1, "punct", "PUNCT", ".", ".", "O")]


def test_dates_weekday_attached_to_trigger_past_and_future(vocab: Vocab) -> None:
    past = build(vocab, MET_FRIDAY)
    assert date_for(past, past[1]) == {"value": "2019-01-18", "granularity": "day", "source": "text",
                                       "text": "Friday", "range": None}
    future = build(vocab, WILL_MEET_FRIDAY)
    assert date_for(future, future[2])["value"] == "2019-01-25"
    assert clause_tense(future[5]) == "future"


def test_dates_intention_dates_the_intended_event_not_the_agreeing(vocab: Vocab) -> None:
    doc = build(vocab, AGREED_TO_SUMMIT_IN_JUNE)
    summit = date_for(doc, doc[4])
    assert (summit["value"], summit["source"]) == ("2019-06", "text")  # future: the next June
    agreed = date_for(doc, doc[1])
    assert (agreed["value"], agreed["source"]) == ("2019-01-19", "published")


def test_dates_do_not_cross_into_another_clause(vocab: Vocab) -> None:
    doc = build(vocab, SAID_VISITED_LAST_WEEK)
    visited = date_for(doc, doc[3])
    assert (visited["value"], visited["granularity"], visited["range"]) == ("2019-01-07", "week",
                                                                            ["2019-01-07", "2019-01-13"])
    assert date_for(doc, doc[1])["source"] == "published"


def test_dates_without_publication_date_relative_gets_no_value(vocab: Vocab) -> None:
    doc = build(vocab, MET_FRIDAY, published=None)
    assert date_for(doc, doc[1])["value"] is None
    bare = build(vocab, SAID_VISITED_LAST_WEEK[:5] + [(".", 1, "punct", "PUNCT", ".", ".", "O")], published=None)
    assert date_for(bare, bare[1]) == {"value": None, "granularity": None, "source": None, "text": None,
                                       "range": None}


def test_dates_context_frame_from_earlier_sentence_of_paragraph(vocab: Vocab) -> None:
    second = [("He", 1, "nsubj", "PRON", "PRP", "he", "O"), ("left", 1, "ROOT", "VERB", "VBD", "leave", "O"),
              (".", 1, "punct", "PUNCT", ".", ".", "O")]
    rows = MET_FRIDAY + [(w, h + len(MET_FRIDAY), d, p, t, l, e) for w, h, d, p, t, l, e in second]
    doc = build(vocab, rows)
    left = date_for(doc, doc[len(MET_FRIDAY) + 1])
    assert (left["value"], left["source"], left["text"]) == ("2019-01-18", "context", "Friday")


def test_dates_component_fills_events_and_timexes(vocab: Vocab) -> None:
    doc = build(vocab, SAID_VISITED_LAST_WEEK)
    empty: dict[str, Any] = {"value": None, "granularity": None, "source": None}
    known = {"value": "2017-05", "granularity": "month", "source": "text"}
    doc._.events = [{"span": [doc[3].idx, doc[3].idx + 7], "date": dict(empty), "location": None},
                    {"span": [doc[1].idx, doc[1].idx + 4], "date": dict(empty), "location": None},
                    {"span": [doc[1].idx, doc[1].idx + 4], "date": dict(known), "location": None}]
    date_events(doc)
    assert [t["text"] for t in doc._.timexes] == ["last week"]
    assert doc._.timexes[0]["sentence"] == 0 and doc._.timexes[0]["value"] == "2019-01-07"
    assert doc._.events[0]["date"]["source"] == "text"
    assert doc._.events[1]["date"]["source"] == "published"
    assert doc._.events[2]["date"] == known  # an earlier stage's date is kept
