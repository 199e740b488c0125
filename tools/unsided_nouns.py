"""The listed acts on train that no counted event finds at all and whose event noun `_noun_events` found no side
for (its "no source and no target" return), and how the sentence names the sides (session 36, nounsides36).

A lighter cousin of ``tools/missed_trace.py --found`` for this one loss point: instead of tracing every line of the
events stage, it wraps ``_noun_events`` (and counts ``_emit`` calls), so a noun whose entry was found, that yielded
nothing and never reached ``_emit`` is one whose sides found nobody. A few minutes on the parse cache (missed_trace:
30-60 under load). For each such act it writes the parse and candidate sides (codes by ``_sides``): the noun's own
modifiers, the noun after "of" and its head noun's governor, the place named after it (``_place_targets``), the
subject of the governing verb, the nearest earlier counted event of the same root or trigger lemma, the sentence's
named entities; then a table of patterns (the first that applies), with how often the candidate is one of the
label's sides.

    nice .venv/bin/python tools/unsided_nouns.py --exclude-rounds 78,79,80,81,82,83,84,85,86,87,88,89,90,91 [--out build/unsided_nouns.jsonl]

Train only (errors are read on train); the blind rounds of eval/news/blind_rounds.json are left out by default.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cached_eval import excluded_rounds, use_parse_cache  # noqa: E402
from missed_trace import body_offset, parse_of  # noqa: E402

from dateline.events import assemble  # noqa: E402
from dateline.events.roles import _place_targets  # noqa: E402
from dateline.events.sides import _sides  # noqa: E402
from dateline.events.triggers import _trigger_lemma  # noqa: E402
from dateline.lexicon import load_lexicon  # noqa: E402
from dateline.newseval import code_articles, corpus_texts, counted, load_labels  # noqa: E402
from dateline.syntax import ACTOR_ENTITIES  # noqa: E402

PATTERNS = ("own modifier names an actor", "object of \"of\" after a noun (\"a day of X\", \"results of the summit\")",
            "place named after the noun", "governing verb's subject is an actor",
            "earlier event of the same root (one of the two sentences before)", "another actor named in the sentence",
            "no actor named in the sentence")


def codes(sides: list[Any]) -> list[str]:
    return [s.get("country") or s.get("code") for s in sides if s is not None and (s.get("country") or s.get("code"))]


def features(doc: Any, t: Any, sent: Any, lex: Any) -> dict[str, Any]:
    f: dict[str, Any] = {"place": codes(_place_targets(doc, t, lex, []))}
    h = t.head
    if t.dep_ == "pobj" and h.lower_ == "of" and h.head.pos_ == "NOUN":
        f["measure"] = h.head.lemma_
        f["measure_place"] = codes(_place_targets(doc, h.head, lex, []))
        gov = h.head.head
        subj = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")] if gov.pos_ in ("VERB", "AUX") else []
        f["measure_subj"] = codes(_sides(doc, subj, lex)) if subj else []
    mods = [c for c in t.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
    f["mods"] = [(c.dep_, c.text, c.ent_type_, codes(_sides(doc, [c], lex))) for c in mods]
    gov = h.head if t.dep_ == "pobj" else h
    subj = [c for c in gov.children if c.dep_ == "nsubj"] if gov.pos_ in ("VERB", "AUX") else []
    f["gov"] = gov.lemma_
    f["gov_subj"] = codes(_sides(doc, subj, lex)) if subj else []
    f["ents"] = [(e.text, e.label_) for e in sent.ents if e.label_ in ACTOR_ENTITIES]
    return f


def pattern(row: dict[str, Any]) -> tuple[str, list[str]]:
    f = row["feats"]
    mods = [c for m in f["mods"] for c in m[3]]
    earlier = [a for a in f["earlier_root"] if a[2] <= 1]
    if mods:
        return PATTERNS[0], mods[:1]
    if "measure" in f:
        return PATTERNS[1], (f["measure_subj"] or f["measure_place"])[:1]
    if f["place"]:
        return PATTERNS[2], f["place"][:1]
    if f["gov_subj"]:
        return PATTERNS[3], f["gov_subj"][:1]
    if earlier:
        return PATTERNS[4], [earlier[0][0]]
    return (PATTERNS[5], []) if f["ents"] else (PATTERNS[6], [])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default="eval/news/labels.jsonl")
    parser.add_argument("--news", default="../shared/data/news")
    parser.add_argument("--out", default="build/unsided_nouns.jsonl")
    parser.add_argument("--exclude-rounds", default=None,
                        help="comma-separated labelling rounds left out (default: the blind rounds eval/news/blind_rounds.json names; '' for none)")
    args = parser.parse_args(argv)
    outcome: dict[tuple[str, int], tuple[str, str | None]] = {}
    docs: dict[str, Any] = {}
    emits = [0]
    noun_events, emit = assemble._noun_events, assemble._emit

    def counting_emit(*a: Any, **k: Any) -> Any:
        emits[0] += 1
        yield from emit(*a, **k)

    def watched(doc: Any, noun: Any, index: int, lex: Any, proposed: Any = None) -> Any:
        docs[doc._.article_id] = doc
        entry = proposed or assemble._noun_entry(noun, lex)
        before, n = emits[0], 0
        for event in noun_events(doc, noun, index, lex, proposed):
            n += 1
            yield event
        if entry is None or (noun.lemma_ == "talk" and noun.tag_ != "NNS"):
            what = "entry"
        else:
            what = "nosides" if emits[0] == before and n == 0 else "emitted"
        outcome[(doc._.article_id, noun.i)] = (what, entry.code if entry else None)

    assemble._emit, assemble._noun_events = counting_emit, watched  # type: ignore[assignment]
    use_parse_cache()
    lex = load_lexicon()
    labels = load_labels(args.labels)
    labels = labels.rounds(excluded_rounds(args.exclude_rounds, args.labels), keep=False)
    part = labels.split("train")
    texts = corpus_texts(part.articles, args.news)
    coded = code_articles(texts, [a["id"] for a in part.articles])
    gold = [x for x in part.labels if x["id"] in part.recall_articles and x["act"] and x["modality"] == "asserted"]
    gold += [x for x in part.missed if x["id"] in part.recall_articles and x["modality"] == "asserted"]
    by_text = {d.text: d for d in docs.values()}
    rows = []
    for act in gold:
        record = coded.get(act["id"])
        where = body_offset(record, texts[act["id"]]["text"], act) if record is not None else None
        if where is None:
            continue
        sent_start, sent_index = where
        t0, t1 = act["trigger_in_sentence"]
        lo, hi = sent_start + t0, sent_start + max(t1, t0 + 1)
        if any(e["sentence"] == sent_index and lo <= e["span"][0] < hi and counted(e) for e in record["events"]):
            continue  # found
        doc = by_text.get(record["article"]["body"])
        if doc is None:
            continue
        aid = doc._.article_id
        token = next((t for t in doc if lo <= t.idx < hi and outcome.get((aid, t.i), ("",))[0] == "nosides"), None)
        if token is None:
            continue
        sents = list(doc.sents)
        index = next(k for k, s in enumerate(sents) if s.start <= token.i < s.end)
        root = str(outcome[(aid, token.i)][1])[:2]
        earlier = [e for e in record["events"] if e["sentence"] < index and counted(e)]
        feats = features(doc, token, sents[index], lex)
        feats["earlier_root"] = [((e["source"] or {}).get("country"), (e["target"] or {}).get("country"), index - e["sentence"])
                                 for e in earlier if index - e["sentence"] <= 2 and str(e["cameo"])[:2] == root][-1:]
        feats["earlier_lemma"] = [((e["source"] or {}).get("country"), (e["target"] or {}).get("country"), index - e["sentence"])
                                  for e in earlier if index - e["sentence"] <= 5 and _trigger_lemma(doc, e) == token.lemma_][-1:]
        rows.append({"id": act["id"], "root": act["root"], "src": act["src"], "tgt": act["tgt"], "trigger": act["trigger"],
                     "code": outcome[(aid, token.i)][1], "parse": parse_of(token), "head": parse_of(token.head),
                     "text": sents[index].text, "feats": feats})
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"listed asserted acts on train: {len(gold)}; not found at all, on an event noun whose sides found nobody: {len(rows)}")
    count: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    roots: dict[str, Counter[str]] = defaultdict(Counter)
    lemmas: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        name, candidate = pattern(row)
        count[name] += 1
        hit[name] += bool(candidate and candidate[0] in (row["src"], row["tgt"]))
        roots[name][row["root"]] += 1
        lemmas[name][row["parse"].split("/")[0]] += 1
    print("| acts | pattern (the first that applies) | its candidate side is one of the label's | label roots | lemmas |")
    print("|---|---|---|---|---|")
    for name in PATTERNS:
        shown = "-" if name in PATTERNS[5:] else str(hit[name])
        print(f"| {count[name]} | {name} | {shown} | " + ", ".join(f"{r} {n}" for r, n in roots[name].most_common(4))
              + " | " + ", ".join(f"{w} {n}" for w, n in lemmas[name].most_common(5)) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
