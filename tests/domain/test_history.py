"""Building a workout record from a session: what was done, counted as the summary counts it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path

import pytest

from bandtimer.domain.history import (
    ExerciseRecord,
    Feel,
    RoutineRef,
    SetRecord,
    WorkoutStatus,
    matches_plan,
    record_from_session,
)
from bandtimer.domain.plan import build_plan
from bandtimer.domain.records import SetOutcome
from bandtimer.domain.routine import Exercise, IntRange, Side
from bandtimer.domain.session import Session
from bandtimer.domain.set_kinds import HeldReps, TempoReps, TimeBoxed, TimedHold
from bandtimer.domain.summary import summarize

STARTED = datetime(2025, 3, 1, 7, 30, 0, 654321, tzinfo=timezone(timedelta(hours=1)))


def record_of(session, *, status=WorkoutStatus.IN_PROGRESS, bands=None, feels=None):
    return record_from_session(
        session,
        record_id="1a2b3c4d",
        routine_file=Path("/routines/test.toml"),
        routine_hash="0" * 64,
        device="laptop",
        started=STARTED,
        now=STARTED + timedelta(minutes=5, microseconds=5),
        bands=bands or {},
        feels=feels or {},
        status=status,
    )


@pytest.fixture
def bridge() -> Exercise:
    """Reps paced at 2 s each: a set of 12 lasts 24 s and counts itself."""
    return Exercise("Bridge", sets=IntRange.exactly(2), kind=TempoReps(IntRange(10, 12), 2.0))


def test_a_record_names_the_routine_the_device_and_the_times(make_routine, start_session, bridge):
    session = start_session(make_routine(bridge))

    record = record_of(session)

    assert record.id == "1a2b3c4d"
    assert record.routine == RoutineRef("Test routine", Path("/routines/test.toml"), "0" * 64)
    assert record.device == "laptop"
    # Kept to the second: the record is read by people, not by a stopwatch.
    assert record.started == STARTED.replace(microsecond=0)
    assert record.ended == STARTED.replace(microsecond=0) + timedelta(minutes=5)
    assert record.status is WorkoutStatus.IN_PROGRESS


def test_before_the_first_set_nothing_is_done_and_it_resumes_at_the_start(
    make_routine, start_session, bridge
):
    record = record_of(start_session(make_routine(bridge, get_ready=10)))

    assert record.exercises == ()
    assert record.segments == ()
    assert record.resume_at == 0


def test_only_the_last_pass_through_a_set_counts(make_routine, start_session, clock, bridge):
    session = start_session(make_routine(bridge))
    clock.advance(24)  # set 1: 12 reps
    session.poll()
    clock.advance(10)  # set 2: 5 reps, then back to set 1
    session.back()
    clock.advance(20)  # set 1 again: 10 reps, in range
    session.finish_set()
    clock.advance(2)  # set 2: 1 rep, then stop
    session.quit()

    record = record_of(session, status=WorkoutStatus.STOPPED_EARLY)

    (entry,) = record.exercises
    assert entry == ExerciseRecord(
        number=1,
        name="Bridge",
        side=None,
        sets_planned=2,
        sets=(SetRecord(1, SetOutcome.DONE, 10), SetRecord(2, SetOutcome.CUT_SHORT, 1)),
    )
    assert [segment.reps_done for segment in record.segments] == [12, 5, 10, 1]
    assert record.resume_at == 1  # set 2, the one after the last set finished
    # The summary screen and the history agree on what was done.
    (summary,) = summarize(session).exercises
    assert (entry.sets_done,) == summary.sets_done
    assert (entry.reps,) == summary.reps


def test_a_timed_hold_records_its_hold_and_the_seconds_held(
    make_routine, start_session, clock, plank_hold
):
    session = start_session(make_routine(plank_hold))
    clock.advance(30.04)
    session.poll()
    clock.advance(10.0)
    session.quit()

    (entry,) = record_of(session).exercises

    assert (entry.hold_seconds, entry.held_seconds, entry.reps) == (30, (30.0, 10.0), ())
    assert (entry.sets_planned, entry.sets_done) == (2, 1)


def test_each_side_gets_its_own_entry_with_the_band_and_feel_of_the_exercise(
    make_routine, start_session, clock, clamshell_each_side
):
    session = start_session(make_routine(clamshell_each_side))
    for _ in range(12):
        session.count_rep()  # right side of set 1
    for _ in range(10):
        session.count_rep()  # left side: 10 is in range
    session.finish_set()
    for _ in range(3):
        session.count_rep()
    session.quit()

    record = record_of(session, bands={"Clamshell": "blue"}, feels={"Clamshell": Feel.HARD})

    right, left = record.exercises
    assert (right.side, right.reps, right.sets_done) == (Side.RIGHT, (12, 3), 1)
    assert (left.side, left.reps, left.sets_done) == (Side.LEFT, (10,), 1)
    assert {entry.band for entry in record.exercises} == {"blue"}
    assert {entry.feel for entry in record.exercises} == {Feel.HARD}
    assert record.exercise("clamshell") == (right, left)
    assert record.sets_done == 2


def test_resuming_starts_with_the_rest_after_the_last_finished_set(
    make_routine, start_session, clock, bridge
):
    session = start_session(make_routine(bridge, rest_between_sets=30))
    clock.advance(24 + 5)  # set 1 done, 5 s into the rest
    session.poll()  # the session only learns the time when asked

    record = record_of(session)

    assert session.plan[1].is_rest
    assert record.resume_at == 1
    # Only finished segments are recorded; the rest in progress is not one yet.
    assert [segment.segment_index for segment in record.segments] == [0]


def test_a_completed_workout_has_nothing_to_resume(make_routine, start_session, clock, bridge):
    session = start_session(make_routine(bridge))
    clock.advance(100)
    session.poll()

    record = record_of(session, status=WorkoutStatus.COMPLETED)

    assert record.resume_at is None
    assert record.active_seconds == 48
    assert record.paused_seconds == 0
    assert record.sets_done == 2


def test_seconds_are_kept_to_a_tenth(make_routine, start_session, clock, plank_hold):
    session = start_session(make_routine(plank_hold))
    clock.advance(12.3456)
    session.skip()

    (segment,) = record_of(session).segments

    assert segment.actual_seconds == 12.3
    assert segment.skipped is True


def test_times_without_a_time_zone_are_refused(make_routine, start_session, bridge):
    session = start_session(make_routine(bridge))

    with pytest.raises(ValueError, match="aware"):
        record_from_session(
            session,
            record_id="x",
            routine_file=None,
            routine_hash=None,
            device="laptop",
            started=datetime(2025, 3, 1, 7, 30),
            now=STARTED,
            bands={},
            feels={},
            status=WorkoutStatus.IN_PROGRESS,
        )


def test_a_resumed_workout_continues_the_same_record(make_routine, start_session, clock, bridge):
    routine = make_routine(bridge, rest_between_sets=30)
    first = start_session(routine)
    clock.advance(24 + 30 + 6)  # set 1, the rest, then 3 reps into set 2 ...
    first.poll()
    first.quit()  # ... and the terminal closes
    stopped = record_of(first, bands={"Bridge": "red"}, feels={"Bridge": Feel.EASY})
    assert stopped.resume_at == 1  # the rest before set 2

    second = Session(build_plan(routine), clock)
    second.start(stopped.resume_at)
    clock.advance(30 + 24)
    second.poll()
    an_hour_later = stopped.started + timedelta(hours=1)
    record = record_from_session(
        second,
        record_id=stopped.id,
        routine_file=stopped.routine.file,
        routine_hash=stopped.routine.sha256,
        device="laptop",
        started=stopped.started,
        now=an_hour_later,
        bands={},
        feels={"Bridge": Feel.RIGHT},
        status=WorkoutStatus.COMPLETED,
        resumed=stopped,
    )

    (entry,) = record.exercises
    assert (entry.reps, entry.sets_done) == ((12, 12), 2)
    assert (entry.band, entry.feel) == ("red", Feel.RIGHT)  # kept, and rated again
    assert record.segments[:3] == stopped.segments
    assert [s.segment_index for s in record.segments] == [0, 1, 2, 1, 2]
    # Timed from the first start: the hour, less the 54 s this session ran, came in between.
    assert [s.started_at for s in record.segments[3:]] == [3546.0, 3576.0]
    assert (record.id, record.started, record.resume_at) == (stopped.id, stopped.started, None)


def test_a_workout_resumes_only_as_itself_and_on_the_same_plan(
    make_routine, start_session, clock, bridge, plank_hold
):
    session = start_session(make_routine(bridge))
    clock.advance(24)
    session.poll()
    stopped = record_of(session)
    changed = Session(build_plan(make_routine(plank_hold)), clock)

    assert matches_plan(stopped, session.plan)
    assert not matches_plan(stopped, changed.plan)
    resume = partial(
        record_from_session,
        routine_file=None,
        routine_hash=None,
        device="laptop",
        started=STARTED,
        now=STARTED,
        bands={},
        feels={},
        status=WorkoutStatus.IN_PROGRESS,
        resumed=stopped,
    )
    with pytest.raises(ValueError, match="keeps its id"):
        resume(session, record_id="other")
    with pytest.raises(ValueError, match="routine has changed"):
        resume(changed, record_id=stopped.id)


# -- records that tell the truth (issue 12) -------------------------------------------------------


def run_to_the_end(session, clock, *, skip: str = "") -> None:
    """Every segment to its end, except the sets of `skip`, skipped as they start."""
    while not session.state.is_over:
        if session.current.is_work and session.current.exercise.name == skip:
            session.skip()
            continue
        clock.advance(session.remaining() or 0.0)
        session.poll()


def test_a_workout_run_to_its_end_with_an_exercise_skipped_is_partial_and_lists_its_sets(
    make_routine, start_session, clock, bridge
):
    plank = Exercise("Plank", sets=IntRange.exactly(2), kind=TimedHold(IntRange.exactly(20)))
    session = start_session(make_routine(bridge, plank))
    run_to_the_end(session, clock, skip="Plank")

    record = record_of(session, status=WorkoutStatus.COMPLETED)

    assert record.status is WorkoutStatus.PARTIAL
    assert [(entry.name, done.number, done.outcome) for entry, done in record.sets_not_done] == [
        ("Plank", 1, SetOutcome.SKIPPED),
        ("Plank", 2, SetOutcome.SKIPPED),
    ]
    # A skipped set has nothing to show: no 0 reps, no 0 seconds.
    assert record.exercise("Plank")[0].sets == (
        SetRecord(1, SetOutcome.SKIPPED),
        SetRecord(2, SetOutcome.SKIPPED),
    )
    assert record.resume_at is None


def test_a_workout_with_every_set_done_is_completed(make_routine, start_session, clock, bridge):
    session = start_session(make_routine(bridge))
    run_to_the_end(session, clock)

    record = record_of(session, status=WorkoutStatus.COMPLETED)

    assert record.status is WorkoutStatus.COMPLETED
    assert record.sets_not_done == ()


def test_held_reps_keep_the_seconds_of_every_rep_held(make_routine, start_session, clock):
    bridge = Exercise("Held bridge", sets=IntRange.exactly(2), kind=HeldReps(
        IntRange.exactly(3), IntRange.exactly(5)))
    session = start_session(make_routine(bridge, rep_release=2))
    clock.advance(5 + 2 + 5 + 2 + 5)  # set 1: three reps held 5 s, 2 s apart (no rest after)
    session.poll()
    clock.advance(7 + 3.5)  # set 2: one rep, and 3.5 s into the second, then skip
    session.skip()

    (entry,) = record_of(session).exercises

    assert entry.sets == (
        SetRecord(1, SetOutcome.DONE, 3, held_seconds=(5.0, 5.0, 5.0)),
        SetRecord(2, SetOutcome.CUT_SHORT, 1, held_seconds=(5.0, 3.5)),
    )


def test_a_time_boxed_count_not_given_leaves_its_own_set_empty(make_routine, start_session, clock):
    squat = Exercise("Squat", sets=IntRange.exactly(2), kind=TimeBoxed(40))
    session = start_session(make_routine(squat))
    run_to_the_end(session, clock)
    session.record_reps(None)  # set 1: Enter alone
    session.record_reps(14)

    (entry,) = record_of(session, status=WorkoutStatus.COMPLETED).exercises

    assert [(done.number, done.outcome, done.reps) for done in entry.sets] == [
        (1, SetOutcome.DONE, None),
        (2, SetOutcome.DONE, 14),
    ]


def test_a_routine_that_is_not_a_workout_says_so_in_its_record(make_routine, start_session, bridge):
    routine = replace(make_routine(bridge), counts_toward_streak=False)

    record = record_of(start_session(routine))

    assert record.routine.counts_toward_streak is False
