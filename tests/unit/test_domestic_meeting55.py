"""domestic_meeting (session 55, hQ): a meeting or consultation (04) between two organs of one state is the business
of one government, no act (docs/annotation.md D12d, D23a): rule gate `domestic_meeting` (actors/countries.py, cue
`state_organ_sector`). Invented sentences through the real pipeline, and the test on hand-made events."""

from __future__ import annotations

from spacy.language import Language
from test_custody_passive42 import _on as events  # tests/unit is on sys.path (pytest prepend import mode)

from dateline.actors.countries import domestic_meeting
from dateline.confidence import is_counted


def side(code: str, country: str | None, sector: str | None) -> dict:
    return {"code": code, "country": country, "sector": sector, "text": code}


def test_a_meeting_of_two_organs_of_one_state_is_not_counted(nlp: Language) -> None:
    found = events(nlp, "The Kenyan president met Kenyan lawmakers at State House on Monday.", "met")
    assert found and not any(is_counted(e, 0.0) for e in found)
    assert {e["evidence"]["rules"].get("gate") for e in found} == {"domestic_meeting"}


def test_a_meeting_of_two_states_stays_counted(nlp: Language) -> None:
    found = events(nlp, "The Kenyan president met the Ugandan president on Monday.", "met")
    assert found and all(e["evidence"]["rules"].get("gate") is None for e in found)


def test_talks_with_a_states_opponents_or_with_a_state_itself_stay() -> None:
    talks = {"cameo": "046", "source": side("KENGOV", "KEN", "GOV"), "target": side("KENREB", "KEN", "REB")}
    assert not domestic_meeting(talks)
    assert not domestic_meeting({**talks, "target": side("KEN", "KEN", None)})
    assert domestic_meeting({**talks, "target": side("KENLEG", "KEN", "LEG")})


def test_visits_and_hosting_are_left_to_their_own_rules() -> None:
    for code in ("042", "043"):
        event = {"cameo": code, "source": side("KENGOV", "KEN", "GOV"), "target": side("KENLEG", "KEN", "LEG")}
        assert not domestic_meeting(event)
