"""Actors on the real model: the LA Times example article and hand-made sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from spacy.language import Language

from dateline.actors import actor_ref, resolve_as_of
from dateline.ingest import read_articles
from dateline.nlp import make_doc
from dateline.pipeline import sentence_article

from conftest import EXAMPLE, need_shared

PEOPLE = [("Trump", "USA", {"GOV"}), ("Kim Jong Un", "PRK", {"GOV"}), ("Kim Yong Chol", "PRK", {"GOV", "SPY"}),
          ("Sarah Huckabee Sanders", "USA", {"GOV"}), ("Michael R. Pompeo", "USA", {"GOV"}), ("Mike Pence", "USA", {"GOV"}),
          ("Choe Son Hui", "PRK", {"GOV"}), ("Stephen Biegun", "USA", {"GOV"}), ("Margot Wallstroem", "SWE", {"GOV"}),
          ("Ri Yong Ho", "PRK", {"GOV"}), ("Diana Kudhaib", "SWE", {"GOV"}), ("Andrei Lankov", "KOR", {"EDU"})]


@pytest.fixture(scope="module")
def example(nlp: Language) -> Any:
    path = need_shared(EXAMPLE)
    article = next(a for a in read_articles([str(path)], published=dt.date(2019, 1, 19)) if hasattr(a, "body"))
    return nlp(make_doc(nlp, article))


def _actor_with(doc: Any, text: str) -> dict[str, Any]:
    found = [a for a in doc._.actors if any(m["text"] == text for m in a["mentions"])]
    assert len(found) == 1, (text, [a["name"] for a in found])
    return found[0]


@pytest.mark.parametrize(("name", "country", "sectors"), PEOPLE)
def test_actors_example_people_coded(example: Any, name: str, country: str, sectors: set[str]) -> None:
    actor = _actor_with(example, name)
    assert actor["country"] == country and actor["sector"] in sectors, actor
    assert actor["evidence"], actor
    start = next(m["start"] for m in actor["mentions"] if m["text"] == name)
    ref = actor_ref(example, start, start + len(name))
    assert ref is not None and ref["country"] == country


def test_actors_example_two_kims_stay_apart(example: Any) -> None:
    jong_un, yong_chol = _actor_with(example, "Kim Jong Un"), _actor_with(example, "Kim Yong Chol")
    assert jong_un is not yong_chol
    # "the official" traveled to Washington: Kim Yong Chol, who came before; "Kim" alone is the leader
    assert any(m["text"] == "the official" for m in yong_chol["mentions"])
    assert all(m["text"] != "Kim" for m in yong_chol["mentions"])
    assert sum(m["text"] == "Kim" for m in jong_un["mentions"]) >= 5


def test_actors_example_pronoun_ref(example: Any) -> None:
    text = example.text
    start = text.index("She confirmed")
    ref = actor_ref(example, start, start + 3)
    assert ref is not None and ref["code"] == "USAGOV"


def _coded(nlp: Language, text: str, published: dt.date | None) -> Any:
    article = sentence_article(text, published=published)
    return nlp(make_doc(nlp, article))


def test_actors_role_starts_and_ends(nlp: Language) -> None:
    text = "Donald Trump criticized the trade deal."
    before = _actor_with(_coded(nlp, text, dt.date(2015, 6, 1)), "Donald Trump")
    during = _actor_with(_coded(nlp, text, dt.date(2019, 1, 18)), "Donald Trump")
    assert before["country"] == "USA" and before["code"] != "USAGOV"
    assert during["code"] == "USAGOV"
    assert resolve_as_of(_coded(nlp, text, dt.date(2019, 1, 18)), during, dt.date(2015, 6, 1))["code"] == "USA"


def test_actors_person_known_only_by_title(nlp: Language) -> None:
    doc = _coded(nlp, "Norwegian Defence Minister Johan Testesen visited the base on Monday.", dt.date(2020, 3, 3))
    actor = _actor_with(doc, "Johan Testesen")
    assert (actor["country"], actor["sector"]) == ("NOR", "GOV") and actor["kb_id"] is None
    assert actor["evidence"][0]["kind"] == "title"


def test_actors_capital_as_government(nlp: Language) -> None:
    doc = _coded(nlp, "Pyongyang demanded that Washington end its sanctions.", dt.date(2019, 1, 19))
    assert _actor_with(doc, "Pyongyang")["code"] == "PRKGOV"
    assert _actor_with(doc, "Washington")["code"] == "USAGOV"


def test_actors_unknown_name_stays_uncoded(nlp: Language) -> None:
    doc = _coded(nlp, "Zorbak Quellinor said the talks had failed.", dt.date(2019, 1, 19))
    actor = _actor_with(doc, "Zorbak Quellinor")
    assert actor["code"] is None and actor["country"] is None
