"""Quotes and their speakers, linked to actors and events (issue 6).

The ``dateline_quotes`` stage writes ``doc._.quotes``, each in the output shape
``{text, speaker, kind, cue, medium, sentence, span, pull_quote, pull_quote_text, events}``:

1. :func:`scan_quotes` pairs quote marks in the text (curly or straight, double or single, nested,
   and the newspaper convention of a paragraph that leaves a quote open because the next one opens
   it again). It never fails: a stray or unmatched mark is skipped, an unclosed quote ends with its
   paragraph.
2. Each quote is ``direct`` (a sentence or more, or set off by attribution punctuation) or a
   ``fragment`` (words quoted inside the writer's own sentence); cue verbs with a clausal
   complement outside quote marks add ``reported`` statements.
3. The speaker is found from the cue (``X said``, ``said X``, ``X told``, ``according to X``, a
   colon or dash), else the next or previous sentence, else the previous quote it continues.
   Speakers link to actors through :func:`dateline.actors.actor_ref`; a he/she speaker is first the
   speaker of the speech verb before it (same or previous paragraph, no other person a subject in
   between), then the actors stage's coreference, then the nearest preceding name.
4. Pull quotes mark the body quote they repeat; cues that are acts (accuse, demand, threaten, ...)
   and optimistic or pessimistic comments become events linked both ways with their quote.

The cue lexicon is data: ``dateline/data/quotes/`` (see its README).

Layout (each module imports only those above it): :mod:`.marks` (pure text), :mod:`.cues` (the
cue tables), :mod:`.speakers`, :mod:`.reported`, :mod:`.verbal` (verbal events) and :mod:`.stage`
(the component).
"""

from __future__ import annotations

from .marks import QuoteSpan, scan_quotes
from .cues import QuoteDataError, Cue, Cues, load_cues
from .stage import find_quotes, make_quotes, iter_speakers

__all__ = ["QuoteDataError", "QuoteSpan", "Cue", "Cues", "find_quotes", "load_cues", "scan_quotes", "make_quotes", "iter_speakers"]
