"""Session 59 (kB): the gate ``domestic_statement`` leaves counted a plain statement at home whose target is a person
the text names as the subject of what is said ("the president told reporters that the opposition leader would lose"):
the clause judges an identified actor, an act by docs/annotation.md D1a(i) (``countries._named_person_target``).
Invented sentences through the real pipeline."""

from __future__ import annotations

from spacy.language import Language

from dateline.actors.countries import DOMESTIC_STATEMENT, domestic_statement
from test_custody_passive42 import _on as events  # tests/unit is on sys.path (pytest prepend import mode)


def test_a_statement_judging_a_named_person_at_home_is_counted(nlp: Language) -> None:
    (event,) = events(nlp, "Kenyan President William Ruto told reporters that Raila Odinga would lose the election.",
                      "told")
    assert event["cameo"] == "010" and (event["target"] or {}).get("country") == "KEN"
    assert event["evidence"]["rules"].get("gate") is None and event["counted"]
    assert domestic_statement(event)  # without the parse the gate cannot see the person, and holds


def test_a_statement_about_an_office_or_a_possession_stays_gated(nlp: Language) -> None:
    for text, trigger in (("The Kenyan president said on Monday that the Kenyan parliament is in recess until March.",
                           "said"),
                          ("The Kenyan finance minister said on Monday that William Ruto's government had enough "
                           "reserves.", "said")):
        found = events(nlp, text, trigger)
        assert found and all(e["evidence"]["rules"].get("gate") == DOMESTIC_STATEMENT and not e["counted"]
                             for e in found), text
