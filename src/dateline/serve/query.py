"""Filters, sorting and aggregates over the events export, as parameterised SQL.

No SQL ever comes from a request: column names are chosen from fixed lists (or from the table's own
columns), and every value is a bound parameter.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import asdict, dataclass, fields
from typing import Any

from ..kb import split_code
from ..store import OUTLET_SQL, counted_sql, event_day_sql, events_sql

#: The day an event is counted on (``store.event_day_sql``, as `dateline counts` and the exports place it): its own
#: day when it is dated to a day, else the publication day. Date filters and the timeline use this same expression.
EVENT_DAY = event_day_sql("ev", "published")
#: QuadClass from the CAMEO root, the standard ranges (1 verbal cooperation 01-05, 2 material
#: cooperation 06-08, 3 verbal conflict 09-13, 4 material conflict 14-20); a stored quadclass column wins.
QUADCLASS_FROM_CAMEO = """CASE WHEN ev.cameo IS NULL THEN NULL
    WHEN left(ev.cameo, 2) <= '05' THEN 1 WHEN left(ev.cameo, 2) <= '08' THEN 2
    WHEN left(ev.cameo, 2) <= '13' THEN 3 ELSE 4 END"""
#: Largest page of JSON rows, and largest CSV/Parquet download, per request.
MAX_PAGE = 1000
MAX_DOWNLOAD = 100_000
#: Largest row offset a cursor may stand for (DuckDB's OFFSET is a 64-bit integer; no store comes near this).
MAX_OFFSET = 2**53
#: Grouping keys for stacked counts and facets (name -> SQL over ``ev``).
GROUPS = {
    "plover_event": "ev.plover_event",
    "cameo_root": "left(ev.cameo, 2)",
    "modality": "ev.modality",
    "source_country": "ev.source_country",
    "target_country": "ev.target_country",
    "outlet": "ev.outlet",
}
PERIODS = ("day", "week", "month", "year")


@dataclass
class EventFilter:
    """The filters every events, counts and page endpoint accepts (all optional, all ANDed)."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    source_country: str | None = None
    target_country: str | None = None
    country: str | None = None  # either side
    source_code: str | None = None
    target_code: str | None = None
    actor: str | None = None  # either side's code
    cameo_root: str | None = None
    cameo: str | None = None  # prefix: 04 matches 040, 042, 0431
    plover_event: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None
    modality: str | None = None
    negated: bool | None = None
    asserted: bool | None = None  # what the export counts (events.counted; store.COUNTED)
    confidence_min: float | None = None
    quadclass: int | None = None
    place: str | None = None  # a place name (substring) or its country code
    outlet: str | None = None
    q: str | None = None  # words in the sentence (substring, case-insensitive)
    article_id: str | None = None
    reviewed: bool = False  # apply reviews as the exports do (drops events marked wrong)

    def params(self) -> dict[str, str]:
        """The filters that are set, as query-string values (for links that keep the filter)."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None or (f.name == "reviewed" and not value):
                continue
            out[f.name] = ("true" if value else "false") if isinstance(value, bool) else str(value)
        return out

    def replace(self, **changes: Any) -> EventFilter:
        return EventFilter(**{**asdict(self), **changes})


def base_sql(*, reviewed: bool, has_reviews: bool) -> str:
    """The export's rows (all events, any modality) as ``ev``, plus the article's ``outlet`` and where
    the sentence starts in the body (``sentence_start``, to place the trigger in ``sentence_text``)."""
    extra = f", {OUTLET_SQL} AS outlet, s.start_char AS sentence_start"  # the outlet the exports and fusion name
    return f"({events_sql(include_all=True, reviewed=reviewed and has_reviews, ordered=False, extra=extra)}) ev"


def where_sql(flt: EventFilter, *, columns: set[str]) -> tuple[str, list[Any]]:
    """WHERE clause and parameters for ``flt``; filters on absent columns (confidence) are ignored."""
    clauses: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        clauses.append(sql)
        params.extend(values)

    if flt.date_from:
        add(f"{EVENT_DAY} >= ?", flt.date_from)
    if flt.date_to:
        add(f"{EVENT_DAY} <= ?", flt.date_to)
    for name in ("source_country", "target_country", "source_code", "target_code", "plover_event",
                 "plover_mode", "plover_context", "modality", "article_id", "outlet"):
        value = getattr(flt, name)
        if value:
            add(f"ev.{name} = ?", value)
    if flt.country:
        add("(ev.source_country = ? OR ev.target_country = ?)", flt.country, flt.country)
    if flt.actor and split_code(flt.actor)[0] is None:
        # a code with no country ("GOV", "AGR"): also the sides the coder gave a country from their
        # context (dateline.actors.countries: "the ministry" GOV in a Norwegian story is NORGOV)
        add("(ev.source_code = ? OR ev.target_code = ? OR substr(ev.source_code, 4) = ? OR substr(ev.target_code, 4) = ?)",
            flt.actor, flt.actor, flt.actor, flt.actor)
    elif flt.actor:
        add("(ev.source_code = ? OR ev.target_code = ?)", flt.actor, flt.actor)
    if flt.cameo_root:
        add("left(ev.cameo, 2) = ?", flt.cameo_root)
    if flt.cameo:
        add("starts_with(ev.cameo, ?)", flt.cameo)
    if flt.negated is not None:
        add("ev.negated = ?", flt.negated)
    if flt.asserted is not None:
        if "counted" in columns:
            add(f"{counted_sql('ev')} = ?", flt.asserted)
        else:  # a file from before confidence: counted means asserted and not negated
            add("(NOT ev.negated AND ev.modality = 'asserted') = ?", flt.asserted)
    if flt.confidence_min is not None and "confidence" in columns:
        add("ev.confidence >= ?", flt.confidence_min)
    if flt.quadclass is not None:
        add(f"{quadclass_sql(columns)} = ?", flt.quadclass)
    if flt.place:
        add("(contains(lower(ev.location_name), lower(?)) OR ev.location_country = upper(?))", flt.place, flt.place)
    if flt.q:
        add("contains(lower(ev.sentence_text), lower(?))", flt.q)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def quadclass_sql(columns: set[str]) -> str:
    return "ev.quadclass" if "quadclass" in columns else f"({QUADCLASS_FROM_CAMEO})"


def sort_sql(sort: str | None, allowed: list[str]) -> str:
    """ORDER BY for ``sort`` (a column of the export, ``-`` for descending); ValueError if unknown."""
    if not sort:
        return "ORDER BY ev.published NULLS LAST, ev.article_id, ev.idx"
    desc = sort.startswith("-")
    name = sort.lstrip("-")
    if name not in allowed:
        raise ValueError(f"sort: {name!r} is not a column; use one of {', '.join(allowed)}")
    return f'ORDER BY ev."{name}" {"DESC" if desc else "ASC"} NULLS LAST, ev.article_id, ev.idx'


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The offset an opaque cursor stands for; ValueError when it was not made here."""
    if not cursor:
        return 0
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        offset = int(data["o"])
    except (ValueError, KeyError, TypeError, OverflowError) as err:
        raise ValueError("cursor: not a cursor from this API (use next_cursor from the previous page)") from err
    if not 0 <= offset <= MAX_OFFSET:
        raise ValueError("cursor: offset out of range (use next_cursor from the previous page)")
    return offset
