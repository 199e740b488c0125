"""nonacts44: events told in page furniture inside the article body are not counted (docs/annotation.md D19a, D36):
a headline or teaser line (rule gate `headline_line`: a paragraph of one sentence, on one line, with no closing mark,
in a headline's grammar), a paragraph opened by a furniture label (`furniture_label`, cue `furniture_label`: "CLOSE",
"FILE PHOTO", "Story highlights", "Analysis:"), a paragraph that closes on a photo or video credit (`caption_credit`,
cue `credit_word`) and a sentence the body repeats word for word (`repeated_sentence`, D36b). Invented sentences; the
article's own prose around them stays counted. The session-44 mend's negative cases (comb44): a news sentence that lost
its full stop (longer than a headline), a quoted line said twice on purpose, a sentence that names the AP or Reuters
as its own words."""

from __future__ import annotations

from spacy.language import Language
from test_nonacts42 import gates  # tests/unit is on sys.path (pytest prepend import mode)

from dateline.actors.countries import (CAPTION_CREDIT, FURNITURE_LABEL, HEADLINE_LINE, REPEATED_SENTENCE,
                                       caption_credit, furniture_label, headline_line, repeated_sentence)
from dateline.lexicon import cue_words

BODY = "The Kenyan foreign minister met his Ugandan counterpart in Nairobi on Monday."


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


# session 44 mend (comb44): what the furniture gates must leave counted


def named_gates(nlp: Language, text: str, trigger: str) -> list[str | None]:
    """The gate named on each event of ``trigger`` (counted or not: another rule may leave it uncounted)."""
    events = [e for e in nlp(text)._.events if e["trigger"] == trigger]
    assert events, text
    return [e["evidence"]["rules"].get("gate") for e in events]


def test_a_long_sentence_that_lost_its_full_stop_is_prose(nlp: Language) -> None:
    # a headline's present tense, but longer than a headline: a sentence of the article with no closing mark
    text = ("The Kenyan government accuses Uganda of arming the rebels who attacked border posts in the north on "
            "Monday and Tuesday\n\n" + BODY)
    assert HEADLINE_LINE not in named_gates(nlp, text, "accuses")
    assert HEADLINE_LINE in named_gates(nlp, "Kenya accuses Uganda of arming rebels\n\n" + BODY, "accuses")


def test_a_quoted_line_said_twice_on_purpose_stays(nlp: Language) -> None:
    line = "\u201cKenyan troops attacked the rebel camps in Uganda.\u201d"
    text = (line + " The Kenyan president said it in Nairobi on Monday.\n\nOn Friday he went to the border. " + line
            + " He said it again there.")
    assert named_gates(nlp, text, "attacked") == [None, None]
    # the same words told as the article's own sentence twice: a copy
    copy = "Kenyan troops attacked the rebel camps in Uganda on Monday."
    assert named_gates(nlp, copy + " Talks went on.\n\n" + copy, "attacked") == [None, REPEATED_SENTENCE]


def test_a_sentence_that_names_the_agency_is_no_credit(nlp: Language) -> None:
    for text in ("Kenyan troops attacked rebel camps in Uganda on Monday, an army spokesman told the AP",
                 "Kenyan troops attacked rebel camps in Uganda on Monday. The army said so in an interview with Reuters",
                 "Kenyan troops attacked rebel camps in Uganda on Monday, according to AFP"):
        assert CAPTION_CREDIT not in gates(nlp, text + "\n\n" + BODY, "attacked"), text
    # a credit line after the caption, with a connector word, is a credit
    assert gates(nlp, "Kenyan troops attacked rebel camps in Uganda on Monday. Jane Doe/Pool via Reuters\n\n" + BODY,
                 "attacked") == [CAPTION_CREDIT]
