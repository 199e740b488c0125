"""Lexicon entries of issue 11 (recall, round 4): event nouns of CAMEO verbs ("refusal", "offer",
"detention", "commitment"), a strike carried out by forces, territory taken over; and bare "protect",
which codes no act of its own. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.lexicon import Entry, load_lexicon


def coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e["cameo"], (e["source"] or {}).get("code"), (e["target"] or {}).get("code"),
             e["evidence"]["rules"].get("trigger")) for e in nlp(text)._.events if e["modality"] == "asserted"]


def test_bare_protect_is_no_act_its_patterns_still_code() -> None:
    # CAMEO 074 is military protection: bare "protect" ("protected by a password") codes nothing
    lex = load_lexicon()
    entry, block = lex.verbs[("protect", "")]
    assert entry.code == "" and any(e.code for e in lex.patterns.get(block, {}).values())


def test_protecting_in_general_is_no_act(nlp: Language) -> None:
    assert not [e for e in coded(nlp, "The Kenyan army will protect Somali refugees.") if e[3] == "verbs.tsv:protect"]


def test_background_wars_and_conflicts_stay_uncoded() -> None:
    # "the Syrian civil war", "the 1991-1995 conflict": mostly background, no act of the story
    nouns = load_lexicon().nouns
    assert all(nouns.get(key) is None for key in ("war", "conflict", "civil war"))


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
