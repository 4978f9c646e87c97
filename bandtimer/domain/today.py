"""What to do today when no plan is being followed: the routine that best fits the week's target.

The rule: only routines a person has done before are suggested (a routine never tried is their
own choice to make, and a new person is pointed at Quick try anyway), and never a sampler. While
the week still needs more sessions than it has days left to hold one each, the shortest of them
fits best (something done beats something long put off); otherwise the one done longest ago, so
the routines take turns. With the target met, the next in turn is still offered, said as extra.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

WEEK_DAYS = 7


@dataclass(frozen=True)
class Candidate:
    name: str
    planned_seconds: float
    last_done: date | None


@dataclass(frozen=True)
class TodayPick:
    routine: str
    why: str
    """`this week 1 of 2 · next in turn`: a short reason, shown beside the routine."""


def best_fit(
    candidates: Sequence[Candidate], *, this_week: int, weekly_target: int, today: date
) -> TodayPick | None:
    """The routine to suggest today (see the module docstring), or None with nothing done yet."""
    done = [candidate for candidate in candidates if candidate.last_done is not None]
    if not done:
        return None
    week = f"this week {this_week} of {weekly_target}"
    left = weekly_target - this_week
    days_left = WEEK_DAYS - today.weekday()
    if left > 0 and days_left <= left:
        shortest = min(done, key=lambda c: (c.planned_seconds, c.name.casefold()))
        return TodayPick(shortest.name, f"{week} · the shortest, to reach the target")
    oldest = min(done, key=lambda c: (c.last_done, c.name.casefold()))
    turn = "target met · an extra, next in turn" if left <= 0 else "next in turn"
    return TodayPick(oldest.name, f"{week} · {turn}")
