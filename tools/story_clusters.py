"""Group AllSides articles into multi-outlet stories, and split the stories into a development and a held-out set.

    .venv/bin/python tools/story_clusters.py ../shared/data/news/allsides_abp.jsonl --out build/f47 \
        [--exclude eval/news/articles.jsonl] [--threshold 0.07] [--min-outlets 3] [--seed 47]

Two dated articles are linked when their publication days are at most one day apart and their titles and
openings (the title and the text's first 600 characters) are alike: the cosine of their tf-idf vectors over
content words (lower case, seven letters kept, stop words out) is at least ``--threshold``. A story is a
connected set of linked articles; a set of more than 8 articles is split again with a threshold 0.05 higher
(so one long chain of days does not make one story). Stories told by at least ``--min-outlets`` distinct
outlets are kept, shuffled with ``--seed`` and cut in two halves: ``dev`` (read while fixing fusion) and
``heldout`` (judged once, after the fix). Articles listed in ``--exclude`` (the labelled news articles) are
left out, so no labelled article's events are read.

``--halves FILE`` keeps an earlier listing's stories, numbers and halves (eval/fusion/stories47.json) and only drops
the articles ``--exclude`` lists now: labelling rounds drawn after that listing took some of its articles, among them
blind ones, whose events nobody may read (session 59). A story left with one article is dropped.

Writes ``OUT/stories.json`` (each story's article ids and half: references only) and ``OUT/dev.jsonl`` and
``OUT/heldout.jsonl`` (the records of each half, for ``dateline ingest``; under build/, not committed).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import math
import random
import re
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def _words(record: dict) -> collections.Counter:
    text = f"{record.get('title') or ''} {str(record.get('text') or '')[:600]}"
    return collections.Counter(w.lower()[:7] for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in STOP_WORDS)


def _vectors(records: list[dict]) -> dict[str, dict[str, float]]:
    counts = {r["id"]: _words(r) for r in records}
    df: collections.Counter = collections.Counter()
    for c in counts.values():
        df.update(set(c))
    n = len(records)
    out = {}
    for key, c in counts.items():
        v = {w: (1 + math.log(k)) * math.log(n / df[w]) for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out[key] = {w: x / norm for w, x in v.items()}
    return out


def stories(records: list[dict], threshold: float, *, max_size: int = 8) -> list[list[str]]:
    """Connected sets of alike articles within a day of each other (see the module's docstring)."""
    vec = _vectors(records)
    day = {r["id"]: dt.date.fromisoformat(r["date"][:10]) for r in records}
    by_day: dict[dt.date, list[str]] = collections.defaultdict(list)
    for r in records:
        by_day[day[r["id"]]].append(r["id"])

    def sim(a: str, b: str) -> float:
        vb = vec[b]
        return sum(x * vb.get(w, 0.0) for w, x in vec[a].items())

    def components(members: list[str], th: float) -> list[list[str]]:
        parent = {k: k for k in members}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        inside = set(members)
        days = collections.defaultdict(list)
        for k in sorted(members):
            days[day[k]].append(k)
        for d, ms in days.items():
            near = ms + [k for k in days.get(d + dt.timedelta(days=1), []) if k in inside]
            for i, a in enumerate(ms):
                for b in near[i + 1:]:
                    if sim(a, b) >= th:
                        parent[find(a)] = find(b)
        groups = collections.defaultdict(list)
        for k in sorted(members):
            groups[find(k)].append(k)
        return list(groups.values())

    def split(members: list[str], th: float) -> list[list[str]]:
        out = []
        for m in components(members, th):
            out += split(m, th + 0.05) if len(m) > max_size and th < 0.5 else [m]
        return out

    found = []
    for m in components([r["id"] for r in records], threshold):
        found += split(m, threshold + 0.05) if len(m) > max_size else [m]
    return sorted(sorted(m) for m in found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--out", required=True)
    parser.add_argument("--exclude", default="eval/news/articles.jsonl")
    parser.add_argument("--threshold", type=float, default=0.07)
    parser.add_argument("--min-outlets", type=int, default=3)
    parser.add_argument("--seed", type=int, default=47)
    parser.add_argument("--halves", help="an earlier stories.json whose stories and halves are kept")
    args = parser.parse_args()
    excluded = {json.loads(line)["id"] for line in Path(args.exclude).read_text().splitlines() if line.strip()}
    lines = [line for line in Path(args.corpus).read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]
    keep = [(line, r) for line, r in zip(lines, records) if r.get("date") and r["id"] not in excluded]
    by_id = {r["id"]: (line, r) for line, r in keep}
    if args.halves:
        earlier = json.loads(Path(args.halves).read_text(encoding="utf-8"))
        halves = {name: [(s["story"], [i for i in s["articles"] if i in by_id]) for s in earlier if s["half"] == name]
                  for name in ("dev", "heldout")}
        halves = {name: [(n, s) for n, s in part if len(s) > 1] for name, part in halves.items()}
    else:
        found = [s for s in stories([r for _, r in keep], args.threshold)
                 if len({by_id[i][1].get("outlet") for i in s}) >= args.min_outlets]
        random.Random(args.seed).shuffle(found)
        half = (len(found) + 1) // 2
        halves = {"dev": list(enumerate(found[:half])), "heldout": list(enumerate(found[half:]))}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    listing = []
    for name, part in halves.items():
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for _, story in part:
                for i in story:
                    fh.write(by_id[i][0] + "\n")
        listing += [{"half": name, "story": n, "articles": story} for n, story in part]
        print(f"{name}: {len(part)} stories, {sum(len(s) for _, s in part)} articles, "
              f"{len({by_id[i][1].get('outlet') for _, s in part for i in s})} outlets")
    (out / "stories.json").write_text(json.dumps(listing, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
