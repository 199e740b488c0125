"""Rules as data: every cue kind the code reads exists in the cue tables, and every cue row is read."""

from __future__ import annotations

import re
from pathlib import Path

from dateline import codebook
from dateline.lexicon import load_lexicon
from dateline.quotes import load_cues
from dateline.tables import data_text, tsv_rows

SRC = Path(__file__).resolve().parents[2] / "src" / "dateline"


def _kinds_read() -> set[str]:
    """The kinds named in ``lex.cue("...")`` calls anywhere in the package."""
    read: set[str] = set()
    for path in SRC.rglob("*.py"):
        read.update(re.findall(r"\bcue(?:_words)?\(\"([a-z_]+)\"\)", path.read_text(encoding="utf-8")))
    return read


def test_every_cue_kind_read_exists_and_every_row_is_read() -> None:
    read = _kinds_read()
    rows = [row for _, row in tsv_rows(data_text("lexicon", "cues.tsv"))]
    in_table = {row["cue"] for row in rows}
    assert len(read) > 30 and len(rows) > 200  # the scan found the calls and the table
    assert read - in_table == set(), "cue kinds the code reads but data/lexicon/cues.tsv lacks"
    assert in_table - read == set(), "cue rows no code reads (make them # comments or read them)"
    lex = load_lexicon()
    assert all(lex.cue(kind) for kind in read)  # each loads with its words


def test_every_quote_cue_role_is_one_the_stage_reads() -> None:
    roles = {cue.role for cue in load_cues().verbs.values()}
    assert roles == {"speech", "act", "source", "naming"}


def test_every_cameo_root_class_is_read() -> None:
    rows = [row["class"] for _, row in tsv_rows(data_text("cameo_root_classes.tsv"))]
    read: set[str] = set()
    for path in SRC.rglob("*.py"):
        read.update(re.findall(r"root_class\(\"([a-z]+)\"\)", path.read_text(encoding="utf-8")))
    assert sorted(rows) == sorted(read) == ["addressed", "appeal", "authority", "claimable", "cooperative", "custody", "demonstrative", "described", "encompassing", "figurable", "homebound", "hostile", "material", "placed", "popular", "topical", "verbal", "violent", "warfare"]
    assert codebook.root_class("violent") == frozenset({"18", "19", "20"})
    assert codebook.root_class("violent") <= codebook.root_class("hostile")


def test_every_derived_code_table_is_read_and_codes_are_cameo() -> None:
    rows = [row for _, row in tsv_rows(data_text("cameo_derived_codes.tsv"))]
    read: set[str] = set()
    for path in SRC.rglob("*.py"):
        read.update(re.findall(r"derived_codes\(\"([a-z]+)\"\)", path.read_text(encoding="utf-8")))
    assert {row["table"] for row in rows} == read == {"intent", "threat", "refusal"}
    for row in rows:
        assert codebook.is_cameo(row["prefix"]), row
        assert row["code"] == "" or codebook.is_cameo(row["code"]), row
    assert codebook.derived_codes("threat")["1662"[:3]] == "136"  # "will withdraw inspectors"


def test_weapon_nouns_are_mil_agents_and_no_person() -> None:
    # cue weapon_noun (review of session 36, finding 2): the weapons and vehicles agents.tsv lists as MIL agents,
    # excluded from the person a verb acts on (events.codes._person_object); the MIL people are not among them
    lex = load_lexicon()
    weapons = lex.cue("weapon_noun")
    assert {"missile", "gun", "artillery", "drone"} <= weapons
    assert all(lex.agents.get(word) == "MIL" for word in weapons), sorted(w for w in weapons if lex.agents.get(w) != "MIL")
    assert not weapons & {"commander", "colonel", "general", "soldier", "sergeant", "lieutenant"}
