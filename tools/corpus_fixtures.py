"""Keep news text out of the repo: turn fixture texts into corpus references, or put them back.

    .venv/bin/python tools/corpus_fixtures.py strip tests/fixtures/noevent_dev.jsonl   # in place
    .venv/bin/python tools/corpus_fixtures.py resolve tests/fixtures/noevent_dev.jsonl --out build/fixtures

``strip`` replaces each known text field by a ``<field>_ref`` into ../shared/data/news (and checks
the round trip); ``resolve`` writes a copy with the texts back, for ``dateline eval`` and for
reading. See tests/corpus_refs.py for the format. Publishers keep the copyright of the corpora:
fixtures in the repo hold references, never their sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from corpus_refs import load_rows, resolve_row, to_refs  # noqa: E402

# Which fields of each fixture are corpus text, and which field names the corpus record.
LAYOUT: dict[str, tuple[dict[str, str], str]] = {
    "allsides_dates.jsonl": ({"sentence": "corpus"}, "article_id"),
    "allsides_events_judged.jsonl": ({"sentence": "corpus"}, "article_id"),
    "allsides_events_heldout.jsonl": ({"sentence": "corpus"}, "article_id"),
    "allsides_event_dates.jsonl": ({"sentence": "corpus"}, "article_id"),
    "allsides_quotes.jsonl": ({"text": "corpus", "quote": "text"}, "id"),
    "news_quotes_heldout.jsonl": ({"text": "corpus", "quote": "text"}, "id"),
    "noevent_dev.jsonl": ({"text": "corpus"}, "source_article"),
}


def strip(path: Path) -> int:
    fields, id_field = LAYOUT[path.name]
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for number, line in enumerate(lines, start=1):
        row = json.loads(line)
        if not any(field in row for field in fields):
            out.append(row)  # already references
            continue
        ref_row = to_refs(row, fields, id_field)
        if resolve_row(ref_row, f"{path.name} line {number}") != row:
            raise SystemExit(f"{path.name} line {number}: the references do not give the row back")
        out.append(ref_row)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    return len(out)


def resolve(path: Path, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / path.name
    rows = load_rows(path)
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return target


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("action", choices=["strip", "resolve"])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=Path("build/fixtures"), help="resolve: output folder")
    args = ap.parse_args()
    for path in args.files:
        if args.action == "strip":
            print(f"{path}: {strip(path)} row(s) now hold references", file=sys.stderr)
        else:
            print(resolve(path, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
