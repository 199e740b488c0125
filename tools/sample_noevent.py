"""Sample candidate no-event sentences from the news corpora for hand-checking (not shipped).

Usage: .venv/bin/python tools/sample_noevent.py [N] > /tmp/noevent_candidates.jsonl

Draws articles with a fixed seed from ``allsides_abp`` (international-politics topics) and
``bbc2225`` (politics and business), splits each body with the model's sentence boundaries
(plus dateline's paragraph breaks) and prints one random sentence of 8-60 words per article, in
the gold format with ``expected`` left empty. Nothing here decides whether a sentence has an
event: the person checking keeps only the sentences that, by reading, report no act between
political actors, and writes them to tests/fixtures/noevent_dev.jsonl.
"""

from __future__ import annotations

import importlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# Importing dateline.nlp registers the "dateline_paragraphs" component used below.
from dateline.nlp import MODEL_PACKAGE
from news_labels import INTERNATIONAL  # the AllSides topics that are international politics

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news"
SEED = 20240404
BBC_CATEGORIES = {"politics", "business"}
MIN_WORDS, MAX_WORDS = 8, 60
#: Share of candidates drawn from allsides_abp; the rest come from bbc2225.
ALLSIDES_SHARE = 0.7


def _articles(name: str, keep: set[str]) -> list[dict[str, Any]]:
    with (NEWS / name).open(encoding="utf-8") as lines:
        return [row for row in map(json.loads, lines) if row.get("category") in keep]


def _candidates(rows: list[dict[str, Any]], rng: random.Random, n: int) -> Iterator[dict[str, Any]]:
    """One random sentence of MIN_WORDS-MAX_WORDS words from each of up to ``n`` shuffled articles."""
    nlp = importlib.import_module(MODEL_PACKAGE).load(exclude=["ner", "lemmatizer"])
    nlp.add_pipe("dateline_paragraphs", before="parser")
    rows = rows[:]
    rng.shuffle(rows)
    taken = 0
    for row in rows:
        if taken >= n:
            return
        doc = nlp(row["text"][:20000])
        sents = [s.text.strip() for s in doc.sents]
        sents = [s for s in sents if MIN_WORDS <= len(s.split()) <= MAX_WORDS and "\n" not in s]
        if not sents:
            continue
        yield {"id": f"noevent-{row['id']}", "text": rng.choice(sents), "date": None, "expected": [],
               "source_article": row["id"]}
        taken += 1


def main(n: int = 400) -> None:
    rng = random.Random(SEED)
    n_allsides = round(n * ALLSIDES_SHARE)
    for name, keep, k in (("allsides_abp.jsonl", INTERNATIONAL, n_allsides), ("bbc2225.jsonl", BBC_CATEGORIES, n - n_allsides)):
        for record in _candidates(_articles(name, keep), rng, k):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
