"""The actor knowledge base: shipped data, dated roles, user files and the Wikidata importer."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import places
from dateline.codebook import country_codes
from dateline.kb import (KBError, Role, _code_fixes, default_kb, dotted_acronym, import_wikidata, kb_command, load_kb,
                         parse_date, read_user_actors, split_code)


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
    # CAMEO's countries, and the ISO codes dateline uses where CAMEO's differ (code_fixes.tsv: TMP -> TLS)
    known = set(country_codes()) | {"IGO", "NGO", "IMG"} | set(_code_fixes().values())
    curated = [entry for entry in default_kb().entries.values() if entry.source == "dateline-curated"]
    assert len(curated) >= 100 and sum(len(entry.roles or []) for entry in curated) >= 100
    for entry in default_kb().entries.values():
        if entry.source == "dateline-curated":
            for role in entry.roles or []:
                assert split_code(role.code)[0] in known, (entry.id, role.code)
            if entry.default:
                assert split_code(entry.default)[0] in known, (entry.id, entry.default)


@pytest.mark.parametrize(("name", "code"), [("F.B.I.", "USACOP"), ("the C.I.A.", "USASPY"), ("FBI", "USACOP")])
def test_kb_dotted_acronym_finds_the_plain_one(name: str, code: str) -> None:
    # some papers dot their acronyms ("the F.B.I. said"): the KB's "FBI" answers for it (session 56, hY)
    entry = default_kb().lookup(name)[0]
    assert entry.role_at(dt.date(2019, 1, 19)).code == code


def test_kb_dotted_acronym_key() -> None:
    assert dotted_acronym("FBI") == "f.b.i."
    assert dotted_acronym("Nato") is None  # not all capitals
    assert dotted_acronym("F") is None and dotted_acronym("ABCDEF") is None
    assert default_kb().lookup("U.N.")[0].role_at(dt.date(2019, 1, 19)).code == "IGOUNO"  # a dotted name of its own stays first


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


def test_kb_user_csv_country_by_name_and_any_header_case(tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text("Name,Country,Sector\nJane Roe,Sweden,GOV\nJohn Roe,nor,MIL\n", encoding="utf-8")
    assert [e.default for e in read_user_actors(path)] == ["SWEGOV", "NORMIL"]  # not SWEDENGOV
    path.write_text("name,country,sector\nJane Roe,Swedden,GOV\n", encoding="utf-8")
    with pytest.raises(KBError, match=r"E405.*row 1.*'Swedden'"):
        read_user_actors(path)


def test_kb_user_csv_without_a_name_column_says_so(tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text("name;code\nJane Roe;SWEGOV\n", encoding="utf-8")
    with pytest.raises(KBError, match=r"E401.*no 'name' column.*'name;code'"):
        read_user_actors(path)


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
    good = tmp_path / "good.csv"
    good.write_text("person,QID,position,country,start,end\nTest Person,Q1,Minister of Defence,Kenya,2020-01-01,\n",
                    encoding="utf-8")
    result = runner.invoke(kb_command, ["import-wikidata", str(good), "-o", str(tmp_path / "a.json")])
    # it said "1 roles -> a.json"
    assert result.exit_code == 0 and "a.json: 1 role(s) written, an actors file for --actors." in result.stderr


# -- the curated people: coverage of the offices users count events on, and consistent successions ------------------

HEAD = re.compile(r"^(Acting )?(President|Prime Minister|Premier|Chancellor|King|Queen|Emperor|Supreme Leader|"
                  r"Chairman of the Council of Ministers) of ")  # Bosnia's head of government
FOREIGN = re.compile(r"^(Acting )?(Minister (of|for) Foreign Affairs|Foreign Secretary$|Secretary of State$|Secretary of Foreign "
                     r"Affairs|Minister of External Affairs|Minister of International Relations|High Representative of the EU)")
DEFENCE = re.compile(r"^(Acting )?(Minister (of|for) (National )?Defen[cs]e|Secretary of (State for )?Defen[cs]e|"
                     r"Secretary of National Defense)")
#: The issue's countries (CAMEO code prefix of the office holder's role); the EU's offices are IGOEUREEC.
COVERED = ("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA IGOEUREEC "
           "PRK IRN ISR UKR SYR VEN SWE").split()
COVERED += "AFG TUN MLI NER SEN ZWE TZA CIV NAM BWA".split()  # kb46, Africa and the Middle East, completing first the countries that have rows but are not in COVERED (NGA IRQ AFG YEM SDN LBY TUN MAR SOM SSD MLI BFA NER TCD CMR SEN ZWE CAF QAT KWT OMN BHR PSE ERI), then the missing ones (TZA CIV AGO ZMB LBR NAM BWA MWI DJI), in that order of priority
COVERED += "GEO MDA BIH EST UZB LTU LVA SVK SVN HRV BGR ALB MKD MNE CYP LUX TJK".split()  # kb46, Europe and the former Soviet Union, completing first the countries that have rows but are not in COVERED (GEO ARM MDA BIH EST UZB), then the missing ones (LTU LVA SVK SVN HRV BGR ALB MKD MNE CYP MLT LUX ISL KGZ TJK TKM), in that order of priority
COVERED += "CHL BOL ECU MMR URY DOM KHM LAO BRN TLS MDV".split()  # kb46, the Americas and Asia-Pacific, completing first the countries that have rows but are not in COVERED (CHL PER BOL ECU NIC MMR NPL MNG), then the missing ones (URY PRY PAN HND GTM SLV DOM HTI JAM TTO KHM LAO PNG FJI BRN TLS MDV BTN), in that order of priority
COVERED += "JOR LBN ARE PAK BGD LKA THA VNM PHL MYS SGP KAZ NZL TWN".split()  # kb45c: the Middle East and Asia outside the G20
COVERED += "EGY ETH KEN COD DZA UGA RWA MOZ GHA".split()  # kb45a: Africa and Egypt
COVERED += "POL ESP NLD BEL GRC HUN SRB BLR ROU CZE AUT CHE NOR DNK FIN PRT IRL AZE COL CUB".split()  # kb45b: Europe and the Americas outside the G20
#: Offices held by many people at once, exempt from the one-holder-at-a-time check.
PLURAL = re.compile(r"^Member of |official$|^Opposition ")


def _curated_roles() -> list[tuple[str, Role]]:
    return [(e.id, r) for e in default_kb().entries.values() if e.kind == "person" and e.source == "dateline-curated"
            for r in e.roles]


def _people_rows() -> list[dict[str, str]]:
    text = files("dateline").joinpath("data", "kb", "people.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("date", [dt.date(2015, 6, 1), dt.date(2019, 1, 18), dt.date(2021, 6, 1), dt.date(2024, 6, 1)])
@pytest.mark.parametrize("country", COVERED)
def test_kb_covers_heads_foreign_and_defence_ministers(country: str, date: dt.date) -> None:
    holding = [r for _, r in _curated_roles() if r.code.startswith(country) and r.holds(date) and r.detail]
    offices = {"head": HEAD, "foreign minister": FOREIGN, "defence minister": DEFENCE}
    if country == "IGOEUREEC":  # the EU had no defence commissioner before December 2024
        del offices["defence minister"]
    for office, pattern in offices.items():
        assert any(pattern.search(r.detail or "") and split_code(r.code)[1] in ("GOV", None) for r in holding), \
            f"no {office} of {country} on {date}"


def test_kb_offices_have_one_holder_at_a_time() -> None:
    """Successions are consistent: the end of one holder is the start of the next (a shared partial
    date such as 2022-06 counts as the same boundary)."""
    by_office: dict[str, list[dict[str, str]]] = {}
    for row in _people_rows():
        if not PLURAL.search(row["role"]):
            by_office.setdefault(row["role"], []).append(row)
    assert sum(len(rows) - 1 for rows in by_office.values()) >= 10  # successions to check
    for office, rows in by_office.items():
        rows.sort(key=lambda r: parse_date(r["start"]) or dt.date.min)
        for before, after in zip(rows, rows[1:]):
            end, start = parse_date(before["end"], end=True), parse_date(after["start"])
            assert end is not None, (office, before["id"], "open role followed by", after["id"])
            same_boundary = before["end"].startswith(after["start"]) or after["start"].startswith(before["end"])
            assert end <= start or same_boundary or (end - start).days <= 1, (office, before["id"], after["id"])


def test_kb_people_rows_are_one_dated_office_each() -> None:
    names: dict[str, str] = {}
    assert len(_people_rows()) >= 100
    for row in _people_rows():
        start, end = parse_date(row["start"]), parse_date(row["end"], end=True)
        assert start is not None and (end is None or start <= end), row["id"]
        assert " then " not in row["role"], f"{row['id']}: one office per row ({row['role']})"
        assert names.setdefault(row["id"], row["name"]) == row["name"], row["id"]
        if row["code"][:3] not in ("IGO", "IMG"):  # international codes carry their agency (HRI, REF, ISI)
            assert split_code(row["code"])[1] in ("GOV", "MIL", "SPY", "LEG", "OPP", "REB"), row


@pytest.mark.parametrize(("name", "date", "code"), [
    ("Kim Yong Chol", dt.date(2014, 6, 1), "PRKSPY"), ("Kim Yong Chol", dt.date(2019, 1, 18), "PRKGOV"),
    ("Hakan Fidan", dt.date(2019, 1, 18), "TURSPY"), ("Hakan Fidan", dt.date(2024, 6, 1), "TURGOV"),
    ("Hulusi Akar", dt.date(2017, 1, 1), "TURMIL"), ("Hulusi Akar", dt.date(2020, 1, 1), "TURGOV"),
    ("Ursula von der Leyen", dt.date(2018, 1, 1), "DEUGOV"), ("Ursula von der Leyen", dt.date(2020, 1, 1), "IGOEUREEC"),
    ("Marco Rubio", dt.date(2019, 1, 18), "USALEG"), ("Marco Rubio", dt.date(2025, 6, 1), "USAGOV"),
    ("Qasem Soleimani", dt.date(2021, 1, 1), "IRN"), ("Ahmed al-Sharaa", dt.date(2019, 1, 18), "SYRREB"),
    ("Ahmed al-Sharaa", dt.date(2025, 6, 1), "SYRGOV"), ("Mark Rutte", dt.date(2025, 1, 1), "IGOWSTNAT"),
    ("Joseph Aoun", dt.date(2019, 1, 18), "LBNMIL"), ("Joseph Aoun", dt.date(2025, 6, 1), "LBNGOV"),
    ("Min Aung Hlaing", dt.date(2019, 1, 18), "MMRMIL"), ("Min Aung Hlaing", dt.date(2022, 6, 1), "MMRGOV"),
    ("Hibatullah Akhundzada", dt.date(2019, 1, 18), "AFGREB"), ("Hibatullah Akhundzada", dt.date(2022, 6, 1), "AFGGOV"),
    ("Abdel Fattah al-Burhan", dt.date(2019, 6, 1), "SDNMIL"), ("al-Burhan", dt.date(2021, 6, 1), "SDNGOV"),
    ("Riek Machar", dt.date(2018, 1, 1), "SSDREB"), ("Riek Machar", dt.date(2021, 6, 1), "SSDGOV"),
    ("Constantino Chiwenga", dt.date(2015, 6, 1), "ZWEMIL"), ("Chiwenga", dt.date(2019, 1, 18), "ZWEGOV"),
    ("Frans Timmermans", dt.date(2014, 6, 1), "NLDGOV"), ("Frans Timmermans", dt.date(2019, 1, 18), "IGOEUREEC"),
    ("Didier Reynders", dt.date(2019, 1, 18), "BELGOV"), ("Didier Reynders", dt.date(2021, 6, 1), "IGOEUREEC"),
    ("Alexander Stubb", dt.date(2015, 1, 1), "FINGOV"), ("Alexander Stubb", dt.date(2019, 1, 18), "FIN"),
    ("Alexander Stubb", dt.date(2024, 6, 1), "FINGOV"),
    ("Mahmoud Ali Youssouf", dt.date(2019, 1, 18), "DJIGOV"), ("Mahmoud Ali Youssouf", dt.date(2025, 6, 1), "IGOAFRAFU"),
    ("Joseph Boakai", dt.date(2021, 6, 1), "LBR"), ("Joseph Boakai", dt.date(2024, 6, 1), "LBRGOV"),
    ("Peter Mutharika", dt.date(2022, 6, 1), "MWI"), ("Peter Mutharika", dt.date(2019, 1, 18), "MWIGOV"),
    ("Zoran Milanovic", dt.date(2015, 6, 1), "HRVGOV"), ("Zoran Milanovic", dt.date(2017, 6, 1), "HRV"),
    ("Edgars Rinkevics", dt.date(2019, 1, 18), "LVAGOV"), ("Mariya Gabriel", dt.date(2019, 1, 18), "IGOEUREEC"),
    ("Mariya Gabriel", dt.date(2024, 1, 1), "BGRGOV"), ("Olta Xhacka", dt.date(2022, 6, 1), "ALBGOV"),
    ("Hun Sen", dt.date(2019, 1, 18), "KHMGOV"), ("Hun Sen", dt.date(2024, 6, 1), "KHMLEG"),
    ("Taur Matan Ruak", dt.date(2018, 1, 1), "TLS"), ("Taur Matan Ruak", dt.date(2019, 1, 18), "TLSGOV"),
    ("Kamla Persad-Bissessar", dt.date(2019, 1, 18), "TTO"), ("Kamla Persad-Bissessar", dt.date(2025, 6, 1), "TTOGOV"),
])
def test_kb_people_change_jobs_on_dated_rows(name: str, date: dt.date, code: str) -> None:
    assert default_kb().lookup(name)[0].role_at(date).code == code


@pytest.mark.parametrize("name", ["Margot Wallstroem", "Wallström", "Zelenskiy", "Zelensky", "Volodymyr Zelenskyy",
                                  "Erdogan", "Recep Tayyip Erdoğan", "Vasily Nebenzya", "Kim Jong-un", "Lopez Obrador"])
def test_kb_news_romanisations_find_the_person(name: str) -> None:
    assert default_kb().lookup(name)[0].kind == "person"


@pytest.mark.parametrize(("name", "code"), [
    ("Foggy Bottom", "USAGOV"), ("Downing Street", "GBRGOV"), ("the Blue House", "KORGOV"), ("Zhongnanhai", "CHNGOV"),
    ("the Elysee", "FRAGOV"), ("Capitol Hill", "USALEG"), ("Houthis", "YEMREB"), ("Ansar Allah", "YEMREB"),
    ("Hezbollah", "LBNREB"), ("the Taliban", "AFGREB"), ("al-Shabaab", "SOMREB"), ("Boko Haram", "NGAREB"),
    ("HTS", "SYRREBMUS"), ("YPG", "SYRREB"), ("PKK", "TURREB"), ("ISIS", "IMGMUSISI"), ("Hamas", "PSEREBHMS"),
    ("Wagner Group", "RUSMIL"), ("Gulf Cooperation Council", "IGOPGSGCC"), ("ECOWAS", "IGOWAFBUSWAS"),
    ("European Community", "IGOEUREEC"),
])
def test_kb_seats_and_armed_groups_resolve(name: str, code: str) -> None:
    assert default_kb().lookup(name)[0].role_at(dt.date(2019, 1, 19)).code == code


def test_kb_person_aliases_do_not_shadow_places_or_organisations() -> None:
    """A surname alias must not take over a city or group ("Austin" is a Texan city, not Lloyd Austin)."""
    kb = default_kb()
    assert sum(entry.kind == "person" and entry.source == "dateline-curated" for entry in kb.entries.values()) >= 100
    for entry in kb.entries.values():
        if entry.kind == "person" and entry.source == "dateline-curated":
            for alias in [entry.name, *entry.aliases]:
                clash = [o.id for o in kb.lookup(alias) if o.kind in ("country", "seat", "organisation")]
                assert not clash, (entry.id, alias, clash)


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [("Taliban", "2015-06-01", "AFGREB"), ("Taliban", "2022-03-01", "AFGGOV"),
     ("HTS", "2020-01-01", "SYRREBMUS"), ("HTS", "2025-01-10", "SYRGOV")],
)
def test_kb_organisation_codes_can_be_dated(name: str, day: str, code: str) -> None:
    import datetime as dt

    from dateline.kb import default_kb

    entries = [e for e in default_kb().lookup(name) if e.kind == "organisation"]
    assert entries, name
    role = entries[0].role_at(dt.date.fromisoformat(day))
    assert role is not None and role.code == code


def test_kb_country_of_names_adjectives_and_seats() -> None:
    from dateline.kb import default_kb

    kb = default_kb()
    assert kb.country_of("Sudanese") == "SDN"
    assert kb.country_of("North Korean") == "PRK"
    assert kb.country_of("Pyongyang") == "PRK"  # a seat of government names its country
    assert kb.country_of("troops") is None
    assert kb.agents["peacekeepers"][0] == "MIL" and kb.agents["negotiator"] == ("GOV", True)


def test_kb_every_cameo_state_is_a_country_by_name() -> None:
    # the dictionaries hold some states only as dated actors (Tajikistan as a Soviet republic,
    # Slovenia as Yugoslav); each CAMEO country is one by its name and its demonym too
    from dateline.codebook import country_codes
    from dateline.kb import default_kb

    kb = default_kb()
    for code in ("KGZ", "KSV", "MKD", "SVN", "TJK", "TKM", "UZB"):
        assert kb.country_of(country_codes()[code]) == code
    assert (kb.country_of("Tajik"), kb.country_of("Kosovar"), kb.country_of("North Macedonia")) == ("TJK", "KSV", "MKD")
    assert kb.country_of("Republic of Ireland") == "IRL"  # a state's official name
    assert (kb.country_of("the Vatican"), kb.country_of("Eswatini"), kb.country_of("Nepali")) == ("VAT", "SWZ", "NPL")


def test_kb_phoenix_codes_are_fixed_to_cameo_countries() -> None:
    # the dictionaries code UNITA "ANGREB"; CAMEO's Angola is AGO (code_fixes.tsv)
    unita = [e for e in default_kb().lookup("UNITA") if e.source.startswith("phoenix")][0]
    assert unita.role_at(None).code == "AGOREB"


def test_kb_nominal_heads_and_new_entries() -> None:
    kb = default_kb()
    assert kb.heads["groups"] == "group" and kb.heads["minority"] == "ethnic"
    assert kb.country_of("Montenegrin") == "MNE"
    assert kb.lookup("International Labor Office")[0].role_at(None).code.startswith("IGOUNO")


def test_kb_east_timor_is_tls_as_in_places() -> None:
    # CAMEO's TMP predates ISO's TLS; dateline uses TLS for actors as the places stage does for locations
    kb = default_kb()
    assert kb.country_of("East Timor") == kb.country_of("Timor-Leste") == kb.country_of("East Timorese") == "TLS"
    assert kb.lookup("Dili")[0].role_at(None).code == "TLSGOV"
    phoenix = kb.entries["phx:timor-leste"]
    assert {r.code[:3] for r in phoenix.roles} == {"TLS"}  # code_fixes.tsv: TMP -> TLS
    gazetteer = places.gazetteer()
    assert gazetteer.resolve("East Timor").country == gazetteer.resolve("Dili").country == "TLS"
