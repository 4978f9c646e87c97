"""Writing a file so that it is either the old version or the new one, never half of each.

A workout is saved after every set, while the person is sweating and may pull the plug, close
the laptop or run out of disk. The new content goes to a temporary file in the same folder
(so the rename cannot cross file systems), is flushed and fsynced, and then renamed over the
old file with `os.replace`, which is atomic. Syncing the folder afterwards makes the rename itself
survive a power cut. If anything fails the temporary file is removed and the old file is left
exactly as it was.

Temporary files start with a dot and end in `.tmp`, so a crash that leaves one behind leaves
nothing the loaders would read. The file gets the mode any new file of the person's gets (0644
under the usual umask 022, 0600 under 077), like the routine and config files their editor
writes, rather than `mkstemp`'s private 0600.
"""

from __future__ import annotations

import contextlib
import errno
import functools
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
        os.fchmod(descriptor, new_file_mode())
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


@functools.cache
def new_file_mode() -> int:
    """0666 less the process's umask: the mode `open()` gives a new file, read once.

    Linux tells the umask in /proc without changing it; elsewhere it is read by setting it
    and putting it straight back, which is safe here because it is done once, and first from
    the main thread (the first save).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


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
