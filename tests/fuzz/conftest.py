"""Hypothesis profiles: ``ci`` (default, bounded, part of ``make test``) and ``fuzz`` (``make fuzz``).

``make fuzz`` runs the same properties with the ``fuzz`` profile (10,000+ inputs in all) and prints
the tally kept by :func:`strategies.tally` (inputs answered, codes, slowest article against its budget).
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, settings

_COMMON: dict[str, Any] = {"deadline": None, "derandomize": False, "print_blob": True,
                           "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                                                     HealthCheck.function_scoped_fixture]}
settings.register_profile("ci", max_examples=40, **_COMMON)
settings.register_profile("fuzz", max_examples=2_500, **_COMMON)
settings.load_profile(os.environ.get("DATELINE_FUZZ_PROFILE", "ci"))
