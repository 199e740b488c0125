"""tools/found_classes.py: the never-found listed acts by why (session 44), and missed_trace's governed-noun group."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import found_classes as fc  # noqa: E402
import missed_trace  # noqa: E402


def row(stage: str, point: str, parse: str, elsewhere: bool = False) -> dict:
    return {"stage": stage, "point": point, "group": "", "parse": [parse], "root_elsewhere": elsewhere}


def test_each_row_gets_its_class() -> None:
    noun = "truce/NOUN/NN dobj<-sign/VERB [det:a]"
    assert fc.found_class(row("trigger", "lemma not in lexicon (NOUN)", noun)).startswith("A1")
    assert fc.found_class(row("trigger", "lemma not in lexicon (ADJ)", "keen/ADJ/JJ acomp<-be/AUX []")).startswith("A3")
    assert fc.found_class(row("trigger", "noun lemma in lexicon, tagged VERB", "talk/VERB/VB xcomp<-want/VERB []")).startswith("A4")
    null = "gate: _verb_events L153 if entry is None  <- _find_verb_entry:138 return None  # null entry: no sense holds"
    assert fc.found_class(row("gate", null, "hold/VERB/VBD ROOT<-hold/VERB []")).startswith("A5")
    assert fc.found_class(row("emitted", "not counted: reported by _subordinate", noun)).startswith("B1 made, not counted: modality")
    assert fc.found_class(row("trigger", "lemma not in lexicon (NOUN)", noun, elsewhere=True)).startswith("C")


def test_the_governed_noun_group_follows_the_source_line() -> None:
    lines = (Path(missed_trace.EVENTS_DIR) / "triggers.py").read_text(encoding="utf-8").splitlines()
    assert "entry.governed and governor is None" in lines[missed_trace.GOVERNED_LINE - 2]
    point = f"gate: _noun_events L333 if entry is None:  <- _find_noun_entry:{missed_trace.GOVERNED_LINE} return None"
    assert missed_trace.group_of(point) == "entry: governed noun with no light verb or named owner"
    assert "governed noun" in fc.found_class(row("gate", point, "sanction/NOUN/NNS pobj<-despite/ADP []"))
