"""planned_day60 (session 60, lA): an act whose own time phrase names a day after the publication day is still to come
at the report, a plan: `intended` (docs/annotation.md section 3 "is scheduled", D5), so a planned meeting is coded as
the intent (036), dated the day it was told (D7c, the dates stage's rule ``planned``). events/modality.py
`_planned_day`, `_own_timex`. Invented sentences through the real pipeline, published Monday 2019-01-14."""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language

from conftest import coded

PUBLISHED = dt.date(2019, 1, 14)  # a Monday


def _on(nlp: Language, text: str, trigger: str) -> list[dict[str, Any]]:
    return [e for e in coded(nlp, text, PUBLISHED) if e["trigger"] == trigger]


def _planned(found: list[dict[str, Any]]) -> bool:
    return any(e["evidence"]["rules"].get("modality_cue") == "planned_day" for e in found)


def test_a_present_tense_act_on_a_day_after_publication_is_intended(nlp: Language) -> None:
    for text, trigger in (("On Wednesday, the Kenyan foreign minister meets his Ugandan counterpart in Kampala.", "meets"),
                          ("The Kenyan president visits Uganda on January 20.", "visits")):
        found = _on(nlp, text, trigger)
        assert found and _planned(found), text
        assert all(e["modality"] == "intended" for e in found if e["cameo"].startswith("04")), text
        # the intent to meet is what is counted, dated the publication day (D7c)
        assert any(e["cameo"] == "036" and e["counted"] and e["date"]["value"] == "2019-01-14" for e in found), text


def test_a_past_act_or_a_day_before_publication_stays_held(nlp: Language) -> None:
    for text, trigger in (("The Kenyan foreign minister met his Ugandan counterpart in Kampala on Wednesday.", "met"),
                          ("The Kenyan foreign minister meets his Ugandan counterpart in Kampala on Saturday.", "meets")):
        found = _on(nlp, text, trigger)
        assert found and not _planned(found), text
        assert any(e["cameo"].startswith("04") and e["modality"] == "asserted" for e in found), text


def test_a_weekday_the_day_after_publication_is_left_alone(nlp: Language) -> None:
    # a stored publication date may be a day early (D16b, D25c): "on Tuesday" in a Monday article may be the news itself
    found = _on(nlp, "The Kenyan foreign minister meets his Ugandan counterpart in Kampala on Tuesday.", "meets")
    assert found and not _planned(found)


def test_a_verb_of_prospect_keeps_its_own_modality(nlp: Language) -> None:
    # the day is the talks', not the preparing's: "prepare for" is the intent itself (030), asserted
    found = _on(nlp, "Kenyan officials prepare for talks with Uganda on Thursday.", "prepare")
    assert found and not _planned(found)
    assert all(e["modality"] == "asserted" for e in found)
