"""Session 39 mend (review of the merged lexicon39 + roots39): "take" with a place codes 192 only when land is
taken (not "take X to court", "taken aback", a share of the vote); a fraction or measure is land only with a place
as its "of" object; "slam" and "compare" code 111 only on an actor's criticism or an actor compared; "agree with"
a role noun the side finder resolves is no endorsement of a thing, nor does a coordinated subject's endorsement aim
each party at the other; "wanted X to win" is no appeal; "refused to name a new ambassador" declines no comment.
Sentences written for these tests, through the real pipeline. Negative checks read every event, any modality."""

from __future__ import annotations

from typing import Any

from spacy.language import Language


def events(nlp: Language, text: str) -> list[dict[str, Any]]:
    return list(nlp(text)._.events)


def codes_at(nlp: Language, text: str, trigger: str) -> list[tuple[str, str | None, str | None]]:
    return [(e["cameo"], (e["source"] or {}).get("country"), (e["target"] or {}).get("country"))
            for e in events(nlp, text) if e["trigger"] == trigger]


def test_take_codes_occupation_only_for_land_taken(nlp: Language) -> None:
    assert not [c for c, *_ in codes_at(nlp, "The Labour Party took a third of the vote in the British election.", "took") if c[:2] == "19"]
    assert not [c for c, *_ in codes_at(nlp, "Britain was taken aback by the Russian response.", "taken") if c[:2] == "19"]
    assert not [c for c, *_ in codes_at(nlp, "Britain will take Iran to court over the seized tanker.", "take") if c[:2] == "19"]
    assert ("192", "RUS", "UKR") in codes_at(nlp, "Russian forces took over a third of the Ukrainian province.", "took")
    assert ("192", "RUS", "UKR") in codes_at(nlp, "Russian forces took the Ukrainian town of Bakhmut.", "took")


def test_a_fraction_is_land_only_with_a_place_as_its_of_object(nlp: Language) -> None:
    assert "192" not in [c for c, *_ in codes_at(nlp, "Russian troops seized half of the shipment bound for Ukraine.", "seized")]
    assert ("192", "RUS", "UKR") in codes_at(nlp, "Russian troops seized half of Ukraine.", "seized")


def test_slam_in_its_physical_sense_is_no_criticism(nlp: Language) -> None:
    assert not codes_at(nlp, "A Russian missile slammed into a Ukrainian apartment building.", "slammed")
    assert not codes_at(nlp, "Hurricane Maria slammed Puerto Rico.", "slammed")
    assert ("111", "KEN", "UGA") in codes_at(nlp, "The Kenyan foreign minister slammed Uganda for closing the border.", "slammed")
    assert ("111", "KEN", "UGA") in codes_at(nlp, "The Kenyan foreign minister slammed the Ugandan decision to close the border.", "slammed")


def test_compare_codes_criticism_only_for_an_actor_compared(nlp: Language) -> None:
    assert not codes_at(nlp, "Ugandan officials compared the figures with those of last year.", "compared")
    assert not codes_at(nlp, "The Chinese economy compared favorably to that of Japan.", "compared")
    assert ("111", "KEN", "UGA") in codes_at(nlp, "The Kenyan president compared the Ugandan president to a colonial governor.", "compared")


def test_agreeing_with_a_counterpart_is_no_endorsement(nlp: Language) -> None:
    assert "051" not in [c for c, *_ in codes_at(nlp, "The French president agreed with his German counterpart on the need for sanctions.", "agreed")]
    assert ("051", "KEN", "UGA") in codes_at(nlp, "Kenya agreed with the Ugandan panel's conclusion.", "agreed")


def test_coordinated_parties_endorsing_a_thing_are_not_each_others_targets(nlp: Language) -> None:
    found = [e for e in events(nlp, "The United States and Iran agreed with the proposal.") if e["trigger"] == "agreed"]
    assert found and all(e["evidence"]["rules"].get("target") != "coordinated_parties" for e in found)


def test_wanting_an_outcome_is_no_appeal(nlp: Language) -> None:
    assert not codes_at(nlp, "Putin wanted Trump to win the election.", "wanted")
    assert ("020", "KEN", "UGA") in codes_at(nlp, "The Kenyan government wants Uganda to hand over the rebel leaders.", "wants")


def test_refusing_to_name_a_new_ambassador_declines_no_comment(nlp: Language) -> None:
    assert "011" not in [c for c, *_ in codes_at(nlp, "Kenya refused to name a new ambassador to Uganda.", "refused")]
    assert ("011", "KEN", "UGA") in codes_at(nlp, "Kenya declined to identify the Ugandan officials.", "declined")


def test_a_null_entrys_sense_is_read_by_the_gates(nlp: Language, monkeypatch: Any) -> None:
    # one order for every entry: the sense of a null entry ("want" 020) is resolved before the gates, so a gate
    # on an 02 code (here the claim gate, made to hold) sees it; before, the gates read the null code and let it pass
    from dateline.events import triggers

    text = "The Kenyan government wants Uganda to hand over the rebel leaders."
    assert ("020", "KEN", "UGA") in codes_at(nlp, text, "wants")
    monkeypatch.setattr(triggers, "_claims", lambda verb, lex: verb.lemma_ == "want")
    assert not codes_at(nlp, text, "wants")
