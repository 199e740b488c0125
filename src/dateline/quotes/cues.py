"""The quote cues (``data/quotes/``): speech verbs, nouns and phrases, with their medium."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from spacy.tokens import Token

from ..errors import DatelineError
from ..tables import tsv_rows


_SUBJECTS = ("nsubj", "nsubjpass")


class QuoteDataError(DatelineError, ValueError):
    """A cue data file (``data/quotes`` or the one given to the stage) is malformed."""


@dataclass(frozen=True)
class Cue:
    """A cue lemma: its role (speech, naming, source, act) and CAMEO code."""

    lemma: str
    role: str
    cameo: str


@dataclass
class Cues:
    """The lexicon of the stage, read from ``data/quotes``."""

    verbs: dict[str, Cue]
    comments: dict[str, str]
    media: frozenset[str]

    def get(self, token: Token) -> Cue | None:
        """The cue that ``token`` is, if any ("according" only when followed by "to")."""
        if token.lower_ == "according":
            nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
            return self.verbs.get("according") if nxt is not None and nxt.lower_ == "to" else None
        lemma = token.lemma_.lower()
        if lemma not in self.verbs:
            return None  # what the test below would return too, without walking a noun's children
        if token.pos_ not in ("VERB", "AUX") and not token.tag_.startswith("VB") and not (
                token.pos_ == "NOUN" and any(c.dep_ in _SUBJECTS for c in token.children)):
            # A noun with a subject is a verb the tagger missed ("As Bordoff states, ...").
            return None
        return self.verbs.get(lemma)

    def is_medium(self, text: str) -> bool:
        words = re.findall(r"[a-z]+(?: [a-z]+)?", text.lower())
        tokens = set(re.findall(r"[a-z]+", text.lower()))
        return bool(tokens & self.media) or any(w in self.media for w in words)


def _read_tsv(text: str, name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    rows = []
    for number, row in tsv_rows(text):
        if any(not (row.get(col) or "").strip() for col in columns):
            raise QuoteDataError("E701", name=name, line=number, columns=", ".join(columns))
        rows.append(row)
    return rows


def load_cues(directory: str | None = None) -> Cues:
    """The cue lexicon from ``directory`` (default: the packaged ``data/quotes``)."""
    if directory is None:
        return _default_cues()
    base = Path(directory)
    return _parse_cues({name: (base / name).read_text(encoding="utf-8")
                        for name in ("cues.tsv", "comments.tsv", "media.txt")})


@cache
def _default_cues() -> Cues:
    base = files("dateline").joinpath("data", "quotes")
    return _parse_cues({name: base.joinpath(name).read_text(encoding="utf-8")
                        for name in ("cues.tsv", "comments.tsv", "media.txt")})


def _parse_cues(texts: dict[str, str]) -> Cues:
    verbs = {}
    for row in _read_tsv(texts["cues.tsv"], "cues.tsv", ("lemma", "role", "cameo")):
        lemma = row["lemma"].strip().lower()
        verbs[lemma] = Cue(lemma, row["role"].strip(), row["cameo"].strip())
    comments = {row["word"].strip().lower(): row["cameo"].strip()
                for row in _read_tsv(texts["comments.tsv"], "comments.tsv", ("word", "cameo"))}
    media = frozenset(line.strip().lower() for line in texts["media.txt"].splitlines()
                      if line.strip() and not line.startswith("#"))
    return Cues(verbs, comments, media)
