"""Which unfinished workouts (a crash, a closed terminal, a kill) to offer, and whether each can
be picked up again.

Resuming is only offered when the routine can still be found and still plans the same segments
as the ones already recorded; otherwise the person can only keep it as stopped early, so a
changed routine never gets half a workout grafted onto it. The routine is looked for by name and
by the file it came from, which is loaded even when it lies outside the routine folders (a
workout started with `bandtimer run path/to/file.toml`).

Each workout is claimed (locked, storage/history/lock.py) while it is on offer and read again
under the lock, so two copies of bandtimer never offer, resume or close one workout, nor a stale
copy of it; one that another copy holds is passed over.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bandtimer.coach.doses import recorded_doses
from bandtimer.coach.formatting import clock_time, plural
from bandtimer.domain.history import WorkoutRecord, matches_plan
from bandtimer.domain.plan import Plan, build_plan
from bandtimer.domain.routine import Routine
from bandtimer.domain.session import lead_in
from bandtimer.domain.summary import is_set_done, last_record_per_segment
from bandtimer.domain.text import visible_controls

if TYPE_CHECKING:
    from bandtimer.storage.history import HeldWorkout, HistoryStore


RESUME_GET_READY_SECONDS = 10
"""The least get ready before the set a resumed workout picks up at: time to find the band again
and put it back on, whatever the routine's own get ready (which may be 0)."""


def resume_get_ready(routine: Routine) -> float:
    """Seconds of get ready a resumed workout starts with (`Session(lead_in=...)`)."""
    return max(routine.timing.get_ready, RESUME_GET_READY_SECONDS)


def describe_unfinished(record: WorkoutRecord, routine: Routine | None) -> list[str]:
    """What the resume dialog says of an unfinished workout: when, what was done, what is left.

    With the routine it can carry on with, sets are counted on its plan (each side of a set
    on its own, as the history counts them) and the set it picks up at is named; without, only
    the record speaks. Names come from history and routine files: shown, never obeyed.
    """
    when = record.started.strftime("%a %d %b at %H:%M")
    lines = [f"{visible_controls(record.routine.name)}, started {when}."]
    if routine is None or record.resume_at is None:
        done = [entry.name for entry in record.exercises if entry.sets_done]
        names = f": {_listed(list(dict.fromkeys(done)))}" if done else ""
        lines.append(f"Done: {plural(record.sets_done, 'set')}{names}.")
        return lines
    plan = build_plan(routine, recorded_doses(routine, record))  # as `begin_workout` resumes it
    lines.append(_done_line(record, plan))
    lines.append(_left_line(plan, record.resume_at, resume_get_ready(routine)))
    return lines


def _done_line(record: WorkoutRecord, plan: Plan) -> str:
    last = last_record_per_segment(list(record.segments))
    work = [segment for segment in plan.segments if segment.is_work]
    done = [s for s in work if s.index in last and is_set_done(s, last[s.index])]
    if not done:
        return f"Done: nothing yet of {plural(len(work), 'set')}."
    names: list[str] = []
    for number in dict.fromkeys(segment.exercise_number for segment in done):
        sets = [segment for segment in work if segment.exercise_number == number]
        name = visible_controls(sets[0].exercise.name)
        in_full = all(segment in done for segment in sets)
        names.append(name if in_full else f"{name} in part")
    return f"Done: {len(done)} of {plural(len(work), 'set')}: {_listed(names)}."


def _left_line(plan: Plan, resume_at: int, get_ready: float) -> str:
    first = lead_in(plan[resume_at], get_ready) or plan[resume_at]
    ahead = (first, *plan.segments[resume_at + 1 :])
    sets = sum(segment.is_work for segment in ahead)
    seconds = sum(segment.planned_seconds for segment in ahead)
    following = next(segment for segment in ahead if segment.is_work)
    where = f"{visible_controls(following.exercise.name)}, set {following.set_number}"
    if following.side is not None:
        where += f", {following.side.value} side"
    return (
        f"Left: {plural(sets, 'set')}, about {clock_time(seconds)}, from {where}, "
        f"after a {round(get_ready)} s get ready."
    )


def _listed(names: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


@dataclass(frozen=True)
class Unfinished:
    """An unfinished workout claimed for this process, and the routine to carry on with if it
    can be. Whoever takes it resumes it, stops it or releases it."""

    held: HeldWorkout
    record: WorkoutRecord
    """As on disk when claimed."""
    routine: Routine | None

    @property
    def can_resume(self) -> bool:
        return self.routine is not None


def is_of(record: WorkoutRecord, routine: Routine) -> bool:
    """Whether `record` is a workout of `routine`: by name, or by the file it was read from."""
    wanted = record.routine.file
    return record.routine.name.casefold() == routine.name.casefold() or (
        wanted is not None and routine.path is not None and routine.path.resolve() == wanted
    )


def find_resumable(record: WorkoutRecord, routines: Iterable[Routine]) -> Routine | None:
    """The routine `record` was following, if it exists unchanged enough to carry on."""
    if record.resume_at is None:
        return None
    candidates = list(routines)
    wanted_file = record.routine.file
    if wanted_file is not None and not any(
        routine.path is not None and routine.path.resolve() == wanted_file
        for routine in candidates
    ):
        from bandtimer.storage.routines import RoutineError, load_routine

        with contextlib.suppress(RoutineError, OSError):  # run by its path, from elsewhere
            candidates.append(load_routine(wanted_file))
    for routine in candidates:
        if not is_of(record, routine):
            continue
        plan = build_plan(routine, recorded_doses(routine, record))  # as it was started
        if record.resume_at < len(plan) and matches_plan(record, plan):
            return routine
    return None


def unfinished_workouts(
    store: HistoryStore,
    routines: Callable[[], Iterable[Routine]],
    *,
    of: Routine | None = None,
) -> Iterator[Unfinished]:
    """This device's unfinished workouts (only `of`'s, when given), newest first, claimed one at
    a time as they are asked for; the routines are only read when there is one."""
    from bandtimer.storage.history import WorkoutInUse

    for found in store.unfinished():
        if of is not None and not is_of(found, of):
            continue
        try:
            held = store.claim(found)
        except WorkoutInUse:
            continue  # another copy of bandtimer is recording it, or offering it
        if held is None or held.record is None:
            continue  # it ended since the listing
        yield Unfinished(held, held.record, find_resumable(held.record, routines()))
