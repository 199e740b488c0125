"""Session 44 (nonacts44): ``uncount_sim.py`` for classes that read the parse and the paragraph (development only).

A class of counted events is a Python expression over what ``uncount_sim.py`` gives (``ev``, ``rules``, ``src``,
``tgt``, ``text``, ``lemma``) and ``f``, the trigger's parse and surroundings read from the parse cache of
``cached_eval.py`` (``build/parse_cache``): ``f["t"]`` / ``f["head"]`` (text, lemma, pos, tag, dep, ent of the trigger
and its head), ``f["children"]`` (dep, lemma, pos, tag, ent of each dependent), ``f["root_tag"]``, ``f["root_aux"]``
(the sentence's main verb), ``f["para"]`` (the paragraph's text, stripped), ``f["para_sents"]`` (its sentences),
``f["para_end"]`` (its last character), ``f["para_caps"]`` (its share of capitalised words) and ``f["repeated"]`` (the
sentence, 25 characters or more, told word for word earlier in the body); ``re`` is there for patterns. Each class is
scored exactly as ``uncount_sim.py`` scores it (counted, right, recall, strict F1, with the class un-counted) on
train's ``read`` half (with the verdicts of the events un-counted: right, no act, real act wrong), and on the
``unread`` half, the whole of train and dev in totals only: no event of those is ever printed (``--show`` prints the
read half's only). The blind rounds are left out as in ``cached_eval.py``.

    nice .venv/bin/python tools/cached_eval.py --split train --events build/events.jsonl
    nice .venv/bin/python tools/cached_eval.py --split dev --events build/dev_events.jsonl
    nice .venv/bin/python tools/parse_classes.py build/events.jsonl --dev build/dev_events.jsonl \\
        --class 'headline=f["para_sents"] == 1 and f["para_end"] not in ".?!" and f["root_tag"] in ("VBZ", "VBP")' \\
        [--sets read,unread,all,dev] [--show 10]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402

from cached_eval import CACHE, excluded_rounds  # noqa: E402
from dateline.actors.countries import REPEAT_MIN_CHARS  # noqa: E402  (the repeated-sentence gate's length)
from dateline.newseval import corpus_texts, load_labels  # noqa: E402
from uncount_sim import counted_rows, names, totals  # noqa: E402

SETS = ("read", "unread", "all", "dev")


def _token(t: Any) -> dict[str, str]:
    return {"text": t.text, "lemma": t.lemma_.lower(), "pos": t.pos_, "tag": t.tag_, "dep": t.dep_, "ent": t.ent_type_}


def features(doc: Doc, event: dict[str, Any]) -> dict[str, Any]:
    """The trigger's parse and its sentence's and paragraph's shape ({} when the trigger is not found)."""
    span = doc.char_span(event["span"][0], event["span"][1], alignment_mode="expand")
    if span is None or not len(span):
        return {}
    t, body = span.root, doc.text
    sent = t.sent
    end = sent.start_char + len(sent.text.rstrip())
    start = body.rfind("\n\n", 0, sent.start_char)
    start = 0 if start < 0 else start + 2
    stop = body.find("\n\n", end)
    stop = len(body) if stop < 0 else stop
    para = body[start:stop].strip()
    words = [w for w in para.split() if w[:1].isalpha()]
    text = " ".join(sent.text.split())
    return {"t": _token(t), "head": _token(t.head),
            "children": [(c.dep_, c.lemma_.lower(), c.pos_, c.tag_, c.ent_type_) for c in t.children],
            "root_tag": sent.root.tag_, "root_lemma": sent.root.lemma_.lower(),
            "root_aux": [c.lemma_.lower() for c in sent.root.children if c.dep_ in ("aux", "auxpass")],
            "para": para, "para_end": para[-1:], "para_sents": sum(1 for s in doc.sents if start <= s.start_char < stop),
            "para_caps": sum(1 for w in words if w[:1].isupper()) / max(1, len(words)),
            "repeated": len(text) >= REPEAT_MIN_CHARS and text in " ".join(body[:sent.start_char].split())}


def load_set(events_path: str, split: str, half: str, labels_path: str, news: str) -> tuple[list[dict[str, Any]], list[set[int]]]:
    """The counted events of one split and half with their verdicts, finders (``uncount_sim.counted_rows``) and
    :func:`features`."""
    labels = load_labels(labels_path).rounds(excluded_rounds(None, labels_path), keep=False).half(half)
    part = labels.split(split)
    wanted = {a["id"] for a in part.articles}
    coded = {}
    with open(events_path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if str(record["id"]) in wanted:
                coded[str(record["id"])] = record
    rows, finders = counted_rows(part, corpus_texts(part.articles, news), coded)
    vocab = spacy.blank("en").vocab
    held: tuple[str, Doc | None] = ("", None)
    for row in rows:
        if held[0] != row["id"]:
            body = coded[row["id"]]["article"]["body"]
            path = CACHE / (hashlib.sha1(body.encode("utf-8")).hexdigest() + ".spacy")
            held = (row["id"], next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(vocab))) if path.exists() else None)
        row["f"] = features(held[1], row["event"]) if held[1] is not None else {}
    return rows, finders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("events", help="the coded records of a cached_eval.py --split train --events run")
    parser.add_argument("--dev", help="the coded records of a cached_eval.py --split dev --events run")
    parser.add_argument("--class", dest="classes", action="append", default=[], metavar="NAME=EXPR")
    parser.add_argument("--sets", default="read,unread,all,dev", help=f"which of {','.join(SETS)} to score")
    parser.add_argument("--show", type=int, default=0, help="print this many un-counted events of each class (read half)")
    parser.add_argument("--labels", default="eval/news/labels.jsonl")
    parser.add_argument("--news", default="../shared/data/news")
    args = parser.parse_args(argv)
    wanted = [s for s in args.sets.split(",") if s]
    if any(s not in SETS for s in wanted) or ("dev" in wanted and not args.dev):
        print(f"--sets: of {','.join(SETS)} (dev needs --dev)", file=sys.stderr)
        return 2
    sets = {s: load_set(args.dev if s == "dev" else args.events, "dev" if s == "dev" else "train",
                        "all" if s in ("all", "dev") else s, args.labels, args.news) for s in wanted}
    for spec in args.classes:
        name, _, expr = spec.partition("=")
        cells = []
        for key, (rows, finders) in sets.items():
            dropped = frozenset(n for n, r in enumerate(rows)
                                if r["f"] and eval(expr, {"re": re}, {**names(r["event"], r["text"]), "f": r["f"]}))  # noqa: S307
            base, t = totals(rows, finders), totals(rows, finders, dropped)
            tally = ""
            if key == "read":  # verdicts on the read half only
                c = Counter(rows[n]["verdict"] for n in dropped)
                tally = f" (right {c['right']}, no act {c['noact']}, real act wrong {c['realwrong']})"
            cells.append(f"{key} {len(dropped)}{tally}, right {t['right'] - base['right']:+d}, recall "
                         f"{t['recall'] - base['recall']:+d}, strict F1 {t['strict_f1'] - base['strict_f1']:+.5f}")
            if key == "read":
                for n in random.Random(1).sample(sorted(dropped), min(args.show, len(dropped))):
                    event = rows[n]["event"]
                    print(f"   [{rows[n]['verdict']}] {event['cameo']} {event['trigger']!r}: {rows[n]['text'][:160]!r}")
        print(f"{name}: " + " | ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
