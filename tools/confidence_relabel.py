"""Confidence bands under a relabelling: how the verdicts of the counted train events change from a label's
earlier version to its later one (eval/news/labels_v{N}.jsonl keep the rows a relabelling replaced), by
confidence band, and for the v5 -> v6 relabelling by the v6 decision whose tools/rejudge_v6.tsv rows selected
the label (session 40, conf40; eval/sessions/40.md "conf40"). Train only, the blind rounds left out
(eval/news/blind_rounds.json, as tools/cached_eval.py), the model's parse cached in build/parse_cache/.

    nice .venv/bin/python tools/confidence_relabel.py [--cues]

``--cues`` adds, per v6 decision, the counted train events that a rough textual cue puts in the decision's
class (a police or official attribution in the sentence of a force event, D31; IGO on both sides, D32; an act
named as the object of judging, joining or mentioning, D33; an infinitive or "in a bid to" before the trigger,
D34; a question, D35; a caption or video-block marker, D36; both sides of one country with a legislature and a
bill, D37; cancel, scrap, postpone or "called off", D38), with how many of them the relabelling took: the share of
each decision's class at high confidence that the relabelling covered. The cues are for counting, not rules.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from cached_eval import excluded_rounds, use_parse_cache  # noqa: E402
from news_labels import read_selectors, select_rejudge, selectors_path  # noqa: E402

from dateline.newseval import Judge, code_articles, corpus_texts, counted, event_keys, is_right, load_labels  # noqa: E402

BANDS = (">= 0.8", "0.7-0.8", "0.5-0.7", "< 0.5")
DECISIONS = ("D31", "D32", "D33", "D34", "D35", "D36", "D37", "D38")

POLICE = re.compile(r"\b(police|prosecutors?|investigators?|authorities|officials?|ministry|army|military)\b[^.]{0,80}"
                    r"\b(said|say|says|alleg\w*|accus\w*|blam\w*|suspect\w*|charged|arrested)\b|\bsuspect(ed|s)?\b", re.I)
OBJECT = re.compile(r"\b(condemn\w*|denounc\w*|critici[sz]\w*|concerns? (over|about)|react\w* (angrily )?to|welcom\w*|"
                    r"protest\w* against|mention\w*|discuss\w*|join\w*|took part in|blam\w* for|decr(y|ied)\w*|slam\w*)\s+"
                    r"((the|its|their|a|an|his|her|last|this|recent|new|\w+'s?)\s+){0,3}$", re.I)
AIM = re.compile(r"\b(to|in a bid to|in an attempt to|aimed at|designed to|intended to|an effort to|attempt to|order to|"
                 r"meant to|so as to|seeking to|sought to)\s+$", re.I)
FURNITURE = re.compile(r"(^\s*(PHOTO|Photo|VIDEO|Video|CLOSE|FILE|Image|Caption|WATCH|READ MORE|Related)\b|\bAP Photo\b|"
                       r"Getty Images|REUTERS/|\(Photo|Photo:|Photograph:|Corrections? (&|and) Clarif)")
BILL = re.compile(r"\b(bill|legislation|deal|budget|motion|resolution|treaty|declaration|law|amendment)\b", re.I)


def band(confidence: float | None) -> str:
    c = confidence or 0.0
    return BANDS[0] if c >= 0.8 else BANDS[1] if c >= 0.7 else BANDS[2] if c >= 0.5 else BANDS[3]


def cues(event: dict[str, Any], record: dict[str, Any]) -> set[str]:
    """The v6 decisions whose class a rough textual cue puts the event in (for counting only)."""
    body = record["article"]["body"]
    sent = record["sentences"][event["sentence"]]
    sentence, before = body[sent["start"]:sent["end"]], body[sent["start"]:event["span"][0]]
    after = body[event["span"][1]:sent["end"]]
    source, target = event.get("source") or {}, event.get("target") or {}
    root, trigger = str(event["cameo"])[:2], str(event["trigger"])
    out = set()
    if root in ("17", "18", "19", "20") and POLICE.search(sentence):
        out.add("D31")
    if source.get("country") == "IGO" and target.get("country") == "IGO":
        out.add("D32")
    if OBJECT.search(before[-60:]):
        out.add("D33")
    if AIM.search(before[-25:]) and trigger[:1].islower():
        out.add("D34")
    if sentence.rstrip().rstrip("\"'\u201d\u2019").endswith("?"):
        out.add("D35")
    if FURNITURE.search(sentence):
        out.add("D36")
    if (source.get("country") and source.get("country") == target.get("country")
            and "LEG" in (source.get("code") or "") + (target.get("code") or "") and BILL.search(sentence)):
        out.add("D37")
    if re.match(r"(cancel|scrap|postpon|axe|abort)", trigger.lower()) or (trigger.lower().startswith("call")
                                                                          and re.match(r"\s*off\b", after)):
        out.add("D38")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", default=str(ROOT / "eval/news/labels.jsonl"))
    parser.add_argument("--news", default=str(ROOT / "../shared/data/news"))
    parser.add_argument("--cues", action="store_true", help="count each v6 decision's class by a textual cue")
    args = parser.parse_args()
    use_parse_cache()
    labels = load_labels(args.labels)
    labels = labels.rounds(excluded_rounds(None, args.labels), keep=False)
    part = labels.split("train")
    texts = corpus_texts(part.articles, args.news)
    coded = code_articles(texts, [a["id"] for a in part.articles])
    folder = Path(args.labels).parent
    older: dict[int, dict[str, dict[str, Any]]] = {}
    for version in range(1, 6):
        path = folder / f"labels_v{version}.jsonl"
        if path.exists():
            rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
            older[version] = {row["event_id"]: row for row in rows}
    v5 = older.get(5, {})
    why = select_rejudge(list(v5.values()), read_selectors(selectors_path(6)), {"train", "dev"}, version=6)
    judge = Judge(part.labels, part.missed)
    chain_table: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0, 0])
    decision_table: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    cue_table: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    whole = collections.defaultdict(lambda: [0, 0, 0])  # band -> judged, right now, right with the v5 rows back
    for article in part.articles:
        record = coded.get(article["id"])
        if record is None:
            continue
        for event, key in zip(record["events"], event_keys(record, texts[article["id"]]["text"])):
            if not counted(event):
                continue
            label = judge(event, key)
            b = band(event.get("confidence"))
            if args.cues:
                found = cues(event, record)
                for d in found:
                    row = cue_table[d]
                    row[0] += 1
                    row[1] += bool(label is not None and is_right(event, label))
                    row[2] += bool(label is not None and label.get("event_id") in why)
                    if b == BANDS[0]:
                        row[3] += 1
                        row[4] += bool(label is not None and is_right(event, label))
                        row[5] += bool(label is not None and label.get("event_id") in why)
            if label is None:
                continue
            eid = label.get("event_id")
            right_now = is_right(event, label)
            was = v5.get(eid) if label.get("guidelines") == 6 else None
            whole[b][0] += 1
            whole[b][1] += right_now
            whole[b][2] += is_right(event, was) if was is not None else right_now
            chain = [old[eid] for _v, old in sorted(older.items()) if eid in old] + [label]
            for a, c in zip(chain, chain[1:]):
                ra, rc = is_right(event, a), is_right(event, c)
                row = chain_table[(f"v{a.get('guidelines') or 1} -> v{c.get('guidelines') or 1}", b)]
                row[0] += 1
                row[1] += ra
                row[2] += rc
                row[3] += ra and not rc
                row[4] += rc and not ra
            if was is not None:
                for d in why.get(eid, []):
                    row = decision_table[d]
                    row[0] += 1
                    row[1] += is_right(event, was)
                    row[2] += right_now
                    if b == BANDS[0]:
                        row[3] += 1
                        row[4] += is_right(event, was)
                        row[5] += right_now
    print("Counted train events whose label was relabelled, by relabelling and confidence band")
    print("| relabelling | band | events | right before | right after | right -> wrong | wrong -> right |")
    print("|---|---|---|---|---|---|---|")
    for (step, b), row in sorted(chain_table.items(), key=lambda kv: (kv[0][0], BANDS.index(kv[0][1]))):
        print(f"| {step} | {b} | " + " | ".join(str(x) for x in row) + " |")
    print("\nThe v5 -> v6 relabelling by the decision that selected the label (counted train events)")
    print("| decision | events | right v5 | right v6 | at >= 0.8 | right v5 | right v6 |")
    print("|---|---|---|---|---|---|---|")
    for d in DECISIONS:
        print(f"| {d} | " + " | ".join(str(x) for x in decision_table[d]) + " |")
    print("\nThe whole train split, counted and judged events by band: right under the labels now, and with the v5 "
          "rows of the v6 relabelling put back")
    print("| band | judged | right (v6) | right (v5 rows back) | precision v6 | precision v5 |")
    print("|---|---|---|---|---|---|")
    for b in BANDS:
        n, r6, r5 = whole[b]
        print(f"| {b} | {n} | {r6} | {r5} | {r6 / max(n, 1):.3f} | {r5 / max(n, 1):.3f} |")
    if args.cues:
        print("\nEach v6 decision's class by a textual cue (counted train events): right under the labels now, "
              "and how many the v6 relabelling selected")
        print("| cue | counted | right | relabelled | at >= 0.8 | right | relabelled |")
        print("|---|---|---|---|---|---|---|")
        for d in DECISIONS:
            print(f"| {d} | " + " | ".join(str(x) for x in cue_table[d]) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
