"""Event locations: toponyms resolved offline to country and coordinates (issue 5).

Placeholder while the stage is built: registered so the pipeline's order is fixed; places nothing yet.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dateline_places", requires=["doc._.events"], assigns=["doc._.places"])
def place_events(doc: Doc) -> Doc:
    return doc
