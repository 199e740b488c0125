"""Build ``src/dateline/data/lexicon/valence.tsv`` from VADER's ``vader_lexicon.txt``.

VADER (Hutto and Gilbert 2014, https://github.com/cjhutto/vaderSentiment, vaderSentiment 3.3.2, MIT
License, Copyright (c) 2016 C.J. Hutto) rates ~7,500 English words and emoticons from -4 (most
negative) to +4 by the mean of ten human raters. dateline keeps the words (letters only, no
emoticons) whose mean is negative, with that mean: ``events.codes._negative_evaluation`` reads them.

    pip download vaderSentiment==3.3.2 --no-deps -d /tmp/vader && unzip /tmp/vader/*.whl -d /tmp/vader
    .venv/bin/python tools/build_valence.py /tmp/vader/vaderSentiment/vader_lexicon.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data" / "lexicon" / "valence.tsv"


def main(source: str) -> None:
    rows = []
    for line in Path(source).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        word, mean = parts[0].strip().lower(), float(parts[1])
        if mean < 0 and word.isalpha() and word.isascii():
            rows.append((word, mean))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("word\tvalence\n")
        for word, mean in sorted(rows):
            out.write(f"{word}\t{mean}\n")
    print(f"{len(rows)} words -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
