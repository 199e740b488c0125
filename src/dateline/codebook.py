"""CAMEO and PLOVER codebooks shipped in ``dateline/data`` (sources and licences: data/README.md).

Each table is read once per process. PLOVER names are those of PLOVER-2021 (REQUEST, ACCUSE,
ASSAULT, ...); :func:`normalise_plover` maps the older 0.5b1 names onto them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from .tables import data_text, tsv_rows

if TYPE_CHECKING:
    from .record import ActorRef

V = TypeVar("V")

__all__ = [
    "PloverCode",
    "agent_codes",
    "cameo_name",
    "cameo_to_plover",
    "country_codes",
    "derived_codes",
    "is_cameo",
    "normalise_plover",
    "plover_contexts",
    "plover_modes",
    "plover_types",
    "root_class",
]

#: PLOVER 0.5b1 event types renamed (or merged) in PLOVER-2021.
OLD_PLOVER_NAMES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


@dataclass(frozen=True)
class PloverCode:
    """The PLOVER coding of a CAMEO code: event type, and mode and context when the map gives them.

    ``context`` is kept as written in the map; a few rows name two (``"crime; corruption"``).
    """

    event: str
    mode: str | None = None
    context: str | None = None


@cache
def _root_classes() -> dict[str, frozenset[str]]:
    return {row["class"]: frozenset(row["roots"].split()) for row in _rows("cameo_root_classes.tsv")}


@cache
def derived_codes(table: str) -> dict[str, str]:
    """CAMEO prefix -> derived CAMEO code in ``data/cameo_derived_codes.tsv`` (tables ``intent``,
    ``threat``, ``refusal``); "" where the derived act is none. KeyError for an unknown table."""
    tables: dict[str, dict[str, str]] = {}
    for row in _rows("cameo_derived_codes.tsv"):
        tables.setdefault(row["table"], {})[row["prefix"]] = row["code"] or ""
    return tables[table]


def root_class(name: str) -> frozenset[str]:
    """The two-digit CAMEO roots of a class in ``data/cameo_root_classes.tsv`` (``violent``,
    ``hostile``, ``cooperative``, ``material``); KeyError for a class the table does not define."""
    return _root_classes()[name]


def _rows(name: str) -> Iterator[dict[str, str]]:
    """The rows of ``data/<name>`` as dicts."""
    for _, row in tsv_rows(data_text(name)):
        yield row


@cache
def _cameo_to_plover_table() -> dict[str, PloverCode]:
    table: dict[str, PloverCode] = {}
    for row in _rows("cameo_to_plover.tsv"):
        code = row["cameo_code"].strip()
        # The map lists root 08 twice (CONCEDE, then RETREAT): the first row wins, which matches
        # 080 "Yield" -> CONCEDE.
        if code in table:
            continue
        table[code] = PloverCode(
            event=row["plover_event"].strip(),
            mode=row["plover_mode"].strip() or None,
            context=row["plover_context"].strip() or None,
        )
    # dateline's deliberate departures from the official map, each with its reason in the file
    for row in _rows("plover_overrides.tsv"):
        table[row["cameo_code"].strip()] = PloverCode(
            event=row["plover_event"].strip(),
            mode=row["plover_mode"].strip() or None,
            context=row["plover_context"].strip() or None,
        )
    return table


@cache
def _cameo_names() -> dict[str, str]:
    return {row["code"].strip(): row["name"].strip() for row in _rows("cameo_codes.tsv")}


def cameo_to_plover(code: str) -> PloverCode | None:
    """The PLOVER coding of CAMEO ``code``, falling back to its parent (``"1951"`` -> ``"195"``).

    None when neither the code nor any parent down to the two-digit root is mapped (CAMEO 01
    statements have no PLOVER type; 02 appeals are REQUEST through ``plover_overrides.tsv``) or
    ``code`` is not a string of digits.
    """
    return by_parent_code(_cameo_to_plover_table(), code)


def by_parent_code(table: Mapping[str, V], code: str | None) -> V | None:
    """``table``'s value for CAMEO ``code``, else for its nearest parent down to the two-digit root
    (``"1951"`` -> ``"195"`` -> ``"19"``); None for a code that is not digits or has no entry."""
    code = (code or "").strip()
    if not code.isdigit():
        return None
    while len(code) >= 2:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def cameo_name(code: str) -> str | None:
    """The CAMEO 0.7b5 name of ``code`` (``"036"`` -> ``"Express intent to meet or negotiate"``)."""
    return _cameo_names().get(code.strip())


def is_cameo(code: str) -> bool:
    """Whether ``code`` is a CAMEO event code (root, secondary or tertiary) in the codebook."""
    return code.strip() in _cameo_names()


@cache
def plover_types() -> frozenset[str]:
    """The 16 PLOVER-2021 event types."""
    return frozenset(row["event"].strip() for row in _rows("plover_event_types.tsv"))


def normalise_plover(name: str) -> str | None:
    """The PLOVER-2021 name of event type ``name`` (``"DEMAND"`` -> ``"REQUEST"``), or None.

    Case and surrounding space are ignored; None means ``name`` is a PLOVER type of neither scheme.
    """
    upper = name.strip().upper()
    upper = OLD_PLOVER_NAMES.get(upper, upper)
    return upper if upper in plover_types() else None


@cache
def _plover_modes() -> dict[str, frozenset[str]]:
    modes: dict[str, set[str]] = {}
    for row in _rows("plover_modes.tsv"):
        modes.setdefault(row["event"].strip(), set()).add(row["mode"].strip())
    return {event: frozenset(names) for event, names in modes.items()}


def plover_modes() -> dict[str, frozenset[str]]:
    """The modes defined for each PLOVER event type (event -> modes); a fresh dict per call."""
    return dict(_plover_modes())


@cache
def plover_contexts() -> frozenset[str]:
    """The PLOVER context names (``"military"``, ``"economic"``, ...)."""
    return frozenset(row["context"].strip() for row in _rows("plover_contexts.tsv"))


@cache
def _country_codes() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in _rows("cameo_country_codes.tsv"):
        # Codes repeat with alias names (RUS: Russian Federation, Russia; FRA: France, Mayotte);
        # the first row holds the country's own name, so it wins.
        names.setdefault(row["code"].strip(), row["name"].strip())
    return names


def country_codes() -> dict[str, str]:
    """CAMEO country codes -> names (``"HUN"`` -> ``"Hungary"``), territories included; a fresh dict.

    Where the table repeats a code under aliases, the first name is kept (``"FRA"`` -> ``"France"``).
    """
    return dict(_country_codes())


@cache
def _region_codes() -> dict[str, str]:
    return {row["code"].strip(): row["name"].strip() for row in _rows("cameo_region_codes.tsv")}


def region_codes() -> dict[str, str]:
    """CAMEO region codes -> names (``"EUR"`` -> ``"Europe"``, ``"WST"`` -> ``"the West"``): the codes a side's
    ``country`` holds, instead of a country's, for a group of states with no organisation (docs/annotation.md
    D3a(2), D26a; ``actors.countries.region_phrase``); a fresh dict. No code is also a country's."""
    return dict(_region_codes())


def country_side(code: str) -> ActorRef:
    """The side that is a country and nothing more (a home country no words name: an appeal's or a domestic
    criticism's own government, an agentless act of authority's state, a missing target found elsewhere): its
    text is the country's name (``"KEN"`` -> ``"Kenya"``, as GDELT names a country-only actor; the code itself
    where the table has none), never an empty string or the trigger, which exports would show as its name."""
    return {"text": _country_codes().get(code, code), "code": code, "country": code, "sector": None}


@cache
def _agent_codes() -> dict[str, str]:
    return {
        row["code"].strip(): row["icews_sector_name"].strip() for row in _rows("cameo_agent_codes.tsv")
    }


def agent_codes() -> dict[str, str]:
    """CAMEO agent (sector) codes -> sector names (``"GOV"`` -> ``"Government"``); a fresh dict."""
    return dict(_agent_codes())
