"""Actor accuracy on the dev gold's actor spans (development tool; reads ../shared, not shipped).

For every expected event of ``plover_gsr_cameo_manual.jsonl`` with a ``source_text``/``target_text``,
run the actors stage on the record's text, find the actor mentioned in that span text (the longest
mention inside the first occurrence of the span, via ``actors.actor_ref``) and compare its code with
the gold ``source``/``target``:

- country: the first three letters, over all gold spans;
- full code: country and sector (``kb.split_code``: ``IGOUNOMIL`` and ``IGOMIL`` are both IGO + MIL),
  over the gold spans whose code has an agent sector (``ISRMIL``, not ``ISR`` or ``ISR***``).

The gold uses some old CAMEO country codes (JAP, ITL, ...); they are compared as written, so they
count as misses.

Run: .venv/bin/python tools/actor_accuracy.py [--show-misses]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from dateline.actors import actor_ref
from dateline.kb import split_code
from dateline.nlp import load_nlp, make_doc
from dateline.pipeline import sentence_article

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "eventgold" / "plover_gsr_cameo_manual.jsonl"


def main() -> int:
    show = "--show-misses" in sys.argv
    nlp = load_nlp(("dateline_actors",))
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in records]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(make_doc(nlp, sentence_article(t, record=i)) for i, t in enumerate(texts)))
    elapsed = time.perf_counter() - t0
    total = right = found = 0
    with_sector = full_right = 0
    for record, doc in zip(records, docs):
        for event in record["expected"]:
            for side in ("source", "target"):
                gold, span_text = event.get(side), event.get(f"{side}_text")
                if not gold or not span_text:
                    continue
                total += 1
                start = record["text"].find(span_text)
                ref = actor_ref(doc, start, start + len(span_text)) if start >= 0 else None
                got = (ref or {}).get("code") or ""
                found += bool(got)
                country_ok = got[:3] == gold[:3]
                right += country_ok
                gold_sector = split_code(gold)[1] if "*" not in gold else None
                full_ok = None
                if gold_sector:
                    with_sector += 1
                    full_ok = split_code(got) == (gold[:3], gold_sector)
                    full_right += full_ok
                if show and (not country_ok or full_ok is False):
                    sys.stdout.write(f"{gold}\t{got or '-'}\t{span_text!r}\t{record['id']}\n")
    sys.stdout.write(f"actor-country accuracy: {right}/{total} = {right / total:.3f} "
                     f"(coded {found}/{total}); {len(texts)} texts in {elapsed:.1f}s\n")
    sys.stdout.write(f"actor full-code accuracy (country + sector, gold with a sector): "
                     f"{full_right}/{with_sector} = {full_right / with_sector:.3f}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
