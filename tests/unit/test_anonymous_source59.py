"""A statement an unnamed speaker makes to the press (``anonymous_source``, session 59, kC): "a senior official told
the Associated Press that ...", the article's anonymous source relaying what it was told, no statement toward anyone.
docs/annotation.md D1a, D1c, D1d. Invented sentences through the real pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language


def _gates(nlp: Language, text: str, trigger: str) -> list[str | None]:
    return [e["evidence"]["rules"].get("gate") for e in nlp(text)._.events if e["trigger"] == trigger]


@pytest.mark.parametrize("text", [
    "A senior Kenyan official told the Associated Press that Uganda was a reliable partner.",
    "Kenyan officials told reporters that Uganda was an unreliable partner.",
])
def test_an_unnamed_speaker_telling_the_press_is_gated(nlp: Language, text: str) -> None:
    assert set(_gates(nlp, text, "told")) == {"anonymous_source"}, text


@pytest.mark.parametrize("text, trigger", [
    ("The Kenyan president told CNN that Uganda was a reliable partner.", "told"),  # an office the story identifies
    ("A Kenyan official, John Kamau, told reporters that Uganda was a reliable partner.", "told"),  # named beside it
    ("A senior Kenyan official said that Uganda was a reliable partner.", "said"),  # no outlet told
    ("A senior Kenyan official told Ugandan ministers that Uganda was a reliable partner.", "told"),  # not the press
])
def test_a_named_speaker_or_another_addressee_stays(nlp: Language, text: str, trigger: str) -> None:
    gates = _gates(nlp, text, trigger)
    assert gates and "anonymous_source" not in gates, text
