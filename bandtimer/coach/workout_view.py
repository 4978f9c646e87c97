"""What the workout screen says at this moment, worked out from the session alone.

The screen only copies these strings into its widgets. Keeping the wording here, away from
Textual, means it can be checked for every kind of segment with a fake clock and no terminal,
and the screen stays a thin layer that cannot get the arithmetic wrong.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bandtimer.coach.formatting import clock_time, describe_band
from bandtimer.domain.plan import RepMode, Segment, SegmentKind
from bandtimer.domain.session import Session, SessionState

FINAL_SECONDS = 3

PHASE_WORDS = {
    SegmentKind.GET_READY: "GET READY",
    SegmentKind.HOLD: "HOLD",
    SegmentKind.REPS: "REPS",
    SegmentKind.SWITCH_SIDES: "SWITCH SIDES",
    SegmentKind.REST_BETWEEN_SETS: "REST",
    SegmentKind.REST_BETWEEN_EXERCISES: "REST",
}

TONES = {
    SegmentKind.GET_READY: "ready",
    SegmentKind.HOLD: "work",
    SegmentKind.REPS: "work",
    SegmentKind.SWITCH_SIDES: "switch",
    SegmentKind.REST_BETWEEN_SETS: "rest",
    SegmentKind.REST_BETWEEN_EXERCISES: "rest",
}


@dataclass(frozen=True)
class WorkoutView:
    phase: str
    tone: str
    """One of work, rest, switch, ready: the screen's colour."""
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
    clock: str
    """Time into the workout against its planned total."""


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
    set_line = f"set {segment.set_number} / {segment.set_count}"
    if side:
        set_line += f" · {side} side"
    if segment.kind is SegmentKind.SWITCH_SIDES:
        exercise = f"{exercise}: {side} side next"
    elif not segment.is_work:
        exercise = f"Up next: {exercise}"
    elapsed_total = plan.seconds_before(segment.index) + min(
        session.elapsed(), segment.planned_seconds
    )
    phase = PHASE_WORDS[segment.kind]
    reps = session.reps()
    if segment.rep_mode is RepMode.HELD and reps is not None:
        phase = "HOLD" if reps.holding else "RELEASE"
    paused = session.state is SessionState.PAUSED
    if paused:
        phase = "PAUSED"
        caption = f"paused · space resumes · {caption}"
    return WorkoutView(
        phase=phase,
        tone=TONES[segment.kind],
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
        final=remaining is not None and 0 < remaining <= FINAL_SECONDS,
        progress=session.progress(),
        clock=f"{clock_time(elapsed_total)} / {clock_time(plan.total_seconds)}",
    )


def until_change(session: Session) -> float | None:
    """Seconds until `describe(session)` reads differently or a cue falls due, if nobody acts.

    Screens redraw at that moment instead of polling on a fixed tick, so a number changes and a
    segment ends on screen within a millisecond or two of its deadline. None while nothing will
    change by itself (paused, over). The progress fraction changes all the time; how often that
    shows depends on how wide the bar is drawn, so the screen works that part out.
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
    segment = session.current
    elapsed = session.elapsed()
    if elapsed < segment.planned_seconds:
        into_workout = session.plan.seconds_before(segment.index) + elapsed
        # clock_time rounds: the clock turns over at each half second.
        waits.append(math.floor(into_workout + 0.5) + 0.5 - into_workout)
    return min((wait for wait in waits if wait is not None), default=None)


def _until_whole_second(seconds_left: float) -> float:
    """Until `big_seconds(seconds_left)` shows one less: it rounds up, so at the whole second."""
    return seconds_left - (math.ceil(seconds_left) - 1)


def _readout(session: Session, segment: Segment, remaining: float | None) -> tuple[str, str]:
    reps = session.reps()
    if reps is None or segment.rep_target is None:
        seconds = f"of {segment.planned_seconds:g} s" if segment.kind is SegmentKind.HOLD else ""
        return big_seconds(remaining or 0.0), " ".join(filter(None, ["seconds left", seconds]))
    target = segment.rep_target
    if segment.rep_mode is RepMode.HELD:
        left = big_seconds(reps.phase_remaining or 0.0)
        if reps.holding:
            return left, f"rep {reps.rep} / {target} · hold {segment.hold_seconds} s"
        return left, f"rep {reps.rep} / {target} done · release"
    if segment.rep_mode is RepMode.TEMPO:
        return str(reps.reps_done), f"reps done of {target} · {segment.rep_seconds:g} s a rep"
    finish = " · f finishes the set" if reps.reps_done >= target.low else ""
    return str(reps.reps_done), f"reps done of {target} · Enter counts a rep{finish}"
