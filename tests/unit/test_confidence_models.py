"""tools/confidence_models.py: the smoothed per-value priors (target encoding) and their cross-fitting."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest

from conftest import need_module

need_module("sklearn")

_PATH = Path(__file__).resolve().parents[2] / "tools" / "confidence_models.py"
_SPEC = importlib.util.spec_from_file_location("confidence_models", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
cm = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(cm)


def row(article: str, lemma: str, cameo: str = "042", rules: dict[str, str] | None = None) -> dict:
    return {"article": article, "lemma": lemma, "cameo": cameo, "rules": rules or {}}


def test_prior_is_smoothed_towards_the_base_rate() -> None:
    rows = [row("a", "visit")] * 4 + [row("b", "say")] * 4
    ys = [True, True, True, True, False, False, False, False]
    enc = cm.TargetEncoder(m=4.0).fit(rows, ys)
    visit, say = enc.transform(row("c", "visit")), enc.transform(row("c", "say"))
    # (4 + 4 * 0.5) / (4 + 4) = 0.75: a log-odds of ln 3 above the base rate's 0
    assert visit["te:lemma"] == pytest.approx(math.log(3))
    assert say["te:lemma"] == pytest.approx(-math.log(3))
    assert "te:lemma" not in enc.transform(row("c", "strike"))  # an unseen value says nothing
    assert visit["te:cameo"] == pytest.approx(0.0)  # one code for all rows: no information


def test_side_choice_rules_share_one_key() -> None:
    keys = cm.te_keys(row("a", "meet", rules={"source": "subject", "target": "object"}))
    assert keys["sides"] == "source=subject|target=object|source_country=-|target_country=-"
    assert keys["rule:source"] == "subject"


def test_cross_fitted_prior_never_reads_its_own_article() -> None:
    # each article has its own lemma: a prior fitted on the other articles has never seen it
    rows = [row(f"art{i}", f"lemma{i}") for i in range(10) for _ in range(3)]
    ys = [i % 2 == 0 for i in range(10) for _ in range(3)]
    encoded = cm.cross_fitted_te(rows, ys, folds=5)
    assert len(encoded) == len(rows)
    assert not any("te:lemma" in e for e in encoded)
    in_sample = cm.TargetEncoder().fit(rows, ys)
    assert in_sample.transform(rows[0])["te:lemma"] > 0 > in_sample.transform(rows[3])["te:lemma"]
