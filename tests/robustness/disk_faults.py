"""Ways saving the history fails, for the test_filesystem_faults* modules.

Tests run as root in CI, where a read-only folder is still writable, so the faults are made in
ways root cannot get round: a file where the history folder or the year folder should be, or
bandtimer.storage.atomic's own view of `os` and `tempfile` raising what a read-only file system
(EROFS) or a full disk (ENOSPC) raises, at each step of an atomic write. The patches reach only
that module, so Textual and pytest keep their real file system. The `fault` fixture that tries
each of FAULTS is in conftest.py.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bandtimer.storage import atomic
from tests.robustness.history_home import YEAR


def oserror(number: int) -> OSError:
    return OSError(number, os.strerror(number))


class _ModuleWithAFault:
    """A module as bandtimer.storage.atomic sees it, with one function failing while `on`."""

    def __init__(self, real: ModuleType, name: str, failing: Callable[..., Any]) -> None:
        self._real, self._name, self._failing = real, name, failing
        self.on = False

    def __getattr__(self, attr: str) -> Any:
        if attr == self._name and self.on:
            return self._failing
        return getattr(self._real, attr)


class _HalfWrittenFile:
    """An open temporary file on a disk that fills up halfway through the write."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def __enter__(self) -> _HalfWrittenFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()

    def write(self, data: bytes) -> int:
        self._real.write(data[: len(data) // 2])
        self._real.flush()
        raise oserror(errno.ENOSPC)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._real, attr)


def _raise(number: int) -> Callable[..., Any]:
    def fail(*args: object, **kwargs: object) -> Any:
        raise oserror(number)

    return fail


@dataclass
class Fault:
    """Something that makes saving fail, switched on and off by the test."""

    name: str
    reason: str
    """What the person is told, in the system's words."""
    start: Callable[[Path], None]
    stop: Callable[[Path], None]


FaultMaker = Callable[[pytest.MonkeyPatch], Fault]


def patched(
    name: str, module: str, function: str, failing: Callable[..., Any], reason: str
) -> FaultMaker:
    """A fault in atomic's `module.function`, installed for the test by `monkeypatch`."""

    def make(monkeypatch: pytest.MonkeyPatch) -> Fault:
        proxy = _ModuleWithAFault(getattr(atomic, module), function, failing)
        monkeypatch.setattr(atomic, module, proxy)

        def switch(on: bool) -> Callable[[Path], None]:
            return lambda history: setattr(proxy, "on", on)

        return Fault(name, reason, switch(True), switch(False))

    return make


def file_in_the_way(name: str, relative: str) -> FaultMaker:
    """A plain file where a folder should be (a sync tool's mistake); the folder is kept aside."""

    def make(monkeypatch: pytest.MonkeyPatch) -> Fault:
        def start(history: Path) -> None:
            target = history / relative
            if target.exists():
                target.rename(target.with_name(target.name + ".aside"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("not a folder\n", encoding="utf-8")

        def stop(history: Path) -> None:
            target = history / relative
            target.unlink()
            aside = target.with_name(target.name + ".aside")
            if aside.exists():
                aside.rename(target)

        return Fault(name, "file exists", start, stop)

    return make


FAULTS: dict[str, FaultMaker] = {
    "folder-is-a-file": file_in_the_way("history folder is a file", ""),
    "year-is-a-file": file_in_the_way("year folder is a file", YEAR),
    "erofs-mkstemp": patched(
        "read-only file system: no temporary file", "tempfile", "mkstemp",
        _raise(errno.EROFS), "read-only file system",
    ),
    "erofs-replace": patched(
        "read-only file system: no rename", "os", "replace",
        _raise(errno.EROFS), "read-only file system",
    ),
    "enospc-write": patched(
        "disk full while writing", "os", "fdopen",
        lambda fd, mode: _HalfWrittenFile(os.fdopen(fd, mode)), "no space left on device",
    ),
    "enospc-fsync": patched(
        "disk full at fsync", "os", "fsync", _raise(errno.ENOSPC), "no space left on device"
    ),
}  # fmt: skip
SOME_FAULTS = ["year-is-a-file", "enospc-write"]
"""For the longer runs through the app: one fault of each kind (the app sees the same error)."""
PATCHED_FAULTS = ["erofs-mkstemp", "enospc-fsync"]
"""Faults that leave existing files readable, so an unfinished workout is still offered."""
