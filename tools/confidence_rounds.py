"""How well ``confidence`` ranks and calibrates the counted events of some labelling rounds (a blind check).

Reads a ``--judged`` file of ``tools/cached_eval.py`` (every counted event with its label's verdict) and
scores the counted, judged events of the articles in the given rounds (``round`` in
eval/news/articles.jsonl; absent = 1): scikit-learn's average precision of ``confidence`` against
``right`` (real act, root and countries right), the expected calibration error over 10 equal-width bins,
and the precision of the events at or above a few thresholds.

    nice .venv/bin/python tools/cached_eval.py --split train --judged build/judged.jsonl
    .venv/bin/python tools/confidence_rounds.py build/judged.jsonl --rounds 24,25

Rounds a confidence model was fitted on score optimistically: pass the rounds it never saw
(``tools/cached_train.py --exclude-rounds`` fits one without them).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sklearn.metrics import average_precision_score

ROOT = Path(__file__).resolve().parent.parent


def article_rounds(path: Path) -> dict[str, int]:
    """Article id -> labelling round."""
    rounds: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                rounds[row["id"]] = int(row.get("round") or 1)
    return rounds


def expected_calibration_error(scores: list[float], right: list[bool], bins: int = 10) -> float:
    """Mean |accuracy - mean confidence| over equal-width bins, weighted by their events."""
    total = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [i for i, s in enumerate(scores) if low <= s < high or (b == bins - 1 and s == 1.0)]
        if members:
            accuracy = sum(right[i] for i in members) / len(members)
            mean = sum(scores[i] for i in members) / len(members)
            total += len(members) * abs(accuracy - mean)
    return total / len(scores) if scores else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("judged", type=Path, help="a --judged file of tools/cached_eval.py")
    parser.add_argument("--rounds", required=True, help="comma-separated rounds")
    parser.add_argument("--articles", type=Path, default=ROOT / "eval" / "news" / "articles.jsonl")
    args = parser.parse_args()
    wanted = {int(r) for r in args.rounds.split(",") if r.strip()}
    rounds = article_rounds(args.articles)
    scores: list[float] = []
    right: list[bool] = []
    with args.judged.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("counted") and row.get("judged") and rounds.get(row["id"]) in wanted:
                scores.append(float(row["confidence"]))
                right.append(bool(row["right"]))
    if not scores or all(right) or not any(right):
        print(f"rounds {sorted(wanted)}: {len(scores)} counted judged events; too few to score", file=sys.stderr)
        return 1
    print(f"rounds {sorted(wanted)}: {len(scores)} counted judged events, {sum(right)} right "
          f"({sum(right) / len(scores):.3f})")
    print(f"  average precision {average_precision_score(right, scores):.3f}, "
          f"ECE {expected_calibration_error(scores, right):.3f}")
    for threshold in (0.5, 0.6, 0.7, 0.8):
        kept = [r for s, r in zip(scores, right) if s >= threshold]
        share = f"{sum(kept)}/{len(kept)} = {sum(kept) / len(kept):.3f}" if kept else "0/0"
        print(f"  confidence >= {threshold}: {share}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
