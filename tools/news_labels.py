"""The labelled real-news corpus (issue 11): select articles, make labelling tasks, merge labels, score.

Nothing here copies the publishers' text into the repository: ``eval/news/articles.jsonl`` lists the
selected records by corpus and id (with a SHA-1 check), and the labels point into those records by
character offsets. The task files that show labellers the text are written under ``build/`` (ignored
by git). See eval/README.md ("Labelled real news") and docs/annotation.md.

    python tools/news_labels.py select            # eval/news/articles.jsonl (fixed seed, split by article)
    python tools/news_labels.py tasks --labellers 4 --overlap 0.1 --recall 56
    python tools/news_labels.py recall-tasks --split dev --labellers R,S   # recall-only tasks, the rest of a split
    python tools/news_labels.py merge build/labels/out/*.jsonl   # eval/news/labels*.jsonl, kappa
    python tools/news_labels.py unjudged-tasks --labellers Y,Z   # today's counted events with no label yet
    python tools/news_labels.py add build/labels/out/Y_*.jsonl    # their labels appended to eval/news/labels.jsonl
    python tools/news_labels.py extend --n 40 --split fresh --round 2   # a later batch of new articles, own split
    python tools/news_labels.py batch-tasks --split fresh --labellers F1,F2,F3,F4   # every event + every missed act
    python tools/news_labels.py batch-second --split fresh --labellers G1,G2 --n 12 --seed 6465   # events only, again
    python tools/news_labels.py batch-add --split fresh build/labels/batch/fresh/out/F*.jsonl --second .../G_01.jsonl
    python tools/news_labels.py batch-tasks --split dev --relabel --labellers R1,R2   # a labelled split again, blind (v6)
    python tools/news_labels.py batch-add --split dev --relabel build/labels/relabel/dev/out/R*.jsonl   # old rows kept
    python tools/news_labels.py recall-more --rounds 128,129 --labellers D01,D02   # thin missed lists completed
    python tools/news_labels.py recall-more-add build/labels/recallmore/r128-129/out/D*.jsonl   # appended
    python tools/news_labels.py rejudge-tasks --count-only   # labels below v6 (GUIDELINES) each decision may change
    python tools/news_labels.py rejudge-tasks --labellers W1,W2,W3,W4   # v6: every row of tools/rejudge_v6.tsv
    python tools/news_labels.py rejudge-add build/labels/rejudge/out/W*.jsonl   # merge: "guidelines": 6, old rows
                                                          # kept in labels_v5.jsonl / missed_v5.jsonl
    python tools/news_labels.py rejudge-tasks --version 5 --decisions D23,D24   # a v5 pass (rejudge_v5.tsv)
    python tools/news_labels.py rejudge-tasks --version 4 --decisions D20a,D22a   # a v4 pass (rejudge_v4.tsv)
    python tools/news_labels.py rejudge-tasks --version 3 --decisions D12,D13   # a v3 pass (rejudge_v3.tsv)
    python tools/news_labels.py rejudge-tasks --version 2 --decisions D2,D5   # the v1 -> v2 relabelling (rejudge_v2.tsv)

``rejudge-tasks --version N`` (default ``GUIDELINES``, the current version, 6) selects with tools/rejudge_v{N}.tsv
the stored labels made under a lower version (``guidelines`` < N, absent = 1), leaves out the blind train rounds
of eval/news/blind_rounds.json (``--exclude-rounds``), and stores N in build/labels/rejudge/items.jsonl, where
``rejudge-add`` reads it. ``add``, ``batch-tasks`` and ``batch-add`` take ``--guidelines 1-6`` (default 6; a round
labelled under an older version, such as blind rounds begun before a new version was merged, is added with that
version's number).

``merge`` needs the first round's working files under build/labels (the coder output at labelling
time, the assignment); ``unjudged-tasks`` and ``add`` need none: they re-code the labelled articles with
today's coder and keep what they need in build/labels/unjudged/.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable, Iterator

from dateline.codebook import cameo_name
from dateline.newseval import (LOCKED, Judge, article_round, blind_rounds, code_articles, corpus_texts, counted,
                               country_level, duplicate_texts, event_keys, label_key, load_labels, pick_label,
                               sentence_span)

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news"
OUT = REPO / "eval" / "news"
BUILD = REPO / "build" / "labels"
SEED = 20261202
#: The current version of docs/annotation.md (section 7 holds version 2's decisions, section 8 version 3's, section 9
#: version 4's, section 10 version 5's, section 11 version 6's): the default of ``--guidelines`` (add, batch-tasks,
#: batch-add) and of ``rejudge-tasks --version``.
GUIDELINES = 6


def decision_section(version: int) -> int:
    """The section of docs/annotation.md that holds a version's decisions (version N >= 2: section N + 5)."""
    return version + 5


def guideline_sections(version: int) -> str:
    """Which sections of docs/annotation.md a labeller follows under ``version`` (:func:`decision_section`):
    "sections 1-6", "... with the decisions of section 7", "... of sections 7 and 8"."""
    if version <= 1:
        return "sections 1-6"
    decided = [str(decision_section(n)) for n in range(2, version + 1)]
    names = decided[0] if len(decided) == 1 else ", ".join(decided[:-1]) + " and " + decided[-1]
    return f"sections 1-6 with the decisions of section{'s' if len(decided) > 1 else ''} {names}"

#: AllSides topics of international politics (the corpus README's selection); all others are domestic.
INTERNATIONAL = {
    "world", "middle_east", "foreign_policy", "terrorism", "north_korea", "russia", "great_britain", "isis",
    "china", "europe", "israel", "mexico", "asia", "nuclear_weapons", "palestine", "africa", "south_korea",
}
#: Words that mark a Reuters-21578 wire as political (the corpus is mostly markets and earnings).
POLITICAL = re.compile(
    r"\b(minister|president|government|troops|army|military|rebels?|guerrillas?|attack(ed|s)?|talks|"
    r"embassy|sanctions|parliament|summit|treaty|ceasefire|war|killed|protest(ers|s)?|police|"
    r"diplomat(s|ic)?|envoy|negotiat\w+|accused|condemned|warned|visit(ed|s)?)\b",
    re.I,
)
ECONOMIC = re.compile(r"\b(shr|net|revs|qtr|dividend|mln dlrs|pct|tonnes|bushels|crude|stake|acquire)\b", re.I)
QUOTA = {"allsides_abp": 124, "bbc2225": 40, "reuters21578": 40}
WORDS = {"allsides_abp": (250, 700), "bbc2225": (150, 600), "reuters21578": (80, 450)}


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def read(corpus: str) -> list[dict[str, Any]]:
    with (NEWS / corpus).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def fixture_ids() -> set[str]:
    """Record ids any hand-checked fixture already uses (they were read while writing rules)."""
    ids: set[str] = set()
    for path in (REPO / "tests" / "fixtures").glob("*.jsonl"):
        ids.update(re.findall(r'"id": "([^"]+)"', path.read_text(encoding="utf-8")))
        ids.update(re.findall(r'"article_id": "([^"]+)"', path.read_text(encoding="utf-8")))
    return ids


def candidates(corpus: str, exclude: set[str],
               words: tuple[int, int] | None = None, texts: set[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Eligible records of a corpus, by stratum (topic); ``words`` overrides the corpus's length range; ``texts``
    (SHA-1 prefixes, :func:`sha1`) leaves out a record whose text is already selected under another id (the corpora
    repeat some stories: such a copy is never scored, ``newseval.duplicate_texts``). Of records sharing a text, the
    first (by id) is the candidate."""
    low, high = words or WORDS[corpus]
    strata: dict[str, list[dict[str, Any]]] = defaultdict(list)
    seen = set(texts or ())
    records = read(corpus + ".jsonl")
    if texts is not None:
        records = sorted(records, key=lambda r: r["id"])  # of records sharing a text, the first by id stays
    for rec in records:
        words = len(rec["text"].split())
        if rec["id"] in exclude or not low <= words <= high:
            continue
        if texts is not None:
            digest = sha1(rec["text"])
            if digest in seen:
                continue
            seen.add(digest)
        if corpus == "allsides_abp":
            if rec.get("category") in INTERNATIONAL and rec.get("date"):
                strata[rec["category"]].append(rec)
        elif corpus == "bbc2225":
            if rec.get("category") == "politics":
                strata["politics"].append(rec)
        else:
            text = rec["title"] + " " + rec["text"]
            if len(POLITICAL.findall(text)) >= 4 and len(ECONOMIC.findall(text)) <= 1:
                strata["political"].append(rec)
    return strata


def allocate(strata: dict[str, list[Any]], total: int, least: int = 2) -> dict[str, int]:
    """Proportional allocation with at least ``least`` per stratum (while the stratum has them)."""
    size = sum(len(v) for v in strata.values())
    alloc = {k: min(len(v), max(least, round(total * len(v) / size))) for k, v in strata.items()}
    keys = sorted(strata, key=lambda k: -len(strata[k]))
    while sum(alloc.values()) > total and any(alloc[k] > least for k in keys):
        for k in keys:
            if sum(alloc.values()) > total and alloc[k] > least:
                alloc[k] -= 1
    while sum(alloc.values()) < total and any(alloc[k] < len(strata[k]) for k in keys):
        for k in keys:
            if sum(alloc.values()) < total and alloc[k] < len(strata[k]):
                alloc[k] += 1
    return alloc


def select(args: argparse.Namespace) -> None:
    rng = random.Random(SEED)
    exclude = fixture_ids()
    rows: list[dict[str, Any]] = []
    for corpus, total in QUOTA.items():
        strata = candidates(corpus, exclude)
        for stratum, n in sorted(allocate(strata, total).items()):
            pool = sorted(strata[stratum], key=lambda r: r["id"])
            for rec in rng.sample(pool, n):
                rows.append({"corpus": corpus + ".jsonl", "id": rec["id"], "stratum": f"{corpus}/{stratum}",
                             "outlet": rec.get("outlet"), "date": rec.get("date"), "words": len(rec["text"].split()),
                             "sha1": sha1(rec["text"])})
    # Split by article, 60/20/20 within each corpus, fixed seed.
    by_corpus: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_corpus[row["corpus"]].append(row)
    for group in by_corpus.values():
        group.sort(key=lambda r: r["id"])
        rng.shuffle(group)
        n = len(group)
        for i, row in enumerate(group):
            row["split"] = "train" if i < round(0.6 * n) else "dev" if i < round(0.8 * n) else "test"
    rows.sort(key=lambda r: (r["corpus"], r["id"]))
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} articles -> {OUT / 'articles.jsonl'}")
    print(Counter(r["split"] for r in rows), Counter(r["stratum"].split("/")[0] for r in rows))


# -- tasks ---------------------------------------------------------------------------------------

def read_coded(path: Path) -> dict[str, dict[str, Any]]:
    """`dateline extract --format jsonl` output, by record id (the coder's events at labelling time)."""
    with path.open(encoding="utf-8") as handle:
        return {record["id"]: record for record in map(json.loads, handle)}


def load_selection() -> list[dict[str, Any]]:
    with (OUT / "articles.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def sentence_ref(record: dict[str, Any], index: int, text: str) -> dict[str, Any] | None:
    """Sentence ``index`` of a coded record as a reference into the corpus text."""
    found = sentence_span(record, text, index)
    return None if found is None else {"start": found[0], "end": found[1], "sha1": sha1(text[found[0]:found[1]])}


def event_refs(record: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """Each coded event of one output record, with its sentence as a reference into the corpus text."""
    out = []
    for event, key in zip(record["events"], event_keys(record, text)):
        ref = sentence_ref(record, event["sentence"], text)
        if key is None or ref is None:
            raise SystemExit(f"{record['id']}: sentence {event['sentence']} not found in the corpus text")
        length = event["span"][1] - event["span"][0]
        out.append({"event": event, "sentence_ref": ref, "trigger_in_sentence": [key[2], key[2] + length]})
    return out


def task_ref(row: dict[str, Any], event: dict[str, Any], sentence: dict[str, Any],
             trigger_in_sentence: list[int]) -> dict[str, Any]:
    """One coded event as a labelling task refers to it (references into the corpus, never text)."""
    return {"corpus": row["corpus"], "id": row["id"], "split": row["split"], "event_id": event["id"],
            "sentence": event["sentence"], "sentence_ref": sentence, "trigger_in_sentence": trigger_in_sentence,
            "trigger": event["trigger"], "coded": _coded_fields(event)}


def read_refs(path: Path) -> dict[str, dict[str, Any]]:
    """The task references written by ``tasks`` or ``unjudged-tasks``, by event id."""
    with path.open(encoding="utf-8") as handle:
        return {ref["event_id"]: ref for ref in map(json.loads, handle)}


def label_order(row: dict[str, Any]) -> tuple[Any, ...]:
    """The order of eval/news/*.jsonl rows: by corpus, article, sentence and trigger."""
    return (row["corpus"], row["id"], row["sentence_ref"]["start"], row["trigger_in_sentence"][0])


def describe_actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "(none)"
    return f"\"{actor.get('text')}\" {actor.get('code') or '-'} (country {actor.get('country') or '-'})"


def tasks(args: argparse.Namespace) -> None:
    selection = load_selection()
    texts = corpus_texts(selection, NEWS)
    coded = read_coded(Path(args.coded))
    rng = random.Random(SEED + 1)
    ids = sorted(row["id"] for row in selection)
    recall = set(rng.sample(ids, args.recall))
    overlap = set(rng.sample(ids, round(args.overlap * len(ids))))
    labellers = [chr(ord("A") + i) for i in range(args.labellers)]
    load = {name: 0 for name in labellers}
    queue: dict[str, list[str]] = {name: [] for name in labellers}
    order = sorted(ids, key=lambda i: (i not in overlap, i not in recall, hashlib.sha1(i.encode()).hexdigest()))
    assignment: dict[str, list[str]] = {}
    for article_id in order:
        n = len(coded[article_id]["events"]) + 3
        first = min(labellers, key=lambda k: load[k])
        who = [first]
        if article_id in overlap:
            who.append(min((k for k in labellers if k != first), key=lambda k: load[k]))
        for name in who:
            load[name] += n
            queue[name].append(article_id)
        assignment[article_id] = who
    tasks_dir = BUILD / "tasks"
    tasks_dir.mkdir(parents=True, exist_ok=True)
    refs: list[dict[str, Any]] = []
    by_id = {row["id"]: row for row in selection}
    for article_id in ids:
        record, row = coded[article_id], by_id[article_id]
        for ref in event_refs(record, texts[article_id]["text"]):
            refs.append(task_ref(row, ref["event"], ref["sentence_ref"], ref["trigger_in_sentence"]))
    with (BUILD / "events.jsonl").open("w", encoding="utf-8") as handle:
        for ref in refs:
            handle.write(json.dumps(ref, ensure_ascii=False) + "\n")
    for name, articles in queue.items():
        for j in range(0, len(articles), args.chunk):
            chunk = articles[j:j + args.chunk]
            path = tasks_dir / f"{name}_{j // args.chunk + 1:02d}.md"
            with path.open("w", encoding="utf-8") as handle:
                handle.write(f"# Labelling task {path.stem}: {len(chunk)} articles\n\n"
                             "Follow docs/annotation.md. Write one JSON line per event (and, for articles marked "
                             f"RECALL, one line per missed act) to build/labels/out/{path.stem}.jsonl.\n\n")
                for article_id in chunk:
                    handle.write(_article_md(coded[article_id], by_id[article_id], texts[article_id],
                                             article_id in recall))
    meta = {"recall": sorted(recall), "overlap": sorted(overlap), "assignment": assignment}
    (BUILD / "assignment.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    print(f"{len(refs)} events, {len(recall)} recall articles, {len(overlap)} overlap articles")
    print({k: (len(v), load[k]) for k, v in queue.items()})


def recall_tasks(args: argparse.Namespace) -> None:
    """Recall-only task files: articles of a split whose missed acts are not listed yet, for labellers
    who list every codable act no coded event covers (their events are labelled already)."""
    meta = json.loads((BUILD / "assignment.json").read_text(encoding="utf-8"))
    selection = load_selection()
    texts = corpus_texts(selection, NEWS)
    coded = read_coded(BUILD / "coded.jsonl")
    only: dict[str, str] = meta.setdefault("recall_only", {})
    listed = set(meta["recall"]) | set(only)
    ids = sorted((row["id"] for row in selection if row["split"] == args.split and row["id"] not in listed),
                 key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    names = args.labellers.split(",")
    load = {name: 0 for name in names}
    queue: dict[str, list[str]] = {name: [] for name in names}
    for article_id in ids:
        who = min(names, key=lambda k: load[k])
        load[who] += len(coded[article_id]["events"]) + len(coded[article_id]["sentences"])
        queue[who].append(article_id)
        only[article_id] = who
    by_id = {row["id"]: row for row in selection}
    for name, articles in queue.items():
        for j in range(0, len(articles), args.chunk):
            chunk = articles[j:j + args.chunk]
            path = BUILD / "tasks" / f"{name}_{j // args.chunk + 1:02d}.md"
            with path.open("w", encoding="utf-8") as handle:
                handle.write(f"# Labelling task {path.stem}: {len(chunk)} articles, RECALL ONLY\n\n"
                             "Follow docs/annotation.md. The coded events below are labelled already: do not label "
                             "them. For each article write one `\"missed\": true` line per codable act that no listed "
                             "event covers, then one line {\"article\": ID, \"recall_done\": true}, to "
                             f"build/labels/out/{path.stem}.jsonl.\n\n")
                for article_id in chunk:
                    handle.write(_article_md(coded[article_id], by_id[article_id], texts[article_id], True))
    (BUILD / "assignment.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    print({k: (len(v), load[k]) for k, v in queue.items()})


def _coded_fields(event: dict[str, Any]) -> dict[str, Any]:
    def side(actor: dict[str, Any] | None) -> dict[str, Any] | None:
        return None if not actor else {"code": actor.get("code"), "country": actor.get("country")}

    date = event.get("date") or {}
    return {"cameo": event["cameo"], "plover": (event.get("plover") or {}).get("event"),
            "source": side(event.get("source")), "target": side(event.get("target")),
            "modality": event.get("modality"), "negated": event.get("negated"),
            "date": date.get("value"), "date_source": date.get("source")}


def _article_md(record: dict[str, Any], row: dict[str, Any], rec: dict[str, Any], recall: bool) -> str:
    body = record["article"]["body"]
    lines = [f"## Article {row['id']}{'  RECALL' if recall else ''}",
             f"corpus {row['corpus']}, outlet {row.get('outlet') or '-'}, published {rec.get('date') or 'unknown'}",
             f"Title: {rec.get('title')}", ""]
    for sent in record["sentences"]:
        lines.append(f"[S{sent['index']}] {' '.join(body[sent['start']:sent['end']].split())}")
    lines += ["", f"### Events coded ({len(record['events'])})", ""]
    for event in record["events"]:
        date = event.get("date") or {}
        lines.append(
            f"- e={event['id']} | S{event['sentence']} | trigger \"{event['trigger']}\" | "
            f"{event['cameo']} {cameo_name(event['cameo']) or '?'} (root {event['cameo'][:2]}) | "
            f"src {describe_actor(event.get('source'))} | tgt {describe_actor(event.get('target'))} | "
            f"modality {event.get('modality')}{', NEGATED' if event.get('negated') else ''} | "
            f"date {date.get('value') or '-'} ({date.get('source') or '-'}"
            f"{': ' + repr(date['text']) if date.get('text') else ''})")
    lines += ["", ""]
    return "\n".join(lines)


def _share(names: list[str], ids: Any, weight: Any) -> tuple[dict[str, list[str]], dict[str, int]]:
    """Articles shared among labellers, each to the one with the least work so far (``weight`` per article)."""
    load = {name: 0 for name in names}
    queue: dict[str, list[str]] = {name: [] for name in names}
    for article_id in ids:
        who = min(names, key=lambda k: load[k])
        load[who] += weight(article_id)
        queue[who].append(article_id)
    return queue, load


def _write_tasks(folder: Path, queue: dict[str, list[str]], records: dict[str, dict[str, Any]],
                 selection: dict[str, dict[str, Any]], texts: dict[str, dict[str, Any]], kind: str,
                 instructions: str, recall: bool) -> None:
    """One task file per labeller under ``folder``/tasks; ``instructions`` names the output as {out}."""
    (folder / "tasks").mkdir(parents=True, exist_ok=True)
    for name, articles in queue.items():
        path = folder / "tasks" / f"{name}_01.md"
        out = folder / "out" / f"{path.stem}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            handle.write(f"# Labelling task {path.stem}: {len(articles)} articles, {kind}\n\n"
                         + instructions.format(out=out.relative_to(REPO) if out.is_relative_to(REPO) else out)
                         + "\n\n")
            for article_id in articles:
                handle.write(_article_md(records[article_id], selection[article_id], texts[article_id], recall))


def _missed_row(label: dict[str, Any], record: dict[str, Any], text: str, row: dict[str, Any],
                labeller: str) -> dict[str, Any] | None:
    """A missed-act label as a row of eval/news/missed.jsonl (references only); None when its trigger is
    not in the sentence it names."""
    index = int(label["s"])
    ref = sentence_ref(record, index, text) if 0 <= index < len(record["sentences"]) else None
    at = text[ref["start"]:ref["end"]].find(str(label["trigger"])) if ref else -1
    if ref is None or at < 0:
        return None
    return {"corpus": row["corpus"], "id": row["id"], "split": row["split"], "missed": True,
            "sentence": index, "sentence_ref": ref, "trigger_in_sentence": [at, at + len(str(label["trigger"]))],
            "trigger": label["trigger"], "root": label["root"], "src": label["src"], "tgt": label["tgt"],
            "modality": label["modality"], "date": label.get("date", "unknown"), "labeller": labeller,
            "note": label.get("note", "")}


def _listed_acts(ids: set[str]) -> Iterator[dict[str, Any]]:
    """The acts eval/news already lists for the articles ``ids``: stored labels that are real acts, and missed acts."""
    for name in ("labels.jsonl", "missed.jsonl"):
        with (OUT / name).open(encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                if item.get("id") in ids and (item.get("missed") or item.get("act") is True):
                    yield item


def recall_more(args: argparse.Namespace) -> None:
    """Recall-completion task files for rounds whose missed-act lists are known to be thin (session 59's rounds
    128-129, labelled against a time limit): each article's sentences, and every act already listed (the stored
    labels that are real acts, and the stored missed acts), for labellers who add the codable acts still unlisted.
    Nothing is shown of the coder's output beyond what the labels already hold, and no score; the integrator
    runs it without reading the task files (the rounds stay blind). ``recall-more-add`` appends the new acts."""
    wanted = _round_filter(args.rounds) or set()
    selection = load_selection()
    rows = [row for row in selection if article_round(row) in wanted]
    if not rows:
        raise SystemExit(f"no article in rounds {sorted(wanted)}")
    ids = {row["id"] for row in rows}
    listed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in _listed_acts(ids):
        listed[item["id"]].append(item)
    texts = corpus_texts(rows, NEWS)
    order = sorted(texts, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    coded = code_articles(texts, order)
    folder = BUILD / "recallmore" / ("r" + "-".join(str(r) for r in sorted(wanted)))
    (folder / "tasks").mkdir(parents=True, exist_ok=True)
    (folder / "out").mkdir(parents=True, exist_ok=True)
    with (folder / "coded.jsonl").open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(coded[i], ensure_ascii=False) + "\n" for i in order)
    by_id = {row["id"]: row for row in rows}
    queue, load = _share(args.labellers.split(","), order, lambda i: len(coded[i]["sentences"]))
    moved = 0
    for name, articles in queue.items():
        out = folder / "out" / f"{name}_01.jsonl"
        with (folder / "tasks" / f"{name}_01.md").open("w", encoding="utf-8") as handle:
            handle.write(f"# Recall-completion task {name}_01: {len(articles)} articles, MISSED ACTS ONLY\n\n"
                         f"Follow docs/annotation.md (version {args.guidelines}; write \"guidelines\": {args.guidelines} "
                         "on every line). Each article lists the acts already listed (labelled events and missed "
                         "acts). Read every sentence and write one `\"missed\": true` line per codable act that is "
                         "NOT already listed (same sentence, same act), then one line {\"article\": ID, "
                         f"\"recall_done\": true}} per article. Write them to "
                         f"{out.relative_to(REPO) if out.is_relative_to(REPO) else out}.\n\n")
            for article_id in articles:
                record, text = coded[article_id], texts[article_id]["text"]
                row = by_id[article_id]
                body = record["article"]["body"]
                lines = [f"## Article {article_id}  RECALL",
                         f"corpus {row['corpus']}, outlet {row.get('outlet') or '-'}, published "
                         f"{texts[article_id].get('date') or 'unknown'}", f"Title: {texts[article_id].get('title')}", ""]
                lines += [f"[S{sent['index']}] {' '.join(body[sent['start']:sent['end']].split())}"
                          for sent in record["sentences"]]
                items = sorted(listed[article_id], key=lambda item: (item["sentence"], item["trigger_in_sentence"]))
                lines += ["", f"### Acts already listed ({len(items)})", ""]
                for item in items:
                    ref = sentence_ref(record, int(item["sentence"]), text)
                    if ref is None or ref["sha1"] != item["sentence_ref"]["sha1"]:
                        moved += 1  # the sentence split moved since labelling: shown without its number
                        where = "S?"
                    else:
                        where = f"S{item['sentence']}"
                    lines.append(f"- {where} | trigger \"{item['trigger']}\" | root {item.get('root')} | "
                                 f"{item.get('src')} -> {item.get('tgt')} | {item.get('modality')}")
                handle.write("\n".join(lines + ["", ""]) + "\n")
    print(f"{len(order)} articles; " + ", ".join(f"{k}: {len(v)} articles, {load[k]} sentences"
                                                 for k, v in queue.items())
          + (f"; {moved} listed acts whose sentence moved" if moved else ""))


def recall_more_add(args: argparse.Namespace) -> int:
    """Append the acts of ``recall-more`` label files to eval/news/missed.jsonl (references only), leaving out
    lines with problems and acts whose trigger overlaps one already listed in the same sentence."""
    folder = Path(args.files[0]).resolve().parent.parent
    coded = read_coded(folder / "coded.jsonl")
    selection = {row["id"]: row for row in load_selection()}
    texts = corpus_texts([selection[i] for i in coded], NEWS)
    seen: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)  # listed trigger spans by sentence
    for item in _listed_acts(set(coded)):
        seen[item["id"], item["sentence_ref"]["sha1"]].append(tuple(item["trigger_in_sentence"]))
    added: list[dict[str, Any]] = []
    bad = dup = 0
    done: set[str] = set()
    for name in sorted(args.files):
        path = Path(name)
        for number, label in _label_lines(path):
            if label is None:
                bad += 1
                continue
            if label.get("recall_done"):
                done.add(str(label.get("article")))
                continue
            problems = label_problems(label) if label.get("missed") else ["not a missed act"]
            if label.get("article") not in coded:
                problems.append(f"article {label.get('article')} is not in the tasks")
            found = None if problems else _missed_row(label, coded[label["article"]],
                                                      texts[label["article"]]["text"], selection[label["article"]],
                                                      path.stem.split("_")[0])
            if found is None:
                print(f"{path}:{number}: {'; '.join(problems) or 'trigger not in its sentence'}; left out")
                bad += 1
                continue
            spans = seen[found["id"], found["sentence_ref"]["sha1"]]
            start, end = found["trigger_in_sentence"]
            if any(start < b and a < end for a, b in spans):  # a listed act's trigger overlaps: listed already
                dup += 1
                continue
            spans.append((start, end))
            found["guidelines"] = args.guidelines
            found["note"] = ("recall completion pass; " + found["note"]).rstrip("; ")
            added.append(found)
    with (OUT / "missed.jsonl").open("a", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in added)
    print(f"{len(added)} missed acts added ({len(done)} of {len(coded)} articles done); {dup} already listed, "
          f"{bad} lines left out")
    return 1 if bad else 0


# -- checking and merging labels ----------------------------------------------------------------

MODALITIES = {"asserted", "negated", "intended", "hypothetical", "claimed"}
CODE = re.compile(r"^([A-Z]{3}|OK|NONE)$")
DATE = re.compile(r"^(OK|unknown|[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)$")


def label_problems(label: dict[str, Any]) -> list[str]:
    """What is wrong with one label line (empty when it follows docs/annotation.md)."""
    problems = []
    if label.get("missed"):
        for key in ("article", "s", "trigger", "root", "src", "tgt", "modality"):
            if key not in label:
                problems.append(f"missing {key!r}")
        if not re.fullmatch(r"(0[1-9]|1[0-9]|20)", str(label.get("root", ""))):
            problems.append("root must be a two-digit CAMEO root 01-20")
        if label.get("modality") not in MODALITIES:
            problems.append(f"modality must be one of {sorted(MODALITIES)}")
        for key in ("src", "tgt"):
            if not re.fullmatch(r"[A-Z]{3}|NONE", str(label.get(key, ""))):
                problems.append(f"{key} must be a three-letter code or NONE")
        return problems
    if label.get("act") not in ("yes", "no"):
        return ["act must be yes or no"]
    if label["act"] == "no":
        return []
    if label.get("modality") not in MODALITIES:
        problems.append(f"modality must be one of {sorted(MODALITIES)}")
    if not re.fullmatch(r"OK|0[1-9]|1[0-9]|20", str(label.get("root", ""))):
        problems.append("root must be OK or a two-digit CAMEO root 01-20")
    for key in ("src", "tgt"):
        if not CODE.fullmatch(str(label.get(key, ""))):
            problems.append(f"{key} must be OK, NONE or a three-letter code")
    if not DATE.fullmatch(str(label.get("date", ""))):
        problems.append("date must be OK, unknown, YYYY, YYYY-MM or YYYY-MM-DD")
    return problems


def _label_lines(path: Path) -> Iterator[tuple[int, dict[str, Any] | None]]:
    """(line number, label) for each non-empty line of a label file; None (reported) where it is not JSON."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as err:
            print(f"{path}:{number}: not JSON ({err})")
            yield number, None


def check(args: argparse.Namespace) -> int:
    """Check label files against their task files: every event labelled once, every line well formed."""
    bad = 0
    for name in args.files:
        path = Path(name)
        task = (BUILD / "tasks" / (path.stem + ".md")).read_text(encoding="utf-8")
        recall_only = "RECALL ONLY" in task.splitlines()[0]
        wanted = set() if recall_only else set(re.findall(r"^- e=([0-9a-f-]+) ", task, re.M))
        done: set[str] = set()
        recall = set(re.findall(r"^## Article (\S+)  RECALL", task, re.M))
        seen: Counter[str] = Counter()
        for number, label in _label_lines(path):
            if label is None:
                bad += 1
                continue
            if label.get("recall_done"):
                done.add(str(label.get("article")))
                continue
            problems = label_problems(label)
            if not label.get("missed"):
                seen[str(label.get("e"))] += 1
                if label.get("e") not in wanted:
                    problems.append(f"event {label.get('e')} is not in {path.stem}.md")
            elif label.get("article") not in recall:
                problems.append(f"article {label.get('article')} is not a RECALL article of {path.stem}.md")
            for problem in problems:
                print(f"{path}:{number}: {problem}")
            bad += len(problems)
        if recall_only:
            articles = set(re.findall(r"^## Article (\S+)", task, re.M))
            if articles - done:
                print(f"{path}: no recall_done line for {len(articles - done)} article(s), e.g. {sorted(articles - done)[:2]}")
                bad += len(articles - done)
        missing = wanted - set(seen)
        twice = [e for e, n in seen.items() if n > 1]
        if missing:
            print(f"{path}: {len(missing)} events not labelled, e.g. {sorted(missing)[:3]}")
        if twice:
            print(f"{path}: labelled more than once: {twice[:3]}")
        bad += len(missing) + len(twice)
        print(f"{path}: {sum(seen.values())} event labels for {len(wanted)} events")
    return 1 if bad else 0


def kappa(pairs: list[tuple[Any, Any]]) -> float | None:
    """Cohen's kappa of two labellers' values on the same items."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[k] * right.get(k, 0) for k in left) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


#: The decisions whose agreement is reported (the last four only where both labellers say "act").
AGREEMENT_FIELDS = {
    "act": lambda r: r["act"],
    "real_asserted": lambda r: bool(r["act"] and r["modality"] == "asserted"),
    "modality": lambda r: r["modality"],
    "root": lambda r: r["root"],
    "source": lambda r: r["src"],
    "target": lambda r: r["tgt"],
}


def agreement_of(first: dict[str, dict[str, Any]], second: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Agreement and Cohen's kappa of two labellers on the events both judged (resolved rows by event id)."""
    both = [(first[e], second[e]) for e in second if e in first]
    agreement: dict[str, Any] = {"events": len(both), "articles": len({a["id"] for a, _ in both})}
    for name, get in AGREEMENT_FIELDS.items():
        pairs = [(get(a), get(b)) for a, b in both if name in ("act", "real_asserted") or (a["act"] and b["act"])]
        k = kappa(pairs)
        agreement[name] = {"n": len(pairs), "agree": round(sum(x == y for x, y in pairs) / len(pairs), 3) if pairs else None,
                           "kappa": None if k is None else round(k, 3)}
    return agreement


def resolve(label: dict[str, Any], ref: dict[str, Any]) -> dict[str, Any]:
    """A label line made self-standing: OK replaced by the coded value, keyed by references only."""
    coded = ref["coded"]
    act = label["act"] == "yes"
    row = {k: ref[k] for k in ("corpus", "id", "split", "event_id", "sentence", "sentence_ref",
                               "trigger_in_sentence", "trigger", "coded")}
    row["act"] = act
    if act:
        row["modality"] = label["modality"]
        row["background"] = bool(label.get("background", False))
        row["root"] = coded["cameo"][:2] if label["root"] == "OK" else label["root"]
        row["src"] = country_level(coded["source"]) if label["src"] == "OK" else label["src"]
        row["tgt"] = country_level(coded["target"]) if label["tgt"] == "OK" else label["tgt"]
        row["date"] = (coded["date"] or "unknown") if label["date"] == "OK" else label["date"]
        row["verdict"] = {k: label[k] == "OK" for k in ("root", "src", "tgt", "date")}
    else:
        row.update(modality=None, background=False, root=None, src=None, tgt=None, date=None, verdict=None)
    row["note"] = label.get("note", "")
    return row


def merge(args: argparse.Namespace) -> int:
    """Label files -> eval/news/labels.jsonl (first labeller), labels_second.jsonl (overlap), missed.jsonl."""
    refs = read_refs(BUILD / "events.jsonl")
    meta = json.loads((BUILD / "assignment.json").read_text(encoding="utf-8"))
    coded = read_coded(BUILD / "coded.jsonl")
    selection = {row["id"]: row for row in load_selection()}
    texts = corpus_texts(list(selection.values()), NEWS)
    first: dict[str, dict[str, Any]] = {}
    second: dict[str, dict[str, Any]] = {}
    missed: list[dict[str, Any]] = []
    recall_only: dict[str, str] = meta.get("recall_only", {})
    recall_finished: set[str] = set()
    for name in sorted(args.files):
        path = Path(name)
        labeller = path.stem.split("_")[0]
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            label = json.loads(line)
            if label.get("recall_done"):
                if recall_only.get(str(label.get("article"))) == labeller:
                    recall_finished.add(str(label["article"]))
                continue
            if label_problems(label):
                continue
            if label.get("missed"):
                found = _missed_row(label, coded[label["article"]], texts[label["article"]]["text"],
                                    selection[label["article"]], labeller)
                if found is None:
                    print(f"{path}: missed act {label['trigger']!r} not found in sentence {label['s']}; dropped")
                    continue
                if labeller not in (meta["assignment"][label["article"]][0], recall_only.get(label["article"])):
                    continue  # recall lists come from the article's first labeller (or its recall-only one)
                missed.append(found)
                continue
            ref = refs[label["e"]]
            row = resolve(label, ref)
            row["labeller"] = labeller
            row["guidelines"] = 1
            owner = meta["assignment"][ref["id"]]
            (first if labeller == owner[0] else second)[label["e"]] = row
    per_article = Counter(ref["id"] for ref in refs.values())
    labelled = Counter(r["id"] for r in first.values())
    complete = {aid for aid in selection if labelled[aid] == per_article[aid] > 0}
    # An article with no event is complete once its labeller finished the task file holding it.
    for task in sorted((BUILD / "tasks").glob("*.md")):
        out = Path(args.files[0]).parent / f"{task.stem}.jsonl"
        articles = re.findall(r"^## Article (\S+)", task.read_text(encoding="utf-8"), re.M)
        if out.exists() and all(aid in complete or per_article[aid] == 0 for aid in articles):
            complete.update(aid for aid in articles if per_article[aid] == 0)
    OUT.mkdir(parents=True, exist_ok=True)
    write = lambda name, rows: (OUT / name).write_text(  # noqa: E731
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    write("labels.jsonl", sorted((r for r in first.values() if r["id"] in complete), key=label_order))
    write("labels_second.jsonl", sorted(second.values(), key=label_order))
    recall_done = sorted(aid for aid in set(meta["recall"]) | recall_finished if aid in complete)
    write("missed.jsonl", sorted((m for m in missed if m["id"] in recall_done), key=label_order))
    (OUT / "recall.json").write_text(json.dumps(recall_done, indent=0) + "\n", encoding="utf-8")
    (OUT / "complete.json").write_text(json.dumps(sorted(complete), indent=0) + "\n", encoding="utf-8")
    agreement = agreement_of(first, second)
    (OUT / "agreement.json").write_text(json.dumps(agreement, indent=1) + "\n", encoding="utf-8")
    splits = Counter(selection[a]["split"] for a in complete)
    print(f"{len(complete)} of {len(selection)} articles completely labelled {dict(splits)}; "
          f"{sum(1 for r in first.values() if r['id'] in complete)} event labels; "
          f"{len(recall_done)} recall articles, {len([m for m in missed if m['id'] in recall_done])} missed acts")
    print(json.dumps(agreement))
    return 0


# -- labelling what today's coder counts that no label covers ----------------------------------

UNJUDGED = BUILD / "unjudged"


def unjudged_tasks(args: argparse.Namespace) -> None:
    """Task files for the counted events of today's coder that have no label at their trigger (new
    events that rules added since the labels were made), on every split. The labellers see the article
    and only those events (they are not told the split); ``add`` appends their labels."""
    labels = load_labels(OUT / "labels.jsonl")
    selection = {row["id"]: row for row in labels.articles}
    texts = corpus_texts(labels.articles, NEWS)
    order = sorted(texts, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    coded = code_articles(texts, order)
    judge = Judge(labels.labels, labels.missed)
    refs: list[dict[str, Any]] = []
    todo: dict[str, dict[str, Any]] = {}
    for article_id in order:
        record, row, text = coded[article_id], selection[article_id], texts[article_id]["text"]
        keep = []
        for event, key in zip(record["events"], event_keys(record, text)):
            if key is None or not counted(event) or judge(event, key) is not None:
                continue
            ref = sentence_ref(record, event["sentence"], text)
            if ref is None:
                continue
            keep.append(event)
            refs.append(task_ref(row, event, ref, [key[2], key[2] + event["span"][1] - event["span"][0]]))
        if keep:
            todo[article_id] = {**record, "events": keep}
    queue, _ = _share(args.labellers.split(","), todo,
                      lambda i: len(todo[i]["events"]) + len(todo[i]["sentences"]) // 4)
    (UNJUDGED / "tasks").mkdir(parents=True, exist_ok=True)
    with (UNJUDGED / "events.jsonl").open("w", encoding="utf-8") as handle:
        for ref in refs:
            handle.write(json.dumps(ref, ensure_ascii=False) + "\n")
    _write_tasks(UNJUDGED, queue, todo, selection, texts, "NEW EVENTS ONLY",
                 "Follow docs/annotation.md. Label every event listed below (the article's other events "
                 "are labelled already), one JSON line per event, to {out}.", recall=False)
    print(f"{len(refs)} counted events with no label in {len(todo)} articles; "
          + ", ".join(f"{k}: {len(v)} articles" for k, v in queue.items()))


def add(args: argparse.Namespace) -> int:
    """Append the labels of ``unjudged-tasks`` to eval/news/labels.jsonl (checked, OK resolved, references only)."""
    refs = read_refs(UNJUDGED / "events.jsonl")
    rows = [json.loads(line) for line in (OUT / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    have = {(label_key(r), r["event_id"]) for r in rows}
    added, bad = 0, 0
    for name in sorted(args.files):
        path = Path(name)
        labeller = path.stem.split("_")[0]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            label = json.loads(line)
            problems = label_problems(label) + ([] if label.get("e") in refs else [f"event {label.get('e')} not in the tasks"])
            if problems:
                print(f"{path}:{number}: {'; '.join(problems)}")
                bad += 1
                continue
            row = resolve(label, refs[label["e"]])
            row["labeller"], row["guidelines"] = labeller, args.guidelines
            if (label_key(row), row["event_id"]) not in have:
                have.add((label_key(row), row["event_id"]))
                rows.append(row)
                added += 1
    (OUT / "labels.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sorted(rows, key=label_order)),
                                      encoding="utf-8")
    print(f"{added} labels added ({bad} lines with problems left out); {len(refs)} events were in the tasks")
    return 1 if bad else 0


# -- a later batch of articles (a new split labelled in one go) ---------------------------------

def extend(args: argparse.Namespace) -> None:
    """Append ``--n`` articles nobody has labelled or read (not selected before, not in a fixture) to
    eval/news/articles.jsonl, all in one split (a new one, or train or dev to grow them; a locked split
    that exists only with ``--grow-locked``), stratified like ``select`` with a seed of their own (the round's)."""
    selection = load_selection()
    if any(row.get("round", 1) == args.round for row in selection):
        raise SystemExit(f"round {args.round} exists already; choose a new one")
    if args.split in LOCKED and any(row["split"] == args.split for row in selection) and not args.grow_locked:
        raise SystemExit(f"split {args.split!r} is locked and exists already: a later batch goes into a new split "
                         "(or, to enlarge it with articles nobody has read, pass --grow-locked)")
    rng = random.Random(SEED + 100 * args.round)
    exclude = fixture_ids() | {row["id"] for row in selection}
    total = sum(QUOTA.values())
    new: list[dict[str, Any]] = []
    for corpus, quota in QUOTA.items():
        strata = candidates(corpus, exclude, _words_override(args.words).get(corpus),
                            texts={row["sha1"] for row in selection if row.get("sha1")})
        for stratum, n in sorted(allocate(strata, round(args.n * quota / total), least=1).items()):
            pool = sorted(strata[stratum], key=lambda r: r["id"])
            for rec in rng.sample(pool, n):
                new.append({"corpus": corpus + ".jsonl", "id": rec["id"], "stratum": f"{corpus}/{stratum}",
                            "outlet": rec.get("outlet"), "date": rec.get("date"),
                            "words": len(rec["text"].split()), "sha1": sha1(rec["text"]),
                            "split": args.split, "round": args.round})
    rows = sorted(selection + new, key=lambda r: (r["corpus"], r["id"]))
    with (OUT / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(new)} articles added in split {args.split!r} (round {args.round}); "
          f"{Counter(r['stratum'].split('/')[0] for r in new)}")


def _words_override(specs: list[str] | None) -> dict[str, tuple[int, int]]:
    """``CORPUS=LOW-HIGH`` options of ``extend`` (e.g. ``allsides_abp=700-1000``: the stratified pools of the
    default lengths run out after enough rounds; longer articles of the same topics are the next pool)."""
    out: dict[str, tuple[int, int]] = {}
    for spec in specs or []:
        corpus, _, span = spec.partition("=")
        low, _, high = span.partition("-")
        if corpus not in WORDS or not low.isdigit() or not high.isdigit():
            raise SystemExit(f"--words {spec!r}: expected CORPUS=LOW-HIGH with CORPUS one of {sorted(WORDS)}")
        out[corpus] = (int(low), int(high))
    return out


def _batch_dir(split: str, relabel: bool = False, rounds: str | None = None) -> Path:
    """A batch's working folder: build/labels/batch/SPLIT, or build/labels/relabel/SPLIT for ``--relabel``
    (build/labels/relabel/SPLIT-rA-B for the ``--rounds A,...,B`` of a split relabelled in parts)."""
    tag = f"-r{rounds.split(',')[0]}-{rounds.split(',')[-1]}" if relabel and rounds else ""
    return BUILD / ("relabel" if relabel else "batch") / (split + tag)


def _round_filter(rounds: str | None) -> set[int] | None:
    return {int(r) for r in rounds.split(",")} if rounds else None


def batch_tasks(args: argparse.Namespace) -> None:
    """Task files for every article of a split that is not labelled yet: each coded event (asserted or
    not) and, for every article, the list of acts no event covers (all articles are RECALL).

    With ``--relabel``, the split's articles that *are* labelled complete instead: the whole article labelled
    again, blind (the stored labels are not shown), under the current guidelines, by today's coder's events;
    ``batch-add --relabel`` replaces the stored labels and keeps the old ones (:func:`batch_add`). A locked split
    is relabelled only with ``--locked``: blind, as it was first labelled (the labellers see the articles and the
    coder's events, never a score), once per version of the guidelines, its errors read by nobody; the integrator
    reads only the aggregate agreement of old and new labels (session 48: test and fresh under v6)."""
    selection = load_selection()
    complete = set(json.loads((OUT / "complete.json").read_text(encoding="utf-8")))
    relabel = bool(getattr(args, "relabel", False))
    if relabel and args.split in LOCKED and not getattr(args, "locked", False):
        raise SystemExit(f"split {args.split!r} is locked: relabel it only with --locked (blind, once per guidelines "
                         "version; nobody reads its errors, and the integrator reads only the aggregate agreement)")
    wanted = _round_filter(getattr(args, "rounds", None))
    if wanted and not relabel:
        raise SystemExit("--rounds chooses the rounds of a relabelling (with --relabel)")
    blind = (wanted or set()) & set(blind_rounds(OUT / "labels.jsonl"))
    if blind:
        raise SystemExit(f"--rounds names blind rounds {sorted(blind)}: their labels are not relabelled while they "
                         "are blind")
    twins = duplicate_texts(selection)  # one text, one article: a repeated text's event ids would collide
    rows = [row for row in selection if row["split"] == args.split and (row["id"] in complete) == relabel
            and (wanted is None or article_round(row) in wanted) and row["id"] not in twins]
    if not rows:
        raise SystemExit(f"no {'labelled' if relabel else 'unlabelled'} article in split {args.split!r}")
    texts = corpus_texts(rows, NEWS)
    order = sorted(texts, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    coded = code_articles(texts, order)
    folder = _batch_dir(args.split, relabel, getattr(args, "rounds", None))
    (folder / "tasks").mkdir(parents=True, exist_ok=True)
    (folder / "out").mkdir(parents=True, exist_ok=True)
    by_id = {row["id"]: row for row in rows}
    refs = []
    for article_id in order:
        for ref in event_refs(coded[article_id], texts[article_id]["text"]):
            refs.append(task_ref(by_id[article_id], ref["event"], ref["sentence_ref"], ref["trigger_in_sentence"]))
    with (folder / "events.jsonl").open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(ref, ensure_ascii=False) + "\n" for ref in refs)
    with (folder / "coded.jsonl").open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(coded[i], ensure_ascii=False) + "\n" for i in order)
    queue, load = _share(args.labellers.split(","), order,
                         lambda i: len(coded[i]["events"]) + len(coded[i]["sentences"]))
    _write_tasks(folder, queue, coded, by_id, texts, "every event and every missed act",
                 f"Follow docs/annotation.md (version {args.guidelines}: {guideline_sections(args.guidelines)}"
                 + f"; write \"guidelines\": {args.guidelines} on every line). For every event listed, one JSON line; for every "
                 "article (all are RECALL articles), one `\"missed\": true` line per codable act that no "
                 "listed event covers, then one line {{\"article\": ID, \"recall_done\": true}} when the "
                 "article is finished. Write them to {out}.", recall=True)
    print(f"{len(refs)} events in {len(rows)} articles; "
          + ", ".join(f"{k}: {len(v)} articles, load {load[k]}" for k, v in queue.items()))


def batch_second(args: argparse.Namespace) -> None:
    """Second labellers' task files for a batch that ``batch-tasks`` wrote: the events (no missed acts) of ``--n`` of
    its articles with events, drawn with ``--seed``, shared among ``--labellers``, written to ``tasks2/``; the labels
    go to ``out2/`` and ``batch-add --second`` reads them for the agreement (Cohen's kappa) only."""
    folder = _batch_dir(args.split, bool(getattr(args, "relabel", False)), getattr(args, "rounds", None))
    coded = read_coded(folder / "coded.jsonl")
    selection = {row["id"]: row for row in load_selection()}
    texts = corpus_texts([selection[i] for i in coded], NEWS)
    ids = sorted(coded)
    random.Random(args.seed).shuffle(ids)
    picked = [i for i in ids if coded[i]["events"]][:args.n]
    queue, load = _share(args.labellers.split(","), picked, lambda i: len(coded[i]["events"]))
    (folder / "tasks2").mkdir(parents=True, exist_ok=True)
    (folder / "out2").mkdir(parents=True, exist_ok=True)
    for name, articles in queue.items():
        out = folder / "out2" / f"{name}_01.jsonl"
        shown = out.relative_to(REPO) if out.is_relative_to(REPO) else out
        with (folder / "tasks2" / f"{name}_01.md").open("w", encoding="utf-8") as handle:
            handle.write(f"# Second labelling task {name}_01: {len(articles)} articles, events only\n\n"
                         f"Follow docs/annotation.md (version {args.guidelines}: {guideline_sections(args.guidelines)}; "
                         f"write \"guidelines\": {args.guidelines} on every line). For every event listed, one JSON line "
                         f"(no missed acts, no recall_done lines). Write them to {shown}.\n\n")
            for article_id in articles:
                handle.write(_article_md(coded[article_id], selection[article_id], texts[article_id], False))
    print(", ".join(f"{k}: {len(v)} articles, {load[k]} events" for k, v in queue.items()))


def batch_add(args: argparse.Namespace) -> int:
    """Append a batch's labels to eval/news: event labels to labels.jsonl, missed acts to missed.jsonl,
    and each article whose events are all labelled and whose recall list is finished to complete.json
    and recall.json. Lines with problems are reported and left out.

    With ``--relabel`` (a batch of ``batch-tasks --relabel``), each complete article's new labels replace its
    stored ones in labels.jsonl, missed.jsonl and labels_second.jsonl. Nothing is lost: the replaced rows are
    appended to ``labels_v{N-1}.jsonl``, ``missed_v{N-1}.jsonl`` and ``labels_second_v{N-1}.jsonl`` (N the
    ``--guidelines`` version; as :func:`rejudge_add`, "replaced by the version N relabelling"), and the agreement
    of the stored labels with the new ones on the events both judged (matched by trigger place and sides) is
    written to ``agreement_relabel_SPLIT_vN.json``: how far the older conventions differ from the current ones."""
    relabel = bool(getattr(args, "relabel", False))
    folder = _batch_dir(args.split, relabel, getattr(args, "rounds", None))
    refs = read_refs(folder / "events.jsonl")
    coded = read_coded(folder / "coded.jsonl")
    selection = {row["id"]: row for row in load_selection()}
    texts = corpus_texts([selection[i] for i in coded], NEWS)
    labels: dict[str, dict[str, Any]] = {}
    missed: list[dict[str, Any]] = []
    done: set[str] = set()
    bad = 0
    second: dict[str, dict[str, Any]] = {}
    for name in args.second or []:
        for _, label in _label_lines(Path(name)):
            if label and not label.get("missed") and label.get("e") in refs and not label_problems(label):
                row = resolve(label, refs[label["e"]])
                row["labeller"], row["guidelines"] = Path(name).stem.split("_")[0], args.guidelines
                second[label["e"]] = row
    for name in sorted(args.files):
        path = Path(name)
        labeller = path.stem.split("_")[0]
        for number, label in _label_lines(path):
            if label is None:
                bad += 1
                continue
            if label.get("recall_done"):
                if label.get("article") in coded:
                    done.add(str(label["article"]))
                continue
            problems = label_problems(label)
            if not label.get("missed") and label.get("e") not in refs:
                problems.append(f"event {label.get('e')} is not in the tasks")
            if label.get("missed") and label.get("article") not in coded:
                problems.append(f"article {label.get('article')} is not in the tasks")
            if problems:
                print(f"{path}:{number}: {'; '.join(problems)}")
                bad += 1
                continue
            if label.get("missed"):
                found = _missed_row(label, coded[label["article"]], texts[label["article"]]["text"],
                                    selection[label["article"]], labeller)
                if found is None:
                    print(f"{path}:{number}: missed act {label['trigger']!r} not found in sentence {label['s']}; left out")
                    bad += 1
                    continue
                found["guidelines"] = args.guidelines
                missed.append(found)
                continue
            row = resolve(label, refs[label["e"]])
            row["labeller"], row["guidelines"] = labeller, args.guidelines
            labels[label["e"]] = row
    per_article = Counter(ref["id"] for ref in refs.values())
    labelled = Counter(row["id"] for row in labels.values())
    complete_now = {i for i in coded if i in done and labelled[i] == per_article[i]}
    for i in sorted(set(coded) - complete_now):
        print(f"{i}: not complete ({labelled[i]} of {per_article[i]} events labelled, "
              f"recall {'finished' if i in done else 'not finished'}); left out")

    replaced: dict[str, list[dict[str, Any]]] = {}

    def extend_rows(name: str, new: list[dict[str, Any]]) -> None:
        path = OUT / name
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        old = [r for r in rows if r["id"] in complete_now]
        if old and relabel:
            replaced[name] = old
            archive = OUT / f"{path.stem}_v{args.guidelines - 1}.jsonl"
            with archive.open("a", encoding="utf-8") as handle:
                handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in old)
        rows = [r for r in rows if r["id"] not in complete_now] + new
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sorted(rows, key=label_order)),
                        encoding="utf-8")

    extend_rows("labels.jsonl", [r for r in labels.values() if r["id"] in complete_now])
    extend_rows("missed.jsonl", [m for m in missed if m["id"] in complete_now])
    for name in ("complete.json", "recall.json"):
        have = set(json.loads((OUT / name).read_text(encoding="utf-8")))
        (OUT / name).write_text(json.dumps(sorted(have | complete_now), indent=0) + "\n", encoding="utf-8")
    if second:
        agreement = agreement_of(labels, second)
        rounds = sorted({str(selection[i].get("round", 1)) for i in complete_now if i in selection})
        name = (f"agreement_relabel_{folder.name}_v{args.guidelines}_second.json" if relabel
                else f"agreement_round{'+'.join(rounds)}.json")
        (OUT / name).write_text(json.dumps(agreement, indent=1) + "\n", encoding="utf-8")
        extend_rows("labels_second.jsonl", [r for r in second.values() if r["id"] in complete_now])
        print(json.dumps(agreement))
    if relabel:
        drift = relabel_agreement(replaced.get("labels.jsonl", []), [r for r in labels.values() if r["id"] in complete_now],
                                  replaced.get("missed.jsonl", []), [m for m in missed if m["id"] in complete_now])
        (OUT / f"agreement_relabel_{folder.name}_v{args.guidelines}.json").write_text(json.dumps(drift, indent=1) + "\n",
                                                                                    encoding="utf-8")
        print("stored labels against the relabelling: " + json.dumps(drift))
    print(f"{len(complete_now)} of {len(coded)} articles added complete: "
          f"{sum(1 for r in labels.values() if r['id'] in complete_now)} event labels, "
          f"{sum(1 for m in missed if m['id'] in complete_now)} missed acts ({bad} lines with problems left out)")
    return 1 if bad else 0


def relabel_agreement(old: list[dict[str, Any]], new: list[dict[str, Any]], old_missed: list[dict[str, Any]],
                      new_missed: list[dict[str, Any]]) -> dict[str, Any]:
    """How the stored labels of relabelled articles compare with their new labels: the agreement and kappa of
    :func:`agreement_of` on the events both judged (an old label is matched to a new one at the same trigger
    place, by :func:`dateline.newseval.pick_label` where several share it), the old labels' guideline versions, and
    the real acts each set lists (labelled real acts plus missed acts)."""
    by_key: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in old:
        by_key[label_key(row)].append(row)
    first: dict[str, dict[str, Any]] = {}
    second: dict[str, dict[str, Any]] = {}
    for row in new:
        candidates = by_key.get(label_key(row), [])
        found = pick_label(row["coded"], candidates) if candidates else None
        if found is not None:
            first[row["event_id"]], second[row["event_id"]] = found, row
    drift = agreement_of(first, second)
    drift["old_guidelines"] = {str(k): v for k, v in sorted(Counter(r.get("guidelines") or 1 for r in old).items())}
    drift["acts_listed"] = {"old": sum(1 for r in old if r["act"]) + len(old_missed),
                            "new": sum(1 for r in new if r["act"]) + len(new_missed)}
    drift["labels"] = {"old": len(old), "new": len(new)}
    return drift


# -- relabelling under a new version of the guidelines ------------------------------------------

REJUDGE = BUILD / "rejudge"


def selectors_path(version: int = GUIDELINES) -> Path:
    """The selector table of a version of the guidelines: tools/rejudge_v{N}.tsv."""
    return Path(__file__).resolve().parent / f"rejudge_v{version}.tsv"


SELECTORS = selectors_path()


def read_selectors(path: Path = SELECTORS) -> list[dict[str, Any]]:
    """The rows of a selector table (tools/rejudge_v{N}.tsv): which stored labels a decision of
    docs/annotation.md (version N) may change. A row matches a label when each of its columns that is
    not ``-`` matches: ``kind`` (event, missed or both), ``cameo`` (the start of the coded CAMEO code,
    or of a missed act's root), ``trigger`` (the whole trigger, lower case), ``note`` (anywhere in the
    note, any case) and ``label`` (``field=regex`` conditions joined by ``;``, fields joined by ``|``:
    the label's own values, e.g. ``src|tgt=HKG``). A decision matches when any of its rows does."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        for line in handle:
            if line.strip() and not line.startswith("#"):
                row = dict(zip(header, line.rstrip("\n").split("\t")))
                conditions = []
                for part in ([] if row["label"] == "-" else row["label"].split(";")):
                    fields, _, pattern = part.partition("=")
                    conditions.append((fields.split("|"), re.compile(pattern)))
                rows.append({"decision": row["decision"], "kind": row["kind"], "title": row["title"],
                             "cameo": None if row["cameo"] == "-" else re.compile(row["cameo"]),
                             "trigger": None if row["trigger"] == "-" else re.compile(row["trigger"]),
                             "note": None if row["note"] == "-" else re.compile(row["note"], re.I),
                             "label": conditions})
    return rows


def _selector_matches(selector: dict[str, Any], row: dict[str, Any]) -> bool:
    missed = bool(row.get("missed"))
    if selector["kind"] != "both" and selector["kind"] != ("missed" if missed else "event"):
        return False
    code = str(row["root"] if missed else (row.get("coded") or {}).get("cameo") or "")
    if selector["cameo"] is not None and not selector["cameo"].match(code):
        return False
    if selector["trigger"] is not None and not selector["trigger"].fullmatch(str(row.get("trigger") or "").lower()):
        return False
    if selector["note"] is not None and not selector["note"].search(str(row.get("note") or "")):
        return False
    return all(any(pattern.fullmatch(str(row.get(f))) for f in fields if row.get(f) is not None)
               for fields, pattern in selector["label"])


def rejudge_item_id(row: dict[str, Any]) -> str:
    """The id a rejudge task gives a stored label: the event id, or for a missed act a hash of its place."""
    if not row.get("missed"):
        return str(row["event_id"])
    key = f"{row['corpus']}|{row['id']}|{row['sentence_ref']['start']}|{row['trigger_in_sentence'][0]}|{row['trigger']}"
    return "m" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


def select_rejudge(rows: list[dict[str, Any]], selectors: list[dict[str, Any]], splits: set[str],
                   decisions: set[str] | None = None, version: int = GUIDELINES) -> dict[str, list[str]]:
    """The stored labels (event labels and missed acts) of ``splits`` that a decision of ``version`` may
    change: item id -> the decisions that select it (in table order). Only labels made under a lower version
    (``guidelines`` < ``version``, absent = 1) are selected: those made under it (a later round, or rejudged
    before) are not selected again. The blind rounds are left out of ``rows`` by the caller (:func:`rejudge_tasks`,
    which counts the same rows)."""
    chosen: dict[str, list[str]] = {}
    for row in rows:
        if row["split"] not in splits or (row.get("guidelines") or 1) >= version:
            continue
        for selector in selectors:
            if decisions and selector["decision"] not in decisions:
                continue
            if _selector_matches(selector, row):
                found = chosen.setdefault(rejudge_item_id(row), [])
                if selector["decision"] not in found:
                    found.append(selector["decision"])
    return chosen


def _rejudge_md(article: dict[str, Any], rec: dict[str, Any], items: list[dict[str, Any]],
                why: dict[str, list[str]], titles: dict[str, str], version: int = GUIDELINES) -> str:
    """One article of a rejudge task: its whole text, then each stored label to judge again (its
    sentence with the trigger in [[ ]], what was coded, which decisions may change it). The old
    label is not shown: the new one is made blind. A label made under a version older than N-1 (a v1
    label selected for v3) names only version N's decisions that select it, but every decision of the
    versions in between applies too: the item says so (:func:`_older_note`)."""
    text = rec["text"]
    lines = [f"## Article {article['id']}",
             f"corpus {article['corpus']}, outlet {article.get('outlet') or '-'}, published {rec.get('date') or 'unknown'}",
             f"Title: {rec.get('title')}", "", " ".join(text.split()), "", f"### To judge again ({len(items)})", ""]
    for row in items:
        ref, (a, b) = row["sentence_ref"], row["trigger_in_sentence"]
        sentence = text[ref["start"]:ref["end"]]
        shown = " ".join((sentence[:a] + "[[" + sentence[a:b] + "]]" + sentence[b:]).split())
        item = rejudge_item_id(row)
        decisions = "; ".join(f"{d} ({titles[d]})" for d in why[item]) + _older_note(row, version)
        if row.get("missed"):
            lines.append(f"- m={item} | S{row['sentence']} | MISSED ACT listed on trigger \"{row['trigger']}\" | "
                         f"decisions {decisions}\n  {shown}")
        else:
            coded = row["coded"]
            side = lambda s: "(none)" if not s else f"{s.get('code') or '-'} (country {s.get('country') or '-'})"  # noqa: E731
            lines.append(f"- e={item} | S{row['sentence']} | trigger \"{row['trigger']}\" | {coded['cameo']} "
                         f"{cameo_name(coded['cameo']) or '?'} | src {side(coded.get('source'))} | "
                         f"tgt {side(coded.get('target'))} | modality {coded.get('modality')}"
                         f"{', NEGATED' if coded.get('negated') else ''} | date {coded.get('date') or '-'} | "
                         f"decisions {decisions}\n  {shown}")
    return "\n".join(lines + ["", ""])


def _older_note(row: dict[str, Any], version: int) -> str:
    """On a label made under a version older than ``version`` - 1: that every decision of the sections added since
    applies, not only those named (its ``guidelines`` becomes ``version``, so no later pass of an older version
    picks it up)."""
    made = int(row.get("guidelines") or 1)
    if made >= version - 1:
        return ""
    sections = [str(decision_section(v)) for v in range(made + 1, version + 1)]
    return (f"; made under version {made}: every decision of sections {sections[0]}-{sections[-1]} applies, "
            "not only those named")


def blind_articles(rounds: str | None = None) -> tuple[tuple[int, ...], set[str]]:
    """The blind train rounds and their articles: ``rounds`` ("34,35"; "" for none), by default those
    eval/news/blind_rounds.json names (being labelled blind as the integrator's test of a session: their
    labels must not be read, so no task shows them and no count includes them)."""
    wanted = blind_rounds(OUT / "labels.jsonl") if rounds is None else tuple(int(r) for r in rounds.split(",") if r)
    return wanted, {a["id"] for a in load_selection() if a["split"] == "train" and article_round(a) in wanted}


def rejudge_tasks(args: argparse.Namespace) -> None:
    """Task files to label again, under version N (``--version``, default the current one) of
    docs/annotation.md, the stored labels made under a lower version that a decision of version N may change
    (selected by tools/rejudge_v{N}.tsv: coded code, trigger, note keywords, label values). Prints how many
    labels each decision selects per split; ``--count-only`` writes nothing else. Locked splits are left out
    unless named (their labels are made the same way; nobody reads their errors); the blind train rounds
    (blind_rounds.json) are left out unless ``--exclude-rounds`` says otherwise."""
    version = args.version
    splits = set(args.splits.split(","))
    selectors = read_selectors(Path(args.selectors) if args.selectors else selectors_path(version))
    decisions = set(args.decisions.split(",")) if args.decisions else None
    rows = [json.loads(line) for name in ("labels.jsonl", "missed.jsonl")
            for line in (OUT / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    blind, exclude = blind_articles(args.exclude_rounds)
    if blind:
        print(f"train rounds {','.join(map(str, blind))} left out (blind rounds, blind_rounds.json): {len(exclude)} articles")
    rows = [row for row in rows if row["split"] in splits and row["id"] not in exclude]
    chosen = select_rejudge(rows, selectors, splits, decisions, version)
    titles = {s["decision"]: s["title"] for s in selectors}
    counts: Counter[tuple[str, str, str]] = Counter()
    for row in rows:
        for decision in chosen.get(rejudge_item_id(row), []):
            counts[(decision, row["split"], "missed" if row.get("missed") else "event")] += 1
    print("decision  split  event-labels  missed-acts")
    for decision in dict.fromkeys(s["decision"] for s in selectors):
        for split in sorted(splits):
            if counts[(decision, split, "event")] or counts[(decision, split, "missed")]:
                print(f"{decision:8s}  {split:5s}  {counts[(decision, split, 'event')]:12d}  "
                      f"{counts[(decision, split, 'missed')]:11d}")
    if decisions is None or len(decisions) > 1:
        total = Counter("missed" if r.get("missed") else "event" for r in rows if rejudge_item_id(r) in chosen)
        print(f"{'all':8s}  {'all':5s}  {total['event']:12d}  {total['missed']:11d}")
    items = [r for r in rows if rejudge_item_id(r) in chosen]
    print(f"{len(items)} stored labels selected ({sum(1 for r in items if r.get('missed'))} missed acts) "
          f"in {len({r['id'] for r in items})} articles")
    if args.count_only or not items:
        return
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in sorted(items, key=label_order):
        by_article[row["id"]].append(row)
    selection = {row["id"]: row for row in load_selection()}
    texts = corpus_texts([selection[i] for i in by_article], NEWS)
    order = sorted(by_article, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    queue, load = _share(args.labellers.split(","), order, lambda i: len(by_article[i]) + 5)
    (REJUDGE / "tasks").mkdir(parents=True, exist_ok=True)
    with (REJUDGE / "items.jsonl").open("w", encoding="utf-8") as handle:
        for row in sorted(items, key=label_order):
            ref = {k: row[k] for k in ("corpus", "id", "split", "sentence", "sentence_ref", "trigger_in_sentence", "trigger")}
            ref.update({"item": rejudge_item_id(row), "missed": bool(row.get("missed")),
                        "event_id": row.get("event_id"), "coded": row.get("coded"), "decisions": chosen[rejudge_item_id(row)],
                        "guidelines": version})
            handle.write(json.dumps(ref, ensure_ascii=False) + "\n")
    for name, articles in queue.items():
        path = REJUDGE / "tasks" / f"{name}_01.md"
        out = REJUDGE / "out" / f"{path.stem}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            handle.write(f"# Rejudge task {path.stem}: {len(articles)} articles, labels to make again under version {version}\n\n"
                         f"Follow docs/annotation.md, VERSION {version} ({guideline_sections(version)}; the decisions "
                         "named on each item). For each `e=` "
                         "item write one label line as for any event (`\"e\"`, `act`, `modality`, `root`, `src`, "
                         f"`tgt`, `date`, `background`, `note`) with `\"guidelines\": {version}`. For each `m=` item (an "
                         "act a labeller listed as missed) write {\"m\": ID, \"act\": \"yes\" or \"no\", \"root\", "
                         f"\"src\", \"tgt\", \"modality\", \"date\", \"note\", \"guidelines\": {version}}}: `no` when under "
                         f"version {version} it is not an act to list. Write them to {out.relative_to(REPO) if out.is_relative_to(REPO) else out}.\n\n")
            for article_id in articles:
                handle.write(_rejudge_md(selection[article_id], texts[article_id], by_article[article_id], chosen, titles,
                                         version))
    print(", ".join(f"{k}: {len(v)} articles, load {load[k]}" for k, v in queue.items()))


def rejudge_add(args: argparse.Namespace) -> int:
    """Merge the labels of ``rejudge-tasks`` (made under version N of the guidelines, N as the items file
    says; an items file without it is version 2's) into eval/news: a rejudged event label replaces the
    stored one, a rejudged missed act is updated, or removed when version N does not list it. What is
    replaced or removed is kept in ``labels_v{N-1}.jsonl`` and ``missed_v{N-1}.jsonl`` with its own
    ``guidelines`` value (nothing stored is lost). The archive's name says "replaced by the version N
    relabelling", not "labels of version N-1": ``labels_v2.jsonl`` also holds version-1 rows that v3 replaced
    (each row's ``guidelines`` says which). Lines with problems are reported and left out."""
    items = {str(i["item"]): i for i in (json.loads(line) for line in
             (REJUDGE / "items.jsonl").read_text(encoding="utf-8").splitlines() if line.strip())}
    versions = {int(i.get("guidelines") or 2) for i in items.values()}
    if len(versions) > 1:
        raise SystemExit(f"{REJUDGE / 'items.jsonl'}: items of several versions {sorted(versions)}")
    version = versions.pop() if versions else GUIDELINES
    events: dict[str, dict[str, Any]] = {}
    # Several missed acts can share one place (one trigger, one target each): their items share an id,
    # and their lines are matched to the stored rows in order.
    missed: dict[str, list[tuple[dict[str, Any], str]]] = {}
    bad = 0
    for name in sorted(args.files):
        labeller = Path(name).stem.split("_")[0]
        for number, label in _label_lines(Path(name)):
            key = None if label is None else str(label.get("e") or label.get("m") or "")
            item = items.get(key or "")
            if label is None or item is None or bool(item["missed"]) != ("m" in label):
                print(f"{name}:{number}: not JSON, or not a rejudge item of its kind; left out")
                bad += 1
                continue
            if item["missed"]:
                act = label.get("act")
                problems = (["act must be yes or no"] if act not in ("yes", "no") else [] if act == "no" else
                            label_problems({**label, "missed": True, "article": item["id"], "s": item["sentence"],
                                            "trigger": item["trigger"]}))
            else:
                problems = label_problems(label)
            if label.get("guidelines") not in (None, version):
                problems.append(f"guidelines must be {version} (the version of the tasks)")
            if problems:
                print(f"{name}:{number}: {'; '.join(problems)}; left out")
                bad += 1
                continue
            if item["missed"]:
                missed.setdefault(key, []).append((label, labeller))
            else:
                row = resolve(label, item)
                row["labeller"], row["guidelines"] = labeller, version
                events[key] = row

    def rewrite(name: str, archive: str, change: Callable[[dict[str, Any]], dict[str, Any] | None]) -> int:
        rows = [json.loads(line) for line in (OUT / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        kept, old = [], []
        for row in rows:
            new = change(row)
            if new is not row:
                old.append(row)
            if new is not None:
                kept.append(new)
        (OUT / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), encoding="utf-8")
        with (OUT / archive).open("a", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in old)
        return len(old)

    def event_change(row: dict[str, Any]) -> dict[str, Any] | None:
        return events.get(rejudge_item_id(row), row) if not row.get("missed") else row

    def missed_change(row: dict[str, Any]) -> dict[str, Any] | None:
        queue = missed.get(rejudge_item_id(row))
        if not queue:
            return row
        label, labeller = queue.pop(0)
        if label["act"] == "no":
            return None
        return {**row, **{k: label[k] for k in ("root", "src", "tgt", "modality")},
                "date": label.get("date", row.get("date", "unknown")), "note": label.get("note", ""),
                "labeller": labeller, "guidelines": version}

    dropped = sum(1 for queue in missed.values() for label, _ in queue if label["act"] == "no")
    replaced = rewrite("labels.jsonl", f"labels_v{version - 1}.jsonl", event_change)
    changed = rewrite("missed.jsonl", f"missed_v{version - 1}.jsonl", missed_change)
    print(f"version {version}: {replaced} event labels replaced, {changed} missed acts rejudged ({dropped} no longer listed); "
          f"{bad} lines with problems left out")
    return 1 if bad else 0


def _guidelines_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--guidelines", type=int, choices=range(1, GUIDELINES + 1), default=GUIDELINES,
                        help=f"the version of docs/annotation.md the labellers follow (default {GUIDELINES}, the current "
                             "one; " + "; ".join(f"{v}: {guideline_sections(v)}" for v in range(1, GUIDELINES + 1))
                             + "); stored on every label row")


def _relabel_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--relabel", action="store_true", help="a split's labelled articles labelled again, blind, "
                        "under the guidelines version (build/labels/relabel/SPLIT; the stored labels are replaced and "
                        "kept in *_v{N-1}.jsonl)")
    parser.add_argument("--rounds", default=None, help="with --relabel: only these comma-separated rounds of the "
                        "split (a split relabelled in parts; never the blind rounds)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("select", help="choose the articles and their split")
    t = sub.add_parser("tasks", help="labelling task files under build/labels/tasks (they show the text)")
    t.add_argument("--coded", default=str(BUILD / "coded.jsonl"), help="dateline extract --format jsonl output")
    t.add_argument("--labellers", type=int, default=4)
    t.add_argument("--overlap", type=float, default=0.1, help="share of articles labelled twice")
    t.add_argument("--recall", type=int, default=56, help="articles whose missed acts are listed")
    t.add_argument("--chunk", type=int, default=8, help="articles per task file")
    r = sub.add_parser("recall-tasks", help="recall-only task files for a split's articles without a recall list")
    r.add_argument("--split", default="dev")
    r.add_argument("--labellers", default="R,S", help="comma-separated labeller names")
    r.add_argument("--chunk", type=int, default=6, help="articles per task file")
    c = sub.add_parser("check", help="check label files (build/labels/out/X_NN.jsonl) against their tasks")
    c.add_argument("files", nargs="+")
    m = sub.add_parser("merge", help="label files -> eval/news/*.jsonl (references only) and agreement")
    m.add_argument("files", nargs="+")
    u = sub.add_parser("unjudged-tasks", help="task files for today's counted events that no label covers")
    u.add_argument("--labellers", default="Y,Z", help="comma-separated labeller names")
    a = sub.add_parser("add", help="append the labels of unjudged-tasks to eval/news/labels.jsonl")
    a.add_argument("files", nargs="+")
    _guidelines_option(a)
    x = sub.add_parser("extend", help="append a batch of new articles, all in one new split")
    x.add_argument("--n", type=int, default=40)
    x.add_argument("--split", default="fresh")
    x.add_argument("--round", type=int, default=2)
    x.add_argument("--words", action="append", metavar="CORPUS=LOW-HIGH",
                   help="another length range for one corpus's pool (repeatable), e.g. allsides_abp=700-1000 when "
                        "the default range has run out")
    x.add_argument("--grow-locked", action="store_true",
                   help="add the batch to a locked split that exists (test): new articles nobody has read, so the "
                        "split stays locked; its later scores are not comparable with the earlier ones")
    bt = sub.add_parser("batch-tasks", help="task files: every event and every missed act of a split's new articles")
    bt.add_argument("--split", default="fresh")
    bt.add_argument("--labellers", default="F1,F2,F3,F4", help="comma-separated labeller names")
    _guidelines_option(bt)
    _relabel_options(bt)
    bt.add_argument("--locked", action="store_true", help="with --relabel: allow a locked split (test, fresh), "
                    "relabelled blind once per guidelines version; nobody reads its errors")
    b2 = sub.add_parser("batch-second", help="second labellers' task files: the events of some of a batch's articles")
    b2.add_argument("--split", default="fresh")
    b2.add_argument("--labellers", default="G1,G2", help="comma-separated labeller names")
    b2.add_argument("--n", type=int, default=12, help="articles (with events) to label twice")
    b2.add_argument("--seed", type=int, required=True, help="the draw's seed (a new one per batch)")
    _guidelines_option(b2)
    _relabel_options(b2)
    ba = sub.add_parser("batch-add", help="append a batch's labels, missed acts and complete articles to eval/news")
    ba.add_argument("--split", default="fresh")
    ba.add_argument("--second", nargs="*", help="a second labeller's files on some of the articles (agreement only)")
    _guidelines_option(ba)
    _relabel_options(ba)
    ba.add_argument("files", nargs="+")
    rj = sub.add_parser("rejudge-tasks", help="task files to label again, under guidelines version N, the stored "
                        "labels made under a lower version that a decision may change (tools/rejudge_vN.tsv)")
    rj.add_argument("--version", type=int, choices=range(2, GUIDELINES + 1), default=GUIDELINES,
                    help=f"the version to label under (default {GUIDELINES}); labels with guidelines below it are selectable")
    rj.add_argument("--splits", default="train,dev", help="comma-separated splits (locked ones only when named)")
    rj.add_argument("--decisions", default="", help="comma-separated decision ids (default: all)")
    rj.add_argument("--selectors", default=None, help="the selector table (default tools/rejudge_v{N}.tsv)")
    rj.add_argument("--exclude-rounds", default=None,
                    help="comma-separated train rounds left out (default: eval/news/blind_rounds.json's, being "
                         "labelled blind: their labels are not to be read; '' for none)")
    rj.add_argument("--labellers", default="V1,V2", help="comma-separated labeller names")
    rj.add_argument("--count-only", action="store_true", help="print the counts per decision and split only")
    rm = sub.add_parser("recall-more", help="recall-completion task files for rounds whose missed lists are thin: the "
                        "acts already listed shown, new missed acts asked for")
    rm.add_argument("--rounds", required=True, help="comma-separated rounds (e.g. 128,129)")
    rm.add_argument("--labellers", default="D01,D02", help="comma-separated labeller names")
    _guidelines_option(rm)
    rma = sub.add_parser("recall-more-add", help="append recall-more's new missed acts to eval/news/missed.jsonl")
    rma.add_argument("files", nargs="+")
    _guidelines_option(rma)
    ra = sub.add_parser("rejudge-add", help="merge rejudge-tasks labels (version N, from build/labels/rejudge/items.jsonl) "
                        "into eval/news; the replaced labels are kept in labels_v{N-1}.jsonl and missed_v{N-1}.jsonl")
    ra.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    if args.command == "batch-add":
        return batch_add(args)
    if args.command == "recall-more-add":
        return recall_more_add(args)
    if args.command == "rejudge-add":
        return rejudge_add(args)
    if args.command == "add":
        return add(args)
    if args.command == "check":
        return check(args)
    if args.command == "merge":
        return merge(args)
    {"select": select, "tasks": tasks, "recall-tasks": recall_tasks, "recall-more": recall_more, "unjudged-tasks": unjudged_tasks,
     "extend": extend, "batch-tasks": batch_tasks, "batch-second": batch_second,
     "rejudge-tasks": rejudge_tasks}[args.command](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
