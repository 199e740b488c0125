"""tools/split_eval_notes.py on a small synthetic eval/README.md: every line lands in exactly one file, a second run
changes nothing, sections appended later (or in a merged branch's copy) are moved by a re-run, references follow."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import split_eval_notes as sen  # noqa: E402

README = """\
# eval: the accuracy gate

How the coder is scored.

## The gold set

Three hundred sentences.

```
### Session 9: a heading inside a code block stays
```

## Event fusion on real news (judged by hand)

Summary of the rounds.

### Round 1

The first round's table.

### Round 2: the same-act test

The second round.

## Labelled real news

The labels.

### The confidence model

How it is fitted.

### Confidence: other learners (experiment)

Boosted trees ranked no better.

### Learned side choice (shipped)

The ranker.

#### Session 1: a narrower constraint

Kept for the train gains.

### Session 3: targets (branch `targets`)

Targets text, line one.
Same line twice.
Same line twice.

### Session 2: two blind rounds (integrator)

Blind rounds text.

#### A subheading of session 2

Inside session 2.

### Session 3: two blind rounds and what transferred (integrator)

Integrator of 3.

### Mend (review of session 3)

The review.
"""


def _write(root: Path, text: str) -> None:
    (root / "eval").mkdir(parents=True, exist_ok=True)
    (root / "eval" / "README.md").write_text(text, encoding="utf-8")


def _run(root: Path, *args: str) -> int:
    return sen.main(["--root", str(root), *args])


def _all_lines(root: Path) -> list[str]:
    out: list[str] = []
    for p in sorted((root / "eval").rglob("*.md")):
        out += p.read_text(encoding="utf-8").splitlines()
    return out


def _generated(root: Path) -> Counter[str]:
    """The lines the script writes itself: titles, group headings, the index."""
    readme = (root / "eval" / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(sen.INDEX_START):readme.index(sen.INDEX_END) + len(sen.INDEX_END)]
    lines = block.splitlines() + [sen.INDEX_HEADING, sen.EXPERIMENTS_TITLE, sen.EXPERIMENTS_INTRO]
    lines += [f"## {group}" for group, _, _ in sen.EXPERIMENTS]
    lines += [sen.session_title(n) for n in range(1, 10)]
    return Counter(line for line in lines if line.strip())


def _nonblank(lines: list[str]) -> Counter[str]:
    return Counter(line for line in lines if line.strip())


def test_split_moves_every_line_once_and_is_idempotent(tmp_path: Path) -> None:
    _write(tmp_path, README)
    assert _run(tmp_path) == 0
    sessions = tmp_path / "eval" / "sessions"
    assert sorted(p.name for p in sessions.glob("*.md")) == ["1.md", "2.md", "3.md"]

    # every line of the old file is in exactly one new file, apart from the lines the script writes itself
    old = _nonblank(README.splitlines())
    new = _nonblank(_all_lines(tmp_path))
    generated = _generated(tmp_path)
    assert new - generated == old
    assert set((new - old)) <= set(generated)

    readme = (tmp_path / "eval" / "README.md").read_text(encoding="utf-8")
    assert "### Session 9: a heading inside a code block stays" in readme
    assert "### The confidence model" in readme and "### Learned side choice (shipped)" in readme
    assert "Session 1:" not in readme.split(sen.INDEX_START)[0]
    assert "### Round 1" not in readme and "Summary of the rounds." in readme

    three = (sessions / "3.md").read_text(encoding="utf-8")
    assert three.splitlines()[0] == "# Session 3: lab notes"
    heads = [line for line in three.splitlines() if line.startswith("#")]
    assert heads == ["# Session 3: lab notes", "### Session 3: targets (branch `targets`)",
                     "### Session 3: two blind rounds and what transferred (integrator)",
                     "### Mend (review of session 3)"]
    assert three.count("Same line twice.") == 2
    assert "#### A subheading of session 2" in (sessions / "2.md").read_text(encoding="utf-8")
    assert "Kept for the train gains." in (sessions / "1.md").read_text(encoding="utf-8")

    exp = (tmp_path / "eval" / "experiments.md").read_text(encoding="utf-8")
    assert exp.index("## Event fusion on real news: the judged rounds") < exp.index("### Round 1") \
        < exp.index("### Round 2: the same-act test") < exp.index("## The confidence model: experiments") \
        < exp.index("### Confidence: other learners (experiment)")

    # the index: one row a session, newest first, the integrator's title
    rows = [line for line in readme.splitlines() if line.startswith("| ") and "sessions/" in line]
    assert rows == ["| 3 | [sessions/3.md](sessions/3.md) | two blind rounds and what transferred |",
                    "| 2 | [sessions/2.md](sessions/2.md) | two blind rounds |",
                    "| 1 | [sessions/1.md](sessions/1.md) | a narrower constraint |"]

    # run twice = no change
    before = {p: p.read_bytes() for p in (tmp_path / "eval").rglob("*.md")}
    assert _run(tmp_path, "--check") == 0
    assert _run(tmp_path) == 0
    assert {p: p.read_bytes() for p in (tmp_path / "eval").rglob("*.md")} == before


def test_rerun_moves_sections_appended_later(tmp_path: Path) -> None:
    _write(tmp_path, README)
    _run(tmp_path)
    readme = tmp_path / "eval" / "README.md"
    appended = "\n### Session 4: lex (branch `lex`)\n\nNew work.\n\n### Session 3: a late mend\n\nLate text.\n"
    readme.write_text(readme.read_text(encoding="utf-8") + appended, encoding="utf-8")
    assert _run(tmp_path, "--check") == 1
    _run(tmp_path)
    text = readme.read_text(encoding="utf-8")
    assert "New work." not in text and "Late text." not in text
    four = (tmp_path / "eval" / "sessions" / "4.md").read_text(encoding="utf-8")
    assert four.startswith("# Session 4: lab notes\n\n### Session 4: lex (branch `lex`)\n\nNew work.\n")
    three = (tmp_path / "eval" / "sessions" / "3.md").read_text(encoding="utf-8")
    assert three.rstrip().endswith("### Session 3: a late mend\n\nLate text.")
    assert "| 4 | [sessions/4.md](sessions/4.md) | lex (branch `lex`) |" in text
    assert text.index("| 4 |") < text.index("| 3 |")
    assert _run(tmp_path, "--check") == 0


def test_merge_from_a_branch_copy_imports_only_new_sections(tmp_path: Path) -> None:
    _write(tmp_path, README)
    _run(tmp_path)
    branch = tmp_path / "branch_README.md"
    branch.write_text(README + "\n### Session 4: stmt (branch `stmt`)\n\nStatements.\n", encoding="utf-8")
    assert _run(tmp_path, "--merge-from", str(branch)) == 0
    four = (tmp_path / "eval" / "sessions" / "4.md").read_text(encoding="utf-8")
    assert "Statements." in four
    assert (tmp_path / "eval" / "sessions" / "3.md").read_text(encoding="utf-8").count("Integrator of 3.") == 1
    assert _run(tmp_path, "--merge-from", str(branch), "--check") == 0

    # a section the branch edited is reported, not imported twice
    branch.write_text(README.replace("The review.", "The review, edited."), encoding="utf-8")
    assert _run(tmp_path, "--merge-from", str(branch)) == 2
    assert "edited" not in (tmp_path / "eval" / "sessions" / "3.md").read_text(encoding="utf-8")


def test_refs_point_at_the_new_files(tmp_path: Path) -> None:
    _write(tmp_path, README)
    _run(tmp_path)
    src = tmp_path / "notes.py"
    src.write_text(
        '"""Kept (eval/README.md, "Session 3: targets").\n'
        'Also eval/README.md "Session 2" and (eval/README.md, "Session 3:\n'
        '    two blind rounds") and eval/README.md, "Mend (review of session 3)".\n'
        "Learners: eval/README.md, \"Confidence: other learners (experiment)\"; 'Session 3: targets' in\n"
        "eval/README.md 'Session 2: two blind rounds (integrator)'; eval/README.md, session 1.\n"
        'Stays: eval/README.md, "Labelled real news" and eval/README.md, "Session 7: gone".\n"""\n',
        encoding="utf-8")
    assert _run(tmp_path, "--refs", "notes.py") == 0
    assert src.read_text(encoding="utf-8") == (
        '"""Kept (eval/sessions/3.md, "targets").\n'
        'Also eval/sessions/2.md and (eval/sessions/3.md, "Session 3:\n'
        '    two blind rounds") and eval/sessions/3.md, "Mend (review of session 3)".\n'
        "Learners: eval/experiments.md, \"Confidence: other learners (experiment)\"; 'Session 3: targets' in\n"
        "eval/sessions/2.md 'two blind rounds (integrator)'; eval/sessions/1.md.\n"
        'Stays: eval/README.md, "Labelled real news" and eval/README.md, "Session 7: gone".\n"""\n')
    assert _run(tmp_path, "--refs", "notes.py", "--check") == 0
