"""History file names: safe on every file system, and readable back without opening the file."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from bandtimer.domain.history import RoutineRef, WorkoutRecord, WorkoutStatus
from bandtimer.storage.history import HistoryStore, default_device_name, new_record_id, routine_slug
from bandtimer.storage.history.names import HistoryFileName, record_path

STARTED = datetime(2025, 12, 31, 23, 45, 7, tzinfo=timezone(timedelta(hours=-5)))


def test_a_name_says_when_what_and_where_and_reads_back():
    record = WorkoutRecord(
        id="9F3A0C1B",
        routine=RoutineRef("Hips & glutes -- week 2"),
        started=STARTED,
        ended=STARTED,
        status=WorkoutStatus.IN_PROGRESS,
        device="Dave's phone",
    )

    path = record_path(Path("history"), record)

    # The local time it started, wherever it is read: the year folder is that year too.
    assert path == Path(
        "history/2025/2025-12-31T23-45-07--hips-glutes-week-2--dave-s-phone-9f3a0c1b"
        ".inprogress.toml"
    )
    assert HistoryFileName.parse(path.name) == HistoryFileName(
        date(2025, 12, 31), "hips-glutes-week-2", "dave-s-phone", True, "9f3a0c1b"
    )


def test_names_bandtimer_did_not_write_are_not_read_as_workouts():
    for name in (
        "notes.toml",
        "2025-02-30T07-30-00--hips--laptop-1a.toml",  # no 30 February
        "2025-03-01T07-30-00--hips--laptop-1a.sync-conflict-20250301-083000-ABC.toml",
    ):
        assert HistoryFileName.parse(name) is None, name


def test_device_names_and_ids_are_safe_in_file_names():
    assert default_device_name()
    assert "." not in default_device_name()
    assert HistoryStore(Path("h"), "Dave's MacBook Pro.local").device == "dave-s-macbook-pro-local"
    assert len(new_record_id()) == 8
    assert new_record_id() != new_record_id()


def test_routine_slugs_are_ascii_words_and_never_collide_on_foreign_scripts():
    assert routine_slug("Übungen für Läufer") == "ubungen-fur-laufer"
    assert routine_slug("Τρέξιμο").startswith("routine-")
    assert routine_slug("Τρέξιμο") != routine_slug("Τρέξιμο 2")
    assert "--" not in routine_slug("a -- b")
    assert len(routine_slug("x" * 500)) <= 48
