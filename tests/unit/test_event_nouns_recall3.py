"""Event nouns named by a modifier (issue 11, recall): military displays, joint exercises and
chemical attacks, each keyed as "<modifier> <noun>" in nouns.tsv so that the bare noun
("a parade", "a test", "an exercise") stays no act. Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language


def coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e["cameo"], (e["source"] or {}).get("code"), (e["target"] or {}).get("code"),
             e["evidence"]["rules"].get("trigger")) for e in nlp(text)._.events if e["modality"] == "asserted"]


def test_missile_launch_and_nuclear_test_are_shows_of_force(nlp: Language) -> None:
    launch = coded(nlp, "Diplomats in Seoul condemned North Korea's latest missile launch on Friday.")
    assert ("150", "PRK", None, "nouns.tsv:launch") in launch
    test = coded(nlp, "Officials said Pakistan's nuclear test alarmed its neighbours.")
    assert [c for c, _, _, trigger in test if trigger == "nouns.tsv:test"] == ["150"]


def test_a_test_or_a_launch_of_no_weapon_is_no_act(nlp: Language) -> None:
    assert not [e for e in coded(nlp, "Pakistan's test of the new vaccine went well.") if e[3] == "nouns.tsv:test"]
    assert not [e for e in coded(nlp, "Kenya's launch of the new airline was delayed.") if e[3] == "nouns.tsv:launch"]


def test_military_parade_is_a_show_of_force_a_parade_is_not(nlp: Language) -> None:
    parade = coded(nlp, "China's military parade in Beijing displayed new missiles.")
    assert ("150", "CHN", None, "nouns.tsv:parade") in parade
    assert not [e for e in coded(nlp, "Ireland's St Patrick's Day parade drew large crowds.") if e[3] == "nouns.tsv:parade"]


def test_joint_military_exercises_are_military_cooperation_between_the_parties(nlp: Language) -> None:
    events = coded(nlp, "Seoul wants the cancellation of joint military exercises between Japan and India.")
    pairs = {(c, s, t) for c, s, t, trigger in events if trigger == "nouns.tsv:exercise"}
    assert pairs and all(c == "062" for c, _, _ in pairs)
    assert {frozenset((s, t)) for _, s, t in pairs} == {frozenset(("JPN", "IND"))}


def test_a_gas_attack_is_a_chemical_weapon_a_suicide_bombing_its_own_code(nlp: Language) -> None:
    gas = coded(nlp, "Syria's gas attack on the town was condemned by France.")
    assert [c for c, _, _, trigger in gas if trigger == "nouns.tsv:attack"] == ["2041"]
    bombing = coded(nlp, "The Islamic State's suicide bombing in Kabul killed dozens.")
    assert "1831" in [c for c, _, _, trigger in bombing if trigger == "nouns.tsv:bombing"]


def test_held_discussions_is_a_meeting_a_discussion_alone_is_not(nlp: Language) -> None:
    held = coded(nlp, "The Kenyan foreign minister held discussions with Ugandan officials on Monday.")
    assert [c for c, _, _, trigger in held if trigger == "nouns.tsv:discussion"] == ["040"]
    topic = coded(nlp, "Kenya's parliament began its budget session after a long discussion of taxes.")
    assert not [e for e in topic if e[3] == "nouns.tsv:discussion"]


def test_sparred_with_is_criticism_spared_is_no_act(nlp: Language) -> None:
    sparred = coded(nlp, "The Kenyan president sparred with Uganda's leader over the border.")
    assert [c for c, _, _, trigger in sparred if trigger == "verbs.tsv:spar"] == ["111"]
    spared = coded(nlp, "Kenyan villagers were spared the fighting that Uganda saw.")
    assert not [e for e in spared if e[3] == "verbs.tsv:spar"]
