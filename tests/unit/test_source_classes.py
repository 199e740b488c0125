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
