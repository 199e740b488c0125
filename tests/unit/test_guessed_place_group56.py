"""Session 56, hX: a state's fighting with no target and no place named, which ``missing_target`` aimed only at a
guessed country (the article's or the source's own: ``GUESSED_PLACE_STRATEGIES``), is aimed at the armed group
named in its sentence or the ``GUESSED_PLACE_LOOKBACK`` before, not only the one before
(actors.countries.armed_group_target). A place the sentence names keeps the short look-back. Sentences written for
these tests."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.actors.countries import ARMED_GROUP_LOOKBACK, GUESSED_PLACE_LOOKBACK

BEFORE = ("Islamic State fighters seized the town of Qaryat in March. The town's mayor fled with his family. "
          "Aid groups said food was running short. ")


def _event(nlp: Language, text: str, trigger: str) -> dict[str, Any]:
    (event,) = [e for e in nlp(text)._.events if e["trigger"] == trigger]
    return event


def test_the_guessed_place_look_back_is_longer() -> None:
    assert GUESSED_PLACE_LOOKBACK > ARMED_GROUP_LOOKBACK


def test_a_guessed_place_gives_way_to_a_group_named_further_back(nlp: Language) -> None:
    event = _event(nlp, BEFORE + "U.S. jets carried out airstrikes overnight.", "airstrikes")
    assert event["target"]["code"] == "IMGMUSISI"
    assert event["evidence"]["rules"]["target"] == "armed_group_target"


def test_a_place_the_sentence_names_keeps_the_short_look_back(nlp: Language) -> None:
    event = _event(nlp, BEFORE + "U.S. jets bombed targets in Syria overnight.", "bombed")
    assert event["target"]["code"] == "SYR"
