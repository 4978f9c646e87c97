"""Which bandtimer is recording a workout: a lock that dies with its owner.

Two copies of bandtimer on one history (two terminals, a second one started by mistake) must
never both write one workout: the second would offer the first's running workout for resuming,
or close it as stopped early while the first goes on adding sets to a file nobody reads again.
So whoever records a workout, or has it on screen in the resume dialog, holds `fcntl.flock` on a
small file beside the workout's files, `.<device>-<id>.lock` in its year folder, with its process
id written in it for messages. The kernel drops the lock when the process ends however it ends
(SIGKILL included), so a lock is never stale and there is no time stamp to guess from: an
unlocked file, or none, means nobody is recording. Letting go removes the file; after a kill it
stays behind, unlocked, and the next owner takes it over.

A lock file is not the workout's own file because that one is replaced by a rename on every
save, and a lock on a file that has been renamed over locks nothing.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
from pathlib import Path

from bandtimer.storage.atomic import new_file_mode

_TAKE_ATTEMPTS = 3
"""Tries when the lock file is removed between opening and locking it (its workout ended)."""


class WorkoutInUse(Exception):
    """Another process holds the workout's lock: it is recording it, or offering it."""

    def __init__(self, pid: int | None) -> None:
        self.pid = pid
        who = f"another bandtimer (process {pid})" if pid else "another bandtimer"
        super().__init__(f"{who} is recording this workout")


class WorkoutLock:
    """One held lock; `release` lets go of it, and the process ending does the same."""

    def __init__(self, path: Path, descriptor: int) -> None:
        self.path = path
        self._descriptor: int | None = descriptor

    @classmethod
    def take(cls, path: Path) -> WorkoutLock:
        """Lock `path` (creating it) without waiting; raises WorkoutInUse or OSError."""
        for _ in range(_TAKE_ATTEMPTS):
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, new_file_mode())
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                pid = _read_pid(descriptor)
                os.close(descriptor)
                if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
                    raise WorkoutInUse(pid) from None
                raise
            if _still_at(path, descriptor):
                os.ftruncate(descriptor, 0)
                os.pwrite(descriptor, f"{os.getpid()}\n".encode("ascii"), 0)
                return cls(path, descriptor)
            os.close(descriptor)  # its owner removed it as we opened it: take the new one
        raise WorkoutInUse(None)

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def release(self) -> None:
        """Remove the lock file, then let go. Someone who opened it just before is not misled:
        `take` checks that the file it locked is still the one at the path."""
        if self._descriptor is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._descriptor)
        self._descriptor = None


def _still_at(path: Path, descriptor: int) -> bool:
    """Whether the locked file is still the one at `path`, not one already unlinked."""
    try:
        return os.stat(path).st_ino == os.fstat(descriptor).st_ino
    except FileNotFoundError:
        return False


def _read_pid(descriptor: int) -> int | None:
    try:
        text = os.pread(descriptor, 32, 0).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None
