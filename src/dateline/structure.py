"""Separate an article's body from its furniture: masthead, headline, deck, byline, dateline,
photo captions, pull quotes and reader footers.

Offsets refer to the text with its newlines normalised (``\\r\\n`` and ``\\r`` become ``\\n``; the
length of every other character is kept). Each body paragraph is a contiguous slice of that text,
so :class:`OffsetMap` maps any body offset back. The heuristics are conservative: leaving furniture
in the body is better than deleting a paragraph of it.
"""

from __future__ import annotations

import re

from dateline.models import ArticleParts, Caption, OffsetMap, PullQuote, Removed

Span = tuple[int, int]

# One or more blank lines (possibly holding spaces) between two paragraphs.
_PARA_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Characters that count as quote marks when comparing texts ("‘’“”«»" and straight quotes).
_QUOTE_CHARS = "\"'“”„‟‘’‚‛«»`´"
_QUOTES_TO_PLAIN = str.maketrans({c: '"' for c in _QUOTE_CHARS})
# Words that name a news organisation: "Times", "Press", "Reuters" (mastheads, affiliations).
_OUTLET_WORD = (
    r"\b(?:Times|Post|News|Journal|Herald|Tribune|Gazette|Chronicle|Guardian|Telegraph|Independent"
    r"|Observer|Economist|Mail|Express|Mirror|Star|Sun|Globe|Record|Review|Press|Examiner|Inquirer"
    r"|Bulletin|Courier|Dispatch|Standard|Monitor|Reporter|Register|Sentinel|Daily|Weekly|Today"
    r"|Magazine|Wire|Agency|Service|Bureau|Network|Radio|Television|TV|Reuters|AP|AFP|Bloomberg|BBC"
    r"|CNN|NPR|Politico|Axios)\b"
)
_OUTLET = re.compile(_OUTLET_WORD, re.I)
# An outlet word or a newsroom role ("Staff", "Correspondent"): what marks a byline's affiliation.
_PRESS_WORD = re.compile(
    rf"{_OUTLET_WORD}|\b(?:Staff|Writer|Editor|Correspondent|Contributor|Columnist|Desk)\b", re.I
)
# Masthead: a short line of capitalised words, with "of"/"the"/"and"/"&" allowed ("The Times of India").
_MASTHEAD = re.compile(r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|of|the|and|&)){0,5}")
# A byline line: optional bullet or dash, "By"/"BY", then the names (and perhaps an affiliation).
_BYLINE = re.compile(r"[-–—•*·\s]*(?:By|BY|by)\s+(?P<rest>[A-Z].{1,150})")
# What separates names from an affiliation in a byline: " | ", " / ", " - ", " — ".
_BYLINE_SPLIT = re.compile(r"\s*[|/]\s*|\s+[-–—]\s+")
# One person's name: capitalised or upper-case words and initials, with lower-case particles.
_NAME = (
    r"[A-Z][\w'’.\-]*(?:\s+(?:(?:de|da|del|der|di|du|la|le|van|von|bin|ibn|al|el)\s+)?"
    r"[A-Z][\w'’.\-]*){0,4}"
)
# A list of names in one comma-separated chunk: "Jane Doe", "Jane Doe and John Roe", "and Ann Poe".
_NAMES = re.compile(rf"(?:and\s+)?{_NAME}(?:\s+(?:and|&)\s+{_NAME})*")
# Capitalised words that start prose, not a name: "By Monday, ...", "By The Way".
_NOT_NAME = re.compile(
    r"^(?:and\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December|The|This|That|Then|Now)\b"
)
# An affiliation after a byline's names: "Associated Press", "staff writer", "The New York Times".
_AFFILIATION = re.compile(r"[A-Za-z][\w.&'’\-]*(?:\s+[\w.&'’\-]+){0,6}")
# Dateline opening the first paragraph: "WASHINGTON —", "SEOUL, South Korea (AP) —",
# "LONDON (Reuters) -", "WASHINGTON, Jan 12 (Reuters) -", "BRUSSELS:". Upper-case place, then an
# optional region, date and agency, then a dash (a hyphen needs spaces or the agency) or a colon.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]*){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,2})?)"
    r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"(?:\s*\((?P<agency>[A-Za-z][\w .&'-]{0,30})\))?"
    r"(?:\s*[—–―]|(?<=\))\s*-{1,2}|\s+-{1,2}(?=\s)|:(?=\s))[ \t]*(?=\S)"
)
# Words of upper-case lead-ins that are labels, not places: "UPDATE:", "EDITOR'S NOTE:", "FILE PHOTO -".
_NOT_PLACE = re.compile(
    r"\b(?:UPDATE|UPDATED|BREAKING|DEVELOPING|EXCLUSIVE|NOTE|ANALYSIS|OPINION|COMMENTARY|WATCH|LIVE"
    r"|VIDEO|PHOTO|PHOTOS|CORRECTION|CLARIFICATION|FILE|SUMMARY|RESTRICTION|TRANSCRIPT|WARNING|ALERT)\b"
)
# A "??" token standing alone: a reader's mark for a photo (and its credit) in scraped text.
_CAPTION_MARK = re.compile(r"(?:^|(?<=\s))\?\?(?=\s|$)")
# A caption line opens with the mark ("?? AP ?? Text", "?? Text"); a lone "??" later is a lost emoji.
_CAPTION_START = re.compile(r"\?\?(?=\s)")
# The credit between two marks: "?? Evan Vucci Associated Press ??".
_CAPTION_CREDIT = re.compile(r"(?:^|(?<=\s))\?\?\s*(?P<credit>[^?\n]{1,80}?)\s*\?\?(?=\s|$)")
# Pull quote: one line, optional quote marks, the quote, a dash and a short name-like attribution.
_PULL_QUOTE = re.compile(
    r"(?P<quote>[^\n]{20,600})\s*(?:[—–―]|--|\s-\s)\s*(?P<attr>[A-Z][\w.'’\-]*(?:[ ,]+[\w.&'’()\-]+){0,11})"
)
# An ellipsis inside a pull quote, where the display text shortened the body's sentence.
_ELLIPSIS = re.compile(r"\s*(?:…|\.\s?\.\s?\.)\s*")
# An editor's note in parentheses above the byline: "(Updates with details)".
_NOTE = re.compile(r"\([^()]{3,200}\)")
# Reader footers (PressReader-style): "Newspapers in English", "Newspapers from United States".
_FOOTER = re.compile(r"(?:Newspapers (?:in|from) [A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,4}\s*)+")
# Scrape boilerplate lines, each matched against a whole (short) line.
_BOILERPLATE = [
    # "Copyright 2019 The Associated Press.", "© 2019 Reuters", "COPYRIGHT 2017 X" (a year or a sign)
    re.compile(r"(?:©\s*)?(?:(?:Copyright|COPYRIGHT)\s*(?:©|\(c\))?\s*\d{4}|©)[^\n]{0,120}"),
    # "All rights reserved." (a hex id may follow it)
    re.compile(r"(?:All [Rr]ights [Rr]eserved|ALL RIGHTS RESERVED)\.?(?:\s+[0-9a-f]{8,})?"),
    # "Subscribe now", "Subscribe to our newsletter", "Subscribe on Apple Podcasts, ..."
    re.compile(r"Subscribe\b[^\n]{0,100}"),
    # "Sign up for our daily newsletter", "Sign up for Daily Newsletters Manage Newsletters"
    re.compile(r"Sign up (?:for|to)\b[^\n]{0,60}\bnewsletters?\b[^\n]{0,40}", re.I),
    # "Follow us on Twitter", "Follow Jane Doe on Twitter: @janedoe", "Follow @reuters"
    re.compile(
        r"Follow (?:us\b|@\w+|[^\n]{1,60}? on (?:Twitter|Facebook|Instagram|LinkedIn|X)\b)[^\n]{0,100}"
    ),
    # "Reach him directly at jdoe@example.com.", "Email the author at ..."
    re.compile(r"(?:Reach|Contact|Email|E-mail) (?:him|her|them|the (?:author|writer|reporter)s?)\b[^\n]{0,100}"),
    # "Advertisement", "ADVERTISEMENT", "Story continues below advertisement"
    re.compile(r"(?:Story continues below )?advertisement", re.I),
    # "Continue reading the main story"
    re.compile(r"Continue reading the main story", re.I),
    # "Share this article", "Share on Facebook"
    re.compile(r"Share (?:this(?: article| story)?|on (?:Facebook|Twitter|WhatsApp|LinkedIn))", re.I),
    # NPR's image furniture: "Enlarge this image toggle caption Jane Doe/Getty Images ..."
    re.compile(r"(?:Enlarge this image\s*)?(?:toggle caption|hide caption)\b[^\n]{0,200}"),
]
# Legal sentences, boilerplate only after a first boilerplate sentence: the AP's "This material may
# not be published, broadcast ...", "Click here for reprint permission.", "Distributed by ...".
_LEGAL = re.compile(
    r"(?:This material may not be|Click here for reprint|Reprinted with permission|Used with permission"
    r"|Visit our website|Distributed by|Hosted online by)\b[^\n]{0,150}",
    re.I,
)
# A sentence break inside a boilerplate line (not after an initial: "Thomas D. Williams").
_SENTENCE_BREAK = re.compile(r"(?<![\s.][A-Z]\.)(?<=[.!?])\s+(?=[A-Z@(“\"])")
_BOILERPLATE_MAX = 250  # longer lines are prose, whatever they start with


def structure_text(text: str, *, title: str | None = None) -> ArticleParts:
    """Split plain article text into body and furniture; see the module docstring."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = ArticleParts(body="", headline=title.strip() if title and title.strip() else None)
    blocks = _drop_lines(text, _paragraphs(text), parts)
    i = _masthead(text, blocks, parts, title)
    i = _top_zone(text, blocks, i, parts, title)
    body_blocks = blocks[i:]
    if body_blocks:
        body_blocks[0] = _dateline(text, body_blocks[0], parts)
    quotes = _pull_quotes(text, body_blocks)
    body_blocks = [b for b in body_blocks if b not in quotes]
    parts.body, parts.offsets = _assemble(text, body_blocks)
    for span, pull in quotes.items():
        found = _locate(parts.body, pull.text)
        if found:
            pull.body_start, pull.body_end = found
        parts.pull_quotes.append(pull)
        _remove(parts, text, span, "pull_quote", "a display quote repeating the body")
    parts.removed.sort(key=lambda r: r.start)
    return parts


def _paragraphs(text: str) -> list[Span]:
    """Spans of the paragraphs (separated by blank lines), white space stripped."""
    spans: list[Span] = []
    pos = 0
    for m in [*_PARA_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        span = _strip(text, pos, end)
        if span[0] < span[1]:
            spans.append(span)
        if m:
            pos = m.end()
    return spans


def _strip(text: str, start: int, end: int) -> Span:
    """Shrink ``start:end`` to exclude surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str, span: Span) -> list[Span]:
    """Spans of the non-blank lines inside ``span``, stripped."""
    out: list[Span] = []
    pos = span[0]
    for line in text[span[0] : span[1]].split("\n"):
        s = _strip(text, pos, pos + len(line))
        if s[0] < s[1]:
            out.append(s)
        pos += len(line) + 1
    return out


def _norm(s: str) -> str:
    """Compare-form: quote marks unified, white space collapsed, case folded."""
    return re.sub(r"\s+", " ", s.translate(_QUOTES_TO_PLAIN)).strip().casefold()


def _remove(parts: ArticleParts, text: str, span: Span, kind: str, reason: str) -> None:
    parts.removed.append(Removed(kind, text[span[0] : span[1]], reason, span[0], span[1]))


def _drop_lines(text: str, paras: list[Span], parts: ArticleParts) -> list[Span]:
    """Remove footer, boilerplate and caption lines; return the blocks of lines left.

    A paragraph whose middle line is dropped becomes two blocks, each a contiguous slice.
    """
    lines = [(line, p) for p, para in enumerate(paras) for line in _lines(text, para)]
    keep = [True] * len(lines)
    k = 0
    while k < len(lines):
        span = lines[k][0]
        line = text[span[0] : span[1]]
        caption = _caption(line, span)
        if caption:
            keep[k] = False
            parts.captions.append(caption)
            _remove(parts, text, span, "caption", "photo caption (marked with ??)")
            if k + 1 < len(lines) and _is_caption_copy(text[lines[k + 1][0][0] : lines[k + 1][0][1]], caption):
                k += 1
                keep[k] = False
                _remove(parts, text, lines[k][0], "caption_duplicate", "the caption again, without marks")
        elif kind := _footer_kind(line):
            keep[k] = False
            what = "reader footer" if kind == "footer" else "scrape boilerplate"
            _remove(parts, text, span, kind, f"{what}, not article text")
        k += 1
    blocks: list[Span] = []
    for k, (span, p) in enumerate(lines):
        if not keep[k]:
            continue
        if k > 0 and keep[k - 1] and lines[k - 1][1] == p:
            blocks[-1] = (blocks[-1][0], span[1])
        else:
            blocks.append(span)
    return blocks


def _footer_kind(line: str) -> str | None:
    """"footer" for a reader's footer line, "boilerplate" for scrape boilerplate, else None."""
    if _FOOTER.fullmatch(line):
        return "footer"
    first, *more = _SENTENCE_BREAK.split(line)
    if len(line) <= _BOILERPLATE_MAX and _is_boilerplate(first) and all(
        _is_boilerplate(x) or _LEGAL.fullmatch(x) for x in more
    ):
        return "boilerplate"  # every sentence of the line is boilerplate: prose after one keeps it
    return None


def _is_boilerplate(sentence: str) -> bool:
    return any(p.fullmatch(sentence) for p in _BOILERPLATE)


def _caption(line: str, span: Span) -> Caption | None:
    """A photo caption from a line holding ``??`` marks, with the credit between two of them."""
    m = _CAPTION_CREDIT.search(line)
    if not (m or _CAPTION_START.match(line)):
        return None
    credit = None
    if m and len(m["credit"].split()) <= 10:
        credit = m["credit"].strip()
        line = line[: m.start()] + " " + line[m.end() :]
    caption = re.sub(r"\s+", " ", _CAPTION_MARK.sub(" ", line)).strip()
    return Caption(caption, credit, span[0], span[1])


def _is_caption_copy(line: str, caption: Caption) -> bool:
    """Whether ``line`` is ``caption`` again, with its credit glued to the front (or the back)."""
    same = _norm(line).replace(" ", "")
    text = _norm(caption.text).replace(" ", "")
    credit = _norm(caption.credit or "").replace(" ", "")
    return bool(text) and same in {text, credit + text, text + credit}


def _masthead(text: str, blocks: list[Span], parts: ArticleParts, title: str | None) -> int:
    """Recognise a publication's name as the first paragraph; return the index after it."""
    if len(blocks) < 2:
        return 0
    line = text[blocks[0][0] : blocks[0][1]]
    if "\n" in line or len(line) > 50 or not _MASTHEAD.fullmatch(line):
        return 0
    if title and _norm(line) == _norm(title):
        return 0
    if not _OUTLET.search(line):
        # No press word: a masthead only when a headline/deck and then a byline follow it.
        k = _find_byline(text, blocks, 1)
        if k is None or k < 2:
            return 0
    parts.publication = line
    _remove(parts, text, blocks[0], "masthead", "publication name above the headline")
    return 1


def _is_top_line(text: str, span: Span) -> bool:
    """A headline- or deck-sized paragraph: one line, not too long, not opening with a dateline."""
    line = text[span[0] : span[1]]
    return "\n" not in line and len(line) <= 300 and not _DATELINE.match(line)


def _find_byline(text: str, blocks: list[Span], start: int) -> int | None:
    """Index of the byline paragraph among the few short lines at the top, if any."""
    for k in range(start, min(len(blocks), start + 5)):
        first = _lines(text, blocks[k])[0]
        if _byline(text[first[0] : first[1]]):
            return k
        if not _is_top_line(text, blocks[k]):
            return None
    return None


def _top_zone(text: str, blocks: list[Span], i: int, parts: ArticleParts, title: str | None) -> int:
    """Headline, deck and byline above the body; return the index of the first body paragraph."""
    k = _find_byline(text, blocks, i)
    if k is not None:
        first, *rest = _lines(text, blocks[k])
        byline_end = first[1]
        if rest and _is_affiliation(text, rest[0]):
            byline_end, rest = rest[0][1], rest[1:]
        if not rest and k + 1 >= len(blocks):
            return i  # nothing would be left for the body: be conservative
        parts.byline = _byline(text[first[0] : first[1]])
        _remove(parts, text, (first[0], byline_end), "byline", "the author's name")
        for b in blocks[i:k]:
            _headline_or_deck(text, b, parts, title)
        if rest:  # the byline's paragraph goes on with body lines: keep them
            blocks[k] = (rest[0][0], blocks[k][1])
            return k
        return k + 1
    # No byline: only a title-like first line (or one repeating the metadata title) is taken.
    if i < len(blocks) - 1:
        line = text[blocks[i][0] : blocks[i][1]]
        if title:  # the metadata gives the headline: drop the first line only if it repeats it
            taken = _norm(line).rstrip(".") == _norm(title).rstrip(".")
        else:
            following = text[blocks[i + 1][0]]  # a lower-case start continues a broken sentence
            taken = _is_top_line(text, blocks[i]) and _looks_like_headline(line) and not following.islower()
        if taken:
            _headline_or_deck(text, blocks[i], parts, title)
            return i + 1
    return i


def _looks_like_headline(line: str) -> bool:
    """A short line of 2-20 words, one phrase without final punctuation (closing quotes looked past)."""
    words = line.split()
    end = line.rstrip(_QUOTE_CHARS + ")]")[-1:]
    return 2 <= len(words) <= 20 and len(line) <= 150 and end not in ".,;:!?…" and not _SENTENCE_BREAK.search(line)


def _headline_or_deck(text: str, span: Span, parts: ArticleParts, title: str | None) -> None:
    """File a line above the byline as headline (title-like) or deck (a sentence ending in ".")."""
    line = re.sub(r"\s+", " ", text[span[0] : span[1]])
    if _NOTE.fullmatch(line):
        _remove(parts, text, span, "note", "an editor's note above the story")
    elif title and _norm(line).rstrip(".") == _norm(title).rstrip("."):
        _remove(parts, text, span, "headline", "repeats the title given in the metadata")
    elif parts.headline is None and _looks_like_headline(line):
        parts.headline = line
        _remove(parts, text, span, "headline", "the headline above the byline or body")
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
    closed = False  # an "and" ends the list of names: what follows a comma is an affiliation
    for chunk in (c.strip() for c in head.split(",")):
        if names and (closed or _PRESS_WORD.search(chunk)):
            if not _AFFILIATION.fullmatch(chunk) or not (chunk[:1].isupper() or _PRESS_WORD.search(chunk)):
                return None
            continue
        if not _NAMES.fullmatch(chunk) or _NOT_NAME.match(chunk):
            return None
        if len(chunk.split()) < 2 and not _PRESS_WORD.search(chunk):
            return None  # "By Air": one word is a name only when it is an agency ("By Reuters")
        names.append(chunk.title() if chunk.isupper() else chunk)
        closed = closed or bool(re.search(r"\s(?:and|&)\s", chunk))
    return ", ".join(names) if names else None


def _is_affiliation(text: str, span: Span) -> bool:
    """A short line under a byline naming the newsroom: "Associated Press", "Staff Writer"."""
    line = text[span[0] : span[1]]
    return len(line) <= 60 and bool(_MASTHEAD.fullmatch(line)) and bool(_PRESS_WORD.search(line))


def _dateline(text: str, span: Span, parts: ArticleParts) -> Span:
    """Take a dateline ("WASHINGTON —") off the start of the first body paragraph."""
    m = _DATELINE.match(text, span[0], span[1])
    if not m or _NOT_PLACE.search(m["place"]) or len(re.sub(r"[^A-Z]", "", m["place"])) < 3:
        return span
    parts.dateline = re.sub(r"\s+", " ", m["place"]).strip()
    _remove(parts, text, _strip(text, span[0], m.end()), "dateline", "the place line opening the story")
    return _strip(text, m.end(), span[1])


def _pull_quotes(text: str, blocks: list[Span]) -> dict[Span, PullQuote]:
    """Paragraphs that display, with a dash attribution, a quote found elsewhere in the body."""
    found: dict[Span, PullQuote] = {}
    for span in blocks:
        m = _PULL_QUOTE.fullmatch(text, span[0], span[1])
        if not m:
            continue
        quote = m["quote"].strip().strip(_QUOTE_CHARS).strip()
        if len(quote.split()) < 4:
            continue
        others = "\n\n".join(text[b[0] : b[1]] for b in blocks if b != span and b not in found)
        whole = text[span[0] : span[1]].strip(_QUOTE_CHARS + " ")
        if _locate(others, whole):  # the "attribution" is the rest of a repeated sentence
            found[span] = PullQuote(whole, None, span[0], span[1])
        elif _locate(others, quote):
            found[span] = PullQuote(quote, m["attr"].strip(), span[0], span[1])
    return found


def _locate(body: str, quote: str) -> Span | None:
    """Span of ``quote`` in ``body``, ignoring case, quote-mark style and white space.

    Parts of a quote shortened with an ellipsis must appear in order.
    """
    plain = body.translate(_QUOTES_TO_PLAIN)  # same length as body
    pieces = [p for p in _ELLIPSIS.split(quote.translate(_QUOTES_TO_PLAIN)) if len(p.split()) >= 2]
    start, pos = None, 0
    for piece in pieces or [quote.translate(_QUOTES_TO_PLAIN)]:
        pattern = r"\s+".join(re.escape(w) for w in piece.strip(' "').split())
        m = re.compile(pattern, re.I).search(plain, pos)
        if not m:
            return None
        start = m.start() if start is None else start
        pos = m.end()
    return None if start is None else (start, pos)


def _assemble(text: str, blocks: list[Span]) -> tuple[str, OffsetMap]:
    """Join the body paragraphs with blank lines, recording where each came from."""
    offsets = OffsetMap()
    pieces: list[str] = []
    pos = 0
    for start, end in blocks:
        if pieces:
            pos += 2
        offsets.add(pos, start, end - start)
        pieces.append(text[start:end])
        pos += end - start
    return "\n\n".join(pieces), offsets
