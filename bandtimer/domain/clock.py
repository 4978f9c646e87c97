"""Where the time comes from.

Everything that counts down asks a `Clock` for the time and compares it with stored deadlines,
so the session never counts ticks and never reads the wall clock: a stall, a late redraw or a
change of the system time cannot move a countdown. Tests pass a `FakeClock` and move it by hand.
"""

from __future__ import annotations

import time
from typing import Protocol

CLOCK_TOLERANCE = 1e-9
"""Seconds; a deadline this close counts as reached, so float sums (3 × 3.3) cannot leave a
segment running with femtoseconds to go."""


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a monotonic scale; only differences between two readings mean anything."""
        ...


class MonotonicClock:
    """The real clock: `time.monotonic`, which no NTP step or user change of the time moves."""

    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that only moves when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock never goes back")
        self._now += seconds
