"""Lexicon entries of issue 11 (recall, round 4): event nouns of CAMEO verbs ("refusal", "offer",
"detention", "commitment"), armed conflict nouns, a strike carried out by forces, territory taken
over; and bare verbs that code no act of their own ("fail", "protect", "allow"). Sentences written
for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.lexicon import Entry, load_lexicon


def coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e["cameo"], (e["source"] or {}).get("code"), (e["target"] or {}).get("code"),
             e["evidence"]["rules"].get("trigger")) for e in nlp(text)._.events if e["modality"] == "asserted"]


@pytest.mark.parametrize("verb", ["fail", "protect", "allow"])
def test_bare_verbs_with_no_act_of_their_own(verb: str) -> None:
    lex = load_lexicon()
    entry, block = lex.verbs[(verb, "")]
    assert entry.code == ""
    if verb == "allow":  # the block's patterns still code: "allowed into the country" (0811)
        assert lex.patterns[block][("", "into", "country")].code == "0811"


def test_failing_or_allowing_is_no_act(nlp: Language) -> None:
    assert not [e for e in coded(nlp, "Kenya failed to win the vote at the United Nations.") if e[3] == "verbs.tsv:fail"]
    assert not [e for e in coded(nlp, "Kenya allowed Ugandan officials to inspect the border.") if e[3] == "verbs.tsv:allow"]


def test_a_conflict_between_two_countries_is_military_force(nlp: Language) -> None:
    events = coded(nlp, "The conflict between Sudan and Chad killed thousands last year.")
    assert ("190", "SDN", "TCD", "nouns.tsv:conflict") in events


def test_a_civil_war_is_coded_a_bare_war_is_not(nlp: Language) -> None:
    civil = coded(nlp, "Fighting in Uganda's civil war displaced thousands.")
    assert [c for c, _, _, trigger in civil if trigger == "nouns.tsv:war"] == ["190"]
    assert load_lexicon().nouns.get("war") is None


@pytest.mark.parametrize(("noun", "code"), [("refusal", "120"), ("offer", "030"), ("commitment", "030"),
                                            ("detention", "173")])
def test_nouns_of_cameo_verbs_are_governed(noun: str, code: str) -> None:
    assert load_lexicon().nouns[noun] == Entry(code, governed=True)


def test_a_named_refusal_is_a_rejection(nlp: Language) -> None:
    events = coded(nlp, "Iran's refusal to allow inspections angered France.")
    assert [(c, s) for c, s, _, trigger in events if trigger == "nouns.tsv:refusal"] == [("120", "IRN")]


def test_strikes_conducted_by_forces_are_military_a_walkout_is_not(nlp: Language) -> None:
    military = coded(nlp, "Israel conducted strikes on Syrian army bases on Sunday.")
    assert ("190", "ISR", "SYR", "nouns.tsv:strike") in military
    labour = coded(nlp, "Teachers in Kenya went on strike on Monday.")
    assert [c for c, _, _, trigger in labour if trigger == "nouns.tsv:strike"] == ["143"]


def test_taking_over_a_town_is_occupying_territory(nlp: Language) -> None:
    lex = load_lexicon()
    _, block = lex.verbs[("take", "over")]
    assert lex.patterns[block][("town", "", "")].code == "192"
    events = coded(nlp, "Ugandan rebels took over the town of Gulu on Sunday.")
    assert [c for c, _, _, trigger in events if trigger == "verbs.tsv:take"] == ["192"]
