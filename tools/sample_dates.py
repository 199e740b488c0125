"""Sample DATE mentions from the AllSides corpus for hand-checking (development only, not shipped).

Reproducible: a fixed seed picks dated articles, the spaCy model finds DATE entities in their
first paragraphs, and one mention per article is written with its sentence. The candidates carry
no normalised value: the expected value is decided by hand, reading the sentence, and the checked
records go to tests/fixtures/allsides_dates.jsonl.

    .venv/bin/python tools/sample_dates.py ../shared/data/news/allsides_abp.jsonl > /tmp/candidates.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys

SEED = 5
ARTICLES = 160
CHARS = 2500  # the opening of each article: enough for several dates, quick to parse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("-n", type=int, default=ARTICLES)
    args = parser.parse_args()
    import spacy  # noqa: F401 - the model package needs spaCy

    from dateline.nlp import MODEL_PACKAGE
    import importlib

    nlp = importlib.import_module(MODEL_PACKAGE).load()
    with open(args.corpus, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    dated = [r for r in records if r.get("date")]
    rng = random.Random(SEED)
    sample = rng.sample(dated, args.n)
    for record in sample:
        doc = nlp(record["text"][:CHARS])
        dates = [ent for ent in doc.ents if ent.label_ == "DATE"]
        if not dates:
            continue
        ent = rng.choice(dates)
        sentence = ent.sent.text.strip()
        json.dump({"article_id": record["id"], "published": record["date"], "sentence": sentence[:400],
                   "text": ent.text}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
