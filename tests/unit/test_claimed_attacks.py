"""The doer of an attack someone claims responsibility for (CAMEO 015): the claimant."""

from __future__ import annotations

from spacy.language import Language


def _events(nlp: Language, text: str, trigger: str) -> list[dict]:
    found = [e for e in nlp(text)._.events if e["trigger"] == trigger]
    assert found, f"no event on {trigger!r}"
    return found


def test_the_claimant_of_an_attack_did_it(nlp: Language) -> None:
    text = ("The Baloch Liberation Army claimed responsibility for an attack on the Chinese embassy "
            "in Karachi and another assault on Chinese engineers in Quetta.")
    for trigger in ("attack", "assault"):
        (event,) = _events(nlp, text, trigger)
        assert event["evidence"]["rules"]["source"] == "responsibility_claimant"
        assert event["source"]["text"] == "Baloch Liberation Army"
        assert event["target"]["country"] == "CHN"


def test_an_attack_no_one_claims_keeps_no_doer(nlp: Language) -> None:
    # condemning an attack (CAMEO 111) is no claim of it: the attack's doer stays unnamed
    text = "The Baloch Liberation Army condemned an attack on the Chinese embassy in Karachi."
    (event,) = _events(nlp, text, "attack")
    assert event["source"] is None
    assert event["evidence"]["rules"]["source"] != "responsibility_claimant"
