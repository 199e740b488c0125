"""Stable event-mention ids (dateline.ids)."""

from __future__ import annotations

from typing import Any

from dateline.ids import event_ids


def event(start: int, cameo: str = "040", source: str | None = "Norway", target: str | None = "Iceland") -> dict[str, Any]:
    side = lambda text: None if text is None else {"text": text, "code": text[:3].upper(), "country": None}  # noqa: E731
    return {"span": [start, start + 3], "cameo": cameo, "source": side(source), "target": side(target)}


def test_ids_are_stable_and_hex() -> None:
    events = [event(10), event(40, "036")]
    first = event_ids("a" * 16, "dateline 0.1.0", events)
    assert first == event_ids("a" * 16, "dateline 0.1.0", [dict(e) for e in events])
    assert len(set(first)) == 2
    assert all(len(i) == 16 and int(i, 16) >= 0 for i in first) and len(first) == 2


def test_ids_do_not_depend_on_other_events() -> None:
    alone = event_ids("a" * 16, "c", [event(40)])
    after_another = event_ids("a" * 16, "c", [event(10), event(40)])
    assert after_another[1] == alone[0]


def test_ids_change_with_what_identifies_the_mention() -> None:
    base = event_ids("a" * 16, "c", [event(10)])[0]
    assert event_ids("b" * 16, "c", [event(10)])[0] != base  # another article
    assert event_ids("a" * 16, "d", [event(10)])[0] != base  # another coder version
    assert event_ids("a" * 16, "c", [event(11)])[0] != base  # another trigger
    assert event_ids("a" * 16, "c", [event(10, "036")])[0] != base  # another code
    assert event_ids("a" * 16, "c", [event(10, target="Sweden")])[0] != base  # another target
    assert event_ids("a" * 16, "c", [event(10, source=None)])[0] != base  # a side missing


def test_identical_mentions_get_suffixes() -> None:
    ids = event_ids("a" * 16, "c", [event(10), event(10), event(10)])
    assert ids[1] == ids[0] + "-2" and ids[2] == ids[0] + "-3"
