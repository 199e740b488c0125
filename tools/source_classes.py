"""The wrong sources of counted real acts on train, by how the source was found (eval/sessions/42.md "sources42").

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
With ``--cells`` (eval/sessions/44.md "sources44") it prints instead three tables of counts over the counted real
acts whose source is wrong, whatever else is wrong (the root by ``newseval.coded_root``, the sides at country level):
by what else is wrong and the cell (coded NONE where the label names a country, a country where the label says NONE,
the article's own country where the label names another, another country, the speaker of a statement or attribution
frame; "= target" where the label's source is the coded target's country); by cell, source rule and strategy; and where
the label's country stands (the coded target's; the dependency path from the trigger to the nearest actor mention of it
in the trigger's sentence; else named in the two sentences before, elsewhere in the article, or nowhere). Counts only,
no sentence: safe on the unread half.
With ``--resolution`` (eval/sessions/44.md "linking44") it prints instead, over both sides of every counted real
act, how many are wrong (at country level) by how the side's actor was resolved (:func:`resolution_path`: a KB person
matched by its full name, a partial name or one word and whether the article names its country otherwise; a short
name, pronoun or role noun linked to a person; an antecedent named in a sentence before; a country or capital; a
nominal actor; a title; no mention) and where its country came from (its own code, or the context strategy of
``evidence.rules``): by family, by country source, and path by path. Counts only: safe on the unread half.
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

from dateline.kb import COUNTRY_KINDS, TRANSNATIONAL  # noqa: E402
from dateline.lang.en import SUBJECT_PRONOUNS  # noqa: E402
from dateline.newseval import coded_root, real_act  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
from cached_eval import CACHE  # noqa: E402  (the parse cache's folder)

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
    if subject.lower_ in SUBJECT_PRONOUNS:
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


#: Evidence of a coreference link, by the words its detail ends with (actors/stage.py, actors/coreference.py).
LINKS = (("(pronoun)", "pronoun"), ("(nominal)", "role noun (the official)"), ("(same name", "short name"),
         ("(the state named before)", "the North / the South"))


def _linked_how(actor: dict[str, Any], text: str) -> str | None:
    """How the actors stage linked ``text`` to ``actor`` (:data:`LINKS`), if by coreference."""
    for evidence in actor.get("evidence") or []:
        detail = str(evidence.get("detail"))
        if evidence.get("kind") == "coreference" and detail.startswith(repr(text)):
            return next((name for end, name in LINKS if end in detail), "coreference")
    return None


def _named_country(record: dict[str, Any], country: str | None, actor: dict[str, Any]) -> bool:
    """Whether the article names ``country`` other than through ``actor`` (another actor of that country that is
    not a person, or a place in it)."""
    if not country:
        return False
    return any(a is not actor and a.get("country") == country and a.get("entity_type") != "PERSON"
               for a in record.get("actors") or []) or any(p.get("country") == country for p in record.get("places") or [])


def resolution_path(record: dict[str, Any], row: dict[str, Any], side: str, kinds: dict[str, str]) -> str:
    """How one side (``src`` or ``tgt``) of a judged event was resolved to its actor: no side; a text no actor
    mention of the trigger's sentence holds; else the mention's path (a pronoun, a role noun or a short name linked
    to an earlier person, a country or capital, a KB person by the name in full or by one word, a KB organisation,
    a title, a nominal actor), the person's kind when linked, and "country from context (strategy)" when
    ``evidence.rules`` names a context strategy for the side's country. ``kinds``: KB id -> entry kind. For
    a KB person, whether the article names its country other than through it ("country named" / "not named")."""
    text = row.get(f"{side}_text")
    strategy = str(row["rules"].get("source_country" if side == "src" else "target_country") or "").split(":")[0]
    context = f" + country from context ({strategy})" if strategy else ""
    if not text:
        return "no side" + context
    found, before = None, None
    for actor in record.get("actors") or []:
        for mention in actor.get("mentions") or []:
            if mention["text"] == text and mention["sentence"] == row["sentence"]:
                found = actor
            elif mention["text"] == text and mention["sentence"] < row["sentence"] and (
                    before is None or mention["sentence"] > before[0]):
                before = (mention["sentence"], actor)
    if found is None and before is not None:
        # a pronoun, or an inherited subject, stands for an actor named in a sentence before (events/sides.py
        # ``_antecedent`` gives the antecedent's last name): the distance in sentences
        found = before[1]
        away = row["sentence"] - before[0]
        prefix = f"named {'1 sentence' if away == 1 else '2 sentences' if away == 2 else '3 or more sentences'} before: "
    elif found is None:
        return "no actor mention" + context
    else:
        prefix = ""
    kb_id = str(found.get("kb_id") or "")
    kind = kinds.get(kb_id, "")
    evidence = {e.get("kind") for e in found.get("evidence") or []}
    if kind in COUNTRY_KINDS:
        what = "country or capital (KB)"
    elif kind in ("person", "actor") and found.get("entity_type") == "PERSON":
        what = "KB person" + (" + title" if "title" in evidence else "")
    elif kind:
        what = "KB organisation or other"
    elif "title" in evidence:
        what = "titled " + ("person" if found.get("entity_type") == "PERSON" else "organisation")
    elif "rule" in evidence:
        what = "nominal actor (rule)"
    else:
        what = "name, no KB entry" + ("" if found.get("code") else ", uncoded")
    how = _linked_how(found, text)
    if how is None and what.startswith("KB person"):
        words = [w for w in text.removesuffix("'s").removesuffix("’s").split() if w.rstrip(".").lower() not in
                 ("mr", "ms", "mrs", "dr", "miss")]
        full = str(found.get("name") or "").lower() in record["article"]["body"].lower()
        how = ("one word" if len(words) == 1 else "in full" if full else "a partial name") + \
            (", the full name never given" if len(words) == 1 and not full else "")
        what += ", " + ("country named" if _named_country(record, found.get("country"), found) else "country not named")
    return prefix + (f"{how} -> {what}" if how else what) + context


def resolution_family(path: str) -> tuple[str, str]:
    """A :func:`resolution_path` in its family (the mechanism: a country, a nominal actor, a KB person by how much of
    its name and whether the article names its country, a person linked by coreference, an antecedent in a sentence
    before ...) and where its country came from (its own code, or the context strategy)."""
    base, _, strategy = path.partition(" + country from context (")
    before = base.startswith("named ")
    base = base.split(": ", 1)[1] if before else base
    if base in ("no side", "no actor mention"):
        family = base
    elif "KB person" in base and base.startswith(("one word", "in full", "a partial name")):
        family = "KB person matched by " + base.split(" -> ")[0].split(",")[0].replace("in full", "its full name") \
            + (", its country named" if "country named" in base else ", its country not named")
    elif base.startswith(("short name", "pronoun", "role noun")) and "person" in base:
        family = "a person linked (short name, pronoun, role noun)"
    elif "person" in base:
        family = "titled person"
    elif base.startswith("country"):
        family = "country or capital"
    elif "nominal actor" in base:
        family = "nominal actor (role noun phrase)"
    else:
        family = "organisation or other name"
    if before:
        family = "named in a sentence before (a pronoun's antecedent, an inherited side): " + (
            "a person" if "person" in base else "another actor")
    return family, f"country from context ({strategy}" if strategy else "its own code"


def print_resolution(path: str, events: str, smallest: int) -> None:
    """The ``--resolution`` table: every counted judged real act's source and target by :func:`resolution_path`,
    with how many of each path are wrong at country level (counts only, no sentence: safe on the unread half)."""
    from dateline.kb import load_kb
    kinds = {entry_id: entry.kind for entry_id, entry in load_kb(None).entries.items()}
    rows = []
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        label = r.get("label")
        if r.get("counted") and r.get("judged") and label and real_act(r, label):
            rows.append(r)
    wanted_ids = {r["id"] for r in rows}
    records = {}
    for line in open(events, encoding="utf-8"):
        record = json.loads(line)
        if record["id"] in wanted_ids:
            records[record["id"]] = record
    counted: Counter[tuple[str, str]] = Counter()
    wrong: Counter[tuple[str, str]] = Counter()
    for row in rows:
        if row["id"] not in records:
            continue
        for side, level in (("src", "src_level"), ("tgt", "tgt_level")):
            path = resolution_path(records[row["id"]], row, side, kinds)
            for key in ((side, path), *((f"{side} {k}", name) for k, name in zip(("family", "country"),
                                                                                 resolution_family(path)))):
                counted[key] += 1
                wrong[key] += row[level] != row["label"][side]
    print(f"{len(rows)} counted real acts; each side by how its actor was resolved\n")
    for table, title in (("family", "resolved by (family)"), ("country", "country from")):
        print(f"| {title} | source wrong / counted | target wrong / counted |\n|---|---|---|")
        names = sorted({k[1] for k in counted if k[0].endswith(table)},
                       key=lambda n: -(wrong[(f"src {table}", n)] + wrong[(f"tgt {table}", n)]))
        for name in names:
            print(f"| {name} | " + " | ".join(f"{wrong[(f'{side} {table}', name)]} / {counted[(f'{side} {table}', name)]}"
                                              for side in ("src", "tgt")) + " |")
        print()
    for side, name in (("src", "source"), ("tgt", "target")):
        print(f"| {name} resolved by | wrong / counted |\n|---|---|")
        rest = [0, 0]
        for key, n in sorted(counted.items(), key=lambda item: (-wrong[item[0]], -item[1])):
            if key[0] != side:
                continue
            if n >= smallest:
                print(f"| {key[1]} | {wrong[key]} / {n} |")
            else:
                rest[0] += wrong[key]
                rest[1] += n
        print(f"| (smaller paths) | {rest[0]} / {rest[1]} |\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--judged", required=True, help="cached_eval.py --judged file (with --all-events or not)")
    parser.add_argument("--events", required=True, help="cached_eval.py --events file of the same coder")
    parser.add_argument("--min", type=int, default=8, help="smallest cell of the first table (wrong sources)")
    parser.add_argument("--cells", action="store_true", help="the wrong sources of all real acts by cell (counts only)")
    parser.add_argument("--resolution", action="store_true",
                        help="both sides of all real acts by how their actor was resolved (counts only)")
    args = parser.parse_args(argv)
    if args.resolution:
        print_resolution(args.judged, args.events, args.min)
        return 0
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
