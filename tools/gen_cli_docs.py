"""Regenerate the generated part of docs/cli.md from the CLI's --help and the error catalogue.

    .venv/bin/python tools/gen_cli_docs.py          # rewrite docs/cli.md
    .venv/bin/python tools/gen_cli_docs.py --check  # exit 1 if docs/cli.md is out of date (tests do this)
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

from dateline import errors
from dateline.cli import cli

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
START = "<!-- generated: do not edit below; run tools/gen_cli_docs.py -->"
END = "<!-- end generated -->"


def _commands(group: click.Group, prefix: list[str]) -> list[list[str]]:
    out: list[list[str]] = []
    for name in sorted(group.commands):
        command = group.commands[name]
        out.append([*prefix, name])
        if isinstance(command, click.Group):
            out.extend(_commands(command, [*prefix, name]))
    return out


def generated() -> str:
    runner = CliRunner()
    parts = ["## Command reference", ""]
    for path in [[], *_commands(cli, [])]:
        title = " ".join(["dateline", *path])
        text = runner.invoke(cli, [*path, "--help"], prog_name="dateline", terminal_width=100).output
        parts += [f"### `{title}`", "", "```", text.rstrip(), "```", ""]
    parts += ["## Error codes", "", "| code | message |", "|---|---|"]
    for code in sorted(k for k in vars(errors.Errors) if k[0] in "EW" and k[1:].isdigit()):
        message = getattr(errors.Errors, code).replace("|", "\\|").replace("{{", "{").replace("}}", "}")
        parts.append(f"| `{code}` | {message} |")
    return "\n".join(parts) + "\n"


def render(current: str) -> str:
    head = current.split(START)[0] if START in current else current.rstrip() + "\n\n"
    return f"{head}{START}\n\n{generated()}\n{END}\n"


def main() -> int:
    current = DOC.read_text(encoding="utf-8")
    new = render(current)
    if "--check" in sys.argv:
        if new != current:
            print(f"{DOC} is out of date: run .venv/bin/python tools/gen_cli_docs.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
