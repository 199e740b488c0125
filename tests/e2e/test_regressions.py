"""Regressions found outside the feature tests, each with the real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from dateline.pipeline import code_items, sentence_article

pytestmark = pytest.mark.e2e


def test_quotes_dash_attribution_without_cue_verb(nlp: Language) -> None:
    # A body quote attributed only by a dash once raised NameError, which rejected the whole article.
    text = ("The summit ended without a deal.\n\n"
            "“We will keep talking until the sea is safe for everyone.” — Angela Merkel")
    (batch,) = code_items([sentence_article(text, published=dt.date(2019, 1, 1))], nlp=nlp)
    assert not batch.rejections
    (quote,) = batch.records[0]["quotes"]
    assert quote["speaker"]["text"] == "Angela Merkel" and quote["kind"] == "direct"
