"""Unit tests of dateline.structure on hand-made articles (no spaCy, no files)."""

from __future__ import annotations

import pytest

from dateline.models import ArticleParts
from dateline.structure import structure_text

# A wire story in a newspaper reader's scrape, with every kind of furniture.
WIRE = """The Daily Courier


Ministers agree to resume border talks

Negotiators will meet again in March after a year of stalled contacts.

- By Jane Doe and John Roe, Associated Press

GENEVA, Switzerland (AP) — Foreign ministers from the two countries agreed on Tuesday to resume \
talks on their disputed border, officials said.

The talks broke down last spring after a shooting at a checkpoint. “We cannot keep our soldiers \
facing each other forever,” said Maria Lopez, a mediator with the regional bloc.

Diplomats said the first round would focus on prisoner exchanges.

‘We cannot keep our soldiers facing each other forever.’ —Maria Lopez, regional mediator

 ?? Anna Smith Reuters ?? FOREIGN MINISTERS shake hands in Geneva on Tuesday before the talks.
Anna Smith Reuters FOREIGN MINISTERS shake hands in Geneva on Tuesday before the talks.

Copyright 2024 The Associated Press. All rights reserved.

Advertisement

Newspapers in English

Newspapers from Switzerland
"""

# A plain story: no masthead, byline, dateline or footer.
PLAIN = """The central bank kept its main interest rate unchanged on Thursday, citing slowing inflation.

Officials said they would watch wage growth closely. "We are not in a hurry," the governor told reporters.

By the end of the year, analysts expect a first cut."""

# Reuters-style copy with hard line wraps inside paragraphs.
REUTERS = """WASHINGTON, March 3 (Reuters) - The United States and its allies
agreed on Friday to extend sanctions for another six months, a
State Department spokesman said.

    The decision followed two days of talks in Brussels, where
ministers also discussed aid to the region.

Reuter"""


def assert_offsets(text: str, parts: ArticleParts) -> None:
    """Every body segment, and every body paragraph, maps back onto the same original text."""
    for seg in parts.offsets.segments:
        body = parts.body[seg.body_start : seg.body_start + seg.length]
        start = parts.offsets.to_original(seg.body_start)
        assert text[start : start + seg.length] == body
    pos = 0
    for para in parts.body.split("\n\n"):
        if "\r\n" not in text:  # with "\r\n", a hard-wrapped paragraph is one segment per line
            start = parts.offsets.to_original(pos)
            assert text[start : start + len(para)] == para
            assert parts.offsets.to_original(pos + len(para)) == start + len(para)
        pos += len(para) + 2
    for removed in parts.removed:
        assert removed.reason
        assert text[removed.start : removed.end].replace("\r\n", "\n") == removed.text


def test_structure_wire_story_fields() -> None:
    parts = structure_text(WIRE)
    assert parts.publication == "The Daily Courier"
    assert parts.headline == "Ministers agree to resume border talks"
    assert parts.deck == "Negotiators will meet again in March after a year of stalled contacts."
    assert parts.byline == "Jane Doe and John Roe"
    assert parts.dateline == "GENEVA, Switzerland"
    assert parts.body.startswith("Foreign ministers from the two countries")
    assert parts.body.endswith("would focus on prisoner exchanges.")
    assert len(parts.body.split("\n\n")) == 3
    assert_offsets(WIRE, parts)


def test_structure_wire_story_pull_quote_marked_once() -> None:
    parts = structure_text(WIRE)
    assert len(parts.pull_quotes) == 1
    pull = parts.pull_quotes[0]
    assert pull.text == "We cannot keep our soldiers facing each other forever."
    assert pull.attribution == "Maria Lopez, regional mediator"
    assert pull.body_start is not None and pull.body_end is not None
    assert parts.body[pull.body_start : pull.body_end].startswith("We cannot keep our soldiers")
    assert parts.body.count("We cannot keep our soldiers") == 1
    assert WIRE[pull.start : pull.end].startswith("‘We cannot keep")
    assert [r.kind for r in parts.removed].count("pull_quote") == 1


def test_structure_wire_story_caption_kept_once() -> None:
    parts = structure_text(WIRE)
    assert len(parts.captions) == 1
    caption = parts.captions[0]
    assert caption.credit == "Anna Smith Reuters"
    assert caption.text == "FOREIGN MINISTERS shake hands in Geneva on Tuesday before the talks."
    assert "FOREIGN MINISTERS" not in parts.body
    assert "??" not in parts.body
    kinds = [r.kind for r in parts.removed]
    assert kinds.count("caption") == 1 and kinds.count("caption_duplicate") == 1


def test_structure_caption_copy_in_next_paragraph() -> None:
    text = (
        "Rescuers searched the rubble through the night.\n\n"
        "?? Jo Park AFP ?? RESCUERS dig through rubble in the town centre.\n\n"
        "Jo Park AFP RESCUERS dig through rubble in the town centre.\n\n"
        "The death toll rose to 40, officials said."
    )
    parts = structure_text(text)
    assert [c.credit for c in parts.captions] == ["Jo Park AFP"]
    assert parts.body == (
        "Rescuers searched the rubble through the night.\n\nThe death toll rose to 40, officials said."
    )
    assert_offsets(text, parts)


def test_structure_wire_story_footers_removed() -> None:
    parts = structure_text(WIRE)
    footers = [r.text for r in parts.removed if r.kind == "footer"]
    assert footers == ["Newspapers in English", "Newspapers from Switzerland"]
    boilerplate = [r.text for r in parts.removed if r.kind == "boilerplate"]
    assert boilerplate == ["Copyright 2024 The Associated Press. All rights reserved.", "Advertisement"]
    for line in ("Newspapers", "Copyright", "Advertisement"):
        assert line not in parts.body
    assert {r.kind for r in parts.removed} == {
        "masthead", "headline", "deck", "byline", "dateline", "pull_quote",
        "caption", "caption_duplicate", "boilerplate", "footer",
    }  # fmt: skip


def test_structure_removed_spans_in_order_and_exact() -> None:
    parts = structure_text(WIRE)
    starts = [r.start for r in parts.removed]
    assert starts == sorted(starts)
    assert_offsets(WIRE, parts)


def test_structure_plain_text_is_all_body() -> None:
    parts = structure_text(PLAIN)
    assert parts.body == PLAIN
    assert parts.removed == [] and parts.captions == [] and parts.pull_quotes == []
    assert parts.publication is parts.headline is parts.byline is parts.dateline is None
    assert_offsets(PLAIN, parts)


def test_structure_first_line_title_is_headline() -> None:
    text = "Ad sales lift media group profit\n\n" + PLAIN
    parts = structure_text(text)
    assert parts.headline == "Ad sales lift media group profit"
    assert parts.publication is None
    assert parts.body == PLAIN
    assert_offsets(text, parts)


def test_structure_title_metadata_not_duplicated() -> None:
    title = "Ad sales lift media group profit"
    parts = structure_text(title + "\n\n" + PLAIN, title=title)
    assert parts.headline == title
    assert parts.body == PLAIN
    assert [r.kind for r in parts.removed] == ["headline"]


def test_structure_title_metadata_other_first_line_kept() -> None:
    text = "Rate decision\n\n" + PLAIN
    parts = structure_text(text, title="Central bank holds rates")
    assert parts.headline == "Central bank holds rates"
    assert parts.body == text


def test_structure_short_title_case_line_without_outlet_is_headline() -> None:
    parts = structure_text("Trump Meets Kim Again\n\n" + PLAIN)
    assert parts.publication is None
    assert parts.headline == "Trump Meets Kim Again"


def test_structure_hard_wrapped_reuters_text() -> None:
    parts = structure_text(REUTERS)
    assert parts.dateline == "WASHINGTON"
    assert parts.headline is None
    assert parts.body.startswith("The United States and its allies\nagreed on Friday")
    paragraphs = parts.body.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[1].startswith("The decision followed two days of talks in Brussels, where\nministers")
    assert paragraphs[2] == "Reuter"
    assert_offsets(REUTERS, parts)


def test_structure_hard_wrapped_single_paragraph_kept_whole() -> None:
    text = "Grain board figures show\ncrop registrations of grains\n    Bread wheat prev 1,655.8\nReuter"
    parts = structure_text(text)
    assert parts.body == text
    assert parts.removed == []


def test_structure_broken_first_line_is_not_headline() -> None:
    text = "The group said it would\n\npostpone its planned share auction on Monday.\n\nShares fell 3 pct."
    parts = structure_text(text)
    assert parts.headline is None
    assert parts.body == text


def test_structure_crlf_normalised() -> None:
    crlf = WIRE.replace("\n", "\r\n")
    parts, lf = structure_text(crlf), structure_text(WIRE)
    assert "\r" not in parts.body
    assert parts.body == lf.body
    assert (parts.publication, parts.headline, parts.deck, parts.byline, parts.dateline) == (
        lf.publication, lf.headline, lf.deck, lf.byline, lf.dateline,
    )  # fmt: skip
    assert [c.text for c in parts.captions] == [c.text for c in lf.captions]
    assert_offsets(crlf, parts)
    reuters = REUTERS.replace("\n", "\r\n")
    wrapped = structure_text(reuters)
    assert wrapped.body == structure_text(REUTERS).body
    assert len(wrapped.offsets.segments) > 3  # one segment per hard-wrapped line
    assert_offsets(reuters, wrapped)


@pytest.mark.parametrize(
    "line,names",
    [
        ("- By Tracy Wilkinson", "Tracy Wilkinson"),
        ("By TRACY WILKINSON", "Tracy Wilkinson"),
        ("By Jane Doe and John Roe, Associated Press", "Jane Doe and John Roe"),
        ("By Jane Doe, John Roe and Ann Poe", "Jane Doe, John Roe and Ann Poe"),
        ("By Jane Doe | Reuters", "Jane Doe"),
        ("By Jake Tapper, CNN Chief Washington Correspondent", "Jake Tapper"),
        ("By Hans M. Kristensen and Matt Korda", "Hans M. Kristensen and Matt Korda"),
    ],
)
def test_structure_byline_forms(line: str, names: str) -> None:
    parts = structure_text(f"{line}\n\n{PLAIN}")
    assert parts.byline == names
    assert parts.body == PLAIN


@pytest.mark.parametrize(
    "first",
    [
        "By Monday, the talks had collapsed and both delegations had gone home.",
        "By the time the ministers arrived, the protesters had left.",
        "By Kim Jong Un's own account, the summit was a success.",
        "By Friday",
    ],
)
def test_structure_prose_starting_with_by_is_not_byline(first: str) -> None:
    text = f"{first}\n\n{PLAIN}"
    parts = structure_text(text)
    assert parts.byline is None
    assert parts.body.endswith(PLAIN)
    assert first in parts.body or parts.headline == first


@pytest.mark.parametrize(
    "opening,place",
    [
        ("WASHINGTON — ", "WASHINGTON"),
        ("WASHINGTON - ", "WASHINGTON"),
        ("WASHINGTON—", "WASHINGTON"),
        ("SEOUL, South Korea (AP) — ", "SEOUL, South Korea"),
        ("LONDON (Reuters) - ", "LONDON"),
        ("WASHINGTON, Jan 12 (Reuters) - ", "WASHINGTON"),
        ("BRUSSELS: ", "BRUSSELS"),
        ("WEST PALM BEACH, Fla. — ", "WEST PALM BEACH, Fla."),
    ],
)
def test_structure_dateline_forms(opening: str, place: str) -> None:
    text = f"{opening}Officials met on Tuesday to discuss the ceasefire.\n\nNo agreement was reached."
    parts = structure_text(text)
    assert parts.dateline == place
    assert parts.body.startswith("Officials met on Tuesday")
    assert_offsets(text, parts)


@pytest.mark.parametrize(
    "opening",
    ["UPDATE: ", "EDITOR'S NOTE: ", "FILE PHOTO - ", "NATO-led forces said ", "US officials - ", "OK — "],
)
def test_structure_labels_are_not_datelines(opening: str) -> None:
    text = f"{opening}Officials met on Tuesday to discuss the ceasefire.\n\nNo agreement was reached."
    parts = structure_text(text)
    assert parts.dateline is None
    assert parts.body == text


def test_structure_quote_not_in_body_is_not_pull_quote() -> None:
    text = PLAIN + "\n\n“Nobody expected the cut to come this soon.” —Ana Ruiz, Example Bank"
    parts = structure_text(text)
    assert parts.pull_quotes == []
    assert parts.body == text


def test_structure_repeated_sentence_with_dash_is_pull_quote_without_attribution() -> None:
    text = (
        "Officials said gun violence is rising — and that it is driven by cheap guns.\n\n"
        "Police made 40 arrests.\n\n"
        "GUN VIOLENCE IS RISING — AND THAT IT IS DRIVEN BY CHEAP GUNS"
    )
    parts = structure_text(text)
    assert len(parts.pull_quotes) == 1 and parts.pull_quotes[0].attribution is None
    assert parts.body.count("driven by cheap guns") == 1


def test_structure_pull_quote_with_ellipsis() -> None:
    text = (
        "“We will rebuild every school, every clinic and every road that was destroyed,” "
        "the mayor said.\n\n"
        "Work starts next month.\n\n"
        "“We will rebuild every school … and every road that was destroyed” — The mayor"
    )
    parts = structure_text(text)
    assert len(parts.pull_quotes) == 1
    pull = parts.pull_quotes[0]
    assert pull.body_start is not None
    assert parts.body[pull.body_start : pull.body_end] == (
        "We will rebuild every school, every clinic and every road that was destroyed"
    )


def test_structure_lost_emoji_is_not_caption() -> None:
    text = "Read it ?? https://example.org/letter — Example Caucus (@caucus) March 27, 2018\n\n" + PLAIN
    parts = structure_text(text)
    assert parts.captions == []
    assert parts.body == text


def test_structure_web_captions() -> None:
    text = (
        "The summit ended without a statement.\n\n"
        "Image copyright Reuters Image caption Leaders posed for a photo before the talks\n\n"
        "Media playback is unsupported on your device Media caption Watch: the leaders arrive\n\n"
        "Aides said talks would continue."
    )
    parts = structure_text(text)
    assert [(c.text, c.credit) for c in parts.captions] == [
        ("Leaders posed for a photo before the talks", "Reuters"),
        ("Watch: the leaders arrive", None),
    ]
    assert parts.body == "The summit ended without a statement.\n\nAides said talks would continue."


def test_structure_boilerplate_followed_by_prose_is_kept() -> None:
    line = "COPYRIGHT 2020, THE CAMPUS HERALD. ALL RIGHTS RESERVED. In 1962 the professor joined the faculty."
    parts = structure_text(f"{PLAIN}\n\n{line}")
    assert parts.body.endswith(line)
    assert parts.removed == []


@pytest.mark.parametrize(
    "line",
    [
        "Follow us on Twitter @ExampleNews.",
        "Follow Jane Doe on Twitter: @janedoe. Reach her directly at jane@example.org.",
        "Share this article",
        "Subscribe to our newsletter",
        "© 2019 Example Features Syndicate",
        "Story continues below advertisement",
    ],
)
def test_structure_boilerplate_lines(line: str) -> None:
    text = f"{PLAIN}\n\n{line}"
    parts = structure_text(text)
    assert parts.body == PLAIN
    assert [(r.kind, r.text) for r in parts.removed] == [("boilerplate", line)]


def test_structure_boilerplate_line_inside_paragraph_splits_it() -> None:
    text = "First half of a wrapped\nparagraph.\nAdvertisement\nSecond half."
    parts = structure_text(text)
    assert parts.body == "First half of a wrapped\nparagraph.\n\nSecond half."
    assert_offsets(text, parts)


def test_structure_editor_note_above_byline() -> None:
    text = "(Updates with details from the capital)\n\nBy Jane Doe\n\n" + PLAIN
    parts = structure_text(text)
    assert [r.kind for r in parts.removed] == ["note", "byline"]
    assert parts.deck is None and parts.body == PLAIN


def test_structure_byline_with_affiliation_line_and_dateline_in_one_paragraph() -> None:
    text = "By JANE DOE\nAssociated Press\nLONDON (AP) — Talks resumed on Monday.\n\nNo deal was reached."
    parts = structure_text(text)
    assert parts.byline == "Jane Doe"
    assert parts.dateline == "LONDON"
    assert parts.body == "Talks resumed on Monday.\n\nNo deal was reached."
    assert [r.text for r in parts.removed] == ["By JANE DOE\nAssociated Press", "LONDON (AP) —"]
    assert_offsets(text, parts)


def test_structure_masthead_without_outlet_word_needs_headline_and_byline() -> None:
    text = "Le Monde Diplomatique\n\nA summit in the rain\n\nBy Jean Dupont\n\n" + PLAIN
    parts = structure_text(text)
    assert parts.publication == "Le Monde Diplomatique"
    assert parts.headline == "A summit in the rain"
    assert parts.byline == "Jean Dupont"
    assert parts.body == PLAIN


def test_structure_byline_alone_is_kept() -> None:
    parts = structure_text("By Jane Doe")
    assert parts.body == "By Jane Doe"


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_structure_empty_text(text: str) -> None:
    parts = structure_text(text)
    assert parts.body == ""
    assert parts.offsets.segments == []


# A scrape that pastes a linked name's card into the sentence (The Hill's shape), written here.
CARDS = (
    "President Alma Rivera Alma Beatriz RiveraRivera faces a hard week in talks with Freedonia "
    "Ministers weigh new budget: report MORE met the Freedonian envoy on Monday, and Sen. Tom Okafor "
    "Thomas (Tom) Okafor2020 hopefuls court rural voters | Senate delays vote MORE’s aide said the "
    "talks would go on.\n\nA second paragraph names Rivera Rivera again without a card."
)


def test_structure_link_cards_cut_inside_the_paragraph() -> None:
    parts = structure_text(CARDS)
    assert parts.body == (
        "President Alma Rivera met the Freedonian envoy on Monday, and Sen. Tom Okafor’s aide said the "
        "talks would go on.\n\nA second paragraph names Rivera Rivera again without a card."
    )
    cards = [r for r in parts.removed if r.kind == "link_card"]
    assert [r.text.split()[:3] for r in cards] == [["Alma", "Beatriz", "RiveraRivera"],
                                                  ["Thomas", "(Tom)", "Okafor2020"]]
    for removed in parts.removed:
        assert CARDS[removed.start : removed.end] == removed.text
    for seg in parts.offsets.segments:
        start = parts.offsets.to_original(seg.body_start)
        assert CARDS[start : start + seg.length] == parts.body[seg.body_start : seg.body_start + seg.length]


@pytest.mark.parametrize("text", [
    # no closing MORE: a glued word in prose is left alone
    "President Alma Rivera Alma Beatriz RiveraRivera faces a hard week, aides said on Monday.",
    # the glued surname does not repeat the written name's last word
    "President Alma Rivera Tom OkaforSenate delays vote MORE met the envoy on Monday.",
    # MORE as an ordinary word, no card before it
    "Officials said they would need MORE time, and the envoy left on Monday.",
])
def test_structure_no_link_card(text: str) -> None:
    parts = structure_text(text)
    assert parts.body == text
    assert not [r for r in parts.removed if r.kind == "link_card"]


LINK_LINES = (
    "Freedonia and Sylvania signed a trade pact on Monday, officials said.\n\n"
    "SEE ALSO: Freedonia expels Sylvanian diplomats over spy row\n\n"
    "( PHOTOS: The president's ten foreign trips)\n\n"
    "Read more: Sylvania rejects Freedonian plan for the border\n\n"
    "JUST WATCHED Protesters demand new elections Replay More Videos ... MUST WATCH Protesters demand new elections 01:06\n\n"
    "| AP Photo The Freedonian president urges Sylvania to reopen the border\n\n"
    "The pact cuts tariffs on grain. More talks are planned for June."
)


def test_structure_link_lines_are_not_article_text() -> None:
    # docs/annotation.md D9b: lines that link to other stories, galleries or videos are not the article
    parts = structure_text(LINK_LINES)
    assert parts.body == ("Freedonia and Sylvania signed a trade pact on Monday, officials said.\n\n"
                          "The pact cuts tariffs on grain. More talks are planned for June.")
    links = [r for r in parts.removed if r.kind == "link_line"]
    assert [r.text.split()[0] for r in links] == ["SEE", "(", "Read", "JUST", "|"]
    for removed in parts.removed:
        assert LINK_LINES[removed.start : removed.end] == removed.text


@pytest.mark.parametrize("text", [
    "Also on Monday, the president paid tribute to the victims of the attack.",
    "More than 40 people were killed: officials blamed the rebels.",
    "Watch the border closely, the minister told the Sylvanian envoy on Monday.",
])
def test_structure_prose_is_no_link_line(text: str) -> None:
    parts = structure_text(text)
    assert parts.body == text
    assert not [r for r in parts.removed if r.kind == "link_line"]
