"""A fight told of the armed group its fighters joined ("Americans fighting for ISIS", "foreigners who fought with
al-Shabaab") has that group as source and no target (docs/annotation.md D11c: a fighter the text makes a member of a
group is coded as the group; dateline.events.assemble.joined_group_sides, in the fallbacks stage; eval/sessions/55.md
hS), on sentences written for these tests."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.events.assemble import JOINED_GROUP_RULE


def events_on(nlp: Language, text: str, trigger: str) -> list[dict[str, Any]]:
    return [e for e in nlp(text)._.events if e["trigger"] == trigger]


def test_people_fighting_for_a_group_are_the_group(nlp: Language) -> None:
    found = events_on(nlp, "Officials say about 100 Americans are fighting for ISIS in Syria.", "fighting")
    assert found
    event = found[0]
    assert event["source"]["country"] == "IMG"
    assert event["target"] is None  # no foe named
    rules = event["evidence"]["rules"]
    assert (rules["source"], rules["target"]) == (JOINED_GROUP_RULE, JOINED_GROUP_RULE)


def test_fought_with_a_regional_group_is_that_groups(nlp: Language) -> None:
    found = events_on(nlp, "At least two Americans who fought with al-Shabaab died in Somalia.", "fought")
    assert found
    assert found[0]["source"]["code"].endswith("REB")
    assert found[0]["target"] is None


def test_a_force_fighting_with_a_group_fights_it(nlp: Language) -> None:
    for text, trigger in (("The Iraqi army fought with Islamic State militants in Mosul.", "fought"),
                          ("Hezbollah fighters are fighting for the Assad regime.", "fighting")):
        for event in events_on(nlp, text, trigger):
            assert event["evidence"]["rules"].get("source") != JOINED_GROUP_RULE
