"""Where each listed act the coder misses on train is lost (issue 11, recall).

For every real asserted act listed on a train recall article (a labelled real act or a row of
eval/news/missed.jsonl) that no counted event with the right root sits on, the script says at which
stage it was lost:

- ``emitted``: an event is on the trigger but is not counted (its modality and the rule that set it,
  negation, the learned act filter, a rule gate by name, or its confidence: ``confidence.is_counted``) or
  counts with another root (the code rule);
- ``trigger``: no verb or noun in the trigger span is a lexicon candidate (lemma not in the lexicon,
  or in it under another part of speech), or the sentence or story was discarded;
- ``gate``: the candidate's ``_verb_events``/``_noun_events`` ran and yielded nothing: the line it
  returned at (an early ``return`` and the helper that decided it, e.g. ``_not_an_act`` line 422),
  or the gate of ``_emit`` (no side, no political actor, no identified actor, needs a target);
- ``after``: events were yielded but none is on the trigger in the output (dedup by ``_key``,
  or a later stage).

It runs the real pipeline under ``sys.settrace`` limited to ``dateline/events`` frames, so the
lines are the code's own: the report names ``function:line source`` and needs no list of gates.

    .venv/bin/python tools/missed_trace.py [--split train] [--out build/missed_trace.jsonl] [--top 60] [--exclude-rounds 78,79,80,81,82,83,84,85,86,87,88,89,90,91]

``--found`` traces the acts no counted event finds at all (whatever its root: the "found at all" of the eval
report), and adds the CAMEO roots of the labels and the trigger lemmas of each group; ``--cached`` runs on the
parse cache of ``tools/cached_eval.py`` (``build/parse_cache/``).
"""

from __future__ import annotations

import argparse
import json
import linecache
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import FrameType
from typing import Any

from dateline.newseval import LOCKED, code_articles, corpus_texts, counted, load_labels, sentence_span
from dateline.confidence import ACT_FILTER_KEY, GATE_KEY

EVENTS_DIR = str(Path(__file__).resolve().parents[1] / "src" / "dateline" / "events")
TRIGGER_FUNCS = ("_verb_events", "_noun_events")
#: Answers the events stage works out once per Doc and token (``dateline.doc.per_token``): the function that works
#: one out, and the one the coder calls (a later call answers from the memo, and is traced to the lines of the first).
WORKED_OUT = {"_find_verb_entry": "_verb_entry", "_find_noun_entry": "_noun_entry"}


class Tracer:
    """Line tracing of the events stage: for each trigger token, how its coder frame ended."""

    def __init__(self) -> None:
        self.lines: dict[int, list[int]] = {}  # id(frame) -> [previous line, last line]
        self.calls: dict[int, list[tuple[int, str, int, int, Any]]] = defaultdict(list)
        # id(trigger frame) -> (caller line, callee, callee prev line, callee last line, return value)
        self.yielded: dict[int, int] = defaultdict(int)
        self.ends: dict[tuple[str, int, str], dict[str, Any]] = {}  # (article, token idx, func) -> end
        self.docs: dict[str, Any] = {}  # article id -> the Doc the events stage coded
        self.worked: dict[tuple[str, int, int], tuple[int, int, str]] = {}  # (asked, Doc, token) -> its working's end

    def __call__(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event != "call" or not frame.f_code.co_filename.startswith(EVENTS_DIR):
            return None
        if frame.f_code.co_name == "code_doc":
            doc = frame.f_locals.get("doc")
            if doc is not None:
                self.docs[doc._.article_id] = doc
        self.lines.setdefault(id(frame), [0, frame.f_lineno])
        return self.local

    def local(self, frame: FrameType, event: str, arg: Any) -> Any:
        key = id(frame)
        if event == "line":
            pair = self.lines.setdefault(key, [0, 0])
            pair[0], pair[1] = pair[1], frame.f_lineno
        elif event == "return":
            name = frame.f_code.co_name
            generator = bool(frame.f_code.co_flags & 0x20)
            if generator and arg is not None:
                self.yielded[key] += 1
                return self.local  # a yield, not the end
            prev, last = self.lines.pop(key, [0, 0])
            caller = frame.f_back
            asked = frame.f_locals.get("verb") or frame.f_locals.get("noun")
            if name in WORKED_OUT and asked is not None:
                self.worked[(WORKED_OUT[name], id(asked.doc), asked.i)] = (prev, last, name)
            elif name in WORKED_OUT.values() and asked is not None:
                prev, last, name = self.worked.get((name, id(asked.doc), asked.i), (prev, last, name))
            if caller is not None and caller.f_code.co_name in TRIGGER_FUNCS:
                value = self.yielded.pop(key, 0) if generator else _short(arg)
                self.calls[id(caller)].append((caller.f_lineno, name, prev, last, value))
            if name in TRIGGER_FUNCS:
                token = frame.f_locals.get("verb") or frame.f_locals.get("noun")
                doc = frame.f_locals.get("doc")
                if token is not None and doc is not None:
                    self.ends[(doc._.article_id, token.idx, name)] = {
                        "prev": prev, "last": last, "yielded": self.yielded.pop(key, 0),
                        "calls": self.calls.pop(key, []), "file": frame.f_code.co_filename}
        return self.local


def _short(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return type(value).__name__


#: The line of ``triggers._find_noun_entry`` that returns no entry for a governed event noun with no light verb and
#: no named owner (the line after its test), found in the source so that the group follows the code (session 44: the
#: fixed line 74 had gone stale, and these acts were counted among the sense gates).
GOVERNED_LINE = 1 + next(i for i, line in enumerate(Path(EVENTS_DIR, "triggers.py").read_text(encoding="utf-8").splitlines(), 1)
                         if "entry.governed and governor is None" in line)

#: Coarse loss points: the first (substring of the point, name) that matches names it.
GROUPS = (
    ("other root", "code: counted with another root"),
    ("not counted: negated", "modality: negated"),
    ("not counted: act filter", "act filter (evidence.act_filter)"),
    ("not counted: gate", "rule gate (evidence.rules.gate)"),
    ("not counted: confidence", "confidence under the threshold"),
    ("not counted:", "modality: not asserted"),
    ("trigger: lemma not in lexicon", "trigger: lemma not in the lexicon"),
    ("trigger: verb lemma in lexicon", "trigger: lexicon lemma under another part of speech"),
    ("trigger: noun lemma in lexicon", "trigger: lexicon lemma under another part of speech"),
    ("trigger:", "trigger: sentence or story discarded, no token"),
    ("null entry: no sense holds", "entry: verb in the lexicon with no code and no pattern matched"),  # events.triggers._find_verb_entry
    (f"_find_noun_entry:{GOVERNED_LINE} ", "entry: governed noun with no light verb or named owner"),
    ("_entry:", "entry: sense gates (light verb, naming, idiom, claim, opinion)"),
    ("_not_an_act", "non-act gates (_not_an_act)"),
    ("_agentless_state", "non-act gates (_agentless_state)"),
    ("if not custody_passive(verb", "non-act gates (_agentless_state)"),  # its return sits under the custody test (session 42)
    ("_assertable(entry.code", "emit: no identified or political actor (_assertable)"),
    ("if any(side is not None for side in source_sides) or not custody_passive", "emit: no identified or political actor (_assertable)"),
    ("_asks_question", "non-act gates (question, moved thing)"),
    ("_moves_a_thing", "non-act gates (question, moved thing)"),
    ("_attribution_frame", "statements: attribution frame"),
    ("speech and not targets", "statements: no target (roles)"),
    ("_speaker", "statements: speaker not an actor"),
    ("_reports_doer", "statements: relays own side"),
    ("root_class(\"material\")", "emit: material act with no political actor"),
    ('entry.code[:2] != "01" and not any(', "emit: no identified actor (roles)"),
    ("needs_targ", "emit: type needs a target (roles)"),
    ("not source_sides and not target_sides", "roles: no source and no target"),
    ("after:", "dedup or a later stage"),
)


def group_of(point: str) -> str:
    for needle, name in GROUPS:
        if needle in point:
            return name
    return "other: " + point[:60]


def parse_of(token: Any) -> str:
    """The trigger token's parse: lemma/pos/tag dep<-head, and its children's dependencies."""
    kids = " ".join(f"{c.dep_}:{c.lower_}" for c in token.children)
    return f"{token.lemma_}/{token.pos_}/{token.tag_} {token.dep_}<-{token.head.lemma_}/{token.head.pos_} [{kids}]"


def src(path: str, line: int) -> str:
    return linecache.getline(path, line).strip()[:90]


def gate_of(end: dict[str, Any]) -> str:
    """The gate a trigger frame that yielded nothing returned at: the condition line and the helper."""
    path, last, prev = end["file"], end["last"], end["prev"]
    text = src(path, last)
    if text.startswith("return") or text.startswith("return "):
        cond_line = prev
        cond = src(path, prev)
        helpers = [f"{callee}:{c_last} {src(path_of(callee, end), c_last)}"
                   for line, callee, _, c_last, value in end["calls"]
                   if line == cond_line and (value not in (False, None, 0, "") or callee.endswith("_entry"))]
        if "entry is None" in cond:
            helpers += [f"{callee}:{c_last} {src(path_of(callee, end), c_last)}"
                        for _, callee, _, c_last, value in end["calls"] if callee.endswith("_entry") and value is None][-1:]
        label = f"L{cond_line} {cond}"
        if helpers:
            label += "  <- " + helpers[-1]
        return label
    emits = [c for c in end["calls"] if c[1] == "_emit"]
    if emits or "_emit(" in text:
        if emits:
            _, _, e_prev, e_last, _ = emits[-1]
            path_a = end["file"]
            return f"_emit L{e_prev} {src(path_a, e_prev)} -> L{e_last} {src(path_a, e_last)}"
    return f"L{last} {text}"


_FILES: dict[str, str] = {}


def path_of(func: str, end: dict[str, Any]) -> str:
    """The source file defining ``func`` among the events modules."""
    if func not in _FILES:
        for py in Path(EVENTS_DIR).glob("*.py"):
            if f"def {func}(" in py.read_text(encoding="utf-8"):
                _FILES[func] = str(py)
                break
        else:
            _FILES[func] = end["file"]
    return _FILES[func]


def body_offset(record: dict[str, Any], text: str, act: dict[str, Any]) -> tuple[int, int] | None:
    """The body offsets of the act's trigger in the coded record, and its sentence index."""
    body = record["article"]["body"]
    for index, sent in enumerate(record["sentences"]):
        piece = body[sent["start"]:sent["end"]]
        found = sentence_span(record, text, index)
        if found and found[0] == act["sentence_ref"]["start"]:
            lead = len(piece) - len(piece.lstrip())
            return sent["start"] + lead, index
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default="eval/news/labels.jsonl")
    parser.add_argument("--news", default="../shared/data/news")
    parser.add_argument("--split", default="train")
    parser.add_argument("--out", default="build/missed_trace.jsonl")
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--found", action="store_true",
                        help="trace the acts not found at all (no counted event at the trigger, whatever its root)")
    parser.add_argument("--cached", action="store_true",
                        help="parse with the model's parse cached in build/parse_cache/ (as tools/cached_eval.py)")
    parser.add_argument("--exclude-rounds", default=None,
                        help="comma-separated labelling rounds left out (default: the blind rounds eval/news/blind_rounds.json names; '' for none)")
    from cached_eval import add_half_argument
    add_half_argument(parser)
    args = parser.parse_args(argv)
    if args.split in LOCKED or args.split == "dev":
        parser.error("only train errors may be read")
    from dateline.lexicon import load_lexicon

    lex = load_lexicon()
    if args.cached:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from cached_eval import use_parse_cache

        use_parse_cache()
    labels = load_labels(args.labels)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from cached_eval import excluded_rounds

    labels = labels.rounds(excluded_rounds(args.exclude_rounds, args.labels), keep=False).half(args.half)
    part = labels.split(args.split)
    texts = corpus_texts(part.articles, args.news)
    tracer = Tracer()
    sys.settrace(tracer)
    try:
        coded = code_articles(texts, [a["id"] for a in part.articles])
    finally:
        sys.settrace(None)
    gold = [x for x in part.labels if x["id"] in part.recall_articles and x["act"] and x["modality"] == "asserted"]
    gold += [x for x in part.missed if x["id"] in part.recall_articles and x["modality"] == "asserted"]
    by_text: dict[str, str] = {}
    for aid, doc in tracer.docs.items():
        by_text.setdefault(doc.text, aid)  # the first article with that body, as a scan would find it
    ends_of: dict[str | None, list[tuple[int, str, dict[str, Any]]]] = defaultdict(list)
    for (aid, idx, func), end in tracer.ends.items():
        ends_of[aid].append((idx, func, end))  # by article: the lookup per act is then linear in the article's triggers
    stages: Counter[str] = Counter()
    by_root: dict[str, Counter[str]] = defaultdict(Counter)
    lemmas: dict[str, Counter[str]] = defaultdict(Counter)
    groups: Counter[str] = Counter()
    points: Counter[str] = Counter()
    rows = []
    for act in gold:
        record = coded.get(act["id"])
        text = texts[act["id"]]["text"]
        if record is None:
            stages["article not coded"] += 1
            continue
        where = body_offset(record, text, act)
        if where is None:
            stages["sentence not found"] += 1
            continue
        sent_start, sent_index = where
        t0, t1 = act["trigger_in_sentence"]
        lo, hi = sent_start + t0, sent_start + max(t1, t0 + 1)
        on = [e for e in record["events"] if e["sentence"] == sent_index and lo <= e["span"][0] < hi]
        good = [e for e in on if counted(e) and (args.found or str(e["cameo"])[:2] == act["root"])]
        if good:
            continue  # found
        article = by_text.get(record["article"]["body"])
        row = {"id": act["id"], "sentence": act["sentence_ref"]["start"], "trigger": act["trigger"],
               "root": act["root"], "src": act["src"], "tgt": act["tgt"]}
        if [e for e in on if counted(e)]:
            e = next(e for e in on if counted(e))
            stage, point = "emitted", f"counted, other root ({str(e['cameo'])[:2]} for {act['root']}) by code={e['evidence']['rules'].get('code')}"
        elif on:
            e = on[0]
            rules = e["evidence"]["rules"]
            if e.get("negated"):
                point = f"not counted: negated (modality rule {rules.get('modality')})"
            elif e.get("modality") != "asserted":
                point = f"not counted: {e['modality']} by {rules.get('modality')}"
            elif (e.get("evidence") or {}).get(ACT_FILTER_KEY):
                point = "not counted: act filter"
            elif rules.get(GATE_KEY):
                point = f"not counted: gate {rules[GATE_KEY]}"
            else:
                point = "not counted: confidence"
            stage = "emitted"
        else:
            stage, point = trace_point(article, lo, hi, tracer, lex, ends_of.get(article, []))
            row["root_elsewhere"] = any(counted(e) and e["sentence"] == sent_index and str(e["cameo"])[:2] == act["root"]
                                        for e in record["events"])
        doc = tracer.docs.get(article) if article is not None else None
        if doc is not None:
            row["parse"] = [parse_of(t) for t in doc if lo <= t.idx < hi]
            first = next((t for t in doc if t.idx >= lo), None)
            row["text"] = first.sent.text if first is not None else ""
        stages[stage] += 1
        points[f"{stage}: {point}"] += 1
        group = group_of(f"{stage}: {point}")
        groups[group] += 1
        by_root[group][act["root"]] += 1
        lemma = row["parse"][0].split("/")[0] if row.get("parse") else act["trigger"].lower()
        lemmas[group][lemma] += 1
        row.update(stage=stage, point=point, group=group)
        rows.append(row)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    what = "not found at all (no counted event at the trigger)" if args.found else "missed (no counted event with the right root)"
    print(f"listed asserted acts on {args.split}: {len(gold)}; {what}: {len(rows)}")
    for stage, n in stages.most_common():
        print(f"{n:6d}  {stage}")
    print("\nloss points, grouped:")
    for name, n in groups.most_common():
        print(f"{n:6d}  {name}")
    print("\nby group: CAMEO roots of the label (top 8) and trigger lemmas (top 10)")
    for name, n in groups.most_common():
        print(f"{n:6d}  {name}")
        print("        roots: " + ", ".join(f"{r} {k}" for r, k in by_root[name].most_common(8)))
        print("        lemmas: " + ", ".join(f"{w} {k}" for w, k in lemmas[name].most_common(10)))
    print(f"\nloss points (top {args.top}):")
    for point, n in points.most_common(args.top):
        print(f"{n:6d}  {point}")
    elsewhere = sum(1 for r in rows if r.get("root_elsewhere"))
    print(f"\nof the acts with no event on the trigger, {elsewhere} have a counted event of the right root elsewhere in the sentence")
    return 0


def trace_point(article: str | None, lo: int, hi: int, tracer: Tracer, lex: Any,
                article_ends: list[tuple[int, str, dict[str, Any]]]) -> tuple[str, str]:
    """Stage and point of an act with no event on its trigger, from the trace (``article``: the id
    the events stage saw, :attr:`Tracer.docs`; ``article_ends``: that article's ends of :attr:`Tracer.ends`)."""
    ends = [(idx, func, end) for idx, func, end in article_ends if lo <= idx < hi]
    if not ends:
        return "trigger", candidate_reason(tracer.docs.get(article) if article is not None else None, lo, hi, lex)
    yielded = [e for e in ends if e[2]["yielded"]]
    if yielded:
        return "after", f"yielded by {yielded[0][1]} but not in the output (dedup or a later stage)"
    idx, func, end = ends[0]
    return "gate", f"{func} {gate_of(end)}"


def candidate_reason(doc: Any, lo: int, hi: int, lex: Any) -> str:
    """Why no token of the trigger span was a candidate, from the Doc the events stage coded."""
    if doc is None:
        return "article never reached the events stage"
    tokens = [t for t in doc if lo <= t.idx < hi]
    if not tokens:
        return "no token at the trigger"
    verbs, nouns = lex.verb_lemmas, lex.noun_heads
    events_cue = lex.cue("event_frame")
    for t in tokens:
        if t.pos_ == "VERB" and t.lemma_ in verbs or t.pos_ == "NOUN" and (t.lemma_ in nouns or t.lemma_ in events_cue):
            return "candidate but never coded (sentence or story discarded)"
    for t in tokens:
        if t.lemma_ in verbs:
            return f"verb lemma in lexicon, tagged {t.pos_}"
        if t.lemma_ in nouns:
            return f"noun lemma in lexicon, tagged {t.pos_}"
    pos = tokens[0].pos_
    return f"lemma not in lexicon ({pos})"


if __name__ == "__main__":
    sys.exit(main())
