"""Tests for dateline.codebook: the CAMEO/PLOVER tables shipped in dateline/data."""

from __future__ import annotations

from importlib.resources import files

import pytest

from dateline import codebook
from dateline.codebook import (
    PloverCode,
    cameo_name,
    cameo_to_plover,
    country_codes,
    is_cameo,
    normalise_plover,
    plover_types,
)

PLOVER_2021 = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip

SHIPPED = [
    "cameo_to_plover.tsv",
    "cameo_codes.tsv",
    "plover_event_types.tsv",
    "plover_modes.tsv",
    "plover_contexts.tsv",
    "cameo_country_codes.tsv",
    "cameo_region_codes.tsv",
    "cameo_agent_codes.tsv",
    "README.md",
]


@pytest.mark.parametrize("name", SHIPPED)
def test_codebook_tables_are_shipped_in_the_package(name: str) -> None:
    assert files("dateline").joinpath("data", name).is_file()


def test_codebook_gold_is_not_shipped() -> None:
    assert not files("dateline").joinpath("data", "plover_gsr_cameo_manual.jsonl").is_file()


def test_codebook_cameo_to_plover_maps_a_listed_code() -> None:
    assert cameo_to_plover("036") == PloverCode(event="AGREE", mode=None, context="diplomatic")
    assert cameo_to_plover("042") == PloverCode(event="CONSULT", mode="visit", context=None)
    assert cameo_to_plover("190") == PloverCode(event="ASSAULT", mode=None, context="military")


def test_codebook_cameo_to_plover_falls_back_to_the_parent_code() -> None:
    # 1951 and 1952 have no row in the map; their parent 195 does.
    assert cameo_to_plover("1951") == cameo_to_plover("195")
    assert cameo_to_plover("1951") == PloverCode("ASSAULT", "heavy-weapons", "military")


def test_codebook_cameo_to_plover_is_none_outside_plover() -> None:
    # PLOVER does not code CAMEO 01 statements (02 appeals are REQUEST by override); non-digit
    # input is not a code.
    for code in ("010", "01", "012", "ABC", "", "AGREE"):
        assert cameo_to_plover(code) is None, code


def test_codebook_duplicate_root_keeps_the_first_row() -> None:
    # The map lists root 08 twice, CONCEDE then RETREAT.
    assert cameo_to_plover("08") == PloverCode("CONCEDE")
    assert cameo_to_plover("084") == PloverCode("RETREAT")


def test_codebook_every_mapped_event_is_a_plover_type() -> None:
    table = codebook._cameo_to_plover_table()
    overrides = files("dateline").joinpath("data", "plover_overrides.tsv").read_text(encoding="utf-8")
    added = [line.split("\t")[0] for line in overrides.splitlines()[1:] if line.strip() and line[:2] == "02"]
    assert len(added) == 28  # 02, 020, 021-028 and their sub-codes: the override rows new to the map
    assert len(table) == 274 + len(added)  # 276 official rows, two of them repeats (08, 175)
    assert {p.event for p in table.values()} <= PLOVER_2021


def test_codebook_cameo_name_and_is_cameo() -> None:
    assert cameo_name("036") == "Express intent to meet or negotiate"
    assert cameo_name(" 01 ") == "Make public statement"
    assert cameo_name("999") is None
    assert is_cameo("0211") and is_cameo("20")
    assert not is_cameo("999") and not is_cameo("AGREE")


def test_codebook_plover_types_are_the_2021_set() -> None:
    assert plover_types() == frozenset(PLOVER_2021)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("DEMAND", "REQUEST"),
        ("DISAPPROVE", "ACCUSE"),
        ("INVESTIGATE", "ACCUSE"),
        ("FIGHT", "ASSAULT"),
        ("demand", "REQUEST"),
        (" consult ", "CONSULT"),
        ("ASSAULT", "ASSAULT"),
        ("YIELD", None),
        ("036", None),
        ("", None),
    ],
)
def test_codebook_normalise_plover_maps_old_names(name: str, expected: str | None) -> None:
    assert normalise_plover(name) == expected


def test_codebook_country_codes_keep_the_first_name() -> None:
    countries = country_codes()
    assert countries["HUN"] == "Hungary"
    assert countries["FRA"] == "France"  # later rows alias Mayotte, Saint Barthelemy
    assert countries["GBR"] == "United Kingdom"
    assert countries["USAASM"] == "American Samoa"
    assert len(countries) == 239  # 260 rows, 20 codes repeated under aliases


def test_codebook_returns_fresh_dicts() -> None:
    country_codes()["HUN"] = "changed"
    codebook.agent_codes().clear()
    assert country_codes()["HUN"] == "Hungary"
    assert codebook.agent_codes()["GOV"] == "Government"


def test_codebook_modes_and_contexts() -> None:
    assert "visit" in codebook.plover_modes()["CONSULT"]
    assert {"military", "economic", "diplomatic"} <= codebook.plover_contexts()


def test_codebook_override_maps_sanctions_to_sanction() -> None:
    # plover_overrides.tsv: sanctions reduce relations (PLOVER SANCTION), not repression (COERCE)
    mapped = cameo_to_plover("163")
    assert mapped is not None and mapped.event == "SANCTION"
    assert cameo_to_plover("1631") == mapped  # the parent's override reaches its children
    assert cameo_to_plover("172") is not None and cameo_to_plover("172").event == "COERCE"  # type: ignore[union-attr]


def test_codebook_overrides_follow_plover_definitions() -> None:
    # plover_overrides.tsv: lifting a curfew or an emergency is CONCEDE ("removing curfews" in its
    # definition); a resignation (0831) is RETREAT/resign; the rest of 08 keeps the official map
    for code in ("0813", "0814"):
        mapped = cameo_to_plover(code)
        assert mapped is not None and mapped.event == "CONCEDE"
    resign = cameo_to_plover("0831")
    assert resign is not None and (resign.event, resign.mode) == ("RETREAT", "resign")
    assert cameo_to_plover("0832") is not None and cameo_to_plover("0832").event == "CONCEDE"  # type: ignore[union-attr]
    assert cameo_to_plover("0871") is not None and cameo_to_plover("0871").event == "RETREAT"  # type: ignore[union-attr]


def test_codebook_overrides_each_give_a_reason() -> None:
    text = files("dateline").joinpath("data", "plover_overrides.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:] if line.strip()]
    assert rows and all(len(row) == 5 and row[4].strip() for row in rows)
    assert set(row[1] for row in rows) <= PLOVER_2021


def test_codebook_appeals_map_like_their_demand_twins() -> None:
    # plover_overrides.tsv: a CAMEO 02 appeal is a PLOVER REQUEST ("all requests, demands, and
    # orders") with the mode and context of its CAMEO 10 twin (0211 -> 1011, 0253 -> 1053)
    appeals = [code for code in codebook._cameo_to_plover_table() if code[:2] == "02"]
    assert len(appeals) == 28
    for code in appeals:
        assert cameo_to_plover(code) == cameo_to_plover("10" + code[2:]), code
    assert cameo_to_plover("0253") == PloverCode("REQUEST", "yield", "legal")


def test_region_codes_are_no_country_codes_and_cover_the_region_words() -> None:
    # a side's country may hold a CAMEO region code (docs/annotation.md D3a(2)); no region code is a country's
    from dateline.codebook import country_codes, region_codes
    from dateline.lang import en

    regions = region_codes()
    assert regions["EUR"] == "Europe" and not set(regions) & set(country_codes())
    assert set(en.REGION_WORDS.values()) <= set(regions)
