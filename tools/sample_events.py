"""Sample coded events from AllSides international-politics articles for hand-judging (development only).

Reproducible: a fixed seed shuffles the dated articles whose AllSides topic is international
politics, the real pipeline codes them in that order, and each article that has enough asserted,
non-negated events with a PLOVER type gives a fixed number of them (drawn with a generator seeded
by the seed and the article id, so a draw does not depend on which other articles were coded),
until ``--articles`` articles are taken. Each candidate carries its sentence and what we coded; the
judgements (event_ok, type_ok, source_ok, target_ok, date_ok, location_ok, note) are added by hand,
reading the sentence, and the judged rows go to a fixture under tests/fixtures (stripped of news
text with tools/corpus_fixtures.py). ``--exclude`` skips the articles of an already judged fixture,
so a fresh sample is held out from the one the developers see.

    .venv/bin/python tools/sample_events.py ../shared/data/news/allsides_abp.jsonl > /tmp/events.jsonl
    .venv/bin/python tools/sample_events.py ../shared/data/news/allsides_abp.jsonl --seed 2026 \\
        --articles 40 --per-article 2 --exclude tests/fixtures/allsides_events_judged.jsonl

tests/fixtures/allsides_events_judged.jsonl was drawn by an earlier version of this script (seed
11, 30 articles drawn at once, 2-3 events each); tests/fixtures/allsides_events_heldout.jsonl by
the second command above.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from news_labels import INTERNATIONAL  # the AllSides topics of international politics

SEED = 11
ARTICLES = 30
PER_ARTICLE = (2, 3)
# Articles coded per pipeline call while filling the sample (articles without events are skipped).
CHUNK = 16


def _party(ref: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if ref is None else {"text": ref.get("text"), "code": ref.get("code")}


def _usable(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The asserted, non-negated, PLOVER-typed events of one output record."""
    return [e for e in record["events"]
            if not e.get("negated") and e.get("modality") == "asserted" and (e.get("plover") or {}).get("event")]


def drawn(record: dict[str, Any], rng: random.Random,
          per_article: tuple[int, int] = PER_ARTICLE) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """``per_article`` (low, high) usable events of one output record with their sentences, in text order."""
    usable = _usable(record)
    if not usable:
        return []
    k = min(len(usable), rng.randint(*per_article))
    return [(event, record["sentences"][event["sentence"]])
            for event in sorted(rng.sample(usable, k), key=lambda e: e["span"][0])]


def candidates(record: dict[str, Any], rng: random.Random, per_article: tuple[int, int] = PER_ARTICLE) -> list[dict[str, Any]]:
    """The drawn events of one output record, with their sentences and what we coded, for judging."""
    body = record["article"]["body"]
    return [{
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
    } for event, sent in drawn(record, rng, per_article)]


def excluded_ids(paths: list[Path]) -> set[str]:
    """Article ids already used by judged fixtures (their rows name the article, text or reference)."""
    ids: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.add(str(json.loads(line)["article_id"]))
    return ids


def _coded(records: list[dict[str, Any]], nlp: Any) -> Iterator[dict[str, Any]]:
    """Output records of the real pipeline for corpus records, in order."""
    from dateline.ingest import read_articles
    from dateline.pipeline import code_items

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as tmp:
        for record in records:
            tmp.write(json.dumps(record, ensure_ascii=False) + "\n")
    for batch in code_items(read_articles([tmp.name]), nlp=nlp):
        yield from batch.records
    Path(tmp.name).unlink(missing_ok=True)


def _per_article(value: str) -> tuple[int, int]:
    low, _, high = value.partition("-")
    return int(low), int(high or low)


Candidates = Callable[[dict[str, Any], random.Random, tuple[int, int]], list[dict[str, Any]]]


def main(make_rows: Candidates = candidates, *, description: str = __doc__ or "", seed: int = SEED,
         articles: int = ARTICLES) -> None:
    """Draw the sample and print one JSON line per candidate row (``make_rows`` builds them)."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("-n", "--articles", type=int, default=articles, help="articles to take")
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--per-article", type=_per_article, default=PER_ARTICLE,
                        help="events per article, N or LOW-HIGH (an article with fewer than LOW is skipped)")
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="judged fixture whose articles are skipped (repeatable)")
    args = parser.parse_args()
    from dateline.nlp import load_nlp

    with open(args.corpus, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    skip = excluded_ids(args.exclude)
    pool = [r for r in records if r.get("date") and r.get("category") in INTERNATIONAL and str(r["id"]) not in skip]
    random.Random(args.seed).shuffle(pool)
    nlp = load_nlp()
    taken = 0
    for start in range(0, len(pool), CHUNK):
        for line in _coded(pool[start:start + CHUNK], nlp):
            if taken == args.articles:
                return
            if len(_usable(line)) < args.per_article[0]:
                continue  # too few events to draw from: the next article in the shuffled order
            rng = random.Random(f"{args.seed}:{line['id']}")
            for row in make_rows(line, rng, args.per_article):
                json.dump(row, sys.stdout, ensure_ascii=False)
                sys.stdout.write("\n")
            taken += 1
        if taken == args.articles:
            return
    print(f"only {taken} of {args.articles} articles had enough events", file=sys.stderr)


if __name__ == "__main__":
    main()
