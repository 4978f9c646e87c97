"""A time-boxed set's reps, given after it, reach the history file, the CSV and the JSON."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bandtimer.coach.history_export import csv_text, record_to_json
from bandtimer.domain.clock import FakeClock
from bandtimer.domain.history import WorkoutStatus, record_from_session
from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Exercise, IntRange, Routine, Timing
from bandtimer.domain.session import Session
from bandtimer.domain.set_kinds import TimeBoxed
from bandtimer.storage.history import HistoryStore

STARTED = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)


def test_the_reps_given_after_a_work_set_are_in_the_file_the_csv_and_the_json(
    tmp_path: Path,
) -> None:
    squat = Exercise("Band squat", IntRange.exactly(2), TimeBoxed(30))
    routine = Routine("Intervals", (squat,), timing=Timing(get_ready=0, rest_between_sets=10))
    clock = FakeClock()
    session = Session(build_plan(routine), clock)
    session.start()
    clock.advance(30)
    session.poll()
    clock.advance(4)  # answered during the rest
    session.record_reps(15)
    clock.advance(6 + 30)
    session.poll()
    session.record_reps(None)  # Enter alone
    record = record_from_session(
        session,
        record_id="abc123",
        routine_file=None,
        routine_hash=None,
        device="laptop",
        started=STARTED,
        now=STARTED + timedelta(seconds=70),
        bands={},
        feels={},
        status=WorkoutStatus.COMPLETED,
    )
    store = HistoryStore(tmp_path, "laptop")
    store.save(record)
    [saved] = store.load_all().records
    assert saved == record

    [entry] = saved.exercises
    assert (entry.sets_done, entry.reps, entry.held_seconds) == (2, (15,), ())
    work = [segment for segment in saved.segments if segment.kind.value == "work"]
    assert [(s.set_number, s.reps_done, s.actual_seconds) for s in work] == [
        (1, 15, 30.0),
        (2, None, 30.0),
    ]

    rows = list(csv.DictReader(io.StringIO(csv_text([saved]))))
    assert [(row["exercise"], row["set"], row["reps"], row["seconds"]) for row in rows] == [
        ("Band squat", "1", "15", ""),
        ("Band squat", "2", "", ""),
    ]

    exported = record_to_json(saved)
    assert [done["reps"] for done in exported["exercises"][0]["sets"]] == [15, None]
    assert [(s["kind"], s["reps"]) for s in exported["segments"]] == [
        ("work", 15),
        ("rest", None),
        ("work", None),
    ]


def test_a_count_not_given_keeps_the_next_count_on_its_own_row(tmp_path: Path) -> None:
    """The first set's count skipped, the second's given: 14 is the second set's, everywhere.
    (Format 1 kept `reps = [14]`, which the CSV put on the first set's row.)"""
    squat = Exercise("Band squat", IntRange.exactly(2), TimeBoxed(30))
    routine = Routine("Intervals", (squat,), timing=Timing(get_ready=0, rest_between_sets=10))
    clock = FakeClock()
    session = Session(build_plan(routine), clock)
    session.start()
    clock.advance(30)
    session.poll()
    session.record_reps(None)  # Enter alone
    clock.advance(10 + 30)
    session.poll()
    session.record_reps(14)
    record = record_from_session(
        session, record_id="abc124", routine_file=None, routine_hash=None, device="laptop",
        started=STARTED, now=STARTED + timedelta(seconds=70), bands={}, feels={},
        status=WorkoutStatus.COMPLETED,
    )
    store = HistoryStore(tmp_path, "laptop")
    store.save(record)
    [saved] = store.load_all().records

    rows = list(csv.DictReader(io.StringIO(csv_text([saved]))))
    assert [(row["set"], row["result"], row["reps"]) for row in rows] == [
        ("1", "done", ""),
        ("2", "done", "14"),
    ]
    exported = record_to_json(saved)
    assert [done["reps"] for done in exported["exercises"][0]["sets"]] == [None, 14]
    assert saved.status is WorkoutStatus.COMPLETED
