"""The actor knowledge base: who is who, with dated roles, shipped as data in ``dateline/data/kb``.

Sources, in rising priority (a later source wins a name that two share): the Phoenix dictionaries
converted by ``tools/kb_build.py`` (MIT), then dateline's curated countries, seats of government,
organisations and people (``source: dateline-curated``), then a user's own file (``--actors``).
See ``data/kb/README.md`` for the formats and licences.

- :func:`default_kb` loads the shipped KB once per process; :func:`load_kb` adds a user file.
- :meth:`KnowledgeBase.lookup` finds entries by name; :meth:`Entry.role_at` gives the role held on a date.
- :func:`read_user_actors` reads the user's CSV/JSON; :func:`import_wikidata` converts a Wikidata
  "position held" export into that format.
- :data:`kb_command` is the ``dateline kb`` click group (list, search, show, import-wikidata).
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import click

from . import tables
from .datacache import cached, module_source
from .errors import DatelineError
from .tables import data_text, tsv_rows

#: Three-letter agent (sector) codes; a code's first chunk that is one of these has no country.
SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY IGO MED EDU BUS CRM CVL ELI HLH HRI LAB LEG NGO NGM REF REL UAF "
    "AGR ENV MOD RAD SEP UNO DEV RES INS JEW MUS CHR".split()
)
#: CAMEO's four transnational first chunks (intergovernmental, international militarized group, NGO,
#: multinational): the ``trans`` kind of a side and the ``_transnational`` feature of the learned sides and
#: confidence models (their weights were fitted on these four).
CAMEO_TRANSNATIONAL = frozenset({"IGO", "IMG", "NGO", "MNC"})
#: First chunks that stand where a country would: international and transnational actors (CAMEO's four,
#: and the non-governmental movement and the unidentified armed forces).
TRANSNATIONAL = CAMEO_TRANSNATIONAL | {"NGM", "UAF"}
#: Entry kinds that name a country itself: the country and its seat of government ("Sudan", "Sudanese",
#: "Khartoum" -> SDN), as opposed to an organisation, person or actor of it.
COUNTRY_KINDS = frozenset({"country", "seat"})
#: Sectors, as opposed to organisation codes such as UNO or EUR, for the ``sector`` field.
AGENT_SECTORS = SECTORS - {"IGO", "NGO", "UNO", "MUS", "CHR", "JEW"}


class KBError(DatelineError, ValueError):
    """An actors file or knowledge-base query that cannot be used (codes E4xx)."""


USER_COLUMNS = ("name", "aliases", "code", "country", "sector", "start", "end", "source")
WIKIDATA_COLUMNS = ("person", "qid", "position", "country", "start", "end")


def normalise(text: str) -> str:
    """The lookup key of a name: lower case, no accents, straight apostrophes, single blanks, no
    leading "the" ("Côte d'Ivoire" finds the dictionaries' "COTE D'IVOIRE").

    Called for every candidate name of every article (the actors stage tries each capitalised word
    with up to seven words after it), so written with string methods, not regular expressions: the
    same key as ``re.sub(r"\\s+", " ", ...).strip()``, ``re.sub(r"^the ", "", ...)`` and
    ``re.sub(r"\\s*'s$", "", ...)`` (``str.split`` and ``\\s`` split on the same characters)."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        text = text.replace("’", "'").replace("‘", "'")
    text = " ".join(text.replace("_", " ").lower().split())
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2].rstrip(" ")
    return text


def dotted_acronym(alias: str) -> str | None:
    """The lookup key of an acronym's dotted spelling ("FBI" -> "f.b.i."), the style of some papers ("the
    F.B.I.", "the C.I.A."): an alias of two to five capital letters, else None."""
    if 2 <= len(alias) <= 5 and alias.isascii() and alias.isalpha() and alias.isupper():
        return "".join(f"{c}." for c in alias.lower())
    return None


def parse_date(text: str | None, *, end: bool = False, where: str = "") -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a Wikidata ``...T00:00:00Z`` is cut); partial
    dates widen to the first (start) or last (end) day of their period."""
    if text is None or not str(text).strip():
        return None
    value = str(text).strip()[:10]
    try:
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 12, 31) if end else dt.date(int(value), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = int(value[:4]), int(value[5:])
            return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise KBError("E403", value=text, where=where or "the knowledge base") from err


@lru_cache(maxsize=1 << 16)
def split_code(code: str | None) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO actor code: ``USAGOV`` -> (USA, GOV), ``IGOUNOIAE`` -> (IGO, None),
    ``MED`` -> (None, MED), ``PRK`` -> (PRK, None). Remembered per code (the actor stages ask about the same
    few hundred codes about 700 times per article)."""
    if not code:
        return None, None
    head = code[:3]
    if head in SECTORS and head not in TRANSNATIONAL:
        return None, head
    chunks = [code[i:i + 3] for i in range(3, len(code), 3)]
    sector = next((c for c in chunks if c in AGENT_SECTORS), None)
    return head, sector


@dataclass(frozen=True)
class Role:
    """A code held from ``start`` to ``end`` (inclusive; None = open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    detail: str | None = None

    def holds(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None, "detail": self.detail}


@dataclass
class Entry:
    """One actor of the KB. ``kind``: country, seat, organisation, person or actor (Phoenix, unsorted).

    ``default`` is the code outside every dated role (Phoenix's undated code, or a person's country).
    """

    id: str
    name: str
    kind: str
    source: str
    aliases: list[str] = field(default_factory=list)
    default: str | None = None
    roles: list[Role] = field(default_factory=list)
    qid: str | None = None

    def role_at(self, date: dt.date | None) -> Role | None:
        """The role held on ``date``: the narrowest that holds; with no date, the latest-starting one.

        Returns a dateless Role for ``default`` when no dated role holds, or None when there is none.
        """
        if date is None:
            dated = sorted(self.roles, key=lambda r: r.start or dt.date.min)
            if dated:
                return dated[-1]
        else:
            holding = [r for r in self.roles if r.holds(date)]
            if holding:
                return min(holding, key=lambda r: ((r.end or dt.date.max) - (r.start or dt.date.min)).days)
        return Role(self.default) if self.default else None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "source": self.source, "qid": self.qid,
                "aliases": self.aliases, "default": self.default, "roles": [r.to_dict() for r in self.roles]}


@dataclass
class KnowledgeBase:
    """Entries by id, a name index, and the role nouns that signal sectors."""

    snapshot: str
    entries: dict[str, Entry] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)
    agents: dict[str, tuple[str, bool]] = field(default_factory=dict)
    #: nouns that head a nominal actor named by its modifiers: word -> "group" | "ethnic"
    heads: dict[str, str] = field(default_factory=dict)
    user_file: str | None = None
    #: last name -> {country: people} (:meth:`surname_index`), built with the shipped KB, else on first use
    _surnames: dict[str, dict[str | None, int]] | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> str:
        """Identifies this KB (snapshot + user file) in the registry used by ``actors.resolve_as_of``."""
        return f"{self.snapshot}|{self.user_file or ''}"

    def add(self, entry: Entry) -> None:
        """Add (or replace) an entry; its names now point to it first."""
        self.entries[entry.id] = entry
        self._surnames = None  # rebuilt on the next surname_country
        for alias in dict.fromkeys([entry.name, *entry.aliases]):
            key = normalise(alias)
            if not key:
                continue
            ids = self.names.setdefault(key, [])
            if entry.id in ids:
                ids.remove(entry.id)
            ids.insert(0, entry.id)
            dotted = dotted_acronym(alias)
            if dotted:  # as the plain acronym's key, but after any entry that names the dotted form itself
                ids = self.names.setdefault(dotted, [])
                if entry.id in ids:
                    ids.remove(entry.id)
                own = 0
                while own < len(ids) and any(normalise(a) == dotted for a in (self.entries[ids[own]].name,
                                                                             *self.entries[ids[own]].aliases)):
                    own += 1
                ids.insert(own, entry.id)

    def lookup(self, name: str) -> list[Entry]:
        """Entries named ``name`` (any alias, case-insensitive), the highest-priority source first."""
        return [self.entries[i] for i in self.names.get(normalise(name), [])]

    def country_of(self, text: str) -> str | None:
        """The CAMEO country named by ``text`` as a country name, short form, adjective or seat
        ("Sudanese", "North Korea", "Pyongyang" -> SDN, PRK, PRK), else None."""
        for entry_id in self.names.get(normalise(text), []):
            entry = self.entries[entry_id]
            if entry.kind in COUNTRY_KINDS and entry.default:
                return entry.default[:3]
        return None

    def surname_country(self, surname: str) -> str | None:
        """The country of the people the KB knows by the last name ``surname`` ("Bush" -> USA), when
        two thirds of them share it (and two at least, unless there is one only); else None ("Kim", "Smith")."""
        if self._surnames is None:
            self._surnames = self.surname_index()
        tally = self._surnames.get(normalise(surname), {})
        if not tally:
            return None
        country, count = max(tally.items(), key=lambda kv: kv[1])
        total = sum(tally.values())
        return country if country and (count >= 2 or total == 1) and count * 3 >= total * 2 else None

    def surname_index(self) -> dict[str, dict[str | None, int]]:
        """Last name -> {country: people} over the KB's people (built once: in the cached KB for the
        shipped one, so that no process, worker or run pays for it again)."""
        index: dict[str, dict[str | None, int]] = {}
        for entry in self.entries.values():
            words = entry.name.split()
            if entry.kind not in ("person", "actor", "user") or len(words) < 2:
                continue
            codes = [entry.default, *(r.code for r in entry.roles)]
            countries = {split_code(c)[0] for c in codes if c} - TRANSNATIONAL
            tally = index.setdefault(normalise(words[-1]), {})
            for country in countries or {None}:
                tally[country] = tally.get(country, 0) + 1
        return index

    def search(self, query: str, *, limit: int = 20) -> list[Entry]:
        """Entries whose name or an alias contains ``query``: exact names first."""
        key = normalise(query)
        exact = self.lookup(query)
        seen = {e.id for e in exact}
        found = list(exact)
        for name, ids in self.names.items():
            if len(found) >= limit:
                break
            if key in name:
                for i in ids:
                    if i not in seen:
                        seen.add(i)
                        found.append(self.entries[i])
        return found[:limit]


def _data(name: str) -> str:
    return data_text("kb", name)


def _tsv(name: str) -> Iterator[dict[str, str]]:
    for _, row in tsv_rows(_data(name)):
        yield row


def _split(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in re.split(r"[|;]", value) if v.strip()]


@cache
def manifest() -> dict[str, Any]:
    """``data/kb/manifest.json``: the snapshot id and the files it is built from."""
    data: dict[str, Any] = json.loads(_data("manifest.json"))
    return data


def _code_fixes() -> dict[str, str]:
    """Phoenix country codes that are not CAMEO's -> CAMEO's (``code_fixes.tsv``)."""
    return {row["old"]: row["new"] for row in _tsv("code_fixes.tsv")}


def _fixed(code: str | None, fixes: dict[str, str]) -> str | None:
    if code and code[:3] in fixes:
        return fixes[code[:3]] + code[3:]
    return code


def _load_phoenix(kb: KnowledgeBase) -> None:
    fixes = _code_fixes()
    for line in _data("phoenix_actors.jsonl").splitlines():
        rec = json.loads(line)
        roles = [Role(_fixed(r["code"], fixes) or r["code"], parse_date(r["start"]), parse_date(r["end"], end=True))
                 for r in rec["roles"]]
        kb.add(Entry(rec["id"], rec["name"].title(), rec["kind"], rec["source"], aliases=rec["aliases"],
                     default=_fixed(rec["default"], fixes), roles=roles))


def _load_countries(kb: KnowledgeBase) -> None:
    for row in _tsv("countries.tsv"):
        code = row["code"]
        kb.add(Entry(f"country:{code}", row["name"], "country", "dateline-curated",
                     aliases=_split(row["aliases"]) + _split(row["adjectives"]), default=code))
        for seat in _split(row["seats"]):
            name, _, sector = seat.partition("=")
            kb.add(Entry(f"seat:{code}:{normalise(name).replace(' ', '-')}", name, "seat", "dateline-curated",
                         default=code + (sector or "GOV")))


def _load_curated(kb: KnowledgeBase) -> None:
    orgs: dict[str, Entry] = {}
    for row in _tsv("organisations.tsv"):
        # Rows sharing an id are one organisation; a row with start/end dates is a dated code (the
        # Taliban are AFGREB, and AFGGOV from 2021-08-15); the undated row is the code otherwise.
        where = f"data/kb/organisations.tsv ({row['id']})"
        start, end = row.get("start") or "", row.get("end") or ""
        entry = orgs.get(row["id"])
        if entry is None:
            entry = orgs[row["id"]] = Entry(f"org:{row['id']}", row["name"], "organisation", "dateline-curated")
        entry.aliases.extend(a for a in _split(row["aliases"]) if a not in entry.aliases)
        if start or end:
            entry.roles.append(Role(row["code"], parse_date(start, where=where), parse_date(end, end=True, where=where),
                                    row.get("role") or None))
        else:
            entry.default = row["code"]
    for entry in orgs.values():
        kb.add(entry)
    people: dict[str, Entry] = {}
    for row in _tsv("people.tsv"):
        where = f"data/kb/people.tsv ({row['id']})"
        role = Role(row["code"], parse_date(row["start"], where=where), parse_date(row["end"], end=True, where=where),
                    row["role"] or None)
        entry = people.get(row["id"])
        if entry is None:
            country, _ = split_code(row["code"])
            entry = people[row["id"]] = Entry(f"person:{row['id']}", row["name"], "person", "dateline-curated",
                                              default=country if country not in TRANSNATIONAL else None,
                                              qid=row["qid"] or None)
        entry.aliases.extend(a for a in _split(row["aliases"]) if a not in entry.aliases)
        entry.roles.append(role)
    for entry in people.values():
        kb.add(entry)


def _load_agents(kb: KnowledgeBase) -> None:
    for row in _tsv("phoenix_agents.tsv"):
        kb.agents[row["phrase"]] = (row["code"], False)
    for row in _tsv("agents_curated.tsv"):
        kb.agents[row["phrase"]] = (row["code"], row["weak"] == "weak")
    for row in _tsv("nominal_heads.tsv"):
        kb.heads[row["word"]] = row["kind"]


#: The files of ``data/kb`` the shipped KB is built from.
KB_FILES = ("manifest.json", "code_fixes.tsv", "phoenix_actors.jsonl", "countries.tsv", "organisations.tsv",
            "people.tsv", "phoenix_agents.tsv", "agents_curated.tsv", "nominal_heads.tsv")


@cache
def default_kb() -> KnowledgeBase:
    """The shipped KB, loaded once per process: from the user cache when built before (see :mod:`dateline.datacache`)."""
    parts: list[str | bytes] = [module_source(__file__), module_source(tables.__file__), *map(_data, KB_FILES)]
    return cached("kb", parts, build_default_kb)


def build_default_kb() -> KnowledgeBase:
    """The shipped KB, built from ``data/kb``."""
    kb = KnowledgeBase(snapshot=manifest()["snapshot"])
    _load_phoenix(kb)
    _load_countries(kb)
    _load_curated(kb)
    _load_agents(kb)
    kb._surnames = kb.surname_index()  # pickled with the KB: read from the cache, never rebuilt
    return kb


@cache
def load_kb(user_file: str | None = None) -> KnowledgeBase:
    """The shipped KB plus the actors of ``user_file`` (CSV or JSON), which win over shipped names."""
    base = default_kb()
    if not user_file:
        return base
    kb = KnowledgeBase(snapshot=base.snapshot, entries=dict(base.entries),
                       names={k: list(v) for k, v in base.names.items()}, agents=base.agents, heads=base.heads,
                       user_file=user_file)
    for entry in read_user_actors(user_file):
        kb.add(entry)
    return kb


def _user_rows(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise KBError("E401", source=str(path), detail=str(err)) from err
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise KBError("E401", source=str(path), detail=f"not valid JSON: {err}") from err
        rows = data.get("actors") if isinstance(data, dict) else data
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise KBError("E401", source=str(path), detail="expected a list of objects (or {\"actors\": [...]})")
        return [{str(k).strip().lower(): v for k, v in r.items()} for r in rows]
    reader = csv.DictReader(io.StringIO(text))
    header = [(h or "").strip().lower() for h in reader.fieldnames or []]
    if "name" not in header:
        found = ",".join(reader.fieldnames or []) or "nothing"
        raise KBError("E401", source=str(path), detail=f"its header row has no 'name' column (it reads {found!r}; "
                      "separate the columns with commas: name,code,aliases,start,end)")
    return [{(k or "").strip().lower(): v for k, v in r.items()} for r in reader]


def read_user_actors(path: str | Path) -> list[Entry]:
    """Entries from a user's CSV or JSON file.

    Columns (CSV header or JSON keys, any case): ``name`` (required), ``aliases`` (``|``-separated, or a JSON
    list), ``code`` (a CAMEO actor code, e.g. ``SWEGOV``) or ``country`` (a name or ISO3/CAMEO code, E405
    when unknown) + ``sector``, ``start`` and
    ``end`` (ISO dates, may be partial or empty), ``source``. Rows with the same name are one actor
    with several roles; an actor named like a shipped one replaces it for that name.
    """
    path = Path(path)
    entries: dict[str, Entry] = {}
    countries: dict[str, str] | None = None
    for number, row in enumerate(_user_rows(path), 1):
        where = f"{path} row {number}"
        name = str(row.get("name") or "").strip()
        code = str(row.get("code") or "").strip().upper()
        country_text = str(row.get("country") or "").strip()
        if not code and country_text:  # a country name or code ("Kenya", "KEN") and a sector ("GOV")
            countries = countries if countries is not None else _country_names(default_kb())
            country_code = countries.get(normalise(country_text))
            if country_code is None:
                raise KBError("E405", where=where, country=country_text)
            code = country_code + str(row.get("sector") or "").strip().upper()
        if not name or not code:
            raise KBError("E402", where=where, missing="name" if not name else "code (or country and sector)")
        start = parse_date(row.get("start"), where=where)
        end = parse_date(row.get("end"), end=True, where=where)
        key = normalise(name)
        entry = entries.get(key)
        if entry is None:
            country, _ = split_code(code)
            entry = entries[key] = Entry(f"user:{key.replace(' ', '-')}", name, "user",
                                         str(row.get("source") or f"user:{path.name}"),
                                         default=None if start or end else code)
            entry.default = entry.default or (country if country not in TRANSNATIONAL else None)
        entry.aliases.extend(a for a in _split(row.get("aliases")) if a not in entry.aliases)
        if start or end:
            entry.roles.append(Role(code, start, end, str(row.get("source") or "") or None))
        else:
            entry.default = code
    return list(entries.values())


def _country_names(kb: KnowledgeBase) -> dict[str, str]:
    """Normalised country names, short forms, adjectives and ISO3 codes -> CAMEO country code."""
    table: dict[str, str] = {}
    for entry in kb.entries.values():
        if entry.kind == "country" and entry.default:
            for alias in [entry.name, *entry.aliases, entry.default]:
                table.setdefault(normalise(alias), entry.default)
    return table


def sector_of_phrase(kb: KnowledgeBase, text: str) -> str | None:
    """The sector signalled by a role phrase: the longest known role phrase inside it, strong before weak."""
    words = normalise(text).replace(",", " ").split()
    best: tuple[int, int, str] | None = None
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            hit = kb.agents.get(" ".join(words[i:j]))
            if hit:
                rank = (0 if hit[1] else 1, j - i, hit[0][:3])
                if best is None or rank > best:
                    best = rank
                break
    return best[2] if best else None


def import_wikidata(path: str | Path, *, kb: KnowledgeBase | None = None) -> list[dict[str, Any]]:
    """Rows in the user-actor format from a Wikidata "position held" CSV export.

    Columns: ``person, QID, position, country, start, end`` (``country`` a name or ISO3 code). The
    sector comes from the role nouns of ``position``; rows whose country is unknown raise E404.
    """
    kb = kb or default_kb()
    path = Path(path)
    try:
        reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
        rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise KBError("E401", source=str(path), detail=str(err)) from err
    header = {h.strip().lower() for h in reader.fieldnames or []}
    missing = [c for c in WIKIDATA_COLUMNS if c not in header]
    if missing:
        raise KBError("E404", source=str(path), missing=", ".join(missing))
    countries = _country_names(kb)
    out: list[dict[str, Any]] = []
    for number, raw in enumerate(rows, 2):
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        country = countries.get(normalise(row["country"]))
        if country is None:
            raise KBError("E405", where=f"{path} line {number}", country=row["country"])
        sector = sector_of_phrase(kb, row["position"]) or "GOV"
        out.append({"name": row["person"], "aliases": [], "code": country + sector, "country": country,
                    "sector": sector, "start": row["start"][:10] or None, "end": row["end"][:10] or None,
                    "source": f"wikidata:{row['qid']}" + (f" ({row['position']})" if row["position"] else "")})
    return out


# -- the `dateline kb` command ------------------------------------------------------------------

def _describe(entry: Entry, date: dt.date | None) -> str:
    role = entry.role_at(date)
    code = role.code if role else "-"
    span = ""
    if role and (role.start or role.end):
        span = f" [{role.start or '...'} .. {role.end or '...'}]"
    return f"{entry.id}\t{code}{span}\t{entry.name}\t({entry.source})"


@click.group("kb")
def kb_command() -> None:
    """List and search the actor knowledge base, or import Wikidata roles.

    An actors file (--actors FILE, on extract, ingest and these commands) adds actors or overrides
    the shipped ones: a UTF-8 CSV with a header row, or a JSON list of objects. Columns: name
    (required); code, a CAMEO actor code such as SWEGOV, or country (a name or ISO3 code) and
    sector (GOV, MIL, ...); aliases (|-separated); start and end, the dates of that role
    (YYYY-MM-DD, YYYY-MM or YYYY; empty: always); source. Rows with one name are one actor with
    several dated roles. docs/cli.md, "Actors files", has an example.

    Example: dateline kb search "Kim Jong Un" --date 2019-01-19
    """


@kb_command.command("info")
@click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False), help="A user actors file to add.")
def kb_info(actors_file: str | None) -> None:
    """The snapshot id and how many entries of each kind the KB holds.

    Example: dateline kb info --actors actors.json
    """
    kb = load_kb(actors_file)
    counts: dict[str, int] = {}
    for entry in kb.entries.values():
        counts[entry.kind] = counts.get(entry.kind, 0) + 1
    click.echo(f"snapshot {kb.snapshot}")
    for kind, n in sorted(counts.items()):
        click.echo(f"{kind}\t{n}")


@kb_command.command("list")
@click.option("--kind", type=click.Choice(["country", "seat", "organisation", "person", "actor", "user"]))
@click.option("--date", "date_text", metavar="YYYY-MM-DD", help="Show the role held on this date.")
@click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False), help="A user actors file to add.")
def kb_list(kind: str | None, date_text: str | None, actors_file: str | None) -> None:
    """List entries (id, code, name, source), optionally of one kind.

    Example: dateline kb list --kind person --date 2019-01-19
    """
    kb = load_kb(actors_file)
    date = _cli_date(date_text)
    for entry in kb.entries.values():
        if kind is None or entry.kind == kind:
            click.echo(_describe(entry, date))


@kb_command.command("search")
@click.argument("query")
@click.option("--date", "date_text", metavar="YYYY-MM-DD", help="Show the role held on this date.")
@click.option("--limit", default=20, show_default=True)
@click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False), help="A user actors file to add.")
def kb_search(query: str, date_text: str | None, limit: int, actors_file: str | None) -> None:
    """Entries whose name or alias contains QUERY.

    Example: dateline kb search Pompeo --date 2019-01-19
    """
    kb = load_kb(actors_file)
    date = _cli_date(date_text)
    for entry in kb.search(query, limit=limit):
        click.echo(_describe(entry, date))


@kb_command.command("show")
@click.argument("entry_id")
def kb_show(entry_id: str) -> None:
    """One entry as JSON, with all its roles (ENTRY_ID as `kb list` or `kb search` prints it).

    Example: dateline kb show person:joe-biden
    """
    entry = default_kb().entries.get(entry_id)
    if entry is None:
        raise click.ClickException(str(KBError("E406", entry_id=entry_id)))
    click.echo(json.dumps(entry.to_dict(), ensure_ascii=False, indent=2))


@kb_command.command("import-wikidata")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the actors JSON here (else stdout).")
def kb_import_wikidata(path: str, output: str | None) -> None:
    """Convert a Wikidata "position held" CSV (person, QID, position, country, start, end) into an
    actors file for --actors.

    Example: dateline kb import-wikidata positions.csv -o actors.json && dateline extract --actors actors.json a.txt
    """
    try:
        rows = import_wikidata(path)
    except KBError as err:
        raise click.ClickException(str(err)) from err
    text = json.dumps(rows, ensure_ascii=False, indent=1)
    if output:
        Path(output).write_text(text + "\n", encoding="utf-8")
        click.echo(f"{output}: {len(rows)} role(s) written, an actors file for --actors.", err=True)
    else:
        click.echo(text)


def _cli_date(text: str | None) -> dt.date | None:
    try:
        return parse_date(text, where="--date")
    except KBError as err:
        raise click.BadParameter(str(err)) from err


def entries_named(kb: KnowledgeBase, names: Iterable[str]) -> list[Entry]:
    """All entries for any of ``names``, without duplicates (for tests and the CLI)."""
    seen: dict[str, Entry] = {}
    for name in names:
        for entry in kb.lookup(name):
            seen.setdefault(entry.id, entry)
    return list(seen.values())
