"""Train scores by labelling round: the given rounds (``round`` in eval/news/articles.jsonl; absent =
1) against the others, through the real pipeline. A held-out check: rounds labelled after a change's
author last read errors (or left out of a model's fit, tools/learned_sides.py --held-out) measure
whether it transfers. ``--no-ranker`` codes with the rules' sides only.

    nice .venv/bin/python tools/sides_rounds.py [--rounds 4,6,7] [--only] [--no-ranker] [--split test] [--by-corpus]

``--split`` scores another split's rounds apart (aggregate numbers only, as for any locked split: the
release's test score on the articles of the earlier releases, round absent, and on those added later).
``--by-corpus`` also scores the given rounds' articles of each corpus apart (not for the locked splits; session 54:
read a change on AllSides first).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline import sides_model  # noqa: E402
from dateline.newseval import (LOCKED, code_articles, corpus_texts, format_by_corpus, load_labels, score,  # noqa: E402
                               scores_by_corpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-ranker", action="store_true")
    parser.add_argument("--rounds", default="3", help="comma-separated rounds to score apart (default 3)")
    parser.add_argument("--only", action="store_true",
                        help="code and score only the given rounds (a blind check of several coders, faster)")
    parser.add_argument("--split", default="train", choices=["train", "dev", "test", "fresh"],
                        help="the split whose rounds are scored apart (aggregates only)")
    parser.add_argument("--min-confidence", default=None,
                        help="comma-separated thresholds: also score the given rounds with `counted` decided at each "
                             "(totals only; tools/cached_eval.py --min-confidence)")
    parser.add_argument("--by-corpus", action="store_true", help="also the given rounds' scores by corpus")
    args = parser.parse_args()
    if args.by_corpus and args.split in LOCKED:
        parser.error(f"--by-corpus: the split {args.split} is locked (aggregate numbers only)")
    sides_model.DISABLED = args.no_ranker
    labels = load_labels(ROOT / "eval/news/labels.jsonl")
    part = labels.split(args.split)
    held = {int(r) for r in args.rounds.split(",") if r.strip()}
    if args.only:
        part = part.rounds(held)
    texts = corpus_texts(part.articles, ROOT / "../shared/data/news")
    coded = code_articles(texts, [a["id"] for a in part.articles])
    for name, keep in ((f"rounds other than {sorted(held)}", False), (f"rounds {sorted(held)}", True)):
        s = score(part.rounds(held, keep=keep), coded, texts, args.split)
        print(f"{name}: {s.articles} articles, precision {s.counted_right}/{s.counted_judged} = {s.precision:.3f}, "
              f"recall {s.gold_found_root}/{s.gold_acts}, source {s.source_right}/{s.counted_real}, "
              f"target {s.target_right}/{s.counted_real}; strict precision {s.counted_right}/"
              f"{s.counted_judged + s.counted_unjudged_recall} = {s.strict_precision:.3f} "
              f"({s.counted_unjudged_recall} unjudged counted on recall articles)")
    if args.by_corpus:
        print(f"rounds {sorted(held)} by corpus:")
        print(format_by_corpus(scores_by_corpus(part.rounds(held), coded, texts, args.split)))
    if args.min_confidence:
        from cached_eval import threshold_table

        print(f"rounds {sorted(held)} by the minimum confidence counted:")
        print(threshold_table(part.rounds(held), coded, texts, args.split,
                              [float(t) for t in args.min_confidence.split(",")]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
