"""Audit the event lexicon against the verbs news actually uses (development only, not shipped).

Counts verb lemmas (the model's tagger and lemmatizer) over a sample of AllSides articles and
lists, for the most frequent ones that the lexicon codes, the bare verb's code with its CAMEO name,
the synonym block and the block's most general patterns, so that each default can be checked
against the CAMEO codebook by reading. Wrong defaults are fixed in
``src/dateline/data/lexicon/verbs_extra.tsv`` (with a reason), never in the converted files.

    .venv/bin/python tools/audit_lexicon.py [--articles 300] [--top 400] > /tmp/audit.tsv
"""

from __future__ import annotations

import argparse
import collections
import json
import random
from pathlib import Path

import spacy

from dateline.codebook import cameo_name
from dateline.lexicon import load_lexicon
from dateline.nlp import MODEL_PACKAGE

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news" / "allsides_abp.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--top", type=int, default=400)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in NEWS.open(encoding="utf-8")]
    random.Random(4).shuffle(texts)
    nlp = spacy.load(MODEL_PACKAGE, exclude=["parser", "ner"])
    counts: collections.Counter[str] = collections.Counter()
    for doc in nlp.pipe(texts[: args.articles], batch_size=32):
        counts.update(t.lemma_.lower() for t in doc if t.pos_ == "VERB")
    lex = load_lexicon()
    print("rank\tlemma\tcount\tcode\tname\tblock\tgeneral patterns")
    for rank, (lemma, count) in enumerate(counts.most_common(args.top), 1):
        found = lex.verbs.get((lemma, ""))
        if found is None:
            continue
        entry, block = found
        table = lex.patterns.get(block, {})
        general = [f"{o}/{p}/{po}={e.code}" for (o, p, po), e in table.items() if not (o and p)][:8]
        name = cameo_name(entry.code) or "" if entry.code else ""
        print(f"{rank}\t{lemma}\t{count}\t{entry.code}\t{name}\t{block}\t{' '.join(general)}")


if __name__ == "__main__":
    main()
