"""present_future59 (session 59, kE): meetings and visits told in the present tense with a time still to come, or as
a noun with a time or modifier still to come, are intended, not held (docs/annotation.md section 2: a scheduled or
planned meeting is an act with modality `intended`; D5). events/modality.py `_present_future`, `_future_date_word`
(read by `_future_time`); cue rows `intent_modifier` (upcoming, forthcoming, scheduled, impending, next, expected,
coming) in data/lexicon/cues.tsv; `en.PROSPECTIVE_PREPOSITIONS` ("in preparation for"). Invented sentences through
the real pipeline."""

from __future__ import annotations

from spacy.language import Language
from test_custody_passive42 import _on as events  # tests/unit is on sys.path (pytest prepend import mode)

from dateline.confidence import is_counted


def _held(found: list[dict]) -> bool:
    """Whether any event on the trigger is counted as a meeting or visit that took place (root 04, asserted)."""
    return any(str(e["cameo"]).startswith("04") and e["modality"] == "asserted" and is_counted(e, 0.0) for e in found)


def test_a_meeting_verb_in_the_present_with_a_coming_time_is_not_held(nlp: Language) -> None:
    for text, trigger in (("Kenyan and Ugandan ministers meet in Nairobi tomorrow to discuss the border.", "meet"),
                          ("The Kenyan foreign minister meets his Ugandan counterpart in Kampala later this week.",
                           "meets"),
                          ("The Kenyan president is travelling to Uganda next week for talks on trade.", "travelling")):
        found = events(nlp, text, trigger)
        assert found and not _held(found), text
        assert any(e["evidence"]["rules"].get("modality_cue") == "present_future" for e in found), text


def test_a_meeting_under_way_today_or_done_stays_held(nlp: Language) -> None:
    for text, trigger in (("Kenyan officials are meeting today and tomorrow with Ugandan trade officials.", "meeting"),
                          ("The Kenyan foreign minister met his Ugandan counterpart in Kampala last week.", "met")):
        found = events(nlp, text, trigger)
        assert all(e["evidence"]["rules"].get("modality_cue") != "present_future" for e in found), text


def test_two_days_later_is_no_time_to_come(nlp: Language) -> None:
    found = events(nlp, "The Kenyan president visited Uganda and two days later held talks with Tanzania.", "talks")
    assert all(e["evidence"]["rules"].get("modality_cue") != "present_future" for e in found)


def test_a_meeting_noun_with_a_coming_modifier_or_in_preparation_is_intended(nlp: Language) -> None:
    for text, trigger in (("Kenya and Uganda hope to settle the dispute at their upcoming summit in Arusha.", "summit"),
                          ("The Kenyan envoy returned home to brief officials in preparation for the president's "
                           "visit to Uganda.", "visit")):
        found = events(nlp, text, trigger)
        assert found and not _held(found), text
