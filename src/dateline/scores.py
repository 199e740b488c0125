"""Scores the field expects on every CAMEO event: the Goldstein scale value and GDELT's QuadClass.

Both come from tables shipped as data (``data/cameo_goldstein.tsv``, ``data/cameo_quadclass.tsv``;
sources in data/README.md). PLOVER's own type, mode and context are :func:`dateline.codebook.cameo_to_plover`;
its quad category is :func:`plover_quad`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .codebook import by_parent_code
from .tables import data_text, tsv_rows


@dataclass(frozen=True)
class QuadClass:
    """GDELT's QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""

    number: int
    name: str


@cache
def _goldstein_table() -> dict[str, float]:
    return {row["code"].strip(): float(row["goldstein"]) for _, row in tsv_rows(data_text("cameo_goldstein.tsv"))}


@cache
def _quad_table() -> dict[str, QuadClass]:
    return {
        row["root"].strip(): QuadClass(int(row["quad_class"]), row["quad_name"].strip())
        for _, row in tsv_rows(data_text("cameo_quadclass.tsv"))
    }


@cache
def _plover_quad_table() -> dict[str, str]:
    return {row["event"].strip(): row["quad_category"].strip() for _, row in tsv_rows(data_text("plover_event_types.tsv"))}


def goldstein(code: str | None) -> float | None:
    """The Goldstein scale value (-10 .. +10) of CAMEO ``code``, falling back to its parent code.

    ``"1951"`` is not in GDELT's table, so it takes ``"195"``'s -10.0. None for a non-CAMEO code.
    """
    return by_parent_code(_goldstein_table(), code)


def quad_class(code: str | None) -> QuadClass | None:
    """GDELT's QuadClass of CAMEO ``code``, from its two-digit root; None for a non-CAMEO code."""
    code = (code or "").strip()
    if len(code) < 2 or not code.isdigit():
        return None
    return _quad_table().get(code[:2])


def plover_quad(event: str | None) -> str | None:
    """PLOVER's quad category of an event type (``"ASSAULT"`` -> ``"MATERIAL CONFLICT"``)."""
    return _plover_quad_table().get((event or "").strip().upper())
