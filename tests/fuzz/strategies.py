"""Hostile inputs, generated: fragments that broke dateline before (issue 15) mixed with any text.

Also the Hypothesis profiles: ``ci`` (default, bounded, part of ``make test``) and ``fuzz``
(``make fuzz``, 10,000+ inputs), and the tally ``make fuzz`` prints (:func:`tally`). They live here,
not in a conftest.py, because tests/conftest.py is imported as ``conftest`` by the other suites.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

_COMMON: dict[str, Any] = {"deadline": None, "derandomize": False, "print_blob": True,
                           "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                                                     HealthCheck.function_scoped_fixture]}
settings.register_profile("ci", max_examples=40, **_COMMON)
settings.register_profile("fuzz", max_examples=2_500, **_COMMON)
settings.load_profile(os.environ.get("DATELINE_FUZZ_PROFILE", "ci"))


#: Pieces that were each a crash, a stall or a lost batch once (issue 15), and text around them.
FRAGMENTS = [
    "\ud800", "\udfff", "\x00", "\ufeff", "\u2028", "\r\n", "\n\n", "\t", " ", "?" * 300, "€" * 300, "X said Y said " * 20,
    "“", "”", "‘", "’", "\"", "'", "«", "»", " — ", "--", "(AP)", "WASHINGTON — ", "By JOHN DOE\n",
    "Photo: Reuters", "??", "said", "told reporters", "according to", "on Friday", "last March",
    "in 1990s", "2019-01-19", "12/31/2020", "next week", "Christmas", "the first quarter of 2021",
    "Kim Jong Un", "President Joe Biden", "the United Nations", "Hamas", "North Korea", "Israel",
    "met", "attacked", "accused", "<p>", "</p>", "<script>alert(1)</script>", "<html><body>", "&amp;",
    "=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "ALL CAPS HEADLINE\n", "\u200b", "\U0001F600",
    "a" * 250, "-" * 80, "*" * 40, "1" * 60, ". " * 50,
]

texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(st.characters(codec="utf-8"), max_size=40),
              st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=10)),
    max_size=40,
).map("".join)

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=6,
)

records = st.fixed_dictionaries(
    {},
    optional={"id": st.one_of(st.text(max_size=10), st.integers(), st.none(), texts),
              "text": st.one_of(texts, _json_values), "html": st.one_of(texts.map(lambda t: f"<html><body><p>{t}</p></body></html>"), _json_values),
              "title": st.one_of(texts, _json_values), "published": st.one_of(st.dates().map(str), texts, _json_values),
              "date": st.one_of(st.dates().map(str), _json_values), "url": _json_values, "source": _json_values,
              "extra": _json_values},
)


def jsonl_line(record: dict[str, Any]) -> bytes:
    """One JSON Lines line: surrogates travel escaped, as real JSON carries them."""
    return json.dumps(record, ensure_ascii=True).encode("ascii")


jsonl_files = st.lists(
    st.one_of(records.map(jsonl_line), st.binary(max_size=40), texts.map(lambda t: t.encode("utf-8", "replace"))),
    min_size=1, max_size=5,
).map(lambda lines: b"\n".join(lines) + b"\n")

html_files = texts.map(lambda t: f"<!doctype html><html><head><title>{t[:30]}</title></head><body><article><p>{t}</p>"
                                 f"<p>{t[::-1]}</p></article></body></html>".encode("utf-8", "replace"))

text_files = st.one_of(texts.map(lambda t: t.encode("utf-8", "replace")), st.binary(max_size=200))


#: Where ``make fuzz`` collects its tally (set by the Makefile; unset in ``make test``).
STATS = os.environ.get("DATELINE_FUZZ_STATS")
_counts: Counter[str] = Counter()


def tally(**counts: Any) -> None:
    """Add to the run's tally, written to ``$DATELINE_FUZZ_STATS`` as JSON when that is set."""
    for key, value in counts.items():
        if key.startswith("max_"):
            _counts[key] = max(_counts[key], value)
        else:
            _counts[key] += value
    if STATS:
        Path(STATS).write_text(json.dumps(dict(sorted(_counts.items())), indent=1), encoding="utf-8")
