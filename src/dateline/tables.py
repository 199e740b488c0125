"""The data files shipped in the package: one way to read them.

Every table under ``src/dateline/data/`` is TSV with a header row, tab-separated, no quoting, and
may carry ``#`` comment lines (the KB's curated files do).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib.resources import files


def data_text(*parts: str) -> str:
    """The text of ``data/<parts...>`` inside the installed package."""
    return files("dateline").joinpath("data", *parts).read_text(encoding="utf-8")


def tsv_rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number in the file, row) for each data row; comment and empty lines are skipped.

    Like ``csv.DictReader``: a row with too many fields has them under the key None, a row with
    too few has None values, so callers can report the line.
    """
    numbered = [(number, line) for number, line in enumerate(text.splitlines(), 1)
                if line and not line.startswith("#")]
    reader = csv.DictReader((line for _, line in numbered), delimiter="\t", quoting=csv.QUOTE_NONE)
    for (number, _), row in zip(numbered[1:], reader):
        yield number, row
