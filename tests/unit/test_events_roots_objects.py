"""Roots decided by what a verb acts on (session 39, roots39): an attack on a policy or a standing is criticism, refusing
to give details declines comment, seizing a stretch of land occupies it, agreeing with a view endorses it, offering
congratulations or an apology does it, and a quote cue "denied" is a denial; on sentences written for these tests and
parsed by the real pipeline."""

from __future__ import annotations

from spacy.language import Language


def coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e["cameo"], (e["source"] or {}).get("text"), (e["target"] or {}).get("text"),
             e["evidence"]["rules"].get("code")) for e in nlp(text)._.events]


def by_trigger(nlp: Language, text: str, trigger: str) -> tuple[str, str | None]:
    """The code and code rule of the first event on ``trigger`` in ``text`` (which must have one)."""
    found = [(e["cameo"], e["evidence"]["rules"].get("code")) for e in nlp(text)._.events if e["trigger"] == trigger]
    assert found, text
    return found[0]


def test_an_attack_on_a_standing_or_a_policy_is_criticism(nlp: Language) -> None:
    # cue criticised_thing: what the attack hits is no place and no force
    assert by_trigger(nlp, "The Kenyan president renewed his attacks on the legitimacy of the Ugandan election.",
                       "attacks") == ("111", "_verbal_attack")
    # an attack on a post stays force
    assert by_trigger(nlp, "Kenyan troops attacked the Ugandan outpost near the border.", "attacked")[0][:2] == "19"


def test_refusing_to_give_details_or_to_name_declines_comment(nlp: Language) -> None:
    # cue detail_noun ("give details", "go into specifics") and cue identifying_verb ("identify"), with a refusal verb
    for text in ("The Kenyan foreign ministry declined to give details of its talks with Uganda.",
                 "The Kenyan foreign minister declined to identify the Ugandan officials.",
                 "The Kenyan foreign minister declined to go into specifics about the Ugandan proposal."):
        assert by_trigger(nlp, text, "declined") == ("011", "_declined_comment"), text


def test_seizing_a_stretch_of_land_occupies_it_seizing_a_tanker_does_not(nlp: Language) -> None:
    # senses.tsv place_object with cue territory_noun; "take" has the sense too
    assert by_trigger(nlp, "Somali militants seized swaths of northern Kenya.", "seized") == ("192", "_sense")
    assert by_trigger(nlp, "Ugandan rebels took over a third of the Kenyan province.", "took") == ("192", "_sense")
    assert by_trigger(nlp, "Kenyan police seized a Ugandan tanker.", "seized")[0] == "171"
    assert by_trigger(nlp, "Ugandan rebels took part in the talks with Kenya.", "took")[0] != "192"


def test_agreeing_with_a_view_endorses_it_agreeing_with_an_actor_to_act_does_not(nlp: Language) -> None:
    # senses.tsv "agree with_thing"
    assert by_trigger(nlp, "The Kenyan president agreed with the Ugandan panel's conclusion.", "agreed") == ("051", "_sense")
    assert by_trigger(nlp, "The Kenyan president agreed with the Ugandan president to reopen the border.", "agreed")[0] != "051"
    assert by_trigger(nlp, "The Kenyan president agreed with Museveni.", "agreed")[0] != "051"


def test_a_quote_denied_is_a_denial() -> None:
    # quotes/cues.tsv: the quote cue "deny" codes a denial (016, docs/annotation.md D8f), not the 120 of rejecting
    from dateline.quotes.cues import load_cues

    assert load_cues().verbs["deny"].cameo == "016"
    assert load_cues().verbs["reject"].cameo == "120"


def test_offering_congratulations_or_an_apology_is_doing_it_offering_aid_is_an_offer(nlp: Language) -> None:
    # patterns_extra.tsv "offer congratulations / apology": the act itself, not the 030 of an offer to act
    assert by_trigger(nlp, "The Kenyan president offered his congratulations to the Ugandan president.", "offered")[0] == "051"
    assert by_trigger(nlp, "The Kenyan government offered an apology to Uganda.", "offered")[0] == "055"
    assert by_trigger(nlp, "Kenya offered aid to the Ugandan government.", "offered")[0][:2] == "03"
