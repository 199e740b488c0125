"""The actor knowledge base: shipped data, dated roles, user files and the Wikidata importer."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.codebook import country_codes
from dateline.kb import KBError, default_kb, import_wikidata, kb_command, load_kb, parse_date, read_user_actors, split_code


def test_kb_role_holds_only_inside_its_dates() -> None:
    trump = default_kb().lookup("Donald Trump")[0]
    assert trump.role_at(dt.date(2019, 1, 18)).code == "USAGOV"
    assert trump.role_at(dt.date(2015, 6, 1)).code == "USA"  # before office: the country only
    assert trump.role_at(dt.date(2022, 6, 1)).code == "USA"
    assert trump.role_at(dt.date(2025, 3, 1)).code == "USAGOV"


def test_kb_pompeo_moves_from_cia_to_state() -> None:
    pompeo = default_kb().lookup("Michael R. Pompeo")[0]
    assert pompeo.role_at(dt.date(2017, 6, 1)).code == "USASPY"
    assert pompeo.role_at(dt.date(2019, 1, 19)).code == "USAGOV"


@pytest.mark.parametrize(("name", "code"), [("Pyongyang", "PRKGOV"), ("the White House", "USAGOV"), ("the Kremlin", "RUSGOV"),
                                            ("Swedish", "SWE"), ("the DPRK", "PRK"), ("NATO", "IGOWSTNAT"), ("U.N.", "IGOUNO")])
def test_kb_names_resolve(name: str, code: str) -> None:
    entry = default_kb().lookup(name)[0]
    assert entry.role_at(dt.date(2019, 1, 19)).code == code


def test_kb_curated_codes_use_known_countries() -> None:
    known = set(country_codes()) | {"IGO", "NGO", "IMG"}
    for entry in default_kb().entries.values():
        if entry.source == "dateline-curated":
            for role in entry.roles or []:
                assert split_code(role.code)[0] in known, (entry.id, role.code)
            if entry.default:
                assert split_code(entry.default)[0] in known, (entry.id, entry.default)


def test_kb_split_code() -> None:
    assert split_code("USAGOV") == ("USA", "GOV")
    assert split_code("IGOUNOIAE") == ("IGO", None)
    assert split_code("PRK") == ("PRK", None)
    assert split_code("MED") == (None, "MED")


def test_kb_partial_dates_widen() -> None:
    assert parse_date("2016") == dt.date(2016, 1, 1)
    assert parse_date("2016-02", end=True) == dt.date(2016, 2, 29)
    with pytest.raises(KBError, match="E403"):
        parse_date("19 Jan 2019")


def test_kb_user_csv_overrides_and_adds(tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text("name,aliases,code,country,sector,start,end,source\n"
                    "Jane Roe,Roe,,SWE,GOV,2020-01-01,2022-12-31,my notes\n"
                    "Donald Trump,,USABUS,,,,,test override\n", encoding="utf-8")
    kb = load_kb(str(path))
    roe = kb.lookup("Roe")[0]
    assert roe.role_at(dt.date(2021, 5, 1)).code == "SWEGOV"
    assert roe.role_at(dt.date(2023, 5, 1)).code == "SWE"
    assert kb.lookup("Donald Trump")[0].role_at(dt.date(2019, 1, 1)).code == "USABUS"
    assert default_kb().lookup("Donald Trump")[0].role_at(dt.date(2019, 1, 1)).code == "USAGOV"


def test_kb_user_json_needs_a_code(tmp_path: Path) -> None:
    path = tmp_path / "actors.json"
    path.write_text(json.dumps([{"name": "Nobody"}]), encoding="utf-8")
    with pytest.raises(KBError, match="E402"):
        read_user_actors(path)


def test_kb_import_wikidata(tmp_path: Path) -> None:
    path = tmp_path / "positions.csv"
    path.write_text("person,QID,position,country,start,end\n"
                    "Test Person,Q1,Minister of Foreign Affairs,Sweden,2014-10-03T00:00:00Z,2019-09-10T00:00:00Z\n"
                    "Other Person,Q2,Chief of the General Staff,KOR,2020-01-01,\n", encoding="utf-8")
    rows = import_wikidata(path)
    assert [r["code"] for r in rows] == ["SWEGOV", "KORMIL"]
    assert rows[0]["start"] == "2014-10-03" and rows[0]["source"].startswith("wikidata:Q1")
    out = tmp_path / "actors.json"
    out.write_text(json.dumps(rows), encoding="utf-8")
    assert read_user_actors(out)[0].role_at(dt.date(2015, 1, 1)).code == "SWEGOV"


def test_kb_command_search_and_import(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(kb_command, ["search", "Pompeo", "--date", "2019-01-19"])
    assert result.exit_code == 0 and "USAGOV" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text("person,position\nX,Y\n", encoding="utf-8")
    result = runner.invoke(kb_command, ["import-wikidata", str(bad)])
    assert result.exit_code == 1 and "E404" in result.output
