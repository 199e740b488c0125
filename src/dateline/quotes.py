"""Quotes and their speakers, linked to actors and events (issue 6).

Placeholder while the stage is built: registered so the pipeline's order is fixed; finds nothing yet.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dateline_quotes", requires=["doc._.actors", "doc._.events"], assigns=["doc._.quotes"])
def find_quotes(doc: Doc) -> Doc:
    return doc
