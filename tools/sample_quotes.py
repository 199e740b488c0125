"""Sample quotes from the news corpora for hand-checking speaker attribution (not shipped).

Usage: .venv/bin/python tools/sample_quotes.py [N] [--seed S] [--corpus allsides_abp.jsonl ...]
       [--skip-ids FILE ...] > /tmp/sample.jsonl

Draws articles with a fixed seed, picks one top-level quote from each (by quote marks, with
:func:`dateline.quotes.scan_quotes`), and prints the paragraph that holds it with the paragraph
before (the context a reader needs to name the speaker). ``speaker`` is left empty: the person
checking fills it in by reading, never by copying the system's output.

``--skip-ids FILE`` (repeatable) leaves out the articles a file names: a JSONL file's ``id`` fields
(a fixture of earlier samples, or an earlier draw) or a text file of ids, one a line. The labelled
news articles of eval/news/articles.jsonl (every split: locked test and fresh ones among them) are
always left out. ``--corpus`` (repeatable) draws from several corpora, articles shuffled together.
The default seed, 20190119, with AllSides alone, redraws the 60 quotes of
tests/fixtures/allsides_quotes.jsonl.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from dateline.quotes import scan_quotes

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"
LABELLED = ROOT / "eval" / "news" / "articles.jsonl"
SEED = 20190119


def read_ids(path: Path) -> set[str]:
    """The article ids a file names: JSONL rows' ``id`` (or ``text_ref.id``), else one id a line."""
    ids: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            row = json.loads(line)
            ids.add(str(row.get("id") or (row.get("text_ref") or {}).get("id")))
        else:
            ids.add(line)
    return ids


def sample(n: int, seed: int, corpora: list[str], skip: set[str]) -> list[dict]:
    rows = [json.loads(line) for corpus in corpora for line in (NEWS / corpus).open(encoding="utf-8")
            if line.strip()]
    rng = random.Random(seed)
    rng.shuffle(rows)
    taken: list[dict] = []
    for row in rows:
        if str(row["id"]) in skip:
            continue
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
        taken.append({"id": row["id"], "outlet": row.get("outlet"), "text": excerpt,
                      "quote": text[quote.start:quote.end], "speaker": None})
        if len(taken) >= n:
            break
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=60)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--corpus", action="append", help="corpus file under ../shared/data/news (default allsides_abp.jsonl)")
    parser.add_argument("--skip-ids", action="append", type=Path, default=[], help="leave out the articles this file names")
    args = parser.parse_args()
    skip: set[str] = set()
    if LABELLED.exists():
        skip |= read_ids(LABELLED)
    for path in args.skip_ids:
        skip |= read_ids(path)
    for row in sample(args.n, args.seed, args.corpus or ["allsides_abp.jsonl"], skip):
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
