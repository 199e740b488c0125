"""An active verb the verb's roles and the side chooser leave with no doer takes the article's own country as its
source (dateline.actors.countries.subjectless_source, eval/README.md "Session 43: sources43"), on sentences written
for these tests and parsed by the real pipeline."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.actors.countries import SUBJECTLESS_RULE, subjectless_source

KENYA = ("Kenya held elections on Monday. Kenyan voters queued for hours in Kenya, and Uganda sent observers. "
         "Kenya's electoral board praised the turnout. ")


def event_on(nlp: Language, text: str, trigger: str) -> dict[str, Any]:
    found = [e for e in nlp(text)._.events if e["trigger"] == trigger]
    assert found, f"no event on {trigger!r}"
    return found[0]


def test_a_subjectless_gerund_is_done_by_the_articles_country(nlp: Language) -> None:
    event = event_on(nlp, KENYA + "Arresting the opposition leader on Tuesday drew criticism.", "Arresting")
    assert event["source"]["country"] == "KEN"
    assert event["source"]["text"] == "Kenya"  # no words name the doer: the country's name
    rules = event["evidence"]["rules"]
    assert (rules["source"], rules["source_country"]) == (SUBJECTLESS_RULE, "article_country")


def test_no_doer_when_no_country_dominates_the_article(nlp: Language) -> None:
    text = ("Kenya and Uganda held talks. Uganda and Kenya disagreed. The talks ended early. "
            "Arresting the opposition leader on Tuesday drew criticism.")
    event = event_on(nlp, text, "Arresting")
    assert event["evidence"]["rules"].get("source") != SUBJECTLESS_RULE


def test_only_a_verb_of_the_verb_roles_with_no_source_is_filled(nlp: Language) -> None:
    doc = nlp(KENYA + "Arresting the opposition leader on Tuesday drew criticism.")
    # a side already found, or another rule's event (an event noun), is left as it is
    named = {"span": [0, 4], "source": {"text": "Uganda", "code": "UGA", "country": "UGA", "sector": None},
             "evidence": {"rules": {"source": "_verb_roles"}}}
    subjectless_source(doc, None, named)  # type: ignore[arg-type]
    assert named["source"]["code"] == "UGA"
    noun = {"span": [0, 4], "source": None, "evidence": {"rules": {"source": "_noun_events"}}}
    subjectless_source(doc, None, noun)  # type: ignore[arg-type]
    assert noun["source"] is None


def test_a_passive_with_no_doer_keeps_no_source(nlp: Language) -> None:
    doc = nlp(KENYA + "The opposition leader was criticised on Tuesday.")
    start = doc.text.index("criticised")
    event = {"span": [start, start + len("criticised")], "sentence": 3, "source": None,
             "evidence": {"rules": {"source": "_verb_roles"}}}
    subjectless_source(doc, None, event)  # type: ignore[arg-type]
    assert event["source"] is None
