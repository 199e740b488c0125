"""Score the coder on the hand-judged fixture tests/fixtures/allsides_events_judged.jsonl (not shipped).

Each row's sentence is re-coded alone with its published date. For rows judged ``event_ok=false``
we count how many still yield an asserted, non-negated event on the same trigger (want fewer);
for ``event_ok=true`` rows, how many still do (want all kept).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from dateline.pipeline import code_texts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from corpus_refs import load_rows  # noqa: E402

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "allsides_events_judged.jsonl"


def _asserted(events: list[dict[str, Any]], trigger: str) -> bool:
    """Whether some event on this trigger word is counted: asserted, not negated, with a PLOVER type."""
    for event in events:
        text = str(event.get("trigger", {}).get("text", "") if isinstance(event.get("trigger"), dict) else event.get("trigger", ""))
        counted = bool((event.get("plover") or {}).get("event"))  # as dateline eval counts: PLOVER-typed only
        if counted and text.lower() == trigger.lower() and not event.get("negated") and event.get("modality", "asserted") == "asserted":
            return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fixture", type=Path, default=FIXTURE)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    rows = load_rows(args.fixture)  # sentences put back from ../shared/data/news
    dates = [dt.date.fromisoformat(r["published"]) if r.get("published") else None for r in rows]
    coded = code_texts([r["sentence"] for r in rows], dates=dates)
    kept = {True: 0, False: 0}
    total = {True: 0, False: 0}
    for row, events in zip(rows, coded):
        ok = bool(row["event_ok"])
        total[ok] += 1
        hit = _asserted(events, row["trigger"])
        kept[ok] += hit
        if args.verbose and hit != ok:
            print(f"{'FALSE-KEPT' if not ok else 'TRUE-LOST '} {row['trigger']!r}: {row['sentence'][:120]}")
    print(f"event_ok=false still asserted: {kept[False]}/{total[False]} (want fewer)")
    print(f"event_ok=true  still asserted: {kept[True]}/{total[True]} (want all)")


if __name__ == "__main__":
    main()
