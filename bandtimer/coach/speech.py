"""What the coach says for what the session just reported, in the order a coach would say it.

Before an exercise: what it is, the band and where it goes, and the dose. At go: the side, if
there is one, and "Go". During a long hold: "Halfway" and "Ten seconds"; then three, two, one.
Between sides: "Switch sides. Left side." In a rest: how long, and what is next. In a tempo set:
the number of each rep (a beat where reps are too quick for words); in held reps: hold and
release. At the end: how long it took and the sets done.

Every line carries the cue that stands in for it, so a phrase that is not rendered in time is
replaced by its beep and nothing is ever said late (`choose_line` applies the same priorities
and the same staleness rule as `bandtimer.coach.cues`). `phrases_for` lists every line a plan can
produce, in the order they fall due, for rendering ahead. No Textual, no player, no espeak-ng.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from bandtimer.coach.cues import PRIORITY, STALE_AFTER_SECONDS, cue_for
from bandtimer.domain.clock import FakeClock
from bandtimer.domain.events import (
    CountdownTick,
    Event,
    Halfway,
    RepCounted,
    RepStarted,
    SegmentStarted,
    SidesSwitched,
    TenSecondsLeft,
    WorkoutFinished,
)
from bandtimer.domain.plan import (
    Plan,
    Segment,
    SegmentKind,
    build_plan,
)
from bandtimer.domain.routine import Band, Exercise, Routine
from bandtimer.domain.session import Session
from bandtimer.domain.set_kinds import spoken_number, spoken_seconds
from bandtimer.sound import Cue
from bandtimer.voice import speakable

SPOKEN_REP_MIN_SECONDS = 1.5
"""A rep shorter than this gets a beat: a number takes about half a second to say."""
NAME_CHARS = 60
"""An exercise name longer than this is cut at a word; the screen shows it in full."""
PLACEMENT_CHARS = 120


class TooLong(Enum):
    """What gives when a line would still be sounding as the next sound falls due.

    Nothing may: a runner on the mat must hear each phrase whole and then a clean three, two,
    one, go. Set-up time can stretch; a rest is part of the dose, so it stretches only when
    even the short form cannot fit; a set's clock belongs to the set and never stretches.
    """

    HOLD = "hold"
    """A get-ready or a side switch holds until the words end (plus a breath)."""
    SHORTEN_THEN_HOLD = "shorten, then hold"
    """A rest: the longest form that fits; if none does, the shortest, and the rest holds."""
    SHORTEN_THEN_BEEP = "shorten, then beep"
    """Inside a set: the longest form that fits; if none does, the beep."""


@dataclass(frozen=True)
class Line:
    """Something to say, and the beep that stands in for it (None: silence without a voice)."""

    text: str | None
    """None when only the beep is wanted (a beat on a quick rep)."""
    cue: Cue | None
    shorter: tuple[str, ...] = ()
    """Shorter ways to say it, longest first, for when `text` would run into the next sound."""
    too_long: TooLong = TooLong.SHORTEN_THEN_BEEP

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way to say it, longest first."""
        return (self.text, *self.shorter) if self.text is not None else ()


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def spoken_name(exercise: Exercise) -> str:
    """The name as words espeak-ng may read: no markup, no symbols, not too long."""
    return speakable(exercise.name, NAME_CHARS) or "The next exercise"


def spoken_band(exercise: Exercise) -> str:
    """ "Mini band around the toes." from the band and its placement; "" without a band."""
    if exercise.band is None:
        return ""
    band = exercise.band.value
    words = band if exercise.band is Band.TUBE else f"{band} band"
    if exercise.band is Band.TUBE and exercise.placement:
        words += ","
    placement = speakable(exercise.placement, PLACEMENT_CHARS).rstrip(".")
    anchor = speakable(exercise.anchor, PLACEMENT_CHARS).rstrip(".")
    sentence = _capital(f"{words} {placement}".strip()) + "."
    return sentence + (f" Anchor: {anchor}." if anchor else "")


def band_word(exercise: Exercise) -> str:
    """ "Mini band." or "Tube." without the placement; "" without a band."""
    if exercise.band is None:
        return ""
    band = exercise.band.value
    return _capital(band if exercise.band is Band.TUBE else f"{band} band") + "."


def up_next_briefly(segment: Segment) -> str:
    """The least a runner needs before the next exercise: what, which band, which side.
    "Up next: Lateral banded walk. Mini band. Right side." """
    parts = (f"Up next: {spoken_name(segment.exercise)}.", band_word(segment.exercise))
    return " ".join(part for part in parts if part) + (f" {_side(segment)}".rstrip())


def announcement(exercise: Exercise) -> str:
    """ "Dead bug with band. Mini band around the toes. Two sets of ten." """
    parts = (f"{spoken_name(exercise)}.", spoken_band(exercise), exercise.announcement())
    return " ".join(part for part in parts if part)


def _side(segment: Segment) -> str:
    return f"{_capital(segment.side.value)} side. " if segment.side is not None else ""


def _seconds(seconds: float) -> str:
    whole = round(seconds)
    return f"{spoken_number(whole)} {'second' if whole == 1 else 'seconds'}"


def finish_text(seconds: float, sets: int) -> str:
    took = _capital(spoken_seconds(round(seconds)))
    return f"Workout done. {took}, {spoken_number(sets)} {'set' if sets == 1 else 'sets'}."


def _start_line(segment: Segment, plan: Plan) -> Line | None:
    cue = cue_for(SegmentStarted(segment, 0.0))
    round_words = _round(segment, plan)
    match segment.kind:
        case SegmentKind.GET_READY:
            return Line(
                f"Get ready. {round_words}{announcement(segment.exercise)}",
                cue,
                too_long=TooLong.HOLD,
            )
        case SegmentKind.REST_BETWEEN_EXERCISES | SegmentKind.REST_BETWEEN_ROUNDS:
            rest = f"Rest, {_seconds(segment.planned_seconds)}."
            full = f"{round_words}Up next: {announcement(segment.exercise)}"
            shorter = (full, f"{round_words}{up_next_briefly(segment)}")
            return Line(f"{rest} {full}", cue, shorter, TooLong.SHORTEN_THEN_HOLD)
        case SegmentKind.REST_BETWEEN_SETS:
            rest = f"Rest, {_seconds(segment.planned_seconds)}."
            number = spoken_number(segment.set_in_round)
            count = spoken_number(segment.sets_in_round)
            up_next = f"Up next: set {number} of {count}."
            shorter = (up_next, f"{_side(segment)}Set {number}.".strip())
            return Line(f"{rest} {up_next}", cue, shorter, TooLong.SHORTEN_THEN_HOLD)
        case SegmentKind.SWITCH_SIDES:
            return None  # SidesSwitched says it
    if segment.set_kind is not None and segment.set_kind.go_with_first_rep:
        return Line(round_words.strip(), None) if round_words else None  # RepStarted says go
    text = f"{round_words}{_side(segment)}Go."
    shorter = tuple(dict.fromkeys(form for form in (f"{round_words}Go.", "Go.") if form != text))
    return Line(text, cue, shorter)


def _round(segment: Segment, plan: Plan) -> str:
    """ "Round two of four. ", said once, where a round of a block begins; "" elsewhere."""
    if not plan.opens_round(segment.index):
        return ""
    return f"Round {spoken_number(segment.round_number)} of {spoken_number(segment.round_count)}. "


def _releases(segment: Segment) -> bool:
    """Held reps: each rep's end means let go."""
    return segment.set_kind is not None and segment.set_kind.release_after_each_rep


def _seconds_per_rep(segment: Segment) -> float:
    """For reps that count themselves, seconds a rep; 0 for any other set or pause."""
    kind = segment.set_kind
    return (kind.seconds_per_rep or 0.0) if kind is not None else 0.0


def line_for(event: Event, plan: Plan) -> Line | None:
    """The line for one event; None for events a coach lets pass. The end needs the session:
    see `finish_line`."""
    cue = cue_for(event)
    match event:
        case SegmentStarted(segment=segment):
            return _start_line(segment, plan)
        case SidesSwitched(side=side):
            return Line(f"Switch sides. {_capital(side.value)} side.", cue, too_long=TooLong.HOLD)
        case RepStarted(segment=segment, rep=1):
            shorter = ("Go. Hold.", "Hold.") if segment.side is not None else ("Hold.",)
            return Line(f"{_side(segment)}Go. Hold.", cue, shorter)
        case RepStarted():
            return Line("Hold.", cue)
        case RepCounted(segment=segment, reps_done=done) if _releases(segment):
            return Line("Release.", cue) if done < (segment.set_kind.rep_goal or 0) else None
        case RepCounted(segment=segment, reps_done=done) if _seconds_per_rep(segment):
            quick = _seconds_per_rep(segment) < SPOKEN_REP_MIN_SECONDS
            return Line(None if quick else _capital(spoken_number(done)) + ".", cue)
        case Halfway():
            return Line("Halfway.", cue)
        case TenSecondsLeft():
            return Line("Ten seconds.", None)
        case CountdownTick(seconds_left=left):
            return Line(_capital(spoken_number(left)) + ".", cue)
    return None


def finish_line(session: Session) -> Line:
    """The time the workout took, pauses left out, and the sets done (both sides as one)."""
    started = session.started_at or 0.0
    finished = session.finished_at if session.finished_at is not None else started
    plan = session.plan
    done = {
        (record.exercise_name, record.set_number)
        for record in session.records
        if plan[record.segment_index].is_work and not record.skipped
    }
    return Line(finish_text(finished - started - session.total_paused, len(done)), Cue.DONE)


def planned_finish_line(plan: Plan) -> Line:
    """What `finish_line` says when the plan is followed exactly."""
    sets = {(segment.exercise_number, segment.set_number) for segment in plan if segment.is_work}
    return Line(finish_text(plan.total_seconds, len(sets)), Cue.DONE)


def expected_finish_line(session: Session) -> Line:
    """What `finish_line` will say if the rest of the plan is followed from now: worth
    rendering once a pause has been held for its words, which makes the plan's own total
    (`planned_finish_line`) wrong."""
    plan = session.plan
    started = session.started_at or 0.0
    active = session.clock.now() - started - session.total_paused + session.time_left()
    sets = {
        (record.exercise_name, record.set_number)
        for record in session.records
        if plan[record.segment_index].is_work and not record.skipped
    }
    sets |= {
        (segment.exercise.name, segment.set_number)
        for segment in plan.segments[session.index :]
        if segment.is_work
    }
    return Line(finish_text(active, len(sets)), Cue.DONE)


def _rank(line: Line) -> int:
    return PRIORITY.index(line.cue) if line.cue is not None else len(PRIORITY)


def choose_line(events: Iterable[Event], now: float, session: Session) -> Line | None:
    """The one line for a batch of events noticed at `now`: the one whose beep `choose_cue`
    would rank first; None when the events are stale or a coach would say nothing."""
    lines = []
    for event in events:
        if now - event.at > STALE_AFTER_SECONDS:
            continue
        if isinstance(event, WorkoutFinished):
            line = finish_line(session) if event.completed else None
        else:
            line = line_for(event, session.plan)
        if line is not None:
            lines.append(line)
    return min(lines, key=_rank, default=None)


def first_phrase(plan: Plan) -> str | None:
    """What is said the moment `plan` starts: worth rendering before anyone picks it."""
    line = line_for(SegmentStarted(plan[0], 0.0), plan)
    return line.text if line is not None else None


def opening_phrases(routines: Iterable[Routine]) -> list[str]:
    """Each routine's opening line, so whichever is started first is spoken from its first
    second; the rest of a workout's phrases are rendered once it starts, ahead of time."""
    plans = (build_plan(routine) for routine in routines)
    return [text for plan in plans if plan.segments and (text := first_phrase(plan))]


def phrases_for(plan: Plan, from_index: int = 0) -> list[str]:
    """Every phrase following `plan` from segment `from_index` can say, in the order due.

    Found by following the plan with a session on a simulated clock, moved from one event to
    the next, so the list holds exactly what the real session will report; a set counted by
    hand, which only keys move on, is skipped. Takes milliseconds for an hour-long routine:
    call it off the app's thread (`PhraseBook.prepare_from`).
    """
    clock = FakeClock(0.0)
    session = Session(plan, clock)
    session.start(from_index)
    texts: dict[str, None] = {}
    while not session.state.is_over:
        for event in session.poll():
            line = line_for(event, plan)
            if line is not None:
                texts.update(dict.fromkeys(line.forms))
        wait = session.until_next_event()
        if wait is None:
            session.skip()
        else:
            clock.advance(wait)
    texts[planned_finish_line(plan).text or ""] = None
    return list(texts)
