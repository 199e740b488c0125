"""Normalising temporal expressions against the publication date (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.timexes import find_timexes, holiday, normalize, resolve_day, resolve_month, resolve_weekday

SAT = dt.date(2019, 1, 19)  # a Saturday: the example article's publication date


@pytest.mark.parametrize(
    ("text", "tense", "value", "granularity"),
    [
        ("Friday", "past", "2019-01-18", "day"),
        ("Friday", "future", "2019-01-25", "day"),
        ("Wednesday", "past", "2019-01-16", "day"),
        ("on Saturday", "past", "2019-01-19", "day"),
        ("last Saturday", None, "2019-01-12", "day"),
        ("next Saturday", None, "2019-01-26", "day"),
        ("Friday's", "past", "2019-01-18", "day"),
        ("last week", None, "2019-01-07", "week"),
        ("next week", None, "2019-01-21", "week"),
        ("Last March", None, "2018-03", "month"),
        ("last November", None, "2018-11", "month"),
        ("in June", "past", "2018-06", "month"),
        ("in June", "future", "2019-06", "month"),
        ("June", "present", "2019-06", "month"),
        ("late February", "future", "2019-02", "month"),
        ("late February", "past", "2018-02", "month"),
        ("late next month", None, "2019-02", "month"),
        ("next month", None, "2019-02", "month"),
        ("last month", None, "2018-12", "month"),
        ("since last year", None, "2018", "year"),
        ("in 1973", None, "1973", "year"),
        ("New Year's address", "past", "2019-01-01", "day"),
        ("New Year’s Eve", "future", "2019-12-31", "day"),
        ("June 12, 2018", None, "2018-06-12", "day"),
        ("12 June 2018", None, "2018-06-12", "day"),
        ("Jan. 5", "past", "2019-01-05", "day"),
        ("Dec. 5", "past", "2018-12-05", "day"),
        ("Dec. 5", "future", "2019-12-05", "day"),
        ("yesterday", None, "2019-01-18", "day"),
        ("two years ago", None, "2017", "year"),
        ("Fifty years ago", None, "1969", "year"),
        ("March 2017", None, "2017-03", "month"),
        ("last summer", None, "2018", "year"),
        ("Christmas", "past", "2018-12-25", "day"),
        ("Election Day", "future", "2019-11-05", "day"),
    ],
)
def test_timexes_normalize_against_published(text: str, tense: str | None, value: str, granularity: str) -> None:
    timex = normalize(text, SAT, tense)  # type: ignore[arg-type]
    assert timex is not None
    assert (timex.value, timex.granularity) == (value, granularity)


def test_timexes_year_boundary_last_december() -> None:
    timex = normalize("last December", dt.date(2019, 1, 3))
    assert timex is not None and timex.value == "2018-12"
    timex = normalize("next January", dt.date(2018, 12, 28))
    assert timex is not None and timex.value == "2019-01"


def test_timexes_week_across_year_boundary() -> None:
    timex = normalize("last week", dt.date(2019, 1, 3))
    assert timex is not None
    assert timex.value == "2018-12-24" and timex.range == ("2018-12-24", "2018-12-30")


def test_timexes_ranges_for_uncertain_values() -> None:
    late = normalize("late next month", SAT)
    assert late is not None and late.range == ("2019-02-20", "2019-02-28")
    week = normalize("last week", SAT)
    assert week is not None and week.range == ("2019-01-07", "2019-01-13")
    days = normalize("June 12-14, 2018", SAT)
    assert days is not None and (days.value, days.range) == ("2018-06", ("2018-06-12", "2018-06-14"))
    years = normalize("2010-2015", SAT)
    assert years is not None and years.value is None and years.range == ("2010-01-01", "2015-12-31")
    earlier = normalize("earlier this month", SAT)
    assert earlier is not None and earlier.range == ("2019-01-01", "2019-01-19")


def test_timexes_seasons_follow_tense() -> None:
    winter = normalize("this winter", SAT)
    assert winter is not None and winter.range == ("2018-12-01", "2019-02-28")
    summer = normalize("this summer", dt.date(2018, 5, 28))
    assert summer is not None and summer.value == "2018"
    assert normalize("the summer", SAT, "future").value == "2019"  # type: ignore[union-attr]


def test_timexes_relative_needs_publication_date() -> None:
    for text in ("Friday", "last March", "next month", "yesterday", "two years ago"):
        timex = normalize(text, None, "past")
        assert timex is not None and timex.value is None, text
    absolute = normalize("in 1973", None)
    assert absolute is not None and absolute.value == "1973"
    assert normalize("June 12, 2018", None).value == "2018-06-12"  # type: ignore[union-attr]


def test_timexes_durations_and_decades_have_no_value() -> None:
    for text in ("the past two years", "the 1990s", "two days later"):
        timex = normalize(text, SAT)
        assert timex is not None and timex.value is None, text
    assert normalize("an hour and a half", SAT) is None


def test_timexes_normalize_reports_understood_part() -> None:
    timex = normalize("the date Friday", SAT, "past")
    assert timex is not None and "the date Friday"[timex.start:timex.end] == "Friday"


def test_timexes_resolve_helpers_follow_tense() -> None:
    assert resolve_month(6, SAT, "past") == (2018, 6)
    assert resolve_month(6, SAT, "future") == (2019, 6)
    assert resolve_month(1, SAT, "past") == (2019, 1)
    assert resolve_weekday(4, dt.date(2019, 1, 18), "past") == dt.date(2019, 1, 18)  # "said Friday" on a Friday
    assert resolve_weekday(4, dt.date(2019, 1, 18), None, "last") == dt.date(2019, 1, 11)


def test_timexes_find_strong_cues_only() -> None:
    text = "Trump met Kim on Friday, said the May government, and will return in May 2019 or next week."
    found = [text[s:e] for s, e in find_timexes(text)]
    assert found == ["Friday", "May 2019", "next week"]


def test_anaphoric_expressions_count_from_the_last_absolute_one() -> None:
    from dateline.timexes import anaphoric

    year = normalize("in 2008", None)
    assert year is not None
    assert anaphoric("the next year", year).value == "2009"  # type: ignore[union-attr]
    assert anaphoric("The following year", year).value == "2009"  # type: ignore[union-attr]
    assert anaphoric("two years earlier", year).value == "2006"  # type: ignore[union-attr]
    assert anaphoric("the next day", year) is None  # no day to count from
    assert anaphoric("next year", year) is None  # deictic: counted from publication
    day = normalize("March 30, 2014", None)
    assert day is not None
    later = anaphoric("three days later", day)
    assert later is not None and (later.value, later.granularity) == ("2014-04-02", "day")
    month = anaphoric("the following month", day)
    assert month is not None and (month.value, month.granularity) == ("2014-04", "month")


def test_month_of_a_relative_year() -> None:
    published = dt.date(2019, 5, 11)
    for text, value in (("November last year", "2018-11"), ("in November of last year", "2018-11"),
                        ("March 3 of next year", "2020-03-03"), ("May 2 this year", "2019-05-02")):
        timex = normalize(text, published, "past")
        assert timex is not None and (timex.value, timex.rule) == (value, "month_of_relative_year")
    text = "a raid in November last year and talks on March 3 of next year"
    assert [text[a:b] for a, b in find_timexes(text)] == ["November last year", "March 3 of next year"]
    plain = normalize("last year", published)
    assert plain is not None and (plain.value, plain.rule) == ("2018", None)


def _find_timexes_plain(text: str) -> list[tuple[int, int]]:
    """``find_timexes`` without its shortcuts: the whole pattern over the whole text."""
    from dateline.timexes import _FIND, _find_in

    return list(_find_in(_FIND, text, 0, len(text)))


def test_timexes_find_stretches_give_the_whole_scan() -> None:
    """Scanning only the stretches between breaks that hold a core finds what the whole scan finds
    (issue 14): abbreviations with full stops, expressions across lines, quotes and brackets around
    them, words inside other words, letters that fold case oddly ("ſ", "ı", "İ")."""
    import random

    words = ["Jan.", "Sept.", "Sep.", "Mar.", "March", "May", "Monday", "Friday's", "Christmas Eve",
             "New Year’s Day", "Fourth of July", "in", "IN", "since", "on", "last", "next", "this", "early",
             "mid", "the end of", "of", "week", "weekend", "Month", "year", "ago", "Chicago", "two", "a", "a few",
             "3", "12th", "2019", "1850", "today", "Tonight", "tomorrow", "yesterday", "night", "amid", "past",
             ",", ".", ";", '"', "“", "”", "(", ")", "-", "–", ":", "?", "’", "s", "ſince", "ı", "İn", "_",
             "\n", "\n\n", "\xa0", "said", "Mark"]
    texts = ["He left on Jan. 3, 2019. (She said “last week”; they met in\nMarch 2018.)",
             "Two years ago: talks in Sept. 12 and Sep. 9.", "Mid-March, early in next month.",
             "ſince 2019 and İn 2020 and ınside May 3", "nothing to see here", ""]
    rng = random.Random(14)
    for _ in range(3000):
        texts.append("".join(rng.choice(words) + rng.choice(["", " ", " ", "  ", "\n", "-"])
                             for _ in range(rng.randint(1, 12))))
    found = 0
    for text in texts:
        spans = find_timexes(text)
        assert spans == _find_timexes_plain(text), text
        found += len(spans)
    assert found > 1000  # the texts do hold expressions


def test_a_yearly_day_near_the_first_or_last_representable_year() -> None:
    # published 0001-01-01 (a fuzzed date): the year before does not exist, the nearest Christmas is after
    assert resolve_day(lambda y: holiday("Christmas", y), dt.date(1, 1, 1), "past") == dt.date(1, 12, 25)
    assert resolve_day(lambda y: holiday("Christmas", y), dt.date(9999, 12, 31), "future") == dt.date(9999, 12, 25)


@pytest.mark.parametrize("published", [dt.date(9999, 12, 31), dt.date(1, 1, 1)])
@pytest.mark.parametrize("text", ["on Monday", "next year", "last year", "next month", "last December", "tomorrow",
                                  "yesterday", "the next day"])
def test_timex_past_the_calendar_edge_has_no_value(text: str, published: dt.date) -> None:
    """Session 45: read against a publication day at the calendar's edge (`--published 9999-12-31`), an
    expression whose date falls outside years 1-9999 has no value; it no longer costs its article (E012)."""
    timex = normalize(text, published)
    assert timex is None or timex.value is None or 1 <= int(timex.value[:4]) <= 9999
