"""The CAMEO root that an act's words decide over the lexicon's default (events.codes.root_rule),
on sentences written for these tests and parsed by the real pipeline: statements that blame or
criticise, intents of hostile acts named by nouns, warnings that forecast or appeal, and
unconventional violence."""

from __future__ import annotations

from spacy.language import Language


def coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e["cameo"], (e["source"] or {}).get("text"), (e["target"] or {}).get("text"),
             e["evidence"]["rules"].get("code")) for e in nlp(text)._.events]


def test_expressed_impatience_is_disapproval(nlp: Language) -> None:
    events = coded(nlp, "The Kenyan government expressed impatience with Uganda's refusal to talk.")
    assert ("111", "Kenyan government", "Uganda", "_disapproval") in events


def test_said_content_criticises_unless_negated(nlp: Language) -> None:
    assert coded(nlp, "The Kenyan foreign minister said Uganda's drills were reckless.")[0][0] == "111"
    assert coded(nlp, "The Kenyan foreign minister said Uganda's drills were not reckless.")[0][0] == "010"


def test_suicide_bombers_assault_troops_fight(nlp: Language) -> None:
    assert coded(nlp, "Suicide bombers attacked a rally in Kenya.")[0][0][:2] == "18"
    assert coded(nlp, "Suicide bombers attacked a rally in Kenya.")[0][3] == "_unconventional"
    assert coded(nlp, "Kenyan troops attacked Somali militia positions.")[0][0][:2] == "19"


def test_preparing_an_attack_is_a_threat_preparing_talks_an_intent(nlp: Language) -> None:
    roots = {(code[:2], rule) for code, _, _, rule in coded(nlp, "Kenya is preparing an attack on Somalia.")}
    assert ("13", "_intent_of") in roots
    assert {code[:2] for code, *_ in coded(nlp, "Kenya is preparing talks with Somalia.")} == {"03", "04"}


def test_warning_that_forecasts_blame_is_criticism(nlp: Language) -> None:
    events = coded(nlp, "The Kenyan foreign minister warned that Uganda's drills were a reckless provocation.")
    assert [(code, rule) for code, _, _, rule in events] == [("111", "_disapproval")]


def test_warning_of_own_strike_stays_a_threat(nlp: Language) -> None:
    roots = [code[:2] for code, *_ in coded(nlp, "Kenya warned Uganda that we will strike its camps.")]
    assert "13" in roots


def test_warning_against_is_an_appeal_at_home_a_threat_abroad(nlp: Language) -> None:
    home = coded(nlp, "Senators warned the White House against a deal with Iran.")
    assert home == [("020", "Senators", "White House", "_warning_appeal")]
    abroad = coded(nlp, "The American ambassador warned Iran against a deal with Russia.")
    assert [code[:2] for code, *_ in abroad] == ["13"]
