"""comb43 (session 43): a measure taken by a decision ("Kenya's decision to expel the envoy") is the measure itself,
asserted with its own root, not a declared intent (`events.assemble._decided_measure`, docs/annotation.md D5); an
intent to meet or visit inside one state is a leader's agenda at home, not counted (rule gate `domestic_agenda`,
D6), the intent half of `domestic_visit`. Sentences written for these tests, parsed by the real pipeline, and
event dicts."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.actors.countries import DOMESTIC_AGENDA, domestic_agenda, domestic_visit, gate_statements
from dateline.confidence import is_counted


def events_on(nlp: Language, text: str, trigger: str) -> list[tuple[str, str, str | None, str | None]]:
    """(cameo, modality, code rule, modality rule) of every event on ``trigger`` in ``text``."""
    return [(e["cameo"], e["modality"], e["evidence"]["rules"].get("code"), e["evidence"]["rules"].get("modality"))
            for e in nlp(text)._.events if e["trigger"] == trigger]


def test_a_measure_taken_by_a_decision_is_asserted_with_its_own_root(nlp: Language) -> None:
    # a possessor marks the decision as taken: one event, the expulsion (166), asserted, no 136 intent
    assert events_on(nlp, "Uganda condemned Kenya's decision to expel the Ugandan ambassador on Monday.", "expel") \
        == [("166", "asserted", "_decided_measure", "_decided_measure")]
    # a pronoun possessor
    found = events_on(nlp, "Uganda protested after Kenya announced its decision to expel the Ugandan ambassador.",
                      "expel")
    assert found and all(m == "asserted" and rule == "_decided_measure" for _, m, rule, _ in found)
    assert not any(code.startswith(("03", "13")) for code, *_ in found)


def test_a_decision_still_to_come_or_not_taken_keeps_the_intent(nlp: Language) -> None:
    # no possessor and no "the": a decision expected, not taken
    found = events_on(nlp, "A decision to expel the Ugandan ambassador is expected next week, Kenyan officials said.",
                      "expel")
    assert found and all(rule != "_decided_measure" for *_, rule, _ in found)
    assert all(m != "asserted" or code.startswith(("03", "13")) for code, m, *_ in found)
    # the act said as an intent: unchanged, the intended act and its declared 136
    codes = {(code, m, rule) for code, m, rule, _ in
             events_on(nlp, "Kenya will expel the Ugandan ambassador.", "expel")}
    assert ("136", "asserted", "_intent_code") in codes and ("166", "intended", "_verb_entry") in codes


def test_a_decision_to_meet_keeps_its_intent_to_meet(nlp: Language) -> None:
    # a consultation needs the other party: the meeting stays intended, with its 036
    codes = {(code, m, rule) for code, m, rule, _ in
             events_on(nlp, "The Kenyan president's decision to meet the Ugandan president was welcomed.", "meet")}
    assert ("036", "asserted", "_intent_code") in codes
    assert not any(rule == "_decided_measure" for *_, rule in codes)


def event(code: str, source: str | None, target: str | None, rule: str = "_intent_code") -> dict[str, Any]:
    """An asserted event from a side of ``source``'s country to one of ``target``'s (None: no side)."""
    side = (lambda country: {"code": country + "GOV", "country": country, "sector": "GOV"} if country else None)
    return {"cameo": code, "modality": "asserted", "negated": False, "confidence": 0.9,
            "source": side(source), "target": side(target),
            "evidence": {"rules": {"trigger": "verbs.tsv:visit", "code": rule, "source_country": "own_phrase"}}}


def test_an_intent_to_meet_or_visit_at_home_is_domestic_agenda() -> None:
    # "the Kenyan president will tour Kenyan towns next week", "plans to meet Kenyan governors"
    assert domestic_agenda(event("036", "KEN", "KEN"))
    assert domestic_agenda(event("036", "KEN", "KEN", rule="_verb_entry"))  # whatever rule coded it
    # toward another state, a transnational side or nobody: left alone
    assert not domestic_agenda(event("036", "KEN", "UGA"))
    assert not domestic_agenda(event("036", "KEN", None))
    igo = event("036", "KEN", None)
    igo["target"] = {"code": "IGOUNO", "country": None, "sector": None}
    assert not domestic_agenda(igo)
    # other intents and the visit made are not this gate's: the visit made is domestic_visit's (dropped)
    assert not domestic_agenda(event("030", "KEN", "KEN"))
    assert not domestic_agenda(event("042", "KEN", "KEN")) and domestic_visit(event("042", "KEN", "KEN"))
    assert not domestic_visit(event("036", "KEN", "KEN"))


def test_the_gate_names_itself_and_uncounts_the_intent() -> None:
    home = event("036", "KEN", "KEN", rule="_verb_entry")
    gate_statements(home)
    assert home["evidence"]["rules"]["gate"] == DOMESTIC_AGENDA and not is_counted(home, 0.0)
    abroad = event("036", "KEN", "UGA", rule="_verb_entry")
    gate_statements(abroad)
    assert "gate" not in abroad["evidence"]["rules"] and is_counted(abroad, 0.0)


def test_a_visit_planned_at_home_is_not_counted_one_abroad_is(nlp: Language) -> None:
    def intents(text: str) -> list[tuple[str | None, str | None, bool]]:
        return [((e["source"] or {}).get("country"), (e["target"] or {}).get("country"), bool(e["counted"]))
                for e in nlp(text)._.events if e["cameo"].startswith("036")]

    assert intents("The Kenyan president will visit Mombasa next week.") == [("KEN", "KEN", False)]
    assert ("KEN", "UGA", True) in intents("The Kenyan president will meet the Ugandan president next week.")


def test_a_decision_told_as_still_to_come_keeps_the_intent_whatever_its_possessor(nlp: Language) -> None:
    # mend: a possessor alone does not make the decision taken; the decision noun's own modality does
    for text in ("Tanzania's decision to expel the Rwandan consul is expected on Friday.",
                 "The Tanzanian cabinet will announce its decision to expel the Rwandan consul.",
                 "Tanzania's decision whether to expel the Rwandan consul depends on the police report."):
        found = events_on(nlp, text, "expel")
        assert found, text
        assert not any(rule == "_decided_measure" for _, _, rule, _ in found), text
        assert not any(m == "asserted" and not code.startswith(("03", "13")) for code, m, *_ in found), text
    # and the same decision told as taken still is the measure (an expulsion, 16x/17x), asserted, no intent
    taken = events_on(nlp, "Rwanda protested against Tanzania's decision to expel the Rwandan consul.", "expel")
    assert [(m, rule) for _, m, rule, _ in taken] == [("asserted", "_decided_measure")]
    assert taken[0][0][:2] in ("16", "17")


def test_an_intent_to_negotiate_with_domestic_opponents_stays_counted() -> None:
    # mend: talks with rebels or the opposition at home are an act on an identified actor (D6), no agenda
    for sector in ("REB", "OPP", "INS"):
        talks = event("036", "KEN", "KEN")
        talks["target"]["sector"], talks["target"]["code"] = sector, "KEN" + sector
        assert not domestic_agenda(talks), sector
        reverse = event("036", "KEN", "KEN")
        reverse["source"]["sector"], reverse["source"]["code"] = sector, "KEN" + sector
        assert not domestic_agenda(reverse), sector
    assert domestic_agenda(event("036", "KEN", "KEN"))  # government to government stays gated


def test_peace_talks_planned_with_rebels_at_home_are_counted(nlp: Language) -> None:
    found = [(e["source"]["code"], e["target"]["code"], bool(e["counted"]), e["evidence"]["rules"].get("gate"))
             for e in nlp("The Malian government will hold peace talks with Tuareg rebels next month.")._.events
             if e["cameo"] == "036" and e["source"] and e["target"]]
    assert found and all(counted and gate is None for *_, counted, gate in found), found
