"""Mentions: the spans that name an actor (KB names, the model's entities, agent words, bracketed
aliases), the Mention and Group records, and the coding context shared by the later steps."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import IS_PUNCT, IS_STOP, LEMMA, LOWER, TAG
from spacy.tokens import Doc, Span, Token

from ..doc import doc_ents, per_doc, sentence_bounds, token_texts
from ..kb import COUNTRY_KINDS, Entry, KnowledgeBase, normalise, Role, split_code
from ..lang import en
from ..syntax import ACTOR_ENTITIES


MAX_NAME_TOKENS = 8


MAX_TITLE_TOKENS = 10


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


def _text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, joined from the token texts read once per Doc (a Span's ``.text``
    makes a Token object per token; ``doc.text`` would rebuild the whole text on every call)."""
    if not 0 <= start < end <= len(doc):
        return doc[start:end].text  # (empty or negative slices: spaCy's own rules)
    texts, with_ws, _ = token_texts(doc)
    return "".join(with_ws[start:end - 1]) + texts[end - 1]


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _lexical(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    """Each token's ``LOWER`` (a string id: ``doc.vocab.strings`` gives ``lower_``), ``IS_PUNCT``
    and ``IS_STOP``, read once per Doc (the name tests below made a Token object per token)."""
    def build(d: Doc) -> tuple[list[int], list[int], list[int]]:
        lowers, punct, stop = d.to_array([LOWER, IS_PUNCT, IS_STOP]).T.tolist()
        return lowers, punct, stop
    return per_doc(doc, "mentions.lexical", build)


def _name_like(doc: Doc, start: int, end: int) -> bool:
    """Every word is capitalised or a connector; a one-word stop word ("Who", "US") must be an acronym.
    (A range that is empty or outside the Doc is no name.)"""
    if not 0 <= start < end <= len(doc):
        return False
    texts = token_texts(doc)[0]
    lowers, _, stop = _lexical(doc)
    strings = doc.vocab.strings
    # (a capitalised first word is a word: not the "." or "-" that the name may hold besides)
    if not texts[start][:1].isupper() or strings[lowers[end - 1]] in en.NAME_CONNECTORS:
        return False
    for k in range(start, end):
        text = texts[k]
        if not (text[:1].isupper() or strings[lowers[k]] in en.NAME_CONNECTORS or text in (".", "-") or _elided_text(text)):
            return False
    if end - start == 1 and (stop[start] or strings[lowers[start]] in ("us", "who", "is", "it")):
        word = texts[start]
        if not word.isupper() or len(word) > 5:
            return False
        # "US" is the United States unless the whole sentence is shouted ("TELL US WHY").
        return word not in ("US", "IT") or not _shouted(doc[start].sent)
    return True


def _elided(token: Token) -> bool:
    """A lower-case elided particle before a capital, inside a name: "d'Ivoire", "d’Alema"."""
    return _elided_text(token.text)


def _elided_text(text: str) -> bool:
    return len(text) > 2 and text[0].islower() and text[1] in "'’" and text[2].isupper()


def _shouted(sent: Span) -> bool:
    """Most words of the sentence are in capitals (a headline or a slogan)."""
    words = [t for t in sent if t.is_alpha and len(t) > 1]
    return sum(t.text.isupper() for t in words) * 2 > len(words)


def _names_a_place(kb: KnowledgeBase, entry: Entry) -> bool:
    """A country or seat entry, or an actor entry that is a country (Phoenix files a country's
    cities as its aliases)."""
    return entry.kind in COUNTRY_KINDS or (entry.kind != "person" and kb.country_of(entry.name) is not None)


def _kb_spans(doc: Doc, kb: KnowledgeBase) -> list[tuple[int, int, Entry]]:
    """Longest KB names, left to right, that look like names in the text."""
    spans: list[tuple[int, int, Entry]] = []
    sent_starts, sent_ends = sentence_bounds(doc)  # token.sent costs the sentence's length
    # the tokens' texts read once (a Span's .text for every candidate made Token objects anew)
    texts, with_ws, spaces = token_texts(doc)
    keys = _sorted_names(kb)
    lowers, strings = _lexical(doc)[0], doc.vocab.strings
    i, n = 0, len(doc)
    while i < n:
        if not texts[i][:1].isupper():
            i += 1
            continue
        sent_end = sent_ends[bisect.bisect_right(sent_starts, i) - 1]
        blanked: dict[int, str] = {}
        for j in range(_name_reach(texts, with_ws, spaces, i, min(n, sent_end, i + MAX_NAME_TOKENS), keys, blanked), i, -1):
            if texts[j - 1] in ("'s", "’s") or spaces[j - 1]:
                continue
            # = normalise(_text(doc, i, j)): a span's text leaves out its last token's whitespace;
            # the pre-filter has done its first step (lower case, single blanks) for most lengths
            key = blanked.get(j)
            if key is None:
                key = normalise("".join(with_ws[i:j - 1]) + texts[j - 1])
            else:
                if key.startswith("the "):
                    key = key[4:]
                if key.endswith("'s"):
                    key = key[:-2].rstrip(" ")
            entries = kb.names.get(key)
            if entries and i > 0 and strings[lowers[i - 1]] in en.HONORIFICS and _names_a_place(kb, kb.entries[entries[0]]):
                break  # "Mr Houston" is a person, not the city (nor the country the KB files it under)
            if entries and _name_like(doc, i, j):
                first = i + 1 if strings[lowers[i]] == "the" and j - i > 1 else i  # the article is not the name
                spans.append((first, j, kb.entries[entries[0]]))
                i = j - 1
                break
        i += 1
    return spans


def _name_reach(texts: list[str], with_ws: list[str], spaces: list[bool], i: int, top: int, keys: list[str],
                blanked: dict[int, str] | None = None) -> int:
    """The last ``j <= top`` for which tokens ``i:j`` may still be a KB name: going right, the first
    candidate whose key's fixed beginning opens no KB name ends the search, and no longer one can be
    a name. A pre-filter: ``_kb_spans`` tried every length, each a join and a ``normalise``, about
    69,000 per 150 articles; most capitalised words open no name of two words.

    Why a longer span cannot match then: for ASCII text, ``normalise`` of a longer span extends the
    key of a shorter one (lower case and single blanks are per character; a leading "the " is cut
    from both), except for its cut of a final "'s", which removes at most the last two characters
    of the shorter key (and the blanks before them). So the key less its last two characters is a
    prefix of every longer span's key; when no KB name starts with it, there is none. A non-ASCII
    span (accents, curly apostrophes) stops the pre-filter: every length up to ``top`` is tried.

    ``blanked``, when given, receives the key of each ``j`` made on the way before those two cuts
    (lower case, single blanks: the first step of ``normalise`` for an ASCII span), for the lookups."""
    for j in range(i + 1, top + 1):
        if texts[j - 1] in ("'s", "’s") or spaces[j - 1]:
            continue  # (never looked up)
        raw = "".join(with_ws[i:j - 1]) + texts[j - 1]
        if not raw.isascii():
            return top
        key = " ".join(raw.replace("_", " ").lower().split())
        if blanked is not None:
            blanked[j] = key
        if key == "the":
            continue  # ("The X" is looked up as "x")
        fixed = (key[4:] if key.startswith("the ") else key)[:-2].rstrip(" ")
        k = bisect.bisect_left(keys, fixed)
        if k == len(keys) or not keys[k].startswith(fixed):
            return j - 1
    return top


_SORTED_NAMES: dict[int, tuple[dict[str, list[str]], int, list[str]]] = {}


def _sorted_names(kb: KnowledgeBase) -> list[str]:
    """The KB's name keys in sorted order (for prefix searches), once per KB."""
    held = _SORTED_NAMES.get(id(kb.names))
    if held is None or held[0] is not kb.names or held[1] != len(kb.names):
        held = (kb.names, len(kb.names), sorted(kb.names))
        _SORTED_NAMES[id(kb.names)] = held
    return held[2]


def _agent_spans(doc: Doc, kb: KnowledgeBase) -> list[tuple[int, int, str, bool]]:
    """Role phrases ("foreign minister", "spy chief"), longest first: (start, end, code, weak)."""
    found: list[tuple[int, int, str, bool]] = []
    # each token's lower case and whether it is alphabetic, from the texts read once per Doc (a
    # lexeme's ``lower`` and ``is_alpha`` are ``str.lower`` and ``str.isalpha`` of its text)
    texts = token_texts(doc)[0]
    lowers = [text.lower() for text in texts]
    # the dictionaries list some role nouns in the singular only ("leader"): the last word may match
    # by its lemma ("leaders"), read only for the plural nouns
    lemmas = list(lowers)
    strings = doc.vocab.strings
    columns = doc.to_array([TAG, LEMMA])
    for i in numpy.flatnonzero(numpy.isin(columns[:, 0], [strings["NNS"], strings["NNPS"]])).tolist():
        lemma = strings[int(columns[i, 1])]
        if lemma:
            lemmas[i] = lemma.lower()
    firsts = _agent_first_words(kb.agents)
    inner = _agent_inner_prefixes(kb.agents)
    agents = kb.agents
    n = len(doc)
    # the only tokens that can open a phrase (every key tried below opens with the word or its
    # lemma, or the word is not ASCII): a shortcut, not a rule
    # (decided once per distinct text: an alphabetic text holds no blank, so when its lower case is a
    # key it is a one-word key, one of ``firsts``; a plural's lemma is tried apart)
    opens: dict[str, bool] = {}
    opening = []
    for i, text in enumerate(texts):
        ok = opens.get(text)
        if ok is None:
            lower = lowers[i]
            ok = opens[text] = text.isalpha() and (lower in firsts or not lower.isascii())
        if ok or (lemmas[i] is not lowers[i] and lemmas[i] in agents and text.isalpha()):
            opening.append(i)
    after = 0  # the first token not inside a phrase already found
    for i in opening:
        if i < after:
            continue
        top = min(n, i + 5)
        # A shortcut, not a rule: a key of j - i > 1 words, read as written or with the last word's
        # lemma, starts with the first j - i - 1 words and a blank, so those words are one of
        # ``inner``; and when the words up to k are not, no longer run of them is (``inner`` holds
        # every shorter run of a phrase's words too). Only a hyphen token inside the words (the
        # dictionaries' one-word "secretary-general") is looked up otherwise: then every length is tried.
        reach = i + 1
        while reach < top and " ".join(lowers[i:reach]) in inner:
            reach += 1
        if "-" in lowers[i + 1:top - 1]:
            reach = top
        for j in range(reach, i, -1):
            hit = agents.get(" ".join(lowers[i:j]))
            if hit is None and j - i > 2 and "-" in lowers[i + 1:j - 1]:
                # "Secretary-General" is three tokens; the dictionaries write it as one word
                hit = agents.get(doc[i:j].text.lower())
            if hit is None and lemmas[j - 1] != lowers[j - 1]:
                hit = agents.get(" ".join(lowers[i:j - 1] + [lemmas[j - 1]]))
            if hit:
                found.append((i, j, hit[0], hit[1]))
                after = j
                break
    return found


_INNER_PREFIXES: dict[int, tuple[dict[str, tuple[str, bool]], frozenset[str], int]] = {}


def _agent_inner_prefixes(agents: dict[str, tuple[str, bool]]) -> frozenset[str]:
    """Every run of a role phrase's first words that more words follow ("foreign", "head of"
    of "head of state"): the ``s`` for which some key starts with ``s + " "``, once per dictionary."""
    held = _INNER_PREFIXES.get(id(agents))
    if held is None or held[0] is not agents or held[2] != len(agents):
        runs = {" ".join(words[:k]) for words in (key.split(" ") for key in agents) for k in range(1, len(words))}
        held = (agents, frozenset(runs), len(agents))
        _INNER_PREFIXES[id(agents)] = held
    return held[1]


_FIRST_WORDS: dict[int, tuple[dict[str, tuple[str, bool]], frozenset[str]]] = {}


def _agent_first_words(agents: dict[str, tuple[str, bool]]) -> frozenset[str]:
    """Every prefix of the first word of every role phrase ("f", "fo", ... "foreign"), once per
    dictionary: a word that is none of these opens no phrase, not even one joined by hyphens."""
    held = _FIRST_WORDS.get(id(agents))
    if held is None or held[0] is not agents:
        words = {key.split(" ")[0] for key in agents}
        held = (agents, frozenset(w[:k] for w in words for k in range(1, len(w) + 1)))
        _FIRST_WORDS[id(agents)] = held
    return held[1]


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
    if entry.kind in COUNTRY_KINDS:
        return "GPE"
    role = entry.role_at(None)
    country, sector = split_code(role.code if role else None)
    return "PERSON" if entry.kind == "user" and sector else "ORG"


def find_mentions(doc: Doc, kb: KnowledgeBase, agents: list[tuple[int, int, str, bool]]) -> list[Mention]:
    """Name mentions: KB matches merged with the model's actor entities."""
    agent_tokens = {i for s, e, _, _ in agents for i in range(s, e)}
    kb_spans = _titled_names_cut(doc, _kb_spans(doc, kb), agent_tokens)
    kb_ends = [k[1] for k in kb_spans]  # (KB spans do not overlap: their ends ascend with their starts)
    titles = [(s, e) for s, e, _, _ in agents if e - s > 1]
    mentions: dict[tuple[int, int], Mention] = {}
    used: set[int] = set()
    for ent in doc_ents(doc):
        if ent.label_ not in ACTOR_ENTITIES:
            continue
        start, end = _trim(ent)
        if any(s <= start and end <= e for s, e in titles):
            continue  # "State" in "Secretary of State"
        # the KB spans that overlap the entity, found by bisection (not every span for every entity)
        near = kb_spans[bisect.bisect_right(kb_ends, start):bisect.bisect_left(kb_ends, end) + 1]
        near = [k for k in near if k[0] < end and start < k[1]]
        inside = [k for k in near if start <= k[0] and k[1] <= end]
        over = [k for k in near if k not in inside]
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
        if label == "PERSON" and entry is None:
            entry = _person_without_initials(doc, kb, start, end)  # "Nikki R. Haley" is the KB's Nikki Haley
        mentions[(start, end)] = Mention(start, end, label, entry)
        used.update(range(start, end))
    for start, end, entry in kb_spans:
        if any(i in used for i in range(start, end)):
            continue
        label = _label_of(entry)
        ent_label = doc[start].ent_type_
        if ent_label in ACTOR_ENTITIES and not (entry.kind == "person" and ent_label == "ORG"):
            label = ent_label if entry.kind != "person" and entry.kind not in COUNTRY_KINDS else label
        if entry.kind == "country" and doc[start].pos_ in ("ADJ",) or ent_label == "NORP":
            label = "NORP"
        mentions[(start, end)] = Mention(start, end, label, entry)
    # "US $50 million", "Hong Kong dollars": a country naming a currency is no actor
    mentions = {k: m for k, m in mentions.items()
                if not (m.end < len(doc) and (doc[m.end].is_currency or doc[m.end].lower_ in ("dollar", "dollars")))}
    ordered = _bracketed_aliases(doc, sorted(mentions.values(), key=lambda m: m.start))
    person_starts = {m.start for m in ordered if m.label == "PERSON"}
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


def _titled_names_cut(doc: Doc, kb_spans: list[tuple[int, int, Entry]],
                      agent_tokens: set[int]) -> list[tuple[int, int, Entry]]:
    """KB matches of a body that run on into a person's name, cut before the name: the actor
    dictionaries list some office holders under their body ("White House Press Secretary Jay Carney"
    is an alias of the White House), which would make the person the body and leave the name for no
    one ("Carney" later goes to another Carney). Where the match ends with a name the model tags as a
    person and holds a role word before it ("Press Secretary", cue of ``agents``), the match keeps
    only the words before the name (then the person's title, as for "White House Press Secretary
    Sarah Sanders", which the KB lacks) and the name is a person of its own."""
    ends = {(ent.end, ent.start) for ent in doc_ents(doc) if ent.label_ == "PERSON"}
    out = []
    for start, end, entry in kb_spans:
        if _label_of(entry) != "PERSON":
            person = next((s for e, s in ends if e == end and start < s), None)
            if person is not None and any(i in agent_tokens for i in range(start, person)):
                out.append((start, person, entry))
                continue
        out.append((start, end, entry))
    return out


def _person_without_initials(doc: Doc, kb: KnowledgeBase, start: int, end: int) -> Entry | None:
    """The KB person a name with middle initials is, by the name without them ("Nikki R. Haley",
    "Rex W. Tillerson": the KB lists "Nikki Haley"), when the KB names exactly one person so; else None."""
    words = [t.text for t in doc[start:end]]
    kept = [w for k, w in enumerate(words) if not (0 < k < len(words) - 1 and len(w.rstrip(".")) == 1 and w[0].isupper())]
    if len(kept) == len(words) or len(kept) < 2:
        return None
    people = [e for e in kb.lookup(" ".join(kept)) if e.kind == "person"]
    return people[0] if len(people) == 1 else None


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
    #: role-noun starts of bodies ("the government") coreference did not join to the person before them
    #: (cue ``person_noun``), with that person's name: the nominal's evidence says so (xsides38)
    bodies: dict[int, str] = field(default_factory=dict)


def _is_place(doc: Doc, mention: Mention) -> bool:
    head = doc[mention.end - 1]
    return head.dep_ == "pobj" and head.head.lower_ in en.PLACE_PREPOSITIONS


def _person_tokens(doc: Doc, m: Mention) -> list[str]:
    words = (text.lower() for text in token_texts(doc)[0][m.start:m.end])
    return [w for w in words if w.isalpha() and w not in ("mr", "ms", "mrs", "dr")]


def _mention_code(ctx: Context, m: Mention) -> str | None:
    if m.group is not None and m.group.code:
        return m.group.code
    if m.entry is not None:
        role = m.entry.role_at(ctx.date)
        return role.code if role else None
    return None
