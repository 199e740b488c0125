"""Wrong CAMEO roots on counted real acts (session 52, hH): senses.tsv rows whose condition on the verb's
complements selects another root than the lexicon's default or pattern. On sentences written for these tests and
parsed by the real pipeline."""

from __future__ import annotations

from spacy.language import Language

from tests.unit.test_events_roots_objects import by_trigger


def test_fighting_for_an_actor_is_combat(nlp: Language) -> None:
    # senses.tsv fight for_actor -> 190, over the physical_conflict block's "for" pattern (111)
    assert by_trigger(nlp, "Hundreds of Kenyan militants are fighting for the Islamic State in Syria.", "fighting") == \
        ("190", "_sense")
    assert by_trigger(nlp, "Ugandan rebels fought for al-Shabaab in Somalia last year.", "fought")[0][:2] == "19"
    # fighting for a cause or a thing names no side: the pattern's verbal fight stays
    codes = [e["cameo"] for e in nlp("The Kenyan president is fighting for his political survival.")._.events
             if e["trigger"] == "fighting"]
    assert not any(code[:2] == "19" for code in codes)


def test_proposing_to_do_something_offers_it(nlp: Language) -> None:
    # senses.tsv propose clause / infinitive -> 030
    assert by_trigger(nlp, "Kenya proposed sending observers to the Ugandan border.", "proposed") == ("030", "_sense")
    assert by_trigger(nlp, "Uganda proposed to pay Kenya for the damaged bridge.", "proposed") == ("030", "_sense")
    # proposing a thing stays the appeal of the bare row
    assert by_trigger(nlp, "Kenya proposed a freeze on Ugandan imports.", "proposed")[0][:2] != "03"


def test_dismissing_speculation_about_oneself_denies_it(nlp: Language) -> None:
    # patterns_extra.tsv dismiss / refuse (reject) + speculation, notion, story, assertion ... -> 016
    assert by_trigger(nlp, "The Kenyan government dismissed speculation that it would devalue the shilling.",
                      "dismissed")[0] == "016"
    assert by_trigger(nlp, "Uganda rejected the notion that its troops had crossed into Kenya.", "rejected")[0] == "016"
    # rejecting a proposal stays a rejection
    assert by_trigger(nlp, "Uganda rejected the Kenyan proposal for joint patrols.", "rejected")[0][:2] == "12"


def test_expressing_doubt_about_an_actor_is_criticism(nlp: Language) -> None:
    # patterns_extra.tsv explain_verbal + doubt(s), skepticism, reservations, outrage -> 111
    assert by_trigger(nlp, "Kenyan officials expressed skepticism about Uganda's promises.", "expressed")[0] == "111"
    assert by_trigger(nlp, "The Kenyan president expressed doubts about the Ugandan offer.", "expressed")[0] == "111"
    # gratitude stays praise
    assert by_trigger(nlp, "The Kenyan president expressed gratitude for Uganda's help.", "expressed")[0][:2] == "05"


def test_calling_for_an_officials_removal_demands_it(nlp: Language) -> None:
    # patterns_extra.tsv call for removal / impeachment / ouster / firing -> 1041 (the lexicon's root: the learned
    # root correction may still re-choose it, as for any _verb_entry root)
    from dateline.lexicon import load_lexicon

    table = load_lexicon().patterns["call"]
    assert {table[("", "for", w)].code for w in ("removal", "impeachment", "ouster", "firing")} == {"1041"}
    assert by_trigger(nlp, "Ugandan opposition leaders called for the impeachment of President Museveni.",
                      "called")[0] == "1041"
    # a call for talks stays an appeal
    assert by_trigger(nlp, "Kenya called for talks with Uganda.", "called")[0][:2] != "10"
