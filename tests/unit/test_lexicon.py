"""The event lexicon: its loader, and the converter from the PETRARCH2/Phoenix dictionaries."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from dateline.codebook import is_cameo
from dateline.errors import ModelError
from dateline.lexicon import Entry, build_lexicon, load_lexicon

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_lexicon", REPO / "tools" / "build_lexicon.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lexicon_loaded_once_and_indexed() -> None:
    lex = load_lexicon()
    assert load_lexicon() is lex
    assert lex.verbs[("meet", "")][0] == Entry("040", reciprocal=True)
    assert lex.verbs[("call", "off")][1] == "cancel"  # a particle verb keeps its block's patterns
    assert lex.patterns["cancel"][("meeting", "", "")].code == "125"  # our row overrides Phoenix
    assert "meet" in lex.verb_lemmas and "meeting" in lex.nouns
    assert "not" in lex.cue("negation") and "will" in lex.cue("future")


def test_lexicon_codes_are_cameo() -> None:
    lex = build_lexicon()
    codes = {entry.code for entry, _ in lex.verbs.values()} | {e.code for t in lex.patterns.values() for e in t.values()}
    unknown = sorted(c for c in codes - {""} if not is_cameo(c))
    # Phoenix uses a few codes outside CAMEO 0.7b5; they must stay rare
    assert len(unknown) <= 0.05 * len(codes), unknown


def test_lexicon_discards_match_whole_words() -> None:
    lex = load_lexicon()
    assert lex.story_discards is not None and lex.story_discards.search("the Australian Open final")
    assert not lex.story_discards.search("the Australian Openness report")
    # TABARI's bare-year discards are dropped: dateline marks history with modality instead
    assert lex.sentence_discards is None or not lex.sentence_discards.search("Sweden has had ties since 1973")


@pytest.mark.parametrize(("raw", "expected"), [
    ("036:036", ("036", "reciprocal")), (":020", ("020", "passive")), ("---", ("", "")),
    ("042:043", ("042", "")), ("1246", ("1246", "")),
])
def test_lexicon_converter_parses_codes(converter: ModuleType, raw: str, expected: tuple[str, str]) -> None:
    assert converter.parse_code(raw) == expected


def test_lexicon_converter_parses_patterns(converter: ModuleType) -> None:
    synsets = {"&FOOD": ["rice", "wheat flour"]}
    assert converter.parse_pattern(" * (FOR {FINANCIAL AID}) ", synsets) == [("", "for", "aid")]
    assert converter.parse_pattern(" * &FOOD ", synsets) == [("flour", "", ""), ("rice", "", "")]
    assert converter.parse_pattern(" STOCKS * ", synsets) is None  # pre-verb nouns need the old parser


def test_lexicon_missing_file_is_coded_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("dateline.lexicon._DIR", ("data", "no-such-lexicon"))
    with pytest.raises(ModelError, match=r"\[E501\]"):
        build_lexicon()
