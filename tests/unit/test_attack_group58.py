"""An attack noun that names no doer, only the place it struck, in an article that names the Islamic State or al-Qaeda
in its sentence or the two before, has that group as its doer (docs/annotation.md D11c, D11e; a doer another sentence
names for the same act), not the place's country (``unclaimed_attack``, D11b, which stands where no such group is
named): dateline.actors.countries.attack_group, in the fallbacks stage (eval/sessions/58.md, jA); on sentences written
for these tests."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.actors.countries import ATTACK_GROUP_RULE, UNCLAIMED_ATTACK_RULE

ATTACK = "The attack in Mombasa on Tuesday killed four people."


def attack(nlp: Language, text: str) -> dict[str, Any]:
    found = [e for e in nlp(text)._.events if e["trigger"] == "attack"]
    assert found
    return found[0]


def test_a_group_named_before_the_attack_is_its_doer(nlp: Language) -> None:
    event = attack(nlp, "The Islamic State said on Sunday that its fighters carried out the operation. "
                        "Officials in Kenya gave no details. " + ATTACK)
    assert (event["source"]["code"], event["source"]["country"]) == ("IMGMUSISI", "IMG")
    assert event["target"]["country"] == "KEN"
    rules = event["evidence"]["rules"]
    assert rules["source"] == ATTACK_GROUP_RULE
    assert "source_country" not in rules  # the group's own code gives it


def test_with_no_group_named_the_place_stands(nlp: Language) -> None:
    event = attack(nlp, "Kenya's president spoke on Monday. " + ATTACK)
    assert event["source"]["code"] == "KEN"
    assert event["evidence"]["rules"]["source"] == UNCLAIMED_ATTACK_RULE


def test_a_group_named_as_absent_or_only_as_an_inspiration_is_no_doer(nlp: Language) -> None:
    absent = attack(nlp, "The Islamic State has never been active in Kenya. " + ATTACK)
    assert absent["source"]["code"] == "KEN"
    linked = attack(nlp, "Police said the gunmen belonged to an Islamic State-inspired cell. " + ATTACK)
    assert linked["source"]["code"] != "IMGMUSISI"


def test_a_group_named_far_before_is_not_read(nlp: Language) -> None:
    filler = " ".join(f"Kenya's minister spoke to reporters on day {n}." for n in range(1, 10))
    event = attack(nlp, "The Islamic State said its fighters carried out the operation. " + filler + " " + ATTACK)
    assert event["source"]["code"] == "KEN"


def test_only_an_assault_is_the_groups(nlp: Language) -> None:
    from dateline.actors.countries import attack_group

    text = "The Islamic State said its fighters carried out the operation. " + ATTACK
    doc = nlp(text)
    start = doc.text.index("attack in")
    target = {"text": "Mombasa", "code": "KEN", "country": "KEN", "sector": None}
    fight = {"span": [start, start + 6], "sentence": 1, "cameo": "192", "source": None, "target": target,
             "evidence": {"rules": {"source": "_noun_place", "target": "_noun_place"}}}
    assert not attack_group(doc, fight)  # a fight, an invasion, an occupation (19): a state's more often
    assert fight["source"] is None
    assault = {**fight, "cameo": "180", "evidence": {"rules": {"source": "_noun_place", "target": "_noun_place"}}}
    assert attack_group(doc, assault)
    assert assault["source"]["country"] == "IMG"
