"""Goldstein scale values and QuadClass from the shipped GDELT tables."""

from __future__ import annotations

import pytest

from dateline.scores import goldstein, plover_quad, quad_class


@pytest.mark.parametrize(("code", "value"), [
    ("01", 0.0), ("036", 4.0), ("0874", 10.0), ("1823", -10.0), ("190", -10.0), ("163", -8.0), ("042", 1.9),
])
def test_scores_goldstein_from_gdelt_table(code: str, value: float) -> None:
    assert goldstein(code) == value


def test_scores_goldstein_falls_back_to_parent() -> None:
    assert goldstein("1951") == goldstein("195") == -10.0
    assert goldstein("1213") == goldstein("121") == -4.0
    assert goldstein("USAGOV") is None and goldstein(None) is None


@pytest.mark.parametrize(("code", "quad"), [("010", 1), ("057", 1), ("06", 2), ("0874", 2), ("10", 3), ("145", 3),
                                            ("15", 4), ("190", 4), ("2042", 4)])
def test_scores_quadclass_from_root(code: str, quad: int) -> None:
    found = quad_class(code)
    assert found is not None and found.number == quad


def test_scores_quadclass_names_and_unknown() -> None:
    assert quad_class("190").name == "Material Conflict"  # type: ignore[union-attr]
    assert quad_class("21") is None and quad_class("x") is None


def test_scores_plover_quad() -> None:
    assert plover_quad("ASSAULT") == "MATERIAL CONFLICT"
    assert plover_quad("consult") == "VERBAL COOPERATION"
    assert plover_quad(None) is None
