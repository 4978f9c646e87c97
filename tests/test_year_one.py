"""Year 1 is written with four digits everywhere a date is printed: `0001-01-01`, not `1-01-01`.

(History file and folder names: tests/storage/test_history_claims.py.)
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bandtimer.coach.history_export import csv_rows, listing_row
from bandtimer.domain.history import ExerciseRecord, RoutineRef, WorkoutRecord, WorkoutStatus
from tests.history_sets import held

STARTED = datetime(1, 1, 1, 7, 30, 5, tzinfo=timezone(timedelta(hours=1)))
RECORD = WorkoutRecord(
    id="1a2b3c4d",
    routine=RoutineRef("Planks"),
    started=STARTED,
    ended=STARTED + timedelta(minutes=5),
    status=WorkoutStatus.COMPLETED,
    device="laptop",
    exercises=(ExerciseRecord(1, "Plank", None, 1, held(1), hold_seconds=30),),
)


def test_the_history_table_prints_year_1_with_four_digits() -> None:
    assert listing_row(RECORD)[0] == "0001-01-01 07:30"


def test_the_csv_prints_year_1_with_four_digits() -> None:
    [row] = list(csv_rows([RECORD]))
    assert row[0] == "0001-01-01 07:30:05"
