"""tools/test_audit.py finds the shapes of a test that cannot fail, and leaves their checked forms alone."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import test_audit  # noqa: E402

SOURCE = '''
import pytest
from conftest import need_shared

CASES = [1, 2]

def helper(x):
    assert x > 0

def test_vacuous(events):
    assert all(e > 0 for e in events)
    assert not any(e < 0 for e in events)
    for e in events:
        helper(e)
    assert events == events
    assert True
    try:
        assert int("1")
    except Exception:
        pass
    need_shared("x")

def test_checked(events):
    assert events and all(e > 0 for e in events)
    assert len(events) == 2
    for e in events:
        assert e
    for case in CASES:
        assert case
    assert sorted(events) is not sorted(events)  # a memo check: can fail
    need_shared("x", gate=True)

def test_nothing(events):
    events.sort()

def test_raises():
    with pytest.raises(ValueError):
        int("x")
'''


def test_the_audit_flags_each_vacuous_shape_once_and_no_checked_one(tmp_path: Path) -> None:
    path = tmp_path / "test_toy.py"
    path.write_text(SOURCE, encoding="utf-8")
    found = {(c.test, c.kind) for c in test_audit.audit_file(path)}
    vacuous = {("test_vacuous", kind) for kind in ("all", "none", "loop", "self", "const", "try", "skip")}
    assert vacuous <= found
    assert ("test_nothing", "noassert") in found
    assert not {kind for test, kind in found if test in ("test_checked", "test_raises")}
