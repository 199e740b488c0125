"""Statements that deny a wrong by "no" (session 57, iA). On sentences written for these tests and parsed by the
real pipeline."""

from __future__ import annotations

from spacy.language import Language


def _codes(nlp: Language, text: str, trigger: str = "said") -> list[str]:
    return [e["cameo"] for e in nlp(text)._.events if e["trigger"] == trigger]


def test_a_wrong_told_as_what_there_is_none_of_blames_no_one(nlp: Language) -> None:
    # "there was no <wrong>", "no evidence of <wrong>": a denial, no accusation or criticism (11x)
    for text in ("The Kenyan minister said there was no aggression by Uganda.",
                 "The Kenyan president's lawyer said there had been no evidence of any collusion with Uganda."):
        codes = _codes(nlp, text)
        assert not any(code.startswith("11") for code in codes), (text, codes)


def test_a_wrong_that_is_not_denied_still_blames(nlp: Language) -> None:
    # "no" on an object ("showed no remorse") and a wrong said plainly stay criticism or accusation
    for text in ("The Kenyan minister said Uganda showed no remorse for its aggression.",
                 "The Kenyan minister said there was aggression by Uganda."):
        codes = _codes(nlp, text)
        assert any(code.startswith("11") for code in codes), (text, codes)
