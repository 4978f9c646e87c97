"""Where a set of reps stands, worked out from the active seconds spent in it.

Reps that count themselves (to a tempo, or held) are never counted as they pass: they follow
from the time in the set, so a stall or a late redraw cannot lose one or add one. Only reps
counted by hand are a number kept elsewhere, and passed in. This arithmetic lives apart from the
session so it can be read without the state machine around it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bandtimer.domain.plan import RepMode, Segment

CLOCK_TOLERANCE = 1e-9
"""Seconds; a deadline this close counts as reached, so float sums (3 × 3.3) cannot leave a
segment running with femtoseconds to go."""


@dataclass(frozen=True)
class RepProgress:
    """Where a set of reps stands."""

    reps_done: int
    rep: int
    """The rep in progress (1-based), or the last one once all are done."""
    holding: bool
    """For held reps: squeezing now, rather than releasing between reps."""
    phase_remaining: float | None
    """For held reps: seconds left of this hold or release."""


def rep_goal(segment: Segment) -> int:
    """The reps a set runs to: the top of its range."""
    assert segment.rep_target is not None
    return segment.rep_target.high


def reps_at(
    segment: Segment, elapsed: float, duration: float | None, counted_reps: int
) -> RepProgress | None:
    """The reps of `segment` after `elapsed` active seconds of its `duration`; None if it has none.

    `counted_reps` is what was counted by hand, used only for sets counted that way.
    """
    if segment.rep_mode is None:
        return None
    target = rep_goal(segment)
    if segment.rep_mode is RepMode.COUNTED:
        done = counted_reps
        return RepProgress(done, min(done + 1, target), holding=False, phase_remaining=None)
    cycle = segment.rep_cycle_seconds
    elapsed = min(elapsed, duration or 0.0)
    if segment.rep_mode is RepMode.TEMPO:
        done = min(target, int(elapsed / cycle + CLOCK_TOLERANCE))
        return RepProgress(done, min(done + 1, target), holding=False, phase_remaining=None)
    assert segment.hold_seconds is not None
    hold = segment.hold_seconds
    started = min(target - 1, int(elapsed / cycle + CLOCK_TOLERANCE))
    into = elapsed - started * cycle
    holding = into < hold
    done = started + (0 if holding else 1)
    left = hold - into if holding else cycle - into
    return RepProgress(done, started + 1, holding=holding, phase_remaining=max(0.0, left))
