"""Summary statistics of timing samples."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Return the nearest-rank percentile of ``samples``.

    With fewer than 20 samples the 95th percentile is the maximum, which is what the
    nearest-rank method gives and what a reader should assume.
    """
    if not samples:
        raise ValueError("percentile() needs at least one sample")
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def summarize(samples: Sequence[float]) -> dict[str, Any]:
    """Return the median, p95, minimum, maximum and count of ``samples``."""
    if not samples:
        return {"n": 0, "median": None, "p95": None, "min": None, "max": None}
    return {
        "n": len(samples),
        "median": statistics.median(samples),
        "p95": percentile(samples, 0.95),
        "min": min(samples),
        "max": max(samples),
    }
