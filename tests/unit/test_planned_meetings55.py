"""planned55: meetings and talks told as scheduled or set in a time still to come are intended, not held
(docs/annotation.md: a scheduled or planned meeting is an act with modality `intended`). Cue rows `schedule_verb`,
`intent_adjective` (slat, commit) in data/lexicon/cues.tsv; events/modality.py `_scheduled_noun`, `_modal_chain`.
Invented sentences through the real pipeline."""

from __future__ import annotations

from spacy.language import Language
from test_custody_passive42 import _on as events  # tests/unit is on sys.path (pytest prepend import mode)

from dateline.confidence import is_counted


def meetings(nlp: Language, text: str, trigger: str) -> list[dict]:
    return [e for e in events(nlp, text, trigger) if str(e["cameo"]).startswith("04")]


def test_a_meeting_noun_told_as_scheduled_is_intended(nlp: Language) -> None:
    for text, trigger in (("Kenya and Uganda will hold talks scheduled for later this week.", "talks"),
                          ("The leaders of Kenya and Tanzania have scheduled separate meetings with the Ugandan "
                           "president.", "meetings")):
        found = meetings(nlp, text, trigger)
        assert found and all(e["modality"] == "intended" and not is_counted(e, 0.0) for e in found), text
        assert "scheduled_event" in {e["evidence"]["rules"].get("modality_cue") for e in found}, text


def test_a_schedule_of_another_act_leaves_the_event_alone(nlp: Language) -> None:
    # "scheduled to end": what is scheduled is the end, the drills are under way
    found = [e for e in nlp("Joint drills by Kenya and Uganda are scheduled to end on Friday.")._.events
             if e["trigger"] == "drills"]
    assert all(e["evidence"]["rules"].get("modality_cue") != "scheduled_event" for e in found)


def test_slated_and_committed_infinitives_are_intended(nlp: Language) -> None:
    for text, trigger in (("On Friday the Kenyan president is slated to meet with the Ugandan president.", "meet"),
                          ("The Kenyan president said Kenya is committed to negotiating a trade deal with Uganda.",
                           "negotiating")):
        found = meetings(nlp, text, trigger)
        assert found and all(e["modality"] == "intended" for e in found), text


def test_a_meeting_during_which_a_future_or_possible_act_falls_is_not_held(nlp: Language) -> None:
    for text in ("The Kenyan president will try to convince the Ugandan leader during their meeting.",
                 "The Kenyan president could walk away from the table during a meeting with the Ugandan leader."):
        found = meetings(nlp, text, "meeting")
        assert found and not any(is_counted(e, 0.0) for e in found), text
        assert {e["evidence"]["rules"].get("modality_cue") for e in found} == {"modal_span"}, text


def test_a_meeting_during_which_an_act_was_done_or_reported_would_be_done_stays(nlp: Language) -> None:
    for text in ("The Kenyan president met the Ugandan president during his visit to Kampala on Monday.",
                 "Kenya promised Uganda that it would stay silent during the trade negotiations."):
        found = [e for e in nlp(text)._.events if e["trigger"] in ("visit", "negotiations")]
        assert found and all(e["modality"] == "asserted" for e in found), text


def test_any_summit_is_no_particular_act(nlp: Language) -> None:
    found = meetings(nlp, "The sale of jets to Uganda may affect any Kenya-Uganda summit, officials said.", "summit")
    assert found and all(e["modality"] == "hypothetical" and not is_counted(e, 0.0) for e in found)
    assert {e["evidence"]["rules"].get("modality_cue") for e in found} == {"nonspecific_event"}


def test_a_trip_designed_to_do_something_is_made(nlp: Language) -> None:
    # the purpose is the infinitive's; the trip itself is told as made (cue purpose_verb)
    found = meetings(nlp, "The four-day trip to Uganda is designed to demonstrate the bond between Kenya and Uganda.",
                     "trip")
    assert found and all(e["modality"] == "asserted" for e in found)


def test_a_visit_planned_or_expected_is_still_intended(nlp: Language) -> None:
    for text in ("A visit to Uganda by the Kenyan president is planned for next month.",
                 "The talks between Kenya and Uganda are expected to last two days."):
        trigger = "visit" if "visit" in text else "talks"
        found = meetings(nlp, text, trigger)
        assert found and all(e["modality"] == "intended" for e in found), text


def test_an_owned_meeting_is_presupposed_whatever_its_verbs_case(nlp: Language) -> None:
    # "will use Monday's meeting": the meeting has its owner and day, the use is still to come
    found = meetings(nlp, "Kenya will use Monday's meeting with Uganda to press for a deal.", "meeting")
    assert found and all(e["modality"] == "asserted" for e in found)
    # a visit planned stays intended (the verb of plan, not the case a verb puts)
    found = meetings(nlp, "Kenya plans a visit to Uganda.", "visit")
    assert found and all(e["modality"] == "intended" for e in found)
