"""Coreference inside the article: nominals that name a person ("the official", "the president": cue
``person_noun``) and he/she/him join the most likely person before them; a body ("the government", "the
ministry") is no person and stays a nominal actor of its own (actors/nominals.py)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import syntax
from ..deferred import deferred_module
from ..doc import sentence_of, token_texts

from .mentions import Context, _evidence, Group, Mention, _text
from ..lang import en
from ..lexicon import cue_words




#: :mod:`dateline.quotes.marks`, imported at its first use (the quotes package imports actors).
_marks = deferred_module("dateline.quotes.marks")


def _in_quote(doc: Doc, i: int) -> bool:
    """Whether token i sits inside a quotation (:func:`dateline.quotes.marks.token_in_quotation`: the
    quote scan's, over sentences and paragraphs): a name or pronoun in a quote is the speaker's, not
    the writer's, and is not linked back."""
    return _marks().token_in_quotation(doc, i)


def _person_noun(token: Token) -> bool:
    """Whether a role noun names a person (cue ``person_noun``: "official", "president", "spokesman"), so
    that "the official" may be the person named before; a body ("government", "ministry", "army",
    "company") is not (xsides38: 1,000 such links on train joined a body to a person). Singular,
    non-possessive nouns only (the caller's: tag NN or NNP, no "'s" after), read by their lower case."""
    return token.lower_ in cue_words("person_noun")


def _persons_between(ctx: Context, start: int, end: int) -> list[Mention]:
    seen: list[Mention] = []
    for i in range(start, end):
        m = ctx.by_token.get(i)
        if m is not None and m.group is not None and m.group.label == "PERSON" and (not seen or seen[-1] is not m):
            seen.append(m)
    return seen


def _antecedent(ctx: Context, i: int, *, gender: str | None, recency: bool = False) -> Group | None:
    """The person token ``i`` (he/she, "the official") points back to: the subject of the main clause
    after a fronted clause it opens ("As he did last year ..., the official traveled"), else by
    :func:`dateline.syntax.antecedent` over the persons of its gender in its sentence and the two
    before (in a sentence before, the first subject of any of its clauses first, "A report said Kerry
    had met Putin. He ...": Kerry, not Putin; unless ``recency``: a definite description takes the latest)."""
    doc = ctx.doc
    token = doc[i]

    def fits(g: Group) -> bool:
        return not (gender and g.gender and g.gender != gender)

    verb = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "advcl" and verb.i < verb.head.i:
        for child in verb.head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i > i:
                m = ctx.by_token.get(child.i)
                if m is not None and m.group is not None and m.group.label == "PERSON" and fits(m.group):
                    return m.group
    first = sentence_of(doc, token.i)[0]
    for _ in range(2):
        if first > 0:
            first = sentence_of(doc, first - 1)[0]
    candidates = [(m.start, m.end, m.group) for m in _persons_between(ctx, first, i)
                  if m.group is not None and fits(m.group)]
    return syntax.antecedent(token, candidates, sentences=2, subject_first=not recency,
                             subject=lambda span: span.root.dep_ in ("nsubj", "nsubjpass"))


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
        if not _person_noun(doc[end - 1]):
            # "the government", "the ministry", "the company": a body, not the person before it (the
            # nominal's evidence names the person it is not, actors/nominals.py ``_add_nominal``)
            group = _antecedent(ctx, det, gender=None, recency=True)
            if group is not None:
                ctx.bodies[start] = group.name
            continue
        # a definite description points back to the latest person (recency), not the topic
        group = _antecedent(ctx, det, gender=None, recency=True)
        if group is not None:
            _add_link(ctx, group, det, end, "nominal")
    # pronouns he/she/him/her (personal, not possessive), outside quotations
    # (found by their lower case, ``str.lower`` of the texts read once per Doc: a Token object only
    # for a pronoun)
    texts = token_texts(doc)[0]
    for i in [i for i, text in enumerate(texts) if text.lower() in en.GENDERED_PRONOUNS]:
        token = doc[i]
        gender = en.GENDERED_PRONOUNS[texts[i].lower()]
        if token.tag_ != "PRP" or token.i in ctx.by_token or _in_quote(doc, token.i):
            continue
        group = _antecedent(ctx, token.i, gender=gender)
        if group is not None:
            group.gender = group.gender or gender
            _add_link(ctx, group, token.i, token.i + 1, "pronoun")
