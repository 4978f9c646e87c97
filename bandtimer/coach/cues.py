"""Which cue a person hears for what the session just reported.

Kept apart from the player and from Textual so the choice can be tested on its own. Two rules:
at most one cue per redraw, because overlapping beeps are hard to tell apart; and nothing for
events that are long past, so catching up after a stall does not play a burst of stale beeps.
"""

from __future__ import annotations

from collections.abc import Iterable

from bandtimer.domain.events import (
    CountdownTick,
    Event,
    Halfway,
    RepCounted,
    RepStarted,
    SegmentStarted,
    SidesSwitched,
    WorkoutFinished,
)
from bandtimer.domain.plan import SegmentKind
from bandtimer.sound import Cue

STALE_AFTER_SECONDS = 0.6
"""An event older than this when it is noticed is shown but not sounded."""

PRIORITY = (
    Cue.DONE,
    Cue.SWITCH,
    Cue.GO,
    Cue.REST,
    Cue.HALFWAY,
    Cue.COUNT,
    Cue.HOLD,
    Cue.RELEASE,
    Cue.BEAT,
)
"""When several cues fall due together, the first of these wins."""


RESTS = (
    SegmentKind.REST_BETWEEN_SETS,
    SegmentKind.REST_BETWEEN_EXERCISES,
    SegmentKind.REST_BETWEEN_ROUNDS,
)
"""The pauses that start with the rest cue."""


def cue_for(event: Event) -> Cue | None:
    match event:
        case WorkoutFinished(completed=True):
            return Cue.DONE
        case SidesSwitched():
            return Cue.SWITCH
        case RepStarted(rep=1):
            return Cue.GO
        case RepStarted():
            return Cue.HOLD
        case RepCounted(segment=segment) if (
            segment.set_kind is not None and segment.set_kind.release_after_each_rep
        ):
            return Cue.RELEASE
        case RepCounted(segment=segment) if (
            segment.set_kind is not None and segment.set_kind.seconds_per_rep is not None
        ):
            return Cue.BEAT  # reps that count themselves to a tempo
        case SegmentStarted(segment=segment) if segment.set_kind is not None:
            return None if segment.set_kind.go_with_first_rep else Cue.GO
        case SegmentStarted(segment=segment):
            if segment.kind in RESTS:
                return Cue.REST
            return None
        case Halfway():
            return Cue.HALFWAY
        case CountdownTick():
            return Cue.COUNT
    return None


def choose_cue(events: Iterable[Event], now: float) -> Cue | None:
    """The one cue to play for a batch of events noticed at `now`, or None."""
    due = {
        cue
        for event in events
        if now - event.at <= STALE_AFTER_SECONDS and (cue := cue_for(event)) is not None
    }
    return next((cue for cue in PRIORITY if cue in due), None)
