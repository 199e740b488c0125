"""The one place that says when two actor references are the same (dateline.actors.identity): each
question its own answer, on references written for this test."""

from __future__ import annotations

from dateline.actors.identity import same_actor, same_code, same_side, short_name_of, side_key, state_of


def ref(text: str, code: str | None = None) -> dict[str, str | None]:
    return {"text": text, "code": code, "country": code[:3] if code else None, "sector": None}


def test_same_code_needs_two_codes() -> None:
    assert same_code(ref("Rita Moss", "USAGOV"), ref("the White House", "USAGOV"))
    assert not same_code(ref("Rita Moss", "USAGOV"), ref("Tom Bell", "USAMIL"))
    assert not same_code(ref("the crowd"), ref("the crowd"))
    assert not same_code(None, ref("Rita Moss", "USAGOV"))


def test_same_side_is_strict_two_people_under_one_code_stay_two() -> None:
    assert same_side(ref("Rita Moss", "USAGOV"), ref("Rita Moss", "USAGOV"))
    assert not same_side(ref("Rita Moss", "USAGOV"), ref("Tom Bell", "USAGOV"))
    assert not same_side(ref("Rita Moss", "USAGOV"), ref("Rita Moss", "USAMIL"))
    assert same_side(ref("the crowd"), ref("the crowd"))
    assert same_side(ref("the crowd", "CVL"), ref("the crowd"))  # one side uncoded: the words decide
    assert not same_side(None, None)


def test_side_key_counts_a_side_by_code_else_words() -> None:
    assert side_key(ref("Rita Moss", "USAGOV")) == side_key(ref("Tom Bell", "USAGOV")) == "USAGOV"
    assert side_key(ref("the crowd")) == "the crowd"
    assert side_key(None) is None


def test_same_actor_is_loose_a_short_name_inside_the_full_one() -> None:
    assert same_actor(ref("Moss"), ref("Rita Moss"))
    assert same_actor(ref("rita moss"), ref("Rita Moss", "USAGOV"))
    assert same_actor(ref("the ministry", "USAGOV"), ref("Rita Moss", "USAGOV"))
    assert not same_actor(ref("Tom Bell"), ref("Rita Moss"))
    assert not same_actor(ref(""), ref("Rita Moss"))
    assert not same_actor(None, ref("Rita Moss"))


def test_short_name_of_a_longer_name() -> None:
    assert short_name_of("Ms Moss", "Rita Moss")
    assert short_name_of("Moss's", "Rita Moss")
    assert not short_name_of("Moss", "Moss")  # not a longer name
    assert not short_name_of("the minister", "Rita Moss")  # no capitalised word
    assert not short_name_of("Ms Bell", "Rita Moss")


def test_state_of_a_code_not_a_transnational_prefix() -> None:
    assert state_of("KENCOP") == "KEN"
    assert state_of("IGOUNO") is None
    assert state_of("GOV") is None
    assert state_of(None) is None
