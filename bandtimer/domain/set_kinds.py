"""The kinds of set a routine can ask for, each one object that knows everything about itself.

A set is a timed hold, held reps, tempo reps, reps you count, or a time-boxed set ("work 40 s,
as many reps as you can"). Each kind is one frozen dataclass whose fields are the routine file's
fields that make it, and it answers every question the rest of bandtimer has about it: how long
it is planned to take, where a set in progress stands, which moments inside it deserve a cue,
the words that describe it (the dose line of the preview and `bandtimer show`, the caption of
the workout screen, the sentence a voice announces), and which combinations of fields make it.
The plan, the session, the workout view, the cues and routine validation ask the kind; none of
them asks which kind it is. A new kind of set is a new class here, listed in `KINDS`, plus its
field in the routine parser.

Reps that count themselves (held, or to a tempo) are never counted as they pass: they follow
from the active seconds spent in the set, so a stall or a late redraw cannot lose one or add
one. Only reps counted by hand are a number kept by the session, and passed in.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

from bandtimer.domain.clock import CLOCK_TOLERANCE

if TYPE_CHECKING:
    from bandtimer.domain.routine import IntRange, Timing

COUNTDOWN_FROM = 3
HALFWAY_MIN_HOLD = 20
"""Holds shorter than this get the 3-2-1 only; a halfway cue (or ten seconds to go) as well
would crowd them."""
TEN_SECONDS = 10
HELD_REP_COUNTDOWN_MIN_HOLD = 10
SHORTEST_HOLD = 2.0
"""Seconds a hold must last to count as held at all, in a set that was left early: less is `s`
pressed as the set began, a skip rather than a hold."""
ESTIMATED_SECONDS_PER_COUNTED_REP = 3.0
"""Reps counted by hand have no clock; this only estimates their share of the planned total."""
DOSE_FIELDS = ("reps", "hold", "tempo", "work", "count_reps")
"""The routine file's fields that say what kind of set an exercise is."""


class SegmentKind(StrEnum):
    """What one stretch of a workout is: a pause, or the work of one kind of set.

    The value is what history files call it, so a value never changes once released.
    """

    GET_READY = "get ready"
    HOLD = "hold"
    REPS = "reps"
    WORK = "work"
    SWITCH_SIDES = "switch sides"
    REST_BETWEEN_SETS = "rest"
    REST_BETWEEN_EXERCISES = "rest before next exercise"
    REST_BETWEEN_ROUNDS = "rest between rounds"


# -- where a set stands, and its moments ----------------------------------------------------------


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


class MomentKind(StrEnum):
    REP_STARTED = "rep started"
    REP_DONE = "rep done"
    HALFWAY = "halfway"
    COUNTDOWN = "countdown"
    """3, 2, 1 before an end: of the segment, or (with `rep`) of a held rep's hold."""
    TEN_LEFT = "ten seconds left"
    """Ten seconds before a long hold ends (one of over 20 s, so that it is not halfway too)."""


@dataclass(frozen=True)
class MomentKey:
    """Names one moment of a segment, so it is announced once however late the session looks."""

    what: MomentKind
    rep: int = 0
    """The rep the moment belongs to; 0 for the segment as a whole."""
    seconds_left: int = 0
    """For a countdown: 3, 2 or 1."""


@dataclass(frozen=True)
class Moment:
    """A moment inside a segment that deserves an event, `offset` active seconds into it."""

    offset: float
    key: MomentKey


def countdown_moments(end: float, rep: int = 0) -> list[Moment]:
    """3, 2, 1 before `end` seconds into a segment (those that fall inside it)."""
    return [
        Moment(end - n, MomentKey(MomentKind.COUNTDOWN, rep, n))
        for n in range(COUNTDOWN_FROM, 0, -1)
        if end - n > 0
    ]


def long_hold_moments(end: float, hold: float, rep: int = 0) -> list[Moment]:
    """Halfway through a hold of `hold` seconds ending `end` seconds in, and ten seconds before
    its end where that is not halfway too (at 20 s both fall together; halfway says it);
    nothing for a short hold."""
    marks = []
    if hold >= HALFWAY_MIN_HOLD:
        marks.append(Moment(end - hold / 2, MomentKey(MomentKind.HALFWAY, rep)))
    if hold - TEN_SECONDS > hold / 2:
        marks.append(Moment(end - TEN_SECONDS, MomentKey(MomentKind.TEN_LEFT, rep)))
    return marks


def _timed_moments(duration: float) -> list[Moment]:
    """Halfway and ten seconds to go on a long countdown, and its 3-2-1."""
    return long_hold_moments(duration, duration) + countdown_moments(duration)


# -- words ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Readout:
    """What the workout screen's big digits and caption show for a set in progress.

    `seconds` is a countdown to show, or else `count` is a number of reps; the view formats
    them so every countdown on the screen reads the same way."""

    caption: str
    seconds: float | None = None
    count: int | None = None


def plural(count: int | str, word: str) -> str:
    return f"{count} {word}" if str(count) == "1" else f"{count} {word}s"


_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def spoken_number(number: int) -> str:
    """`42` -> `forty-two`: a voice reads words the same way whatever its idea of digits."""
    if number < 0:
        return f"minus {spoken_number(-number)}"
    if number < 20:
        return _ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return _TENS[tens - 2] + (f"-{_ONES[ones]}" if ones else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{_ONES[hundreds]} hundred" + (f" and {spoken_number(rest)}" if rest else "")
    return str(number)


def spoken_range(numbers: IntRange) -> str:
    if numbers.is_fixed:
        return spoken_number(numbers.low)
    return f"{spoken_number(numbers.low)} to {spoken_number(numbers.high)}"


def spoken_seconds(seconds: float) -> str:
    """`30` -> `thirty seconds`, `90` -> `one and a half minutes`, `2.5` -> `two and a half
    seconds`, `82` -> `one minute, twenty-two seconds`, from ten minutes up whole minutes: how a
    coach says a length of time, a set's dose or a whole workout's (round a measured one first).
    """
    whole, fraction = divmod(seconds, 1)
    count = int(whole)
    if fraction == 0.5:
        return "half a second" if count == 0 else f"{spoken_number(count)} and a half seconds"
    if fraction:
        return f"{seconds:g} seconds"
    minutes, rest = divmod(count, 60)
    if minutes == 0:
        return "one second" if count == 1 else f"{spoken_number(count)} seconds"
    said = "one minute" if minutes == 1 else f"{spoken_number(minutes)} minutes"
    if rest == 0:
        return said
    if rest == 30:
        return f"{spoken_number(minutes)} and a half minutes"
    if minutes >= 10:
        return f"{spoken_number(round(count / 60))} minutes"
    return f"{said}, {'one second' if rest == 1 else f'{spoken_number(rest)} seconds'}"


def _sentence(text: str, each_side: bool) -> str:
    text += ", each side" if each_side else ""
    return text[:1].upper() + text[1:] + "."


def _sets_times_reps(sets: IntRange, reps: IntRange) -> str:
    return f"{plural(str(sets), 'set')} × {plural(str(reps), 'rep')}"


def _sets_of(sets: int, what: str) -> str:
    return f"{spoken_number(sets)} {'set' if sets == 1 else 'sets'} of {what}"


# -- the kinds ------------------------------------------------------------------------------------


class SetKind(ABC):
    """One kind of set: its fields, its time, its moments, its words and its validation rule.

    Subclasses are frozen dataclasses whose fields are named as the routine file names them.
    `announcement(sets, each_side)` is the sentence a voice says before the exercise, such as
    "Two sets of ten." or "Hold thirty seconds."; plain text, one sentence.
    """

    segment_kind: ClassVar[SegmentKind]
    """What the plan and the history call a set of this kind."""
    file_fields: ClassVar[frozenset[str]]
    """The validation rule: exactly these fields of `DOSE_FIELDS` make this kind."""
    counted_by_hand: ClassVar[bool] = False
    """Each rep is counted with a key, and the set has no deadline."""
    asks_reps_after: ClassVar[bool] = False
    """At its end the app asks how many reps were done, and records the answer."""
    go_with_first_rep: ClassVar[bool] = False
    """Its first rep's start says go, so the set's own start does not."""
    release_after_each_rep: ClassVar[bool] = False
    """The end of each rep means let go: a rest cue rather than a rep counted."""
    measured_in_seconds: ClassVar[bool] = False
    """A set's result is the seconds it lasted (a timed hold), not reps."""

    # A kind without reps or a hold reads these; a kind with them has them as fields, declared
    # `= field()` so that these defaults do not become theirs.
    reps: IntRange | None = None
    """The range a set of reps may finish in; None for a kind without a rep target."""
    hold: IntRange | None = None
    """Seconds held: of the whole set, or of each rep; None for a kind that is not held."""

    # -- the plan --------------------------------------------------------------------------------

    def planned(self, timing: Timing) -> SetKind:
        """This kind with whatever the routine's timing adds to it (the release between reps)."""
        return self

    @property
    def planned_hold(self) -> int | None:
        """A range of hold seconds plans its low end; the history suggests stepping up."""
        return self.hold.low if self.hold is not None else None

    @property
    def rep_goal(self) -> int | None:
        """The reps a set runs to: the top of its range; a person may finish anywhere in it."""
        return self.reps.high if self.reps is not None else None

    @property
    def seconds_per_rep(self) -> float | None:
        """For reps that count themselves, seconds from one rep's start to the next's (a voice
        counts them aloud only when there is time to); None for other kinds."""
        return None

    @abstractmethod
    def planned_seconds(self) -> float:
        """How long one set is planned to take."""

    @property
    def ends_by_itself(self) -> bool:
        """Whether a set ends when its time is up (it has a deadline)."""
        return not self.counted_by_hand

    # -- a set in progress -----------------------------------------------------------------------

    def progress(self, elapsed: float, duration: float, counted: int) -> RepProgress | None:
        """Where a set stands after `elapsed` active seconds of `duration`; None without reps.

        `counted` is what was counted by hand, used only by sets counted that way."""
        return None

    def moments(self, duration: float) -> list[Moment]:
        """The moments of a set lasting `duration` seconds that deserve an event."""
        return _timed_moments(duration)

    def rep_holds(self, elapsed: float) -> tuple[float, ...]:
        """Seconds each rep was held in a set left after `elapsed` active seconds; empty for
        a kind whose reps are not held."""
        return ()

    # -- words -----------------------------------------------------------------------------------

    @abstractmethod
    def dose(self, sets: IntRange) -> str:
        """The dose as an article writes it: `3–5 sets × 8–12 reps, 5 s hold each rep`."""

    @abstractmethod
    def segment_line(self) -> str:
        """What one planned set asks for, as a line of `bandtimer show`: `hold 30 s`."""

    def phase(self, progress: RepProgress | None) -> str:
        """The word the workout screen's banner shows: HOLD, RELEASE, REPS, WORK."""
        return self.segment_kind.value.upper()

    def tone(self, progress: RepProgress | None) -> str:
        """The banner's colour: work, hold or release."""
        return "work"

    @abstractmethod
    def readout(self, progress: RepProgress | None, remaining: float) -> Readout:
        """The big figure and the caption under it, `remaining` seconds before the end."""

    @abstractmethod
    def announcement(self, sets: int, each_side: bool = False) -> str:
        """The sentence a voice says before the exercise: `Two sets of ten.`"""

    @classmethod
    def conflicts(cls, present: frozenset[str]) -> list[tuple[str, str]]:
        """(field, why) for fields given with this kind's own that cannot go with them."""
        return []


@dataclass(frozen=True)
class TimedHold(SetKind):
    """`hold` alone: one hold per set, timed; its result is the seconds held."""

    hold: IntRange = field()

    segment_kind = SegmentKind.HOLD
    file_fields = frozenset({"hold"})
    measured_in_seconds = True

    def planned_seconds(self) -> float:
        return float(self.hold.low)

    def dose(self, sets: IntRange) -> str:
        return f"{plural(str(sets), 'set')} × {self.hold} s hold"

    def segment_line(self) -> str:
        return f"hold {self.hold.low} s"

    def tone(self, progress: RepProgress | None) -> str:
        return "hold"

    def readout(self, progress: RepProgress | None, remaining: float) -> Readout:
        return Readout(f"seconds left of {self.planned_seconds():g} s", seconds=remaining)

    def announcement(self, sets: int, each_side: bool = False) -> str:
        hold = spoken_seconds(self.hold.low)
        if sets == 1:
            return _sentence(f"hold {hold}", each_side)
        return _sentence(f"{spoken_number(sets)} holds of {hold}", each_side)


@dataclass(frozen=True)
class HeldReps(SetKind):
    """`reps` and `hold`: each rep is held, with `release` seconds between reps to let go.

    The reps count themselves from the time in the set."""

    reps: IntRange = field()
    hold: IntRange
    release: int = 2
    """Seconds between two held reps: the routine's `timing.rep_release`, set by the plan."""

    segment_kind = SegmentKind.REPS
    file_fields = frozenset({"reps", "hold"})
    go_with_first_rep = True
    release_after_each_rep = True

    def planned(self, timing: Timing) -> SetKind:
        return replace(self, release=timing.rep_release)

    @property
    def seconds_per_rep(self) -> float:
        """Seconds from the start of one rep to the start of the next: hold and release."""
        return float(self.hold.low + self.release)

    def planned_seconds(self) -> float:
        reps = self.reps.high
        return float(reps * self.hold.low + (reps - 1) * self.release)

    def progress(self, elapsed: float, duration: float, counted: int) -> RepProgress:
        hold, cycle, target = self.hold.low, self.seconds_per_rep, self.reps.high
        elapsed = min(elapsed, duration)
        started = min(target - 1, int(elapsed / cycle + CLOCK_TOLERANCE))
        into = elapsed - started * cycle
        holding = into < hold
        done = started + (0 if holding else 1)
        left = hold - into if holding else cycle - into
        return RepProgress(done, started + 1, holding=holding, phase_remaining=max(0.0, left))

    def rep_holds(self, elapsed: float) -> tuple[float, ...]:
        """Every rep finished held its full hold; the rep in progress (if any) as long as it
        was held, when that was `SHORTEST_HOLD` or more."""
        progress = self.progress(elapsed, self.planned_seconds(), 0)
        holds = [float(self.hold.low)] * progress.reps_done
        if progress.holding and progress.reps_done < self.reps.high:
            held = self.hold.low - (progress.phase_remaining or 0.0)
            if held >= SHORTEST_HOLD:
                holds.append(held)
        return tuple(holds)

    def moments(self, duration: float) -> list[Moment]:
        hold, cycle = self.hold.low, self.seconds_per_rep
        marks: list[Moment] = []
        for rep in range(1, self.reps.high + 1):
            start = (rep - 1) * cycle
            marks.append(Moment(start, MomentKey(MomentKind.REP_STARTED, rep)))
            marks.append(Moment(start + hold, MomentKey(MomentKind.REP_DONE, rep)))
            marks += long_hold_moments(start + hold, hold, rep)
            if hold >= HELD_REP_COUNTDOWN_MIN_HOLD:
                marks += countdown_moments(start + hold, rep)
        return marks

    def dose(self, sets: IntRange) -> str:
        return f"{_sets_times_reps(sets, self.reps)}, {self.hold} s hold each rep"

    def segment_line(self) -> str:
        return f"{self.reps} reps, {self.hold.low} s hold each"

    def phase(self, progress: RepProgress | None) -> str:
        return "RELEASE" if progress is not None and not progress.holding else "HOLD"

    def tone(self, progress: RepProgress | None) -> str:
        return self.phase(progress).lower()

    def readout(self, progress: RepProgress | None, remaining: float) -> Readout:
        assert progress is not None, "held reps always know where they stand"
        left = math.ceil(progress.phase_remaining or 0.0)
        if progress.holding:
            caption = f"hold · {left} s left of {self.hold.low} s"
        else:
            caption = f"release · rep {progress.rep + 1} in {left} s"
        return Readout(caption, count=progress.rep)

    def announcement(self, sets: int, each_side: bool = False) -> str:
        reps = spoken_range(self.reps)
        hold = spoken_seconds(self.hold.low)
        return _sentence(f"{_sets_of(sets, reps)}, holding each rep {hold}", each_side)


@dataclass(frozen=True)
class TempoReps(SetKind):
    """`reps` and `tempo`: each rep takes `tempo` seconds, and the reps count themselves."""

    reps: IntRange = field()
    tempo: float

    segment_kind = SegmentKind.REPS
    file_fields = frozenset({"reps", "tempo"})

    @property
    def seconds_per_rep(self) -> float:
        return self.tempo

    def planned_seconds(self) -> float:
        return self.reps.high * self.tempo

    def progress(self, elapsed: float, duration: float, counted: int) -> RepProgress:
        target = self.reps.high
        elapsed = min(elapsed, duration)
        done = min(target, int(elapsed / self.tempo + CLOCK_TOLERANCE))
        return RepProgress(done, min(done + 1, target), holding=False, phase_remaining=None)

    def moments(self, duration: float) -> list[Moment]:
        return [
            Moment(rep * self.tempo, MomentKey(MomentKind.REP_DONE, rep))
            for rep in range(1, self.reps.high + 1)
        ]

    def dose(self, sets: IntRange) -> str:
        return f"{_sets_times_reps(sets, self.reps)}, {self.tempo:g} s a rep"

    def segment_line(self) -> str:
        return f"{self.reps} reps, {self.tempo:g} s a rep"

    def readout(self, progress: RepProgress | None, remaining: float) -> Readout:
        assert progress is not None, "tempo reps always know where they stand"
        caption = f"{progress.reps_done} of {self.reps} done · {self.tempo:g} s a rep"
        return Readout(caption, count=progress.rep)

    def announcement(self, sets: int, each_side: bool = False) -> str:
        reps = spoken_range(self.reps)
        rep = spoken_seconds(self.tempo)
        return _sentence(f"{_sets_of(sets, reps)}, {rep} a rep", each_side)

    @classmethod
    def conflicts(cls, present: frozenset[str]) -> list[tuple[str, str]]:
        problems = []
        if "tempo" in present and "hold" in present:
            problems.append(
                ("tempo", "tempo and hold do not go together: tempo paces reps that are not held")
            )
        if "tempo" in present and "reps" not in present:
            problems.append(("tempo", "tempo needs reps: it is the seconds each rep takes"))
        return problems


@dataclass(frozen=True)
class CountedReps(SetKind):
    """`reps` alone: the person presses a key for each rep; the set has no deadline, and its
    planned time is only an estimate."""

    reps: IntRange = field()

    segment_kind = SegmentKind.REPS
    file_fields = frozenset({"reps"})
    counted_by_hand = True

    def planned_seconds(self) -> float:
        return self.reps.high * ESTIMATED_SECONDS_PER_COUNTED_REP

    def progress(self, elapsed: float, duration: float, counted: int) -> RepProgress:
        return RepProgress(counted, min(counted + 1, self.reps.high), False, None)

    def moments(self, duration: float) -> list[Moment]:
        return []

    def dose(self, sets: IntRange) -> str:
        return _sets_times_reps(sets, self.reps)

    def segment_line(self) -> str:
        return f"{self.reps} reps, counted"

    def readout(self, progress: RepProgress | None, remaining: float) -> Readout:
        done = progress.reps_done if progress is not None else 0
        finish = " · f finishes the set" if done >= self.reps.low else ""
        return Readout(f"reps done of {self.reps} · Enter counts a rep{finish}", count=done)

    def announcement(self, sets: int, each_side: bool = False) -> str:
        return _sentence(_sets_of(sets, spoken_range(self.reps)), each_side)


@dataclass(frozen=True)
class TimeBoxed(SetKind):
    """`work`: work for that many seconds, as many reps as you can in good form.

    A countdown like a timed hold; at its end the app asks how many reps were done (a number,
    or nothing), and that count is what the set records."""

    work: int

    segment_kind = SegmentKind.WORK
    file_fields = frozenset({"work"})
    asks_reps_after = True

    def planned_seconds(self) -> float:
        return float(self.work)

    def dose(self, sets: IntRange) -> str:
        return f"{plural(str(sets), 'set')} × {self.work} s work, max reps"

    def segment_line(self) -> str:
        return f"work {self.work} s, max reps"

    def readout(self, progress: RepProgress | None, remaining: float) -> Readout:
        caption = f"seconds left of {self.work} s · as many reps as you can"
        return Readout(caption, seconds=remaining)

    def announcement(self, sets: int, each_side: bool = False) -> str:
        work = spoken_seconds(self.work)
        what = work if sets == 1 else _sets_of(sets, work)
        return _sentence(f"{what}, as many reps as you can", each_side)

    @classmethod
    def conflicts(cls, present: frozenset[str]) -> list[tuple[str, str]]:
        others = [name for name in DOSE_FIELDS if name in present and name not in TIMED_FIELDS]
        if "work" not in present or not others:
            return []
        listed = " or ".join(others)
        why = "a work set is as many reps as you can in its seconds"
        return [("work", f"work does not go with {listed}: {why}")]


@dataclass(frozen=True)
class TimedItem(SetKind):
    """`work` with `count_reps = false`: a stretch, a balance, a walk, timed with nothing to
    count. A countdown like a time-boxed set; nothing is asked at its end."""

    work: int
    count_reps: bool = False

    segment_kind = SegmentKind.WORK
    file_fields = frozenset({"work", "count_reps"})

    def planned_seconds(self) -> float:
        return float(self.work)

    def dose(self, sets: IntRange) -> str:
        return f"{plural(str(sets), 'set')} × {_minutes(self.work)}, timed"

    def segment_line(self) -> str:
        return f"{_minutes(self.work)}, timed"

    def phase(self, progress: RepProgress | None) -> str:
        return "TIMED"

    def tone(self, progress: RepProgress | None) -> str:
        return "hold"

    def readout(self, progress: RepProgress | None, remaining: float) -> Readout:
        return Readout(f"seconds left of {_minutes(self.work)}", seconds=remaining)

    def announcement(self, sets: int, each_side: bool = False) -> str:
        work = spoken_seconds(self.work)
        return _sentence(work if sets == 1 else _sets_of(sets, work), each_side)

    @classmethod
    def conflicts(cls, present: frozenset[str]) -> list[tuple[str, str]]:
        if "count_reps" in present and "work" not in present:
            return [("count_reps", "count_reps goes with work: it makes a timed item of it")]
        return []


def _minutes(seconds: int) -> str:
    """`45 s`, `2 min`, `2 min 30 s`: a timed item's length as a dose line writes it."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min" + (f" {rest} s" if rest else "")


TIMED_FIELDS = frozenset({"work", "count_reps"})
"""The fields a timed set (`TimeBoxed`, `TimedItem`) is made of."""

KINDS: tuple[type[SetKind], ...] = (
    TimedHold, HeldReps, TempoReps, CountedReps, TimeBoxed, TimedItem,
)  # fmt: skip
"""Every kind of set, for reading routine files."""


def shape_problems(present: frozenset[str]) -> list[tuple[str | None, str]]:
    """Why the dose fields `present` in an exercise make no kind of set; empty when they do.

    Each problem is (field, or None for the exercise as a whole; the reason)."""
    problems: list[tuple[str | None, str]] = []
    if not present & {"reps", "hold", "work"}:
        problems.append((None, "needs reps, hold or both, or work, found none of them"))
    for kind in KINDS:
        problems += kind.conflicts(present)
    if not problems and not any(kind.file_fields == present & set(DOSE_FIELDS) for kind in KINDS):
        problems.append((None, f"{', '.join(sorted(present))} do not make a set together"))
    return problems


def kind_from_fields(values: Mapping[str, object]) -> SetKind:
    """The kind of set the dose fields in `values` make; `shape_problems` must have none."""
    given = frozenset(values)
    for kind in KINDS:
        if kind.file_fields == given:
            return kind(**values)
    raise ValueError(f"no kind of set is made of {', '.join(sorted(given))}")
