"""Atomic writes: the old file or the new one, never half; a clear error when the disk says no."""

from __future__ import annotations

import errno
import os
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bandtimer.domain.history import RoutineRef, WorkoutRecord, WorkoutStatus
from bandtimer.storage.atomic import make_folder, write_atomically
from bandtimer.storage.history import HistoryStore, HistoryWriteError

STARTED = datetime(2025, 3, 1, 7, 30, tzinfo=timezone(timedelta(hours=1)))
RECORD = WorkoutRecord(
    id="abc123",
    routine=RoutineRef("Hips"),
    started=STARTED,
    ended=STARTED + timedelta(minutes=3),
    status=WorkoutStatus.IN_PROGRESS,
    device="laptop",
    resume_at=2,
)


def disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_write_replaces_the_file_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "a.toml"
    write_atomically(target, b"old")
    write_atomically(target, b"new")

    assert target.read_bytes() == b"new"
    assert [path.name for path in tmp_path.iterdir()] == ["a.toml"]


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary_one(
    tmp_path, monkeypatch, failing
):
    target = tmp_path / "a.toml"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, failing, disk_full)

    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, b"new")

    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["a.toml"]


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_full_disk_while_saving_is_a_history_write_error_and_changes_nothing(
    tmp_path, monkeypatch, failing
):
    store = HistoryStore(tmp_path, "laptop")
    path = store.save(RECORD)
    before = path.read_bytes(), path.stat().st_mtime_ns
    monkeypatch.setattr(os, failing, disk_full)

    with pytest.raises(HistoryWriteError) as caught:
        store.save(replace(RECORD, resume_at=7))

    monkeypatch.undo()
    assert caught.value.path == path
    assert caught.value.reason == "no space left on device"
    assert str(caught.value) == f"could not save the workout to {path}: no space left on device"
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    assert store.unfinished() == [RECORD]


def test_finishing_on_a_full_disk_keeps_the_in_progress_file(tmp_path, monkeypatch):
    store = HistoryStore(tmp_path, "laptop")
    in_progress = store.save(RECORD)
    monkeypatch.setattr(os, "replace", disk_full)

    with pytest.raises(HistoryWriteError):
        store.save(replace(RECORD, status=WorkoutStatus.COMPLETED))

    monkeypatch.undo()
    assert [p.name for p in in_progress.parent.iterdir()] == [in_progress.name]
    assert store.unfinished() == [RECORD]


def can_write_in(folder: Path) -> bool:
    """Whether chmod stops us: root writes into a read-only folder regardless."""
    probe = folder / "probe"
    try:
        probe.write_bytes(b"")
    except PermissionError:
        return False
    probe.unlink()
    return True


def test_a_read_only_folder_is_a_history_write_error_and_changes_nothing(tmp_path):
    store = HistoryStore(tmp_path / "history", "laptop")
    path = store.save(RECORD)
    before = path.read_bytes()
    path.parent.chmod(0o500)
    try:
        if can_write_in(path.parent):
            pytest.skip("running as a user that chmod does not stop (root)")
        with pytest.raises(HistoryWriteError) as caught:
            store.save(replace(RECORD, resume_at=7))
        listing = sorted(p.name for p in path.parent.iterdir())
    finally:
        path.parent.chmod(0o700)

    assert caught.value.reason == "permission denied"
    assert path.read_bytes() == before
    assert listing == [path.name]


def test_make_folder_creates_every_missing_parent(tmp_path):
    folder = tmp_path / "data" / "history" / "2025"

    make_folder(folder)
    make_folder(folder)  # already there: nothing to do

    assert folder.is_dir()
