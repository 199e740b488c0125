"""Byte-level guard for behaviour-preserving refactors: code a fixed input and compare with a snapshot.

    python tools/snapshot_diff.py input  /tmp/snap_in.jsonl          # 75 BBC politics + 75 AllSides records
    python tools/snapshot_diff.py code   /tmp/snap_in.jsonl /tmp/before.jsonl
    python tools/snapshot_diff.py diff   /tmp/before.jsonl /tmp/after.jsonl

``diff`` ignores only what a refactor may add on purpose: ``evidence.rules`` on events and the
coder version string. Any other difference is printed (article id, JSON path, before, after) and the
exit status is 1. The input file holds publishers' text: keep it under /tmp, never commit it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from itertools import islice
from pathlib import Path
from typing import Any

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news"
IGNORED_KEYS = {"rules"}  # evidence.rules, added by the refactor


def make_input(out: Path, per_source: int = 75) -> None:
    with (NEWS / "bbc2225.jsonl").open() as bbc:
        politics = [line for line in bbc if json.loads(line)["id"].startswith("bbc-politics-")][:per_source]
    with (NEWS / "allsides_abp.jsonl").open() as allsides:
        sides = list(islice(allsides, per_source))
    out.write_text("".join(politics + sides))
    print(f"{len(politics) + len(sides)} records -> {out}")


def code(inp: Path, out: Path) -> None:
    exe = Path(sys.executable).parent / "dateline"
    with out.open("w") as fh:
        subprocess.run([str(exe), "extract", str(inp), "--format", "jsonl"], stdout=fh, check=True)


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        out = {k: _strip(v) for k, v in value.items() if k not in IGNORED_KEYS and k != "coder"}
        if out.get("evidence") == {}:  # an event's evidence that held only the new rules
            del out["evidence"]
        return out
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _diffs(a: Any, b: Any, path: str) -> list[str]:
    if type(a) is not type(b):
        return [f"{path}: {a!r} != {b!r}"]
    if isinstance(a, dict):
        out = []
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                out.append(f"{path}.{key}: {a.get(key, '<missing>')!r} != {b.get(key, '<missing>')!r}")
            else:
                out.extend(_diffs(a[key], b[key], f"{path}.{key}"))
        return out
    if isinstance(a, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} items != {len(b)} items"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in _diffs(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def diff(before: Path, after: Path) -> int:
    a_lines = before.read_text().splitlines()
    b_lines = after.read_text().splitlines()
    if len(a_lines) != len(b_lines):
        print(f"{len(a_lines)} records != {len(b_lines)} records")
        return 1
    found = 0
    for a_line, b_line in zip(a_lines, b_lines):
        a, b = _strip(json.loads(a_line)), _strip(json.loads(b_line))
        for d in _diffs(a, b, str(a.get("id", "?"))):
            found += 1
            if found <= 50:
                print(d)
    print(f"{len(a_lines)} records, {found} differences")
    return 1 if found else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("input").add_argument("out", type=Path)
    c = sub.add_parser("code")
    c.add_argument("inp", type=Path)
    c.add_argument("out", type=Path)
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.cmd == "input":
        make_input(args.out)
    elif args.cmd == "code":
        code(args.inp, args.out)
    else:
        sys.exit(diff(args.before, args.after))


if __name__ == "__main__":
    main()
