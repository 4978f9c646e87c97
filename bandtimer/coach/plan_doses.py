"""A person's doses with the active plan's week over them: how a plan's doses reach the timer.

Kept apart from `coach.plans` (which reads plan files and the history) so that the app can hold
one from its first frame, as it holds the `DoseBook` it extends, without loading either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bandtimer.coach.doses import DoseBook, doses_for
from bandtimer.domain.dose import Dose
from bandtimer.domain.progression import DoseChange
from bandtimer.domain.routine import Routine
from bandtimer.domain.weekly_plan import week_change

if TYPE_CHECKING:
    from bandtimer.coach.plans import PlanStatus


class PlanDoseBook(DoseBook):
    """A person's doses with the active plan's week over them.

    While a plan is followed (`follow`), a routine of the current week's sessions is dosed as
    that week says: `changes` (and so `doses`, the preview's lines and the workout) carry the
    week's figures where it sets them, as `weekly_plan.week_change` makes them. A step taken back
    on the preview is taken back from the plan's dose too.
    """

    status: PlanStatus | None = None
    """The plan followed and where the person stands in it; None without a plan."""

    def follow(self, status: PlanStatus | None) -> None:
        self.status = status

    def changes(self, routine: Routine) -> tuple[DoseChange | None, ...]:
        status = self.status
        if status is None or status.progress.finished:
            return super().changes(routine)
        week = status.progress.week
        if routine.name.casefold() not in {name.casefold() for name in status.this_week()}:
            return super().changes(routine)
        return self.changes_in_week(routine, week)

    def changes_in_week(self, routine: Routine, week: int) -> tuple[DoseChange | None, ...]:
        """`routine`'s changes as week `week` of the plan followed would dose it."""
        own = super().changes(routine)
        if self.status is None:
            return own
        plan_doses = self.status.plan.doses_for(week, routine.name)
        kept = self.taken_back(routine)
        changes = []
        for number, (exercise, change) in enumerate(zip(routine.exercises, own, strict=True), 1):
            set_by_week = plan_doses.get(exercise.name.casefold())
            if set_by_week is None or number in kept:
                changes.append(change)
            else:
                changes.append(week_change(exercise, change, set_by_week))
        return tuple(changes)

    def doses_in_week(self, routine: Routine, week: int) -> dict[int, Dose]:
        return doses_for(self.changes_in_week(routine, week))
