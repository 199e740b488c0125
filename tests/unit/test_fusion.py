"""Event fusion over hand-built mention rows: what fuses, what does not, and order independence."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from dateline.fusion import block_key, content_overlap, fuse, places_conflict, rules

SHELLING = "Russian troops shelled the television tower in Kyiv overnight, killing five people"


def mention(mid: str, article: str, *, cameo: str = "190", src: str | None = "RUS", src_code: str | None = "RUSMIL",
            tgt: str | None = "UKR", tgt_code: str | None = "UKR", day: str | None = "2022-03-01",
            granularity: str = "day", outlet: str | None = None, reciprocal: bool = False,
            place: tuple[str, str, float, float] | None = None, published: str = "2022-03-02",
            sentence: str = SHELLING, trigger: str = "verbs.tsv:shell", confidence: float | None = 0.3,
            date_source: str = "text") -> dict[str, Any]:
    name, country, lat, lon = place or (None, None, None, None)
    return {
        "sentence_text": sentence, "trigger_rule": trigger, "trigger": trigger.split(":")[-1],
        "confidence": confidence, "date_source": date_source,
        "id": mid, "article_id": article, "idx": 0, "sentence": 0, "cameo": cameo,
        "source_text": src_code, "source_code": src_code, "source_country": src, "source_sector": None,
        "target_text": tgt_code, "target_code": tgt_code, "target_country": tgt, "target_sector": None,
        "reciprocal": reciprocal, "date_value": day, "date_granularity": granularity if day else None,
        "date_first": None, "date_last": None, "location_name": name, "location_country": country,
        "lat": lat, "lon": lon, "published": dt.date.fromisoformat(published), "outlet": outlet or f"outlet-{article}",
    }


def groups(rows: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    return sorted(f.mention_ids for f in fuse(rows))


def test_fusion_same_act_across_outlets_fuses() -> None:
    rows = [mention("m1", "a1"), mention("m2", "a2", cameo="193"), mention("m3", "a3", src_code="RUS")]
    fused = fuse(rows)
    assert len(fused) == 1
    row = fused[0].row
    assert (row["n_mentions"], row["n_articles"], row["n_outlets"]) == (3, 3, 3)
    assert row["cameo"] == "193" and row["quad_class"] == 4 and row["goldstein"] == -10.0
    assert row["source_code"] == "RUSMIL"


def test_fusion_different_days_and_codes_stay_apart() -> None:
    rows = [mention("m1", "a1"), mention("m2", "a2", day="2022-03-02"),
            mention("m3", "a3", src_code="RUSGOV", sentence="Russian shelling hit a tower in Kyiv, the mayor said"),
            mention("m4", "a4", cameo="040")]
    assert len(groups(rows)) == 4


def test_fusion_month_does_not_bridge_two_days() -> None:
    rows = [mention("m1", "a1", day="2022-03-01"), mention("m2", "a2", day="2022-03-20"),
            mention("m3", "a3", day="2022-03", granularity="month")]
    assert groups(rows) == [("m1",), ("m2",), ("m3",)]
    # with one day in that month, the month joins it
    assert groups(rows[::2]) == [("m1", "m3")]


def test_fusion_places_conflict() -> None:
    kyiv = ("Kyiv", "UKR", 50.45, 30.52)
    lviv = ("Lviv", "UKR", 49.84, 24.03)
    assert len(groups([mention("m1", "a1", place=kyiv), mention("m2", "a2", place=lviv)])) == 2
    assert len(groups([mention("m1", "a1", place=kyiv), mention("m2", "a2", place=kyiv)])) == 1
    assert len(groups([mention("m1", "a1", place=kyiv), mention("m2", "a2")])) == 1


def test_fusion_reciprocal_sides_in_either_order() -> None:
    a = mention("m1", "a1", cameo="040", src="USA", src_code="USAGOV", tgt="PRK", tgt_code="PRKGOV", reciprocal=True)
    b = mention("m2", "a2", cameo="043", src="PRK", src_code="PRKGOV", tgt="USA", tgt_code="USA", reciprocal=True)
    assert block_key(a) == block_key(b)
    fused = fuse([a, b])
    assert len(fused) == 1 and fused[0].row["cameo"] == "043"


def test_fusion_undated_only_within_its_article() -> None:
    rows = [mention("m1", "a1"), mention("m2", "a1", day=None), mention("m3", "a2", day=None)]
    assert groups(rows) == [("m1", "m2"), ("m3",)]


def test_fusion_is_order_independent_and_incremental() -> None:
    rng = random.Random(13)
    sentences = [SHELLING, "Russian troops shelled the television tower in Kyiv", "Kyiv's television tower was hit",
                 "Russian artillery hit a grain depot near Odesa"]
    rows = [mention(f"m{i}", f"a{i % 7}", day=f"2022-03-0{1 + i % 3}", cameo=rng.choice(["190", "193", "040"]),
                    src_code=rng.choice(["RUS", "RUSMIL", "RUSGOV", "RUSELI"]), sentence=rng.choice(sentences),
                    date_source=rng.choice(["text", "published"]), confidence=rng.choice([0.0, 0.3, None]))
            for i in range(40)]
    rows += [mention(f"c{i}", f"a{i}", day="2022-03", granularity="month") for i in range(3)]
    once = [(f.row, f.mention_ids) for f in fuse(rows)]
    for _ in range(5):
        rng.shuffle(rows)
        assert [(f.row, f.mention_ids) for f in fuse(rows)] == once
    assert any(len(ids) > 1 for _, ids in once) and len(once) > 1


def test_fusion_representative_is_best_dated() -> None:
    rows = [mention("m1", "a1", day="2022-03", granularity="month", published="2022-03-05"),
            mention("m2", "a2", published="2022-03-03"), mention("m3", "a3", published="2022-03-04")]
    (fused,) = fuse(rows)
    assert fused.row["representative"] == "m2"
    assert fused.row["first_reported"] == dt.date(2022, 3, 3) and fused.row["last_reported"] == dt.date(2022, 3, 5)
    assert fused.row["date_value"] == "2022-03-01"


def test_fusion_bare_country_does_not_bridge_two_agencies() -> None:
    rows = [mention("m1", "a1", src_code="RUSGOV"), mention("m2", "a2", src_code="RUSMIL"),
            mention("m3", "a3", src_code="RUS")]
    # (the same words would be one act whatever the codes: see the tests below)
    rows[1]["sentence_text"] = "A tower in Kyiv was hit by Russian fire, an army spokesman said"
    assert groups(rows) == [("m1",), ("m2",), ("m3",)]
    assert groups(rows[::2]) == [("m1", "m3")]


def test_fusion_unidentified_side_fuses_only_within_its_article() -> None:
    rows = [mention("m1", "a1", tgt=None, tgt_code=None), mention("m2", "a2", tgt=None, tgt_code=None),
            mention("m3", "a1", tgt=None, tgt_code=None), mention("m4", "a4", tgt=None, tgt_code="GOV")]
    assert groups(rows) == [("m1", "m3"), ("m2",), ("m4",)]


def test_fusion_statements_fuse_only_on_the_same_words() -> None:
    said = "We will not be intimidated by terror and we will find those responsible"
    rows = [dict(mention("m1", "a1", cameo="010", sentence=f'"{said}," the minister said.'), quote_text=said),
            dict(mention("m2", "a2", cameo="010", sentence=f'The minister said: "{said}."'), quote_text=f"{said}."),
            dict(mention("m3", "a3", cameo="010", sentence='"The markets will open as usual on Monday," '
                                                             "the minister said."),
                 quote_text="The markets will open as usual on Monday"),
            mention("m4", "a4", cameo="010", sentence="The minister said the border crossings would stay closed.")]
    assert groups(rows) == [("m1", "m2"), ("m3",), ("m4",)]


def test_fusion_low_confidence_stays_its_own_event() -> None:
    low = rules().min_confidence / 2
    rows = [mention("m1", "a1"), mention("m2", "a2", confidence=low), mention("m3", "a3", confidence=None)]
    fused = fuse(rows)
    # below the level: never fused, but still a fused event of its own (nothing is lost from counts)
    assert sorted(f.mention_ids for f in fused) == [("m1", "m3"), ("m2",)]
    assert sum(f.row["n_mentions"] for f in fused) == 3


def test_fusion_page_furniture_is_never_fused() -> None:
    caption = f"Hide Caption 3 of 20 Photos: Ukraine war – {SHELLING}"
    rows = [mention("m1", "a1", sentence=caption), mention("m2", "a1", sentence=caption), mention("m3", "a2")]
    assert groups(rows) == [("m1",), ("m2",), ("m3",)]


def test_fusion_different_acts_of_one_dyad_and_day_stay_apart() -> None:
    other = "Russian artillery hit a grain depot near Odesa, burning the harvest of three farms"
    rows = [mention("m1", "a1"), mention("m2", "a2", sentence=other)]
    assert content_overlap(rows[0], rows[1]) < rules().same_content
    assert groups(rows) == [("m1",), ("m2",)]
    # the same article naming an act again by its noun ("the attack") is that act, whatever the words around it
    nouns = [mention("n1", "a1", sentence="The attack on the tower killed five people", trigger="nouns.tsv:attack"),
             mention("n2", "a1", sentence="Ukraine asked its allies for air defence after the attack",
                     trigger="nouns.tsv:attack"),
             mention("n3", "a2", sentence="The city's mayor promised to rebuild after the attack",
                     trigger="nouns.tsv:attack")]
    assert content_overlap(nouns[0], nouns[1]) < rules().same_content
    assert groups(nouns) == [("n1", "n2"), ("n3",)]


def test_fusion_triggers_of_another_class_need_more_shared_words() -> None:
    half = "Russian troops shelled a tower, the defence ministry said on Tuesday evening"
    same_class = [mention("m1", "a1"), mention("m2", "a2", sentence=half)]
    overlap = content_overlap(*same_class)
    assert rules().same_content <= overlap < rules().other_content
    assert groups(same_class) == [("m1", "m2")]
    other_class = [mention("m1", "a1"), mention("m2", "a2", sentence=half, trigger="verbs.tsv:kidnap")]
    assert groups(other_class) == [("m1",), ("m2",)]


def test_fusion_statements_of_one_speaker_need_the_same_sense() -> None:
    speak: dict[str, Any] = dict(cameo="010", src="USA", src_code="USAGOV", tgt="RUS", tgt_code="RUS",
                                 trigger="verbs.tsv:say")
    rows = [dict(mention("m1", "a1", sentence="Obama said Russia must withdraw its troops from Crimea", **speak),
                 source_text="Obama"),
            dict(mention("m2", "a2", sentence="Obama said Russia must pull its troops out of Crimea", **speak),
                 source_text="President Obama"),
            dict(mention("m3", "a3", sentence="Obama said Russia's economy would suffer from the sanctions", **speak),
                 source_text="Obama"),
            dict(mention("m4", "a4", sentence="McCain said Russia must withdraw its troops from Crimea", **speak),
                 source_text="McCain")]
    # the same words by another named speaker under one actor code are another statement
    assert groups(rows) == [("m1", "m2"), ("m3",), ("m4",)]


def test_fusion_leader_and_government_fuse_when_clearly_one_act() -> None:
    rows = [mention("m1", "a1", src_code="RUSGOV"), mention("m2", "a2", src_code="RUSELI")]
    assert groups(rows) == [("m1", "m2")]
    rows[1]["sentence_text"] = "Russian shelling hit a tower in Kyiv, the mayor said on Tuesday"
    assert content_overlap(rows[0], rows[1]) < rules().strong_content
    assert groups(rows) == [("m1",), ("m2",)]


@pytest.mark.parametrize(("sources", "fused"), [(("text", "published"), True), (("before_published", "text"), True),
                                                 (("text", "text"), False)])
def test_fusion_adjacent_days_fuse_when_one_is_inferred(sources: tuple[str, str], fused: bool) -> None:
    rows = [mention("m1", "a1", day="2022-03-01", date_source=sources[0]),
            mention("m2", "a2", day="2022-03-02", date_source=sources[1])]
    assert groups(rows) == ([("m1", "m2")] if fused else [("m1",), ("m2",)])
    rows.append(mention("m3", "a3", day="2022-03-05", date_source="published"))
    assert rules().strong_days == 2
    assert ("m3",) in groups(rows)  # three days apart: never


def test_fusion_days_two_apart_fuse_only_on_many_strongly_shared_words() -> None:
    speak: dict[str, Any] = dict(cameo="010", src="USA", src_code="USAMIL", tgt="PRK", tgt_code="PRKGOV",
                                 trigger="verbs.tsv:say", date_source="published")
    long = "It would be wrong to say the regime has tested a warhead small enough for its missiles, the spokesman said"
    rows = [dict(mention("m1", "a1", sentence=long, day="2022-03-01", **speak), source_text="spokesman Lee"),
            dict(mention("m2", "a2", sentence="The spokesman Lee said it would be wrong to say the regime has tested"
                         " a warhead small enough for its missiles", day="2022-03-03", **speak),
                 source_text="spokesman Lee")]
    assert groups(rows) == [("m1", "m2")]
    # a headline of two or three words told twice: the words are all shared, but too few to be sure
    short = [{**row, "sentence_text": "Spokesman: regime lying"} for row in rows]
    assert content_overlap(short[0], short[1]) == 1.0
    assert groups(short) == [("m1",), ("m2",)]


def test_fusion_meetings_of_two_countries_on_one_day_are_one_act() -> None:
    meet: dict[str, Any] = dict(cameo="040", src="USA", src_code="USAGOV", tgt="RUS", tgt_code="RUSGOV",
                                trigger="verbs.tsv:meet")
    rows = [dict(mention("m1", "a1", sentence="The two presidents met in Helsinki for four hours", **meet),
                 source_text="Trump", target_text="Putin"),
            dict(mention("m2", "a2", sentence="After talking with Putin, Trump praised the summit as a success",
                         **{**meet, "trigger": "nouns.tsv:summit"}), source_text="Trump", target_text="Putin"),
            # another meeting of the same two governments that day, between other named people
            dict(mention("m3", "a3", sentence="Pompeo sat down with Lavrov to talk about Syria", **meet),
                 source_text="Pompeo", target_text="Lavrov")]
    assert content_overlap(rows[0], rows[1]) < rules().same_content
    assert groups(rows) == [("m1", "m2"), ("m3",)]
    # inside one country, people meet many times a day: the words must still say it is one meeting
    home = [{**row, "target_country": "USA", "target_code": "USALEG"} for row in rows[:2]]
    assert groups(home) == [("m1",), ("m2",)]


def test_fusion_plural_event_nouns_name_many_acts() -> None:
    one = [mention("n1", "a1", sentence="The raid on the depot destroyed two tanks", trigger="nouns.tsv:raid"),
           dict(mention("n2", "a1", sentence="Officials said the raid lasted an hour", trigger="nouns.tsv:raid"))]
    assert groups(one) == [("n1", "n2")]
    many = [one[0], {**one[1], "trigger": "raids", "sentence_text": "Officials said raids went on across the region"}]
    assert content_overlap(many[0], many[1]) < rules().same_content
    assert groups(many) == [("n1",), ("n2",)]


def test_fusion_paraphrased_quote_of_one_speaker_fuses_when_the_sentences_agree() -> None:
    speak: dict[str, Any] = dict(cameo="010", src="EGY", src_code="EGYMIL", tgt="EGY", tgt_code="EGYJUD",
                                 trigger="verbs.tsv:say")
    first = "The judge will lead the country until new elections are held, the general said"
    second = "The judge is to lead the country until new elections can be held, the general said on television"
    rows = [dict(mention("m1", "a1", sentence=first, **speak), quote_text="The judge will lead the country"),
            dict(mention("m2", "a2", sentence=second, **speak), quote_text="he is to serve as interim leader")]
    assert content_overlap(rows[0], rows[1]) >= rules().strong_content
    assert groups(rows) == [("m1", "m2")]
    rows[1]["sentence_text"] = "The general said the army would guard the streets during the protests"
    assert groups(rows) == [("m1",), ("m2",)]


def test_fusion_visit_told_on_nearby_days_is_one_visit() -> None:
    visit: dict[str, Any] = dict(cameo="042", src="USA", src_code="USAGOV", tgt="PRK", tgt_code="PRK",
                                 trigger="verbs.tsv:visit")
    arrived = dict(mention("v1", "a1", sentence="The envoy landed in Pyongyang on Tuesday after a long flight",
                           day="2022-03-01", **visit), source_text="Envoy Smith", target_text="Pyongyang")
    trip = dict(mention("v2", "a2", sentence="Smith's trip to the North had been planned for weeks",
                        day="2022-03-03", date_source="published", **{**visit, "trigger": "nouns.tsv:trip"}),
                source_text="Smith", target_text="the North")
    assert content_overlap(arrived, trip) < rules().same_content
    assert rules().visit_days == 2
    assert groups([arrived, trip]) == [("v1", "v2")]
    # both days read in the text: still one stay in one country (a tour's other countries are other blocks)
    assert groups([arrived, {**trip, "date_source": "text"}]) == [("v1", "v2")]
    # another visitor, or three days apart: not one visit
    assert groups([arrived, {**trip, "source_text": "Jones"}]) == [("v1",), ("v2",)]
    assert groups([arrived, {**trip, "date_value": "2022-03-04"}]) == [("v1",), ("v2",)]
    # a minister's trip told as the government's: the block's countries say who visits whom
    assert groups([arrived, {**trip, "source_code": "USAELI"}]) == [("v1", "v2")]
    # a meeting (not a visit) of another day is not joined by this rule
    meeting = {**visit, "cameo": "040"}
    assert groups([{**arrived, **meeting}, {**trip, **meeting}]) == [("v1",), ("v2",)]


def test_fusion_country_named_as_the_place_has_no_point() -> None:
    country = ("North Korea", "PRK", 39.94, 127.0)
    city = ("Pyongyang", "PRK", 39.03, 125.75)
    far = ("Chongjin", "PRK", 41.8, 129.78)
    assert len(groups([mention("m1", "a1", place=country), mention("m2", "a2", place=city)])) == 1
    # two points in one country more than 100 km apart still conflict
    assert len(groups([mention("m1", "a1", place=far), mention("m2", "a2", place=city)])) == 2


def test_fusion_codes_more_specific_on_different_sides_link_when_unambiguous() -> None:
    # one outlet names the army and the country hit, another the country and the government hit
    rows = [mention("m1", "a1", src_code="RUSMIL", tgt_code="UKR"), mention("m2", "a2", src_code="RUS", tgt_code="UKRGOV")]
    assert groups(rows) == [("m1", "m2")]
    # a third telling, by the government, agrees with the second but not with the first: nothing is bridged
    rows.append(mention("m3", "a3", src_code="RUSGOV", tgt_code="UKR",
                        sentence="Government forces shelled the tower in Kyiv"))
    assert rules().same_content <= content_overlap(rows[1], rows[2]) < rules().strong_content
    assert groups(rows) == [("m1",), ("m2",), ("m3",)]


VISIT: dict[str, Any] = dict(cameo="042", src="USA", src_code="USAGOV", tgt="SAU", tgt_code="SAU",
                             trigger="verbs.tsv:visit", day="2018-10-17")


def test_fusion_visit_on_one_day_bridges_actor_codes() -> None:
    first = dict(mention("v1", "a1", sentence="The president flew into Riyadh for talks on oil prices", **VISIT),
                 source_text="President Smith", target_text="Riyadh")
    second = dict(mention("v2", "a2", sentence="Smith's stop in the kingdom drew protests from his critics",
                          **{**VISIT, "src_code": "USAMED", "trigger": "nouns.tsv:stop"}),
                  source_text="Smith", target_text="the kingdom")
    assert content_overlap(first, second) < rules().same_content
    assert groups([first, second]) == [("v1", "v2")]
    # another visitor that day: two visits
    assert groups([first, {**second, "source_text": "Jones"}]) == [("v1",), ("v2",)]


def test_fusion_visitor_named_by_title_is_the_office_holder_of_the_day() -> None:
    # the knowledge base knows Mike Pompeo as Secretary of State from April 2018
    named = dict(mention("v1", "a1", sentence="Pompeo landed in Riyadh to ask about the missing writer", **VISIT),
                 source_text="Pompeo", target_text="Riyadh")
    titled = dict(mention("v2", "a2", sentence="The top US diplomat came back from the kingdom on Wednesday",
                          **{**VISIT, "day": "2018-10-18", "trigger": "verbs.tsv:return"}),
                  source_text="The top US diplomat", target_text="the kingdom")
    assert content_overlap(named, titled) < rules().same_content
    assert groups([named, titled]) == [("v1", "v2")]
    # another office ("the defense secretary"), or a named person out of that office on the day: two visits
    assert groups([named, {**titled, "source_text": "the defense secretary"}]) == [("v1",), ("v2",)]
    before = [{**named, "date_value": "2016-10-17"}, {**titled, "date_value": "2016-10-18"}]
    assert groups(before) == [("v1",), ("v2",)]
    # two titles of one office
    assert groups([{**named, "source_text": "the Secretary of State"}, titled]) == [("v1", "v2")]


def test_fusion_year_dated_mention_never_joins_a_day_through_a_place_or_meeting_rule() -> None:
    meet: dict[str, Any] = dict(cameo="040", src="USA", src_code="USAGOV", tgt="CHN", tgt_code="CHNGOV",
                                trigger="verbs.tsv:meet")
    day = dict(mention("m1", "a1", sentence="The trade envoys sat down in Washington on Tuesday", **meet,
                       place=("Washington", "USA", 38.9, -77.04)), source_text="American", target_text="Chinese")
    year = dict(mention("m2", "a2", sentence="Several rounds of trade talks between the powers this year went nowhere",
                        **{**meet, "day": "2018", "granularity": "year", "trigger": "nouns.tsv:talks"},
                        place=("United States", "USA", 39.2, -92.1)), source_text="American", target_text="Chinese")
    assert groups([day, year]) == [("m1",), ("m2",)]
    # the country named as the place has no point only between two mentions dated to a day
    assert not places_conflict(day, {**year, "date_value": "2018-05-29", "date_granularity": "day"})
    assert places_conflict(day, year)
    # nor does a meeting of a year join one of a day, at the same place
    assert groups([day, {**year, "location_name": "Washington", "lat": 38.9, "lon": -77.04}]) == [("m1",), ("m2",)]
