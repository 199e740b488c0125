"""An active verb, or an event noun not of violence, that the rules and the side chooser leave with no doer takes the
article's own country as its source, after the confidence has scored it (dateline.actors.countries.subjectless_source,
dateline.actors.resolution.counted_fallbacks; eval/sessions/43.md "sources43" and "Session 43: sources43b"),
on sentences written for these tests and parsed by the real pipeline."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.actors.countries import DOERLESS_NOUN_RULE, SUBJECTLESS_RULE, subjectless_source
from dateline.actors.resolution import FALLBACKS_STAGE
from dateline.confidence import score_events

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
    violence = {"span": [0, 4], "source": None, "cameo": "180", "evidence": {"rules": {"source": "_noun_events"}}}
    subjectless_source(doc, None, violence)  # type: ignore[arg-type]
    assert violence["source"] is None  # an assault told by a noun: its doer is mostly unknown or foreign
    other = {"span": [0, 4], "source": None, "cameo": "040", "evidence": {"rules": {"source": "_noun_place"}}}
    subjectless_source(doc, None, other)  # type: ignore[arg-type]
    assert other["source"] is None


def test_a_passive_with_no_doer_keeps_no_source(nlp: Language) -> None:
    doc = nlp(KENYA + "The opposition leader was criticised on Tuesday.")
    start = doc.text.index("criticised")
    event = {"span": [start, start + len("criticised")], "sentence": 3, "source": None,
             "evidence": {"rules": {"source": "_verb_roles"}}}
    subjectless_source(doc, None, event)  # type: ignore[arg-type]
    assert event["source"] is None


def test_an_event_noun_with_no_doer_is_the_articles_countrys(nlp: Language) -> None:
    event = event_on(nlp, KENYA + "Talks with the opposition leader ended on Tuesday without a deal.", "Talks")
    assert event["source"]["country"] == "KEN"
    rules = event["evidence"]["rules"]
    assert (rules["source"], rules["source_country"]) == (DOERLESS_NOUN_RULE, "article_country")


def test_a_violent_event_noun_with_no_doer_keeps_no_source(nlp: Language) -> None:
    event = event_on(nlp, KENYA + "The attack on the opposition leader's convoy on Tuesday killed two guards.",
                     "attack")
    assert event["source"] is None


def test_the_filled_source_changes_no_confidence_nor_counting(nlp: Language) -> None:
    doc = nlp(KENYA + "Arresting the opposition leader on Tuesday drew criticism.")
    event = next(e for e in doc._.events if e["trigger"] == "Arresting")
    assert event["evidence"]["rules"]["source"] == SUBJECTLESS_RULE
    scored = (event["confidence"], event["counted"])
    # scored again as the rules and the chooser left it (no source): the same confidence and counting
    event["source"] = None
    event["evidence"]["rules"] = {**event["evidence"]["rules"], "source": "_verb_roles"}
    event["evidence"]["rules"].pop("source_country", None)
    score_events(doc)
    assert (event["confidence"], event["counted"]) == scored


def test_the_models_training_data_is_coded_without_the_fill(nlp: Language) -> None:
    # dateline.train.judged_events codes the models' data so: the sides the confidence scored, none filled after it
    text = KENYA + "Arresting the opposition leader on Tuesday drew criticism."
    assert nlp.pipe_names[-2:] == ["dateline_confidence", FALLBACKS_STAGE]
    with nlp.select_pipes(disable=[FALLBACKS_STAGE]):
        bare = event_on(nlp, text, "Arresting")
    assert bare["source"] is None
    assert bare["evidence"]["rules"]["source"] == "_verb_roles"
    filled = event_on(nlp, text, "Arresting")  # on again once the stage is enabled
    # judged_events' own path: dateline.nlp.parse with the stage disabled for that run only
    from dateline.nlp import parse
    from dateline.pipeline import sentence_article

    (_, doc), = parse([sentence_article(text)], nlp=nlp, disable=[FALLBACKS_STAGE])
    assert next(e for e in doc._.events if e["trigger"] == "Arresting")["source"] is None
    assert FALLBACKS_STAGE not in nlp.disabled
    assert filled["evidence"]["rules"]["source"] == SUBJECTLESS_RULE
    assert (filled["confidence"], filled["counted"]) == (bare["confidence"], bare["counted"])
