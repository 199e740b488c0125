"""The date of the clause above (dates40, ``dates._superordinate``) as the review of session 40 mended it: the
walk stops at a noun's own phrase, a bound is an open range, and the nearer dated clause dates a past act before
the sentence's frame. Sentences written for these tests, through the real pipeline (published Saturday
2019-01-19)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language

from conftest import coded

PUBLISHED = dt.date(2019, 1, 19)


def dates_of(nlp: Language, text: str, trigger: str) -> list[dict[str, Any]]:
    return [e["date"] for e in coded(nlp, text, PUBLISHED) if e["trigger"] == trigger]


def test_a_relative_clause_of_a_noun_is_not_dated_by_the_nouns_own_verb(nlp: Language) -> None:
    # "had attacked" describes the rebel; Monday is the arrest's, not the attack's
    dates = dates_of(nlp, "The Ugandan rebel who had attacked Kenya was arrested on Monday.", "attacked")
    assert dates and all(d["value"] != "2019-01-14" for d in dates)
    assert all(d["source"] == "before_published" for d in dates)


def test_a_perfect_dated_by_the_report_above_is_no_later_than_its_day(nlp: Language) -> None:
    dates = dates_of(nlp, '"Uganda has attacked our border," Kenya said on Friday.', "attacked")
    assert dates and all(d["source"] == "before_published" and d["value"] == "2019-01-18" for d in dates)
    assert all(d["range"] == [None, "2019-01-18"] for d in dates)


def test_the_nearer_dated_clause_dates_a_past_act_before_the_sentences_frame(nlp: Language) -> None:
    text = "On Sunday, Kenyan officials said troops crossed into Uganda on Thursday to discuss the crisis."
    dates = dates_of(nlp, text, "discuss")
    assert dates and all(d["value"] == "2019-01-17" and d["source"] == "inherited" for d in dates)
