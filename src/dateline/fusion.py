"""Event fusion: mentions of the same real-world act, in one article or across outlets, become one fused event.

Pure functions over event-mention rows (dicts with the columns of :func:`dateline.store.fusion_rows_sql`);
:mod:`dateline.store` fetches the rows and writes the result.

Two mentions are **compatible** when

- they share a **block**: the CAMEO root family and both sides' country (else the side's actor code;
  a side that names no one in particular, no side, no code or only a sector such as ``GOV``, is only
  compared inside its own article, by its text); a reciprocal act's two sides are put in order, so
  "A met B" and "B met A" share a block;
- each side's actor codes agree: equal, one missing, or one extending the other (``USA`` and ``USAGOV``,
  not ``USAGOV`` and ``USAMIL``);
- their places do not conflict: not two different countries, not more than :data:`MAX_PLACE_KM` apart (a
  country named as the place has no point of its own, between two mentions dated to a day);
- they tell the same act (:func:`same_act`, thresholds in ``data/fusion/rules.tsv``): both mentions are
  confident enough (a mention below ``min_confidence`` is never fused and stays its own fused event, so
  nothing is lost from counts); their sentences share enough content words (words other than stop words,
  the sides' own words and the trigger): ``same_content`` of the smaller set when the two triggers are of
  one class (the same lemma, or one synonym block of the lexicon's ``verbs.tsv``), ``other_content`` when
  not; statements and other verbal acts (QuadClass 1 and 3) need ``other_content`` (or the same quoted
  words, or sentences overlapping by ``strong_content``) and, when both speakers are named under one
  actor code, one speaker; two meetings or visits (``meeting_roots``) of two countries' sides on one day
  are one act whatever the words, unless both name participants and share no name, or one is dated only to
  a year or a longer stretch ("three rounds of talks this year", :func:`same_meeting`);
  within one article, two singular event nouns ("the attack") of one class are one act;
- their dates agree: the same day, or one's day inside the other's coarser date (month, year, range).

Recall across outlets: two same-act mentions (``strong_content`` on ``min_words`` shared words) also fuse
when their sides' codes differ inside one country (``USAGOV`` and ``USAELI``: a leader and the government),
or when their days are at most ``strong_days`` apart and one of the two days was inferred (from the
publication date or the context), not read in the text. Two visits (``visit_codes``) whose visitors (or
hosts) share a name, or hold one office when one is named only by a title ("the top US diplomat"), are one
visit when their days are at most ``visit_days`` apart, whatever their actor codes inside the block's
countries (:func:`same_visit`).

Fusion is a function of each block's set of mentions, so fusing in batches (incrementally, block by block)
gives exactly what fusing everything at once gives. Inside a block:

1. mentions dated to a day link when compatible with the same actor codes; a group with less specific
   codes (``USA``) then joins the more specific groups it fits (``USAGOV``) when those agree with each
   other, so ``USA`` never bridges ``USAGOV`` and ``USAMIL`` (unless two of their mentions are strongly
   the same act, see above); two groups each more specific on another side (``ISRMIL``-``SYR`` and
   ``ISR``-``SYRGOV``) link when each is the only agreeing same-act group of the other; then strongly
   same-act mentions link across codes, and visits of the same or nearby days link across codes; then
   strongly same-act mentions of nearby days link when one day is inferred;
2. a mention with a coarser date joins the one day-group it is compatible with, if exactly one;
3. the coarser mentions left are linked among themselves when one's date lies inside the other's;
4. an undated mention joins the one group holding a compatible mention of its own article (the same act
   told twice), else groups with the other undated ones of its article.

A coarse or undated mention never bridges two day-groups, so "in March" does not fuse March 3 with March 20.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from importlib.resources import files

from spacy.lang.en.stop_words import STOP_WORDS

from .codebook import agent_codes, cameo_to_plover
from .errors import ModelError
from .ids import ID_LENGTH
from .scores import goldstein, quad_class
from .tables import tsv_rows

Row = Mapping[str, Any]

#: Two places further apart than this (km) conflict.
MAX_PLACE_KM = 100.0
#: CAMEO roots whose act is the words said (01, make a public statement: any "X said"): when both
#: mentions quote words, they fuse only when they quote the same words.
QUOTED_ROOTS = frozenset({"01"})
#: Share of the shorter quote's words two quotes must have in common to be the same statement.
SAME_WORDS = 0.8
#: GDELT QuadClasses of verbal acts (1 verbal cooperation, 3 verbal conflict): statements, whose speaker
#: says many things on one day, so the sentences must say the same thing.
VERBAL_QUADS = frozenset({1, 3})
#: Where a mention's date was not read in its text (dateline.dates' ``date.source``): the day may be one off.
INFERRED_DATE_SOURCES = frozenset({"published", "before_published", "context", "frame"})
#: Granularities from most to least precise: the representative mention is the best dated.
_GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


# -- keys and compatibility -----------------------------------------------------------------------


@cache
def _agent_codes() -> frozenset[str]:
    return frozenset(agent_codes())


def _side_key(row: Row, side: str) -> str:
    """A side's country, else its actor code; a side that names no one in particular (no code, or only a
    sector such as ``GOV`` or ``COP``, or no side at all) is comparable only inside its article."""
    country, code, text = row.get(f"{side}_country"), row.get(f"{side}_code"), row.get(f"{side}_text")
    if country:
        return str(country)
    if code and str(code) not in _agent_codes():
        return str(code)
    return f"@{row['article_id']}:{str(text or '-').strip().lower()}"


def _swapped(row: Row) -> bool:
    """Whether a reciprocal mention's sides are compared in reverse order (so A-B and B-A match)."""
    return bool(row.get("reciprocal")) and _side_key(row, "source") > _side_key(row, "target")


def _sides(row: Row) -> tuple[str, str]:
    return ("target", "source") if _swapped(row) else ("source", "target")


def block_key(row: Row) -> str:
    """The block of a mention: CAMEO root and both sides' keys. Only mentions of one block are ever fused."""
    first, second = _sides(row)
    root = str(row.get("cameo") or "")[:2]
    return "|".join([root, _side_key(row, first), _side_key(row, second)])


def _codes_agree(a: Any, b: Any) -> bool:
    if not a or not b:
        return True
    return str(a).startswith(str(b)) or str(b).startswith(str(a))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


@lru_cache(maxsize=1 << 12)
def _region(name: str) -> bool:
    """Whether a place name names a country (its coordinates are the country's centre, not the act's point)."""
    from .places import _key, clean_toponym, gazetteer

    key = _key(clean_toponym(name))
    return bool(key) and key in gazetteer().countries


def places_conflict(a: Row, b: Row) -> bool:
    """Two different countries, or two points more than :data:`MAX_PLACE_KM` apart; a country named as the
    place ("in North Korea") has no point, so only its country is compared (a state or a city has one),
    when both mentions are dated to a day: a coarser mention's country-wide place is compared as a point."""
    ca, cb = a.get("location_country"), b.get("location_country")
    if ca and cb and ca != cb:
        return True
    coords = (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon"))
    if all(isinstance(c, (int, float)) for c in coords) and _km(*coords) > MAX_PLACE_KM:  # type: ignore[arg-type]
        if not (_day(a) and _day(b)):
            return True  # a month's or a year's act ("talks this year") joins a day's act only on one place
        return not (_region(str(a.get("location_name") or "")) or _region(str(b.get("location_name") or "")))
    return False


def _yearly(row: Row) -> bool:
    """Whether a mention is dated only to a year or a longer stretch (not a day, a week or a month)."""
    span = interval(row)
    return span is not None and (span[1] - span[0]).days > 31


def _day(row: Row) -> bool:
    """Whether a mention is dated to one day."""
    span = interval(row)
    return span is not None and span[0] == span[1]


def _sides_agree(a: Row, b: Row) -> bool:
    sa, sb = _sides(a), _sides(b)
    return all(_codes_agree(a.get(f"{x}_code"), b.get(f"{y}_code")) for x, y in zip(sa, sb))


def _code_pair(row: Row) -> tuple[str, str]:
    """Both sides' actor codes, in block order ('' for none)."""
    first, second = _sides(row)
    return str(row.get(f"{first}_code") or ""), str(row.get(f"{second}_code") or "")


def _extends(specific: tuple[str, str], general: tuple[str, str]) -> bool:
    """``specific`` is ``general`` made more precise on at least one side (``USA`` -> ``USAGOV``)."""
    return specific != general and all(s.startswith(g) for s, g in zip(specific, general))


def _pairs_agree(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return all(_codes_agree(x, y) for x, y in zip(a, b))


def _quote_words(row: Row) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", str(row.get("quote_text") or "").lower()))


def same_words(a: Row, b: Row) -> bool:
    """Two statements report the same words: their quotes share at least :data:`SAME_WORDS` of the shorter's words."""
    wa, wb = _quote_words(a), _quote_words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) >= SAME_WORDS * min(len(wa), len(wb))


@dataclass(frozen=True)
class Rules:
    """The same-act test's thresholds (``data/fusion/rules.tsv``, where each is explained)."""

    min_confidence: float
    same_content: float
    other_content: float
    strong_content: float
    min_words: int
    meeting_roots: frozenset[str]
    visit_codes: frozenset[str]
    visit_days: int
    strong_days: int


RULES_RESOURCE = ("data", "fusion", "rules.tsv")
FURNITURE_RESOURCE = ("data", "fusion", "furniture.tsv")
OFFICES_RESOURCE = ("data", "fusion", "offices.tsv")


@cache
def rules() -> Rules:
    """The shipped same-act thresholds, read once per process."""
    path = files("dateline").joinpath(*RULES_RESOURCE)
    values: dict[str, str] = {}
    try:
        for _, row in tsv_rows(path.read_text(encoding="utf-8")):
            values[str(row.get("name") or "").strip()] = str(row.get("value") or "").strip()
        return Rules(min_confidence=float(values["min_confidence"]), same_content=float(values["same_content"]),
                     other_content=float(values["other_content"]), strong_content=float(values["strong_content"]),
                     min_words=int(values["min_words"]),
                     meeting_roots=frozenset(values["meeting_roots"].replace(",", " ").split()),
                     visit_codes=frozenset(values["visit_codes"].replace(",", " ").split()),
                     visit_days=int(values["visit_days"]), strong_days=int(values["strong_days"]))
    except (OSError, KeyError, ValueError) as err:
        # shipped data, like the lexicon's: a broken install
        raise ModelError("E501", file="/".join(RULES_RESOURCE), detail=f"{type(err).__name__}: {err}") from err


_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A crude stem (lower case, one inflection off, six letters kept), so "strikes" and "striking" match."""
    word = word.lower().replace("’", "'").split("'")[0]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:6]


def _stems(text: Any) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD_RE.findall(str(text or ""))
                     if len(w) > 2 and w.lower() not in STOP_WORDS)


def content_words(row: Row) -> frozenset[str]:
    """What a mention's sentence is about: its content words' stems, less the sides' words and the trigger's."""
    cached = row.get("_content")
    if isinstance(cached, frozenset):
        return cached
    own = _stems(row.get("source_text")) | _stems(row.get("target_text")) | _stems(row.get("trigger"))
    return _stems(row.get("sentence_text")) - own


@cache
def _verb_blocks() -> dict[str, str]:
    from .lexicon import load_lexicon

    return {lemma: block or lemma for (lemma, particle), (_, block) in load_lexicon().verbs.items() if not particle}


def trigger_class(row: Row) -> str:
    """The trigger's class: its verb's synonym block in the lexicon (``verbs.tsv``), else its lemma, else its text."""
    cached = row.get("_class")
    if isinstance(cached, str):
        return cached
    table, _, lemma = str(row.get("trigger_rule") or "").partition(":")
    if lemma and table.startswith("verbs"):
        return _verb_blocks().get(lemma, lemma)
    return lemma or str(row.get("trigger") or "").lower()


#: Features of mentions already prepared in this process, by what they are computed from: incremental
#: fusion re-fuses a block's stored mentions with every batch that touches it. Cleared when full.
_FEATURES: dict[tuple[Any, ...], tuple[frozenset[str], str, bool]] = {}
_FEATURES_MAX = 200_000


def prepared(row: Row) -> dict[str, Any]:
    """``row`` with its content words and trigger class computed once (fusing compares every pair)."""
    key = tuple(row.get(k) for k in ("id", "sentence_text", "source_text", "target_text", "trigger", "trigger_rule"))
    features = _FEATURES.get(key)
    if features is None:
        if len(_FEATURES) >= _FEATURES_MAX:
            _FEATURES.clear()
        features = _FEATURES[key] = (content_words(row), trigger_class(row), furniture(row))
    return {**row, "_content": features[0], "_class": features[1], "_furniture": features[2]}


def content_overlap(a: Row, b: Row) -> float:
    """Share of the smaller set of content words found in the other; a set under ``min_words`` words
    counts only when it lies wholly in the other (1.0), else 0."""
    wa, wb = content_words(a), content_words(b)
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not small:
        return 0.0
    if len(small) < rules().min_words:
        return 1.0 if small <= large else 0.0
    return len(small & large) / len(small)


@cache
def _furniture() -> re.Pattern[str] | None:
    path = files("dateline").joinpath(*FURNITURE_RESOURCE)
    try:
        patterns = [str(row["pattern"]) for _, row in tsv_rows(path.read_text(encoding="utf-8")) if row.get("pattern")]
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None
    except (OSError, re.error, KeyError) as err:
        raise ModelError("E501", file="/".join(FURNITURE_RESOURCE), detail=f"{type(err).__name__}: {err}") from err


def furniture(row: Row) -> bool:
    """Whether a mention's sentence is page furniture (``data/fusion/furniture.tsv``): a caption, a teaser."""
    cached = row.get("_furniture")
    if isinstance(cached, bool):
        return cached
    pattern = _furniture()
    return bool(pattern and pattern.search(str(row.get("sentence_text") or "")))


def confident(row: Row) -> bool:
    """Confident enough to be fused (rows stored before confidence existed have none and are)."""
    value = row.get("confidence")
    return value is None or float(value) >= rules().min_confidence


def _verbal(row: Row) -> bool:
    quad = quad_class(str(row.get("cameo") or "") or None)
    return quad is not None and quad.number in VERBAL_QUADS


def _names(text: Any) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD_RE.findall(str(text or "")) if w[:1].isupper()
                     and w.lower() not in STOP_WORDS)


def same_speaker(a: Row, b: Row) -> bool:
    """Not two named speakers under one actor code (Obama and McCaul, both ``USAGOV``): their names share a word."""
    if a.get("source_code") != b.get("source_code") or len(str(a.get("source_code") or "")) <= 3:
        return True
    na, nb = _names(a.get("source_text")), _names(b.get("source_text"))
    return not na or not nb or bool(na & nb)


def _participants(row: Row) -> frozenset[str]:
    return _names(row.get("source_text")) | _names(row.get("target_text"))


def _international(row: Row) -> bool:
    """Both sides are countries, and two different ones."""
    source, target = row.get("source_country"), row.get("target_country")
    return bool(source and target and source != target)


def _same_participants(a: Row, b: Row) -> bool:
    """Not two different sets of named people: one of the two names none, or they share a name."""
    pa, pb = _participants(a), _participants(b)
    return not pa or not pb or bool(pa & pb)


def same_meeting(a: Row, b: Row) -> bool:
    """Two meetings or visits (``meeting_roots``) of two countries' sides on one day are one act, whatever
    the sentences say about it, unless both name their participants and no name is shared (Kerry meeting
    Lavrov is not Obama meeting Putin). The caller has checked the day and the sides' codes."""
    root = str(a.get("cameo") or "")[:2]
    if root not in rules().meeting_roots or str(b.get("cameo") or "")[:2] != root:
        return False
    if not (_international(a) and _international(b)):
        return False  # a country's own people meet many times a day (a president and Congress)
    if _yearly(a) or _yearly(b):
        return False  # "three rounds of talks this year" is not one meeting
    return _same_participants(a, b)


def same_visit(a: Row, b: Row) -> bool:
    """Two visits (``visit_codes``: made or hosted) of one country's people to another are one visit, which
    lasts days, whatever the sentences say, when their first sides (the visitor, or the host) share a
    name (Kerry's trip is not Obama's; "the president" sending advisers to Iraq and "Americans" who went
    there name no one in common), or, when one names its visitor only by a title, hold one office
    (:func:`_offices`: "the top US diplomat" and Pompeo in 2018). The block holds the two countries, which
    say who visits whom; the actor codes inside them may differ (a minister's trip told as the
    government's, on the same day or not). Both must be confident enough and not page furniture; the
    caller has checked the days (at most ``visit_days`` apart)."""
    codes = rules().visit_codes
    if str(a.get("cameo") or "") not in codes or str(b.get("cameo") or "") not in codes:
        return False
    if not (confident(a) and confident(b)) or furniture(a) or furniture(b) or places_conflict(a, b):
        return False
    first_a, first_b = _sides(a)[0], _sides(b)[0]
    if not (_international(a) and _international(b)):
        return False
    names_a, names_b = _names(a.get(f"{first_a}_text")), _names(b.get(f"{first_b}_text"))
    if names_a and names_b:
        return bool(names_a & names_b)
    # one named only by a title ("the top US diplomat"): the same office (the other's title, or the
    # knowledge base's role of the person it names on that day: Pompeo, Secretary of State in 2018)
    return bool(_offices(a, first_a) & _offices(b, first_b))


@cache
def _office_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    path = files("dateline").joinpath(*OFFICES_RESOURCE)
    try:
        return tuple((re.compile(str(row["pattern"]), re.IGNORECASE), str(row["office"]))
                     for _, row in tsv_rows(path.read_text(encoding="utf-8")) if row.get("pattern"))
    except (OSError, re.error, KeyError) as err:
        raise ModelError("E501", file="/".join(OFFICES_RESOURCE), detail=f"{type(err).__name__}: {err}") from err


def _office_of(text: str) -> set[str]:
    return {office for pattern, office in _office_patterns() if pattern.search(text)}


@lru_cache(maxsize=1 << 14)
def _offices_of(text: str, day: dt.date | None) -> frozenset[str]:
    """The offices (``data/fusion/offices.tsv``) a side's words name: a title ("the top US diplomat",
    "Secretary of State"), or a person the knowledge base knows in that office on the day ("Pompeo")."""
    found = _office_of(text)
    from .kb import default_kb

    kb = default_kb()
    names = [text, *re.findall(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*", text)]
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        for entry in kb.lookup(name):
            if entry.kind != "person":
                continue
            role = entry.role_at(day) if day else None
            if role is not None and role.detail and role.start is not None:
                found |= _office_of(role.detail)
    return frozenset(found)


def _offices(row: Row, side: str) -> frozenset[str]:
    """The offices a side's words name on the mention's first day (the block holds the side's country)."""
    span = interval(row) or _bounds(str(row.get("published") or "")[:10])  # an undated act: when reported
    return _offices_of(str(row.get(f"{side}_text") or ""), span[0] if span else None)


def same_act(a: Row, b: Row, *, strong: bool = False) -> bool:
    """Whether two mentions of one block tell the same act (see the module's docstring); ``strong``:
    so clearly that sides' codes or an inferred day may differ (``strong_content``)."""
    if not (confident(a) and confident(b)) or furniture(a) or furniture(b):
        return False
    r = rules()
    if not strong and same_meeting(a, b):
        return True
    overlap = content_overlap(a, b)
    if strong:  # and not on a few words (a headline's "NATO says" told twice is not one statement)
        return (overlap >= r.strong_content and len(content_words(a) & content_words(b)) >= r.min_words
                and (not _verbal(a) or same_speaker(a, b)))
    if _verbal(a) or _verbal(b):
        if not same_speaker(a, b):
            return False
        quoted = str(a.get("cameo") or "")[:2] in QUOTED_ROOTS and a.get("quote_text") and b.get("quote_text")
        if quoted:  # the same words, or a sentence so like the other that the quote is paraphrased
            return same_words(a, b) or overlap >= r.strong_content
        return overlap >= r.other_content
    if trigger_class(a) != trigger_class(b):
        return overlap >= r.other_content
    # one article naming the same material act again by its noun ("the attack") on the same day: the same act
    return (a["article_id"] == b["article_id"] and _noun(a) and _noun(b)) or overlap >= r.same_content


def _noun(row: Row) -> bool:
    """The trigger is an event noun in the singular (``nouns.tsv``: "the attack"), which names one act rather
    than telling it; a plural ("attacks", "airstrikes") names many acts or a campaign, not one of them."""
    table, _, lemma = str(row.get("trigger_rule") or "").partition(":")
    if not table.startswith("nouns"):
        return False
    words, lemmas = str(row.get("trigger") or "").lower().split(), lemma.lower().split()
    if not words or not lemmas:
        return True
    return not (words[-1] != lemmas[-1] and words[-1].endswith("s"))


def compatible(a: Row, b: Row) -> bool:
    """Sides and places agree and the two tell the same act (:func:`same_act`; the block already holds
    root and countries; dates are checked by the caller)."""
    return _sides_agree(a, b) and not places_conflict(a, b) and same_act(a, b)


def strongly_compatible(a: Row, b: Row) -> bool:
    """Places agree and the two are so clearly the same act that their sides' codes may differ inside the
    block's countries (a leader and the government)."""
    return not places_conflict(a, b) and same_act(a, b, strong=True)


# -- dates ----------------------------------------------------------------------------------------


def _bounds(value: Any) -> tuple[dt.date, dt.date] | None:
    """First and last day of ``2019``, ``2019-03`` or ``2019-03-14``; None for anything else."""
    text = str(value or "")
    try:
        if len(text) == 4 and text.isdigit():
            year = int(text)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if len(text) == 7 and text[4] == "-":
            year, month = int(text[:4]), int(text[5:7])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if len(text) >= 10:
            day = dt.date.fromisoformat(text[:10])
            return day, day
    except ValueError:
        return None
    return None


def interval(row: Row) -> tuple[dt.date, dt.date] | None:
    """The days a mention's date may be: its value's span, or its range when both ends are known."""
    first, last = _bounds(row.get("date_first")), _bounds(row.get("date_last"))
    if first and last:
        return first[0], last[1]
    return _bounds(row.get("date_value"))


# -- fusing ---------------------------------------------------------------------------------------


class _Groups:
    """Union-find over mention indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _inferred(row: Row) -> bool:
    return str(row.get("date_source") or "") in INFERRED_DATE_SOURCES


def _one_group(groups: _Groups, rows: Sequence[Row], x: int, candidates: Iterable[int]) -> int | None:
    """The group of the candidates that ``x`` is compatible with, when there is exactly one."""
    found: int | None = None
    for i in candidates:
        root = groups.find(i)
        if root != found and compatible(rows[x], rows[i]):
            if found is not None:
                return None  # a second group
            found = root
    return found


def _fuse_block(rows: Sequence[Row]) -> list[list[int]]:
    """Indices of ``rows`` (one block) grouped into fused events, each group sorted, groups sorted."""
    n = len(rows)
    groups = _Groups(n)
    spans = [interval(r) for r in rows]
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    coarse, undated = [], []
    for i, span in enumerate(spans):
        if span is None:
            undated.append(i)
        elif span[0] == span[1]:
            by_day[span[0]].append(i)
        else:
            coarse.append(i)
    # 1. same day: the same actor codes link; a less specific group (USA, or a side missing) joins the
    #    more specific groups it fits (USAGOV) when those agree with each other, so USA never bridges
    #    USAGOV and USAMIL
    for members in by_day.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if _code_pair(rows[i]) == _code_pair(rows[j]) and compatible(rows[i], rows[j]):
                    groups.union(i, j)
        members_of: dict[int, list[int]] = defaultdict(list)
        for i in members:
            members_of[groups.find(i)].append(i)
        pair_of = {g: _code_pair(rows[g]) for g in members_of}
        merges: list[tuple[int, int]] = []
        for g in members_of:
            finer = [h for h in members_of if _extends(pair_of[h], pair_of[g]) and any(
                compatible(rows[a], rows[b]) for a in members_of[g] for b in members_of[h])]
            if finer and all(_pairs_agree(pair_of[a], pair_of[b]) for a in finer for b in finer):
                merges += [(g, h) for h in finer]
        # two groups each more specific on another side (ISRMIL-SYR and ISR-SYRGOV) link when each is the
        # only group whose codes agree with the other's and that tells the same act, so nothing is bridged
        # (two groups of equal codes are never compatible: step 1 would have linked them)
        agreeing = {g: [h for h in members_of if pair_of[h] != pair_of[g] and _pairs_agree(pair_of[g], pair_of[h])
                        and any(compatible(rows[a], rows[b]) for a in members_of[g] for b in members_of[h])]
                    for g in members_of}
        merges += [(g, hs[0]) for g, hs in agreeing.items() if len(hs) == 1 and agreeing[hs[0]] == [g]]
        for g, h in merges:
            groups.union(g, h)
        # codes that do not agree inside the block's countries: only a strongly same act, or one visit, links
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if not _sides_agree(rows[i], rows[j]) and (strongly_compatible(rows[i], rows[j])
                                                           or same_visit(rows[i], rows[j])):
                    groups.union(i, j)
    # 1b. nearby days: the publication day of a report of an act a day or two before (strongly the same
    #     act, one day inferred: ``strong_days``), or a visit, which lasts days (``visit_days``)
    window = max(rules().strong_days, rules().visit_days)
    days = sorted(by_day)
    for x, day in enumerate(days):
        for other in days[x + 1:]:
            gap = (other - day).days
            if gap > window:
                break
            for i in by_day[day]:
                for j in by_day[other]:
                    inferred = _inferred(rows[i]) or _inferred(rows[j])
                    strong = (inferred and gap <= rules().strong_days and _sides_agree(rows[i], rows[j])
                              and strongly_compatible(rows[i], rows[j]))
                    if strong or (gap <= rules().visit_days and same_visit(rows[i], rows[j])):
                        groups.union(i, j)
    # 2. a coarse date joins the one day-group it fits (the days inside its span found by bisection;
    #    the search stops at a second group, and skips mentions of a group already found)
    attach: dict[int, int] = {}
    for c in coarse:
        lo, hi = spans[c]  # type: ignore[misc]
        fits = _one_group(groups, rows, c, (i for day in days[bisect.bisect_left(days, lo):bisect.bisect_right(days, hi)]
                                            for i in by_day[day]))
        if fits is not None:
            attach[c] = fits
    # 3. the other coarse dates: nested spans link
    left = [c for c in coarse if c not in attach]
    for x, i in enumerate(left):
        for j in left[x + 1:]:
            (a0, a1), (b0, b1) = spans[i], spans[j]  # type: ignore[misc]
            nested = (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)
            if nested and compatible(rows[i], rows[j]):
                groups.union(i, j)
    for c, root in attach.items():
        groups.union(c, root)
    # 4. undated: the one group of its article it fits, else with the article's other undated mentions
    dated_of: dict[Any, list[int]] = defaultdict(list)  # each article's dated mentions
    for i in range(n):
        if spans[i] is not None:
            dated_of[rows[i]["article_id"]].append(i)
    undated_attach: dict[int, int] = {}
    for u in undated:
        fits = _one_group(groups, rows, u, dated_of.get(rows[u]["article_id"], ()))
        if fits is not None:
            undated_attach[u] = fits
    loose_of: dict[Any, list[int]] = defaultdict(list)
    for u in undated:
        if u not in undated_attach:
            loose_of[rows[u]["article_id"]].append(u)
    for loose in loose_of.values():
        for x, i in enumerate(loose):
            for j in loose[x + 1:]:
                if compatible(rows[i], rows[j]):
                    groups.union(i, j)
    for u, root in undated_attach.items():
        groups.union(u, root)
    out: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        out[groups.find(i)].append(i)
    return sorted(sorted(members) for members in out.values())


@dataclass(frozen=True)
class Fused:
    """One fused event: its row for ``fused_events`` and the ids of its mentions."""

    row: dict[str, Any]
    mention_ids: tuple[str, ...]
    article_ids: tuple[str, ...]  # each mention's article, in the order of mention_ids


def fused_id(mention_ids: Iterable[str]) -> str:
    """A fused event's id: a hash of its smallest mention id (stable while that mention stays in it)."""
    first = min(mention_ids)
    return hashlib.sha256(f"fused\x1e{first}".encode()).hexdigest()[:ID_LENGTH]


def _published_key(row: Row) -> str:
    value = row.get("published")
    return str(value) if value is not None else "9999"


def _representative_key(row: Row) -> tuple[Any, ...]:
    """Best dated, then most specific code, then both sides coded, then with a place, then earliest report."""
    coded = sum(1 for side in ("source", "target") if row.get(f"{side}_code"))
    return (
        _GRANULARITY_RANK.get(str(row.get("date_granularity")), 9) if interval(row) else 9,
        -_specificity(str(row.get("cameo") or "")),
        -coded,
        0 if row.get("location_name") else 1,
        _published_key(row),
        str(row["id"]),
    )


def _specificity(code: str) -> int:
    """How deep a code goes: its length, less one for CAMEO's "not specified" codes (``040``, ``190``)."""
    return len(code) - (1 if len(code) == 3 and code.isdigit() and code.endswith("0") else 0)


def _most_specific(codes: Iterable[Any], *, extending: str | None = None) -> str | None:
    """The most specific code (see :func:`_specificity`), the most frequent among equally specific ones,
    then the smallest; only codes that extend ``extending`` when given."""
    counts = Counter(str(c) for c in codes if c)
    if extending:
        counts = Counter({c: k for c, k in counts.items() if c.startswith(extending)})
    if not counts:
        return extending
    return sorted(counts, key=lambda c: (-_specificity(c), -counts[c], c))[0]


def _outlet(row: Row) -> str:
    return str(row.get("outlet") or f"article:{row['article_id']}")


def summarise(block: str, rows: Sequence[Row]) -> Fused:
    """The fused event of a group of compatible mentions (see docs/output.md, ``fused_events``)."""
    rep = min(rows, key=_representative_key)
    confidences = [float(r["confidence"]) for r in rows if r.get("confidence") is not None]
    pairs = sorted((str(r["id"]), str(r["article_id"])) for r in rows)
    ids = tuple(p[0] for p in pairs)
    cameo = _most_specific(r.get("cameo") for r in rows)
    rep_sides = _sides(rep)
    sides: dict[str, dict[str, Any]] = {}
    for out_side, rep_side in zip(("source", "target"), ("source", "target")):
        side = {k: rep.get(f"{rep_side}_{k}") for k in ("text", "code", "country", "sector")}
        # the same side in each mention (reciprocal mentions may hold it the other way round)
        position = rep_sides.index(rep_side)
        side["code"] = _most_specific((r.get(f"{_sides(r)[position]}_code") for r in rows), extending=side["code"])
        sides[out_side] = side
    placed = sorted((r for r in rows if r.get("location_name")), key=_representative_key)
    place = placed[0] if placed else rep
    plover = cameo_to_plover(cameo) if cameo else None
    quad = quad_class(cameo)
    published = sorted(r["published"] for r in rows if r.get("published") is not None)
    row: dict[str, Any] = {
        "id": fused_id(ids),
        "block": block,
        "representative": str(rep["id"]),
        "cameo": cameo,
        "cameo_root": (cameo or "")[:2] or None,
        "quad_class": quad.number if quad else None,
        "goldstein": goldstein(cameo),
        "plover_event": plover.event if plover else None,
        "plover_mode": plover.mode if plover else None,
        "plover_context": plover.context if plover else None,
        **{f"{s}_{k}": sides[s][k] for s in ("source", "target") for k in ("text", "code", "country", "sector")},
        "reciprocal": bool(rep.get("reciprocal")),
        "date_value": rep.get("date_value"),
        "date_granularity": rep.get("date_granularity"),
        "location_name": place.get("location_name"),
        "location_country": place.get("location_country"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "first_reported": published[0] if published else None,
        "last_reported": published[-1] if published else None,
        "n_mentions": len(rows),
        "n_articles": len({r["article_id"] for r in rows}),
        "n_outlets": len({_outlet(r) for r in rows}),
        "confidence_mean": round(sum(confidences) / len(confidences), 4) if confidences else None,
        "confidence_max": max(confidences) if confidences else None,
    }
    return Fused(row, ids, tuple(p[1] for p in pairs))


#: Fused events already summarised in this process, by their block and their mentions' full rows: a
#: batch re-fuses whole blocks, most of whose groups it does not change. Cleared when full.
_SUMMARIES: dict[tuple[Any, ...], Fused] = {}


def _summary(block: str, rows: Sequence[Row]) -> Fused:
    """:func:`summarise`, once per distinct group of rows."""
    key = (block, tuple(tuple(row.items()) for row in rows))
    try:
        found = _SUMMARIES.get(key)
    except TypeError:  # a value that cannot be hashed (not from the store): no caching
        return summarise(block, rows)
    if found is None:
        if len(_SUMMARIES) >= _FEATURES_MAX:
            _SUMMARIES.clear()
        found = _SUMMARIES[key] = summarise(block, rows)
    return found


#: Column order of ``fused_events`` (store.py's migration creates it in this order).
FUSED_COLUMNS = (
    "id", "block", "representative", "cameo", "cameo_root", "quad_class", "goldstein",
    "plover_event", "plover_mode", "plover_context",
    "source_text", "source_code", "source_country", "source_sector",
    "target_text", "target_code", "target_country", "target_sector",
    "reciprocal", "date_value", "date_granularity", "location_name", "location_country", "lat", "lon",
    "first_reported", "last_reported", "n_mentions", "n_articles", "n_outlets", "confidence_mean", "confidence_max",
)


def fuse(rows: Iterable[Row]) -> list[Fused]:
    """Fuse mention rows: one :class:`Fused` per real-world act, sorted by id. Order of ``rows`` is irrelevant."""
    blocks: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        blocks[block_key(row)].append(row)
    out: list[Fused] = []
    for block, members in blocks.items():
        if len(members) == 1:  # most blocks: nothing to compare
            out.append(_summary(block, members))
            continue
        members = sorted((prepared(r) for r in members), key=lambda r: str(r["id"]))
        for group in _fuse_block(members):
            out.append(_summary(block, [members[i] for i in group]))
    return sorted(out, key=lambda f: f.row["id"])
