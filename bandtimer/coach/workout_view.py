"""What the workout screen says at this moment, worked out from the session alone.

The screen only copies these strings into its widgets. Keeping the wording here, away from
Textual, means it can be checked for every kind of segment with a fake clock and no terminal,
and the screen stays a thin layer that cannot get the arithmetic wrong.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bandtimer.coach.formatting import clock_time, countdown_digits, describe_band
from bandtimer.domain.plan import Segment, SegmentKind
from bandtimer.domain.session import Session, SessionState

FINAL_SECONDS = 3
OWN_COLOUR_SECONDS = 2
"""A segment shorter than this plus `FINAL_SECONDS` never turns red: it would be red throughout."""

PAUSE_WORDS = {
    SegmentKind.GET_READY: "GET READY",
    SegmentKind.SWITCH_SIDES: "SWITCH SIDES",
    SegmentKind.REST_BETWEEN_SETS: "REST",
    SegmentKind.REST_BETWEEN_EXERCISES: "REST",
    SegmentKind.REST_BETWEEN_ROUNDS: "REST",
}
"""The banner of each pause; a set of work names itself (`SetKind.phase`, `SetKind.tone`)."""

PAUSE_TONES = {
    SegmentKind.GET_READY: "ready",
    SegmentKind.SWITCH_SIDES: "switch",
    SegmentKind.REST_BETWEEN_SETS: "rest",
    SegmentKind.REST_BETWEEN_EXERCISES: "rest",
    SegmentKind.REST_BETWEEN_ROUNDS: "rest",
}


@dataclass(frozen=True)
class RepCount:
    """A set whose reps count themselves, as the screen shows it: "rep 3 of 12" and a bar that
    fills through each rep, so counting up never looks like a rest counting down."""

    rep: int
    """The rep in progress, 1-based (the last one once all are done)."""
    of: int
    """The reps the set runs to."""
    fraction: float
    """How far into the rep in progress, 0 to 1; changes all the time, like `progress`."""
    seconds: float
    """How long one rep takes, for the screen to work out when its bar next moves."""


@dataclass(frozen=True)
class WorkoutView:
    phase: str
    tone: str
    """One of ready, work, hold, release, rest, switch: the banner's colour."""
    heading: str
    exercise: str
    set_line: str
    side: str
    """RIGHT, LEFT or empty."""
    big: str
    """What the big digits show: time left, or reps done."""
    caption: str
    band: str
    steps: tuple[str, ...]
    paused: bool
    final: bool
    """The last seconds of a countdown, which the screen makes stand out."""
    progress: float
    time_left: str
    """How long the workout has left from here (`Session.time_left`), for the header."""
    count: RepCount | None = None
    """For reps that count themselves: the rep in progress and the bar through it."""
    notes: str = ""
    """The exercise's own notes, shown while getting ready for it (not during its sets)."""


def big_seconds(seconds: float) -> str:
    """Whole seconds left, rounded up; plain seconds under a minute read best from afar."""
    whole = max(0, int(-(-seconds // 1)))
    return str(whole) if whole < 60 else clock_time(whole)


def describe(session: Session) -> WorkoutView:
    segment = session.current
    plan = session.plan
    remaining = session.remaining()
    big, caption = _readout(session, segment, remaining)
    side = segment.side.value.upper() if segment.side is not None else ""
    exercise = segment.exercise.name
    set_line = segment.where(" / ")
    if side:
        set_line += f" · {side} side"
    elif segment.exercise.sides.words and segment.is_work:
        set_line += f" · {segment.exercise.sides.words}"
    if segment.kind is SegmentKind.SWITCH_SIDES:
        exercise = f"{exercise}: {side} side next"
    elif not segment.is_work:
        exercise = f"Up next: {exercise}"
    kind = segment.set_kind
    reps = session.reps()
    phase = PAUSE_WORDS[segment.kind] if kind is None else kind.phase(reps)
    tone = PAUSE_TONES[segment.kind] if kind is None else kind.tone(reps)
    paused = session.state is SessionState.PAUSED
    if paused:
        phase = "PAUSED"
        caption = f"paused · space resumes · {caption}"
    return WorkoutView(
        phase=phase,
        tone=tone,
        heading=f"{plan.routine.name} · exercise {segment.exercise_number} / "
        f"{len(plan.routine.exercises)}",
        exercise=exercise,
        set_line=set_line,
        side=side,
        big=big,
        caption=caption,
        band=describe_band(segment.exercise),
        steps=segment.exercise.steps,
        paused=paused,
        final=_final(session, remaining),
        progress=session.progress(),
        time_left=f"{countdown_digits(session.time_left())} left",
        count=_count(session, segment),
        notes="" if segment.is_work else segment.exercise.notes,
    )


def _count(session: Session, segment: Segment) -> RepCount | None:
    """The rep in progress of a set whose reps count themselves; None for anything else."""
    reps = session.reps()
    kind = segment.set_kind
    cycle = kind.seconds_per_rep if kind is not None else None
    if reps is None or kind is None or kind.rep_goal is None or cycle is None:
        return None
    elapsed = min(session.elapsed(), session.duration() or 0.0)
    into = elapsed - (reps.rep - 1) * cycle
    fraction = min(1.0, max(0.0, into / cycle)) if cycle > 0 else 1.0
    return RepCount(rep=reps.rep, of=kind.rep_goal, fraction=fraction, seconds=cycle)


def _final(session: Session, remaining: float | None) -> bool:
    """The last seconds of a countdown long enough to show its own colour first: a three
    second side switch stays the colour of a switch throughout."""
    duration = session.duration()
    if remaining is None or duration is None or duration < FINAL_SECONDS + OWN_COLOUR_SECONDS:
        return False
    return 0 < remaining <= FINAL_SECONDS


def reps_question(session: Session) -> str | None:
    """What the screen asks after a set that wants its reps afterwards (a time-boxed set), or
    None when no set is waiting for them."""
    if not session.reps_to_record:
        return None
    record = session.records[session.reps_to_record[0]]
    segment = session.plan[record.segment_index]
    side = f", {segment.side.value} side" if segment.side is not None else ""
    where = f"{segment.where()}{side}"
    return f"{segment.exercise.name}, {where}: how many reps?"


def until_change(session: Session) -> float | None:
    """Seconds until `describe(session)` reads differently or a cue falls due, if nobody acts.

    Screens redraw at that moment instead of polling on a fixed tick, so a number changes and a
    segment ends on screen within a millisecond or two of its deadline. None while nothing will
    change by itself (paused, over). The progress fraction changes all the time; the screen
    draws it when the time left turns over.
    """
    if session.state is not SessionState.RUNNING:
        return None
    waits = [session.until_next_event()]
    remaining = session.remaining()
    if remaining:
        waits.append(_until_whole_second(remaining))
    reps = session.reps()
    if reps is not None and reps.phase_remaining:
        waits.append(_until_whole_second(reps.phase_remaining))
    if _time_left_moves(session):
        waits.append(_until_whole_second(session.time_left()))
    return min((wait for wait in waits if wait is not None), default=None)


def _time_left_moves(session: Session) -> bool:
    """Whether the workout's time left is going down: it stops once a set counted by hand has
    used up the plan's estimate for it, until the set ends."""
    remaining = session.remaining()
    if remaining is None:
        return session.elapsed() < session.current.planned_seconds
    return remaining > 0


def _until_whole_second(seconds_left: float) -> float:
    """Until `big_seconds(seconds_left)` shows one less: it rounds up, so at the whole second."""
    return seconds_left - (math.ceil(seconds_left) - 1)


def _readout(session: Session, segment: Segment, remaining: float | None) -> tuple[str, str]:
    kind = segment.set_kind
    if kind is None:
        return big_seconds(remaining or 0.0), "seconds left"
    readout = kind.readout(session.reps(), remaining or 0.0)
    if readout.seconds is not None:
        return big_seconds(readout.seconds), readout.caption
    return str(readout.count or 0), readout.caption
