"""An international organisation's own meeting held at a place is held among its members, not with its host
(rule ``member_meeting``, session 52, helper hF); a journey of the organisation is still aimed at its host.
Sentences written for these tests, parsed by the real spaCy pipeline."""

from __future__ import annotations

from spacy.language import Language


def _events(nlp: Language, text: str, trigger: str) -> list[tuple[str | None, str | None, str]]:
    doc = nlp(text)
    return [((e["source"] or {}).get("country"), (e["target"] or {}).get("country"), e["evidence"]["rules"]["target"])
            for e in doc._.events if e["trigger"] == trigger]


def test_an_organisations_summit_abroad_is_among_its_members(nlp: Language) -> None:
    assert _events(nlp, "NATO leaders held a summit in Brussels on Thursday.", "summit") == [
        ("IGO", "IGO", "member_meeting")]


def test_an_organisations_meeting_verb_is_among_its_members(nlp: Language) -> None:
    assert _events(nlp, "European Union leaders met in Luxembourg on Monday.", "met") == [
        ("IGO", "IGO", "member_meeting")]


def test_an_organisations_journey_is_aimed_at_its_host(nlp: Language) -> None:
    # the guard: arriving somewhere (cue motion) is aimed at the host
    assert _events(nlp, "An IMF team arrived in Zambia for talks.", "arrived") == [("IGO", "ZMB", "target_of_host")]
