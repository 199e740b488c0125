"""Convert the Phoenix/PETRARCH2 dictionaries into dateline's knowledge-base format (development tool).

Reads ``../shared/data/phoenix_dictionaries`` (MIT, (c) 2014 Open Event Data; the notice is kept in
``src/dateline/data/kb/README.md``) and writes:

- ``src/dateline/data/kb/phoenix_actors.jsonl``: one actor per line, ``{id, name, aliases, default,
  roles: [{code, start, end}], kind, source}`` from the Countries, International and MilNonState files;
- ``src/dateline/data/kb/phoenix_agents.tsv``: role phrase -> agent code, from ``Phoenix.agents.txt``
  with the ``!PERSON!``/``!MINIST!`` substitutions and regular plurals expanded.

Run: ``.venv/bin/python tools/kb_build.py`` (the output is committed; users never run this).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO.parent / "shared" / "data" / "phoenix_dictionaries"
OUT = REPO / "src" / "dateline" / "data" / "kb"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
CODE_RE = re.compile(r"\[([^\]]*)\]")


def phoenix_date(text: str, *, end: bool = False) -> str | None:
    """YYMMDD or YYYYMMDD as ISO; two-digit years <= 30 are 20xx (the files date from 2014)."""
    text = text.strip()
    if len(text) == 6 and text.isdigit():
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        return None
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
    except ValueError:
        return None


def parse_restriction(body: str) -> dict[str, str | None] | None:
    """``CODE``, ``CODE <date``, ``CODE >date`` or ``CODE date-date`` -> a role; None if unusable."""
    parts = body.split()
    if not parts or parts[0].startswith("-") or not re.fullmatch(r"[A-Z0-9]+", parts[0]):
        return None
    role: dict[str, str | None] = {"code": parts[0], "start": None, "end": None}
    if len(parts) == 1:
        return role
    spec = "".join(parts[1:])
    if spec.startswith("<"):
        role["end"] = phoenix_date(spec[1:])
        return role if role["end"] else None
    if spec.startswith(">"):
        role["start"] = phoenix_date(spec[1:])
        return role if role["start"] else None
    if "-" in spec:
        start, _, end = spec.partition("-")
        role["start"], role["end"] = phoenix_date(start), phoenix_date(end)
        return role if role["start"] and role["end"] else None
    return None


def phrase(text: str) -> str:
    """A dictionary phrase as words: underscores are blanks, the trailing ``_`` marker goes."""
    return re.sub(r"\s+", " ", text.replace("_", " ")).strip()


def read_actors(path: Path) -> list[dict]:
    """Records of one actor file: primary phrase, synonyms, then codes (on the line or tab-indented)."""
    records: list[dict] = []
    current: dict | None = None
    pending: list[dict] = []  # records without a code yet, waiting for the next code block

    def close(blank: bool) -> None:
        nonlocal current
        if current is not None:
            if current["roles"] or current["default"]:
                for rec in pending:  # consecutive codeless primaries share the block that follows
                    rec["roles"], rec["default"] = current["roles"], current["default"]
                    records.append(rec)
                pending.clear()
                records.append(current)
            else:
                pending.append(current)
            current = None
        if blank:
            pending.clear()

    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = raw.split("#", 1)[0]
        line = line.split(";", 1)[0] if "[" not in line.split(";", 1)[0] or ";" not in line else line.split(";", 1)[0]
        if not line.strip():
            if raw.strip() == "":
                close(blank=True)
            continue
        codes = CODE_RE.findall(line)
        text = CODE_RE.sub(" ", line)
        stripped = text.strip()
        if raw.startswith(("\t", " ")) and not stripped:
            pass  # a date restriction line
        elif stripped.startswith("+"):
            if current is not None and phrase(stripped[1:]):
                current["aliases"].append(phrase(stripped[1:]))
        elif stripped:
            close(blank=False)
            current = {"name": phrase(stripped), "aliases": [], "default": None, "roles": [],
                       "source": f"phoenix:{path.name}:{number}"}
        if current is None:
            continue
        on_primary = not raw.startswith(("\t", " ", "+"))
        for body in codes:
            role = parse_restriction(body)
            if role is None:
                continue
            if on_primary and role["start"] is None and role["end"] is None and not current["default"]:
                current["default"] = role["code"]
            else:
                current["roles"].append(role)
    close(blank=True)
    return records


def build_actors() -> list[dict]:
    actors: list[dict] = []
    seen: set[str] = set()
    for name in ACTOR_FILES:
        for rec in read_actors(SOURCE / name):
            base = re.sub(r"[^a-z0-9]+", "-", rec["name"].lower()).strip("-")
            kb_id, n = f"phx:{base}", 1
            while kb_id in seen:
                n += 1
                kb_id = f"phx:{base}-{n}"
            seen.add(kb_id)
            default = rec["default"]
            kind = "country" if name.startswith("Phoenix.Countries") and default and len(default) == 3 and not rec["roles"] else "actor"
            actors.append({"id": kb_id, "name": rec["name"], "aliases": sorted(set(rec["aliases"]) - {rec["name"]}),
                           "default": default, "roles": rec["roles"], "kind": kind, "source": rec["source"]})
    return actors


PLURAL_SKIP = ("S", "MEN", "PEOPLE", "POLICE", "STAFF", "PERSONNEL", "MILITIA")


def plural(word: str) -> str:
    if word.endswith(("SS", "SH", "CH", "X")):
        return word + "ES"
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    return word + "S"


def build_agents() -> list[tuple[str, str]]:
    """(phrase, code) pairs, lower-case, substitutions and plurals expanded."""
    subs: dict[str, list[str]] = {}
    rows: list[tuple[str, str]] = []
    for raw in (SOURCE / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<"):
            continue
        if line.startswith("!") and "=" in line:
            key, _, values = line.partition("=")
            subs[key.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        match = re.search(r"\[\s*~?([A-Z]+)~?\s*[\]}]", line) or re.search(r"\[\s*~?([A-Z]+)~?", line)
        if not match:
            continue
        code = match.group(1)
        head = line[: line.index("[")]
        plurals: list[str] | None = None
        brace = re.search(r"\{([^}]*)\}", head)
        if brace:
            plurals = [phrase(p) for p in brace.group(1).split() if p.strip()]
            head = head[: brace.start()]
        forms = [head.strip()]
        for key, values in subs.items():
            if any(key in f for f in forms):
                forms = [f.replace(key, v) for f in forms for v in values]
        for form in forms:
            text = phrase(form)
            if not text or "!" in text:
                continue
            rows.append((text.lower(), code))
            if brace is None and "!" not in head and not text.endswith(PLURAL_SKIP):
                words = text.split(" ")
                rows.append((" ".join(words[:-1] + [plural(words[-1])]).lower(), code))
            for p in plurals or []:
                rows.append((p.lower(), code))
    seen: dict[str, str] = {}
    for text, code in rows:
        seen.setdefault(text, code)
    return sorted(seen.items())


def main() -> int:
    if not SOURCE.exists():
        sys.stderr.write(f"{SOURCE} is absent: it ships only with the development checkout\n")
        return 1
    actors = build_actors()
    with (OUT / "phoenix_actors.jsonl").open("w", encoding="utf-8") as out:
        for actor in actors:
            out.write(json.dumps(actor, ensure_ascii=False, separators=(",", ":")) + "\n")
    agents = build_agents()
    with (OUT / "phoenix_agents.tsv").open("w", encoding="utf-8") as out:
        out.write("phrase\tcode\n")
        for text, code in agents:
            out.write(f"{text}\t{code}\n")
    sys.stdout.write(f"{len(actors)} actors, {len(agents)} agent phrases -> {OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
