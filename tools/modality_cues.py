"""Session 37 (modality37): counted events on train that the labels call claimed, hypothetical, intended or
negated (and not a real act as coded), by a cue word near the trigger, by trigger kind and by the modality rule;
and the labelled asserted acts the coder left non-asserted. Development only; blind rounds left out.

    nice .venv/bin/python tools/cached_eval.py --split train --judged build/m37/base_judged.jsonl --all-events --by-rule
    nice .venv/bin/python tools/modality_cues.py build/m37/base_judged.jsonl

The cue test is a regular expression over 60 characters before the trigger and 30 after (crude: a cue of a
neighbouring clause is counted too); an event may fall in several rows. Samples go to build/m37/samples.json."""
import json, re, sys, collections
from pathlib import Path
from dateline.newseval import load_labels, corpus_texts, blind_rounds, real_act
judged_path = sys.argv[1]
labels = load_labels("eval/news/labels.jsonl")
labels = labels.rounds(set(blind_rounds("eval/news/labels.jsonl")), keep=False)
part = labels.split("train")
texts = corpus_texts(part.articles, "../shared/data/news")
rows = [json.loads(l) for l in open(judged_path)]
def sent(text, a, b):
    s = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a), text.rfind("? ", 0, a))
    e = min([x for x in (text.find(". ", b), text.find("\n", b), text.find("? ", b)) if x >= 0] or [len(text)])
    return text[s+1:e+1].strip()
CUES = [
 ("if/unless", r"\b(if|unless|whether)\b"),
 ("would", r"\bwould\b"), ("could/might/may", r"\b(could|might|may)\b"),
 ("will/'ll/shall", r"\b(will|shall)\b|'ll\b"), ("going to", r"\bgoing to\b"),
 ("plan/intend/aim", r"\b(plan|plans|planned|planning|intend\w*|aims? to|aimed to|seeks? to|sought to|seeking to|hopes? to|wants? to|wanted to)\b"),
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
]
tab = collections.defaultdict(lambda: collections.Counter())
by_rule = collections.defaultdict(collections.Counter)
by_kind = collections.defaultdict(collections.Counter)
lost = collections.Counter(); lostrule = collections.Counter()
samples = collections.defaultdict(list)
def kind(r):
    code = r["rules"].get("code", "")
    trig = r["rules"].get("trigger", "")
    if str(r["cameo"]).startswith("01") or "statement" in code or "said" in code: return "statement"
    if "nouns" in trig or "noun" in code: return "noun"
    return "verb"
for r in rows:
    if not r["judged"]: continue
    lab = r["label"]
    text = texts[r["id"]]["text"]
    a, b = r["span"]
    s = sent(text, a, b)
    pre = text[max(0, a-80):a].lower()
    near = text[max(0, a-60):min(len(text), b+30)].lower()
    if lab["act"] and lab["modality"] in ("claimed", "hypothetical", "intended", "negated") and r["counted"] and not real_act({"cameo": r["cameo"]}, lab):
        cls = "L:" + lab["modality"]
    elif r["counted"] and r["right"]:
        cls = "right"
    elif r["counted"]:
        cls = "wrong-other"
    else:
        cls = None
    if r["counted"] and cls:
        by_rule[r["rules"].get("modality")][cls] += 1
        by_kind[kind(r)][cls] += 1
        hits = []
        for name, pat in CUES:
            if pat is None:
                if re.search(r"\bto\s+\w*$", text[max(0,a-20):a].lower()): hits.append(name)
                continue
            if re.search(pat, near): hits.append(name)
        for h in hits or ["(none)"]:
            tab[h][cls] += 1
            if cls.startswith("L:") and len(samples[(h, cls)]) < 400:
                samples[(h, cls)].append((r["trigger"], r["cameo"], r["modality"], r["rules"].get("modality"), text[max(0,a-120):a] + "[[" + text[a:b] + "]]" + text[b:b+60]))
    # lost: asserted-labelled real acts where coder emitted non-asserted / negated
    if lab and lab["act"] and lab["modality"] == "asserted" and (r["modality"] != "asserted" or r["negated"]):
        key = ("neg" if r["negated"] else "") + r["modality"]
        lost[key] += 1; lostrule[r["rules"].get("modality")] += 1
        samples[("LOST", key)].append((r["trigger"], r["cameo"], r["modality"], r["rules"].get("modality"), text[max(0,a-120):a] + "[[" + text[a:b] + "]]" + text[b:b+60]))
cols = ["L:claimed", "L:hypothetical", "L:intended", "L:negated", "right", "wrong-other"]
print("cue near trigger (60 chars before, 30 after) | " + " | ".join(cols))
for h, c in sorted(tab.items(), key=lambda x: -sum(x[1][k] for k in cols[:4])):
    print(f"{h:28s} " + " ".join(f"{c[k]:6d}" for k in cols))
print("\nby trigger kind"); [print(f"{k:12s}", " ".join(f"{c[x]:6d}" for x in cols)) for k, c in by_kind.items()]
print("\nby modality rule"); [print(f"{str(k):20s}", " ".join(f"{c[x]:6d}" for x in cols)) for k, c in by_rule.items()]
print("\nlost (label asserted, coder not):", lost, lostrule)
Path("build/m37").mkdir(parents=True, exist_ok=True)
json.dump({f"{k[0]}|{k[1]}": v for k, v in samples.items()}, open("build/m37/samples.json", "w"), indent=0)
