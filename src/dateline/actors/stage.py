"""The ``dateline_actors`` stage: finds, codes and groups the article's actors (:func:`code_actors`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..doc import sentence_index, token_starts, token_texts
from ..kb import KnowledgeBase, load_kb, normalise, split_code
from ..lang import en
from ..lexicon import cue_words
from .coreference import _in_quote, _link_nominals_and_pronouns
from .mentions import _agent_spans, Context, _evidence, find_mentions, Group, _is_place, _kb_code, _label_of, Mention, _person_tokens, _text
from .nominals import _add_instrument_doers, _code_ethnic, _code_nominals, _titled_context_country
from .resolution import KB_KEY, _REGISTRY
from .titles import _code_named_body, _code_title, _extend_titles, _window_left


@Language.factory("dateline_actors", default_config={"user_actors": None}, requires=["doc.ents", "token.dep"],
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
                # of two fuller names sharing it ("Kim Dae-jung" ... "Kim Jong Un" ... "Kim"), the one
                # the article names most so far, the later on a tie
                fuller = [(len(g.mentions), i, g) for i, g in enumerate(groups)
                          if g.label == "PERSON" and key in g.tokens and len(g.tokens) > 1]
                linked = max(fuller, key=lambda f: (f[0], f[1]))[2] if len(fuller) > 1 else short_links.get(key)
                if linked is None and fuller:
                    linked = fuller[0][2]
                if linked is not None:
                    short_links[key] = linked
                    m.group = linked
                    m.label = "PERSON"
                    linked.mentions.append(m)
                    if not any(e["kind"] == "coreference" and e["detail"].startswith(repr(text)) for e in linked.evidence):
                        how = "the one named most" if len(fuller) > 1 else "earlier in the article"
                        linked.evidence.append(_evidence("coreference", f"{text!r} -> {linked.name!r} (same name, {how})"))
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

    _untagged_surnames(ctx, groups)
    _compass_states(ctx, groups)

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
                if words & cue_words("female_word"):
                    g.gender = g.gender or "f"
                elif words & cue_words("male_word"):
                    g.gender = g.gender or "m"

    _code_ethnic(ctx, groups)
    _link_nominals_and_pronouns(ctx, groups)
    _add_instrument_doers(ctx)
    _code_nominals(ctx, groups)
    _titled_context_country(ctx, groups)
    _extend_titles(ctx, groups)
    sentence_of = sentence_index(doc)
    return [_actor_dict(doc, g, sentence_of) for g in groups if g.mentions]


#: Dependency relations of a word that names a party to a clause (not a modifier of another noun).
_ARGUMENT_RELATIONS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "conj", "poss", "attr"})


def _untagged_surnames(ctx: Context, groups: list[Group]) -> None:
    """A person's surname or given name that the model's NER left untagged ("Ms Jamieson praised",
    "Schiff said", after "Cathy Jamieson" and "Adam Schiff" were named) joins the fuller name named
    before it, as a tagged one does (:func:`code_actors`): a proper noun standing alone (no proper
    noun beside it but an honorific), a party to its clause, outside every mention, one of the words
    of a person named in full earlier in the article (of two, the one named most so far, the later on
    a tie). Not inside a quotation (the speaker's words)."""
    doc = ctx.doc
    persons = {id(g) for g in groups if g.label == "PERSON" and len(g.tokens) > 1}
    if not persons:
        return
    words = frozenset(w for g in groups if id(g) in persons for w in g.tokens)
    texts = token_texts(doc)[0]
    for i, text in enumerate(texts):
        if text.lower() not in words or i in ctx.by_token:
            continue
        token = doc[i]
        if token.tag_ != "NNP" or token.ent_type_ or token.dep_ not in _ARGUMENT_RELATIONS or not text[:1].isupper():
            continue
        before = doc[i - 1] if i > 0 else None
        after = doc[i + 1] if i + 1 < len(doc) else None
        if (before is not None and before.pos_ == "PROPN" and before.lower_ not in en.ADDRESS_WORDS) or (
                after is not None and after.pos_ == "PROPN"):
            continue  # part of a longer name the model did not tag ("Trump Tower")
        fuller = [(sum(1 for m in g.mentions if m.start < i), k, g) for k, g in enumerate(groups)
                  if id(g) in persons and text.lower() in g.tokens and any(m.start < i for m in g.mentions)]
        if not fuller:
            continue
        if _in_quote(doc, i):
            continue
        group = max(fuller, key=lambda f: (f[0], f[1]))[2]
        _join(ctx, group, Mention(i, i + 1, "PERSON", group=group), text, "same name, untagged")


def _compass_states(ctx: Context, groups: list[Group]) -> None:
    """"The North" or "the South" standing alone (a party to its clause, capitalised, "the" before
    it, no capitalised word after it) names the state called "North X" or "South X" that the
    article names before it, the latest first ("North Korea fired a missile ... the North said"):
    it joins that state's mentions. Not inside a quotation."""
    doc = ctx.doc
    states = [g for g in groups if g.entry is not None and g.entry.kind == "country" and len(g.name.split()) > 1
              and g.name.split()[0].lower() in en.COMPASS_STATE_WORDS]
    if not states:
        return
    texts = token_texts(doc)[0]
    for i, text in enumerate(texts):
        if text.lower() not in en.COMPASS_STATE_WORDS or not text[:1].isupper() or i == 0 or i in ctx.by_token:
            continue
        token = doc[i]
        if doc[i - 1].lower_ != "the" or token.dep_ not in _ARGUMENT_RELATIONS:
            continue
        if i + 1 < len(doc) and texts[i + 1][:1].isupper():
            continue  # "the North Korean regime", "the South China Sea"
        named = [(max(m.start for m in g.mentions if m.start < i), g) for g in states
                 if g.name.split()[0].lower() == text.lower() and any(m.start < i for m in g.mentions)]
        if not named or _in_quote(doc, i):
            continue
        group = max(named, key=lambda n: n[0])[1]
        _join(ctx, group, Mention(i, i + 1, group.label, entry=group.entry, group=group), f"the {text}",
              "the state named before")


def _join(ctx: Context, group: Group, mention: Mention, words: str, why: str) -> None:
    """Add ``mention`` (of ``words``) to ``group``, as coreference, with one evidence line per group and words
    (:func:`_untagged_surnames`, :func:`_compass_states`)."""
    group.mentions.append(mention)
    ctx.by_token[mention.start] = mention
    if not any(e["kind"] == "coreference" and e["detail"].startswith(repr(words)) for e in group.evidence):
        group.evidence.append(_evidence("coreference", f"{words!r} -> {group.name!r} ({why})"))


def _actor_dict(doc: Doc, g: Group, sentence_of: Callable[[int], int]) -> dict[str, Any]:
    country, sector = split_code(g.code)
    mentions = sorted(g.mentions, key=lambda m: m.start)
    starts, texts = token_starts(doc), token_texts(doc)[0]  # (a mention's tokens lie inside the Doc)
    return {
        "name": g.name,
        "code": g.code,
        "country": country,
        "sector": sector,
        "label": g.label,
        "kb_id": g.entry.id if g.entry is not None else None,
        "evidence": g.evidence,
        "mentions": [{"text": _text(doc, m.start, m.end), "start": starts[m.start],
                      "end": starts[m.end - 1] + len(texts[m.end - 1]), "sentence": sentence_of(m.start)}
                     for m in mentions],
    }


def group_actors(doc: Doc) -> Doc:
    """Group the model's actor entities without coding them (an empty KB): the baseline grouping,
    for callers that want mentions and coreference of names but no codes."""
    doc._.actors = code_actors(doc, KnowledgeBase(snapshot="none"))
    return doc
