"""Check that a rewritten doc kept the old text's facts: every backticked token, quoted example and number.

    python tools/doc_facts.py docs/output.md docs/architecture.md docs/cli.md          # against main
    python tools/doc_facts.py --base HEAD~1 docs/output.md                                # against another commit

For each file, the old text is ``git show BASE:FILE`` and the new text the working copy. Both are read with
their whitespace collapsed (a table cell may become a wrapped paragraph). Each backticked token of the old text
must appear backticked in the new, each "quoted example" (straight double quotes) must appear with its quotes,
each number (``2019``, ``0.16``, ``1,000``) must appear as a number, and each line of a fenced code block must
appear (whitespace collapsed). A backticked span over 60 characters that is gone whole (a column list split up, or
an artefact of a nested span) passes when each of its words appears, and is listed. It prints the counts and every item
missing, and exits 1 when one is. Numbers that appear fewer times than before are listed as a note only (a
restructured text says a shared session or code once for a group).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter

BACKTICK = re.compile(r"`([^`]+)`")
QUOTED = re.compile(r'"([^"]{1,300})"')
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


FENCE = re.compile(r"^```.*?^```", re.S | re.M)


def facts(text: str) -> dict[str, Counter[str]]:
    fenced = [line.strip() for block in FENCE.findall(text) for line in block.splitlines()[1:-1] if line.strip()]
    flat = _flat(FENCE.sub(" ", text))
    no_code = BACKTICK.sub(" ", flat)
    return {
        "backticked": Counter(f"`{m}`" for m in BACKTICK.findall(flat)),
        "quoted": Counter(f'"{m}"' for m in QUOTED.findall(no_code)),
        "numbers": Counter(m.rstrip(".,") for m in NUMBER.findall(flat)),
        "code block lines": Counter(_flat(line) for line in fenced),
    }


def check(path: str, base: str) -> int:
    old = subprocess.run(["git", "show", f"{base}:{path}"], capture_output=True, text=True, check=True).stdout
    with open(path, encoding="utf-8") as handle:
        new = handle.read()
    flat_new = _flat(new)
    new_numbers = facts(new)["numbers"]
    missing = 0
    for kind, items in facts(old).items():
        if kind == "numbers":
            lost = sorted(n for n in items if n not in new_numbers)
            fewer = sorted(f"{n} ({items[n]} -> {new_numbers[n]})" for n in items
                           if n in new_numbers and new_numbers[n] < items[n])
        else:
            lost = sorted(t for t in items if t not in flat_new)
            fewer = []
            if kind == "backticked":  # a long span (a column list, a nested span) may be split: check its words
                words = set(re.findall(r"[\w*]+", flat_new))
                split = [t for t in lost if len(t) > 60 and set(re.findall(r"[\w*]+", t)) <= words]
                lost = [t for t in lost if t not in split]
                fewer = [f"split, every word kept: {item[:80]}..." for item in split]
        missing += len(lost)
        print(f"{path}: {kind}: {len(items)} distinct in {base}, {len(items) - len(lost)} kept, {len(lost)} missing")
        for item in lost:
            print(f"    MISSING {item}")
        if fewer and kind == "numbers":
            print(f"    note, fewer times: {', '.join(fewer)}")
        for item in fewer if kind == "backticked" else []:
            print(f"    note, {item}")
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--base", default="main", help="the commit the old text is read from (default: main)")
    args = parser.parse_args()
    missing = sum(check(path, args.base) for path in args.files)
    print(f"missing in all: {missing}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
