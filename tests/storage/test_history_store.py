"""The history folder: saving, finishing, loading, and never touching a file it cannot read."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from bandtimer.domain.history import ExerciseRecord, RoutineRef, WorkoutRecord, WorkoutStatus
from bandtimer.storage.history import HistoryStore, routine_slug
from tests.history_sets import reps_done

ZONE = timezone(timedelta(hours=1))


def make_record(
    day: int = 1,
    *,
    hour: int = 7,
    routine: str = "Mini band workouts",
    status: WorkoutStatus = WorkoutStatus.COMPLETED,
    device: str = "laptop",
    band: str | None = None,
    month: int = 3,
    year: int = 2025,
) -> WorkoutRecord:
    started = datetime(year, month, day, hour, 30, tzinfo=ZONE)
    entry = ExerciseRecord(1, "Clamshell", None, 3, reps_done(15, 15, 15), band=band)
    return WorkoutRecord(
        id=f"{year % 100:02d}{month:02d}{day:02d}{hour:02d}",
        routine=RoutineRef(routine),
        started=started,
        ended=started + timedelta(minutes=20),
        status=status,
        device=device,
        exercises=(entry,),
    )


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time, to prove that nothing was touched."""
    return {
        str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    return HistoryStore(tmp_path / "history", "laptop")


def test_a_missing_folder_is_an_empty_history_and_stays_missing(store):
    assert store.load_all().records == []
    assert store.load_all().problems == []
    assert store.latest(10).records == []
    assert store.unfinished() == []
    assert store.last_done() == {}
    assert store.last_band("Clamshell") is None
    assert not store.history_dir.exists()


def test_a_workout_gets_a_file_of_its_own_named_for_when_what_and_where(store):
    path = store.save(make_record(1, routine="Mini Band Workouts!"))

    assert path == store.history_dir / "2025" / (
        "2025-03-01T07-30-00--mini-band-workouts--laptop-25030107.toml"
    )
    assert store.load_all().records == [make_record(1, routine="Mini Band Workouts!")]


def test_saving_after_every_set_rewrites_one_in_progress_file(store):
    record = make_record(status=WorkoutStatus.IN_PROGRESS)
    first = store.save(record)
    second = store.save(replace(record, resume_at=4))

    assert first == second
    assert first.name.endswith("--laptop-25030107.inprogress.toml")
    assert [path.name for path in first.parent.iterdir()] == [first.name]
    assert store.unfinished() == [replace(record, resume_at=4)]


def test_finishing_replaces_the_in_progress_file(store):
    record = make_record(status=WorkoutStatus.IN_PROGRESS)
    in_progress = store.save(record)

    final = store.save(replace(record, status=WorkoutStatus.COMPLETED))

    assert final.name == in_progress.name.replace(".inprogress.toml", ".toml")
    assert not in_progress.exists()
    assert store.unfinished() == []
    assert [r.status for r in store.load_all().records] == [WorkoutStatus.COMPLETED]


def test_a_crash_between_finishing_and_tidying_leaves_twins_and_the_final_one_wins(store):
    record = make_record(status=WorkoutStatus.IN_PROGRESS)
    stale = store.save(record)
    stale_bytes = stale.read_bytes()
    final = store.save(replace(record, status=WorkoutStatus.COMPLETED))
    stale.write_bytes(stale_bytes)  # as if the removal never happened

    loaded = store.load_all()

    assert [r.status for r in loaded.records] == [WorkoutStatus.COMPLETED]
    assert loaded.problems == []
    assert store.unfinished() == []
    assert stale.exists() and final.exists()


def test_unfinished_offers_only_this_device_s_workouts_in_progress(tmp_path):
    laptop = HistoryStore(tmp_path, "laptop")
    phone = HistoryStore(tmp_path, "phone")
    mine = make_record(1, status=WorkoutStatus.IN_PROGRESS)
    laptop.save(mine)
    laptop.save(make_record(2))
    phone.save(make_record(3, status=WorkoutStatus.IN_PROGRESS, device="phone"))

    assert laptop.unfinished() == [mine]
    assert len(laptop.load_all().records) == 3


def test_stopping_a_claimed_workout_closes_it(store):
    record = make_record(status=WorkoutStatus.IN_PROGRESS)
    store.save(replace(record, resume_at=5))
    (unfinished,) = store.unfinished()

    held = store.claim(unfinished)
    assert held is not None
    path = held.stop()

    assert path.name.endswith("-25030107.toml")
    assert store.unfinished() == []
    (stopped,) = store.load_all().records
    assert (stopped.status, stopped.resume_at) == (WorkoutStatus.STOPPED_EARLY, 5)
    assert [p.name for p in store.history_dir.rglob("*")] == ["2025", path.name]  # no lock left


def test_a_store_only_writes_its_own_device_s_files(store):
    with pytest.raises(ValueError, match="phone"):
        store.save(make_record(device="phone"))


def test_saving_touches_no_other_file(store):
    for day in range(1, 6):
        store.save(make_record(day))
    before = snapshot(store.history_dir)

    store.save(make_record(9, status=WorkoutStatus.IN_PROGRESS))

    after = snapshot(store.history_dir)
    assert {name: after[name] for name in before} == before
    assert len(after) == len(before) + 1


BROKEN_FILES = {
    "corrupt": (b'id = "x\nstatus = [', "is not valid TOML"),
    "truncated": (b'format = 1\nid = "abc"\nstatus = "compl', "is not valid TOML"),
    "empty": (b"", "is empty"),
    "wrong fields": (
        b'id = "a"\nstatus = 3\nstarted = 2025-03-01 07:30:00Z\nended = 2025-03-01 08:00:00Z\n'
        b'[routine]\nname = "Hips"\n',
        '`status` must be one of "in progress", "completed", "partial", "stopped early", got 3',
    ),
    "not utf-8": (b'id = "caf\xe9"\n', "is not UTF-8 text: byte 0xe9 at offset 9"),
}


def test_unreadable_files_are_reported_left_untouched_and_the_rest_still_load(store):
    good = [make_record(day) for day in (1, 2)]
    for record in good:
        store.save(record)
    year = store.history_dir / "2025"
    broken = {}
    for number, (label, (content, _)) in enumerate(BROKEN_FILES.items(), start=10):
        path = year / f"2025-03-{number}T07-30-00--hips--laptop-{number}.toml"
        path.write_bytes(content)
        broken[path] = label
    folder = year / "2025-03-20T07-30-00--hips--laptop-20.toml"
    folder.mkdir()
    before = snapshot(store.history_dir)

    loaded = store.load_all()

    assert loaded.records == good[::-1]
    reasons = {problem.path: problem.reason for problem in loaded.problems}
    assert set(reasons) == {*broken, folder}
    for path, label in broken.items():
        assert BROKEN_FILES[label][1] in reasons[path], label
        assert str(path) in str(next(p for p in loaded.problems if p.path == path))
    assert reasons[folder] == "is a folder, not a workout file"
    assert snapshot(store.history_dir) == before
    assert folder.is_dir()


def test_a_file_that_cannot_be_opened_is_reported(store):
    path = store.save(make_record(1))
    store.save(make_record(2))
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read any file")
        loaded = store.load_all()
    finally:
        path.chmod(0o644)

    assert len(loaded.records) == 1
    (problem,) = loaded.problems
    assert (problem.path, problem.reason) == (path, "cannot be read: permission denied")


def test_a_sync_conflict_copy_counts_once_and_is_pointed_out(store):
    path = store.save(make_record(1))
    copy = path.with_name(path.stem + ".sync-conflict-20250301-083000-ABC.toml")
    copy.write_bytes(path.read_bytes())

    loaded = store.load_all()

    assert loaded.records == [make_record(1)]
    (problem,) = loaded.problems
    assert problem.path == copy
    assert problem.reason == f"holds the same workout as {path.name}; counted once"


def test_records_load_newest_first_across_years(store):
    records = [make_record(1, year=2024, month=12), make_record(3), make_record(2, hour=18)]
    for record in records:
        store.save(record)

    assert store.load_all().records == [records[1], records[2], records[0]]


def test_latest_opens_only_the_newest_files(store):
    old = store.save(make_record(1))
    for day in (2, 3, 4):
        store.save(make_record(day))
    old.write_bytes(b"not = [valid")  # an older file that would be reported if it were read

    newest = store.latest(1)
    three = store.latest(3)

    assert newest.records == [make_record(4)]
    assert newest.problems == []
    assert three.records == [make_record(d) for d in (4, 3, 2)]
    assert three.problems == []
    assert [p.path for p in store.latest(4).problems] == [old]


def test_since_opens_only_the_files_from_that_day_on(store):
    old = store.save(make_record(1))
    for day in (9, 10, 11):
        store.save(make_record(day))
    old.write_bytes(b"not = [valid")

    recent = store.since(date(2025, 3, 10))

    assert recent.records == [make_record(11), make_record(10)]
    assert recent.problems == []


def test_last_done_is_dated_by_file_name(store):
    store.save(make_record(1, routine="Hips"))
    store.save(make_record(9, routine="Hips", status=WorkoutStatus.IN_PROGRESS))
    store.save(make_record(5, routine="Mini band workouts"))
    for path in store.history_dir.rglob("*.toml"):
        path.write_bytes(b"\xff garbage")  # unreadable: counted by its name alone
    (store.history_dir / "2025" / "notes.toml").write_text("not a workout")

    assert store.last_done() == {
        "hips": date(2025, 3, 9),
        "mini-band-workouts": date(2025, 3, 5),
    }
    assert routine_slug("Mini band workouts") in store.last_done()


def test_a_workout_with_no_set_done_is_not_last_done(store):
    store.save(make_record(1, routine="Hips"))
    nothing = replace(
        make_record(9, routine="Hips", status=WorkoutStatus.IN_PROGRESS), exercises=()
    )
    store.save(nothing)  # killed before its first set
    store.save(replace(nothing, id="other", status=WorkoutStatus.STOPPED_EARLY))

    assert store.last_done() == {"hips": date(2025, 3, 1)}


def test_last_band_is_the_newest_band_used_for_the_exercise(store):
    store.save(make_record(1, band="blue"))
    store.save(make_record(2, band="yellow"))
    store.save(make_record(3))  # no band chosen that day

    assert store.last_band("clamshell") == "yellow"
    assert store.last_band("Plank") is None


def test_a_file_edited_after_it_was_read_is_read_again(store):
    path = store.save(make_record(1, band="blue"))
    assert store.last_band("Clamshell") == "blue"

    path.write_text(path.read_text().replace('"blue"', '"yellow"'))

    assert store.last_band("Clamshell") == "yellow"
    assert store.load_all().records[0].exercises[0].band == "yellow"


def test_a_routine_s_own_finished_workouts_newest_first_and_no_others(store):
    store.save(make_record(1))
    store.save(make_record(3, year=2026))  # another year's folder
    store.save(make_record(2, routine="Quick try"))
    store.save(make_record(4, status=WorkoutStatus.IN_PROGRESS))  # being recorded: not yet
    store.save(make_record(5, routine="Mini-band workouts!"))  # the same slug, another name
    assert routine_slug("Mini-band workouts!") == routine_slug("Mini band workouts")

    found = store.of_routine("mini band WORKOUTS")

    assert [record.id for record in found] == ["26030307", "25030107"]
    assert [record.id for record in store.of_routine("Mini band workouts", newest=1)] == [
        "26030307"
    ]
    assert store.of_routine("Never done") == []
