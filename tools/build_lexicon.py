"""Convert the PETRARCH2/Phoenix verb dictionary and discard list into dateline's lexicon format.

Reads (development checkout only, never at run time):

- ``CAMEO.2.0.txt``: verb synonym blocks and phrase patterns with CAMEO codes
- ``Phoenix.discards.txt``: phrases that mark a story or a sentence as not codable

Writes TSV files (UTF-8, header row, no quoting) to ``src/dateline/data/lexicon/``:

- ``verbs.tsv``: ``lemma, particle, code, flags, block`` -- a verb (with an optional particle,
  "call off"), the code of the bare verb (empty: the verb codes nothing on its own) and the
  synonym block whose patterns apply to it.
- ``patterns.tsv``: ``block, object, prep, pobject, code, flags`` -- a block's verbs with a
  direct-object head noun and/or a preposition (with its object's head noun). ``flags``:
  ``reciprocal`` (PETRARCH ``[036:036]``), ``passive`` (``[:020]``: the target acts on the source).
- ``discards.tsv``: ``phrase, scope`` with scope ``story`` or ``sentence``.
- ``agents.tsv``: ``noun, sector`` -- head nouns of role phrases from ``Phoenix.agents.txt``
  ("police" -> COP), so that an unnamed group or office can stand as an event's actor.

Run from the repository root::

    .venv/bin/python tools/build_lexicon.py [--dictionaries ../shared/data/phoenix_dictionaries]

The hand-written files beside them (``verbs_extra.tsv``, ``nouns.tsv``, ``cues.tsv``) are ours and
are not touched. The Phoenix material is MIT-licensed (c) 2014-2015 Open Event Data (Alliance);
the notice is kept in ``src/dateline/data/lexicon/README.md``.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "phoenix_dictionaries"
OUT = REPO / "src" / "dateline" / "data" / "lexicon"
_CODE = re.compile(r"\[([^\]]*)\]")
#: TABARI's sentence-level discards of bare years and "N years ago" were a crude filter of
#: historical events; dateline marks those with modality "historical" instead, so they are dropped.
_HISTORICAL_DISCARD = re.compile(
    r"^(\d{4}|(MONTHS|YEARS|WEEKS) (LATER|AGO)|(POST )?WORLD WAR (I|II|1|2|ONE|TWO)|(FIRST|SECOND) WORLD WAR|NAPOLEONIC WARS)$"
)


def parse_code(raw: str) -> tuple[str, str]:
    """A PETRARCH code field -> (CAMEO code or "" for the null code, flags)."""
    raw = raw.strip()
    if raw.startswith(":"):
        code = raw[1:].strip()
        return ("" if code.startswith("-") else code), "passive"
    first, _, second = raw.partition(":")
    first = first.strip()
    if not first or first.startswith("-") or not first.isdigit():
        return "", ""
    return first, "reciprocal" if second.strip() == first else ""


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """``&NAME`` -> its member phrases (lower case, spaces), as defined before the verb blocks."""
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        text = _strip_comment(line).strip()
        if text.startswith("&"):
            current = text.rstrip("_")
            synsets[current] = []
        elif text.startswith("+") and current:
            synsets[current].append(text[1:].strip("_ ").replace("_", " ").lower())
        elif not text:
            continue
        else:
            current = None
    return synsets


def _heads(phrase: str, synsets: dict[str, list[str]]) -> list[str]:
    """Head nouns of a pattern noun phrase: ``{FINANCIAL AID}`` -> aid; ``&FOOD`` -> its members."""
    words = phrase.strip("{} ").split()
    if not words:
        return [""]
    last = words[-1]
    if last.startswith("&"):
        members = synsets.get(last.rstrip("_"), [])
        return sorted({m.split()[-1] for m in members if m}) or [""]
    if not re.fullmatch(r"[A-Za-z][A-Za-z'-]*", last):
        return [""]
    return [last.lower()]


def parse_pattern(text: str, synsets: dict[str, list[str]]) -> list[tuple[str, str, str]] | None:
    """The post-verb part of a pattern -> [(object head, preposition, prep object head)], or None
    when the pattern cannot be used from a dependency parse (pre-verb nouns, actor markers)."""
    pre, star, post = text.partition("*")
    if not star or pre.strip():
        return None
    # Actor markers ($ source, + target, ^ skip, % compound) only restate the default roles.
    post = re.sub(r"(?<![A-Za-z])[$+^%](?![A-Za-z&])", " ", post)
    groups = re.findall(r"\(([^)]*)\)|(\{[^}]*\}|&?[A-Za-z][A-Za-z_'-]*)", post)
    obj, prep, pobj = [""], "", [""]
    for paren, bare in groups:
        if paren:
            if prep:
                continue  # only the first prepositional phrase is kept
            parts = paren.strip().split(None, 1)
            if not parts:
                continue
            prep = parts[0].split("/")[0].lower()
            pobj = _heads(parts[1], synsets) if len(parts) > 1 else [""]
        elif not prep:
            obj = _heads(bare, synsets)
    if obj == [""] and not prep:
        return None
    return [(o, prep, p) for o in obj for p in pobj]


def _verb_forms(text: str) -> tuple[str, str] | None:
    """A verb line -> (lemma, particle); None for pre-compounds ("WIRE_+TAP") or odd lines."""
    word = text.split("{", 1)[0].split("[", 1)[0].strip()
    if not word:
        return None
    if "+" in word:
        if not word.startswith("+"):
            return None
        parts = word[1:].lower().split("_")
        return parts[0], " ".join(parts[1:])
    if not re.fullmatch(r"[A-Za-z][A-Za-z-]*", word):
        return None
    return word.lower(), ""


def read_verbs(path: Path) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Rows of verbs.tsv and patterns.tsv from CAMEO.2.0.txt."""
    lines = path.read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    synsets = read_synsets(lines[:start])
    verbs: dict[tuple[str, str], tuple[str, str, str]] = {}
    patterns: dict[tuple[str, ...], None] = {}
    block_code, block_flags, block = "", "", ""
    block_verbs: list[tuple[str, str]] = []
    for line in lines[start + 1:]:
        if line.startswith("---"):
            match = _CODE.search(line)
            block_code, block_flags = parse_code(match.group(1)) if match else ("", "")
            block = line.strip("- \t").split("[", 1)[0].strip().lower()
            block_verbs = []
            continue
        text = _strip_comment(line).strip()
        if not text or text.startswith("~") or text.startswith("&"):
            continue
        if text.startswith("-"):
            match = _CODE.search(text)
            if not match or not block_verbs:
                continue
            code, flags = parse_code(match.group(1))
            parsed = parse_pattern(text[1:match.start()], synsets)
            if parsed is None:
                continue
            for obj, prep, pobj in parsed:
                patterns.setdefault((block, obj, prep, pobj, code, flags), None)
            continue
        forms = _verb_forms(text)
        if forms is None:
            continue
        match = _CODE.search(text)
        code, flags = parse_code(match.group(1)) if match else (block_code, block_flags)
        if forms not in verbs:  # a verb listed in two blocks keeps its first block
            verbs[forms] = (code, flags, block)
        block_verbs.append(forms)
    verb_rows = sorted((lemma, particle, *value) for (lemma, particle), value in verbs.items())
    return verb_rows, sorted(patterns)


def read_discards(path: Path) -> Iterator[tuple[str, str]]:
    """(phrase, scope) rows of the discard list, lower case; TABARI's year filters dropped."""
    seen: set[str] = set()
    for line in path.read_text(encoding="latin-1").splitlines():
        text = _strip_comment(line).strip()
        if not text:
            continue
        scope = "story" if text.startswith("+") else "sentence"
        phrase = " ".join(text.lstrip("+").replace("_", " ").split())
        if not phrase or _HISTORICAL_DISCARD.match(phrase.upper()) or phrase.lower() in seen:
            continue
        seen.add(phrase.lower())
        yield phrase.lower(), scope


def read_agents(path: Path) -> Iterator[tuple[str, str]]:
    """(head noun, sector code) of the agent phrases, lower case, first code per noun."""
    seen: set[str] = set()
    for line in path.read_text(encoding="latin-1").splitlines():
        text = _strip_comment(line).strip()
        # "POLICE {} [~COP]": a {} (plural forms) may sit between the phrase and its code
        match = re.match(r"^([A-Za-z][A-Za-z_'.-]*)\s*(?:\{[^}]*\}\s*)?\[~?([A-Z]{3})", text)
        if not match:
            continue
        head = match.group(1).split("_")[-1].lower().strip(".")
        if len(head) < 3 or head in seen:
            continue
        seen.add(head)
        yield head, match.group(2)


def write_tsv(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]] | Iterator[tuple[str, ...]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("\t".join(header) + "\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dictionaries", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    verbs, patterns = read_verbs(args.dictionaries / "CAMEO.2.0.txt")
    n_verbs = write_tsv(args.out / "verbs.tsv", ("lemma", "particle", "code", "flags", "block"), verbs)
    n_patterns = write_tsv(
        args.out / "patterns.tsv", ("block", "object", "prep", "pobject", "code", "flags"), patterns
    )
    n_discards = write_tsv(
        args.out / "discards.tsv", ("phrase", "scope"), read_discards(args.dictionaries / "Phoenix.discards.txt")
    )
    n_agents = write_tsv(args.out / "agents.tsv", ("noun", "sector"), read_agents(args.dictionaries / "Phoenix.agents.txt"))
    summary = f"{n_verbs} verbs, {n_patterns} patterns, {n_discards} discards, {n_agents} agent nouns -> {args.out}"
    parser.exit(0, summary + "\n")


if __name__ == "__main__":
    main()
