"""The doer of a protest or a show of force named only by a modifier of the noun or by the place it is held
in (session 36, branch ``nounsides36``, issue 11): sentences written for these tests, parsed by the real
spaCy pipeline."""

from __future__ import annotations

from spacy.language import Language

from dateline.codebook import root_class
from dateline.lang import en


def events(nlp: Language, text: str, trigger: str) -> list[tuple[str | None, str | None, str]]:
    """(source country, target country, source rule) of the events on ``trigger``."""
    doc = nlp(text)
    return [((e["source"] or {}).get("country"), (e["target"] or {}).get("country"), e["evidence"]["rules"]["source"])
            for e in doc._.events if e["trigger"] == trigger]


def test_the_classes_are_data() -> None:
    assert set(root_class("demonstrative")) == {"14", "15"}
    assert "14" in root_class("popular") and "15" not in root_class("popular")
    assert "anti" in en.AGAINST_PREFIXES


def test_a_nationality_adjective_does_the_missile_tests(nlp: Language) -> None:
    found = events(nlp, "Fresh Iranian missile tests alarmed the region on Monday.", "tests")
    assert [(source, rule) for source, _, rule in found] == [("IRN", "_demonstration_parties")]


def test_a_lone_place_name_protests(nlp: Language) -> None:
    found = events(nlp, "The Caracas protests grew larger on Sunday.", "protests")
    assert [(source, rule) for source, _, rule in found] == [("VEN", "_demonstration_parties")]


def test_a_name_after_anti_is_not_the_doer(nlp: Language) -> None:
    found = events(nlp, "Anti-Chinese riots spread quickly on Tuesday.", "riots")
    assert all(source != "CHN" for source, _, _ in found)


def test_protests_held_in_a_country_are_its_people_s(nlp: Language) -> None:
    found = events(nlp, "Large protests across Venezuela continued on Friday.", "protests")
    assert [(source, rule) for source, _, rule in found] == [("VEN", "_protest_place")]


def test_a_test_held_in_a_place_is_not_done_by_it(nlp: Language) -> None:
    # the place rule is for protests only: a missile test over a sea names no doer
    assert events(nlp, "A missile test over Japan alarmed the region on Monday.", "test") == []


def test_the_place_of_a_strike_is_not_its_doer(nlp: Language) -> None:
    # review of session 36, finding 5: a "strike" noun (cue strike_noun) is root class 14, but the place that
    # modifies it or that it is in is the one struck: no SOM->SOM strike from the place branches
    for text, trigger in (("The Somalia strikes killed dozens of civilians.", "strikes"),
                          ("Strikes in Somalia killed 20 civilians.", "Strikes")):
        found = events(nlp, text, trigger)
        assert not any(rule in ("_demonstration_parties", "_protest_place") for *_, rule in found), found
    # a protest's place still protests, and so does that of a strike its words call a labour one (cue labour_strike)
    assert [(source, rule) for source, _, rule in events(
        nlp, "Six people were wounded at the start of a general strike in Ecuador called to press the government.", "strike")] \
        == [("ECU", "_protest_place")]
    assert [(source, rule) for source, _, rule in events(nlp, "The Caracas protests grew larger on Sunday.", "protests")] \
        == [("VEN", "_demonstration_parties")]
