"""The wrong sources of counted real acts on train, by how the source was found (eval/README.md "Session 42: sources42").

Joins a ``--judged`` file and an ``--events`` file of the same coder (by article and trigger span) with the parse of
each article in ``build/parse_cache``:

    nice .venv/bin/python tools/cached_eval.py --split train --judged build/judged.jsonl --all-events --events build/events.jsonl
    nice .venv/bin/python tools/source_classes.py --judged build/judged.jsonl --events build/events.jsonl

Prints two Markdown tables over the counted events judged a real act whose root is the label's (``newseval.real_act``
and ``coded_root``): the wrong sources by the rule that set the source (``evidence.rules.source``), the strategy that
gave its country (``source_country``; "-" the actor's own code) and the kind of the coded source text (the actors
stage's mention of it in the trigger's sentence: entity type, ``coref`` where the actor's evidence links that text to it,
``noactor`` where no mention of it is in the sentence); and every such event in one class of how its source was found
(the side chooser, a subject of the trigger verb by part of speech and strategy, a conjunct's inherited subject, a
passive, an event noun, a statement's speaker, no source), with the wrong ones split by what the label wanted.
With ``--cells`` (eval/README.md "Session 44: sources44") it prints instead three tables of counts over the counted real
acts whose source is wrong, whatever else is wrong (the root by ``newseval.coded_root``, the sides at country level):
by what else is wrong and the cell (coded NONE where the label names a country, a country where the label says NONE,
the article's own country where the label names another, another country, the speaker of a statement or attribution
frame; "= target" where the label's source is the coded target's country); by cell, source rule and strategy; and where
the label's country stands (the coded target's; the dependency path from the trigger to the nearest actor mention of it
in the trigger's sentence; else named in the two sentences before, elsewhere in the article, or nowhere). Counts only,
no sentence: safe on the unread half.
Development only: reads the articles' text, never a locked split (the judged file is whatever split it was run on).
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

from dateline.kb import TRANSNATIONAL  # noqa: E402
from dateline.newseval import coded_root, real_act  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
from cached_eval import CACHE  # noqa: E402  (the parse cache's folder)

#: Personal pronouns a subject may be.
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
#: Sentences before the trigger's that ``--cells`` looks back over for the label's country.
LOOKBACK = 2
#: Source rules that name a statement's speaker or an attribution frame's.
SPEAKER_RULES = frozenset({"_speaker_of", "_frame_speaker", "_quoted_speaker", "quote_speaker", "_unattributed",
                           "reporting_speaker", "governing_subject"})


def right_root_acts(path: str) -> list[dict[str, Any]]:
    """The counted, judged events of a ``--judged`` file that are real acts coded with the label's root."""
    out = []
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        label = r.get("label")
        if r.get("counted") and r.get("judged") and label and real_act(r, label) \
                and str(r.get("cameo") or "")[:2] == coded_root(label):
            out.append(r)
    return out


def text_kind(record: dict[str, Any], row: dict[str, Any]) -> str:
    """What the coded source text is: none, or its shape (name, lower-case nominal, "the ..." phrase) with the
    entity type of the actor mention of that text in the trigger's sentence and whether coreference linked it."""
    text = row.get("src_text")
    if not text:
        return "none"
    shape = "nominal" if text.lower().startswith(("the ", "a ")) else "name" if text[:1].isupper() else "lower"
    for actor in record.get("actors") or []:
        for mention in actor.get("mentions") or []:
            if mention["text"] == text and mention["sentence"] == row["sentence"]:
                linked = any(e.get("kind") == "coreference" and f"'{text}'" in str(e.get("detail"))
                             for e in actor.get("evidence") or [])
                return f"{shape}/{actor.get('entity_type')}" + ("/coref" if linked else "")
    return f"{shape}/noactor"


def wanted(row: dict[str, Any]) -> str:
    """What the label wanted of a wrong source."""
    label, coded = row["label"]["src"], row["src_level"]
    if label == "NONE":
        return "label NONE"
    if coded == "NONE":
        return "coded NONE"
    if label == row["tgt_level"]:
        return "label = target"
    if label in TRANSNATIONAL:
        return "label transnational"
    return "another country"


def source_class(row: dict[str, Any], trigger: Any) -> str:
    """The class of how the event's source was found (module docstring); ``trigger`` the trigger's root token."""
    rule = str(row["rules"].get("source"))
    strategy = str(row["rules"].get("source_country", "-")).split(":")[0]
    if rule in SPEAKER_RULES or rule.startswith("_speaker"):
        return "statement speaker / attribution frame"
    if not row.get("src_text"):
        if trigger is not None and trigger.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children):
            return "no source: passive verb"
        return "no source: event noun" if "noun" in rule else "no source: other"
    if strategy == "ranker":
        return "side chooser (ranker)"
    if rule != "_verb_roles" or trigger is None:
        return "event noun with a doer" if "noun" in rule else f"other ({rule})"
    subject = next((c for c in trigger.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None:
        if trigger.dep_ == "conj":
            return "coordinated verb (subject inherited)"
        if any(c.dep_ == "nsubjpass" for c in trigger.children):
            return "passive (subject from elsewhere)"
        return "other (_verb_roles)"
    own = strategy == "-"
    if subject.lower_ in PRONOUNS:
        return "pronoun subject (" + ("own code" if own else "context country") + ")"
    if subject.pos_ == "PROPN":
        return f"name subject, own code ({subject.ent_type_ or '-'})" if own else "name subject, country from context"
    if subject.pos_ == "NOUN":
        return "common-noun subject, own code" if own else f"common-noun subject, country from context ({strategy})"
    return "other (_verb_roles)"


def wrong_source_rows(path: str) -> list[dict[str, Any]]:
    """The counted, judged events of a ``--judged`` file that are real acts (or an intent coded on the intended act)
    with the source wrong, each with ``what``: what is wrong ("source", "source+target", "root+source", ...)."""
    out = []
    with open(path, encoding="utf-8") as handle:
        lines = list(handle)
    for line in lines:
        r = json.loads(line)
        label = r.get("label")
        if not (r.get("counted") and r.get("judged")) or r.get("right") or not label or not label["act"]:
            continue
        root = coded_root(label)
        if label["modality"] != "asserted" and root is None:
            continue
        if r["src_level"] == label["src"]:
            continue
        wrong = (["root"] if root is None or str(r.get("cameo") or "")[:2] != root else []) + ["source"] \
            + (["target"] if r["tgt_level"] != label["tgt"] else [])
        out.append({**r, "what": "+".join(wrong)})
    return out


def article_country_of(record: dict[str, Any]) -> str | None:
    """The country that dominates an article's actor mentions and places (``countries.dominant_country``, as
    ``article_country`` without the dateline's country: the events file carries no knowledge base)."""
    from dateline.actors.countries import dominant_country
    tally: Counter[str] = Counter()
    for actor in record.get("actors") or []:
        if actor.get("country"):
            tally[str(actor["country"])] += len(actor.get("mentions") or [])
    for place in record.get("places") or []:
        if place.get("country"):
            tally[str(place["country"])] += 1
    found = dominant_country(tally)
    return found[0] if found else None


def source_cell(row: dict[str, Any], home: str | None) -> str:
    """The cell of a wrong source (module docstring); ``home`` the article's own country."""
    coded, label = row["src_level"], row["label"]["src"]
    rule = str(row["rules"].get("source"))
    if rule in SPEAKER_RULES or rule.startswith("_speaker"):
        cell = "speaker of a statement or frame"
    elif coded == "NONE":
        cell = "coded NONE, label a country"
    elif label == "NONE":
        cell = "coded a country, label NONE"
    elif coded == home:
        cell = "coded the article's country, label another"
    else:
        cell = "coded a country, label another"
    return cell + (" (= target)" if label not in ("NONE", coded) and label == row["tgt_level"] else "")


def dependency_path(start: Any, end: Any) -> str:
    """The dependency labels from ``start`` up to the tokens' common head and down to ``end`` ("^ccomp / nsubj")."""
    up_start, up_end = [start, *start.ancestors], [end, *end.ancestors]
    common = next((t for t in up_start if t in up_end), None)
    if common is None:
        return "no common head"
    return "^" + ">".join(t.dep_ for t in up_start[:up_start.index(common)]) + " / " \
        + ">".join(t.dep_ for t in reversed(up_end[:up_end.index(common)]))


def label_place(row: dict[str, Any], record: dict[str, Any], trigger: Any) -> str:
    """Where the label's source country stands in the trigger's sentence (module docstring)."""
    label = row["label"]["src"]
    if label == "NONE":
        return "label NONE"
    if label == row["tgt_level"]:
        return "the coded target's country"
    doc = trigger.doc if trigger is not None else None
    heads, sentences = [], set()
    for actor in record.get("actors") or []:
        if (actor.get("country") or str(actor.get("code") or "")[:3]) != label:
            continue
        for mention in actor.get("mentions") or []:
            sentences.add(mention["sentence"])
            span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand") \
                if doc is not None and mention["sentence"] == row["sentence"] else None
            if span is not None:
                heads.append(span.root)
    if heads:
        return min((dependency_path(trigger, head) for head in heads), key=len)
    if sentences & set(range(row["sentence"] - LOOKBACK, row["sentence"])):
        return f"not in the sentence: named in the {LOOKBACK} before"
    return "not in the sentence: named elsewhere in the article" if sentences else "named nowhere in the article"


def print_cells(rows: list[dict[str, Any]], records: dict[str, Any], trigger_of: Any, smallest: int) -> None:
    """The three ``--cells`` tables (module docstring)."""
    by_what: Counter[tuple[str, str]] = Counter()
    by_rule: Counter[tuple[str, str, str]] = Counter()
    places: Counter[str] = Counter()
    homes: dict[str, str | None] = {}
    for row in rows:
        record = records.get(row["id"])
        if record is None:
            continue
        if row["id"] not in homes:
            homes[row["id"]] = article_country_of(record)
        cell = source_cell(row, homes[row["id"]])
        by_what[(row["what"], cell)] += 1
        by_rule[(cell, str(row["rules"].get("source")), str(row["rules"].get("source_country", "-")).split(":")[0])] += 1
        places[label_place(row, record, trigger_of(row))] += 1
    print(f"{sum(by_what.values())} counted real acts with the source wrong\n")
    print("| what is wrong | cell | events |\n|---|---|---|")
    for (what, cell), n in sorted(by_what.items(), key=lambda item: -item[1]):
        print(f"| {what} | {cell} | {n} |")
    print("\n| cell | source rule | country from | events |\n|---|---|---|---|")
    rest = 0
    for (cell, rule, strategy), n in sorted(by_rule.items(), key=lambda item: -item[1]):
        if n >= smallest:
            print(f"| {cell} | `{rule}` | {strategy} | {n} |")
        else:
            rest += n
    print(f"| (smaller cells) | | | {rest} |\n")
    print("| where the label's country is named | events |\n|---|---|")
    rest = 0
    for place, n in places.most_common():
        if n >= smallest:
            print(f"| {place} | {n} |")
        else:
            rest += n
    print(f"| (smaller, each a dependency path) | {rest} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--judged", required=True, help="cached_eval.py --judged file (with --all-events or not)")
    parser.add_argument("--events", required=True, help="cached_eval.py --events file of the same coder")
    parser.add_argument("--min", type=int, default=8, help="smallest cell of the first table (wrong sources)")
    parser.add_argument("--cells", action="store_true", help="the wrong sources of all real acts by cell (counts only)")
    args = parser.parse_args(argv)
    import spacy
    from spacy.tokens import DocBin

    rows = wrong_source_rows(args.judged) if args.cells else right_root_acts(args.judged)
    wanted_ids = {r["id"] for r in rows}
    records = {}
    for line in open(args.events, encoding="utf-8"):
        record = json.loads(line)
        if record["id"] in wanted_ids:
            records[record["id"]] = record
    vocab = spacy.blank("en").vocab
    docs: dict[str, Any] = {}

    def trigger_of(row: dict[str, Any]) -> Any:
        record = records[row["id"]]
        if row["id"] not in docs:
            body = record["article"]["body"]
            path = CACHE / (hashlib.sha1(body.encode("utf-8")).hexdigest() + ".spacy")
            docs[row["id"]] = next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(vocab))) if path.exists() else None
        doc = docs[row["id"]]
        span = doc.char_span(row["span"][0], row["span"][1], alignment_mode="expand") if doc is not None else None
        return span.root if span is not None else None

    if args.cells:
        print_cells(rows, records, trigger_of, args.min)
        return 0
    cells: Counter[tuple[str, str, str]] = Counter()
    cell_wrong: Counter[tuple[str, str, str]] = Counter()
    classes: Counter[str] = Counter()
    class_wrong: Counter[str] = Counter()
    split: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        if row["id"] not in records:
            continue
        right = row["src_level"] == row["label"]["src"]
        cell = (str(row["rules"].get("source")), str(row["rules"].get("source_country", "-")).split(":")[0],
                text_kind(records[row["id"]], row))
        group = source_class(row, trigger_of(row))
        cells[cell] += 1
        classes[group] += 1
        if not right:
            cell_wrong[cell] += 1
            class_wrong[group] += 1
            split[group][wanted(row)] += 1
    total, wrong = sum(classes.values()), sum(class_wrong.values())
    print(f"{total} counted real acts with the label's root, source wrong {wrong}\n")
    print("| source rule | country from | coded source text | wrong / counted |\n|---|---|---|---|")
    rest = 0
    for cell, n in sorted(cell_wrong.items(), key=lambda item: -item[1]):
        if n >= args.min:
            print(f"| `{cell[0]}` | {cell[1]} | {cell[2]} | {n} / {cells[cell]} |")
        else:
            rest += n
    print(f"| (smaller cells) | | | {rest} |\n")
    kinds = ("another country", "label = target", "label transnational", "label NONE", "coded NONE")
    print("| class | counted | source wrong | right share | wrong: " + " / ".join(kinds) + " |\n|---|---|---|---|---|")
    for group, n in sorted(classes.items(), key=lambda item: -class_wrong[item[0]]):
        print(f"| {group} | {n} | {class_wrong[group]} | {1 - class_wrong[group] / n:.2f} | "
              + " / ".join(str(split[group][k]) for k in kinds) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
