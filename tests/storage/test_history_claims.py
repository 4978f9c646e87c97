"""One writer per workout: claims, renamed routines, and what the files look like on disk.

The lock dying with its owner needs a process to die: tests/robustness/test_two_copies.py.
Here the holders are in one process, which flock keeps apart just as it keeps two processes.
"""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bandtimer.domain.history import ExerciseRecord, RoutineRef, WorkoutRecord, WorkoutStatus
from bandtimer.storage.history import HistoryStore, WorkoutInUse
from tests.history_sets import held

ZONE = timezone(timedelta(hours=1))
STARTED = datetime(2026, 3, 2, 7, 30, tzinfo=ZONE)


def record(sets: int, *, routine: str = "Planks", started: datetime = STARTED) -> WorkoutRecord:
    return WorkoutRecord(
        id="1a2b3c4d",
        routine=RoutineRef(routine),
        started=started,
        ended=started + timedelta(minutes=sets),
        status=WorkoutStatus.IN_PROGRESS,
        device="laptop",
        exercises=(ExerciseRecord(1, "Plank", None, 3, held(sets), hold_seconds=30),),
        resume_at=2 * sets,
    )


def files(store: HistoryStore) -> list[str]:
    return sorted(p.name for p in store.history_dir.rglob("*") if p.is_file())


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    return HistoryStore(tmp_path / "history", "laptop")


def test_a_recorded_workout_cannot_be_claimed_and_the_message_names_its_process(store):
    owner = store.begin(record(0))
    owner.save(record(1))
    [listed] = store.unfinished()

    with pytest.raises(WorkoutInUse) as refused:
        store.claim(listed)
    assert refused.value.pid == os.getpid()
    assert f"process {os.getpid()}" in str(refused.value)

    owner.release()
    held = store.claim(listed)
    assert held is not None and held.record == record(1)


def test_a_claim_reads_the_workout_again_under_the_lock(store):
    owner = store.begin(record(0))
    owner.save(record(1))
    [listed] = store.unfinished()
    owner.save(record(2))  # a set saved between the listing and the claim
    owner.release()

    held = store.claim(listed)

    assert held is not None and held.record is not None and held.record.sets_done == 2
    held.stop()
    [stopped] = store.load_all().records
    assert (stopped.status, stopped.sets_done) == (WorkoutStatus.STOPPED_EARLY, 2)


def test_a_workout_that_ended_since_the_listing_is_not_claimed(store):
    owner = store.begin(record(0))
    owner.save(record(1))
    [listed] = store.unfinished()
    owner.save(replace(record(3), status=WorkoutStatus.COMPLETED))

    assert store.claim(listed) is None
    assert files(store) == ["2026-03-02T07-30-00--planks--laptop-1a2b3c4d.toml"]


def test_resumed_under_a_renamed_routine_the_workout_moves_and_ends_once(store):
    first = store.begin(record(0))
    first.save(record(1))
    first.release()
    held = store.claim(record(1))
    assert held is not None

    held.save(record(2, routine="Morning planks"))
    assert files(store) == [
        ".laptop-1a2b3c4d.lock",
        "2026-03-02T07-30-00--morning-planks--laptop-1a2b3c4d.inprogress.toml",
    ]
    held.save(replace(record(3, routine="Morning planks"), status=WorkoutStatus.COMPLETED))
    assert files(store) == ["2026-03-02T07-30-00--morning-planks--laptop-1a2b3c4d.toml"]
    assert store.unfinished() == []


def test_an_in_progress_file_whose_workout_finished_under_another_name_is_never_offered(store):
    """What the old resume left behind: the finished record under the routine's new name."""
    store.save(record(1))
    store.save(replace(record(3, routine="Morning planks"), status=WorkoutStatus.COMPLETED))

    assert store.unfinished() == []
    [only] = store.load_all().records
    assert only.sets_done == 3


def test_year_1_gets_a_folder_and_a_name_of_four_digits(store):
    ancient = replace(record(1, started=datetime(1, 1, 1, 7, 30, tzinfo=ZONE)), ended=STARTED)
    path = store.save(ancient)
    assert path.relative_to(store.history_dir).as_posix() == (
        "0001/0001-01-01T07-30-00--planks--laptop-1a2b3c4d.inprogress.toml"
    )
    assert store.unfinished() == [ancient]


def test_history_files_get_the_mode_the_umask_gives_a_new_file(store):
    umask = os.umask(0o022)
    os.umask(umask)
    path = store.save(record(1))
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
