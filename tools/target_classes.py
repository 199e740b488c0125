"""The wrong targets of counted real acts on train, by mechanism (eval/sessions/28.md "targets6").

Joins three files of the same coder, by article and trigger span:

    nice .venv/bin/python tools/cached_eval.py --split train --exclude-rounds 78,79,80,81,82,83,84,85,86,87,88,89,90,91 --judged build/judged.jsonl --all-events
    nice .venv/bin/python tools/cached_eval.py --split train --exclude-rounds 78,79,80,81,82,83,84,85,86,87,88,89,90,91 --events build/events.jsonl
    nice .venv/bin/python tools/learned_sides.py --recode --cached-parse --exclude 78,79,80,81,82,83,84,85,86,87,88,89,90,91 --held-out none --no-dev --oracle-only
    nice .venv/bin/python tools/target_classes.py --judged build/judged.jsonl --events build/events.jsonl

(the side chooser's candidate pools from ``build/learned_sides.pkl``; the parse from ``build/parse_cache``) and prints
a Markdown table: each wrong target in one class (label NONE / coded NONE / wrong country, by the source's own
country, transnational labels and whether the label is among the candidates), with counts of the mechanisms that
cut across them (noun trigger, the label's country the object of a preposition on the trigger, coordination, a
place coded, meetings and visits, statements). Development only: reads the articles' text, never a locked split.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.newseval import country_level, real_act  # noqa: E402
from dateline.kb import CAMEO_TRANSNATIONAL as TRANSNATIONAL  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
from cached_eval import CACHE  # noqa: E402  (the parse cache's folder)


def real_acts(path: str) -> list[dict[str, Any]]:
    """The counted events of a ``--judged`` file that the eval counts as real acts."""
    out = []
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if r["counted"] and r["label"] and real_act(r, r["label"]):
            out.append(r)
    return out


def label_relation(doc: Any, trigger: Any, heads: list[Any]) -> str | None:
    """The dependency path (up to four steps) from the nearest label mention up to the trigger."""
    best: tuple[str, bool] | None = None
    for h in heads:
        t, chain = h, []
        for _ in range(4):
            chain.append(t.dep_ + (f"({t.head.lower_})" if t.dep_ == "pobj" else ""))
            if t.head == trigger or t.head == t:
                break
            t = t.head
        cand = ("/".join(chain), t.head == trigger)
        if best is None or (cand[1] and not best[1]) or (cand[1] == best[1] and len(cand[0]) < len(best[0])):
            best = cand
    return None if best is None else best[0] if best[1] else "not under trigger"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--judged", required=True)
    parser.add_argument("--events", required=True)
    parser.add_argument("--sides", default=str(ROOT / "build/learned_sides.pkl"))
    args = parser.parse_args()
    import spacy
    from spacy.tokens import DocBin

    real = real_acts(args.judged)
    wrong = [r for r in real if r["tgt_level"] != r["label"]["tgt"]]
    cands_of = {(r["article"], tuple(r.get("span") or ())): r["cands"]["target"]
                for r in pickle.loads(Path(args.sides).read_bytes()) if r["split"] == "train"}
    need = {r["id"] for r in wrong}
    records = {}
    for line in open(args.events, encoding="utf-8"):
        rec = json.loads(line)
        if rec["id"] in need:
            records[rec["id"]] = rec
    vocab = spacy.blank("en").vocab
    docs: dict[str, Any] = {}
    rows = []
    for r in wrong:
        gold, cur, src = r["label"]["tgt"], r["tgt_level"], r["src_level"]
        cands = cands_of.get((r["id"], tuple(r["span"])))
        rec = records[r["id"]]
        if r["id"] not in docs:
            body = rec["article"]["body"]
            path = CACHE / (hashlib.sha1(body.encode("utf-8")).hexdigest() + ".spacy")
            docs.clear()
            docs[r["id"]] = next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(vocab)))
        doc = docs[r["id"]]
        sent = rec["sentences"][r["sentence"]]
        span = doc.char_span(r["span"][0], r["span"][1], alignment_mode="expand")
        heads = [s.root for a in rec["actors"] if country_level(a) == gold for m in a.get("mentions") or []
                 if sent["start"] <= m["start"] < sent["end"]
                 for s in [doc.char_span(m["start"], m["end"], alignment_mode="expand")] if s is not None]
        rel = label_relation(doc, span.root, heads) if span is not None and heads else None
        if cands is None:
            where = "no candidate row"
        elif gold in cands and "pool=sent" in cands[gold]:
            where = "among the sentence's candidates"
        elif gold in cands:
            where = "among the wider candidates"
        else:
            where = "no candidate"
        own_cur, own_gold = cur == src and cur != "NONE", gold == src and gold != "NONE"
        place = r["rules"].get("target") in ("_act_place", "target_of_place") or any(
            f"frame=prep:{p}" in (cands or {}).get(cur, {}) for p in ("in", "at"))
        if gold == "NONE":
            cls = "A. label NONE, coded " + ("the source's own country" if own_cur else "a place" if place else "another actor")
        elif cur == "NONE":
            cls = "B. coded NONE, label " + ("the source's own country" if own_gold else "transnational" if gold in TRANSNATIONAL
                                             else "another country, " + where)
        elif own_gold:
            cls = "C. wrong country: the label the source's own"
        elif own_cur:
            cls = "C. wrong country: coded the source's own, the label another"
        elif gold in TRANSNATIONAL:
            cls = "C. wrong country: the label transnational, " + ("no candidate" if where == "no candidate" else "a candidate")
        else:
            cls = "C. wrong third country: the label " + where
        conj = any(h.dep_ == "conj" or any(c.dep_ == "conj" for c in h.children) for h in heads) or "conj" in (rel or "")
        rows.append((cls, str(r["rules"].get("trigger", "")).startswith("nouns"), (rel or "").startswith("pobj("), conj,
                     place, str(r["cameo"])[:2] == "04", str(r["cameo"])[:2] == "01"))
    print(f"counted real acts {len(real)}, target wrong {len(wrong)}\n")
    print("| class | events | noun trigger | label via a preposition | coordination | coded a place | meeting/visit (04) | statement (01) |")
    print("|---|---|---|---|---|---|---|---|")
    for cls in sorted({row[0] for row in rows}) + ["total"]:
        group = [row for row in rows if cls in ("total", row[0])]
        print(f"| {cls} | {len(group)} | " + " | ".join(str(sum(row[k] for row in group)) for k in range(1, 7)) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
