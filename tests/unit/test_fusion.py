"""Event fusion over hand-built mention rows: what fuses, what does not, and order independence."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from dateline.fusion import block_key, fuse


def mention(mid: str, article: str, *, cameo: str = "190", src: str | None = "RUS", src_code: str | None = "RUSMIL",
            tgt: str | None = "UKR", tgt_code: str | None = "UKR", day: str | None = "2022-03-01",
            granularity: str = "day", outlet: str | None = None, reciprocal: bool = False,
            place: tuple[str, str, float, float] | None = None, published: str = "2022-03-02") -> dict[str, Any]:
    name, country, lat, lon = place or (None, None, None, None)
    return {
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
            mention("m3", "a3", src_code="RUSGOV"), mention("m4", "a4", cameo="040")]
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
    rows = [mention(f"m{i}", f"a{i % 7}", day=f"2022-03-0{1 + i % 3}", cameo=rng.choice(["190", "193", "040"]),
                    src_code=rng.choice(["RUS", "RUSMIL", "RUSGOV"])) for i in range(40)]
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
    assert groups(rows) == [("m1",), ("m2",), ("m3",)]
    assert groups(rows[::2]) == [("m1", "m3")]


def test_fusion_unidentified_side_fuses_only_within_its_article() -> None:
    rows = [mention("m1", "a1", tgt=None, tgt_code=None), mention("m2", "a2", tgt=None, tgt_code=None),
            mention("m3", "a1", tgt=None, tgt_code=None), mention("m4", "a4", tgt=None, tgt_code="GOV")]
    assert groups(rows) == [("m1", "m3"), ("m2",), ("m4",)]


def test_fusion_statements_fuse_only_on_the_same_words() -> None:
    said = "We will not be intimidated by terror and we will find those responsible"
    rows = [dict(mention("m1", "a1", cameo="010"), quote_text=said),
            dict(mention("m2", "a2", cameo="010"), quote_text=f"{said}."),
            dict(mention("m3", "a3", cameo="010"), quote_text="The markets will open as usual on Monday"),
            mention("m4", "a4", cameo="010")]
    assert groups(rows) == [("m1", "m2"), ("m3",), ("m4",)]
