"""``dateline serve``: a web app and HTTP API to explore, check and correct the events of a store.

:mod:`.db` opens the DuckDB file per request (so that ``dateline ingest`` can write between
batches), :mod:`.query` turns the request's filters into parameterised SQL over the events export,
:mod:`.app` holds the FastAPI routes and :mod:`.render` draws the annotations over article text.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
