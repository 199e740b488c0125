"""The lexicon audited by numbers (development only, not shipped; session 46).

Reads a ``--judged --all-events`` file of ``tools/cached_eval.py`` (the ``read`` half of train: never
run it on a file of the ``unread`` half, the blind rounds, dev or test) and prints one row per lexicon
entry, the event's ``evidence.rules.trigger`` (``verbs.tsv:gather``, ``nouns.tsv:visit``) with its
code rule (``_verb_entry``, ``_noun_entry``, ``_sense``, ...): the counted events, how many are
right, labelled no act, labelled an act the text does not assert (claimed, hypothetical, intended,
negated), real acts with the root right (each finds its listed act for recall, whatever its sides: an entry
with no right event may still hold recall) and with the root wrong, and the labels' roots of those, sorted by
wrong events.

``own`` counts the counted events the entry's own code decided: code rule ``_verb_entry`` or
``_noun_entry`` and the root of the bare row (``verbs*.tsv`` with no particle, or ``nouns.tsv``), so
not a particle row, a pattern of another root or the learned root correction. Those are the events
a change of the bare row changes.

``--rule N,p,M,q`` also prints what the session 46 audit rule (eval/sessions/46.md) would
change, over the ``own`` events of each entry:

* null: at least N own events, at most a share p of them real acts (or with ``,right``, at most a share p of
  them right), and at most one right: the bare row codes nothing (``---`` in verbs_extra.tsv; its block's
  patterns still code the verb);
* re-root: at least M own events that are real acts, of which a share of at least q are labelled one
  other root R, and more of them labelled R than right: the bare row is coded R's general code
  (``R0``: "03" -> "030"), to be checked against the CAMEO codebook.

    nice .venv/bin/python tools/lexicon_audit.py build/judged_read.jsonl [--top 60] [--min 5]
        [--rule 8,0.25,8,0.6] [--json build/audit.json]
    nice .venv/bin/python tools/lexicon_audit.py build/base_judged_read.jsonl --diff build/new_judged_read.jsonl
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path
from typing import Any

from dateline.codebook import cameo_name
from dateline.lexicon import load_lexicon
from dateline.newseval import article_half, coded_root, real_act

ENTRY_RULES = ("_verb_entry", "_noun_entry")


def bare_code(trigger: str, lex: Any) -> str | None:
    """The code of the entry's bare row ("" for a null row), or None when the trigger is no lexicon row."""
    table, _, lemma = trigger.partition(":")
    if table == "verbs.tsv":
        found = lex.verbs.get((lemma, ""))
        return None if found is None else found[0].code
    if table == "nouns.tsv":
        found = lex.nouns.get(lemma)
        return None if found is None else found.code
    return None


def _read(path: Path) -> list[dict[str, Any]]:
    """The counted events of a judged file, refusing any event of an article outside the read half."""
    with path.open(encoding="utf-8") as lines:
        events = [event for event in map(json.loads, lines) if event.get("counted")]
    for event in events:
        if article_half(event["id"]) != "read":
            raise SystemExit(f"{event['id']} is not in the read half: audit the read half only")
    return events


def audit(path: Path) -> list[dict[str, Any]]:
    """One row per (trigger, code rule) over the counted events of a judged file."""
    lex = load_lexicon()
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for event in _read(path):
        rules = event.get("rules") or {}
        trigger, rule = rules.get("trigger") or "?", rules.get("code") or "?"
        bare = bare_code(trigger, lex)
        row = rows.setdefault((trigger, rule), {
            "trigger": trigger, "code_rule": rule, "bare_code": bare, "counted": 0, "unjudged": 0, "right": 0,
            "no_act": 0, "not_asserted": 0, "real": 0, "root_wrong": 0, "label_roots": collections.Counter(),
            "codes": collections.Counter(), "own": 0, "own_right": 0, "own_real": 0,
            "own_label_roots": collections.Counter()})
        row["counted"] += 1
        cameo = str(event.get("cameo") or "")
        row["codes"][cameo] += 1
        own = (rule in ENTRY_RULES and bool(bare) and cameo[:2] == (bare or "")[:2]
               and rules.get("root") != "learned")
        row["own"] += own
        label = event.get("label")
        if not event.get("judged") or label is None:
            row["unjudged"] += 1
            continue
        row["right"] += bool(event.get("right"))
        row["own_right"] += own and bool(event.get("right"))
        if not label["act"]:
            row["no_act"] += 1
        elif not real_act(event, label):
            row["not_asserted"] += 1
        else:
            row["real"] += 1
            expected = coded_root(label)
            if own:
                row["own_real"] += 1
                row["own_label_roots"][expected] += 1
            if cameo[:2] != expected:
                row["root_wrong"] += 1
                row["label_roots"][expected] += 1
    out = []
    for row in rows.values():
        row["wrong"] = row["counted"] - row["right"]
        out.append(row)
    out.sort(key=lambda r: (-r["wrong"], r["trigger"], r["code_rule"]))
    return out


def proposals(rows: list[dict[str, Any]], n: int, p: float, m: int, q: float,
              basis: str = "real") -> list[dict[str, Any]]:
    """The changes the audit rule (N, p, M, q) makes: null or re-root an entry's bare row. ``basis`` "real" nulls
    by the share of real acts (settings A, B), "right" by the share of right events (setting D)."""
    changes = []
    for row in rows:
        if row["code_rule"] not in ENTRY_RULES or not row["bare_code"]:
            continue
        own, real, right = row["own"], row["own_real"], row["own_right"]
        if own >= n and (real if basis == "real" else right) <= p * own and right <= 1:
            changes.append({"trigger": row["trigger"], "change": "null", "from": row["bare_code"], "to": "---",
                            "own": own, "own_real": real, "own_right": right})
            continue
        if real < m:
            continue
        root, count = max(((r, c) for r, c in row["own_label_roots"].items() if r != row["bare_code"][:2]),
                          key=lambda rc: (rc[1], rc[0]), default=(None, 0))
        if root is not None and count >= q * real and count > right:
            changes.append({"trigger": row["trigger"], "change": "re-root", "from": row["bare_code"],
                            "to": f"{root}0", "to_name": cameo_name(f"{root}0"), "own": own, "own_real": real,
                            "own_right": right, "labelled_root": root, "labelled": count})
    return changes


def _counted(path: Path) -> dict[tuple[Any, ...], dict[str, Any]]:
    """The counted events of a judged file of the read half, by article, sentence, span and sides' text."""
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    seen: collections.Counter[tuple[Any, ...]] = collections.Counter()
    for event in _read(path):
        key = (event["id"], event["sentence"], tuple(event["span"]), event.get("src_text"), event.get("tgt_text"))
        out[key + (seen[key],)] = event  # one trigger may code several events (one per target)
        seen[key] += 1
    return out


def diff(base: Path, new: Path) -> list[dict[str, Any]]:
    """Per trigger (of either coder), the counted events a changed lexicon removes, adds or re-judges between two
    judged files of the read half: removed (and how many of those were right), added (and right), and events
    kept whose verdict changed (right gained, right lost)."""
    before, after = _counted(base), _counted(new)
    rows: dict[str, collections.Counter[str]] = {}
    for key in before.keys() | after.keys():
        old, now = before.get(key), after.get(key)
        trigger = ((now or old or {}).get("rules") or {}).get("trigger") or "?"
        if old is not None and now is not None:
            if bool(old.get("right")) == bool(now.get("right")):
                continue
            trigger = (old.get("rules") or {}).get("trigger") or trigger
        row = rows.setdefault(trigger, collections.Counter())
        if now is None and old is not None:
            row["removed"] += 1
            row["removed_right"] += bool(old.get("right"))
        elif old is None and now is not None:
            row["added"] += 1
            row["added_right"] += bool(now.get("right"))
        elif now is not None and now.get("right"):
            row["gained_right"] += 1
        else:
            row["lost_right"] += 1
    out: list[dict[str, Any]] = [
        {"trigger": t, **{k: c[k] for k in ("removed", "removed_right", "added", "added_right", "gained_right",
                                            "lost_right")}} for t, c in rows.items()]
    for entry in out:
        entry["net_right"] = entry["added_right"] + entry["gained_right"] - entry["removed_right"] - entry["lost_right"]
        entry["net_counted"] = entry["added"] - entry["removed"]
    out.sort(key=lambda r: (r["net_right"], r["trigger"]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("judged", type=Path, help="a --judged --all-events file of the read half")
    parser.add_argument("--top", type=int, default=60, help="rows to print (default 60)")
    parser.add_argument("--min", type=int, default=1, help="print only rows with this many counted events")
    parser.add_argument("--rule", help="N,p,M,q[,right]: print the changes of the audit rule with these settings "
                        "(p the share of real acts, or with ',right' of right events, at most)")
    parser.add_argument("--json", type=Path, help="write every row (and the rule's changes) as JSON")
    parser.add_argument("--diff", type=Path, metavar="NEW",
                        help="compare with NEW, a judged file of the read half coded with a changed lexicon: per "
                        "trigger, counted events removed, added, right gained or lost")
    args = parser.parse_args()
    if args.diff:
        changed = diff(args.judged, args.diff)
        print("entry\tremoved\tof them right\tadded\tof them right\tgained right\tlost right\tnet right\t"
              "net counted")
        for row in changed:
            print("\t".join(str(v) for v in row.values()))
        total = {k: sum(r[k] for r in changed) for k in changed[0] if k != "trigger"} if changed else {}
        print("total\t" + "\t".join(str(v) for v in total.values()))
        if args.json:
            args.json.write_text(json.dumps(changed, indent=1) + "\n", encoding="utf-8")
        return
    rows = audit(args.judged)
    print("entry\tcode rule\tbare\tcounted\tright\twrong\tno act\tnot asserted\troot right\troot wrong\town\t"
          "own right\town real\tlabels' roots of the root-wrong\tcodes")
    for row in [r for r in rows if r["counted"] >= args.min][: args.top]:
        roots = " ".join(f"{r}:{c}" for r, c in row["label_roots"].most_common(4))
        codes = " ".join(f"{c}:{n}" for c, n in row["codes"].most_common(4))
        print(f"{row['trigger']}\t{row['code_rule']}\t{row['bare_code'] if row['bare_code'] is not None else ''}\t"
              f"{row['counted']}\t{row['right']}\t{row['wrong']}\t{row['no_act']}\t{row['not_asserted']}\t"
              f"{row['real'] - row['root_wrong']}\t{row['root_wrong']}\t{row['own']}\t{row['own_right']}\t"
              f"{row['own_real']}\t{roots}\t{codes}")
    changes = []
    if args.rule:
        n, p, m, q, *basis = args.rule.split(",")
        changes = proposals(rows, int(n), float(p), int(m), float(q), basis[0] if basis else "real")
        print(f"\nrule N={n} p={p} M={m} q={q} {basis[0] if basis else 'real'}: {len(changes)} changes")
        for change in changes:
            print("\t".join(f"{k}={v}" for k, v in change.items()))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "changes": changes}, indent=1, default=dict) + "\n",
                             encoding="utf-8")


if __name__ == "__main__":
    main()
