"""Temporal expressions: find them in text and normalise them against the publication date.

Pure functions, no spaCy: :func:`find_timexes` spots expressions with strong cues in plain text,
:func:`normalize` turns one expression ("last March", "Friday", "late next month", "June 12, 2018")
into a :class:`Timex` with an ISO value, its granularity (day, week, month, year) and the range of
days it may stand for. Relative expressions need the publication date and the tense of their clause
("Friday" in a past clause is the one before publication, in a future clause the next one); without
a publication date they get no value, never a guess. Absolute ones ("in 1973") always do.

dateparser is not used: it returns nothing for "last March" or "late next month" and, with past
preference, puts future months a year early. These rules are small and tested one by one.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal, TypeVar

from dateutil.easter import easter

from .lang import en
from .lexicon import CASE_FOLDS

Tense = Literal["past", "present", "future"]
Granularity = Literal["day", "week", "month", "year"]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
            "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90, "a hundred": 100, "one hundred": 100, "a dozen": 12, "several": None,
            "a few": None, "few": None, "many": None}

# Month names are matched with a capital letter only, so the verb "may" and "march" never count.
MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
         r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z])")
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_REL = r"(?i:last|next|this|coming|past|previous)"
_PART = r"(?i:early|mid|late|earlier|later|the\s+(?:beginning|start|end|middle|first\s+half|second\s+half)\s+of)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_NUM = (r"(?i:a\s+dozen|a\s+hundred|one\s+hundred|a\s+few|an|a|one|two|three|four|five|six|seven|eight|nine|ten|"
        r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|several|few|\d{1,3})")
_UNIT = r"(?i:day|week|month|year|decade)s?"
_HOLIDAY = (r"(?:New\s+Year[’']?s(?:\s+(?:Day|Eve))?|Christmas(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|"
            r"Easter(?:\s+Sunday)?|Independence\s+Day|Fourth\s+of\s+July|Halloween|Valentine[’']?s\s+Day|"
            r"Memorial\s+Day|Labor\s+Day|Veterans\s+Day|Election\s+Day)")
_SEASON = r"(?i:spring|summer|fall|autumn|winter)"


@dataclass(frozen=True)
class Timex:
    """A normalised temporal expression.

    value: ``2019-01-18`` (day, or the Monday of a week), ``2018-06`` (month), ``2018`` (year), or
    None when the expression was recognised but cannot be placed (a duration, no publication date).
    range: ``(first, last)`` ISO days the value may stand for, for anything coarser than a day.
    start, end: character offsets of the understood part inside the text given to :func:`normalize`.
    relative: True when the value depends on the publication date.
    """

    value: str | None
    granularity: Granularity | None
    range: tuple[str, str] | None = None
    start: int = 0
    end: int = 0
    relative: bool = False
    #: The name of a rule worth naming on the events the expression dates ("month_of_relative_year").
    rule: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"value": self.value, "granularity": self.granularity,
                "range": list(self.range) if self.range else None}


# --- calendar arithmetic ---------------------------------------------------------------------

def month_number(name: str) -> int:
    """1..12 for a month name or abbreviation ("Sept.", "june")."""
    return _MONTHS.index(name.strip(".").lower()[:3]) + 1


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) ``delta`` months after (year, month)."""
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def month_days(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def week_of(day: dt.date) -> dt.date:
    """The Monday of the ISO week that contains ``day``."""
    return day - dt.timedelta(days=day.weekday())


_T = TypeVar("_T", dt.date, int)


def _pick(before: _T, after: _T, distance: Callable[[_T], int], tense: Tense | None) -> _T:
    """The candidate a tense points to: past -> before, future -> after, else the nearer one."""
    if tense == "past":
        return before
    if tense == "future":
        return after
    return before if distance(before) <= distance(after) else after


def resolve_month(month: int, published: dt.date, tense: Tense | None, rel: str | None = None) -> tuple[int, int]:
    """The (year, month) a bare or modified month name points to.

    "last March" is the latest March before the publication month (in January 2019: 2018-03),
    "next March" the first one after it, "this March" the one in the publication year; a bare
    "in June" follows the tense: the latest June up to now in a past clause, the next one from now
    in a future clause, and the nearer of the two otherwise.
    """
    here = published.year * 12 + published.month - 1
    year = published.year
    if rel in en.BACKWARD_RELATIVES:
        return (year, month) if month < published.month else (year - 1, month)
    if rel in en.FORWARD_RELATIVES:
        return (year, month) if month > published.month else (year + 1, month)
    if rel == "this":
        return year, month
    before = year if month <= published.month else year - 1
    after = year if month >= published.month else year + 1
    chosen = _pick(before, after, lambda y: abs(y * 12 + month - 1 - here), tense)
    return chosen, month


def resolve_day(candidates: Callable[[int], dt.date | None], published: dt.date, tense: Tense | None,
                rel: str | None = None) -> dt.date | None:
    """The day of a yearly date ("June 12", "Christmas") nearest to publication in the tense's direction."""
    years = [published.year + k for k in (-1, 0, 1) if dt.MINYEAR <= published.year + k <= dt.MAXYEAR]
    days = [d for d in (candidates(year) for year in years) if d is not None]  # (no year 0: published 0001-01-01)
    strict = rel in en.BACKWARD_RELATIVES | en.FORWARD_RELATIVES
    before = [d for d in days if d < published or (d == published and not strict)]
    after = [d for d in days if d > published or (d == published and not strict)]
    if rel == "this":
        return candidates(published.year)
    if rel in en.BACKWARD_RELATIVES:
        tense = "past"
    elif rel in en.FORWARD_RELATIVES:
        tense = "future"
    if not before or not after:
        return before[-1] if before else after[0] if after else None
    return _pick(before[-1], after[0], lambda d: abs((d - published).days), tense)


def resolve_weekday(weekday: int, published: dt.date, tense: Tense | None, rel: str | None = None) -> dt.date:
    """The day a weekday name points to: within the week before (past) or after (future) publication.

    "Friday" in a past clause of an article published on Friday is that day (news style); "last
    Friday" and "next Friday" never are.
    """
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if rel in en.BACKWARD_RELATIVES:
        return published - dt.timedelta(days=back or 7)
    if rel in en.FORWARD_RELATIVES:
        return published + dt.timedelta(days=ahead or 7)
    before, after = published - dt.timedelta(days=back), published + dt.timedelta(days=ahead)
    return _pick(before, after, lambda d: abs((d - published).days), tense)


def holiday(name: str, year: int) -> dt.date | None:
    """The date of a (US) holiday in ``year``."""
    key = re.sub(r"[’']s\b|\s+", " ", name.lower()).split()
    text = " ".join(key)
    if text.startswith("new year"):
        return dt.date(year, 12, 31) if "eve" in text else dt.date(year, 1, 1)
    if text.startswith("christmas"):
        return dt.date(year, 12, 24) if "eve" in text else dt.date(year, 12, 25)
    if text.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if text.startswith("easter"):
        return easter(year)
    if text.startswith("independence") or text.startswith("fourth of july"):
        return dt.date(year, 7, 4)
    if text.startswith("halloween"):
        return dt.date(year, 10, 31)
    if text.startswith("valentine"):
        return dt.date(year, 2, 14)
    if text.startswith("memorial"):
        last = dt.date(year, 5, 31)
        return last - dt.timedelta(days=last.weekday())
    if text.startswith("labor"):
        return _nth_weekday(year, 9, 0, 1)
    if text.startswith("election"):
        # US Election Day: the Tuesday after the first Monday of November.
        return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    if text.startswith("veterans"):
        return dt.date(year, 11, 11)
    return None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


# --- building values -------------------------------------------------------------------------

def _day(day: dt.date, *, relative: bool) -> Timex:
    return Timex(day.isoformat(), "day", None, relative=relative)


def _month(year: int, month: int, *, part: str | None = None, relative: bool) -> Timex:
    first, last = month_days(year, month)
    lo, hi = _part_of(first, last, part)
    return Timex(f"{year:04d}-{month:02d}", "month", (lo.isoformat(), hi.isoformat()), relative=relative)


def _year(year: int, *, part: str | None = None, relative: bool) -> Timex:
    lo, hi = _part_of(dt.date(year, 1, 1), dt.date(year, 12, 31), part)
    return Timex(f"{year:04d}", "year", (lo.isoformat(), hi.isoformat()), relative=relative)


def _week(monday: dt.date, *, part: str | None = None, relative: bool) -> Timex:
    lo, hi = _part_of(monday, monday + dt.timedelta(days=6), part)
    return Timex(monday.isoformat(), "week", (lo.isoformat(), hi.isoformat()), relative=relative)


def _part_of(first: dt.date, last: dt.date, part: str | None) -> tuple[dt.date, dt.date]:
    """The stretch of [first, last] that "early", "mid", "late" (or "the end of" ...) stands for: thirds."""
    if not part:
        return first, last
    part = " ".join(part.lower().split())
    span = (last - first).days + 1
    third = max(1, round(span / 3))
    if part in ("early", "the beginning of", "the start of"):
        return first, first + dt.timedelta(days=third - 1)
    if part in ("mid", "the middle of"):
        return first + dt.timedelta(days=third), last - dt.timedelta(days=third)
    if part in ("late", "the end of"):
        return last - dt.timedelta(days=third - 1), last
    if part == "the first half of":
        return first, first + dt.timedelta(days=span // 2 - 1)
    if part == "the second half of":
        return first + dt.timedelta(days=span // 2), last
    return first, last


def _unknown(*, relative: bool = True) -> Timex:
    return Timex(None, None, None, relative=relative)


def _rel_word(text: str | None) -> str | None:
    return text.lower() if text else None


def _part_word(text: str | None) -> str | None:
    """"earlier this week" stands for the part of the week before publication: treated as its span."""
    if not text:
        return None
    word = " ".join(text.lower().split())
    return None if word in ("earlier", "later") else word


# --- rules -----------------------------------------------------------------------------------
# Each rule: a pattern and a function (match, published, tense) -> Timex. normalize() keeps the
# longest match over all rules (earlier rules win ties), so "June 12, 2018" beats "June" and "2018".

Rule = tuple["re.Pattern[str]", Callable[[re.Match[str], "dt.date | None", "Tense | None"], Timex]]
RULES: list[Rule] = []


def rule(pattern: str) -> Callable[[Callable[[re.Match[str], dt.date | None, Tense | None], Timex]],
                                   Callable[[re.Match[str], dt.date | None, Tense | None], Timex]]:
    def register(func: Callable[[re.Match[str], dt.date | None, Tense | None], Timex]
                 ) -> Callable[[re.Match[str], dt.date | None, Tense | None], Timex]:
        RULES.append((re.compile(pattern), func))
        return func
    return register


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@rule(r"\b(?P<y>" + _YEAR + r")-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
def _iso(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day(day, relative=False) if day else _unknown(relative=False)


@rule(r"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>" + _YEAR + r")\b")
def _us_numeric(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day(day, relative=False) if day else _unknown(relative=False)


@rule(r"(?P<mon>" + MONTH + r")\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*,\s*|\s+)(?P<y>" + _YEAR + r")\b")
@rule(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>" + MONTH + r")\s*,?\s*(?P<y>" + _YEAR + r")\b")
def _full_date(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    day = _safe_date(int(m["y"]), month_number(m["mon"]), int(m["d"]))
    return _day(day, relative=False) if day else _unknown(relative=False)


@rule(r"(?P<mon>" + MONTH + r")\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|through|and)\s*(?P<d2>[0-3]?\d)"
      r"(?:st|nd|rd|th)?\b(?:\s*,?\s*(?P<y>" + _YEAR + r")\b)?")
def _day_range(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    month = month_number(m["mon"])
    if m["y"]:
        year = int(m["y"])
    elif published:
        year = resolve_month(month, published, tense)[0]
    else:
        return _unknown()
    lo, hi = _safe_date(year, month, int(m["d1"])), _safe_date(year, month, int(m["d2"]))
    if not lo or not hi or hi < lo:
        return _unknown(relative=not m["y"])
    return Timex(f"{year:04d}-{month:02d}", "month", (lo.isoformat(), hi.isoformat()), relative=not m["y"])


@rule(r"(?P<mon>" + MONTH + r")(?:\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<rel>(?i:last|next|this))\s+(?i:year)\b")
def _month_of_relative_year(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    """"November last year", "March 3 of next year": the month (or day) in the year the words name."""
    if not published:
        return _unknown()
    year = published.year + {"last": -1, "next": 1, "this": 0}[m["rel"].lower()]
    month = month_number(m["mon"])
    if m["d"]:
        day = _safe_date(year, month, int(m["d"]))
        found = _day(day, relative=True) if day else _unknown()
    else:
        found = _month(year, month, relative=True)
    return replace(found, rule="month_of_relative_year")


@rule(r"(?:(?P<rel>" + _REL + r")\s+)?(?P<mon>" + MONTH + r")\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*[,/]?\s*\d)")
@rule(r"\b(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>" + MONTH + r")(?!\s*,?\s*\d)")
def _month_day(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    if not published:
        return _unknown()
    month, number = month_number(m["mon"]), int(m["d"])
    if not 1 <= number <= 31:
        return _unknown()
    day = resolve_day(lambda y: _safe_date(y, month, number), published, tense,
                      _rel_word(m.groupdict().get("rel")))
    return _day(day, relative=True) if day else _unknown()


@rule(r"(?:(?P<part>" + _PART + r")[-\s]+(?:in\s+)?)?(?P<mon>" + MONTH + r")\s*,?\s*(?:of\s+)?(?P<y>" + _YEAR + r")\b")
def _month_year(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    return _month(int(m["y"]), month_number(m["mon"]), part=_part_word(m["part"]), relative=False)


@rule(r"(?:(?P<part>" + _PART + r")[-\s]+(?:in\s+)?)?(?:(?P<rel>" + _REL + r")\s+)?(?P<mon>" + MONTH + r")")
def _month_only(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    if not published:
        return _unknown()
    year, month = resolve_month(month_number(m["mon"]), published, tense, _rel_word(m["rel"]))
    return _month(year, month, part=_part_word(m["part"]), relative=True)


@rule(r"(?:(?P<part>" + _PART + r")[-\s]+(?:in\s+)?)?\b(?P<y>" + _YEAR + r")\b(?![’']?s)")
def _year_only(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    return _year(int(m["y"]), part=_part_word(m["part"]), relative=False)


@rule(r"\b(?P<y1>" + _YEAR + r")\s*(?:-|–|to|through|until|and)\s*(?P<y2>" + _YEAR + r"|\d\d)\b(?![’']?s)")
def _year_range(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    first, second = int(m["y1"]), m["y2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if last <= first:
        # "2018-19" may be a season; anything else is not a range we understand.
        return _unknown(relative=False)
    return Timex(None, None, (f"{first:04d}-01-01", f"{last:04d}-12-31"), relative=False)


@rule(r"(?i:\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?:1[5-9]|20)\d0[’']?s\b)")
def _decade(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    # A decade is not a day, month or year: recognised, left without a value.
    return _unknown(relative=False)


@rule(r"(?:(?P<part>" + _PART + r")[-\s]+(?:in\s+)?)?(?P<rel>(?i:last|next|this|coming|previous|current))\s+"
      r"(?P<unit>(?i:week(?:end)?|month|year))\b")
def _relative_unit(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    if not published:
        return _unknown()
    rel, unit, part = m["rel"].lower(), m["unit"].lower(), _part_word(m["part"])
    step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    timex = _relative_value(published, unit, step, part, rel)
    direction = (m["part"] or "").lower()
    if step == 0 and timex.range and direction in ("earlier", "later"):
        # "earlier this month" ends at publication, "later this month" starts there.
        lo, hi = timex.range
        today = published.isoformat()
        timex = Timex(timex.value, timex.granularity, (lo, today) if direction == "earlier" else (today, hi),
                      relative=True)
    return timex


@rule(r"(?i:the\s+(?P<part>beginning|start|end|middle)\s+of\s+the\s+(?P<unit>week|month|year))")
def _part_of_current(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    if not published:
        return _unknown()
    return _relative_value(published, m["unit"].lower(), 0, f"the {m['part'].lower()} of", "this")


@rule(r"(?i:\b(?:over\s+)?the\s+weekend\b)")
def _the_weekend(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    if not published:
        return _unknown()
    # The weekend before (or of) publication; in a future clause the one ending the publication week.
    return _relative_value(published, "weekend", 0, None, "this" if tense == "future" else "last")


def _relative_value(published: dt.date, unit: str, step: int, part: str | None, rel: str) -> Timex:
    """This (step 0), last (-1) or next (+1) week, weekend, month or year around publication."""
    if unit == "week":
        return _week(week_of(published) + dt.timedelta(weeks=step), part=part, relative=True)
    if unit == "weekend":
        saturday = week_of(published) + dt.timedelta(days=5, weeks=step)
        if rel == "last" and saturday > published:
            saturday -= dt.timedelta(weeks=1)
        return Timex(saturday.isoformat(), "day", (saturday.isoformat(), (saturday + dt.timedelta(days=1)).isoformat()),
                     relative=True)
    if unit == "month":
        year, month = add_months(published.year, published.month, step)
        return _month(year, month, part=part, relative=True)
    return _year(published.year + step, part=part, relative=True)


@rule(r"(?P<n>" + _NUM + r")\s+(?P<unit>" + _UNIT + r")\s+(?P<dir>(?i:ago|earlier|later|before|after|from\s+now))\b")
def _offset(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    direction = " ".join(m["dir"].lower().split())
    count = _NUMBERS.get(" ".join(m["n"].lower().split()), None) if not m["n"].isdigit() else int(m["n"])
    if direction not in ("ago", "from now") or not published or not count:
        # "two days later" counts from another event, not from publication.
        return _unknown()
    sign = -1 if direction == "ago" else 1
    unit = m["unit"].lower().rstrip("s")
    if unit == "day":
        return _day(published + dt.timedelta(days=sign * count), relative=True)
    if unit == "week":
        return _week(week_of(published + dt.timedelta(weeks=sign * count)), relative=True)
    if unit == "month":
        year, month = add_months(published.year, published.month, sign * count)
        return _month(year, month, relative=True)
    if unit == "year":
        return _year(published.year + sign * count, relative=True)
    return _unknown()


@rule(r"(?i:\b(?:the\s+)?(?:past|last|previous|next|coming|first|recent)\s+(?:" + _NUM + r"\s+)?(?:few\s+)?"
      r"(?:days|weeks|months|years|decades)\b)")
def _duration(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    # "the past two years" is a stretch of time, not a point: recognised, left without a value.
    return _unknown()


@rule(r"\b(?P<word>(?i:yesterday|today|tonight|tomorrow))\b|\b(?P<phrase>(?i:last\s+night|this\s+(?:morning|afternoon|evening)))\b")
def _deictic(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    if not published:
        return _unknown()
    word = (m["word"] or "today").lower()
    if m["phrase"] and m["phrase"].lower().startswith("last"):
        word = "yesterday"
    shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    return _day(published + dt.timedelta(days=shift), relative=True)


@rule(r"(?:(?P<rel>" + _REL + r"|(?i:on))\s+)?(?P<wd>" + WEEKDAY + r")(?:[’']s)?(?:\s+(?i:morning|afternoon|evening|night))?")
def _weekday(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    if not published:
        return _unknown()
    rel = _rel_word(m["rel"])
    weekday = _WEEKDAYS.index(m["wd"].lower())
    return _day(resolve_weekday(weekday, published, tense, None if rel == "on" else rel), relative=True)


@rule(r"(?:(?P<rel>" + _REL + r")\s+)?(?P<name>" + _HOLIDAY + r")(?:\s*,?\s*(?P<y>" + _YEAR + r")\b)?")
def _holiday(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    name = m["name"]
    if m["y"]:
        day = holiday(name, int(m["y"]))
        return _day(day, relative=False) if day else _unknown(relative=False)
    if not published:
        return _unknown()
    day = resolve_day(lambda y: holiday(name, y), published, tense, _rel_word(m["rel"]))
    return _day(day, relative=True) if day else _unknown()


_SEASON_MONTHS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


@rule(r"(?:(?P<part>(?i:early|mid|late))[-\s]+)?(?:(?P<rel>" + _REL + r")\s+|(?i:the\s+))?(?P<season>" + _SEASON
      + r")\b(?:\s*(?:of\s+)?(?P<y>" + _YEAR + r")\b)?")
def _season(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    """A season is three months; its value is the year most of it falls in (winter: its January)."""
    start = _SEASON_MONTHS[m["season"].lower()]
    if m["y"]:
        first_year = int(m["y"]) - (1 if start == 12 else 0)
        relative = False
    elif published:
        here = published.year * 12 + published.month - 1
        # candidate seasons: the one containing or before publication, and the one after.
        starts = [(y, start) for y in (published.year - 2, published.year - 1, published.year, published.year + 1)]
        idx = [y * 12 + s - 1 for y, s in starts]
        rel = _rel_word(m["rel"])
        current = max(i for i in idx if i <= here)
        ended = here >= current + 3
        if rel in en.BACKWARD_RELATIVES:
            chosen = current if ended else current - 12
        elif rel in en.FORWARD_RELATIVES:
            chosen = current + 12
        elif rel == "this":
            chosen = current if not ended else current + 12
        elif tense == "future":
            chosen = current if not ended else current + 12
        else:
            chosen = current if not ended or tense == "past" else (current if here - current - 2 <= current + 12 - here else current + 12)
        first_year = chosen // 12
        relative = True
    else:
        return _unknown()
    lo = dt.date(first_year, start, 1)
    end_year, end_month = add_months(first_year, start, 2)
    first, hi = _part_of(lo, month_days(end_year, end_month)[1], m["part"])
    value_year = end_year if start == 12 else first_year
    return Timex(f"{value_year:04d}", "year", (first.isoformat(), hi.isoformat()), relative=relative)


@rule(r"(?i:\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)(?:\s+(?:of\s+)?(?P<y>" + _YEAR + r"))?"
      r"|\b(?P<qq>Q[1-4])\s*(?P<y2>" + _YEAR + r")?")
def _quarter(m: re.Match[str], published: dt.date | None, tense: Tense | None) -> Timex:
    name = (m["q"] or m["qq"]).lower()
    number = {"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2, "third": 3, "3rd": 3, "q3": 3}.get(name, 4)
    year_text = m["y"] or m["y2"]
    if year_text:
        year, relative = int(year_text), False
    elif published:
        # An unqualified quarter is the latest one that has ended (or the current one in a future clause).
        current = (published.month - 1) // 3 + 1
        if tense == "future":
            year = published.year if number >= current else published.year + 1
        elif tense == "past":
            year = published.year if number < current else published.year - 1
        else:
            year = published.year if number <= current else published.year - 1
        relative = True
    else:
        return _unknown()
    first = dt.date(year, 3 * number - 2, 1)
    last = month_days(year, 3 * number)[1]
    return Timex(f"{year:04d}", "year", (first.isoformat(), last.isoformat()), relative=relative)


# --- entry points ----------------------------------------------------------------------------

def _matches(text: str) -> Iterator[tuple[int, int, int, re.Match[str]]]:
    """(start, end, rule index, match) for every rule match in ``text``."""
    for index, (pattern, _) in enumerate(RULES):
        for match in pattern.finditer(text):
            if match.end() > match.start():
                yield match.start(), match.end(), index, match


def normalize(text: str, published: dt.date | None, tense: Tense | None = None) -> Timex | None:
    """The value of the temporal expression in ``text`` (the longest one understood), or None.

    text (str): the expression, possibly with words around it ("the date Friday", "since 1973").
    published (datetime.date | None): the publication date; relative expressions need it.
    tense (str | None): "past", "present" or "future": the tense of the clause the expression is in.
    RETURNS (Timex | None): None when no rule understands anything in ``text``.
    """
    return _normalize(text, published, tense)


@lru_cache(maxsize=4096)
def _normalize(text: str, published: dt.date | None, tense: Tense | None) -> Timex | None:
    """:func:`normalize`, remembered: the dates stage asks for one expression in a few tenses, and
    expressions recur ("on Tuesday"); a Timex is immutable, and the rules read nothing else."""
    best: tuple[int, int, int, re.Match[str]] | None = None
    for start, end, index, match in _matches(text):
        if best is None or (end - start, -index) > (best[1] - best[0], -best[2]):
            best = (start, end, index, match)
    if best is None:
        return None
    start, end, index, match = best
    try:
        timex = RULES[index][1](match, published, tense)
    except (OverflowError, ValueError) as err:
        # "Monday" or "next year" read against a publication day at the calendar's edge (9999-12-31,
        # 0001-01-01): a date outside Python's years 1-9999 is no value, not a failed article.
        if "out of range" not in str(err):
            raise
        return None
    return Timex(timex.value, timex.granularity, timex.range, start, end, timex.relative, timex.rule)


# Cues strong enough to find an expression in running text without the NER's help: a month or
# weekday name with a modifier or a day number, deictic words, holidays, relative units. A bare
# capitalised month is left to the NER ("May" is also a name).
# The lookahead in front lists every character a match can start with (the first letters of the
# words below, both cases where they are case-insensitive, and digits): the same matches, a third
# faster, because at other characters the engine no longer tries each alternative (bench/README.md).
_FIND_ALTERNATIVES = [
    r"(?:\b(?i:in)\s+)?" + MONTH + r"(?:\s+[0-3]?\d(?:st|nd|rd|th)?)?\s+(?:(?i:of)\s+)?(?i:last|next|this)\s+(?i:year)\b",
    r"(?:" + _PART + r"[-\s]+(?:in\s+)?)?(?:" + _REL + r"\s+)?" + MONTH + r"\s+[0-3]?\d(?:st|nd|rd|th)?\b(?:\s*,?\s*" + _YEAR + r"\b)?",
    r"(?:" + _PART + r"[-\s]+(?:in\s+)?)?" + MONTH + r"\s*,?\s*(?:of\s+)?" + _YEAR + r"\b",
    r"(?:" + _PART + r"[-\s]+(?:in\s+)?(?:" + _REL + r"\s+)?|" + _REL + r"\s+)" + MONTH,
    r"\b(?i:in|since|until|by|before|after)\s+" + MONTH + r"(?:\s+[0-3]?\d(?:st|nd|rd|th)?\b)?(?:\s*,?\s*" + _YEAR + r"\b)?",
    r"(?:" + _REL + r"\s+|(?i:on)\s+)?" + WEEKDAY + r"(?:\s+(?i:morning|afternoon|evening|night))?",
    r"(?:" + _REL + r"\s+)?" + _HOLIDAY,
    r"(?:" + _PART + r"[-\s]+(?:in\s+)?)?(?i:last|next|this|previous)\s+(?i:week(?:end)?|month|year)\b",
    r"\b(?i:yesterday|today|tonight|tomorrow|last\s+night)\b",
    _NUM + r"\s+" + _UNIT + r"\s+(?i:ago)\b",
    r"\b(?i:in|since|until|by|before|after)\s+" + _YEAR + r"\b(?![’']?s)",
]
_FIND_START = r"(?=(?i:[abcefilmnopstuy])|[DHJVW]|\d)"
_FIND = re.compile(_FIND_START + "(?:" + "|".join(_FIND_ALTERNATIVES) + ")")
# Each alternative needs a month name, a weekday, a holiday or an "ago" ("three years ago", the
# costliest to try at every position), and most texts lack some of these: a text is scanned with
# the alternatives whose anchor it holds. An alternative that can match nowhere in the text changes
# no match, so the matches are those of _FIND (and the anchors are found by fast literal scans).
_ANCHORS = [re.compile(MONTH), re.compile(WEEKDAY), re.compile(_HOLIDAY), re.compile(r"(?i:ago)")]
_NEEDS = [0, 0, 0, 0, 0, 1, 2, None, None, 3, None]  # the anchor each alternative needs (None: none)
_SUBSETS: dict[tuple[bool, ...], re.Pattern[str]] = {}


def _find_pattern(text: str, present: tuple[bool, ...] | None = None) -> re.Pattern[str]:
    """_FIND without the alternatives whose anchor ``text`` lacks (``present``: each anchor's presence)."""
    if present is None:
        present = tuple(anchor.search(text) is not None for anchor in _ANCHORS)
    pattern = _SUBSETS.get(present)
    if pattern is None:
        kept = [alt for alt, need in zip(_FIND_ALTERNATIVES, _NEEDS) if need is None or present[need]]
        pattern = _SUBSETS[present] = re.compile(_FIND_START + "(?:" + "|".join(kept) + ")")
    return pattern


# And most of a text can hold no expression: _FIND is scanned only over the stretches that can.
# A match never holds a character other than word characters, whitespace and , - – ’ ' . (a full
# stop only right after a month's abbreviation, "Jan.", "Sept."): such a character (a "break") ends
# every match before it, so the matches of the whole text are those of the stretches between breaks,
# each scanned alone (``finditer(text, start, end)``; to the lookaheads the break after ``end`` and
# the end of the text are alike: neither a word character, a letter nor an apostrophe). And every
# alternative holds a "core" that no match of it lacks: a month name, weekday or holiday (capitalised,
# as in _FIND), a year, or one of the _CORE_WORDS. A stretch without a core is skipped. The cores
# are found by one fast scan each (one pattern of them all is several times slower).
_BREAK = re.compile(r"[^\w\s,\-–’']")
#: What may come before a full stop inside a match: the month abbreviations (MONTH's "Sept." too).
_ABBREVIATIONS = frozenset({"Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "ept", "Oct", "Nov", "Dec"})
#: The cores of the case-insensitive alternatives, found in the lowercased text: "week", "month",
#: "year" ("last week"), "today", "yesterday", "night" ("tonight", "last night"), "morrow", "ago".
_CORE_WORDS = ("ago", "week", "month", "year", "today", "yesterday", "night", "morrow")
_CORE_YEAR = re.compile(_YEAR)
#: A text with one of :data:`dateline.lexicon.CASE_FOLDS` (characters that case-insensitive patterns take for an
#: ASCII letter but ``str.lower`` does not turn into it) is scanned whole.


def _stretches(text: str) -> tuple[tuple[bool, ...] | None, list[tuple[int, int]]]:
    """Which of the _ANCHORS ``text`` holds (None: not known), and the (start, end) stretches of
    ``text`` between breaks that hold a core, in order (neighbours with only a break between joined)."""
    lower = text.lower()
    if len(lower) != len(text) or CASE_FOLDS.search(text):
        return None, [(0, len(text))]
    cores: list[int] = []
    present = []
    for anchor in _ANCHORS[:3]:  # month names, weekdays, holidays
        found = [match.start() for match in anchor.finditer(text)]
        present.append(bool(found))
        cores += found
    cores += [match.start() for match in _CORE_YEAR.finditer(text)]
    for word in _CORE_WORDS:
        at = lower.find(word)
        if word == "ago":
            present.append(at >= 0)
        while at >= 0:
            cores.append(at)
            at = lower.find(word, at + 1)
    if not cores:
        return tuple(present), []
    breaks = [at for at in (match.start() for match in _BREAK.finditer(text))
              if text[at] != "." or text[at - 3:at] not in _ABBREVIATIONS]
    out: list[tuple[int, int]] = []
    for k in sorted({bisect.bisect_left(breaks, at) for at in cores}):
        start = breaks[k - 1] + 1 if k else 0
        end = breaks[k] if k < len(breaks) else len(text)
        if out and out[-1][1] + 1 >= start:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return tuple(present), out


def find_timexes(text: str) -> list[tuple[int, int]]:
    """(start, end) of expressions with strong cues in ``text``, not overlapping, in order."""
    present, stretches = _stretches(text)
    if not stretches:
        return []
    pattern = _find_pattern(text, present)
    return [span for lo, hi in stretches for span in _find_in(pattern, text, lo, hi)]


def _find_in(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    for match in pattern.finditer(text, lo, hi):
        start, end = match.start(), match.end()
        head = re.match(r"(?i:in|since|until|by|before|after|on)\s+", match.group())
        if head and not normalize(match.group()[head.end():], dt.date(2000, 1, 1)):
            continue
        if head:
            start += head.end()
        yield start, end


#: "the next year", "the following day", "a year later", "two days earlier": counted from the time the
#: text last named, not from the publication date. ``the`` (or a number with later/earlier) is required.
_ANAPHORIC = re.compile(r"^(?:the\s+(?P<dir>next|following)\s+(?P<unit>year|month|day)"
                        r"|(?P<num>" + _NUM + r")\s+(?P<unit2>year|month|day)s?\s+(?P<dir2>later|earlier))$")


def anaphoric(text: str, anchor: Timex) -> Timex | None:
    """The value of ``text`` ("the next year", "a day later") counted from ``anchor``, the last
    absolute expression before it ("in 2008 ... The next year" is 2009), or None when ``text`` is
    not such an expression or ``anchor`` is coarser than its unit."""
    match = _ANAPHORIC.match(" ".join(text.lower().split()))
    if match is None or anchor.value is None or anchor.granularity not in ("day", "month", "year"):
        return None
    unit = match["unit"] or match["unit2"]
    count = 1 if match["dir"] else _NUMBERS.get(match["num"]) if not match["num"].isdigit() else int(match["num"])
    if count is None:
        return None
    sign = -1 if match["dir2"] == "earlier" else 1
    order = ("year", "month", "day")
    if order.index(anchor.granularity) < order.index(unit):
        return None  # "in 2008 ... the next day": no day to count from
    parts = [int(part) for part in anchor.value.split("-")]
    if unit == "year":
        return _year(parts[0] + sign * count, relative=False)
    if unit == "month":
        months = parts[0] * 12 + parts[1] - 1 + sign * count
        return _month(months // 12, months % 12 + 1, relative=False)
    return _day(dt.date(*parts[:3]) + dt.timedelta(days=sign * count), relative=False)
