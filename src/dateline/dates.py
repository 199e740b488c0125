"""Event dates from the text, normalised against the publication date (issue 5).

Placeholder while the stage is built: registered so the pipeline's order is fixed; dates nothing yet.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dateline_dates", requires=["doc._.events"], assigns=["doc._.timexes"])
def date_events(doc: Doc) -> Doc:
    return doc
