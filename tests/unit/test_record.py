"""The typed records (record.Event, ActorRef, Quote, Modality) agree with the JSON Schema, and the one
event factory (events.make_event) makes records that validate."""

from __future__ import annotations

import typing

import jsonschema
import spacy
from spacy.tokens import Doc

import dateline.nlp  # noqa: F401  (registers the Doc extensions)
from dateline.events import make_event
from dateline.record import ActorRef, Event, EventRules, Modality, Quote, output_schema


def _defs() -> dict[str, typing.Any]:
    return dict(output_schema()["$defs"])


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = {"$defs": _defs(), "$ref": f"#/$defs/{name}"}
    return jsonschema.Draft202012Validator(schema)


def test_record_typed_records_name_every_schema_field() -> None:
    defs = _defs()
    assert set(Event.__annotations__) == set(defs["event"]["properties"])
    # id (record.article_record) and counted (the confidence stage) are added after the events stage
    # makes the dict, so the schema requires them of records but the TypedDict cannot
    added_later = {"id", "counted"}
    assert set(Event.__required_keys__) | added_later == set(defs["event"]["required"]) | {"reciprocal", "quote", "evidence"}
    assert set(EventRules.__annotations__) == set(defs["event"]["properties"]["evidence"]["properties"]["rules"]["properties"])
    assert set(Quote.__annotations__) == set(defs["quote"]["properties"])
    ref = next(branch for branch in defs["actor_ref"]["oneOf"] if branch["type"] == "object")
    public = {key for key in ActorRef.__annotations__ if not key.startswith("_")}
    assert public == set(ref["properties"]) and set(ActorRef.__required_keys__) == set(ref["required"])


def test_record_modality_literal_is_the_schema_enum() -> None:
    assert list(typing.get_args(Modality)) == _defs()["event"]["properties"]["modality"]["enum"]


def test_record_make_event_validates_with_fields_in_order() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Kim", "met", "Pompeo"])
    source: ActorRef = {"text": "Kim", "code": "PRKGOV", "country": "PRK", "sector": "GOV"}
    target: ActorRef = {"text": "Pompeo", "code": "USAGOV", "country": "USA", "sector": "GOV"}
    rules: EventRules = {"trigger": "verbs.tsv:meet", "code": "_verb_entry", "source": "_verb_roles",
                         "target": "_verb_roles", "modality": "_modality"}
    event = make_event(doc[1], 0, "040", source, target, negated=False, modality="asserted", reciprocal=True,
                       rules=rules)
    later = ("id", "confidence", "counted")  # added by record.article_record and the confidence stage
    assert list(event) == [key for key in Event.__annotations__ if key not in later]
    assert event["evidence"] == {"rules": rules} and event["evidence"]["rules"] is not rules  # a copy
    assert event["span"] == [4, 7] and event["trigger"] == "met" and event["plover"]["event"] == "CONSULT"
    assert event["date"] == {"value": None, "granularity": None, "source": None} and event["location"] is None
    _validator("event").validate({**event, "id": "0123456789abcdef", "confidence": 0.5, "counted": True})
    statement = make_event(doc[1], 0, "010", None, None, negated=False, modality="hypothetical", reciprocal=False,
                           rules={"trigger": "quotes/cues.tsv:say"})
    assert statement["plover"]["event"] is None  # CAMEO 01 has no PLOVER type
    _validator("event").validate({**statement, "id": "0123456789abcdef", "confidence": None, "counted": False})


def test_record_schema_rejects_an_unknown_modality() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Kim", "met", "Pompeo"])
    event = make_event(doc[1], 0, "040", None, None, negated=False, modality="asserted", reciprocal=False, rules={})
    bad = {**event, "modality": "rumoured"}
    assert list(_validator("event").iter_errors(bad))


def test_record_sentence_ends_at_its_last_non_space_character() -> None:
    # spaCy keeps a paragraph break in the sentence before it, as a whitespace token: the record's sentence (and so
    # `sentences.text` and every CSV cell of `sentence_text`) ended in "\n\n" (walk48)
    from dateline.record import sentence_offsets

    words = ["Kenya", "thanked", "Uganda", ".", "\n\n", "Talks", "resume", "today", ".", " \n", "  "]
    spaces = [True, True, False, False, False, True, True, False, False, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces,
              sent_starts=[True, False, False, False, False, True, False, False, False, False, True])
    assert [s.text for s in doc.sents][0] == "Kenya thanked Uganda.\n\n"
    got = sentence_offsets(doc)
    assert [doc.text[s["start"]:s["end"]] for s in got] == ["Kenya thanked Uganda.", "Talks resume today.", ""]
    assert [s["index"] for s in got] == [0, 1, 2]
    assert [s["start"] for s in got] == [s.start_char for s in doc.sents]  # the starts, which the labels key on, stay
    assert got[2]["end"] == got[2]["start"]  # a sentence of whitespace only is empty
