"""Medians, spreads and ratios: the only arithmetic the report does.

Kept small and dependency-free on purpose. Percentiles interpolate linearly between the two
nearest samples (numpy's default), so a p99 over a few dozen samples is honest about being close
to the maximum rather than pretending to a precision it lacks.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The value below which `fraction` (0–1) of the samples lie, interpolated."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    position = (len(ordered) - 1) * fraction
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


@dataclass(frozen=True)
class Spread:
    """A median with the range and interquartile range around it."""

    median: float
    low: float
    high: float
    q1: float
    q3: float
    count: int

    @classmethod
    def of(cls, samples: Sequence[float]) -> Spread:
        return cls(
            median=statistics.median(samples),
            low=min(samples),
            high=max(samples),
            q1=percentile(samples, 0.25),
            q3=percentile(samples, 0.75),
            count=len(samples),
        )

    def describe(self, unit: str = "ms", scale: float = 1000.0, digits: int = 1) -> str:
        """`41.2 ms (IQR 39.8–43.0, min–max 38.1–47.5, n=7)`."""

        def show(value: float) -> str:
            return f"{value * scale:.{digits}f}"

        return (
            f"{show(self.median)} {unit} (IQR {show(self.q1)}–{show(self.q3)}, "
            f"min–max {show(self.low)}–{show(self.high)}, n={self.count})"
        ).replace("  ", " ")


def paired_ratios(ours: Sequence[float], reference: Sequence[float]) -> list[float]:
    """Run i of ours over run i of the reference: both shared that moment's machine noise."""
    if len(ours) != len(reference):
        raise ValueError("paired runs must come in pairs")
    return [mine / theirs for mine, theirs in zip(ours, reference, strict=True) if theirs > 0]


def ratio_text(ratios: Sequence[float]) -> str:
    """`1.21× (min–max 1.10–1.35)`: the median of paired ratios and their range; a dash when no
    pair had a reference above zero (a run too short for the kernel to count a tick of CPU)."""
    if not ratios:
        return "— (the reference measured 0)"
    spread = Spread.of(ratios)
    return f"{spread.median:.2f}× (min–max {spread.low:.2f}–{spread.high:.2f})"
