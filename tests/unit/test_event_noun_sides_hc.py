"""Governed event nouns (``data/lexicon/nouns.tsv`` flag ``governed``: an act only behind a light verb or owned by a
name) that name their sides otherwise (branch hC, recall on event nouns): a threat aimed "against" a side and aid
given "to" one are acts with no light verb or owner (cue ``targeted_noun``, rule ``targeted_noun``), and the named
"from" object of a criticism, praise, apology or denial is its doer (cue ``from_source_noun``, rule
``from_source``). The threat "of" a danger, the aid budget and the threat "from" an armed group (a danger, not an
act) stay no act. Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language


def coded(nlp: Language, text: str, trigger: str) -> list[tuple[str, str | None, str | None, str, str, str]]:
    return [(e["cameo"], (e["source"] or {}).get("country"), (e["target"] or {}).get("country"), e["modality"],
             e["evidence"]["rules"]["code"], e["evidence"]["rules"]["source"])
            for e in nlp(text)._.events if e["trigger"] == trigger]


def test_threats_against_a_side_are_an_act_with_no_light_verb(nlp: Language) -> None:
    events = coded(nlp, "Kenya unleashed a torrent of threats against Uganda last week.", "threats")
    assert [e[:5] for e in events] == [("130", "KEN", "UGA", "asserted", "targeted_noun")]


def test_aid_to_a_side_is_an_act_with_no_light_verb(nlp: Language) -> None:
    events = coded(nlp, "Despite the coup, American aid to Egypt continued.", "aid")
    assert [e[:5] for e in events] == [("070", "USA", "EGY", "asserted", "targeted_noun")]


def test_a_threat_of_a_danger_and_the_aid_budget_are_no_act(nlp: Language) -> None:
    assert coded(nlp, "Tanzania faces a growing threat of floods this year.", "threat") == []
    assert coded(nlp, "Parliament debated the aid budget for next year.", "aid") == []


def test_the_named_from_object_of_an_apology_is_its_doer(nlp: Language) -> None:
    events = coded(nlp, "After an apology from Uganda, Kenya reopened the border.", "apology")
    assert events == [("055", "UGA", "KEN", "asserted", "_noun_entry", "from_source")]


def test_criticism_from_a_named_side_is_its_act(nlp: Language) -> None:
    events = coded(nlp, "Uganda withdrew the bill after criticism from Kenya.", "criticism")
    assert [e[:3] + e[5:] for e in events] == [("111", "KEN", "UGA", "from_source")]


def test_the_threat_from_an_armed_group_is_a_danger_not_an_act(nlp: Language) -> None:
    assert coded(nlp, "The threat from the rebels is real, the minister said.", "threat") == []
