"""A condemnation of an attack whose doer it does not name is aimed at the armed group named around it, not at the
country named nearby or the speaker's own (session 55, helper hT: ``condemned_attack``). Sentences written for these
tests, parsed by the real spaCy pipeline."""

from __future__ import annotations

from spacy.language import Language


def _condemnations(nlp: Language, text: str) -> list[tuple[str | None, str | None, str | None]]:
    doc = nlp(text)
    return [((e["source"] or {}).get("country"), (e["target"] or {}).get("code"), e["evidence"]["rules"].get("target"))
            for e in doc._.events if e["trigger"] == "condemned"]


def test_a_condemned_attack_is_aimed_at_the_group_that_claimed_it(nlp: Language) -> None:
    text = ("A suicide bomber killed 30 people at a market in Kabul on Monday, police said. The Islamic State claimed "
            "responsibility in a statement. Officials said many children were among the dead. President Ashraf Ghani "
            "condemned the attack and declared a day of mourning.")
    assert _condemnations(nlp, text) == [("AFG", "IMGMUSISI", "condemned_attack")]


def test_a_noun_of_violence_outside_the_lexicon_counts_too(nlp: Language) -> None:
    text = ("The Islamic State said its fighters set off a car bomb outside a police station in Baghdad. "
            "The Iraqi prime minister condemned the blast on Tuesday.")
    assert _condemnations(nlp, text)[0][1:] == ("IMGMUSISI", "condemned_attack")


def test_no_group_named_leaves_the_fallback(nlp: Language) -> None:
    # the guard: with no armed group in the text the addressee fallback stands
    text = ("A gunman killed four people at a school in Ohio on Monday. "
            "The governor condemned the attack and ordered flags lowered.")
    assert all(rule != "condemned_attack" for _s, _t, rule in _condemnations(nlp, text))


def test_an_attack_with_its_doer_named_is_not_rerouted(nlp: Language) -> None:
    # "Russia's attack" names its doer: the side finder's target stands
    text = ("The Islamic State was active in the region last year. "
            "The French foreign minister condemned Russia's attack on the town.")
    assert all(rule != "condemned_attack" for _s, _t, rule in _condemnations(nlp, text))
