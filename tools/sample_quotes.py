"""Sample quotes from the AllSides news corpus for hand-checking speaker attribution (not shipped).

Usage: .venv/bin/python tools/sample_quotes.py [N] > /tmp/sample.jsonl

Draws articles with a fixed seed, picks one top-level quote from each (by quote marks, with
:func:`dateline.quotes.scan_quotes`), and prints the paragraph that holds it with the paragraph
before (the context a reader needs to name the speaker). ``speaker`` is left empty: the person
checking fills it in by reading, never by copying the system's output.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from dateline.quotes import scan_quotes

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "allsides_abp.jsonl"
SEED = 20190119


def main(n: int = 60) -> None:
    rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    rng = random.Random(SEED)
    rng.shuffle(rows)
    taken = 0
    for row in rows:
        text = row["text"]
        paragraphs = [m.span() for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)]
        quotes = [q for q in scan_quotes(text) if q.depth == 0 and len(text[q.start:q.end].split()) >= 2]
        if not quotes:
            continue
        quote = rng.choice(quotes)
        k = next((i for i, (s, e) in enumerate(paragraphs) if s <= quote.start < e), None)
        if k is None or paragraphs[k][1] < quote.end:
            continue  # spans paragraphs: keep the sample to one-paragraph excerpts
        first = max(0, k - 1)
        excerpt = "\n\n".join(text[s:e] for s, e in paragraphs[first:k + 1])
        if len(excerpt) > 2500:
            continue
        print(json.dumps({"id": row["id"], "outlet": row.get("outlet"), "text": excerpt,
                          "quote": text[quote.start:quote.end], "speaker": None}, ensure_ascii=False))
        taken += 1
        if taken >= n:
            break


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
