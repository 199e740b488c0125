"""Docs that cannot drift: the CLI reference and error codes are generated and checked here."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from dateline import store
from dateline.record import output_schema

REPO = Path(__file__).resolve().parents[2]


def test_docs_cli_reference_is_up_to_date() -> None:
    proc = subprocess.run([sys.executable, str(REPO / "tools" / "gen_cli_docs.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def test_docs_every_table_column_documented() -> None:
    doc = (REPO / "docs" / "output.md").read_text(encoding="utf-8")
    con = store.Store(":memory:").con
    tables = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    assert len(tables) >= 3  # articles, events, actors at least: an empty store would check nothing
    for (table,) in tables:
        assert f"| `{table}` |" in doc, f"table {table} missing from docs/output.md"
        columns = con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                              [table]).fetchall()
        assert columns, table
        for (column,) in columns:
            prefix = column.split("_")[0]
            assert column in doc or f"{prefix}_*" in doc, f"{table}.{column} missing from docs/output.md"


def test_docs_every_record_field_documented() -> None:
    doc = (REPO / "docs" / "output.md").read_text(encoding="utf-8")
    defs = output_schema()["$defs"]
    for name in ("article", "actor", "event", "quote", "provenance"):
        assert defs[name]["properties"], name
        for field in defs[name]["properties"]:
            assert re.search(rf"[`.]{field}(\[\])?`", doc), f"{name}.{field} missing from docs/output.md"


def test_docs_schema_is_valid_json_schema() -> None:
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(output_schema())
    assert json.loads(json.dumps(output_schema())) == output_schema()


def test_docs_name_every_tool_and_module() -> None:
    """docs/development.md names every script in tools/, and docs/architecture.md every module of the
    package, so a newcomer finds each one (a new file without its line fails here)."""
    dev = (REPO / "docs" / "development.md").read_text(encoding="utf-8")
    missing = [p.name for p in sorted((REPO / "tools").glob("*.py")) if p.name not in dev]
    assert missing == [], f"tools not in docs/development.md: {missing}"
    arch = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    src = REPO / "src" / "dateline"
    modules = [p.relative_to(src).as_posix() for p in sorted(src.rglob("*.py")) if p.name != "__init__.py"]
    missing = [m for m in modules if m not in arch and Path(m).name not in arch and f"`{Path(m).stem}`" not in arch]
    assert missing == [], f"modules not in docs/architecture.md: {missing}"


def test_docs_name_every_rule_gate() -> None:
    """The schema's ``evidence.rules.gate`` and docs/output.md name every rule gate of
    ``actors.countries._GATES`` (session 44's furniture gates were missing from the schema)."""
    from dateline.actors.countries import _GATES

    described = output_schema()["$defs"]["event"]["properties"]["evidence"]["properties"]["rules"]["properties"]["gate"]
    doc = (REPO / "docs" / "output.md").read_text(encoding="utf-8")
    names = [name for name, _ in _GATES]
    assert len(names) >= 15
    assert [n for n in names if n not in described["description"]] == []
    assert [n for n in names if f"`{n}`" not in doc] == []


def test_docs_cli_synopsis_names_every_option() -> None:
    # the synopsis at the top of docs/cli.md (hand-written, unlike the reference below it) left out `counts
    # --min-confidence` (walk47): every option of every command is in its synopsis line, and no other
    import click

    from dateline.cli import cli

    synopsis = (REPO / "docs" / "cli.md").read_text(encoding="utf-8").split("```")[1]
    lines: dict[str, str] = {}
    name = ""
    for line in synopsis.splitlines():
        if m := re.match(r"dateline (reviews export|\w+)\s", line):
            name = m.group(1)
            lines[name] = line
        elif name:
            lines[name] += " " + line
    for name, text in lines.items():
        command: click.Command = cli
        for part in name.split():
            assert isinstance(command, click.Group)
            command = command.commands[part]
        if isinstance(command, click.Group):
            continue
        options = {opt for p in command.params if isinstance(p, click.Option) for opt in p.opts + p.secondary_opts
                   if opt.startswith("--") and opt != "--help"}
        shown = set(re.findall(r"--[a-z][a-z0-9-]*", text))
        assert shown == options, f"dateline {name}: synopsis lacks {sorted(options - shown)}, names {sorted(shown - options)}"


def test_docs_state_the_shipped_threshold_of_counted() -> None:
    # the docs said "confidence at or above the model's threshold" and nowhere that the shipped threshold is 0, so
    # that an event of confidence 0.0 is counted (walk47): README, docs/cli.md and docs/output.md give the value the
    # shipped model holds
    from dateline.confidence import shipped_model

    model = shipped_model()
    assert model is not None
    shipped = f"`{model.threshold:g}`"
    output = (REPO / "docs" / "output.md").read_text(encoding="utf-8")
    assert f"The shipped model's threshold is {shipped}" in output
    for doc in ("README.md", "docs/cli.md"):
        text = " ".join((REPO / doc).read_text(encoding="utf-8").replace("#", " ").split())
        assert f"the model's threshold, {shipped} as shipped" in text, doc
