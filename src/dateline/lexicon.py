"""The event lexicon: verbs, phrase patterns, event nouns, cue words and discards, loaded once.

The data lives in ``dateline/data/lexicon/`` (format and sources: its README). ``verbs.tsv``,
``patterns.tsv`` and ``discards.tsv`` are converted from the PETRARCH2/Phoenix dictionaries by
``tools/build_lexicon.py``; ``verbs_extra.tsv``, ``patterns_extra.tsv``, ``nouns.tsv`` and
``cues.tsv`` are dateline's own and override the converted rows. Everything is indexed in dicts
keyed by lemma, so the coder does one lookup per token.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib.resources import files
from typing import Any

from .codebook import root_class
from .datacache import cached, module_source
from .errors import ModelError
from .tables import tsv_rows

__all__ = ["Entry", "Lexicon", "SENSE_CONDITIONS", "cue_words", "load_lexicon", "valence"]

_DIR = ("data", "lexicon")

#: The conditions a ``senses.tsv`` row may set on a verb (tested by ``events.codes._sense``):
#: ``clause``, a that-clause or gerund complement ("denied that ...", "denied sending");
#: ``infinitive``, a to-infinitive complement that codes no act of the entry's own root ("invited X to
#: testify", not "invited X to visit"); ``thing_object``, a direct object that is neither an actor nor
#: a hostile event ("fight the subpoena", not "fight the rebels" or "fight the war"); ``actor_object``, a
#: direct object or passive subject that names an actor ("dispersed the protesters", not "leaflets");
#: ``actor_clause``, a finite that-clause whose subject names an actor other than the speaker ("claimed the
#: rebels had fired first", not "claimed they were observers" nor "claimed to have carried out"); ``person_object``,
#: a direct object or passive subject that is a named person, a personal pronoun or a role noun of
#: ``agents.tsv`` that is no weapon or military unit ("fired the director", "Comey was fired", not "fired missiles");
#: ``place_object``, a direct object or passive subject that is a named country or region, a noun of a settled
#: place or of a stretch of land ("seized Gaza", "seized two capitals", "took over a third of Syria", not "seized a
#: tanker"); ``with_thing``, "with" and a thing, no actor, and no complement of the verb's own ("agreed with the
#: conclusion", not "agreed with Xi to meet", nor "with his German counterpart"); ``request_object``, a direct object
#: that is a request or demand noun or a thing granted on request ("denied the request", "denied a visa");
#: ``subject_infinitive``, a to-infinitive clause with a subject of its own that names an actor ("wants Iran to halt
#: enrichment", "called for the UN to investigate"; not "wants to resume talks"); ``land_taken`` ("take"), taken over
#: or a settled place or stretch of land with no "to" ("took over Crimea", "took the town"; not "take Iran to court",
#: "taken aback", "took a third of the vote"); ``criticised_object`` ("slam"), an actor's verb whose direct object is
#: an actor or what one did ("slammed Congress", "slammed the decision"; not "slammed into a building", "Hurricane
#: Maria slammed Puerto Rico"); ``actor_compared`` ("compare"), an actor as direct object and a "to" phrase
#: ("compared the president to a governor"; not "compared the figures with those of last year"); ``coordinated_actors``
#: ("talk"), a subject coordinated with another actor of another known country and no "to" phrase ("Kenya and Uganda
#: talked about trade"; not "Biden and Harris talked"); ``plea`` ("plead"), a word of cue ``plea_word`` as complement
#: ("pleaded guilty"; not "pleaded for help"); ``state_subject`` ("protest"), a subject that is a named country or a
#: side of cue ``complaining_sector`` ("Kenya protested over the ruling"; not "thousands of Kenyans protested", "police
#: protested over pay"); ``weapon_object`` ("seize", "capture"), a direct object or passive subject of cue ``weapon_noun`` or
#: ``arms_noun`` ("seized tanks", "captured the launcher"; not "captured the village").
#: ``offered_act`` ("commit"), a "to" object that is a cooperative act, an event noun or a gerund of roots 04-08
#: ("committed to talks with Uganda", "committed to providing aid"; not "committed crimes", "committed to new
#: sanctions": ``events.codes.offered_act``, session 57).
SENSE_CONDITIONS = ("clause", "infinitive", "thing_object", "actor_object", "actor_clause", "request_object",
                    "person_object", "place_object", "subject_infinitive", "with_thing", "land_taken",
                    "criticised_object", "actor_compared", "coordinated_actors", "plea",
                    "state_subject", "weapon_object", "for_actor", "offered_act")


@dataclass(frozen=True)
class Entry:
    """A CAMEO code ("" = codes nothing) with flags: ``reciprocal``, ``passive``, ``governed``
    (an event noun that is an act only as the object of a light verb: "signed an agreement")."""

    code: str
    reciprocal: bool = False
    passive: bool = False
    governed: bool = False


@dataclass
class Lexicon:
    """The lexicon's tables, indexed for the coder."""

    #: (lemma, particle) -> (entry, block); particle "" for the bare verb.
    verbs: dict[tuple[str, str], tuple[Entry, str]] = field(default_factory=dict)
    #: lemmas with at least one verb entry (a fast first check per token)
    verb_lemmas: frozenset[str] = frozenset()
    #: block -> (object, prep, pobject) -> entry
    patterns: dict[str, dict[tuple[str, str, str], Entry]] = field(default_factory=dict)
    #: event noun lemma -> entry; also "<modifier> <noun>" ("hunger strike") and
    #: "<light verb> <noun>" ("reach agreement") keys, which win over the bare noun
    nouns: dict[str, Entry] = field(default_factory=dict)
    #: the last word of every noun key (a fast first check per token)
    noun_heads: frozenset[str] = frozenset()
    #: head nouns of unnamed actors ("police", "officials") -> sector code
    agents: dict[str, str] = field(default_factory=dict)
    #: verb lemma -> (condition, entry) rows of ``senses.tsv`` in table order: the root a condition on
    #: the verb's complements or object selects over the entry's default (:data:`SENSE_CONDITIONS`)
    senses: dict[str, list[tuple[str, Entry]]] = field(default_factory=dict)
    #: cue kind -> words (``negation``, ``future``, ``intent_verb``, ...)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    #: discard phrases by scope, searched as whole words ignoring case (None: no phrase)
    story_discards: PhraseSearch | None = None
    sentence_discards: PhraseSearch | None = None

    @cached_property
    def violent_instruments(self) -> frozenset[str]:
        """The weapons CAMEO's verb dictionary names as instruments of violent acts ("attacked with
        a bomb, an IED, a rocket ..."): the objects of "with" in the 18-20 patterns."""
        return frozenset(pobj for table in self.patterns.values() for (_, prep, pobj), entry in table.items()
                         if prep == "with" and pobj and entry.code[:2] in root_class("violent"))

    @cached_property
    def lemma_knowledge(self) -> dict[str, Any]:
        """What the lexicon knows of each lemma, for the learned trigger proposer's features
        (:mod:`dateline.trigger_model`): ``roots``, the two-digit roots of its verb entries ("nocode" for a null
        one, "+prt" with a particle); ``patterned``, lemmas with an entry whose block has patterns; ``nouns``, the
        root of the one-word event noun of that lemma; ``senses``, the lemmas with rows in senses.tsv."""
        roots: dict[str, set[str]] = {}
        patterned: set[str] = set()
        for (lemma, particle), (entry, block) in self.verbs.items():
            roots.setdefault(lemma, set()).add((entry.code[:2] or "nocode") + ("+prt" if particle else ""))
            if self.patterns.get(block):
                patterned.add(lemma)
        nouns = {k: e.code[:2] for k, e in self.nouns.items() if " " not in k and e.code}
        return {"roots": roots, "patterned": patterned, "nouns": nouns, "senses": set(self.senses)}

    def cue(self, kind: str) -> frozenset[str]:
        """The words of cue ``kind`` (empty when the lexicon has none)."""
        return self.cues.get(kind, _NO_WORDS)


#: What :meth:`Lexicon.cue` gives for a kind the lexicon has no words of (one object, not a new one per call).
_NO_WORDS: frozenset[str] = frozenset()


def _rows(name: str) -> Iterator[dict[str, str]]:
    path = files("dateline").joinpath(*_DIR, name)
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as err:
        raise ModelError("E501", file=name, detail=str(err)) from err
    for number, row in tsv_rows(text):
        if None in row or any(value is None for value in row.values()):
            raise ModelError("E502", file=name, line=number, detail="wrong number of columns")
        yield row


def _entry(row: dict[str, str], name: str) -> Entry:
    code = row["code"].strip()
    if code and not code.isdigit():
        code = ""  # "---" and other null codes
    if code and not 2 <= len(code) <= 4:
        raise ModelError("E502", file=name, line=0, detail=f"CAMEO code {code!r} is not 2-4 digits")
    flags = set(row.get("flags", "").split())
    return Entry(code, "reciprocal" in flags, "passive" in flags, "governed" in flags)


#: Characters that case-insensitive patterns take for an ASCII letter but ``str.lower`` does not turn into it ("ſ"
#: is an "s", "ı" an "i"; "İ" lowercases to two characters): a text with one is searched as written, ignoring case.
#: (The only other character a case-insensitive pattern takes for an ASCII letter, the Kelvin sign, lowercases to
#: "k"; "İ" is the only character whose lower case is longer or differs in being a word character or a hyphen:
#: tests/unit/test_lexicon.py checks both over every code point.)
CASE_FOLDS = re.compile("[ſıİ]")


@dataclass(frozen=True)
class PhraseSearch:
    """Phrases found as whole words (no word character or hyphen on either side), ignoring case.

    ``search`` finds a match where ``ignoring`` (the case-insensitive pattern) does, and only there: in a text
    without :data:`CASE_FOLDS`, by ``lowered`` (the same alternatives in lower case, case-sensitive) over the
    text in lower case, which takes 35-55% of the time (a case-sensitive literal is one comparison, a
    case-insensitive one a case lookup of the text's character). For ASCII phrases the two agree: lowering
    keeps every other character's place and whether it is a word character or a hyphen, and a character
    lowers to an ASCII letter exactly when it matches that letter ignoring case. Callers read only whether
    there is a match (the match found in lower case holds the lowered text)."""

    ignoring: re.Pattern[str]
    #: None when a phrase is not ASCII (then ``ignoring`` searches every text)
    lowered: re.Pattern[str] | None

    def search(self, text: str) -> re.Match[str] | None:
        if self.lowered is not None and CASE_FOLDS.search(text) is None:
            return self.lowered.search(text.lower())
        return self.ignoring.search(text)


def _phrase_regex(phrases: list[str]) -> PhraseSearch | None:
    if not phrases:
        return None
    lowered = _phrase_pattern([p.lower() for p in phrases], 0) if all(p.isascii() for p in phrases) else None
    return PhraseSearch(_phrase_pattern(phrases, re.IGNORECASE), lowered)


def _phrase_pattern(phrases: list[str], flags: int) -> re.Pattern[str]:
    # Longest first, so an alternation prefers "world cup final" over "world cup".
    ordered = sorted(phrases, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for phrase in ordered:
        groups.setdefault(phrase[:1].lower(), []).append(phrase)
    if all(len(first) == 1 and first.isascii() and first.isalnum() for first in groups):
        # The same alternatives grouped by their first letter, in the same order within a group:
        # the engine tries one group per word instead of every phrase (0.19 s of the events stage
        # on 150 BBC articles). No text character matches two ASCII letters or digits ignoring case,
        # so at any position only one group can match, and the same phrase as before wins.
        body = "|".join(re.escape(first) + "(?:" + "|".join(re.escape(p[1:]) for p in members) + ")"
                        for first, members in groups.items())
    else:
        body = "|".join(re.escape(p) for p in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


def build_lexicon() -> Lexicon:
    """Read every lexicon file (use :func:`load_lexicon` for the cached copy)."""
    lex = Lexicon()
    for name in ("verbs.tsv", "verbs_extra.tsv"):
        for row in _rows(name):
            lex.verbs[(row["lemma"].strip(), row["particle"].strip())] = (_entry(row, name), row["block"].strip())
    lex.verb_lemmas = frozenset(lemma for lemma, _ in lex.verbs)
    for name in ("patterns.tsv", "patterns_extra.tsv"):
        for row in _rows(name):
            key = (row["object"].strip(), row["prep"].strip(), row["pobject"].strip())
            table = lex.patterns.setdefault(row["block"].strip(), {})
            if name.endswith("_extra.tsv") or key not in table:
                # The first converted pattern wins (PETRARCH's order); our own rows override.
                table[key] = _entry(row, name)
    for row in _rows("nouns.tsv"):
        lex.nouns[row["lemma"].strip()] = _entry(row, "nouns.tsv")
    lex.noun_heads = frozenset(key.split()[-1] for key in lex.nouns)
    for row in _rows("senses.tsv"):
        condition = row["condition"].strip()
        if condition not in SENSE_CONDITIONS:
            raise ModelError("E502", file="senses.tsv", line=0,
                             detail=f"unknown condition {condition!r} for {row['lemma'].strip()!r}")
        lex.senses.setdefault(row["lemma"].strip(), []).append((condition, _entry(row, "senses.tsv")))
    cues: dict[str, set[str]] = {}
    for row in _rows("cues.tsv"):
        cues.setdefault(row["cue"].strip(), set()).add(row["word"].strip().lower())
    lex.cues = {kind: frozenset(words) for kind, words in cues.items()}
    for row in _rows("agents.tsv"):
        lex.agents[row["noun"].strip()] = row["sector"].strip()
    story: list[str] = []
    sentence: list[str] = []
    for row in _rows("discards.tsv"):
        (story if row["scope"].strip() == "story" else sentence).append(row["phrase"].strip())
    lex.story_discards = _phrase_regex(story)
    lex.sentence_discards = _phrase_regex(sentence)
    return lex


#: The files of ``data/lexicon`` the lexicon is built from.
LEXICON_FILES = ("verbs.tsv", "verbs_extra.tsv", "patterns.tsv", "patterns_extra.tsv", "nouns.tsv", "senses.tsv",
                 "cues.tsv", "agents.tsv", "discards.tsv")


@cache
def load_lexicon() -> Lexicon:
    """The shipped lexicon, read once per process: from the user cache when built before (see :mod:`dateline.datacache`)."""
    from . import tables

    try:
        parts = [module_source(__file__), module_source(tables.__file__),
                 *(files("dateline").joinpath(*_DIR, name).read_bytes() for name in LEXICON_FILES)]
    except OSError:
        return build_lexicon()  # a missing file: building it raises the coded error
    return cached("lexicon", parts, build_lexicon)


@cache
def cue_words(kind: str) -> frozenset[str]:
    """The words of cue ``kind`` in the shipped lexicon (``data/lexicon/cues.tsv``), for the stages
    that read cues without a :class:`Lexicon` of their own (actors, quotes, dates, places)."""
    return load_lexicon().cue(kind)


@cache
def valence(word: str) -> float:
    """The VADER valence of a word (``data/lexicon/valence.tsv``: the mean rating of ten raters,
    -4 most negative; only negative words are shipped), 0.0 for a word not listed."""
    return _valences().get(word.lower(), 0.0)


@cache
def _valences() -> dict[str, float]:
    return {row["word"].strip(): float(row["valence"]) for row in _rows("valence.tsv")}
