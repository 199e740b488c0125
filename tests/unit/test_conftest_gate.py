"""The quality gates fail, not skip, where CI lacks ../shared (CI always has it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import need_module, need_shared


def test_gate_fails_in_ci_without_shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "shared" / "gold.jsonl"
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="quality gate cannot run in CI"):
        need_shared(missing, gate=True)
    with pytest.raises(pytest.skip.Exception):  # an ordinary test that reads ../shared still skips
        need_shared(missing)


def test_gate_skips_outside_ci_without_shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        need_shared(tmp_path / "absent", gate=True)
    assert need_shared(tmp_path, gate=True) == tmp_path


def test_a_test_extra_missing_fails_in_ci_and_skips_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(ImportError):  # CI installs the test extras: a missing one is a failure, not a skip
        need_module("no_such_module_dateline")
    assert need_module("json").dumps([1]) == "[1]"
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        need_module("no_such_module_dateline")
