"""What a history file of format 1 meant, in today's terms. Read only: nothing writes format 1.

Format 1 (until November 2026) kept, per exercise and side, `sets_done` and the lists `reps`
and `held_seconds`, which did not say which set each number belonged to: a skipped set of held
reps was a set of 0 reps, a time-boxed set whose count was not given simply had no entry (so the
next count moved up a set), held reps had no held seconds, and a workout followed to its end was
"completed" however many sets were skipped.

Every file bandtimer wrote also holds its `[[segment]]` records, the session's own account of
each set: skipped or not, its reps, its seconds. Each set is rebuilt from those. Only what they
cannot say is guessed, and the guess is the modest one: a set left early with reps in it counts
as done only as far as the file's `sets_done` says so, and the held seconds of held reps are
those of the reps finished (each held its planned hold; a rep in progress when the set was left
is unknown, unless it was the first). A hand-written file without segments is read from its
lists, set by set in order, as format 1 itself read them.
"""

from __future__ import annotations

from collections.abc import Sequence

from bandtimer.domain.history import ExerciseRecord, Feel, SetRecord, WorkoutStatus
from bandtimer.domain.plan import SegmentKind
from bandtimer.domain.records import SegmentRecord, SetOutcome
from bandtimer.domain.routine import Side
from bandtimer.domain.set_kinds import SHORTEST_HOLD
from bandtimer.storage.history.fields import MOST_HOLD_SECONDS, MOST_REPS, MOST_SETS, Fields

_WORK = {SegmentKind.HOLD, SegmentKind.REPS, SegmentKind.WORK}


def exercise(fields: Fields, segments: Sequence[SegmentRecord], *, number: int) -> ExerciseRecord:
    """One format 1 `[[exercise]]` table, its sets rebuilt from the file's segments."""
    name = fields.text("name")
    side = fields.optional_choice("side", Side)
    sets_planned = fields.whole("sets_planned", most=MOST_SETS)
    sets_done = fields.whole("sets_done", most=MOST_SETS)
    reps = fields.whole_list("reps", most=MOST_REPS, longest=MOST_SETS)
    hold = fields.optional_whole("hold_seconds", most=MOST_HOLD_SECONDS)
    held = fields.seconds_list("held_seconds", longest=MOST_SETS)
    last = {r.segment_index: r for r in segments if r.kind in _WORK}  # the last pass counts
    own = sorted(
        (r for r in last.values() if r.exercise_name == name and r.side == side),
        key=lambda r: r.set_number,
    )
    sets = _from_segments(own, sets_done, hold) if own else _from_lists(sets_done, reps, held)
    return ExerciseRecord(
        number=number,
        name=name,
        side=side,
        sets_planned=sets_planned,
        sets=sets,
        hold_seconds=hold,
        band=fields.optional_text("band"),
        feel=fields.optional_choice("feel", Feel),
    )


def status(written: WorkoutStatus, exercises: Sequence[ExerciseRecord]) -> WorkoutStatus:
    """`completed` as format 1 wrote it is `partial` when a set was not done or not reached."""
    if written is not WorkoutStatus.COMPLETED:
        return written
    every_set = all(
        entry.sets_done == len(entry.sets) == entry.sets_planned for entry in exercises
    )
    return WorkoutStatus.COMPLETED if every_set else WorkoutStatus.PARTIAL


def _from_segments(
    records: list[SegmentRecord], sets_done: int, hold: int | None
) -> tuple[SetRecord, ...]:
    # Sets left early whose reps were in range were done; the file's count says how many.
    in_range = max(0, sets_done - sum(not r.skipped for r in records))
    sets = []
    for record in records:
        reps = record.reps_done
        done = not record.skipped
        if not done and reps and in_range:
            done, in_range = True, in_range - 1
        sets.append(_set(record, done, hold))
    return tuple(sets)


def _set(record: SegmentRecord, done: bool, hold: int | None) -> SetRecord:
    timed = record.kind is SegmentKind.HOLD
    reps = None if timed else record.reps_done
    held: tuple[float, ...] = ()
    if record.kind is SegmentKind.REPS and hold is not None:
        held = (float(hold),) * (reps or 0)
        if not reps and not done and record.actual_seconds >= SHORTEST_HOLD:
            held = (min(float(hold), record.actual_seconds),)  # the first rep, left mid-hold
    did_something = bool(reps) or bool(held) or (timed and record.actual_seconds >= SHORTEST_HOLD)
    if done:
        outcome = SetOutcome.DONE
    elif did_something:
        outcome = SetOutcome.CUT_SHORT
    else:
        return SetRecord(record.set_number, SetOutcome.SKIPPED)
    return SetRecord(
        number=record.set_number,
        outcome=outcome,
        reps=reps,
        seconds=record.actual_seconds if timed else None,
        held_seconds=held,
    )


def _from_lists(
    sets_done: int, reps: tuple[int, ...], held: tuple[float, ...]
) -> tuple[SetRecord, ...]:
    sets = []
    for index in range(max(len(reps), len(held), sets_done)):
        count = reps[index] if index < len(reps) else None
        seconds = held[index] if index < len(held) else None
        if index < sets_done:
            outcome = SetOutcome.DONE
        elif count or seconds:
            outcome = SetOutcome.CUT_SHORT
        else:
            sets.append(SetRecord(index + 1, SetOutcome.SKIPPED))
            continue
        sets.append(SetRecord(index + 1, outcome, reps=count, seconds=seconds))
    return tuple(sets)
