"""Roots of violent and hostile acts decided by who does them and how (events.codes.root_rule):
a "strike" done by a state or armed force is military force, not a labour strike; an "attack" in
words is criticism; beating or beheading a person is a physical assault. Sentences written for
these tests, parsed by the real pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language


def coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e["cameo"], (e["source"] or {}).get("text"), (e["target"] or {}).get("text"),
             e["evidence"]["rules"].get("code")) for e in nlp(text)._.events]


def test_strike_by_states_or_forces_is_military(nlp: Language) -> None:
    by_states = coded(nlp, "Strikes by Britain and France hit Syria.")
    strikes = [(code, source) for code, source, _, rule in by_states if rule == "_military_strike"]
    assert sorted(strikes) == [("190", "Britain"), ("190", "France")]
    forces = coded(nlp, "A strike by Kenyan forces hit a Somali camp.")
    assert ("190", "Kenyan forces", "_military_strike") in [(c, s, r) for c, s, _, r in forces]
    nationality = coded(nlp, "Russian strikes on rebel positions in Syria continued.")
    assert ("190", "Russian", "_military_strike") in [(c, s, r) for c, s, _, r in nationality]


def test_strike_by_workers_or_general_strike_stays_labour(nlp: Language) -> None:
    workers = coded(nlp, "Workers at the French plant went on strike against the government.")
    assert [(code, rule) for code, _, _, rule in workers] == [("143", "_noun_entry")]
    union = coded(nlp, "The Kenyan government called a general strike against the new tax.")
    assert "_military_strike" not in {rule for *_, rule in union}


def test_on_strike_or_a_trade_striking_stays_labour(nlp: Language) -> None:
    # "on strike" is labour whoever strikes (civil servants are GOV); a trade's strike (cue labour_strike: seamen,
    # whom agents.tsv gives the MIL sector) is no military one
    servants = coded(nlp, "Thousands of Kenyan civil servants went on strike against the government in Nairobi.")
    assert [(code, rule) for code, _, _, rule in servants] == [("143", "_noun_entry")]
    seamen = coded(nlp, "The strike by Kenyan seamen paralysed the ports of the Kenyan government.")
    assert [(code, rule) for code, _, _, rule in seamen] == [("143", "_noun_entry")]


def test_police_raid_is_coercion_a_commando_raid_force(nlp: Language) -> None:
    # docs/annotation.md D22f: a raid by a state's police, prosecutors or intelligence is 170 (cue police_sector)
    police = coded(nlp, "The Kenyan police raided the offices of the Ugandan opposition party in Nairobi.")
    assert [(code, rule) for code, _, _, rule in police] == [("170", "_police_raid")]
    commandos = coded(nlp, "A raid by Kenyan commandos on a Somali militant camp killed ten fighters.")
    assert ("190", "_noun_entry") in [(code, rule) for code, _, _, rule in commandos]


def test_verbal_attacks_are_criticism(nlp: Language) -> None:
    personal = coded(nlp, "The ministry launched personal attacks on the Kenyan president.")
    assert ("111", "ministry", "Kenyan president", "_verbal_attack") in personal
    press = coded(nlp, "The Kenyan newspaper attacked the president in an editorial.")
    assert [(code, rule) for code, _, _, rule in press] == [("111", "_verbal_attack")]
    platform = coded(nlp, "The senator attacked the Kenyan president on Twitter.")
    assert [(code, rule) for code, _, _, rule in platform] == [("111", "_verbal_attack")]


def test_attacks_by_forces_stay_force(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    # The rules' code: the learned root correction (dateline.roots_model, a later stage) may re-choose a
    # root inside one PLOVER type (fight 19 -> assault 18: police against protesters, which labellers
    # code either way), so it is switched off here.
    from dateline import roots_model

    monkeypatch.setattr(roots_model, "DISABLED", True)
    troops = coded(nlp, "Kenyan troops attacked Somali militia positions.")
    assert [code[:2] for code, *_ in troops] == ["19"]
    police = coded(nlp, "Kenyan police attacked the protesters in Nairobi.")
    assert "_verbal_attack" not in {rule for *_, rule in police}
    # police against protesters is repression, 175 (docs/annotation.md D8k, guidelines version 2)
    assert [(code, rule) for code, *_, rule in police] == [("175", "_crowd_control")]


def test_beheading_or_beating_a_person_is_assault_unless_by_state_force(nlp: Language) -> None:
    beheaded = coded(nlp, "The Kenyan journalist was beheaded by militants.")
    assert [(code, rule) for code, _, _, rule in beheaded] == [("182", "_assault_on_person")]
    soldiers = coded(nlp, "Kenyan soldiers beat the Somali prisoner.")
    assert "_assault_on_person" not in {rule for *_, rule in soldiers}


def test_strikes_reported_on_or_killing_a_trade_are_military(nlp: Language) -> None:
    # review of session 36, findings 3-4: "on strike" is only the bare singular under a verb's "on" ("reported on
    # American strikes" is no labour strike); a trade word (cue labour_trade) names a labour strike only as its doer,
    # not in a clause of what the strike did
    reported = coded(nlp, "The Kenyan minister reported on American strikes in Somalia.")
    assert ("190", "American", "_military_strike") in [(c, s, r) for c, s, _, r in reported]
    assert not any(code == "143" for code, *_ in reported)
    hospital = coded(nlp, "A Kenyan strike on a Somali hospital that killed two doctors drew condemnation.")
    assert ("190", "Kenyan", "_military_strike") in [(c, s, r) for c, s, _, r in hospital]
    assert not any(code == "143" for code, *_ in hospital)
    doctors = coded(nlp, "The strike by Kenyan doctors paralysed the hospitals of the Kenyan government.")
    assert [code for code, *_ in doctors] == ["143"]


def test_force_sectors_that_keep_a_raid_military_are_data() -> None:
    # review of session 36, finding 15: the sectors whose raid stays 19x are a cue kind, not a hard-coded "gov"
    from dateline.lexicon import load_lexicon

    lex = load_lexicon()
    forces = lex.cue("raid_force_sector")
    assert forces == {"mil", "reb", "ins", "uaf", "sep"}
    assert not forces & lex.cue("police_sector") and "gov" not in forces and forces <= lex.cue("armed_sector")
