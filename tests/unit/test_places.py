"""Places: the offline gazetteer, our facility table, and which place an event gets (hand-built Docs)."""

from __future__ import annotations

import math

import pytest
from spacy.vocab import Vocab

from dateline.places import clean_toponym, find_doc_places, gazetteer, place_for, place_events

from test_dates import build  # tests/unit is on sys.path (pytest prepend import mode)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Stockholm", "Stockholm", "SWE"),
        ("the United States", "United States", "USA"),
        ("U.S.", "United States", "USA"),
        ("North Korea’s", "North Korea", "PRK"),
        ("Singapore", "Singapore", "SGP"),
        ("New York", "New York City", "USA"),
        ("Washington", "Washington", "USA"),
        ("Texas", "Texas", "USA"),
        ("Britain", "United Kingdom", "GBR"),
        ("the Oval Office", "Oval Office", "USA"),
        ("the Kremlin", "Kremlin", "RUS"),
    ],
)
def test_places_gazetteer_resolves_names(text: str, name: str, country: str) -> None:
    place = gazetteer().resolve(text)
    assert place is not None and (place.name, place.country) == (name, country)
    assert place.lat is not None and place.lon is not None


def test_places_city_disambiguated_by_article_countries() -> None:
    gaz = gazetteer()
    assert gaz.resolve("Paris").country == "FRA"  # type: ignore[union-attr]
    # Two same-named cities of similar size: the article's country decides.
    plain = gaz.resolve("Hyderabad")
    other = "PAK" if plain is not None and plain.country == "IND" else "IND"
    assert gaz.resolve("Hyderabad", frozenset({other})).country == other  # type: ignore[union-attr]


def test_places_unknown_and_partial_names_do_not_resolve() -> None:
    assert gazetteer().resolve("North") is None  # an alternate word of "North Salt Lake" is not a name
    assert gazetteer().resolve("Xqzville") is None
    assert clean_toponym("the White House’s") == "White House"


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def test_places_facilities_lie_in_their_city() -> None:
    """Every facility we wrote by hand is within 50 km of the GeoNames point of its city, same country."""
    from dateline.places import _read_tsv

    gaz = gazetteer()
    checked = 0
    for row in _read_tsv("facilities.tsv"):
        cities = [c for c in gaz.cities.get(row["city"].lower(), []) if c.country == row["country"]]
        if not cities:
            continue  # a town under GeoNames' 15,000 threshold (Thurmont, Palm Beach, Panmunjom)
        here = (float(row["lat"]), float(row["lon"]))
        # the nearest city of that name in that country (there is an Arlington in Texas too) must be close
        city = min(cities, key=lambda p: _distance_km(here, (p.lat, p.lon)))  # type: ignore[arg-type]
        assert _distance_km(here, (city.lat, city.lon)) < 50, row["name"]  # type: ignore[arg-type]
        checked += 1
    assert checked >= 20


HOTEL = [("Pompeo", 1, "nsubj", "PROPN", "NNP", "Pompeo", "B-PERSON"),
         ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
         ("Kim", 1, "dobj", "PROPN", "NNP", "Kim", "B-PERSON"),
         ("at", 1, "prep", "ADP", "IN", "at", "O"),
         ("a", 6, "det", "DET", "DT", "a", "O"),
         ("Washington", 6, "compound", "PROPN", "NNP", "Washington", "B-GPE"),
         ("hotel", 3, "pobj", "NOUN", "NN", "hotel", "O"),
         (".", 1, "punct", "PUNCT", ".", ".", "O")]

PRAISED = [("Trump", 1, "nsubj", "PROPN", "NNP", "Trump", "B-PERSON"),
           ("praised", 1, "ROOT", "VERB", "VBD", "praise", "O"),
           ("Stockholm", 1, "dobj", "PROPN", "NNP", "Stockholm", "B-GPE"),
           (".", 1, "punct", "PUNCT", ".", ".", "O")]


def test_places_event_gets_locative_place(vocab: Vocab) -> None:
    doc = build(vocab, HOTEL)
    location = place_for(doc, doc[1])
    assert location is not None and (location["name"], location["country"]) == ("Washington", "USA")
    assert set(location) == {"name", "country", "lat", "lon"}


def test_places_non_locative_place_is_not_the_location(vocab: Vocab) -> None:
    rows = PRAISED + [(w, h + len(PRAISED), d, p, t, l, e) for w, h, d, p, t, l, e in HOTEL]
    doc = build(vocab, rows)
    assert place_for(doc, doc[1]) is None  # Stockholm is what was praised, not where
    assert place_for(doc, doc[len(PRAISED) + 1])["name"] == "Washington"  # type: ignore[index]


def test_places_component_fills_places_and_locations(vocab: Vocab) -> None:
    doc = build(vocab, PRAISED + [(w, h + len(PRAISED), d, p, t, l, e) for w, h, d, p, t, l, e in HOTEL])
    met = doc[len(PRAISED) + 1]
    doc._.events = [{"span": [doc[1].idx, doc[1].idx + 7], "location": None},
                    {"span": [met.idx, met.idx + 3], "location": None}]
    place_events(doc)
    assert [p["text"] for p in doc._.places] == ["Stockholm", "Washington"]
    assert doc._.places[0]["country"] == "SWE" and doc._.places[0]["sentence"] == 0
    assert doc._.events[0]["location"] is None
    assert doc._.events[1]["location"]["country"] == "USA"
    assert find_doc_places(doc) == doc._.places
