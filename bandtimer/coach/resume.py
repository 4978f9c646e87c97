"""Whether an unfinished workout (a crash, a closed terminal, a kill) can be picked up again.

Resuming is only offered when the routine can still be found and still plans the same segments
as the ones already recorded; otherwise the person can only keep it as stopped early, so a
changed routine never gets half a workout grafted onto it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bandtimer.domain.history import WorkoutRecord, matches_plan
from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Routine

if TYPE_CHECKING:
    from bandtimer.storage.history import HistoryStore
    from bandtimer.storage.routines import RoutineEntry


@dataclass(frozen=True)
class Unfinished:
    """An unfinished workout, and the routine to carry on with if it can be."""

    record: WorkoutRecord
    routine: Routine | None

    @property
    def can_resume(self) -> bool:
        return self.routine is not None


def find_resumable(record: WorkoutRecord, entries: Sequence[RoutineEntry]) -> Routine | None:
    """The routine `record` was following, if it exists unchanged enough to carry on."""
    if record.resume_at is None:
        return None
    wanted_file = record.routine.file
    candidates = [
        entry.routine
        for entry in entries
        if entry.routine is not None
        and (entry.routine.name.casefold() == record.routine.name.casefold()
             or (wanted_file is not None and entry.path.resolve() == wanted_file))
    ]  # fmt: skip
    for routine in candidates:
        plan = build_plan(routine)
        if record.resume_at < len(plan) and matches_plan(record, plan):
            return routine
    return None


def unfinished_workout(
    store: HistoryStore, routines: Callable[[], Sequence[RoutineEntry]]
) -> Unfinished | None:
    """The latest unfinished workout, if there is one; the routines are only read then."""
    unfinished = store.unfinished()
    if not unfinished:
        return None
    record = unfinished[0]
    return Unfinished(record, find_resumable(record, routines()))
