"""The plan rules on their own: doses that stand from their week on, progress from logged
workouts in any order, a week repeated when its seven days pass unfinished, and Today's best
fit without a plan."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bandtimer.domain.dose import Dose
from bandtimer.domain.progression import DoseChange, Step
from bandtimer.domain.routine import Exercise, IntRange, Routine
from bandtimer.domain.set_kinds import HeldReps, TempoReps
from bandtimer.domain.today import Candidate, best_fit
from bandtimer.domain.weekly_plan import (
    Logged,
    PlanWeek,
    TrainingPlan,
    WeekDose,
    follow,
    week_change,
)

START = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)  # a Monday
PLAN = TrainingPlan(
    "Test",
    2,
    (
        PlanWeek(1, ("A", "B")),
        PlanWeek(2, ("B", "B"), (WeekDose("B", "Plank", hold=30),)),
        PlanWeek(3, ("A", "B"), (WeekDose("B", "Plank", sets=3),)),
    ),
)
ROUTINE = Routine(
    "B",
    (
        Exercise(
            "Plank",
            IntRange(1, 4),
            HeldReps(IntRange.exactly(6), IntRange.exactly(10)),
            progression=(10, 30, 45, 60),
        ),
        Exercise("Walk", IntRange(2, 2), TempoReps(IntRange.exactly(12), tempo=2.0)),
    ),
)


def logged(*sessions: tuple[str, int]) -> list[Logged]:
    return [Logged(name, START + timedelta(days=days, hours=1)) for name, days in sessions]


def test_dose_changes_stand_from_their_week_on_each_figure_on_its_own() -> None:
    assert PLAN.doses_for(1, "B") == {}
    assert PLAN.doses_for(2, "b")["plank"].hold == 30
    week_3 = PLAN.doses_for(3, "B")["plank"]
    assert (week_3.sets, week_3.hold) == (3, 30)


def test_the_weeks_dose_stands_over_the_persons_own_keeping_their_band() -> None:
    plank = ROUTINE.exercises[0]
    new = week_change(plank, None, WeekDose("B", "Plank", hold=30))
    assert (new.before, new.after, new.step) == (Dose(1, 10), Dose(1, 30), Step.HOLD_UP)
    assert new.text() == "Plank: 30 s this time, up from 10 s"
    own = DoseChange("Plank", Dose(2, 30, "red"), Dose(2, 45, "red"), Step.HOLD_UP)
    held = week_change(plank, own, WeekDose("B", "Plank", hold=30))
    assert (held.after, held.step) == (Dose(2, 30, "red"), Step.STAY)
    more = week_change(plank, own, WeekDose("B", "Plank", sets=3))
    assert (more.after, more.step) == (Dose(3, 45, "red"), Step.HOLD_UP)
    # Fitted to the routine's file, as every dose is: at most its 4 sets.
    assert week_change(plank, own, WeekDose("B", "Plank", sets=9)).after.sets == 4


def test_sessions_count_in_any_order_and_others_are_ignored() -> None:
    progress = follow(PLAN, START, logged(("B", 0), ("C", 1), ("A", 2)), today=date(2026, 3, 5))
    assert (progress.week, progress.done, progress.sessions_done) == (2, (), 2)
    assert [c.place.session for c in progress.counted] == [2, 1]
    assert progress.headline() == "week 2 of 3 · session 1 of 2"


def test_workouts_before_the_start_do_not_count() -> None:
    early = [Logged("A", START - timedelta(seconds=1))]
    assert follow(PLAN, START, early, today=START.date()).sessions_done == 0


def test_the_week_is_due_seven_days_after_its_first_session_then_starts_over() -> None:
    opened = follow(PLAN, START, logged(("A", 0)), today=date(2026, 3, 8))
    assert (opened.done, opened.due_by, opened.repeats) == ((1,), date(2026, 3, 8), 0)
    missed = follow(PLAN, START, logged(("A", 0)), today=date(2026, 3, 9))
    assert (missed.done, missed.due_by, missed.repeats, missed.week) == ((), None, 1, 1)
    # Done late, the session opens the repeated week; finishing it moves on.
    late = follow(PLAN, START, logged(("A", 0), ("B", 7), ("A", 8)), today=date(2026, 3, 10))
    assert (late.week, late.repeats, len(late.counted)) == (2, 0, 3)


def test_the_plan_finishes_and_has_nothing_left() -> None:
    sessions = [("A", 0), ("B", 1), ("B", 7), ("B", 8), ("A", 14), ("B", 15), ("A", 16)]
    done = follow(PLAN, START, logged(*sessions), today=date(2026, 3, 20))
    assert done.finished and done.next_session() is None and done.sessions_done == 6
    assert done.headline() == "all 3 weeks done"


def test_best_fit_takes_turns_and_picks_the_shortest_when_days_run_short() -> None:
    candidates = [
        Candidate("Long", 3600, date(2026, 3, 1)),
        Candidate("Short", 600, date(2026, 3, 3)),
        Candidate("Never", 60, None),
    ]
    tuesday, sunday = date(2026, 3, 3), date(2026, 3, 8)
    turn = best_fit(candidates, this_week=0, weekly_target=2, today=tuesday)
    assert turn is not None and (turn.routine, turn.why) == (
        "Long",
        "this week 0 of 2 · next in turn",
    )
    short = best_fit(candidates, this_week=1, weekly_target=2, today=sunday)
    assert short is not None and short.routine == "Short"
    met = best_fit(candidates, this_week=2, weekly_target=2, today=sunday)
    assert met is not None and met.why.endswith("target met · an extra, next in turn")
    assert best_fit(candidates[2:], this_week=0, weekly_target=2, today=tuesday) is None
