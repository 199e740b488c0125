"""structure_text on the real Los Angeles Times article from a newspaper reader (../shared/examples)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.structure import structure_text

pytestmark = [pytest.mark.e2e, pytest.mark.shared]

EXAMPLE = Path(__file__).parents[2].parent / "shared/examples/latimes-2019-01-19-trump-kim-summit.txt"


@pytest.fixture(scope="module")
def text() -> str:
    if not EXAMPLE.is_file():
        pytest.skip("../shared/examples is absent (it ships only with the development checkout)")
    return EXAMPLE.read_text(encoding="utf-8")


def test_structure_example_furniture(text: str) -> None:
    parts = structure_text(text)
    assert parts.publication == "Los Angeles Times"
    assert parts.byline == "Tracy Wilkinson"
    assert parts.dateline == "WASHINGTON"
    assert parts.deck is not None and parts.deck.startswith("Leaders will meet again")
    assert parts.body.startswith("President Trump agreed")


def test_structure_example_no_footer_or_marks_in_body(text: str) -> None:
    parts = structure_text(text)
    lines = {line.strip() for line in parts.body.split("\n")}
    assert "Newspapers in English" not in lines
    assert "Newspapers from United States" not in lines
    assert "??" not in parts.body
    assert {r.kind for r in parts.removed} >= {"masthead", "deck", "byline", "dateline", "footer"}


def test_structure_example_caption_kept_once(text: str) -> None:
    parts = structure_text(text)
    assert len(parts.captions) == 1
    caption = parts.captions[0]
    assert caption.credit == "Evan Vucci Associated Press"
    assert caption.text.startswith("PRESIDENT TRUMP and North Korean leader")
    assert "??" not in caption.text and "Evan Vucci" not in caption.text
    assert caption.text not in parts.body
    assert "PRESIDENT TRUMP" not in parts.body
    assert [r.kind for r in parts.removed].count("caption_duplicate") == 1


def test_structure_example_pull_quote(text: str) -> None:
    parts = structure_text(text)
    assert len(parts.pull_quotes) == 1
    pull = parts.pull_quotes[0]
    assert pull.attribution is not None and "Andrei Lankov" in pull.attribution
    assert pull.body_start is not None and pull.body_end is not None
    assert parts.body[pull.body_start :].startswith("They can shower him")
    assert parts.body.count("shower him with flattery") == 1


def test_structure_example_offsets_map_back(text: str) -> None:
    parts = structure_text(text)
    pos = 0
    for para in parts.body.split("\n\n"):
        start = parts.offsets.to_original(pos)
        assert text[start : start + len(para)] == para
        pos += len(para) + 2
    assert parts.removed and pos > 0
    for removed in parts.removed:
        assert text[removed.start : removed.end] == removed.text
