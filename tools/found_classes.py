"""Why the listed acts never found are not found, in three classes, as totals (issue 11, recall; session 44).

Reads the rows of ``tools/missed_trace.py --found`` (one per listed real asserted act that no counted event finds at
its trigger, whatever its root) and counts them by class, and prints nothing but the counts, so that it can be run on
the ``unread`` half of train (``missed_trace.py --half unread``) whose sentences must not be read:

- ``A`` no trigger proposed on the labelled word, by its part of speech and the lexicon: A1 a noun not in
  ``nouns.tsv``, A2 a verb the lexicon does not hold and the learned proposer did not propose, A3 an adjective or a
  participle modifying a noun, A4 a lemma the lexicon holds under another part of speech, A5 a lexicon verb whose
  entry codes nothing and no sense row or pattern held (nor the proposer, at its threshold), A6 the sentence or story
  discarded, A7 another part of speech;
- ``B`` proposed and dropped, by the step: B1 made and not counted (modality, negation, a rule gate, the act filter),
  B2 a gate of the events stage (``missed_trace.group_of``'s group), B3 dedup or a later stage;
- ``C`` found at another token: a counted event of the act's root sits elsewhere in its sentence (first, whatever
  the loss point at the trigger).

    .venv/bin/python tools/missed_trace.py --split train --cached --found --half unread --out build/found_unread.jsonl > /dev/null
    .venv/bin/python tools/found_classes.py build/found_read.jsonl build/found_unread.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from missed_trace import group_of  # noqa: E402

_PARSE = re.compile(r"(\S+)/(\S+)/(\S+) (\S+)<-(\S+)/(\S+) \[(.*)\]")


def parse_fields(row: dict[str, Any]) -> tuple[str, ...] | None:
    """(lemma, pos, tag, dep, head lemma, head pos, children) of the trigger's first token (``missed_trace.parse_of``)."""
    parse = row.get("parse") or []
    found = _PARSE.match(parse[0]) if parse else None
    return found.groups() if found else None


def found_class(row: dict[str, Any]) -> str:
    """The class of one ``missed_trace --found`` row (the module docstring)."""
    point, fields = row["point"], parse_fields(row)
    group = group_of(f"{row['stage']}: {point}")  # regrouped by the current GROUPS (a row may be older)
    pos, tag, dep = (fields[1], fields[2], fields[3]) if fields else ("?", "?", "?")
    if row.get("root_elsewhere"):
        return "C found at another token (a counted event of its root elsewhere in the sentence)"
    if row["stage"] == "trigger" or "null entry" in point:
        if "discarded" in group:
            return "A6 no trigger: sentence or story discarded"
        if "null entry" in point:
            return "A5 no trigger: lexicon verb with a null entry, no sense or pattern, not proposed"
        if pos == "ADJ" or (tag in ("VBN", "VBG") and dep == "amod"):
            return "A3 no trigger: adjective or participle"
        if "another part of speech" in group:
            return "A4 no trigger: lexicon lemma under another part of speech"
        if pos == "NOUN":
            return "A1 no trigger: noun not in nouns.tsv"
        if pos == "VERB":
            return "A2 no trigger: verb not in the lexicon, not proposed"
        return "A7 no trigger: another part of speech"
    if row["stage"] == "emitted":
        return "B1 made, not counted: " + group
    if row["stage"] == "after":
        return "B3 dropped after the events stage: dedup or a later stage"
    return "B2 dropped at a gate: " + group


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="+", help="missed_trace.py --found --out files (one column each)")
    args = parser.parse_args(argv)
    counts = []
    for path in args.rows:
        with Path(path).open(encoding="utf-8") as handle:
            counts.append(Counter(found_class(json.loads(line)) for line in handle if line.strip()))
    names = sorted(set().union(*counts))
    print("| class | " + " | ".join(Path(p).name for p in args.rows) + " |")
    print("|---|" + "---|" * len(args.rows))
    print("| never found | " + " | ".join(str(sum(c.values())) for c in counts) + " |")
    for top in sorted({n[0] for n in names}):
        print(f"| **{top}** | " + " | ".join(str(sum(v for k, v in c.items() if k[0] == top)) for c in counts) + " |")
    for name in names:
        print(f"| {name} | " + " | ".join(str(c.get(name, 0)) for c in counts) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
