"""Events: who did what to whom, coded in CAMEO and PLOVER from the dependency parse (issue 4).

Placeholder while the coder is built: the stage is registered so the pipeline's order is fixed,
and it codes nothing yet.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dateline_events", requires=["doc._.actors"], assigns=["doc._.events"])
def code_events(doc: Doc) -> Doc:
    return doc
