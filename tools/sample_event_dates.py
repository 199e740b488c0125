"""Sample coded events from AllSides international-politics articles for hand-dating (development only).

The same draw as tools/sample_events.py (its pool, shuffle, per-article generator and exclusions),
with what the dates stage needs to be checked: the trigger's offsets inside its sentence and the
date we coded (value, granularity, source, range). The right date of each event is then written by
hand, reading the sentence and its article (``expected``: value and granularity, or value null with
``before_published`` when the text says the act is earlier than the report but gives no day), and
the checked rows go to tests/fixtures/allsides_event_dates.jsonl, stripped of news text with
tools/corpus_fixtures.py.

    .venv/bin/python tools/sample_event_dates.py ../shared/data/news/allsides_abp.jsonl --seed 77 \\
        --articles 25 --exclude tests/fixtures/allsides_events_judged.jsonl \\
        --exclude tests/fixtures/allsides_events_heldout.jsonl > /tmp/event_dates.jsonl
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_events import drawn, main  # noqa: E402

ARTICLES = 25
SEED = 77


def candidates(record: dict[str, Any], rng: random.Random, per_article: tuple[int, int]) -> list[dict[str, Any]]:
    """The events sample_events draws from one output record, with their dates in full."""
    body = record["article"]["body"]
    rows = []
    for event, sent in drawn(record, rng, per_article):
        raw = body[sent["start"]:sent["end"]]
        lead = len(raw) - len(raw.lstrip())
        date = event.get("date") or {}
        rows.append({
            "article_id": record["id"],
            "published": record["article"]["published"],
            "sentence": raw.strip(),
            "trigger": event.get("trigger"),
            "trigger_start": event["span"][0] - sent["start"] - lead,
            "plover": event["plover"]["event"],
            "coded": {key: date.get(key) for key in ("value", "granularity", "source", "range")},
        })
    return rows


if __name__ == "__main__":
    main(candidates, description=__doc__ or "", seed=SEED, articles=ARTICLES)
