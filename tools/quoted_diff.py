"""Which events' quotation features the quote scan changes (session 30, branch quotes3; development only).

A SESSION-30 MEASURING TOOL, kept to reproduce the counts of eval/sessions/30.md "quotes3" and nothing
else: it carries its own copies of the per-sentence quote tests deleted in session 30 (the "old" side of each
comparison) and monkeypatches private names of the coder (``confidence.event_features`` and
``acts_model.event_features``, ``modality_model.features``, ``sides_model._mention_features``,
``coreference._in_quote``). It reproduces that section's numbers at commit 047b551 (quotes3: dev 38 of 1,506) and
at eea7811 (main, refitted models: dev 38 of 1,505) only; later code need not call those names the same way (since
branch mend30 the act filter reads the confidence's features through ``acts_model.FEATURE_SETS``, which its patch
of ``acts_model.event_features`` does not reach), so run it at those commits (``git worktree add``), not on a later checkout, and do not extend it.

Runs ``tools/cached_eval.py`` with its arguments, and for every event the learned components see, compares
the features they read now (``dateline.quotes.marks.in_quotation`` / ``quoted_sentences``: the quotations
the quote scan pairs) with the per-sentence tests they had before (an odd number of " \u201c \u201d before
the word in its sentence; a sentence holding one of them; coreference's count of opening and closing marks in
the paragraph). Prints the scores, then how many events had a feature change, by feature and direction.

    nice .venv/bin/python tools/quoted_diff.py --split train --exclude-rounds 32,33
"""
from __future__ import annotations

import bisect
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cached_eval  # noqa: E402
import dateline.acts_model as am  # noqa: E402
from dateline import confidence, modality_model, sides_model  # noqa: E402
from dateline.actors import coreference  # noqa: E402
from dateline.doc import doc_text, sentence_bounds, sentence_index, token_texts, trigger_head  # noqa: E402

#: The quote characters the old per-sentence tests counted.
Q = ('"', "\u201c", "\u201d")
changed: dict[tuple[str, int], set[str]] = {}  # (article, trigger head) -> the features that changed, "name old->new"
events: set[tuple[Any, ...]] = set()
coref: Counter[tuple[bool, bool]] = Counter()


def art(doc: Any) -> str:
    return str(doc._.article_id)


def _old_in_quote(doc: Any, i: int) -> bool:
    """Coreference's old test: more opening than closing curly marks, or an odd number of straight ones,
    from the paragraph start (at most 401 tokens before the sentence) to token i."""
    texts, _, spaces = token_texts(doc)
    breaks = [k for k, text in enumerate(texts) if spaces[k] and "\n" in text]
    start = sentence_bounds(doc)[0][sentence_index(doc)(i)]
    k = bisect.bisect_left(breaks, start) - 1
    para_start = max(breaks[k] + 1 if k >= 0 else 0, start - 401, 0)
    seg = texts[para_start:i]
    opened = sum(t in ("\u201c", "\u2018") for t in seg) - sum(t in ("\u201d", "\u2019") for t in seg)
    return opened > 0 or seg.count('"') % 2 == 1


def _note(doc: Any, head: int, name: str, old: bool, new: bool) -> None:
    if old != new:
        changed.setdefault((art(doc), head), set()).add(f"{name} {int(old)}->{int(new)}")


def _patch() -> None:
    orig_ef, orig_mf = confidence.event_features, modality_model.features
    orig_smf, orig_iq = sides_model._mention_features, coreference._in_quote

    def event_features(event: dict[str, Any], doc: Any, context: Any = None) -> dict[str, float]:
        out = orig_ef(event, doc, context)
        head = trigger_head(doc, event)
        if head is not None:
            events.add((art(doc), tuple(event.get("span") or ()), event.get("cameo"), head.i))
            texts = token_texts(doc)[0]
            old = any(t in Q for t in texts[head.sent.start:head.sent.end])
            _note(doc, head.i, "conf.quote_marks", old, "quote_marks" in out)
        return out

    def mfeatures(doc: Any, event: dict[str, Any]) -> dict[str, float]:
        out = orig_mf(doc, event)
        trigger = trigger_head(doc, event)
        if trigger is not None:
            sent = trigger.sent
            before = sent.text[:trigger.idx - sent.start_char]
            o_in = sum(before.count(q) for q in Q) % 2 == 1
            _note(doc, trigger.i, "mod.in_quote", o_in, "in_quote" in out)
            _note(doc, trigger.i, "mod.quote_in_sentence", not o_in and any(q in sent.text for q in Q),
                  "quote_in_sentence" in out)
        return out

    def smf(doc: Any, m: dict[str, Any], trigger: Any, sentence: Any) -> dict[str, float]:
        out = orig_smf(doc, m, trigger, sentence)
        if sentence is not None and trigger is not None and "in_quote" in out:
            before = doc_text(doc)[sentence.start_char:m["start"]]
            _note(doc, trigger.i, "sides.in_quote", sum(before.count(q) for q in Q) % 2 == 1, bool(out["in_quote"]))
        return out

    def iq(doc: Any, i: int) -> bool:
        new = orig_iq(doc, i)
        coref[(_old_in_quote(doc, i), new)] += 1
        return new

    confidence.event_features = am.event_features = event_features  # type: ignore[assignment]
    modality_model.features = mfeatures  # type: ignore[assignment]
    sides_model._mention_features = smf  # type: ignore[assignment]
    coreference._in_quote = iq  # type: ignore[assignment]


def main(argv: list[str]) -> int:
    _patch()
    cached_eval.main(argv)
    hit = [e for e in events if (e[0], e[3]) in changed]
    print(f"events whose trigger had a quotation feature changed: {len(hit)} of {len(events)}")
    for name, n in sorted(Counter(nm for e in hit for nm in changed[(e[0], e[3])]).items()):
        print(f"  {name}: {n} events")
    print("coreference _in_quote calls (old, new):", dict(coref))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
