"""The wrong targets of counted real train acts by what the label wanted, where its country is named and the
strategy that chose the target (eval/sessions/41.md, "targets41").

    PYTHONPATH=src nice .venv/bin/python tools/cached_eval.py --split train --judged build/j.jsonl --all-events --events build/e.jsonl
    PYTHONPATH=src nice .venv/bin/python tools/target_where.py --judged build/j.jsonl --events build/e.jsonl [--all]

Joins a ``--judged`` file and an ``--events`` file of the same coder (by article) with the parse cache
(``build/parse_cache``) and prints three Markdown tables over the counted real acts whose target country is
wrong (by default only those with the right root and source, whose target alone keeps them from being right;
``--all``: every one): (1) what the label wanted (NONE, the source's own country, another country, a
transnational code) by where the labelled country is named (an actor of that country in the event's sentence:
the trigger's subject, object, prepositional object, a possessor, an appositive, inside a clause of the
trigger, a modifier, elsewhere in the sentence; else the previous sentence, earlier ones, later only, not
named), with what was coded (NONE, the source's own, another); (2) the target rule and country strategy
(``evidence.rules.target`` / ``target_country``) by that place; (3) every counted real act with the right root
and source by target rule and country strategy: target right, and what the label wanted when wrong.
Development only: reads the train articles' text, never a locked split; the judged file leaves the blind rounds
out as ``cached_eval.py`` does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.newseval import coded_root, country_level, real_act  # noqa: E402
from dateline.kb import CAMEO_TRANSNATIONAL as TRANSNATIONAL  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
from cached_eval import CACHE  # noqa: E402  (the parse cache's folder)

ARGUMENT = ("dobj", "dative", "iobj", "attr", "oprd")
CLAUSE = ("ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp")


def path_up(token: Any, trigger: Any, steps: int = 6) -> list[str] | None:
    """The dependency labels from a token up to the trigger (None when the trigger is not above it)."""
    path: list[str] = []
    for _ in range(steps):
        if token == trigger:
            return path
        path.append(token.dep_)
        if token.head == token:
            return None
        token = token.head
    return path if token == trigger else None


def relation(path: list[str] | None) -> str | None:
    """What a mention is to the trigger, from :func:`path_up`."""
    if path is None:
        return None
    if not path:
        return "the trigger itself"
    core = [d for d in path if d not in ("conj", "cc")]
    first = core[0] if core else path[0]
    if "poss" in path:
        return "possessor"
    if "appos" in path:
        return "appositive"
    if any(d in CLAUSE for d in path):
        return "inside a clause of the trigger"
    if path[-1] in ("nsubj", "nsubjpass", "csubj", "expl"):
        return "subject" if first in ("nsubj", "nsubjpass") else "modifier of the subject"
    if path[-1] in ARGUMENT:
        return "object" if first in ARGUMENT else "modifier of the object"
    if path[-1] == "agent":
        return "by-agent"
    if path[-1] == "prep":
        return "prepositional object" if first == "pobj" else "modifier of a prepositional object"
    return "modifier of the trigger" if first in ("compound", "amod", "nmod") and len(core) == 1 else "other, under the trigger"


def where_named(record: dict[str, Any], doc: Any, row: dict[str, Any], gold: str) -> str:
    """Where the labelled country is named: its best-placed mention in the sentence, else the sentences around."""
    sentence = record["sentences"][row["sentence"]]
    mentions = [m for a in record["actors"] if country_level(a) == gold for m in a.get("mentions") or []]
    inside = [m for m in mentions if sentence["start"] <= m["start"] < sentence["end"]]
    span = doc.char_span(row["span"][0], row["span"][1], alignment_mode="expand")
    if inside:
        best: tuple[bool, int, str] | None = None
        for m in inside:
            words = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if words is None or span is None:
                continue
            kind = relation(path_up(words.root, span.root))
            cand = (kind is not None, -abs(words.root.i - span.root.i), kind or "in the sentence, not under the trigger")
            best = cand if best is None or cand > best else best
        return best[2] if best else "in the sentence, not under the trigger"
    index = row["sentence"]
    if any(m["sentence"] == index - 1 for m in mentions):
        return "previous sentence"
    if any(m["sentence"] < index - 1 for m in mentions):
        return "earlier sentences"
    return "later only" if any(m["sentence"] > index for m in mentions) else "not named"


def wanted(row: dict[str, Any]) -> str:
    gold = row["label"]["tgt"]
    if gold == "NONE":
        return "NONE"
    if gold in TRANSNATIONAL:
        return "transnational"
    return "the source's own" if gold == row["label"]["src"] else "another country"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--judged", required=True)
    parser.add_argument("--events", required=True)
    parser.add_argument("--all", action="store_true", help="every wrong target, not only those with root and source right")
    args = parser.parse_args()
    import spacy
    from spacy.tokens import DocBin

    real = []
    for line in open(args.judged, encoding="utf-8"):
        r = json.loads(line)
        if r["counted"] and r["label"] and real_act(r, r["label"]):
            r["rs"] = str(r["cameo"])[:2] == coded_root(r["label"]) and r["src_level"] == r["label"]["src"]
            real.append(r)
    wrong = [r for r in real if r["tgt_level"] != r["label"]["tgt"] and (args.all or r["rs"])]
    need = {r["id"] for r in wrong}
    vocab = spacy.blank("en").vocab
    rows: list[tuple[str, str, str, str]] = []
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in wrong:
        by_article[r["id"]].append(r)
    for line in open(args.events, encoding="utf-8"):
        record = json.loads(line)
        if record["id"] not in need:
            continue
        body = record["article"]["body"]
        path = CACHE / (hashlib.sha1(body.encode("utf-8")).hexdigest() + ".spacy")
        doc = next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(vocab)))
        for r in by_article[record["id"]]:
            gold, cur = r["label"]["tgt"], r["tgt_level"]
            place = "not named" if gold == "NONE" else where_named(record, doc, r, gold)
            coded = "NONE" if cur == "NONE" else "the source's own" if cur == r["src_level"] else "another"
            strategy = f"{r['rules'].get('target')} / {r['rules'].get('target_country') or '-'}"
            rows.append((wanted(r), place, coded, strategy))
    print(f"counted real acts {len(real)}, wrong targets {len(wrong)} ({'all' if args.all else 'root and source right'})\n")
    print("| label wanted | where its country is named | n | coded NONE | coded the source's own | coded another |")
    print("|---|---|---|---|---|---|")
    for want, n in Counter(w for w, _, _, _ in rows).most_common():
        places = Counter(p for w, p, _, _ in rows if w == want)
        for place, m in places.most_common():
            coded = Counter(c for w, p, c, _ in rows if w == want and p == place)
            print(f"| {want} ({n}) | {place} | {m} | {coded['NONE']} | {coded['the source' + chr(39) + 's own']} | {coded['another']} |")
    places = [p for p, _ in Counter(p for _, p, _, _ in rows).most_common(9)]
    print("\n| target rule / country strategy | n | " + " | ".join(places) + " | other |")
    print("|---|---|" + "---|" * (len(places) + 1))
    for strategy, n in Counter(s for _, _, _, s in rows).most_common(12):
        got = Counter(p for _, p, _, s in rows if s == strategy)
        print(f"| {strategy} | {n} | " + " | ".join(str(got[p]) for p in places) + f" | {n - sum(got[p] for p in places)} |")
    cells: dict[str, Counter[str]] = defaultdict(Counter)
    for r in real:
        if not r["rs"]:
            continue
        c = cells[f"{r['rules'].get('target')} / {r['rules'].get('target_country') or '-'}"]
        c["n"] += 1
        c["right" if r["tgt_level"] == r["label"]["tgt"] else wanted(r)] += 1
    print("\n| target rule / country strategy (root and source right) | n | target right | label the source's own | another country | transnational | NONE |")
    print("|---|---|---|---|---|---|---|")
    for strategy, c in sorted(cells.items(), key=lambda kv: -(kv[1]["n"] - kv[1]["right"]))[:20]:
        print(f"| {strategy} | {c['n']} | {c['right']} | {c['the source' + chr(39) + 's own']} | {c['another country']} | {c['transnational']} | {c['NONE']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
