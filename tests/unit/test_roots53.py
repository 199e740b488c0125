"""CAMEO roots of statements by what they say (session 53, hL). On sentences written for these tests and parsed by
the real pipeline."""

from __future__ import annotations

from spacy.language import Language

from tests.unit.test_events_roots_objects import by_trigger


def test_a_warning_of_what_another_country_does_judges_it(nlp: Language) -> None:
    # a warning that another country's actor does or did something: 111, _warning_judgement (D13c)
    assert by_trigger(nlp, "Kenya warned that Ugandan troops had crossed the border into Kenya.", "warned") == \
        ("111", "_warning_judgement")
    # a forecast with a modal stays pessimism
    assert by_trigger(nlp, "Kenya warned that Uganda may have developed new missiles.", "warned")[0] != "111"


def test_paying_tribute_to_an_actor_is_praise(nlp: Language) -> None:
    # patterns_extra.tsv finance (pay) + tribute -> 051, not the 017 symbolic act
    assert by_trigger(nlp, "The Kenyan president paid tribute to the Ugandan leader on Monday.", "paid")[0] == "051"


def test_calling_an_actor_a_threat_judges_it(nlp: Language) -> None:
    # cue danger_label predicated of or posed by an identified actor: 111 (D13c)
    assert by_trigger(nlp, "The Kenyan president said the Ugandan militia poses a serious threat to the region.",
                      "said")[0] == "111"
    # a question whether it is one, or a demonstrative subject, judges no actor
    for text in ("The Kenyan president asked whether the Ugandan militia is a threat.",
                 "“That poses a threat to Kenya,” the Kenyan president said."):
        codes = [e["cameo"] for e in nlp(text)._.events if e["trigger"] in ("said", "asked")]
        assert "111" not in codes, text


def test_a_statement_praising_an_actor_is_praise(nlp: Language) -> None:
    # cue praise_word predicated of an identified actor: 051 (docs/annotation.md D1a)
    assert by_trigger(nlp, "The Kenyan president said Uganda is a reliable partner.", "said") == \
        ("051", "_praise_in_statement")
    assert by_trigger(nlp, "“Tanzania is a good friend of Kenya,” the Kenyan minister said.", "said")[0] == "051"
    assert by_trigger(nlp, "The Kenyan president said the Ugandan leader was sincere and honest.", "said")[0] == "051"


def test_praise_words_that_praise_no_actor_leave_the_statement(nlp: Language) -> None:
    # a forecast, a comparison, a modifier of a thing, the speaker itself, a negation: no praise
    for text in ("The Kenyan president said Uganda will be a great partner.",
                 "The Kenyan president said the Ugandan plan was more effective than the Tanzanian one.",
                 "The Kenyan president said Uganda needs good government.",
                 "The Kenyan president said we are a reliable partner of Uganda.",
                 "The Kenyan president said Uganda was not a reliable partner."):
        codes = [e["cameo"] for e in nlp(text)._.events if e["trigger"] == "said"]
        assert "051" not in codes, text


def test_praise_said_at_home_or_by_an_unplaced_speaker_is_gated_as_a_statement() -> None:
    # the statement gates read a praise statement (051, _praise_in_statement) as the plain statement it is
    from dateline.actors.countries import domestic_statement, private_statement, unplaced_statement

    def praise(src: str, tgt: str, *, sector: str | None = None, placed: str = "own_phrase") -> dict:
        return {"cameo": "051", "modality": "asserted", "negated": False, "confidence": 0.9,
                "source": {"code": src, "country": src, "sector": sector}, "target": {"code": tgt, "country": tgt},
                "evidence": {"rules": {"trigger": "verbs.tsv:say", "code": "_praise_in_statement",
                                       "source_country": placed}}}

    assert domestic_statement(praise("KEN", "KEN"))  # "the Kenyan minister said the Kenyan army was courageous"
    assert not domestic_statement(praise("KEN", "UGA"))  # praise of another state stays counted
    assert unplaced_statement(praise("KEN", "UGA", placed="article_country"))  # "the spokesman said ..."
    assert private_statement(praise("KEN", "UGA", sector="BUS"))  # a company's praise
    # another 051 (not a statement recoded by what it says) is no plain statement
    other = praise("KEN", "KEN")
    other["evidence"]["rules"]["code"] = "_verb_entry"
    assert not domestic_statement(other)


def test_praise_in_a_statement_is_scored_as_the_statement(nlp: Language) -> None:
    # the confidence features of a praise statement are those of its plain statement (010, _verb_entry)
    from dateline.confidence import DocContext, _event_features

    doc = nlp("The Kenyan president said Uganda is a reliable partner.")
    base = {"cameo": "010", "modality": "asserted", "sentence": 0, "span": [21, 25],
            "evidence": {"rules": {"trigger": "verbs.tsv:say", "code": "_verb_entry"}}}
    praised = {**base, "cameo": "051",
               "evidence": {"rules": {"trigger": "verbs.tsv:say", "code": "_praise_in_statement"}}}
    context = DocContext(sentences=1, events_per_sentence={0: 1})
    assert _event_features(praised, doc, context) == _event_features(base, doc, context)
    assert praised["cameo"] == "051"  # the event keeps its code
