"""Reading a file without trusting what its path leads to: the one way bandtimer reads a file.

Routines, history, settings, the routine cache and the cue sounds are all found by path, and a
path can lead anywhere: to a FIFO (a plain `open()` waits for a writer forever, and no key
works), to `/dev/zero` or `/dev/urandom` (a plain `read()` fills the memory until MemoryError),
to a folder, or to a log file of gigabytes. A synced folder or a mischievous routine swapped for
a symlink is enough. So every file is read by `read_bounded`, which:

1. looks first (`stat`, which never blocks) and refuses anything but a regular file no bigger
   than the limit, so a device is never even opened;
2. opens with `O_NONBLOCK` (opening a FIFO returns at once instead of waiting for a writer) and
   `O_NOCTTY`, and checks again with `fstat` on what was opened: the path may have been swapped
   between the look and the open;
3. reads at most one byte more than the limit, so a file that grew since is refused too.

`UnreadableFile.reason` finishes a sentence that starts with the file's path: "is not a regular
file", "cannot be read: permission denied". Callers say it in their own words where they have
better ones (a routine file's size limit, for instance).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["UnreadableFile", "file_details", "read_bounded"]

_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
_CHUNK = 1024 * 1024


class UnreadableFile(Exception):
    """Why a file was not read. `missing` when there is nothing at the path; `size` when it is
    a regular file over the limit (its size in bytes)."""

    def __init__(self, reason: str, *, missing: bool = False, size: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.missing = missing
        self.size = size


def file_details(path: Path | str, limit: int, *, kind: str = "file") -> os.stat_result:
    """The details of the regular file at `path`, if it is one of at most `limit` bytes; it is
    not opened. `kind` names what it should be, for a folder found instead: "a routine file".
    (A path as text spares the history index ten thousand `Path`s a read.)"""
    try:
        info = os.stat(path)
    except OSError as error:
        raise _os_problem(error) from None
    _check(info, limit, kind)
    return info


def read_bounded(path: Path, limit: int, *, kind: str = "file") -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them; never blocks on a FIFO,
    never reads a device. Raises UnreadableFile."""
    file_details(path, limit, kind=kind)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise _os_problem(error) from None
    try:
        _check(os.fstat(descriptor), limit, kind)  # what was opened, not what was looked at
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0 and (chunk := os.read(descriptor, min(left, _CHUNK))):
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise _os_problem(error) from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:  # it grew after it was looked at
        raise UnreadableFile(
            f"is over {limit:,} bytes, too big for {_article(kind)}", size=len(data)
        )
    return data


def _check(info: os.stat_result, limit: int, kind: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(f"is a folder, not {_article(kind)}")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile("is not a regular file")
    if info.st_size > limit:
        raise UnreadableFile(
            f"is {info.st_size:,} bytes, too big for {_article(kind)}", size=info.st_size
        )


def _article(kind: str) -> str:
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def _os_problem(error: OSError) -> UnreadableFile:
    if isinstance(error, FileNotFoundError):
        return UnreadableFile("does not exist", missing=True)
    reason = (error.strerror or type(error).__name__).lower()
    return UnreadableFile(f"cannot be read: {reason}")
