"""Keep eval/README.md a short guide: move its lab notes into eval/sessions/N.md and eval/experiments.md.

eval/README.md says how dateline is evaluated; the sessions' lab notes live one file per session in
eval/sessions/N.md, and a few dated experiment logs in eval/experiments.md. This script moves, from
eval/README.md (outside fenced code blocks):

- every **session section**: a heading of level 2 to 4 whose title starts ``Session N`` ("### Session 44: roots44
  (wrong roots)", "#### Session 21: ...") with the text under it up to the next heading of the same or a higher
  level; also the session logs titled otherwise, listed in ``OTHER_SESSION_TITLES`` ("### Mend (review of session
  36)", "### Guidelines version 2 in the coder (session 23, ...)"). Each goes to the end of eval/sessions/N.md
  (created with a one-line title), sections in the order they stood in eval/README.md;
- every **experiment log** listed in ``EXPERIMENTS`` (a level-3 heading, up to the next heading of level 2 or 3):
  to its group in eval/experiments.md;

and rewrites the index of sessions in eval/README.md (between ``INDEX_START`` and ``INDEX_END``; appended at the
end under "## Lab notes, session by session" if the markers are missing): one row per eval/sessions/N.md, newest
first, with the title of the session's integrator section (else its last session section). Nothing else is
touched, no line is edited: every moved line lands in exactly one file. Running it twice changes nothing.

    python tools/split_eval_notes.py                    # move what is there, rewrite the index
    python tools/split_eval_notes.py --check            # exit 1 if a run would change a file (writes nothing)
    python tools/split_eval_notes.py --merge-from <(git show BRANCH:eval/README.md)
        # after a merge whose eval/README.md conflicted: keep main's eval/README.md, and import from the branch's copy
        # the session sections no eval/sessions/N.md holds yet (by heading); a section whose heading is there with
        # other text is reported, not imported (merge it by hand)
    python tools/split_eval_notes.py --refs [PATH ...]  # rewrite references to moved sections (see ``rewrite_refs``)

``--root DIR`` works on another checkout (the unit test's synthetic one).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

README = Path("eval/README.md")
SESSIONS = Path("eval/sessions")
EXPERIMENTS_FILE = Path("eval/experiments.md")

INDEX_HEADING = "## Lab notes, session by session"
INDEX_START = "<!-- session index: written by tools/split_eval_notes.py, do not edit by hand -->"
INDEX_END = "<!-- end of the session index -->"

#: A session section's heading: "Session N" at the start of the title (levels 2-4).
SESSION_TITLE = re.compile(r"Session (\d+)\b")
#: Session logs whose title does not start with "Session N": (pattern, group holding N), matched at the start.
OTHER_SESSION_TITLES: tuple[re.Pattern[str], ...] = (
    re.compile(r"Mend \(review of session (\d+)\)"),
    re.compile(r"Guidelines version 2 in the coder \(session (\d+)\b"),
)

#: Experiment logs moved to eval/experiments.md: (group heading there, the eval/README.md level-2 section they
#: sit under (the start of its title) or None for any, level-3 titles matched at the start).
EXPERIMENTS: tuple[tuple[str, str | None, tuple[re.Pattern[str], ...]], ...] = (
    (
        "Event fusion on real news: the judged rounds",
        "Event fusion on real news",
        (re.compile(r"Round \d+(:|$)"),),
    ),
    (
        "The confidence model: experiments",
        None,
        (re.compile(r"Confidence: what features earn$"), re.compile(r"Confidence: other learners \(experiment\)$")),
    ),
    (
        "Learned components: experiments",
        None,
        (
            re.compile(r"Learned root correction \(experiment\)$"),
            re.compile(r"Learned trigger proposer \(experiment\)$"),
            re.compile(r"Learned modality \(experiment\b"),
        ),
    ),
)
EXPERIMENTS_TITLE = "# eval: experiment logs"
EXPERIMENTS_INTRO = (
    "Experiments on the evaluation sets, moved from eval/README.md by tools/split_eval_notes.py (the text unchanged;"
    " each session's own notes are in eval/sessions/N.md)."
)

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")


def session_title(n: int) -> str:
    return f"# Session {n}: lab notes"


@dataclass
class Heading:
    line: int
    level: int
    title: str


def headings(lines: Sequence[str]) -> list[Heading]:
    """The ATX headings of ``lines`` (each with its newline), fenced code blocks skipped."""
    out: list[Heading] = []
    fence: str | None = None
    for i, line in enumerate(lines):
        f = FENCE.match(line)
        if f:
            mark = f.group(1)
            if fence is None:
                fence = mark[0] * 3
            elif mark.startswith(fence):
                fence = None
            continue
        if fence is not None:
            continue
        h = HEADING.match(line.rstrip("\n"))
        if h:
            out.append(Heading(i, len(h.group(1)), h.group(2)))
    return out


def session_of(title: str) -> int | None:
    m = SESSION_TITLE.match(title)
    if m:
        return int(m.group(1))
    for pat in OTHER_SESSION_TITLES:
        m = pat.match(title)
        if m:
            return int(m.group(1))
    return None


def experiment_group(title: str, parent: str | None) -> str | None:
    for group, under, pats in EXPERIMENTS:
        if under is not None and not (parent or "").startswith(under):
            continue
        if any(p.match(title) for p in pats):
            return group
    return None


@dataclass
class Moved:
    kind: str  # "session" or "experiment"
    key: int | str  # the session number or the experiment group
    start: int
    end: int  # exclusive
    title: str


def find_moves(lines: Sequence[str]) -> list[Moved]:
    """The sections of ``lines`` to move, in order, none inside another."""
    heads = headings(lines)
    moves: list[Moved] = []
    covered_to = -1
    parent2: str | None = None
    for k, h in enumerate(heads):
        if h.level <= 2:
            parent2 = h.title if h.level == 2 else None
        if h.line < covered_to:
            continue
        n = session_of(h.title) if 2 <= h.level <= 4 else None
        group = experiment_group(h.title, parent2) if h.level == 3 and n is None else None
        if n is None and group is None:
            continue
        end = next((g.line for g in heads[k + 1:] if g.level <= h.level), len(lines))
        moves.append(Moved("session" if n is not None else "experiment", n if n is not None else group, h.line, end,
                           h.title))
        covered_to = end
    return moves


def _join(parts: Iterable[str]) -> str:
    """Sections one after another, a blank line between two where the first has none at its end."""
    out = ""
    for p in parts:
        if not p:
            continue
        if out and not out.endswith("\n\n"):
            out += "\n" if out.endswith("\n") else "\n\n"
        out += p
    if out and not out.endswith("\n"):
        out += "\n"
    return out


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def session_files(root: Path) -> dict[int, Path]:
    d = root / SESSIONS
    if not d.is_dir():
        return {}
    return {int(p.stem): p for p in d.glob("*.md") if p.stem.isdigit()}


def with_title(text: str, n: int) -> str:
    """A session file's text opening with its one-line title (added when the file lacks one)."""
    if text.startswith("# "):
        return text
    return _join([session_title(n) + "\n", text]) if text.strip() else session_title(n) + "\n"


def summary(text: str, n: int) -> str:
    """One line for the index: the title of the session's integrator section, else of its last session section."""
    heads = [h for h in headings(_lines(text)) if 2 <= h.level <= 4 and session_of(h.title) == n]
    if not heads:
        return ""
    integ = [h for h in heads if h.title.endswith("(integrator)")]
    title = (integ or heads)[-1].title
    title = re.sub(rf"^Session {n}\b[:,]?\s*", "", title)
    title = re.sub(r"\s*\(integrator\)$", "", title)
    return title.replace("|", "\\|")


def index_block(files: dict[int, str]) -> str:
    rows = [INDEX_START, "",
            "| session | notes | the integrator's section (else the last section) |", "|---|---|---|"]
    for n in sorted(files, reverse=True):
        rows.append(f"| {n} | [sessions/{n}.md](sessions/{n}.md) | {summary(files[n], n)} |")
    rows += ["", INDEX_END]
    return "\n".join(rows) + "\n"


def with_index(readme: str, files: dict[int, str]) -> str:
    block = index_block(files)
    a, b = readme.find(INDEX_START), readme.find(INDEX_END)
    if a >= 0 and b > a:
        tail = readme[b + len(INDEX_END):]
        if tail.startswith("\n"):
            tail = tail[1:]
        return readme[:a] + block + tail
    return _join([readme, INDEX_HEADING + "\n", block])


def add_experiment(text: str, group: str, section: str) -> str:
    """``section`` appended to ``group`` (a level-2 heading) of eval/experiments.md, the group made if missing."""
    if not text.strip():
        text = _join([EXPERIMENTS_TITLE + "\n", EXPERIMENTS_INTRO + "\n"])
    lines = _lines(text)
    heads = headings(lines)
    at = next((k for k, h in enumerate(heads) if h.level == 2 and h.title == group), None)
    if at is None:
        return _join([text, f"## {group}\n", section])
    end = next((h.line for h in heads[at + 1:] if h.level <= 2), len(lines))
    before, after = "".join(lines[:end]), "".join(lines[end:])
    return _join([before, section, after])


@dataclass
class Plan:
    """What a run writes: path -> new text (only the files that change)."""

    writes: dict[Path, str] = field(default_factory=dict)
    moved: list[Moved] = field(default_factory=list)
    imported: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def plan(root: Path, merge_from: Sequence[str] = ()) -> Plan:
    out = Plan()
    readme_path = root / README
    readme = readme_path.read_text(encoding="utf-8")
    lines = _lines(readme)
    moves = find_moves(lines)
    out.moved = moves
    files = {n: p.read_text(encoding="utf-8") for n, p in session_files(root).items()}
    exp_path = root / EXPERIMENTS_FILE
    exp = exp_path.read_text(encoding="utf-8") if exp_path.exists() else ""
    new_files = {n: with_title(t, n) for n, t in files.items()}

    def add_session(n: int, section: str) -> None:
        new_files[n] = _join([new_files.get(n, session_title(n) + "\n"), section])

    keep: list[str] = []
    pos = 0
    for m in moves:
        keep.append("".join(lines[pos:m.start]))
        section = "".join(lines[m.start:m.end])
        if m.kind == "session":
            add_session(int(m.key), section)
        else:
            exp = add_experiment(exp, str(m.key), section)
        pos = m.end
    keep.append("".join(lines[pos:]))
    rest = "".join(keep)

    for src in merge_from:
        other = _lines(Path(src).read_text(encoding="utf-8"))
        for m in find_moves(other):
            if m.kind != "session":
                continue
            n = int(m.key)
            section = "".join(other[m.start:m.end])
            head = other[m.start].rstrip("\n")
            have = new_files.get(n, "")
            if section.strip() in have:
                continue
            if any(line.rstrip("\n") == head for line in _lines(have)):
                out.conflicts.append(f"{src}: {head!r} is in {SESSIONS / f'{n}.md'} with other text: not imported")
                continue
            add_session(n, section)
            out.imported.append(head)

    new_readme = with_index(rest, new_files)
    if new_readme != readme:
        out.writes[readme_path] = new_readme
    for n, text in new_files.items():
        if files.get(n) != text:
            out.writes[root / SESSIONS / f"{n}.md"] = text
    old_exp = exp_path.read_text(encoding="utf-8") if exp_path.exists() else ""
    if exp != old_exp:
        out.writes[exp_path] = exp
    return out


# --- references -------------------------------------------------------------------------------------------------

#: ``eval/README.md`` (or ``eval/README``), an optional comma, a line break with a comment's ``#``/``#:`` allowed,
#: an optional "(", then a quoted section name ("..." or '...', at most 300 characters, may span two lines).
REF = re.compile(
    r"""eval/README(?:\.md)?(?P<sep>,?[ \t]*(?:\n[ \t]*(?:\#:?[ \t]*)?)?\(?)(?P<q>["'])(?P<name>(?:(?!(?P=q))[^\n]|\n(?![ \t]*\n)){1,300}?)(?P=q)"""
)
#: ``eval/README.md, session N`` / ``eval/README.md session N`` (no quotes): the session's file.
REF_SESSION = re.compile(r"eval/README(?:\.md)?,? session (\d+)\b")
#: Files never rewritten: the data the coder reads, this script and its test (their examples).
REF_SKIP = ("src/dateline/data/", "tools/split_eval_notes.py", "tests/unit/test_split_eval_notes.py")


def _norm(name: str) -> str:
    return " ".join(re.sub(r"\n[ \t]*#:?", " ", name).split())


def heading_map(root: Path) -> dict[str, set[str]]:
    """Every heading title of eval/README.md, eval/sessions/*.md and eval/experiments.md -> the files holding it."""
    out: dict[str, set[str]] = {}
    paths = [root / README, root / EXPERIMENTS_FILE, *sorted(session_files(root).values())]
    for p in paths:
        if not p.exists():
            continue
        rel = p.relative_to(root).as_posix()
        for h in headings(_lines(p.read_text(encoding="utf-8"))):
            out.setdefault(h.title, set()).add(rel)
    return out


def target_of(name: str, heads: dict[str, set[str]], sessions: dict[int, Path]) -> str | None:
    """The file a quoted section name now lives in, when it is not eval/README.md (None: leave the reference)."""
    norm = _norm(name)
    n = session_of(norm)
    if n is None:
        m = re.match(r"Mend \(review of session (\d+)", norm)
        n = int(m.group(1)) if m else None
    if n is not None:
        return f"eval/sessions/{n}.md" if n in sessions else None
    hits: set[str] = set()
    # "Learned modality (experiment)" names "Learned modality (experiment, not shipped: ...)"
    prefixes = {norm, norm[:-1]} if norm.endswith(")") and "(" in norm else {norm}
    for title, files in heads.items():
        bare = re.sub(r"^Session \d+\b[:,]?\s*", "", title)
        if any(t.startswith(prefix) for t in {title, bare} for prefix in prefixes):
            hits |= files
    if len(hits) == 1:
        (f,) = hits
        return None if f == README.as_posix() else f
    return None


def rewrite_text(text: str, heads: dict[str, set[str]], sessions: dict[int, Path]) -> tuple[str, int]:
    """``text`` with its references to moved sections pointing at their new files, and how many were rewritten.

    ``eval/README.md, "Session 44: roots44"`` -> ``eval/sessions/44.md, "roots44"`` (the "Session N: " dropped when
    it stands on one line); ``eval/README.md, "Session 22"`` -> ``eval/sessions/22.md``; a name that is no heading
    of a session or of eval/experiments.md ("Session 44: ... (integrator)" keeps its quote) is matched by the
    headings; ``eval/README.md, session 30`` -> ``eval/sessions/30.md``. Anything else is left alone.
    """
    count = 0

    def one(m: re.Match[str]) -> str:
        nonlocal count
        name = m.group("name")
        target = target_of(name, heads, sessions)
        if target is None:
            return m.group(0)
        count += 1
        sep, q = m.group("sep"), m.group("q")
        whole = re.fullmatch(r"Session (\d+)", name)
        if whole and sep in (", ", " "):
            return target
        short = re.match(r"Session \d+: (?=\S)", name)
        if short and not name[short.end():].startswith("..."):
            name = name[short.end():]
        return f"{target}{sep}{q}{name}{q}"

    text = REF.sub(one, text)

    def bare(m: re.Match[str]) -> str:
        nonlocal count
        n = int(m.group(1))
        if n not in sessions:
            return m.group(0)
        count += 1
        return f"eval/sessions/{n}.md"

    return REF_SESSION.sub(bare, text), count


def rewrite_refs(root: Path, paths: Sequence[str] = (), write: bool = True) -> dict[str, int]:
    """Rewrite the references in ``paths`` (default: every file git tracks under ``root``); per file, how many."""
    if not paths:
        res = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True)
        paths = res.stdout.split()
    heads = heading_map(root)
    sessions = session_files(root)
    done: dict[str, int] = {}
    for rel in paths:
        if rel.startswith(REF_SKIP):
            continue
        p = root / rel
        if not p.is_file():
            continue
        try:
            text = p.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if "eval/README" not in text:
            continue
        new, count = rewrite_text(text, heads, sessions)
        if count:
            done[rel] = count
            if write and new != text:
                p.write_text(new, encoding="utf-8")
    return done


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default=str(Path(__file__).resolve().parents[1]), help="the checkout (default: this one)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if a run would change a file")
    ap.add_argument("--merge-from", nargs="*", default=[], metavar="FILE",
                    help="other copies of eval/README.md (a merged branch's) to import new session sections from")
    ap.add_argument("--refs", nargs="*", default=None, metavar="PATH",
                    help="rewrite references to moved sections in these files (none given: every tracked file)")
    args = ap.parse_args(argv)
    root = Path(args.root)
    if args.refs is not None:
        done = rewrite_refs(root, args.refs, write=not args.check)
        for rel, count in sorted(done.items()):
            print(f"{rel}: {count} reference(s)")
        print(f"{sum(done.values())} references in {len(done)} files" + (" (not written: --check)" if args.check else ""))
        return 1 if args.check and done else 0
    p = plan(root, args.merge_from)
    for m in p.moved:
        where = SESSIONS / f"{m.key}.md" if m.kind == "session" else EXPERIMENTS_FILE
        print(f"moved {m.end - m.start} lines to {where}: {m.title}")
    for head in p.imported:
        print(f"imported: {head}")
    for c in p.conflicts:
        print(f"warning: {c}", file=sys.stderr)
    if args.check:
        for path in sorted(p.writes):
            print(f"would change {path.relative_to(root)}")
        return 1 if p.writes else 0
    for path, text in sorted(p.writes.items()):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(root)} ({len(text.encode('utf-8')):,} bytes)")
    if not p.writes:
        print("nothing to do")
    return 2 if p.conflicts else 0


if __name__ == "__main__":
    sys.exit(main())
