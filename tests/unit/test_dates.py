"""The dates stage on hand-built Docs: which expression dates which event, and the fallbacks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline import nlp as _nlp  # noqa: F401 - registers the Doc extensions
from dateline.dates import clause_tense, date_events, date_for, find_doc_timexes, verb_tense

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
    assert clause_tense(future[5]) == "future"
    assert [t["value"] for t in find_doc_timexes(future)] == ["2019-01-25"]  # the planned day, the Friday after
    # the act CAMEO records is the intent's expression: the day it was stated (annotation D7c)
    assert date_for(future, future[2])["value"] == "2019-01-19"


def test_dates_intention_dates_the_intended_event_not_the_agreeing(vocab: Vocab) -> None:
    doc = build(vocab, AGREED_TO_SUMMIT_IN_JUNE)
    assert [t["value"] for t in find_doc_timexes(doc)] == ["2019-06"]  # future: the next June
    summit = date_for(doc, doc[4])
    assert (summit["value"], summit["source"]) == ("2019-01-19", "published")  # planned: the day stated (D7c)
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


SAID_HAD_SEIZED = [("Officials", 1, "nsubj", "NOUN", "NNS", "official", "O"),
                   ("said", 1, "ROOT", "VERB", "VBD", "say", "O"),
                   ("Iran", 4, "nsubj", "PROPN", "NNP", "Iran", "B-GPE"),
                   ("had", 4, "aux", "AUX", "VBD", "have", "O"),
                   ("seized", 1, "ccomp", "VERB", "VBN", "seize", "O"),
                   ("a", 6, "det", "DET", "DT", "a", "O"),
                   ("tanker", 4, "dobj", "NOUN", "NN", "tanker", "O"),
                   (".", 1, "punct", "PUNCT", ".", ".", "O")]

#: No day claimed, only "no later than the publication day".
BEFORE_PUBLISHED = {"value": None, "granularity": None, "source": "before_published", "text": None,
                    "range": [None, PUBLISHED.isoformat()]}


def test_dates_past_perfect_is_before_publication_not_the_publication_day(vocab: Vocab) -> None:
    doc = build(vocab, SAID_HAD_SEIZED)
    assert date_for(doc, doc[4]) == BEFORE_PUBLISHED
    assert date_for(doc, doc[1])["source"] == "published"  # the saying is the news of the day
    would = build(vocab, SAID_HAD_SEIZED[:2] + [("Iran", 5, "nsubj", "PROPN", "NNP", "Iran", "B-GPE"),
                                                ("would", 5, "aux", "AUX", "MD", "would", "O"),
                                                ("have", 5, "aux", "AUX", "VB", "have", "O"),
                                                ("seized", 1, "ccomp", "VERB", "VBN", "seize", "O"),
                                                ("it", 5, "dobj", "PRON", "PRP", "it", "O"),
                                                (".", 1, "punct", "PUNCT", ".", ".", "O")])
    assert date_for(would, would[5])["source"] != "before_published"  # a modal perfect is no past act


def test_dates_past_perfect_keeps_its_own_date(vocab: Vocab) -> None:
    rows = SAID_HAD_SEIZED[:7] + [("on", 4, "prep", "ADP", "IN", "on", "O"),
                                  ("Friday", 7, "pobj", "PROPN", "NNP", "Friday", "B-DATE"),
                                  (".", 1, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    assert (date_for(doc, doc[4])["value"], date_for(doc, doc[4])["source"]) == ("2019-01-18", "text")


def test_dates_previously_and_previous_put_acts_before_publication(vocab: Vocab) -> None:
    adverb = build(vocab, [("Iran", 2, "nsubj", "PROPN", "NNP", "Iran", "B-GPE"),
                           ("previously", 2, "advmod", "ADV", "RB", "previously", "O"),
                           ("rejected", 2, "ROOT", "VERB", "VBD", "reject", "O"),
                           ("talks", 2, "dobj", "NOUN", "NNS", "talk", "O"),
                           (".", 2, "punct", "PUNCT", ".", ".", "O")])
    assert date_for(adverb, adverb[2]) == BEFORE_PUBLISHED
    noun = build(vocab, [("He", 1, "nsubj", "PRON", "PRP", "he", "O"),
                         ("praised", 1, "ROOT", "VERB", "VBD", "praise", "O"),
                         ("the", 4, "det", "DET", "DT", "the", "O"),
                         ("previous", 4, "amod", "ADJ", "JJ", "previous", "O"),
                         ("summit", 1, "dobj", "NOUN", "NN", "summit", "O"),
                         (".", 1, "punct", "PUNCT", ".", ".", "O")])
    assert date_for(noun, noun[4]) == BEFORE_PUBLISHED
    assert date_for(noun, noun[1])["source"] == "published"


def test_dates_participle_about_an_entity_is_background(vocab: Vocab) -> None:
    doc = build(vocab, [("An", 1, "det", "DET", "DT", "an", "O"),
                        ("American", 6, "nsubjpass", "PROPN", "NNP", "American", "B-NORP"),
                        ("killed", 1, "acl", "VERB", "VBN", "kill", "O"),
                        ("in", 2, "prep", "ADP", "IN", "in", "O"),
                        ("Syria", 3, "pobj", "PROPN", "NNP", "Syria", "B-GPE"),
                        ("was", 6, "auxpass", "AUX", "VBD", "be", "O"),
                        ("identified", 6, "ROOT", "VERB", "VBN", "identify", "O"),
                        (".", 6, "punct", "PUNCT", ".", ".", "O")])
    assert date_for(doc, doc[2]) == BEFORE_PUBLISHED
    assert date_for(doc, doc[6])["source"] == "published"  # the news act itself


def test_dates_clause_after_another_act_is_before_publication(vocab: Vocab) -> None:
    rows = [("Troops", 1, "nsubj", "NOUN", "NNS", "troop", "O"),
            ("left", 1, "ROOT", "VERB", "VBD", "leave", "O"),
            ("after", 4, "mark", "SCONJ", "IN", "after", "O"),
            ("envoys", 4, "nsubj", "NOUN", "NNS", "envoy", "O"),
            ("pulled", 1, "advcl", "VERB", "VBD", "pull", "O"),
            ("out", 4, "prt", "ADP", "RP", "out", "O"),
            (".", 1, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    # the pull-out is no later than the leaving it is ordered before, which the publication day dates (dates43:
    # the bound of the act "after" orders it against; still ``before_published``, open at its start)
    assert date_for(doc, doc[4]) == {**BEFORE_PUBLISHED, "value": "2019-01-19", "granularity": "day"}
    assert date_for(doc, doc[1])["source"] == "published"
    # "before" bounds nothing ("Troops left before envoys pulled out": the pull-out came later)
    before = build(vocab, rows[:2] + [("before", 4, "mark", "SCONJ", "IN", "before", "O")] + rows[3:])
    assert before[2].text == "before" and date_for(before, before[4])["value"] is None
    anchored = build(vocab, [("He", 2, "nsubjpass", "PRON", "PRP", "he", "O"),
                             ("was", 2, "auxpass", "AUX", "VBD", "be", "O"),
                             ("shot", 2, "ROOT", "VERB", "VBN", "shoot", "O"),
                             ("after", 2, "prep", "ADP", "IN", "after", "O"),
                             ("the", 5, "det", "DET", "DT", "the", "O"),
                             ("bombings", 3, "pobj", "NOUN", "NNS", "bombing", "O"),
                             (".", 2, "punct", "PUNCT", ".", ".", "O")])
    assert date_for(anchored, anchored[2]) == BEFORE_PUBLISHED
    dated = build(vocab, [
        ("He", 2, "nsubjpass", "PRON", "PRP", "he", "O"), ("was", 2, "auxpass", "AUX", "VBD", "be", "O"),
        ("shot", 2, "ROOT", "VERB", "VBN", "shoot", "O"), ("after", 2, "prep", "ADP", "IN", "after", "O"),
        ("Friday", 3, "pobj", "PROPN", "NNP", "Friday", "B-DATE"), (".", 2, "punct", "PUNCT", ".", ".", "O")])
    assert date_for(dated, dated[2])["source"] == "text"


def test_dates_when_clause_dates_the_act_it_modifies(vocab: Vocab) -> None:
    doc = build(vocab, [("He", 2, "nsubjpass", "PRON", "PRP", "he", "O"),
                        ("was", 2, "auxpass", "AUX", "VBD", "be", "O"),
                        ("captured", 2, "ROOT", "VERB", "VBN", "capture", "O"),
                        ("when", 5, "advmod", "SCONJ", "WRB", "when", "O"),
                        ("planes", 5, "nsubj", "NOUN", "NNS", "plane", "O"),
                        ("crashed", 2, "advcl", "VERB", "VBD", "crash", "O"),
                        ("in", 5, "prep", "ADP", "IN", "in", "O"),
                        ("December", 6, "pobj", "PROPN", "NNP", "December", "B-DATE"),
                        (".", 2, "punct", "PUNCT", ".", ".", "O")])
    captured = date_for(doc, doc[2])
    assert (captured["value"], captured["granularity"], captured["source"]) == ("2018-12", "month", "text")


def test_dates_what_an_act_is_for_is_not_earlier(vocab: Vocab) -> None:
    doc = build(vocab, [("Trump", 1, "nsubj", "PROPN", "NNP", "Trump", "B-PERSON"),
                        ("raised", 1, "ROOT", "VERB", "VBD", "raise", "O"),
                        ("it", 1, "dobj", "PRON", "PRP", "it", "O"),
                        ("before", 1, "prep", "ADP", "IN", "before", "O"),
                        ("flying", 3, "pcomp", "VERB", "VBG", "fly", "O"),
                        ("for", 4, "prep", "ADP", "IN", "for", "O"),
                        ("talks", 5, "pobj", "NOUN", "NNS", "talk", "O"),
                        (".", 1, "punct", "PUNCT", ".", ".", "O")])
    assert date_for(doc, doc[6])["source"] == "published"
    assert date_for(doc, doc[4]) == BEFORE_PUBLISHED  # the flying followed the raising, both before the report


def test_dates_stretch_measured_from_another_act_is_before_publication(vocab: Vocab) -> None:
    doc = build(vocab, [("In", 5, "prep", "ADP", "IN", "in", "O"),
                        ("months", 0, "pobj", "NOUN", "NNS", "month", "O"),
                        ("after", 1, "prep", "ADP", "IN", "after", "O"),
                        ("strikes", 2, "pobj", "NOUN", "NNS", "strike", "O"),
                        ("families", 5, "nsubj", "NOUN", "NNS", "family", "O"),
                        ("filed", 5, "ROOT", "VERB", "VBD", "file", "O"),
                        ("lawsuits", 5, "dobj", "NOUN", "NNS", "lawsuit", "O"),
                        (".", 5, "punct", "PUNCT", ".", ".", "O")])
    assert date_for(doc, doc[6]) == BEFORE_PUBLISHED
    assert date_for(doc, doc[5]) == BEFORE_PUBLISHED


# "Police closed the square on Sunday and detained dozens, warning others."
CLOSED_SUNDAY_AND_DETAINED = [("Police", 1, "nsubj", "NOUN", "NNS", "police", "O"),
                              ("closed", 1, "ROOT", "VERB", "VBD", "close", "O"),
                              ("the", 3, "det", "DET", "DT", "the", "O"),
                              ("square", 1, "dobj", "NOUN", "NN", "square", "O"),
                              ("on", 1, "prep", "ADP", "IN", "on", "O"),
                              ("Sunday", 4, "pobj", "PROPN", "NNP", "Sunday", "B-DATE"),
                              ("and", 1, "cc", "CCONJ", "CC", "and", "O"),
                              ("detained", 1, "conj", "VERB", "VBD", "detain", "O"),
                              ("dozens", 7, "dobj", "NOUN", "NNS", "dozen", "O"),
                              (",", 7, "punct", "PUNCT", ",", ",", "O"),
                              ("warning", 7, "advcl", "VERB", "VBG", "warn", "O"),
                              ("others", 10, "dobj", "NOUN", "NNS", "other", "O"),
                              (".", 1, "punct", "PUNCT", ".", ".", "O")]


def test_dates_conjunct_and_participle_inherit_the_date_of_their_verb(vocab: Vocab) -> None:
    doc = build(vocab, CLOSED_SUNDAY_AND_DETAINED)
    assert date_for(doc, doc[1])["source"] == "text"
    detained = date_for(doc, doc[7])
    assert (detained["value"], detained["source"], detained["text"]) == ("2019-01-13", "inherited", "Sunday")
    warning = date_for(doc, doc[10])  # a participle of the conjunct: up the chain to "closed"
    assert (warning["value"], warning["source"]) == ("2019-01-13", "inherited")
    component = build(vocab, CLOSED_SUNDAY_AND_DETAINED)
    component._.events = [{"span": [component[7].idx, component[7].idx + 8], "date": {"value": None},
                           "location": None, "evidence": {"rules": {}}}]
    date_events(component)
    assert component._.events[0]["evidence"]["rules"]["date"] == "_date_with:inherited"


def test_dates_bare_participle_conjunct_shares_the_tense_of_its_verb(vocab: Vocab) -> None:
    # "Police closed the square on Sunday and detained dozens." with "detained" tagged as a participle
    rows = [row if i != 7 else ("detained", 1, "conj", "VERB", "VBN", "detain", "O")
            for i, row in enumerate(CLOSED_SUNDAY_AND_DETAINED)]
    doc = build(vocab, rows)
    assert verb_tense(doc[7]) == "past"
    detained = date_for(doc, doc[7])
    assert (detained["value"], detained["source"]) == ("2019-01-13", "inherited")
    # with an auxiliary of its own it keeps its own tense: "closed ... and will be detained" is not past
    future = rows[:7] + [("will", 9, "aux", "AUX", "MD", "will", "O"), ("be", 9, "auxpass", "AUX", "VB", "be", "O"),
                         ("detained", 1, "conj", "VERB", "VBN", "detain", "O"), (".", 1, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, future)
    assert verb_tense(doc[9]) == "future"
    assert date_for(doc, doc[9])["source"] != "inherited"


def test_dates_conjunct_of_another_tense_does_not_inherit(vocab: Vocab) -> None:
    # "Police closed the square on Sunday and will detain dozens."
    rows = CLOSED_SUNDAY_AND_DETAINED[:7] + [("will", 8, "aux", "AUX", "MD", "will", "O"),
                                             ("detain", 1, "conj", "VERB", "VB", "detain", "O"),
                                             ("dozens", 8, "dobj", "NOUN", "NNS", "dozen", "O"),
                                             (".", 1, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    assert date_for(doc, doc[8])["source"] == "published"


def test_dates_clause_ordered_against_a_dated_act_shares_its_date(vocab: Vocab) -> None:
    # "Troops left the town in 2009 after rebels opened fire."
    rows = [("Troops", 1, "nsubj", "NOUN", "NNS", "troop", "O"), ("left", 1, "ROOT", "VERB", "VBD", "leave", "O"),
            ("the", 3, "det", "DET", "DT", "the", "O"), ("town", 1, "dobj", "NOUN", "NN", "town", "O"),
            ("in", 1, "prep", "ADP", "IN", "in", "O"), ("2009", 4, "pobj", "NUM", "CD", "2009", "B-DATE"),
            ("after", 8, "mark", "SCONJ", "IN", "after", "O"), ("rebels", 8, "nsubj", "NOUN", "NNS", "rebel", "O"),
            ("opened", 1, "advcl", "VERB", "VBD", "open", "O"), ("fire", 8, "dobj", "NOUN", "NN", "fire", "O"),
            (".", 1, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    opened = date_for(doc, doc[8])
    assert (opened["value"], opened["granularity"], opened["source"]) == ("2009", "year", "inherited")
    undated = build(vocab, rows[:4] + [(w, h - 2 if h > 4 else h, d, p, t, l, e) for w, h, d, p, t, l, e in rows[6:]])
    assert undated[6].text == "opened"
    assert date_for(undated, undated[6])["source"] == "before_published"  # no date to share


def test_dates_reduced_passive_resolves_a_weekday_to_the_past(vocab: Vocab) -> None:
    # "Aides leaked the remark made Friday." on Thursday 2019-01-17: the Friday before, not after.
    rows = [("Aides", 1, "nsubj", "NOUN", "NNS", "aide", "O"), ("leaked", 1, "ROOT", "VERB", "VBD", "leak", "O"),
            ("the", 3, "det", "DET", "DT", "the", "O"), ("remark", 1, "dobj", "NOUN", "NN", "remark", "O"),
            ("made", 3, "acl", "VERB", "VBN", "make", "O"), ("Friday", 4, "npadvmod", "PROPN", "NNP", "Friday", "B-DATE"),
            (".", 1, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows, published=dt.date(2019, 1, 17))
    assert clause_tense(doc[5]) == "past"
    made = date_for(doc, doc[4])
    assert (made["value"], made["source"]) == ("2019-01-11", "text")
    doc._.events = [{"span": [doc[4].idx, doc[4].idx + 4], "date": {"value": None}, "location": None,
                     "evidence": {"rules": {}}}]
    date_events(doc)
    assert doc._.events[0]["date"]["value"] == "2019-01-11" and "_timex" not in doc._.events[0]["date"]
    assert doc._.events[0]["evidence"]["rules"]["date"] == "_date_with:text+reduced_passive"
    # With an auxiliary it is the verb's own tense: "the remark is made Friday" looks ahead.
    aux = build(vocab, rows[:4] + [("is", 5, "auxpass", "AUX", "VBZ", "be", "O")]
                + [(w, h + 1 if h > 3 else h, d, p, t, l, e) for w, h, d, p, t, l, e in rows[4:]],
                published=dt.date(2019, 1, 17))
    assert clause_tense(aux[6]) != "past"


def test_dates_the_next_year_counts_from_the_last_year_named(vocab: Vocab) -> None:
    # "Troops left in 2008. The next year they returned."
    rows = [("Troops", 1, "nsubj", "NOUN", "NNS", "troop", "O"), ("left", 1, "ROOT", "VERB", "VBD", "leave", "O"),
            ("in", 1, "prep", "ADP", "IN", "in", "O"), ("2008", 2, "pobj", "NUM", "CD", "2008", "B-DATE"),
            (".", 1, "punct", "PUNCT", ".", ".", "O"),
            ("The", 7, "det", "DET", "DT", "the", "O"), ("next", 7, "amod", "ADJ", "JJ", "next", "B-DATE"),
            ("year", 9, "npadvmod", "NOUN", "NN", "year", "I-DATE"), ("they", 9, "nsubj", "PRON", "PRP", "they", "O"),
            ("returned", 9, "ROOT", "VERB", "VBD", "return", "O"), (".", 9, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    doc._.events = [{"span": [doc[9].idx, doc[9].idx + 8], "date": {"value": None}, "location": None,
                     "evidence": {"rules": {}}}]
    date_events(doc)
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("2008", "2008"), ("The next year", "2009")]
    assert doc._.events[0]["date"]["value"] == "2009"
    assert doc._.events[0]["evidence"]["rules"]["date"] == "_date_with:text+anaphoric"
    alone = build(vocab, [(w, h - 5, d, p, t, l, e) for w, h, d, p, t, l, e in rows[5:]])
    alone._.events = [{"span": [alone[4].idx, alone[4].idx + 8], "date": {"value": None}, "location": None}]
    date_events(alone)
    assert [t["value"] for t in alone._.timexes] == ["2020"]  # no year named before: counted from publication
    assert alone._.events[0]["date"]["value"] == "2019-01-19"  # and a past act is not after the report


#: "Officials said Friday the ministry opposes the plan." (a ccomp of a dated report)
SAID_FRIDAY_OPPOSES = [("Officials", 1, "nsubj", "NOUN", "NNS", "official", "O"),
                       ("said", 1, "ROOT", "VERB", "VBD", "say", "O"),
                       ("Friday", 1, "npadvmod", "PROPN", "NNP", "Friday", "B-DATE"),
                       ("the", 4, "det", "DET", "DT", "the", "O"),
                       ("ministry", 5, "nsubj", "NOUN", "NN", "ministry", "O"),
                       ("opposes", 1, "ccomp", "VERB", "VBZ", "oppose", "O"),
                       ("the", 7, "det", "DET", "DT", "the", "O"),
                       ("plan", 5, "dobj", "NOUN", "NN", "plan", "O"),
                       (".", 1, "punct", "PUNCT", ".", ".", "O")]


def test_dates_what_a_dated_report_says_holds_takes_its_day(vocab: Vocab) -> None:
    doc = build(vocab, SAID_FRIDAY_OPPOSES)
    opposes = date_for(doc, doc[5])
    assert (opposes["value"], opposes["source"], opposes["text"]) == ("2019-01-18", "inherited", "Friday")
    component = build(vocab, SAID_FRIDAY_OPPOSES)
    component._.events = [{"span": [component[5].idx, component[5].idx + 7], "date": {"value": None},
                           "location": None, "evidence": {"rules": {}}}]
    date_events(component)
    assert component._.events[0]["date"]["value"] == "2019-01-18"
    assert "_rule" not in component._.events[0]["date"]
    assert component._.events[0]["evidence"]["rules"]["date"] == "_date_with:inherited+reported"


def _said_friday(aux: tuple[str, str, str] | None, verb: tuple[str, str, str]) -> list[tuple[str, int, str, str, str, str, str]]:
    """"Officials said Friday the ministry [aux] verb the plan." with (word, tag, lemma) of each."""
    at = 5 if aux is None else 6  # index of the reported verb
    rows = SAID_FRIDAY_OPPOSES[:4] + [("ministry", at, "nsubj", "NOUN", "NN", "ministry", "O")]
    if aux is not None:
        rows.append((aux[0], at, "aux", "AUX", aux[1], aux[2], "O"))
    rows += [(verb[0], 1, "ccomp", "VERB", verb[1], verb[2], "O"), ("the", at + 2, "det", "DET", "DT", "the", "O"),
             ("plan", at, "dobj", "NOUN", "NN", "plan", "O"), (".", 1, "punct", "PUNCT", ".", ".", "O")]
    return rows


def test_dates_a_reported_perfect_past_or_future_is_not_the_report_day(vocab: Vocab) -> None:
    doc = build(vocab, _said_friday(("has", "VBZ", "have"), ("opposed", "VBN", "oppose")))
    # a perfect: before the report, and no later than the report's day, which it is given (dates40)
    assert (date_for(doc, doc[6])["source"], date_for(doc, doc[6])["value"]) == ("before_published", "2019-01-18")
    doc = build(vocab, _said_friday(None, ("opposed", "VBD", "oppose")))
    assert date_for(doc, doc[5])["source"] != "inherited"  # a past act reported: its day is not said
    doc = build(vocab, _said_friday(("will", "MD", "will"), ("oppose", "VB", "oppose")))
    assert date_for(doc, doc[6])["source"] == "published"
    doc = build(vocab, _said_friday(("is", "VBZ", "be"), ("weighing", "VBG", "weigh")))
    assert (date_for(doc, doc[6])["value"], date_for(doc, doc[6])["source"]) == ("2019-01-18", "inherited")


def test_dates_a_statement_reported_after_it_takes_the_report_day(vocab: Vocab) -> None:
    # "The ministry is weighing sanctions, officials told reporters Friday."
    rows = [("The", 1, "det", "DET", "DT", "the", "O"), ("ministry", 3, "nsubj", "NOUN", "NN", "ministry", "O"),
            ("is", 3, "aux", "AUX", "VBZ", "be", "O"), ("weighing", 3, "ROOT", "VERB", "VBG", "weigh", "O"),
            ("sanctions", 3, "dobj", "NOUN", "NNS", "sanction", "O"), (",", 3, "punct", "PUNCT", ",", ",", "O"),
            ("officials", 7, "nsubj", "NOUN", "NNS", "official", "O"),
            ("told", 3, "parataxis", "VERB", "VBD", "tell", "O"),
            ("reporters", 7, "dobj", "NOUN", "NNS", "reporter", "O"),
            ("Friday", 7, "npadvmod", "PROPN", "NNP", "Friday", "B-DATE"),
            (".", 3, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    weighing = date_for(doc, doc[3])
    assert (weighing["value"], weighing["source"]) == ("2019-01-18", "inherited")
    undated = build(vocab, rows[:9] + [(".", 3, "punct", "PUNCT", ".", ".", "O")])
    assert date_for(undated, undated[3])["source"] == "published"  # no day on the report: nothing to share


# Session 27 (dates5): the sentence's own frame, planned days, possessive dates, participle adjuncts.
# Published Saturday 2019-01-19 unless said otherwise.

#: "On Sunday, police said the march ended in clashes."
SUNDAY_MARCH_ENDED_IN_CLASHES = [("On", 3, "prep", "ADP", "IN", "on", "O"),
                                 ("Sunday", 0, "pobj", "PROPN", "NNP", "Sunday", "B-DATE"),
                                 (",", 3, "punct", "PUNCT", ",", ",", "O"),
                                 ("police", 4, "nsubj", "NOUN", "NNS", "police", "O"),
                                 ("said", 4, "ROOT", "VERB", "VBD", "say", "O"),
                                 ("the", 6, "det", "DET", "DT", "the", "O"),
                                 ("march", 7, "nsubj", "NOUN", "NN", "march", "O"),
                                 ("ended", 4, "ccomp", "VERB", "VBD", "end", "O"),
                                 ("in", 7, "prep", "ADP", "IN", "in", "O"),
                                 ("clashes", 8, "pobj", "NOUN", "NNS", "clash", "O"),
                                 (".", 4, "punct", "PUNCT", ".", ".", "O")]


def test_dates_a_past_act_takes_its_own_sentences_frame(vocab: Vocab) -> None:
    doc = build(vocab, SUNDAY_MARCH_ENDED_IN_CLASHES)
    clashes = date_for(doc, doc[9])
    assert (clashes["value"], clashes["source"], clashes["text"]) == ("2019-01-13", "frame", "Sunday")
    said = date_for(doc, doc[4])
    assert (said["value"], said["source"]) == ("2019-01-13", "text")  # the frame's own verb: its expression
    # a present act in the same sentence is not in the frame ("police said the march continues")
    present = build(vocab, SUNDAY_MARCH_ENDED_IN_CLASHES[:7] + [("continues", 4, "ccomp", "VERB", "VBZ", "continue", "O"),
                                                                (".", 4, "punct", "PUNCT", ".", ".", "O")])
    assert date_for(present, present[7])["source"] != "frame"


def _seoul_said_would_impose(later: bool) -> list[tuple[str, int, str, str, str, str, str]]:
    """"On Friday, Seoul said it would impose sanctions[ next week]."."""
    rows = [("On", 3, "prep", "ADP", "IN", "on", "O"), ("Friday", 0, "pobj", "PROPN", "NNP", "Friday", "B-DATE"),
            (",", 3, "punct", "PUNCT", ",", ",", "O"), ("Seoul", 4, "nsubj", "PROPN", "NNP", "Seoul", "B-GPE"),
            ("said", 4, "ROOT", "VERB", "VBD", "say", "O"), ("it", 7, "nsubj", "PRON", "PRP", "it", "O"),
            ("would", 7, "aux", "AUX", "MD", "would", "O"), ("impose", 4, "ccomp", "VERB", "VB", "impose", "O"),
            ("sanctions", 7, "dobj", "NOUN", "NNS", "sanction", "O")]
    if later:
        rows += [("next", 10, "amod", "ADJ", "JJ", "next", "B-DATE"), ("week", 7, "npadvmod", "NOUN", "NN", "week", "I-DATE")]
    return rows + [(".", 4, "punct", "PUNCT", ".", ".", "O")]


def test_dates_an_intent_told_with_would_takes_the_reports_day(vocab: Vocab) -> None:
    doc = build(vocab, _seoul_said_would_impose(False))
    impose = date_for(doc, doc[7])
    assert (impose["value"], impose["source"]) == ("2019-01-18", "frame")
    # "will" is the narrator's own future, not a report's: the publication day
    will = build(vocab, [(w if w != "would" else "will", h, d, p, t, lemma if w != "would" else "will", e)
                         for w, h, d, p, t, lemma, e in _seoul_said_would_impose(False)])
    assert date_for(will, will[7])["source"] == "published"


def test_dates_a_planned_day_gives_the_day_the_intent_was_stated(vocab: Vocab) -> None:
    doc = build(vocab, _seoul_said_would_impose(True))
    assert [(t["text"], t["value"]) for t in find_doc_timexes(doc)] == [("Friday", "2019-01-18"), ("next week", "2019-01-21")]
    doc._.events = [{"span": [doc[7].idx, doc[7].idx + 6], "date": {"value": None}, "location": None,
                     "evidence": {"rules": {}}}]
    date_events(doc)
    assert doc._.events[0]["date"]["value"] == "2019-01-18"  # Friday, when Seoul said it
    assert doc._.events[0]["evidence"]["rules"]["date"] == "_date_with:frame+planned"
    # with no dated report, the publication day (the narrator's schedule)
    plain = build(vocab, WILL_MEET_FRIDAY)
    plain._.events = [{"span": [plain[2].idx, plain[2].idx + 4], "date": {"value": None}, "location": None,
                       "evidence": {"rules": {}}}]
    date_events(plain)
    assert plain._.events[0]["date"]["value"] == "2019-01-19"
    assert plain._.events[0]["evidence"]["rules"]["date"] == "_date_with:published+planned"


#: "Police are searching for suspects in Wednesday's attack."
SEARCHING_WEDNESDAYS_ATTACK = [("Police", 2, "nsubj", "NOUN", "NNS", "police", "O"),
                               ("are", 2, "aux", "AUX", "VBP", "be", "O"),
                               ("searching", 2, "ROOT", "VERB", "VBG", "search", "O"),
                               ("for", 2, "prep", "ADP", "IN", "for", "O"),
                               ("suspects", 3, "pobj", "NOUN", "NNS", "suspect", "O"),
                               ("in", 4, "prep", "ADP", "IN", "in", "O"),
                               ("Wednesday", 9, "poss", "PROPN", "NNP", "Wednesday", "B-DATE"),
                               ("’s", 6, "case", "PART", "POS", "’s", "I-DATE"),
                               ("deadly", 9, "amod", "ADJ", "JJ", "deadly", "O"),
                               ("attack", 5, "pobj", "NOUN", "NN", "attack", "O"),
                               (".", 2, "punct", "PUNCT", ".", ".", "O")]


def test_dates_a_possessive_date_dates_its_own_noun(vocab: Vocab) -> None:
    doc = build(vocab, SEARCHING_WEDNESDAYS_ATTACK)
    assert clause_tense(doc[6]) == "present"  # not the progressive's future: the nearer Wednesday
    attack = date_for(doc, doc[9])
    assert (attack["value"], attack["source"]) == ("2019-01-16", "text")
    searching = date_for(doc, doc[2])
    assert (searching["value"], searching["source"]) == ("2019-01-19", "published")  # not the attack's day


def test_dates_a_possessive_date_placed_by_a_preposition_still_dates(vocab: Vocab) -> None:
    # "Before Friday's meeting, Kim met Pompeo."
    rows = [("Before", 6, "prep", "ADP", "IN", "before", "O"),
            ("Friday", 3, "poss", "PROPN", "NNP", "Friday", "B-DATE"),
            ("’s", 1, "case", "PART", "POS", "’s", "I-DATE"),
            ("meeting", 0, "pobj", "NOUN", "NN", "meeting", "O"),
            (",", 6, "punct", "PUNCT", ",", ",", "O"),
            ("Kim", 6, "nsubj", "PROPN", "NNP", "Kim", "B-PERSON"),
            ("met", 6, "ROOT", "VERB", "VBD", "meet", "O"),
            ("Pompeo", 6, "dobj", "PROPN", "NNP", "Pompeo", "B-PERSON"),
            (".", 6, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    met = date_for(doc, doc[6])
    assert (met["value"], met["source"]) == ("2019-01-18", "text")


def test_dates_a_participle_adjuncts_date_dates_its_past_verb(vocab: Vocab) -> None:
    # "Speaking on Thursday, the minister condemned the strikes."
    rows = [("Speaking", 6, "advcl", "VERB", "VBG", "speak", "O"), ("on", 0, "prep", "ADP", "IN", "on", "O"),
            ("Thursday", 1, "pobj", "PROPN", "NNP", "Thursday", "B-DATE"), (",", 6, "punct", "PUNCT", ",", ",", "O"),
            ("the", 5, "det", "DET", "DT", "the", "O"), ("minister", 6, "nsubj", "NOUN", "NN", "minister", "O"),
            ("condemned", 6, "ROOT", "VERB", "VBD", "condemn", "O"), ("the", 8, "det", "DET", "DT", "the", "O"),
            ("strikes", 6, "dobj", "NOUN", "NNS", "strike", "O"), (".", 6, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    condemned = date_for(doc, doc[6])
    assert (condemned["value"], condemned["source"]) == ("2019-01-17", "text")
    # with a marker it is another clause ("After speaking on Tuesday, ..."): no shared day
    marked = build(vocab, [("After", 1, "mark", "SCONJ", "IN", "after", "O")]
                   + [(w, h + 1, d, p, t, lemma, e) for w, h, d, p, t, lemma, e in rows])
    assert date_for(marked, marked[7])["source"] != "text"


def test_dates_a_frame_after_publication_never_dates_a_past_act(vocab: Vocab) -> None:
    # "Leaders will meet next week. They agreed on a plan." (one paragraph)
    rows = [("Leaders", 2, "nsubj", "NOUN", "NNS", "leader", "O"), ("will", 2, "aux", "AUX", "MD", "will", "O"),
            ("meet", 2, "ROOT", "VERB", "VB", "meet", "O"), ("next", 4, "amod", "ADJ", "JJ", "next", "B-DATE"),
            ("week", 2, "npadvmod", "NOUN", "NN", "week", "I-DATE"), (".", 2, "punct", "PUNCT", ".", ".", "O"),
            ("They", 7, "nsubj", "PRON", "PRP", "they", "O"), ("agreed", 7, "ROOT", "VERB", "VBD", "agree", "O"),
            ("on", 7, "prep", "ADP", "IN", "on", "O"), ("a", 10, "det", "DET", "DT", "a", "O"),
            ("plan", 8, "pobj", "NOUN", "NN", "plan", "O"), (".", 7, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    agreed = date_for(doc, doc[7])
    assert (agreed["value"], agreed["source"]) == ("2019-01-19", "published")


def test_dates_act_before_the_report_takes_the_date_of_the_clause_above(vocab: Vocab) -> None:
    # "Refugees crossed the bridge on Thursday after guards had lifted the blockade." (dates40): the lifting is
    # before the report and its clause hangs on a dated one: that clause's day, still ``before_published``
    rows = [("Refugees", 1, "nsubj", "NOUN", "NNS", "refugee", "O"), ("crossed", 1, "ROOT", "VERB", "VBD", "cross", "O"),
            ("the", 3, "det", "DET", "DT", "the", "O"), ("bridge", 1, "dobj", "NOUN", "NN", "bridge", "O"),
            ("on", 1, "prep", "ADP", "IN", "on", "O"), ("Thursday", 4, "pobj", "PROPN", "NNP", "Thursday", "B-DATE"),
            ("after", 9, "mark", "SCONJ", "IN", "after", "O"), ("guards", 9, "nsubj", "NOUN", "NNS", "guard", "O"),
            ("had", 9, "aux", "AUX", "VBD", "have", "O"), ("lifted", 1, "advcl", "VERB", "VBN", "lift", "O"),
            ("the", 11, "det", "DET", "DT", "the", "O"), ("blockade", 9, "dobj", "NOUN", "NN", "blockade", "O"),
            (".", 1, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    assert doc[9].text == "lifted" and doc[9].head.text == "crossed"
    lifted = date_for(doc, doc[9])
    assert (lifted["value"], lifted["source"], lifted["text"]) == ("2019-01-17", "before_published", "Thursday")
    # with no dated clause above, no value is claimed
    undated = build(vocab, rows[:4] + [(w, h - 2 if h > 4 else h, d, p, t, l, e) for w, h, d, p, t, l, e in rows[6:]])
    assert undated[7].text == "lifted"
    assert date_for(undated, undated[7]) == BEFORE_PUBLISHED


def test_dates_act_told_of_a_dated_noun_takes_its_date(vocab: Vocab) -> None:
    # "Crowds recalled the raid in 2012 on a village rebels had held." (dates40): the holding is told of the dated raid
    rows = [("Crowds", 1, "nsubj", "NOUN", "NNS", "crowd", "O"), ("recalled", 1, "ROOT", "VERB", "VBD", "recall", "O"),
            ("the", 3, "det", "DET", "DT", "the", "O"), ("raid", 1, "dobj", "NOUN", "NN", "raid", "O"),
            ("in", 3, "prep", "ADP", "IN", "in", "O"), ("2012", 4, "pobj", "NUM", "CD", "2012", "B-DATE"),
            ("on", 3, "prep", "ADP", "IN", "on", "O"), ("a", 8, "det", "DET", "DT", "a", "O"),
            ("village", 6, "pobj", "NOUN", "NN", "village", "O"), ("rebels", 11, "nsubj", "NOUN", "NNS", "rebel", "O"),
            ("had", 11, "aux", "AUX", "VBD", "have", "O"), ("held", 8, "relcl", "VERB", "VBN", "hold", "O"),
            (".", 1, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    held = date_for(doc, doc[11])
    assert (held["value"], held["source"], held["text"]) == ("2012", "before_published", "2012")
    # an expression after the publication day bounds nothing: "the raid next year on a village rebels had held"
    later = build(vocab, rows[:4] + [("next", 5, "amod", "ADJ", "JJ", "next", "B-DATE"),
                                     ("year", 3, "npadvmod", "NOUN", "NN", "year", "I-DATE")] + rows[6:])
    assert date_for(later, later[11]) == BEFORE_PUBLISHED


def test_dates_past_act_in_a_clause_of_a_dated_verb_takes_its_date(vocab: Vocab) -> None:
    # "Aides said ministers phoned Seoul on Thursday to discuss the crisis." (dates40): the discussing is the
    # phoning's, in a clause the sentence's frame does not reach
    rows = [("Aides", 1, "nsubj", "NOUN", "NNS", "aide", "O"), ("said", 1, "ROOT", "VERB", "VBD", "say", "O"),
            ("ministers", 3, "nsubj", "NOUN", "NNS", "minister", "O"), ("phoned", 1, "ccomp", "VERB", "VBD", "phone", "O"),
            ("Seoul", 3, "dobj", "PROPN", "NNP", "Seoul", "B-GPE"), ("on", 3, "prep", "ADP", "IN", "on", "O"),
            ("Thursday", 5, "pobj", "PROPN", "NNP", "Thursday", "B-DATE"), ("to", 8, "aux", "PART", "TO", "to", "O"),
            ("discuss", 3, "advcl", "VERB", "VB", "discuss", "O"), ("the", 10, "det", "DET", "DT", "the", "O"),
            ("crisis", 8, "dobj", "NOUN", "NN", "crisis", "O"), (".", 1, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    discuss = date_for(doc, doc[8])
    assert (discuss["value"], discuss["source"], discuss["text"]) == ("2019-01-17", "inherited", "Thursday")
    # the same clause under an undated verb: the publication day
    undated = build(vocab, rows[:5] + [(w, h - 2 if h > 5 else h, d, p, t, l, e) for w, h, d, p, t, l, e in rows[7:]])
    assert undated[6].text == "discuss"
    assert date_for(undated, undated[6])["source"] == "published"


def test_dates_a_bare_participle_takes_its_governors_tense(vocab: Vocab) -> None:
    # "In 2014, Washington began supporting rebels." (dates41): the gerund has no tense of its own; it is the
    # beginning's, so the sentence's frame dates it (before, a present act: the publication day)
    rows = [("In", 4, "prep", "ADP", "IN", "in", "O"), ("2014", 0, "pobj", "NUM", "CD", "2014", "B-DATE"),
            (",", 4, "punct", "PUNCT", ",", ",", "O"), ("Washington", 4, "nsubj", "PROPN", "NNP", "Washington", "B-GPE"),
            ("began", 4, "ROOT", "VERB", "VBD", "begin", "O"), ("supporting", 4, "xcomp", "VERB", "VBG", "support", "O"),
            ("rebels", 5, "dobj", "NOUN", "NNS", "rebel", "O"), (".", 4, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    supporting = date_for(doc, doc[5])
    assert (supporting["value"], supporting["source"]) == ("2014", "frame")
    # under a future verb the gerund is future too: a frame dates what happened then, not this
    future = build(vocab, rows[:4] + [("will", 5, "aux", "AUX", "MD", "will", "O"),
                                      ("begin", 5, "ROOT", "VERB", "VB", "begin", "O")]
                   + [(w, 5, d, p, t, lemma, e) if h == 4 else (w, h + 1, d, p, t, lemma, e) for w, h, d, p, t, lemma, e in rows[5:]])
    assert future[6].text == "supporting" and future[6].head.text == "begin"
    assert date_for(future, future[6])["source"] == "published"


def test_dates_an_act_done_in_a_dated_occasion_takes_its_date(vocab: Vocab) -> None:
    # "In an interview that aired Thursday, the minister vowed revenge." (dates41): the vow is made in the
    # interview, dated by the clause describing it
    rows = [("In", 9, "prep", "ADP", "IN", "in", "O"), ("an", 2, "det", "DET", "DT", "an", "O"),
            ("interview", 0, "pobj", "NOUN", "NN", "interview", "O"), ("that", 4, "nsubj", "PRON", "WDT", "that", "O"),
            ("aired", 2, "relcl", "VERB", "VBD", "air", "O"), ("Thursday", 4, "npadvmod", "PROPN", "NNP", "Thursday", "B-DATE"),
            (",", 9, "punct", "PUNCT", ",", ",", "O"), ("the", 8, "det", "DET", "DT", "the", "O"),
            ("minister", 9, "nsubj", "NOUN", "NN", "minister", "O"), ("vowed", 9, "ROOT", "VERB", "VBD", "vow", "O"),
            ("revenge", 9, "dobj", "NOUN", "NN", "revenge", "O"), (".", 9, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    vowed = date_for(doc, doc[9])
    assert (vowed["value"], vowed["source"], vowed["text"]) == ("2019-01-17", "text", "Thursday")
    # an occasion after the publication day is not the act's: "In an interview that airs next week, ..."
    later = build(vocab, rows[:5] + [("next", 6, "amod", "ADJ", "JJ", "next", "B-DATE"),
                                     ("week", 4, "npadvmod", "NOUN", "NN", "week", "I-DATE")]
                  + [(w, h + 1, d, p, t, lemma, e) if h > 5 else (w, h, d, p, t, lemma, e) for w, h, d, p, t, lemma, e in rows[6:]])
    assert later[10].text == "vowed"
    assert date_for(later, later[10])["value"] != "2019-01-24"


def test_dates_a_clause_a_counted_number_of_days_after_a_dated_act(vocab: Vocab) -> None:
    # "Kim spoke on Thursday, a day after the army fired a missile." (dates41): the firing is the day before
    rows = [("Kim", 1, "nsubj", "PROPN", "NNP", "Kim", "B-PERSON"), ("spoke", 1, "ROOT", "VERB", "VBD", "speak", "O"),
            ("on", 1, "prep", "ADP", "IN", "on", "O"), ("Thursday", 2, "pobj", "PROPN", "NNP", "Thursday", "B-DATE"),
            (",", 1, "punct", "PUNCT", ",", ",", "O"), ("a", 6, "det", "DET", "DT", "a", "O"),
            ("day", 10, "npadvmod", "NOUN", "NN", "day", "O"), ("after", 10, "mark", "SCONJ", "IN", "after", "O"),
            ("the", 9, "det", "DET", "DT", "the", "O"), ("army", 10, "nsubj", "NOUN", "NN", "army", "O"),
            ("fired", 1, "advcl", "VERB", "VBD", "fire", "O"), ("a", 12, "det", "DET", "DT", "a", "O"),
            ("missile", 10, "dobj", "NOUN", "NN", "missile", "O"), (".", 1, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    fired = date_for(doc, doc[10])
    assert (fired["value"], fired["source"]) == ("2019-01-16", "inherited")
    two = build(vocab, rows[:5] + [("two", 6, "nummod", "NUM", "CD", "two", "O"), ("days", 10, "npadvmod", "NOUN", "NNS", "day", "O")]
                + rows[7:])
    assert date_for(two, two[10])["value"] == "2019-01-15"
    # a present report is the day's news: "The vote comes a day after the army fired a missile."
    present = build(vocab, [("The", 1, "det", "DET", "DT", "the", "O"), ("vote", 2, "nsubj", "NOUN", "NN", "vote", "O"),
                            ("comes", 2, "ROOT", "VERB", "VBZ", "come", "O")]
                    + [(w, 2 if h == 1 else h - 2, d, p, t, lemma, e) for w, h, d, p, t, lemma, e in rows[5:]])
    assert present[8].text == "fired" and present[8].head.text == "comes"
    assert date_for(present, present[8])["value"] == "2019-01-18"
    # with no count the clause is only before the report ("after the army fired"): no day claimed
    plain = build(vocab, rows[:5] + [(w, h - 2, d, p, t, lemma, e) if h > 6 else (w, h, d, p, t, lemma, e) for w, h, d, p, t, lemma, e in rows[7:]])
    assert plain[8].text == "fired"
    assert date_for(plain, plain[8])["value"] != "2019-01-16"


def test_dates_an_act_after_which_another_happened_is_bounded_by_it(vocab: Vocab) -> None:
    # "After meeting the envoy, the minister spoke on Thursday." (dates43): the meeting is no later than the
    # speaking, which dates it through the clause above (dates40); "After meeting the envoy, the minister
    # spoke." has no expression at all: the speaking is the day's news, the meeting no later than it
    rows = [("After", 7, "prep", "ADP", "IN", "after", "O"), ("meeting", 0, "pcomp", "VERB", "VBG", "meet", "O"),
            ("the", 3, "det", "DET", "DT", "the", "O"), ("envoy", 1, "dobj", "NOUN", "NN", "envoy", "O"),
            (",", 7, "punct", "PUNCT", ",", ",", "O"), ("the", 6, "det", "DET", "DT", "the", "O"),
            ("minister", 7, "nsubj", "NOUN", "NN", "minister", "O"), ("spoke", 7, "ROOT", "VERB", "VBD", "speak", "O"),
            (".", 7, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    meeting = date_for(doc, doc[1])
    assert (meeting["value"], meeting["source"], meeting["range"]) == ("2019-01-19", "before_published", [None, "2019-01-19"])
    # the rule names itself
    doc._.events = [{"span": [doc[1].idx, doc[1].idx + len(doc[1].text)], "evidence": {"rules": {}}}]
    date_events(doc)
    assert doc._.events[0]["evidence"]["rules"]["date"] == "_date_with:before_published+ordered"
    # the act it is ordered against is itself earlier than the report (a perfect): no bound from it
    perfect = build(vocab, [(w, 8 if h == 7 else h, d, p, t, lemma, e) for w, h, d, p, t, lemma, e in rows[:7]]
                    + [("has", 8, "aux", "AUX", "VBZ", "have", "O"), ("spoken", 8, "ROOT", "VERB", "VBN", "speak", "O"),
                       (".", 8, "punct", "PUNCT", ".", ".", "O")])
    assert perfect[8].text == "spoken" and perfect[1].head.head.text == "spoken"
    assert date_for(perfect, perfect[1])["value"] is None


def _date_rule(doc: Doc, token_i: int) -> str:
    """``evidence.rules.date`` of an event on ``doc[token_i]`` as the dates stage names it."""
    token = doc[token_i]
    doc._.events = [{"span": [token.idx, token.idx + len(token.text)], "evidence": {"rules": {}}}]
    date_events(doc)
    return doc._.events[0]["evidence"]["rules"]["date"]


def test_dates_an_occasion_is_an_occasion_noun_and_names_itself(vocab: Vocab) -> None:
    # "At a briefing held Friday, the general warned the rebels." (mend of dates43): the warning is dated by the
    # briefing, and the rule names itself
    rows = [("At", 8, "prep", "ADP", "IN", "at", "O"), ("a", 2, "det", "DET", "DT", "a", "O"),
            ("briefing", 0, "pobj", "NOUN", "NN", "briefing", "O"), ("held", 2, "acl", "VERB", "VBN", "hold", "O"),
            ("Friday", 3, "npadvmod", "PROPN", "NNP", "Friday", "B-DATE"), (",", 8, "punct", "PUNCT", ",", ",", "O"),
            ("the", 7, "det", "DET", "DT", "the", "O"), ("general", 8, "nsubj", "NOUN", "NN", "general", "O"),
            ("warned", 8, "ROOT", "VERB", "VBD", "warn", "O"), ("the", 10, "det", "DET", "DT", "the", "O"),
            ("rebels", 8, "dobj", "NOUN", "NNS", "rebel", "O"), (".", 8, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    assert date_for(doc, doc[8])["value"] == "2019-01-18"
    assert _date_rule(doc, 8) == "_date_with:text+occasion"
    # a place is no occasion: "At a house bought Friday, the general warned the rebels" is the day's news
    house = build(vocab, rows[:2] + [("house", 0, "pobj", "NOUN", "NN", "house", "O"),
                                     ("bought", 2, "acl", "VERB", "VBN", "buy", "O")] + rows[4:])
    assert house[2].text == "house"
    assert (date_for(house, house[8])["value"], date_for(house, house[8])["source"]) == ("2019-01-19", "published")
    # an expression of another noun in the occasion's phrase dates that noun: "At a meeting that reviewed the
    # 2015 accord, the envoy walked out" is not dated 2015
    accord = build(vocab, [("At", 10, "prep", "ADP", "IN", "at", "O"), ("a", 2, "det", "DET", "DT", "a", "O"),
                           ("meeting", 0, "pobj", "NOUN", "NN", "meeting", "O"), ("that", 4, "nsubj", "PRON", "WDT", "that", "O"),
                           ("reviewed", 2, "relcl", "VERB", "VBD", "review", "O"), ("the", 7, "det", "DET", "DT", "the", "O"),
                           ("2015", 7, "nummod", "NUM", "CD", "2015", "B-DATE"), ("accord", 4, "dobj", "NOUN", "NN", "accord", "O"),
                           (",", 10, "punct", "PUNCT", ",", ",", "O"), ("envoys", 10, "nsubj", "NOUN", "NNS", "envoy", "O"),
                           ("left", 10, "ROOT", "VERB", "VBD", "leave", "O"), (".", 10, "punct", "PUNCT", ".", ".", "O")])
    assert date_for(accord, accord[10])["value"] == "2019-01-19"
    # the same clause dating the meeting itself does date the act
    dated = build(vocab, [("At", 8, "prep", "ADP", "IN", "at", "O"), ("a", 2, "det", "DET", "DT", "a", "O"),
                          ("meeting", 0, "pobj", "NOUN", "NN", "meeting", "O"), ("that", 4, "nsubj", "PRON", "WDT", "that", "O"),
                          ("ended", 2, "relcl", "VERB", "VBD", "end", "O"), ("Thursday", 4, "npadvmod", "PROPN", "NNP", "Thursday", "B-DATE"),
                          (",", 8, "punct", "PUNCT", ",", ",", "O"), ("envoys", 8, "nsubj", "NOUN", "NNS", "envoy", "O"),
                          ("left", 8, "ROOT", "VERB", "VBD", "leave", "O"), (".", 8, "punct", "PUNCT", ".", ".", "O")])
    assert date_for(dated, dated[8])["value"] == "2019-01-17"


def test_dates_a_counted_day_after_the_publication_day_is_no_date(vocab: Vocab) -> None:
    # "Kim spoke on Thursday, a day before the army fired a missile." (mend of dates43): the firing is Friday
    rows = [("Kim", 1, "nsubj", "PROPN", "NNP", "Kim", "B-PERSON"), ("spoke", 1, "ROOT", "VERB", "VBD", "speak", "O"),
            ("on", 1, "prep", "ADP", "IN", "on", "O"), ("Thursday", 2, "pobj", "PROPN", "NNP", "Thursday", "B-DATE"),
            (",", 1, "punct", "PUNCT", ",", ",", "O"), ("a", 6, "det", "DET", "DT", "a", "O"),
            ("day", 10, "npadvmod", "NOUN", "NN", "day", "O"), ("before", 10, "mark", "SCONJ", "IN", "before", "O"),
            ("the", 9, "det", "DET", "DT", "the", "O"), ("army", 10, "nsubj", "NOUN", "NN", "army", "O"),
            ("fired", 1, "advcl", "VERB", "VBD", "fire", "O"), ("a", 12, "det", "DET", "DT", "a", "O"),
            ("missile", 10, "dobj", "NOUN", "NN", "missile", "O"), (".", 1, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    assert date_for(doc, doc[10])["value"] == "2019-01-18"
    assert _date_rule(doc, 10) == "_date_with:inherited+measured"
    # "three days before" Thursday is Sunday, after a Saturday's publication: a planned day, not the act's
    later = build(vocab, rows[:5] + [("three", 6, "nummod", "NUM", "CD", "three", "O"),
                                     ("days", 10, "npadvmod", "NOUN", "NNS", "day", "O")] + rows[7:])
    assert later[5].text == "three"
    assert date_for(later, later[10])["value"] != "2019-01-20"
    assert "measured" not in _date_rule(later, 10)


def test_dates_no_bound_from_an_act_a_measured_stretch_later(vocab: Vocab) -> None:
    # "Hours after meeting the envoy, the minister spoke." (mend of dates43): hours leave the two acts on one
    # day, the speaking (the day's news) bounds the meeting; "Two years after meeting the envoy, ..." does not
    rows = [("Hours", 1, "npadvmod", "NOUN", "NNS", "hour", "O"), ("after", 8, "prep", "ADP", "IN", "after", "O"),
            ("meeting", 1, "pcomp", "VERB", "VBG", "meet", "O"), ("the", 4, "det", "DET", "DT", "the", "O"),
            ("envoy", 2, "dobj", "NOUN", "NN", "envoy", "O"), (",", 8, "punct", "PUNCT", ",", ",", "O"),
            ("the", 7, "det", "DET", "DT", "the", "O"), ("minister", 8, "nsubj", "NOUN", "NN", "minister", "O"),
            ("spoke", 8, "ROOT", "VERB", "VBD", "speak", "O"), (".", 8, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    assert date_for(doc, doc[2])["value"] == "2019-01-19"
    assert _date_rule(doc, 2) == "_date_with:before_published+ordered"
    years = build(vocab, [("Two", 1, "nummod", "NUM", "CD", "two", "O"), ("years", 2, "npadvmod", "NOUN", "NNS", "year", "O")]
                  + [(w, h + 1, d, p, t, lemma, e) for w, h, d, p, t, lemma, e in rows[1:]])
    assert years[2].text == "after" and years[3].head.text == "after"
    meeting = date_for(years, years[3])
    assert (meeting["value"], meeting["source"]) == (None, "before_published")
    assert "ordered" not in _date_rule(years, 3)


def test_dates_a_participle_past_by_its_governor_names_itself(vocab: Vocab) -> None:
    # "In 2014, Kenya began arming rebels." (mend of dates43): the frame dates the gerund, +participle says why
    rows = [("In", 4, "prep", "ADP", "IN", "in", "O"), ("2014", 0, "pobj", "NUM", "CD", "2014", "B-DATE"),
            (",", 4, "punct", "PUNCT", ",", ",", "O"), ("Kenya", 4, "nsubj", "PROPN", "NNP", "Kenya", "B-GPE"),
            ("began", 4, "ROOT", "VERB", "VBD", "begin", "O"), ("arming", 4, "xcomp", "VERB", "VBG", "arm", "O"),
            ("rebels", 5, "dobj", "NOUN", "NNS", "rebel", "O"), (".", 4, "punct", "PUNCT", ".", ".", "O")]
    doc = build(vocab, rows)
    assert _date_rule(doc, 5) == "_date_with:frame+participle"
    assert _date_rule(doc, 4) == "_date_with:text"  # the governor's own expression: no participle rule
    # a gerund with a subject of its own is no bare participle: its own (present) tense, the day's news
    own = build(vocab, rows[:5] + [("arming", 4, "xcomp", "VERB", "VBG", "arm", "O"), ("them", 5, "nsubj", "PRON", "PRP", "they", "O")]
                + rows[7:])
    assert own[6].text == "them" and own[6].head.text == "arming"
    assert _date_rule(own, 5) == "_date_with:published"
