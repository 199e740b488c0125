"""Session 37 (modality37): counted events on train that the labels call claimed, hypothetical, intended or
negated (and not a real act as coded), by a cue word near the trigger, by trigger kind and by the modality rule;
and the labelled asserted acts the coder left non-asserted. Development only; blind rounds left out.

    nice .venv/bin/python tools/cached_eval.py --split train --judged build/m37/base_judged.jsonl --all-events --by-rule
    nice .venv/bin/python tools/modality_cues.py build/m37/base_judged.jsonl [--samples build/m37/samples.json] [--max-samples 50]

The cue test is a regular expression over 60 characters before the trigger and 30 after (crude: a cue of a
neighbouring clause is counted too); an event may fall in several rows. Samples (at most ``--max-samples`` a row)
go to ``--samples``."""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

#: (row name, regular expression over the text near the trigger; None: a "to" right before the trigger)
CUES: tuple[tuple[str, str | None], ...] = (
    ("if/unless", r"\b(if|unless|whether)\b"),
    ("would", r"\bwould\b"), ("could/might/may", r"\b(could|might|may)\b"),
    ("will/'ll/shall", r"\b(will|shall)\b|'ll\b"), ("going to", r"\bgoing to\b"),
    ("plan/intend/aim", r"\b(plan|plans|planned|planning|intend\w*|aims? to|aimed to|seeks? to|sought to|seeking to|"
                        r"hopes? to|wants? to|wanted to)\b"),
    ("expected/scheduled/set to", r"\b(expected|scheduled|set|due|poised|likely|ready|prepared) to\b"),
    ("threat/vow/promise", r"\b(threat\w*|vow\w*|pledg\w*|promis\w*|warn\w*)\b"),
    ("urge/call/demand/ask", r"\b(urg\w*|call(ed|s|ing)? (on|for)|demand\w*|ask\w*|press(ed|ing)? for)\b"),
    ("accuse/allege/claim", r"\b(accus\w*|alleg\w*|claim\w*|blam\w*)\b"),
    ("deny", r"\b(den(y|ied|ies|ial)\w*)\b"),
    ("refuse/fail/reject", r"\b(refus\w*|fail\w*|declin\w*|reject\w*)\b"),
    ("not/n't/never/no", r"\b(not|never|no|nor|without)\b|n't\b"),
    ("question ?", r"\?"),
    ("future time", r"\b(next (week|month|year)|tomorrow|upcoming|coming (weeks|months|days)|later this (week|month|year))\b"),
    ("said/told/according", r"\b(said|says|told|according to|reported)\b"),
    ("to-infinitive before", None),
)
#: The columns of the tables: the labels' modality of a counted event that is no real act as coded, then the others.
COLUMNS = ("L:claimed", "L:hypothetical", "L:intended", "L:negated", "right", "wrong-other")


def kind(row: dict[str, Any]) -> str:
    """statement, noun or verb: the trigger's kind, by its root and rules."""
    code, trigger = row["rules"].get("code", ""), row["rules"].get("trigger", "")
    if str(row["cameo"]).startswith("01") or "statement" in code or "said" in code:
        return "statement"
    return "noun" if "nouns" in trigger or "noun" in code else "verb"


def cues_near(text: str, start: int, end: int) -> list[str]:
    """The rows of :data:`CUES` whose cue is near the trigger at ``text[start:end]``."""
    near = text[max(0, start - 60):min(len(text), end + 30)].lower()
    hits = []
    for name, pattern in CUES:
        if pattern is None:
            if re.search(r"\bto\s+\w*$", text[max(0, start - 20):start].lower()):
                hits.append(name)
        elif re.search(pattern, near):
            hits.append(name)
    return hits


def tabulate(rows: list[dict[str, Any]], texts: dict[str, Any], max_samples: int) -> dict[str, Any]:
    """The tables (by cue, by trigger kind, by modality rule, the lost asserted acts) and their samples."""
    from dateline.newseval import real_act

    by_cue: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    by_rule: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    by_kind: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    lost: collections.Counter[str] = collections.Counter()
    lost_rule: collections.Counter[str] = collections.Counter()
    samples: dict[str, list[Any]] = collections.defaultdict(list)

    def sample(key: str, row: dict[str, Any], text: str, start: int, end: int) -> None:
        if len(samples[key]) < max_samples:
            samples[key].append((row["trigger"], row["cameo"], row["modality"], row["rules"].get("modality"),
                                 text[max(0, start - 120):start] + "[[" + text[start:end] + "]]" + text[end:end + 60]))

    for row in rows:
        if not row["judged"]:
            continue
        label, text = row["label"], texts[row["id"]]["text"]
        start, end = row["span"]
        if label["act"] and label["modality"] in ("claimed", "hypothetical", "intended", "negated") \
                and row["counted"] and not real_act({"cameo": row["cameo"]}, label):
            cls = "L:" + label["modality"]
        elif row["counted"]:
            cls = "right" if row["right"] else "wrong-other"
        else:
            cls = None
        if cls is not None:
            by_rule[str(row["rules"].get("modality"))][cls] += 1
            by_kind[kind(row)][cls] += 1
            for hit in cues_near(text, start, end) or ["(none)"]:
                by_cue[hit][cls] += 1
                if cls.startswith("L:"):
                    sample(f"{hit}|{cls}", row, text, start, end)
        if label and label["act"] and label["modality"] == "asserted" and (row["modality"] != "asserted" or row["negated"]):
            key = ("neg" if row["negated"] else "") + row["modality"]
            lost[key] += 1
            lost_rule[str(row["rules"].get("modality"))] += 1
            sample(f"LOST|{key}", row, text, start, end)
    return {"by_cue": by_cue, "by_kind": by_kind, "by_rule": by_rule, "lost": lost, "lost_rule": lost_rule,
            "samples": samples}


def show(tables: dict[str, Any]) -> str:
    lines = ["cue near trigger (60 chars before, 30 after) | " + " | ".join(COLUMNS)]
    for name, counts in sorted(tables["by_cue"].items(), key=lambda x: -sum(x[1][k] for k in COLUMNS[:4])):
        lines.append(f"{name:28s} " + " ".join(f"{counts[k]:6d}" for k in COLUMNS))
    for title, key in (("by trigger kind", "by_kind"), ("by modality rule", "by_rule")):
        lines += ["", title] + [f"{name:20s} " + " ".join(f"{counts[k]:6d}" for k in COLUMNS)
                                for name, counts in tables[key].items()]
    lines += ["", f"lost (label asserted, coder not): {dict(tables['lost'])} {dict(tables['lost_rule'])}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("judged", type=Path, help="the --judged --all-events file of tools/cached_eval.py on train")
    parser.add_argument("--labels", default=str(ROOT / "eval" / "news" / "labels.jsonl"))
    parser.add_argument("--news", default=str(ROOT.parent / "shared" / "data" / "news"))
    parser.add_argument("--samples", type=Path, default=ROOT / "build" / "m37" / "samples.json")
    parser.add_argument("--max-samples", type=int, default=50, help="samples kept for each row (default 50)")
    args = parser.parse_args(argv)
    from dateline.newseval import blind_rounds, corpus_texts, load_labels

    labels = load_labels(args.labels)
    labels = labels.rounds(set(blind_rounds(args.labels)), keep=False)
    texts = corpus_texts(labels.split("train").articles, args.news)
    rows = [json.loads(line) for line in args.judged.read_text(encoding="utf-8").splitlines() if line.strip()]
    tables = tabulate(rows, texts, args.max_samples)
    print(show(tables))
    args.samples.parent.mkdir(parents=True, exist_ok=True)
    args.samples.write_text(json.dumps(tables["samples"], indent=0) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
