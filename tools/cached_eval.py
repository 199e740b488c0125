"""`dateline eval` on labelled real news with the model's parse cached (development only).

The labelled articles are parsed by the model's components (tagger, parser, NER) once; the parse is
kept in ``build/parse_cache/`` (one DocBin per article body, named by its SHA-1: lemmas and parses of
corpus text, never committed) and dateline's own stages run on it each time. The scores are those of
``dateline eval eval/news/labels.jsonl --split SPLIT`` (the same coding, matching and report; check
with the real command before quoting numbers), in a fraction of the time, so a rule change can be
measured on train and dev in minutes. Locked splits are refused, as by the command.

    nice .venv/bin/python tools/cached_eval.py --split train [--by-rule] [--by-corpus] [--errors FILE] [--json FILE] [--exclude-rounds 78,79,80,81,82,83,84,85,86,87,88,89,90,91]
    nice .venv/bin/python tools/cached_eval.py --split train --judged build/judged.jsonl [--all-events] [--roots-off]
    nice .venv/bin/python tools/cached_eval.py --split dev --roots-domain all    # the root correction on every event
    nice .venv/bin/python tools/cached_eval.py --split train --half read     # or unread

``--half`` scores one half of the split by article id (``newseval.article_half``): a rule's author reads the
errors of ``read`` only, and ``unread`` checks that the rule carries over to articles the author did not read.

``--judged`` writes every counted event (``--all-events``: every event) with its label's verdict, so two
coders' events can be compared (the events a change adds and removes, and how often each is right).
``--events`` writes the coded records (they hold the article text: keep them in ``build/``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from dateline import pipeline
from dateline.newseval import (HALVES, LOCKED, blind_rounds, code_articles, corpus_texts, format_by_corpus, format_by_rule,
                               format_news_report, load_labels, score, scores_by_corpus)
from dateline.nlp import set_article

CACHE = Path(__file__).resolve().parents[1] / "build" / "parse_cache"


def use_parse_cache() -> None:
    """Make ``dateline.pipeline`` read the model's parse from ``build/parse_cache/`` (and write what is
    missing there): the one switch every development tool with a cached-parse option turns on."""
    pipeline._run_model = _cached_run_model(pipeline._run_model)  # type: ignore[assignment]


def _cached_run_model(original: Any) -> Any:
    def run(articles: list[Any], *, nlp: Any, head: Any, batch_size: int) -> dict[int, Doc]:
        CACHE.mkdir(parents=True, exist_ok=True)
        docs: dict[int, Doc] = {}
        missing = []
        for article in articles:
            path = CACHE / (hashlib.sha1(article.body.encode("utf-8")).hexdigest() + ".spacy")
            if path.exists():
                doc = next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab)))
                docs[id(article)] = set_article(doc, article)
            else:
                missing.append(article)
        if missing:
            parsed = original(missing, nlp=nlp, head=head, batch_size=batch_size)
            for article in missing:
                doc = parsed[id(article)]
                path = CACHE / (hashlib.sha1(article.body.encode("utf-8")).hexdigest() + ".spacy")
                binned = DocBin(store_user_data=False)
                binned.add(doc)
                path.write_bytes(binned.to_bytes())
                docs[id(article)] = doc
        return docs
    return run



def widen_roots_domain(spec: str) -> None:
    """Make the shipped learned root correction re-choose the roots of the code rules ``spec`` names as well as the
    lexicon's (``roots_model.LEXICON_CODE_RULES``), or every event's for ``all`` (session 44, roots44)."""
    import dataclasses

    from dateline import roots_model

    model = roots_model.shipped_model()
    if model is None:
        return
    rules = None if spec.strip().lower() == "all" else \
        frozenset(roots_model.LEXICON_CODE_RULES | {r.strip() for r in spec.split(",") if r.strip()})
    widened = dataclasses.replace(model, code_rules=rules)
    roots_model.shipped_model = lambda: widened  # type: ignore[assignment]


def excluded_rounds(spec: str | None, labels_path: str | Path) -> set[int]:
    """The labelling rounds a tool's ``--exclude-rounds`` leaves out: the blind rounds of ``blind_rounds.json`` beside
    the labels when it is not given (so that copying a command never reads them), none for ``''``, else the list."""
    if spec is None:
        return set(blind_rounds(labels_path))
    return {int(r) for r in spec.split(",") if r.strip()}


def add_half_argument(parser: argparse.ArgumentParser) -> None:
    """``--half``, shared by the tools that read train's labels: one half of the split by article id."""
    parser.add_argument("--half", default="all", choices=("all",) + HALVES,
                        help="one half of the split by article id (newseval.article_half): 'read', whose errors a "
                             "rule's author reads, or 'unread', the check that a rule carries over (default all)")


def threshold_table(labels: Any, coded: dict[str, dict[str, Any]], texts: dict[str, dict[str, Any]], split: str,
                    thresholds: list[float]) -> str:
    """The split scored again with ``counted`` decided at each confidence threshold: a Markdown table of the
    counted events, the right ones, strict precision, recall of the listed acts and strict F1."""
    from dateline.newseval import scores_at_thresholds

    lines = ["| min confidence | counted | right | strict precision | recall (listed acts) | strict F1 | expected kept | "
             "forbidden dropped |", "|---|---|---|---|---|---|---|---|"]
    for threshold, scores in zip(thresholds, scores_at_thresholds(labels, coded, texts, split, thresholds)):
        lines.append(f"| {threshold:g} | {scores.counted} | {scores.counted_right} | {scores.strict_precision:.4f} | "
                     f"{scores.gold_found_root}/{scores.gold_acts} = {scores.recall:.4f} | {scores.strict_f1:.4f} | "
                     f"{scores.expected_kept:.4f} | {scores.forbidden_dropped:.4f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", default="eval/news/labels.jsonl")
    parser.add_argument("--news", default="../shared/data/news")
    parser.add_argument("--split", default="train")
    parser.add_argument("--by-rule", action="store_true")
    parser.add_argument("--by-corpus", action="store_true", help="also the scores of each corpus's articles")
    parser.add_argument("--errors", help="write the wrong counted events (JSON Lines)")
    parser.add_argument("--events", help="write every coded record (JSON Lines), for diffing two coders")
    parser.add_argument("--judged", help="write every counted event with its judgement (JSON Lines)")
    parser.add_argument("--roots-off", action="store_true", help="with the learned root correction off")
    parser.add_argument("--roots-domain", default=None,
                        help="the code rules whose roots the learned root correction re-chooses, added to the "
                             "lexicon's (comma-separated, e.g. _warning_threat,_act_code), or 'all' for every event "
                             "(roots_model.in_domain; a measurement only: the model is fitted on the lexicon's events)")
    parser.add_argument("--all-events", action="store_true", help="--judged: also the events not counted")
    parser.add_argument("--json", help="write the scores as JSON")
    parser.add_argument("--exclude-rounds", default=None,
                        help="comma-separated labelling rounds left out (default: the blind rounds eval/news/blind_rounds.json "
                             "names, kept for the integrator; '' for none, as the integrator scores them)")
    parser.add_argument("--min-confidence", default=None,
                        help="comma-separated thresholds: also score the split with `counted` decided at each "
                             "(confidence.apply_min_confidence, as `dateline events --min-confidence`), one row each")
    add_half_argument(parser)
    args = parser.parse_args(argv)
    if args.split in LOCKED:
        print(f"split {args.split} is locked", file=sys.stderr)
        return 2
    if args.roots_off:
        import dateline.roots_model
        dateline.roots_model.DISABLED = True
    if args.roots_domain is not None:
        widen_roots_domain(args.roots_domain)
    use_parse_cache()
    labels = load_labels(args.labels)
    labels = labels.rounds(excluded_rounds(args.exclude_rounds, args.labels), keep=False).half(args.half)
    part = labels.split(args.split)
    texts = corpus_texts(part.articles, args.news)
    coded = code_articles(texts, [a["id"] for a in part.articles])
    errors: list[dict[str, Any]] | None = [] if args.errors else None
    scores = score(labels, coded, texts, args.split, errors)
    print(format_news_report(scores))
    if args.min_confidence:
        print(threshold_table(labels, coded, texts, args.split, [float(t) for t in args.min_confidence.split(",")]))
    if args.by_rule:
        print(format_by_rule(scores))
    if args.by_corpus:
        print(format_by_corpus(scores_by_corpus(labels, coded, texts, args.split)))
    if args.errors and errors is not None:
        with open(args.errors, "w", encoding="utf-8") as handle:
            for row in errors:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.events:
        with open(args.events, "w", encoding="utf-8") as handle:
            for article in part.articles:
                if article["id"] in coded:
                    handle.write(json.dumps(coded[article["id"]], ensure_ascii=False) + "\n")
    if args.judged:
        from dateline.newseval import Judge, counted, country_level, event_keys, is_right
        judge = Judge(part.labels, part.missed)
        with open(args.judged, "w", encoding="utf-8") as handle:
            for article in part.articles:
                record = coded.get(article["id"])
                if record is None:
                    continue
                for event, key in zip(record["events"], event_keys(record, texts[article["id"]]["text"])):
                    if not counted(event) and not args.all_events:
                        continue
                    judged = judge(event, key)
                    row = {"counted": counted(event), "modality": event["modality"], "negated": event["negated"],"id": article["id"], "sentence": event["sentence"], "span": event["span"],
                           "trigger": event["trigger"], "cameo": event["cameo"], "confidence": event.get("confidence"),
                           "src": (event.get("source") or {}).get("code"), "tgt": (event.get("target") or {}).get("code"),
                           "rules": event["evidence"]["rules"], "judged": judged is not None,
                           "right": bool(judged is not None and is_right(event, judged)),
                           "label": None if judged is None else {k: judged.get(k) for k in ("act", "modality", "root", "src", "tgt", "date")},
                           "date": event.get("date"),
                           "src_level": country_level(event.get("source")), "tgt_level": country_level(event.get("target")),
                           "src_text": (event.get("source") or {}).get("text"), "tgt_text": (event.get("target") or {}).get("text")}
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.json:
        Path(args.json).write_text(json.dumps(scores.to_dict(), indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
