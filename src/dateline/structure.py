"""Separate an article's body from its furniture: masthead, headline, deck, byline, dateline,
photo captions, pull quotes and scrape boilerplate.

Every body paragraph is a slice of the original text and every offset (``offsets``, ``removed``,
captions, pull quotes) points into the text as given, "\\r\\n" included. The heuristics are
conservative: furniture left in the body is better than a paragraph of body deleted.
"""

from __future__ import annotations

import bisect
import itertools
import re

from dateline.models import ArticleParts, Caption, OffsetMap, PullQuote, Removed

Span = tuple[int, int]

# A paragraph: a run of lines up to a blank line (a line of only spaces counts as blank).
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![ \t]*(?:\n|$)))+")
# A line holding something other than white space.
_LINE = re.compile(r"[^\n]*\S[^\n]*")
# Characters that count as quote marks when texts are compared.
_QUOTE_CHARS = "\"'“”„‟‘’‚‛«»`´"
_PLAIN_QUOTES = str.maketrans({c: '"' for c in _QUOTE_CHARS})
_ANY_QUOTE = "[" + re.escape(_QUOTE_CHARS) + "]"
# Words naming a news organisation: "Times", "Press", "Reuters" (mastheads, byline affiliations).
_OUTLET_WORD = (
    r"\b(?:Times|Post|News|Journal|Herald|Tribune|Gazette|Chronicle|Guardian|Telegraph|Independent"
    r"|Observer|Economist|Mail|Express|Mirror|Star|Sun|Globe|Record|Review|Press|Examiner|Inquirer"
    r"|Bulletin|Courier|Dispatch|Standard|Monitor|Reporter|Register|Sentinel|Daily|Weekly|Today"
    r"|Magazine|Wire|Agency|Service|Bureau|Network|Radio|Television|TV|Reuters|AP|AFP|Bloomberg|BBC"
    r"|CNN|NPR|Politico|Axios)\b"
)
_OUTLET = re.compile(_OUTLET_WORD, re.I)
# An outlet word or a newsroom role ("Staff Writer", "Correspondent"): a byline's affiliation.
_PRESS_WORD = re.compile(
    rf"{_OUTLET_WORD}|\b(?:Staff|Writer|Editor|Correspondent|Contributor|Columnist|Desk)\b", re.I
)
# Masthead shape: a few capitalised words, "of"/"the"/"and"/"&" allowed ("The Times of India").
_MASTHEAD = re.compile(r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|of|the|and|&)){0,5}")
# A byline: optional bullet or dash, "By"/"BY", then names (and perhaps an affiliation).
_BYLINE = re.compile(r"[-–—•*·\s]*(?:By|BY|by)\s+(?P<rest>[A-Z].{1,150})")
# What parts a byline's names from an affiliation: " | ", " / ", " - ", " — ".
_BYLINE_SPLIT = re.compile(r"\s*[|/]\s*|\s+[-–—]\s+")
# One person's name: capitalised or upper-case words and initials, lower-case particles allowed.
_NAME = (
    r"[A-Z][\w'’.\-]*"
    r"(?:\s+(?:(?:de|da|del|der|di|du|la|le|van|von|bin|ibn|al|el)\s+)?[A-Z][\w'’.\-]*){0,4}"
)
# The names in one comma-separated chunk: "Jane Doe", "Jane Doe and John Roe", "and Ann Poe".
_NAMES = re.compile(rf"(?:and\s+)?{_NAME}(?:\s+(?:and|&)\s+{_NAME})*")
# Capitalised words that open prose, not a name: "By Monday, ...", "By The Way".
_NOT_NAME = re.compile(
    r"(?:and\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December|The|This|That|Then|Now)\b"
)
# An affiliation after the names: "Associated Press", "staff writer", "CNN Chief Correspondent".
_AFFILIATION = re.compile(r"[A-Za-z][\w.&'’\-]*(?:\s+[\w.&'’\-]+){0,6}")
# A dateline opening the first paragraph: "WASHINGTON —", "SEOUL, South Korea (AP) —", "LONDON
# (Reuters) -", "WASHINGTON, Jan 12 (Reuters) -", "BRUSSELS:". An upper-case place, an optional
# region, date and agency, then a dash (a hyphen needs spaces or the agency) or a colon.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]*){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,2})?)"
    r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"(?:\s*\([A-Za-z][\w .&'-]{0,30}\))?"
    r"(?:\s*[—–―]|(?<=\))\s*-{1,2}|\s+-{1,2}(?=\s)|:(?=\s))[ \t]*(?=\S)"
)
# Words of upper-case labels that are not places: "UPDATE:", "EDITOR'S NOTE:", "FILE PHOTO -".
_NOT_PLACE = re.compile(
    r"\b(?:UPDATE|UPDATED|BREAKING|DEVELOPING|EXCLUSIVE|NOTE|ANALYSIS|OPINION|COMMENTARY|WATCH|LIVE"
    r"|VIDEO|PHOTO|PHOTOS|CORRECTION|CLARIFICATION|FILE|SUMMARY|RESTRICTION|TRANSCRIPT|WARNING|ALERT)\b"
)
# A "??" token standing alone: a newspaper reader's mark for a photo and its credit.
_CAPTION_MARK = re.compile(r"(?:^|(?<=\s))\?\?(?=\s|$)")
# The credit between two marks: "?? Evan Vucci Associated Press ??". A caption line holds such a
# pair or opens with a mark; a lone "??" later in a line is a lost emoji, not a caption.
_CAPTION_CREDIT = re.compile(r"(?:^|(?<=\s))\?\?\s*(?P<credit>[^?\n]{1,80}?)\s*\?\?(?=\s|$)")
# Web-page captions (BBC): "Image copyright Reuters Image caption Text", "Media playback is
# unsupported on your device Media caption Text".
_WEB_CAPTION = re.compile(
    r"(?:Image copyright (?P<credit>[^\n]{1,80}?)\s+|Media playback is unsupported on your device\s+)?"
    r"(?:Image|Media) caption\s+(?P<text>[^\n]+)"
)
# A pull quote: one line, the quote (quote marks optional), a dash, a short name-like attribution.
_PULL_QUOTE = re.compile(
    r"(?P<quote>[^\n]{20,600})\s*(?:[—–―]|--|\s-\s)\s*"
    r"(?P<attr>[A-Z][\w.'’\-]*(?:[ ,]+[\w.&'’()\-]+){0,11})"
)
# An ellipsis where a pull quote shortened the body's sentence.
_ELLIPSIS = re.compile(r"\s*(?:…|\.\s?\.\s?\.)\s*")
# An editor's note in parentheses above the byline: "(Updates with details from Turkey)".
_NOTE = re.compile(r"\([^()]{3,200}\)")
# Newspaper-reader footers: "Newspapers in English", "Newspapers from United States".
_FOOTER = re.compile(r"(?:Newspapers (?:in|from) [A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,4}\s*)+")
# Scrape boilerplate, matched sentence by sentence against a whole short line.
_BOILERPLATE = [
    # "Copyright 2019 The Associated Press.", "© 2019 Reuters", "COPYRIGHT 2017 X" (a year or ©)
    re.compile(r"(?:©\s*)?(?:(?:Copyright|COPYRIGHT)\s*(?:©|\(c\))?\s*\d{4}|©)[^\n]{0,120}"),
    # "All rights reserved." (a hex id may follow)
    re.compile(r"(?:All [Rr]ights [Rr]eserved|ALL RIGHTS RESERVED)\.?(?:\s+[0-9a-f]{8,})?"),
    # "Subscribe now", "Subscribe to our newsletter", "Subscribe on Apple Podcasts, ..."
    re.compile(r"Subscribe\b[^\n]{0,100}"),
    # "Sign up for our daily newsletter", "Sign up for Daily Newsletters Manage Newsletters"
    re.compile(r"Sign up (?:for|to)\b[^\n]{0,60}\bnewsletters?\b[^\n]{0,40}", re.I),
    # "Follow us on Twitter", "Follow Jane Doe on Twitter: @janedoe", "Follow @reuters"
    re.compile(r"Follow (?:us\b|@\w+|[^\n]{1,60}? on (?:Twitter|Facebook|Instagram|X)\b)[^\n]{0,100}"),
    # "Reach him directly at jdoe@example.com.", "Email the author at ..."
    re.compile(r"(?:Reach|Contact|Email) (?:him|her|them|the (?:author|writer|reporter)s?)\b[^\n]{0,99}"),
    # "Advertisement", "Story continues below advertisement", "Continue reading the main story"
    re.compile(r"(?:Story continues below )?advertisement|Continue reading the main story", re.I),
    # "Share this article", "Share on Facebook"
    re.compile(r"Share (?:this(?: article| story)?|on (?:Facebook|Twitter|WhatsApp|LinkedIn))", re.I),
    # Image furniture without a caption: "Enlarge this image toggle caption Jane Doe/Getty Images"
    # (NPR), "Image copyright Getty Images", "Media playback is unsupported on your device" (BBC)
    re.compile(r"(?:Enlarge this image\s*)?(?:toggle caption|hide caption)\b[^\n]{0,200}"),
    re.compile(r"Image copyright [^\n]{1,80}|Media playback is unsupported on your device"),
    # A video blurb (USA Today): "CLOSE A gunman opened fire at ... Wochit"
    re.compile(r"CLOSE [A-Z](?=[^\n]*\b[a-z]{3,}\b)[^\n]{30,300}"),
]
# A link line (docs/annotation.md D9b): a whole short line that points at another story or at a
# photo gallery or video rather than telling this one: a label and a colon, "SEE ALSO: X says ...",
# "( PHOTOS: Y)", "Read more: ...", "RELATED: ...", "More: ...", "( Also on Outlet News: Z)" (an outlet's
# name after "also on/in/from", session 57); a video player's card ("JUST
# WATCHED <title> Replay More Videos ..."); a photo credit line opening with a bar ("| AP Photo ...");
# session 58: a teaser link whose label is glued to its colon, no space, before the linked headline
# ("Trump-Kim summit:Everything you should know ...", "Earlier:Minister calls ...", "'No deal':Minister
# says ..."): a label of 3-40 characters with no sentence mark, then a capital and a small letter, a
# space or an apostrophe, or a quote mark (case-sensitive: not "Brent crude UK:BRNX19 jumped"), and a
# headline's end, no full stop (not a dateline glued to its paragraph, "NAIROBI:The president said ... .").
_LINK_LINE = re.compile(
    r"\(?\s*(?:see also|read more|read also|also read|more|related(?: coverage| stories)?|photos?|videos?"
    r"|watch|gallery|slideshow|also (?:on|in|from) [^\n:]{0,30}?" + _OUTLET_WORD + r")\s*:\s*\S[^\n]*"
    r"|JUST WATCHED\b[^\n]*"
    r"|\|\s*(?:AP|AFP|Reuters|Getty Images?|EPA)\s+Photo\b[^\n]*"
    r"|(?-i:[^\n:!?|]{3,40}?:(?=[A-Z][a-z'\u2019 ]|[\u2018\u201c'\"])[^\n]*(?<!\.)(?<!\.[\"'\u201d\u2019]))",
    re.I,
)
# Legal sentences, boilerplate after a first boilerplate sentence: the AP's "This material may
# not be published, broadcast ...", "Click here for reprint permission.", "Distributed by ...".
_LEGAL = re.compile(
    r"(?:This material may not be|Click here for reprint|Reprinted with permission|Used with permission"
    r"|Visit our website|Distributed by|Hosted online by)\b[^\n]{0,150}",
    re.I,
)
# A sentence break (not after an initial as in "Thomas D. Williams").
_SENTENCE_BREAK = re.compile(r"(?<![\s.][A-Z]\.)(?<=[.!?])\s+(?=[A-Z@(“\"])")
_BOILERPLATE_MAX = 250  # a longer line is prose, whatever it starts with
# A linked name's card pasted into the text by a scrape (The Hill): after the name as written, the
# person's full name, its surname glued to the first of several linked headlines, then "MORE":
# "President Trump Donald John TrumpTrump faces ... Mulvaney: report MORE and first lady ...".
# The surname must repeat the written name's last word, and the card must end in " MORE" (a
# possessive may follow: "MORE’s approval rating" leaves "Trump’s approval rating").
_LINK_CARD = re.compile(
    r"\b(?P<surname>[A-Z][\w'’\-]*[a-z]) (?P<card>(?:[A-Z(][\w.'’()\-]* ){0,5}(?P=surname)"
    r"(?=[A-Z0-9\"'‘“])[^\n]{10,900}? MORE)(?=[\s),.;:’']|$)"
)


def structure_text(text: str, *, title: str | None = None, line_paragraphs: bool = False,
                   site: str | None = None) -> ArticleParts:
    """Split plain article text into body and furniture (see the module docstring).

    ``title`` (from metadata) becomes the headline; a first line repeating it is dropped.
    ``line_paragraphs``: every line is a paragraph, as in the text trafilatura extracts from an HTML
    page (one line per ``<p>``, no blank lines between), so that the body's paragraphs are the page's.
    ``site``: the name the input gives its own site (an HTML page's, :func:`dateline.ingest.page_site`): the
    publication when the text has no masthead line.
    """
    norm = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = ArticleParts(body="", headline=title.strip() if title and title.strip() else None)
    paragraph = _LINE if line_paragraphs else _PARAGRAPH
    blocks = _drop_lines(norm, [_strip(norm, m.start(), m.end()) for m in paragraph.finditer(norm)], parts)
    i = _masthead(norm, blocks, parts, title)
    if parts.publication is None and site and site.strip():
        parts.publication = site.strip()
    body = blocks[_top_zone(norm, blocks, i, parts, title) :]
    if body:
        body[0] = _dateline(norm, body[0], parts)
    quotes = _pull_quotes(norm, body)
    blocks, inline = _cut_link_cards(norm, [b for b in body if b not in quotes], parts)
    parts.body, parts.offsets = _assemble(norm, blocks, inline)
    for span, pull in quotes.items():
        pull.body_start, pull.body_end = _locate(parts.body, pull.text) or (None, None)
        parts.pull_quotes.append(pull)
        _remove(parts, norm, span, "pull_quote", "a display quote repeating the body")
    parts.removed.sort(key=lambda r: r.start)
    if len(norm) != len(text):
        _map_back(parts, text)
    return parts


def _strip(text: str, start: int, end: int) -> Span:
    """Shrink ``start:end`` to exclude surrounding white space."""
    s = text[start:end]
    start += len(s) - len(s.lstrip())
    return start, max(start, end - (len(s) - len(s.rstrip())))


def _lines(text: str, span: Span) -> list[Span]:
    """Spans of the non-blank lines inside ``span``, stripped."""
    return [_strip(text, m.start(), m.end()) for m in _LINE.finditer(text, span[0], span[1])]


def _norm(s: str) -> str:
    """Compare-form: quote marks unified, white space collapsed, case folded, final "." dropped."""
    return re.sub(r"\s+", " ", s.translate(_PLAIN_QUOTES)).strip().rstrip(".").casefold()


compare_form = _norm  # (the name other modules import: ingest compares a page's title parts with it)


def _remove(parts: ArticleParts, text: str, span: Span, kind: str, reason: str) -> None:
    parts.removed.append(Removed(kind, text[span[0] : span[1]], reason, span[0], span[1]))


def _drop_lines(text: str, paras: list[Span], parts: ArticleParts) -> list[Span]:
    """Drop caption, link, footer and boilerplate lines; return the runs of lines left, as blocks.

    A paragraph losing a middle line becomes two blocks, each still a contiguous slice.
    """
    lines = [(line, p) for p, para in enumerate(paras) for line in _lines(text, para)]
    keep = [True] * len(lines)
    for k, (span, _) in enumerate(lines):
        line = text[span[0] : span[1]]
        if not keep[k]:
            continue
        if caption := _caption(line, span):
            keep[k] = False
            parts.captions.append(caption)
            _remove(parts, text, span, "caption", "a photo or video caption")
            nxt = lines[k + 1][0] if k + 1 < len(lines) else None
            if nxt and _is_caption_copy(text[nxt[0] : nxt[1]], caption):
                keep[k + 1] = False
                _remove(parts, text, nxt, "caption_duplicate", "the caption again, credit glued on, no marks")
        elif len(line) <= _BOILERPLATE_MAX and _LINK_LINE.fullmatch(line):
            keep[k] = False
            _remove(parts, text, span, "link_line", "a line linking to another story, a gallery or a video, not article text")
        elif kind := _footer_kind(line):
            keep[k] = False
            what = "a newspaper reader's footer" if kind == "footer" else "scrape boilerplate"
            _remove(parts, text, span, kind, f"{what}, not article text")
    blocks: list[Span] = []
    for k, (span, p) in enumerate(lines):
        if keep[k] and k > 0 and keep[k - 1] and lines[k - 1][1] == p:
            blocks[-1] = (blocks[-1][0], span[1])
        elif keep[k]:
            blocks.append(span)
    return blocks


def _footer_kind(line: str) -> str | None:
    """Kind of a dropped line: "footer" (a reader's footer), "boilerplate", or None to keep it."""
    if _FOOTER.fullmatch(line):
        return "footer"
    if len(line) > _BOILERPLATE_MAX:
        return None
    first, *more = _SENTENCE_BREAK.split(line)
    if not _is_boilerplate(first):
        return None
    if all(_is_boilerplate(s) or _LEGAL.fullmatch(s) for s in more):
        return "boilerplate"  # only when every sentence is: prose after one keeps the line
    return None


def _is_boilerplate(sentence: str) -> bool:
    return any(p.fullmatch(sentence) for p in _BOILERPLATE)


def _caption(line: str, span: Span) -> Caption | None:
    """A caption line: ``?? credit ?? text`` (or opening with ``??``), or "Image caption text"."""
    if web := _WEB_CAPTION.fullmatch(line):
        return Caption(web["text"].strip(), web["credit"], span[0], span[1])
    m = _CAPTION_CREDIT.search(line)
    if not m and not re.match(r"\?\?\s", line):
        return None
    credit = None
    if m and len(m["credit"].split()) <= 10:
        credit = m["credit"].strip()
        line = line[: m.start()] + " " + line[m.end() :]
    return Caption(re.sub(r"\s+", " ", _CAPTION_MARK.sub(" ", line)).strip(), credit, span[0], span[1])


def _is_caption_copy(line: str, caption: Caption) -> bool:
    """Whether ``line`` repeats ``caption``, its credit glued to the front (or the back)."""
    same, text, credit = (_norm(s).replace(" ", "") for s in (line, caption.text, caption.credit or ""))
    return bool(text) and same in {text, credit + text, text + credit}


def _masthead(text: str, blocks: list[Span], parts: ArticleParts, title: str | None) -> int:
    """Take a publication's name off the top ("Los Angeles Times"); return the next block's index."""
    line = text[blocks[0][0] : blocks[0][1]] if len(blocks) > 1 else ""
    if "\n" in line or len(line) > 50 or not _MASTHEAD.fullmatch(line):
        return 0
    if title and _norm(line) == _norm(title):
        return 0
    if not _OUTLET.search(line):  # no outlet word: only when a headline and a byline follow it
        k = _find_byline(text, blocks, 1)
        if k is None or k < 2:
            return 0
    parts.publication = line
    _remove(parts, text, blocks[0], "masthead", "the publication's name above the headline")
    return 1


def _is_top_line(text: str, span: Span) -> bool:
    """A headline- or deck-sized block: one line, not long, not opening with a dateline."""
    line = text[span[0] : span[1]]
    return "\n" not in line and len(line) <= 300 and not _DATELINE.match(line)


def _find_byline(text: str, blocks: list[Span], start: int) -> int | None:
    """Index of the byline among the few short lines at the top, if there is one."""
    for k in range(start, min(len(blocks), start + 5)):
        first = _lines(text, blocks[k])[0]
        if _byline(text[first[0] : first[1]]):
            return k
        if not _is_top_line(text, blocks[k]):
            return None
    return None


def _top_zone(text: str, blocks: list[Span], i: int, parts: ArticleParts, title: str | None) -> int:
    """Take headline, deck and byline off the top; return the index of the first body block."""
    k = _find_byline(text, blocks, i)
    if k is None:  # no byline: only a headline-like first line, or one repeating the title
        if i + 1 >= len(blocks):
            return i
        line = text[blocks[i][0] : blocks[i][1]]
        if title:
            taken = _norm(line) == _norm(title)
        else:  # a next block opening in lower case continues a broken sentence
            taken = _is_top_line(text, blocks[i]) and _looks_like_headline(line)
            taken = taken and not text[blocks[i + 1][0]].islower()
        if taken:
            _headline_or_deck(text, blocks[i], parts, title)
        return i + 1 if taken else i
    first, *rest = _lines(text, blocks[k])
    end = first[1]
    aff = text[rest[0][0] : rest[0][1]] if rest else ""  # "Associated Press" under the byline
    if len(aff) <= 60 and _MASTHEAD.fullmatch(aff) and _PRESS_WORD.search(aff):
        end, rest = rest[0][1], rest[1:]
    if not rest and k + 1 >= len(blocks):
        return i  # nothing would be left for the body
    parts.byline = _byline(text[first[0] : first[1]])
    _remove(parts, text, (first[0], end), "byline", "the author's name")
    for b in blocks[i:k]:
        _headline_or_deck(text, b, parts, title)
    if rest:  # the byline's paragraph goes on with body lines
        blocks[k] = (rest[0][0], blocks[k][1])
        return k
    return k + 1


def _looks_like_headline(line: str) -> bool:
    """2-20 words in one phrase, no final punctuation (closing quotes looked past)."""
    end = line.rstrip(_QUOTE_CHARS + ")]")[-1:]
    if re.search(r"\?\?|https?://|@\w", line) or _SENTENCE_BREAK.search(line) or _NOTE.fullmatch(line):
        return False  # a lost emoji, a link, a handle, a note in parentheses: not a headline
    return 2 <= len(line.split()) <= 20 and len(line) <= 150 and end not in ".,;:!?…"


def _headline_or_deck(text: str, span: Span, parts: ArticleParts, title: str | None) -> None:
    """File a line above the body as headline (title-like), deck (a sentence) or editor's note."""
    line = re.sub(r"\s+", " ", text[span[0] : span[1]])
    if _NOTE.fullmatch(line):
        _remove(parts, text, span, "note", "an editor's note above the story")
    elif title and _norm(line) == _norm(title):
        _remove(parts, text, span, "headline", "repeats the title given in the metadata")
    elif parts.headline is None and _looks_like_headline(line):
        parts.headline = line
        _remove(parts, text, span, "headline", "the headline above the body")
    else:
        parts.deck = line if parts.deck is None else f"{parts.deck} {line}"
        _remove(parts, text, span, "deck", "the deck (summary line) under the headline")


def _byline(line: str) -> str | None:
    """The names in a "By ..." line ("Jane Doe and John Roe"), affiliation left out; else None."""
    m = _BYLINE.fullmatch(line)
    if not m:
        return None
    head, *after = _BYLINE_SPLIT.split(m["rest"].rstrip(" ."), maxsplit=1)
    if after and not _AFFILIATION.fullmatch(after[0]):
        return None
    names: list[str] = []
    closed = False  # after "and" the names are complete: a chunk after a comma is an affiliation
    for chunk in (c.strip() for c in head.split(",")):
        if names and (closed or _PRESS_WORD.search(chunk)):
            if not _AFFILIATION.fullmatch(chunk) or not (chunk[:1].isupper() or _PRESS_WORD.search(chunk)):
                return None
            continue
        if not _NAMES.fullmatch(chunk) or _NOT_NAME.match(chunk):
            return None
        if len(chunk.split()) < 2 and not _PRESS_WORD.search(chunk):
            return None  # "By Air": one word is a name only for an agency ("By Reuters")
        names.append(chunk.title() if chunk.isupper() else chunk)
        closed = closed or bool(re.search(r"\s(?:and|&)\s", chunk))
    return ", ".join(names) if names else None


def _dateline(text: str, span: Span, parts: ArticleParts) -> Span:
    """Take a dateline ("WASHINGTON —") off the start of the first body block."""
    m = _DATELINE.match(text, span[0], span[1])
    if not m or _NOT_PLACE.search(m["place"]) or len(re.sub(r"[^A-Z]", "", m["place"])) < 3:
        return span
    parts.dateline = re.sub(r"\s+", " ", m["place"]).strip()
    _remove(parts, text, _strip(text, span[0], m.end()), "dateline", "the place line opening the story")
    return _strip(text, m.end(), span[1])


def _pull_quotes(text: str, blocks: list[Span]) -> dict[Span, PullQuote]:
    """Blocks that display, with a dash attribution, text found in another body block."""
    joined = "\n\n".join(text[s:e] for s, e in blocks)
    starts = list(itertools.accumulate((e - s + 2 for s, e in blocks[:-1]), initial=0))
    found: dict[Span, PullQuote] = {}

    def elsewhere(quote: str, own: Span) -> bool:  # in a block other than its own and the quotes
        pos = 0
        while hit := _locate(joined, quote, pos):
            block = blocks[bisect.bisect_right(starts, hit[0]) - 1]
            same = block == blocks[bisect.bisect_right(starts, hit[1] - 1) - 1]  # not across blocks
            if same and block != own and block not in found:
                return True
            pos = hit[0] + 1
        return False

    for span in blocks:
        m = _PULL_QUOTE.fullmatch(text, span[0], span[1])
        if not m:
            continue
        quote = m["quote"].strip().strip(_QUOTE_CHARS).strip()
        whole = text[span[0] : span[1]].strip(_QUOTE_CHARS + " ")
        if len(whole.split()) >= 6 and elsewhere(whole, span):  # no attribution: a repeated sentence
            found[span] = PullQuote(whole, None, span[0], span[1])
        elif len(quote.split()) >= 4 and elsewhere(quote, span):
            found[span] = PullQuote(quote, m["attr"].strip(), span[0], span[1])
    return found


def _locate(body: str, quote: str, pos: int = 0) -> Span | None:
    """First span of ``quote`` in ``body`` from ``pos``, ignoring case, quote-mark style, white space
    and final punctuation; the parts of a quote shortened with an ellipsis must appear in order."""
    start = None
    for piece in [p for p in _ELLIPSIS.split(quote) if len(p.split()) >= 2] or [quote]:
        words = piece.strip(_QUOTE_CHARS + " ").rstrip(_QUOTE_CHARS + " .,;:!?").split()
        pattern = r"\s+".join(
            "".join(_ANY_QUOTE if c in _QUOTE_CHARS else re.escape(c) for c in w) for w in words
        )
        m = re.compile(pattern, re.I).search(body, pos) if words else None
        if not m:
            return None
        start = m.start() if start is None else start
        pos = m.end()
    return None if start is None else (start, pos)


def _cut_link_cards(text: str, blocks: list[Span], parts: ArticleParts) -> tuple[list[Span], set[int]]:
    """Cut linked names' cards (``_LINK_CARD``) out of the body blocks. The text on either side of a
    card stays one paragraph: the pieces after a cut are returned in ``inline`` (their starts), to be
    joined to the piece before without a paragraph break."""
    out: list[Span] = []
    inline: set[int] = set()
    for start, end in blocks:
        pos = start
        for m in _LINK_CARD.finditer(text, start, end):
            cut = (m.start("card") - 1, m.end("card"))  # with the space before the card
            out.append((pos, cut[0]))
            _remove(parts, text, cut, "link_card", "a linked name's card of other stories' headlines")
            pos = cut[1]
            inline.add(pos)
        out.append((pos, end))
    return out, inline


def _assemble(text: str, blocks: list[Span], inline: set[int] | frozenset[int] = frozenset()) -> tuple[str, OffsetMap]:
    """Join the body blocks with blank lines (a block starting in ``inline`` continues the one before
    it with no break), recording where each came from."""
    offsets, pos, pieces = OffsetMap(), 0, []
    for k, (start, end) in enumerate(blocks):
        if k:
            joint = "" if start in inline else "\n\n"
            pieces.append(joint)
            pos += len(joint)
        offsets.add(pos, start, end - start)
        pieces.append(text[start:end])
        pos += end - start
    return "".join(pieces), offsets


def _map_back(parts: ArticleParts, original: str) -> None:
    """Move offsets from the newline-normalised text onto ``original``, which had "\\r\\n".

    A body block whose lines were "\\r\\n"-separated gets one segment per line.
    """
    dropped = [m.start() - k for k, m in enumerate(re.finditer("\r\n", original))]

    def back(pos: int) -> int:
        return pos + bisect.bisect_left(dropped, pos)

    items: list[Removed | Caption | PullQuote] = [*parts.removed, *parts.captions, *parts.pull_quotes]
    for item in items:
        item.start, item.end = back(item.start), back(item.end)
    segments, parts.offsets = parts.offsets.segments, OffsetMap()
    for seg in segments:
        pos = 0
        for line in parts.body[seg.body_start : seg.body_start + seg.length].split("\n"):
            parts.offsets.add(seg.body_start + pos, back(seg.orig_start + pos), len(line))
            pos += len(line) + 1
