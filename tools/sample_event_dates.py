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

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_events import CHUNK, PER_ARTICLE, TOPICS, _coded, _per_article, _usable, excluded_ids  # noqa: E402

ARTICLES = 25


def candidates(record: dict[str, Any], rng: random.Random, per_article: tuple[int, int]) -> list[dict[str, Any]]:
    """The events sample_events.candidates draws from one output record, with their dates in full."""
    body = record["article"]["body"]
    sentences = record["sentences"]
    usable = _usable(record)
    if not usable:
        return []
    k = min(len(usable), rng.randint(*per_article))  # the same calls, in the same order, as sample_events
    rows = []
    for event in sorted(rng.sample(usable, k), key=lambda e: e["span"][0]):
        sent = sentences[event["sentence"]]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("-n", "--articles", type=int, default=ARTICLES, help="articles to take")
    parser.add_argument("--seed", type=int, default=77)
    parser.add_argument("--per-article", type=_per_article, default=PER_ARTICLE,
                        help="events per article, N or LOW-HIGH (an article with fewer than LOW is skipped)")
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="judged fixture whose articles are skipped (repeatable)")
    args = parser.parse_args()
    from dateline.nlp import load_nlp

    with open(args.corpus, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    skip = excluded_ids(args.exclude)
    pool = [r for r in records if r.get("date") and r.get("category") in TOPICS and str(r["id"]) not in skip]
    random.Random(args.seed).shuffle(pool)
    nlp = load_nlp()
    taken = 0
    for start in range(0, len(pool), CHUNK):
        for line in _coded(pool[start:start + CHUNK], nlp):
            if taken == args.articles:
                return
            if len(_usable(line)) < args.per_article[0]:
                continue
            rng = random.Random(f"{args.seed}:{line['id']}")
            for row in candidates(line, rng, args.per_article):
                json.dump(row, sys.stdout, ensure_ascii=False)
                sys.stdout.write("\n")
            taken += 1
        if taken == args.articles:
            return
    print(f"only {taken} of {args.articles} articles had enough events", file=sys.stderr)


if __name__ == "__main__":
    main()
