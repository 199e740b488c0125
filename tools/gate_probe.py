"""How precise each gate of the events stage is: the events it drops, coded and judged (issue 11, recall).

A gate that returns before an event is made leaves nothing to judge, so ``tools/missed_trace.py`` can say which
listed acts a gate loses but not how many wrong events it spares. This script codes the train split on the parse
cache (as ``tools/cached_eval.py``) with chosen gates turned off, each only where its own caller asks it, and
notes every trigger at which the gate would have stopped the coder. The counted events the run adds against a
judged run of the same code with every gate on (``cached_eval.py --judged F --all-events``), on a noted trigger,
are the gate's own: judged against the labels, they say how precise the gate is (right = real act, root and both
countries right; an added event with no label counts wrong, since every act of a recall article is listed).

    nice .venv/bin/python tools/cached_eval.py --split train --judged build/base_judged.jsonl --all-events
    nice .venv/bin/python tools/gate_probe.py --base build/base_judged.jsonl [--gates agentless_state,assertable] [--out build/gate_probe.jsonl]

Gates (``PROBES``): ``agentless_state`` (a passive with no agent whose subject is no political actor,
``roles._agentless_state``), ``assertable`` (an asserted act with no identified or no political side,
``assemble._assertable``), ``thing_subject`` (a verb whose subject is a thing, ``triggers._thing_subject``),
``attribution_frame`` (a statement that only attributes the act it frames), ``speaker`` (a statement whose source is
no coded actor or the press), ``names`` (naming, "called X a Y"), ``claims`` (a demand verb that states a claim),
``idiom``, ``states_fact`` (an opinion verb over a fact). The rows: per gate, the counted events added (judged,
right, strict), and the same cut by trigger lemma, by coded root and by the label's verdict; ``--out`` writes the
added and removed events with their judgement. Blind rounds left out by default (``--exclude-rounds`` as
``cached_eval.py``); only train or dev totals, never dev rows (dev is refused).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

#: name -> (module, function, the value by which it stops the coder, the caller it is turned off for, how the
#: trigger token is found in its arguments). ``assertable`` has no token among its arguments: ``_emit``'s trigger.
PROBES: dict[str, tuple[str, str, Any, str, Callable[..., Any] | None]] = {
    "agentless_state": ("dateline.events.assemble", "_agentless_state", True, "_verb_events", lambda a: a[1]),
    "assertable": ("dateline.events.assemble", "_assertable", False, "_emit", None),
    "thing_subject": ("dateline.events.triggers", "_thing_subject", True, "_not_an_act", lambda a: a[0]),
    "attribution_frame": ("dateline.events.assemble", "_attribution_frame", True, "_verb_events", lambda a: a[0]),
    "speaker": ("dateline.events.assemble", "_speaker", False, "_verb_events", None),
    "names": ("dateline.events.triggers", "_names", True, "_find_verb_entry", lambda a: a[0]),
    "claims": ("dateline.events.triggers", "_claims", True, "_find_verb_entry", lambda a: a[0]),
    "idiom": ("dateline.events.triggers", "_idiom", True, "_find_verb_entry", lambda a: a[0]),
    "states_fact": ("dateline.events.triggers", "_states_fact", True, "_find_verb_entry", lambda a: a[0]),
}

NOTED: dict[tuple[str, int], set[str]] = defaultdict(set)  # (article id, trigger char offset) -> gates off there
_CURRENT: list[Any] = []  # the trigger of the _emit (or _verb_events) running now


def _caller_is(name: str) -> bool:
    frame = sys._getframe(2)
    for _ in range(3):  # a generator expression or a lambda between the gate and its caller
        if frame is None:
            return False
        if frame.f_code.co_name == name:
            return True
        if not frame.f_code.co_name.startswith("<"):
            return False
        frame = frame.f_back
    return False


def _note(token: Any, gate: str) -> None:
    if token is not None:
        NOTED[(token.doc._.article_id, token.idx)].add(gate)


def install(gates: list[str]) -> None:
    """Turn the named gates off where their caller asks them, noting where each would have stopped the coder."""
    import importlib

    assemble = importlib.import_module("dateline.events.assemble")
    if "assertable" in gates or "speaker" in gates:
        emit, verb_events = assemble._emit, assemble._verb_events

        def traced_emit(doc: Any, trigger: Any, *args: Any, **kwargs: Any) -> Any:
            _CURRENT.append(trigger)
            try:
                yield from emit(doc, trigger, *args, **kwargs)
            finally:
                _CURRENT.pop()

        def traced_verb_events(doc: Any, verb: Any, *args: Any, **kwargs: Any) -> Any:
            _CURRENT.append(verb)
            try:
                yield from verb_events(doc, verb, *args, **kwargs)
            finally:
                _CURRENT.pop()

        assemble._emit = traced_emit
        assemble._verb_events = traced_verb_events
    for gate in gates:
        module_name, func_name, stops, caller, token_of = PROBES[gate]
        module = importlib.import_module(module_name)
        original = getattr(module, func_name)

        def probe(*args: Any, _original: Any = original, _stops: Any = stops, _caller: str = caller,
                  _token_of: Any = token_of, _gate: str = gate, **kwargs: Any) -> Any:
            value = _original(*args, **kwargs)
            if bool(value) == _stops and _caller_is(_caller):
                _note(_token_of(args) if _token_of else (_CURRENT[-1] if _CURRENT else None), _gate)
                return not _stops
            return value

        setattr(module, func_name, probe)


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    return row["id"], row["sentence"], tuple(row["span"]), str(row["cameo"]), row["src"], row["tgt"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="cached_eval.py --judged --all-events of the same code, every gate on")
    parser.add_argument("--gates", default=",".join(PROBES))
    parser.add_argument("--labels", default="eval/news/labels.jsonl")
    parser.add_argument("--news", default="../shared/data/news")
    parser.add_argument("--exclude-rounds", default=None)
    from cached_eval import add_half_argument
    add_half_argument(parser)
    parser.add_argument("--out", default="build/gate_probe.jsonl")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args(argv)
    gates = [g for g in args.gates.split(",") if g]
    install(gates)
    from cached_eval import excluded_rounds, use_parse_cache
    from dateline.newseval import Judge, code_articles, corpus_texts, counted, event_keys, is_right, load_labels

    use_parse_cache()
    labels = load_labels(args.labels).rounds(excluded_rounds(args.exclude_rounds, args.labels), keep=False).half(args.half)
    part = labels.split("train")
    texts = corpus_texts(part.articles, args.news)
    coded = code_articles(texts, [a["id"] for a in part.articles])
    judge = Judge(part.labels, part.missed)
    base = {}
    with open(args.base, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["counted"]:
                base[_key(row)] = row
    seen: set[tuple[Any, ...]] = set()
    added: list[dict[str, Any]] = []
    for article in part.articles:
        record = coded.get(article["id"])
        if record is None:
            continue
        for event, key in zip(record["events"], event_keys(record, texts[article["id"]]["text"])):
            if not counted(event):
                continue
            judged = judge(event, key)
            row = {"id": article["id"], "sentence": event["sentence"], "span": event["span"], "trigger": event["trigger"],
                   "cameo": event["cameo"], "src": (event.get("source") or {}).get("code"),
                   "tgt": (event.get("target") or {}).get("code"), "rules": event["evidence"]["rules"],
                   "judged": judged is not None, "right": bool(judged is not None and is_right(event, judged)),
                   "label": None if judged is None else {k: judged.get(k) for k in ("act", "modality", "root", "src", "tgt")}}
            seen.add(_key(row))
            if _key(row) not in base:
                row["gates"] = sorted(NOTED.get((record["article"]["id"], _article_offset(record, event)), ())) or ["(knock-on)"]
                added.append(row)
    removed = [row for key, row in base.items() if key not in seen]
    with open(args.out, "w", encoding="utf-8") as handle:
        for row in added:
            handle.write(json.dumps({"change": "added", **row}, ensure_ascii=False) + "\n")
        for row in removed:
            handle.write(json.dumps({"change": "removed", **row}, ensure_ascii=False) + "\n")
    print(f"train: {len(added)} counted events added, {len(removed)} removed "
          f"({sum(r['right'] for r in removed)} of them right); gates off: {', '.join(gates)}")
    print(f"noted triggers: " + ", ".join(f"{g} {sum(g in v for v in NOTED.values())}" for g in gates))
    print("\ngate                  added  judged  right  strict")
    by_gate: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in added:
        for gate in row["gates"]:
            by_gate[gate].append(row)
    for gate, rows in sorted(by_gate.items(), key=lambda kv: -len(kv[1])):
        right = sum(r["right"] for r in rows)
        print(f"{gate:20s} {len(rows):7d} {sum(r['judged'] for r in rows):7d} {right:6d}  {right / len(rows):.3f}")
    for gate, rows in sorted(by_gate.items(), key=lambda kv: -len(kv[1])):
        print(f"\n{gate}: by lemma, coded root and verdict (added: right)")
        for name, keyf in (("lemma", lambda r: r["rules"].get("trigger", "").split(":")[-1]),
                           ("root", lambda r: str(r["cameo"])[:2]),
                           ("verdict", _verdict)):
            total, right = Counter(keyf(r) for r in rows), Counter(keyf(r) for r in rows if r["right"])
            print(f"  {name}: " + ", ".join(f"{k} {n}:{right[k]}" for k, n in total.most_common(args.top)))
    return 0


def _verdict(row: dict[str, Any]) -> str:
    label = row["label"]
    if row["right"]:
        return "right"
    if label is None:
        return "unlabelled"
    if not label["act"]:
        return "no act"
    if label["modality"] not in ("asserted", None):
        return f"label {label['modality']}"
    wrong = [k for k, c in (("root", str(row["cameo"])[:2] != label["root"]), ("src", True), ("tgt", True)) if c]
    return "act, other root" if wrong[0] == "root" else "act, a side wrong"


def _article_offset(record: dict[str, Any], event: dict[str, Any]) -> int:
    return int(event["span"][0])


if __name__ == "__main__":
    sys.exit(main())
