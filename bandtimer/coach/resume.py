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
from bandtimer.domain.history import WorkoutRecord, matches_plan
from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Routine

if TYPE_CHECKING:
    from bandtimer.storage.history import HeldWorkout, HistoryStore


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
