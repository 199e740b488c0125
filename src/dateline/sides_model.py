"""A learned side chooser (issue 11): a candidate ranker over the countries an event's side could be.

The rules (events/roles.py, actors/countries.py) choose each side; this model re-ranks, for each
side, the candidate countries: those of the actor mentions in the event's sentence, of the previous
sentence, the dateline's and the article's most named country, NONE, and the rules' own choice. A
logistic regression per side (trained by ``tools/learned_sides.py`` on the labelled train articles;
``make train-learned``) scores each candidate from generic features: the dependency path between the
mention nearest the trigger and the trigger (the mention's labels up to their lowest common
ancestor, the trigger's, its length, whether the trigger dominates it, same clause), distance,
before/after, inside a quote, the mention's kind and sector, the share of the article's mentions,
the CAMEO root and PLOVER type (for NONE), whether and by which rule the rules chose it, crossed
with the candidate's kind. The direct relation to the trigger (subject, object ...) is left out: with
it the model learned to copy the rules (the rules read those relations) and gained less on held-out
articles (eval/README.md). The rules' choice is replaced only where the model's best candidate beats it by more than the
model's ``margin`` in probability; the side then names ``ranker`` in ``evidence.rules``
(``source_country`` / ``target_country``). Session 40 (targets40, its mend): a target moved to a country its own
sentence names apart (:func:`inside`: a mention in the sentence that is not a venue, not a country its actor has only
by default from the article, and not the other side's own mention), or to NONE, needs only
``margin["target_sentence"]`` (0.0); any other still needs ``margin["target"]`` (0.16): one read from the sentence
before, the dateline or the article, or one the sentence names only so (:func:`margin_for`); a target a guideline
rule gave is left (:func:`guideline_country`).

Session 22: optional feature groups (:data:`GROUPS`; the model's ``meta.groups``): ``frame`` (each mention's
attachment to the trigger: subject, object, the object of "against" / "with" / "to", the possessor or "of"
object of such an argument, alone and by the root's quad class), ``none`` (the trigger's own arguments on
the NONE candidate: leaving a side empty is learned from the sentence) and ``code`` (a country, a
transnational prefix or a sector code with no country); chosen by repeated cross-fitting on train
(eval/sessions/22.md).

The features are computed on the rules' sides (as in training) before any side is changed. Running
the model needs no scikit-learn: weights by feature name, read once per process.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from .actors import actor_ref
from .actors.countries import ARMED_GROUP_PREFIX, ARMED_GROUP_RULE, MISSING_PREFIX, REGION_PHRASE, STATES_AT_LARGE, placeless_group
from .codebook import country_codes
from .confidence import chosen_margin, leave_learned, packaged_model
from .deferred import deferred_module
from .doc import doc_text, heads_and_deps, per_doc, sentence_paragraphs, sentences, trigger_head
from .kb import CAMEO_TRANSNATIONAL, split_code
from .lang.en import VENUE_PREPOSITIONS
from .newseval import country_level

MODEL_RESOURCE = "data/sides/model.json"
ROLES = ("source", "target")
#: Set by tools/learned_sides.py while it codes the training data: the rules' sides, unranked.
DISABLED = False

CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "acl"})


def bucket(n: int, edges: tuple[int, ...] = (0, 1, 2, 3, 5, 8, 12, 20)) -> str:
    """A count as a feature value: the first edge at or above it, else ">" the last (also the trigger proposer's)."""
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _path(a: Token, b: Token) -> tuple[list[str], list[str]] | None:
    """Dependency labels from ``a`` up to the lowest common ancestor, and from ``b`` up to it, or None
    when they have none (30 steps at most): read from the Doc's head and label arrays (a walk through
    ``token.head`` makes a new Token object at each step)."""
    heads, deps = heads_and_deps(a.doc)
    up_a = [a.i]
    while heads[up_a[-1]] != up_a[-1] and len(up_a) < 30:
        up_a.append(heads[up_a[-1]])
    index = {i: k for k, i in enumerate(up_a)}
    chain_b: list[str] = []
    t = b.i
    for _ in range(30):
        if t in index:
            return [deps[x] for x in up_a[:index[t]]], chain_b
        if heads[t] == t:
            return None
        chain_b.append(deps[t])
        t = heads[t]
    return None


def mention_features(doc: Doc, m: dict[str, Any], trigger: Token | None, sentence: Span | None) -> dict[str, float]:
    """The features of a mention (its offsets ``start``, ``end``) as a candidate side of the event of
    ``trigger`` in ``sentence``. Computed once per Doc, mention, trigger and sentence (both sides of an
    event, and every event of one trigger, ask for the same): the dict is shared, read it only."""
    key = (m["start"], m["end"], None if trigger is None else trigger.i, None if sentence is None else sentence.start)
    done: dict[tuple[Any, ...], dict[str, float]] = per_doc(doc, "sides_model.mention_features", lambda d: {})
    if key not in done:
        done[key] = _mention_features(doc, m, trigger, sentence)
    return done[key]


#: :mod:`dateline.quotes.marks`, imported at its first use (the quotes package imports this module).
_marks = deferred_module("dateline.quotes.marks")


def _mention_features(doc: Doc, m: dict[str, Any], trigger: Token | None, sentence: Span | None) -> dict[str, float]:
    head = _head(doc, m)
    if head is None or trigger is None:
        return {"no_span": 1.0}
    out: dict[str, float] = {}
    path = _path(head, trigger)
    if path is None:
        out["path=none"] = 1.0
    else:
        up_m, up_t = path
        out[f"path_len={bucket(len(up_m) + len(up_t))}"] = 1.0
        out[f"path_m={'/'.join(up_m[:3])}"] = 1.0
        out[f"path_t={'/'.join(up_t[:2])}"] = 1.0
        out[f"path_m1={up_m[0] if up_m else '-'}"] = 1.0
        out["same_clause"] = float(not any(d in CLAUSE_DEPS for d in up_m[1:] + up_t) and len(up_t) <= 1)
        out["trigger_is_ancestor"] = float(not up_t)
    if _is_venue(head):
        out["venue"] = 1.0
    dist = head.i - trigger.i
    out["after" if dist > 0 else "before"] = 1.0
    out[f"dist={bucket(abs(dist))}"] = 1.0
    if sentence is not None:
        out["in_quote"] = float(_marks().in_quotation(doc, m["start"]))  # the mention is inside a quotation
    return out


#: Optional feature groups (session 22; the model's ``meta.groups`` says which it was fitted with), each by
#: the prefixes of its feature names: ``frame``, the mention's attachment to the trigger (subject, object,
#: the object of "against" / "with" / "to" ..., or the possessor or modifier of such an argument), alone
#: and crossed with the root family; ``none``, the trigger's own frame on the NONE candidate (which
#: arguments it has), so that leaving a side empty is learned from the sentence; ``ctx``, features of the
#: candidates named only around the sentence (the previous sentence's subject, its count there); ``code``, the
#: candidate's kind of code (country, transnational, sector); ``fam``, the path, the rule's choice and the other
#: side crossed with the root family; ``rframe`` (session 27), the ``frame`` and NONE features crossed with the
#: CAMEO root itself ("with" names a meeting's partner but a statement's topic); ``rother`` (session 27), the
#: other side's own country as this side, by root (whether it is also named apart); ``headline`` (session 27),
#: the countries the headline names as candidates of the target (``pool=headline``), first or later, and how many;
#: ``hlfeat`` (session 27), whether a candidate found otherwise is also named in the headline, first or later;
#: ``dom`` and ``fsent`` (session 31), the article as domestic or foreign news for the other side's country and whether
#: the sentence names a foreign country (:func:`domestic_features`; not shipped).
#: The shipped model's groups are in its ``meta.groups``; only ``headline`` and ``hlfeat`` read the headline.
GROUPS = {"frame": ("frame=", "fframe="), "none": ("none_has=", "none_pos=", "none_nsent="),
          "ctx": ("prev_subj", "prev_n=", "ctx_fam="),
          "code": ("code_kind=",), "fam": ("fpath=", "fchosen=", "fother="),
          "rframe": ("rframe=", "rnone="), "rother": ("rother=", "rother_named="),
          "headline": ("pool=headline", "hl_"), "hlfeat": ("hlf_",), "dom": ("dom=", "dom_top=", "dom_ftop="),
          "fsent": ("fsent=",),
          "attr": ("spk=", "gov=", "kframe="), "count": ("ment_n=", "par_n="), "coord": ("coord=",),
          "artfam": ("artc=",), "sdist": ("sdist=",)}
#: The session-42 groups (sides42; measured, see eval/sessions/42.md "sides42"): ``attr``, the candidate's
#: role in an attribution frame (the subject of a speech verb: :func:`_speaker_role`), its relation to the verb
#: that governs the trigger (:func:`_governor_role`) and its ``frame`` crossed with the trigger's kind (verb /
#: noun); ``count``, its nearest mention's entity's number of mentions in the article and the candidate's
#: mentions in the sentence's paragraph; ``coord``, a mention coordinated with another country's mention;
#: ``artfam``, the dateline's and the headline's countries crossed with the root family; ``sdist``, the
#: candidate's distance in sentences (0, 1, or the article) crossed with the trigger's kind.
S42_GROUPS = frozenset({"attr", "count", "coord", "artfam", "sdist"})


@cache
def _countries() -> frozenset[str]:
    from .codebook import country_codes
    return frozenset(country_codes())


def code_kind(code: str) -> str:
    """A candidate's code at the eval's level: a country, a transnational prefix, or a sector code with
    no country (which a label names only rarely)."""
    return "country" if code in _countries() else "trans" if code in CAMEO_TRANSNATIONAL else "sector"


def in_groups(name: str, groups: frozenset[str] | set[str] | tuple[str, ...]) -> bool:
    """Whether feature ``name`` is computed with the optional ``groups`` (features of no group always are)."""
    for group, prefixes in GROUPS.items():
        if name.startswith(prefixes):
            return group in groups
    return True


def root_family(cameo: str) -> str:
    """The CAMEO root's quad class: verbal cooperation (01-05), material cooperation (06-08), verbal
    conflict (09-13), material conflict (14-20); '?' when there is no root."""
    try:
        root = int(str(cameo)[:2])
    except ValueError:
        return "?"
    return "vcoop" if root <= 5 else "mcoop" if root <= 8 else "vconf" if root <= 13 else "mconf"


def _frame(head: Token, trigger: Token, depth: int = 0) -> str:
    """How the mention's head attaches to the trigger: its own relation when the trigger governs it
    ("nsubj", "dobj" ...), ``prep:<word>`` for the object of a preposition on the trigger ("against",
    "with", "to" ...), ``agent`` for a passive's "by" object, ``<dep>><relation>`` for the possessor,
    modifier or "of" object of a word that so attaches ("Russia's army attacked", "attacked Syrian
    forces", "the president of France said"), a conjunct as its first conjunct; else "other"."""
    if head.i == trigger.i:
        return "trigger"
    up = head.head
    if up.i == trigger.i:
        return head.dep_
    if head.dep_ == "pobj" and up.head.i == trigger.i and up.i != trigger.i:
        return "agent" if up.dep_ == "agent" else f"prep:{up.lower_}"
    if head.dep_ == "conj" and depth < 2:
        return _frame(up, trigger, depth + 1)
    if depth < 2 and head.dep_ in ("poss", "compound", "amod", "nmod") and up.i != up.head.i:
        inner = _frame(up, trigger, depth + 1)
        return f"{head.dep_}>{inner}" if inner != "other" and ">" not in inner else "other"
    if depth < 2 and head.dep_ == "pobj" and up.lower_ == "of" and up.head.i != up.i:
        inner = _frame(up.head, trigger, depth + 1)
        return f"of>{inner}" if inner != "other" and ">" not in inner else "other"
    return "other"


def trigger_kind(trigger: Token | None) -> str:
    """The trigger's kind for the session-42 groups: "verb", "noun" or "other" (its part of speech)."""
    if trigger is None:
        return "none"
    return "verb" if trigger.pos_ in ("VERB", "AUX") else "noun" if trigger.pos_ in ("NOUN", "PROPN") else "other"


#: :mod:`dateline.quotes.cues`, imported at its first use (the quotes package imports this module).
_cues = deferred_module("dateline.quotes.cues")


def _speaker_role(head: Token, trigger: Token) -> str | None:
    """The mention as the speaker of an attribution frame: the subject of a speech cue (``data/quotes/cues.tsv``,
    role ``speech``: "said", "told" ...), ``gov`` when that cue governs the trigger (the trigger is in what the
    speaker says, or is the cue itself), ``apart`` when it does not; None when the mention is no such subject."""
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = head.head
    cue = _cues().load_cues().get(verb)
    if cue is None or cue.role != "speech":
        return None
    return "gov" if verb == trigger or verb.is_ancestor(trigger) else "apart"


def _governor_role(head: Token, trigger: Token) -> str | None:
    """The mention's relation to the word that governs the trigger (its head, through a preposition or a clausal
    link: "launched an attack", "vowed to retaliate", "the talks with"): ``<trigger's relation>:<mention's
    relation>`` for a subject, object or possessor of that word; None otherwise (or when the trigger is the root)."""
    up = trigger.head
    rel = trigger.dep_
    if up.i == trigger.i:
        return None
    if rel == "pobj" and up.dep_ == "prep" and up.head.i != up.i:
        rel, up = f"pobj:{up.lower_}", up.head
    if head.head.i != up.i or head.i == trigger.i:
        return None
    if head.dep_ not in ("nsubj", "nsubjpass", "dobj", "poss", "agent", "dative"):
        return None
    return f"{rel}:{head.dep_}"


def _coordinated(head: Token, others: set[int]) -> bool:
    """The mention's head is a conjunct of (or has as its conjunct) another mention's head of ``others``."""
    if head.dep_ == "conj" and head.head.i in others:
        return True
    return any(c.dep_ == "conj" and c.i in others for c in head.children)


def _frame_of(doc: Doc, head: Token, trigger: Token) -> str:
    """:func:`_frame`, once per Doc, head and trigger (both sides of an event ask for it)."""
    done: dict[tuple[int, int], str] = per_doc(doc, "sides_model.frames", lambda d: {})
    key = (head.i, trigger.i)
    if key not in done:
        done[key] = _frame(head, trigger)
    return done[key]


def _head(doc: Doc, m: dict[str, Any]) -> Token | None:
    """The syntactic head of a mention, looked up once per Doc and mention offsets."""
    heads: dict[tuple[int, int], Token | None] = per_doc(doc, "sides_model.heads", lambda d: {})
    key = (m["start"], m["end"])
    if key not in heads:
        span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
        heads[key] = span.root if span is not None and len(span) else None
    return heads[key]


def _is_venue(head: Token) -> bool:
    """The mention is the object of a preposition of place ("in Paris", "at the Kremlin"): where the act
    happens, not who does it or to whom (docs/annotation.md section 4: a venue is not a side)."""
    return head.dep_ == "pobj" and head.head.lower_ in VENUE_PREPOSITIONS


def _country_by_default(actor: dict[str, Any]) -> bool:
    """The actor's country is the article's one country (dateline.actors.nominals: "the company" in an
    article about China), not one the text gives it."""
    return any("the article's" in str(e.get("detail") or "") for e in actor.get("evidence") or [])


def _norm(text: Any) -> str:
    return " ".join(str(text or "").lower().split())


def actor_country(actor: dict[str, Any]) -> str | None:
    """The country of an actor at the level the eval judges (:func:`dateline.newseval.country_level`), None
    when it has none (``UNK``, ``NONE``): what a side candidate's country is read from."""
    level = country_level(actor)
    return None if level in ("UNK", "NONE") else level


def _country_mentions(doc: Doc) -> tuple[list[tuple[dict[str, Any], str, dict[str, Any]]], dict[Any, list[int]]]:
    """Every mention of an actor with a country, as (actor, country, mention) in actor-then-mention
    order, and the positions of each sentence's mentions in that list: built once per Doc, so that each
    event's side looks at its own and the previous sentence's mentions instead of every mention."""
    def build(d: Doc) -> tuple[list[tuple[dict[str, Any], str, dict[str, Any]]], dict[Any, list[int]]]:
        rows: list[tuple[dict[str, Any], str, dict[str, Any]]] = []
        by_sentence: dict[Any, list[int]] = defaultdict(list)
        for actor in d._.actors or []:
            country = actor_country(actor)
            if country is None:
                continue
            for m in actor.get("mentions") or []:
                by_sentence[m.get("sentence")].append(len(rows))
                rows.append((actor, country, m))
        return rows, dict(by_sentence)
    return per_doc(doc, "sides_model.country_mentions", build)


@dataclass
class EventPool:
    """What an event's candidates are for both of its sides (:func:`event_pool`): computed once per event,
    each side then adds what depends on it (:func:`candidates`)."""

    #: candidate country -> features, in the order they were found, before any side-specific feature
    cands: dict[str, dict[str, float]]
    #: the offsets of the mention nearest the trigger of each candidate named in the sentence
    spans: dict[str, tuple[int, int]]
    #: each mention of the sentence with a country: (country, its text normalised, is a venue, its actor's
    #: code, its country by default), for the countries named apart from the other side
    named: list[tuple[str, str, bool, Any, bool]]


def event_pool(doc: Doc, event: dict[str, Any], article_info: dict[str, Any], sents: list[Span],
               groups: frozenset[str] | set[str] | tuple[str, ...] = ()) -> EventPool:
    """The candidates of an event's sides and every feature of theirs that does not depend on the side."""
    s = event.get("sentence")
    span = event.get("span") or [0, 0]
    trigger = trigger_head(doc, event)
    sentence = sents[s] if isinstance(s, int) and 0 <= s < len(sents) else None
    cands: dict[str, dict[str, float]] = defaultdict(dict)
    best: dict[str, tuple[int, dict[str, float], dict[str, Any]]] = {}
    counts: Counter[str] = Counter()
    named: list[tuple[str, str, bool, Any, bool]] = []
    text = doc_text(doc)
    rows, by_sentence = _country_mentions(doc)
    here = by_sentence.get(s, [])
    previous = by_sentence.get(s - 1, []) if isinstance(s, int) else []
    family = root_family(str(event.get("cameo") or ""))
    frames: dict[str, set[str]] = defaultdict(set)
    prev_counts: Counter[str] = Counter()
    s42 = S42_GROUPS & set(groups)
    tkind = trigger_kind(trigger)
    extra: dict[str, set[str]] = defaultdict(set)  # the session-42 groups' features by candidate
    heads_of: dict[str, set[int]] = defaultdict(set)
    for k in sorted(here + previous):  # the order of a scan of every actor's mentions
        actor, country, m = rows[k]
        if m.get("sentence") == s:
            counts[country] += 1
            feats = mention_features(doc, m, trigger, sentence)
            if ("frame" in groups or "attr" in groups or "coord" in groups) and trigger is not None:
                head = _head(doc, m)
                if head is not None:
                    frame = _frame_of(doc, head, trigger)
                    if "frame" in groups:
                        frames[country].add(frame)
                    heads_of[country].add(head.i)
                    if "attr" in groups:
                        extra[country].add(f"kframe={tkind}:{frame}")
                        speaker = _speaker_role(head, trigger)
                        if speaker:
                            extra[country].add(f"spk={speaker}")
                            extra[country].add(f"spk={tkind}:{speaker}")
                        governor = _governor_role(head, trigger)
                        if governor:
                            extra[country].add(f"gov={tkind}:{governor}")
            named.append((country, _norm(text[m["start"]:m["end"]]), bool(feats.get("venue")), actor.get("code"),
                          _country_by_default(actor)))
            dist = abs(m["start"] - span[0])
            if country not in best or dist < best[country][0]:
                best[country] = (dist, feats, {**actor, "_m": m})
        else:
            cands[country]["pool=prev"] = 1.0
            if "ctx" in groups:
                prev_counts[country] += 1
                head = _head(doc, m)
                if head is not None and head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT":
                    cands[country]["prev_subj"] = 1.0
    root = str(event.get("cameo") or "")[:2]
    plover = str((event.get("plover") or {}).get("event") or "")
    spans: dict[str, tuple[int, int]] = {}
    for country, (_, feats, actor) in best.items():
        c = cands[country]
        c["pool=sent"] = 1.0
        c.update(feats)
        c[f"label={actor.get('label')}"] = 1.0
        c[f"sector={actor.get('sector')}"] = 1.0
        c[f"sent_mentions={bucket(counts[country], (1, 2, 3))}"] = 1.0
        spans[country] = (actor["_m"]["start"], actor["_m"]["end"])
        if "count" in groups:  # (session 42) the entity of the mention nearest the trigger: how often the article names it
            c[f"ment_n={bucket(len(actor.get('mentions') or []), (1, 2, 3, 5, 8, 12))}"] = 1.0
    if article_info.get("dateline"):
        cands[article_info["dateline"]]["pool=dateline"] = 1.0
    if "headline" in groups:
        named_in_headline = article_info.get("headline") or []
        for k, country in enumerate(named_in_headline):
            c = cands[country]
            c["pool=headline"] = 1.0
            c["hl_first" if k == 0 else "hl_later"] = 1.0
            c[f"hl_n={bucket(len(named_in_headline), (1, 2, 3))}"] = 1.0
    if article_info.get("top"):
        cands[article_info["top"]]["pool=top"] = 1.0
    for country, kinds in frames.items():
        for kind in kinds:
            cands[country][f"frame={kind}"] = 1.0
            cands[country][f"fframe={family}:{kind}"] = 1.0
    if "ctx" in groups:
        for country, n in prev_counts.items():
            cands[country][f"prev_n={bucket(n, (1, 2, 3))}"] = 1.0
        for country, c in cands.items():
            if "pool=sent" not in c:
                c[f"ctx_fam={family}"] = 1.0
    if s42:
        _s42_features(doc, cands, extra, heads_of, s, tkind, groups)
    cands["NONE"]["pool=none"] = 1.0
    cands["NONE"][f"none_root={root}"] = 1.0
    cands["NONE"][f"none_plover={plover}"] = 1.0
    if "none" in groups and trigger is not None:
        none = cands["NONE"]
        none[f"none_pos={trigger.pos_}"] = 1.0
        none[f"none_nsent={bucket(len(best), (0, 1, 2, 3))}"] = 1.0
        for child in trigger.children:
            dep = child.dep_
            if dep == "prep":
                dep = f"prep:{child.lower_}"
            elif dep not in ("nsubj", "nsubjpass", "dobj", "dative", "agent", "poss", "compound", "amod", "ccomp", "xcomp"):
                continue
            none[f"none_has={dep}"] = 1.0
            none[f"none_has={family}:{dep}"] = 1.0
    return EventPool(dict(cands), spans, named)


def _paragraph_counts(doc: Doc) -> tuple[list[int], dict[int, Counter[str]]]:
    """Each sentence's paragraph, and each paragraph's mentions by country (once per Doc)."""
    def build(d: Doc) -> tuple[list[int], dict[int, Counter[str]]]:
        of = sentence_paragraphs(d)
        tally: dict[int, Counter[str]] = defaultdict(Counter)
        for _, country, m in _country_mentions(d)[0]:
            sent = m.get("sentence")
            if isinstance(sent, int) and 0 <= sent < len(of):
                tally[of[sent]][country] += 1
        return of, dict(tally)
    return per_doc(doc, "sides_model.paragraph_counts", build)


def _s42_features(doc: Doc, cands: dict[str, dict[str, float]], extra: dict[str, set[str]],
                  heads_of: dict[str, set[int]], s: Any, kind: str, groups: Any) -> None:
    """The session-42 groups' features (:data:`S42_GROUPS`) added to the event's candidates in place."""
    for country, names in extra.items():
        for name in names:
            cands[country][name] = 1.0
    if "coord" in groups:
        for country, heads in heads_of.items():
            others = set().union(*(h for c, h in heads_of.items() if c != country))
            if others and any(_coordinated(doc[i], others) for i in heads):
                cands[country]["coord=other"] = 1.0
                cands[country][f"coord={kind}"] = 1.0
    if "count" in groups:
        of, tally = _paragraph_counts(doc)
        here = tally.get(of[s], Counter()) if isinstance(s, int) and 0 <= s < len(of) else Counter()
        for country, c in cands.items():
            c[f"par_n={bucket(here.get(country, 0), (0, 1, 2, 3, 5))}"] = 1.0
    if "sdist" in groups:
        for country, c in cands.items():
            where = "0" if "pool=sent" in c else "1" if "pool=prev" in c else "art"
            c[f"sdist={kind}:{where}"] = 1.0


def candidates(doc: Doc, event: dict[str, Any], role: str, article_info: dict[str, Any],
               sents: list[Span], spans: dict[str, tuple[int, int]] | None = None,
               groups: frozenset[str] | set[str] | tuple[str, ...] = (),
               pool: EventPool | None = None) -> dict[str, dict[str, float]]:
    """Candidate country -> features, for one side of one event; ``spans`` (when given) receives the
    offsets of the mention nearest the trigger of each candidate named in the sentence. ``groups``: the
    optional feature groups (:data:`GROUPS`) to compute. ``pool``: the event's :func:`event_pool` (with
    the same ``article_info``, ``sents`` and ``groups``) when already computed for its other side."""
    if pool is None:
        pool = event_pool(doc, event, article_info, sents, groups)
    if spans is not None:
        spans.update(pool.spans)
    rules = ((event.get("evidence") or {}).get("rules") or {})
    family = root_family(str(event.get("cameo") or ""))
    cands: dict[str, dict[str, float]] = defaultdict(dict, {country: dict(f) for country, f in pool.cands.items()})
    other_side = event.get("target" if role == "source" else "source") or {}
    other_text = _norm(other_side.get("text"))
    other_code = other_side.get("code")
    #: countries named in the sentence by an actor other than the other side's (another text and code), not as a
    #: venue, and not by default (the article's one country)
    named = {country for country, own, venue, code, by_default in pool.named
             if own and own != other_text and other_text not in own and not venue and code != other_code
             and not by_default}
    current = country_level(event.get(role))
    if role == "source":  # the headline's countries are candidates of the target only (session 27)
        for country in [c for c, f in cands.items() if f.get("pool=headline") and c != current
                        and not any(k.startswith("pool=") and k != "pool=headline" for k in f)]:
            del cands[country]
    if current != "UNK":
        if current not in cands:
            cands[current]["pool=current_only"] = 1.0
        c = cands[current]
        c["chosen"] = 1.0
        c[f"chosen_rule={rules.get(role)}"] = 1.0
        c[f"chosen_country_rule={str(rules.get(role + '_country', 'own')).split(':')[0]}"] = 1.0
    other = country_level(event.get("target" if role == "source" else "source"))
    shares = article_info.get("shares", {})
    in_headline = article_info.get("headline") or []
    for country, c in cands.items():
        if country == "NONE":
            continue
        if "hlfeat" in groups and country in in_headline:
            # a candidate found otherwise that the headline names too (not a candidate of its own)
            c["hlf_in" if in_headline.index(country) else "hlf_first"] = 1.0
        if "code" in groups:
            c[f"code_kind={code_kind(country)}"] = 1.0
        if "artfam" in groups:
            if country == article_info.get("dateline"):
                c[f"artc={family}:dateline"] = 1.0
            if country in in_headline:
                c[f"artc={family}:{'hl_later' if in_headline.index(country) else 'hl_first'}"] = 1.0
        if "fam" in groups:
            for name in [n for n in c if n.startswith("path_m1=")]:
                c[f"fpath={family}:{name[8:]}"] = 1.0
            if c.get("chosen"):
                c[f"fchosen={family}:{rules.get(role)}"] = 1.0
            if country == other:
                c[f"fother={family}"] = 1.0
        c["other_side"] = float(country == other)
        c["named_apart"] = float(country in named)
        c["article_share"] = shares.get(country, 0.0)
        c["is_top"] = float(country == article_info.get("top"))
        c["is_dateline"] = float(country == article_info.get("dateline"))
    return dict(cands)


#: The optional groups that read the headline's countries (``article_info``'s ``headline``).
HEADLINE_GROUPS = frozenset({"headline", "hlfeat", "artfam"})


def article_info(doc: Doc, kb: Any, *, headline: bool = True) -> dict[str, Any]:
    """What the candidates read of the whole article: its most named country (``top``), the dateline's, each
    country's share of the actor mentions and, with ``headline``, the countries the headline names
    (:func:`headline_countries`: only the groups :data:`HEADLINE_GROUPS` read them)."""
    tally: Counter[str] = Counter()
    for actor in doc._.actors or []:
        country = actor_country(actor)
        if country is not None:
            tally[country] += len(actor.get("mentions") or [])
    total = sum(tally.values()) or 1
    dateline = None
    place = doc._.dateline
    if place:
        for text in (place, place.split(",")[0], place.split(",")[-1]):
            dateline = kb.country_of(text.strip())
            if dateline:
                break
    return {"top": tally.most_common(1)[0][0] if tally else None, "dateline": dateline,
            "shares": {k: v / total for k, v in tally.items()},
            "headline": headline_countries(doc, kb) if headline else []}


#: A word of a headline (letters, digits, and the dots, apostrophes and hyphens inside names: "U.S.", "Kim's").
_HEADLINE_WORD = re.compile(r"[\w][\w.'\u2019-]*")


def headline_countries(doc: Doc, kb: Any) -> list[str]:
    """The countries the article's headline (``doc._.headline``; the body's Doc does not hold it) names,
    in the order named: a country's name, adjective or seat ("Syria", "Russian", "Beijing": the KB's
    :meth:`country_of` on each run of one to three words), or a mention of one of the article's actors
    with a country ("Trump", "Kim Jong Un"). An event's side may be the country the whole article is
    about, named in no sentence near it (session 27)."""
    headline = str(getattr(doc._, "headline", None) or "").strip()
    if not headline:
        return []
    found: dict[str, int] = {}
    words = [(m.start(), m.group()) for m in _HEADLINE_WORD.finditer(headline)]
    i = 0
    while i < len(words):
        step = 1
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            text = " ".join(w for _, w in words[i:i + n])
            if n == 1 and (len(text) < 2 or not text[0].isupper()):
                continue
            country = kb.country_of(text) or kb.country_of(text.rstrip(".'\u2019-"))
            if country:
                found.setdefault(country, words[i][0])
                step = n  # past the name: "Sudan" of "South Sudan" is not another country
                break
        i += step
    lowered = headline.lower()
    for actor in doc._.actors or []:
        country = actor_country(actor)
        if country is None or country in found or code_kind(country) != "country":
            continue
        for m in actor.get("mentions") or []:
            text = doc_text(doc)[m["start"]:m["end"]].strip()
            # a person's mention also by its last word ("President Trump" -> "Trump")
            texts = [text, text.split()[-1]] if actor.get("label") == "PERSON" and text else [text]
            at = -1
            for t in (t.lower() for t in texts if len(t) >= 4 and t[0].isupper()):
                at = lowered.find(t)
                if at >= 0 and (at == 0 or not lowered[at - 1].isalnum()) and (
                        at + len(t) >= len(lowered) or not lowered[at + len(t)].isalnum()):
                    break
                at = -1
            if at >= 0:
                found[country] = at
                break
    return [c for c, _ in sorted(found.items(), key=lambda kv: kv[1])]



def features(cands: dict[str, dict[str, float]], current: str, rules: dict[str, Any], role: str,
             cameo: str = "", groups: frozenset[str] | set[str] | tuple[str, ...] = ()) -> dict[str, dict[str, float]]:
    """The candidates' features plus each candidate's kind (named in the sentence, only around it, or
    NONE) crossed with the rule that chose the rules' side and with whether that side is NONE, UNK or
    a country. ``cameo`` and ``groups``: the event's code, for the optional groups computed here
    (``rframe``, ``rother``: computed from the other features and the root, not by :func:`candidates`)."""
    state = current if current in ("NONE", "UNK") else "country"
    rule = f"{rules.get(role)}|{str(rules.get(role + '_country', 'own')).split(':')[0]}"
    root = str(cameo or "")[:2] or "-"
    out = {}
    for country, feats in cands.items():
        f = dict(feats)
        kind = "NONE" if country == "NONE" else ("sent" if "pool=sent" in feats else "context")
        if country != current:
            f[f"alt_rule={rule}:{kind}"] = 1.0
            f[f"alt_state={state}:{kind}"] = 1.0
        else:
            f[f"cur_rule_kind={rule}:{kind}"] = 1.0
        if "rframe" in groups:
            # the candidate's attachment to the trigger by the CAMEO root itself (not only its quad class):
            # "with" names the partner of a meeting (04) but the topic of a statement (01) ...
            for name in [n for n in feats if n.startswith("frame=")]:
                f[f"rframe={root}:{name[6:]}"] = 1.0
            for name in [n for n in feats if n.startswith("none_has=") and n.count(":") == 0]:
                f[f"rnone={root}:{name[9:]}"] = 1.0
            if kind == "NONE":
                f[f"rnone={root}"] = 1.0
        if "rother" in groups and feats.get("other_side"):
            # the other side's own country as this side, by root: a statement or an act at home
            f[f"rother={root}:{kind}"] = 1.0
            f[f"rother_named={root}:{int(bool(feats.get('named_apart')))}"] = 1.0
        out[country] = f
    if role == "target" and DOMESTIC_GROUPS & set(groups):  # the target's groups (the source is measured without)
        domestic_features(out, groups)
    return out


#: The optional groups :func:`domestic_features` computes.
DOMESTIC_GROUPS = frozenset({"dom", "fsent"})


def _share_bucket(share: float) -> str:
    return "<.2" if share < 0.2 else "<.4" if share < 0.4 else "<.6" if share < 0.6 else "<.8" if share < 0.8 else ">=.8"


def domestic_features(cands: dict[str, dict[str, float]], groups: frozenset[str] | set[str] | tuple[str, ...] = ()) -> None:
    """The ``dom`` and ``fsent`` groups (session 31, targets7; measured, not shipped): is the article domestic
    news of the other side's country or foreign news, and does the event's sentence name a foreign country at
    all? Each candidate's relation to the other side (``own``: the other side's country, ``foreign``: another
    country, ``trans``: a transnational or sector code, ``NONE``) crossed, in ``dom``, with the other side's
    share of the article's country mentions (``absent`` when it is no candidate) and with whether it is the
    country the article names most (a foreign candidate also by whether it is the most named), and in
    ``fsent`` with whether the sentence names a country other than the other side's. Added to ``cands`` in
    place, from the features :func:`candidates` gives (``other_side``, ``article_share``, ``is_top``,
    ``pool=sent``): no recoding of the cached rows."""
    own = next((c for c, f in cands.items() if c != "NONE" and f.get("other_side")), None)
    share = "absent" if own is None else _share_bucket(float(cands[own].get("article_share", 0.0)))
    own_top = int(own is not None and bool(cands[own].get("is_top")))
    foreign_in_sentence = int(any(c not in ("NONE", own) and "pool=sent" in f and code_kind(c) == "country"
                                  for c, f in cands.items()))
    for country, f in cands.items():
        rel = ("NONE" if country == "NONE" else "own" if country == own
               else "foreign" if code_kind(country) == "country" else "trans")
        if "dom" in groups:
            f[f"dom={rel}:{share}"] = 1.0
            f[f"dom_top={rel}:{own_top}"] = 1.0
            if rel == "foreign":
                f[f"dom_ftop={int(bool(f.get('is_top')))}:{share}"] = 1.0
        if "fsent" in groups:
            f[f"fsent={rel}:{foreign_in_sentence}"] = 1.0


def may_fill(feats: dict[str, float], fill: str, argument: bool = False, country: bool = False) -> bool:
    """Whether a side the rules left out (NONE) may be filled with this candidate (``SidesModel.choose``).
    ``argument`` (``meta.fill_argument``, session 22): a candidate named in the sentence must also be an
    argument of the trigger (a ``frame`` other than "other": its subject, object, the object of a
    preposition on it, or their possessor or modifier), so that "China condemned the cyberattacks on the
    company" is not aimed at the company, which is the object of the attack, not of the condemnation
    (measured and not shipped: it removed most of the session-22 gain). ``country`` (``meta.fill_country``,
    session 22, shipped): only a country, not a transnational or sector-only code (the ``code`` group's
    ``code_kind``), fills a left-out side: the same sentence is then not aimed at the company as a
    multinational."""
    if fill == "any":
        return True
    if feats.get("pool=headline") and not any(k.startswith("pool=") and k != "pool=headline" for k in feats):
        # named in the headline alone (session 27): not a side the text of the event names
        return False
    if country and not feats.get("code_kind=country"):
        return False
    if argument and "pool=sent" in feats and not any(k.startswith("frame=") and k != "frame=other" for k in feats):
        return False
    if fill != "named":
        return not feats.get("other_side")
    return bool(feats.get("named_apart")) if feats.get("other_side") else not feats.get("venue")


@dataclass
class SidesModel:
    """One logistic regression per side: weights by feature name, an intercept, and the margins.

    ``margin``: by side (``"source"``, ``"target"``), the probability by which the side's best candidate must beat
    the rules' choice to replace it; optionally ``"<side>_sentence"`` (``"target_sentence"``, session 40), the
    margin of a best candidate :func:`inside` the event's sentence (a country it names apart, or NONE), the side's
    own margin holding for the others (:func:`margin_for`). A model without the key keeps one margin per side."""

    weights: dict[str, dict[str, float]]
    intercept: dict[str, float]
    margin: dict[str, float]
    meta: dict[str, Any] = field(default_factory=dict)

    def prob(self, role: str, feats: dict[str, float]) -> float:
        w = self.weights[role]
        # the features the model has a weight for, in the features' order (a feature it has none for adds 0.0,
        # which changes no sum)
        z = self.intercept[role] + sum([w[k] * v for k, v in feats.items() if k in w])
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def choose(self, role: str, cands: dict[str, dict[str, float]], current: str) -> str:
        """The best candidate where it beats the rules' ``current`` by more than its margin, else
        ``current``: ``margin[role]``, or ``margin[f"{role}_sentence"]`` when the model has that key and the best
        candidate is :func:`inside` the sentence (:func:`pick`, :func:`margin_for`). A side the rules left out is filled with the other side's country only where the
        sentence names that country apart from the other side's own mention and not as the venue
        (docs/annotation.md section 4: NONE when the text names no such actor; a venue is not a side):
        the ranker does not make "China condemned ..." aimed at China, "the Paris attacks" done by
        France, "held talks in Paris" hosted by France; nor is a left-out side filled with a venue
        ("an attack on the embassy in Karachi" done by Pakistan). ``meta.fill`` "named": these rules;
        "none" (a model without the setting): never fill with the other side's country."""
        return self.scored(role, cands, current)[0]

    def scored(self, role: str, cands: dict[str, dict[str, float]], current: str,
               locked: bool = False) -> tuple[str, float, float]:
        """:meth:`choose`'s choice, with the model's probability of it and its margin over the best other
        candidate it could have chosen (the chosen one's probability when there is none): what
        :func:`rank_sides` leaves in ``evidence.learned`` for the confidence model. ``locked``: the side's
        country was given by a written guideline (:func:`guideline_country`): ``current`` is kept, and the
        probability and margin are those of ``current`` (:func:`pick`)."""
        fill = self.meta.get("fill", "none")
        probs = {c: self.prob(role, f) for c, f in cands.items()
                 if c == current or current != "NONE" or may_fill(f, fill, bool(self.meta.get("fill_argument")),
                                                                     bool(self.meta.get("fill_country")))}
        chosen = pick(probs, current, self.margin, role, locked, inside(cands))
        return (chosen, *chosen_margin(probs, chosen))

    def to_dict(self) -> dict[str, Any]:
        return {"weights": self.weights, "intercept": self.intercept, "margin": self.margin, "meta": self.meta}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SidesModel:
        return cls({r: {str(k): float(v) for k, v in w.items()} for r, w in data["weights"].items()},
                   {r: float(v) for r, v in data["intercept"].items()},
                   {r: float(v) for r, v in data["margin"].items()}, dict(data.get("meta", {})))


@cache
def shipped_model() -> SidesModel | None:
    """The model shipped in the package (None when there is none)."""
    return packaged_model(MODEL_RESOURCE, SidesModel)


def rank_sides(doc: Doc, kb: Any, model: SidesModel | None = None) -> Doc:
    """Re-choose the sides of every event of the Doc with the model (:class:`SidesModel`), and leave in
    the event's ``evidence.learned`` the model's probability of each side's chosen country and its margin
    over the best other candidate (``source_p``, ``source_margin``, ``target_p``, ``target_margin``:
    features of the confidence model, :func:`dateline.confidence.learned_features`)."""
    model = model or (None if DISABLED else shipped_model())
    if model is None or not doc._.events:
        return doc
    groups = frozenset(model.meta.get("groups") or ())
    info = article_info(doc, kb, headline=bool(groups & HEADLINE_GROUPS))
    sents = sentences(doc)
    for event in doc._.events:
        rules = dict((event.get("evidence") or {}).get("rules") or {})
        chosen: dict[str, tuple[str, tuple[int, int] | None]] = {}
        learned: dict[str, float] = {}  # the model's probability of each chosen side and its margin
        pool: EventPool | None = None
        for role in ROLES:
            if role not in model.weights:
                continue
            if pool is None:  # the candidates and what does not depend on the side: once for both sides
                pool = event_pool(doc, event, info, sents, groups)
            spans: dict[str, tuple[int, int]] = {}
            current = country_level(event.get(role))
            cands = features(candidates(doc, event, role, info, sents, spans, groups, pool), current, rules, role,
                             str(event.get("cameo") or ""), groups)
            new, p, margin = model.scored(role, cands, current, guideline_country(rules, role, event.get(role)))
            learned[f"{role}_p"], learned[f"{role}_margin"] = p, margin
            if new != current:
                chosen[role] = (new, spans.get(new))
        for role, (country, span) in chosen.items():
            _set_side(doc, event, role, country, span)
        leave_learned(event, learned)
    return doc


def inside(cands: dict[str, dict[str, float]]) -> frozenset[str]:
    """The candidates inside the event's sentence, which need only the side's ``<role>_sentence`` margin
    (:func:`margin_for`, session 40): NONE, and a country or transnational code the sentence names apart
    (``named_apart``, as :func:`may_fill` reads it): by a mention in the sentence that is not a venue ("talks in
    Paris"), not a country its actor has only by default from the article (:func:`_country_by_default`), and not
    the other side's own mention. A country the sentence names only so, or one read from the sentence before, the
    headline or the article, keeps the side's own margin. The one test of :meth:`SidesModel.scored` and
    ``tools/learned_sides.py`` (session 40 mend; countries only, transnational codes out, cost 8 right train
    events: eval/sessions/40.md "mend (review of targets40)")."""
    return frozenset(c for c, f in cands.items() if c == "NONE" or f.get("named_apart"))


def margin_for(margins: dict[str, float], role: str, within: bool) -> float:
    """The margin a side's best candidate must beat the rules' choice by: ``margins["<role>_sentence"]`` for
    one :func:`inside` the sentence (``within``) when the model has that key (session 40: ``target_sentence``
    0.0), else ``margins[role]``. The one reading of a model's margins (:meth:`SidesModel.scored`,
    ``tools/learned_sides.py``, ``tools/learning_curve.py``)."""
    if within and f"{role}_sentence" in margins:
        return margins[f"{role}_sentence"]
    return margins[role]


def pick(probs: dict[str, float], current: str, margins: dict[str, float], role: str, locked: bool = False,
         within: frozenset[str] = frozenset()) -> str:
    """The side chooser's one decision rule (:meth:`SidesModel.scored`, and ``tools/learned_sides.py``
    when it measures a fitted model): the most probable candidate of ``probs`` where it beats the rules'
    ``current`` by more than its margin (:func:`margin_for` of ``margins``, the model's margins dict), else
    ``current``; always ``current`` on a ``locked`` side, one whose country a written guideline gave
    (:func:`guideline_country`). A best candidate in ``within`` (:func:`inside`: a country the event's own
    sentence names apart, or NONE) needs only ``margins["<role>_sentence"]`` when the model has it (session
    40: the chooser is right more often within the sentence than on a country it reads from the sentence
    before or the article, which keeps the larger margin). NONE counts as inside on purpose: dropping a
    side reads the sentence alone (the sentence names no actor for it), never a country from elsewhere, and
    targets40 measured the key with NONE inside (eval/sessions/40.md "targets40")."""
    if locked:
        return current
    best = max(probs, key=lambda c: probs[c])
    margin = margin_for(margins, role, best in within)
    return best if best != current and probs[best] - probs.get(current, 0.0) > margin else current


#: Target rules that write a guideline down, so the ranker leaves their target (session 40, targets40; the guideline
#: tests tests/unit/test_events_targets.py held them only through the margin): an appeal for a measure done to
#: another country is aimed at home (``target_of_measure``, events/roles.py); a target that stands for states in general
#: is none (``states_at_large``, actors/countries.py, docs/annotation.md D3a(3)).
GUIDELINE_TARGET_RULES = frozenset({"target_of_measure", STATES_AT_LARGE, "organisation_meeting"})
#: Target country strategies that do: the opponent of a state's violence, never an ally doing the same act
#: (``armed_opponent``, actors/countries.py).
GUIDELINE_TARGET_COUNTRIES = frozenset({"armed_opponent"})


def guideline_country(rules: dict[str, Any], role: str, side: dict[str, Any] | None = None) -> bool:
    """Whether a written guideline, not a heuristic, chose the side's country, so the ranker leaves it: a
    regional armed group placed by the text (``armed_group:<strategy>``, docs/annotation.md section 4; the labels
    of some rounds keep such groups ``IMG``, which the ranker learns), or a movement that is ``IMG`` wherever it
    acts (``side``'s code a ``placeless_group``: the Islamic State, D3d, al-Qaeda, D11a) and was left ``IMG``; or a
    target a guideline rule gave (:data:`GUIDELINE_TARGET_RULES`, :data:`GUIDELINE_TARGET_COUNTRIES`)."""
    if str(rules.get(f"{role}_country") or "").startswith(ARMED_GROUP_RULE) or rules.get(f"{role}_country") == REGION_PHRASE:
        return True  # a region the side's own phrase names (D3a(2)) is not a guess either
    # a strategy that placed a target the rules had given keeps its "missing:" prefix (countries.missing_target)
    strategy = str(rules.get("target_country") or "").removeprefix(MISSING_PREFIX)
    if role == "target" and (rules.get("target") in GUIDELINE_TARGET_RULES or strategy in GUIDELINE_TARGET_COUNTRIES):
        return True
    if side is None or side.get("country") != ARMED_GROUP_PREFIX:
        return False
    return placeless_group(str(side.get("code") or ""))


def _set_side(doc: Doc, event: dict[str, Any], role: str, country: str, span: tuple[int, int] | None) -> None:
    """Give the event's side the ranker's country: NONE drops the side; a country named in the
    sentence becomes that mention's actor; another keeps the side's sector under the new country."""
    side = event.get(role)
    if country == "NONE":
        new = None
    else:
        ref = actor_ref(doc, *span) if span is not None else None
        if ref is not None and country_level(dict(ref)) == country:
            new = dict(ref)
        else:
            sector = split_code(side.get("code") or "")[1] if side and side.get("country") else None
            new = {"text": side.get("text") if side else country_codes().get(country, country),
                   "code": country + (sector or ""), "country": country, "sector": sector}
    event[role] = new
    evidence = event.setdefault("evidence", {})
    evidence["rules"] = {**evidence.get("rules", {}), f"{role}_country": "ranker"}
