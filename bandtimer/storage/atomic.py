"""Writing a file so that it is either the old version or the new one, never half of each.

A workout is saved after every set, while the person is sweating and may pull the plug, close
the laptop or run out of disk. The new content goes to a temporary file in the same folder
(so the rename cannot cross file systems), is flushed and fsynced, and then renamed over the
old file with `os.replace`, which is atomic. Syncing the folder afterwards makes the rename itself
survive a power cut. If anything fails the temporary file is removed and the old file is left
exactly as it was.

Temporary files start with a dot and end in `.tmp`, so a crash that leaves one behind leaves
nothing the loaders would read.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".tmp"
_UNSUPPORTED = {errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.EISDIR, errno.EACCES}
"""Errors from syncing a folder on systems that cannot (Windows, some network file systems)."""


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step; raises OSError with the old file untouched.

    The folder must exist (see `make_folder`).
    """
    descriptor, temp_name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX
    )
    temp = Path(temp_name)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    sync_folder(path.parent)


def make_folder(folder: Path) -> None:
    """Create `folder` and any missing parents, syncing each parent so the new folder stays."""
    missing: list[Path] = []
    current = folder
    while not current.is_dir():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for new in reversed(missing):
        new.mkdir(exist_ok=True)
        sync_folder(new.parent)


def sync_folder(folder: Path) -> None:
    """Make renames and deletions in `folder` durable, where the system allows it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError as error:
        if error.errno in _UNSUPPORTED:
            return
        raise
    try:
        os.fsync(descriptor)
    except OSError as error:
        if error.errno not in _UNSUPPORTED:
            raise
    finally:
        os.close(descriptor)
