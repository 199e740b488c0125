"""A learned CAMEO root correction (issue 11): a multinomial logistic regression over the roots.

The rules (events/codes.py and the lexicon) code each event; this model predicts, from what the coder
knows, the root a labeller would give the act, and replaces the coded root only where the model's
best root is another one and beats the coded root's probability by more than the model's
``threshold`` (rule "margin"; or has at least that probability, rule "p"), and by more than
``cross_threshold`` where the change moves the event to another PLOVER type (the gold floors: the
codebook's example sentences are scored by PLOVER type, and the changes across types broke them). It
re-chooses only the roots the lexicon gave (:func:`in_domain`, :data:`LEXICON_CODE_RULES`: the code rule
``_verb_entry`` or ``_noun_entry``), never one a content rule of ``events.codes.root_rule`` or
``events.assemble`` chose (a warning's threat or forecast, a critical statement, an appeal by content ...).
It is trained by ``tools/learned_roots.py --select --domain lexicon`` on the labelled train articles not
held out (``make train-learned``), on those events only: the feature set, the L2 strength and the rule's
thresholds are chosen on 5-fold cross-fitted train (by article).

Features (:func:`root_features`): the confidence model's event features (coded CAMEO code and root,
modality, negation, quote, the rules in ``evidence.rules``, the sides' kinds and sectors, the
trigger's lemma, POS and dependency, its place) plus the lemmas of the trigger's children and head,
the negative words of its clause (``data/lexicon/valence.tsv``), the kinds of evidence behind each side
and their 3-letter codes (:func:`extra_features`); the model's ``meta.variant`` may add the
word-free features of :func:`generic_features`.

A changed event gets the root's base code (``root`` + "0", e.g. 110), its PLOVER type, and
``"root": "learned"`` in ``evidence.rules``. The hook runs after the learned side chooser and before
the confidence model (``dateline_actor_dates``), on the events as the model was trained on them.
Running it needs no scikit-learn: weights feature by feature (the layout it reads them in), loaded
once per process as stored.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from .confidence import chosen_margin, event_features, leave_learned, packaged_model, PLAIN_STATEMENT_RULES
from .doc import heads_and_deps, per_doc, trigger_head
from .lexicon import cue_words, valence

MODEL_RESOURCE = "data/roots/model.json"
#: Set by tools/learned_roots.py (and tools/learned_sides.py) while they code their training data:
#: the coded roots, uncorrected.
DISABLED = False
RULE = "learned"
#: The layout of data/roots/model.json (:meth:`RootsModel.to_dict`): 2, weights feature by feature.
FORMAT = 2
#: The confidence features that say where the event's sentence is in the article: left out by the
#: "sentence" feature set (a root is what the sentence says; single sentences are coded too).
ARTICLE_POSITION = frozenset({"first_sentence", "sentence_index", "position"})
#: The code rules (``evidence.rules["code"]``) that mean the lexicon's own entry for the trigger: a verb's
#: (``events.triggers._verb_entry``: the particle's or the bare verb's row of verbs*.tsv, refined by its
#: block's object patterns) or an event noun's (``_noun_entry``: nouns.tsv). Every other code rule is one
#: the rules chose by what the sentence says (``events.codes.root_rule``: ``_warning_forecast``,
#: ``_critical_statement``, ``_appeal_content``, ``_declined_comment``, ``_crowd_control`` ...; the
#: statements by content of ``events.assemble``: ``_demand_in_statement``, ``_claim``, ``_intent_of``,
#: ``_intent_code``, ``_evaluative`` ...; the quotes' ``_act_code``). The correction re-chooses only the
#: roots these two gave (:func:`in_domain`): where the rules had no say of their own (session 24: the model
#: refitted on the v2 labels turned a stated threat, the rules' 13 by docs/annotation.md D2, into 01).
LEXICON_CODE_RULES = frozenset({"_verb_entry", "_noun_entry"})


def code_rule(event: dict[str, Any]) -> str | None:
    """The rule that chose the event's code (``evidence.rules["code"]``), or None."""
    rules = (event.get("evidence") or {}).get("rules") or {}
    return rules.get("code") if isinstance(rules, dict) else None


def in_domain(event: dict[str, Any], code_rules: frozenset[str] | None = LEXICON_CODE_RULES) -> bool:
    """Whether the correction may re-choose the event's root: its code is the lexicon's entry for the
    trigger (``code_rules``, default :data:`LEXICON_CODE_RULES`), not one a content rule chose; every
    event when ``code_rules`` is None (the correction of 0.5.0)."""
    return code_rules is None or code_rule(event) in code_rules


def _negative_words(doc: Doc, head: Token) -> int:
    """How many tokens of ``head.subtree`` have a negative valence as written or by their lemma
    (``min(valence(t.lower_), valence(t.lemma_)) < 0``), counted without spaCy's walk of the subtree: each token
    from the subtree's left edge to its right edge (the subtree lies inside them) is looked up by its two string ids
    (once per Doc and pair), and a negative one is counted when ``head`` is on its way up the Doc's head array
    (the subtree is the head and the tokens below it)."""
    lowers, lemmas = per_doc(doc, "roots_model.lower_lemma",
                             lambda d: (d.to_array(LOWER).tolist(), d.to_array(LEMMA).tolist()))
    negative: dict[tuple[int, int], bool] = per_doc(doc, "roots_model.negative", lambda d: {})
    heads = heads_and_deps(doc)[0]
    strings = doc.vocab.strings
    top = head.i
    count = 0
    for j in range(head.left_edge.i, head.right_edge.i + 1):
        key = (lowers[j], lemmas[j])
        neg = negative.get(key)
        if neg is None:
            neg = negative[key] = min(valence(strings[key[0]]), valence(strings[key[1]])) < 0
        if neg:
            k = j
            while k != top and heads[k] != k:
                k = heads[k]
            count += k == top
    return count


def extra_features(event: dict[str, Any], doc: Doc) -> dict[str, float]:
    """What the root correction adds to the confidence features: the trigger's children and head,
    the negative words of its clause, the sides' evidence kinds and 3-letter codes."""
    out: dict[str, float] = {}
    head = trigger_head(doc, event)
    if head is not None:
        for child in head.children:
            if child.is_alpha:
                out[f"child={child.lemma_.lower()}"] = 1.0
                out[f"child_dep={child.dep_}:{child.lemma_.lower()}"] = 1.0
        if head.head is not head:
            out[f"head={head.head.lemma_.lower()}"] = 1.0
            out[f"head_dep={head.dep_}"] = 1.0
        negs = _negative_words(doc, head)
        if negs:
            out["clause_negative"] = 1.0
            out["clause_negative_n"] = min(negs / 3.0, 2.0)
        cameo = str(event.get("cameo") or "")
        out[f"root_lemma={cameo[:2]}:{head.lemma_.lower()}"] = 1.0
    for role, name in (("source", "src"), ("target", "tgt")):
        actor = event.get(role) or {}
        for ev in actor.get("evidence") or []:
            if isinstance(ev, dict) and ev.get("kind"):
                out[f"{name}_ev={ev['kind']}"] = 1.0
        code = str(actor.get("code") or "")
        if code:
            out[f"{name}_code3={code[:3]}"] = 1.0
    return out


#: Cue classes of data/lexicon/cues.tsv whose presence in the trigger's clause is a generic feature.
CUE_KINDS = ("speech_verb", "report_verb", "criticism_word", "accusation_word", "attack_word",
             "physical_assault_verb", "aerial_weapon", "unconventional_violence", "intent_verb",
             "intent_noun", "prospective", "warning_verb", "verbal_attack", "statement_noun",
             "negation", "troop_noun", "armed_sector")


@cache
def lexicon_roots() -> dict[str, frozenset[str]]:
    """The CAMEO roots data/lexicon/verbs*.tsv and nouns.tsv allow for each lemma."""
    out: dict[str, set[str]] = {}
    folder = resources.files("dateline").joinpath("data/lexicon")
    for name in ("verbs.tsv", "verbs_extra.tsv", "nouns.tsv"):
        lines = [line for line in folder.joinpath(name).read_text(encoding="utf-8").splitlines()
                 if not line.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            code = (row.get("code") or "").strip()
            if code[:2].isdigit():
                out.setdefault((row.get("lemma") or "").strip().lower(), set()).add(code[:2])
    return {k: frozenset(v) for k, v in out.items()}


def generic_features(event: dict[str, Any], doc: Doc) -> dict[str, float]:
    """Features that name no word ("g_"): the coded root and PLOVER type, the clause's VADER negativity,
    which cue classes (cues.tsv) occur in the trigger's clause, the roots the lexicon allows for the
    trigger, the sides' kinds (sector, coded, pronoun), modality, quote, attribution; and ("w_") the
    trigger's lemma and its object's and prepositions' words."""
    cameo = str(event.get("cameo") or "")
    out: dict[str, float] = {f"g_root={cameo[:2]}": 1.0, f"g_modality={event.get('modality')}": 1.0}
    plover = event.get("plover") or {}
    if isinstance(plover, dict) and plover.get("event"):
        out[f"g_plover={plover['event']}"] = 1.0
    if event.get("quote") is not None:
        out["g_quote"] = 1.0
    if event.get("negated"):
        out["g_negated"] = 1.0
    for role, name in (("source", "src"), ("target", "tgt")):
        actor = event.get(role) or {}
        code = str(actor.get("code") or "")
        if not actor:
            out[f"g_{name}=none"] = 1.0
            continue
        sector = actor.get("sector") or (code[3:6] if len(code) >= 6 else "")
        out[f"g_{name}_sector={sector or '-'}"] = 1.0
        out[f"g_{name}_kind={'country' if len(code) == 3 else 'coded' if code else 'uncoded'}"] = 1.0
        words = str(actor.get("text") or "").split()
        if words and all(w[:1].isupper() for w in words) and not sector:
            out[f"g_{name}_bare_name"] = 1.0
    src, tgt = event.get("source") or {}, event.get("target") or {}
    if src.get("country") and src.get("country") == tgt.get("country"):
        out["g_same_country"] = 1.0
    head = trigger_head(doc, event)
    if head is None:
        return out
    out[f"g_pos={head.pos_}"] = 1.0
    allowed = lexicon_roots().get(head.lemma_.lower(), frozenset())
    for root in allowed:
        out[f"g_lex_allows={root}"] = 1.0
    out["g_lex_n"] = min(len(allowed), 4) / 2.0
    clause = [t for t in head.subtree if t.i != head.i]
    negs = [v for t in clause if (v := min(valence(t.lower_), valence(t.lemma_))) < 0]
    if negs:
        out["g_clause_negative"] = 1.0
        out["g_clause_negative_sum"] = min(-sum(negs) / 4.0, 3.0)
        out["g_clause_negative_min"] = -min(negs) / 4.0
    sent_negs = [v for t in head.sent if (v := min(valence(t.lower_), valence(t.lemma_))) < 0]
    if sent_negs:
        out["g_sentence_negative_sum"] = min(-sum(sent_negs) / 4.0, 3.0)
    lemmas = {t.lemma_.lower() for t in clause} | {t.lower_ for t in clause}
    for kind in CUE_KINDS:
        if lemmas & cue_words(kind):
            out[f"g_clause_cue={kind}"] = 1.0
    speech = cue_words("speech_verb")
    if head.lemma_.lower() in speech or head.lower_ in speech:
        out["g_trigger_speech"] = 1.0
    if any(t.dep_ in ("ccomp", "xcomp") for t in head.children):
        out["g_has_complement"] = 1.0
    if any(t.tag_ == "MD" for t in head.children):
        out["g_modal"] = 1.0
    if any(t.dep_ in ("dobj", "obj") for t in head.children):
        out["g_has_object"] = 1.0
    if any(t.dep_ == "nsubjpass" for t in head.children):
        out["g_passive"] = 1.0
    if any(t.like_num for t in clause):
        out["g_clause_number"] = 1.0
    if any(a.lemma_.lower() in speech for a in head.ancestors):
        out["g_attributed"] = 1.0  # inside what someone says ("X said Y attacked ...")
    out[f"w_lemma={head.lemma_.lower()}"] = 1.0
    for t in head.children:
        if t.dep_ in ("dobj", "obj", "attr", "dative") and t.is_alpha:
            out[f"w_obj={t.lemma_.lower()}"] = 1.0
        elif t.dep_ == "prep":
            out[f"w_prep={t.lower_}"] = 1.0
    return out


#: The auxiliaries and modal words whose presence in what was said is a feature of :func:`said_features`.
SAID_MODALS = frozenset({"will", "would", "'ll", "shall", "should", "must", "could", "may", "might"})


def said_features(event: dict[str, Any], doc: Doc) -> dict[str, float]:
    """What a verb of saying says ("s_"), for the feature set "all+said": the lemmas of the content words
    (nouns, adjectives, verbs, adverbs) of its clauses and quotation (``events.codes._said_clauses``),
    its modal auxiliaries, whether its subject is a pronoun or names an actor, and the VADER
    negativity and positivity of its words. Nothing for a trigger with no clause (the confidence and
    extra features describe it)."""
    from .events.codes import _said_clauses

    head = trigger_head(doc, event)
    if head is None or head.pos_ != "VERB":
        return {}
    out: dict[str, float] = {}
    negative = positive = 0
    for top, words in _said_clauses(head):
        out["s_clause"] = 1.0
        for t in words:
            if t.dep_ == "aux" and t.lower_ in SAID_MODALS:
                out[f"s_modal={t.lower_}"] = 1.0
            if t.dep_ == "neg":
                out["s_neg"] = 1.0
            if t.pos_ not in ("NOUN", "ADJ", "VERB", "ADV") or not t.is_alpha or t.is_stop:
                continue
            lemma = t.lemma_.lower()
            out[f"s_lemma={lemma}"] = 1.0
            v = valence(t.lower_) or valence(lemma)
            negative += v <= -1.5
            positive += v >= 1.5
        for subj in (c for c in top.children if c.dep_ in ("nsubj", "nsubjpass")):
            out["s_subj_pron" if subj.pos_ == "PRON" else
                "s_subj_name" if subj.pos_ == "PROPN" or subj.ent_type_ else "s_subj_noun"] = 1.0
    if negative:
        out["s_negative"] = min(negative / 2.0, 2.0)
    if positive:
        out["s_positive"] = min(positive / 2.0, 2.0)
    return out


def root_features(event: dict[str, Any], doc: Doc, context: Any, variant: str) -> dict[str, float]:
    """The features of one event for the feature set ``variant`` (tools/learned_roots.py
    ``SELECT_VARIANTS``): "all" (confidence + extra), "sentence" (the same without the article
    position), "generic", "generic+words", "all+generic"."""
    out: dict[str, float] = {}
    if variant.startswith("all") or variant == "sentence":
        out.update(event_features(event, doc, context))
        out.update(extra_features(event, doc))
    if variant == "sentence":  # not where the sentence is in the article
        out = {k: v for k, v in out.items() if k not in ARTICLE_POSITION}
    if "generic" in variant:
        generic = generic_features(event, doc)
        if variant == "generic":  # the word-free features only
            generic = {k: v for k, v in generic.items() if k.startswith("g_")}
        out.update(generic)
    if variant.endswith("+said"):
        out.update(said_features(event, doc))
    return out


@dataclass
class RootsModel:
    """The weights feature by feature (the layout :meth:`probs` reads: one lookup per feature of an event),
    an intercept per class (2-digit root), the rule and threshold.

    ``features`` maps a feature name to two lists, the indices in ``classes`` of the classes it has a
    weight for (ascending) and those weights: the JSON file holds exactly this (``"format": 2``), so
    that loading the model is a plain read. :meth:`from_weights` builds it from weights by class and
    feature name (scikit-learn's layout; :meth:`weights` gives that back)."""

    classes: list[str]
    features: dict[str, list[list[Any]]]
    intercept: dict[str, float]
    rule: str = "margin"
    threshold: float = 0.4
    meta: dict[str, Any] = field(default_factory=dict)
    #: The margin a change that moves the event to another PLOVER type must beat (rule "margin"; None:
    #: ``threshold``). The gold set (the codebook's example sentences) scores PLOVER types; a change
    #: inside one type (fight 19 -> assault 18) is the codebook's finer distinction, a change across
    #: types needs the model to be surer (roots4: gold changes of type were the ones that broke).
    cross_threshold: float | None = None
    #: The code rules whose roots the model re-chooses (:func:`in_domain`; None: every event's, as fitted
    #: in 0.5.0). A model file without the key gets :data:`LEXICON_CODE_RULES`.
    code_rules: frozenset[str] | None = LEXICON_CODE_RULES

    def __post_init__(self) -> None:
        self._intercepts = [self.intercept[c] for c in self.classes]
        self._dense: tuple[dict[str, int], Any, dict[str, list[list[Any]]]] | None = None

    @classmethod
    def from_weights(cls, classes: list[str], weights: dict[str, dict[str, float]], intercept: dict[str, float],
                     rule: str = "margin", threshold: float = 0.4, meta: dict[str, Any] | None = None,
                     cross_threshold: float | None = None,
                     code_rules: frozenset[str] | None = LEXICON_CODE_RULES) -> RootsModel:
        """The model from weights by class and feature name: each feature's classes in the order of
        ``classes``, so that :meth:`probs` adds up the same terms in the same order as a class-by-class
        reading would."""
        features: dict[str, list[list[Any]]] = {}
        for index, c in enumerate(classes):
            for k, w in weights.get(c, {}).items():
                features.setdefault(k, [[], []])
                features[k][0].append(index)
                features[k][1].append(w)
        return cls(list(classes), features, dict(intercept), rule, threshold, dict(meta or {}), cross_threshold,
                   code_rules)

    def weights(self) -> dict[str, dict[str, float]]:
        """The weights by class and feature name (the layout of scikit-learn and of the format-1 file)."""
        out: dict[str, dict[str, float]] = {c: {} for c in self.classes}
        for k, (indices, ws) in self.features.items():
            for index, w in zip(indices, ws):
                out[self.classes[index]][k] = w
        return out

    def probs(self, feats: dict[str, float]) -> dict[str, float]:
        """Each class's probability: the softmax of the intercept plus each feature's weight times its value, the
        terms added in the features' order (:meth:`_sums`)."""
        z = self._sums(feats)
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return {c: v / total for c, v in zip(self.classes, e)}

    def _sums(self, feats: dict[str, float]) -> list[float]:
        """The classes' sums of :meth:`probs`, the same floats as adding ``w * v`` to each class's intercept feature
        by feature in ``feats``' order, in one array: a row per feature the model has (its weight per class, 0.0
        for a class it has none for: adding ``0.0 * v`` changes no sum), each times its value, after the
        intercepts' row, added up row by row (numpy's ``add.accumulate``, which adds in order). Feature values are
        finite (``0.0 * inf`` would add a NaN)."""
        dense = self._dense
        if dense is None or dense[2] is not self.features:
            rows = {k: i for i, k in enumerate(self.features)}
            matrix = numpy.zeros((len(rows) + 1, len(self.classes)), dtype=numpy.float64)
            for k, (indices, ws) in self.features.items():
                matrix[rows[k], indices] = ws
            matrix[len(rows)] = self._intercepts
            dense = self._dense = (rows, matrix, self.features)
        rows, matrix, _ = dense
        picked = [len(rows)]
        values = [1.0]
        for k, v in feats.items():
            row = rows.get(k)
            if row is not None:
                picked.append(row)
                values.append(v)
        if len(picked) == 1:
            return list(self._intercepts)
        terms = matrix[picked] * numpy.array(values, dtype=numpy.float64)[:, None]
        return numpy.add.accumulate(terms, axis=0)[-1].tolist()

    def choose(self, coded: str, feats: dict[str, float]) -> str:
        """The model's best root where it is not ``coded`` and passes the rule; else ``coded``."""
        return self.scored(coded, feats)[0]

    def scored(self, coded: str, feats: dict[str, float]) -> tuple[str, float, float]:
        """:meth:`choose`'s root, with the model's probability of it and its margin over the best other
        root: what :func:`correct_roots` leaves in ``evidence.learned`` for the confidence model."""
        probs = self.probs(feats)
        best = max(self.classes, key=lambda c: probs[c])
        if best == coded:
            chosen = coded
        elif self.rule == "p":
            chosen = best if probs[best] >= self.threshold else coded
        else:
            chosen = best if probs[best] - probs.get(coded, 0.0) > self.margin(coded, best) else coded
        return (chosen, *chosen_margin(probs, chosen))

    def margin(self, coded: str, best: str) -> float:
        """The margin a change from root ``coded`` to ``best`` must beat: ``cross_threshold`` where the
        two roots have different PLOVER types, else ``threshold``."""
        if self.cross_threshold is None or plover_type(coded) == plover_type(best):
            return self.threshold
        return self.cross_threshold

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``"format": 2``, feature-major; what ``make train`` writes)."""
        return {"format": FORMAT, "classes": self.classes, "features": self.features, "intercept": self.intercept,
                "rule": self.rule, "threshold": self.threshold, "cross_threshold": self.cross_threshold,
                "code_rules": None if self.code_rules is None else sorted(self.code_rules), "meta": self.meta}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RootsModel:
        """The model from its JSON form: ``"format": 2`` (``features``: feature -> [class indices, weights]) is
        taken as read; a file of the first format (``weights`` by class and feature name) is turned round."""
        classes = [str(c) for c in data["classes"]]
        intercept = {str(c): float(v) for c, v in data["intercept"].items()}
        rule, threshold = str(data.get("rule", "margin")), float(data.get("threshold", 0.4))
        meta = dict(data.get("meta", {}))
        cross = None if data.get("cross_threshold") is None else float(data["cross_threshold"])
        code_rules = LEXICON_CODE_RULES if "code_rules" not in data else (
            None if data["code_rules"] is None else frozenset(str(r) for r in data["code_rules"]))
        if "features" in data:
            return cls(classes, data["features"], intercept, rule, threshold, meta, cross, code_rules)
        weights = {str(c): {str(k): float(v) for k, v in w.items()} for c, w in data["weights"].items()}
        return cls.from_weights(classes, weights, intercept, rule, threshold, meta, cross, code_rules)


@cache
def plover_type(root: str) -> str | None:
    """The PLOVER event type of a CAMEO root's base code (e.g. "19" -> ASSAULT; "01" -> None)."""
    from .events.codes import _plover

    return (_plover(root + "0") or {}).get("event")


@cache
def shipped_model() -> RootsModel | None:
    """The model shipped in the package (None when there is none)."""
    return packaged_model(MODEL_RESOURCE, RootsModel)


def correct_roots(doc: Doc, model: RootsModel | None = None) -> Doc:
    """Re-choose the CAMEO root of every asserted, not negated event of the Doc (the events the model is
    fitted on: those that count) whose code is the lexicon's entry for its trigger (:func:`in_domain`:
    never one a content rule chose) with the model (:class:`RootsModel`), and leave in the event's
    ``evidence.learned`` the model's probability of the root it keeps or gives and its margin over the
    best other root (``root_p``, ``root_margin``: features of the confidence model). An event outside the
    domain keeps its root but still gets the model's probability and margin for it (the confidence model's
    second stage reads them on every asserted event, as before the domain was introduced); a statement a content
    rule recoded by what it says but that stays the statement it is (``confidence.PLAIN_STATEMENT_RULES``: praise,
    051) keeps its root and gets the probability and margin the model gives the plain statement's 01."""
    from .confidence import DocContext

    model = model or (None if DISABLED else shipped_model())
    if model is None or not doc._.events:
        return doc
    context = DocContext.of(doc)
    variant = str(model.meta.get("variant", "all"))
    for event in doc._.events:
        cameo = str(event.get("cameo") or "")
        if len(cameo) < 2 or event.get("modality") != "asserted" or event.get("negated"):
            continue  # the model's domain: it is fitted on the events that count (asserted, not negated)
        feats = root_features(event, doc, context, variant)
        if in_domain(event, model.code_rules):
            new, p, margin = model.scored(cameo[:2], feats)
        elif code_rule(event) in PLAIN_STATEMENT_RULES:  # praise said in a statement: its root stands, and the
            new, (_, p, margin) = cameo[:2], model.scored("01", feats)  # confidence reads the statement's 01
        else:  # a content rule chose the root (a warning's threat, a critical statement ...): it stands
            new, (p, margin) = cameo[:2], chosen_margin(model.probs(feats), cameo[:2])
        if new != cameo[:2]:
            set_root(event, new)
        leave_learned(event, {"root_p": p, "root_margin": margin})
    return doc


def set_root(event: dict[str, Any], root: str) -> None:
    """Give the event the root's base code (e.g. 110 for 11), its PLOVER type, and name the model."""
    from .events.codes import _plover

    event["cameo"] = root + "0"
    event["plover"] = _plover(event["cameo"])
    evidence = event.setdefault("evidence", {})
    evidence["rules"] = {**evidence.get("rules", {}), "root": RULE}
