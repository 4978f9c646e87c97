"""Weekly streaks, this week's count, totals and the calendar: ISO weeks, workouts that count."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, timezone

from bandtimer.domain.history import (
    ExerciseRecord,
    RoutineRef,
    WorkoutRecord,
    WorkoutStatus,
)
from bandtimer.domain.plan import SegmentKind
from bandtimer.domain.records import SegmentRecord
from bandtimer.domain.streaks import (
    Regularity,
    Totals,
    daily_counts,
    regularity,
    this_week_count,
    totals,
    week_start,
    weekly_streak,
)
from tests.history_sets import reps_done


def workout(
    day: date,
    status: WorkoutStatus = WorkoutStatus.COMPLETED,
    *,
    at: time = time(7, 30),
    tz: timezone = UTC,
    active: float = 600.0,
    sets: int = 3,
) -> WorkoutRecord:
    started = datetime.combine(day, at, tzinfo=tz)
    segment = SegmentRecord(0, SegmentKind.REPS, "Clamshell", 1, None, 600, active, 0, 0, 12)
    entry = ExerciseRecord(1, "Clamshell", None, sets_planned=3, sets=reps_done(*[12] * sets))
    return WorkoutRecord(
        id=f"{day:%Y%m%d}{at:%H%M}",
        routine=RoutineRef("Hips"),
        started=started,
        ended=started + timedelta(seconds=active),
        status=status,
        device="laptop",
        exercises=(entry,),
        segments=(segment,),
    )


def twice_a_week(*mondays: date) -> list[WorkoutRecord]:
    """Two workouts in each given week: Tuesday and Thursday."""
    return [workout(monday + timedelta(days=d)) for monday in mondays for d in (1, 3)]


def test_iso_weeks_cross_the_new_year():
    # 2024-12-30 is the Monday of ISO week 1 of 2025.
    assert week_start(date(2025, 1, 1)) == date(2024, 12, 30)
    assert week_start(date(2024, 12, 30)) == date(2024, 12, 30)
    assert week_start(date(2025, 1, 5)) == date(2024, 12, 30)
    assert date(2024, 12, 30).isocalendar()[:2] == (2025, 1)


def test_the_streak_runs_through_the_turn_of_the_year():
    records = [
        *twice_a_week(date(2024, 12, 16), date(2024, 12, 23), date(2025, 1, 6)),
        workout(date(2024, 12, 31)),  # Tuesday of ISO week 1 of 2025 ...
        workout(date(2025, 1, 2)),  # ... and Thursday: the same week
    ]

    assert weekly_streak(records, today=date(2025, 1, 8), weekly_target=2) == 4


def test_the_streak_runs_through_a_53_week_year():
    # 2020 had an ISO week 53: Monday 2020-12-28 to Sunday 2021-01-03.
    assert date(2020, 12, 28).isocalendar()[:2] == (2020, 53)
    records = twice_a_week(date(2020, 12, 21), date(2020, 12, 28), date(2021, 1, 4))

    assert weekly_streak(records, today=date(2021, 1, 10), weekly_target=2) == 3


def test_a_week_not_yet_met_does_not_break_the_streak_until_it_is_over():
    records = [*twice_a_week(date(2025, 3, 3), date(2025, 3, 10)), workout(date(2025, 3, 17))]
    monday_of_week_three = date(2025, 3, 17)

    assert weekly_streak(records, today=monday_of_week_three, weekly_target=2) == 2
    assert this_week_count(records, today=monday_of_week_three) == 1
    # One more this week, and the week joins the streak.
    records.append(workout(date(2025, 3, 19)))
    assert weekly_streak(records, today=date(2025, 3, 19), weekly_target=2) == 3


def test_a_week_short_of_the_target_ends_the_streak():
    records = [
        *twice_a_week(date(2025, 3, 3)),
        workout(date(2025, 3, 11)),  # only one in the week of 10 March
        *twice_a_week(date(2025, 3, 17)),
    ]

    assert weekly_streak(records, today=date(2025, 3, 23), weekly_target=2) == 1
    assert weekly_streak(records, today=date(2025, 3, 23), weekly_target=1) == 3
    # Two weeks later, with nothing since, there is no streak.
    assert weekly_streak(records, today=date(2025, 4, 1), weekly_target=1) == 0


def test_only_completed_workouts_count():
    records = [
        workout(date(2025, 3, 4)),
        workout(date(2025, 3, 5), WorkoutStatus.STOPPED_EARLY),
        workout(date(2025, 3, 6), WorkoutStatus.IN_PROGRESS),
    ]

    assert this_week_count(records, today=date(2025, 3, 7)) == 1
    assert weekly_streak(records, today=date(2025, 3, 7), weekly_target=2) == 0
    assert totals(records) == Totals(workouts=1, active_seconds=600.0, sets=3)
    assert daily_counts(records, 1, today=date(2025, 3, 7))[date(2025, 3, 5)] == 0


def test_a_workout_belongs_to_the_day_where_it_was_done():
    # Monday 00:30 in UTC+2 is still Sunday in UTC: it counts for Monday, the person's day.
    late = workout(date(2025, 3, 10), at=time(0, 30), tz=timezone(timedelta(hours=2)))

    assert this_week_count([late], today=date(2025, 3, 10)) == 1


def test_totals_add_up_time_and_sets():
    records = [
        workout(date(2025, 3, 4), active=600.0, sets=3),
        workout(date(2025, 3, 6), active=900.5, sets=5),
    ]

    assert totals(records) == Totals(workouts=2, active_seconds=1500.5, sets=8)
    assert regularity(records, today=date(2025, 3, 7), weekly_target=2) == Regularity(
        streak_weeks=1, this_week=2, weekly_target=2, totals=Totals(2, 1500.5, 8)
    )


def test_daily_counts_cover_whole_weeks_ending_with_this_one():
    records = [
        workout(date(2025, 3, 4)),
        workout(date(2025, 3, 4), at=time(18, 0)),
        workout(date(2024, 12, 16)),  # the Monday 11 weeks back: the first day shown
        workout(date(2024, 12, 15)),  # the day before: not shown
    ]

    days = daily_counts(records, today=date(2025, 3, 5))

    assert len(days) == 12 * 7
    assert min(days) == date(2024, 12, 16)
    assert min(days).weekday() == 0
    assert max(days) == date(2025, 3, 9)  # the Sunday of this week
    assert days[date(2025, 3, 4)] == 2
    assert days[date(2024, 12, 16)] == 1
    assert sum(days.values()) == 3


def test_what_counts_is_a_workout_followed_to_its_end_of_a_routine_that_counts():
    monday = date(2026, 11, 23)
    partial = workout(monday, WorkoutStatus.PARTIAL)
    quick = replace(
        workout(monday + timedelta(days=1)),
        routine=RoutineRef("Quick try", counts_toward_streak=False),
    )
    nothing_done = workout(monday + timedelta(days=2), WorkoutStatus.PARTIAL, sets=0)
    stopped = workout(monday + timedelta(days=3), WorkoutStatus.STOPPED_EARLY)

    figures = regularity(
        [partial, quick, nothing_done, stopped], today=date(2026, 11, 27), weekly_target=1
    )

    assert (figures.streak_weeks, figures.this_week, figures.totals.workouts) == (1, 1, 1)
    assert daily_counts([partial, quick], weeks=1, today=date(2026, 11, 27))[monday] == 1
