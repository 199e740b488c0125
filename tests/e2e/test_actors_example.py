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


def _named(mention: dict[str, Any], text: str) -> bool:
    """The mention is ``text``, or ``text`` with its title before it ("Vice President Mike Pence")."""
    return mention["text"] == text or mention["text"].endswith(" " + text)


def _actor_with(doc: Any, text: str) -> dict[str, Any]:
    found = [a for a in doc._.actors if any(_named(m, text) for m in a["mentions"])]
    assert len(found) == 1, (text, [a["name"] for a in found])
    return found[0]


@pytest.mark.parametrize(("name", "country", "sectors"), PEOPLE)
def test_actors_example_people_coded(example: Any, name: str, country: str, sectors: set[str]) -> None:
    actor = _actor_with(example, name)
    assert actor["country"] == country and actor["sector"] in sectors, actor
    assert actor["evidence"], actor
    mention = next(m for m in actor["mentions"] if _named(m, name))
    ref = actor_ref(example, mention["end"] - len(name), mention["end"])  # the name alone
    assert ref is not None and ref["country"] == country
    ref = actor_ref(example, mention["start"], mention["end"])  # with its title
    assert ref is not None and ref["country"] == country


def test_actors_example_title_is_not_cut(example: Any) -> None:
    sanders = _actor_with(example, "Sarah Huckabee Sanders")
    assert "White House Press Secretary Sarah Huckabee Sanders" in [m["text"] for m in sanders["mentions"]]
    assert not any(a["name"] == "White House" for a in example._.actors)  # part of the title


def test_actors_example_two_kims_stay_apart(example: Any) -> None:
    jong_un, yong_chol = _actor_with(example, "Kim Jong Un"), _actor_with(example, "Kim Yong Chol")
    assert jong_un is not yong_chol
    # "the official" traveled to Washington: Kim Yong Chol, who came before; "Kim" alone is the leader
    assert any(m["text"] == "the official" for m in yong_chol["mentions"])
    assert yong_chol["mentions"] and all(m["text"] != "Kim" for m in yong_chol["mentions"])
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


def test_actors_nominal_phrases(nlp: Language) -> None:
    doc = _coded(nlp, "Israeli troops shot dead two Palestinian militants in Gaza on Monday.", dt.date(2020, 3, 3))
    assert _actor_with(doc, "Israeli troops")["code"] == "ISRMIL"
    assert _actor_with(doc, "Palestinian militants")["code"] == "PSEREB"
    start = doc.text.index("two Palestinian")
    ref = actor_ref(doc, start, start + len("two Palestinian militants"))
    assert ref is not None and ref["code"] == "PSEREB"
    doc = _coded(nlp, "British Defence Secretary Tom Kingsworth said the Sudanese government had failed.", dt.date(2020, 3, 3))
    king = _actor_with(doc, "Tom Kingsworth")
    assert king["code"] == "GBRGOV" and [m["text"] for m in king["mentions"]] == ["British Defence Secretary Tom Kingsworth"]
    assert _actor_with(doc, "Sudanese government")["code"] == "SDNGOV"
