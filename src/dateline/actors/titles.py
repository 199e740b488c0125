"""Titles and appositives: the role words around a name ("Swedish Foreign Ministry spokeswoman
X") give a person the KB lacks a country and a sector; named bodies take what they are named after."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc

from ..doc import sentence_of
from ..kb import AGENT_SECTORS, COUNTRY_KINDS, split_code, TRANSNATIONAL
from .mentions import _capitalised, Context, _evidence, Group, MAX_NAME_TOKENS, MAX_TITLE_TOKENS, Mention, _mention_code, _text
from ..lang import en
from ..lexicon import cue_words
from ..syntax import RELATIVE_TAGS






def _country_of(ctx: Context, mention: Mention) -> str | None:
    if mention.group is not None and mention.group.code:
        country, _ = split_code(mention.group.code)
        return country
    if mention.entry is not None:
        role = mention.entry.role_at(ctx.date)
        return split_code(role.code)[0] if role else None
    return None


STOP_LEFT = frozenset({"VERB", "AUX", "PRON", "SCONJ", "CCONJ", "INTJ", "NUM"})


def _window_left(ctx: Context, start: int, *, allow_and: bool = False) -> tuple[int, int]:
    """The title-like stretch just before token ``start``: modifiers, names, role nouns, "of"/"for"."""
    doc, i = ctx.doc, start - 1
    lo = max(sentence_of(doc, start)[0], start - MAX_TITLE_TOKENS)
    while i >= lo:
        token = doc[i]
        if token.is_space or (token.is_punct and token.text not in ("-", ".", "'s", "’s")):
            break
        if token.lower_ == "based" and i > lo and doc[i - 1].text == "-":
            i -= 1  # "Seoul-based": a place that tells the country
            continue
        if token.pos_ in STOP_LEFT and not (allow_and and token.pos_ == "CCONJ") and token.i not in ctx.agent_at:
            break
        if token.pos_ == "ADP" and token.lower_ not in ("of", "for"):
            break
        if token.pos_ == "DET":
            i -= 1
            break
        i -= 1
    return i + 1, start


def _window_right(ctx: Context, end: int) -> tuple[int, int]:
    """An appositive after a name: ", a professor at Seoul-based Kookmin University," -> its span."""
    doc = ctx.doc
    if end >= len(doc) - 1 or doc[end].text != ",":
        return end, end
    i, stop = end + 1, min(doc[end].sent.end, end + 1 + MAX_TITLE_TOKENS + 2)
    while i < stop:
        token = doc[i]
        if token.is_punct and token.text not in ("-", "."):
            break
        if token.lower_ == "based" and doc[i - 1].text == "-":
            i += 1
            continue
        if token.pos_ in ("VERB", "AUX", "PRON", "SCONJ") or token.tag_ in RELATIVE_TAGS:
            break
        i += 1
    return end + 1, i


class Title(NamedTuple):
    """What a title or appositive says of the person it names."""

    country: str | None
    sector: str | None
    phrase: str
    words: set[str]
    #: the role noun is a strong one ("president"), not a weak one ("official", "chief")
    strong: bool = False
    #: the code of the organisation the title names, when it gave the country ("U.N." IGOUNO)
    body: str | None = None
    #: the title has a role noun at all (not just a place or a people: "Mr X, France and Britain")
    role: bool = False


def _inside_place_name(ctx: Context, agent: tuple[int, int, str, bool]) -> bool:
    """Whether a role word is part of a country's or a place's name ("Kingdom" in "the United
    Kingdom"), so no role at all."""
    m = ctx.by_token.get(agent[0])
    return (m is not None and m.start <= agent[0] and agent[1] <= m.end
            and (m.label in ("GPE", "LOC") or (m.entry is not None and m.entry.kind in COUNTRY_KINDS)))


def _read_title(ctx: Context, start: int, end: int, *, exclude: Group | None,
                after: bool = False) -> Title:
    """The country, sector and role words signalled by the tokens ``start:end``."""
    doc = ctx.doc
    roles = [a for a in ctx.agents if start <= a[0] and a[1] <= end and not _inside_place_name(ctx, a)]
    strong = [a for a in roles if not a[3]]
    head = (strong or roles)[-1] if roles else None
    sector = head[2][:3] if head else None
    country = None
    body = None
    institution_sector = None
    hits: list[tuple[int, Mention]] = []
    seen: set[int] = set()
    for i in range(start, end):
        m = ctx.by_token.get(i)
        if m is not None and id(m) not in seen and (exclude is None or m.group is not exclude):
            seen.add(id(m))
            hits.append((m.start, m))
    if head is not None:
        left = [m for pos, m in hits if pos < head[0]]
        right = [m for pos, m in hits if pos >= head[1] and (after or doc[head[1]].lower_ == "of")]
        ordered = list(reversed(left)) + right
    else:
        ordered = [m for _, m in hits]
    for m in ordered:
        if head is not None and m.kind == "name" and m.label == "ORG" and m.entry is None:
            continue
        c = _country_of(ctx, m)
        if c:
            country = c
            code = _mention_code(ctx, m)
            if code and m.label != "PERSON" and not (m.entry and m.entry.kind in COUNTRY_KINDS):
                institution_sector = split_code(code)[1]
                if c in TRANSNATIONAL:
                    # the body's own chunks, without an agent sector: IGOUNO of IGOUNOMIL
                    k = 3
                    while k + 3 <= len(code) and code[k:k + 3] not in AGENT_SECTORS:
                        k += 3
                    body = code[:k]
            break
    if country is None and head is not None:
        country = _country_in_words(ctx, start, head[0])
    if head is not None and (head[3] or sector == "GOV") and institution_sector:
        # a weak role ("spokesman") or one that heads any body ("leader", "president", "chairman")
        # takes the sector of the body the title names: "Hamas leader" REB, "Assembly president" LEG
        sector = institution_sector
    elif head is None:
        sector = institution_sector
    words = {t.lower_ for t in doc[start:end]}
    return Title(country, sector, _text(doc, start, end) if end > start else "", words,
                 strong=head is not None and not head[3], body=body, role=head is not None)


def stance_joined(doc: Doc, start: int, end: int) -> bool:
    """Whether the words ``start:end`` (a country's name or adjective) are joined by a hyphen to a word of stance
    or backing (:data:`en.STANCE_PREFIXES` before them, :data:`en.STANCE_SUFFIXES` after them): "pro-Russian
    separatists", "anti-American militias", "Iranian-backed rebels" name whom a group stands with or against, not
    its own country (``stance_country`` in the actor's evidence, where a mention was passed over)."""
    if start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_ \
            and doc[start - 2].lower_ in en.STANCE_PREFIXES:
        return True
    return end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text == "-" and not doc[end].whitespace_ \
        and doc[end + 1].lower_ in en.STANCE_SUFFIXES


def _country_in_words(ctx: Context, start: int, end: int) -> str | None:
    """A country name or adjective among the words ``start:end`` that no coded mention covers
    ("British" inside the model's ORG "British Defence"), nearest ``end`` first, two words before one
    ("North Korean")."""
    doc = ctx.doc
    for i in range(end - 1, start - 1, -1):
        m = ctx.by_token.get(i)
        if not _capitalised(doc[i]) or (m is not None and m.label == "PERSON") or stance_joined(doc, i, i + 1):
            continue  # "pro-Russian separatists", "Iranian-backed rebels": whom they stand with, not their country
        for j in (i - 1, i):
            if j >= start and (j == i or _capitalised(doc[j])):
                country = ctx.kb.country_of(_text(doc, j, i + 1))
                if country:
                    return country
    return None




def _former(ctx: Context, lo: int, hi: int) -> bool:
    """Whether the title ``lo:hi`` (or the two words before it) says the office is no longer held."""
    doc = ctx.doc
    first = max(doc[lo].sent.start, lo - 2) if lo < len(doc) else lo
    return any(t.lower_ in cue_words("former_modifier") for t in doc[first:hi])


def _code_title(ctx: Context, group: Group, mention: Mention) -> bool:
    """Code a group from the title or appositive around ``mention``; True when it found a country.

    A current title written in the text beats a KB person's role (the KB may hold no date, or
    another office): "Russian President Boris Yeltsin" is RUSGOV whatever the KB's latest role is.
    A past title ("former/ousted president X") makes the person an ELI (CAMEO's former officials),
    OPP where the title says opposition."""
    doc = ctx.doc
    candidates: list[tuple[int, int, bool]] = []
    first = mention.start
    while group.label == "PERSON" and first < mention.end - 1 and first in ctx.agent_at:
        first = ctx.agent_at[first][1]  # a KB alias with its title ("Secretary of State Warren Christopher")
    lo, hi = _window_left(ctx, first)
    if group.label == "ORG":
        hi = mention.end  # an organisation's own words tell its sector ("Kookmin University", "TT News Agency")
    if hi > lo:
        candidates.append((lo, hi, False))
    # "Kim's right-hand man and top spy chief, Kim Yong Chol": the appositive before a comma
    if mention.start >= 2 and doc[mention.start - 1].text == ",":
        lo2, hi2 = _window_left(ctx, mention.start - 1, allow_and=True)
        if hi2 > lo2:
            candidates.append((lo2, hi2, False))
    rlo, rhi = _window_right(ctx, mention.end)
    if rhi > rlo:
        candidates.append((rlo, rhi, True))
    if group.label == "PERSON" and mention.end + 1 < len(doc) and doc[mention.end].lower_ == "of":
        # "King Hassan of Morocco": the realm after the name
        place = ctx.by_token.get(mention.end + 1)
        if place is not None and place.kind == "name" and place.label == "GPE":
            candidates.append((mention.end, place.end, True))
    readings: list[tuple[Title, int, int]] = []
    for start, end, after in candidates:
        title = _read_title(ctx, start, end, exclude=group, after=after)
        if not after and end < len(doc) and doc[end].text == "," and not title.role:
            continue  # words before a comma with no role noun are no appositive ("On EU membership, X warned")
        if title.sector is not None or title.country is not None:
            readings.append((title, start, end))
    if not readings:
        return False
    best = readings[0][0]
    for title, _, _ in readings[1:]:
        if (title.country and not best.country) or (title.country and title.sector and not best.sector):
            best = title
    if best.sector is None and (best.role or best.phrase.lower().startswith("of ")):
        # "King Hassan of Morocco": the role from one side, the country from the other (not from
        # role-less words after a comma: "President X ... But Mr X, France and Britain led")
        other = next((t for t, _, _ in readings if t.sector and t.country in (None, best.country)), None)
        if other is not None:
            best = best._replace(sector=other.sector, strong=other.strong, role=other.role, words=best.words | other.words,
                                 phrase=f"{other.phrase} ... {best.phrase}")
    country, sector, phrase, words = best.country, best.sector, best.phrase, best.words
    person = group.label == "PERSON"
    former = person and any(_former(ctx, s, e) for t, s, e in readings if t.sector)
    if former:
        sector = "OPP" if "opposition" in words else "ELI"
    known_country, known_sector = split_code(group.code)
    if group.code and known_sector:
        if not (person and group.entry is not None):
            return False
        # a KB person: the text's own current title wins over the KB's role
        if not former and (((sector is None or not best.role) and best.body is None)
                           or (not best.strong and country in (None, known_country))):
            # no role word (a possessor alone: "Kim's meeting with Trump"), or a weak one that says
            # nothing the KB does not; an appositive naming a body ("X, the UN coordinator") does;
            # words with no role noun are no title ("But Mr X, France and Britain led the war")
            return False
        if not former and sector is not None and sector not in AGENT_SECTORS and country in (None, known_country):
            # a word of no office near a KB person who holds one, a religion's or a people's ("the Jewish state"
            # beside a senator: JEW; "people": PPL): the KB's role stands (session 47, actors47)
            return False
        if (not former and country in TRANSNATIONAL and known_country and known_country not in TRANSNATIONAL
                and (words & cue_words("envoy_word") or any(
                    t is best and s > 0 and ctx.doc[s - 1].lower_ == "to" for t, s, _ in readings))):
            # "U.N. Ambassador X", "X, ambassador to the United Nations": the envoy of a state to a
            # body stays the state's (the KB's)
            return False
        if (country and known_country and country != known_country and len(group.entry.name.split()) > 1
                and country not in TRANSNATIONAL and known_country not in TRANSNATIONAL):
            # a title of another state near a KB person known by full name is another person's: the
            # window reaches a neighbour's title ("In a call to Chinese Defense Minister Chang, Hagel
            # said": not Chinese) or words about the person ("Haley, the daughter of Indian
            # immigrants"); the KB's state stands. A one-word KB name ("Hassan") may be a namesake,
            # and the text's realm wins ("King Hassan of Morocco"). (eval/sessions/24.md, "sources")
            return False
        if not former and sector is None:
            sector = known_sector if country in (None, known_country) else None
        country = country or known_country
        if (country, sector) == (known_country, known_sector):
            return False  # the KB agrees (and its code may say more: PSEREBHMS)
        prefix = best.body if best.body and best.body[:3] == country else (country or "")
        old = group.code
        group.code = prefix + (sector or "") if not (sector and prefix.endswith(sector)) else prefix
        group.title_words |= words
        group.evidence.append(_evidence("title", f"{phrase!r} -> {country or '?'} {sector or '?'} "
                                                 f"(the text's title over the KB's {old})"))
        _title_gender(group, words)
        return country is not None
    country = country or known_country
    if country is None and sector is None:
        return False
    if group.code and len(group.code) > 3 and country == group.code[:3]:
        group.code += sector or ""  # an organisation's KB code keeps its chunks: IGOUNO + GOV
    else:
        prefix = best.body if best.body and best.body[:3] == country else (country or "")
        group.code = prefix + (sector or "") or None
    group.title_words |= words
    group.evidence.append(_evidence("title", f"{phrase!r} -> {country or '?'} {sector or '?'}"))
    _title_gender(group, words)
    return country is not None


def _title_gender(group: Group, words: set[str]) -> None:
    if words & cue_words("female_word"):
        group.gender = "f"
    elif words & cue_words("male_word"):
        group.gender = "m"


def _code_named_body(ctx: Context, group: Group) -> None:
    """An organisation the KB lacks, named after the body or country it belongs to: "United Nations
    Emergency Relief Coordinator" is the UN's (IGOUNO), "Montenegro Assembly" Montenegro's
    legislature (MNELEG). The name opens with a KB organisation, country or seat; the sector is the
    role noun inside the rest of the name ("Assembly" LEG), else none is added."""
    doc = ctx.doc
    for m in group.mentions:
        if m.kind != "name":
            continue
        for j in range(min(m.end - 1, m.start + MAX_NAME_TOKENS), m.start, -1):
            entries = ctx.kb.lookup(_text(doc, m.start, j))
            entry = entries[0] if entries else None
            role = entry.role_at(ctx.date) if entry is not None else None
            if role is None or entry is None or entry.kind == "person":
                continue
            country, sector = split_code(role.code)
            if country is None or entry.kind == "seat":
                continue  # a city names companies and papers as often as bodies ("Tokyo Electric")
            base = role.code if country in TRANSNATIONAL else country
            roles = [a for a in ctx.agents if j <= a[0] and a[1] <= m.end]
            own = roles[-1][2] if roles and split_code(roles[-1][2])[0] is None else ""
            if own and base.endswith(own):
                own = ""
            if group.code and split_code(group.code)[0] not in (None, country):
                return  # its title or appositive said otherwise
            group.code = base + own
            group.evidence.append(_evidence(
                "rule", f"{_text(doc, m.start, m.end)!r}: named after {_text(doc, m.start, j)!r} ({role.code})"
                + (f" + {own}" if own else "") + f" -> {group.code}"))
            return


def _extend_titles(ctx: Context, groups: list[Group]) -> None:
    """A person's name mention takes in the title right before it, so the title is not cut from
    the name: "British Defence Secretary Tom King", "Vice President Mike Pence" (role words and the
    country or institution words of the title, up to a comma, verb or determiner)."""
    doc = ctx.doc
    for g in groups:
        if g.label != "PERSON":
            continue
        for m in g.mentions:
            if m.kind != "name":
                continue
            i, lo = m.start, max(sentence_of(doc, m.start)[0], m.start - MAX_TITLE_TOKENS)
            while i > lo:
                other = ctx.by_token.get(i - 1)
                if other is not None and other.kind == "title":
                    i = other.start
                elif other is None and i - 1 in ctx.agent_at:
                    i = ctx.agent_at[i - 1][0]
                else:
                    break
            m.start = max(i, lo)
