"""nonacts44: events told in page furniture inside the article body are not counted (docs/annotation.md D19a, D36):
a headline or teaser line (rule gate `headline_line`: a paragraph of one sentence, on one line, with no closing mark,
in a headline's grammar), a paragraph opened by a furniture label (`furniture_label`, cue `furniture_label`: "CLOSE",
"FILE PHOTO", "Story highlights", "Analysis:"), a paragraph that closes on a photo or video credit (`caption_credit`,
cue `credit_word`) and a sentence the body repeats word for word (`repeated_sentence`, D36b). Invented sentences; the
article's own prose around them stays counted."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.actors.countries import (CAPTION_CREDIT, FURNITURE_LABEL, HEADLINE_LINE, REPEATED_SENTENCE,
                                       caption_credit, furniture_label, headline_line, repeated_sentence)
from dateline.lexicon import cue_words

BODY = "The Kenyan foreign minister met his Ugandan counterpart in Nairobi on Monday."


def gates(nlp: Language, text: str, trigger: str) -> list[Any]:
    """The gate named on each event of ``trigger`` in ``text`` coded by the real pipeline (None: counted)."""
    events = [e for e in nlp(text)._.events if e["trigger"] == trigger]
    assert events, text
    for e in events:
        assert bool(e.get("counted")) == (((e.get("evidence") or {}).get("rules") or {}).get("gate") is None), text
    return [((e.get("evidence") or {}).get("rules") or {}).get("gate") for e in events]


def test_furniture_needs_the_parse() -> None:
    event = {"cameo": "040", "trigger": "met", "span": [0, 3], "evidence": {"rules": {}}}
    assert not headline_line(event, None) and not furniture_label(event, None) and not repeated_sentence(event, None)
    assert not caption_credit(event, None)


def test_the_furniture_labels_are_cues() -> None:
    assert {"close", "file photo", "story highlights", "editor's note", "analysis"} <= cue_words("furniture_label")


def test_a_headline_line_inside_the_body(nlp: Language) -> None:
    assert HEADLINE_LINE in gates(nlp, "Kenyan president welcomes Ugandan offer of talks\n\n" + BODY, "welcomes")
    assert HEADLINE_LINE in gates(nlp, "Kenya to hold talks with Uganda on border\n\n" + BODY, "talks")
    # the body's own sentence after it stays counted
    assert gates(nlp, "Kenya to hold talks with Uganda on border\n\n" + BODY, "met") == [None]


def test_lines_that_are_prose_stay_counted(nlp: Language) -> None:
    # past tense: a sentence of the article that lost its full stop
    assert gates(nlp, "Kenya held talks with Uganda on the border\n\n" + BODY, "talks") == [None]
    # a headline's grammar with a full stop, or beside another sentence of its paragraph, is prose
    assert gates(nlp, "Kenya welcomes Uganda's offer of talks on the border. " + BODY + "\n\nMore follows.",
                 "welcomes") == [None]


def test_a_paragraph_opened_by_a_furniture_label(nlp: Language) -> None:
    assert gates(nlp, "CLOSE Kenyan troops attacked rebel camps in Uganda on Monday.\n\n" + BODY,
                 "attacked") == [FURNITURE_LABEL]
    assert gates(nlp, "Analysis: Kenyan troops attacked rebel camps in Uganda on Monday.\n\n" + BODY,
                 "attacked") == [FURNITURE_LABEL]
    assert gates(nlp, "FILE PHOTO - Kenyan troops attacked rebel camps in Uganda on Monday.\n\n" + BODY,
                 "attacked") == [FURNITURE_LABEL]
    # a label's word opening prose, not written as a label, is prose
    assert gates(nlp, "Close to the border, Kenyan troops attacked rebel camps in Uganda on Monday.\n\n" + BODY,
                 "attacked") == [None]
    assert gates(nlp, "Analysis of the talks went on as Kenyan troops attacked rebel camps in Uganda.\n\n" + BODY,
                 "attacked") == [None]


def test_a_sentence_the_body_repeats(nlp: Language) -> None:
    text = BODY + " Talks went on.\n\n" + BODY
    assert gates(nlp, text, "met") == [None, REPEATED_SENTENCE]  # the first telling counts, the copy does not
    assert gates(nlp, BODY + " Talks went on.", "met") == [None]


def test_a_paragraph_that_closes_on_a_credit(nlp: Language) -> None:
    text = "Kenyan police clash with protesters in Nairobi. Photo: Jane Doe/AFP/Getty Images\n\n" + BODY
    assert CAPTION_CREDIT in gates(nlp, text, "clash")
    assert gates(nlp, text, "met") == [None]
    assert gates(nlp, "Kenyan troops attacked rebel camps in Uganda on Monday, a video posted online showed. VPC\n\n"
                 + BODY, "attacked") == [CAPTION_CREDIT]
    # a credit word inside prose, or a paragraph closed by a full stop, is prose
    assert gates(nlp, "Kenyan troops attacked rebel camps in Uganda on Monday, the AP reported.\n\n" + BODY,
                 "attacked") == [None]
