"""Session 60 (lB): a warning whose clause names an act or measure of the warner's own country as what follows
("a coup would trigger Swedish sanctions", said by Sweden) states harm from the warner: a threat, 13x, under
``_warning_threat`` (docs/annotation.md D2's first row), no longer pessimism (012, ``_warning_forecast``). The same
country's measure as the clause's subject is what is judged or foreseen, and an act it shares with others (an agreement,
talks) is its stake, no response. Invented sentences."""

from __future__ import annotations

from spacy.language import Language

from dateline.lexicon import load_lexicon


def coded(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    return [(e["cameo"], e["evidence"]["rules"].get("code")) for e in nlp(text)._.events if e["trigger"].startswith("warn")]


def test_legislation_is_a_measure() -> None:
    assert "legislation" in load_lexicon().cue("measure_noun")


def test_the_warners_own_measure_is_a_threat(nlp: Language) -> None:
    for text in ("The Swedish president warned Norway that a coup would trigger Swedish sanctions.",
                 "The Swedish prime minister warned that the vote in Norway could cost billions of dollars in Swedish aid.",
                 "The Swedish foreign minister warned Norway of a cutoff of Swedish aid."):
        events = coded(nlp, text)
        assert events and all(code[:2] == "13" and rule == "_warning_threat" for code, rule in events), (text, events)


def test_a_forecast_that_names_no_measure_of_the_warner_stays_pessimism(nlp: Language) -> None:
    events = coded(nlp, "The Swedish foreign minister warned that tensions in Norway could escalate.")
    assert events and all(code == "012" and rule == "_warning_forecast" for code, rule in events), events


def test_the_warners_measure_as_subject_or_its_treaty_is_no_threat(nlp: Language) -> None:
    events = coded(nlp, "The Swedish foreign minister warned that Norway's policy would hurt Swedish interests.")
    assert events and all(code[:2] != "13" for code, _ in events), events
    events = coded(nlp, "The Swedish foreign minister warned that the vote in Norway could affect Sweden's trade agreement with Norway.")
    assert events and all(code == "012" and rule == "_warning_forecast" for code, rule in events), events


def test_a_condition_on_the_warner_itself_makes_no_threat(nlp: Language) -> None:
    # the warner argues for its own response: the response and the attack named in its own condition hold out no harm
    events = coded(nlp, "The Swedish foreign minister warned that if Sweden does not respond to the chemical attack, "
                        "it would embolden Sweden's enemies.")
    assert events and all(code == "012" and rule == "_warning_forecast" for code, rule in events), events


def test_a_condition_on_the_hearer_stays_a_threat(nlp: Language) -> None:
    for text in ("The Swedish foreign minister warned Norway that if it sent troops, it would face the consequences.",
                 "The Swedish foreign minister warned Norway that Sweden would impose sanctions if Norway sent troops.",
                 "The Swedish foreign minister warned that if we are attacked by Norway, we will respond."):
        events = coded(nlp, text)
        assert events and all(code[:2] == "13" for code, _ in events), (text, events)


def said(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    return [(e["cameo"], e["evidence"]["rules"].get("code")) for e in nlp(text)._.events if e["trigger"] == "said"]


def test_a_statement_of_the_speakers_own_response_to_come_is_a_threat(nlp: Language) -> None:
    for text in ("The Swedish prime minister said the use of chemical weapons in Norway would trigger a Swedish military response.",
                 "The Swedish prime minister said Norway could face Swedish sanctions."):
        assert said(nlp, text) == [("130", "_threat_in_statement")], text


def test_a_response_told_as_done_or_as_the_subject_is_no_threat(nlp: Language) -> None:
    assert all(rule != "_threat_in_statement" for _, rule in said(
        nlp, "The Swedish prime minister said Swedish sanctions would hurt Norway."))
    assert all(rule != "_threat_in_statement" for _, rule in said(
        nlp, "The Swedish prime minister said the attack had drawn a Swedish response."))
    assert all(rule != "_threat_in_statement" for _, rule in said(
        nlp, "The Swedish prime minister said Norway would not face Swedish sanctions."))
