"""The parser's own token vectors as features of the learned components (session 31, branch ``dense``).

spaCy's model computes a contextual vector for every token (its ``tok2vec``, 96 dimensions, ``doc.tensor`` after
the pipeline) for its tagger and parser: reading it costs nothing at run time. :func:`features` turns it into
small dense blocks of one event (:func:`arrays`: each a float32 array; :func:`features`: a dict
``v<block>:<i> -> value``):

* ``trig``: the trigger's head token's vector;
* ``sent``: the mean over the trigger's sentence;
* ``src`` / ``tgt``: the head token of the source's / target's words in the trigger's sentence (absent when the
  sentence does not name the side in those words).

A model that reads them stores, per feature, the train mean and a factor (``1 / (std * sqrt(dim))``: the block's
L2 norm is then about that of one sparse feature): :func:`standardise`, :class:`Standardiser`. A missing block is
left out (0 after standardising: the train mean).

``doc.tensor`` is set by the model's ``tok2vec`` in every run-time path (the serial pipeline and the worker
processes, which run the whole pipeline; the pieces of a long article are joined by ``Doc.from_docs``, which joins
their tensors). A Doc read back from a ``DocBin`` (tools/cached_eval.py's parse cache) has none: :func:`ensure_tensor`
recomputes it by running the model's ``tok2vec`` on the Doc's tokens (the tensor depends on the token texts only).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from .doc import per_doc, trigger_head, word_spans

#: The blocks :func:`features` can compute, in order.
BLOCKS: tuple[str, ...] = ("trig", "sent", "src", "tgt")


def ensure_tensor(doc: Doc, nlp: Any = None) -> np.ndarray:
    """``doc.tensor``, recomputed by the model's ``tok2vec`` when the Doc has none (read from a DocBin)."""
    tensor = doc.tensor
    if tensor is None or getattr(tensor, "shape", (0,))[0] != len(doc) or len(tensor.shape) != 2:
        if nlp is None:
            from .nlp import load_nlp

            nlp = load_nlp()
        tok2vec = nlp.get_pipe("tok2vec")
        doc.tensor = tok2vec.predict([doc])[0]
        tensor = doc.tensor
    return np.asarray(tensor)


def _sentence_means(doc: Doc) -> dict[int, np.ndarray]:
    tensor = ensure_tensor(doc)
    return {sent.start: tensor[sent.start:sent.end].mean(axis=0) for sent in doc.sents if len(sent)}


def _side_token(side: dict[str, Any] | None, trigger: Token) -> Token | None:
    """The root of the side's words in the trigger's sentence (whole words; the mention nearest the trigger)."""
    text = str((side or {}).get("text") or "")
    if not text:
        return None
    spans = word_spans(trigger.sent, text)
    return min((span.root for span in spans), key=lambda t: abs(t.i - trigger.i), default=None)


def arrays(event: dict[str, Any], doc: Doc, blocks: Iterable[str] = BLOCKS) -> dict[str, np.ndarray]:
    """The raw (not standardised) dense blocks of one event, each a float32 array of the tensor's width, by block
    name; a block the event lacks (no side words in the sentence) is left out, and all are when its trigger covers no
    token. The one place the blocks are computed: :func:`features`, ``dateline.acts_model`` and the tools that fit on
    them (learned_acts, learned_roots) read them through this and :func:`named`."""
    trigger = trigger_head(doc, event)
    if trigger is None:
        return {}
    tensor = ensure_tensor(doc)
    out: dict[str, np.ndarray] = {}
    for name in blocks:
        vector: np.ndarray | None = None
        if name == "trig":
            vector = tensor[trigger.i]
        elif name == "sent":
            vector = per_doc(doc, "dense_sentence_means", _sentence_means).get(trigger.sent.start)
        elif name in ("src", "tgt"):
            token = _side_token(event.get("source" if name == "src" else "target"), trigger)
            if token is not None:
                vector = tensor[token.i]
        else:
            raise ValueError(f"unknown dense block {name!r} (known: {', '.join(BLOCKS)})")
        if vector is not None:
            out[name] = np.asarray(vector, dtype=np.float32)
    return out


#: The prefix of a dense feature's name: block ``trig`` -> features ``vtrig:0`` ... (the act filter's set names).
PREFIX = "v"


def named(blocks: dict[str, Any], names: Iterable[str] | None = None) -> dict[str, float]:
    """The features of packed blocks (:func:`arrays`; a block that is None or absent gives none), by their names
    ``v<block>:<i>`` (:data:`PREFIX`), of ``names`` (default: every block given)."""
    out: dict[str, float] = {}
    for name in (blocks if names is None else names):
        vector = blocks.get(name)
        if vector is not None:
            out.update({f"{PREFIX}{name}:{i}": float(v) for i, v in enumerate(vector)})
    return out


def features(event: dict[str, Any], doc: Doc, blocks: Iterable[str] = BLOCKS) -> dict[str, float]:
    """The raw (not standardised) dense blocks of one event by feature name (``vtrig:0`` ...: :func:`named` of
    :func:`arrays`); ``{}`` when its trigger covers no token."""
    blocks = tuple(blocks)
    return named(arrays(event, doc, blocks), blocks)


@dataclass
class Standardiser:
    """Per feature: the train mean and the factor that standardises it and scales its block."""

    params: dict[str, tuple[float, float]]

    def apply(self, feats: dict[str, float]) -> dict[str, float]:
        p = self.params
        return {k: ((v - p[k][0]) * p[k][1] if k in p else v) for k, v in feats.items()}

    def to_dict(self) -> dict[str, list[float]]:
        return {k: [round(m, 6), round(f, 6)] for k, (m, f) in sorted(self.params.items())}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Standardiser:
        return cls({str(k): (float(v[0]), float(v[1])) for k, v in (data or {}).items()})


def standardise(rows: list[dict[str, float]], prefix: str | tuple[str, ...], *, weight: float = 1.0) -> Standardiser:
    """The :class:`Standardiser` of the dense features (names starting with ``prefix``) of these rows: mean and
    ``weight / (std * sqrt(dim))`` per feature, ``dim`` the size of the feature's block (its name up to the last
    ``:``)."""
    values: dict[str, list[float]] = {}
    for row in rows:
        for k, v in row.items():
            if k.startswith(prefix):
                values.setdefault(k, []).append(v)
    dims: dict[str, int] = {}
    for k in values:
        block = k.rsplit(":", 1)[0]
        dims[block] = dims.get(block, 0) + 1
    params = {}
    for k, vs in values.items():
        arr = np.asarray(vs)
        std = float(arr.std()) or 1.0
        params[k] = (float(arr.mean()), weight / (std * math.sqrt(dims[k.rsplit(":", 1)[0]])))
    return Standardiser(params)
