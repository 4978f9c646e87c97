"""How regular the training has been: weekly streaks, totals and a calendar of workout days.

Runners are told to do band work two or three times a week, so the streak is counted in weeks
that met the weekly target, not in days: a rest day never breaks it. Weeks are ISO weeks
(Monday to Sunday), which keeps the arithmetic right across the turn of a year: 2024-12-30 is in
week 1 of 2025.

One rule says which workouts count, everywhere in this module (streak, this week, totals and the
calendar), so the figures never disagree with each other: a workout counts when it was followed
to its end (`completed`, or `partial` with some sets skipped: a hold let go two seconds early does
not undo a workout), at least one set was done, and its routine counts toward streaks (Quick try
does not: it is a tour of the screens). A workout stopped after the warm-up set would otherwise
keep a streak alive. Everything takes `today` from the caller, so nothing here reads the clock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from bandtimer.domain.history import Workout

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Totals:
    """All-time figures over the workouts that count."""

    workouts: int
    active_seconds: float
    """Time spent working and resting, pauses left out."""
    sets: int


@dataclass(frozen=True)
class Regularity:
    """What the history and menu screens show about keeping it up."""

    streak_weeks: int
    """Consecutive weeks that met the target, ending this week, or last week if this week has
    not met it yet (the week is not over, so the streak is not broken)."""
    this_week: int
    weekly_target: int
    totals: Totals


def counts(record: Workout) -> bool:
    """Whether `record` counts toward the streak and the totals (the module's one rule)."""
    return (
        record.status.ran_to_the_end
        and record.sets_done > 0
        and record.routine.counts_toward_streak
    )


def counted(records: Iterable[Workout]) -> list[Workout]:
    """The records that count here (`counts`)."""
    return [record for record in records if counts(record)]


def workout_day(record: Workout) -> date:
    """The day a workout started, in the time zone it was done in: where the person was."""
    return record.started.date()


def week_start(day: date) -> date:
    """The Monday of `day`'s ISO week."""
    return day - timedelta(days=day.weekday())


def weekly_counts(records: Iterable[Workout]) -> Counter[date]:
    """Workouts that count per ISO week, keyed by the week's Monday."""
    return Counter(week_start(workout_day(record)) for record in counted(records))


def weekly_streak(records: Iterable[Workout], *, today: date, weekly_target: int) -> int:
    """Consecutive ISO weeks with at least `weekly_target` workouts that count (Regularity)."""
    weeks = weekly_counts(records)
    week = week_start(today)
    if weeks[week] < weekly_target:
        week -= WEEK
    streak = 0
    while weeks[week] >= weekly_target and weekly_target > 0:
        streak += 1
        week -= WEEK
    return streak


def this_week_count(records: Iterable[Workout], *, today: date) -> int:
    return weekly_counts(records)[week_start(today)]


def totals(records: Iterable[Workout]) -> Totals:
    done = counted(records)
    return Totals(
        workouts=len(done),
        active_seconds=sum(record.active_seconds for record in done),
        sets=sum(record.sets_done for record in done),
    )


def regularity(records: Iterable[Workout], *, today: date, weekly_target: int) -> Regularity:
    records = list(records)
    return Regularity(
        streak_weeks=weekly_streak(records, today=today, weekly_target=weekly_target),
        this_week=this_week_count(records, today=today),
        weekly_target=weekly_target,
        totals=totals(records),
    )


def daily_counts(
    records: Iterable[Workout], weeks: int = 12, *, today: date
) -> dict[date, int]:
    """Workouts that count per day for a calendar heatmap, zeros included.

    Covers whole ISO weeks, `weeks` of them ending with the week of `today`, Monday first, so a
    calendar can lay them out as columns of seven. Days after `today` are in it, with 0.
    """
    first = week_start(today) - (weeks - 1) * WEEK
    days = {first + timedelta(days=offset): 0 for offset in range(7 * max(0, weeks))}
    for record in counted(records):
        day = workout_day(record)
        if day in days:
            days[day] += 1
    return days
