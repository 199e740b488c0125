"""Sample coded events from AllSides international-politics articles for hand-judging (development only).

Reproducible: a fixed seed picks dated articles whose AllSides topic is international politics,
the real pipeline codes them, and 2-3 asserted, non-negated events with a PLOVER type are drawn per
article. Each candidate carries its sentence and what we coded; the judgements (event_ok, type_ok,
source_ok, target_ok, date_ok, location_ok, note) are added by hand, reading the sentence, and the
judged rows go to tests/fixtures/allsides_events_judged.jsonl.

    .venv/bin/python tools/sample_events.py ../shared/data/news/allsides_abp.jsonl > /tmp/events.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from typing import Any

SEED = 11
ARTICLES = 30
PER_ARTICLE = (2, 3)
# AllSides topics of international politics, diplomacy and conflict (the corpus README's list).
TOPICS = frozenset({
    "world", "middle_east", "foreign_policy", "terrorism", "north_korea", "russia", "great_britain",
    "isis", "china", "europe", "israel", "mexico", "asia", "nuclear_weapons", "palestine", "africa",
    "south_korea",
})


def _party(ref: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if ref is None else {"text": ref.get("text"), "code": ref.get("code")}


def candidates(record: dict[str, Any], rng: random.Random) -> list[dict[str, Any]]:
    """2-3 asserted, non-negated, PLOVER-typed events of one output record, with their sentences."""
    body = record["article"]["body"]
    sentences = record["sentences"]
    usable = [e for e in record["events"]
              if not e.get("negated") and e.get("modality") == "asserted" and (e.get("plover") or {}).get("event")]
    if not usable:
        return []
    k = min(len(usable), rng.randint(*PER_ARTICLE))
    rows = []
    for event in sorted(rng.sample(usable, k), key=lambda e: e["span"][0]):
        sent = sentences[event["sentence"]]
        rows.append({
            "article_id": record["id"],
            "published": record["article"]["published"],
            "sentence": body[sent["start"]:sent["end"]].strip(),
            "trigger": event.get("trigger"),
            "cameo": event.get("cameo"),
            "plover": event["plover"]["event"],
            "source": _party(event.get("source")),
            "target": _party(event.get("target")),
            "date": (event.get("date") or {}).get("value"),
            "location": (event.get("location") or {}).get("name"),
        })
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("-n", type=int, default=ARTICLES)
    args = parser.parse_args()
    from dateline.ingest import read_articles
    from dateline.nlp import load_nlp
    from dateline.pipeline import code_items

    with open(args.corpus, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    pool = [r for r in records if r.get("date") and r.get("category") in TOPICS]
    rng = random.Random(SEED)
    sample = rng.sample(pool, args.n)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as tmp:
        for record in sample:
            tmp.write(json.dumps(record, ensure_ascii=False) + "\n")
    nlp = load_nlp()
    for batch in code_items(read_articles([tmp.name]), nlp=nlp):
        for line in batch.records:
            for row in candidates(line, rng):
                json.dump(row, sys.stdout, ensure_ascii=False)
                sys.stdout.write("\n")


if __name__ == "__main__":
    main()
