"""A question told from the side of the one asked, with no asker named (``unvoiced_question``, session 58, jB):
"When asked, the minister said ...", not a passive ("was asked to step down", an unnamed request).
docs/annotation.md D1a. Invented sentences through the real pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language


def _gates(nlp: Language, text: str, trigger: str) -> list[str | None]:
    return [e["evidence"]["rules"].get("gate") for e in nlp(text)._.events if e["trigger"] == trigger]


@pytest.mark.parametrize("text", [
    "When asked, the Kenyan minister said the talks with Uganda had failed.",
    "When asked to name the biggest threat, the Kenyan president told reporters that Uganda was a foe.",
])
def test_a_question_with_no_asker_is_gated(nlp: Language, text: str) -> None:
    assert set(_gates(nlp, text, "asked")) == {"unvoiced_question"}, text


@pytest.mark.parametrize("text", [
    "The Kenyan president asked Uganda to withdraw its troops.",
    "The Kenyan minister was asked by the Ugandan president to resign.",
    "Kenya has asked Uganda to send troops to the border.",
    "The Ugandan president was asked to step down, but he refused.",  # a passive: an unnamed request, an act
])
def test_a_question_with_its_asker_stays(nlp: Language, text: str) -> None:
    gates = _gates(nlp, text, "asked")
    assert gates and "unvoiced_question" not in gates, text
