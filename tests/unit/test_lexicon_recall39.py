"""Lexicon entries of issue 11 (recall, session 39: acts the lexicon does not code): "slammed" an actor, sanctioning
an actor, testing a missile, a named actor's interference or denial, and wanting or calling for another actor to act
(a ``senses.tsv`` row that codes a verb whose bare entry codes nothing). Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from dateline.lexicon import Entry, load_lexicon


def coded(nlp: Language, text: str, *, every: bool = False) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    """The asserted events of the text; with ``every``, the events of any modality (for negative checks: an
    event coded as intended or reported is still coded)."""
    return [(e["cameo"], (e["source"] or {}).get("country"), (e["target"] or {}).get("country"),
             e["evidence"]["rules"].get("trigger"), e["trigger"]) for e in nlp(text)._.events
            if every or e["modality"] == "asserted"]


def on(events: list[tuple[str, str | None, str | None, str | None, str | None]], trigger: str) -> list[tuple[str, str | None, str | None]]:
    return [(code, src, tgt) for code, src, tgt, _, word in events if word == trigger]


def test_slamming_an_actor_is_criticism_slamming_a_door_is_not(nlp: Language) -> None:
    assert ("111", "KEN", "UGA") in on(coded(nlp, "The Kenyan foreign minister slammed Uganda for closing the border."), "slammed")
    assert not on(coded(nlp, "The Kenyan government slammed the door on the Ugandan proposal.", every=True), "slammed")
    assert not on(coded(nlp, "A Ugandan missile slammed into a Kenyan apartment building.", every=True), "slammed")
    assert not on(coded(nlp, "Hurricane Maria slammed Puerto Rico.", every=True), "slammed")


def test_sanctioning_an_actor_imposes_sanctions(nlp: Language) -> None:
    assert ("163", "KEN", "UGA") in on(coded(nlp, "Kenya sanctioned three Ugandan officials on Monday."), "sanctioned")


def test_testing_a_missile_is_a_show_of_force_bare_test_is_no_act(nlp: Language) -> None:
    assert [code for code, *_ in on(coded(nlp, "Uganda tested a ballistic missile near the Kenyan border."), "tested")] == ["150"]
    lex = load_lexicon()
    entry, block = lex.verbs[("test", "")]
    assert entry.code == "" and lex.patterns[block][("missile", "", "")].code == "150"


def test_a_named_actors_interference_and_denial_are_events() -> None:
    nouns = load_lexicon().nouns
    assert nouns["interference"] == Entry("170")
    assert nouns["denial"] == Entry("016", governed=True)


def test_interference_in_an_election(nlp: Language) -> None:
    events = coded(nlp, "Uganda's interference in the Kenyan election angered voters.")
    assert [code for code, *_ in on(events, "interference")] == ["170"]


def test_wanting_another_actor_to_act_is_an_appeal(nlp: Language) -> None:
    events = coded(nlp, "The Kenyan government wants Uganda to hand over the rebel leaders.")
    assert ("020", "KEN", "UGA") in on(events, "wants")
    own = coded(nlp, "Kenya wants to resume talks with Uganda.", every=True)
    assert not on(own, "wants")
    state = coded(nlp, "The Kenyan government wants Uganda to be a partner in the region.", every=True)
    assert not on(state, "wants")  # a state wished for (the copula), no act asked
    outcome = coded(nlp, "The Kenyan president wanted the Ugandan opposition to win the election.", every=True)
    assert not on(outcome, "wanted")  # an outcome (cue unaskable_verb), no act one could be asked to do


def test_calling_for_another_actor_to_act_is_an_appeal(nlp: Language) -> None:
    events = coded(nlp, "The Kenyan president called for Uganda to release the detained journalists.")
    assert ("020", "KEN", "UGA") in on(events, "called")


def test_comparing_an_actor_to_another_is_criticism(nlp: Language) -> None:
    events = coded(nlp, "The Kenyan foreign minister compared the Ugandan president to a colonial governor.")
    assert [code for code, *_ in on(events, "compared")] == ["111"]
    figures = coded(nlp, "Kenyan officials compared the figures with those of last year.", every=True)
    assert not on(figures, "compared")  # a comparison of things (senses.tsv compare actor_compared)
