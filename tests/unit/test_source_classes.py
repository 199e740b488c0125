"""tools/source_classes.py ``--cells`` (session 44): the cells of wrong sources and where the label's country stands."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

_PATH = Path(__file__).resolve().parents[2] / "tools" / "source_classes.py"
_SPEC = importlib.util.spec_from_file_location("source_classes", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
sc = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(sc)


def _row(src: str, tgt: str, label_src: str, label_tgt: str, rule: str = "_verb_roles", **rest: object) -> dict:
    return {"id": "a1", "sentence": 0, "span": [0, 4], "cameo": "111", "counted": True, "judged": True, "right": False,
            "src_level": src, "tgt_level": tgt, "rules": {"source": rule, **rest},
            "label": {"act": True, "modality": "asserted", "root": "11", "src": label_src, "tgt": label_tgt}}


def test_cells() -> None:
    assert sc.source_cell(_row("NONE", "FRA", "DEU", "FRA"), None) == "coded NONE, label a country"
    assert sc.source_cell(_row("DEU", "FRA", "NONE", "FRA"), None) == "coded a country, label NONE"
    assert sc.source_cell(_row("DEU", "FRA", "ITA", "FRA"), "DEU") == "coded the article's country, label another"
    assert sc.source_cell(_row("DEU", "FRA", "FRA", "FRA"), None) == "coded a country, label another (= target)"
    assert sc.source_cell(_row("DEU", "FRA", "ITA", "FRA", rule="_speaker_of"), None) == "speaker of a statement or frame"


def test_wrong_source_rows_name_what_is_wrong(tmp_path: Path) -> None:
    rows = [_row("DEU", "FRA", "ITA", "FRA"), _row("DEU", "ESP", "ITA", "FRA"), _row("ITA", "ESP", "ITA", "FRA"),
            {**_row("DEU", "FRA", "ITA", "FRA"), "cameo": "042"}, {**_row("DEU", "FRA", "ITA", "FRA"), "counted": False}]
    path = tmp_path / "judged.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert [r["what"] for r in sc.wrong_source_rows(str(path))] == ["source", "source+target", "root+source"]


def test_dependency_path_and_label_place() -> None:
    # "Envoys of Chile said Peru attacked Bolivia": from "attacked" to "Chile" and to "Peru"
    words = ["Envoys", "of", "Chile", "said", "Peru", "attacked", "Bolivia"]
    doc = Doc(Vocab(), words=words, heads=[3, 0, 1, 3, 5, 3, 5],
              deps=["nsubj", "prep", "pobj", "ROOT", "nsubj", "ccomp", "dobj"])
    trigger = doc[5]
    assert sc.dependency_path(trigger, doc[2]) == "^ccomp / nsubj>prep>pobj"
    assert sc.dependency_path(trigger, doc[4]) == "^ / nsubj"
    record = {"actors": [{"country": "CHL", "mentions": [{"start": doc[2].idx, "end": doc[2].idx + 5, "sentence": 0}]}]}
    assert sc.label_place(_row("PER", "BOL", "CHL", "BOL"), record, trigger) == "^ccomp / nsubj>prep>pobj"
    assert sc.label_place(_row("PER", "BOL", "BOL", "BOL"), record, trigger) == "the coded target's country"
    assert sc.label_place(_row("PER", "BOL", "ARG", "BOL"), record, trigger) == "named nowhere in the article"
    later = {"actors": [{"country": "CHL", "mentions": [{"start": 0, "end": 5, "sentence": 3}]}]}
    assert sc.label_place(_row("PER", "BOL", "CHL", "BOL"), later, trigger) == "not in the sentence: named elsewhere in the article"
    assert sc.label_place(_row("PER", "BOL", "NONE", "BOL"), record, trigger) == "label NONE"


def test_article_country_of_needs_a_dominant_country() -> None:
    one = {"actors": [{"country": "KEN", "mentions": [{}] * 5}, {"country": "UGA", "mentions": [{}]}],
           "places": [{"country": "KEN"}]}
    assert sc.article_country_of(one) == "KEN"
    assert sc.article_country_of({"actors": [{"country": "KEN", "mentions": [{}] * 3},
                                             {"country": "UGA", "mentions": [{}] * 2}]}) is None


def _record(body: str, actors: list[dict], places: list[dict] | None = None) -> dict:
    return {"article": {"body": body}, "actors": actors, "places": places or []}


def _resolution_row(src_text: str | None, sentence: int = 1, **rules: str) -> dict:
    return {**_row("JOR", "FRA", "LBN", "FRA", **rules), "sentence": sentence, "src_text": src_text, "tgt_text": None}


def test_resolution_path_of_a_kb_person() -> None:
    # "Talks began in Paris. Karim met the French envoy." (KB persons made up: "Karim" a one-word KB name)
    kinds = {"phx:karim": "person", "country:FRA": "country", "phx:omar-nadal": "person"}
    karim = {"name": "Karim", "code": "JORELI", "country": "JOR", "entity_type": "PERSON", "kb_id": "phx:karim",
             "evidence": [{"kind": "kb", "detail": "phx:karim (Karim): JORELI"}],
             "mentions": [{"text": "Karim", "start": 22, "end": 27, "sentence": 1}]}
    france = {"name": "France", "code": "FRA", "country": "FRA", "entity_type": "GPE", "kb_id": "country:FRA",
              "evidence": [{"kind": "kb"}], "mentions": [{"text": "French", "start": 36, "end": 42, "sentence": 1}]}
    body = "Talks began in Paris. Karim met the French envoy."
    row = _resolution_row("Karim")
    assert sc.resolution_path(_record(body, [karim, france]), row, "src", kinds) == \
        "one word -> KB person, country not named"
    placed = _record(body, [karim, france], places=[{"country": "JOR"}])
    assert sc.resolution_path(placed, row, "src", kinds) == "one word -> KB person, country named"
    # a full two-word name the article gives, and its short form linked to it
    nadal = {"name": "Omar Nadal", "code": "JORGOV", "country": "JOR", "entity_type": "PERSON", "kb_id": "phx:omar-nadal",
             "evidence": [{"kind": "kb"}, {"kind": "coreference", "detail": "'Nadal' -> 'Omar Nadal' (same name, earlier in the article)"},
                          {"kind": "coreference", "detail": "'he' -> 'Omar Nadal' (pronoun)"}],
             "mentions": [{"text": "Omar Nadal", "start": 0, "end": 10, "sentence": 0},
                          {"text": "Nadal", "start": 30, "end": 35, "sentence": 1}]}
    text = "Omar Nadal spoke. Later Nadal met the envoy."
    assert sc.resolution_path(_record(text, [nadal]), _resolution_row("Omar Nadal", sentence=0), "src", kinds) == \
        "in full -> KB person, country not named"
    assert sc.resolution_path(_record(text, [nadal]), _resolution_row("Nadal"), "src", kinds) == \
        "short name -> KB person"
    # a pronoun in sentence 3 whose event side names the person as he was last named, two sentences before
    assert sc.resolution_path(_record(text, [nadal]), _resolution_row("Nadal", sentence=3), "src", kinds) == \
        "named 2 sentences before: short name -> KB person"


def test_resolution_path_without_a_mention_and_with_a_context_country() -> None:
    kinds: dict[str, str] = {}
    troops = {"name": "troops", "code": "FRAMIL", "country": "FRA", "entity_type": None, "kb_id": None,
              "evidence": [{"kind": "rule", "detail": "troops"}], "mentions": [{"text": "the troops", "start": 0, "end": 10, "sentence": 1}]}
    record = _record("x", [troops])
    assert sc.resolution_path(record, _resolution_row(None), "src", kinds) == "no side"
    assert sc.resolution_path(record, _resolution_row("rebels"), "src", kinds) == "no actor mention"
    assert sc.resolution_path(record, _resolution_row("the troops", source_country="nearby_country:FRA"), "src", kinds) \
        == "nominal actor (rule) + country from context (nearby_country)"


def test_resolution_family() -> None:
    assert sc.resolution_family("one word -> KB person, country not named") == \
        ("KB person matched by one word, its country not named", "its own code")
    assert sc.resolution_family("in full -> KB person + title, country named + country from context (ranker)") == \
        ("KB person matched by its full name, its country named", "country from context (ranker)")
    assert sc.resolution_family("pronoun -> titled person")[0] == "a person linked (short name, pronoun, role noun)"
    assert sc.resolution_family("named 1 sentence before: country or capital (KB)")[0] == \
        "named in a sentence before (a pronoun's antecedent, an inherited side): another actor"
    assert sc.resolution_family("nominal actor (rule) + country from context (nearby_country)") == \
        ("nominal actor (role noun phrase)", "country from context (nearby_country)")
    assert sc.resolution_family("no side") == ("no side", "its own code")
