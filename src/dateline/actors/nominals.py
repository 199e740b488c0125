"""Nominal actors: phrases headed by a role noun ("Israeli troops", "the government of Sudan"),
ethnic groups, and weapons as doers, coded country + sector."""

from __future__ import annotations

from spacy.tokens import Token

from ..doc import sentence_of, token_texts
from ..kb import COUNTRY_KINDS, normalise, split_code, TRANSNATIONAL
from ..places import place_country
from .mentions import Context, _evidence, Group, MAX_TITLE_TOKENS, Mention, _mention_code, _person_tokens, _text
from .titles import _country_in_words, stance_joined
from ..lang import en
from ..lexicon import cue_words
from ..syntax import RELATIVE_TAGS


#: Words inside a noun phrase that end its modifiers on the left (a determiner, a number, a clause).
_NOMINAL_STOP = frozenset({"DET", "NUM", "VERB", "AUX", "PRON", "SCONJ", "INTJ", "ADP", "ADV"})






def _place_country(ctx: Context, obj: Token) -> tuple[str, Mention] | None:
    """The country of a place phrase headed by ``obj`` (:func:`dateline.places.place_country`) from
    the names found so far (not a person's), with the mention that gives it; None if none."""
    def code_at(i: int) -> str | None:
        m = ctx.by_token.get(i)
        if m is None or m.label not in ("GPE", "NORP", "LOC") or m.kind != "name" or (
                m.entry is not None and m.entry.kind == "person"):
            return None
        return _mention_code(ctx, m)

    found = place_country(obj, code_at)
    return (found[0], ctx.by_token[found[1]]) if found is not None else None


def _located(ctx: Context, head: Token, *, of: bool = False) -> tuple[str, str, int] | None:
    """(country, how, end) of a place that locates the people of a phrase headed by ``head``: "in/from/
    throughout/across X" after it, through a placing participle ("guerrillas operating in X"), and
    "of X" for an ethnic group ("the Albanians of southern Serbia"); ``end`` is the place phrase's
    last token + 1 (0 when the place is coordinated with others)."""
    preps = en.NOMINAL_PLACE_PREPOSITIONS | {"of"} if of else en.NOMINAL_PLACE_PREPOSITIONS
    candidates = [c for c in head.children if c.dep_ == "prep" and c.lower_ in preps and c.i > head.i]
    for child in head.children:
        if child.dep_ == "acl" and child.lower_ in cue_words("placing_participle") and child.i > head.i:
            candidates += [c for c in child.children if c.dep_ == "prep" and c.lower_ in en.NOMINAL_PLACE_PREPOSITIONS]
    for prep in sorted(candidates, key=lambda t: t.i):
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            found = _place_country(ctx, obj)
            if found is not None:
                country, m = found
                # coordinated places ("from Uganda and Tanzania") stay actors of their own
                last = 0 if any(c.dep_ == "conj" for c in obj.children) else obj.right_edge.i + 1
                return country, f"{prep.text} {_text(ctx.doc, m.start, m.end)!r} ({country})", last
    return None


def _phrase_head(ctx: Context, s: int, e: int) -> Token:
    """The noun heading the phrase of the role words ``s:e``: the role noun itself, or a group noun
    it modifies ("opposition groups", "Hutu rebel group"), which takes its sector and country."""
    doc = ctx.doc
    head = doc[e - 1]
    top = head.head
    if (head.dep_ in ("compound", "amod", "nmod") and top.i >= e and top.i - e <= 2
            and ctx.kb.heads.get(top.lower_) == "group" and top.pos_ == "NOUN"
            and all(t.pos_ in ("NOUN", "ADJ") and t.i not in ctx.by_token for t in doc[e:top.i + 1])):
        return top
    return head




def _led_by(ctx: Context, lo: int) -> int:
    """The start of a phrase that opens with "X-led"/"X-backed" ("Vietnamese-led forces"): X's side,
    so the phrase takes in X (a country mention or word) before the hyphen; else ``lo``."""
    doc = ctx.doc
    i = lo
    while i < len(doc) and (doc[i].is_punct or doc[i].lower_ in cue_words("side_participle")):
        i += 1  # the phrase may have begun at "-" or "led"
    k = i - 1
    if k - 1 < 1 or doc[k].lower_ not in cue_words("side_participle") or doc[k - 1].text != "-":
        return lo
    m = ctx.by_token.get(k - 2)
    if m is not None and m.kind == "name" and m.label in ("GPE", "NORP", "ORG"):
        return m.start
    if ctx.kb.country_of(doc[k - 2].text):
        return k - 2
    return lo


def _nominal_extent(ctx: Context, s: int, e: int) -> tuple[int, int] | None:
    """(start, end) of the noun phrase headed by the role words ``s:e``: the modifiers on the left
    (without determiner or number), the role words, a name the model missed ("Defence Minister
    Pierre Joxe") or an "of X" complement. None when the role noun only modifies another noun
    ("police station") or is the title of a person found elsewhere."""
    doc = ctx.doc
    head = doc[e - 1]
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    end = e
    top = _phrase_head(ctx, s, e)
    if top.i != head.i:
        end = top.i + 1  # "opposition groups", "rebel movement": the group noun heads the phrase
    elif head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i:
        name = head.head
        if name.pos_ != "PROPN" or name.i - e > 3 or any(
                t.pos_ != "PROPN" or t.i in ctx.by_token for t in doc[e:name.i + 1]):
            return None
        end = name.i + 1
    for near in (head.head, *head.children):
        if near.dep_ == "appos" or head.dep_ == "appos":
            m = ctx.by_token.get(near.i)
            if m is not None and m.label == "PERSON":
                return None  # "Kim Yong Chol, Kim's spy chief": the person's title
    lo = s
    sent_start = sentence_of(doc, head.i)[0]
    while lo > sent_start and s - lo < MAX_TITLE_TOKENS:
        t = doc[lo - 1]
        if t.is_space or t.pos_ in _NOMINAL_STOP or (t.is_punct and t.text not in ("-", ".", "'s", "’s")):
            break
        if t.i < top.left_edge.i:
            break  # not inside this phrase
        lo -= 1
    lo = _led_by(ctx, lo)
    while lo < s and (doc[lo].pos_ == "CCONJ" or doc[lo].is_punct):
        lo += 1
    if end in (e, top.i + 1) and end < len(doc) and doc[end].lower_ == "of" and doc[end].head.i == top.i:
        k = end + 1
        while k < min(len(doc), head.sent.end, end + 1 + MAX_TITLE_TOKENS):
            t = doc[k]
            if t.pos_ in ("VERB", "AUX") or t.text == "," or t.tag_ in RELATIVE_TAGS or not (
                    doc[end].left_edge.i <= k <= doc[end].right_edge.i):
                break
            k += 1
        while k > end + 1 and (doc[k - 1].is_punct and doc[k - 1].text not in (")",) or doc[k - 1].pos_ == "CCONJ"):
            k -= 1
        if k > end + 1:
            end = k
    return lo, end


#: Sectors of role nouns a leader's last name may own ("the Bush administration", "the Assad
#: regime"): not police or troops ("Kent police" is a county's, not Peter Kent's).
LEADER_SECTORS = frozenset({"GOV"})


def _possessor_country(ctx: Context, m: Mention, role_start: int, sector_code: str | None = None) -> str | None:
    """The country of an uncoded person named before a role noun of a government sector
    (:data:`LEADER_SECTORS`) by a last name the KB knows ("the Bush administration" -> USA); a
    person is a country here only as its modifier or possessor."""
    if m.label != "PERSON" or m.kind != "name" or m.end > role_start:
        return None
    if sector_code is not None and split_code(sector_code)[1] not in LEADER_SECTORS:
        return None
    words = [w for w in _person_tokens(ctx.doc, m) if w not in ("s",)]
    return ctx.kb.surname_country(words[-1]) if len(words) == 1 else None


def _context_country(ctx: Context, groups: list[Group]) -> str | None:
    """The one country of the article (its dateline's and every coded actor's), else None."""
    countries: set[str] = set()
    for g in groups:
        country = split_code(g.code)[0] if g.mentions and g.code else None
        if all(m.start in ctx.ethnic for m in g.mentions):
            continue  # "ethnic Albanians" say nothing of where the story is
        if country and country not in TRANSNATIONAL:
            countries.add(country)
    place = ctx.doc._.dateline
    if place:
        country = ctx.kb.country_of(place) or ctx.kb.country_of(place.split(",")[0]) or ctx.kb.country_of(place.split(",")[-1])
        if country:
            countries.add(country)
    return next(iter(countries)) if len(countries) == 1 else None


#: Sectors of offices that belong to a state or its opposition (ELI: a former office holder), whose
#: holder the article's one country may claim; religious, civil or business titles do not.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP", "PTY", "ELI"})


def _titled_context_country(ctx: Context, groups: list[Group]) -> None:
    """A person coded by a title with no country ("President Omar El Bashir" -> GOV) takes the
    article's one country, as nominal actors do: "... the curfew imposed in Sudan" -> SDNGOV.
    Never when two or more countries are in play (then whose president, the text does not say)."""
    context: list[str | None] = []
    for g in groups:
        country, sector = split_code(g.code)
        if g.label != "PERSON" or country is not None or sector not in STATE_SECTORS or not g.mentions:
            continue  # an archbishop or a professor is not the article's country's by default
        if not any(e["kind"] == "title" for e in g.evidence):
            continue
        if not context:
            context.append(_context_country(ctx, groups))
        if context[0] is None:
            return
        code = context[0] + (g.code or "")
        if any(o is not g and o.label == "PERSON" and o.code == code and o.mentions for o in groups):
            # "President X welcomed South African leader Y": that office is Y's; X is another's
            continue
        g.evidence.append(_evidence("rule", f"title {g.code} + the article's one country ({context[0]}) -> {code}"))
        g.code = code


def _code_nominals(ctx: Context, groups: list[Group]) -> None:
    """Actors named by a role noun rather than a name: "a Russian official" -> RUSGOV, "Iraqi police"
    -> IRQCOP, "UN peacekeepers" -> IGOUNOMIL, "opposition leaders" -> OPP.

    The sector comes from the role noun (a weak one, like "official", takes a stronger role word or
    institution beside it: "police spokesman" -> COP); the country from a modifier (demonym, country,
    capital, organisation, possessor), an "of X" complement, an "in/from X" place, else the article's
    one country. The mention covers the phrase; the country words inside it are no actors of their own.
    Coordinated countries ("Hungarian and Romanian officials") give one actor per country, each
    mentioned by its own modifier."""
    doc = ctx.doc
    by_key: dict[tuple[str | None, str], Group] = {}
    context: list[str | None] = []
    for s, e, agent, weak in ctx.agents:
        if split_code(agent)[0] is not None or any(i in ctx.by_token for i in range(s, e)):
            continue  # "people" (PPL), "Hindu" (HIN): no sector; or part of a name, title or linked nominal
        extent = _nominal_extent(ctx, s, e)
        if extent is None:
            continue
        lo, end = extent
        head = _phrase_head(ctx, s, e)
        if any(ctx.kb.heads.get(t.lower_) == "instrument" for t in doc[s:e]) and not _doer(head):
            continue  # "launched artillery and rocket fire": a weapon is an actor only as the doer
        ethnic_head = ctx.kb.heads.get(head.lower_) == "ethnic"
        roles = [a for a in ctx.agents if lo <= a[0] and a[1] <= end and (a[0], a[1]) != (s, e) and not a[3]]
        of_roles = [a for a in roles if a[0] >= e]
        # "police spokesman": a weak role takes the role word beside it; "leaders of the opposition
        # coalition": a position inside a group or institution takes its sector
        sector_code = of_roles[0][2] if of_roles else (roles[-1][2] if roles else agent) if weak else agent
        if split_code(sector_code)[0] is not None:
            sector_code = agent
        seen: list[Mention] = []
        for i in [*range(s - 1, lo - 1, -1), *range(e, end)]:
            m = ctx.by_token.get(i)
            # names and title words beside the role; a person only as a possessor before it ("Kim's")
            if m is not None and m not in seen and m.kind in ("name", "title") and (
                    m.label != "PERSON" or (m.kind == "name" and m.end <= s)):
                seen.append(m)
        # an ethnic group's demonym ("ethnic Albanian guerrillas", "the Albanian minority") names
        # the people, not the state: the country is where they live
        kin = [m for m in seen if m.start in ctx.ethnic or (ethnic_head and m.end <= s and m.label in ("NORP", "GPE"))]
        seen = [m for m in seen if m not in kin]
        # "pro-Russian separatists", "Iranian-backed rebels": the country a group stands for or is backed by is not
        # its own; the place, else the article's one country, else the later strategies give it one
        stance = [m for m in seen if stance_joined(doc, m.start, m.end)]
        seen = [m for m in seen if m not in stance]
        # "Israel's militia ally", "a US proxy": the possessor or modifier of a tie is the other party
        tied = [(m, t) for m in seen if (t := _tie(ctx, m)) is not None]
        seen = [m for m in seen if all(m is not x for x, _ in tied)]
        coded = [(m, code) for m in seen if (code := _mention_code(ctx, m) or _possessor_country(ctx, m, s, sector_code))]
        how = ""
        prefix: str | None = None
        if coded:
            m, code = coded[0]
            country, institution = split_code(code)
            prefix = code if country in TRANSNATIONAL else country
            if weak and not roles and institution and m.label != "PERSON" and not (
                    m.entry and m.entry.kind in COUNTRY_KINDS):
                sector_code = institution if country not in TRANSNATIONAL else ""
            if country in TRANSNATIONAL and prefix and prefix.endswith(sector_code):
                sector_code = ""
            how = f"{_text(doc, m.start, m.end)!r} ({code})"
        elif not kin:
            prefix = _country_in_words(ctx, lo, s)
            how = f"a country word ({prefix})" if prefix else ""
        if prefix is None and tied:
            place = _located(ctx, tied[0][1])  # "Israel's militia ally in southern Lebanon": LBN
            if place is not None:
                prefix, how, _ = place
            else:
                prefix = ""
                how = f"tied to {_text(doc, tied[0][0].start, tied[0][0].end)!r}, not its country: country unknown"
        if prefix is None:
            place = _located(ctx, head, of=ethnic_head or bool(kin))
            if place is not None:
                # the place stays an actor of its own and out of the mention, which is the noun
                # phrase proper (events take their arguments' phrases without the place)
                prefix, how, _ = place
        if kin and prefix is None:
            if not context:
                context.append(_context_country(ctx, groups))
            prefix = context[0]
            how = f"an ethnic group ({_text(doc, kin[0].start, kin[0].end)!r}) in the article's one country ({prefix})" \
                if prefix else f"an ethnic group ({_text(doc, kin[0].start, kin[0].end)!r}): country unknown"
        seen += kin + stance
        if prefix is None and weak and not roles:
            continue  # "a spokeswoman", "officials": whose, the phrase does not say
        # (a single capitalised word the model calls ORG is as often a people, "Hausa politicians")
        named = [m for m in seen if m.label == "ORG" and m.kind == "name" and m.end <= s
                 and (m.end - m.start > 1 or doc[m.start].text.isupper())]
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "his", "her")), None)
        if prefix is None and owner is not None and not named:
            # "the UN ... its peacekeeping forces": the owner is the actor named before (a body for
            # "its", a person for "his/her"), whose country or body the phrase takes
            found = _owner_code(ctx, owner)
            if found is not None:
                prefix, how = found
        if prefix is None and named:
            # "top Kifaya leaders": the people of an organisation with its own identity, which the
            # KB does not know; the article's country is not theirs by default
            prefix = ""
            how = f"{_text(doc, named[0].start, named[0].end)!r} (an organisation: country unknown)"
        if prefix is None:
            if not context:
                context.append(_context_country(ctx, groups))
            prefix = context[0]
            how = f"the article's one country ({prefix})" if prefix else "no country"
        if stance:
            how += f"; not {_text(doc, stance[0].start, stance[0].end)!r}, whom it stands with (stance_country)"
        countries = [(m, split_code(code)[0]) for m, code in coded
                     if m.label != "PERSON" and split_code(code)[0] not in TRANSNATIONAL]
        coordinated = len({c for _, c in countries}) > 1 and any(doc[i].pos_ == "CCONJ" for i in range(lo, s))
        parts = countries if coordinated else []  # "Hungarian and Romanian officials"
        phrase = _text(doc, lo, end)
        role = _text(doc, s, e)
        if parts:
            for m, c in parts:
                code = (c or "") + sector_code
                _add_nominal(ctx, by_key, groups, m.start, m.end, code,
                             f"{phrase!r}: role noun {role!r} ({sector_code}) + {_text(doc, m.start, m.end)!r} -> {code}")
            continue
        code = (prefix or "") + sector_code
        for m in seen:
            if m.label != "PERSON" and m.group is not None and m in m.group.mentions:
                m.group.mentions.remove(m)  # "Israeli" in "Israeli troops" is part of this actor
        _add_nominal(ctx, by_key, groups, lo, end, code or None,
                     f"{phrase!r}: role noun {role!r} ({sector_code or '?'}) + {how} -> {code or '?'}")


def _add_instrument_doers(ctx: Context) -> None:
    """Weapons and war machines that do the act ("Israeli tanks fired", "hit by Russian aircraft")
    stand for the force that operates them: a weak MIL role noun, so the phrase is an actor only
    with a country or body of its own (a modifier or a place), never the article's by default."""
    taken = {i for s, e, _, _ in ctx.agents for i in range(s, e)}
    heads = ctx.kb.heads
    # the instrument nouns looked up by their lower case (``str.lower`` of the text, read once per
    # Doc) first: a Token object only for those
    texts = token_texts(ctx.doc)[0]
    for i in [i for i, text in enumerate(texts) if heads.get(text.lower()) == "instrument" and i not in taken]:
        token = ctx.doc[i]
        if token.pos_ == "NOUN" and _doer(token):
            span = (token.i, token.i + 1, "MIL", True)
            ctx.agents.append(span)
            ctx.agent_at[token.i] = span
    ctx.agents.sort(key=lambda a: a[0])


def _owner_code(ctx: Context, owner: Token) -> tuple[str, str] | None:
    """(prefix, how) of the actor a possessive pronoun points back to in its sentence: the nearest
    coded name before it, a person for "his/her", a body or country for "its"."""
    person = owner.lower_ in ("his", "her")
    for i in range(owner.i - 1, owner.sent.start - 1, -1):
        m = ctx.by_token.get(i)
        if m is None or m.kind != "name" or (m.label == "PERSON") != person:
            continue
        code = _mention_code(ctx, m)
        country = split_code(code)[0] if code else None
        if code and country:
            prefix = code if country in TRANSNATIONAL else country
            return prefix, f"{owner.text!r} = {_text(ctx.doc, m.start, m.end)!r} ({code})"
    return None


def _tie(ctx: Context, m: Mention) -> Token | None:
    """The relation noun ("ally", "proxy") that the mention ``m`` possesses or modifies, else None."""
    last = ctx.doc[m.end - 1]
    head = last.head
    if last.dep_ in ("poss", "compound", "amod", "nmod") and head.i > last.i:
        # through the other modifiers of the same noun: "Israel's militia ally"
        if ctx.kb.heads.get(head.lower_) == "relation":
            return head
    return None


def _doer(token: Token) -> bool:
    """Whether the noun ``token`` names the doer of its clause: an active verb's subject ("Israeli
    tanks fired"), a conjunct of one ("helicopters and tanks"), or the "by" agent of a passive."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "nsubj":
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.dep_ == "agent"


def _code_ethnic(ctx: Context, groups: list[Group]) -> None:
    """Ethnic groups named by a demonym: "ethnic Albanians", "the Albanians of southern Serbia".

    CAMEO codes a people by the country where it lives, not as the state of the same name: the
    demonym after "ethnic", or a plural demonym located by "of/in PLACE", is coded PLACE + CVL
    ("ethnic Albanians in south Serbia" -> SRBCVL); without a place, the article's one other country,
    else no country (CVL), never the kin state. A demonym that modifies a role noun ("ethnic Albanian
    guerrillas") is left to the nominal actor, which then ignores it as a country."""
    doc = ctx.doc
    standalone: list[tuple[Mention, tuple[str, str, int] | None]] = []
    for g in groups:
        for m in g.mentions:
            code = _mention_code(ctx, m)
            if m.kind != "name" or m.label not in ("NORP", "GPE") or not code or len(code) != 3 or code in TRANSNATIONAL:
                continue
            last = doc[m.end - 1]
            modifier = last.dep_ in ("amod", "compound", "nmod") and last.head.i >= m.end
            marked = m.start > 0 and doc[m.start - 1].lower_ == "ethnic"
            place = None if modifier else _located(ctx, last, of=True)
            if place is not None and place[0] == code:
                place = None  # "the Albanians of Albania": the people of the state
            before = ctx.by_token.get(m.start - 1) if m.start > 0 else None
            before_code = _mention_code(ctx, before) if before is not None and before.kind == "name" else None
            if (place is None and not modifier and before is not None and before.label in ("NORP", "GPE")
                    and before_code and len(before_code) == 3 and before_code != code):
                # "Bosnian Serbs": a country's demonym before a people's names where they live
                place = (before_code, f"{_text(doc, before.start, before.end)!r} ({before_code})", m.end)
                ctx.ethnic.update(range(before.start, before.end))
                if before.group is not None and before in before.group.mentions:
                    before.group.mentions.remove(before)
                m.start = before.start
            plural = last.tag_ in ("NNS", "NNPS") or (last.pos_ in ("PROPN", "NOUN") and last.lower_.endswith("s"))
            if not (marked or (place is not None and plural and not modifier)):
                continue
            ctx.ethnic.update(range(m.start, m.end))
            if marked:
                ctx.ethnic.add(m.start - 1)
            if not modifier:
                standalone.append((m, place))
    context: list[str | None] = []
    for m, place in standalone:
        start = m.start - 1 if doc[m.start - 1].lower_ == "ethnic" and m.start > 0 else m.start
        end = m.end  # the place after it stays an actor of its own, as for nominal actors
        kin = _text(doc, m.start, m.end)
        if place is not None:
            country: str | None = place[0]
            how = place[1]
        else:
            if not context:
                context.append(_context_country(ctx, groups))
            country = context[0] if context[0] != _mention_code(ctx, m) else None
            how = f"the article's one country ({country})" if country else "no place: country unknown"
        if m.group is not None and m in m.group.mentions:
            m.group.mentions.remove(m)
        code = (country or "") + "CVL"
        group = Group(name=_text(doc, start, end), label="NOMINAL", code=code)
        group.evidence.append(_evidence("rule", f"{group.name!r}: the people {kin!r} (not the state) + {how} -> {code}"))
        groups.append(group)
        mention = Mention(start, end, "NOMINAL", kind="nominal", group=group)
        group.mentions.append(mention)
        for i in range(start, end):
            ctx.by_token[i] = mention


def _add_nominal(ctx: Context, by_key: dict[tuple[str | None, str], Group], groups: list[Group],
                 start: int, end: int, code: str | None, detail: str) -> None:
    text = _text(ctx.doc, start, end)
    key = (code, normalise(text))
    group = by_key.get(key)
    if group is None:
        group = by_key[key] = Group(name=text, label="NOMINAL", code=code)
        group.evidence.append(_evidence("rule", detail))
        groups.append(group)
    for i in range(start, end):
        if i in ctx.bodies:  # coreference left it a body of its own (xsides38); once per body and person
            detail = f"{_text(ctx.doc, i, end)!r}: a body, not the person before it ({ctx.bodies.pop(i)!r}; cue person_noun)"
            if not any(e["kind"] == "coreference" and e["detail"] == detail for e in group.evidence):
                group.evidence.append(_evidence("coreference", detail))
    m = Mention(start, end, "NOMINAL", kind="nominal", group=group)
    old = ctx.by_token.get(start)
    if old is not None and old.group is not None and old in old.group.mentions:
        old.group.mentions.remove(old)
    group.mentions.append(m)
    for i in range(start, end):
        ctx.by_token[i] = m
