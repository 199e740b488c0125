"""Events coded from the real LA Times example article with the real pipeline: the demo's contract.

A handful of tests only: accuracy is measured over many articles by the real-news gate
(tests/e2e/test_news_gate.py, the labelled dev split), not by pinning one article's sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import EXAMPLE, need_shared
from spacy.language import Language

from dateline.pipeline import code_paths

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def coded(nlp: Language) -> tuple[str, list[dict[str, Any]]]:
    """(body, events) of the example article, published 2019-01-19."""
    path = need_shared(EXAMPLE)
    batches = list(code_paths([str(path)], published=dt.date(2019, 1, 19), nlp=nlp))
    record = batches[0].records[0]
    return record["article"]["body"], record["events"]


def asserted(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e["modality"] == "asserted" and not e["negated"]]


def text(side: dict[str, Any] | None) -> str:
    return side["text"] if side else ""


def country(side: dict[str, Any] | None) -> str | None:
    """The side's country when actor_ref knows it (issue 3), else None."""
    code = (side or {}).get("code")
    return code[:3] if code else None


def find(events: list[dict[str, Any]], *, trigger: str, cameo: str = "", source: str = "", target: str = "") -> list[dict[str, Any]]:
    return [e for e in events if e["trigger"].lower().startswith(trigger) and e["cameo"].startswith(cameo)
            and source in text(e["source"]) and target in text(e["target"])]


def test_events_example_agreement_asserted_summit_intended(coded: tuple[str, list[dict[str, Any]]]) -> None:
    _, events = coded
    agreed = find(asserted(events), trigger="agreed", cameo="03", source="Trump")
    assert agreed and agreed[0]["plover"]["event"] == "AGREE"
    summits = [e for e in find(events, trigger="summit", cameo="04") if e["sentence"] == agreed[0]["sentence"]]
    assert summits and all(e["modality"] == "intended" for e in summits)
    assert any("Korea" in text(e["target"]) or "Kim" in text(e["target"]) for e in summits)


def test_events_example_meetings_are_reciprocal_consults(coded: tuple[str, list[dict[str, Any]]]) -> None:
    _, events = coded
    hotel = find(asserted(events), trigger="met", cameo="04", source="Kim Yong Chol", target="Pompeo")
    assert len(hotel) == 1 and hotel[0]["reciprocal"] and hotel[0]["plover"]["event"] == "CONSULT"
    oval = find(asserted(events), trigger="meeting", cameo="04", target="Kim Yong Chol")
    assert oval and oval[0]["reciprocal"]
    both = [e for e in hotel + oval if country(e["source"]) and country(e["target"])]
    assert both  # the countries the meetings are between are known for one at least
    for event in both:
        assert {country(event["source"]), country(event["target"])} == {"PRK", "USA"}


def test_events_example_no_asserted_unrealised_acts(coded: tuple[str, list[dict[str, Any]]]) -> None:
    body, events = coded
    # "have not conducted any new nuclear tests": no event, or only a negated one
    assert not [e for e in events if e["trigger"] == "conducted" and not e["negated"]]
    # "avoided criticizing Kim": the act is coded, and negated
    criticizing = [e for e in events if e["trigger"] == "criticizing"]
    assert criticizing and all(e["negated"] for e in criticizing)
    for event in events:  # every span points at its trigger
        assert body[slice(*event["span"])] == event["trigger"]


def test_events_example_one_event_per_act(coded: tuple[str, list[dict[str, Any]]]) -> None:
    _, events = coded
    keys = [(e["sentence"], text(e["source"]), text(e["target"]), e["cameo"], e["modality"], e["negated"]) for e in events]
    recip = [(k[0], *sorted(k[1:3]), *k[3:]) for k, e in zip(keys, events) if e["reciprocal"]]
    assert len(set(keys)) == len(keys) and len(set(recip)) == len(recip)
