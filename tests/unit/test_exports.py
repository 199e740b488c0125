"""The standard exports against their published column lists, loaded as GDELT/ICEWS/POLECAT users load them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.store import Store
from test_store import make_record

# GDELT 2.0 Event Codebook (V2.0, 2015), "Event table": 61 fields, tab-delimited, no header row.
GDELT_SPEC = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]
# GDELT 2.0 Event Codebook, "Mentions table": 16 fields, tab-delimited, no header row.
GDELT_MENTIONS_SPEC = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]
# ICEWS Coded Event Data (Harvard Dataverse doi:10.7910/DVN/28075): the 20 columns of its yearly .tab files.
ICEWS_SPEC = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
]
# POLECAT (Harvard Dataverse, PLOVER-coded): the header row of its weekly/yearly files, 40 columns.
POLECAT_SPEC = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts", "Actor Name",
    "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw",
    "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type",
    "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version",
]
# What a GDELT user passes to keep codes as codes ("040", not 40) and ids as integers.
GDELT_DTYPES = {"GLOBALEVENTID": "int64", "SQLDATE": "int64", "MonthYear": "int64", "Year": "int64",
                "EventCode": str, "EventBaseCode": str, "EventRootCode": str, "QuadClass": "int64",
                "GoldsteinScale": "float64", "NumMentions": "int64", "NumSources": "int64", "NumArticles": "int64",
                "Actor1Code": str, "Actor2Code": str, "Actor1CountryCode": str, "Actor2CountryCode": str,
                "ActionGeo_Type": "int64", "DATEADDED": "int64", "SOURCEURL": str}


def record(article_id: str, outlet: str, published: str) -> dict[str, Any]:
    rec = make_record(article_id, source=f"{outlet}.jsonl")
    rec["article"]["metadata"] = {"outlet": outlet}
    rec["article"]["published"] = published
    rec["article"]["url"] = f"https://{outlet}.example/{article_id}"
    rec["events"][0]["target"] = {"text": "Iceland", "code": "ISLGOV", "country": "ISL", "sector": "GOV"}
    return rec


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "x.duckdb")
    with Store(path) as store:
        # three outlets report the same meeting on 2025-03-13; a fourth article, two days later, another one
        store.write([record("a" * 16, "one", "2025-03-14"), record("b" * 16, "two", "2025-03-14")])
        store.write([record("c" * 16, "three", "2025-03-15")])
        later = record("d" * 16, "one", "2025-03-16")
        later["events"][0]["date"] = {"value": "2025-03-15", "granularity": "day", "source": "text"}
        store.write([later])
    return path


def export(db: str, fmt: str, out: Path, *extra: str) -> Path:
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", fmt, "--out", str(out), *extra],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def test_exports_gdelt_events_load_with_gdelt_columns(db: str, tmp_path: Path) -> None:
    path = export(db, "gdelt", tmp_path / "e.tsv")
    assert all(line.count("\t") == len(GDELT_SPEC) - 1 for line in path.read_text().splitlines())
    frame = pd.read_csv(path, sep="\t", header=None, names=GDELT_SPEC, dtype=GDELT_DTYPES)
    assert len(frame) == 2
    first = frame.sort_values("SQLDATE").iloc[0]
    assert first["SQLDATE"] == 20250313 and first["MonthYear"] == 202503 and first["Year"] == 2025
    assert first["EventCode"] == "040" and first["EventRootCode"] == "04" and first["QuadClass"] == 1
    assert first["GoldsteinScale"] == 1.0
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == (3, 3, 3)
    assert first["Actor1Code"] == "NORGOV" and first["Actor1CountryCode"] == "NOR"
    assert first["Actor2Code"] == "ISLGOV" and first["Actor2CountryCode"] == "ISL"
    assert first["ActionGeo_FullName"] == "Oslo" and first["ActionGeo_CountryCode"] == "NO"  # FIPS, as GDELT
    assert first["ActionGeo_Type"] == 4 and pd.isna(first["AvgTone"])
    assert first["SOURCEURL"].startswith("https://")


def test_exports_gdelt_mentions_table(db: str, tmp_path: Path) -> None:
    path = export(db, "gdelt", tmp_path / "m.tsv", "--mentions")
    frame = pd.read_csv(path, sep="\t", header=None, names=GDELT_MENTIONS_SPEC,
                        dtype={"GLOBALEVENTID": "int64", "MentionSourceName": str, "SentenceID": "int64"})
    assert len(frame) == 4 and frame["GLOBALEVENTID"].nunique() == 2
    assert sorted(frame["MentionSourceName"]) == ["one", "one", "three", "two"]
    events = pd.read_csv(export(db, "gdelt", tmp_path / "e.tsv"), sep="\t", header=None, names=GDELT_SPEC,
                         dtype=GDELT_DTYPES)
    assert set(frame["GLOBALEVENTID"]) == set(events["GLOBALEVENTID"])


def test_exports_icews_header_and_dtypes(db: str, tmp_path: Path) -> None:
    path = export(db, "icews", tmp_path / "i.tsv")
    frame = pd.read_csv(path, sep="\t", dtype={"CAMEO Code": object}, parse_dates=["Event Date"])
    assert list(frame.columns) == ICEWS_SPEC
    assert frame["Event ID"].dtype == "int64" and frame["Story ID"].dtype == "int64"
    assert frame["Intensity"].dtype == "float64" and set(frame["CAMEO Code"]) == {"040"}
    row = frame.sort_values("Event Date").iloc[0]
    assert row["Event Date"] == pd.Timestamp("2025-03-13") and row["Event Text"] == "Consult"
    assert row["Source Country"] == "Norway" and row["Source Sectors"] == "Government"
    assert row["Target Country"] == "Iceland" and row["City"] == "Oslo" and row["Country"] == "Norway"


def test_exports_polecat_header(db: str, tmp_path: Path) -> None:
    path = export(db, "polecat", tmp_path / "p.tsv", "--mentions")
    frame = pd.read_csv(path, sep="\t", dtype=str)
    assert list(frame.columns) == POLECAT_SPEC and len(frame) == 4
    assert set(frame["Event Type"]) == {"CONSULT"} and set(frame["Quad Code"]) == {"VERBAL COOPERATION"}
    assert set(frame["Actor COW"]) == {"385"} and set(frame["Recipient Country"]) == {"ISL"}


def test_exports_plover_json_links_mentions(db: str, tmp_path: Path) -> None:
    path = export(db, "plover-json", tmp_path / "p.jsonl")
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    assert sorted(r["n_outlets"] for r in rows) == [1, 3]
    big = max(rows, key=lambda r: r["n_mentions"])
    assert big["event"] == "CONSULT" and big["actor"]["code"] == "NORGOV" and len(big["mentions"]) == 3
    assert big["recipient"]["country"] == "ISL" and big["date"] == "2025-03-13"


def test_exports_one_a_day(db: str, tmp_path: Path) -> None:
    path = export(db, "icews", tmp_path / "d.tsv", "--one-a-day")
    frame = pd.read_csv(path, sep="\t", dtype={"CAMEO Code": object})
    assert len(frame) == 2  # one per day, source, target and code


def test_counts_by_dyad_month_on_fused_events(db: str) -> None:
    result = CliRunner().invoke(cli, ["counts", "--db", db, "--by", "dyad,month", "--type", "quadclass"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "source_country,target_country,month,quad_class,events,mentions", "NOR,ISL,2025-03,1,2,4"]
    mentions = CliRunner().invoke(cli, ["counts", "--db", db, "--by", "day", "--type", "plover", "--mentions"])
    assert mentions.output.splitlines()[1:] == ["2025-03-13,CONSULT,3,3", "2025-03-15,CONSULT,1,1"]
    bad = CliRunner().invoke(cli, ["counts", "--db", db, "--by", "galaxy"])
    assert bad.exit_code == 2 and "galaxy" in bad.output


def test_a_region_code_is_kept_where_the_format_has_cameo_codes_and_left_out_where_it_has_states() -> None:
    # a target "European leaders" has country EUR (docs/annotation.md D3a(2)): GDELT's CAMEO country codes and
    # PLOVER JSON keep it; ICEWS's country name and POLECAT's ISO country and COW code name states, so are empty
    from dateline.exports import _country_name, _polecat_side

    row = {"target_text": "European leaders", "target_country": "EUR", "target_sector": "GOV",
           "source_text": "Kenya", "source_country": "KEN", "source_sector": None}
    assert _country_name("EUR") is None and _country_name("KEN") == "Kenya"
    assert _polecat_side(row, "target")[:3] == ["European leaders", None, None]
    assert _polecat_side(row, "source")[1] == "KEN"


def test_exports_say_how_many_rows_have_no_date(tmp_path: Path) -> None:
    # an article with no publication date and an event with no day: GDELT's SQLDATE stays empty, and the
    # command says how many rows are so and how to date them (a GDELT user's int64 SQLDATE would not load)
    path = str(tmp_path / "u.duckdb")
    undated = record("e" * 16, "one", "2025-03-14")
    undated["article"]["published"] = None
    undated["events"][0]["date"] = None
    with Store(path) as store:
        store.write([record("a" * 16, "one", "2025-03-14"), undated])
    result = CliRunner().invoke(cli, ["export", "--db", path, "--format", "gdelt", "--out", str(tmp_path / "g.tsv")])
    assert result.exit_code == 0, result.output
    assert "g.tsv: 2 row(s)" in result.output and "1 of them have no date" in result.output
    assert "--published" in result.output
    frame = pd.read_csv(tmp_path / "g.tsv", sep="\t", header=None, names=GDELT_SPEC, dtype=str)
    assert frame["SQLDATE"].isna().sum() == 1
    dated = CliRunner().invoke(cli, ["export", "--db", path, "--format", "icews", "--out", str(tmp_path / "i.tsv"),
                                     "--mentions"])
    assert "have no date" in dated.output


def test_exports_integer_ids_of_suffixed_mentions_differ(tmp_path: Path) -> None:
    # two mentions that agree on trigger, code and sides get ids "X" and "X-2" (dateline/ids.py); the ICEWS rows of
    # --mentions took the integer of the first 15 hex digits of each, so both had one Event ID (walk47)
    path = str(tmp_path / "twins.duckdb")
    twins = record("f" * 16, "one", "2025-03-14")
    twins["events"].append(dict(twins["events"][0]))
    with Store(path) as store:
        store.write([twins])
        ids = [r[0] for r in store.con.execute("SELECT id FROM events ORDER BY id").fetchall()]
    assert len(ids) == 2 and ids[1] == ids[0] + "-2"
    frame = pd.read_csv(export(path, "icews", tmp_path / "i.tsv", "--mentions"), sep="\t",
                        dtype={"CAMEO Code": object})
    assert len(frame) == 2 and frame["Event ID"].nunique() == 2 and frame["Event ID"].dtype == "int64"
    assert frame["Event ID"].max() < 2 ** 63


#: The files the loading calls of docs/output.md name, and the command that writes each.
DOC_FILES = {
    "events.csv": ["events", "--format", "csv"], "events.jsonl": ["events", "--format", "jsonl"],
    "events.gdelt.tsv": ["export", "--format", "gdelt"], "mentions.gdelt.tsv": ["export", "--format", "gdelt", "--mentions"],
    "events.icews.tsv": ["export", "--format", "icews"], "events.polecat.tsv": ["export", "--format", "polecat"],
    "events.plover.jsonl": ["export", "--format", "plover-json"],
}


def test_docs_pandas_calls_keep_codes_as_codes(db: str, tmp_path: Path) -> None:
    # docs/output.md told JSON Lines users `pandas.read_json("events.jsonl", lines=True)`, which reads the CAMEO code
    # "040" as the number 40 (walk47): each loading call the docs give, run on the file it names, keeps the codes
    import re

    from dateline import exports

    doc = (Path(__file__).resolve().parents[2] / "docs" / "output.md").read_text(encoding="utf-8")
    calls = re.findall(r'`(pandas\.read_(?:csv|json)\("([^"]+)"[^`]*\))`', doc)
    assert {name for _, name in calls} == set(DOC_FILES)
    for call, name in calls:
        out = tmp_path / name
        result = CliRunner().invoke(cli, [*DOC_FILES[name], "--db", db, "--out", str(out)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        frame = eval(call.replace(f'"{name}"', repr(str(out))),  # noqa: S307 - the docs' own call
                     {"pandas": pd, "str": str, "GDELT_EVENT_COLUMNS": list(exports.GDELT_EVENT_COLUMNS),
                      "GDELT_MENTION_COLUMNS": list(exports.GDELT_MENTION_COLUMNS)})
        assert len(frame) > 0, call
        for column in ("cameo", "EventCode", "CAMEO Code", "EventBaseCode", "EventRootCode"):
            if column in frame:
                assert all(isinstance(v, str) and v.startswith("04") for v in frame[column]), (call, column)
        for column in ("Actor COW", "Recipient COW"):
            if column in frame:
                assert all(isinstance(v, str) for v in frame[column]), (call, column)


def test_exports_gdelt_mentions_event_time_is_the_events_dateadded(db: str, tmp_path: Path) -> None:
    # GDELT's EventTimeDate is the DATEADDED of the mentioned event; each mention had its own article's ingest time,
    # so a mention ingested a day later disagreed with its event's row (walk47)
    import duckdb

    con = duckdb.connect(db)
    con.execute("UPDATE articles SET ingested_at = TIMESTAMP '2099-03-20 08:00:00' WHERE id = ?", ["c" * 16])
    con.close()
    mentions = pd.read_csv(export(db, "gdelt", tmp_path / "m.tsv", "--mentions"), sep="\t", header=None,
                           names=GDELT_MENTIONS_SPEC, dtype={"GLOBALEVENTID": "int64", "EventTimeDate": "int64"})
    events = pd.read_csv(export(db, "gdelt", tmp_path / "e.tsv"), sep="\t", header=None, names=GDELT_SPEC,
                         dtype=GDELT_DTYPES)
    added = dict(zip(events["GLOBALEVENTID"], events["DATEADDED"]))
    assert mentions.groupby("GLOBALEVENTID")["EventTimeDate"].nunique().max() == 1
    assert all(added[e] == t for e, t in zip(mentions["GLOBALEVENTID"], mentions["EventTimeDate"]))
    assert 20990320080000 not in set(mentions["EventTimeDate"])
