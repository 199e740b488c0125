"""Actors: who takes part, coded as of the article's date, in the output shape of ``doc._.actors``.

Each actor is ``{name, code, country, sector, label, kb_id, evidence, mentions}``; ``code`` is a
CAMEO actor code (``USAGOV``, ``PRKSPY``, ``IGOUNO``), ``country`` its first three letters (a CAMEO
country, or IGO/NGO/IMG for international actors) and ``sector`` its agent code (GOV, MIL, SPY, EDU, ...).

How a mention is found and coded (all rule-based and cheap; the KB and its name index are built
once per pipeline, see :mod:`dateline.kb`):

1. **Names.** Capitalised token runs are looked up in the KB (longest first); these merge with the
   model's PERSON/ORG/GPE/NORP entities and repair them (bare "Trump" labelled ORG, "Choe Son" cut
   short of "Choe Son Hui"). Entities inside a role title ("Secretary of State") are dropped.
2. **KB roles as of a date.** A KB entry gives the role it held on ``doc._.published`` (people:
   dated roles; outside them only their country). :func:`resolve_as_of` re-codes for another date.
3. **Titles and appositives** code people the KB lacks: "Swedish Foreign Ministry spokeswoman X",
   "X, a professor at Seoul-based Y", "Kim's ... spy chief, X": the country comes from a country,
   demonym, seat or a possessor next to the role noun; the sector from the role noun.
   The title stays with the name: the mention is "British Defence Secretary Tom King", and a
   country or institution inside a title is no actor of its own. A current title also beats a KB
   person's role ("Russian President Boris Yeltsin" RUSGOV whatever the KB's date says); a past one
   ("former", "ousted") is ELI. An acronym in brackets after an organisation ("... Board (NWB)") is
   that organisation wherever it recurs.
4. **Nominal actors**: a phrase headed by a role noun ("Israeli troops", "a Russian official",
   "the government of Sudan", "UN peacekeepers") is an actor of its own, coded country + sector (the
   country from a modifier, "of X", "in/from X", else the article's one country; see
   :func:`_code_nominals`), label NOMINAL, evidence kind ``rule``. A group noun takes the role noun
   before it ("opposition groups in Zimbabwe" ZWEOPP); "X-led/X-backed forces" are X's side.
   Ethnic groups ("ethnic Albanians", "the Albanians of southern Serbia", "Bosnian Serbs") are coded
   where they live + CVL, never as the kin state (:func:`_code_ethnic`). Organisations the KB lacks
   take the body or country they are named after ("United Nations ... Coordinator" IGOUNO,
   "Montenegro Assembly" MNELEG). Weapons are actors only as doers ("Israeli tanks fired" ISRMIL, not
   "fired artillery"); the possessor of a tie is the other party ("Israel's ally" is not Israel); a
   phrase owned by "its/his/her" takes its owner's country; members of an organisation the KB lacks,
   and titled people who are not state office holders, never take the article's country by default.
5. **Capitals as governments.** "Pyongyang demanded" is PRKGOV; after "in/to/at" it is a place and
   only the country is kept.
6. **Coreference** inside the article: a surname or given name joins an earlier full name (two
   people sharing one, like Kim Jong Un and Kim Yong Chol, stay apart: a short form keeps the person
   it first linked to, else the first introduced); "the official"/"the president" and he/she/him
   join the most likely person before them (the subject of a fronted clause's main clause, the
   person earlier in the sentence, else the previous sentence's subject, else the latest person).

Every actor says why it was coded so in ``evidence``: ``{kind: kb|title|coreference|user|rule,
detail, source, valid_from, valid_to}``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .kb import AGENT_SECTORS, TRANSNATIONAL, Entry, KnowledgeBase, Role, load_kb, normalise, split_code
from .doc import sentence_index

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Words that may stand lower-case inside a name ("Bank of Korea", "Ursula von der Leyen").
NAME_CONNECTORS = frozenset({"of", "the", "and", "for", "de", "von", "der", "van", "al", "bin", "ibn", "la", "du", "da", "del", "-", "&", "'s"})
#: Prepositions after which a capital is a place, not its government.
LOCATIVE = frozenset({"in", "at", "to", "into", "near", "outside", "inside", "from", "across", "around", "toward", "towards", "via"})
PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
FEMALE_CUES = frozenset({"spokeswoman", "chairwoman", "congresswoman", "businesswoman", "queen", "ms.", "mrs.", "ms", "mrs", "she", "her"})
MALE_CUES = frozenset({"spokesman", "chairman", "congressman", "businessman", "king", "mr.", "mr", "he", "him"})
MAX_NAME_TOKENS = 8
MAX_TITLE_TOKENS = 10
#: kb key -> KB, so resolve_as_of finds the KB a Doc was coded with (``doc.user_data`` keeps the key).
_REGISTRY: dict[str, KnowledgeBase] = {}
KB_KEY = "dateline.kb"


@dataclass
class Mention:
    """A stretch of text that names (or refers to) an actor, before grouping."""

    start: int  # token indices
    end: int
    label: str
    entry: Entry | None = None
    kind: str = "name"  # name | nominal | pronoun
    group: Group | None = None
    #: the organisation this mention abbreviates ("AKK" after "... Association (AKK)")
    alias: Mention | None = None


@dataclass
class Group:
    """One actor of the article: its mentions and how it was coded."""

    name: str
    label: str
    entry: Entry | None = None
    code: str | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    tokens: frozenset[str] = frozenset()
    gender: str | None = None
    title_words: set[str] = field(default_factory=set)


@Language.factory("dateline_actors", default_config={"user_actors": None}, requires=["doc.ents"],
                  assigns=["doc._.actors"])
def make_actors(nlp: Language, name: str, user_actors: str | None) -> ActorCoder:
    """The actors stage. user_actors: a CSV/JSON file of actors that add to or override the KB."""
    return ActorCoder(load_kb(user_actors))


class ActorCoder:
    """The ``dateline_actors`` component: holds the KB (loaded once) and codes each Doc."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        _REGISTRY[kb.key] = kb

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[KB_KEY] = self.kb.key
        doc._.actors = code_actors(doc, self.kb)
        return doc


# -- finding mentions -------------------------------------------------------------------------------

def _text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text  # (doc.text would rebuild the whole text on every call)


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _name_like(doc: Doc, start: int, end: int) -> bool:
    """Every word is capitalised or a connector; a one-word stop word ("Who", "US") must be an acronym."""
    words = [t for t in doc[start:end] if not t.is_punct or t.text not in (".", "-")]
    if not words or not _capitalised(doc[start]) or doc[end - 1].lower_ in NAME_CONNECTORS:
        return False
    if any(not (_capitalised(t) or t.lower_ in NAME_CONNECTORS or t.text in (".", "-") or _elided(t))
           for t in doc[start:end]):
        return False
    if end - start == 1 and (doc[start].is_stop or doc[start].lower_ in ("us", "who", "is", "it")):
        word = doc[start].text
        if not word.isupper() or len(word) > 5:
            return False
        # "US" is the United States unless the whole sentence is shouted ("TELL US WHY").
        return word not in ("US", "IT") or not _shouted(doc[start].sent)
    return True


def _elided(token: Token) -> bool:
    """A lower-case elided particle before a capital, inside a name: "d'Ivoire", "d’Alema"."""
    text = token.text
    return len(text) > 2 and text[0].islower() and text[1] in "'’" and text[2].isupper()


def _shouted(sent: Span) -> bool:
    """Most words of the sentence are in capitals (a headline or a slogan)."""
    words = [t for t in sent if t.is_alpha and len(t) > 1]
    return sum(t.text.isupper() for t in words) * 2 > len(words)


def _kb_spans(doc: Doc, kb: KnowledgeBase) -> list[tuple[int, int, Entry]]:
    """Longest KB names, left to right, that look like names in the text."""
    spans: list[tuple[int, int, Entry]] = []
    i, n = 0, len(doc)
    while i < n:
        if not _capitalised(doc[i]):
            i += 1
            continue
        sent_end = doc[i].sent.end
        for j in range(min(n, sent_end, i + MAX_NAME_TOKENS), i, -1):
            if doc[j - 1].text in ("'s", "’s") or doc[j - 1].is_space:
                continue
            entries = kb.names.get(normalise(_text(doc, i, j)))
            if entries and _name_like(doc, i, j):
                first = i + 1 if doc[i].lower_ == "the" and j - i > 1 else i  # the article is not the name
                spans.append((first, j, kb.entries[entries[0]]))
                i = j - 1
                break
        i += 1
    return spans


def _agent_spans(doc: Doc, kb: KnowledgeBase) -> list[tuple[int, int, str, bool]]:
    """Role phrases ("foreign minister", "spy chief"), longest first: (start, end, code, weak)."""
    found: list[tuple[int, int, str, bool]] = []
    lowers = [t.lower_ for t in doc]
    # the dictionaries list some role nouns in the singular only ("leader"): the last word may match
    # by its lemma ("leaders")
    lemmas = [t.lemma_.lower() if t.lemma_ and t.tag_ in ("NNS", "NNPS") else t.lower_ for t in doc]
    alpha = [t.is_alpha for t in doc]
    i, n = 0, len(doc)
    while i < n:
        if not alpha[i]:
            i += 1
            continue
        for j in range(min(n, i + 5), i, -1):
            hit = kb.agents.get(" ".join(lowers[i:j]))
            if hit is None and j - i > 2 and "-" in lowers[i + 1:j - 1]:
                # "Secretary-General" is three tokens; the dictionaries write it as one word
                hit = kb.agents.get(doc[i:j].text.lower())
            if hit is None and lemmas[j - 1] != lowers[j - 1]:
                hit = kb.agents.get(" ".join(lowers[i:j - 1] + [lemmas[j - 1]]))
            if hit:
                found.append((i, j, hit[0], hit[1]))
                i = j - 1
                break
        i += 1
    return found


def _trim(ent: Span) -> tuple[int, int]:
    start, end = ent.start, ent.end
    if ent.label_ in ("ORG", "GPE", "NORP") and ent[0].lower_ == "the" and end - start > 1:
        start += 1
    if end - start > 1 and ent.doc[end - 1].text in ("'s", "’s"):
        end -= 1
    return start, end


def _label_of(entry: Entry) -> str:
    if entry.kind == "person":
        return "PERSON"
    if entry.kind == "actor" and any(r.start or r.end for r in entry.roles) and any(
            split_code(r.code)[1] for r in entry.roles):
        return "PERSON"  # Phoenix's unsorted actors: people hold dated offices ("USAGOV" from ... to ...)
    if entry.kind in ("country", "seat"):
        return "GPE"
    role = entry.role_at(None)
    country, sector = split_code(role.code if role else None)
    return "PERSON" if entry.kind == "user" and sector else "ORG"


def find_mentions(doc: Doc, kb: KnowledgeBase, agents: list[tuple[int, int, str, bool]]) -> list[Mention]:
    """Name mentions: KB matches merged with the model's actor entities."""
    kb_spans = _kb_spans(doc, kb)
    titles = [(s, e) for s, e, _, _ in agents if e - s > 1]
    mentions: dict[tuple[int, int], Mention] = {}
    used: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        start, end = _trim(ent)
        if any(s <= start and end <= e for s, e in titles):
            continue  # "State" in "Secretary of State"
        inside = [k for k in kb_spans if start <= k[0] and k[1] <= end]
        over = [k for k in kb_spans if k[0] < end and start < k[1] and k not in inside]
        if over:
            continue  # a KB name that reaches beyond the entity ("Choe Son" of "Choe Son Hui") wins
        joined = any((k[1] < len(doc) and doc[k[1]].text == "-") or (k[0] > 0 and doc[k[0] - 1].text == "-")
                     for k in inside)
        if len(inside) >= 2 or (inside and (joined or ent.label_ != "PERSON") and any(t.text == "-" for t in doc[start:end])):
            # "U.S.-South Korean", "Trump-Kim": keep the names inside; but a person's name with a
            # hyphenated particle ("Omar Hassan al-Bashir") is one name, not its part "Hassan"
            continue
        if len(inside) == 1 and (inside[0][0], inside[0][1]) == (start, end):
            continue  # the KB span itself is added below, with the KB's label where the model erred
        label = ent.label_
        # a name the KB knows that does not open with a capital ("al-Qaeda", "al-Shabaab")
        entries = [] if inside else kb.lookup(_text(doc, start, end))
        entry = entries[0] if entries and entries[0].kind in ("organisation", "actor") and label == "ORG" else None
        mentions[(start, end)] = Mention(start, end, label, entry)
        used.update(range(start, end))
    for start, end, entry in kb_spans:
        if any(i in used for i in range(start, end)):
            continue
        label = _label_of(entry)
        ent_label = doc[start].ent_type_
        if ent_label in ACTOR_LABELS and not (entry.kind == "person" and ent_label == "ORG"):
            label = ent_label if entry.kind not in ("person", "country", "seat") else label
        if entry.kind == "country" and doc[start].pos_ in ("ADJ",) or ent_label == "NORP":
            label = "NORP"
        mentions[(start, end)] = Mention(start, end, label, entry)
    # "US $50 million", "Hong Kong dollars": a country naming a currency is no actor
    mentions = {k: m for k, m in mentions.items()
                if not (m.end < len(doc) and (doc[m.end].is_currency or doc[m.end].lower_ in ("dollar", "dollars")))}
    ordered = _bracketed_aliases(doc, sorted(mentions.values(), key=lambda m: m.start))
    person_starts = {m.start for m in ordered if m.label == "PERSON"}
    agent_tokens = {i for s, e, _, _ in agents for i in range(s, e)}
    for m in ordered:
        if m.label == "PERSON":
            continue
        # "White House Press Secretary Sarah Huckabee Sanders", "British Defence Secretary Tom King":
        # part of a title (the mention, then role words only, up to a name), not an actor of its own
        k = m.end
        while k < len(doc) and k in agent_tokens and k not in person_starts:
            k += 1
        if k in person_starts and any(i in agent_tokens for i in range(m.start, k)):
            m.kind = "title"
    return ordered


def _bracketed_aliases(doc: Doc, ordered: list[Mention]) -> list[Mention]:
    """An acronym in brackets right after an organisation's name is that organisation's alias for
    the rest of the article: "the Northern Water Board (NWB) ... NWB officials" is one actor, whatever
    else the KB calls "NWB" (a person's initials, another body)."""
    by_start = {m.start: m for m in ordered}
    result = list(ordered)
    for m in ordered:
        k = m.end
        if m.label in ("PERSON", "NORP") or m.alias is not None or k + 2 >= len(doc):
            continue
        if doc[k].text != "(" or doc[k + 2].text != ")":
            continue
        acronym = doc[k + 1].text
        if not (acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 8):
            continue
        for token in doc[k + 1:]:
            if token.text != acronym:
                continue
            old = by_start.get(token.i)
            if old is not None:
                if old.end != token.i + 1:
                    continue  # a longer name that holds the acronym
                result.remove(old)
            alias = Mention(token.i, token.i + 1, m.label, m.entry, alias=m)
            by_start[token.i] = alias
            result.append(alias)
    return sorted(result, key=lambda x: x.start)


# -- coding ----------------------------------------------------------------------------------------

def _evidence(kind: str, detail: str, *, source: str | None = None, role: Role | None = None) -> dict[str, Any]:
    return {"kind": kind, "detail": detail, "source": source,
            "valid_from": role.start.isoformat() if role and role.start else None,
            "valid_to": role.end.isoformat() if role and role.end else None}


def _kb_code(entry: Entry, date: dt.date | None) -> tuple[str | None, dict[str, Any]]:
    role = entry.role_at(date)
    kind = "user" if entry.kind == "user" else "kb"
    if role is None:
        return None, _evidence(kind, f"{entry.id}: no role on {date}", source=entry.source)
    when = f" on {date.isoformat()}" if date else ""
    detail = f"{entry.id} ({entry.name}): {role.code}{when}" + (f", {role.detail}" if role.detail else "")
    return role.code, _evidence(kind, detail, source=entry.source, role=role)


@dataclass
class Context:
    """What coding needs about one Doc, computed once."""

    doc: Doc
    kb: KnowledgeBase
    date: dt.date | None
    agents: list[tuple[int, int, str, bool]]
    by_token: dict[int, Mention]
    agent_at: dict[int, tuple[int, int, str, bool]]
    #: first tokens of demonyms that name an ethnic group, not a state ("ethnic Albanians")
    ethnic: set[int] = field(default_factory=set)


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
    lo = max(doc[start].sent.start, start - MAX_TITLE_TOKENS)
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
        if token.pos_ in ("VERB", "AUX", "PRON", "SCONJ") or token.tag_ in ("WDT", "WP"):
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


def _read_title(ctx: Context, start: int, end: int, *, exclude: Group | None,
                after: bool = False) -> Title:
    """The country, sector and role words signalled by the tokens ``start:end``."""
    doc = ctx.doc
    roles = [a for a in ctx.agents if start <= a[0] and a[1] <= end]
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
            if code and m.label != "PERSON" and not (m.entry and m.entry.kind in ("country", "seat")):
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
                 strong=head is not None and not head[3], body=body)


def _country_in_words(ctx: Context, start: int, end: int) -> str | None:
    """A country name or adjective among the words ``start:end`` that no coded mention covers
    ("British" inside the model's ORG "British Defence"), nearest ``end`` first, two words before one
    ("North Korean")."""
    doc = ctx.doc
    for i in range(end - 1, start - 1, -1):
        m = ctx.by_token.get(i)
        if not _capitalised(doc[i]) or (m is not None and m.label == "PERSON"):
            continue
        for j in (i - 1, i):
            if j >= start and (j == i or _capitalised(doc[j])):
                country = ctx.kb.country_of(_text(doc, j, i + 1))
                if country:
                    return country
    return None


#: Words that put a title in the past: the person no longer holds it ("former President X").
FORMER = frozenset({"former", "ex", "ousted", "deposed", "toppled", "overthrown", "exiled", "late",
                    "onetime", "one-time", "erstwhile", "retired"})


def _former(ctx: Context, lo: int, hi: int) -> bool:
    """Whether the title ``lo:hi`` (or the two words before it) says the office is no longer held."""
    doc = ctx.doc
    first = max(doc[lo].sent.start, lo - 2) if lo < len(doc) else lo
    return any(t.lower_ in FORMER for t in doc[first:hi])


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
        if title.sector is not None or title.country is not None:
            readings.append((title, start, end))
    if not readings:
        return False
    best = readings[0][0]
    for title, _, _ in readings[1:]:
        if (title.country and not best.country) or (title.country and title.sector and not best.sector):
            best = title
    if best.sector is None:
        # "King Hassan of Morocco": the role from one side, the country from the other
        other = next((t for t, _, _ in readings if t.sector and t.country in (None, best.country)), None)
        if other is not None:
            best = best._replace(sector=other.sector, strong=other.strong, words=best.words | other.words,
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
        if not former and ((sector is None and best.body is None) or (not best.strong and country in (None, known_country))):
            # no role word (a possessor alone: "Kim's meeting with Trump"), or a weak one that says
            # nothing the KB does not; an appositive naming a body ("X, the UN coordinator") does
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
    if words & FEMALE_CUES:
        group.gender = "f"
    elif words & MALE_CUES:
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


def _is_place(doc: Doc, mention: Mention) -> bool:
    head = doc[mention.end - 1]
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE


def _person_tokens(doc: Doc, m: Mention) -> list[str]:
    words = (t.text.lower() for t in doc[m.start:m.end])
    return [w for w in words if w.isalpha() and w not in ("mr", "ms", "mrs", "dr")]


def code_actors(doc: Doc, kb: KnowledgeBase, date: dt.date | None = None) -> list[dict[str, Any]]:
    """The actors of ``doc`` in the output shape, coded as of ``date`` (default ``doc._.published``)."""
    date = date or doc._.published
    agents = _agent_spans(doc, kb)
    mentions = find_mentions(doc, kb, agents)
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    agent_at = {i: a for a in agents for i in range(a[0], a[1])}
    ctx = Context(doc, kb, date, agents, by_token, agent_at)
    groups: list[Group] = []
    by_entry: dict[tuple[str, str | None], Group] = {}
    by_name: dict[str, Group] = {}
    short_links: dict[str, Group] = {}

    def new_group(m: Mention, name: str) -> Group:
        g = Group(name=name, label=m.label, entry=m.entry)
        groups.append(g)
        return g

    for m in mentions:
        if m.kind == "title":
            continue
        if m.alias is not None and m.alias.group is not None:
            m.group = m.alias.group  # "NWB" after "the Northern Water Board (NWB)"
            m.group.mentions.append(m)
            continue
        text = _text(doc, m.start, m.end)
        if m.label == "PERSON" or (m.entry is not None and m.entry.kind == "person"):
            tokens = _person_tokens(doc, m)
            # a surname or given name joins a fuller name earlier in the article (before the KB alias)
            if len(tokens) == 1:
                key = tokens[0]
                linked = short_links.get(key)
                if linked is None:
                    fuller = [g for g in groups if g.label == "PERSON" and key in g.tokens and len(g.tokens) > 1]
                    linked = fuller[0] if fuller else None
                if linked is not None:
                    short_links[key] = linked
                    m.group = linked
                    m.label = "PERSON"
                    linked.mentions.append(m)
                    if not any(e["kind"] == "coreference" and e["detail"].startswith(repr(text)) for e in linked.evidence):
                        linked.evidence.append(_evidence("coreference", f"{text!r} -> {linked.name!r} (same name, earlier in the article)"))
                    continue
        if m.entry is not None:
            code, ev = _kb_code(m.entry, date)
            place = m.entry.kind == "seat" and _is_place(doc, m)
            if place:
                code = split_code(code)[0]
                ev = dict(ev, detail=ev["detail"] + "; a place here (after a locative preposition): country only")
            entry_key = (m.entry.id, code)
            g = by_entry.get(entry_key)
            if g is None:
                keep = m.entry.kind in ("person", "organisation") or m.entry.id.startswith("country:")
                g = by_entry[entry_key] = new_group(m, m.entry.name if keep else text.removesuffix("'s").removesuffix("’s"))
                g.code = code
                g.evidence.append(ev)
                g.tokens = frozenset(_person_tokens(doc, m)) if _label_of(m.entry) == "PERSON" else frozenset()
                if m.entry.kind == "person":
                    g.label = "PERSON"
        else:
            key2 = f"{m.label}:{normalise(text)}"
            g = by_name.get(key2)
            if g is None:
                g = by_name[key2] = new_group(m, text.removesuffix("'s").removesuffix("’s"))
                if m.label == "PERSON":
                    g.tokens = frozenset(_person_tokens(doc, m))
        if m.label == "PERSON" and len(g.tokens) > 1:
            for tok in g.tokens:
                short_links.setdefault(tok, g)
        m.group = g
        g.mentions.append(m)

    # titles and appositives, in text order so a possessor ("Kim's") is coded before it is used;
    # organisations first (then the bodies named after others), so a person's appositive can name one
    # ("X, the United Nations Emergency Relief Coordinator")
    for g in groups:
        if g.label == "ORG" and not (g.code and (split_code(g.code)[1] or len(g.code) >= 9)):
            # (a KB organisation code with its own chunks, like the EC's IGOEUREEC, is complete as it is)
            for m in g.mentions:
                if m.kind == "name" and _code_title(ctx, g, m):
                    break
    for g in groups:
        if g.label == "ORG" and g.entry is None and not (g.code and split_code(g.code)[1]):
            _code_named_body(ctx, g)
    for g in groups:
        if g.label == "PERSON" and (g.entry is not None or not (g.code and split_code(g.code)[1])):
            for m in g.mentions:
                if m.kind == "name" and _code_title(ctx, g, m):
                    break
        elif g.label == "PERSON":
            for m in g.mentions:
                lo, hi = _window_left(ctx, m.start)
                words = {t.lower_ for t in doc[lo:hi]}
                g.title_words |= words
                if words & FEMALE_CUES:
                    g.gender = g.gender or "f"
                elif words & MALE_CUES:
                    g.gender = g.gender or "m"

    _code_ethnic(ctx, groups)
    _link_nominals_and_pronouns(ctx, groups)
    _add_instrument_doers(ctx)
    _code_nominals(ctx, groups)
    _titled_context_country(ctx, groups)
    _extend_titles(ctx, groups)
    sentence_of = sentence_index(doc)
    return [_actor_dict(doc, g, sentence_of) for g in groups if g.mentions]


# -- coreference of nominals and pronouns --------------------------------------------------------

def _in_quote(doc: Doc, i: int) -> bool:
    """Whether token i sits inside quotation marks within its paragraph (an odd number of quotes before it)."""
    sent = doc[i].sent
    para_start = sent.start
    while para_start > 0 and not (doc[para_start - 1].is_space and "\n" in doc[para_start - 1].text):
        para_start -= 1
        if sent.start - para_start > 400:
            break
    opening = sum(1 for t in doc[para_start:i] if t.text in ("“", "‘")) - sum(1 for t in doc[para_start:i] if t.text in ("”", "’"))
    straight = sum(1 for t in doc[para_start:i] if t.text == '"')
    return opening > 0 or straight % 2 == 1


def _subject_group(ctx: Context, sent: Span) -> Group | None:
    for token in sent:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
            m = ctx.by_token.get(token.i)
            if m is not None and m.group is not None and m.group.label == "PERSON":
                return m.group
    return None


def _persons_between(ctx: Context, start: int, end: int) -> list[Mention]:
    seen: list[Mention] = []
    for i in range(start, end):
        m = ctx.by_token.get(i)
        if m is not None and m.group is not None and m.group.label == "PERSON" and (not seen or seen[-1] is not m):
            seen.append(m)
    return seen


def _antecedent(ctx: Context, i: int, *, gender: str | None, role_words: set[str], recency: bool = False) -> Group | None:
    doc = ctx.doc
    token = doc[i]

    def fits(g: Group) -> bool:
        if gender and g.gender and g.gender != gender:
            return False
        return True

    # cataphora: "As he did last year ..., the official traveled" -> the main clause's subject
    verb = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "advcl" and verb.i < verb.head.i:
        for child in verb.head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i > i:
                m = ctx.by_token.get(child.i)
                if m is not None and m.group is not None and m.group.label == "PERSON" and fits(m.group):
                    return m.group
    sent = token.sent
    before = [m for m in _persons_between(ctx, sent.start, i) if fits(m.group)]  # type: ignore[arg-type]
    if before:
        return before[-1].group
    prev_end = sent.start
    for _ in range(2):
        if prev_end <= 0:
            break
        prev = doc[prev_end - 1].sent
        subject = None if recency else _subject_group(ctx, prev)
        if subject is not None and fits(subject):
            return subject
        found = [m for m in _persons_between(ctx, prev.start, prev.end) if fits(m.group)]  # type: ignore[arg-type]
        if found:
            return found[-1].group
        prev_end = prev.start
    return None


def _add_link(ctx: Context, group: Group, start: int, end: int, kind: str) -> None:
    m = Mention(start, end, "PERSON", kind=kind, group=group)
    group.mentions.append(m)
    for j in range(start, end):
        ctx.by_token[j] = m
    text = _text(ctx.doc, start, end)
    if not any(e["kind"] == "coreference" and e["detail"].startswith(repr(text)) for e in group.evidence):
        group.evidence.append(_evidence("coreference", f"{text!r} -> {group.name!r} ({kind})"))


def _link_nominals_and_pronouns(ctx: Context, groups: list[Group]) -> None:
    doc = ctx.doc
    # nominals: "the official", "the president", "the North Korean leader" (singular, not before a name)
    for start, end, code, _ in ctx.agents:
        det = start - 1
        while det >= 0 and doc[det].pos_ in ("ADJ", "PROPN") and det > start - 4:
            det -= 1
        if det < 0 or doc[det].lower_ != "the" or doc[end - 1].tag_ not in ("NN", "NNP"):
            continue
        if end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].lower_ in ("of", "'s", "’s")):
            continue
        if any(i in ctx.by_token for i in range(det, end)) or _in_quote(doc, start):
            continue
        words = {t.lower_ for t in doc[start:end]}
        # a definite description points back to the latest person (recency), not the topic
        group = _antecedent(ctx, det, gender=None, role_words=words, recency=True)
        if group is not None:
            _add_link(ctx, group, det, end, "nominal")
    # pronouns he/she/him/her (personal, not possessive), outside quotations
    for token in doc:
        gender = PRONOUNS.get(token.lower_)
        if gender is None or token.tag_ != "PRP" or token.i in ctx.by_token or _in_quote(doc, token.i):
            continue
        group = _antecedent(ctx, token.i, gender=gender, role_words=set())
        if group is not None:
            group.gender = group.gender or gender
            _add_link(ctx, group, token.i, token.i + 1, "pronoun")


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
            i, lo = m.start, max(doc[m.start].sent.start, m.start - MAX_TITLE_TOKENS)
            while i > lo:
                other = ctx.by_token.get(i - 1)
                if other is not None and other.kind == "title":
                    i = other.start
                elif other is None and i - 1 in ctx.agent_at:
                    i = ctx.agent_at[i - 1][0]
                else:
                    break
            m.start = max(i, lo)


# -- nominal actors: "Israeli troops", "the Sudanese government", "UN peacekeepers" ----------------

#: Words inside a noun phrase that end its modifiers on the left (a determiner, a number, a clause).
_NOMINAL_STOP = frozenset({"DET", "NUM", "VERB", "AUX", "PRON", "SCONJ", "INTJ", "ADP", "ADV"})
#: Prepositions whose object tells a role noun's country when no modifier does ("police in Kenya").
_NOMINAL_PLACE_PREPS = frozenset({"in", "from", "throughout", "across", "inside"})
#: Participles that place the people of a phrase: "guerrillas operating in X", "Palestinians living in X".
_PLACING_PARTICIPLES = frozenset({"living", "operating", "based", "stationed", "deployed", "residing", "fighting"})


def _place_country(ctx: Context, obj: Token) -> tuple[str, Mention] | None:
    """The country of a place phrase headed by ``obj``: the place itself or a place named inside it
    ("south Serbia", "East Timor's capital Dili", "the West Bank city of Hebron"); None if none."""
    for i in [obj.i, *range(obj.left_edge.i, obj.right_edge.i + 1)]:
        m = ctx.by_token.get(i)
        if m is None or m.label not in ("GPE", "NORP", "LOC") or m.kind != "name":
            continue
        code = _mention_code(ctx, m)
        country = split_code(code)[0] if code else None
        if country and country not in TRANSNATIONAL and not (m.entry is not None and m.entry.kind == "person"):
            return country, m
    return None


def _located(ctx: Context, head: Token, *, of: bool = False) -> tuple[str, str, int] | None:
    """(country, how, end) of a place that locates the people of a phrase headed by ``head``: "in/from/
    throughout/across X" after it, through a placing participle ("guerrillas operating in X"), and
    "of X" for an ethnic group ("the Albanians of southern Serbia"); ``end`` is the place phrase's
    last token + 1 (0 when the place is coordinated with others)."""
    preps = _NOMINAL_PLACE_PREPS | {"of"} if of else _NOMINAL_PLACE_PREPS
    candidates = [c for c in head.children if c.dep_ == "prep" and c.lower_ in preps and c.i > head.i]
    for child in head.children:
        if child.dep_ == "acl" and child.lower_ in _PLACING_PARTICIPLES and child.i > head.i:
            candidates += [c for c in child.children if c.dep_ == "prep" and c.lower_ in _NOMINAL_PLACE_PREPS]
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


#: Participles after "COUNTRY-" that make the country the side the actor belongs to ("Syrian-backed").
_SIDE_PARTICIPLES = frozenset({"led", "backed", "supported", "sponsored", "funded", "armed", "allied", "trained"})


def _led_by(ctx: Context, lo: int) -> int:
    """The start of a phrase that opens with "X-led"/"X-backed" ("Vietnamese-led forces"): X's side,
    so the phrase takes in X (a country mention or word) before the hyphen; else ``lo``."""
    doc = ctx.doc
    i = lo
    while i < len(doc) and (doc[i].is_punct or doc[i].lower_ in _SIDE_PARTICIPLES):
        i += 1  # the phrase may have begun at "-" or "led"
    k = i - 1
    if k - 1 < 1 or doc[k].lower_ not in _SIDE_PARTICIPLES or doc[k - 1].text != "-":
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
    while lo > head.sent.start and s - lo < MAX_TITLE_TOKENS:
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
            if t.pos_ in ("VERB", "AUX") or t.text == "," or t.tag_ in ("WDT", "WP") or not (
                    doc[end].left_edge.i <= k <= doc[end].right_edge.i):
                break
            k += 1
        while k > end + 1 and (doc[k - 1].is_punct and doc[k - 1].text not in (")",) or doc[k - 1].pos_ == "CCONJ"):
            k -= 1
        if k > end + 1:
            end = k
    return lo, end


def _mention_code(ctx: Context, m: Mention) -> str | None:
    if m.group is not None and m.group.code:
        return m.group.code
    if m.entry is not None:
        role = m.entry.role_at(ctx.date)
        return role.code if role else None
    return None


def _possessor_country(ctx: Context, m: Mention, role_start: int) -> str | None:
    """The country of an uncoded person named before a role noun by a last name the KB knows
    ("the Bush administration" -> USA); a person is a country here only as its modifier or possessor."""
    if m.label != "PERSON" or m.kind != "name" or m.end > role_start:
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
        # "Israel's militia ally", "a US proxy": the possessor or modifier of a tie is the other party
        tied = [(m, t) for m in seen if (t := _tie(ctx, m)) is not None]
        seen = [m for m in seen if all(m is not x for x, _ in tied)]
        coded = [(m, code) for m in seen if (code := _mention_code(ctx, m) or _possessor_country(ctx, m, s))]
        how = ""
        prefix: str | None = None
        if coded:
            m, code = coded[0]
            country, institution = split_code(code)
            prefix = code if country in TRANSNATIONAL else country
            if weak and not roles and institution and m.label != "PERSON" and not (
                    m.entry and m.entry.kind in ("country", "seat")):
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
        seen += kin
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
    for token in ctx.doc:
        if (token.i not in taken and token.pos_ == "NOUN" and ctx.kb.heads.get(token.lower_) == "instrument"
                and _doer(token)):
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
    m = Mention(start, end, "NOMINAL", kind="nominal", group=group)
    old = ctx.by_token.get(start)
    if old is not None and old.group is not None and old in old.group.mentions:
        old.group.mentions.remove(old)
    group.mentions.append(m)
    for i in range(start, end):
        ctx.by_token[i] = m


# -- output ------------------------------------------------------------------------------------

def _actor_dict(doc: Doc, g: Group, sentence_of: Callable[[int], int]) -> dict[str, Any]:
    country, sector = split_code(g.code)
    mentions = sorted(g.mentions, key=lambda m: m.start)
    return {
        "name": g.name,
        "code": g.code,
        "country": country,
        "sector": sector,
        "label": g.label,
        "kb_id": g.entry.id if g.entry is not None else None,
        "evidence": g.evidence,
        "mentions": [{"text": _text(doc, m.start, m.end), "start": doc[m.start].idx,
                      "end": doc[m.end - 1].idx + len(doc[m.end - 1].text), "sentence": sentence_of(m.start)}
                     for m in mentions],
    }


def _ref(actor: dict[str, Any], text: str, code: str | None) -> dict[str, Any]:
    country, sector = split_code(code)
    return {"text": text, "code": code, "country": country, "sector": sector}


def _governed(doc: Doc, mention: dict[str, Any], others: list[dict[str, Any]], start_char: int, end_char: int) -> bool:
    """Whether the mention hangs, inside the range, on the tokens of another mention there (the place
    in "rebels in Darfur", the country in "the Albanians of Serbia"): then it is not the phrase's actor."""
    span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    owned = {i for o in others if o is not mention
             for i in range(len(doc)) if o["start"] <= doc[i].idx < o["end"]} if others else set()
    while token.head.i != token.i and start_char <= token.head.idx < end_char:
        token = token.head
        if token.i in owned:
            return True
    return False


def _find(doc: Doc, start_char: int, end_char: int) -> tuple[dict[str, Any], dict[str, Any]] | None:
    best: tuple[int, dict[str, Any], dict[str, Any]] | None = None
    inside = [(actor, mention) for actor in doc._.actors or [] for mention in actor["mentions"]
              if mention["start"] >= start_char and mention["end"] <= end_char]
    if len(inside) > 1:
        # the phrase's own actor, not one named in a modifier of it: "rebels in Darfur" are rebels
        mentions = [m for _, m in inside]
        heads = [(a, m) for a, m in inside if not _governed(doc, m, mentions, start_char, end_char)]
        inside = [(a, m) for a, m in heads if a.get("code")] or inside  # an uncoded head: its modifier
    for actor, mention in inside:
        size = mention["end"] - mention["start"]
        if best is None or size > best[0]:
            best = (size, actor, mention)
    if best is None:
        # a stretch inside a mention is its actor: "Israeli" of "Israeli troops", the name or the
        # title of "British Defence Secretary Tom King"
        for actor in doc._.actors or []:
            for mention in actor["mentions"]:
                if mention["start"] <= start_char and end_char <= mention["end"] and start_char < end_char:
                    size = mention["end"] - mention["start"]
                    if best is None or size < best[0]:
                        best = (size, actor, mention)
    return (best[1], best[2]) if best else None


def actor_ref(doc: Doc, start_char: int, end_char: int) -> dict[str, Any] | None:
    """The actor mentioned in ``doc.text[start_char:end_char]``, as an event's source/target/speaker.

    Returns ``{"text", "code", "country", "sector"}`` for the mention that lies inside the range
    (the longest if several; names, nominal phrases like "Israeli troops", and "he"/"the official"
    linked to an actor); if none does, the smallest mention that holds the range ("Israeli" of
    "Israeli troops", "Tom King" of "British Defence Secretary Tom King"); else None.
    """
    found = _find(doc, start_char, end_char)
    if found is None:
        return None
    actor, mention = found
    return _ref(actor, mention["text"], actor.get("code"))


def resolve_as_of(doc: Doc, actor_or_mention: dict[str, Any], date: dt.date | None) -> dict[str, Any] | None:
    """The ref of an actor (a ``doc._.actors`` item) or a mention/ref (``start``/``end`` or ``span``)
    re-coded for ``date``, e.g. an event's date rather than publication.

    KB-coded actors take the role held on ``date``; actors coded from their title keep that code.
    """
    actor = actor_or_mention if "mentions" in actor_or_mention else None
    text = actor_or_mention.get("text") or (actor or {}).get("name") or ""
    if actor is None:
        start, end = actor_or_mention.get("start"), actor_or_mention.get("end")
        if start is None and actor_or_mention.get("span"):
            start, end = actor_or_mention["span"]
        if start is None or end is None:
            return None
        found = _find(doc, int(start), int(end))
        if found is None:
            return None
        actor, mention = found
        text = mention["text"]
    kb = _REGISTRY.get(doc.user_data.get(KB_KEY, "")) or load_kb(None)
    entry = kb.entries.get(actor.get("kb_id") or "")
    if entry is None:
        return _ref(actor, text, actor.get("code"))
    role = entry.role_at(date)
    code = role.code if role else None
    titled = [e for e in actor.get("evidence", []) if e.get("kind") == "title"]
    if (code is None or not split_code(code)[1]) and titled:
        code = actor.get("code")  # outside its KB roles the text's own title still speaks
    elif code and actor.get("code") and actor["code"] == split_code(actor["code"])[0] and code[:3] == actor["code"]:
        code = code  # a seat used as a place stays a place whatever the date
    if actor.get("code") and len(actor["code"]) == 3 and entry.kind == "seat":
        code = actor["code"]
    return _ref(actor, text, code)


def _as_of(value: str, granularity: str | None, date_range: list[str] | None) -> dt.date:
    """A day standing for a date value (the first day of its range)."""
    return dt.date.fromisoformat(date_range[0] if date_range else value if granularity == "day" else
                                 (value + "-01-01")[:10] if len(value) == 4 else value + "-01")


def redate_event_actors(doc: Doc, event: dict[str, Any]) -> None:
    """Re-code an event's source and target as of its date, when that falls in another year than
    publication (issue 3: Trump is ``USAGOV`` in 2019, not in 2015)."""
    date = event.get("date") or {}
    published: dt.date | None = doc._.published
    if not date.get("value") or published is None or date["value"][:4] == str(published.year):
        return
    day = _as_of(date["value"], date.get("granularity"), date.get("range"))
    for role in ("source", "target"):
        if event.get(role):
            resolved = resolve_as_of(doc, event[role], day)
            if resolved is not None:
                event[role] = resolved


@Language.factory("dateline_actor_dates", requires=["doc._.actors", "doc._.events"],
                  assigns=["doc._.events"])
def make_actor_dates(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Actors as of the event's date: runs after ``dateline_dates`` has dated every event."""
    return redate_actors


def redate_actors(doc: Doc) -> Doc:
    """Re-code every dated event's actors as of its date (:func:`redate_event_actors`)."""
    for event in doc._.events or []:
        redate_event_actors(doc, event)
    return doc


def group_actors(doc: Doc) -> Doc:
    """Group the model's actor entities without coding them (an empty KB): the baseline grouping,
    for callers that want mentions and coreference of names but no codes."""
    doc._.actors = code_actors(doc, KnowledgeBase(snapshot="none"))
    return doc
