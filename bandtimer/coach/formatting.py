"""Words and numbers as a person reads them, shared by the command line and the screens.

Plain strings only: callers that render with Rich wrap them in `Text`, so nothing a routine file
says is ever read as markup.
"""

from __future__ import annotations

import math
from pathlib import Path

from bandtimer.domain.plan import Segment
from bandtimer.domain.routine import Exercise
from bandtimer.domain.set_kinds import plural as plural  # the kinds of set word doses with it
from bandtimer.domain.text import visible_controls


def whole_seconds(seconds: float) -> int:
    """Seconds to the nearest whole one, halves up (not to even, as `round` does): a running
    clock then turns over at every half second, the moment `workout_view.until_change` redraws
    it for, and a 12.5 s hold reads 13 in a list of sets as it does on a clock."""
    return max(0, math.floor(seconds + 0.5))


def clock_time(seconds: float) -> str:
    """`75` -> `1:15`, `3725` -> `1:02:05`; what a countdown or a planned total reads as."""
    whole = whole_seconds(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def countdown_digits(seconds: float) -> str:
    """Time left as a countdown shows it: rounded up, so `0:00` only appears at the very end."""
    whole = max(0, int(-(-seconds // 1)))
    return clock_time(whole)


def describe_dose(exercise: Exercise) -> str:
    """The dose as an article would write it: `3–5 sets × 8–12 reps, 5 s hold, each side`."""
    return exercise.dose


def describe_band(exercise: Exercise) -> str:
    """How to set the band up: `mini band · around both ankles · anchor: a table leg`."""
    parts = []
    if exercise.band is not None:
        parts.append(f"{exercise.band.value} band")
    if exercise.placement:
        parts.append(exercise.placement)
    if exercise.anchor:
        parts.append(f"anchor: {exercise.anchor}")
    return " · ".join(parts)


def describe_segment(segment: Segment) -> str:
    """What one segment asks for, as a line of `bandtimer show`."""
    kind = segment.set_kind
    return kind.segment_line() if kind is not None else str(segment.kind.value)


def side_label(segment: Segment) -> str:
    return segment.side.value if segment.side is not None else ""


def shown_path(path: Path) -> str:
    """The path, with the home folder written `~` as a person would type it; a file name may
    hold control characters as well as any text can, so they are shown as symbols."""
    try:
        shown = str(Path("~") / path.relative_to(Path.home()))
    except (ValueError, RuntimeError):  # not under it, or no home folder to be found
        shown = str(path)
    return visible_controls(shown)
