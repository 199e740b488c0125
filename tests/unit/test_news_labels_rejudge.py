"""tools/news_labels.py rejudge-tasks: relabelling tasks for the stored labels a decision of a version
of the annotation guidelines (2, 3 or 4) may change. Sentences here are written for the test."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location("news_labels", REPO / "tools" / "news_labels.py")
assert _SPEC is not None and _SPEC.loader is not None
nl = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(nl)

TEXT = ("Ruritania warned it would respond to any blockade. "
        "The two leaders are to meet in Geneva next month. "
        "The embassy declined to comment.")
TABLE = ("decision\tkind\tcameo\ttrigger\tnote\tlabel\ttitle\n"
         "D2\tboth\t-\t(warn|warned)\t-\t-\twarnings by content\n"
         "D5\tboth\t-\t-\tduplicat\t-\tduplicate intents\n"
         "D5\tevent\t(03|13)\t-\t-\tmodality=intended\tduplicate intents\n"
         "D3b\tboth\t-\t-\t-\tsrc|tgt=HKG\tHong Kong\n")


def sentence(n: int) -> tuple[int, int]:
    starts = [0] + [m.end() + 1 for m in re.finditer(r"\.(?= )", TEXT)]
    ends = [m.end() for m in re.finditer(r"\.", TEXT)]
    return starts[n], ends[n]


def event(split: str, eid: str, n: int, trigger: str, cameo: str, note: str, modality: str | None = "asserted",
          src: str | None = "RUR", tgt: str | None = "NONE", act: bool = True) -> dict:
    start, end = sentence(n)
    at = TEXT[start:end].index(trigger)
    return {"corpus": "mini.jsonl", "id": "a1", "split": split, "event_id": eid, "sentence": n,
            "sentence_ref": {"start": start, "end": end, "sha1": "x"}, "trigger_in_sentence": [at, at + len(trigger)],
            "trigger": trigger, "coded": {"cameo": cameo, "plover": None, "source": {"code": "RUR", "country": "RUR"},
                                          "target": None, "modality": "asserted", "negated": False,
                                          "date": "2020-01-02", "date_source": "published"},
            "act": act, "modality": modality if act else None, "background": False, "root": cameo[:2] if act else None,
            "src": src if act else None, "tgt": tgt if act else None, "date": "2020-01-02" if act else None,
            "verdict": None, "note": note, "labeller": "T", "guidelines": 1}


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out, news = tmp_path / "eval" / "news", tmp_path / "news"
    out.mkdir(parents=True)
    news.mkdir()
    (news / "mini.jsonl").write_text(json.dumps({"id": "a1", "title": "A test", "date": "2020-01-02",
                                                 "text": TEXT}) + "\n", encoding="utf-8")
    sha = hashlib.sha1(TEXT.encode("utf-8")).hexdigest()[:12]
    (out / "articles.jsonl").write_text(json.dumps({"corpus": "mini.jsonl", "id": "a1", "split": "train",
                                                    "sha1": sha, "outlet": "T"}) + "\n", encoding="utf-8")
    labels = [event("train", "e1", 0, "warned", "130", "threat of a response"),
              event("train", "e2", 1, "meet", "036", "schedule, no intent expressed", modality="intended"),
              event("train", "e3", 2, "declined", "120", "decline comment", src="HKG"),
              event("test", "e4", 0, "warned", "130", "locked split")]
    missed = [{"corpus": "mini.jsonl", "id": "a1", "split": "train", "missed": True, "sentence": 1,
               "sentence_ref": {"start": sentence(1)[0], "end": sentence(1)[1], "sha1": "x"},
               "trigger_in_sentence": [0, 3], "trigger": "The", "root": "04", "src": "RUR", "tgt": "HKG",
               "modality": "intended", "date": "2020-02", "labeller": "T", "note": "duplicate mention"}]
    (out / "labels.jsonl").write_text("".join(json.dumps(r) + "\n" for r in labels), encoding="utf-8")
    (out / "missed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in missed), encoding="utf-8")
    (tmp_path / "table.tsv").write_text(TABLE, encoding="utf-8")
    monkeypatch.setattr(nl, "OUT", out)
    monkeypatch.setattr(nl, "NEWS", news)
    monkeypatch.setattr(nl, "REJUDGE", tmp_path / "build" / "rejudge")
    return tmp_path


def test_selection_by_trigger_note_code_and_label_values(corpus: Path) -> None:
    rows = [json.loads(line) for name in ("labels.jsonl", "missed.jsonl")
            for line in (corpus / "eval" / "news" / name).read_text(encoding="utf-8").splitlines()]
    chosen = nl.select_rejudge(rows, nl.read_selectors(corpus / "table.tsv"), {"train", "dev"})
    missed_id = nl.rejudge_item_id(rows[-1])
    assert chosen == {"e1": ["D2"], "e2": ["D5"], "e3": ["D3b"], missed_id: ["D5", "D3b"]}
    # one decision only; the locked split only when named
    assert nl.select_rejudge(rows, nl.read_selectors(corpus / "table.tsv"), {"train"}, {"D2"}) == {"e1": ["D2"]}
    assert nl.select_rejudge(rows, nl.read_selectors(corpus / "table.tsv"), {"test"}, {"D2"}) == {"e4": ["D2"]}


def test_rejudge_tasks_writes_blind_tasks_for_the_selected_labels(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert nl.main(["rejudge-tasks", "--version", "2", "--selectors", str(corpus / "table.tsv"), "--labellers", "V1"]) == 0
    printed = capsys.readouterr().out
    assert "4 stored labels selected (1 missed acts) in 1 articles" in printed
    assert re.search(r"D5\s+train\s+1\s+1", printed)
    task = (corpus / "build" / "rejudge" / "tasks" / "V1_01.md").read_text(encoding="utf-8")
    assert "Ruritania [[warned]] it would respond" in task
    assert "are to [[meet]] in Geneva" in task
    assert "e=e4" not in task  # test split: not selected by default
    assert "threat of a response" not in task  # the old label is not shown
    assert '"guidelines": 2' in task
    items = [json.loads(line) for line in
             (corpus / "build" / "rejudge" / "items.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(i["item"] for i in items if not i["missed"]) == ["e1", "e2", "e3"]
    assert [i["decisions"] for i in items if i["missed"]] == [["D5", "D3b"]]


def test_count_only_writes_nothing(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nl.main(["rejudge-tasks", "--selectors", str(corpus / "table.tsv"), "--count-only", "--decisions", "D2"])
    assert "1 stored labels selected (0 missed acts)" in capsys.readouterr().out
    assert not (corpus / "build" / "rejudge").exists()


@pytest.mark.parametrize(("version", "least"), [(2, 30), (3, 9), (4, 10), (5, 8), (6, 8)])
def test_shipped_table_names_the_decisions_of_the_guidelines(version: int, least: int) -> None:
    """Each id of tools/rejudge_v{N}.tsv is a decision of docs/annotation.md, or (the first batch's narrow
    rows of v3, e.g. D18b) a lettered part of one whose heading is there."""
    selectors = nl.read_selectors(nl.selectors_path(version))
    decisions = {s["decision"] for s in selectors}
    doc = (REPO / "docs" / "annotation.md").read_text(encoding="utf-8")
    assert len(decisions) >= least
    assert [d for d in sorted(decisions) if f"**{d}" not in doc and f"| {d} " not in doc] == []
    assert {s["kind"] for s in selectors} <= {"event", "missed", "both"}


def _tasks(corpus: Path, *args: str) -> tuple[list[dict], str, Path]:
    """rejudge-tasks on the corpus's selectors (labeller V1): (its items, the first missed act's item id, the empty
    folder the labellers' answers go in)."""
    nl.main(["rejudge-tasks", *args, "--selectors", str(corpus / "table.tsv"), "--labellers", "V1"])
    items = [json.loads(line) for line in
             (corpus / "build" / "rejudge" / "items.jsonl").read_text(encoding="utf-8").splitlines()]
    missed_id = next(i["item"] for i in items if i["missed"])
    out = corpus / "build" / "rejudge" / "out"
    out.mkdir(parents=True)
    return items, missed_id, out


def test_rejudge_add_replaces_labels_and_keeps_the_old_ones(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _items, missed_id, out = _tasks(corpus, "--version", "2")
    lines = [{"e": "e1", "act": "yes", "modality": "asserted", "root": "13", "src": "OK", "tgt": "NONE",
              "date": "OK", "note": "threat by content", "guidelines": 2},
             {"e": "e2", "act": "yes", "modality": "intended", "root": "04", "src": "OK", "tgt": "NONE",
              "date": "2020-02", "note": "the meeting, intended", "guidelines": 2},
             {"e": "e3", "act": "maybe"},  # a problem: left out, the stored label stays
             {"m": missed_id, "act": "no", "note": "a bare mention", "guidelines": 2},
             {"e": "e4", "act": "no"}]  # not an item (test split not selected): left out
    (out / "V1_01.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert nl.main(["rejudge-add", str(out / "V1_01.jsonl")]) == 1  # two lines left out
    assert "version 2: 2 event labels replaced, 1 missed acts rejudged (1 no longer listed); 2 lines" in capsys.readouterr().out
    news = corpus / "eval" / "news"
    labels = {r["event_id"]: r for r in map(json.loads, (news / "labels.jsonl").read_text(encoding="utf-8").splitlines())}
    assert (labels["e1"]["root"], labels["e1"]["src"], labels["e1"]["guidelines"], labels["e1"]["labeller"]) == \
        ("13", "RUR", 2, "V1")
    assert (labels["e2"]["root"], labels["e2"]["date"]) == ("04", "2020-02")
    assert labels["e3"]["guidelines"] == 1 and labels["e4"]["guidelines"] == 1
    old = [json.loads(line) for line in (news / "labels_v1.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["event_id"] for r in old) == ["e1", "e2"] and {r["guidelines"] for r in old} == {1}
    assert (news / "missed.jsonl").read_text(encoding="utf-8").strip() == ""
    assert json.loads((news / "missed_v1.jsonl").read_text(encoding="utf-8"))["note"] == "duplicate mention"


def test_rejudge_add_matches_missed_acts_sharing_a_place_in_order(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two missed acts on one trigger (one per target) share a rejudge id; their lines apply in order."""
    news = corpus / "eval" / "news"
    first = json.loads((news / "missed.jsonl").read_text(encoding="utf-8"))
    second = {**first, "tgt": "BOR", "note": "the other target"}
    (news / "missed.jsonl").write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n", encoding="utf-8")
    nl.main(["rejudge-tasks", "--version", "2", "--selectors", str(corpus / "table.tsv"), "--labellers", "V1"])
    items = [json.loads(line) for line in
             (corpus / "build" / "rejudge" / "items.jsonl").read_text(encoding="utf-8").splitlines()]
    missed_ids = [i["item"] for i in items if i["missed"]]
    assert len(missed_ids) == 2 and missed_ids[0] == missed_ids[1]
    out = corpus / "build" / "rejudge" / "out"
    out.mkdir(parents=True)
    lines = [{"m": missed_ids[0], "act": "yes", "root": "04", "src": "RUR", "tgt": "CHN", "modality": "intended",
              "date": "2020-02", "note": "first", "guidelines": 2},
             {"m": missed_ids[0], "act": "yes", "root": "04", "src": "RUR", "tgt": "BOR", "modality": "intended",
              "date": "2020-02", "note": "second", "guidelines": 2}]
    (out / "V1_01.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert nl.main(["rejudge-add", str(out / "V1_01.jsonl")]) == 0
    rows = [json.loads(line) for line in (news / "missed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["tgt"], r["note"], r["guidelines"]) for r in rows] == [("CHN", "first", 2), ("BOR", "second", 2)]


# -- the version the relabelling follows (v2 -> v3 -> v4 -> v5 -> v6) --------------------------------


def _rows(corpus: Path) -> list[dict]:
    return [json.loads(line) for name in ("labels.jsonl", "missed.jsonl")
            for line in (corpus / "eval" / "news" / name).read_text(encoding="utf-8").splitlines()]


def test_selection_takes_the_labels_made_under_a_lower_version(corpus: Path) -> None:
    rows = _rows(corpus)
    rows[0]["guidelines"], rows[1]["guidelines"], rows[2]["guidelines"] = 2, 3, None  # e1 v2, e2 v3, e3 absent = 1
    selectors = nl.read_selectors(corpus / "table.tsv")
    v2 = nl.select_rejudge(rows, selectors, {"train"}, None, version=2)
    v3 = nl.select_rejudge(rows, selectors, {"train"}, None, version=3)
    v4 = nl.select_rejudge(rows, selectors, {"train"}, None, version=4)
    missed_id = nl.rejudge_item_id(rows[-1])
    assert sorted(v2) == sorted(["e3", missed_id])  # e1 (v2) and e2 (v3) are made under version 2 or later
    assert sorted(v3) == sorted(["e1", "e3", missed_id])  # only e2, made under v3, is not selected again
    assert sorted(v4) == sorted(["e1", "e2", "e3", missed_id])  # v3's label too is below version 4
    rows[1]["guidelines"] = 4  # ... until it is rejudged under v4
    assert sorted(nl.select_rejudge(rows, selectors, {"train"}, None, version=4)) == sorted(["e1", "e3", missed_id])
    assert sorted(nl.select_rejudge(rows, selectors, {"train"}, None, version=5)) == sorted(["e1", "e2", "e3", missed_id])
    rows[1]["guidelines"] = 5  # ... and v4's until it is rejudged under v5
    assert sorted(nl.select_rejudge(rows, selectors, {"train"}, None, version=5)) == sorted(["e1", "e3", missed_id])
    assert sorted(nl.select_rejudge(rows, selectors, {"train"}, None, version=6)) == sorted(["e1", "e2", "e3", missed_id])
    rows[1]["guidelines"] = 6  # ... and v5's until it is rejudged under v6
    assert sorted(nl.select_rejudge(rows, selectors, {"train"}, None, version=6)) == sorted(["e1", "e3", missed_id])
    assert nl.select_rejudge(rows, selectors, {"train"}) == nl.select_rejudge(rows, selectors, {"train"}, None, 6)
    assert nl.GUIDELINES == 6  # the current version is the default


def test_rejudge_tasks_leaves_the_blind_rounds_out(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    news = corpus / "eval" / "news"
    article = json.loads((news / "articles.jsonl").read_text(encoding="utf-8"))
    (news / "articles.jsonl").write_text(json.dumps({**article, "round": 35}) + "\n", encoding="utf-8")
    (news / "blind_rounds.json").write_text(json.dumps({"rounds": [34, 35]}), encoding="utf-8")
    nl.main(["rejudge-tasks", "--selectors", str(corpus / "table.tsv"), "--count-only"])
    printed = capsys.readouterr().out
    assert "train rounds 34,35 left out" in printed and "0 stored labels selected" in printed
    nl.main(["rejudge-tasks", "--selectors", str(corpus / "table.tsv"), "--count-only", "--exclude-rounds", ""])
    assert "4 stored labels selected (1 missed acts)" in capsys.readouterr().out


def test_task_text_names_the_version_and_its_sections(corpus: Path) -> None:
    assert nl.guideline_sections(1) == "sections 1-6"
    assert nl.guideline_sections(2) == "sections 1-6 with the decisions of section 7"
    assert nl.guideline_sections(3) == "sections 1-6 with the decisions of sections 7 and 8"
    assert nl.guideline_sections(4) == "sections 1-6 with the decisions of sections 7, 8 and 9"
    assert nl.guideline_sections(5) == "sections 1-6 with the decisions of sections 7, 8, 9 and 10"
    assert nl.decision_section(5) == 10
    assert nl.guideline_sections(6) == "sections 1-6 with the decisions of sections 7, 8, 9, 10 and 11"
    assert nl.decision_section(6) == 11
    nl.main(["rejudge-tasks", "--selectors", str(corpus / "table.tsv"), "--labellers", "V1"])  # the default: v6
    task = (corpus / "build" / "rejudge" / "tasks" / "V1_01.md").read_text(encoding="utf-8")
    assert "under version 6" in task and "VERSION 6 (sections 1-6 with the decisions of sections 7, 8, 9, 10 and 11" in task
    assert '"guidelines": 6' in task and '"guidelines": 5' not in task
    assert "made under version 1: every decision of sections 7-11 applies, not only those named" in task
    nl.main(["rejudge-tasks", "--version", "5", "--selectors", str(corpus / "table.tsv"), "--labellers", "V1"])
    task = (corpus / "build" / "rejudge" / "tasks" / "V1_01.md").read_text(encoding="utf-8")
    assert "under version 5" in task and "VERSION 5 (sections 1-6 with the decisions of sections 7, 8, 9 and 10" in task
    assert '"guidelines": 5' in task and '"guidelines": 4' not in task
    assert "made under version 1: every decision of sections 7-10 applies, not only those named" in task
    nl.main(["rejudge-tasks", "--version", "4", "--selectors", str(corpus / "table.tsv"), "--labellers", "V1"])
    task = (corpus / "build" / "rejudge" / "tasks" / "V1_01.md").read_text(encoding="utf-8")
    assert "under version 4" in task and "VERSION 4 (sections 1-6 with the decisions of sections 7, 8 and 9" in task
    assert '"guidelines": 4' in task and '"guidelines": 3' not in task
    assert "made under version 1: every decision of sections 7-9 applies, not only those named" in task
    nl.main(["rejudge-tasks", "--version", "3", "--selectors", str(corpus / "table.tsv"), "--labellers", "V1"])
    task = (corpus / "build" / "rejudge" / "tasks" / "V1_01.md").read_text(encoding="utf-8")
    assert "under version 3" in task and "VERSION 3 (sections 1-6 with the decisions of sections 7 and 8" in task
    assert '"guidelines": 3' in task and '"guidelines": 2' not in task and "VERSION 2" not in task
    items = (corpus / "build" / "rejudge" / "items.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["guidelines"] for line in items} == {3}
    # the corpus's labels carry no version (1): under v3 every decision of sections 7-8 applies to them
    assert "made under version 1: every decision of sections 7-8 applies, not only those named" in task
    nl.main(["rejudge-tasks", "--version", "2", "--selectors", str(corpus / "table.tsv"), "--labellers", "V1"])
    task = (corpus / "build" / "rejudge" / "tasks" / "V1_01.md").read_text(encoding="utf-8")
    assert "VERSION 2 (sections 1-6 with the decisions of section 7;" in task and '"guidelines": 2' in task
    assert "made under version" not in task  # version N-1's labels need only version N's decisions


def test_rejudge_add_under_v3_writes_3_and_archives_in_the_v2_files(corpus: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    news = corpus / "eval" / "news"
    (news / "labels_v1.jsonl").write_text('{"kept": "as it is"}\n', encoding="utf-8")
    labels = [json.loads(line) for line in (news / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    labels[0]["guidelines"] = 2  # e1 was made under v2: selectable for v3, archived with its own value
    (news / "labels.jsonl").write_text("".join(json.dumps(r) + "\n" for r in labels), encoding="utf-8")
    _items, missed_id, out = _tasks(corpus, "--version", "3")
    lines = [{"e": "e1", "act": "yes", "modality": "asserted", "root": "13", "src": "OK", "tgt": "NONE",
              "date": "OK", "note": "threat by content", "guidelines": 3},
             {"e": "e2", "act": "no", "note": "schedule", "guidelines": 2},  # the wrong version: left out
             {"m": missed_id, "act": "yes", "root": "04", "src": "RUR", "tgt": "HKG", "modality": "hypothetical",
              "date": "2020-01-02", "note": "appeal's act", "guidelines": 3}]
    (out / "V2_01.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert nl.main(["rejudge-add", str(out / "V2_01.jsonl")]) == 1
    printed = capsys.readouterr().out
    assert "guidelines must be 3" in printed
    assert "version 3: 1 event labels replaced, 1 missed acts rejudged (0 no longer listed); 1 lines" in printed
    rows = {r["event_id"]: r for r in map(json.loads, (news / "labels.jsonl").read_text(encoding="utf-8").splitlines())}
    assert (rows["e1"]["guidelines"], rows["e1"]["labeller"], rows["e2"]["guidelines"]) == (3, "V2", 1)
    old = [json.loads(line) for line in (news / "labels_v2.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["event_id"], r["guidelines"]) for r in old] == [("e1", 2)]
    assert (news / "labels_v1.jsonl").read_text(encoding="utf-8") == '{"kept": "as it is"}\n'
    missed = json.loads((news / "missed.jsonl").read_text(encoding="utf-8"))
    assert (missed["modality"], missed["guidelines"]) == ("hypothetical", 3)
    assert json.loads((news / "missed_v2.jsonl").read_text(encoding="utf-8"))["modality"] == "intended"
    assert not (news / "missed_v1.jsonl").exists()


def test_rejudge_add_reads_version_2_from_an_items_file_without_one(corpus: Path) -> None:
    nl.main(["rejudge-tasks", "--version", "2", "--selectors", str(corpus / "table.tsv"), "--labellers", "V1"])
    path = corpus / "build" / "rejudge" / "items.jsonl"
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("".join(json.dumps({k: v for k, v in i.items() if k != "guidelines"}) + "\n" for i in items),
                    encoding="utf-8")
    out = corpus / "build" / "rejudge" / "out"
    out.mkdir(parents=True)
    (out / "V1_01.jsonl").write_text(json.dumps({"e": "e3", "act": "no", "note": "routine"}) + "\n", encoding="utf-8")
    assert nl.main(["rejudge-add", str(out / "V1_01.jsonl")]) == 0
    news = corpus / "eval" / "news"
    assert json.loads((news / "labels_v1.jsonl").read_text(encoding="utf-8"))["event_id"] == "e3"
    assert not (news / "labels_v2.jsonl").exists()


@pytest.mark.parametrize("command", ["add", "batch-tasks", "batch-add"])
def test_guidelines_6_is_accepted_and_the_default(command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    target = {"add": "add", "batch-tasks": "batch_tasks", "batch-add": "batch_add"}[command]
    monkeypatch.setattr(nl, target, lambda args: seen.append(args.guidelines) or 0)
    files = [] if command == "batch-tasks" else ["x.jsonl"]
    nl.main([command, "--guidelines", "6", *files])
    nl.main([command, "--guidelines", "5", *files])  # rounds labelled under v5 (blind rounds begun before v6)
    nl.main([command, "--guidelines", "4", *files])
    nl.main([command, "--guidelines", "3", *files])
    nl.main([command, "--guidelines", "2", *files])
    nl.main([command, *files])
    assert seen == [6, 5, 4, 3, 2, 6]
    with pytest.raises(SystemExit):
        nl.main([command, "--guidelines", "7", *files])


def test_shipped_v3_table_has_a_first_batch_of_narrow_rows() -> None:
    """The first batch's sub-ids select a subset of the stored labels the table's wide rows select."""
    selectors = nl.read_selectors(nl.selectors_path(3))
    ids = list(dict.fromkeys(s["decision"] for s in selectors))
    narrow = [d for d in ids if re.fullmatch(r"D1\d[a-j]", d)]
    assert {"D11a", "D11e", "D12a", "D14a", "D18b", "D19a"} <= set(narrow)
    assert {d.rstrip("abcdefghij") for d in narrow} <= set(ids)


def test_rejudge_add_under_v4_writes_4_and_archives_in_the_v3_files(corpus: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    news = corpus / "eval" / "news"
    labels = [json.loads(line) for line in (news / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    labels[0]["guidelines"] = 3  # e1 was made under v3: selectable for v4, archived with its own value
    (news / "labels.jsonl").write_text("".join(json.dumps(r) + "\n" for r in labels), encoding="utf-8")
    items, missed_id, out = _tasks(corpus, "--version", "4")
    assert {i["guidelines"] for i in items} == {4}
    lines = [{"e": "e1", "act": "yes", "modality": "asserted", "root": "13", "src": "OK", "tgt": "NONE",
              "date": "OK", "note": "threat by content", "guidelines": 4},
             {"e": "e2", "act": "no", "note": "schedule", "guidelines": 3},  # the wrong version: left out
             {"m": missed_id, "act": "no", "note": "one reciprocal line", "guidelines": 4}]
    (out / "V3_01.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert nl.main(["rejudge-add", str(out / "V3_01.jsonl")]) == 1
    printed = capsys.readouterr().out
    assert "guidelines must be 4" in printed
    assert "version 4: 1 event labels replaced, 1 missed acts rejudged (1 no longer listed); 1 lines" in printed
    rows = {r["event_id"]: r for r in map(json.loads, (news / "labels.jsonl").read_text(encoding="utf-8").splitlines())}
    assert (rows["e1"]["guidelines"], rows["e1"]["labeller"], rows["e2"]["guidelines"]) == (4, "V3", 1)
    old = [json.loads(line) for line in (news / "labels_v3.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["event_id"], r["guidelines"]) for r in old] == [("e1", 3)]
    assert json.loads((news / "missed_v3.jsonl").read_text(encoding="utf-8"))["note"] == "duplicate mention"
    assert not (news / "labels_v2.jsonl").exists()


def _stored(trigger: str, note: str, cameo: str = "080", missed: bool = False, **values: object) -> dict:
    """A stored label for the shipped v4 table (no text needed: the selectors read trigger, code, note, values)."""
    row = {"corpus": "mini.jsonl", "id": "a1", "split": "train", "sentence": 0, "trigger": trigger, "note": note,
           "sentence_ref": {"start": 0, "end": 10, "sha1": "x"}, "trigger_in_sentence": [0, len(trigger)],
           "guidelines": 3, **values}
    if missed:
        return {**row, "missed": True}
    return {**row, "event_id": f"e-{trigger}-{len(note)}", "coded": {"cameo": cameo}}


def test_shipped_v4_table_selects_what_its_decisions_change() -> None:
    """tools/rejudge_v4.tsv is narrow: an executive's authorisation labelled as a routine vote, a reciprocal threat
    listed per direction and a police raid labelled 19 are selected; boilerplate, a veto already labelled 12 and a
    raid already labelled 17 are not."""
    selectors = nl.read_selectors(nl.selectors_path(4))
    ids = list(dict.fromkeys(s["decision"] for s in selectors))
    assert {"D20a", "D20b", "D21", "D22a", "D22b", "D22c", "D22d", "D22e", "D22f", "D22g"} == set(ids)
    rows = {
        "D20a": _stored("authorized", "D12h: the authorisation is routine; the strikes are on their own trigger",
                        act=False, root=None),
        "none1": _stored("authorized", "officials not authorized to speak to reporters", act=False, root=None),
        "none2": _stored("authorize", "D12h: the authorising vote is routine; the force is on its own trigger",
                         act=False, root=None),
        "D20b": _stored("veto", "veto of a bill: legislative step", cameo="120", act=False, root=None),
        "none3": _stored("vetoed", "veto = reject the resolution", cameo="120", act=True, root="12"),
        "D22a": _stored("threats", "exchanged threats, reverse direction", missed=True, root="13"),
        "D22f": _stored("raids", "police raids on suspects' homes", cameo="190", act=True, root="19"),
        "none4": _stored("raid", "FBI raid on an official's home", cameo="190", act=True, root="17"),
        "D22c": _stored("pulled", "US quit the nuclear deal", missed=True, act=None, root="12"),
    }
    chosen = nl.select_rejudge(list(rows.values()), selectors, {"train"}, None, 4)
    got = {key: chosen.get(nl.rejudge_item_id(row), []) for key, row in rows.items()}
    assert got == {"D20a": ["D20a"], "none1": [], "none2": [], "D20b": ["D20b"], "none3": [], "D22a": ["D22a"],
                   "D22f": ["D22f"], "none4": [], "D22c": ["D22c"]}
    assert nl.select_rejudge(list(rows.values()), selectors, {"train"}, None, 3) == {}  # made under v3: not below 3


def test_shipped_v5_table_selects_what_its_decisions_change() -> None:
    """tools/rejudge_v5.tsv is narrow: a private exchange inside one government labelled as an act, an asserted act
    dated a day "this week", a proposed act in an op-ed labelled no act and an airspace entry labelled 19 are selected;
    the same exchange already `act no`, a planned act "later this week" and an airspace entry labelled 15 are not."""
    selectors = nl.read_selectors(nl.selectors_path(5))
    ids = list(dict.fromkeys(s["decision"] for s in selectors))
    assert {"D23", "D24", "D25", "D26", "D27", "D28", "D29", "D30"} == set(ids)
    rows = {
        "D23": _stored("suggested", "officials suggest a policy to their own administration (D12d?)", cameo="020",
                       act=True, root="02"),
        "none1": _stored("advised", "exchange inside one government, no act (D12d)", cameo="020", act=False, root=None),
        "D25": _stored("met", "talks earlier this week", cameo="040", act=True, root="04", modality="asserted",
                       date="2019-04-30"),
        "none2": _stored("talks", "talks planned later this week", cameo="040", act=True, root="04",
                         modality="intended", date="2019-05-01"),
        "D27": _stored("suspend", "op-ed writer's proposal, the writer is no actor", cameo="160", act=False, root=None),
        "D29": _stored("entered", "drone entered the neighbour's airspace", missed=True, root="19"),
        "none3": _stored("flew", "jets flew through the neighbour's airspace", cameo="150", act=True, root="15"),
    }
    chosen = nl.select_rejudge(list(rows.values()), selectors, {"train"}, None, 5)
    got = {key: chosen.get(nl.rejudge_item_id(row), []) for key, row in rows.items()}
    assert got == {"D23": ["D23"], "none1": [], "D25": ["D25"], "none2": [], "D27": ["D27"], "D29": ["D29"],
                   "none3": []}


def test_shipped_v6_table_selects_what_its_decisions_change() -> None:
    """tools/rejudge_v6.tsv is narrow: member states' ministers meeting among themselves labelled no act, an aim word
    labelled as an intended act, an editor's note labelled as an act and a cancelled meeting labelled intended are
    selected; the same meeting labelled `IGO` to `IGO`, an aim word already `act no`, a label that says it is not
    furniture and an intended meeting nobody cancelled are not."""
    selectors = nl.read_selectors(nl.selectors_path(6))
    ids = list(dict.fromkeys(s["decision"] for s in selectors))
    assert {"D31", "D32", "D33", "D34", "D35", "D36", "D37", "D38"} == set(ids)
    rows = {
        "D32": _stored("discussed", "EC farm ministers discussing the package, internal routine", cameo="040",
                       act=False, root=None, guidelines=5),
        "none1": _stored("met", "OPEC ministers met", cameo="040", act=True, root="04", src="IGO", tgt="IGO",
                         guidelines=5),
        "D34": _stored("ease", "purpose of the talks (D14b)", cameo="080", act=True, root="08", modality="intended"),
        "none2": _stored("defend", "stated aim of the deployment (D14b)", cameo="074", act=False, root=None),
        "D36": _stored("clashes", "clashes with police; editor's note", cameo="190", act=True, root="14"),
        "none3": _stored("pushing", "habitual pushback; not furniture (D19)", cameo="020", act=True, root="11"),
        "D38": _stored("meet", "the meeting was cancelled", missed=True, root="04", modality="intended"),
        "none4": _stored("summit", "the leaders' summit next week", missed=True, root="04", modality="intended"),
    }
    chosen = nl.select_rejudge(list(rows.values()), selectors, {"train"}, None, 6)
    got = {key: chosen.get(nl.rejudge_item_id(row), []) for key, row in rows.items()}
    assert got == {"D32": ["D32"], "none1": [], "D34": ["D34"], "none2": [], "D36": ["D36"], "none3": [],
                   "D38": ["D38"], "none4": []}
    made_under_v6 = [{**row, "guidelines": 6} for row in rows.values()]
    assert nl.select_rejudge(made_under_v6, selectors, {"train"}, None, 6) == {}  # made under v6: not below 6
