"""A module imported at its first use, for the modules that cannot import it at their top (an import cycle: the
quotes package imports the stages that read its quotation marks).

An import statement inside a hot function runs at each call (about 2 µs, a look-up in ``sys.modules``), and the
stages ran such statements about 50,000 times per 150 articles (bench/README.md, "Session 41: speed41"); the
accessor :func:`deferred_module` returns is one cached call instead."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from types import ModuleType


def deferred_module(name: str) -> Callable[[], ModuleType]:
    """A function that imports the module ``name`` (absolute: "dateline.quotes.marks") at its first call and returns
    it then and at every later call."""
    return cache(lambda: importlib.import_module(name))
