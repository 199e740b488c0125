"""Scoring on labelled real news (dateline.newseval): matching labels to re-coded events, the scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import GoldError
from dateline.newseval import (
    LabelSet, check_news_floors, country_level, duplicate_texts, event_keys, find_span, format_by_corpus, format_by_rule, format_news_report, load_labels, raise_news_floors, scores_by_corpus,
    score, sentence_span,
)

TEXT = "Intro line.\n\nRussia expelled two\nBritish diplomats on Monday. Police said the storm hit Leeds."


def side(code: str | None) -> dict[str, Any] | None:
    return None if code is None else {"text": code, "code": code + "GOV", "country": code}


def coded_record() -> dict[str, Any]:
    """A record as `dateline extract` gives it: the body unwraps the corpus text's line break."""
    body = "Intro line.\n\nRussia expelled two British diplomats on Monday. Police said the storm hit Leeds."
    s1 = body.index("Russia")
    s2 = body.index("Police")

    def event(trigger: str, cameo: str, src: str | None, tgt: str | None, **kw: Any) -> dict[str, Any]:
        at = body.index(trigger)
        return {"trigger": trigger, "span": [at, at + len(trigger)], "cameo": cameo, "source": side(src),
                "target": side(tgt), "modality": "asserted", "negated": False,
                "sentence": 1 if at < s2 else 2, "date": {"value": "2018-03-12"}, **kw}

    return {"id": "r1", "article": {"body": body},
            "sentences": [{"index": 0, "start": 0, "end": 11}, {"index": 1, "start": s1, "end": s2 - 1},
                          {"index": 2, "start": s2, "end": len(body)}],
            "events": [event("expelled", "166", "RUS", "GBR"), event("said", "010", "GBR", None),
                       event("hit", "190", None, "GBR"), event("expelled", "036", "RUS", "GBR", modality="intended")]}


def label(trigger: str, sentence_start: int, **gold: Any) -> dict[str, Any]:
    sentence_end = TEXT.index(".", TEXT.index("Monday")) + 1 if sentence_start < TEXT.index("Police") else len(TEXT)
    at = TEXT[sentence_start:sentence_end].index(trigger)
    row = {"corpus": "c.jsonl", "id": "r1", "split": "dev", "event_id": trigger, "sentence_ref":
           {"start": sentence_start, "end": sentence_end}, "trigger_in_sentence": [at, at + len(trigger)],
           "coded": {}, "act": True, "modality": "asserted", "root": "16", "src": "RUS", "tgt": "GBR",
           "date": "2018-03-12"}
    row.update(gold)
    return row


def labelset(labels: list[dict[str, Any]], missed: list[dict[str, Any]] | None = None) -> LabelSet:
    return LabelSet([{"corpus": "c.jsonl", "id": "r1", "split": "dev", "sha1": ""}], labels, missed or [], {"r1"})


def test_find_span_matches_across_wrapped_lines() -> None:
    assert find_span(TEXT, "Russia expelled two British diplomats") == (13, 50)
    assert find_span(TEXT, "not there") is None


def test_event_keys_point_into_the_corpus_text() -> None:
    keys = event_keys(coded_record(), TEXT)
    start = TEXT.index("Russia")
    assert keys[0] == ("r1", start, len("Russia "))
    assert keys[2] is not None and TEXT[keys[2][1] + keys[2][2]:].startswith("hit")


def test_sentence_span_finds_a_sentence_whose_middle_the_structure_stage_cut() -> None:
    text = "Ministers met on Friday with Anna Berg Anna BergOther story headline MORE.\n\nThey agreed."
    card = text.index(" Anna BergOther")
    body = "Ministers met on Friday with Anna Berg.\n\nThey agreed."
    record = {"article": {"body": body, "removed": [{"kind": "link_card", "span": [card, text.index(".")]}]},
              "sentences": [{"start": 0, "end": body.index("\n")}, {"start": body.index("They"), "end": len(body)}]}
    assert find_span(text, "Ministers met on Friday with Anna Berg.") is None
    assert sentence_span(record, text, 0) == (0, text.index(".") + 1)
    assert sentence_span(record, text, 1) == (text.index("They"), len(text))
    record["article"]["removed"] = []
    assert sentence_span(record, text, 0) is None


def test_country_level() -> None:
    assert country_level(None) == "NONE"
    assert country_level({"code": "IGOUNO", "country": None}) == "IGO"
    assert country_level({"code": None, "country": None}) == "UNK"
    assert country_level({"code": "RUSGOV", "country": "RUS"}) == "RUS"


def test_score_precision_recall_and_reasons() -> None:
    police = TEXT.index("Police")
    labels = [label("expelled", TEXT.index("Russia")),
              label("said", police, act=False, modality=None, root=None, src=None, tgt=None, date=None),
              label("hit", police, act=False, modality=None, root=None, src=None, tgt=None, date=None)]
    missed = [dict(label("diplomats", TEXT.index("Russia")), root="16", missed=True)]
    scores = score(labelset(labels, missed), {"r1": coded_record()}, {"r1": {"text": TEXT}}, "dev")
    assert (scores.events, scores.counted, scores.counted_judged) == (4, 3, 3)
    assert scores.counted_right == 1 and scores.counted_real == 1 and scores.date_right == 1
    assert scores.not_real == {"not an act": 2}
    assert scores.precision == pytest.approx(1 / 3)
    # Gold acts on the recall article: the labelled expulsion (found, right root) and the missed one.
    assert (scores.gold_acts, scores.gold_found, scores.gold_found_root) == (2, 1, 1)
    # The keep rule's number: the harmonic mean of precision 1/3 and recall 1/2.
    assert scores.f1 == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))
    assert "F1 of precision and recall: 0.4000" in format_news_report(scores)


def test_listed_acts_in_link_cards_do_not_count_in_recall() -> None:
    """A missed act listed inside text the structure removed as another story's headline (a link
    card) is not the article's act: it leaves recall's denominator."""
    labels = [label("expelled", TEXT.index("Russia"))]
    missed = [dict(label("diplomats", TEXT.index("Russia")), root="16", missed=True)]
    record = coded_record()
    at = TEXT.index("diplomats")
    record["article"]["removed"] = [{"kind": "link_card", "text": "x", "reason": "r", "span": [at - 1, at + 20]}]
    scores = score(labelset(labels, missed), {"r1": record}, {"r1": {"text": TEXT}}, "dev")
    assert (scores.gold_acts, scores.gold_found) == (1, 1)
    record["article"]["removed"][0]["kind"] = "caption"  # other furniture: still counted
    scores = score(labelset(labels, missed), {"r1": record}, {"r1": {"text": TEXT}}, "dev")
    assert (scores.gold_acts, scores.gold_found) == (2, 1)


def test_score_wrong_fields_and_unjudged_events() -> None:
    labels = [label("expelled", TEXT.index("Russia"), root="11", tgt="USA")]
    errors: list[dict[str, Any]] = []
    scores = score(labelset(labels), {"r1": coded_record()}, {"r1": {"text": TEXT}}, "dev", errors)
    assert scores.counted_judged == 1 and scores.counted_real == 1 and scores.counted_right == 0
    assert scores.root_right == 0 and scores.source_right == 1 and scores.target_right == 0
    assert scores.counted - scores.counted_judged == 2  # no label at their trigger: unjudged, not guessed
    assert len(errors) == 1 and errors[0]["judged"]["root"] == "11"


def test_strict_precision_counts_unjudged_events_of_recall_articles_as_wrong() -> None:
    """A recall article lists every real asserted act, so a counted event with no label at its trigger there is no
    act of the labels: strict precision counts it wrong; on an article without a recall list it stays unjudged."""
    labels = [label("expelled", TEXT.index("Russia"))]
    scores = score(labelset(labels), {"r1": coded_record()}, {"r1": {"text": TEXT}}, "dev")
    assert (scores.counted_judged, scores.counted_right, scores.counted_unjudged_recall) == (1, 1, 2)
    assert scores.precision == 1.0 and scores.strict_precision == pytest.approx(1 / 3)
    assert scores.strict_f1 == pytest.approx(2 * (1 / 3) * 1.0 / (1 / 3 + 1.0))
    assert "strict (the 2 unjudged counted events of recall articles as wrong): precision 1/3" in \
        format_news_report(scores)
    no_recall = LabelSet([{"corpus": "c.jsonl", "id": "r1", "split": "dev", "sha1": ""}], labels, [], set())
    scores = score(no_recall, {"r1": coded_record()}, {"r1": {"text": TEXT}}, "dev")
    assert scores.counted_unjudged_recall == 0 and scores.strict_precision == 1.0


@pytest.mark.parametrize("split", ["test", "fresh", "all"])
def test_locked_splits_refuse_per_event_output(split: str) -> None:
    with pytest.raises(GoldError) as info:
        score(labelset([]), {}, {}, split, [])
    assert info.value.code == "E310"


def test_news_floors_only_rise(tmp_path: Path) -> None:
    labels = [label("expelled", TEXT.index("Russia"))]
    scores = score(labelset(labels), {"r1": coded_record()}, {"r1": {"text": TEXT}}, "dev")
    floors = tmp_path / "floors.json"
    raise_news_floors(scores, floors)
    assert json.loads(floors.read_text())["news_dev_precision"] == 1.0
    assert check_news_floors(scores, floors) == []
    worse = score(labelset([label("expelled", TEXT.index("Russia"), root="11")]), {"r1": coded_record()},
                  {"r1": {"text": TEXT}}, "dev")
    assert set(check_news_floors(worse, floors)) == {"news_dev_precision", "news_dev_recall", "news_dev_strict_f1",
                                                     "news_dev_expected_kept", "news_dev_reach_recall",
                                                     "news_dev_reach_expected_kept"}
    assert json.loads(floors.read_text())["news_dev_strict_f1"] == pytest.approx(scores.strict_f1, abs=1e-4)
    with pytest.raises(Exception) as info:
        raise_news_floors(worse, floors)
    assert getattr(info.value, "code", None) == "E303"


def test_load_labels_scores_only_complete_articles(tmp_path: Path) -> None:
    rows = [{"corpus": "c.jsonl", "id": i, "split": "dev", "sha1": ""} for i in ("a", "b")]
    (tmp_path / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "labels.jsonl").write_text("")
    (tmp_path / "complete.json").write_text('["b"]')
    assert [a["id"] for a in load_labels(tmp_path / "labels.jsonl").articles] == ["b"]
    (tmp_path / "articles.jsonl").unlink()
    with pytest.raises(GoldError) as info:
        load_labels(tmp_path / "labels.jsonl")
    assert info.value.code == "E307"


def test_one_text_is_one_article(tmp_path: Path) -> None:
    """The corpora repeat some stories under two ids: a text two articles share is kept once, in the split first in
    SPLIT_PRECEDENCE (a test article's train copy is left out of train, so no model is fitted on it), then the
    lowest id; the copies' labels and missed acts go with them."""
    rows = [{"corpus": "c.jsonl", "id": i, "split": split, "sha1": sha}
            for i, split, sha in (("t1", "train", "x"), ("s1", "test", "x"), ("t2", "train", "y"), ("t3", "train", "y"),
                                  ("d1", "dev", "z"), ("t4", "train", ""), ("t5", "train", ""))]
    assert duplicate_texts(rows) == {"t1", "t3"}
    (tmp_path / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "labels.jsonl").write_text("".join(json.dumps({"id": i}) + "\n" for i in ("t1", "s1", "t3", "t2")))
    (tmp_path / "missed.jsonl").write_text(json.dumps({"id": "t3"}) + "\n")
    (tmp_path / "recall.json").write_text('["t1", "t2", "t3"]')
    loaded = load_labels(tmp_path / "labels.jsonl")
    assert [a["id"] for a in loaded.articles] == ["s1", "t2", "d1", "t4", "t5"]
    assert [r["id"] for r in loaded.labels] == ["s1", "t2"] and loaded.missed == [] and loaded.recall_articles == {"t2"}


def test_precision_by_rule() -> None:
    record = coded_record()
    record["events"][0]["evidence"] = {"rules": {"trigger": "verbs.tsv:expel", "target": "_verb_roles"}}
    record["events"][2]["evidence"] = {"rules": {"trigger": "verbs.tsv:hit", "target": "_verb_roles"}}
    police = TEXT.index("Police")
    labels = [label("expelled", TEXT.index("Russia")),
              label("hit", police, act=False, modality=None, root=None, src=None, tgt=None, date=None)]
    scores = score(labelset(labels), {"r1": record}, {"r1": {"text": TEXT}}, "dev")
    assert scores.by_rule == {"trigger=verbs.tsv:expel": [1, 1], "target=_verb_roles": [2, 1],
                              "trigger=verbs.tsv:hit": [1, 0]}
    table = format_by_rule(scores, minimum=1).splitlines()
    assert table[2].split() == ["0.000", "1", "trigger=verbs.tsv:hit"]  # worst first


def two_corpora(first: str, second: str, *, first_root: str = "16", second_root: str = "16"
                ) -> tuple[LabelSet, dict[str, Any], dict[str, Any]]:
    """Two copies of the coded record, r1 from corpus ``first`` and r2 from ``second``, each with one label on
    "expelled" (root ``first_root`` / ``second_root``; the coded root is 16): the labels, coded records and texts."""
    at = TEXT.index("Russia")
    labels = [{**label("expelled", at, root=first_root), "corpus": first},
              {**label("expelled", at, root=second_root), "id": "r2", "corpus": second}]
    articles = [{"corpus": first, "id": "r1", "split": "dev", "sha1": ""},
                {"corpus": second, "id": "r2", "split": "dev", "sha1": ""}]
    return (LabelSet(articles, labels, [], {"r1", "r2"}), {"r1": coded_record(), "r2": {**coded_record(), "id": "r2"}},
            {"r1": {"text": TEXT}, "r2": {"text": TEXT}})


def test_scores_by_corpus_split_the_totals() -> None:
    """`dateline eval --by-corpus`: each corpus's articles scored alone; the parts add up to the totals."""
    labels, coded, texts = two_corpora("c.jsonl", "d.jsonl", second_root="11")
    total = score(labels, coded, texts, "dev")
    parts = scores_by_corpus(labels, coded, texts, "dev")
    assert list(parts) == ["c", "d"]
    assert (parts["c"].articles, parts["c"].counted_right, parts["d"].counted_right) == (1, 1, 0)
    assert parts["c"].counted + parts["d"].counted == total.counted
    assert parts["c"].counted_right + parts["d"].counted_right == total.counted_right == 1
    assert parts["c"].gold_acts + parts["d"].gold_acts == total.gold_acts
    rows = format_by_corpus(parts).splitlines()
    assert rows[0].startswith("| corpus |") and rows[2].startswith("| c | 1 |") and rows[3].startswith("| d | 1 |")


def test_allsides_has_a_floor_of_its_own(tmp_path: Path) -> None:
    """A change cannot buy the totals with a loss on AllSides: its strict F1 has its own floor, checked whenever the
    scores by corpus are given, and named as unchecked when they are not."""
    labels, coded, texts = two_corpora("allsides_abp.jsonl", "bbc.jsonl")
    by_corpus = scores_by_corpus(labels, coded, texts, "dev")
    floors = tmp_path / "floors.json"
    raise_news_floors(score(labels, coded, texts, "dev"), floors, by_corpus=by_corpus)
    written = json.loads(floors.read_text())
    assert written["news_dev_allsides_abp_strict_f1"] == pytest.approx(by_corpus["allsides_abp"].strict_f1, abs=1e-4)
    assert "news_dev_bbc_strict_f1" not in written  # only the floored corpora
    # AllSides loses its right event: its own floor fails, and is named
    traded = two_corpora("allsides_abp.jsonl", "bbc.jsonl", first_root="11")[0]
    traded_by = scores_by_corpus(traded, coded, texts, "dev")
    assert "news_dev_allsides_abp_strict_f1" in check_news_floors(score(traded, coded, texts, "dev"), floors, traded_by)
    # without the scores by corpus, the floor is named, not passed
    assert any(n.startswith("news_dev_allsides_abp_strict_f1 (not scored")
               for n in check_news_floors(score(labels, coded, texts, "dev"), floors))
    assert check_news_floors(score(labels, coded, texts, "dev"), floors, by_corpus) == []


def test_by_corpus_is_refused_on_a_locked_split() -> None:
    from click.testing import CliRunner

    from dateline.cli import cli

    result = CliRunner().invoke(cli, ["eval", str(Path(__file__).resolve().parents[2] / "eval/news/labels.jsonl"),
                                      "--split", "test", "--by-corpus"])
    assert result.exit_code != 0 and "E310" in result.output


def test_an_intended_act_is_right_as_the_coded_intent_on_its_trigger() -> None:
    """docs/annotation.md section 2: "X will do Z" is X expressing intent, 03x for a cooperative Z and
    13x for a hostile one; coded on Z's trigger it is judged by Z's label."""
    from dateline.newseval import coded_root, is_right

    meet = label("expelled", 0, modality="intended", root="04")
    strike = label("expelled", 0, modality="intended", root="19")
    statement = label("expelled", 0, modality="intended", root="01")
    event = {"cameo": "036", "source": side("RUS"), "target": side("GBR")}
    assert (coded_root(meet), coded_root(strike), coded_root(statement)) == ("03", "13", None)
    assert is_right(event, meet)
    assert not is_right(event, strike) and not is_right(event, statement)
    assert not is_right(dict(event, cameo="040"), meet)  # the meeting itself asserted: wrong modality
    assert not is_right(event, label("expelled", 0, act=False, modality=None, root=None))
    # the intent itself labelled with its content's modality ("promised to help": root 03, intended)
    promise = label("expelled", 0, modality="intended", root="03")
    assert coded_root(promise) == "03" and is_right(event, promise)
    assert not is_right(dict(event, cameo="040"), promise)


def test_expected_and_forbidden_events_per_article() -> None:
    """Every labelled real act is expected (kept only when a counted event gets it right), every
    labelled non-act forbidden (counted anyway when a counted event sits on it)."""
    police = TEXT.index("Police")
    labels = [label("expelled", TEXT.index("Russia")),
              label("said", police, act=False, modality=None, root=None, src=None, tgt=None, date=None),
              label("hit", police, act=False, modality=None, root=None, src=None, tgt=None, date=None)]
    scores = score(labelset(labels), {"r1": coded_record()}, {"r1": {"text": TEXT}}, "dev")
    assert scores.per_article == {"r1": [1, 1, 2, 2, 1]}
    assert scores.expected_kept == 1.0 and scores.forbidden_dropped == 0.0
    wrong = [label("expelled", TEXT.index("Russia"), tgt="USA")] + labels[1:2]
    scores = score(labelset(wrong), {"r1": coded_record()}, {"r1": {"text": TEXT}}, "dev")
    assert scores.per_article == {"r1": [1, 0, 1, 1, 0]} and scores.expected_kept == 0.0


def test_reach_counts_the_events_the_default_threshold_left_out() -> None:
    """Recall and expected kept are of the counted events; their reach twins also take the events counted at any
    confidence (below the default threshold of ``counted``), never a negated or not asserted one, nor one the act
    filter un-counted."""
    labels = [label("expelled", TEXT.index("Russia"))]
    missed = [dict(label("diplomats", TEXT.index("Russia")), root="16", missed=True)]
    record = coded_record()
    record["events"][0].update(confidence=0.1, counted=False)  # the right expulsion, below the threshold
    for event in record["events"][1:]:
        event.update(confidence=0.9, counted=event["modality"] == "asserted")
    scores = score(labelset(labels, missed), {"r1": record}, {"r1": {"text": TEXT}}, "dev")
    assert (scores.gold_acts, scores.gold_found_root, scores.gold_found_root_any) == (2, 0, 1)
    assert scores.recall == 0.0 and scores.reach_recall == 0.5
    assert scores.expected_kept == 0.0 and scores.reach_expected_kept == 1.0
    assert "at any confidence: 1/2" in format_news_report(scores)
    record["events"][0]["evidence"] = {"act_filter": {"p": 0.1, "threshold": 0.15}}
    scores = score(labelset(labels, missed), {"r1": record}, {"r1": {"text": TEXT}}, "dev")
    assert scores.gold_found_root_any == 0 and scores.reach_expected_kept == 0.0
    record["events"][0].update(evidence={}, negated=True)
    scores = score(labelset(labels, missed), {"r1": record}, {"r1": {"text": TEXT}}, "dev")
    assert scores.gold_found_root_any == 0


def test_an_event_on_a_listed_missed_act_is_judged_by_that_act() -> None:
    """A rule added after labelling that codes an act the labellers listed as missed is judged by the
    missed act's label (not left unjudged): right when its root and countries are the listed ones."""
    police = TEXT.index("Police")
    labels = [label("expelled", TEXT.index("Russia"))]
    hit = dict(label("storm hit", police, root="19", src="NONE", tgt="GBR"), missed=True)
    scores = score(labelset(labels, [hit]), {"r1": coded_record()}, {"r1": {"text": TEXT}}, "dev")
    # "hit" (190, no source, GBR) sits inside the listed trigger "storm hit": judged, and right.
    assert (scores.counted, scores.counted_judged, scores.counted_right) == (3, 2, 2)
    wrong = dict(hit, tgt="FRA")
    scores = score(labelset(labels, [wrong]), {"r1": coded_record()}, {"r1": {"text": TEXT}}, "dev")
    assert (scores.counted_judged, scores.counted_right, scores.target_right) == (2, 1, 1)


def test_the_read_and_unread_halves_split_the_articles_by_id_alone() -> None:
    """An article's half depends on its id only, the halves part the articles, and both are about one in two."""
    from dateline.newseval import HALVES, article_half

    ids = [f"article-{i}" for i in range(400)]
    halves = [article_half(i) for i in ids]
    assert halves == [article_half(i) for i in ids]
    assert set(halves) == set(HALVES)
    assert 150 < halves.count("read") < 250
    labels = LabelSet([{"id": i, "split": "train"} for i in ids], [{"id": i} for i in ids], [], set(ids))
    read, unread, every = labels.half("read"), labels.half("unread"), labels.half("all")
    assert {a["id"] for a in read.articles} | {a["id"] for a in unread.articles} == set(ids)
    assert not {a["id"] for a in read.articles} & {a["id"] for a in unread.articles}
    assert len(read.labels) == halves.count("read") and every is labels
