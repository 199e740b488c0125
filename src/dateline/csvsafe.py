"""CSV cells that a spreadsheet will not run as formulas (CSV injection, CWE-1236).

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is taken as a formula
by Excel, LibreOffice and Google Sheets: ``=HYPERLINK(...)`` in a quoted sentence would become a live
link on the analyst's machine. Following OWASP's rule, such a cell is prefixed with a single quote,
which spreadsheets show as text and do not display. Only strings are touched: numbers stay numbers.

This is the one place for the rule; every CSV dateline writes goes through :func:`csv_rows`.
``--raw-csv`` turns it off for programs that read the CSV back. JSON and Parquet are never changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

#: First characters that make a spreadsheet evaluate a cell (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """``value``, with a ``'`` in front when it is a string a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_rows(rows: Iterable[Iterable[Any]], *, raw: bool = False) -> Iterator[list[Any]]:
    """Rows ready for :func:`csv.writer`: formula cells neutralised (unless ``raw``), booleans as
    ``true``/``false`` and NULLs as empty cells, as DuckDB writes them."""
    for row in rows:
        cells = ["true" if v is True else "false" if v is False else v for v in row]
        yield cells if raw else [neutralise(v) for v in cells]
