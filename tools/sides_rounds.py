"""Train scores by labelling round (held-out check for tools/learned_sides.py): the round-3 train
articles were not used to fit the side ranker. ``--no-ranker`` codes with the rules' sides only.

    nice .venv/bin/python tools/sides_rounds.py [--no-ranker]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline import sides_model  # noqa: E402
from dateline.newseval import LabelSet, code_articles, corpus_texts, load_labels, score  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-ranker", action="store_true")
    args = parser.parse_args()
    sides_model.DISABLED = args.no_ranker
    labels = load_labels(ROOT / "eval/news/labels.jsonl")
    part = labels.split("train")
    texts = corpus_texts(part.articles, ROOT / "../shared/data/news")
    coded = code_articles(texts, [a["id"] for a in part.articles])
    for name, keep in (("round 1", lambda a: a.get("round") != 3), ("round 3", lambda a: a.get("round") == 3)):
        ids = {a["id"] for a in part.articles if keep(a)}
        sub = LabelSet([a for a in part.articles if a["id"] in ids], [x for x in part.labels if x["id"] in ids],
                       [x for x in part.missed if x["id"] in ids], part.recall_articles & ids)
        s = score(sub, coded, texts, "train")
        print(f"{name}: {s.articles} articles, precision {s.counted_right}/{s.counted_judged} = {s.precision:.3f}, "
              f"recall {s.gold_found_root}/{s.gold_acts}, source {s.source_right}/{s.counted_real}, "
              f"target {s.target_right}/{s.counted_real}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
